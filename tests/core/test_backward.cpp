// The backward pass (core/layers/backward.h), checked independently of the
// float64 autograd references: every gradient of the four layers — inputs and
// weights — against central finite differences of a plain double-precision
// forward pass written out here, over 40 random configurations that reach
// every option; then the invariants (softmax-backward rows sum to 0, masked
// cells get 0, a kernel's gradient is a sum of outer products over
// positions), the dropout mask the backward reuses, the kernels' accumulate
// convention, and spec.json's "backward".
#include "core/io/npy.h"
#include "core/io/spec_files.h"
#include "core/layers/backward.h"
#include "core/layers/dropout.h"
#include "core/layers/run.h"
#include "core/base/random.h"
#include "support/all_close.h"
#include "support/naive_attention.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace attnviz::core;
using attnviz::testing::randomMask;
using attnviz::testing::stepValue;

namespace {

// Every differentiable tensor of a layer, in double: the inputs ("query",
// "key" when given, "value") and the weights by weights.npz name.
using Vars = std::map<std::string, std::vector<double>>;

struct Reference {
    const Spec& spec;
    Shape outShape;        // output (or layer_norm) shape
    std::vector<double> g; // dL/d out: the loss is Σ g ∘ out
    Shape qs, vs, ks;      // input shapes
};

bool maskOk(const std::optional<Tensor>& m, Index i) {
    return !m || m->data()[i] != 0.0f;
}

// MultiHeadAttention / GroupQueryAttention in double (keras-attention-semantics.md
// §1, §5), dropout with the forward pass's own mask, gate, Add & LayerNorm.
double mhaLoss(const Reference& r, const Vars& x) {
    const Spec& spec = r.spec;
    const LayerConfig& c = spec.config;
    const Index B = r.qs[0], T = r.qs[1], Eq = r.qs[2], S = r.vs[1], Ev = r.vs[2];
    const bool hasKey = x.count("key") > 0;
    const Index Ek = hasKey ? r.ks[2] : Ev;
    const Index N = c.numHeads, Nkv = c.kvHeads(), G = N / Nkv, H = c.keyDim, Hv = c.effectiveValueDim();
    const std::vector<double>& q = x.at("query");
    const std::vector<double>& v = x.at("value");
    const std::vector<double>& k = hasKey ? x.at("key") : v;
    const std::vector<double>& Wo = x.at("output_dense/kernel");
    const Index O = Index(Wo.size()) / (N * Hv);
    auto project = [&](const std::vector<double>& in, Index din, const std::string& name, Index L, Index heads,
                       Index D) {
        const std::vector<double>& W = x.at(name + "/kernel");
        std::vector<double> out(size_t(B * L * heads * D));
        for (Index b = 0; b < B; ++b)
            for (Index l = 0; l < L; ++l)
                for (Index j = 0; j < heads * D; ++j) {
                    double acc = c.useBias ? x.at(name + "/bias")[size_t(j)] : 0.0;
                    for (Index e = 0; e < din; ++e)
                        acc += in[size_t((b * L + l) * din + e)] * W[size_t(e * heads * D + j)];
                    out[size_t((b * L + l) * heads * D + j)] = acc;
                }
        return out;
    };
    const auto Q = project(q, Eq, "query_dense", T, N, H), K = project(k, Ek, "key_dense", S, Nkv, H),
               V = project(v, Ev, "value_dense", S, Nkv, Hv);
    std::vector<double> gate;
    if (c.useGate)
        gate = project(q, Eq, "gate_dense", T, N, Hv);
    const bool drop = spec.call.training && c.dropout > 0;
    const std::vector<float> keep = drop ? dropoutScaleMask(B * N * T * S, c.dropout, spec.seed) : std::vector<float>{};
    const double inv = 1.0 / std::sqrt(double(H));
    auto allowed = [&](Index b, Index n, Index t, Index s) {
        bool ok =
            maskOk(spec.queryMask, b * T + t) && maskOk(spec.valueMask, b * S + s) && maskOk(spec.keyMask, b * S + s);
        if (spec.call.useCausalMask)
            ok = ok && s <= t;
        if (c.slidingWindow)
            ok = ok && std::abs(t - s) < *c.slidingWindow;
        if (const auto& m = spec.attentionMask) {
            const Index off = m->rank() == 2   ? t * S + s
                              : m->rank() == 3 ? (b * T + t) * S + s
                                               : ((b * m->dim(1) + n) * T + t) * S + s;
            ok = ok && m->data()[off] != 0.0f;
        }
        return ok;
    };
    std::vector<double> Y(size_t(B * T * O));
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t) {
            std::vector<double> ctx(size_t(N * Hv), 0.0);
            for (Index n = 0; n < N; ++n) {
                std::vector<double> l(static_cast<size_t>(S));
                std::vector<bool> ok(static_cast<size_t>(S));
                double mx = -1e300;
                for (Index s = 0; s < S; ++s) {
                    double dot = 0;
                    for (Index h = 0; h < H; ++h)
                        dot += Q[size_t(((b * T + t) * N + n) * H + h)] * inv *
                               K[size_t(((b * S + s) * Nkv + n / G) * H + h)];
                    ok[size_t(s)] = allowed(b, n, t, s);
                    l[size_t(s)] = ok[size_t(s)] ? dot : -1e9;
                    mx = std::max(mx, l[size_t(s)]);
                }
                double sum = 0;
                for (double& e : l)
                    sum += (e = std::exp(e - mx));
                for (Index s = 0; s < S; ++s) {
                    double p = ok[size_t(s)] ? l[size_t(s)] / sum : 0.0; // Keras zeroes masked weights
                    if (drop)
                        p *= keep[size_t(((b * N + n) * T + t) * S + s)];
                    for (Index d = 0; d < Hv; ++d)
                        ctx[size_t(n * Hv + d)] += p * V[size_t(((b * S + s) * Nkv + n / G) * Hv + d)];
                }
            }
            if (c.useGate)
                for (Index i = 0; i < N * Hv; ++i)
                    ctx[size_t(i)] *= 1.0 / (1.0 + std::exp(-gate[size_t((b * T + t) * N * Hv + i)]));
            for (Index o = 0; o < O; ++o) {
                double acc = c.useBias ? x.at("output_dense/bias")[size_t(o)] : 0.0;
                for (Index i = 0; i < N * Hv; ++i)
                    acc += ctx[size_t(i)] * Wo[size_t(i * O + o)];
                Y[size_t((b * T + t) * O + o)] = acc;
            }
        }
    if (c.transformerSublayer) { // Z = LayerNorm(query + Y), epsilon 1e-3
        const std::vector<double>& gamma = x.at("layer_norm/gamma");
        const std::vector<double>& beta = x.at("layer_norm/beta");
        for (Index row = 0; row < B * T; ++row) {
            double* y = Y.data() + row * Eq;
            for (Index e = 0; e < Eq; ++e)
                y[e] += q[size_t(row * Eq + e)];
            double mean = 0, var = 0;
            for (Index e = 0; e < Eq; ++e)
                mean += y[e] / double(Eq);
            for (Index e = 0; e < Eq; ++e)
                var += (y[e] - mean) * (y[e] - mean) / double(Eq);
            for (Index e = 0; e < Eq; ++e)
                y[e] = (y[e] - mean) / std::sqrt(var + 1e-3) * gamma[size_t(e)] + beta[size_t(e)];
        }
    }
    double loss = 0;
    for (size_t i = 0; i < Y.size(); ++i)
        loss += r.g[i] * Y[i];
    return loss;
}

