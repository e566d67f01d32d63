// The forward passes of the four Keras attention layers as kernels on
// caller-owned buffers, for a training loop (core/train): the same maths as
// the traced passes (multi_head_attention.cpp, attention.cpp, additive_attention.cpp) without
// building steps, writing exactly the tensors backward.h's kernels read.
// Float32, no allocation after a thread's first call of a size (products go
// through core/base/gemm.h), no checks: the caller validated the shapes.
// Masks: one (T, S) pattern shared by every batch row and head (causal,
// sliding window), 1 = may attend; null: none.
#pragma once

#include "core/layers/backward.h"

#include <cstdint>

namespace attnviz::core {

struct MhaBiases {                 // null when use_bias is false
    const float* query = nullptr;  // (N, H)
    const float* key = nullptr;    // (Nkv, H)
    const float* value = nullptr;  // (Nkv, Hv)
    const float* output = nullptr; // (Eout)
    const float* gate = nullptr;   // (N, Hv), when gate
};

struct MhaOutputs {                // what MhaForward then points at
    float* scaledQuery = nullptr;  // (B, T, N, H)    Q̃ = (query·W_q + b_q) · queryScale
    float* keyDense = nullptr;     // (B, S, Nkv, H)
    float* valueDense = nullptr;   // (B, S, Nkv, Hv)
    float* weights = nullptr;      // (B, N, T, S)    softmax(where(mask, S, −1e9)), masked cells 0
    float* context = nullptr;      // (B, T, N, Hv)
    float* gate = nullptr;         // (B, T, N, Hv)   σ(query·W_g + b_g), when gate
    float* gatedContext = nullptr; // (B, T, N, Hv)   when gate
    float* output = nullptr;       // (B, T, Eout)
};

/// MultiHeadAttention / GroupQueryAttention (`_compute_attention` and `call`,
/// Keras 3.16), without dropout. key may equal value (no key given).
void mhaForward(const MhaDims& d, const MhaParams& p, const MhaBiases& b, const float* query, const float* key,
                const float* value, const std::uint8_t* mask, MhaOutputs& out);

struct AttentionOutputs {
    float* weights = nullptr;   // (B, T, S) softmax(scores − 1e9 where masked)
    float* dotScores = nullptr; // (B, T, S) q·kᵀ before the scale: Dot with use_scale (AttentionForward::dotScores)
    float* output = nullptr;    // (B, T, dv) weights · value
};

/// Attention (dot or concat) and AdditiveAttention (`_calculate_scores`,
/// `_apply_scores`), without dropout or a query mask. scale: () for
/// Attention, (d) for AdditiveAttention, null without use_scale.
void attentionForward(const AttentionDims& d, const float* query, const float* key, const float* value,
                      const float* scale, const float* concatScoreWeight, const std::uint8_t* mask,
                      AttentionOutputs& out);

} // namespace attnviz::core
