// What the setup carries beyond its widgets, and its part of the session
// file (setup_carried.h).
#include "ui/setup/setup_carried.h"

#include "core/io/npy.h"

#include <QByteArray>

namespace attnviz::ui {

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

} // namespace attnviz::ui
