// Painting a StageScene at a progress value 0..1: layout, grids, the
// highlighted row/column/cell, the narration below. Only lays out and draws
// what the scene builders prepared; no maths on tensors.
#pragma once

#include "ui/stage/stage_scene.h"

class QFont;
class QPainter;
class QRect;

namespace attnviz::ui::stage {

/// Paint `sc` into `target` at animation progress `progress` and zoom `zoom`,
/// with fonts derived from `base`.
void paintScene(QPainter& painter, const StageScene& sc, const QRect& target, double progress, double zoom,
                const QFont& base);

} // namespace attnviz::ui::stage
