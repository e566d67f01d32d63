// Keras 3.16's own source lines that the layers' steps run, each written once:
// the layers put them in Step::kerasCode, and core/teach/keras_listing shows
// them in context (keras/src/layers/attention/{multi_head_attention,
// grouped_query_attention,attention,additive_attention}.py and
// keras/src/layers/activations/softmax.py). tests/core/test_attention_family
// checks that every step's line stands in its listing.
#pragma once

#include <string>

namespace attnviz::core::keras_source {

// --- MultiHeadAttention and GroupQueryAttention -----------------------------

/// The lines that differ between the two head layers (MultiHeadAttention
/// names its tensors attention_scores / attention_output, GroupQueryAttention
/// scores / output).
struct HeadsLines {
    const char* scaleQuery;
    const char* scores;
    const char* maskedSoftmax;
    const char* dropout;
    const char* context;
    const char* gate;
    const char* gatedContext;
    const char* attentionMaskCast;
    const char* outputVar;   // the variable the output projection reads and writes
    const char* outputEq;    // the output EinsumDense's equation
    const char* headDimName; // what heads are contracted with in the output
};

inline constexpr HeadsLines kMultiHeadAttention{
    .scaleQuery = "query = ops.multiply(query, ops.cast(self._inverse_sqrt_key_dim, query.dtype))",
    .scores = "attention_scores = ops.einsum(self._dot_product_equation, key, query)",
    .maskedSoftmax = "attention_scores = self._masked_softmax(attention_scores, attention_mask)",
    .dropout = "final_attn_scores = self._dropout_layer(attention_scores, training=training)",
    .context = "attention_output = ops.einsum(self._combine_equation, final_attn_scores, value)",
    .gate = "gate = self._gate_dense(query)  # EinsumDense(\"abc,cde->abde\", activation=\"sigmoid\")",
    .gatedContext = "ops.multiply(attention_output, gate)",
    .attentionMaskCast = "attention_mask = ops.cast(attention_mask, \"bool\")",
    .outputVar = "attention_output",
    .outputEq = "abcd,cde->abe",
    .headDimName = "value_dim",
};

inline constexpr HeadsLines kGroupQueryAttention{
    .scaleQuery = "query = ops.multiply(query, ops.cast(self._inverse_sqrt_head_dim, query.dtype))",
    .scores = "scores = ops.einsum(self._dot_product_equation, query, key)",
    .maskedSoftmax = "scores = self._masked_softmax(scores, attention_mask=attention_mask)",
    .dropout = "scores_dropout = self._dropout_layer(scores, training=training)",
    .context = "output = ops.einsum(self._combine_equation, scores_dropout, value)",
    .gate = "gate = self._gate_dense(query)  # EinsumDense(\"bqm,muh->bquh\", activation=\"sigmoid\")",
    .gatedContext = "ops.multiply(output, gate)",
    .attentionMaskCast = "ops.cast(attention_mask, bool) & auto_mask",
    .outputVar = "output",
    .outputEq = "bquh,uhm->bqm",
    .headDimName = "head_dim",
};

inline const HeadsLines& headsLines(bool gqa) {
    return gqa ? kGroupQueryAttention : kMultiHeadAttention;
}

/// `query = self._query_dense(query)  # EinsumDense("abc,cde->abde")`, for query, key or value.
inline std::string denseLine(const std::string& name, bool gqa) {
    const std::string eq = !gqa ? "abc,cde->abde" : name == "query" ? "bqm,muh->bquh" : "bkm,mvh->bkvh";
    return name + " = self._" + name + "_dense(" + name + ")  # EinsumDense(\"" + eq + "\")";
}

/// GroupQueryAttention's `key = ops.repeat(key, self.num_repeats, axis=2)` (key or value).
inline std::string repeatLine(const std::string& name) {
    return name + " = ops.repeat(" + name + ", self.num_repeats, axis=2)";
}

/// The comment on the heads' concatenation, which Keras does inside the output EinsumDense.
inline std::string concatHeadsLine(const HeadsLines& h) {
    return std::string("# implicit in EinsumDense(\"") + h.outputEq + "\"): heads and " + h.headDimName +
           " are contracted together";
}

/// The output projection, of the gated context with use_gate.
inline std::string outputLine(const HeadsLines& h, bool gate) {
    const std::string v = h.outputVar;
    return gate ? v + " = self._output_dense(ops.multiply(" + v + ", gate))"
                : v + " = self._output_dense(" + v + ")  # EinsumDense(\"" + h.outputEq + "\")";
}

inline constexpr const char* kQueryMaskExpand = "auto_mask = ops.expand_dims(query_mask, -1)  # [B, T, 1]";
inline constexpr const char* kValueMaskExpand = "mask = ops.expand_dims(value_mask, -2)  # [B, 1, S]";
inline constexpr const char* kKeyMaskExpand = "mask = ops.expand_dims(key_mask, -2)  # [B, 1, S]";
inline constexpr const char* kCausalMask = "mask = self._compute_causal_mask(query, value)  # [1, T, S]";
inline constexpr const char* kSlidingWindowMask = "mask = self._compute_sliding_window_mask(query, value)  # [1, T, S]";
inline constexpr const char* kCausalOnlyMask = "causal_mask = self._compute_causal_mask(query, value)";
inline constexpr const char* kComputeAttentionMask = "attention_mask = self._compute_attention_mask(";
/// Softmax(axis=-1).call(inputs, mask): masked logits replaced by -1e9.
inline constexpr const char* kSoftmaxMaskedLogits =
    "inputs = backend.numpy.where(mask, inputs, _large_negative_number(inputs.dtype))";

// The Transformer sub-layer around MultiHeadAttention (post-norm).
inline constexpr const char* kResidualAdd = "x = layers.Add()([x, attn_output])";
inline constexpr const char* kLayerNorm = "x = layers.LayerNormalization()(x)  # epsilon=1e-3, axis=-1";

// --- Attention and AdditiveAttention ----------------------------------------

inline constexpr const char* kDotScores = "scores = ops.matmul(query, ops.swapaxes(key, -2, -1))";
inline constexpr const char* kScaleScores = "scores = ops.multiply(scores, self.scale)";
inline constexpr const char* kConcatScoresScaled =
    "scores = self.concat_score_weight * ops.sum(ops.tanh(self.scale * (q_reshaped + k_reshaped)), axis=-1)";
inline constexpr const char* kConcatScores =
    "scores = self.concat_score_weight * ops.sum(ops.tanh(q_reshaped + k_reshaped), axis=-1)";
inline constexpr const char* kAdditiveScores =
    "return ops.sum(scale * ops.tanh(q_reshaped + k_reshaped), axis=-1)  # scale = self.scale if self.use_scale else "
    "1.0";
inline constexpr const char* kMaskedScores = "scores = ops.where(padding_mask, scores - max_value, scores)";
inline constexpr const char* kSoftmax = "weights = ops.softmax(scores, axis=-1)";
inline constexpr const char* kDropout =
    "weights = backend.random.dropout(weights, self.dropout, seed=self.seed_generator)";
inline constexpr const char* kWeightedValues = "return ops.matmul(weights, value), weights";
inline constexpr const char* kQueryMaskOutput = "attention_output = ops.where(q_mask, attention_output, 0)";

} // namespace attnviz::core::keras_source
