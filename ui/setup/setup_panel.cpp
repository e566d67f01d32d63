// The setup panel's form: its widgets, groups and layout, which fields are
// enabled for the chosen layer and input source, and the input tables.
#include "ui/setup/setup_panel.h"

#include "ui/inspector/tensor_slice_model.h"

#include "core/layers/run.h"
#include "core/io/npy.h"
#include "core/spec/inputs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QMetaProperty>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

SetupPanel::SetupPanel(QWidget* parent) : QWidget(parent) {
    buildUi();
    updateEnabled();
}

QWidget* SetupPanel::makeFieldWidget(const FieldDef& f, QWidget* parent) {
    QWidget* w = nullptr;
    switch (f.kind) {
    case FieldKind::Int: {
        auto* s = new QSpinBox(parent);
        // The range takes more than the limit: a typed value is kept and refused in
        // words, never cut. The width stays that of the limit's digits.
        s->setRange(int(f.minimum), int(std::min(f.limit, 9999999.0)));
        s->setMinimumWidth(s->minimumSizeHint().width());
        s->setRange(int(f.minimum), int(std::min(2147483647.0, std::max(f.limit, 99999999.0))));
        s->setValue(f.defaultValue.toInt());
        s->setAccelerated(true);
        s->setKeyboardTracking(true);
        if (f.specialText)
            s->setSpecialValueText(QCoreApplication::translate("SetupFields", f.specialText));
        connect(s, &QSpinBox::valueChanged, this, [this, name = QLatin1String(f.name)] { onFieldEdited(name); });
        w = s;
        break;
    }
    case FieldKind::Double: {
        auto* s = new QDoubleSpinBox(parent);
        s->setRange(f.minimum, std::max(1.0, f.limit));
        s->setSingleStep(f.step);
        s->setDecimals(f.decimals);
        s->setValue(f.defaultValue.toDouble());
        connect(s, &QDoubleSpinBox::valueChanged, this, [this, name = QLatin1String(f.name)] { onFieldEdited(name); });
        w = s;
        break;
    }
    case FieldKind::Bool: {
        auto* c = new QCheckBox(f.labelFor(core::LayerKind::MultiHeadAttention), parent);
        c->setChecked(f.defaultValue.toBool());
        connect(c, &QCheckBox::toggled, this, [this, name = QLatin1String(f.name)] { onFieldEdited(name); });
        w = c;
        break;
    }
    case FieldKind::Choice: {
        auto* c = new QComboBox(parent);
        for (const FieldChoice& choice : f.choices)
            c->addItem(QLatin1String(choice.text), choice.value);
        c->setCurrentIndex(c->findText(f.defaultValue.toString()));
        connect(c, &QComboBox::currentIndexChanged, this,
                [this, name = QLatin1String(f.name)] { onFieldEdited(name); });
        w = c;
        break;
    }
    case FieldKind::Text: {
        auto* e = new QLineEdit(f.defaultValue.toString(), parent);
        connect(e, &QLineEdit::textChanged, this, [this, name = QLatin1String(f.name)] { onFieldEdited(name); });
        w = e;
        break;
    }
    }
    w->setObjectName(QLatin1String(f.name));
    return w;
}

void SetupPanel::addFieldRow(const FieldDef& f, QFormLayout* form, QWidget* cell, QWidget* field) {
    // The field and, under it, its inline message (a value over the limit, an error naming it).
    auto* v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(field);
    auto* note = new QLabel(cell);
    note->setObjectName(QLatin1String(f.name) + QStringLiteral("_note"));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("QLabel { color: #a00000; }"));
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note->hide();
    v->addWidget(note);
    Row row{nullptr, cell, note, field};
    if (f.kind == FieldKind::Bool) {
        form->addRow(cell);
    } else {
        row.label = new QLabel(f.labelFor(core::LayerKind::MultiHeadAttention), form->parentWidget());
        row.label->setBuddy(field);
        form->addRow(row.label, cell);
    }
    m_rows.insert(QLatin1String(f.name), row);
}

