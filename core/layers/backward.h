// The backward pass of the four Keras attention layers, llm.c-style: one
// function per layer that reads the forward pass's own tensors and writes
// the gradients into buffers the caller owns (row-major float32, as
// core/base/eigen_types.h maps them), so a training loop can call it every
// step without allocating; and appendBackward, which runs them on a forward
// trace and appends every gradient as a full step keyed grad/<key>
// (trace-format.md, "Gradients: the backward pass as steps"). Float32, like
// the forward pass; the tests check it against float64 autograd references
// and a double-precision finite-difference check.
//
// Conventions of every kernel below:
// - `*Params` and `*Forward` members are the forward pass's tensors, read
//   only. Shapes are in the comments, with STYLE.md's letters (B, T, S, N, H…).
// - Members of a `*Grads` struct are ACCUMULATED (+=) into, as in llm.c, so
//   the caller zeroes them once per step; the same buffer may be passed for
//   query, key and value of self-attention (x attends to x): the three
//   contributions add up. A null pointer skips that gradient.
// - Members of a `*Work` struct are OVERWRITTEN: the intermediate gradients
//   (they are the grad/ steps of a trace). All are required unless marked
//   optional; sizes are in the comments.
// - Nothing allocates (Eigen's products write into the mapped buffers; only
//   its GEMM blocking could take heap memory, for operands past ~128 KB),
//   throws or checks shapes: appendBackward validates. Serial, deterministic.
//
// Stable API (helper `train` builds core/train on it). Changes are listed here:
//   - appendBackward gained an optional keyPrefix (default "": as before).
#pragma once

#include "core/base/tensor.h"
#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnviz::core {

// ---------------------------------------------------------------------------
// MultiHeadAttention and GroupQueryAttention (Nkv < N: query head n reads
// key/value head n / (N / Nkv)); keras multi_head_attention.py and
// grouped_query_attention.py, `_compute_attention` and `call`.

struct MhaDims {
    Index B = 0, T = 0, S = 0;    // batch, query length, key/value length
    Index Eq = 0, Ek = 0, Ev = 0; // query, key, value widths (Ek = Ev when key := value)
    Index N = 0, Nkv = 0;         // query heads; key/value heads (= N for MultiHeadAttention)
    Index H = 0, Hv = 0;          // key_dim (head_dim); value_dim (head_dim for GQA)
    Index Eout = 0;               // output width
    bool bias = true;             // use_bias: the biases exist
    bool gate = false;            // use_gate
    float queryScale = 1.0f;      // the factor on the projected query: 1/√H (Keras)
};

struct MhaParams {                       // the layer's kernels (biases are not needed backward)
    const float* queryKernel = nullptr;  // (Eq, N, H)
    const float* keyKernel = nullptr;    // (Ek, Nkv, H)
    const float* valueKernel = nullptr;  // (Ev, Nkv, Hv)
    const float* outputKernel = nullptr; // (N, Hv, Eout)
    const float* gateKernel = nullptr;   // (Eq, N, Hv), when gate
};

struct MhaForward {                      // what the forward pass computed
    const float* query = nullptr;        // (B, T, Eq)
    const float* key = nullptr;          // (B, S, Ek): the value tensor when no key is given
    const float* value = nullptr;        // (B, S, Ev)
    const float* scaledQuery = nullptr;  // (B, T, N, H)    Q̃ = Q · queryScale
    const float* keyDense = nullptr;     // (B, S, Nkv, H)  K
    const float* valueDense = nullptr;   // (B, S, Nkv, Hv) V
    const float* weights = nullptr;      // (B, N, T, S)    P, masked cells 0 (Keras zeroes them)
    const float* dropped = nullptr;      // (B, N, T, S)    P̂ after dropout; nullptr: no dropout
    const float* dropoutScale = nullptr; // (B, N, T, S)    1/(1 − rate) where kept, 0 where dropped; with dropped
    const float* context = nullptr;      // (B, T, N, Hv)   C (before the gate)
    const float* gate = nullptr;         // (B, T, N, Hv)   σ(query·W_g + b_g), when gate
    const float* gatedContext = nullptr; // (B, T, N, Hv)   C ⊙ G, what output_dense read, when gate
};

struct MhaWork {                   // the intermediate gradients, overwritten
    float* gatedContext = nullptr; // (B, T, N, Hv)   dC_g = dY · W_oᵀ (when gate; else unused)
    float* gate = nullptr;         // (B, T, N, Hv)   dG = dC_g ⊙ C (when gate)
    float* gateLogits = nullptr;   // (B, T, N, Hv)   dG ⊙ G(1 − G) (when gate)
    float* context = nullptr;      // (B, T, N, Hv)   dC
    float* dropped = nullptr;      // (B, N, T, S)    dP̂ (with dropout; else unused)
    float* weights = nullptr;      // (B, N, T, S)    dP
    float* scores = nullptr;       // (B, N, T, S)    dS = P ∘ (dP − rowsum(dP ∘ P)), 0 on masked cells
    float* scaledQuery = nullptr;  // (B, T, N, H)    dQ̃ = dS · K
    float* queryDense = nullptr;   // (B, T, N, H)    dQ = dQ̃ · queryScale
    float* keyRepeated =
        nullptr; // (B, S, N, H)    dKʳ = dSᵀ · Q̃  (optional when Nkv = N: then keyDense is written directly)
    float* valueRepeated = nullptr; // (B, S, N, Hv)   dVʳ = P̂ᵀ · dC  (optional when Nkv = N)
    float* keyDense = nullptr;      // (B, S, Nkv, H)  dK: each group's repeats summed
    float* valueDense = nullptr;    // (B, S, Nkv, Hv) dV
};

