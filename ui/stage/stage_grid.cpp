// Grid building (see stage_grid.h).
#include "ui/stage/stage_grid.h"

#include "ui/inspector/tensor_slice_model.h"
#include "ui/stage/stage_style.h"
#include "ui/text/step_text.h"

#include "core/base/downsample.h"
#include "core/trace/step_display.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

QString axisName(const core::Step& s, size_t axis) {
    return axis < s.axes.size() ? axisLabel(s.axes[axis].name) : QString(); // in the UI language
}

core::AxisRole axisRole(const core::Step& s, size_t axis) {
    return axis < s.display.roles.size() ? s.display.roles[axis] : core::AxisRole::Feature;
}

bool isBatchAxis(const core::Step& s, size_t axis) {
    return axisRole(s, axis) == core::AxisRole::Batch;
}

bool isHeadAxis(const core::Step& s, size_t axis) {
    return axisRole(s, axis) == core::AxisRole::Head;
}

QStringList labelsFor(core::AxisRole role, int n, const Tokens& tokens) {
    const QStringList* source = role == core::AxisRole::Query    ? &tokens.query
                                : role == core::AxisRole::Source ? &tokens.key
                                                                 : nullptr;
    if (source && source->size() == n)
        return *source;
    QStringList out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out << QString::number(i);
    return out;
}

namespace {

std::vector<Index> strides(const core::Shape& shape) {
    std::vector<Index> st(shape.size(), 1);
    for (size_t i = shape.size(); i-- > 1;)
        st[i - 1] = st[i] * shape[i];
    return st;
}

} // namespace

namespace {

// Main thread only, as every view.
std::vector<std::vector<float>>& spareValues() {
    static std::vector<std::vector<float>> spare;
    return spare;
}

/// A buffer of n values (contents unspecified): a recycled one when one is big enough.
std::vector<float> recycledValues(size_t n) {
    std::vector<std::vector<float>>& spare = spareValues();
    for (auto it = spare.begin(); it != spare.end(); ++it)
        if (it->capacity() >= n) {
            std::vector<float> v = std::move(*it);
            spare.erase(it);
            v.resize(n);
            return v;
        }
    return std::vector<float>(n);
}

} // namespace

void recycleValues(StageScene& old) {
    for (StageGrid& g : old.grids)
        if (g.values.capacity() >= (size_t(1) << 20)) // 4 MB and more
            spareValues().push_back(std::move(g.values));
}

void dropRecycledValues() {
    spareValues().clear();
}

SlicePlan planSlice(const core::Step& s, int batch, int head) {
    const core::Shape& shape = s.value.shape();
    const size_t rank = shape.size();
    SlicePlan p;
    p.fixed.assign(rank, 0);
    std::vector<int> free;
    for (size_t a = 0; a < rank; ++a) {
        const Index dim = shape[a];
        if (isBatchAxis(s, a)) {
            p.fixed[a] = std::clamp<Index>(batch, 0, std::max<Index>(dim - 1, 0));
            p.batchSliced = dim > 1;
        } else if (isHeadAxis(s, a)) {
            p.fixed[a] = std::clamp<Index>(head, 0, std::max<Index>(dim - 1, 0));
            p.headSliced = dim > 1;
        } else {
            free.push_back(int(a));
        }
    }
    if (free.size() >= 2) {
        p.rowAxis = free[free.size() - 2];
        p.colAxis = free[free.size() - 1];
    } else if (free.size() == 1) {
        p.colAxis = free[0];
    }
    return p;
}

QString shapeText(const core::Shape& shape) {
    return QString::fromStdString(core::shapeString(shape));
}

void setCaption(StageGrid& g) {
    const QString r = g.rowAxis.isEmpty() ? tr_("rows") : g.rowAxis;
    const QString c = g.colAxis.isEmpty() ? tr_("columns") : g.colAxis;
    g.caption = QStringLiteral("%1 × %2  (%3 × %4)").arg(r, c).arg(g.rows).arg(g.cols);
}

