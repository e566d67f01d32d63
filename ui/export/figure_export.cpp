// One export path for every figure (see figure_export.h).
#include "ui/export/figure_export.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace attnviz::ui {

namespace {

/// Paint into a vector device: no pixmap caching, cosmetic pens made real.
bool paintVector(QPaintDevice* device, const Figure& figure) {
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    figure.paint(painter, QRect(QPoint(0, 0), figure.size));
    return painter.end();
}

} // namespace

bool exportFigure(const QString& path, const Figure& figure, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(figure.size);
        generator.setViewBox(QRect(QPoint(0, 0), figure.size));
        generator.setTitle(figure.title);
        ok = paintVector(&generator, figure);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(figure.size), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72);
        writer.setTitle(figure.title);
        writer.setCreator(QCoreApplication::applicationName());
        ok = paintVector(&writer, figure);
    } else {
        const QSize pixels = figure.pixelSize.isEmpty() ? figure.size : figure.pixelSize;
        QImage image(pixels, QImage::Format_RGB32);
        image.fill(Qt::white);
        QCPPainter painter;
        if (painter.begin(&image)) {
            painter.setMode(QCPPainter::pmNoCaching);
            figure.paint(painter, QRect(QPoint(0, 0), pixels));
            ok = painter.end() && image.save(path);
        }
    }
    if (!ok && error)
        *error = QCoreApplication::translate("attnviz::ui::MainWindow", "Could not write %1.").arg(path);
    return ok;
}

} // namespace attnviz::ui
