// Stage scene for element-wise ops: scale, dropout and layer normalisation (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <QLocale>

#include "core/teach/narration.h"
#include "core/trace/step_display.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildElementwise(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                      const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    StageGrid gx = gridFromStep(trace, *x, batch, head, tok);
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
    if (gx.rows != gy.rows || gx.cols != gy.cols)
        return false;
    switch (s.op) {
    case OpKind::Scale: {
        // One formatting for the operator and the sentence, so they agree (0.125 in both).
        sc.symbols << QStringLiteral("× %1 =").arg(scaleText(double(s.scaleFactor)));
        sc.infoLines << tr_("Every cell is multiplied by %1: %2 × %1 = %3.")
                            .arg(scaleText(double(s.scaleFactor)), factor(double(gx.at(0, 0))),
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
        if (gy.blockRows == 1 && gy.blockCols == 1) // a pooled image keeps its blocks' extremes
            for (int r = 0; r < gy.rows; ++r)
                for (int c = 0; c < gy.cols; ++c)
                    if (gy.isCrossed(r, c))
                        gy.image.setPixel(c, r, qRgb(0, 0, 0));
        sc.symbols << tr_("dropout →");
        sc.infoLines << tr_("%1 of %2 weights dropped (crossed); the kept ones are scaled by %3 so the "
                            "expected sum stays the same. Training only.")
                            .arg(count)
                            .arg(dropped.size())
                            .arg(keep != 0 ? QLocale().toString(keep, 'g', 4) : QStringLiteral("1/(1 − rate)"));
        break;
    }
    case OpKind::LayerNorm: {
        // Row 0 of this batch; μ and σ are core::layerNormRow's (core/teach/narration.h).
        std::vector<Index> row(size_t(std::max<Index>(s.value.rank() - 1, 0)), 0);
        if (const int ba = core::axisWithRole(s, core::AxisRole::Batch); ba >= 0 && size_t(ba) < row.size())
            row[size_t(ba)] = std::clamp<Index>(batch, 0, s.value.dim(ba) - 1);
        // The row a lesson asks about, else row 0.
        int shownRow = 0;
        if (const int qa = core::axisWithRole(s, core::AxisRole::Query);
            qa >= 0 && size_t(qa) < row.size() && sc.preferredRow >= 0 && sc.preferredRow < s.value.dim(qa)) {
            row[size_t(qa)] = sc.preferredRow;
            shownRow = sc.preferredRow;
        }
        sc.symbols << QStringLiteral("→");
        if (const core::Result<core::LayerNormRow> ln = core::layerNormRow(trace, s, row))
            sc.infoLines << tr_("Each row is normalised over its %1 features: row %2 has mean μ = %3 and σ = %4; "
                                "y = γ·(x − μ)/√(σ² + ε) + β.")
                                .arg(gx.cols)
                                .arg(shownRow)
                                .arg(fmt(ln->mean), fmt(std::sqrt(ln->variance)));
        else
            sc.infoLines
                << tr_("Each row is normalised over its %1 features: y = γ·(x − μ)/√(σ² + ε) + β.").arg(gx.cols);
        setRowOrder(sc, sc.preferredRow);
        break;
    }
    default: sc.symbols << QStringLiteral("→"); break;
    }
    setGrids(sc, std::move(gx), std::move(gy));
    sc.result = 1;
    sc.fill = FillMode::Rows;
    sc.introEnd = 0.2;
    sc.slowEnd = 0.2;
    return true;
}

} // namespace attnviz::ui::stage
