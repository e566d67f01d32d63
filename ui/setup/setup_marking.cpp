// Marking invalid setup fields: the core field name -> widget map, the light
// red mark with its tooltip, and the error text under the form.
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

namespace {

constexpr const char* kInvalidProperty = "attnvizInvalid";

} // namespace

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
    return w && w->property(kInvalidProperty).toBool();
}

void SetupPanel::setMarked(QWidget* w, bool marked, const QString& message) {
    if (!w)
        return;
    if (marked) {
        if (!isMarked(w))
            w->setProperty("attnvizToolTip", w->toolTip());
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
    } else {
        w->setProperty(kInvalidProperty, false);
        w->setPalette(QPalette());
        w->setAutoFillBackground(false);
        w->setToolTip(w->property("attnvizToolTip").toString());
    }
}

void SetupPanel::showError(const QString& field, const QString& message, const QStringList& alsoFields) {
    clearError();
    if (message.isEmpty())
        return;
    QWidget* w = widgetForField(field);
    setMarked(w, true, message);
    for (const QString& other : alsoFields)
        if (QWidget* o = widgetForField(other); o && o != w && !isMarked(o) && o->isEnabled())
            setMarked(o, true, message);
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
    for (QWidget* w : std::as_const(m_marked))
        setMarked(w, false, {});
    m_marked.clear();
    // Notes back to what the fields say on their own (a value over its limit).
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        if (const FieldDef* f = findSetupField(it.key()); f && it->field)
            setNote(it.key(), limitNote(*f, it->field->metaObject()->userProperty().read(it->field)));
    m_error->hide();
    m_error->clear();
}

} // namespace attnviz::ui
