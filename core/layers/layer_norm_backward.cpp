// The backward pass of the Transformer sub-layer's LayerNormalization
// (epsilon 1e-3, over the last axis; the forward pass is the end of
// multi_head_attention.cpp). The residual Add before it passes its gradient
// to both operands unchanged, so it needs no kernel.
#include "core/layers/backward.h"

#include <cmath>

namespace attnviz::core {

void layerNormBackward(Index rows, Index E, const float* x, const float* gamma, double epsilon, const float* dy,
                       float* dx, float* dgamma, float* dbeta) {
    for (Index r = 0; r < rows; ++r) {
        const float* xr = x + r * E;
        const float* g = dy + r * E;
        // μ and σ² as the forward pass computes them (in double).
        double mean = 0;
        for (Index e = 0; e < E; ++e)
            mean += xr[e];
        mean /= double(E);
        double var = 0;
        for (Index e = 0; e < E; ++e)
            var += (xr[e] - mean) * (xr[e] - mean);
        var /= double(E);
        const double rstd = 1.0 / std::sqrt(var + epsilon);
        // dx̂ = dy ∘ γ; dx = rstd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ∘ x̂)).
        double m1 = 0, m2 = 0;
        for (Index e = 0; e < E; ++e) {
            const double xh = (xr[e] - mean) * rstd;
            const double dxh = double(g[e]) * double(gamma[e]);
            m1 += dxh;
            m2 += dxh * xh;
            if (dgamma)
                dgamma[e] += float(double(g[e]) * xh);
            if (dbeta)
                dbeta[e] += g[e];
        }
        m1 /= double(E);
        m2 /= double(E);
        if (dx)
            for (Index e = 0; e < E; ++e) {
                const double xh = (xr[e] - mean) * rstd;
                const double dxh = double(g[e]) * double(gamma[e]);
                dx[r * E + e] += float(rstd * (dxh - m1 - xh * m2));
            }
    }
}

} // namespace attnviz::core