// Attention (dot / concat) and AdditiveAttention in double (§2, §3): a row
// whose keys are all masked is the constant uniform row the float32 layer
// computes (trace-format.md: its scores do not reach the output).
double attentionLoss(const Reference& r, const Vars& x) {
    const Spec& spec = r.spec;
    const LayerConfig& c = spec.config;
    const Index B = r.qs[0], T = r.qs[1], D = r.qs[2], S = r.vs[1], dv = r.vs[2];
    const bool additive = c.layer == LayerKind::AdditiveAttention, useScale = c.effectiveUseScale();
    const bool concat = !additive && c.scoreMode == ScoreMode::Concat;
    const std::vector<double>& q = x.at("query");
    const std::vector<double>& v = x.at("value");
    const std::vector<double>& k = x.count("key") ? x.at("key") : v;
    const bool drop = spec.call.training && c.dropout > 0;
    const std::vector<float> keep = drop ? dropoutScaleMask(B * T * S, c.dropout, spec.seed) : std::vector<float>{};
    double loss = 0;
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t) {
            std::vector<double> l(static_cast<size_t>(S));
            std::vector<bool> ok(static_cast<size_t>(S));
            bool any = false;
            double mx = -1e300;
            for (Index s = 0; s < S; ++s) {
                double score = 0;
                for (Index d = 0; d < D; ++d) {
                    const double qd = q[size_t((b * T + t) * D + d)], kd = k[size_t((b * S + s) * D + d)];
                    if (!additive && !concat)
                        score += qd * kd;
                    else if (concat)
                        score += std::tanh((useScale ? x.at("scale")[0] : 1.0) * (qd + kd));
                    else
                        score += (useScale ? x.at("scale")[size_t(d)] : 1.0) * std::tanh(qd + kd);
                }
                if (!additive && !concat && useScale)
                    score *= x.at("scale")[0];
                if (concat)
                    score *= x.at("concat_score_weight")[0];
                ok[size_t(s)] = maskOk(spec.valueMask, b * S + s) && (!spec.call.useCausalMask || s <= t);
                any = any || ok[size_t(s)];
                l[size_t(s)] = score;
                if (ok[size_t(s)])
                    mx = std::max(mx, score);
            }
            std::vector<double> p(static_cast<size_t>(S), 1.0 / double(S));
            if (any) {
                double sum = 0;
                for (Index s = 0; s < S; ++s)
                    sum += (p[size_t(s)] = ok[size_t(s)] ? std::exp(l[size_t(s)] - mx) : 0.0);
                for (double& e : p)
                    e /= sum;
            }
            if (!maskOk(spec.queryMask, b * T + t))
                continue; // the output row is zeroed
            for (Index cc = 0; cc < dv; ++cc) {
                double o = 0;
                for (Index s = 0; s < S; ++s)
                    o += p[size_t(s)] * (drop ? keep[size_t((b * T + t) * S + s)] : 1.0f) *
                         v[size_t((b * S + s) * dv + cc)];
                loss += r.g[size_t((b * T + t) * dv + cc)] * o;
            }
        }
    return loss;
}

