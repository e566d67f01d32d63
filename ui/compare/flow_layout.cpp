#include "ui/compare/flow_layout.h"

#include <QWidget>

#include <algorithm>

namespace attnviz::ui {

FlowLayout::FlowLayout(QWidget* parent, int spacing) : QLayout(parent), m_spacing(spacing) {
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
}

int FlowLayout::count() const {
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const {
    return {};
}

bool FlowLayout::hasHeightForWidth() const {
    return true;
}

int FlowLayout::heightForWidth(int width) const {
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
    // One column: the widest item's minimum. Height is heightForWidth's.
    QSize size;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
    return minimumSize();
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::columnsFor(int width) const {
    int itemWidth = 1, visible = 0;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty()) {
            itemWidth = std::max(itemWidth, item->minimumSize().width());
            ++visible;
        }
    const int fit = (width + m_spacing) / (itemWidth + m_spacing);
    return std::clamp(fit, 1, std::max(1, visible));
}

int FlowLayout::doLayout(const QRect& rect, bool apply) const {
    const QMargins m = contentsMargins();
    const QRect area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom());
    const int columns = columnsFor(area.width());
    const int itemWidth = std::max(1, (area.width() - (columns - 1) * m_spacing) / columns);
    if (apply)
        m_columns = columns;
    int y = area.y(), column = 0, rowHeight = 0;
    QList<QLayoutItem*> row;
    auto placeRow = [&] {
        if (apply)
            for (int i = 0; i < row.size(); ++i)
                row[i]->setGeometry(QRect(area.x() + i * (itemWidth + m_spacing), y, itemWidth, rowHeight));
        y += rowHeight + m_spacing;
        row.clear();
        rowHeight = 0;
        column = 0;
    };
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const int h = item->hasHeightForWidth() ? item->heightForWidth(itemWidth) : item->sizeHint().height();
        rowHeight = std::max({rowHeight, h, item->minimumSize().height()});
        row.append(item);
        if (++column == columns)
            placeRow();
    }
    if (!row.isEmpty())
        placeRow();
    return std::max(0, y - m_spacing - rect.y() + m.bottom());
}

} // namespace attnviz::ui
