// What the stage draws over a painted scene, apart from the scene itself:
// a lesson slide's highlighted cells on the result grid, and a note across
// the top (e.g. "not Keras" while the 1/√dₖ lab's switch is on). Also maps a
// click back to a result cell, so a click-the-cell question can be answered
// on the stage. Kept out of the painter: it only needs where the result grid
// was drawn (paintScene's resultCells).
#pragma once

#include <QRectF>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

class QFont;
class QPainter;

namespace attnviz::ui::stage {

struct Overlay {
    QString note;                                // drawn across the top; empty: none
    std::vector<std::pair<int, int>> highlights; // (row, col) cells of the result grid
    std::optional<std::pair<int, int>> cursor;   // the keyboard cursor of a click question (blue, dashed)
};

/// Paint `overlay` into `target`; `cells` is where the result grid of
/// `rows` × `cols` cells was drawn (empty: no highlights drawn).
void paintOverlay(QPainter& painter, const QRectF& target, const QRectF& cells, int rows, int cols,
                  const Overlay& overlay, double zoom, const QFont& base);

/// The (row, col) of the result cell under `pos`, if any.
std::optional<std::pair<int, int>> cellAt(const QRectF& cells, int rows, int cols, const QPointF& pos);

} // namespace attnviz::ui::stage
