// Marking invalid setup fields (field_marks.h).
#include "ui/setup/field_marks.h"

#include <QColor>
#include <QPalette>
#include <QVariant>
#include <QWidget>

namespace attnviz::ui {

namespace {

constexpr const char* kInvalidProperty = "attnvizInvalid";
constexpr const char* kToolTipProperty = "attnvizToolTip";

} // namespace

bool FieldMarks::isMarked(const QWidget* w) {
    return w && w->property(kInvalidProperty).toBool();
}

void FieldMarks::mark(QWidget* w, const QString& message) {
    if (!w)
        return;
    if (!isMarked(w))
        w->setProperty(kToolTipProperty, w->toolTip());
    w->setProperty(kInvalidProperty, true);
    // A light red base, through the palette: a style sheet would change the
    // widget's size, and no field may move when another is marked.
    QPalette red = w->palette();
    for (QPalette::ColorRole role : {QPalette::Base, QPalette::Button, QPalette::Window})
        red.setColor(role, QColor(0xff, 0xd0, 0xd0));
    w->setPalette(red);
    w->setAutoFillBackground(true);
    w->setToolTip(message);
    m_marked.append(w);
}

void FieldMarks::unmark(QWidget* w) {
    w->setProperty(kInvalidProperty, false);
    w->setPalette(QPalette());
    w->setAutoFillBackground(false);
    w->setToolTip(w->property(kToolTipProperty).toString());
}

void FieldMarks::clear() {
    for (QWidget* w : std::as_const(m_marked))
        unmark(w);
    m_marked.clear();
}

} // namespace attnviz::ui
