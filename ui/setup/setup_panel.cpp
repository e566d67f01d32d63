// The setup panel's form: its widgets, groups and layout, which fields are
// enabled for the chosen layer and input source, and the input tables.
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

namespace {

QSpinBox* makeSpin(QWidget* parent, int lo, int hi, int value, const QString& tip) {
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setToolTip(tip);
    s->setAccelerated(true);
    s->setKeyboardTracking(true);
    return s;
}

} // namespace

SetupPanel::SetupPanel(QWidget* parent) : QWidget(parent) {
    buildUi();
    updateEnabled();
}

void SetupPanel::buildUi() {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(4, 4, 4, 4);

    m_error = new QLabel(content);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a00000; background: #ffe4e4; border: 1px solid #d08080; "
                                          "border-radius: 3px; padding: 4px; }"));
    m_error->hide();
    column->addWidget(m_error);
    m_traceSize = new QLabel(content);
    m_traceSize->setWordWrap(true);
    m_traceSize->setToolTip(tr("Memory the trace of this setup needs (every intermediate kept), against the "
                               "memory budget; larger setups are refused before anything is computed"));
    column->addWidget(m_traceSize);

    // --- Layer -----------------------------------------------------------
    auto* layerBox = new QGroupBox(tr("Layer"), content);
    auto* layerForm = new QFormLayout(layerBox);
    m_layer = new QComboBox(layerBox);
    m_layer->addItem(QStringLiteral("MultiHeadAttention"), int(core::LayerKind::MultiHeadAttention));
    m_layer->addItem(QStringLiteral("Attention"), int(core::LayerKind::Attention));
    m_layer->addItem(QStringLiteral("AdditiveAttention"), int(core::LayerKind::AdditiveAttention));
    m_layer->addItem(QStringLiteral("GroupQueryAttention"), int(core::LayerKind::GroupQueryAttention));
    m_layer->setToolTip(tr("Which Keras layer to compute: MultiHeadAttention, GroupQueryAttention (query heads "
                           "sharing key/value heads), Attention (dot-product, Luong) or AdditiveAttention (Bahdanau)"));
    m_heads = makeSpin(layerBox, 0, 64, 2, tr("num_heads: how many attention heads run side by side"));
    m_keyDim = makeSpin(layerBox, 0, 512, 4, tr("key_dim: size of each head's query and key vectors"));
    m_valueDim = makeSpin(layerBox, 0, 512, 0, tr("value_dim: size of each head's value vectors (auto: key_dim)"));
    m_valueDim->setSpecialValueText(tr("auto"));
    m_outputShape = makeSpin(layerBox, 0, 4096, 0, tr("output_shape: width of the output (auto: the query width)"));
    m_outputShape->setSpecialValueText(tr("auto"));
    m_useBias = new QCheckBox(tr("use_bias"), layerBox);
    m_useBias->setChecked(true);
    m_useBias->setToolTip(tr("Add a bias to every projection"));
    m_scoreMode = new QComboBox(layerBox);
    m_scoreMode->addItem(tr("dot"), int(core::ScoreMode::Dot));
    m_scoreMode->addItem(tr("concat"), int(core::ScoreMode::Concat));
    m_scoreMode->setToolTip(tr("score_mode of Attention: dot product, or tanh of the sum (concat)"));
    m_useScale = new QCheckBox(tr("use_scale"), layerBox);
    m_useScale->setToolTip(tr("Learn a scale for the scores (Attention: a scalar; AdditiveAttention: a vector)"));
    m_kvHeads = makeSpin(layerBox, 0, 64, 1,
                         tr("num_key_value_heads: key/value heads shared by groups of query heads; must divide "
                            "num_query_heads (1: multi-query attention, equal: multi-head attention)"));
    m_slidingWindow = makeSpin(layerBox, 0, 4096, 0,
                               tr("sliding_window: each query sees the source positions with |t − s| < w "
                                  "(none: all of them)"));
    m_slidingWindow->setSpecialValueText(tr("none"));
    m_useGate = new QCheckBox(tr("use_gate"), layerBox);
    m_useGate->setToolTip(tr("Gated attention: a sigmoid gate from the query scales each head's context"));
    m_transformer = new QCheckBox(tr("Transformer sub-layer"), layerBox);
    m_transformer->setToolTip(tr("Follow the layer with a residual Add and LayerNormalization (Add && Norm), as in "
                                 "the Transformer's encoder"));
    layerForm->addRow(tr("Layer:"), m_layer);
    layerForm->addRow(tr("Heads:"), m_heads);
    layerForm->addRow(tr("Key/value heads:"), m_kvHeads);
    layerForm->addRow(tr("key_dim:"), m_keyDim);
    layerForm->addRow(tr("value_dim:"), m_valueDim);
    layerForm->addRow(tr("Output width:"), m_outputShape);
    layerForm->addRow(tr("score_mode:"), m_scoreMode);
    layerForm->addRow(tr("sliding_window:"), m_slidingWindow);
    layerForm->addRow(m_useBias);
    layerForm->addRow(m_useGate);
    layerForm->addRow(m_useScale);
    layerForm->addRow(m_transformer);
    // A trained layer from a saved Keras model (File ▸ Open Keras model…): say
    // where its weights come from while they are in use.
    m_trainedLabel = new QLabel(layerBox);
    m_trainedLabel->setWordWrap(true);
    m_trainedLabel->setObjectName(QStringLiteral("trainedWeightsLabel"));
    m_trainedLabel->hide();
    layerForm->addRow(m_trainedLabel);
    column->addWidget(layerBox);

    // --- Sizes -----------------------------------------------------------
    auto* sizeBox = new QGroupBox(tr("Sizes"), content);
    auto* sizeForm = new QFormLayout(sizeBox);
    m_batch = makeSpin(sizeBox, 0, 64, 1, tr("B: how many sequences in the batch"));
    m_queryLen = makeSpin(sizeBox, 0, 8192, 4, tr("T: query length (target sequence)"));
    m_sourceLen = makeSpin(sizeBox, 0, 8192, 4, tr("S: source length (keys and values)"));
    m_queryFeatures = makeSpin(sizeBox, 0, 4096, 8, tr("Features per query token"));
    m_valueFeatures = makeSpin(sizeBox, 0, 4096, 8, tr("Features per value token"));
    m_keyFeatures = makeSpin(sizeBox, -1, 4096, -1, tr("Features per key token (auto: no separate key; key = value)"));
    m_keyFeatures->setSpecialValueText(tr("auto"));
    sizeForm->addRow(tr("Batch (B):"), m_batch);
    sizeForm->addRow(tr("Query length (T):"), m_queryLen);
    sizeForm->addRow(tr("Source length (S):"), m_sourceLen);
    sizeForm->addRow(tr("Query width:"), m_queryFeatures);
    sizeForm->addRow(tr("Value width:"), m_valueFeatures);
    sizeForm->addRow(tr("Key width:"), m_keyFeatures);
    column->addWidget(sizeBox);

    // --- Masks -----------------------------------------------------------
    auto* maskBox = new QGroupBox(tr("Masks"), content);
    auto* maskForm = new QFormLayout(maskBox);
    m_causal = new QCheckBox(tr("Causal (no peeking ahead)"), maskBox);
    m_causal->setToolTip(tr("use_causal_mask: query position i may only attend to source positions ≤ i"));
    m_queryPadding = new QLineEdit(maskBox);
    m_queryPadding->setPlaceholderText(tr("e.g. 3 4"));
    m_queryPadding->setToolTip(tr("Query positions that are padding (query_mask False), separated by spaces"));
    m_sourcePadding = new QLineEdit(maskBox);
    m_sourcePadding->setPlaceholderText(tr("e.g. 3 4"));
    m_sourcePadding->setToolTip(tr("Source positions that are padding (value_mask False): no query attends to them"));
    // Masks a spec brought that the fields above cannot show (attention_mask,
    // key_mask, per-batch padding): named here, kept until dropped.
    m_loadedMaskRow = new QWidget(maskBox);
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
    maskForm->addRow(m_causal);
    maskForm->addRow(tr("Query padding:"), m_queryPadding);
    maskForm->addRow(tr("Source padding:"), m_sourcePadding);
    maskForm->addRow(m_loadedMaskRow);
    column->addWidget(maskBox);

    // --- Dropout and seed --------------------------------------------------
    auto* dropBox = new QGroupBox(tr("Dropout and seed"), content);
    auto* dropForm = new QFormLayout(dropBox);
    m_dropout = new QDoubleSpinBox(dropBox);
    m_dropout->setRange(0.0, 0.95);
    m_dropout->setSingleStep(0.05);
    m_dropout->setDecimals(2);
    m_dropout->setToolTip(tr("dropout rate on the attention weights (only applied when training)"));
    m_training = new QCheckBox(tr("training=True"), dropBox);
    m_training->setToolTip(tr("Call the layer in training mode, so dropout is applied"));
    m_seed = makeSpin(dropBox, 0, 1000000, 0, tr("Seed for random inputs, initial weights and dropout"));
    dropForm->addRow(tr("Dropout:"), m_dropout);
    dropForm->addRow(m_training);
    dropForm->addRow(tr("Seed:"), m_seed);
    column->addWidget(dropBox);

    // --- Inputs --------------------------------------------------------------
    auto* inputBox = new QGroupBox(tr("Inputs"), content);
    auto* inputLayout = new QVBoxLayout(inputBox);
    m_source = new QComboBox(inputBox);
    m_source->addItem(tr("Random (from the seed)"));
    m_source->addItem(tr("Typed sentence"));
    m_source->addItem(tr("Edit a table"));
    m_source->addItem(tr(".npy files"));
    m_source->setToolTip(tr("Where the query and value tensors come from"));
    inputLayout->addWidget(m_source);
    m_sourcePages = new QStackedWidget(inputBox);

    auto* randomPage = new QLabel(tr("Standard-normal values drawn from the seed."), m_sourcePages);
    randomPage->setWordWrap(true);
    m_sourcePages->addWidget(randomPage);

    auto* sentencePage = new QWidget(m_sourcePages);
    auto* sentenceForm = new QFormLayout(sentencePage);
    sentenceForm->setContentsMargins(0, 0, 0, 0);
    m_sentence = new QLineEdit(tr("the cat sat on the mat"), sentencePage);
    m_sentence->setToolTip(tr("One token per word; the same word always gets the same vector. "
                              "The tokens label the heatmap axes."));
    m_sourceSentence = new QLineEdit(sentencePage);
    m_sourceSentence->setPlaceholderText(tr("same as query (self-attention)"));
    m_sourceSentence->setToolTip(tr("The source sentence for cross-attention; empty for self-attention"));
    sentenceForm->addRow(tr("Query:"), m_sentence);
    sentenceForm->addRow(tr("Source:"), m_sourceSentence);
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
    auto fileRow = [&](QLineEdit*& edit, const QString& which, const QString& label) {
        edit = new QLineEdit(filePage);
        edit->setPlaceholderText(which == QLatin1String("key") ? tr("optional") : tr("path to .npy"));
        edit->setToolTip(tr("A float32 or float64 .npy of shape [B, length, features]"));
        auto* browse = new QToolButton(filePage);
        browse->setText(tr("…"));
        browse->setToolTip(tr("Choose the %1 .npy file").arg(which));
        connect(browse, &QToolButton::clicked, this, [this, which] { emit browseRequested(which); });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        fileForm->addRow(label, row);
        connect(edit, &QLineEdit::textChanged, this, [this, edit] { readNpyFile(edit); });
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            emit specEdited();
            dropMasksThatNoLongerFit(); // after: its notice outlives the edit
        });
    };
    fileRow(m_queryFile, QStringLiteral("query"), tr("Query:"));
    fileRow(m_valueFile, QStringLiteral("value"), tr("Value:"));
    fileRow(m_keyFile, QStringLiteral("key"), tr("Key:"));
    m_sourcePages->addWidget(filePage);

    inputLayout->addWidget(m_sourcePages);
    fitSourcePage();
    column->addWidget(inputBox);
    column->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Wide enough for the form by default; narrower windows scroll sideways.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_preferredWidth = content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 4;
    scroll->setMinimumWidth(180);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // Core field names -> widgets, for marking errors.
    m_fieldWidgets = {
        {QStringLiteral("layer"), m_layer},
        {QStringLiteral("config.num_heads"), m_heads},
        {QStringLiteral("config.num_query_heads"), m_heads},
        {QStringLiteral("config.num_key_value_heads"), m_kvHeads},
        {QStringLiteral("config.key_dim"), m_keyDim},
        {QStringLiteral("config.head_dim"), m_keyDim},
        {QStringLiteral("config.sliding_window"), m_slidingWindow},
        {QStringLiteral("config.use_gate"), m_useGate},
        {QStringLiteral("config.value_dim"), m_valueDim},
        {QStringLiteral("config.output_shape"), m_outputShape},
        {QStringLiteral("config.use_bias"), m_useBias},
        {QStringLiteral("config.score_mode"), m_scoreMode},
        {QStringLiteral("config.use_scale"), m_useScale},
        {QStringLiteral("config.dropout"), m_dropout},
        {QStringLiteral("call.use_causal_mask"), m_causal},
        {QStringLiteral("call.training"), m_training},
        {QStringLiteral("shapes.batch"), m_batch},
        {QStringLiteral("shapes.query_len"), m_queryLen},
        {QStringLiteral("shapes.source_len"), m_sourceLen},
        {QStringLiteral("shapes.query_features"), m_queryFeatures},
        {QStringLiteral("shapes.value_features"), m_valueFeatures},
        {QStringLiteral("shapes.key_features"), m_keyFeatures},
        {QStringLiteral("masks.query_mask"), m_queryPadding},
        {QStringLiteral("masks.value_mask"), m_sourcePadding},
        {QStringLiteral("masks.key_mask"), m_sourcePadding},
        {QStringLiteral("masks.attention_mask"), m_causal},
        {QStringLiteral("seed"), m_seed},
    };

    // Every change recomputes. Structural changes also drop weights loaded from a file.
    for (QSpinBox* s : {m_heads, m_kvHeads, m_keyDim, m_valueDim, m_outputShape, m_slidingWindow, m_batch, m_queryLen,
                        m_sourceLen, m_queryFeatures, m_valueFeatures, m_keyFeatures})
        connect(s, &QSpinBox::valueChanged, this, &SetupPanel::onStructureEdited);
    connect(m_seed, &QSpinBox::valueChanged, this, &SetupPanel::onStructureEdited);
    for (QCheckBox* c : {m_useBias, m_useGate, m_useScale, m_transformer})
        connect(c, &QCheckBox::toggled, this, &SetupPanel::onStructureEdited);
    for (QCheckBox* c : {m_causal, m_training})
        connect(c, &QCheckBox::toggled, this, [this] {
            updateEnabled();
            if (!m_loading)
                emit specEdited();
        });
    connect(m_dropout, &QDoubleSpinBox::valueChanged, this, [this] {
        updateEnabled();
        if (!m_loading)
            emit specEdited();
    });
    connect(m_scoreMode, &QComboBox::currentIndexChanged, this, &SetupPanel::onStructureEdited);
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading) {
            const QSignalBlocker block(m_useScale);
            m_useScale->setChecked(m_layer->currentData().toInt() == int(core::LayerKind::AdditiveAttention));
        }
        onStructureEdited();
    });
    for (QLineEdit* e : {m_queryPadding, m_sourcePadding})
        connect(e, &QLineEdit::textChanged, this, [this, e] {
            if (m_loading)
                return;
            // The user edits a mask field: the spec's masks for that side give way to the text.
            if (e == m_sourcePadding)
                m_loadedKeyMask.reset();
            updateLoadedMaskLabel();
            emit specEdited();
        });
    for (QLineEdit* e : {m_sentence, m_sourceSentence})
        connect(e, &QLineEdit::textChanged, this, [this] {
            updateEnabled();
            if (!m_loading) {
                emit specEdited();
                dropMasksThatNoLongerFit(); // the token count sets T and S
            }
        });
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
    connect(m_tableReset, &QPushButton::clicked, this, [this] {
        m_queryModel->setTensor({});
        m_valueModel->setTensor({});
        syncTables();
        emit specEdited();
    });
}

