// A layout that places its items left to right in rows and wraps to the next
// row when the width runs out (as Qt's flow-layout example), with every item
// of a row stretched to one common width: as many columns as fit at the
// items' minimum width. Height follows width (heightForWidth), so a scroll
// area around it scrolls vertically and never horizontally.
#pragma once

#include <QLayout>
#include <QList>

namespace attnviz::ui {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

    /// Columns the last layout used (1 when empty).
    int columns() const { return m_columns; }

private:
    int doLayout(const QRect& rect, bool apply) const;
    int columnsFor(int width) const;

    QList<QLayoutItem*> m_items;
    int m_spacing;
    mutable int m_columns = 1;
};

} // namespace attnviz::ui
