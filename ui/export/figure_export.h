// Writing a figure (the stage, the inspector's heatmap) to a file: SVG, PDF,
// or a raster image (PNG, JPEG), chosen by the file's suffix. The one code
// path every view's export goes through; a view only says how it paints.
#pragma once

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
    /// Paint the figure into `rect` (at the origin). A QCPPainter is a QPainter
    /// that QCustomPlot plots can also paint into.
    std::function<void(QCPPainter& painter, const QRect& rect)> paint;
};

/// Write `figure` to `path`; false with a message in `error` when it cannot.
bool exportFigure(const QString& path, const Figure& figure, QString* error = nullptr);

} // namespace attnviz::ui
