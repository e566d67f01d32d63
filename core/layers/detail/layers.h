// Internal to core/layers: the per-layer forward passes that run.cpp
// dispatches to, and the helpers they share. Inputs here are already
// validated. Each layer declares what it emits: axis roles (Axis), parameter
// roles (Param), LayerNorm's epsilon, which inputs are boolean masks.
#pragma once

#include "core/base/eigen_types.h"
#include "core/layers/dropout.h"
#include "core/layers/layer_norm.h"
#include "core/layers/run.h"

#include <map>
#include <string>

namespace attnviz::core::detail {

using Weights = std::map<std::string, Tensor>;

/// Keras MultiHeadAttention (+ optional Add & LayerNorm sub-layer) and
/// GroupQueryAttention (the same pass with Nkv key/value heads repeated to N).
Trace multiHeadAttention(const Spec& spec, ResolvedInputs in, Weights w);
/// Keras Attention (dot or concat scores): core/layers/attention.cpp.
Trace attention(const Spec& spec, ResolvedInputs in, Weights w);
/// Keras AdditiveAttention: core/layers/additive_attention.cpp.
Trace additiveAttention(const Spec& spec, ResolvedInputs in, Weights w);

/// Upper bound on steps per trace (reserved up front so references into
/// Trace::steps stay valid while a layer builds it).
inline constexpr size_t kMaxSteps = 40;

// --- Axes, as the layers declare them ---------------------------------------
inline Axis batchAxis() {
    return {"batch", AxisRole::Batch};
}
inline Axis headAxis() {
    return {"head", AxisRole::Head};
}
inline Axis queryAxis() {
    return {"query", AxisRole::Query};
}
inline Axis sourceAxis() {
    return {"source", AxisRole::Source};
}
/// A feature axis: "feature", "key_dim", "value_dim", "head_dim", "head·value_dim", ...
inline Axis featureAxis(std::string name = "feature") {
    return {std::move(name), AxisRole::Feature};
}
/// (batch, query, feature) and (batch, source, feature): the inputs and outputs.
inline std::vector<Axis> queryRows() {
    return {batchAxis(), queryAxis(), featureAxis()};
}
inline std::vector<Axis> sourceRows() {
    return {batchAxis(), sourceAxis(), featureAxis()};
}

/// A Dense/EinsumDense step's parameters: `<name>/kernel` (and `<name>/bias`).
inline std::vector<Param> denseParams(const std::string& name, bool bias) {
    std::vector<Param> p{{name + "/kernel", ParamRole::Kernel}};
    if (bias)
        p.push_back({name + "/bias", ParamRole::Bias});
    return p;
}

/// An empty trace of this spec's layer, owning its weights, room reserved for its steps.
Trace newTrace(const Spec& spec, Weights weights);

/// What the input steps say: the query, the key (when given) and the value
/// with and without a separate key.
struct InputNotes {
    std::string query, key, value, valueAsKey;
};
/// The query, key (when given) and value input steps.
void addInputs(Trace& trace, ResolvedInputs in, const InputNotes& notes);

/// Append a step; fills bytes and its display from what it declares.
Step& addStep(Trace& trace, Step step);
/// An input step for a given tensor; `booleanMask` marks a 0/1 mask.
void addInputStep(Trace& trace, const std::string& key, const std::string& title, const std::string& explanation,
                  Tensor value, std::vector<Axis> axes, bool booleanMask = false);

/// In training with dropout > 0: append the "dropout" step (inverted dropout
/// of the "weights" step, at Keras' place) and return its key; otherwise
/// return "weights". `note` says which of the two Keras returns.
std::string addDropoutStep(Trace& trace, const Spec& spec, const std::string& note, const std::string& kerasCode);

/// The top-left-aligned causal mask test Keras uses: row >= column.
inline bool causalAllowed(Index t, Index s) {
    return t >= s;
}

std::string fmtInt(Index v);

/// A mask as Keras casts it to bool (nonzero is True), as 0/1 floats.
Tensor castMask(const Tensor& m);

// --- Attention and AdditiveAttention share all but their scores ------------------
/// Attention's and AdditiveAttention's trace up to their scores: the inputs, no projections.
Trace attentionInputs(const Spec& spec, ResolvedInputs in, Weights w);
/// Σ_d weight_d · tanh(innerScale·(q_d + k_d)) · outerScalar for every (b, t, s):
/// AdditiveAttention's scores (weight = its scale vector) and Attention's concat
/// scores (innerScale = scale, outerScalar = concat_score_weight).
void tanhSumScores(const Tensor& q, const Tensor& k, float innerScale, const Eigen::ArrayXf& weight, float outerScalar,
                   bool perFeatureWeight, Tensor& out);
/// Attention's `_apply_scores` and the query-mask zeroing of its `call`, after
/// the "scores" step: the score mask, softmax, dropout, weights · value, the query mask.
void applyScores(Trace& trace, const Spec& spec);

} // namespace attnviz::core::detail
