// Stage scene for the tanh sum (additive / concat scores: Σ_d w·tanh(q + k), one cell narrated) (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

} // namespace attnviz::ui::stage
