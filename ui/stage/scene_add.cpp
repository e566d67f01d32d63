// Stage scene for addition (the residual of the Transformer sub-layer) and the element-wise product (a gate) (see
// scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildAdd(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    // Add (a residual) or Multiply (a gate): the operands cell by cell.
    const bool product = s.op == OpKind::Multiply;
    const QString symbol = product ? QStringLiteral("⊙") : QStringLiteral("+");
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
    for (size_t i = 0; i < s.inputs.size(); ++i) {
        const core::Step* o = operand(trace, s, i);
        if (!o)
            return false;
        StageGrid g = gridFromStep(trace, *o, batch, head, tok);
        if (g.rows != gy.rows || g.cols != gy.cols)
            return false;
        if (!sc.grids.empty())
            sc.symbols << symbol;
        sc.grids.push_back(std::move(g));
    }
    if (sc.grids.empty())
        return false;
    sc.symbols << QStringLiteral("=");
    QStringList parts;
    for (const StageGrid& g : sc.grids)
        parts << factor(double(g.at(0, 0)));
    sc.infoLines << tr_("Cell by cell: %1 = %2.")
                        .arg(parts.join(product ? QStringLiteral(" × ") : QStringLiteral(" + ")),
                             fmt(double(gy.at(0, 0))));
    return finishRowByRow(sc, std::move(gy), 0.2);
}

} // namespace attnviz::ui::stage
