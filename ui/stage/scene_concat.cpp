// Stage scene for concatenating the heads (they slide together) (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

bool buildConcat(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                 const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x)
        return false;
    int headAxis = -1;
    const size_t rank = x->value.shape().size();
    for (size_t a = 0; a < rank; ++a)
        if (isHeadAxis(*x, a))
            headAxis = int(a);
    if (headAxis < 0)
        return false;
    const int heads = int(x->value.shape()[size_t(headAxis)]);
    StageGrid gy = flatGridFromStep(trace, s, batch, head, tok);
    for (int h = 0; h < heads; ++h) {
        StageGrid g = gridFromStep(trace, *x, batch, h, tok);
        if (g.rows != gy.rows || g.cols * heads != gy.cols)
            return false;
        g.name = tr_("head %1").arg(h);
        g.frame = kHeadColours[size_t(h) % kHeadColours.size()];
        // One colour range for all heads, the concatenation's.
        g.scale = gy.scale;
        finishGrid(g);
        sc.grids.push_back(std::move(g));
    }
    sc.heads = heads;
    gy.bandCols = sc.grids[0].cols;
    sc.grids.push_back(std::move(gy));
    sc.result = int(sc.grids.size()) - 1;
    sc.layout = Layout::Concat;
    sc.fill = FillMode::None;
    sc.infoLines << tr_("The %1 heads' contexts are placed side by side: [%2, %3 × %4] → [%2, %5]. "
                        "Keras folds this reshape into output_dense's einsum.")
                        .arg(heads)
                        .arg(sc.grids[0].rows)
                        .arg(heads)
                        .arg(sc.grids[0].cols)
                        .arg(heads * sc.grids[0].cols);
    return true;
}

} // namespace attnviz::ui::stage
