// Stage scene for matrix products: einsum (row · column, cell by cell) and Dense (x · W + b) (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

namespace {

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
    StageGrid gx = flatGridFromStep(trace, *x, batch, head, tok);
    StageGrid gw;
    for (const std::string& p : s.params)
        if (p.find("kernel") != std::string::npos)
            gw = kernelGrid(QString::fromStdString(p), *w, gx.cols, head);
    StageGrid gy = flatGridFromStep(trace, s, batch, head, tok);
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

} // namespace attnviz::ui::stage
