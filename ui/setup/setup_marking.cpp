// Showing a setup error: the core field name -> widget map, the marks
// (field_marks.h) and the error text under the form.
#include "ui/setup/setup_panel.h"
#include "ui/setup/setup_fields.h"

#include "ui/inspector/tensor_slice_model.h"

#include "core/layers/run.h"
#include "core/io/npy.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QPalette>
#include <QMetaProperty>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

QWidget* SetupPanel::widgetForField(const QString& field) const {
    if (field.startsWith(QLatin1String("inputs."))) {
        switch (inputSource()) {
        case InputSource::Sentence: return field == QLatin1String("inputs.query") ? m_sentence : m_sourceSentence;
        case InputSource::Table: return field == QLatin1String("inputs.query") ? m_queryTable : m_valueTable;
        case InputSource::Files:
            return field == QLatin1String("inputs.query")   ? m_queryFile
                   : field == QLatin1String("inputs.value") ? m_valueFile
                                                            : m_keyFile;
        case InputSource::Random: return field == QLatin1String("inputs.query") ? m_queryFeatures : m_valueFeatures;
        }
    }
    // Longest known prefix among the table's core field names: "config.key_dim"
    // also matches "config.key_dim[0]".
    QWidget* best = nullptr;
    qsizetype bestLen = -1;
    for (const FieldDef& f : setupFields()) {
        QWidget* w = m_rows.value(QLatin1String(f.name)).field;
        if (!w)
            continue;
        for (const QString& name : f.specFields)
            if (field.startsWith(name) && name.size() > bestLen) {
                best = w;
                bestLen = name.size();
            }
    }
    return best;
}

bool SetupPanel::isMarked(const QWidget* w) {
    return FieldMarks::isMarked(w);
}

void SetupPanel::showError(const QString& field, const QString& message, const QStringList& alsoFields) {
    clearError();
    if (message.isEmpty())
        return;
    QWidget* w = widgetForField(field);
    m_marks.mark(w, message);
    for (const QString& other : alsoFields)
        if (QWidget* o = widgetForField(other); o && o != w && !isMarked(o) && o->isEnabled())
            m_marks.mark(o, message);
    // The field is marked (its tooltip is the message) and the message is in
    // full under the form, outside the scroll area: no row moves. Only a value
    // over its limit also has a note under its field (onFieldEdited), since
    // the user has just typed there.
    // Named as the form names it ("Source padding"), not by the spec's path ("masks.value_mask").
    QString title = field;
    for (const Row& row : std::as_const(m_rows))
        if (w && row.field == w) {
            if (row.label)
                title = row.label->text().remove(QLatin1Char(':')).remove(QLatin1Char('&')).trimmed();
            else if (const auto* b = qobject_cast<const QAbstractButton*>(w))
                title = b->text().remove(QLatin1Char('&'));
        }
    m_error->setText(field.isEmpty() ? message
                                     : tr("<b>%1</b>: %2").arg(title.toHtmlEscaped(), message.toHtmlEscaped()));
    m_error->setToolTip(message);
    m_error->show();
}

void SetupPanel::clearError() {
    m_marks.clear();
    // Notes back to what the fields say on their own (a value over its limit).
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        if (const FieldDef* f = findSetupField(it.key()); f && it->field)
            setNote(it.key(), limitNote(*f, it->field->metaObject()->userProperty().read(it->field)));
    m_error->hide();
    m_error->clear();
}

} // namespace attnviz::ui
