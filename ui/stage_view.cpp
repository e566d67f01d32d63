// The centre stage. buildScene() turns (trace, step, batch, head, tokens) into
// a StageScene: 2-D grids with precomputed colours and texts, plus the few
// numbers an animation narrates (one dot product, one softmax row, one
// tanh-sum cell). renderTo() only lays those out for a progress value 0..1.
// Which animation runs depends on Step::op alone, never on the layer.
#include "stage_view.h"

#include "tensor_slice_model.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVariantAnimation>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace attnviz::ui {

namespace {

using core::Index;
using core::OpKind;

QString tr_(const char* text) {
    return QCoreApplication::translate("attnviz::ui::StageView", text);
}

// A logit at or below -kSentinel is a masked one (Keras uses -1e9).
constexpr float kSentinel = 1e8f;
constexpr int kMaxTextCells = 16; // numbers in cells only up to 16 × 16

// ---------------------------------------------------------------- colours

// matplotlib's viridis (sequential, colour-blind safe) and RdBu reversed
// (diverging: blue negative, white zero, red positive).
const std::array<QRgb, 9> kViridis = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c,
                                      0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};
const std::array<QRgb, 9> kDiverging = {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                        0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b};

QRgb lerpStops(const std::array<QRgb, 9>& stops, double t) {
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * double(stops.size() - 1);
    const auto i = std::min<size_t>(size_t(t), stops.size() - 2);
    const double f = t - double(i);
    const QRgb a = stops[i], b = stops[i + 1];
    auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

enum class Palette { Probability, Sequential, Diverging, Binary };

const QColor kHighlight(255, 196, 0);   // amber, drawn over a black outline
const QColor kMaskedFill(96, 96, 96);   // masked cells
const QColor kEmptyFill(236, 236, 236); // result cells not computed yet
const QColor kText(20, 20, 20);
const QColor kSubtle(90, 90, 90);
const std::array<QColor, 8> kHeadColours = {
    QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
    QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00), QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00)};

QString fmt(double v) {
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    const double a = std::fabs(v);
    QString s;
    if (a >= 1e4)
        s = QString::number(v, 'e', 0)
                .replace(QStringLiteral("e+0"), QStringLiteral("e"))
                .replace(QStringLiteral("e+"), QStringLiteral("e"));
    else if (a >= 100)
        s = QString::number(v, 'f', 0);
    else if (a >= 10)
        s = QString::number(v, 'f', 1);
    else
        s = QString::number(v, 'f', 2);
    if (s == QStringLiteral("-0.00"))
        s = QStringLiteral("0.00");
    return s.replace(QLatin1Char('-'), QChar(0x2212));
}

// A factor in a product, parenthesised when negative: "(−0.31)".
QString factor(double v) {
    const QString s = fmt(v);
    return v < 0 ? QStringLiteral("(") + s + QStringLiteral(")") : s;
}

} // namespace

// ---------------------------------------------------------------- the scene

/// One 2-D matrix on the stage, with everything needed to paint it.
struct StageGrid {
    QString name;             // step key or weight name
    QString rowAxis, colAxis; // axis names
    QStringList rowLabels, colLabels;
    QString caption;   // "query × key_dim  (3 × 4)"
    QString fullShape; // "of (2, 3, 2, 4)" when sliced
    int rows = 0, cols = 0;
    std::vector<float> values; // rows × cols, row-major
    Palette palette = Palette::Diverging;
    float lo = -1, hi = 1;
    QImage image;      // one pixel per cell, colours precomputed
    QStringList texts; // cell numbers (empty when too many cells)
    std::vector<QColor> textColours;
    std::vector<uint8_t> hatched;   // masked cells
    std::vector<uint8_t> crossed;   // dropped cells
    int bandCols = 0, bandRows = 0; // separators every n columns/rows (heads)
    int bandHighlight = -1;
    QColor frame; // optional coloured frame (concat heads)

    float at(int r, int c) const { return values[size_t(r) * size_t(cols) + size_t(c)]; }
    bool isHatched(int r, int c) const { return !hatched.empty() && hatched[size_t(r) * size_t(cols) + size_t(c)]; }
    bool isCrossed(int r, int c) const { return !crossed.empty() && crossed[size_t(r) * size_t(cols) + size_t(c)]; }
};

/// The terms of one product cell, revealed one by one: lhs = t₁ + t₂ + … = rhs.
struct CellDetail {
    QString lhs;
    QStringList terms;
    QString rhs;
};

/// A labelled vector row of the tanh-sum narration.
struct VectorRow {
    QString label;
    std::vector<float> values;
};

enum class FillMode { None, Cells, Rows };
enum class Layout { Row, Concat };
enum class InfoKind { Text, Bars, Vectors };

struct StageScene {
    QString title, formula, sliceNote;
    OpKind op = OpKind::Input;
    QString opName;
    Layout layout = Layout::Row;
    std::vector<StageGrid> grids; // drawing order; the result is `result`
    QStringList symbols;          // symbols[i] sits between grids[i] and grids[i+1]
    int result = -1;
    int left = -1, right = -1;       // operands with a row / column highlight
    bool rightHighlightsRow = false; // tanh-sum: row s of k instead of column s

    // Fill animation of the result grid.
    FillMode fill = FillMode::None;
    std::vector<int> rowOrder; // rows in fill order
    double introEnd = 0.0;     // progress at which filling starts
    double slowEnd = 0.0;      // end of the slow (narrated) cells
    double fillEnd = 0.92;     // everything filled
    int slowCells = 0;
    std::vector<CellDetail> details; // one per slow cell

    // Narration below the grids.
    InfoKind info = InfoKind::Text;
    QStringList infoLines;
    QString message; // shown when something could not be shown

    // Softmax of one row.
    int focusRow = 0;
    QStringList barLabels;
    std::vector<float> rowIn, rowExp, rowOut;
    std::vector<uint8_t> rowMasked;
    float rowMaxAbs = 1, rowMax = 0, expSum = 1;

    // Tanh-sum of one cell.
    std::vector<VectorRow> vectors;
    QString vectorResult;

    // Concat: grids[0..heads) are the heads, result the concatenation.
    int heads = 0;

    int cellCount() const { return result >= 0 ? grids[size_t(result)].rows * grids[size_t(result)].cols : 0; }
};

