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

constexpr const char* kInvalidProperty = "attnvizInvalid";

QSpinBox* makeSpin(QWidget* parent, int lo, int hi, int value, const QString& tip) {
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setToolTip(tip);
    s->setAccelerated(true);
    s->setKeyboardTracking(true);
    return s;
}

/// "3 4, 7" -> {3, 4, 7}; nullopt with a message when something is not a position.
std::optional<std::vector<int>> parsePositions(const QString& text, int length, QString* message) {
    std::vector<int> out;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const int p = part.toInt(&ok);
        if (!ok) {
            *message = SetupPanel::tr("“%1” is not a position: expected whole numbers like “3 4”.").arg(part);
            return std::nullopt;
        }
        if (p < 0 || p >= length) {
            *message = SetupPanel::tr("Position %1 is outside the sequence: expected 0 to %2. Received: %1.")
                           .arg(p)
                           .arg(length - 1);
            return std::nullopt;
        }
        out.push_back(p);
    }
    return out;
}

/// A [B, n] 0/1 mask with the padding positions 0 in every batch row.
core::Tensor paddingMask(core::Index batch, core::Index n, const std::vector<int>& padding) {
    core::Tensor m(core::Shape{batch, n});
    std::fill(m.values().begin(), m.values().end(), 1.0f);
    for (core::Index b = 0; b < batch; ++b)
        for (int p : padding)
            m.data()[b * n + p] = 0.0f;
    return m;
}

/// Batch row 0's padding positions of a [B, n] mask, as text.
QString positionsText(const core::Tensor& mask) {
    QStringList parts;
    if (mask.rank() == 2)
        for (core::Index i = 0; i < mask.dim(1); ++i)
            if (mask.data()[i] == 0.0f)
                parts << QString::number(i);
    return parts.join(QLatin1Char(' '));
}

QStringList toQStrings(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out;
}

// Tensors in the session file: a whole .npy, base64, so NaN and Inf survive
// (JSON has no NaN) and the reader is the one that already refuses bad files.
QJsonValue tensorToJson(const std::optional<core::Tensor>& t) {
    if (!t)
        return QJsonValue::Null;
    const std::string npy = core::serializeNpy(*t);
    return QString::fromLatin1(QByteArray(npy.data(), qsizetype(npy.size())).toBase64());
}

std::optional<core::Tensor> tensorFromJson(const QJsonValue& v, const char* name) {
    if (!v.isString())
        return std::nullopt;
    const QByteArray bytes = QByteArray::fromBase64(v.toString().toLatin1());
    try {
        return core::parseNpy(std::string_view(bytes.constData(), size_t(bytes.size())), name);
    } catch (const std::exception&) {
        return std::nullopt; // a damaged entry: that tensor is not restored
    }
}

