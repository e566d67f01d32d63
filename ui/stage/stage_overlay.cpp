#include "ui/stage/stage_overlay.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPen>

#include <cmath>

namespace attnviz::ui::stage {

namespace {

QRectF cellRect(const QRectF& cells, int rows, int cols, int r, int c) {
    const double w = cells.width() / cols, h = cells.height() / rows;
    return QRectF(cells.left() + c * w, cells.top() + r * h, w, h);
}

} // namespace

void paintOverlay(QPainter& p, const QRectF& target, const QRectF& cells, int rows, int cols, const Overlay& overlay,
                  double zoom, const QFont& base) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    if (!cells.isEmpty() && rows > 0 && cols > 0)
        for (const auto& [r, c] : overlay.highlights) {
            if (r < 0 || c < 0 || r >= rows || c >= cols)
                continue;
            const QRectF cell = cellRect(cells, rows, cols, r, c);
            const double w = std::max(2.0, 3.0 * zoom);
            p.setPen(QPen(QColor(255, 140, 0), w)); // the lesson's highlight: orange, over any colour map
            p.setBrush(Qt::NoBrush);
            p.drawRect(cell.adjusted(-w / 2, -w / 2, w / 2, w / 2));
        }
    if (!cells.isEmpty() && overlay.cursor && overlay.cursor->first >= 0 && overlay.cursor->second >= 0 &&
        overlay.cursor->first < rows && overlay.cursor->second < cols) {
        // Inside the cell, so it shows beside an orange highlight of the same cell: blue, thick,
        // dashed, readable on a projector and apart from the orange in grey print.
        const QRectF cell = cellRect(cells, rows, cols, overlay.cursor->first, overlay.cursor->second);
        const double w = std::max(3.0, 4.0 * zoom);
        QPen pen(QColor(0, 90, 200), w);
        pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell.adjusted(w, w, -w, -w));
    }
    if (!overlay.note.isEmpty()) {
        QFont f = base;
        f.setBold(true);
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * std::max(1.0, zoom));
        p.setFont(f);
        const QFontMetricsF fm(f);
        const double pad = 4 * zoom;
        const QRectF text =
            fm.boundingRect(target.adjusted(pad, pad, -pad, -pad), Qt::AlignRight | Qt::TextWordWrap, overlay.note);
        const QRectF box(target.right() - text.width() - 3 * pad, target.top() + pad, text.width() + 2 * pad,
                         text.height() + 2 * pad);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(176, 0, 0));
        p.drawRoundedRect(box, 3 * zoom, 3 * zoom);
        p.setPen(Qt::white);
        p.drawText(box.adjusted(pad, pad, -pad, -pad), Qt::AlignCenter | Qt::TextWordWrap, overlay.note);
    }
    p.restore();
}

std::optional<std::pair<int, int>> cellAt(const QRectF& cells, int rows, int cols, const QPointF& pos) {
    if (cells.isEmpty() || rows <= 0 || cols <= 0 || !cells.contains(pos))
        return std::nullopt;
    const int c = std::min(cols - 1, int(std::floor((pos.x() - cells.left()) / (cells.width() / cols))));
    const int r = std::min(rows - 1, int(std::floor((pos.y() - cells.top()) / (cells.height() / rows))));
    return std::pair{r, c};
}

} // namespace attnviz::ui::stage