namespace {

struct Tokens {
    QStringList query, key;
};

QString axisName(const core::Step& s, size_t axis) {
    return axis < s.axes.size() ? QString::fromStdString(s.axes[axis]) : QString();
}

bool isBatchAxis(const QString& name, size_t axis, size_t rank) {
    return name == QLatin1String("batch") || (name.isEmpty() && axis == 0 && rank >= 3);
}

bool isHeadAxis(const QString& name, size_t axis, size_t rank) {
    return name == QLatin1String("head") || name == QLatin1String("heads") ||
           (name.isEmpty() && axis == 1 && rank == 4);
}

QStringList labelsFor(const QString& axis, int n, const Tokens& tokens) {
    const QString a = axis.toLower();
    const QStringList* source = nullptr;
    if (a == QLatin1String("query") || a == QLatin1String("target") || a == QLatin1String("query_len"))
        source = &tokens.query;
    else if (a == QLatin1String("key") || a == QLatin1String("source") || a == QLatin1String("value") ||
             a == QLatin1String("key_len") || a == QLatin1String("source_len") || a == QLatin1String("value_len"))
        source = &tokens.key;
    if (source && source->size() == n)
        return *source;
    QStringList out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out << QString::number(i);
    return out;
}

std::vector<Index> strides(const core::Shape& shape) {
    std::vector<Index> st(shape.size(), 1);
    for (size_t i = shape.size(); i-- > 1;)
        st[i - 1] = st[i] * shape[i];
    return st;
}

/// Which axes become rows and columns, and where every other axis is fixed.
struct SlicePlan {
    int rowAxis = -1, colAxis = -1;
    std::vector<Index> fixed;
    bool batchSliced = false, headSliced = false;
};

SlicePlan planSlice(const core::Step& s, int batch, int head) {
    const core::Shape& shape = s.value.shape();
    const size_t rank = shape.size();
    SlicePlan p;
    p.fixed.assign(rank, 0);
    std::vector<int> free;
    for (size_t a = 0; a < rank; ++a) {
        const QString name = axisName(s, a);
        const Index dim = shape[a];
        if (isBatchAxis(name, a, rank)) {
            p.fixed[a] = std::clamp<Index>(batch, 0, std::max<Index>(dim - 1, 0));
            p.batchSliced = dim > 1;
        } else if (isHeadAxis(name, a, rank)) {
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

void finishGrid(StageGrid& g);

QString shapeText(const core::Shape& shape) {
    return QString::fromStdString(core::shapeString(shape));
}

void setCaption(StageGrid& g) {
    const QString r = g.rowAxis.isEmpty() ? tr_("rows") : g.rowAxis;
    const QString c = g.colAxis.isEmpty() ? tr_("columns") : g.colAxis;
    g.caption = QStringLiteral("%1 × %2  (%3 × %4)").arg(r, c).arg(g.rows).arg(g.cols);
}

Palette paletteFor(const core::Step& s, const std::vector<float>& v, float& lo, float& hi) {
    float mn = 0, mx = 0, maxAbs = 0;
    bool first = true, binary = true;
    for (float x : v) {
        if (!std::isfinite(x) || std::fabs(x) >= kSentinel)
            continue;
        if (first) {
            mn = mx = x;
            first = false;
        }
        mn = std::min(mn, x);
        mx = std::max(mx, x);
        maxAbs = std::max(maxAbs, std::fabs(x));
        binary = binary && (x == 0.0f || x == 1.0f);
    }
    const bool isMask = s.key.find("mask") != std::string::npos && s.op == OpKind::Input;
    if (isMask && binary) {
        lo = 0;
        hi = 1;
        return Palette::Binary;
    }
    if (s.op == OpKind::Softmax) {
        lo = 0;
        hi = 1;
        return Palette::Probability;
    }
    if (s.op == OpKind::Dropout && mn >= 0) {
        lo = 0;
        hi = std::max(1.0f, mx);
        return Palette::Sequential;
    }
    hi = maxAbs > 0 ? maxAbs : 1.0f;
    lo = -hi;
    return Palette::Diverging;
}

StageGrid gridFromStep(const core::Step& s, int batch, int head, const Tokens& tokens, bool* sliced = nullptr) {
    StageGrid g;
    g.name = QString::fromStdString(s.key);
    const core::Tensor& t = s.value;
    const SlicePlan p = planSlice(s, batch, head);
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
    g.values.resize(size_t(g.rows) * size_t(g.cols));
    if (!t.empty())
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c)
                g.values[size_t(r) * size_t(g.cols) + size_t(c)] = t.data()[base + r * rs + c * cs];
    if (p.rowAxis >= 0)
        g.rowAxis = axisName(s, size_t(p.rowAxis));
    if (p.colAxis >= 0)
        g.colAxis = axisName(s, size_t(p.colAxis));
    g.rowLabels = labelsFor(g.rowAxis, g.rows, tokens);
    g.colLabels = labelsFor(g.colAxis, g.cols, tokens);
    if (shape.size() > 2 || p.batchSliced || p.headSliced)
        g.fullShape = tr_("of %1").arg(shapeText(shape));
    if (sliced)
        *sliced = p.batchSliced || p.headSliced;
    g.palette = paletteFor(s, g.values, g.lo, g.hi);
    setCaption(g);
    finishGrid(g);
    return g;
}

/// A step as one matrix: rows along the first non-batch axis, every later
/// axis flattened into columns ([B,T,H,k] → [T, H·k], heads as bands).
StageGrid flatGridFromStep(const core::Step& s, int batch, int head, const Tokens& tokens) {
    const core::Shape& shape = s.value.shape();
    const size_t rank = shape.size();
    if (rank <= 2)
        return gridFromStep(s, batch, head, tokens);
    StageGrid g;
    g.name = QString::fromStdString(s.key);
    const Index b = std::clamp<Index>(batch, 0, std::max<Index>(shape[0] - 1, 0));
    g.rows = int(shape[1]);
    Index cols = 1;
    for (size_t a = 2; a < rank; ++a)
        cols *= shape[a];
    g.cols = int(cols);
    const Index per = Index(g.rows) * cols;
    g.values.assign(s.value.data() + b * per, s.value.data() + (b + 1) * per);
    g.rowAxis = axisName(s, 1);
    QStringList colNames;
    for (size_t a = 2; a < rank; ++a)
        colNames << axisName(s, a);
    g.colAxis = colNames.join(QStringLiteral("·"));
    if (rank == 4 && isHeadAxis(axisName(s, 2), 2, rank)) {
        g.bandCols = int(shape[3]);
        g.bandHighlight = std::clamp(head, 0, int(shape[2]) - 1);
    }
    g.rowLabels = labelsFor(g.rowAxis, g.rows, tokens);
    g.colLabels = labelsFor(QString(), g.cols, tokens);
    g.fullShape = tr_("of %1").arg(shapeText(shape));
    g.palette = paletteFor(s, g.values, g.lo, g.hi);
    setCaption(g);
    finishGrid(g);
    return g;
}

/// A weight as a matrix whose rows match `inner` (the operand's columns):
/// [E,H,k] → [E, H·k], [H,v,E] → [H·v, E].
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
    g.rowLabels = labelsFor(QString(), g.rows, none);
    g.colLabels = labelsFor(QString(), g.cols, none);
    g.fullShape = tr_("weight %1").arg(shapeText(shape));
    core::Step fake;
    fake.op = OpKind::Dense;
    g.palette = paletteFor(fake, g.values, g.lo, g.hi);
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
    std::swap(g.rows, g.cols);
    std::swap(g.rowAxis, g.colAxis);
    std::swap(g.rowLabels, g.colLabels);
    std::swap(g.bandRows, g.bandCols);
    g.name += QStringLiteral("ᵀ");
    g.hatched.clear();
    setCaption(g);
    finishGrid(g);
}

void finishGrid(StageGrid& g) {
    const size_t n = size_t(g.rows) * size_t(g.cols);
    g.image = QImage(std::max(g.cols, 1), std::max(g.rows, 1), QImage::Format_RGB32);
    g.image.fill(kEmptyFill);
    bool anyHatched = false;
    std::vector<uint8_t> hatched(n, 0);
    const bool withText = g.rows <= kMaxTextCells && g.cols <= kMaxTextCells;
    g.texts.clear();
    g.textColours.clear();
    for (int r = 0; r < g.rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(g.image.scanLine(r));
        for (int c = 0; c < g.cols; ++c) {
            const float v = g.at(r, c);
            QRgb colour;
            if (!std::isfinite(v)) { // NaN and ±Inf before masks: −Inf is not a masked cell
                colour = nonFiniteColor().rgb();
            } else if (v <= -kSentinel) {
                hatched[size_t(r) * size_t(g.cols) + size_t(c)] = 1;
                anyHatched = true;
                colour = kMaskedFill.rgb();
            } else if (g.palette == Palette::Binary) {
                colour = v != 0.0f ? qRgb(250, 250, 250) : kMaskedFill.rgb();
            } else if (g.palette == Palette::Diverging) {
                colour = lerpStops(kDiverging, 0.5 + 0.5 * double(v) / double(g.hi));
            } else {
                colour = lerpStops(kViridis, (double(v) - double(g.lo)) / double(g.hi - g.lo));
            }
            line[c] = colour;
            if (withText) {
                g.texts << fmt(double(v));
                const double lum = 0.2126 * qRed(colour) + 0.7152 * qGreen(colour) + 0.0722 * qBlue(colour);
                g.textColours.push_back(lum > 140 ? QColor(Qt::black) : QColor(Qt::white));
            }
        }
    }
    if (anyHatched)
        g.hatched = std::move(hatched);
}

void markHatched(StageGrid& g, const std::vector<uint8_t>& mask) {
    g.hatched = mask;
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            if (g.isHatched(r, c))
                g.image.setPixel(c, r, kMaskedFill.rgb());
}

const core::Step* operand(const core::Trace& trace, const core::Step& s, size_t i) {
    return i < s.inputs.size() ? trace.find(s.inputs[i]) : nullptr;
}

const core::Tensor* param(const core::Trace& trace, const core::Step& s, const char* suffix) {
    for (const std::string& p : s.params) {
        const std::string_view sv(p);
        const std::string_view suf(suffix);
        if (sv.size() >= suf.size() && sv.substr(sv.size() - suf.size()) == suf) {
            auto it = trace.params.find(p);
            if (it != trace.params.end())
                return &it->second;
        }
    }
    return nullptr;
}

void setRowOrder(StageScene& sc, int first = -1) {
    const int rows = sc.result >= 0 ? sc.grids[size_t(sc.result)].rows : 0;
    sc.rowOrder.clear();
    if (first >= 0 && first < rows)
        sc.rowOrder.push_back(first);
    for (int r = 0; r < rows; ++r)
        if (r != first)
            sc.rowOrder.push_back(r);
}

// Product cells: left [R, d] · right [d, C] (+ bias) — the first few narrated.
void addProductDetails(StageScene& sc, const core::Tensor* bias) {
    const StageGrid& a = sc.grids[size_t(sc.left)];
    const StageGrid& b = sc.grids[size_t(sc.right)];
    const StageGrid& y = sc.grids[size_t(sc.result)];
    sc.slowCells = std::min(3, y.rows * y.cols);
    for (int k = 0; k < sc.slowCells; ++k) {
        const int i = k / y.cols, j = k % y.cols;
        CellDetail d;
        const QString resultName = y.name.section(QLatin1Char('/'), 0, 0);
        d.lhs = QStringLiteral("%1[%2, %3] =").arg(resultName).arg(i).arg(j);
        for (int t = 0; t < a.cols; ++t) {
            if (d.terms.size() == 6 && a.cols > 7) {
                d.terms << tr_("… (%1 terms)").arg(a.cols);
                break;
            }
            d.terms << factor(double(a.at(i, t))) + QStringLiteral("×") + factor(double(b.at(t, j)));
        }
        if (bias && j < bias->size())
            d.terms << tr_("bias %1").arg(factor(double(bias->data()[j])));
        d.rhs = QStringLiteral("= ") + fmt(double(y.at(i, j)));
        sc.details.push_back(d);
    }
}

// ---------------------------------------------------------------- per op kind

// The result grid goes last and fills row by row once the operands have been
// introduced (the first `introEnd` of the animation).
bool finishRowByRow(StageScene& sc, StageGrid result, double introEnd) {
    sc.grids.push_back(std::move(result));
    sc.result = int(sc.grids.size()) - 1;
    sc.fill = FillMode::Rows;
    sc.introEnd = introEnd;
    sc.slowEnd = introEnd;
    return true;
}

bool buildProduct(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* a = operand(trace, s, 0);
    const core::Step* b = operand(trace, s, 1);
    if (!a || !b)
        return false;
    StageGrid ga = gridFromStep(*a, batch, head, tok);
    StageGrid gb = gridFromStep(*b, batch, head, tok);
    StageGrid gy = gridFromStep(s, batch, head, tok);
    // Orient: the left operand shares the result's row axis, the right one
    // its column axis; names first (T may equal S), shapes as a fallback.
    auto fits = [&](const StageGrid& l, const StageGrid& r) {
        return l.rows == gy.rows && r.cols == gy.cols && l.cols == r.rows;
    };
    auto fitsT = [&](const StageGrid& l, const StageGrid& r) {
        return l.rows == gy.rows && r.rows == gy.cols && l.cols == r.cols;
    };
    if (!gy.rowAxis.isEmpty() && gb.rowAxis == gy.rowAxis && ga.rowAxis != gy.rowAxis)
        std::swap(ga, gb);
    if (!(fits(ga, gb) || fitsT(ga, gb)) && (fits(gb, ga) || fitsT(gb, ga)))
        std::swap(ga, gb);
    const bool byName = !gy.colAxis.isEmpty() && gb.rowAxis == gy.colAxis && gb.colAxis != gy.colAxis;
    if (fitsT(ga, gb) && (byName || !fits(ga, gb)))
        transposeGrid(gb);
    if (!fits(ga, gb))
        return false;
    sc.grids = {std::move(ga), std::move(gb), std::move(gy)};
    sc.symbols = {QStringLiteral("·"), QStringLiteral("=")};
    sc.left = 0;
    sc.right = 1;
    sc.result = 2;
    sc.fill = FillMode::Cells;
    sc.introEnd = 0.05;
    sc.slowEnd = 0.6;
    addProductDetails(sc, nullptr);
    const StageGrid& l = sc.grids[0];
    sc.infoLines << tr_("Each cell is a dot product: a row of %1 with a column of %2 (%3 terms).")
                        .arg(l.name, sc.grids[1].name)
                        .arg(l.cols);
    return true;
}

bool buildDense(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    const core::Tensor* w = param(trace, s, "kernel");
    if (!x || !w)
        return false;
    StageGrid gx = flatGridFromStep(*x, batch, head, tok);
    StageGrid gw;
    for (const std::string& p : s.params)
        if (p.find("kernel") != std::string::npos)
            gw = kernelGrid(QString::fromStdString(p), *w, gx.cols, head);
    StageGrid gy = flatGridFromStep(s, batch, head, tok);
    if (gx.cols != gw.rows || gx.rows != gy.rows || gw.cols != gy.cols)
        return false;
    const core::Tensor* bias = param(trace, s, "bias");
    sc.grids = {std::move(gx), std::move(gw), std::move(gy)};
    sc.symbols = {QStringLiteral("·"), bias ? QStringLiteral("+ b =") : QStringLiteral("=")};
    sc.left = 0;
    sc.right = 1;
    sc.result = 2;
    sc.fill = FillMode::Cells;
    sc.introEnd = 0.05;
    sc.slowEnd = 0.6;
    addProductDetails(sc, bias);
    sc.infoLines << tr_("A Dense projection is one matrix product per token: x · W%1, all heads at once "
                        "(the kernel is shown as a %2 × %3 matrix).")
                        .arg(bias ? tr_(" + b") : QString())
                        .arg(sc.grids[1].rows)
                        .arg(sc.grids[1].cols);
    return true;
}

bool buildTanhSum(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* a = operand(trace, s, 0);
    const core::Step* b = operand(trace, s, 1);
    if (!a || !b)
        return false;
    StageGrid gq = gridFromStep(*a, batch, head, tok);
    StageGrid gk = gridFromStep(*b, batch, head, tok);
    StageGrid gy = gridFromStep(s, batch, head, tok);
    if (!(gq.rows == gy.rows && gk.rows == gy.cols) && gk.rows == gy.rows && gq.rows == gy.cols)
        std::swap(gq, gk);
    if (gq.rows != gy.rows || gk.rows != gy.cols || gq.cols != gk.cols)
        return false;
    const int d = gq.cols;
    // Narrate cell (0, 0): Σ_d w·tanh(scale·(q + k)), the weights taken from the
    // step's params; shown only if it reproduces the trace's value.
    const core::Tensor* scale = param(trace, s, "scale");
    const core::Tensor* weight = param(trace, s, "concat_score_weight");
    const bool scalarScale = scale && scale->size() == 1;
    const size_t nd = size_t(d);
    std::vector<float> q(nd), k(nd), sum(nd), th(nd), w(nd, 1.0f), terms(nd);
    double total = 0;
    for (int i = 0; i < d; ++i) {
        q[size_t(i)] = gq.at(0, i);
        k[size_t(i)] = gk.at(0, i);
        sum[size_t(i)] = q[size_t(i)] + k[size_t(i)];
        const float inner = (scalarScale && weight) ? scale->data()[0] * sum[size_t(i)] : sum[size_t(i)];
        th[size_t(i)] = std::tanh(inner);
        if (weight)
            w[size_t(i)] = weight->data()[0];
        else if (scale)
            w[size_t(i)] = scale->data()[scale->size() == d ? i : 0];
        terms[size_t(i)] = w[size_t(i)] * th[size_t(i)];
        total += double(terms[size_t(i)]);
    }
    const float actual = gy.at(0, 0);
    const bool matches = std::fabs(total - double(actual)) <= 1e-3 * (1.0 + std::fabs(double(actual)));
    const QString qn = gq.name, kn = gk.name;
    sc.vectors.push_back({tr_("%1[0]").arg(qn), q});
    sc.vectors.push_back({tr_("%1[0]").arg(kn), k});
    if (matches) {
        sc.vectors.push_back({tr_("q + k"), sum});
        sc.vectors.push_back({(scalarScale && weight) ? tr_("tanh(scale·(q + k))") : tr_("tanh(q + k)"), th});
        const QString wName = weight ? tr_("w_c") : tr_("scale");
        if (scale || weight) {
            sc.vectors.push_back({wName, w});
            sc.vectors.push_back({wName + tr_(" · tanh"), terms});
        }
    }
    sc.vectorResult = QStringLiteral("%1[0, 0] = Σ = %2").arg(gy.name, fmt(double(actual)));
    if (!matches)
        sc.message = tr_("(the intermediate terms are not shown: this step's weights are not in the trace)");
    sc.grids = {std::move(gq), std::move(gk), std::move(gy)};
    sc.symbols = {QStringLiteral("⊕"), QStringLiteral("→")};
    sc.left = 0;
    sc.right = 1;
    sc.rightHighlightsRow = true;
    sc.result = 2;
    sc.fill = FillMode::Cells;
    sc.introEnd = 0.05;
    sc.slowEnd = 0.6;
    sc.slowCells = 1;
    sc.details.push_back({});
    sc.info = InfoKind::Vectors;
    return true;
}

bool buildMask(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    const core::Step* scores = nullptr;
    const core::Step* mask = nullptr;
    for (size_t i = 0; i < s.inputs.size(); ++i) {
        const core::Step* o = operand(trace, s, i);
        if (!o)
            continue;
        if (o->key.find("mask") != std::string::npos && !mask)
            mask = o;
        else if (!scores)
            scores = o;
    }
    if (!mask)
        mask = trace.find("mask");
    if (!scores)
        return false;
    StageGrid gs = gridFromStep(*scores, batch, head, tok);
    StageGrid gy = gridFromStep(s, batch, head, tok);
    sc.grids.push_back(std::move(gs));
    if (mask) {
        StageGrid gm = gridFromStep(*mask, batch, head, tok);
        // A per-query mask [T] lines up with the rows: make it a column.
        if (gm.rows == 1 && !gm.colAxis.isEmpty() && gm.colAxis == gy.rowAxis && gm.cols == gy.rows && gy.cols > 1) {
            const QString name = gm.name;
            transposeGrid(gm);
            gm.name = name;
        }
        // Broadcast [1, S] or [T, 1] masks to the scores' shape, as Keras does.
        if ((gm.rows == 1 || gm.rows == gy.rows) && (gm.cols == 1 || gm.cols == gy.cols) &&
            (gm.rows != gy.rows || gm.cols != gy.cols)) {
            std::vector<float> v(size_t(gy.rows) * size_t(gy.cols));
            for (int r = 0; r < gy.rows; ++r)
                for (int c = 0; c < gy.cols; ++c)
                    v[size_t(r) * size_t(gy.cols) + size_t(c)] = gm.at(gm.rows == 1 ? 0 : r, gm.cols == 1 ? 0 : c);
            gm.values = std::move(v);
            gm.rows = gy.rows;
            gm.cols = gy.cols;
            gm.rowLabels = gy.rowLabels;
            gm.colLabels = gy.colLabels;
            gm.rowAxis = gy.rowAxis;
            gm.colAxis = gy.colAxis;
            gm.caption.clear();
            setCaption(gm);
            gm.fullShape = tr_("broadcast from %1").arg(shapeText(mask->value.shape()));
            finishGrid(gm);
        }
        if (gm.rows == gy.rows && gm.cols == gy.cols) {
            std::vector<uint8_t> masked(gm.values.size());
            size_t count = 0;
            for (size_t i = 0; i < masked.size(); ++i) {
                masked[i] = gm.values[i] == 0.0f;
                count += masked[i];
            }
            markHatched(gy, masked);
            bool logits = false;
            for (float v : gy.values)
                logits = logits || v <= -kSentinel;
            sc.infoLines << (logits ? tr_("%1 of %2 cells are masked (mask = 0): their logits become a large "
                                          "negative number, so softmax gives them weight 0.")
                                    : tr_("%1 of %2 cells are masked (mask = 0): they are set to 0."))
                                .arg(count)
                                .arg(masked.size());
        }
        sc.grids.push_back(std::move(gm));
        sc.symbols << tr_("where");
    }
    sc.symbols << QStringLiteral("→");
    return finishRowByRow(sc, std::move(gy), 0.25);
}

bool buildSoftmax(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    StageGrid gx = gridFromStep(*x, batch, head, tok);
    StageGrid gy = gridFromStep(s, batch, head, tok);
    if (gx.rows != gy.rows || gx.cols != gy.cols || gx.cols == 0)
        return false;
    // Narrate the first row with at least two unmasked entries.
    int focus = 0;
    for (int r = 0; r < gx.rows; ++r) {
        int open = 0;
        for (int c = 0; c < gx.cols; ++c)
            open += gx.at(r, c) > -kSentinel;
        if (open >= 2) {
            focus = r;
            break;
        }
    }
    sc.focusRow = focus;
    const int n = gx.cols;
    sc.rowIn.resize(size_t(n));
    sc.rowExp.resize(size_t(n));
    sc.rowOut.resize(size_t(n));
    sc.rowMasked.resize(size_t(n));
    float mx = -std::numeric_limits<float>::infinity();
    sc.rowMaxAbs = 0;
    for (int c = 0; c < n; ++c) {
        const float v = gx.at(focus, c);
        sc.rowIn[size_t(c)] = v;
        sc.rowMasked[size_t(c)] = v <= -kSentinel;
        sc.rowOut[size_t(c)] = gy.at(focus, c);
        if (!sc.rowMasked[size_t(c)]) {
            mx = std::max(mx, v);
            sc.rowMaxAbs = std::max(sc.rowMaxAbs, std::fabs(v));
        }
    }
    if (sc.rowMaxAbs == 0)
        sc.rowMaxAbs = 1;
    sc.rowMax = std::isfinite(mx) ? mx : 0.0f;
    double sum = 0;
    for (int c = 0; c < n; ++c) {
        sc.rowExp[size_t(c)] = sc.rowMasked[size_t(c)] ? 0.0f : std::exp(sc.rowIn[size_t(c)] - sc.rowMax);
        sum += double(sc.rowExp[size_t(c)]);
    }
    sc.expSum = float(sum);
    sc.barLabels = gx.colLabels;
    // Masked logits end as zero weights: hatch them in the result too.
    if (!gx.hatched.empty()) {
        std::vector<uint8_t> masked(gy.values.size());
        for (size_t i = 0; i < masked.size(); ++i)
            masked[i] = gx.hatched[i] && gy.values[i] == 0.0f;
        markHatched(gy, masked);
    }
    sc.grids = {std::move(gx), std::move(gy)};
    sc.symbols = {QStringLiteral("→")};
    sc.left = 0;
    sc.result = 1;
    sc.fill = FillMode::Rows;
    sc.introEnd = 0.5;
    sc.slowEnd = 0.7;
    sc.fillEnd = 0.95;
    setRowOrder(sc, focus);
    sc.info = InfoKind::Bars;
    return true;
}

bool buildElementwise(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                      const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    StageGrid gx = gridFromStep(*x, batch, head, tok);
    StageGrid gy = gridFromStep(s, batch, head, tok);
    if (gx.rows != gy.rows || gx.cols != gy.cols)
        return false;
    switch (s.op) {
    case OpKind::Scale: {
        sc.symbols << QStringLiteral("× %1 =").arg(fmt(double(s.scaleFactor)));
        sc.infoLines << tr_("Every cell is multiplied by %1: %2 × %1 = %3.")
                            .arg(QString::number(double(s.scaleFactor), 'g', 6), factor(double(gx.at(0, 0))),
                                 fmt(double(gy.at(0, 0))));
        break;
    }
    case OpKind::Dropout: {
        std::vector<uint8_t> dropped(gy.values.size());
        size_t count = 0;
        double keep = 0;
        for (size_t i = 0; i < dropped.size(); ++i) {
            dropped[i] = gy.values[i] == 0.0f && gx.values[i] != 0.0f;
            count += dropped[i];
            if (keep == 0 && gy.values[i] != 0.0f && gx.values[i] != 0.0f)
                keep = double(gy.values[i]) / double(gx.values[i]);
        }
        gy.crossed = dropped;
        for (int r = 0; r < gy.rows; ++r)
            for (int c = 0; c < gy.cols; ++c)
                if (gy.isCrossed(r, c))
                    gy.image.setPixel(c, r, qRgb(0, 0, 0));
        sc.symbols << tr_("dropout →");
        sc.infoLines << tr_("%1 of %2 weights dropped (crossed); the kept ones are scaled by %3 so the "
                            "expected sum stays the same. Training only.")
                            .arg(count)
                            .arg(dropped.size())
                            .arg(keep != 0 ? QString::number(keep, 'g', 4) : QStringLiteral("1/(1 − rate)"));
        break;
    }
    case OpKind::LayerNorm: {
        const int r = 0;
        double mean = 0, var = 0;
        for (int c = 0; c < gx.cols; ++c)
            mean += double(gx.at(r, c));
        mean /= std::max(gx.cols, 1);
        for (int c = 0; c < gx.cols; ++c)
            var += (double(gx.at(r, c)) - mean) * (double(gx.at(r, c)) - mean);
        var /= std::max(gx.cols, 1);
        sc.symbols << QStringLiteral("→");
        sc.infoLines << tr_("Each row is normalised over its %1 features: row 0 has mean μ = %2 and σ = %3; "
                            "y = γ·(x − μ)/√(σ² + ε) + β.")
                            .arg(gx.cols)
                            .arg(fmt(mean), fmt(std::sqrt(var)));
        setRowOrder(sc);
        break;
    }
    default: sc.symbols << QStringLiteral("→"); break;
    }
    sc.grids = {std::move(gx), std::move(gy)};
    sc.result = 1;
    sc.fill = FillMode::Rows;
    sc.introEnd = 0.2;
    sc.slowEnd = 0.2;
    return true;
}

bool buildAdd(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    StageGrid gy = gridFromStep(s, batch, head, tok);
    for (size_t i = 0; i < s.inputs.size(); ++i) {
        const core::Step* o = operand(trace, s, i);
        if (!o)
            return false;
        StageGrid g = gridFromStep(*o, batch, head, tok);
        if (g.rows != gy.rows || g.cols != gy.cols)
            return false;
        if (!sc.grids.empty())
            sc.symbols << QStringLiteral("+");
        sc.grids.push_back(std::move(g));
    }
    if (sc.grids.empty())
        return false;
    sc.symbols << QStringLiteral("=");
    QStringList parts;
    for (const StageGrid& g : sc.grids)
        parts << factor(double(g.at(0, 0)));
    sc.infoLines << tr_("Cell by cell: %1 = %2.").arg(parts.join(QStringLiteral(" + ")), fmt(double(gy.at(0, 0))));
    return finishRowByRow(sc, std::move(gy), 0.2);
}

bool buildConcat(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                 const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    int headAxis = -1;
    const size_t rank = x->value.shape().size();
    for (size_t a = 0; a < rank; ++a)
        if (isHeadAxis(axisName(*x, a), a, rank))
            headAxis = int(a);
    if (headAxis < 0)
        return false;
    const int heads = int(x->value.shape()[size_t(headAxis)]);
    StageGrid gy = flatGridFromStep(s, batch, head, tok);
    for (int h = 0; h < heads; ++h) {
        StageGrid g = gridFromStep(*x, batch, h, tok);
        if (g.rows != gy.rows || g.cols * heads != gy.cols)
            return false;
        g.name = tr_("head %1").arg(h);
        g.frame = kHeadColours[size_t(h) % kHeadColours.size()];
        // One colour range for all heads, the concatenation's.
        g.lo = gy.lo;
        g.hi = gy.hi;
        g.palette = gy.palette;
        finishGrid(g);
        sc.grids.push_back(std::move(g));
    }
    sc.heads = heads;
    gy.bandCols = sc.grids[0].cols;
    sc.grids.push_back(std::move(gy));
    sc.result = int(sc.grids.size()) - 1;
    sc.layout = Layout::Concat;
    sc.fill = FillMode::None;
    sc.infoLines << tr_("The %1 heads' contexts are placed side by side: [%2, %3 × %4] → [%2, %5]. "
                        "Keras folds this reshape into output_dense's einsum.")
                        .arg(heads)
                        .arg(sc.grids[0].rows)
                        .arg(heads)
                        .arg(sc.grids[0].cols)
                        .arg(heads * sc.grids[0].cols);
    return true;
}

std::unique_ptr<StageScene> buildScene(const core::Trace& trace, int index, int batch, int head, const Tokens& tok) {
    auto sc = std::make_unique<StageScene>();
    if (index < 0 || index >= int(trace.steps.size()))
        return sc;
    const core::Step& s = trace.steps[size_t(index)];
    sc->op = s.op;
    sc->opName = QString::fromLatin1(core::opKindName(s.op));
    sc->title = QString::fromStdString(s.title.empty() ? s.key : s.title);
    sc->formula = QString::fromStdString(s.formula);

    bool ok = false;
    try {
        switch (s.op) {
        case OpKind::Einsum: ok = buildProduct(*sc, trace, s, batch, head, tok); break;
        case OpKind::Dense: ok = buildDense(*sc, trace, s, batch, head, tok); break;
        case OpKind::TanhSum: ok = buildTanhSum(*sc, trace, s, batch, head, tok); break;
        case OpKind::Mask: ok = buildMask(*sc, trace, s, batch, head, tok); break;
        case OpKind::Softmax: ok = buildSoftmax(*sc, trace, s, batch, head, tok); break;
        case OpKind::Scale:
        case OpKind::Dropout:
        case OpKind::LayerNorm: ok = buildElementwise(*sc, trace, s, batch, head, tok); break;
        case OpKind::Add: ok = buildAdd(*sc, trace, s, batch, head, tok); break;
        case OpKind::Concat: ok = buildConcat(*sc, trace, s, batch, head, tok); break;
        case OpKind::Input: break;
        }
    } catch (const std::exception& e) {
        sc->message = tr_("Cannot animate this step: %1").arg(QString::fromUtf8(e.what()));
        ok = false;
    }
    if (!ok) {
        // The step alone: inputs, or operands we could not line up.
        const QString keep = sc->message;
        const QString title = sc->title, formula = sc->formula, opName = sc->opName;
        *sc = StageScene();
        sc->op = s.op;
        sc->title = title;
        sc->formula = formula;
        sc->opName = opName;
        sc->message = keep;
        sc->grids.push_back(gridFromStep(s, batch, head, tok));
        sc->result = 0;
        sc->fill = FillMode::Rows;
        sc->introEnd = 0.0;
        sc->slowEnd = 0.0;
        sc->fillEnd = 0.6;
        if (s.op != OpKind::Input && sc->message.isEmpty())
            sc->message = tr_("Operands not available; showing the result only.");
    }
    if (sc->rowOrder.empty())
        setRowOrder(*sc);
    // Slice note: which batch/head this is, when it matters.
    bool sliced = false;
    gridFromStep(s, batch, head, tok, &sliced);
    const SlicePlan p = planSlice(s, batch, head);
    QStringList note;
    for (size_t a = 0; a < s.value.shape().size(); ++a) {
        if (int(a) == p.rowAxis || int(a) == p.colAxis)
            continue;
        const QString name = axisName(s, a);
        if (isBatchAxis(name, a, s.value.shape().size()))
            note << tr_("batch %1").arg(p.fixed[a]);
        else if (isHeadAxis(name, a, s.value.shape().size()) && sc->layout != Layout::Concat)
            note << tr_("head %1").arg(p.fixed[a]);
    }
    sc->sliceNote = note.join(QStringLiteral(" · "));
    return sc;
}

} // namespace

// ---------------------------------------------------------------- painting

namespace {

double smooth(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

double phase(double p, double a, double b) {
    return b > a ? std::clamp((p - a) / (b - a), 0.0, 1.0) : (p >= b ? 1.0 : 0.0);
}

/// How far the fill animation is: `filled` cells in fill order, `current` the
/// cell being computed (-1 when none), `cellFraction` progress within it.
struct FillState {
    long filled = 0;
    long current = -1;
    double cellFraction = 0;
};

FillState fillState(const StageScene& sc, double p) {
    FillState f;
    const long n = sc.cellCount();
    if (sc.result < 0 || n == 0 || sc.fill == FillMode::None) {
        f.filled = n;
        return f;
    }
    const StageGrid& y = sc.grids[size_t(sc.result)];
    if (p >= sc.fillEnd) {
        f.filled = n;
        return f;
    }
    if (sc.fill == FillMode::Cells) {
        const long slow = std::min<long>(sc.slowCells, n);
        if (p < sc.introEnd) {
            f.current = 0;
            return f;
        }
        if (p < sc.slowEnd && slow > 0) {
            const double t = (p - sc.introEnd) / (sc.slowEnd - sc.introEnd) * double(slow);
            f.filled = std::min<long>(long(t), slow);
            f.current = f.filled;
            f.cellFraction = t - double(f.filled);
            return f;
        }
        const double t = phase(p, sc.slowEnd, sc.fillEnd);
        f.filled = slow + long(t * double(n - slow));
        f.current = f.filled < n ? f.filled : -1;
        f.cellFraction = 1;
        return f;
    }
    // Rows: the first row in order is filled by slowEnd (softmax narrates it),
    // the rest between slowEnd and fillEnd.
    if (p < sc.introEnd)
        return f;
    if (p < sc.slowEnd) {
        f.filled = 0;
        f.current = 0;
        f.cellFraction = phase(p, sc.introEnd, sc.slowEnd);
        return f;
    }
    const long rows = y.rows;
    const long first = sc.slowEnd > sc.introEnd ? 1 : 0;
    const double t = phase(p, sc.slowEnd, sc.fillEnd);
    const long rowsDone = first + long(t * double(rows - first));
    f.filled = std::min(rowsDone, rows) * y.cols;
    return f;
}

struct Fonts {
    QFont title, formula, name, label, caption, symbol, info, cell;
    double z = 1;
};

Fonts makeFonts(const QFont& base, double z) {
    Fonts f;
    f.z = z;
    auto sized = [&](double px, bool bold) {
        QFont font = base;
        font.setPixelSize(std::max(6, int(std::lround(px * z))));
        font.setBold(bold);
        return font;
    };
    f.title = sized(22, true);
    f.formula = sized(17, false);
    f.name = sized(15, true);
    f.label = sized(12, false);
    f.caption = sized(12, false);
    f.symbol = sized(26, true);
    f.info = sized(15, false);
    f.cell = sized(12, false);
    return f;
}

/// Where a grid sits: the cell area, its labels around it.
struct GridBox {
    QRectF cells;
    double cell = 1;
    int rowStep = 1, colStep = 1; // label every n-th row / column
};

struct GridMetrics {
    double rowLabelW = 0, top = 0, bottom = 0, textW = 0;
};

GridMetrics metricsFor(const StageGrid& g, const Fonts& f) {
    GridMetrics m;
    const QFontMetricsF lm(f.label), nm(f.name), cm(f.caption);
    for (const QString& l : g.rowLabels)
        m.rowLabelW = std::max(m.rowLabelW, std::min(lm.horizontalAdvance(l), 90 * f.z));
    m.rowLabelW += 6 * f.z;
    m.top = nm.height() + lm.height() + 4 * f.z;
    m.bottom = cm.height() * 2 + 4 * f.z;
    m.textW =
        std::max({nm.horizontalAdvance(g.name), cm.horizontalAdvance(g.caption), cm.horizontalAdvance(g.fullShape)});
    return m;
}

void drawHighlightRect(QPainter& p, const QRectF& r, double z, double cell) {
    // Thinner outlines on small cells, so the highlighted row stays visible.
    const double w = std::min(5 * z, std::max(2.0, cell / 2.5));
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::black, w));
    p.drawRect(r);
    p.setPen(QPen(kHighlight, w / 2));
    p.drawRect(r);
}

/// Paint one grid: labels, cells (the first `filled` in `rowOrder`), overlays.
void drawGrid(QPainter& p, const StageGrid& g, const GridBox& box, const Fonts& f, long filled,
              const std::vector<int>* rowOrder) {
    const double c = box.cell;
    const QRectF& cr = box.cells;
    const QFontMetricsF lm(f.label);
    // Name above, column labels, row labels, caption below.
    p.setPen(kText);
    p.setFont(f.name);
    const double nameH = QFontMetricsF(f.name).height();
    const double labelH = lm.height();
    const double textW = std::max(cr.width(), 40.0 * f.z);
    p.drawText(QRectF(cr.left() - 20 * f.z, cr.top() - labelH - nameH - 4 * f.z, textW + 40 * f.z, nameH),
               Qt::AlignHCenter | Qt::AlignBottom,
               QFontMetricsF(f.name).elidedText(g.name, Qt::ElideMiddle, textW + 40 * f.z));
    p.setFont(f.label);
    p.setPen(kSubtle);
    for (int col = 0; col < g.cols; col += box.colStep) {
        const QRectF lr(cr.left() + col * c, cr.top() - labelH - 2 * f.z, c * box.colStep, labelH);
        p.drawText(lr, Qt::AlignHCenter | Qt::AlignBottom,
                   lm.elidedText(g.colLabels.value(col), Qt::ElideRight, c * box.colStep));
    }
    for (int row = 0; row < g.rows; row += box.rowStep) {
        const QRectF lr(cr.left() - 94 * f.z, cr.top() + row * c + (c - labelH) / 2, 90 * f.z, labelH);
        p.drawText(lr, Qt::AlignRight | Qt::AlignVCenter,
                   lm.elidedText(g.rowLabels.value(row), Qt::ElideRight, 90 * f.z));
    }
    p.setFont(f.caption);
    const double capH = QFontMetricsF(f.caption).height();
    const double capW = std::max(cr.width(), 60.0 * f.z) + 60 * f.z;
    const QRectF cap(cr.center().x() - capW / 2, cr.bottom() + 3 * f.z, capW, capH);
    p.drawText(cap, Qt::AlignHCenter | Qt::AlignTop,
               QFontMetricsF(f.caption).elidedText(g.caption, Qt::ElideRight, capW));
    p.drawText(cap.translated(0, capH), Qt::AlignHCenter | Qt::AlignTop,
               QFontMetricsF(f.caption).elidedText(g.fullShape, Qt::ElideRight, capW));

    // Cells: empty background, then the filled part of the precomputed image.
    const long n = long(g.rows) * g.cols;
    filled = std::clamp<long>(filled, 0, n);
    p.fillRect(cr, kEmptyFill);
    const bool identity = !rowOrder || rowOrder->empty();
    auto rowAt = [&](long k) { return identity ? int(k) : (*rowOrder)[size_t(k)]; };
    auto blitRow = [&](int row, int cols) {
        if (cols <= 0)
            return;
        p.drawImage(QRectF(cr.left(), cr.top() + row * c, cols * c, c), g.image, QRectF(0, row, cols, 1));
    };
    const long fullRows = filled / std::max(g.cols, 1);
    if (identity && fullRows > 0)
        p.drawImage(QRectF(cr.left(), cr.top(), cr.width(), fullRows * c), g.image,
                    QRectF(0, 0, g.cols, double(fullRows)));
    else
        for (long k = 0; k < fullRows; ++k)
            blitRow(rowAt(k), g.cols);
    if (fullRows < g.rows)
        blitRow(rowAt(fullRows), int(filled % std::max(g.cols, 1)));
    auto isFilled = [&](int r, int col) {
        if (filled >= n)
            return true;
        for (long k = 0; k < fullRows; ++k)
            if (rowAt(k) == r)
                return true;
        return fullRows < g.rows && rowAt(fullRows) == r && col < filled % g.cols;
    };

    const bool lines = c >= 6;
    const bool perCell = g.rows * g.cols <= 4096 && c >= 4;
    if (perCell && (!g.hatched.empty() || !g.crossed.empty() || !g.texts.isEmpty())) {
        QFont cellFont = f.cell;
        cellFont.setPixelSize(std::max(1, int(std::min(c / 3.2, 18.0 * f.z))));
        const bool text = !g.texts.isEmpty() && cellFont.pixelSize() >= 8;
        p.setFont(cellFont);
        for (int r = 0; r < g.rows; ++r)
            for (int col = 0; col < g.cols; ++col) {
                if (!isFilled(r, col))
                    continue;
                const QRectF cell(cr.left() + col * c, cr.top() + r * c, c, c);
                const size_t i = size_t(r) * size_t(g.cols) + size_t(col);
                if (g.isHatched(r, col)) {
                    p.fillRect(cell, QBrush(QColor(220, 220, 220), Qt::BDiagPattern));
                }
                if (g.isCrossed(r, col)) {
                    p.setPen(QPen(Qt::white, std::max(1.0, c / 12)));
                    p.drawLine(cell.topLeft() + QPointF(c * 0.2, c * 0.2),
                               cell.bottomRight() - QPointF(c * 0.2, c * 0.2));
                    p.drawLine(cell.topRight() + QPointF(-c * 0.2, c * 0.2),
                               cell.bottomLeft() + QPointF(c * 0.2, -c * 0.2));
                    continue;
                }
                if (text && !g.isHatched(r, col)) {
                    p.setPen(g.textColours[i]);
                    p.drawText(cell, Qt::AlignCenter, g.texts[int(i)]);
                } else if (text) {
                    p.setPen(Qt::white);
                    p.drawText(cell, Qt::AlignCenter, g.texts[int(i)]);
                }
            }
    }
    if (lines) {
        p.setPen(QPen(QColor(255, 255, 255, 160), 1));
        for (int r = 1; r < g.rows; ++r)
            p.drawLine(QPointF(cr.left(), cr.top() + r * c), QPointF(cr.right(), cr.top() + r * c));
        for (int col = 1; col < g.cols; ++col)
            p.drawLine(QPointF(cr.left() + col * c, cr.top()), QPointF(cr.left() + col * c, cr.bottom()));
    }
    // Head bands (Dense kernels and projections).
    if (g.bandCols > 0 && g.bandCols < g.cols) {
        p.setPen(QPen(kText, 2 * f.z));
        for (int col = g.bandCols; col < g.cols; col += g.bandCols)
            p.drawLine(QPointF(cr.left() + col * c, cr.top() - 3 * f.z),
                       QPointF(cr.left() + col * c, cr.bottom() + 3 * f.z));
        if (g.bandHighlight >= 0) {
            p.setPen(QPen(kText, 1.5 * f.z, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(cr.left() + g.bandHighlight * g.bandCols * c, cr.top() - 3 * f.z, g.bandCols * c,
                              cr.height() + 6 * f.z));
        }
    }
    if (g.bandRows > 0 && g.bandRows < g.rows) {
        p.setPen(QPen(kText, 2 * f.z));
        for (int r = g.bandRows; r < g.rows; r += g.bandRows)
            p.drawLine(QPointF(cr.left() - 3 * f.z, cr.top() + r * c), QPointF(cr.right() + 3 * f.z, cr.top() + r * c));
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(g.frame.isValid() ? g.frame : QColor(60, 60, 60), g.frame.isValid() ? 4 * f.z : 1.2 * f.z));
    p.drawRect(cr);
}

QRectF drawTitle(QPainter& p, const StageScene& sc, const QRectF& r, const Fonts& f) {
    const QFontMetricsF tm(f.title), fm(f.formula), lm(f.label);
    double y = r.top();
    p.setPen(kText);
    p.setFont(f.title);
    p.drawText(QRectF(r.left(), y, r.width(), tm.height()), Qt::AlignLeft | Qt::AlignTop, sc.title);
    p.setFont(f.label);
    p.setPen(kSubtle);
    QString right = sc.opName;
    if (!sc.sliceNote.isEmpty())
        right = sc.sliceNote + QStringLiteral("   ") + right;
    p.drawText(QRectF(r.left(), y, r.width(), tm.height()), Qt::AlignRight | Qt::AlignVCenter, right);
    y += tm.height() + 2 * f.z;
    if (!sc.formula.isEmpty()) {
        p.setPen(kText);
        p.setFont(f.formula);
        p.drawText(QRectF(r.left(), y, r.width(), fm.height()), Qt::AlignLeft | Qt::AlignTop,
                   fm.elidedText(sc.formula, Qt::ElideRight, r.width()));
        y += fm.height();
    }
    y += 6 * f.z;
    return QRectF(r.left(), y, r.width(), r.bottom() - y);
}

double infoHeight(const StageScene& sc, const QRectF& r, const Fonts& f) {
    const double line = QFontMetricsF(f.info).height() * 1.25;
    double h = 0;
    if (sc.info == InfoKind::Bars)
        h = std::clamp(r.height() * 0.34, 120 * f.z, 260 * f.z);
    else if (sc.info == InfoKind::Vectors)
        h = (double(sc.vectors.size()) + 1.5) * std::max(line * 1.3, 28 * f.z);
    if (sc.fill == FillMode::Cells && sc.info == InfoKind::Text)
        h += line * 1.5;
    h += line * double(sc.infoLines.size()) * 1.4;
    if (!sc.message.isEmpty())
        h += line;
    return std::min(h, r.height() * 0.55);
}

void drawBars(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const Fonts& f) {
    const int n = int(sc.rowIn.size());
    if (n == 0)
        return;
    const double tExp = smooth(phase(prog, 0.3, 0.45));
    const double tNorm = smooth(phase(prog, 0.5, 0.65));
    const double appear = smooth(phase(prog, 0.0, 0.12));
    const QFontMetricsF lm(f.label), im(f.info);
    QString caption;
    if (prog < 0.3)
        caption = tr_("row %1 of the logits (%2)").arg(sc.focusRow).arg(tr_("max %1").arg(fmt(double(sc.rowMax))));
    else if (prog < 0.5)
        caption = tr_("exp(s − max): subtract the row max %1 so exp cannot overflow; the largest becomes 1")
                      .arg(fmt(double(sc.rowMax)));
    else
        caption = tr_("÷ Σ = %1: the row now sums to 1 — these are the weights of row %2")
                      .arg(fmt(double(sc.expSum)))
                      .arg(sc.focusRow);
    p.setFont(f.info);
    p.setPen(kText);
    p.drawText(QRectF(area.left(), area.top(), area.width(), im.height()), Qt::AlignHCenter | Qt::AlignTop,
               im.elidedText(caption, Qt::ElideRight, area.width()));
    const bool labels = n <= 24;
    const double labelH = lm.height();
    const QRectF chart(area.left() + 60 * f.z, area.top() + im.height() + 6 * f.z + (labels ? labelH : 0),
                       area.width() - 120 * f.z, area.height() - im.height() - 2 * labelH - 14 * f.z);
    if (chart.height() < 10 || chart.width() < 10)
        return;
    const double slot = chart.width() / n;
    const double barW = std::max(1.0, slot * 0.7);
    // Raw logits: a zero line in the middle; exp and weights: a zero line at the bottom.
    const double zeroRaw = chart.center().y();
    const double zeroPos = chart.bottom();
    const double zero = zeroRaw + (zeroPos - zeroRaw) * tExp;
    p.setPen(QPen(kSubtle, 1));
    p.drawLine(QPointF(chart.left(), zero), QPointF(chart.right(), zero));
    p.setFont(f.label);
    p.drawText(QRectF(chart.left() - 58 * f.z, zero - labelH / 2, 54 * f.z, labelH), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("0"));
    if (tExp > 0.5)
        p.drawText(QRectF(chart.left() - 58 * f.z, chart.top() - labelH / 2, 54 * f.z, labelH),
                   Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("1"));
    for (int c = 0; c < n; ++c) {
        const double x = chart.left() + c * slot + (slot - barW) / 2;
        const bool masked = sc.rowMasked[size_t(c)];
        const double raw = masked ? 0.0 : double(sc.rowIn[size_t(c)]) / double(sc.rowMaxAbs) * (chart.height() / 2);
        const double ex = double(sc.rowExp[size_t(c)]) * chart.height();
        const double nm = double(sc.rowOut[size_t(c)]) * chart.height();
        double h = raw + (ex - raw) * tExp;
        h = h + (nm - h) * tNorm;
        h *= appear;
        const QRectF bar(x, h >= 0 ? zero - h : zero, barW, std::fabs(h));
        const QColor colour = tNorm > 0.5 ? QColor(lerpStops(kViridis, double(sc.rowOut[size_t(c)])))
                                          : (h >= 0 ? QColor(0xb2, 0x18, 0x2b) : QColor(0x21, 0x66, 0xac));
        if (masked) {
            p.fillRect(QRectF(x, zero - 4 * f.z, barW, 8 * f.z), QBrush(kMaskedFill, Qt::BDiagPattern));
        } else {
            p.fillRect(bar, colour);
            p.setPen(QPen(Qt::black, 0.8));
            p.drawRect(bar);
        }
        if (labels) {
            p.setPen(kSubtle);
            p.drawText(
                QRectF(x - slot * 0.15, chart.bottom() + 3 * f.z + (tExp < 0.5 ? 0 : 0), barW + slot * 0.3, labelH),
                Qt::AlignHCenter | Qt::AlignTop, lm.elidedText(sc.barLabels.value(c), Qt::ElideRight, slot));
            double v = masked ? -std::numeric_limits<double>::infinity() : double(sc.rowIn[size_t(c)]);
            if (prog >= 0.5)
                v = double(sc.rowOut[size_t(c)]);
            else if (prog >= 0.3)
                v = double(sc.rowExp[size_t(c)]);
            p.setPen(kText);
            const double ty = h >= 0 ? zero - h - labelH - 1 : zero - h + 1;
            if (appear > 0.9)
                p.drawText(QRectF(x - slot * 0.15, ty, barW + slot * 0.3, labelH), Qt::AlignHCenter | Qt::AlignBottom,
                           lm.elidedText(masked && prog < 0.5 ? QStringLiteral("−∞") : fmt(v), Qt::ElideRight, slot));
        }
    }
}

void drawVectors(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const Fonts& f) {
    // Rows revealed one by one while the first cell is computed.
    const double t = phase(prog, sc.introEnd, sc.slowEnd);
    const size_t rows = sc.vectors.size();
    const size_t shown = std::min(rows, size_t(t * double(rows + 1)) + 1);
    const double rowH = std::min(area.height() / double(rows + 1.2), 48 * f.z);
    const QFontMetricsF im(f.info);
    double labelW = 0;
    for (const VectorRow& v : sc.vectors)
        labelW = std::max(labelW, im.horizontalAdvance(v.label));
    labelW += 12 * f.z;
    const int d = sc.vectors.empty() ? 0 : int(sc.vectors[0].values.size());
    if (d == 0)
        return;
    const double cell = std::min(rowH * 2.4, (area.width() - labelW - 20 * f.z) / d);
    QFont cellFont = f.cell;
    cellFont.setPixelSize(std::max(1, int(std::min(cell / 3.4, rowH * 0.5))));
    const double h = std::min(rowH * 0.9, cell * 1.2 + 8);
    // Centre the block of vectors under the grids.
    const double left = area.left() + std::max(0.0, (area.width() - labelW - d * cell) / 2);
    const QRectF block(left, area.top(), area.right() - left, area.height());
    for (size_t i = 0; i < shown; ++i) {
        const double y = area.top() + double(i) * rowH;
        p.setFont(f.info);
        p.setPen(kText);
        p.drawText(QRectF(block.left(), y, labelW - 6 * f.z, h), Qt::AlignRight | Qt::AlignVCenter,
                   sc.vectors[i].label);
        float maxAbs = 1e-6f;
        for (float v : sc.vectors[i].values)
            maxAbs = std::max(maxAbs, std::fabs(v));
        p.setFont(cellFont);
        for (int k = 0; k < d; ++k) {
            const double v = double(sc.vectors[i].values[size_t(k)]);
            const QRectF cr(block.left() + labelW + k * cell, y, cell, h);
            const QColor bg(lerpStops(kDiverging, 0.5 + 0.5 * v / double(maxAbs)));
            p.fillRect(cr, bg);
            p.setPen(QPen(Qt::white, 1));
            p.drawRect(cr);
            if (cellFont.pixelSize() >= 8) {
                p.setPen(Qt::black);
                p.drawText(cr, Qt::AlignCenter, fmt(v));
            }
        }
    }
    if (shown == rows && t >= 0.95) {
        p.setFont(f.info);
        p.setPen(kText);
        p.drawText(QRectF(block.left() + labelW, area.top() + double(rows) * rowH, block.width() - labelW, rowH),
                   Qt::AlignLeft | Qt::AlignVCenter, sc.vectorResult);
    } else if (prog >= sc.slowEnd) {
        p.setFont(f.info);
        p.setPen(kText);
        p.drawText(QRectF(block.left() + labelW, area.top() + double(rows) * rowH, block.width() - labelW, rowH),
                   Qt::AlignLeft | Qt::AlignVCenter, sc.vectorResult);
    }
}

void drawInfo(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const FillState& fs, const Fonts& f) {
    const QFontMetricsF im(f.info);
    const double line = im.height() * 1.25;
    QRectF rest = area;
    if (!sc.message.isEmpty()) {
        p.setFont(f.info);
        p.setPen(QColor(150, 40, 0));
        p.drawText(QRectF(rest.left(), rest.top(), rest.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   im.elidedText(sc.message, Qt::ElideRight, rest.width()));
        rest.setTop(rest.top() + line);
    }
    if (sc.fill == FillMode::Cells && sc.info == InfoKind::Text && !sc.details.empty()) {
        const long k = fs.current >= 0 && fs.current < long(sc.details.size()) ? fs.current
                       : fs.filled > 0 && fs.filled <= long(sc.details.size()) ? fs.filled - 1
                                                                               : long(sc.details.size()) - 1;
        const CellDetail& d = sc.details[size_t(k)];
        QString text;
        if (fs.current >= 0 && fs.current < sc.slowCells) {
            // Reveal the terms one by one, the sum last.
            const int shown = std::clamp(int(fs.cellFraction * 1.25 * (d.terms.size() + 1)), 1, int(d.terms.size()));
            text = d.lhs + QLatin1Char(' ') + d.terms.mid(0, shown).join(QStringLiteral(" + "));
            if (fs.cellFraction > 0.8)
                text += QLatin1Char(' ') + d.rhs;
        } else if (fs.current >= 0) {
            text = tr_("… and the same for every other cell (%1 of %2)").arg(fs.filled).arg(sc.cellCount());
        } else {
            text = d.lhs + QLatin1Char(' ') + d.terms.join(QStringLiteral(" + ")) + QLatin1Char(' ') + d.rhs;
        }
        QFont big = f.info;
        big.setPixelSize(int(f.info.pixelSize() * 1.15));
        p.setFont(big);
        p.setPen(kText);
        const QFontMetricsF bm(big);
        p.drawText(QRectF(rest.left(), rest.top(), rest.width(), line * 1.4), Qt::AlignHCenter | Qt::AlignVCenter,
                   bm.elidedText(text, Qt::ElideRight, rest.width()));
        rest.setTop(rest.top() + line * 1.5);
    }
    const double linesH = line * 1.4 * double(sc.infoLines.size());
    QRectF special(rest.left(), rest.top(), rest.width(), std::max(0.0, rest.height() - linesH));
    if (sc.info == InfoKind::Bars)
        drawBars(p, sc, special, prog, f);
    else if (sc.info == InfoKind::Vectors)
        drawVectors(p, sc, special, prog, f);
    p.setFont(f.info);
    p.setPen(kSubtle);
    double y = area.bottom() - linesH;
    for (const QString& l : sc.infoLines) {
        p.drawText(QRectF(rest.left(), y, rest.width(), line * 1.4),
                   Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, l);
        y += line * 1.4;
    }
}

/// Lay the grids out in one row, separated by symbols, as large as they fit.
std::vector<GridBox> layoutRow(const StageScene& sc, const QRectF& area, const Fonts& f,
                               std::vector<QRectF>& symbolRects) {
    const size_t n = sc.grids.size();
    std::vector<GridMetrics> m(n);
    double top = 0, bottom = 0;
    int maxRows = 1;
    for (size_t i = 0; i < n; ++i) {
        m[i] = metricsFor(sc.grids[i], f);
        top = std::max(top, m[i].top);
        bottom = std::max(bottom, m[i].bottom);
        maxRows = std::max(maxRows, sc.grids[i].rows);
    }
    const QFontMetricsF sm(f.symbol);
    std::vector<double> symW(sc.symbols.size());
    double symTotal = 0;
    for (size_t i = 0; i < symW.size(); ++i) {
        symW[i] = sm.horizontalAdvance(sc.symbols[int(i)]) + 16 * f.z;
        symTotal += symW[i];
    }
    // Names and captions are elided, so only labels and cells claim width.
    auto slotFor = [&](size_t i, double c) { return m[i].rowLabelW + sc.grids[i].cols * c + 10 * f.z; };
    auto widthFor = [&](double c) {
        double w = symTotal;
        for (size_t i = 0; i < n; ++i)
            w += slotFor(i, c);
        return w;
    };
    double hiC = std::min(64.0 * f.z, (area.height() - top - bottom) / maxRows);
    double loC = 0.05;
    if (widthFor(hiC) <= area.width()) {
        loC = hiC;
    } else {
        for (int it = 0; it < 40; ++it) {
            const double mid = (loC + hiC) / 2;
            (widthFor(mid) <= area.width() ? loC : hiC) = mid;
        }
    }
    const double c = std::max(loC, 0.05);
    const double total = widthFor(c);
    double x = area.left() + std::max(0.0, (area.width() - total) / 2);
    const double labelH = QFontMetricsF(f.label).height();
    std::vector<GridBox> boxes(n);
    symbolRects.assign(sc.symbols.size(), QRectF());
    for (size_t i = 0; i < n; ++i) {
        const StageGrid& g = sc.grids[i];
        const double slot = slotFor(i, c);
        const double gw = g.cols * c, gh = g.rows * c;
        const double cx = x + m[i].rowLabelW + (slot - m[i].rowLabelW - gw) / 2;
        const double cy = area.top() + top + (area.height() - top - bottom - gh) / 2;
        GridBox& b = boxes[i];
        b.cells = QRectF(cx, cy, gw, gh);
        b.cell = c;
        b.rowStep = std::max(1, int(std::ceil(labelH / c)));
        b.colStep = std::max(1, int(std::ceil(labelH * 1.6 / c)));
        x += slot;
        if (i < symW.size()) {
            symbolRects[i] = QRectF(x, area.top() + top, symW[i], area.height() - top - bottom);
            x += symW[i];
        }
    }
    return boxes;
}

} // namespace

// ---------------------------------------------------------------- StageView

StageView::StageView(QWidget* parent)
    : QWidget(parent), m_scene(std::make_unique<StageScene>()), m_animation(new QVariantAnimation(this)) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::NoFocus);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(3000);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& v) { applyProgress(v.toDouble()); });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        applyProgress(1.0);
        emit animationFinished();
    });
}

