// Internal: the per-layer forward passes that attention.cpp dispatches to,
// and the helpers they share. Inputs here are already validated.
#pragma once

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
/// Keras Attention (dot or concat) and AdditiveAttention.
Trace dotOrAdditiveAttention(const Spec& spec, ResolvedInputs in, Weights w);

/// Upper bound on steps per trace (reserved up front so references into
/// Trace::steps stay valid while a layer builds it).
inline constexpr size_t kMaxSteps = 40;

/// Append a step; fills bytes from the tensor.
Step& addStep(Trace& trace, Step step);
/// An input step for a given tensor.
void addInputStep(Trace& trace, const std::string& key, const std::string& title, const std::string& explanation,
                  Tensor value, std::vector<std::string> axes);

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

} // namespace attnviz::core::detail
