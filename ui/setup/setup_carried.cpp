// What the setup carries beyond its widgets, and its part of the session
// file (setup_carried.h).
#include "ui/setup/setup_carried.h"

#include "core/io/npy.h"
#include "core/layers/weights_info.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>

namespace attnviz::ui {

namespace {

/// The panel's words (translated in the SetupPanel context, where they are shown).
QString tr(const char* text) {
    return QCoreApplication::translate("SetupPanel", text);
}

} // namespace

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

void SetupCarried::setOrigin(const core::Spec& spec) {
    trainedOrigin = {};
    trainedOrigin.kerasModelFile = spec.kerasModelFile;
    trainedOrigin.kerasModelLayer = spec.kerasModelLayer;
    trainedOrigin.kerasLayerConfig = spec.kerasLayerConfig;
    trainedOrigin.weightsFile = spec.weightsFile;
    trainedOrigin.backward = spec.backward; // spec.json "backward": kept while the spec is edited
}

void SetupCarried::save(QJsonObject& state, QJsonObject& tensors) const {
    tensors[QStringLiteral("query")] = tensorToJson(query);
    tensors[QStringLiteral("value")] = tensorToJson(value);
    tensors[QStringLiteral("key")] = tensorToJson(key);
    tensors[QStringLiteral("attention_mask")] = tensorToJson(attentionMask);
    tensors[QStringLiteral("key_mask")] = tensorToJson(keyMask);
    tensors[QStringLiteral("query_mask")] = tensorToJson(queryMask);
    tensors[QStringLiteral("value_mask")] = tensorToJson(valueMask);
    QJsonObject w;
    for (const auto& [name, t] : weights)
        w[QString::fromStdString(name)] = tensorToJson(t);
    QJsonObject edits;
    for (const auto& [name, edit] : weightEdits)
        edits[QString::fromStdString(name)] =
            QJsonObject{{QStringLiteral("tensor"), tensorToJson(edit.tensor)}, {QStringLiteral("how"), edit.how}};
    state[QStringLiteral("weight_edits")] = edits;
    if (!trainedOrigin.weightsFile.empty())
        state[QStringLiteral("weights_file")] = QString::fromStdString(trainedOrigin.weightsFile);
    state[QStringLiteral("weights")] = w;
    if (!trainedOrigin.kerasModelFile.empty())
        state[QStringLiteral("keras_model")] =
            QJsonObject{{QStringLiteral("file"), QString::fromStdString(trainedOrigin.kerasModelFile)},
                        {QStringLiteral("layer"), QString::fromStdString(trainedOrigin.kerasModelLayer)},
                        {QStringLiteral("config"), QString::fromStdString(trainedOrigin.kerasLayerConfig)}};
    state[QStringLiteral("query_mask_text")] = queryMaskText;
    state[QStringLiteral("value_mask_text")] = valueMaskText;
}

void SetupCarried::restore(const QJsonObject& state, const QJsonObject& tensors) {
    auto tensor = [&](const char* name) { return tensorFromJson(tensors.value(QLatin1String(name)), name); };
    query = tensor("query");
    value = tensor("value");
    key = tensor("key");
    attentionMask = tensor("attention_mask");
    keyMask = tensor("key_mask");
    queryMask = tensor("query_mask");
    valueMask = tensor("value_mask");
    queryMaskText = state.value(QStringLiteral("query_mask_text")).toString();
    valueMaskText = state.value(QStringLiteral("value_mask_text")).toString();
    weights.clear();
    const QJsonObject w = state.value(QStringLiteral("weights")).toObject();
    for (auto it = w.begin(); it != w.end(); ++it)
        if (auto t = tensorFromJson(it.value(), "weight"))
            weights[it.key().toStdString()] = std::move(*t);
    const QJsonObject km = state.value(QStringLiteral("keras_model")).toObject();
    core::Spec origin;
    if (!weights.empty()) {
        origin.kerasModelFile = km.value(QStringLiteral("file")).toString().toStdString();
        origin.kerasModelLayer = km.value(QStringLiteral("layer")).toString().toStdString();
        origin.kerasLayerConfig = km.value(QStringLiteral("config")).toString().toStdString();
        origin.weightsFile = state.value(QStringLiteral("weights_file")).toString().toStdString();
    }
    setOrigin(origin);
    weightEdits.clear();
    const QJsonObject edits = state.value(QStringLiteral("weight_edits")).toObject();
    for (auto it = edits.begin(); it != edits.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        if (auto t = tensorFromJson(e.value(QStringLiteral("tensor")), "weight"))
            weightEdits[it.key().toStdString()] = {std::move(*t), e.value(QStringLiteral("how")).toString()};
    }
}

SetupCarried::WeightsUse SetupCarried::applyWeights(core::Spec& s) const {
    WeightsUse r;
    const QString seedText = tr("Keras' initializers from seed %1").arg(s.seed);
    QString loadedFrom; // where the loaded weights came from, in words
    if (!trainedOrigin.kerasModelFile.empty())
        loadedFrom = tr("layer %1 of %2")
                         .arg(QString::fromStdString(trainedOrigin.kerasModelLayer),
                              QFileInfo(QString::fromStdString(trainedOrigin.kerasModelFile)).fileName());
    else if (!trainedOrigin.weightsFile.empty())
        loadedFrom = QString::fromStdString(trainedOrigin.weightsFile);
    else
        loadedFrom = tr("the opened spec");
    const bool hasLoaded = !weights.empty();
    const std::vector<core::WeightMismatch> misfits = core::weightsMismatch(s, weights, true);
    const bool useLoaded = hasLoaded && misfits.empty();
    if (useLoaded) {
        // Weights loaded from a file must be complete; the spec carries where they came from.
        s.weights = weights;
        s.weightsGiven = true;
        s.weightsFile = trainedOrigin.weightsFile;
        s.kerasModelFile = trainedOrigin.kerasModelFile;
        s.kerasModelLayer = trainedOrigin.kerasModelLayer;
        s.kerasLayerConfig = trainedOrigin.kerasLayerConfig;
    }
    // Edits from the Weights tab, where they still fit.
    std::map<std::string, core::Tensor> edits;
    for (const auto& [name, edit] : weightEdits)
        edits[name] = edit.tensor;
    const std::vector<core::WeightMismatch> editMisfits = core::weightsMismatch(s, edits, false);
    QStringList edited;
    for (const auto& [name, edit] : weightEdits) {
        if (std::any_of(editMisfits.begin(), editMisfits.end(), [&](const auto& m) { return m.key == name; }))
            continue;
        s.weights[name] = edit.tensor;
        edited << QStringLiteral("%1 (%2)").arg(QString::fromStdString(name), edit.how);
    }
    for (const core::WeightInfo& w : core::weightsInfo(s)) {
        const auto e = weightEdits.find(w.key);
        const bool isEdited = e != weightEdits.end() && s.weights.count(w.key) &&
                              s.weights.at(w.key).values() == e->second.tensor.values();
        r.sources[w.key] = isEdited ? e->second.how : useLoaded ? loadedFrom : seedText;
    }
    r.source = useLoaded ? tr("Weights: from %1").arg(loadedFrom) : tr("Weights: %1").arg(seedText);
    if (!edited.isEmpty())
        r.source += tr("; edited: %1").arg(edited.join(tr(", ")));
    if (hasLoaded && !useLoaded) {
        QStringList lines;
        for (const core::WeightMismatch& m : misfits)
            lines << QString::fromStdString(m.message());
        r.aside = tr("The weights from %1 do not fit these settings and are kept aside (they are used again "
                     "when the sizes fit): %2.")
                      .arg(loadedFrom, lines.join(QStringLiteral("; ")));
    }
    if (!editMisfits.empty()) {
        QStringList keys;
        for (const core::WeightMismatch& m : editMisfits)
            keys << QString::fromStdString(m.key);
        r.aside += (r.aside.isEmpty() ? QString() : QStringLiteral(" ")) +
                   tr("Edited %1 kept aside: not a weight of this shape now.").arg(keys.join(tr(", ")));
    }
    return r;
}

} // namespace attnviz::ui
