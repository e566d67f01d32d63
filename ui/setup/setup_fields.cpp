// The table of setup fields and SetupState <-> core::Spec. Widget-free: the
// setup panel builds its form from this table, and tests check the mapping
// without a window.
#include "ui/setup/setup_fields.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace attnviz::ui {

namespace {

using core::LayerKind;
using core::Spec;

constexpr unsigned kMha = layerBit(LayerKind::MultiHeadAttention);
constexpr unsigned kGqa = layerBit(LayerKind::GroupQueryAttention);
constexpr unsigned kDot = layerBit(LayerKind::Attention);

QString tr(const char* text) {
    return QCoreApplication::translate("SetupFields", text);
}

/// "3 4, 7" -> {3, 4, 7}; nullopt with a message when something is not a position.
std::optional<std::vector<int>> parsePositions(const QString& text, core::Index length, QString* message) {
    std::vector<int> out;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const int p = part.toInt(&ok);
        if (!ok) {
            *message =
                QCoreApplication::translate("SetupFields", "“%1” is not a position: expected whole numbers like “3 4”.")
                    .arg(part);
            return std::nullopt;
        }
        if (p < 0 || p >= length) {
            *message = QCoreApplication::translate(
                           "SetupFields", "Position %1 is outside the sequence: expected 0 to %2. Received: %1.")
                           .arg(p)
                           .arg(length - 1);
            return std::nullopt;
        }
        out.push_back(p);
    }
    return out;
}

/// A [B, n] 0/1 mask with the padding positions 0 in every batch row; nullopt for no positions.
QString writePadding(const QVariant& v, std::optional<core::Tensor>& mask, core::Index batch, core::Index n) {
    mask.reset();
    const QString text = v.toString();
    if (text.trimmed().isEmpty())
        return {};
    QString message;
    const auto pos = parsePositions(text, n, &message);
    if (!pos)
        return message;
    core::Tensor m(core::Shape{batch, n});
    std::fill(m.values().begin(), m.values().end(), 1.0f);
    for (core::Index b = 0; b < batch; ++b)
        for (int p : *pos)
            m.data()[b * n + p] = 0.0f;
    mask = std::move(m);
    return {};
}

/// Batch row 0's padding positions of a [B, n] mask, as text.
QString paddingText(const std::optional<core::Tensor>& mask) {
    QStringList parts;
    if (mask && mask->rank() == 2)
        for (core::Index i = 0; i < mask->dim(1); ++i)
            if (mask->data()[i] == 0.0f)
                parts << QString::number(i);
    return parts.join(QLatin1Char(' '));
}

/// Optional ints shown as a spin box whose minimum means None.
template <typename T> QVariant optionalInt(const std::optional<T>& v, int none) {
    return v ? int(*v) : none;
}

const char* const kLayerNames[] = {"MultiHeadAttention", "Attention", "AdditiveAttention", "GroupQueryAttention"};

constexpr double kIntMax = 99999999; // what a spin box takes: more than any limit, so a typed value is never cut

