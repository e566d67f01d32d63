// One export path for every figure (see figure_export.h).
#include "ui/export/figure_export.h"

#include "ui/text/step_text.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QLinearGradient>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

QString barNumber(double v) {
    return QLocale().toString(v, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212));
}

/// The heading above, the colour bar at the right, the figure in what is left.
/// `rect` is the whole canvas; sizes scale with it (a 2× raster stays alike).
void paintFramed(QCPPainter& painter, const Figure& figure, const QRect& rect) {
    const double k = double(rect.width()) / std::max(1, figure.size.width()); // raster scale
    QRect body = rect;
    QFont font = painter.font();
    font.setPixelSize(std::max(8, int(std::lround(15 * k))));
    if (!figure.heading.isEmpty()) {
        QFont bold = font;
        bold.setBold(true);
        const int h = int(std::ceil(QFontMetricsF(bold).height() * 1.6));
        painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), h), Qt::white);
        painter.setFont(bold);
        painter.setPen(QColor(20, 20, 20));
        const QRectF text(rect.left() + 10 * k, rect.top(), rect.width() - 20 * k, h);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(bold).elidedText(figure.heading, Qt::ElideRight, text.width()));
        body.setTop(rect.top() + h);
    }
    if (figure.colourBar) {
        font.setPixelSize(std::max(8, int(std::lround(12 * k))));
        painter.setFont(font);
        const QFontMetricsF fm(font);
        const ColourScale& cs = figure.colourScale;
        const double mid = cs.kind == ColourRangeKind::Diverging ? 0.0 : (cs.lower + cs.upper) / 2;
        double labelsW = fm.horizontalAdvance(figure.colourBarLabel) / 2;
        for (const double v : {cs.lower, mid, cs.upper})
            labelsW = std::max(labelsW, fm.horizontalAdvance(barNumber(v)) + 8 * k);
        const double barW = 18 * k, pad = 10 * k;
        const double width = pad + barW + 6 * k + labelsW + pad;
        const QRectF bar(rect.right() - width + pad, body.top() + 2 * fm.height(), barW,
                         body.height() - 4 * fm.height());
        painter.fillRect(QRectF(rect.right() - width, body.top(), width, body.height()), Qt::white);
        QLinearGradient g(bar.bottomLeft(), bar.topLeft());
        for (const auto& [pos, colour] : cs.stops())
            g.setColorAt(pos, colour);
        painter.fillRect(bar, g);
        painter.setPen(QPen(QColor(60, 60, 60), std::max(1.0, k)));
        painter.drawRect(bar);
        for (const double v : {cs.lower, mid, cs.upper}) {
            const double y = bar.bottom() - cs.position(v) * bar.height();
            painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 4 * k, y));
            painter.drawText(QRectF(bar.right() + 6 * k, y - fm.height() / 2, labelsW, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, barNumber(v));
        }
        if (!figure.colourBarLabel.isEmpty())
            painter.drawText(QRectF(rect.right() - width, body.top(), width, 1.6 * fm.height()), Qt::AlignCenter,
                             fm.elidedText(figure.colourBarLabel, Qt::ElideRight, width));
        body.setRight(int(rect.right() - width));
    }
    figure.paint(painter, body);
}

/// Paint into a vector device: no pixmap caching, cosmetic pens made real.
bool paintVector(QPaintDevice* device, const Figure& figure) {
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    painter.fillRect(QRect(QPoint(0, 0), figure.size), Qt::white);
    paintFramed(painter, figure, QRect(QPoint(0, 0), figure.size));
    return painter.end();
}

} // namespace

QString figureHeading(const core::Trace& trace, int index) {
    if (index < 0 || index >= int(trace.steps.size()))
        return QString::fromStdString(trace.layer);
    const core::Step& s = trace.steps[size_t(index)];
    return QCoreApplication::translate("attnviz::ui::MainWindow", "Step %1 of %2 — %3 · %4 · %5 %6")
        .arg(index + 1)
        .arg(trace.steps.size())
        .arg(stepTitle(s), QString::fromStdString(trace.layer), QString::fromStdString(s.key),
             shapeText(s.value.shape()));
}

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
            paintFramed(painter, figure, QRect(QPoint(0, 0), pixels));
            ok = painter.end() && image.save(path);
        }
    }
    if (!ok && error) {
        // Say why where we can tell: QImage/QPdfWriter only report failure.
        const QFileInfo file(path), folder(file.absolutePath());
        const QString why =
            !folder.exists() ? QCoreApplication::translate("attnviz::ui::MainWindow", "the folder %1 does not exist")
                                   .arg(folder.absoluteFilePath())
            : !folder.isWritable()
                ? QCoreApplication::translate("attnviz::ui::MainWindow", "the folder %1 is not writable")
                      .arg(folder.absoluteFilePath())
            : file.exists() && !file.isWritable()
                ? QCoreApplication::translate("attnviz::ui::MainWindow", "the file exists and is read-only")
                : QCoreApplication::translate("attnviz::ui::MainWindow",
                                              "use a .png, .pdf or .svg name, and check the disk has space");
        *error = QCoreApplication::translate("attnviz::ui::MainWindow", "Could not write %1: %2.").arg(path, why);
    }
    return ok;
}

} // namespace attnviz::ui
