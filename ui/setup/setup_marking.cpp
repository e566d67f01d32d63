// Marking invalid setup fields: the core field name -> widget map, the light
// red mark with its tooltip, and the error text under the form.
#include "ui/setup/setup_panel.h"

#include "ui/inspector/tensor_slice_model.h"

#include "core/attention.h"
#include "core/npy.h"
#include "core/random.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
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
    // Longest known prefix: "config.key_dim" also matches "config.key_dim[0]".
    QWidget* best = nullptr;
    int bestLen = -1;
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it)
        if (field.startsWith(it.key()) && it.key().size() > bestLen) {
            best = it.value();
            bestLen = int(it.key().size());
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
        w->setStyleSheet(QStringLiteral("border: 2px solid #d02020; border-radius: 3px; background: #fff0f0;"));
        w->setToolTip(message);
        m_marked.append(w);
    } else {
        w->setProperty(kInvalidProperty, false);
        w->setStyleSheet(QString());
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
    m_error->setText(field.isEmpty() ? message
                                     : tr("<b>%1</b>: %2").arg(field.toHtmlEscaped(), message.toHtmlEscaped()));
    m_error->setToolTip(message);
    m_error->show();
}

void SetupPanel::clearError() {
    for (QWidget* w : std::as_const(m_marked))
        setMarked(w, false, {});
    m_marked.clear();
    m_error->hide();
    m_error->clear();
}

} // namespace attnviz::ui
