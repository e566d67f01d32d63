// The setup panel <-> core::Spec: what the fields describe (buildSpec), filling
// the fields from an opened spec (setSpec), and the masks carried over from it.
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

QString shapeString(const core::Shape& shape) {
    QStringList parts;
    for (core::Index d : shape)
        parts << QString::number(d);
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace

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
    if (m_loadedAttentionMask) { // [T,S], [B,T,S] or [B,N,T,S]: keep the rank it was given in
        const core::Tensor& am = *m_loadedAttentionMask;
        core::Shape want{B, T, S};
        if (am.rank() == 2)
            want = {T, S};
        else if (am.rank() == 4)
            want = {B, am.dim(1) == 1 ? 1 : core::Index(r.spec.config.numHeads), T, S};
        check(m_loadedAttentionMask, "attention_mask", want);
    }
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
    if (core::hasHeads(c.layer)) {
        if (m_slidingWindow->value() > 0)
            c.slidingWindow = m_slidingWindow->value();
        c.useGate = m_useGate->isChecked();
    }
    if (c.layer == core::LayerKind::GroupQueryAttention) {
        c.numKeyValueHeads = m_kvHeads->value();
        c.valueDim.reset(); // values use head_dim; the output has the query's width
        c.outputShape.reset();
    }
    if (!core::hasHeads(c.layer))
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
    // Weights loaded from a file must be complete (structural edits drop them).
    s.weightsGiven = !m_loadedWeights.empty();
    if (!m_loadedWeights.empty()) {
        s.kerasModelFile = m_trainedOrigin.kerasModelFile;
        s.kerasModelLayer = m_trainedOrigin.kerasModelLayer;
        s.kerasLayerConfig = m_trainedOrigin.kerasLayerConfig;
    }

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
            // Read when the path was picked or typed (readNpyFile), not here.
            const auto it = m_npyFiles.find(edit);
            if (it == m_npyFiles.end() || !it->second.tensor) {
                fail(QLatin1String(field),
                     it == m_npyFiles.end() ? tr("%1 was not read.").arg(path) : it->second.error);
                return false;
            }
            into = it->second.tensor;
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
    // Only MultiHeadAttention and GroupQueryAttention take an attention_mask; it is kept for switching back.
    if (core::hasHeads(c.layer))
        s.attentionMask = m_loadedAttentionMask;
    s.keyMask = m_loadedKeyMask;
    return r;
}

void SetupPanel::setSpec(const core::Spec& spec) {
    m_loading = true;
    const auto& c = spec.config;
    m_layer->setCurrentIndex(m_layer->findData(int(c.layer)));
    m_heads->setValue(c.numHeads);
    m_kvHeads->setValue(c.numKeyValueHeads);
    m_keyDim->setValue(c.keyDim);
    m_slidingWindow->setValue(c.slidingWindow.value_or(0));
    m_useGate->setChecked(c.useGate);
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
    setTrainedOrigin(spec);
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

} // namespace attnviz::ui