void SetupPanel::buildUi() {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(4, 4, 4, 4);

    // The groups of the form, filled from the table of fields (setup_fields.cpp).
    const std::pair<FieldGroup, QString> groups[] = {{FieldGroup::Layer, tr("Layer")},
                                                     {FieldGroup::Sizes, tr("Sizes")},
                                                     {FieldGroup::Masks, tr("Masks")},
                                                     {FieldGroup::Dropout, tr("Dropout and seed")}};
    QMap<FieldGroup, QFormLayout*> forms;
    for (const auto& [group, title] : groups) {
        auto* box = new QGroupBox(title, content);
        forms[group] = new QFormLayout(box);
        column->addWidget(box);
    }
    for (const FieldDef& f : setupFields()) {
        if (f.special)
            continue;
        QFormLayout* form = forms.value(f.group);
        auto* cell = new QWidget(form->parentWidget());
        addFieldRow(f, form, cell, makeFieldWidget(f, cell));
    }
    auto field = [this](const char* name) { return m_rows.value(QLatin1String(name)).field; };
    m_layer = qobject_cast<QComboBox*>(field("layer"));
    m_heads = qobject_cast<QSpinBox*>(field("heads"));
    m_kvHeads = qobject_cast<QSpinBox*>(field("kv_heads"));
    m_keyDim = qobject_cast<QSpinBox*>(field("key_dim"));
    m_valueDim = qobject_cast<QSpinBox*>(field("value_dim"));
    m_outputShape = qobject_cast<QSpinBox*>(field("output_width"));
    m_scoreMode = qobject_cast<QComboBox*>(field("score_mode"));
    m_slidingWindow = qobject_cast<QSpinBox*>(field("sliding_window"));
    m_useBias = qobject_cast<QCheckBox*>(field("use_bias"));
    m_useGate = qobject_cast<QCheckBox*>(field("use_gate"));
    m_useScale = qobject_cast<QCheckBox*>(field("use_scale"));
    m_transformer = qobject_cast<QCheckBox*>(field("transformer"));
    m_batch = qobject_cast<QSpinBox*>(field("batch"));
    m_queryLen = qobject_cast<QSpinBox*>(field("query_len"));
    m_sourceLen = qobject_cast<QSpinBox*>(field("source_len"));
    m_queryFeatures = qobject_cast<QSpinBox*>(field("query_width"));
    m_valueFeatures = qobject_cast<QSpinBox*>(field("value_width"));
    m_keyFeatures = qobject_cast<QSpinBox*>(field("key_width"));
    m_causal = qobject_cast<QCheckBox*>(field("causal"));
    m_queryPadding = qobject_cast<QLineEdit*>(field("query_padding"));
    m_sourcePadding = qobject_cast<QLineEdit*>(field("source_padding"));
    m_dropout = qobject_cast<QDoubleSpinBox*>(field("dropout"));
    m_training = qobject_cast<QCheckBox*>(field("training"));
    m_seed = qobject_cast<QSpinBox*>(field("seed"));
    m_queryPadding->setPlaceholderText(tr("e.g. 3 4"));
    m_sourcePadding->setPlaceholderText(tr("e.g. 3 4"));

    // Where the weights come from (a file, a saved Keras model, the seed, edits),
    // and which loaded weights no longer fit: under the layer's fields.
    m_weightsLabel = new QLabel(content);
    m_weightsLabel->setWordWrap(true);
    m_weightsLabel->setObjectName(QStringLiteral("weightsSourceLabel"));
    m_weightsLabel->setTextFormat(Qt::RichText);
    m_weightsLabel->setWhatsThis(tr("Where the layer's weights come from: a weights file, a trained layer of a saved "
                                    "Keras model, Keras' initializers drawn from the seed, or edits in the Weights "
                                    "tab. Loaded weights that no longer fit the layer are kept aside, and used again "
                                    "when the sizes fit them."));
    // In the column under the layer's group, not in its form: a word-wrapped
    // label in a QFormLayout row crashed Qt 6.4 here when rows were hidden.
    column->insertWidget(1, m_weightsLabel);

    // Masks a spec brought that the fields above cannot show (attention_mask,
    // key_mask, per-batch padding): named here, kept until dropped.
    QFormLayout* maskForm = forms.value(FieldGroup::Masks);
    m_loadedMaskRow = new QWidget(maskForm->parentWidget());
    auto* loadedRow = new QHBoxLayout(m_loadedMaskRow);
    loadedRow->setContentsMargins(0, 0, 0, 0);
    m_loadedMaskLabel = new QLabel(m_loadedMaskRow);
    m_loadedMaskLabel->setWordWrap(true);
    auto* dropMasks = new QToolButton(m_loadedMaskRow);
    dropMasks->setText(tr("Drop"));
    dropMasks->setToolTip(tr("Stop using the masks that came with the spec"));
    connect(dropMasks, &QToolButton::clicked, this, &SetupPanel::dropLoadedMasks);
    loadedRow->addWidget(m_loadedMaskLabel, 1);
    loadedRow->addWidget(dropMasks);
    m_loadedMaskRow->hide();
    maskForm->addRow(m_loadedMaskRow);

    buildInputs(content, column);
    column->addStretch(1);

    // What's-this and tooltips, from the table (the layer's names for the shared fields).
    for (const FieldDef& f : setupFields())
        if (QWidget* w = widgetForSetting(QLatin1String(f.name)))
            w->setWhatsThis(f.whatsThisFor(core::LayerKind::MultiHeadAttention));
    updateFieldTexts();

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Wide enough for the form by default; narrower windows scroll sideways.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_preferredWidth = content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 4;
    scroll->setMinimumWidth(180);

    // Below the form, outside its scroll area: the trace size and the error.
    // Showing an error shortens the scroll area at the bottom; the fields
    // above stay where they are, so click targets never move.
    auto* footer = new QWidget(this);
    auto* footerColumn = new QVBoxLayout(footer);
    footerColumn->setContentsMargins(4, 2, 4, 4);
    m_traceSize = new QLabel(footer);
    m_traceSize->setWordWrap(true);
    m_traceSize->setToolTip(tr("Memory the trace of this setup needs (every intermediate kept), against the "
                               "memory budget; larger setups are refused before anything is computed"));
    footerColumn->addWidget(m_traceSize);
    m_error = new QLabel(footer);
    m_error->setObjectName(QStringLiteral("setupErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a00000; background: #ffe4e4; border: 1px solid #d08080; "
                                          "border-radius: 3px; padding: 4px; }"));
    m_error->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_error->hide();
    footerColumn->addWidget(m_error);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(scroll, 1);
    outer->addWidget(footer);

    connect(m_tableReset, &QPushButton::clicked, this, [this] {
        m_queryModel->setTensor({});
        m_valueModel->setTensor({});
        syncTables();
        emit specEdited();
    });
}

