// The setup panel's named fields: the session autosave (every field as typed)
// and --set NAME=VALUE.
#include "ui/setup/setup_panel.h"

#include <QMetaProperty>

#include "ui/inspector/tensor_slice_model.h"

#include "core/layers/run.h"
#include "core/io/npy.h"

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
#include <QRegularExpression>
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

const char* const kSourceNames[] = {"random", "sentence", "table", "files"};

} // namespace

// --- session state and named fields ------------------------------------------

std::vector<std::pair<QString, QWidget*>> SetupPanel::namedFields() const {
    // The table's order, the layer first: restoring it must not reset what follows.
    // The input source goes last, after the fields of its pages.
    std::vector<std::pair<QString, QWidget*>> out;
    for (const FieldDef& f : setupFields()) {
        const QString name = QLatin1String(f.name);
        QWidget* w = m_rows.value(name).field;
        if (!w && f.special)
            w = name == QLatin1String("sentence")          ? static_cast<QWidget*>(m_sentence)
                : name == QLatin1String("source_sentence") ? m_sourceSentence
                : name == QLatin1String("query_npy")       ? m_queryFile
                : name == QLatin1String("value_npy")       ? m_valueFile
                : name == QLatin1String("key_npy")         ? m_keyFile
                : name == QLatin1String("inputs")          ? static_cast<QWidget*>(m_source)
                                                           : nullptr;
        if (w)
            out.emplace_back(name, w);
    }
    return out;
}

QStringList SetupPanel::settingNames() const {
    QStringList names;
    for (const auto& [name, w] : namedFields())
        names << name;
    names << QStringLiteral("query[ROW,COL]") << QStringLiteral("value[ROW,COL]");
    return names;
}

QWidget* SetupPanel::widgetForSetting(const QString& name) const {
    for (const auto& [field, w] : namedFields())
        if (field == name)
            return w;
    if (name == QLatin1String("query_table"))
        return m_queryTable;
    if (name == QLatin1String("value_table"))
        return m_valueTable;
    return nullptr;
}

QLineEdit* SetupPanel::npyPathEdit(const QString& which) const {
    return which == QLatin1String("query") ? m_queryFile : which == QLatin1String("value") ? m_valueFile : m_keyFile;
}

QJsonObject SetupPanel::sessionState() const {
    QJsonObject fields;
    // Each field's value is its widget's USER property (value, checked, text, currentText).
    for (const auto& [name, w] : namedFields())
        fields[name] = w == m_source ? QJsonValue(QString::fromLatin1(kSourceNames[m_source->currentIndex()]))
                                     : QJsonValue::fromVariant(w->metaObject()->userProperty().read(w));
    QJsonObject tensors;
    tensors[QStringLiteral("query_table")] =
        m_queryModel->tensor().empty() ? QJsonValue(QJsonValue::Null) : tensorToJson(m_queryModel->tensor());
    tensors[QStringLiteral("value_table")] =
        m_valueModel->tensor().empty() ? QJsonValue(QJsonValue::Null) : tensorToJson(m_valueModel->tensor());
    QJsonObject state;
    m_carried.save(state, tensors);
    state[QStringLiteral("tensors")] = tensors;
    state[QStringLiteral("fields")] = fields;
    state[QStringLiteral("file_placeholder")] = m_queryFile->placeholderText();
    return state;
}

void SetupPanel::restoreSessionState(const QJsonObject& state) {
    m_loading = true;
    const QJsonObject fields = state.value(QStringLiteral("fields")).toObject();
    for (const auto& [name, w] : namedFields()) {
        const QJsonValue v = fields.value(name);
        if (v.isUndefined())
            continue;
        if (w == m_source) {
            for (int i = 0; i < 4; ++i)
                if (v.toString() == QLatin1String(kSourceNames[i]))
                    m_source->setCurrentIndex(i);
            continue;
        }
        // The USER property; a value of the wrong type (a damaged file) leaves the field as it is.
        const QMetaProperty user = w->metaObject()->userProperty();
        QVariant value = v.toVariant();
        if (value.convert(user.metaType()))
            user.write(w, value);
    }
    const QJsonObject tensors = state.value(QStringLiteral("tensors")).toObject();
    auto tensor = [&](const char* name) { return tensorFromJson(tensors.value(QLatin1String(name)), name); };
    const auto queryTable = tensor("query_table"), valueTable = tensor("value_table");
    m_queryModel->setTensor(queryTable && queryTable->rank() == 3 ? *queryTable : core::Tensor());
    m_valueModel->setTensor(valueTable && valueTable->rank() == 3 ? *valueTable : core::Tensor());
    if (inputSource() == InputSource::Table)
        syncTables();
    m_carried.restore(state, tensors);
    const QString placeholder = state.value(QStringLiteral("file_placeholder")).toString();
    if (!placeholder.isEmpty()) {
        m_queryFile->setPlaceholderText(placeholder);
        m_valueFile->setPlaceholderText(placeholder);
    }
    m_sourcePages->setCurrentIndex(m_source->currentIndex());
    fitSourcePage();
    m_loading = false;
    updateEnabled();
    updateLoadedMaskLabel();
    clearError();
    emit specEdited();
}