namespace {

/// The step's colour scale: the core's whole-tensor summary, not a scan here.
ColourScale stepScale(const core::Trace& trace, const core::Step& s) {
    return colourScaleFor(trace, s);
}

} // namespace

StageGrid gridFromStep(const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tokens) {
    StageGrid g;
    g.scale = stepScale(trace, s);
    g.name = QString::fromStdString(s.key);
    const core::Tensor& t = s.value;
    const SlicePlan p = planSlice(s, batch, head);
    // The masked flags of the shown cells only (the core's, sliced as below).
    const std::vector<uint8_t> masked = p.rowAxis >= 0 && p.colAxis >= 0
                                            ? core::maskedSlice(trace, s, p.rowAxis, p.colAxis, p.fixed)
                                            : core::maskedCells(trace, s);
    const core::Shape& shape = t.shape();
    const auto st = strides(shape);
    g.rows = p.rowAxis >= 0 ? int(shape[size_t(p.rowAxis)]) : 1;
    g.cols = p.colAxis >= 0 ? int(shape[size_t(p.colAxis)]) : 1;
    Index base = 0;
    for (size_t a = 0; a < shape.size(); ++a)
        if (int(a) != p.rowAxis && int(a) != p.colAxis)
            base += p.fixed[a] * st[a];
    const Index rs = p.rowAxis >= 0 ? st[size_t(p.rowAxis)] : 0;
    const Index cs = p.colAxis >= 0 ? st[size_t(p.colAxis)] : 0;
    g.values = recycledValues(size_t(g.rows) * size_t(g.cols));
    if (t.empty()) {
        std::fill(g.values.begin(), g.values.end(), 0.0f); // a recycled buffer holds old values
    } else {
        for (int r = 0; r < g.rows; ++r) {
            const float* src = t.data() + base + r * rs;
            float* out = g.values.data() + size_t(r) * size_t(g.cols);
            if (cs == 1)
                std::copy_n(src, g.cols, out);
            else
                for (int c = 0; c < g.cols; ++c)
                    out[c] = src[c * cs];
        }
    }
    if (!masked.empty() && p.rowAxis >= 0 && p.colAxis >= 0) {
        g.hatched = masked; // already laid out as the slice
        g.hatched.resize(g.values.size(), 0);
    } else if (!masked.empty()) {
        g.hatched.assign(g.values.size(), 0);
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c)
                g.hatched[size_t(r) * size_t(g.cols) + size_t(c)] = masked[size_t(base + r * rs + c * cs)];
    }
    if (p.rowAxis >= 0)
        g.rowAxis = axisName(s, size_t(p.rowAxis));
    if (p.colAxis >= 0)
        g.colAxis = axisName(s, size_t(p.colAxis));
    g.rowLabels = labelsFor(p.rowAxis >= 0 ? axisRole(s, size_t(p.rowAxis)) : core::AxisRole::Feature, g.rows, tokens);
    g.colLabels = labelsFor(p.colAxis >= 0 ? axisRole(s, size_t(p.colAxis)) : core::AxisRole::Feature, g.cols, tokens);
    if (shape.size() > 2 || p.batchSliced || p.headSliced)
        g.fullShape = tr_("of %1").arg(shapeText(shape));
    setCaption(g);
    finishGrid(g);
    return g;
}