struct MhaGrads {           // accumulated (+=)
    float* query = nullptr; // (B, T, Eq)
    float* key = nullptr;   // (B, S, Ek): pass the value's gradient when key := value
    float* value = nullptr; // (B, S, Ev)
    float* queryKernel = nullptr;
    float* queryBias = nullptr; // (Eq, N, H), (N, H)
    float* keyKernel = nullptr;
    float* keyBias = nullptr; // (Ek, Nkv, H), (Nkv, H)
    float* valueKernel = nullptr;
    float* valueBias = nullptr; // (Ev, Nkv, Hv), (Nkv, Hv)
    float* outputKernel = nullptr;
    float* outputBias = nullptr; // (N, Hv, Eout), (Eout)
    float* gateKernel = nullptr;
    float* gateBias = nullptr; // (Eq, N, Hv), (N, Hv)
};

/// dL/d(every input and weight) of MultiHeadAttention / GroupQueryAttention
/// from dL/d output, outputGrad (B, T, Eout). Masks need no argument: the
/// forward weights are 0 on masked cells and in fully masked rows, and the
/// softmax backward is P ∘ (…), so dS is 0 there.
void mhaBackward(const MhaDims& d, const MhaParams& p, const MhaForward& f, const float* outputGrad, MhaWork& w,
                 MhaGrads& g);

// ---------------------------------------------------------------------------
// Attention (dot or concat scores) and AdditiveAttention; keras attention.py
// (`_calculate_scores`, `_apply_scores`, `call`) and additive_attention.py.

enum class ScoreKind { Dot, Concat, Additive };

struct AttentionDims {
    Index B = 0, T = 0, S = 0;
    Index d = 0;  // query and key width
    Index dv = 0; // value width = output width
    ScoreKind score = ScoreKind::Dot;
    bool useScale = false; // the `scale` weight exists
};

struct AttentionForward {
    const float* query = nullptr;             // (B, T, d)
    const float* key = nullptr;               // (B, S, d): the value when no key is given
    const float* value = nullptr;             // (B, S, dv)
    const float* weights = nullptr;           // (B, T, S) P
    const float* dropped = nullptr;           // (B, T, S) P̂ after dropout; nullptr: no dropout
    const float* dropoutScale = nullptr;      // (B, T, S) 1/(1 − rate) kept, 0 dropped; with dropped
    const float* scoreMask = nullptr;         // (B, T, S) 1 = may attend (value mask ∧ causal); nullptr: none.
                                              // A row that is all 0 gets dS = 0 (trace-format.md).
    const float* queryMask = nullptr;         // (B, T) 1 = real query; nullptr: none (zeroes output rows)
    const float* scale = nullptr;             // () for Attention, (d) for AdditiveAttention; nullptr: no scale
    const float* concatScoreWeight = nullptr; // () for score_mode="concat"
    const float* dotScores = nullptr;         // (B, T, S) q·kᵀ before the scale: Dot with use_scale
};

struct AttentionWork {
    float* context = nullptr;   // (B, T, dv) dO = dout ⊙ query_mask (the gradient of `context` when masked)
    float* dropped = nullptr;   // (B, T, S) dP̂ (with dropout)
    float* weights = nullptr;   // (B, T, S) dP
    float* scores = nullptr;    // (B, T, S) dS
    float* dotScores = nullptr; // (B, T, S) d(q·kᵀ) = scale · dS (Dot with use_scale; optional)
};

struct AttentionGrads {                 // accumulated (+=)
    float* query = nullptr;             // (B, T, d)
    float* key = nullptr;               // (B, S, d): pass the value's gradient when key := value (d = dv then)
    float* value = nullptr;             // (B, S, dv)
    float* scale = nullptr;             // () or (d)
    float* concatScoreWeight = nullptr; // ()
};

/// dL/d(inputs and weights) of Attention / AdditiveAttention from dL/d output (B, T, dv).
void attentionBackward(const AttentionDims& d, const AttentionForward& f, const float* outputGrad, AttentionWork& w,
                       AttentionGrads& g);

// ---------------------------------------------------------------------------
// The Transformer sub-layer: LayerNormalization(epsilon=1e-3) over the last
// axis, and the residual Add before it.

/// y = (x − μ)/√(σ² + ε) · γ + β per row of E; μ, σ² recomputed from x in
/// double (as the forward pass). dx, dgamma, dbeta accumulate (+=).
void layerNormBackward(Index rows, Index E, const float* x, const float* gamma, double epsilon, const float* dy,
                       float* dx, float* dgamma, float* dbeta);

// ---------------------------------------------------------------------------
// Helpers

/// Keras MHA's inverted-dropout mask as this core's forward pass draws it
/// (core::detail::dropoutInPlace): 1/(1 − rate) where kept, 0 where dropped,
/// for `count` elements and this seed.
std::vector<float> dropoutScaleMask(Index count, float rate, std::uint64_t seed);

// ---------------------------------------------------------------------------
// Steps

/// Run the backward pass on a forward trace of `spec` (core::run's) and
/// append every gradient as a step keyed grad/<key>, in the order computed.
/// outputGrad is dL/d output (dL/d layer_norm with the Transformer
/// sub-layer), the shape of that step; an empty tensor means all ones.
/// Throws SpecError("backward.output_grad") for a wrong shape.
/// keyPrefix: the layer's steps and params are keyed P + key (a block of a
/// model, "block0/"); its gradient steps are then grad/P key.
void appendBackward(Trace& trace, const Spec& spec, const Tensor& outputGrad, const std::string& keyPrefix = "");

/// The gradient the spec asks for (spec.backward): its file's tensor, or all
/// ones of `shape` when it gives none.
Tensor backwardSeed(const Spec& spec, const Shape& shape);

} // namespace attnviz::core