void SetupPanel::buildInputs(QWidget* content, QVBoxLayout* column) {
    auto* inputBox = new QGroupBox(tr("Inputs"), content);
    auto* inputLayout = new QVBoxLayout(inputBox);
    m_source = new QComboBox(inputBox);
    m_source->setObjectName(QStringLiteral("inputs"));
    m_source->addItem(tr("Random (from the seed)"));
    m_source->addItem(tr("Typed sentence"));
    m_source->addItem(tr("Edit a table"));
    m_source->addItem(tr(".npy files"));
    inputLayout->addWidget(m_source);
    m_sourcePages = new QStackedWidget(inputBox);

    auto* randomPage = new QLabel(tr("Standard-normal values drawn from the seed."), m_sourcePages);
    randomPage->setWordWrap(true);
    m_sourcePages->addWidget(randomPage);

    auto* sentencePage = new QWidget(m_sourcePages);
    auto* sentenceForm = new QFormLayout(sentencePage);
    sentenceForm->setContentsMargins(0, 0, 0, 0);
    m_sentence = new QLineEdit(findSetupField(QStringLiteral("sentence"))->defaultValue.toString(), sentencePage);
    m_sourceSentence = new QLineEdit(sentencePage);
    m_sourceSentence->setPlaceholderText(tr("same as query (self-attention)"));
    sentenceForm->addRow(findSetupField(QStringLiteral("sentence"))->labelFor(core::LayerKind::MultiHeadAttention),
                         m_sentence);
    sentenceForm->addRow(
        findSetupField(QStringLiteral("source_sentence"))->labelFor(core::LayerKind::MultiHeadAttention),
        m_sourceSentence);
    m_sourcePages->addWidget(sentencePage);

    auto* tablePage = new QWidget(m_sourcePages);
    auto* tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto* tableTabs = new QTabWidget(tablePage);
    m_queryModel = new TensorEditModel(this);
    m_valueModel = new TensorEditModel(this);
    m_queryTable = new QTableView(tableTabs);
    m_valueTable = new QTableView(tableTabs);
    m_queryTable->setObjectName(QStringLiteral("queryTable"));
    m_valueTable->setObjectName(QStringLiteral("valueTable"));
    for (auto [view, model] : {std::pair{m_queryTable, m_queryModel}, std::pair{m_valueTable, m_valueModel}}) {
        view->setModel(model);
        view->horizontalHeader()->setDefaultSectionSize(52);
        view->verticalHeader()->setDefaultSectionSize(20);
        view->setMinimumHeight(140);
        view->setToolTip(tr("Double-click a cell to type a value; the layer recomputes at once"));
        connect(model, &TensorEditModel::tensorEdited, this, &SetupPanel::specEdited);
    }
    m_queryTable->setWhatsThis(tr("The query input (Keras: <code>query</code>), one row per position and batch "
                                  "row; double-click a cell to type a value."));
    m_valueTable->setWhatsThis(tr("The value input (Keras: <code>value</code>, also the key when there is no "
                                  "key), one row per position and batch row."));
    tableTabs->addTab(m_queryTable, tr("query"));
    tableTabs->addTab(m_valueTable, tr("value"));
    m_tableReset = new QPushButton(tr("Refill from the seed"), tablePage);
    m_tableReset->setToolTip(tr("Replace the table with the random inputs of the current seed"));
    tableLayout->addWidget(tableTabs);
    tableLayout->addWidget(m_tableReset);
    m_sourcePages->addWidget(tablePage);

    auto* filePage = new QWidget(m_sourcePages);
    auto* fileForm = new QFormLayout(filePage);
    fileForm->setContentsMargins(0, 0, 0, 0);
    auto fileRow = [&](QLineEdit*& edit, const QString& which) {
        const FieldDef* f = findSetupField(which + QStringLiteral("_npy"));
        edit = new QLineEdit(filePage);
        edit->setObjectName(QLatin1String(f->name));
        edit->setPlaceholderText(which == QLatin1String("key") ? tr("optional") : tr("path to .npy"));
        edit->setToolTip(tr("A float32 or float64 .npy of shape [B, length, features]"));
        auto* browse = new QToolButton(filePage);
        browse->setText(tr("…"));
        browse->setToolTip(tr("Choose the %1 .npy file").arg(which));
        connect(browse, &QToolButton::clicked, this, [this, which] { emit browseRequested(which); });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        fileForm->addRow(f->labelFor(core::LayerKind::MultiHeadAttention), row);
        connect(edit, &QLineEdit::textChanged, this, [this, edit] { readNpyFile(edit); });
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            emit specEdited();
            dropMasksThatNoLongerFit(); // after: its notice outlives the edit
        });
    };
    fileRow(m_queryFile, QStringLiteral("query"));
    fileRow(m_valueFile, QStringLiteral("value"));
    fileRow(m_keyFile, QStringLiteral("key"));
    m_sourcePages->addWidget(filePage);

    inputLayout->addWidget(m_sourcePages);
    fitSourcePage();
    column->addWidget(inputBox);

    for (QLineEdit* e : {m_sentence, m_sourceSentence})
        connect(e, &QLineEdit::textChanged, this, [this] {
            updateEnabled();
            if (!m_loading) {
                emit specEdited();
                dropMasksThatNoLongerFit(); // the token count sets T and S
            }
        });
    m_sentence->setObjectName(QStringLiteral("sentence"));
    m_sourceSentence->setObjectName(QStringLiteral("source_sentence"));
    connect(m_source, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_sourcePages->setCurrentIndex(i);
        fitSourcePage();
        if (InputSource(i) == InputSource::Table)
            syncTables();
        updateEnabled();
        if (!m_loading) {
            emit specEdited();
            dropMasksThatNoLongerFit(); // after: its notice outlives the edit
        }
    });
}

