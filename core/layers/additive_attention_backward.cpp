// The backward pass of the tanh-sum scores (the forward pass is
// detail::tanhSumScores, core/layers/additive_attention.cpp): AdditiveAttention's
// Σ_d scale[d]·tanh(q + k) and Attention(score_mode="concat")'s
// w_c · Σ_d tanh(scale·(q + k)). Float32 products, double sums for the
// scalar weights.
#include "core/layers/detail/backward_steps.h"

#include <cmath>

namespace attnviz::core::detail {

void tanhSumBackward(Index B, Index T, Index S, Index d, const float* q, const float* k, float inner,
                     const float* weight, float outer, const float* dScores, float* dq, float* dk, double* dInner,
                     double* dOuter, float* dWeight) {
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t) {
            const float* qt = q + (b * T + t) * d;
            float* dqt = dq ? dq + (b * T + t) * d : nullptr;
            for (Index s = 0; s < S; ++s) {
                const float g = dScores[(b * T + t) * S + s]; // dL/dL[b,t,s]
                if (g == 0.0f)
                    continue; // masked or unused: contributes nothing
                const float* ks = k + (b * S + s) * d;
                float* dks = dk ? dk + (b * S + s) * d : nullptr;
                double tanhSum = 0;
                for (Index i = 0; i < d; ++i) {
                    const float u = qt[i] + ks[i];
                    const float th = std::tanh(inner * u);
                    const float wi = weight ? weight[i] : 1.0f;
                    tanhSum += double(wi) * double(th);
                    if (dWeight)
                        dWeight[i] += g * outer * th;
                    // d/du of outer·w·tanh(inner·u) = outer·w·inner·(1 − tanh²)
                    const float du = g * outer * wi * (1.0f - th * th);
                    if (dInner)
                        *dInner += double(du) * double(u);
                    if (dqt)
                        dqt[i] += du * inner;
                    if (dks)
                        dks[i] += du * inner;
                }
                if (dOuter)
                    *dOuter += double(g) * tanhSum;
            }
        }
}

} // namespace attnviz::core::detail
