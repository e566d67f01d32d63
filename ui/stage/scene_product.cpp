// Stage scene for matrix products: einsum (row · column, cell by cell) and Dense (x · W + b) (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_grid.h"
#include "ui/stage/stage_style.h"

#include <QLocale>

#include "core/teach/narration.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <stdexcept>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

namespace {

/// The core's terms of the result grid's cell (i, j) (core::productCell), or
/// nullopt when they cannot be had (then the grids' numbers are narrated).
using CoreCell = std::function<std::optional<core::ProductCell>(int i, int j)>;

// v with `digits` decimals below 10 (fmt's 2 when digits ≤ 2), minus as U+2212.
QString numberWith(double v, int digits) {
    if (digits <= 2 || !std::isfinite(v) || std::fabs(v) >= 10)
        return fmt(v);
    QString s = QString::number(v, 'f', digits);
    if (s.startsWith(QLatin1Char('-')) && s.count(QLatin1Char('0')) == s.size() - 2)
        s.remove(0, 1); // "-0.000"
    s.replace(QLatin1Char('.'), QLocale().decimalPoint()); // 0,260 in German
    return s.replace(QLatin1Char('-'), QChar(0x2212));
}

QString factorWith(double v, int digits) {
    const QString s = numberWith(v, digits);
    return v < 0 ? QStringLiteral("(") + s + QStringLiteral(")") : s;
}

double roundTo(double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

// The fewest decimals (2 to 4) at which the shown terms, each factor rounded,
// add up to the shown result: "1.00×(−0.28) + … = −0.27" reads wrong when the
// rounded factors give −0.28. All terms must be shown for the sum to be checked.
int digitsForSum(const std::vector<float>& x, const std::vector<float>& w, std::optional<float> bias, double value) {
    for (int d = 2; d < 4; ++d) {
        double sum = bias ? roundTo(*bias, d) : 0.0;
        for (size_t t = 0; t < x.size() && t < w.size(); ++t)
            sum += roundTo(x[t], d) * roundTo(w[t], d);
        if (std::fabs(roundTo(sum, d) - roundTo(value, d)) < 0.5 * std::pow(10.0, -d))
            return d;
    }
    return 4;
}

// Product cells: left [R, d] · right [d, C] (+ bias) — the first few of the
// focus row (a lesson's row, else row 0) narrated.
void addProductDetails(StageScene& sc, const core::Tensor* bias, const CoreCell& fromCore = {}, bool swapped = false) {
    const StageGrid& a = sc.grids[size_t(sc.left)];
    const StageGrid& b = sc.grids[size_t(sc.right)];
    const StageGrid& y = sc.grids[size_t(sc.result)];
    const int firstRow = sc.preferredRow >= 0 && sc.preferredRow < y.rows ? sc.preferredRow : 0;
    sc.slowCells = std::min(3, (y.rows - firstRow) * y.cols);
    for (int k = 0; k < sc.slowCells; ++k) {
        const int i = firstRow + k / y.cols, j = k % y.cols;
        CellDetail d;
        const QString resultName = y.name.section(QLatin1Char('/'), 0, 0);
        d.lhs = QStringLiteral("%1[%2, %3] =").arg(resultName).arg(i).arg(j);
        if (const std::optional<core::ProductCell> c = fromCore ? fromCore(i, j) : std::nullopt) {
            // The numbers the core narrates, term by term.
            // In the order the grids stand on the stage (the left grid may be the step's second input).
            const std::vector<float>& first = swapped ? c->right : c->left;
            const std::vector<float>& second = swapped ? c->left : c->right;
            const int digits = first.size() > 7 ? 2 : digitsForSum(first, second, c->bias, double(c->value));
            for (size_t t = 0; t < first.size(); ++t) {
                if (d.terms.size() == 6 && first.size() > 7) {
                    d.terms << tr_("… (%1 terms)").arg(first.size());
                    break;
                }
                d.terms << factorWith(double(first[t]), digits) + QStringLiteral("×") +
                               factorWith(double(second[t]), digits);
            }
            if (c->bias)
                d.terms << tr_("bias %1").arg(factorWith(double(*c->bias), digits));
            d.rhs = QStringLiteral("= ") + numberWith(double(c->value), digits);
            sc.details.push_back(d);
            continue;
        }
        std::vector<float> x, w;
        for (int t = 0; t < a.cols; ++t) {
            x.push_back(a.at(i, t));
            w.push_back(b.at(t, j));
        }
        const std::optional<float> bv = bias && j < bias->size() ? std::optional<float>(bias->data()[j]) : std::nullopt;
        const int digits = a.cols > 7 ? 2 : digitsForSum(x, w, bv, double(y.at(i, j)));
        for (int t = 0; t < a.cols; ++t) {
            if (d.terms.size() == 6 && a.cols > 7) {
                d.terms << tr_("… (%1 terms)").arg(a.cols);
                break;
            }
            d.terms << factorWith(double(x[size_t(t)]), digits) + QStringLiteral("×") +
                           factorWith(double(w[size_t(t)]), digits);
        }
        if (bv)
            d.terms << tr_("bias %1").arg(factorWith(double(*bv), digits));
        d.rhs = QStringLiteral("= ") + numberWith(double(y.at(i, j)), digits);
        sc.details.push_back(d);
    }
}

} // namespace

bool buildProduct(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* a = operand(trace, s, 0);
    const core::Step* b = operand(trace, s, 1);
    if (!a || !b)
        return false;
    StageGrid ga = gridFromStep(trace, *a, batch, head, tok);
    StageGrid gb = gridFromStep(trace, *b, batch, head, tok);
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
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
    setGrids(sc, std::move(ga), std::move(gb), std::move(gy));
    sc.symbols = {QStringLiteral("·"), QStringLiteral("=")};
    sc.left = 0;
    sc.right = 1;
    sc.result = 2;
    sc.fill = FillMode::Cells;
    sc.introEnd = 0.05;
    sc.slowEnd = 0.6;
    // The result grid is the step's slice at (batch, head): its cell (i, j) is
    // this index of the step's tensor.
    const SlicePlan plan = planSlice(s, batch, head);
    const bool sliced = plan.rowAxis >= 0 && plan.colAxis >= 0 && sc.grids[2].blockRows == 1 &&
                        sc.grids[2].blockCols == 1 && plan.fixed.size() == size_t(s.value.rank());
    addProductDetails(
        sc, nullptr,
        [&](int i, int j) -> std::optional<core::ProductCell> {
            if (!sliced)
                return std::nullopt;
            std::vector<Index> cell = plan.fixed;
            cell[size_t(plan.rowAxis)] = i;
            cell[size_t(plan.colAxis)] = j;
            return core::productCell(trace, s, cell).optional();
        },
        s.inputs.size() == 2 && sc.grids[0].name == QString::fromStdString(s.inputs[1]));
    const StageGrid& l = sc.grids[0];
    sc.infoLines << tr_("Each cell is a dot product: a row of %1 with a column of %2 (%3 terms).")
                        .arg(l.name, sc.grids[1].name)
                        .arg(l.cols);
    return true;
}

bool buildDense(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    const core::Tensor* w = trace.param(s, core::ParamRole::Kernel);
    if (!x || !w)
        return false;
    StageGrid gx = flatGridFromStep(trace, *x, batch, head, tok);
    StageGrid gw = kernelGrid(QString::fromStdString(s.param(core::ParamRole::Kernel)->key), *w, gx.cols, head);
    StageGrid gy = flatGridFromStep(trace, s, batch, head, tok);
    if (gx.cols != gw.rows || gx.rows != gy.rows || gw.cols != gy.cols)
        return false;
    const core::Tensor* bias = trace.param(s, core::ParamRole::Bias);
    setGrids(sc, std::move(gx), std::move(gw), std::move(gy));
    sc.symbols = {QStringLiteral("·"), bias ? QStringLiteral("+ b =") : QStringLiteral("=")};
    sc.left = 0;
    sc.right = 1;
    sc.result = 2;
    sc.fill = FillMode::Cells;
    sc.introEnd = 0.05;
    sc.slowEnd = 0.6;
    // The result grid is the step's (T, features) at this batch, the heads'
    // features side by side: its cell (i, j) is (batch, i, j) of a (B, T, O)
    // step, or (batch, i, j / H, j % H) of a (B, T, N, H) one.
    const core::Tensor& v = s.value;
    const StageGrid& y = sc.grids[2];
    const bool flat = y.blockRows == 1 && y.blockCols == 1 && (v.rank() == 3 || v.rank() == 4) && y.rows == v.dim(1) &&
                      y.cols == (v.rank() == 4 ? v.dim(2) * v.dim(3) : v.dim(2));
    addProductDetails(sc, bias, [&](int i, int j) -> std::optional<core::ProductCell> {
        if (!flat)
            return std::nullopt;
        const std::vector<Index> cell =
            v.rank() == 4 ? std::vector<Index>{batch, i, j / v.dim(3), j % v.dim(3)} : std::vector<Index>{batch, i, j};
        return core::productCell(trace, s, cell).optional();
    });
    sc.infoLines << tr_("A Dense projection is one matrix product per token: x · W%1, all heads at once "
                        "(the kernel is shown as a matrix of %2 × %3).")
                        .arg(bias ? tr_(" + b") : QString())
                        .arg(sc.grids[1].rows)
                        .arg(sc.grids[1].cols);
    return true;
}

} // namespace attnviz::ui::stage
