// See forward_kernels.h. The traced passes are multi_head_attention.cpp and
// attention.cpp, additive_attention.cpp; each line says which of their steps it computes.
#include "core/layers/forward_kernels.h"

#include "core/base/eigen_types.h"
#include "core/base/gemm.h"
#include "core/base/softmax.h"

#include <cmath>

namespace attnviz::core {

namespace {

// Y (m × n) = X (m × k) · W (k × n) + b: an EinsumDense over the last axis.
void dense(const float* X, Index m, Index k, const float* W, Index n, const float* b, float* Y) {
    MatrixMap y(Y, m, n);
    if (b)
        y.rowwise() = Eigen::Map<const RowVectorF>(b, n);
    else
        y.setZero();
    gemm(false, false, m, n, k, X, k, W, n, Y, n, true);
}

} // namespace

void mhaForward(const MhaDims& d, const MhaParams& p, const MhaBiases& bias, const float* query, const float* key,
                const float* value, const std::uint8_t* mask, MhaOutputs& out) {
    const Index B = d.B, T = d.T, S = d.S, N = d.N, Nkv = d.Nkv, G = N / Nkv, H = d.H, Hv = d.Hv;
    // query_dense, key_dense, value_dense: (B·T, N·H), (B·S, Nkv·H), (B·S, Nkv·Hv)
    dense(query, B * T, d.Eq, p.queryKernel, N * H, bias.query, out.scaledQuery);
    dense(key, B * S, d.Ek, p.keyKernel, Nkv * H, bias.key, out.keyDense);
    dense(value, B * S, d.Ev, p.valueKernel, Nkv * Hv, bias.value, out.valueDense);
    // scaled_query: Keras multiplies the projected query by 1/√H
    Eigen::Map<Eigen::ArrayXf>(out.scaledQuery, B * T * N * H) *= d.queryScale;
    // scores of every (batch, head), masked_scores, then one softmax over all
    // their rows (short rows are vectorised across rows), weights, context.
    for (Index b = 0; b < B; ++b)
        for (Index n = 0; n < N; ++n) {
            ConstStridedMap q(out.scaledQuery + (b * T * N + n) * H, T, H, Stride(N * H));      // (T, H)
            ConstStridedMap k(out.keyDense + (b * S * Nkv + n / G) * H, S, H, Stride(Nkv * H)); // (S, H)
            float* w = out.weights + (b * N + n) * T * S;
            MatrixMap(w, T, S).noalias() = q * k.transpose(); // (T, S) scores
            if (mask) // where(mask, scores, −1e9), as Keras' Softmax with a mask
                for (Index i = 0; i < T * S; ++i)
                    if (!mask[i])
                        w[i] = -1e9f;
        }
    softmaxRowsSerial(out.weights, out.weights, B * N * T, S);
    for (Index b = 0; b < B; ++b)
        for (Index n = 0; n < N; ++n) {
            float* w = out.weights + (b * N + n) * T * S;
            if (mask) // Keras ≥ 3.14 zeroes the masked weights: a fully masked row is all 0
                for (Index i = 0; i < T * S; ++i)
                    if (!mask[i])
                        w[i] = 0.0f;
            ConstStridedMap v(out.valueDense + (b * S * Nkv + n / G) * Hv, S, Hv, Stride(Nkv * Hv)); // (S, Hv)
            StridedMap c(out.context + (b * T * N + n) * Hv, T, Hv, Stride(N * Hv));                 // (T, Hv)
            c.noalias() = ConstMatrixMap(w, T, S) * v;
        }
    const float* ctx = out.context;
    if (d.gate) { // gate = σ(query·W_g + b_g); gated_context = context ⊙ gate
        dense(query, B * T, d.Eq, p.gateKernel, N * Hv, bias.gate, out.gate);
        for (Index i = 0; i < B * T * N * Hv; ++i) {
            out.gate[i] = 1.0f / (1.0f + std::exp(-out.gate[i]));
            out.gatedContext[i] = out.context[i] * out.gate[i];
        }
        ctx = out.gatedContext;
    }
    dense(ctx, B * T, N * Hv, p.outputKernel, d.Eout, bias.output, out.output); // output: (B·T, Eout)
}

void attentionForward(const AttentionDims& d, const float* query, const float* key, const float* value,
                      const float* scale, const float* concatScoreWeight, const std::uint8_t* mask,
                      AttentionOutputs& out) {
    const Index B = d.B, T = d.T, S = d.S, D = d.d, dv = d.dv;
    for (Index b = 0; b < B; ++b) {
        const float* qb = query + b * T * D;
        const float* kb = key + b * S * D;
        float* w = out.weights + b * T * S;
        MatrixMap P(w, T, S); // (T, S)
        if (d.score == ScoreKind::Dot) {
            // scores = q·kᵀ (dot_scores), times the learned scalar with use_scale
            P.noalias() = ConstMatrixMap(qb, T, D) * ConstMatrixMap(kb, S, D).transpose();
            if (d.useScale) {
                std::copy_n(w, T * S, out.dotScores + b * T * S);
                P *= scale[0];
            }
        } else {
            // concat: w_c · Σ_d tanh(scale·(q + k)); additive: Σ_d scale[d]·tanh(q + k)
            const bool concat = d.score == ScoreKind::Concat;
            const float inner = concat && d.useScale ? scale[0] : 1.0f;
            const float outer = concat ? concatScoreWeight[0] : 1.0f;
            const float* sv = !concat && d.useScale ? scale : nullptr;
            for (Index t = 0; t < T; ++t)
                for (Index s = 0; s < S; ++s) {
                    const float* qt = qb + t * D;
                    const float* ks = kb + s * D;
                    float sum = 0;
                    for (Index e = 0; e < D; ++e) {
                        const float th = std::tanh(concat ? inner * (qt[e] + ks[e]) : qt[e] + ks[e]);
                        sum += sv ? sv[e] * th : th;
                    }
                    w[t * S + s] = outer * sum;
                }
        }
        if (mask) // masked_scores: Keras' Attention subtracts 1e9 where the mask is False
            for (Index i = 0; i < T * S; ++i)
                if (!mask[i])
                    w[i] -= 1e9f;
    }
    softmaxRowsSerial(out.weights, out.weights, B * T, S); // weights
    for (Index b = 0; b < B; ++b)                          // output = weights · value
        MatrixMap(out.output + b * T * dv, T, dv).noalias() =
            ConstMatrixMap(out.weights + b * T * S, T, S) * ConstMatrixMap(value + b * S * dv, S, dv);
}

} // namespace attnviz::core
