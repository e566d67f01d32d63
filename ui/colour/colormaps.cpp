// Colour stops for viridis and a diverging map (see colormaps.h).
#include "ui/colour/colormaps.h"

#include <algorithm>

namespace attnviz::ui {

QList<QPair<double, QColor>> viridisStops() {
    // Sampled from matplotlib's viridis at ten evenly spaced points.
    static const char* const hex[] = {"#440154", "#482878", "#3e4989", "#31688e", "#26828e",
                                      "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"};
    QList<QPair<double, QColor>> stops;
    const int n = int(std::size(hex));
    for (int i = 0; i < n; ++i)
        stops.append({double(i) / (n - 1), QColor(QString::fromLatin1(hex[i]))});
    return stops;
}

QList<QPair<double, QColor>> divergingStops() {
    // ColorBrewer RdBu, reversed so negative is blue and positive is red.
    static const char* const hex[] = {"#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
                                      "#fddbc7", "#f4a582", "#d6604d", "#b2182b"};
    QList<QPair<double, QColor>> stops;
    const int n = int(std::size(hex));
    for (int i = 0; i < n; ++i)
        stops.append({double(i) / (n - 1), QColor(QString::fromLatin1(hex[i]))});
    return stops;
}

QColor colorAt(const QList<QPair<double, QColor>>& stops, double t) {
    if (stops.isEmpty())
        return {};
    t = std::clamp(t, 0.0, 1.0);
    for (int i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].first) {
            const auto& [p0, c0] = stops[i - 1];
            const auto& [p1, c1] = stops[i];
            const double f = p1 > p0 ? (t - p0) / (p1 - p0) : 0.0;
            return QColor::fromRgbF(float(c0.redF() + f * (c1.redF() - c0.redF())),
                                    float(c0.greenF() + f * (c1.greenF() - c0.greenF())),
                                    float(c0.blueF() + f * (c1.blueF() - c0.blueF())));
        }
    }
    return stops.last().second;
}

} // namespace attnviz::ui
