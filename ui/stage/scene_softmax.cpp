// Stage scene for softmax (one row narrated: max, exponentials, sum, weights; bars in paint_softmax_bars.cpp) (see
// scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include "core/teach/narration.h"
#include "core/trace/step_display.h"

#include <algorithm>
#include <numeric>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

namespace {
// Rows longer than kMaxBars show the kTopBars largest weights and one bar for the rest.
constexpr int kMaxBars = 24;
constexpr int kTopBars = 15;
} // namespace

bool buildSoftmax(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                  const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    StageGrid gx = gridFromStep(trace, *x, batch, head, tok);
    StageGrid gy = gridFromStep(trace, s, batch, head, tok);
    if (gx.rows != gy.rows || gx.cols != gy.cols || gx.cols == 0)
        return false;
    // The full index of grid row r: batch and head as sliced, the row's query.
    auto rowIndex = [&](int r) {
        std::vector<Index> idx;
        for (Index a = 0; a + 1 < s.value.rank(); ++a) {
            const core::AxisRole role = s.display.roles[size_t(a)];
            const Index last = s.value.dim(a) - 1;
            idx.push_back(role == core::AxisRole::Batch  ? std::clamp<Index>(batch, 0, last)
                          : role == core::AxisRole::Head ? std::clamp<Index>(head, 0, last)
                                                         : std::clamp<Index>(r, 0, last));
        }
        return idx;
    };
    // Narrate the lesson's row, else the first row with at least two unmasked entries; its numbers
    // (max, exponentials, sum) are core::softmaxRow's (core/teach/narration.h).
    core::SoftmaxRow row;
    int focus = 0;
    if (sc.preferredRow >= 0 && sc.preferredRow < gx.rows) {
        // The row a lesson asks about, even when it has nothing left to attend to.
        core::Result<core::SoftmaxRow> asked = core::softmaxRow(trace, s, rowIndex(sc.preferredRow));
        if (!asked)
            return false;
        row = *std::move(asked);
        focus = sc.preferredRow;
    } else {
        for (int r = 0; r < gx.rows; ++r) {
            core::Result<core::SoftmaxRow> candidate = core::softmaxRow(trace, s, rowIndex(r));
            if (!candidate)
                return false;
            const auto open = std::count(candidate->masked.begin(), candidate->masked.end(), std::uint8_t(0));
            if (r == 0 || open >= 2) {
                row = *std::move(candidate);
                focus = r;
            }
            if (open >= 2)
                break;
        }
    }
    if (int(row.logits.size()) != gx.cols)
        return false;
    sc.focusRow = focus;
    const int n = gx.cols;
    sc.rowIn = row.logits;
    sc.rowExp = row.exps;
    sc.rowOut = row.probs;
    sc.rowMasked.assign(row.masked.begin(), row.masked.end());
    sc.rowMax = row.max;
    sc.rowMaxAbs = 0;
    for (int c = 0; c < n; ++c)
        if (!sc.rowMasked[size_t(c)])
            sc.rowMaxAbs = std::max(sc.rowMaxAbs, std::fabs(sc.rowIn[size_t(c)]));
    if (sc.rowMaxAbs == 0)
        sc.rowMaxAbs = 1;
    sc.expSum = float(row.sum);
    sc.barLabels = gx.colLabels;
    if (n > kMaxBars) {
        // The top keys by weight, largest first, and one bar for the rest.
        std::vector<int> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            if (sc.rowMasked[size_t(a)] != sc.rowMasked[size_t(b)])
                return !sc.rowMasked[size_t(a)];
            return sc.rowOut[size_t(a)] > sc.rowOut[size_t(b)];
        });
        std::vector<float> in, ex, out;
        std::vector<uint8_t> masked;
        QStringList labels;
        for (int k = 0; k < kTopBars; ++k) {
            const size_t i = size_t(order[size_t(k)]);
            in.push_back(sc.rowIn[i]);
            ex.push_back(sc.rowExp[i]);
            out.push_back(sc.rowOut[i]);
            masked.push_back(sc.rowMasked[i]);
            labels << gx.colLabels.value(int(i));
        }
        float restMax = -std::numeric_limits<float>::infinity();
        double restExp = 0, restOut = 0;
        bool restMasked = true;
        for (size_t k = kTopBars; k < order.size(); ++k) {
            const size_t i = size_t(order[k]);
            restExp += double(sc.rowExp[i]);
            restOut += double(sc.rowOut[i]);
            if (!sc.rowMasked[i]) {
                restMasked = false;
                restMax = std::max(restMax, sc.rowIn[i]);
            }
        }
        in.push_back(restMasked ? sc.rowIn[size_t(order.back())] : restMax);
        ex.push_back(float(restExp));
        out.push_back(float(restOut));
        masked.push_back(restMasked);
        sc.barsRest = n - kTopBars;
        labels << tr_("%1 others").arg(sc.barsRest);
        sc.rowIn = std::move(in);
        sc.rowExp = std::move(ex);
        sc.rowOut = std::move(out);
        sc.rowMasked = std::move(masked);
        sc.barLabels = labels;
    }
    // Masked logits end as masked weights: the core flags them in both grids.
    setGrids(sc, std::move(gx), std::move(gy));
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