StageGrid flatGridFromStep(const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tokens) {
    const core::Shape& shape = s.value.shape();
    const size_t rank = shape.size();
    if (rank <= 2)
        return gridFromStep(trace, s, batch, head, tokens);
    StageGrid g;
    g.scale = stepScale(trace, s);
    g.name = QString::fromStdString(s.key);
    const Index b = std::clamp<Index>(batch, 0, std::max<Index>(shape[0] - 1, 0));
    g.rows = int(shape[1]);
    Index cols = 1;
    for (size_t a = 2; a < rank; ++a)
        cols *= shape[a];
    g.cols = int(cols);
    const Index per = Index(g.rows) * cols;
    g.values.assign(s.value.data() + b * per, s.value.data() + (b + 1) * per);
    g.hatched = core::maskedCells(trace, s, b * per, (b + 1) * per); // this batch row's flags only
    g.rowAxis = axisName(s, 1);
    QStringList colNames;
    for (size_t a = 2; a < rank; ++a)
        colNames << axisName(s, a);
    g.colAxis = colNames.join(QStringLiteral("·"));
    if (rank == 4 && isHeadAxis(s, 2)) {
        g.bandCols = int(shape[3]);
        g.bandHighlight = std::clamp(head, 0, int(shape[2]) - 1);
    }
    g.rowLabels = labelsFor(axisRole(s, 1), g.rows, tokens);
    g.colLabels = labelsFor(core::AxisRole::Feature, g.cols, tokens);
    g.fullShape = tr_("of %1").arg(shapeText(shape));
    setCaption(g);
    finishGrid(g);
    return g;
}

StageGrid kernelGrid(const QString& name, const core::Tensor& w, int inner, int head) {
    StageGrid g;
    g.name = name;
    const core::Shape& shape = w.shape();
    size_t split = shape.empty() ? 0 : 1;
    Index prod = 1;
    for (size_t s = 1; s < shape.size(); ++s) {
        prod = 1;
        for (size_t a = 0; a < s; ++a)
            prod *= shape[a];
        if (prod == inner) {
            split = s;
            break;
        }
    }
    Index rows = 1, cols = 1;
    for (size_t a = 0; a < shape.size(); ++a)
        (a < split ? rows : cols) *= shape[a];
    g.rows = int(rows);
    g.cols = int(cols);
    g.values = w.values();
    g.values.resize(size_t(rows * cols));
    if (shape.size() == 3 && split == 1) {
        g.bandCols = int(shape[2]);
        g.bandHighlight = std::clamp(head, 0, int(shape[1]) - 1);
        g.rowAxis = tr_("in");
        g.colAxis = tr_("head·unit");
    } else if (shape.size() == 3 && split == 2) {
        g.bandRows = int(shape[1]);
        g.bandHighlight = std::clamp(head, 0, int(shape[0]) - 1);
        g.rowAxis = tr_("head·unit");
        g.colAxis = tr_("out");
    } else {
        g.rowAxis = tr_("in");
        g.colAxis = tr_("out");
    }
    const Tokens none;
    g.rowLabels = labelsFor(core::AxisRole::Feature, g.rows, none);
    g.colLabels = labelsFor(core::AxisRole::Feature, g.cols, none);
    g.fullShape = tr_("weight %1").arg(shapeText(shape));
    g.scale = colourScaleFor(core::ValueKind::Signed, g.values); // a layer parameter: any real number
    setCaption(g);
    finishGrid(g);
    return g;
}

void transposeGrid(StageGrid& g) {
    std::vector<float> t(g.values.size());
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            t[size_t(c) * size_t(g.rows) + size_t(r)] = g.at(r, c);
    g.values = std::move(t);
    if (!g.hatched.empty()) {
        std::vector<uint8_t> h(g.hatched.size());
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c)
                h[size_t(c) * size_t(g.rows) + size_t(r)] = g.hatched[size_t(r) * size_t(g.cols) + size_t(c)];
        g.hatched = std::move(h);
    }
    std::swap(g.rows, g.cols);
    std::swap(g.rowAxis, g.colAxis);
    std::swap(g.rowLabels, g.colLabels);
    std::swap(g.bandRows, g.bandCols);
    g.name += QStringLiteral("ᵀ");
    setCaption(g);
    finishGrid(g);
}