void SetupPanel::fitSourcePage() {
    // The stack takes the height of the page on show, not of its tallest page.
    for (int i = 0; i < m_sourcePages->count(); ++i)
        m_sourcePages->widget(i)->setSizePolicy(
            QSizePolicy::Preferred, i == m_sourcePages->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_sourcePages->adjustSize();
}

void SetupPanel::setTrainedOrigin(const core::Spec& spec) {
    m_trainedOrigin = {};
    m_trainedOrigin.kerasModelFile = spec.kerasModelFile;
    m_trainedOrigin.kerasModelLayer = spec.kerasModelLayer;
    m_trainedOrigin.kerasLayerConfig = spec.kerasLayerConfig;
    const bool trained = !spec.kerasModelFile.empty();
    m_trainedLabel->setVisible(trained);
    m_trainedLabel->setText(
        trained ? tr("Trained weights: layer <b>%1</b> of <b>%2</b> (changing the layer's "
                     "structure drops them)")
                      .arg(QString::fromStdString(spec.kerasModelLayer).toHtmlEscaped(),
                           QFileInfo(QString::fromStdString(spec.kerasModelFile)).fileName().toHtmlEscaped())
                : QString());
}

QString SetupPanel::trainedOrigin() const {
    return m_trainedLabel->isVisible() ? m_trainedLabel->text() : QString();
}

void SetupPanel::onStructureEdited() {
    if (m_loading)
        return;
    // Weights depend on the structure; masks from the spec stay while they fit.
    m_loadedWeights.clear();
    setTrainedOrigin({});
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
    const bool mha = layer == core::LayerKind::MultiHeadAttention;
    const bool gqa = layer == core::LayerKind::GroupQueryAttention;
    const bool dot = layer == core::LayerKind::Attention;
    for (QWidget* w :
         {static_cast<QWidget*>(m_heads), static_cast<QWidget*>(m_keyDim), static_cast<QWidget*>(m_useBias),
          static_cast<QWidget*>(m_slidingWindow), static_cast<QWidget*>(m_useGate)})
        w->setEnabled(mha || gqa);
    for (QWidget* w : {static_cast<QWidget*>(m_valueDim), static_cast<QWidget*>(m_outputShape),
                       static_cast<QWidget*>(m_transformer)})
        w->setEnabled(mha);
    m_kvHeads->setEnabled(gqa);
    // GroupQueryAttention's names for the shared fields.
    if (auto* form = qobject_cast<QFormLayout*>(m_heads->parentWidget()->layout())) {
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(m_heads)))
            l->setText(gqa ? tr("Query heads:") : tr("Heads:"));
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(m_keyDim)))
            l->setText(gqa ? tr("head_dim:") : tr("key_dim:"));
    }
    m_heads->setToolTip(gqa ? tr("num_query_heads: how many query heads run side by side")
                            : tr("num_heads: how many attention heads run side by side"));
    m_keyDim->setToolTip(gqa ? tr("head_dim: size of each head's query, key and value vectors")
                             : tr("key_dim: size of each head's query and key vectors"));
    // A num_key_value_heads that does not divide num_query_heads: name the valid choices.
    if (gqa) {
        const int nq = m_heads->value(), nkv = m_kvHeads->value();
        QStringList choices;
        for (int k = 1; k <= nq; ++k)
            if (nq % k == 0)
                choices << QString::number(k);
        const bool bad = nkv <= 0 || nq % nkv != 0;
        m_kvHeads->setStyleSheet(bad ? QStringLiteral("QSpinBox { background: #ffe4e4; }") : QString());
        m_kvHeads->setToolTip(
            (bad ? tr("%1 does not divide num_query_heads = %2. Valid choices: %3.\n\n")
                       .arg(nkv)
                       .arg(nq)
                       .arg(choices.join(QStringLiteral(", ")))
                 : QString()) +
            tr("num_key_value_heads: key/value heads shared by groups of query heads; must divide num_query_heads "
               "(1: multi-query attention, equal: multi-head attention). Valid here: %1.")
                .arg(choices.join(QStringLiteral(", "))));
    } else {
        m_kvHeads->setStyleSheet(QString());
    }
    m_scoreMode->setEnabled(dot);
    m_useScale->setEnabled(!mha && !gqa);
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
        m_loadedQuery.reset();
    else if (which == QLatin1String("value"))
        m_loadedValue.reset();
    else
        m_loadedKey.reset();
    setInputSource(InputSource::Files);
    emit specEdited();
    dropMasksThatNoLongerFit(); // after: its notice outlives the edit
}

void SetupPanel::readNpyFile(const QLineEdit* edit) {
    NpyFile& file = m_npyFiles[edit];
    file = NpyFile();
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
