// Stage scene for the tanh sum (additive / concat scores: Σ_d w·tanh(q + k), one cell narrated with
// core::tanhSumCell's terms) (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"
#include "ui/text/step_text.h"

#include "core/teach/narration.h"
#include "core/trace/step_display.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildTanhSum(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* a = operand(trace, s, 0);
    const core::Step* b = operand(trace, s, 1);
    if (!a || !b)
        return false;
    StageGrid gq = gridFromStep(trace, *a, batch, head, tok);
    StageGrid gk = gridFromStep(trace, *b, batch, head, tok);
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
    if (!(gq.rows == gy.rows && gk.rows == gy.cols) && gk.rows == gy.rows && gq.rows == gy.cols)
        std::swap(gq, gk);
    if (gq.rows != gy.rows || gk.rows != gy.cols || gq.cols != gk.cols)
        return false;
    // Narrate the first cell of this batch: the terms are core::tanhSumCell's
    // (core/teach/narration.h), shown only if they reproduce the trace's value.
    std::vector<Index> cell(size_t(s.value.rank()), 0);
    if (const int ba = core::axisWithRole(s, core::AxisRole::Batch); ba >= 0)
        cell[size_t(ba)] = std::clamp<Index>(batch, 0, s.value.dim(ba) - 1);
    const core::Result<core::TanhSumCell> narrated = core::tanhSumCell(trace, s, cell);
    if (!narrated)
        return false;
    const core::TanhSumCell& c = *narrated;
    const std::vector<float>& q = c.q;
    const std::vector<float>& k = c.k;
    const float actual = c.value;
    const bool matches = std::fabs(c.total - double(actual)) <= 1e-3 * (1.0 + std::fabs(double(actual)));
    const QString qn = gq.name, kn = gk.name;
    sc.vectors.push_back({tr_("%1[0]").arg(qn), q});
    sc.vectors.push_back({tr_("%1[0]").arg(kn), k});
    if (matches) {
        sc.vectors.push_back({tr_("q + k"), c.sum});
        sc.vectors.push_back({c.innerScaled ? tr_("tanh(scale·(q + k))") : tr_("tanh(q + k)"), c.tanh});
        const bool concat = c.weightFrom == core::TanhSumCell::Weight::ConcatScoreWeight;
        const QString wName = concat ? tr_("w_c") : tr_("scale");
        if (c.weightFrom != core::TanhSumCell::Weight::One) {
            // A scalar weight (concat_score_weight, shape ()) is one cell, not a row.
            core::Index n = 1;
            for (core::Index dim : c.weightShape)
                n *= dim;
            if (n == 1 && !c.weight.empty())
                sc.vectors.push_back(
                    {tr_("%1 (scalar, shape %2)").arg(wName, shapeText(c.weightShape)), {c.weight.front()}});
            else
                sc.vectors.push_back({wName, c.weight});
            sc.vectors.push_back({wName + tr_(" · tanh"), c.terms});
        }
    }
    sc.vectorResult = QStringLiteral("%1[0, 0] = Σ = %2").arg(gy.name, fmt(double(actual)));
    if (!matches)
        sc.message = tr_("(the intermediate terms are not shown: this step's weights are not in the trace)");
    setGrids(sc, std::move(gq), std::move(gk), std::move(gy));
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

} // namespace attnviz::ui::stage
