// The tanh-sum cell's vectors, revealed row by row.
#include "ui/stage/paint_common.h"
#include "ui/stage/stage_style.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

void drawVectors(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const Fonts& f) {
    // Rows revealed one by one while the first cell is computed.
    const double t = phase(prog, sc.introEnd, sc.slowEnd);
    const size_t rows = sc.vectors.size();
    const size_t shown = std::min(rows, size_t(t * double(rows + 1)) + 1);
    const double rowH = std::min(area.height() / double(rows + 1.2), 48 * f.z);
    const QFontMetricsF im(f.info);
    double labelW = 0;
    for (const VectorRow& v : sc.vectors)
        labelW = std::max(labelW, im.horizontalAdvance(v.label));
    labelW += 12 * f.z;
    const int d = sc.vectors.empty() ? 0 : int(sc.vectors[0].values.size());
    if (d == 0)
        return;
    const double cell = std::min(rowH * 2.4, (area.width() - labelW - 20 * f.z) / d);
    QFont cellFont = f.cell;
    cellFont.setPixelSize(std::max(1, int(std::min(cell / 3.4, rowH * 0.5))));
    const double h = std::min(rowH * 0.9, cell * 1.2 + 8);
    // Centre the block of vectors under the grids.
    const double left = area.left() + std::max(0.0, (area.width() - labelW - d * cell) / 2);
    const QRectF block(left, area.top(), area.right() - left, area.height());
    for (size_t i = 0; i < shown; ++i) {
        const double y = area.top() + double(i) * rowH;
        p.setFont(f.info);
        p.setPen(kText);
        p.drawText(QRectF(block.left(), y, labelW - 6 * f.z, h), Qt::AlignRight | Qt::AlignVCenter,
                   sc.vectors[i].label);
        // Each vector on its own symmetric scale (they differ by orders of magnitude).
        const ColourScale scale = colourScaleFor(core::ValueKind::Signed, sc.vectors[i].values);
        p.setFont(cellFont);
        // A scalar row (one value) is a single cell.
        for (int k = 0; k < std::min(d, int(sc.vectors[i].values.size())); ++k) {
            const double v = double(sc.vectors[i].values[size_t(k)]);
            const QRectF cr(block.left() + labelW + k * cell, y, cell, h);
            const QColor bg(scale.rgb(v));
            p.fillRect(cr, bg);
            p.setPen(QPen(Qt::white, 1));
            p.drawRect(cr);
            if (cellFont.pixelSize() >= 8) {
                p.setPen(Qt::black);
                p.drawText(cr, Qt::AlignCenter, fmt(v));
            }
        }
    }
    // The sum, once every row is shown or the narrated cell is done.
    if ((shown == rows && t >= 0.95) || prog >= sc.slowEnd) {
        p.setFont(f.info);
        p.setPen(kText);
        p.drawText(QRectF(block.left() + labelW, area.top() + double(rows) * rowH, block.width() - labelW, rowH),
                   Qt::AlignLeft | Qt::AlignVCenter, sc.vectorResult);
    }
}

} // namespace attnviz::ui::stage
