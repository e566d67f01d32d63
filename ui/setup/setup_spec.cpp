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
    return m_carried.attentionMask || m_carried.keyMask || m_carried.queryMask || m_carried.valueMask;
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
    if (m_carried.attentionMask) { // [T,S], [B,T,S] or [B,N,T,S]: keep the rank it was given in
        const core::Tensor& am = *m_carried.attentionMask;
        core::Shape want{B, T, S};
        if (am.rank() == 2)
            want = {T, S};
        else if (am.rank() == 4)
            want = {B, am.dim(1) == 1 ? 1 : core::Index(r.spec.config.numHeads), T, S};
        check(m_carried.attentionMask, "attention_mask", want);
    }
    check(m_carried.keyMask, "key_mask", {B, S});
    check(m_carried.queryMask, "query_mask", {B, T});
    check(m_carried.valueMask, "value_mask", {B, S});
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
    add(m_carried.attentionMask, QStringLiteral("attention_mask"));
    add(m_carried.keyMask, QStringLiteral("key_mask"));
    if (m_carried.queryMask && m_queryPadding->text() == m_carried.queryMaskText && m_carried.queryMask->dim(0) > 1)
        add(m_carried.queryMask, tr("per-batch query_mask"));
    if (m_carried.valueMask && m_sourcePadding->text() == m_carried.valueMaskText && m_carried.valueMask->dim(0) > 1)
        add(m_carried.valueMask, tr("per-batch value_mask"));
    m_loadedMaskLabel->setText(tr("From the spec: %1").arg(parts.join(tr(", "))));
    m_loadedMaskRow->setVisible(!parts.isEmpty());
}

void SetupPanel::dropLoadedMasks() {
    m_carried.attentionMask.reset();
    m_carried.keyMask.reset();
    m_carried.queryMask.reset();
    m_carried.valueMask.reset();
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
            const auto it = m_carried.npyFiles.find(edit);
            if (it == m_carried.npyFiles.end() || !it->second.tensor) {
                fail(QLatin1String(field),
                     it == m_carried.npyFiles.end() ? tr("%1 was not read.").arg(path) : it->second.error);
                return false;
            }
            into = it->second.tensor;
            return true;
        };
        if (!load(m_queryFile, m_carried.query, s.query, "inputs.query", true) ||
            !load(m_valueFile, m_carried.value, s.value, "inputs.value", true) ||
            !load(m_keyFile, m_carried.key, s.key, "inputs.key", false))
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
    if (auto m = loadedMask(m_carried.queryMask, m_carried.queryMaskText, m_queryPadding->text(), s.shapes.queryLen))
        s.queryMask = std::move(m);
    if (auto m = loadedMask(m_carried.valueMask, m_carried.valueMaskText, m_sourcePadding->text(), s.shapes.sourceLen))
        s.valueMask = std::move(m);
    // Only MultiHeadAttention and GroupQueryAttention take an attention_mask; it is kept for switching back.
    if (core::hasHeads(c.layer))
        s.attentionMask = m_carried.attentionMask;
    s.keyMask = m_carried.keyMask;
    const SetupCarried::WeightsUse use = m_carried.applyWeights(s);
    r.weightsSource = use.source;
    r.weightsAside = use.aside;
    r.weightSources = use.sources;
    // The opened spec's backward pass ("backward" in spec.json); its output
    // gradient only while it still has the output's shape (else all ones).
    s.backward = m_carried.trainedOrigin.backward;
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
    m_carried.queryMask = spec.queryMask;
    m_carried.valueMask = spec.valueMask;
    m_carried.queryMaskText = m_queryPadding->text();
    m_carried.valueMaskText = m_sourcePadding->text();
    m_carried.weights = spec.weights;
    m_carried.weightEdits.clear();
    setWeightsOrigin(spec);
    m_carried.attentionMask = spec.attentionMask;
    m_carried.keyMask = spec.keyMask;
    m_carried.query = spec.query;
    m_carried.value = spec.value;
    m_carried.key = spec.key;
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