void SetupPanel::onFieldEdited(const QString& name) {
    const FieldDef* f = findSetupField(name);
    QWidget* w = m_rows.value(name).field;
    if (!f || !w)
        return;
    // A value over its limit stays as typed, and says so beside the field.
    if (!isMarked(w))
        setNote(name, limitNote(*f, w->metaObject()->userProperty().read(w)));
    if (name == QLatin1String("layer") && !m_loading) {
        // Each layer's own default for use_scale (Attention False, AdditiveAttention True).
        const QSignalBlocker block(m_useScale);
        m_useScale->setChecked(m_layer->currentData().toInt() == int(core::LayerKind::AdditiveAttention));
    }
    if (f->afterInputs) { // the padding fields
        if (m_loading)
            return;
        // The user edits a mask field: the spec's masks for that side give way to the text.
        if (w == m_sourcePadding)
            m_carried.keyMask.reset();
        updateLoadedMaskLabel();
        emit specEdited();
        return;
    }
    if (name == QLatin1String("causal") || name == QLatin1String("training") || name == QLatin1String("dropout")) {
        updateEnabled();
        if (!m_loading)
            emit specEdited();
        return;
    }
    onStructureEdited();
}

void SetupPanel::setNote(const QString& name, const QString& message) {
    const Row row = m_rows.value(name);
    if (!row.note)
        return;
    row.note->setText(message);
    row.note->setVisible(!message.isEmpty());
}