StageView::~StageView() = default;

void StageView::setTrace(std::shared_ptr<const core::Trace> trace) {
    m_trace = std::move(trace);
    if (!m_trace || m_trace->steps.empty())
        m_step = -1;
    else
        m_step = std::clamp(m_step, 0, int(m_trace->steps.size()) - 1);
    rebuild();
}

void StageView::setCurrentStep(int index) {
    m_step = index;
    rebuild();
    restartAnimation();
}

void StageView::setSliceIndices(int batch, int head) {
    if (batch == m_batch && head == m_head)
        return;
    m_batch = std::max(0, batch);
    m_head = std::max(0, head);
    rebuild();
}

void StageView::setTokens(QStringList queryTokens, QStringList keyTokens) {
    m_queryTokens = std::move(queryTokens);
    m_keyTokens = std::move(keyTokens);
    rebuild();
}

void StageView::setZoom(double factor) {
    m_zoom = std::clamp(factor, 0.5, 4.0);
    update();
}

void StageView::setSpeed(double factor) {
    m_speed = std::clamp(factor, 0.1, 10.0);
    m_animation->setDuration(int(3000 / m_speed));
}

void StageView::replay() {
    restartAnimation();
}

void StageView::setProgress(double p) {
    m_animation->stop();
    applyProgress(std::clamp(p, 0.0, 1.0));
}