std::vector<double> toDouble(const Tensor& t) {
    return std::vector<double>(t.values().begin(), t.values().end());
}

// What one random configuration reached, for the coverage counts.
struct Coverage {
    std::map<std::string, int> n;
    void operator()(const std::string& k, bool on) { n[k] += on; }
};

Spec randomSpec(std::uint64_t seed) {
    Rng r(seed * 7919 + 17);
    auto pick = [&](Index lo, Index hi) { return lo + Index(r.next() % std::uint64_t(hi - lo + 1)); };
    Spec s;
    s.seed = seed;
    const int kind = int(seed % 4);
    s.config.layer = kind == 0   ? LayerKind::MultiHeadAttention
                     : kind == 1 ? LayerKind::GroupQueryAttention
                     : kind == 2 ? LayerKind::Attention
                                 : LayerKind::AdditiveAttention;
    const Index B = pick(1, 2), T = pick(1, 4), S = pick(1, 4);
    const bool heads = kind <= 1;
    const bool withKey = (seed / 4) % 2 == 0;
    Index Eq = pick(2, 5), Ev = pick(2, 5), Ek = withKey ? pick(2, 5) : Ev;
    if (!heads) {
        Ek = withKey ? Eq : Ev; // no projections: query and key share a width
        if (!withKey)
            Ev = Eq;
    }
    s.shapes = {.batch = B,
                .queryLen = T,
                .sourceLen = S,
                .queryFeatures = Eq,
                .valueFeatures = Ev,
                .keyFeatures = withKey ? std::optional<Index>(Ek) : std::nullopt};
    s.config.useBias = seed % 5 != 3;
    s.call.useCausalMask = seed % 3 == 1;
    if (seed % 6 == 5) {
        s.call.training = true;
        s.config.dropout = 0.3f;
    }
    const int m = int((seed / 2) % 5); // which masks
    if (m == 1 || m == 3)
        s.valueMask = randomMask({B, S}, seed + 3, 0.6);
    if (m == 2 || m == 3)
        s.queryMask = randomMask({B, T}, seed + 5, 0.6);
    if (kind == 0) {
        s.config.numHeads = int(pick(1, 3));
        s.config.keyDim = int(pick(1, 3));
        s.config.valueDim = seed % 3 == 0 ? std::optional<int>(int(pick(1, 3))) : std::nullopt;
        s.config.useGate = (seed / 4) % 3 == 1;
        s.config.transformerSublayer = (seed / 4) % 3 == 2;
        if (!s.config.transformerSublayer && seed % 7 == 4)
            s.config.outputShape = int(pick(1, 4));
        if (seed % 8 == 4)
            s.config.slidingWindow = int(pick(1, 3));
    } else if (kind == 1) {
        const int nkv = int(pick(1, 2));
        s.config.numKeyValueHeads = nkv;
        s.config.numHeads = nkv * int(pick(1, 3));
        s.config.keyDim = int(pick(1, 3));
        s.config.useGate = (seed / 4) % 2 == 1;
        if (seed % 8 == 5)
            s.config.slidingWindow = int(pick(1, 3));
    } else if (kind == 2) {
        s.config.scoreMode = (seed / 4) % 3 == 1 ? ScoreMode::Concat : ScoreMode::Dot;
        s.config.useScale = (seed / 8) % 2 == 0;
    } else {
        s.config.useScale = (seed / 4) % 3 != 2;
    }
    if (heads && withKey && seed % 9 == 0)
        s.keyMask = randomMask({B, S}, seed + 11, 0.7);
    if (heads && m == 4) { // attention_mask of rank 2, 3 or 4 (rank 4 alone: Keras mixes it with padding masks)
        const int rank = 2 + int((seed / 4 + seed) % 3);
        s.attentionMask = rank == 2   ? randomMask({T, S}, seed + 13, 0.6)
                          : rank == 3 ? randomMask({B, T, S}, seed + 13, 0.6)
                                      : randomMask({B, Index(s.config.numHeads), T, S}, seed + 13, 0.6);
        if (rank == 4)
            s.queryMask.reset(), s.valueMask.reset(), s.keyMask.reset();
    }
    // A fully masked row on purpose, every few configurations: a masked-out
    // query (MHA, GQA) or a batch row whose keys are all masked (Attention).
    if (seed % 5 == 2) {
        if (heads) {
            s.queryMask = s.queryMask.value_or(randomMask({B, T}, seed + 5, 1.0));
            s.queryMask->data()[0] = 0.0f;
            if (s.attentionMask && s.attentionMask->rank() == 4)
                s.attentionMask.reset();
        } else {
            s.valueMask = s.valueMask.value_or(randomMask({B, S}, seed + 3, 1.0));
            for (Index j = 0; j < S; ++j)
                s.valueMask->data()[j] = 0.0f;
        }
    }
    s.backward = BackwardRequest{};
    return s;
}

