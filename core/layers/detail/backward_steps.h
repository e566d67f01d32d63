// Internal: what the backward files share. A gradient step is added like a
// forward one (detail::addStep), then shown as signed numbers with the
// masked cells of its forward step; and the per-layer step builders that
// core::appendBackward dispatches to.
#pragma once

#include "core/layers/backward.h"
#include "core/layers/detail/layers.h"

#include <string>
#include <vector>

namespace attnviz::core::detail {

/// Append a gradient step: detail::addStep, then ValueKind::Signed with the
/// masked cells of the step `maskLike` (empty or absent: none). With a key
/// prefix P, the step's key grad/x becomes grad/P x, its inputs x become P x
/// (grad/x: grad/P x), its params and maskLike P x.
Step& addGradStep(Trace& trace, Step step, const std::string& maskLike, const std::string& prefix = "");

/// The axes of a gradient step, declared by name: batch, head, query and
/// source have those roles, every other name (feature, key_dim, value_dim,
/// head_dim) is a feature axis.
std::vector<Axis> gradAxes(const std::vector<std::string>& names);
/// The parameters a gradient step reads or is the gradient of, by key: the
/// role from the key (…/kernel, …/bias, …/gamma, …/beta, scale, concat_score_weight).
std::vector<Param> gradParams(const std::vector<std::string>& keys);

/// A dense layer's backward on rows of x: dW += xᵀ·dy, db += Σ_rows dy (when
/// db), and dx += dy·Wᵀ (or dx = dy·Wᵀ when !accumulateDx; skipped when dx is null).
void denseBackward(Index rows, Index din, Index dout, const float* x, const float* W, const float* dy, float* dx,
                   bool accumulateDx, float* dW, float* db);

/// FLOPs of denseBackward (the three products and the bias sum).
double denseBackwardFlops(Index rows, Index din, Index dout, bool bias);

/// The gradient steps of MultiHeadAttention / GroupQueryAttention (with the
/// Transformer sub-layer when the config has it), seed = dL/d output (or
/// dL/d layer_norm).
void appendMhaBackward(Trace& trace, const Spec& spec, const Tensor& seed, const std::string& prefix);
/// The gradient steps of Attention and AdditiveAttention.
void appendAttentionBackward(Trace& trace, const Spec& spec, const Tensor& seed, const std::string& prefix);

/// The tanh-sum score backward (AdditiveAttention; Attention's concat mode):
/// L[b,t,s] = outer · Σ_d weight[d] · tanh(inner · (q[b,t,d] + k[b,s,d])).
/// dq, dk accumulate; dInner accumulates dL/d inner (concat's scale), dOuter
/// dL/d outer (concat_score_weight), dWeight (d) dL/d weight (additive's
/// scale vector); each may be null.
void tanhSumBackward(Index B, Index T, Index S, Index d, const float* q, const float* k, float inner,
                     const float* weight, float outer, const float* dScores, float* dq, float* dk, double* dInner,
                     double* dOuter, float* dWeight);

} // namespace attnviz::core::detail