std::vector<FieldDef> makeFields() {
    std::vector<FieldDef> f;
    // --- Layer ---------------------------------------------------------------
    f.push_back(
        {.name = "layer",
         .kerasArg = "keras.layers",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("layer")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Choice,
         .layers = kAllLayers,
         .label = QT_TRANSLATE_NOOP("SetupFields", "Layer:"),
         .gqaLabel = nullptr,
         .defaultValue = QStringLiteral("MultiHeadAttention"),
         .choices = {{kLayerNames[0], int(LayerKind::MultiHeadAttention)},
                     {kLayerNames[1], int(LayerKind::Attention)},
                     {kLayerNames[2], int(LayerKind::AdditiveAttention)},
                     {kLayerNames[3], int(LayerKind::GroupQueryAttention)}},
         .whatsThis = QT_TRANSLATE_NOOP(
             "SetupFields",
             "Which Keras layer to compute: MultiHeadAttention, GroupQueryAttention (query heads sharing "
             "key/value heads), Attention (dot-product, Luong) or AdditiveAttention (Bahdanau). The "
             "form shows only the arguments the chosen layer has."),
         .write =
             [](const QVariant& v, Spec& s) {
                 const auto k = core::layerFromName(v.toString().toStdString());
                 if (!k)
                     return QCoreApplication::translate("SetupFields", "Unknown layer “%1”.").arg(v.toString());
                 s.config.layer = *k;
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return QString::fromLatin1(kLayerNames[int(s.config.layer)]); }});
    f.push_back(
        {.name = "heads",
         .kerasArg = "num_heads",
         .gqaKerasArg = "num_query_heads",
         .specFields = {QStringLiteral("config.num_heads"), QStringLiteral("config.num_query_heads")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Int,
         .layers = kHeadLayers,
         .label = QT_TRANSLATE_NOOP("SetupFields", "Heads:"),
         .gqaLabel = QT_TRANSLATE_NOOP("SetupFields", "Query heads:"),
         .minimum = 0,
         .limit = 64,
         .limitReason = QT_TRANSLATE_NOOP("SetupFields", "attnviz draws every head; 64 is the most it lays out"),
         .defaultValue = 2,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "How many attention heads run side by side, each with "
                                                       "its own projections of the query, key and value."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.config.numHeads = v.toInt();
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return s.config.numHeads; }});
    f.push_back(
        {.name = "kv_heads",
         .kerasArg = "num_key_value_heads",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("config.num_key_value_heads")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Int,
         .layers = kGqa,
         .label = QT_TRANSLATE_NOOP("SetupFields", "Key/value heads:"),
         .gqaLabel = nullptr,
         .minimum = 0,
         .limit = 64,
         .limitReason = QT_TRANSLATE_NOOP("SetupFields", "attnviz draws every head; 64 is the most it lays out"),
         .defaultValue = 1,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields",
                                        "Key/value heads shared by groups of query heads; must divide num_query_heads "
                                        "(1: multi-query attention, equal: plain multi-head attention)."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.config.numKeyValueHeads = v.toInt();
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return s.config.numKeyValueHeads; }});
    f.push_back({.name = "key_dim",
                 .kerasArg = "key_dim",
                 .gqaKerasArg = "head_dim",
                 .specFields = {QStringLiteral("config.key_dim"), QStringLiteral("config.head_dim")},
                 .group = FieldGroup::Layer,
                 .kind = FieldKind::Int,
                 .layers = kHeadLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "key_dim:"),
                 .gqaLabel = QT_TRANSLATE_NOOP("SetupFields", "head_dim:"),
                 .minimum = 0,
                 .limit = 512,
                 .limitReason = QT_TRANSLATE_NOOP("SetupFields", "attnviz's limit for a head's width"),
                 .defaultValue = 4,
                 .whatsThis = QT_TRANSLATE_NOOP(
                     "SetupFields", "Size of each head's query and key vectors (GroupQueryAttention: of its query, "
                                    "key and value vectors). The scores are divided by √key_dim."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.config.keyDim = v.toInt();
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return s.config.keyDim; }});
    f.push_back(
        {.name = "value_dim",
         .kerasArg = "value_dim",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("config.value_dim")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Int,
         .layers = kMha,
         .label = QT_TRANSLATE_NOOP("SetupFields", "value_dim:"),
         .gqaLabel = nullptr,
         .minimum = 0,
         .limit = 512,
         .limitReason = QT_TRANSLATE_NOOP("SetupFields", "attnviz's limit for a head's width"),
         .specialText = QT_TRANSLATE_NOOP("SetupFields", "auto"),
         .defaultValue = 0,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "Size of each head's value vectors; auto (None) means key_dim."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.config.valueDim.reset();
                 if (v.toInt() > 0)
                     s.config.valueDim = v.toInt();
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return optionalInt(s.config.valueDim, 0); }});
    f.push_back(
        {.name = "output_width",
         .kerasArg = "output_shape",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("config.output_shape")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Int,
         .layers = kMha,
         .label = QT_TRANSLATE_NOOP("SetupFields", "Output width:"),
         .gqaLabel = nullptr,
         .minimum = 0,
         .limit = 4096,
         .limitReason = QT_TRANSLATE_NOOP("SetupFields", "attnviz's limit for a feature width"),
         .specialText = QT_TRANSLATE_NOOP("SetupFields", "auto"),
         .defaultValue = 0,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "Width of the output; auto (None) means the query's width."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.config.outputShape.reset();
                 if (v.toInt() > 0)
                     s.config.outputShape = v.toInt();
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return optionalInt(s.config.outputShape, 0); }});
    f.push_back(
        {.name = "score_mode",
         .kerasArg = "score_mode",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("config.score_mode")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Choice,
         .layers = kDot,
         .label = QT_TRANSLATE_NOOP("SetupFields", "score_mode:"),
         .gqaLabel = nullptr,
         .defaultValue = QStringLiteral("dot"),
         .choices = {{"dot", int(core::ScoreMode::Dot)}, {"concat", int(core::ScoreMode::Concat)}},
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "How Attention scores a query against a key: \"dot\", the dot "
                                                       "product (Luong), or \"concat\", the sum of tanh(query + key) "
                                                       "over the features, times concat_score_weight."),
         .write =
             [](const QVariant& v, Spec& s) {
                 const QString t = v.toString();
                 if (t != QLatin1String("dot") && t != QLatin1String("concat"))
                     return QCoreApplication::translate("SetupFields",
                                                        "score_mode is “dot” or “concat”. Received: score_mode=%1")
                         .arg(t);
                 s.config.scoreMode = t == QLatin1String("dot") ? core::ScoreMode::Dot : core::ScoreMode::Concat;
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant {
             return s.config.scoreMode == core::ScoreMode::Dot ? QStringLiteral("dot") : QStringLiteral("concat");
         }});
    f.push_back({.name = "sliding_window",
                 .kerasArg = "sliding_window",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("config.sliding_window")},
                 .group = FieldGroup::Layer,
                 .kind = FieldKind::Int,
                 .layers = kHeadLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "sliding_window:"),
                 .gqaLabel = nullptr,
                 .minimum = 0,
                 .limit = 8192,
                 .limitReason = QT_TRANSLATE_NOOP("SetupFields", "no sequence is longer than 8192 here"),
                 .specialText = QT_TRANSLATE_NOOP("SetupFields", "none"),
                 .defaultValue = 0,
                 .whatsThis = QT_TRANSLATE_NOOP(
                     "SetupFields",
                     "Each query sees the source positions with |t − s| < w; none (None) means all of them. With "
                     "use_causal_mask it is the causal band."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.config.slidingWindow.reset();
                         if (v.toInt() > 0)
                             s.config.slidingWindow = v.toInt();
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return optionalInt(s.config.slidingWindow, 0); }});
    f.push_back({.name = "use_bias",
                 .kerasArg = "use_bias",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("config.use_bias")},
                 .group = FieldGroup::Layer,
                 .kind = FieldKind::Bool,
                 .layers = kHeadLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "use_bias"),
                 .gqaLabel = nullptr,
                 .defaultValue = true,
                 .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "Add a bias to every projection (query, key, value, "
                                                               "output and gate)."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.config.useBias = v.toBool();
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return s.config.useBias; }});
    f.push_back(
        {.name = "use_gate",
         .kerasArg = "use_gate",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("config.use_gate")},
         .group = FieldGroup::Layer,
         .kind = FieldKind::Bool,
         .layers = kHeadLayers,
         .label = QT_TRANSLATE_NOOP("SetupFields", "use_gate"),
         .gqaLabel = nullptr,
         .defaultValue = false,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "Gated attention: a sigmoid gate computed from the query "
                                                       "scales each head's context before the output projection."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.config.useGate = v.toBool();
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return s.config.useGate; }});
    f.push_back({.name = "use_scale",
                 .kerasArg = "use_scale",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("config.use_scale")},
                 .group = FieldGroup::Layer,
                 .kind = FieldKind::Bool,
                 .layers = kDotLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "use_scale"),
                 .gqaLabel = nullptr,
                 .defaultValue = false,
                 .whatsThis = QT_TRANSLATE_NOOP("SetupFields",
                                                "Learn a scale for the scores: Attention a scalar (initially 1), "
                                                "AdditiveAttention a vector over the features (its default is True)."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.config.useScale = v.toBool();
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return s.config.effectiveUseScale(); }});
    f.push_back({.name = "transformer",
                 .kerasArg = "LayerNormalization",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("config.transformer_sublayer")},
                 .group = FieldGroup::Layer,
                 .kind = FieldKind::Bool,
                 .layers = kMha,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "Transformer sub-layer"),
                 .gqaLabel = nullptr,
                 .defaultValue = false,
                 .whatsThis = QT_TRANSLATE_NOOP(
                     "SetupFields", "Not an argument of the layer: follow it with keras.layers.Add (the residual) "
                                    "and LayerNormalization (Add & Norm), as in the Transformer's encoder."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.config.transformerSublayer = v.toBool();
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return s.config.transformerSublayer; }});
    // --- Sizes ---------------------------------------------------------------
    auto size = [&](const char* name, const char* kerasArg, const char* field, const char* label, double limit,
                    const char* reason, int def, const char* what, QString (*write)(const QVariant&, Spec&),
                    QVariant (*read)(const Spec&)) {
        f.push_back({.name = name,
                     .kerasArg = kerasArg,
                     .gqaKerasArg = nullptr,
                     .specFields = {QLatin1String(field)},
                     .group = FieldGroup::Sizes,
                     .kind = FieldKind::Int,
                     .layers = kAllLayers,
                     .label = label,
                     .gqaLabel = nullptr,
                     .minimum = 0,
                     .limit = limit,
                     .limitReason = reason,
                     .defaultValue = def,
                     .whatsThis = what,
                     .write = write,
                     .read = read});
    };
    const char* lengthReason = QT_TRANSLATE_NOOP(
        "SetupFields", "every (query × source) matrix of every head is kept, one takes 256 MiB at 8192², and the "
                       "memory budget (--max-memory) refuses larger traces");
    const char* widthReason = QT_TRANSLATE_NOOP("SetupFields", "attnviz's limit for a feature width");
    size(
        "batch", "query", "shapes.batch", QT_TRANSLATE_NOOP("SetupFields", "Batch (B):"), 64,
        QT_TRANSLATE_NOOP("SetupFields", "attnviz's limit for the batch; every batch row is computed and kept"), 1,
        QT_TRANSLATE_NOOP("SetupFields", "B, the first axis of the query, value and key inputs: how many sequences "
                                         "go through the layer at once."),
        [](const QVariant& v, Spec& s) {
            s.shapes.batch = v.toInt();
            return QString();
        },
        [](const Spec& s) -> QVariant { return int(s.shapes.batch); });
    size(
        "query_len", "query", "shapes.query_len", QT_TRANSLATE_NOOP("SetupFields", "Query length (T):"), 8192,
        lengthReason, 4,
        QT_TRANSLATE_NOOP("SetupFields", "T, the query input's sequence length (query.shape[1]): the target "
                                         "sequence, one row of the attention weights per position."),
        [](const QVariant& v, Spec& s) {
            s.shapes.queryLen = v.toInt();
            return QString();
        },
        [](const Spec& s) -> QVariant { return int(s.shapes.queryLen); });
    size(
        "source_len", "value", "shapes.source_len", QT_TRANSLATE_NOOP("SetupFields", "Source length (S):"), 8192,
        lengthReason, 4,
        QT_TRANSLATE_NOOP("SetupFields", "S, the value (and key) input's sequence length (value.shape[1]): one "
                                         "column of the attention weights per position."),
        [](const QVariant& v, Spec& s) {
            s.shapes.sourceLen = v.toInt();
            return QString();
        },
        [](const Spec& s) -> QVariant { return int(s.shapes.sourceLen); });
    size(
        "query_width", "query", "shapes.query_features", QT_TRANSLATE_NOOP("SetupFields", "Query width:"), 4096,
        widthReason, 8, QT_TRANSLATE_NOOP("SetupFields", "Features per query token (query.shape[-1])."),
        [](const QVariant& v, Spec& s) {
            s.shapes.queryFeatures = v.toInt();
            return QString();
        },
        [](const Spec& s) -> QVariant { return int(s.shapes.queryFeatures); });
    size(
        "value_width", "value", "shapes.value_features", QT_TRANSLATE_NOOP("SetupFields", "Value width:"), 4096,
        widthReason, 8, QT_TRANSLATE_NOOP("SetupFields", "Features per value token (value.shape[-1])."),
        [](const QVariant& v, Spec& s) {
            s.shapes.valueFeatures = v.toInt();
            return QString();
        },
        [](const Spec& s) -> QVariant { return int(s.shapes.valueFeatures); });
    f.push_back(
        {.name = "key_width",
         .kerasArg = "key",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("shapes.key_features")},
         .group = FieldGroup::Sizes,
         .kind = FieldKind::Int,
         .layers = kAllLayers,
         .label = QT_TRANSLATE_NOOP("SetupFields", "Key width:"),
         .gqaLabel = nullptr,
         .minimum = -1,
         .limit = 4096,
         .limitReason = widthReason,
         .specialText = QT_TRANSLATE_NOOP("SetupFields", "auto"),
         .defaultValue = -1,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "Features per key token (key.shape[-1]); auto: no separate key "
                                                       "input, so Keras uses the value as the key."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.shapes.keyFeatures.reset();
                 if (v.toInt() >= 0)
                     s.shapes.keyFeatures = v.toInt();
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return optionalInt(s.shapes.keyFeatures, -1); }});
    // --- Masks ---------------------------------------------------------------
    f.push_back({.name = "causal",
                 .kerasArg = "use_causal_mask",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("call.use_causal_mask"), QStringLiteral("masks.attention_mask")},
                 .group = FieldGroup::Masks,
                 .kind = FieldKind::Bool,
                 .layers = kAllLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "Causal (no peeking ahead)"),
                 .gqaLabel = nullptr,
                 .defaultValue = false,
                 .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "A call argument: query position i may only attend to "
                                                               "source positions ≤ i."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.call.useCausalMask = v.toBool();
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return s.call.useCausalMask; }});
    f.push_back({.name = "query_padding",
                 .kerasArg = "query_mask",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("masks.query_mask")},
                 .group = FieldGroup::Masks,
                 .kind = FieldKind::Text,
                 .layers = kAllLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "Query padding:"),
                 .gqaLabel = nullptr,
                 .defaultValue = QString(),
                 .whatsThis = QT_TRANSLATE_NOOP(
                     "SetupFields", "Query positions that are padding, separated by spaces (\"3 4\"): query_mask is "
                                    "False there, in every batch row; those rows of the output get no attention."),
                 .write = [](const QVariant& v,
                             Spec& s) { return writePadding(v, s.queryMask, s.shapes.batch, s.shapes.queryLen); },
                 .read = [](const Spec& s) -> QVariant { return paddingText(s.queryMask); },
                 .afterInputs = true});
    f.push_back({.name = "source_padding",
                 .kerasArg = "value_mask",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("masks.value_mask"), QStringLiteral("masks.key_mask")},
                 .group = FieldGroup::Masks,
                 .kind = FieldKind::Text,
                 .layers = kAllLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "Source padding:"),
                 .gqaLabel = nullptr,
                 .defaultValue = QString(),
                 .whatsThis = QT_TRANSLATE_NOOP("SetupFields",
                                                "Source positions that are padding, separated by spaces (\"3 4\"): "
                                                "value_mask is False there, so no query attends to them."),
                 .write = [](const QVariant& v,
                             Spec& s) { return writePadding(v, s.valueMask, s.shapes.batch, s.shapes.sourceLen); },
                 .read = [](const Spec& s) -> QVariant { return paddingText(s.valueMask); },
                 .afterInputs = true});
    // --- Dropout and seed ----------------------------------------------------
    f.push_back({.name = "dropout",
                 .kerasArg = "dropout",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("config.dropout")},
                 .group = FieldGroup::Dropout,
                 .kind = FieldKind::Double,
                 .layers = kAllLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "Dropout:"),
                 .gqaLabel = nullptr,
                 .minimum = 0,
                 .limit = 0.99,
                 .limitReason = QT_TRANSLATE_NOOP("SetupFields", "a rate of 1 would drop every attention weight"),
                 .step = 0.05,
                 .decimals = 2,
                 .defaultValue = 0.0,
                 .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "The dropout rate on the attention weights; applied "
                                                               "only when the layer is called with training=True."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.config.dropout = float(v.toDouble());
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant {
                     return std::round(double(s.config.dropout) * 100.0) / 100.0; // the field's 2 decimals
                 }});
    f.push_back({.name = "training",
                 .kerasArg = "training",
                 .gqaKerasArg = nullptr,
                 .specFields = {QStringLiteral("call.training")},
                 .group = FieldGroup::Dropout,
                 .kind = FieldKind::Bool,
                 .layers = kAllLayers,
                 .label = QT_TRANSLATE_NOOP("SetupFields", "training=True"),
                 .gqaLabel = nullptr,
                 .defaultValue = false,
                 .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "A call argument: call the layer in training mode, so "
                                                               "dropout is applied (only with a dropout above 0)."),
                 .write =
                     [](const QVariant& v, Spec& s) {
                         s.call.training = v.toBool() && s.config.dropout > 0;
                         return QString();
                     },
                 .read = [](const Spec& s) -> QVariant { return s.call.training; }});
    f.push_back(
        {.name = "seed",
         .kerasArg = "seed",
         .gqaKerasArg = nullptr,
         .specFields = {QStringLiteral("seed")},
         .group = FieldGroup::Dropout,
         .kind = FieldKind::Int,
         .layers = kAllLayers,
         .label = QT_TRANSLATE_NOOP("SetupFields", "Seed:"),
         .gqaLabel = nullptr,
         .minimum = 0,
         .limit = 2147483647,
         .limitReason = QT_TRANSLATE_NOOP("SetupFields", "a seed is a 32-bit integer"),
         .defaultValue = 0,
         .whatsThis = QT_TRANSLATE_NOOP("SetupFields", "The seed of the random inputs, of the initial weights (Keras' "
                                                       "initializers: glorot_uniform kernels, zero biases) and of "
                                                       "dropout. The same seed always gives the same numbers."),
         .write =
             [](const QVariant& v, Spec& s) {
                 s.seed = std::uint64_t(std::max(0, v.toInt()));
                 return QString();
             },
         .read = [](const Spec& s) -> QVariant { return int(std::min<std::uint64_t>(s.seed, 2147483647u)); }});
    // --- Inputs: special widgets, named and explained here ---------------------
    auto input = [&](const char* name, const char* kerasArg, const char* field, FieldKind kind, const char* label,
                     QVariant def, const char* what) {
        f.push_back({.name = name,
                     .kerasArg = kerasArg,
                     .gqaKerasArg = nullptr,
                     .specFields = {QLatin1String(field)},
                     .group = FieldGroup::Inputs,
                     .kind = kind,
                     .layers = kAllLayers,
                     .label = label,
                     .gqaLabel = nullptr,
                     .defaultValue = std::move(def),
                     .whatsThis = what,
                     .special = true});
    };
    input("sentence", "query", "inputs.query", FieldKind::Text, QT_TRANSLATE_NOOP("SetupFields", "Query:"),
          QStringLiteral("the cat sat on the mat"),
          QT_TRANSLATE_NOOP("SetupFields", "The query input as a sentence: one token per word, and the same word "
                                           "always gets the same vector. The tokens label the heatmap axes."));
    input("source_sentence", "value", "inputs.value", FieldKind::Text, QT_TRANSLATE_NOOP("SetupFields", "Source:"),
          QString(),
          QT_TRANSLATE_NOOP("SetupFields", "The value (and key) input as a sentence, for cross-attention; empty: the "
                                           "query sentence (self-attention)."));
    input("query_npy", "query", "inputs.query", FieldKind::Text, QT_TRANSLATE_NOOP("SetupFields", "Query:"), QString(),
          QT_TRANSLATE_NOOP("SetupFields", "The query input from a float32 or float64 .npy of shape (batch, "
                                           "query_len, query_features)."));
    input("value_npy", "value", "inputs.value", FieldKind::Text, QT_TRANSLATE_NOOP("SetupFields", "Value:"), QString(),
          QT_TRANSLATE_NOOP("SetupFields", "The value input from a float32 or float64 .npy of shape (batch, "
                                           "source_len, value_features)."));
    input("key_npy", "key", "inputs.key", FieldKind::Text, QT_TRANSLATE_NOOP("SetupFields", "Key:"), QString(),
          QT_TRANSLATE_NOOP("SetupFields", "Optional: the key input from a .npy of shape (batch, source_len, "
                                           "key_features); without it Keras uses the value as the key."));
    input("inputs", "query, value, key", "inputs.query", FieldKind::Choice, QT_TRANSLATE_NOOP("SetupFields", "Inputs:"),
          QStringLiteral("random"),
          QT_TRANSLATE_NOOP("SetupFields", "Where the layer's call inputs query, value (and key) come from: random "
                                           "from the seed, a typed sentence, an edited table, or .npy files."));
    f.back().choices = {{"random", 0}, {"sentence", 1}, {"table", 2}, {"files", 3}};
    return f;
}

} // namespace

