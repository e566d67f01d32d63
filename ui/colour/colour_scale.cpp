// The one colour scale (see colour_scale.h).
#include "ui/colour/colour_scale.h"

#include "core/trace/step_display.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace attnviz::ui {

namespace {

ColourStops stopsFrom(const char* const* hex, int n) {
    ColourStops stops;
    for (int i = 0; i < n; ++i)
        stops.append({double(i) / (n - 1), QColor(QString::fromLatin1(hex[i]))});
    return stops;
}

} // namespace

ColourStops viridisStops() {
    // Sampled from matplotlib's viridis at ten evenly spaced points.
    static const char* const hex[] = {"#440154", "#482878", "#3e4989", "#31688e", "#26828e",
                                      "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"};
    static const ColourStops stops = stopsFrom(hex, int(std::size(hex))); // parsed once: views ask per cell
    return stops;
}

ColourStops divergingStops() {
    // ColorBrewer RdBu, reversed so negative is blue and positive is red.
    static const char* const hex[] = {"#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
                                      "#fddbc7", "#f4a582", "#d6604d", "#b2182b"};
    static const ColourStops stops = stopsFrom(hex, int(std::size(hex)));
    return stops;
}

QColor maskedColour() {
    return {96, 96, 96};
}

ColourStops ColourScale::stops() const {
    switch (kind) {
    case ColourRangeKind::Diverging: return divergingStops();
    case ColourRangeKind::Binary: return {{0.0, maskedColour()}, {1.0, QColor(250, 250, 250)}};
    case ColourRangeKind::Probability:
    case ColourRangeKind::Sequential: break;
    }
    return viridisStops();
}

double ColourScale::position(double v) const {
    const double t = upper > lower ? (v - lower) / (upper - lower) : 0.5;
    return std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
}

QRgb ColourScale::rgb(double v) const {
    return colourAt(stops(), position(v));
}

namespace {

// The scale for values of this kind whose finite, unmasked values span [lo, hi] (any: there are some).
ColourScale scaleFromRange(core::ValueKind kind, bool any, float lo, float hi) {
    if (!any)
        lo = hi = 0;
    ColourScale s;
    switch (kind) {
    case core::ValueKind::Probability:
        s.kind = ColourRangeKind::Probability;
        s.lower = 0;
        s.upper = 1;
        break;
    case core::ValueKind::BooleanMask:
        s.kind = ColourRangeKind::Binary;
        s.lower = 0;
        s.upper = 1;
        break;
    case core::ValueKind::NonNegative:
        s.kind = ColourRangeKind::Sequential;
        s.lower = 0;
        s.upper = std::max(1.0, double(hi));
        break;
    case core::ValueKind::Signed: {
        s.kind = ColourRangeKind::Diverging;
        const double m = std::max(std::fabs(double(lo)), std::fabs(double(hi)));
        s.upper = m > 0 ? m : 1.0;
        s.lower = -s.upper;
        break;
    }
    }
    return s;
}

} // namespace

ColourScale colourScaleFor(core::ValueKind kind, const std::vector<float>& values,
                           const std::vector<std::uint8_t>& masked) {
    if (kind == core::ValueKind::Probability || kind == core::ValueKind::BooleanMask)
        return scaleFromRange(kind, false, 0, 0); // a fixed range: no need to look at the values
    float lo = 0, hi = 0;
    bool any = false;
    for (size_t i = 0; i < values.size(); ++i) {
        const float v = values[i];
        if (!std::isfinite(v) || (i < masked.size() && masked[i]))
            continue;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    }
    return scaleFromRange(kind, any, lo, hi);
}

ColourScale colourScaleFor(const core::Trace& trace, const core::Step& step) {
    // The core's summary (computed once per trace, off the main thread) when
    // there is one: views of large tensors never scan them.
    if (step.display.kind == core::ValueKind::Probability || step.display.kind == core::ValueKind::BooleanMask)
        return scaleFromRange(step.display.kind, false, 0, 0);
    const core::StepSummary sum = core::summarizeStep(trace, step);
    return scaleFromRange(step.display.kind, sum.anyShown, sum.shownMin, sum.shownMax);
}

QRgb colourAt(const ColourStops& stops, double t) {
    if (stops.isEmpty())
        return qRgb(0, 0, 0);
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    for (int i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].first) {
            const auto& [p0, c0] = stops[i - 1];
            const auto& [p1, c1] = stops[i];
            const double f = p1 > p0 ? (t - p0) / (p1 - p0) : 0.0;
            auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
            return qRgb(mix(c0.red(), c1.red()), mix(c0.green(), c1.green()), mix(c0.blue(), c1.blue()));
        }
    }
    return stops.last().second.rgb();
}

} // namespace attnviz::ui
