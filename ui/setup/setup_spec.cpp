// The setup panel <-> core::Spec: what the fields describe (buildSpec), filling
// the fields from an opened spec (setSpec), and the masks carried over from it.
#include "ui/setup/setup_panel.h"
#include "ui/setup/setup_fields.h"

#include "core/layers/weights_info.h"

#include "ui/inspector/tensor_slice_model.h"

#include "core/layers/run.h"
#include "core/io/npy.h"
#include "core/spec/inputs.h"

#include <QCheckBox>
#include <QComboBox>
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

SetupState SetupPanel::state() const {
    SetupState state;
    for (const FieldDef& f : setupFields())
        if (QWidget* w = m_rows.value(QLatin1String(f.name)).field)
            state.values[QLatin1String(f.name)] = w->metaObject()->userProperty().read(w);
    return state;
}

SetupPanel::Result SetupPanel::buildSpec() const {
    Result r;
    core::Spec& s = r.spec;
    // The fields, through the table (setup_fields.cpp); the inputs and masks below.
    const SetupState fields = state();
    if (const SetupError e = writeSpec(fields, s, false); !e.isEmpty()) {
        r.errorField = e.field;
        r.errorMessage = e.message;
        return r;
    }
    auto& c = s.config;
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

    // Padding masks from the position lists (they need the final sizes); a
    // spec's own masks while their text is unchanged (they may differ per batch row).
    if (const SetupError e = writeSpec(fields, s, true); !e.isEmpty())
        return fail(e.field, e.message);
    const core::Index B = s.shapes.batch;
    auto loadedMask = [&](const std::optional<core::Tensor>& mask, const QString& loadedText, const QString& text,
                          core::Index n) -> std::optional<core::Tensor> {
        if (mask && text == loadedText && mask->shape() == core::Shape{B, n})
            return mask;
        return std::nullopt;
    };
    if (auto m = loadedMask(m_loadedQueryMask, m_loadedQueryMaskText, m_queryPadding->text(), s.shapes.queryLen))
        s.queryMask = std::move(m);
    if (auto m = loadedMask(m_loadedValueMask, m_loadedValueMaskText, m_sourcePadding->text(), s.shapes.sourceLen))
        s.valueMask = std::move(m);
    // Only MultiHeadAttention and GroupQueryAttention take an attention_mask; it is kept for switching back.
    if (core::hasHeads(c.layer))
        s.attentionMask = m_loadedAttentionMask;
    s.keyMask = m_loadedKeyMask;
    applyWeights(r);
    // The opened spec's backward pass ("backward" in spec.json); its output
    // gradient only while it still has the output's shape (else all ones).
    s.backward = m_trainedOrigin.backward;
    if (s.backward && s.backward->outputGrad) {
        const core::Index out = !core::hasHeads(c.layer) ? s.shapes.valueFeatures
                                : c.layer == core::LayerKind::GroupQueryAttention
                                    ? s.shapes.queryFeatures
                                    : c.outputShape.value_or(int(s.shapes.queryFeatures));
        if (s.backward->outputGrad->shape() != core::Shape{s.shapes.batch, s.shapes.queryLen, out})
            s.backward->outputGrad.reset();
    }
    return r;
}