void SetupPanel::updateFieldTexts() {
    const auto layer = core::LayerKind(m_layer->currentData().toInt());
    for (const FieldDef& f : setupFields()) {
        const Row row = m_rows.value(QLatin1String(f.name));
        QWidget* w = widgetForSetting(QLatin1String(f.name));
        if (!w)
            continue;
        w->setWhatsThis(f.whatsThisFor(layer));
        const QString tip = QStringLiteral("%1 — %2").arg(QString::fromLatin1(f.kerasArgFor(layer)),
                                                          QCoreApplication::translate("SetupFields", f.whatsThis));
        if (!isMarked(w))
            w->setToolTip(tip);
        else
            w->setProperty("attnvizToolTip", tip);
        if (row.label)
            row.label->setText(f.labelFor(layer));
    }
}

void SetupPanel::fitSourcePage() {
    // The stack takes the height of the page on show, not of its tallest page.
    for (int i = 0; i < m_sourcePages->count(); ++i)
        m_sourcePages->widget(i)->setSizePolicy(
            QSizePolicy::Preferred, i == m_sourcePages->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_sourcePages->adjustSize();
}

void SetupPanel::setWeightsOrigin(const core::Spec& spec) {
    m_carried.setOrigin(spec);
}

QString SetupPanel::trainedOrigin() const {
    const Result r = buildSpec();
    if (r.spec.kerasModelFile.empty())
        return {};
    return tr("layer %1 of %2")
        .arg(QString::fromStdString(r.spec.kerasModelLayer),
             QFileInfo(QString::fromStdString(r.spec.kerasModelFile)).fileName());
}

void SetupPanel::showWeightsSource(const Result& r) {
    QString text = r.weightsSource.toHtmlEscaped();
    if (!r.weightsAside.isEmpty())
        text += QStringLiteral("<br><span style=\"color:#8a4b00\">%1</span>").arg(r.weightsAside.toHtmlEscaped());
    m_weightsLabel->setText(text);
    m_weightsLabel->setToolTip(r.weightsAside.isEmpty() ? r.weightsSource
                                                        : r.weightsSource + QStringLiteral("\n\n") + r.weightsAside);
}

void SetupPanel::setWeightEdit(const std::string& key, const core::Tensor& value, const QString& how) {
    m_carried.weightEdits[key] = {value, how};
    emit specEdited();
}

void SetupPanel::clearWeightEdit(const std::string& key) {
    if (m_carried.weightEdits.erase(key))
        emit specEdited();
}

void SetupPanel::onStructureEdited() {
    if (m_loading)
        return;
    // Loaded weights and masks stay; buildSpec uses them while they fit.
    if (inputSource() == InputSource::Table)
        syncTables();
    updateEnabled();
    emit specEdited();
    dropMasksThatNoLongerFit(); // after: its notice outlives the edit
}

void SetupPanel::syncTables() {
    // Fill empty tables from the seed; keep edited values when sizes change.
    const core::Index B = std::max(1, m_batch->value());
    const core::Index T = std::max(1, m_queryLen->value()), S = std::max(1, m_sourceLen->value());
    const core::Index Eq = std::max(1, m_queryFeatures->value()), Ev = std::max(1, m_valueFeatures->value());
    if (m_queryModel->tensor().empty() || m_valueModel->tensor().empty()) {
        core::Spec s;
        s.shapes.batch = B;
        s.shapes.queryLen = T;
        s.shapes.sourceLen = S;
        s.shapes.queryFeatures = Eq;
        s.shapes.valueFeatures = Ev;
        s.seed = std::uint64_t(m_seed->value());
        try {
            const core::ResolvedInputs in = core::resolveInputs(s);
            if (m_queryModel->tensor().empty())
                m_queryModel->setTensor(in.query);
            if (m_valueModel->tensor().empty())
                m_valueModel->setTensor(in.value);
        } catch (const std::exception&) {
            // Sizes the core rejects: leave the tables empty; the error shows on recompute.
        }
    }
    m_queryModel->resize(B, T, Eq);
    m_valueModel->resize(B, S, Ev);
}

void SetupPanel::updateEnabled() {
    const auto layer = core::LayerKind(m_layer->currentData().toInt());
    // Only the fields the layer has are shown (the table says which).
    for (const FieldDef& f : setupFields()) {
        const Row row = m_rows.value(QLatin1String(f.name));
        if (!row.cell)
            continue;
        // Hide the row's widgets themselves (QFormLayout skips hidden widgets).
        row.cell->setVisible(f.hasLayer(layer));
        if (row.label)
            row.label->setVisible(f.hasLayer(layer));
    }
    updateFieldTexts();
    // A num_key_value_heads that does not divide num_query_heads: name the valid choices beside it.
    if (layer == core::LayerKind::GroupQueryAttention && !isMarked(m_kvHeads)) {
        const int nq = m_heads->value(), nkv = m_kvHeads->value();
        QStringList choices;
        for (int k = 1; k <= nq; ++k)
            if (nq % k == 0)
                choices << QString::number(k);
        const bool bad = nkv <= 0 || nq % nkv != 0;
        setNote(QStringLiteral("kv_heads"),
                bad ? tr("%1 does not divide num_query_heads = %2. Valid choices: %3.")
                          .arg(nkv)
                          .arg(nq)
                          .arg(choices.join(QStringLiteral(", ")))
                    : limitNote(*findSetupField(QStringLiteral("kv_heads")), m_kvHeads->value()));
    }
    m_training->setEnabled(m_dropout->value() > 0);

    const auto source = inputSource();
    const bool sentence = source == InputSource::Sentence;
    const bool files = source == InputSource::Files;
    m_queryLen->setEnabled(!sentence && !files);
    m_sourceLen->setEnabled(!sentence && !files);
    m_batch->setEnabled(!files);
    m_queryFeatures->setEnabled(!files);
    m_valueFeatures->setEnabled(!files);
    m_keyFeatures->setEnabled(!files && !sentence);
    if (sentence) {
        // Show the token counts the sentence gives.
        const QSignalBlocker b1(m_queryLen), b2(m_sourceLen);
        const int t = int(core::tokenize(m_sentence->text().toStdString()).size());
        const QString src = m_sourceSentence->text().trimmed();
        const int s = src.isEmpty() ? t : int(core::tokenize(src.toStdString()).size());
        m_queryLen->setValue(t);
        m_sourceLen->setValue(s);
    }
}

void SetupPanel::setInputSource(InputSource source) {
    m_source->setCurrentIndex(int(source));
}

SetupPanel::InputSource SetupPanel::inputSource() const {
    return InputSource(m_source->currentIndex());
}

void SetupPanel::setNpyPath(const QString& which, const QString& path) {
    QLineEdit* edit = which == QLatin1String("query")   ? m_queryFile
                      : which == QLatin1String("value") ? m_valueFile
                                                        : m_keyFile;
    edit->setText(path);
    if (which == QLatin1String("query"))
        m_carried.query.reset();
    else if (which == QLatin1String("value"))
        m_carried.value.reset();
    else
        m_carried.key.reset();
    setInputSource(InputSource::Files);
    emit specEdited();
    dropMasksThatNoLongerFit(); // after: its notice outlives the edit
}

void SetupPanel::readNpyFile(const QLineEdit* edit) {
    SetupCarried::NpyFile& file = m_carried.npyFiles[edit];
    file = SetupCarried::NpyFile();
    const QString path = edit->text().trimmed();
    if (path.isEmpty())
        return;
    try {
        file.tensor = core::readNpy(path.toStdString());
    } catch (const std::exception& e) {
        file.error = QString::fromUtf8(e.what());
    }
}

QString SetupPanel::inputOrigin(const QString& which) const {
    switch (inputSource()) {
    case InputSource::Random: return {};
    case InputSource::Sentence: return tr("the typed %1 sentence").arg(which);
    case InputSource::Table: return which == QLatin1String("key") ? QString() : tr("the edited %1 table").arg(which);
    case InputSource::Files: {
        const QString path = npyPathEdit(which)->text().trimmed();
        if (!path.isEmpty())
            return QFileInfo(path).fileName();
        return tr("the spec's %1").arg(which);
    }
    }
    return {};
}

QSize SetupPanel::sizeHint() const {
    return {m_preferredWidth, QWidget::sizeHint().height()};
}

void SetupPanel::setTraceSize(double bytes, double budget) {
    const QLocale locale;
    const auto human = [&](double b) { return locale.formattedDataSize(qint64(std::min(b, 9e18)), 1); };
    const bool over = !(bytes <= budget);
    m_traceSize->setText(over ? tr("Trace: about %1 — over the %2 memory budget").arg(human(bytes), human(budget))
                              : tr("Trace: about %1 of the %2 memory budget").arg(human(bytes), human(budget)));
    m_traceSize->setStyleSheet(over ? QStringLiteral("QLabel { color: #a00000; }") : QString());
}

} // namespace attnviz::ui
