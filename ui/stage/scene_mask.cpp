// Stage scene for masking (where(M, S, −1e9) or S − 1e9, masked cells hatched) (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildMask(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok) {
    const core::Step* scores = nullptr;
    const core::Step* mask = nullptr;
    for (size_t i = 0; i < s.inputs.size(); ++i) {
        const core::Step* o = operand(trace, s, i);
        if (!o)
            continue;
        if (o->display.kind == core::ValueKind::BooleanMask && !mask)
            mask = o;
        else if (!scores)
            scores = o;
    }
    if (!mask && !s.display.maskKey.empty())
        mask = trace.find(s.display.maskKey);
    if (!scores)
        return false;
    StageGrid gs = gridFromStep(trace, *scores, batch, head, tok);
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
    sc.grids.push_back(std::move(gs));
    if (mask) {
        StageGrid gm = gridFromStep(trace, *mask, batch, head, tok);
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
        if (gm.rows == gy.rows && gm.cols == gy.cols && gy.hatched.size() == size_t(gy.rows) * size_t(gy.cols)) {
            // The masked cells are the core's (core::maskedCells, through gridFromStep), not re-derived here.
            const std::vector<uint8_t> masked = gy.hatched;
            const size_t count = size_t(std::count(masked.begin(), masked.end(), std::uint8_t(1)));
            markHatched(gy, masked);
            // Keras either pushes masked logits far down or zeroes the cells.
            bool logits = false;
            for (size_t i = 0; i < masked.size(); ++i)
                logits = logits || (masked[i] && gy.values[i] != 0.0f);
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

} // namespace attnviz::ui::stage
