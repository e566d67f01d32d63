// Marking invalid setup fields: a light red base (through the palette, so no
// widget changes size and no field moves) with the message as its tooltip,
// and the field's own tooltip back when the mark goes. One role of the setup
// panel (setup_panel.h), kept apart from the form it marks.
#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace attnviz::ui {

class FieldMarks {
public:
    /// Mark `w` (nullptr: nothing) with `message` as its tooltip.
    void mark(QWidget* w, const QString& message);
    /// Remove every mark, restoring each field's palette and tooltip.
    void clear();
    /// Whether `w` carries a mark.
    static bool isMarked(const QWidget* w);

private:
    static void unmark(QWidget* w);
    QList<QWidget*> m_marked;
};

} // namespace attnviz::ui