QString FieldDef::labelFor(core::LayerKind k) const {
    return tr(k == LayerKind::GroupQueryAttention && gqaLabel ? gqaLabel : label);
}

QString FieldDef::whatsThisFor(core::LayerKind k) const {
    QStringList layerNames;
    for (int i = 0; i < 4; ++i)
        if (layers & (1u << i))
            layerNames << QString::fromLatin1(kLayerNames[i]);
    QString text = QCoreApplication::translate("SetupFields", "<p><b>%1</b> — Keras: <code>%2</code> (%3)</p><p>%4</p>")
                       .arg(labelFor(k).remove(QLatin1Char(':')).toHtmlEscaped(),
                            QString::fromLatin1(kerasArgFor(k)).toHtmlEscaped(),
                            layers == kAllLayers ? QCoreApplication::translate("SetupFields", "every layer")
                                                 : layerNames.join(QStringLiteral(", ")),
                            tr(whatsThis).toHtmlEscaped());
    if (limitReason && limit < kIntMax)
        text += QCoreApplication::translate("SetupFields", "<p>At most %1: %2.</p>")
                    .arg(QString::number(limit), tr(limitReason).toHtmlEscaped());
    return text;
}

const std::vector<FieldDef>& setupFields() {
    static const std::vector<FieldDef> fields = makeFields();
    return fields;
}

