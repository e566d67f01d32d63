#include "ui/train/attention_grid.h"

#include "ui/colour/colour_scale.h"

#include <QPainter>

#include <algorithm>

namespace attnviz::ui {

AttentionGrid::AttentionGrid(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void AttentionGrid::setAttention(std::vector<core::Tensor> perBlock, int row) {
    m_attention = std::move(perBlock);
    m_row = row;
    update();
}

void AttentionGrid::setTokens(QStringList tokens) {
    m_tokens = std::move(tokens);
    update();
}

void AttentionGrid::setZoom(double z) {
    m_zoom = z;
    update();
}

int AttentionGrid::heads(int block) const {
    return block >= 0 && block < blocks() ? int(m_attention[size_t(block)].dim(1)) : 0;
}

float AttentionGrid::weight(int block, int head, int t, int s) const {
    const core::Tensor& w = m_attention[size_t(block)];
    return w.at({m_row, head, t, s});
}

QSize AttentionGrid::sizeHint() const {
    return QSize(360, 300);
}

void AttentionGrid::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (m_attention.empty())
        return;
    int cols = 1;
    for (int b = 0; b < blocks(); ++b)
        cols = std::max(cols, heads(b));
    const int rows = blocks();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.9); // the view's font is already zoomed
    p.setFont(f);
    const int title = p.fontMetrics().height() + 2;
    const int gap = int(8 * m_zoom);
    const double cellW = double(width() - gap * (cols + 1)) / cols;
    const double cellH = double(height() - gap * (rows + 1)) / rows - title;
    const double side = std::max(8.0, std::min(cellW, cellH));
    const ColourStops stops = viridisStops();
    for (int b = 0; b < rows; ++b) {
        const core::Tensor& w = m_attention[size_t(b)];
        const int T = int(w.dim(2)), S = int(w.dim(3));
        for (int h = 0; h < heads(b); ++h) {
            const double x0 = gap + h * (side + gap), y0 = gap + b * (side + gap + title);
            p.setPen(palette().text().color());
            p.drawText(QRectF(x0, y0, side, title), Qt::AlignLeft | Qt::AlignVCenter,
                       heads(b) > 1 ? tr("block %1 · head %2").arg(b + 1).arg(h + 1) : tr("block %1").arg(b + 1));
            const double cw = side / S, ch = side / T;
            for (int t = 0; t < T; ++t)
                for (int s = 0; s < S; ++s) {
                    const float v = weight(b, h, t, s);
                    p.fillRect(QRectF(x0 + s * cw, y0 + title + t * ch, cw + 0.5, ch + 0.5),
                               QColor::fromRgb(colourAt(stops, std::clamp(double(v), 0.0, 1.0))));
                }
            p.setPen(QPen(palette().mid().color(), 1));
            p.drawRect(QRectF(x0, y0 + title, side, side));
        }
    }
}

} // namespace attnviz::ui
