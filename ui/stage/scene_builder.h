// Scene building: (trace, step, batch, head, tokens) → StageScene. Which
// animation a step gets depends on Step::op alone, never on the layer; each
// op kind has its own builder in scene_<op>.cpp.
#pragma once

#include "ui/stage/stage_grid.h"
#include "ui/stage/stage_scene.h"

#include <memory>
#include <utility>

namespace attnviz::ui::stage {

/// The scene for step `index`; operands that cannot be lined up fall back to
/// the result alone, with a message.
/// `focusRow` (a lesson's row, -1: none) is the row whose cells and softmax are narrated.
std::unique_ptr<StageScene> buildScene(const core::Trace& trace, int index, int batch, int head, const Tokens& tok,
                                       int focusRow = -1);

// One builder per op kind; each returns false when its operands do not fit.
// clang-format off
bool buildProduct(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);     // scene_product.cpp
bool buildDense(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);       // scene_product.cpp
bool buildTanhSum(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);     // scene_tanh_sum.cpp
bool buildMask(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);        // scene_mask.cpp
bool buildSoftmax(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);     // scene_softmax.cpp
bool buildElementwise(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok); // scene_elementwise.cpp
bool buildAdd(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);         // scene_add.cpp
bool buildConcat(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);      // scene_concat.cpp
bool buildRepeat(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tok);      // scene_repeat.cpp
// clang-format on

// Shared by the builders.
const core::Step* operand(const core::Trace& trace, const core::Step& s, size_t i);
/// Fill order of the result's rows: `first` (if valid), then the others in order.
void setRowOrder(StageScene& sc, int first = -1);
/// The result grid goes last and fills row by row once the operands have been
/// introduced (the first `introEnd` of the animation).
bool finishRowByRow(StageScene& sc, StageGrid result, double introEnd);
/// The scene's grids, moved in (`sc.grids = {a, b}` would copy each from the
/// initializer list: 16 MB a grid at T=S=2048).
template <class... Grids> void setGrids(StageScene& sc, Grids&&... grids) {
    sc.grids.clear();
    sc.grids.reserve(sizeof...(grids));
    (sc.grids.push_back(std::forward<Grids>(grids)), ...);
}

} // namespace attnviz::ui::stage