const FieldDef* findSetupField(const QString& name) {
    for (const FieldDef& f : setupFields())
        if (name == QLatin1String(f.name))
            return &f;
    return nullptr;
}

SetupState SetupState::defaults() {
    SetupState s;
    for (const FieldDef& f : setupFields())
        s.values[QLatin1String(f.name)] = f.defaultValue;
    return s;
}

core::LayerKind SetupState::layer() const {
    return core::layerFromName(value(QStringLiteral("layer")).toString().toStdString())
        .value_or(LayerKind::MultiHeadAttention);
}

QString limitMessage(const FieldDef& field, const QVariant& value) {
    if (field.kind != FieldKind::Int && field.kind != FieldKind::Double)
        return {};
    const double v = value.toDouble();
    if (!(v > field.limit))
        return {};
    const QString shown = field.kind == FieldKind::Int ? QString::number(value.toLongLong()) : QString::number(v);
    return QCoreApplication::translate("SetupFields", "%1 %2 is over attnviz's limit of %3: %4. Received: %5=%2")
        .arg(tr(field.label).remove(QLatin1Char(':')), shown, QString::number(field.limit), tr(field.limitReason),
             QLatin1String(field.name));
}

QString limitNote(const FieldDef& field, const QVariant& value) {
    if (limitMessage(field, value).isEmpty())
        return {};
    return QCoreApplication::translate("SetupFields", "At most %1: %2.")
        .arg(QString::number(field.limit), tr(field.limitReason));
}

SetupError writeSpec(const SetupState& state, core::Spec& spec, bool afterInputs) {
    const LayerKind layer = state.layer();
    for (const FieldDef& f : setupFields()) {
        if (f.special || !f.write || f.afterInputs != afterInputs || !f.hasLayer(layer))
            continue;
        const QString name = QLatin1String(f.name);
        const QVariant v = state.values.contains(name) ? state.value(name) : f.defaultValue;
        if (QString m = limitMessage(f, v); !m.isEmpty())
            return {name, f.specFields.front(), m};
        if (QString m = f.write(v, spec); !m.isEmpty())
            return {name, f.specFields.front(), m};
    }
    return {};
}

core::Spec specFromState(const SetupState& state, SetupError* error) {
    core::Spec spec;
    SetupError e = writeSpec(state, spec, false);
    if (e.isEmpty())
        e = writeSpec(state, spec, true);
    if (error)
        *error = e;
    return spec;
}

SetupState stateFromSpec(const core::Spec& spec) {
    SetupState s = SetupState::defaults();
    for (const FieldDef& f : setupFields())
        if (f.read)
            s.values[QLatin1String(f.name)] = f.read(spec);
    return s;
}

} // namespace attnviz::ui