struct GradCheck {
    std::string worst;
    double worstRatio = 0; // max over elements of |a − r| / tolerance
    int checked = 0;
};

// Central differences of the double forward pass for every element of every
// variable, against the trace's float32 grad/<name>.
GradCheck checkGradients(const Trace& trace, const Reference& ref,
                         const std::function<double(const Reference&, const Vars&)>& loss) {
    Vars x;
    x["query"] = toDouble(stepValue(trace, "query"));
    x["value"] = toDouble(stepValue(trace, "value"));
    if (trace.find("key"))
        x["key"] = toDouble(stepValue(trace, "key"));
    for (const auto& [k, t] : trace.params)
        x[k] = toDouble(t);
    GradCheck out;
    for (auto& [name, vals] : x) {
        const Step* g = trace.find("grad/" + name);
        EXPECT_NE(g, nullptr) << "no step grad/" << name;
        if (!g)
            continue;
        EXPECT_EQ(Index(vals.size()), g->value.size()) << name;
        std::vector<double> fd(vals.size());
        double top = 1.0;
        for (size_t i = 0; i < vals.size(); ++i) {
            const double keep = vals[i], h = 1e-5 * std::max(1.0, std::fabs(keep));
            vals[i] = keep + h;
            const double up = loss(ref, x);
            vals[i] = keep - h;
            const double down = loss(ref, x);
            vals[i] = keep;
            fd[i] = (up - down) / (2 * h);
            top = std::max(top, std::fabs(fd[i]));
        }
        for (size_t i = 0; i < vals.size() && Index(i) < g->value.size(); ++i) {
            const double tol = 1e-3 * std::fabs(fd[i]) + 1e-5 * top;
            const double ratio = std::fabs(double(g->value.data()[i]) - fd[i]) / tol;
            if (ratio > out.worstRatio) {
                out.worstRatio = ratio;
                out.worst = name + "[" + std::to_string(i) + "]: " + std::to_string(g->value.data()[i]) + " vs " +
                            std::to_string(fd[i]);
            }
        }
        ++out.checked;
    }
    return out;
}

} // namespace

