// Painting a StageScene at a progress value 0..1: layout, grids, the
// highlighted row/column/cell, the narration below. Only lays out and draws
// what the scene builders prepared; no maths on tensors.
#pragma once

#include "ui/stage/stage_scene.h"

class QFont;
class QPainter;
class QRect;
class QRectF;

namespace attnviz::ui::stage {

/// Paint `sc` into `target` at animation progress `progress` and zoom `zoom`,
/// with fonts derived from `base`. `resultCells`, when given, gets where the
/// result grid's cells were drawn (empty when the layout has no such grid).
void paintScene(QPainter& painter, const StageScene& sc, const QRect& target, double progress, double zoom,
                const QFont& base, QRectF* resultCells = nullptr);

} // namespace attnviz::ui::stage