void SetupPanel::applyWeights(Result& r) const {
    core::Spec& s = r.spec;
    const QString seedText = tr("Keras' initializers from seed %1").arg(s.seed);
    QString loadedFrom; // where the loaded weights came from, in words
    if (!m_trainedOrigin.kerasModelFile.empty())
        loadedFrom = tr("layer %1 of %2")
                         .arg(QString::fromStdString(m_trainedOrigin.kerasModelLayer),
                              QFileInfo(QString::fromStdString(m_trainedOrigin.kerasModelFile)).fileName());
    else if (!m_trainedOrigin.weightsFile.empty())
        loadedFrom = QString::fromStdString(m_trainedOrigin.weightsFile);
    else
        loadedFrom = tr("the opened spec");
    const bool hasLoaded = !m_loadedWeights.empty();
    const std::vector<core::WeightMismatch> misfits = core::weightsMismatch(s, m_loadedWeights, true);
    const bool useLoaded = hasLoaded && misfits.empty();
    if (useLoaded) {
        // Weights loaded from a file must be complete; the spec carries where they came from.
        s.weights = m_loadedWeights;
        s.weightsGiven = true;
        s.weightsFile = m_trainedOrigin.weightsFile;
        s.kerasModelFile = m_trainedOrigin.kerasModelFile;
        s.kerasModelLayer = m_trainedOrigin.kerasModelLayer;
        s.kerasLayerConfig = m_trainedOrigin.kerasLayerConfig;
    }
    // Edits from the Weights tab, where they still fit.
    std::map<std::string, core::Tensor> edits;
    for (const auto& [key, edit] : m_weightEdits)
        edits[key] = edit.tensor;
    const std::vector<core::WeightMismatch> editMisfits = core::weightsMismatch(s, edits, false);
    QStringList edited;
    for (const auto& [key, edit] : m_weightEdits) {
        if (std::any_of(editMisfits.begin(), editMisfits.end(), [&](const auto& m) { return m.key == key; }))
            continue;
        s.weights[key] = edit.tensor;
        edited << QStringLiteral("%1 (%2)").arg(QString::fromStdString(key), edit.how);
    }
    for (const core::WeightInfo& w : core::weightsInfo(s)) {
        const auto e = m_weightEdits.find(w.key);
        const bool isEdited = e != m_weightEdits.end() && s.weights.count(w.key) &&
                              s.weights.at(w.key).values() == e->second.tensor.values();
        r.weightSources[w.key] = isEdited ? e->second.how : useLoaded ? loadedFrom : seedText;
    }
    r.weightsSource = useLoaded ? tr("Weights: from %1").arg(loadedFrom) : tr("Weights: %1").arg(seedText);
    if (!edited.isEmpty())
        r.weightsSource += tr("; edited: %1").arg(edited.join(tr(", ")));
    if (hasLoaded && !useLoaded) {
        QStringList lines;
        for (const core::WeightMismatch& m : misfits)
            lines << QString::fromStdString(m.message());
        r.weightsAside = tr("The weights from %1 do not fit these settings and are kept aside (they are used again "
                            "when the sizes fit): %2.")
                             .arg(loadedFrom, lines.join(QStringLiteral("; ")));
    }
    if (!editMisfits.empty()) {
        QStringList keys;
        for (const core::WeightMismatch& m : editMisfits)
            keys << QString::fromStdString(m.key);
        r.weightsAside += (r.weightsAside.isEmpty() ? QString() : QStringLiteral(" ")) +
                          tr("Edited %1 kept aside: not a weight of this shape now.").arg(keys.join(tr(", ")));
    }
}

void SetupPanel::setSpec(const core::Spec& spec) {
    m_loading = true;
    // Every field from the spec, through the table; then what the table cannot say.
    const SetupState fields = stateFromSpec(spec);
    for (const FieldDef& f : setupFields())
        if (QWidget* w = m_rows.value(QLatin1String(f.name)).field; w && f.read)
            w->metaObject()->userProperty().write(w, fields.value(QLatin1String(f.name)));
    const bool hasInputs = spec.query.has_value() || spec.value.has_value();
    m_batch->setValue(int(hasInputs && spec.query ? spec.query->dim(0) : spec.shapes.batch));
    m_queryLen->setValue(int(hasInputs && spec.query ? spec.query->dim(1) : spec.shapes.queryLen));
    m_sourceLen->setValue(int(hasInputs && spec.value ? spec.value->dim(1) : spec.shapes.sourceLen));
    m_queryFeatures->setValue(int(hasInputs && spec.query ? spec.query->dim(2) : spec.shapes.queryFeatures));
    m_valueFeatures->setValue(int(hasInputs && spec.value ? spec.value->dim(2) : spec.shapes.valueFeatures));
    m_keyFeatures->setValue(spec.key ? int(spec.key->dim(2)) : int(spec.shapes.keyFeatures.value_or(-1)));
    m_loadedQueryMask = spec.queryMask;
    m_loadedValueMask = spec.valueMask;
    m_loadedQueryMaskText = m_queryPadding->text();
    m_loadedValueMaskText = m_sourcePadding->text();
    m_loadedWeights = spec.weights;
    m_weightEdits.clear();
    setWeightsOrigin(spec);
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