bool StageView::isPlaying() const {
    return m_animation->state() == QAbstractAnimation::Running;
}

void StageView::restartAnimation() {
    m_animation->stop();
    if (m_scene->result < 0) {
        applyProgress(1.0);
        return;
    }
    applyProgress(0.0);
    m_animation->start();
}

void StageView::applyProgress(double p) {
    if (p == m_progress)
        return;
    m_progress = p;
    emit progressChanged(p);
    update();
}

void StageView::rebuild() {
    if (m_trace && m_step >= 0 && m_step < int(m_trace->steps.size()))
        m_scene = buildScene(*m_trace, m_step, m_batch, m_head, Tokens{m_queryTokens, m_keyTokens});
    else
        m_scene = std::make_unique<StageScene>();
    update();
}

int StageView::gridCount() const {
    return int(m_scene->grids.size());
}
QString StageView::notice() const {
    return m_scene->message;
}

QSize StageView::sizeHint() const {
    return QSize(900, 560);
}
QSize StageView::minimumSizeHint() const {
    return QSize(240, 160);
}

void StageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    renderTo(p, rect());
}

QImage StageView::renderImage(QSize size) const {
    QImage img(size, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    renderTo(p, QRect(QPoint(0, 0), size));
    return img;
}

void StageView::renderTo(QPainter& painter, const QRect& target) const {
    QPainter& p = painter;
    p.save();
    p.setClipRect(target);
    p.fillRect(target, Qt::white);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    // Fit the text to small docks: below ~900×520 everything shrinks a little.
    const double fit = std::clamp(std::min(target.width() / 900.0, target.height() / 520.0), 0.62, 1.0);
    const double z = m_zoom * fit;
    const Fonts f = makeFonts(font(), z);
    const StageScene& sc = *m_scene;
    const double margin = 14 * z;
    const QRectF r = QRectF(target).adjusted(margin, margin, -margin, -margin);
    if (sc.grids.empty()) {
        p.setFont(f.title);
        p.setPen(kSubtle);
        p.drawText(r, Qt::AlignCenter, sc.title.isEmpty() ? tr("No step to show") : sc.title);
        p.restore();
        return;
    }
    const QRectF body = drawTitle(p, sc, r, f);
    const double infoH = infoHeight(sc, body, f);
    const QRectF gridArea(body.left(), body.top(), body.width(), body.height() - infoH);
    const QRectF infoArea(body.left(), gridArea.bottom(), body.width(), infoH);
    const FillState fs = fillState(sc, m_progress);

    if (sc.layout == Layout::Concat) {
        // Heads start spread out and staggered, and slide together into one matrix.
        const int heads = sc.heads;
        const StageGrid& h0 = sc.grids[0];
        const GridMetrics m = metricsFor(h0, f);
        const double gapX = 36 * z, dy = 26 * z;
        const double availW = gridArea.width() - m.rowLabelW - (heads - 1) * gapX;
        const double availH = gridArea.height() - m.top - m.bottom - (heads - 1) * dy;
        const double c = std::max(0.05, std::min({64.0 * z, availW / (heads * h0.cols), availH / h0.rows}));
        const double w = h0.cols * c;
        const double t = smooth(phase(m_progress, 0.15, 0.8));
        const double startW = heads * w + (heads - 1) * gapX;
        const double x0 = gridArea.left() + m.rowLabelW + std::max(0.0, (gridArea.width() - m.rowLabelW - startW) / 2);
        const double x1 =
            gridArea.left() + m.rowLabelW + std::max(0.0, (gridArea.width() - m.rowLabelW - heads * w) / 2);
        const double yTop = gridArea.top() + m.top + std::max(0.0, (availH - h0.rows * c) / 2);
        const double yEnd = yTop + (heads - 1) * dy / 2;
        const double labelH = QFontMetricsF(f.label).height();
        for (int h = 0; h < heads; ++h) {
            const QPointF a(x0 + h * (w + gapX), yTop + h * dy);
            const QPointF b(x1 + h * w, yEnd);
            GridBox box;
            box.cell = c;
            box.cells = QRectF(a + (b - a) * t, QSizeF(w, h0.rows * c));
            box.rowStep = std::max(1, int(std::ceil(labelH / c)));
            box.colStep = std::max(1, int(std::ceil(labelH * 1.6 / c)));
            StageGrid g = sc.grids[size_t(h)];
            if (h > 0)
                g.rowLabels = QStringList(); // row labels once, left of head 0
            if (t > 0.05) {
                g.caption.clear();
                g.fullShape.clear();
            }
            drawGrid(p, g, box, f, long(g.rows) * g.cols, nullptr);
        }
        if (t >= 1.0) {
            const StageGrid& y = sc.grids[size_t(sc.result)];
            p.setFont(f.caption);
            p.setPen(kText);
            const QRectF cap(gridArea.left(), yEnd + h0.rows * c + 4 * z, gridArea.width(),
                             QFontMetricsF(f.caption).height() * 2);
            p.drawText(cap, Qt::AlignHCenter | Qt::AlignTop,
                       y.name + QStringLiteral(": ") + y.caption + QLatin1Char('\n') + y.fullShape);
        }
    } else {
        std::vector<QRectF> symbolRects;
        const std::vector<GridBox> boxes = layoutRow(sc, gridArea, f, symbolRects);
        p.setFont(f.symbol);
        p.setPen(kText);
        QFont bigDot = f.symbol;
        bigDot.setPixelSize(f.symbol.pixelSize() * 2);
        for (size_t i = 0; i < symbolRects.size(); ++i) {
            const QString& sym = sc.symbols[int(i)];
            p.setFont(sym == QStringLiteral("·") ? bigDot : f.symbol);
            p.drawText(symbolRects[i], Qt::AlignCenter, sym);
        }
        for (size_t i = 0; i < sc.grids.size(); ++i) {
            const bool isResult = int(i) == sc.result;
            const long filled = isResult ? fs.filled : long(sc.grids[i].rows) * sc.grids[i].cols;
            drawGrid(p, sc.grids[i], boxes[i], f, filled, isResult ? &sc.rowOrder : nullptr);
        }
        // Highlights: the row and column that make the current cell.
        if (sc.result >= 0 && sc.fill == FillMode::Cells && fs.current >= 0) {
            const StageGrid& y = sc.grids[size_t(sc.result)];
            const int i = int(fs.current / y.cols), j = int(fs.current % y.cols);
            const double c = boxes[0].cell;
            if (sc.left >= 0) {
                const QRectF& lc = boxes[size_t(sc.left)].cells;
                drawHighlightRect(p, QRectF(lc.left(), lc.top() + i * c, lc.width(), c), z, c);
            }
            if (sc.right >= 0) {
                const QRectF& rc = boxes[size_t(sc.right)].cells;
                drawHighlightRect(p,
                                  sc.rightHighlightsRow ? QRectF(rc.left(), rc.top() + j * c, rc.width(), c)
                                                        : QRectF(rc.left() + j * c, rc.top(), c, rc.height()),
                                  z, c);
            }
            const QRectF& yc = boxes[size_t(sc.result)].cells;
            drawHighlightRect(p, QRectF(yc.left() + j * c, yc.top() + i * c, c, c), z, c);
        } else if (sc.result >= 0 && sc.fill == FillMode::Rows && m_progress < sc.fillEnd && !sc.rowOrder.empty()) {
            // Row-wise ops: highlight the row being computed in operand and result.
            const StageGrid& y = sc.grids[size_t(sc.result)];
            const long done = fs.filled / std::max(y.cols, 1);
            const int row = sc.rowOrder[size_t(std::min<long>(done, long(sc.rowOrder.size()) - 1))];
            const double c = boxes[0].cell;
            const bool narrate = sc.info == InfoKind::Bars && m_progress < sc.slowEnd;
            if (m_progress >= sc.introEnd || narrate) {
                const int focus = narrate ? sc.focusRow : row;
                for (size_t g = 0; g < sc.grids.size(); ++g) {
                    if (sc.grids[g].rows != y.rows || (int(g) == sc.result && narrate && m_progress < sc.introEnd))
                        continue;
                    const QRectF& gc = boxes[g].cells;
                    drawHighlightRect(p, QRectF(gc.left(), gc.top() + focus * c, gc.width(), c), z, c);
                }
            }
        }
    }
    drawInfo(p, sc, infoArea, m_progress, fs, f);
    p.restore();
}

} // namespace attnviz::ui
