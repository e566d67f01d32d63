// Test helpers shared by the core tests: a step's tensor by key, a random 0/1
// mask, and MultiHeadAttention / GroupQueryAttention written as plain loops in
// double precision (keras-attention-semantics.md §1 and §5), the reference the
// random-configuration tests compare the core with.
#pragma once

#include "core/layers/run.h"
#include "core/base/random.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnviz::testing {

using core::Index;
using core::LayerConfig;
using core::Rng;
using core::Shape;
using core::Spec;
using core::Step;
using core::Tensor;
using core::Trace;

inline const Tensor& stepValue(const Trace& t, const std::string& key) {
    const Step* s = t.find(key);
    if (!s)
        throw std::runtime_error("no step " + key);
    return s->value;
}

inline Tensor randomMask(Shape shape, std::uint64_t seed, double pTrue) {
    Tensor m(std::move(shape));
    Rng rng(seed);
    for (float& x : m.values())
        x = rng.uniform() < pTrue ? 1.0f : 0.0f;
    return m;
}

struct Naive {
    Tensor weights; // (B, N, T, S)
    Tensor output;  // (B, T, O)
};

// MultiHeadAttention / GroupQueryAttention as plain loops in double precision:
// query head n reads key/value head n / (N / Nkv); masks AND-ed (padding,
// causal, |t - s| < w, attention_mask of rank 2, 3 or 4 cast with != 0);
// Softmax replaces masked logits by -1e9 and zeroes masked weights; the gate
// is sigmoid(query · W_g + b_g) and the output reads context ⊙ gate.
inline Naive naive(const Spec& spec, const Trace& trace) {
    const Tensor& q = stepValue(trace, "query");
    const Tensor& v = stepValue(trace, "value");
    const Tensor& k = trace.find("key") ? stepValue(trace, "key") : v;
    const auto& w = trace.params;
    const LayerConfig& c = spec.config;
    const Index B = q.dim(0), T = q.dim(1), S = v.dim(1);
    const Index N = c.numHeads, Nkv = c.kvHeads(), G = N / Nkv, H = c.keyDim, Hv = c.effectiveValueDim();
    const Tensor& Wo = w.at("output_dense/kernel");
    const Index O = Wo.dim(2);
    auto bias = [&](const std::string& name, Index i) { return c.useBias ? double(w.at(name).data()[i]) : 0.0; };
    auto project = [&](const Tensor& x, const std::string& name, Index L, Index heads, Index D) {
        const Tensor& K = w.at(name + "/kernel");
        const Index din = x.dim(2);
        std::vector<double> out(size_t(B * L * heads * D));
        for (Index b = 0; b < B; ++b)
            for (Index l = 0; l < L; ++l)
                for (Index n = 0; n < heads; ++n)
                    for (Index d = 0; d < D; ++d) {
                        double acc = bias(name + "/bias", n * D + d);
                        for (Index e = 0; e < din; ++e)
                            acc += double(x.data()[(b * L + l) * din + e]) * K.data()[(e * heads + n) * D + d];
                        out[size_t(((b * L + l) * heads + n) * D + d)] = acc;
                    }
        return out;
    };
    const auto Q = project(q, "query_dense", T, N, H), Kp = project(k, "key_dense", S, Nkv, H),
               V = project(v, "value_dense", S, Nkv, Hv);
    std::vector<double> Gt;
    if (c.useGate)
        Gt = project(q, "gate_dense", T, N, Hv);
    auto amAllowed = [&](Index b, Index n, Index t, Index s) {
        const Tensor& m = *spec.attentionMask;
        const Index bb = m.rank() >= 3 && m.dim(0) == 1 ? 0 : b;
        float x = 0;
        if (m.rank() == 2)
            x = m.data()[t * S + s];
        else if (m.rank() == 3)
            x = m.data()[(bb * T + t) * S + s];
        else
            x = m.data()[((bb * m.dim(1) + (m.dim(1) == 1 ? 0 : n)) * T + t) * S + s];
        return x != 0.0f;
    };
    Naive out{Tensor({B, N, T, S}), Tensor({B, T, O})};
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t) {
            std::vector<double> ctx(size_t(N * Hv), 0.0);
            for (Index n = 0; n < N; ++n) {
                std::vector<double> logits(static_cast<size_t>(S));
                std::vector<bool> ok(static_cast<size_t>(S), true);
                for (Index s = 0; s < S; ++s) {
                    double dot = 0;
                    for (Index h = 0; h < H; ++h)
                        dot += Q[size_t(((b * T + t) * N + n) * H + h)] / std::sqrt(double(H)) *
                               Kp[size_t(((b * S + s) * Nkv + n / G) * H + h)];
                    bool allowed = true;
                    if (spec.queryMask)
                        allowed = allowed && spec.queryMask->data()[b * T + t] != 0;
                    if (spec.valueMask)
                        allowed = allowed && spec.valueMask->data()[b * S + s] != 0;
                    if (spec.keyMask)
                        allowed = allowed && spec.keyMask->data()[b * S + s] != 0;
                    if (spec.call.useCausalMask)
                        allowed = allowed && s <= t;
                    if (c.slidingWindow)
                        allowed = allowed && std::abs(double(t - s)) < double(*c.slidingWindow);
                    if (spec.attentionMask)
                        allowed = allowed && amAllowed(b, n, t, s);
                    ok[size_t(s)] = allowed;
                    logits[size_t(s)] = allowed ? dot : -1e9;
                }
                double mx = -1e300, sum = 0;
                for (double l : logits)
                    mx = std::max(mx, l);
                for (double& l : logits)
                    sum += (l = std::exp(l - mx));
                for (Index s = 0; s < S; ++s) {
                    const double p = ok[size_t(s)] ? logits[size_t(s)] / sum : 0.0;
                    out.weights.data()[((b * N + n) * T + t) * S + s] = float(p);
                    for (Index d = 0; d < Hv; ++d)
                        ctx[size_t(n * Hv + d)] += p * V[size_t(((b * S + s) * Nkv + n / G) * Hv + d)];
                }
            }
            if (c.useGate)
                for (Index i = 0; i < N * Hv; ++i)
                    ctx[size_t(i)] *= 1.0 / (1.0 + std::exp(-Gt[size_t((b * T + t) * N * Hv + i)]));
            for (Index o = 0; o < O; ++o) {
                double acc = bias("output_dense/bias", o);
                for (Index i = 0; i < N * Hv; ++i)
                    acc += ctx[size_t(i)] * Wo.data()[i * O + o];
                out.output.data()[(b * T + t) * O + o] = float(acc);
            }
        }
    return out;
}

} // namespace attnviz::testing