QString shapeString(const core::Shape& shape) {
    QStringList parts;
    for (core::Index d : shape)
        parts << QString::number(d);
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

const char* const kSourceNames[] = {"random", "sentence", "table", "files"};

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

    // --- Layer -----------------------------------------------------------
    auto* layerBox = new QGroupBox(tr("Layer"), content);
    auto* layerForm = new QFormLayout(layerBox);
    m_layer = new QComboBox(layerBox);
    m_layer->addItem(QStringLiteral("MultiHeadAttention"), int(core::LayerKind::MultiHeadAttention));
    m_layer->addItem(QStringLiteral("Attention"), int(core::LayerKind::Attention));
    m_layer->addItem(QStringLiteral("AdditiveAttention"), int(core::LayerKind::AdditiveAttention));
    m_layer->setToolTip(tr("Which Keras layer to compute: MultiHeadAttention, Attention (dot-product, Luong) "
                           "or AdditiveAttention (Bahdanau)"));
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
    m_transformer = new QCheckBox(tr("Transformer sub-layer"), layerBox);
    m_transformer->setToolTip(tr("Follow the layer with a residual Add and LayerNormalization (Add && Norm), as in "
                                 "the Transformer's encoder"));
    layerForm->addRow(tr("Layer:"), m_layer);
    layerForm->addRow(tr("Heads:"), m_heads);
    layerForm->addRow(tr("key_dim:"), m_keyDim);
    layerForm->addRow(tr("value_dim:"), m_valueDim);
    layerForm->addRow(tr("Output width:"), m_outputShape);
    layerForm->addRow(tr("score_mode:"), m_scoreMode);
    layerForm->addRow(m_useBias);
    layerForm->addRow(m_useScale);
    layerForm->addRow(m_transformer);
    column->addWidget(layerBox);

    // --- Sizes -----------------------------------------------------------
    auto* sizeBox = new QGroupBox(tr("Sizes"), content);
    auto* sizeForm = new QFormLayout(sizeBox);
    m_batch = makeSpin(sizeBox, 0, 64, 1, tr("B: how many sequences in the batch"));
    m_queryLen = makeSpin(sizeBox, 0, 2048, 4, tr("T: query length (target sequence)"));
    m_sourceLen = makeSpin(sizeBox, 0, 2048, 4, tr("S: source length (keys and values)"));
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
        {QStringLiteral("config.key_dim"), m_keyDim},
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
    for (QSpinBox* s : {m_heads, m_keyDim, m_valueDim, m_outputShape, m_batch, m_queryLen, m_sourceLen, m_queryFeatures,
                        m_valueFeatures, m_keyFeatures})
        connect(s, &QSpinBox::valueChanged, this, &SetupPanel::onStructureEdited);
    connect(m_seed, &QSpinBox::valueChanged, this, &SetupPanel::onStructureEdited);
    for (QCheckBox* c : {m_useBias, m_useScale, m_transformer})
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

void SetupPanel::onStructureEdited() {
    if (m_loading)
        return;
    // Weights depend on the structure; masks from the spec stay while they fit.
    m_loadedWeights.clear();
    if (inputSource() == InputSource::Table)
        syncTables();
    updateEnabled();
    emit specEdited();
    dropMasksThatNoLongerFit(); // after: its notice outlives the edit
}

bool SetupPanel::hasLoadedMasks() const {
    return m_loadedAttentionMask || m_loadedKeyMask || m_loadedQueryMask || m_loadedValueMask;
}

void SetupPanel::dropMasksThatNoLongerFit() {
    if (!hasLoadedMasks())
        return;
    const Result r = buildSpec(); // the sizes the core will see (files and sentences included)
    if (!r.errorMessage.isEmpty() && r.errorField.startsWith(QLatin1String("inputs.")))
        return; // sizes unknown until the inputs load; the error is shown anyway
    const core::Index B = r.spec.shapes.batch, T = r.spec.shapes.queryLen, S = r.spec.shapes.sourceLen;
    QStringList dropped;
    auto check = [&](std::optional<core::Tensor>& mask, const char* name, const core::Shape& want) {
        if (mask && mask->shape() != want) {
            dropped << tr("%1 %2").arg(QLatin1String(name), shapeString(mask->shape()));
            mask.reset();
        }
    };
    check(m_loadedAttentionMask, "attention_mask", {B, T, S});
    check(m_loadedKeyMask, "key_mask", {B, S});
    check(m_loadedQueryMask, "query_mask", {B, T});
    check(m_loadedValueMask, "value_mask", {B, S});
    updateLoadedMaskLabel();
    if (!dropped.isEmpty())
        emit loadedMasksDropped(tr("The spec's %1 no longer fit batch %2 × query %3 × source %4 and were dropped.")
                                    .arg(dropped.join(tr(", ")))
                                    .arg(B)
                                    .arg(T)
                                    .arg(S));
}

void SetupPanel::updateLoadedMaskLabel() {
    QStringList parts;
    auto add = [&](const std::optional<core::Tensor>& m, const QString& what) {
        if (m)
            parts << tr("%1 %2").arg(what, shapeString(m->shape()));
    };
    add(m_loadedAttentionMask, QStringLiteral("attention_mask"));
    add(m_loadedKeyMask, QStringLiteral("key_mask"));
    if (m_loadedQueryMask && m_queryPadding->text() == m_loadedQueryMaskText && m_loadedQueryMask->dim(0) > 1)
        add(m_loadedQueryMask, tr("per-batch query_mask"));
    if (m_loadedValueMask && m_sourcePadding->text() == m_loadedValueMaskText && m_loadedValueMask->dim(0) > 1)
        add(m_loadedValueMask, tr("per-batch value_mask"));
    m_loadedMaskLabel->setText(tr("From the spec: %1").arg(parts.join(tr(", "))));
    m_loadedMaskRow->setVisible(!parts.isEmpty());
}

void SetupPanel::dropLoadedMasks() {
    m_loadedAttentionMask.reset();
    m_loadedKeyMask.reset();
    m_loadedQueryMask.reset();
    m_loadedValueMask.reset();
    updateLoadedMaskLabel();
    emit specEdited();
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
    const bool dot = layer == core::LayerKind::Attention;
    for (QWidget* w :
         {static_cast<QWidget*>(m_heads), static_cast<QWidget*>(m_keyDim), static_cast<QWidget*>(m_valueDim),
          static_cast<QWidget*>(m_outputShape), static_cast<QWidget*>(m_useBias), static_cast<QWidget*>(m_transformer)})
        w->setEnabled(mha);
    m_scoreMode->setEnabled(dot);
    m_useScale->setEnabled(!mha);
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

SetupPanel::Result SetupPanel::buildSpec() const {
    Result r;
    core::Spec& s = r.spec;
    auto& c = s.config;
    c.layer = core::LayerKind(m_layer->currentData().toInt());
    c.numHeads = m_heads->value();
    c.keyDim = m_keyDim->value();
    if (m_valueDim->value() > 0)
        c.valueDim = m_valueDim->value();
    if (m_outputShape->value() > 0)
        c.outputShape = m_outputShape->value();
    c.useBias = m_useBias->isChecked();
    c.transformerSublayer = c.layer == core::LayerKind::MultiHeadAttention && m_transformer->isChecked();
    if (c.layer != core::LayerKind::MultiHeadAttention)
        c.useScale = m_useScale->isChecked();
    c.scoreMode = core::ScoreMode(m_scoreMode->currentData().toInt());
    c.dropout = float(m_dropout->value());
    s.call.useCausalMask = m_causal->isChecked();
    s.call.training = m_training->isChecked() && m_dropout->value() > 0;
    s.seed = std::uint64_t(m_seed->value());
    s.shapes.batch = m_batch->value();
    s.shapes.queryLen = m_queryLen->value();
    s.shapes.sourceLen = m_sourceLen->value();
    s.shapes.queryFeatures = m_queryFeatures->value();
    s.shapes.valueFeatures = m_valueFeatures->value();
    if (m_keyFeatures->value() >= 0)
        s.shapes.keyFeatures = m_keyFeatures->value();
    s.weights = m_loadedWeights;

    auto fail = [&](const QString& field, const QString& message) {
        r.errorField = field;
        r.errorMessage = message;
        return r;
    };

    switch (inputSource()) {
    case InputSource::Random: break;
    case InputSource::Sentence: {
        const std::vector<std::string> q = core::tokenize(m_sentence->text().toStdString());
        const QString srcText = m_sourceSentence->text().trimmed();
        const std::vector<std::string> k = srcText.isEmpty() ? q : core::tokenize(srcText.toStdString());
        if (q.empty())
            return fail(QStringLiteral("inputs.query"), tr("The query sentence is empty: type at least one word."));
        // The core embeds the tokens (the same word always gets the same
        // vector) and saves them in spec.json's "tokens".
        s.queryTokens = q;
        s.sourceTokens = k;
        s.shapes.queryLen = core::Index(q.size());
        s.shapes.sourceLen = core::Index(k.size());
        r.queryTokens = toQStrings(q);
        r.keyTokens = toQStrings(k);
        break;
    }
    case InputSource::Table:
        if (!m_queryModel->tensor().empty())
            s.query = m_queryModel->tensor();
        if (!m_valueModel->tensor().empty())
            s.value = m_valueModel->tensor();
        break;
    case InputSource::Files: {
        auto load = [&](QLineEdit* edit, const std::optional<core::Tensor>& loaded, std::optional<core::Tensor>& into,
                        const char* field, bool required) -> bool {
            const QString path = edit->text().trimmed();
            if (path.isEmpty()) {
                if (loaded) {
                    into = loaded;
                    return true;
                }
                if (required) {
                    fail(QLatin1String(field), tr("Choose a .npy file for %1.").arg(QLatin1String(field).mid(7)));
                    return false;
                }
                return true;
            }
            try {
                into = core::readNpy(path.toStdString());
            } catch (const std::exception& e) {
                fail(QLatin1String(field), QString::fromUtf8(e.what()));
                return false;
            }
            return true;
        };
        if (!load(m_queryFile, m_loadedQuery, s.query, "inputs.query", true) ||
            !load(m_valueFile, m_loadedValue, s.value, "inputs.value", true) ||
            !load(m_keyFile, m_loadedKey, s.key, "inputs.key", false))
            return r;
        // Sizes follow the files.
        if (s.query && s.query->rank() == 3) {
            s.shapes.batch = s.query->dim(0);
            s.shapes.queryLen = s.query->dim(1);
            s.shapes.queryFeatures = s.query->dim(2);
        }
        if (s.value && s.value->rank() == 3) {
            s.shapes.sourceLen = s.value->dim(1);
            s.shapes.valueFeatures = s.value->dim(2);
        }
        s.shapes.keyFeatures.reset();
        if (s.key && s.key->rank() == 3)
            s.shapes.keyFeatures = s.key->dim(2);
        break;
    }
    }

    // Padding masks from the position lists.
    QString message;
    const core::Index B = s.shapes.batch;
    auto loadedMask = [&](const std::optional<core::Tensor>& mask, const QString& loadedText, const QString& text,
                          core::Index n) -> std::optional<core::Tensor> {
        if (mask && text == loadedText && mask->shape() == core::Shape{B, n})
            return mask;
        return std::nullopt;
    };
    if (auto m = loadedMask(m_loadedQueryMask, m_loadedQueryMaskText, m_queryPadding->text(), s.shapes.queryLen))
        s.queryMask = std::move(m);
    else if (!m_queryPadding->text().trimmed().isEmpty()) {
        const auto pos = parsePositions(m_queryPadding->text(), int(s.shapes.queryLen), &message);
        if (!pos)
            return fail(QStringLiteral("masks.query_mask"), message);
        s.queryMask = paddingMask(B, s.shapes.queryLen, *pos);
    }
    if (auto m = loadedMask(m_loadedValueMask, m_loadedValueMaskText, m_sourcePadding->text(), s.shapes.sourceLen))
        s.valueMask = std::move(m);
    else if (!m_sourcePadding->text().trimmed().isEmpty()) {
        const auto pos = parsePositions(m_sourcePadding->text(), int(s.shapes.sourceLen), &message);
        if (!pos)
            return fail(QStringLiteral("masks.value_mask"), message);
        s.valueMask = paddingMask(B, s.shapes.sourceLen, *pos);
    }
    // Only MultiHeadAttention takes an attention_mask; it is kept for switching back.
    if (c.layer == core::LayerKind::MultiHeadAttention)
        s.attentionMask = m_loadedAttentionMask;
    s.keyMask = m_loadedKeyMask;
    return r;
}

void SetupPanel::setSpec(const core::Spec& spec) {
    m_loading = true;
    const auto& c = spec.config;
    m_layer->setCurrentIndex(m_layer->findData(int(c.layer)));
    m_heads->setValue(c.numHeads);
    m_keyDim->setValue(c.keyDim);
    m_valueDim->setValue(c.valueDim.value_or(0));
    m_outputShape->setValue(c.outputShape.value_or(0));
    m_useBias->setChecked(c.useBias);
    m_scoreMode->setCurrentIndex(m_scoreMode->findData(int(c.scoreMode)));
    m_useScale->setChecked(c.effectiveUseScale());
    m_transformer->setChecked(c.transformerSublayer);
    m_dropout->setValue(double(c.dropout));
    m_training->setChecked(spec.call.training);
    m_causal->setChecked(spec.call.useCausalMask);
    m_seed->setValue(int(spec.seed));
    const bool hasInputs = spec.query.has_value() || spec.value.has_value();
    m_batch->setValue(int(hasInputs && spec.query ? spec.query->dim(0) : spec.shapes.batch));
    m_queryLen->setValue(int(hasInputs && spec.query ? spec.query->dim(1) : spec.shapes.queryLen));
    m_sourceLen->setValue(int(hasInputs && spec.value ? spec.value->dim(1) : spec.shapes.sourceLen));
    m_queryFeatures->setValue(int(hasInputs && spec.query ? spec.query->dim(2) : spec.shapes.queryFeatures));
    m_valueFeatures->setValue(int(hasInputs && spec.value ? spec.value->dim(2) : spec.shapes.valueFeatures));
    m_keyFeatures->setValue(spec.key ? int(spec.key->dim(2)) : int(spec.shapes.keyFeatures.value_or(-1)));
    m_queryPadding->setText(spec.queryMask ? positionsText(*spec.queryMask) : QString());
    m_sourcePadding->setText(spec.valueMask ? positionsText(*spec.valueMask) : QString());
    m_loadedQueryMask = spec.queryMask;
    m_loadedValueMask = spec.valueMask;
    m_loadedQueryMaskText = m_queryPadding->text();
    m_loadedValueMaskText = m_sourcePadding->text();
    m_loadedWeights = spec.weights;
    m_loadedAttentionMask = spec.attentionMask;
    m_loadedKeyMask = spec.keyMask;
    m_loadedQuery = spec.query;
    m_loadedValue = spec.value;
    m_loadedKey = spec.key;
    updateLoadedMaskLabel();
    for (QLineEdit* e : {m_queryFile, m_valueFile, m_keyFile})
        e->clear();
    if (hasInputs) {
        m_queryFile->setPlaceholderText(tr("(from the spec)"));
        m_valueFile->setPlaceholderText(tr("(from the spec)"));
    }
    const bool hasTokens = !spec.queryTokens.empty();
    if (hasTokens) {
        auto join = [](const std::vector<std::string>& v) { return toQStrings(v).join(QLatin1Char(' ')); };
        m_sentence->setText(join(spec.queryTokens));
        m_sourceSentence->setText(spec.sourceTokens == spec.queryTokens ? QString() : join(spec.sourceTokens));
    }
    m_source->setCurrentIndex(int(hasInputs   ? InputSource::Files
                                  : hasTokens ? InputSource::Sentence
                                              : InputSource::Random));
    m_sourcePages->setCurrentIndex(m_source->currentIndex());
    fitSourcePage();
    m_loading = false;
    updateEnabled();
    clearError();
    emit specEdited();
}

// --- session state and named fields ------------------------------------------

std::vector<std::pair<QString, QWidget*>> SetupPanel::namedFields() const {
    // The layer first: restoring it must not reset what follows.
    return {
        {QStringLiteral("layer"), m_layer},
        {QStringLiteral("heads"), m_heads},
        {QStringLiteral("key_dim"), m_keyDim},
        {QStringLiteral("value_dim"), m_valueDim},
        {QStringLiteral("output_width"), m_outputShape},
        {QStringLiteral("use_bias"), m_useBias},
        {QStringLiteral("score_mode"), m_scoreMode},
        {QStringLiteral("use_scale"), m_useScale},
        {QStringLiteral("transformer"), m_transformer},
        {QStringLiteral("batch"), m_batch},
        {QStringLiteral("query_len"), m_queryLen},
        {QStringLiteral("source_len"), m_sourceLen},
        {QStringLiteral("query_width"), m_queryFeatures},
        {QStringLiteral("value_width"), m_valueFeatures},
        {QStringLiteral("key_width"), m_keyFeatures},
        {QStringLiteral("causal"), m_causal},
        {QStringLiteral("query_padding"), m_queryPadding},
        {QStringLiteral("source_padding"), m_sourcePadding},
        {QStringLiteral("dropout"), m_dropout},
        {QStringLiteral("training"), m_training},
        {QStringLiteral("seed"), m_seed},
        {QStringLiteral("sentence"), m_sentence},
        {QStringLiteral("source_sentence"), m_sourceSentence},
        {QStringLiteral("query_npy"), m_queryFile},
        {QStringLiteral("value_npy"), m_valueFile},
        {QStringLiteral("key_npy"), m_keyFile},
        {QStringLiteral("inputs"), m_source},
    };
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
    for (const auto& [name, w] : namedFields()) {
        if (auto* spin = qobject_cast<QSpinBox*>(w))
            fields[name] = spin->value();
        else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w))
            fields[name] = dspin->value();
        else if (auto* check = qobject_cast<QCheckBox*>(w))
            fields[name] = check->isChecked();
        else if (auto* edit = qobject_cast<QLineEdit*>(w))
            fields[name] = edit->text();
        else if (auto* combo = qobject_cast<QComboBox*>(w))
            fields[name] =
                combo == m_source ? QString::fromLatin1(kSourceNames[combo->currentIndex()]) : combo->currentText();
    }
    QJsonObject tensors;
    tensors[QStringLiteral("query_table")] =
        m_queryModel->tensor().empty() ? QJsonValue(QJsonValue::Null) : tensorToJson(m_queryModel->tensor());
    tensors[QStringLiteral("value_table")] =
        m_valueModel->tensor().empty() ? QJsonValue(QJsonValue::Null) : tensorToJson(m_valueModel->tensor());
    tensors[QStringLiteral("query")] = tensorToJson(m_loadedQuery);
    tensors[QStringLiteral("value")] = tensorToJson(m_loadedValue);
    tensors[QStringLiteral("key")] = tensorToJson(m_loadedKey);
    tensors[QStringLiteral("attention_mask")] = tensorToJson(m_loadedAttentionMask);
    tensors[QStringLiteral("key_mask")] = tensorToJson(m_loadedKeyMask);
    tensors[QStringLiteral("query_mask")] = tensorToJson(m_loadedQueryMask);
    tensors[QStringLiteral("value_mask")] = tensorToJson(m_loadedValueMask);
    QJsonObject weights;
    for (const auto& [name, t] : m_loadedWeights)
        weights[QString::fromStdString(name)] = tensorToJson(t);
    QJsonObject state;
    state[QStringLiteral("fields")] = fields;
    state[QStringLiteral("tensors")] = tensors;
    state[QStringLiteral("weights")] = weights;
    state[QStringLiteral("query_mask_text")] = m_loadedQueryMaskText;
    state[QStringLiteral("value_mask_text")] = m_loadedValueMaskText;
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
        if (auto* spin = qobject_cast<QSpinBox*>(w))
            spin->setValue(v.toInt(spin->value()));
        else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w))
            dspin->setValue(v.toDouble(dspin->value()));
        else if (auto* check = qobject_cast<QCheckBox*>(w))
            check->setChecked(v.toBool(check->isChecked()));
        else if (auto* edit = qobject_cast<QLineEdit*>(w))
            edit->setText(v.toString());
        else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            int index = -1;
            if (combo == m_source) {
                for (int i = 0; i < 4; ++i)
                    if (v.toString() == QLatin1String(kSourceNames[i]))
                        index = i;
            } else {
                index = combo->findText(v.toString());
            }
            if (index >= 0)
                combo->setCurrentIndex(index);
        }
    }
    const QJsonObject tensors = state.value(QStringLiteral("tensors")).toObject();
    auto tensor = [&](const char* name) { return tensorFromJson(tensors.value(QLatin1String(name)), name); };
    const auto queryTable = tensor("query_table"), valueTable = tensor("value_table");
    m_queryModel->setTensor(queryTable && queryTable->rank() == 3 ? *queryTable : core::Tensor());
    m_valueModel->setTensor(valueTable && valueTable->rank() == 3 ? *valueTable : core::Tensor());
    if (inputSource() == InputSource::Table)
        syncTables();
    m_loadedQuery = tensor("query");
    m_loadedValue = tensor("value");
    m_loadedKey = tensor("key");
    m_loadedAttentionMask = tensor("attention_mask");
    m_loadedKeyMask = tensor("key_mask");
    m_loadedQueryMask = tensor("query_mask");
    m_loadedValueMask = tensor("value_mask");
    m_loadedQueryMaskText = state.value(QStringLiteral("query_mask_text")).toString();
    m_loadedValueMaskText = state.value(QStringLiteral("value_mask_text")).toString();
    m_loadedWeights.clear();
    const QJsonObject weights = state.value(QStringLiteral("weights")).toObject();
    for (auto it = weights.begin(); it != weights.end(); ++it)
        if (auto t = tensorFromJson(it.value(), "weight"))
            m_loadedWeights[it.key().toStdString()] = std::move(*t);
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
        bool ok = true;
        if (auto* spin = qobject_cast<QSpinBox*>(w)) {
            const int v = value == QLatin1String("auto") ? spin->minimum() : value.toInt(&ok);
            if (!ok || v < spin->minimum() || v > spin->maximum())
                return fail(tr("%1 takes a whole number from %2 to %3. Received: %4")
                                .arg(name)
                                .arg(spin->minimum())
                                .arg(spin->maximum())
                                .arg(value));
            spin->setValue(v);
        } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
            const double v = value.toDouble(&ok);
            if (!ok || v < dspin->minimum() || v > dspin->maximum())
                return fail(tr("%1 takes a number from %2 to %3. Received: %4")
                                .arg(name)
                                .arg(dspin->minimum())
                                .arg(dspin->maximum())
                                .arg(value));
            dspin->setValue(v);
        } else if (auto* check = qobject_cast<QCheckBox*>(w)) {
            const QString v = value.toLower();
            if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("on"))
                check->setChecked(true);
            else if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("off"))
                check->setChecked(false);
            else
                return fail(tr("%1 takes true or false. Received: %2").arg(name, value));
        } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
            edit->setText(value);
            if (edit == m_queryFile || edit == m_valueFile || edit == m_keyFile) {
                setNpyPath(field.left(field.indexOf(QLatin1Char('_'))), value);
            }
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
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
        }
        return true;
    }
    return fail(tr("No setting “%1”; known: %2").arg(name, settingNames().join(tr(", "))));
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

void SetupPanel::showError(const QString& field, const QString& message) {
    clearError();
    if (message.isEmpty())
        return;
    QWidget* w = widgetForField(field);
    setMarked(w, true, message);
    // Also mark every field the message names after "Received:" (a width
    // mismatch names both sides; the user may have changed either).
    if (const qsizetype at = message.lastIndexOf(QLatin1String("Received:")); at >= 0) {
        static const QRegularExpression named(QStringLiteral("(\\w+)="));
        for (auto it = named.globalMatch(message.mid(at)); it.hasNext();) {
            const QString name = QLatin1Char('.') + it.next().captured(1);
            for (auto f = m_fieldWidgets.cbegin(); f != m_fieldWidgets.cend(); ++f)
                if (f.key().endsWith(name) && f.value() != w && !isMarked(f.value()) && f.value()->isEnabled())
                    setMarked(f.value(), true, message);
        }
    }
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
