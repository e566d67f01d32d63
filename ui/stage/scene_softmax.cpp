// Stage scene for softmax (one row narrated: max, exponentials, sum, weights; bars in paint_softmax_bars.cpp) (see
// scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildSoftmax(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    StageGrid gx = gridFromStep(trace, *x, batch, head, tok);
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
    if (gx.rows != gy.rows || gx.cols != gy.cols || gx.cols == 0)
        return false;
    // Narrate the first row with at least two unmasked entries.
    int focus = 0;
    for (int r = 0; r < gx.rows; ++r) {
        int open = 0;
        for (int c = 0; c < gx.cols; ++c)
            open += !gx.isHatched(r, c);
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
        sc.rowMasked[size_t(c)] = gx.isHatched(focus, c);
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
    // Masked logits end as masked weights: the core flags them in both grids.
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

} // namespace attnviz::ui::stage
