// Writing a figure (the stage, the inspector's heatmap) to a file: SVG, PDF,
// or a raster image (PNG, JPEG), chosen by the file's suffix. The one code
// path every view's export goes through; a view only says how it paints.
#pragma once

#include "ui/colour/colour_scale.h"

#include <QRect>
#include <QSize>
#include <QString>

#include <functional>

class QCPPainter;

namespace attnviz::ui {

struct Figure {
    QSize size;      ///< logical size: SVG view box, PDF page in points
    QSize pixelSize; ///< raster canvas; empty = `size`
    QString title;   ///< SVG and PDF document title
    /// Drawn above the figure, so a slide explains itself: the step, the layer
    /// and the shape (figureHeading). Empty: none.
    QString heading;
    /// A colour bar drawn at the right with its value range and `colourBarLabel`
    /// (the stage's; the heatmap's plot has its own). Not drawn when false.
    bool colourBar = false;
    ColourScale colourScale;
    QString colourBarLabel;
    /// Paint the figure into `rect` (at the origin). A QCPPainter is a QPainter
    /// that QCustomPlot plots can also paint into.
    std::function<void(QCPPainter& painter, const QRect& rect)> paint;
};

/// "Step 8 of 11 — Softmax weights · MultiHeadAttention · weights (1, 2, 4, 4)":
/// what a figure of this step shows.
QString figureHeading(const core::Trace& trace, int index);

/// Write `figure` to `path`; false with a message in `error` when it cannot.
bool exportFigure(const QString& path, const Figure& figure, QString* error = nullptr);

} // namespace attnviz::ui