TEST(Backward, EveryGradientMatchesFiniteDifferencesOfADoubleForwardPass) {
    Coverage cov;
    int passed = 0, configs = 0;
    for (std::uint64_t seed = 0; seed < 48; ++seed) {
        Spec s = randomSpec(seed);
        // Random weights and biases, and a random output gradient.
        s.weights = resolveWeights(s);
        for (auto& [name, w] : s.weights)
            if (name.ends_with("/bias") || name == "scale" || name == "concat_score_weight" ||
                name.starts_with("layer_norm/"))
                w = randomNormal(w.shape(), seed, 40 + std::hash<std::string>{}(name) % 1000);
        s.weightsGiven = true;
        Trace trace;
        try {
            Spec forward = s;
            forward.backward.reset();
            const Trace f = run(forward);
            const Shape outShape = f.find(s.config.transformerSublayer ? "layer_norm" : "output")->value.shape();
            s.backward->outputGrad = randomNormal(outShape, seed, 99);
            trace = run(s);
        } catch (const std::exception& e) {
            ADD_FAILURE() << "seed " << seed << ": " << e.what();
            continue;
        }
        ++configs;
        const Tensor& g = *s.backward->outputGrad;
        const Reference ref{.spec = s,
                            .outShape = g.shape(),
                            .g = toDouble(g),
                            .qs = stepValue(trace, "query").shape(),
                            .vs = stepValue(trace, "value").shape(),
                            .ks = trace.find("key") ? stepValue(trace, "key").shape() : Shape{}};
        const bool heads = hasHeads(s.config.layer);
        const GradCheck c = checkGradients(trace, ref, heads ? mhaLoss : attentionLoss);
        EXPECT_LE(c.worstRatio, 1.0) << "seed " << seed << " (" << layerName(s.config.layer) << "): worst " << c.worst;
        passed += c.worstRatio <= 1.0 && c.checked >= 2;
        // What this configuration reached.
        const LayerConfig& k = s.config;
        cov(layerName(k.layer), true);
        cov("query_mask", s.queryMask.has_value());
        cov("value_mask", s.valueMask.has_value());
        cov("key_mask", s.keyMask.has_value());
        cov("causal", s.call.useCausalMask);
        cov("sliding_window", k.slidingWindow.has_value());
        cov("use_gate", k.useGate);
        cov("transformer_sublayer", k.transformerSublayer);
        cov("gqa repeats", k.layer == LayerKind::GroupQueryAttention && k.numHeads > k.numKeyValueHeads);
        cov("dropout training", trace.find("dropout") != nullptr);
        cov("key given", trace.find("key") != nullptr);
        cov("key := value", trace.find("key") == nullptr);
        cov("use_bias false", heads && !k.useBias);
        cov("output_shape", k.outputShape.has_value());
        cov("dot use_scale", k.layer == LayerKind::Attention && k.scoreMode == ScoreMode::Dot && k.effectiveUseScale());
        cov("dot no scale", k.layer == LayerKind::Attention && k.scoreMode == ScoreMode::Dot && !k.effectiveUseScale());
        cov("concat use_scale",
            k.layer == LayerKind::Attention && k.scoreMode == ScoreMode::Concat && k.effectiveUseScale());
        cov("concat no scale",
            k.layer == LayerKind::Attention && k.scoreMode == ScoreMode::Concat && !k.effectiveUseScale());
        cov("additive scale", k.layer == LayerKind::AdditiveAttention && k.effectiveUseScale());
        cov("additive no scale", k.layer == LayerKind::AdditiveAttention && !k.effectiveUseScale());
        bool fully = false;
        if (const Step* m = trace.find("mask")) {
            const Index S = m->value.dim(-1);
            for (Index row = 0; row * S < m->value.size(); ++row)
                fully = fully || std::all_of(m->value.data() + row * S, m->value.data() + (row + 1) * S,
                                             [](float v) { return v == 0.0f; });
        }
        cov("fully masked row", fully);
        if (s.attentionMask)
            cov("attention_mask rank " + std::to_string(s.attentionMask->rank()), true);
    }
    EXPECT_GE(configs, 40);
    EXPECT_EQ(passed, configs);
    for (const char* option : {"MultiHeadAttention",
                               "GroupQueryAttention",
                               "Attention",
                               "AdditiveAttention",
                               "query_mask",
                               "value_mask",
                               "key_mask",
                               "causal",
                               "sliding_window",
                               "use_gate",
                               "transformer_sublayer",
                               "gqa repeats",
                               "dropout training",
                               "key given",
                               "key := value",
                               "use_bias false",
                               "output_shape",
                               "dot use_scale",
                               "dot no scale",
                               "concat use_scale",
                               "concat no scale",
                               "additive scale",
                               "additive no scale",
                               "fully masked row",
                               "attention_mask rank 2",
                               "attention_mask rank 3",
                               "attention_mask rank 4"})
        EXPECT_GE(cov.n[option], 1) << "no configuration reached: " << option;
}
