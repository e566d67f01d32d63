// Stage scene for addition (the residual of the Transformer sub-layer), the
// element-wise product (the gated context) and the AND of a mask's parts
// (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildAdd(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    // Add (a residual), Multiply (a gate) or a mask that ANDs its parts
    // (padding, causal, sliding window, attention_mask): operands cell by cell.
    const bool product = s.op == OpKind::Multiply;
    const bool both = s.op == OpKind::Input;
    const QString symbol = product ? QStringLiteral("⊙") : both ? QStringLiteral("∧") : QStringLiteral("+");
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
    if (both) {
        // Which part removed which cell: how many each part removes in this slice.
        QStringList removed;
        for (const StageGrid& g : sc.grids) {
            long zeros = 0;
            for (float v : g.values)
                zeros += v == 0.0f;
            removed << tr_("%1 removes %2").arg(g.name).arg(zeros);
        }
        long kept = 0;
        for (float v : gy.values)
            kept += v != 0.0f;
        sc.infoLines << tr_("A pair may attend only where every part keeps it (1): %1 of %2 cells here; %3.")
                            .arg(kept)
                            .arg(gy.values.size())
                            .arg(removed.join(QStringLiteral(", ")));
        return finishRowByRow(sc, std::move(gy), 0.2);
    }
    QStringList parts;
    for (const StageGrid& g : sc.grids)
        parts << factor(double(g.at(0, 0)));
    sc.infoLines << tr_("Cell by cell: %1 = %2.")
                        .arg(parts.join(product ? QStringLiteral(" × ") : QStringLiteral(" + ")),
                             fmt(double(gy.at(0, 0))));
    if (product)
        sc.infoLines << tr_("A gate near 0 silences that channel of the head; near 1 it passes unchanged.");
    return finishRowByRow(sc, std::move(gy), 0.2);
}

} // namespace attnviz::ui::stage