namespace {

QRgb cellColour(const StageGrid& g, float v, bool masked) {
    if (!std::isfinite(v)) // NaN and ±Inf before masks: −Inf is not a masked cell
        return nonFiniteColor().rgb();
    if (masked)
        return maskedColour().rgb();
    return g.scale.rgb(double(v));
}

/// The image of a large grid: one pixel per block holding its most extreme
/// value (core::poolMaxAbs); a block is masked only when all its cells are.
void poolImage(StageGrid& g) {
    // Masked cells are left out unless the whole block is (read in place, no copy).
    const core::Pooled pooled = core::poolMaxAbs(g.values.data(), g.hatched.empty() ? nullptr : g.hatched.data(),
                                                 g.rows, g.cols, kMaxImageCells, kMaxImageCells);
    g.blockRows = int(pooled.blockRows);
    g.blockCols = int(pooled.blockCols);
    g.image = QImage(int(pooled.cols), int(pooled.rows), QImage::Format_RGB32);
    for (int r = 0; r < int(pooled.rows); ++r) {
        auto* line = reinterpret_cast<QRgb*>(g.image.scanLine(r));
        for (int c = 0; c < int(pooled.cols); ++c) {
            const float v = pooled.at(r, c);
            line[c] = cellColour(g, v, core::isMaskedScore(v));
        }
    }
}

} // namespace

void finishGrid(StageGrid& g) {
    const size_t n = size_t(g.rows) * size_t(g.cols);
    if (!g.hatched.empty() && g.hatched.size() != n)
        g.hatched.clear(); // the grid was reshaped without its flags
    g.texts.clear();
    g.textColours.clear();
    g.blockRows = g.blockCols = 1;
    if (g.rows > kMaxImageCells || g.cols > kMaxImageCells) {
        poolImage(g);
        return;
    }
    g.image = QImage(std::max(g.cols, 1), std::max(g.rows, 1), QImage::Format_RGB32);
    g.image.fill(kEmptyFill);
    const bool withText = g.rows <= kMaxTextCells && g.cols <= kMaxTextCells;
    for (int r = 0; r < g.rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(g.image.scanLine(r));
        for (int c = 0; c < g.cols; ++c) {
            const float v = g.at(r, c);
            const QRgb colour = cellColour(g, v, g.isHatched(r, c));
            line[c] = colour;
            if (withText) {
                g.texts << fmt(double(v));
                const double lum = 0.2126 * qRed(colour) + 0.7152 * qGreen(colour) + 0.0722 * qBlue(colour);
                g.textColours.push_back(lum > 140 ? QColor(Qt::black) : QColor(Qt::white));
            }
        }
    }
}

void autoRangeProbabilities(StageGrid& g) {
    if (g.scale.kind != ColourRangeKind::Probability)
        return;
    // The core's StepSummary::shownHigh rule on this grid's slice, so that
    // row 0 of causal weights does not leave the other rows dark.
    auto shownAt = [&g](core::Index i) {
        const bool hatched = !g.hatched.empty() && g.hatched[size_t(i)];
        return hatched ? std::numeric_limits<float>::quiet_NaN() : g.values[size_t(i)];
    };
    const auto n = core::Index(g.values.size());
    float mx = 0;
    if (const std::optional<float> high = core::highPercentile(n, shownAt)) {
        mx = *high;
    } else { // few shown values: the largest
        for (core::Index i = 0; i < n; ++i)
            if (const float x = shownAt(i); std::isfinite(x))
                mx = std::max(mx, x);
    }
    if (!(mx > 0) || double(mx) == g.scale.upper)
        return;
    g.scale.upper = double(mx);
    finishGrid(g);
}

void markHatched(StageGrid& g, const std::vector<uint8_t>& mask) {
    g.hatched = mask;
    if (g.blockRows > 1 || g.blockCols > 1) {
        finishGrid(g); // pooled: a block is masked only when every cell is
        return;
    }
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            if (g.isHatched(r, c))
                g.image.setPixel(c, r, maskedColour().rgb());
}

} // namespace attnviz::ui::stage
