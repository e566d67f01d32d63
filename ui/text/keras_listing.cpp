// Builds a runnable Keras 3 script equivalent to one MultiHeadAttention call.
// The einsum strings are Keras' own (keras/src/layers/attention/multi_head_attention.py,
// _build_attention_equation and _build_proj_equation for rank-3 inputs).
#include "ui/text/keras_listing.h"

#include "core/keras_model.h"

#include <QStringList>

#include <cmath>

namespace attnviz::ui {

KerasListing mhaKerasListing(const core::Spec& spec, const core::Trace& trace) {
    KerasListing out;
    if (spec.config.layer != core::LayerKind::MultiHeadAttention)
        return out;
    const auto* q = trace.find("query");
    const auto* v = trace.find("value");
    const core::Index B = q ? q->value.dim(0) : spec.shapes.batch;
    const core::Index T = q ? q->value.dim(1) : spec.shapes.queryLen;
    const core::Index Eq = q ? q->value.dim(2) : spec.shapes.queryFeatures;
    const core::Index S = v ? v->value.dim(1) : spec.shapes.sourceLen;
    const core::Index Ev = v ? v->value.dim(2) : spec.shapes.valueFeatures;
    const auto* k = trace.find("key");
    const bool separateKey = k != nullptr || spec.key.has_value() || spec.shapes.keyFeatures.has_value();
    const core::Index Ek = k ? k->value.dim(2) : spec.shapes.keyFeatures.value_or(Ev);
    const int N = spec.config.numHeads, H = spec.config.keyDim, Hv = spec.config.effectiveValueDim();
    const core::Index Eo = spec.config.outputShape.value_or(int(Eq));
    const bool bias = spec.config.useBias;
    const bool hasMask = trace.find("masked_scores") != nullptr;
    const bool dropout = spec.config.dropout > 0;
    const QString b = [&](const char* axes) {
        return bias ? QStringLiteral(", bias_axes=\"%1\"").arg(QLatin1String(axes)) : QString();
    }("de");

    QStringList lines;
    auto add = [&](const QString& line, const char* key = nullptr) {
        if (key)
            out.lineOfStep[QLatin1String(key)] = int(lines.size());
        lines << line;
    };
    add(QStringLiteral("# MultiHeadAttention(num_heads=%1, key_dim=%2%3%4%5) written with Keras' building blocks")
            .arg(N)
            .arg(H)
            .arg(spec.config.valueDim ? QStringLiteral(", value_dim=%1").arg(Hv) : QString())
            .arg(bias ? QString() : QStringLiteral(", use_bias=False"))
            .arg(dropout ? QStringLiteral(", dropout=%1").arg(double(spec.config.dropout)) : QString()));
    add(QStringLiteral("import math"));
    add(QStringLiteral("import keras"));
    add(QStringLiteral("from keras import layers, ops"));
    add(QString());
    add(QStringLiteral("B, T, S = %1, %2, %3    # batch, query length, source length").arg(B).arg(T).arg(S));
    add(QStringLiteral("N, H, Hv = %1, %2, %3    # heads, key_dim, value_dim").arg(N).arg(H).arg(Hv));
    add(QString());
    add(QStringLiteral("query = keras.Input(shape=(T, %1))                   # (B, T, %1)").arg(Eq), "query");
    add(QStringLiteral("value = keras.Input(shape=(S, %1))                   # (B, S, %1)").arg(Ev), "value");
    if (separateKey)
        add(QStringLiteral("key = keras.Input(shape=(S, %1))                     # (B, S, %1)").arg(Ek), "key");
    else
        add(QStringLiteral("key = value                                       # no separate key"));
    add(QString());
    add(QStringLiteral("# 1. project into N heads of size H (Hv for values)"));
    add(QStringLiteral(
            "query_dense = layers.EinsumDense(\"abc,cde->abde\", output_shape=(None, N, H)%1)(query)   # (B, T, N, H)")
            .arg(b),
        "query_dense");
    add(QStringLiteral(
            "key_dense = layers.EinsumDense(\"abc,cde->abde\", output_shape=(None, N, H)%1)(key)       # (B, S, N, H)")
            .arg(b),
        "key_dense");
    add(QStringLiteral(
            "value_dense = layers.EinsumDense(\"abc,cde->abde\", output_shape=(None, N, Hv)%1)(value)  # (B, S, N, Hv)")
            .arg(b),
        "value_dense");
    add(QString());
    add(QStringLiteral("# 2. scores: scale the query, then one dot product per head"));
    add(QStringLiteral("scaled_query = ops.multiply(query_dense, 1.0 / math.sqrt(H))   # (B, T, N, H)"),
        "scaled_query");
    add(QStringLiteral("scores = ops.einsum(\"aecd,abcd->acbe\", key_dense, scaled_query)  # (B, N, T, S)"), "scores");
    add(QString());
    add(QStringLiteral("# 3. softmax over the source axis%1")
            .arg(hasMask ? QStringLiteral(" (masked positions get -1e9 first)") : QString()));
    if (hasMask) {
        add(QStringLiteral("mask = ...                                        # (B, 1, T, S): padding%1")
                .arg(spec.call.useCausalMask ? QStringLiteral(" & causal") : QString()));
        add(QStringLiteral(
                "masked_scores = scores + (1.0 - ops.cast(mask, \"float32\")) * -1e9   # inside layers.Softmax"),
            "masked_scores");
        add(QStringLiteral("weights = layers.Softmax(axis=-1)(scores, mask=mask)              # (B, N, T, S)"),
            "weights");
    } else {
        add(QStringLiteral("weights = layers.Softmax(axis=-1)(scores)         # (B, N, T, S)"), "weights");
    }
    if (dropout || trace.find("dropout"))
        add(QStringLiteral("weights = layers.Dropout(%1)(weights, training=%2)     # (B, N, T, S)")
                .arg(double(spec.config.dropout))
                .arg(spec.call.training ? QStringLiteral("True") : QStringLiteral("False")),
            "dropout");
    add(QString());
    add(QStringLiteral("# 4. weighted sum of the values, per head"));
    add(QStringLiteral("context = ops.einsum(\"acbe,aecd->abcd\", weights, value_dense)  # (B, T, N, Hv)"), "context");
    add(QStringLiteral("concat_heads = ops.reshape(context, (-1, T, N * Hv))            # (B, T, N*Hv)  Keras folds "
                       "this into output_dense"),
        "concat_heads");
    add(QString());
    add(QStringLiteral("# 5. project back to the output width"));
    add(QStringLiteral(
            "output = layers.EinsumDense(\"abcd,cde->abe\", output_shape=(None, %1)%2)(context)   # (B, T, %1)")
            .arg(Eo)
            .arg(bias ? QStringLiteral(", bias_axes=\"e\"") : QString()),
        "output");
    if (spec.config.transformerSublayer || trace.find("residual")) {
        add(QString());
        add(QStringLiteral("# 6. the Transformer sub-layer: residual connection and layer normalization"));
        add(QStringLiteral("residual = layers.Add()([query, output])           # (B, T, %1)").arg(Eo), "residual");
        add(QStringLiteral("layer_norm = layers.LayerNormalization()(residual)  # (B, T, %1)").arg(Eo), "layer_norm");
    }
    out.code = lines.join(QLatin1Char('\n'));
    return out;
}

KerasListing withTrainedLayer(KerasListing listing, const core::Spec& spec) {
    if (spec.kerasLayerConfig.empty())
        return listing;
    const QString call =
        QString::fromStdString(core::kerasConstructorCall(core::layerName(spec.config.layer), spec.kerasLayerConfig));
    QStringList head;
    head << QStringLiteral("# The trained layer '%1' of %2, as it was saved:")
                .arg(QString::fromStdString(spec.kerasModelLayer),
                     QString::fromStdString(spec.kerasModelFile).section(QLatin1Char('/'), -1));
    head << QStringLiteral("import keras");
    head << (QStringLiteral("layer = ") + call).split(QLatin1Char('\n'));
    head << QStringLiteral("model = keras.saving.load_model(\"%1\")  # its weights: model.get_layer(\"%2\")")
                .arg(QString::fromStdString(spec.kerasModelFile).section(QLatin1Char('/'), -1),
                     QString::fromStdString(spec.kerasModelLayer));
    if (!listing.code.isEmpty())
        head << QString();
    const int shift = int(head.size());
    KerasListing out;
    out.code =
        head.join(QLatin1Char('\n')) + (listing.code.isEmpty() ? QString() : QStringLiteral("\n") + listing.code);
    for (auto it = listing.lineOfStep.cbegin(); it != listing.lineOfStep.cend(); ++it)
        out.lineOfStep[it.key()] = it.value() + shift;
    return out;
}

} // namespace attnviz::ui