bool SetupPanel::applySetting(const QString& name, const QString& value, QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    // A table cell: query[ROW,COL] or value[ROW,COL], rows as the table shows them.
    static const QRegularExpression cell(QStringLiteral("^(query|value)\\[(\\d+),(\\d+)\\]$"));
    if (const auto m = cell.match(name); m.hasMatch()) {
        TensorEditModel* model = m.captured(1) == QLatin1String("query") ? m_queryModel : m_valueModel;
        const QModelIndex index = model->index(m.captured(2).toInt(), m.captured(3).toInt());
        if (!index.isValid())
            return fail(tr("%1 is outside the %2 table (%3 rows × %4 columns); choose inputs=table first.")
                            .arg(name, m.captured(1))
                            .arg(model->rowCount())
                            .arg(model->columnCount()));
        if (!model->setData(index, value))
            return fail(tr("%1: “%2” is not a number.").arg(name, value));
        return true;
    }
    for (const auto& [field, w] : namedFields()) {
        if (field != name)
            continue;
        if (auto* combo = qobject_cast<QComboBox*>(w)) { // the choices come from its item list
            int index = -1;
            for (int i = 0; i < combo->count(); ++i)
                if ((combo == m_source ? QString::fromLatin1(kSourceNames[i]) : combo->itemText(i))
                        .compare(value, Qt::CaseInsensitive) == 0)
                    index = i;
            if (index < 0) {
                QStringList choices;
                for (int i = 0; i < combo->count(); ++i)
                    choices << (combo == m_source ? QString::fromLatin1(kSourceNames[i]) : combo->itemText(i));
                return fail(tr("%1 is one of %2. Received: %3").arg(name, choices.join(tr(", ")), value));
            }
            combo->setCurrentIndex(index);
            return true;
        }
        // Spin boxes, check boxes and line edits: parse by the type of the USER
        // property, check spin boxes against their minimum and maximum.
        const QMetaProperty user = w->metaObject()->userProperty();
        QVariant parsed;
        bool ok = true;
        switch (user.metaType().id()) {
        case QMetaType::Int: {
            // The table's limit, not the widget's wider range: --set refuses at once what typing would flag.
            const FieldDef* f = findSetupField(name);
            const int lo = w->property("minimum").toInt();
            const int hi = f && f->limit > 0 ? int(f->limit) : w->property("maximum").toInt();
            const int v = value == QLatin1String("auto") ? lo : value.toInt(&ok);
            if (!ok || v < lo || v > hi)
                return fail(
                    tr("%1 takes a whole number from %2 to %3. Received: %4").arg(name).arg(lo).arg(hi).arg(value));
            parsed = v;
            break;
        }
        case QMetaType::Double: {
            const FieldDef* f = findSetupField(name);
            const double lo = w->property("minimum").toDouble();
            const double hi = f && f->limit > 0 ? f->limit : w->property("maximum").toDouble();
            const double v = value.toDouble(&ok);
            if (!ok || v < lo || v > hi)
                return fail(tr("%1 takes a number from %2 to %3. Received: %4").arg(name).arg(lo).arg(hi).arg(value));
            parsed = v;
            break;
        }
        case QMetaType::Bool: {
            const QString v = value.toLower();
            if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("on"))
                parsed = true;
            else if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("off"))
                parsed = false;
            else
                return fail(tr("%1 takes true or false. Received: %2").arg(name, value));
            break;
        }
        default: parsed = value; break;
        }
        user.write(w, parsed);
        if (w == m_queryFile || w == m_valueFile || w == m_keyFile)
            setNpyPath(field.left(field.indexOf(QLatin1Char('_'))), value);
        return true;
    }
    return fail(tr("No setting “%1”; known: %2").arg(name, settingNames().join(tr(", "))));
}

} // namespace attnviz::ui
