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
#include "core/teach/narration.h"
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

namespace {

Spec mhaWithMasks(LayerKind kind) {
    Spec s;
    s.config.layer = kind;
    s.config.numHeads = 4;
    s.config.numKeyValueHeads = 2;
    s.config.keyDim = 3;
    s.shapes = {.batch = 2, .queryLen = 5, .sourceLen = 6, .queryFeatures = 7, .valueFeatures = 5, .keyFeatures = {}};
    s.seed = 3;
    s.call.useCausalMask = true;
    s.valueMask = randomMask({2, 6}, 21, 0.7);
    s.queryMask = randomMask({2, 5}, 22, 0.7);
    s.queryMask->data()[1] = 0.0f; // a fully masked row
    s.backward = BackwardRequest{};
    s.backward->outputGrad = randomNormal({2, 5, 7}, 4, 5);
    return s;
}

} // namespace

TEST(Backward, SoftmaxBackwardRowsSumToZeroAndMaskedCellsGetNothing) {
    for (LayerKind kind : {LayerKind::MultiHeadAttention, LayerKind::GroupQueryAttention, LayerKind::Attention,
                           LayerKind::AdditiveAttention}) {
        Spec s = mhaWithMasks(kind);
        if (!hasHeads(kind)) {
            s.shapes.valueFeatures = 7;
            s.queryMask.reset();           // Attention zeroes output rows with it: no gradient to look at there
            for (Index j = 6; j < 12; ++j) // batch 1: no key at all, every row fully masked
                s.valueMask->data()[j] = 0.0f;
        }
        const Trace t = run(s);
        const Tensor& dS = stepValue(t, "grad/scores");
        const Tensor& M = stepValue(t, "mask");
        const Index S = dS.dim(-1), rows = dS.size() / S, mRows = M.size() / S;
        int openRows = 0, maskedCells = 0, closedRows = 0;
        for (Index r = 0; r < rows; ++r) {
            // MultiHeadAttention's mask is [B,T,S], shared by the heads of [B,N,T,S].
            const Index mr =
                hasHeads(kind) ? (r / (rows / s.shapes.batch)) * (mRows / s.shapes.batch) + r % (mRows / s.shapes.batch)
                               : r;
            const float* m = M.data() + mr * S;
            const float* ds = dS.data() + r * S;
            double sum = 0, top = 0;
            bool open = false;
            for (Index j = 0; j < S; ++j) {
                sum += ds[j];
                top = std::max(top, double(std::fabs(ds[j])));
                if (m[j] == 0.0f) {
                    EXPECT_EQ(ds[j], 0.0f) << layerName(kind) << " row " << r << " cell " << j;
                    ++maskedCells;
                } else {
                    open = true;
                }
            }
            if (open) {
                EXPECT_NEAR(sum, 0.0, 1e-6 * std::max(1.0, top) * double(S)) << layerName(kind) << " row " << r;
                openRows += top > 0;
            } else {
                ++closedRows;
            }
        }
        EXPECT_GT(openRows, 2) << layerName(kind);
        EXPECT_GT(maskedCells, 4) << layerName(kind);
        EXPECT_GT(closedRows, 0) << layerName(kind) << ": the case has no fully masked row";
    }
}

TEST(Backward, AKernelGradientIsTheSumOverPositionsOfOuterProducts) {
    const Trace t = run(mhaWithMasks(LayerKind::GroupQueryAttention));
    struct Case {
        const char* kernel;
        const char* input;
        const char* grad;
    };
    for (const Case& c :
         {Case{"query_dense/kernel", "query", "grad/query_dense"}, Case{"key_dense/kernel", "value", "grad/key_dense"},
          Case{"value_dense/kernel", "value", "grad/value_dense"}}) {
        const Tensor& x = stepValue(t, c.input); // (B, L, E)
        const Tensor& dy = stepValue(t, c.grad); // (B, L, heads, width)
        const Index BL = x.dim(0) * x.dim(1), E = x.dim(2), O = dy.dim(2) * dy.dim(3);
        Tensor sum({E, dy.dim(2), dy.dim(3)}); // Σ_positions x ⊗ dy, one position at a time
        std::vector<double> acc(size_t(E * O), 0.0);
        for (Index p = 0; p < BL; ++p)
            for (Index e = 0; e < E; ++e)
                for (Index o = 0; o < O; ++o)
                    acc[size_t(e * O + o)] += double(x.data()[p * E + e]) * double(dy.data()[p * O + o]);
        for (size_t i = 0; i < acc.size(); ++i)
            sum.data()[i] = float(acc[i]);
        EXPECT_TRUE(attnviz::testing::allClose(stepValue(t, std::string("grad/") + c.kernel), sum, 1e-4, 1e-6))
            << c.kernel;
    }
    // The output kernel: Σ_{b,t} context[b,t,n,v] · dY[b,t,o].
    const Tensor& C = stepValue(t, "context");
    const Tensor& dY = stepValue(t, "grad/output");
    const Index BT = C.dim(0) * C.dim(1), NV = C.dim(2) * C.dim(3), O = dY.dim(2);
    Tensor want({C.dim(2), C.dim(3), O});
    for (Index i = 0; i < NV; ++i)
        for (Index o = 0; o < O; ++o) {
            double a = 0;
            for (Index p = 0; p < BT; ++p)
                a += double(C.data()[p * NV + i]) * double(dY.data()[p * O + o]);
            want.data()[i * O + o] = float(a);
        }
    EXPECT_TRUE(attnviz::testing::allClose(stepValue(t, "grad/output_dense/kernel"), want, 1e-4, 1e-6));
}

TEST(Backward, DropoutReusesTheForwardPassMask) {
    Spec s = mhaWithMasks(LayerKind::MultiHeadAttention);
    s.call.training = true;
    s.config.dropout = 0.4f;
    const Trace t = run(s);
    const Tensor& P = stepValue(t, "weights");
    const Tensor& Pd = stepValue(t, "dropout");
    const std::vector<float> keep = dropoutScaleMask(P.size(), 0.4f, s.seed);
    int dropped = 0;
    for (Index i = 0; i < P.size(); ++i) {
        EXPECT_NEAR(Pd.data()[i], P.data()[i] * keep[size_t(i)], 1e-6) << i;
        dropped += keep[size_t(i)] == 0.0f;
    }
    EXPECT_GT(dropped, 10);
    // A dropped weight gets no gradient; a kept one gets dP̂ / (1 − rate).
    const Tensor& dPd = stepValue(t, "grad/dropout");
    const Tensor& dP = stepValue(t, "grad/weights");
    for (Index i = 0; i < P.size(); ++i)
        EXPECT_FLOAT_EQ(dP.data()[i], dPd.data()[i] * keep[size_t(i)]) << i;
}

TEST(Backward, KernelsAccumulateSoSelfAttentionCanShareOneGradientBuffer) {
    // x attends to x: query = key = value. Passing one buffer for the three
    // input gradients gives the sum of the three separate ones.
    Spec s = mhaWithMasks(LayerKind::MultiHeadAttention);
    s.shapes.valueFeatures = 7;
    s.shapes.sourceLen = 5;
    s.valueMask.reset();
    s.backward.reset();
    const Tensor x = randomNormal({2, 5, 7}, 8, 1);
    s.query = x;
    s.value = x;
    s.key = x;
    const Trace t = run(s);
    const Index B = 2, T = 5, E = 7, N = 4, H = 3;
    const MhaDims d{.B = B,
                    .T = T,
                    .S = T,
                    .Eq = E,
                    .Ek = E,
                    .Ev = E,
                    .N = N,
                    .Nkv = N,
                    .H = H,
                    .Hv = H,
                    .Eout = E,
                    .bias = true,
                    .gate = false,
                    .queryScale = t.find("scaled_query")->scaleFactor};
    const MhaParams p{.queryKernel = t.params.at("query_dense/kernel").data(),
                      .keyKernel = t.params.at("key_dense/kernel").data(),
                      .valueKernel = t.params.at("value_dense/kernel").data(),
                      .outputKernel = t.params.at("output_dense/kernel").data()};
    const MhaForward f{.query = x.data(),
                       .key = x.data(),
                       .value = x.data(),
                       .scaledQuery = stepValue(t, "scaled_query").data(),
                       .keyDense = stepValue(t, "key_dense").data(),
                       .valueDense = stepValue(t, "value_dense").data(),
                       .weights = stepValue(t, "weights").data(),
                       .context = stepValue(t, "context").data()};
    const Tensor dY = randomNormal({B, T, E}, 9, 2);
    auto work = [&](std::vector<std::vector<float>>& buf) {
        buf.assign(8, std::vector<float>(size_t(B * N * T * T + B * T * N * H), 0.0f));
        return MhaWork{.context = buf[0].data(),
                       .weights = buf[1].data(),
                       .scores = buf[2].data(),
                       .scaledQuery = buf[3].data(),
                       .queryDense = buf[4].data(),
                       .keyDense = buf[5].data(),
                       .valueDense = buf[6].data()};
    };
    std::vector<std::vector<float>> b1, b2;
    MhaWork w1 = work(b1), w2 = work(b2);
    std::vector<float> dq(size_t(B * T * E)), dk(dq.size()), dv(dq.size()), shared(dq.size());
    MhaGrads sep{.query = dq.data(), .key = dk.data(), .value = dv.data()};
    MhaGrads one{.query = shared.data(), .key = shared.data(), .value = shared.data()};
    mhaBackward(d, p, f, dY.data(), w1, sep);
    mhaBackward(d, p, f, dY.data(), w2, one);
    for (size_t i = 0; i < dq.size(); ++i)
        EXPECT_NEAR(shared[i], dq[i] + dk[i] + dv[i], 1e-5 * (1 + std::fabs(shared[i]))) << i;
    // And a second call adds the same again (accumulate, not overwrite).
    std::vector<float> twice = dq;
    MhaGrads again{.query = twice.data(), .key = dk.data(), .value = dv.data()};
    mhaBackward(d, p, f, dY.data(), w1, again);
    for (size_t i = 0; i < dq.size(); ++i)
        EXPECT_NEAR(twice[i], 2 * dq[i], 1e-5 * (1 + std::fabs(dq[i]))) << i;
}

TEST(Backward, LayerNormBackwardMatchesFiniteDifferences) {
    const Index rows = 3, E = 5;
    const Tensor x = randomNormal({rows, E}, 1, 1), gamma = randomNormal({E}, 1, 2), dy = randomNormal({rows, E}, 1, 3);
    std::vector<float> dx(static_cast<size_t>(rows * E)), dg(static_cast<size_t>(E)), db(static_cast<size_t>(E));
    layerNormBackward(rows, E, x.data(), gamma.data(), 1e-3, dy.data(), dx.data(), dg.data(), db.data());
    auto loss = [&](std::vector<double> xs) {
        double l = 0;
        for (Index r = 0; r < rows; ++r) {
            double m = 0, v = 0;
            for (Index e = 0; e < E; ++e)
                m += xs[size_t(r * E + e)] / double(E);
            for (Index e = 0; e < E; ++e)
                v += (xs[size_t(r * E + e)] - m) * (xs[size_t(r * E + e)] - m) / double(E);
            for (Index e = 0; e < E; ++e)
                l += dy.data()[r * E + e] * (xs[size_t(r * E + e)] - m) / std::sqrt(v + 1e-3) * gamma.data()[e];
        }
        return l;
    };
    std::vector<double> xs(x.values().begin(), x.values().end());
    for (size_t i = 0; i < xs.size(); ++i) {
        std::vector<double> up = xs, down = xs;
        up[i] += 1e-6;
        down[i] -= 1e-6;
        EXPECT_NEAR(dx[i], (loss(up) - loss(down)) / 2e-6, 1e-4) << i;
    }
    for (Index e = 0; e < E; ++e) {
        double wantB = 0;
        for (Index r = 0; r < rows; ++r)
            wantB += dy.data()[r * E + e];
        EXPECT_NEAR(db[size_t(e)], wantB, 1e-5);
    }
}

TEST(Backward, SpecAsksForItWithAFileOrAllOnes) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "attnviz_test_backward_spec";
    fs::create_directories(dir);
    auto write = [&](const std::string& text) {
        std::ofstream(dir / "spec.json") << text;
        return (dir / "spec.json").string();
    };
    const std::string base = R"({"layer": "Attention", "shapes": {"batch": 1, "query_len": 2, "source_len": 3,
        "query_features": 4, "value_features": 4}, "seed": 1)";
    // {}: all ones, the loss is the sum of the outputs.
    Spec s = loadSpec(write(base + R"(, "backward": {}})"));
    ASSERT_TRUE(s.backward.has_value());
    EXPECT_FALSE(s.backward->outputGrad.has_value());
    const Trace ones = run(s);
    for (float v : stepValue(ones, "grad/output").values())
        EXPECT_EQ(v, 1.0f);
    // A file.
    writeNpy((dir / "g.npy").string(), randomNormal({1, 2, 4}, 2, 2));
    s = loadSpec(write(base + R"(, "backward": {"output_grad": "g.npy"}})"));
    ASSERT_TRUE(s.backward && s.backward->outputGrad);
    EXPECT_TRUE(attnviz::testing::allClose(stepValue(run(s), "grad/output"), *s.backward->outputGrad, 0, 0));
    // Without "backward" there are no gradient steps.
    for (const Step& st : run(loadSpec(write(base + "}"))).steps)
        EXPECT_FALSE(st.key.starts_with("grad/")) << st.key;
    // Wrong shape, unknown field, not an object: a message naming the field.
    writeNpy((dir / "bad.npy").string(), randomNormal({1, 3, 4}, 2, 2));
    try {
        (void)run(loadSpec(write(base + R"(, "backward": {"output_grad": "bad.npy"}})")));
        ADD_FAILURE() << "a wrong-shaped output_grad was accepted";
    } catch (const SpecError& e) {
        EXPECT_EQ(e.field(), "backward.output_grad");
        EXPECT_NE(std::string(e.what()).find("(1, 2, 4)"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("(1, 3, 4)"), std::string::npos) << e.what();
    }
    for (const char* bad : {R"(, "backward": {"grad": "g.npy"}})", R"(, "backward": 3})"}) {
        try {
            (void)loadSpec(write(base + bad));
            ADD_FAILURE() << "accepted " << bad;
        } catch (const SpecError& e) {
            EXPECT_EQ(e.field().rfind("backward", 0), 0u) << e.field() << ": " << e.what();
        }
    }
    // saveSpec keeps it: the spec loads back with the same gradient.
    s = loadSpec(write(base + R"(, "backward": {"output_grad": "g.npy"}})"));
    const fs::path out = dir / "saved";
    fs::create_directories(out);
    saveSpec((out / "spec.json").string(), s, run(s).params);
    const Spec back = loadSpec((out / "spec.json").string());
    ASSERT_TRUE(back.backward && back.backward->outputGrad);
    EXPECT_TRUE(attnviz::testing::allClose(*back.backward->outputGrad, *s.backward->outputGrad, 0, 0));
    fs::remove_all(dir);
}

TEST(Backward, GradientStepsAreFullStepsShownSigned) {
    const Trace t = run(mhaWithMasks(LayerKind::GroupQueryAttention));
    int grads = 0;
    for (const Step& st : t.steps) {
        if (!st.key.starts_with("grad/"))
            continue;
        ++grads;
        EXPECT_FALSE(st.title.empty() || st.explanation.empty() || st.formula.empty()) << st.key;
        EXPECT_EQ(st.axes.size(), size_t(st.value.rank())) << st.key;
        EXPECT_EQ(st.display.roles.size(), size_t(st.value.rank())) << st.key;
        EXPECT_EQ(st.display.kind, ValueKind::Signed) << st.key;
        EXPECT_EQ(st.bytes, 4.0 * double(st.value.size())) << st.key;
        if (st.op != OpKind::Input) {
            EXPECT_GT(st.flops, 0) << st.key;
        }
        for (const std::string& in : st.inputs)
            EXPECT_LT(t.indexOf(in), t.indexOf(st.key)) << st.key << " reads " << in;
    }
    EXPECT_GE(grads, 20);
    // The softmax backward and the weights' gradient show the forward mask's cells.
    EXPECT_EQ(t.find("grad/scores")->display.masked, MaskedCells::FromMaskStep);
    EXPECT_EQ(t.find("grad/scores")->display.maskKey, "mask");
    EXPECT_EQ(t.find("grad/weights")->display.masked, MaskedCells::FromMaskStep);
    // The key/value heads sum their group's repeats.
    const Tensor& dKr = stepValue(t, "grad/key_repeated");
    const Tensor& dK = stepValue(t, "grad/key_dense");
    EXPECT_NEAR(dK.at({1, 2, 1, 0}), dKr.at({1, 2, 2, 0}) + dKr.at({1, 2, 3, 0}), 1e-6);
}

TEST(Backward, NarrationOfASoftmaxBackwardRowAndAWeightGradientCell) {
    const Trace t = run(mhaWithMasks(LayerKind::MultiHeadAttention));
    const Step& ds = *t.find("grad/scores");
    // Batch 0, head 1, query 3: an open row (causal lets it see keys 0..3).
    const Result<SoftmaxBackwardRow> rResult = softmaxBackwardRow(t, ds, {0, 1, 3});
    ASSERT_TRUE(rResult) << rResult.reason();
    const SoftmaxBackwardRow& r = *rResult;
    ASSERT_EQ(r.probs.size(), 6u);
    double delta = 0, sum = 0;
    for (size_t s = 0; s < 6; ++s)
        delta += double(r.probs[s]) * double(r.upstream[s]);
    EXPECT_NEAR(r.delta, delta, 1e-12);
    for (size_t s = 0; s < 6; ++s) {
        EXPECT_NEAR(r.terms[s], r.grads[s], 1e-6) << s;
        EXPECT_EQ(r.upstream[s], stepValue(t, "grad/weights").at({0, 1, 3, Index(s)}));
        sum += r.terms[s];
        if (s > 3) {
            EXPECT_EQ(r.masked[s], 1) << "causal: key " << s << " is after query 3";
        }
    }
    EXPECT_NEAR(sum, 0.0, 1e-6);
    EXPECT_FALSE(r.fullyMasked);
    // Query 1 of batch 0 is masked out: a fully masked row, no gradient.
    const Result<SoftmaxBackwardRow> closedResult = softmaxBackwardRow(t, ds, {0, 0, 1});
    ASSERT_TRUE(closedResult) << closedResult.reason();
    const SoftmaxBackwardRow& closed = *closedResult;
    EXPECT_TRUE(closed.fullyMasked);
    for (float g : closed.grads)
        EXPECT_EQ(g, 0.0f);
    EXPECT_FALSE(softmaxBackwardRow(t, *t.find("weights"), {0, 0, 0})); // a forward softmax is refused, with a reason

    // dW_q[e=2, n=1, h=0]: B·T terms query[b,t,2] · dQ[b,t,1,0].
    const Step& dwq = *t.find("grad/query_dense/kernel");
    const Result<GradientCell> cResult = gradientCell(t, dwq, {2, 1, 0});
    ASSERT_TRUE(cResult) << cResult.reason();
    const GradientCell& c = *cResult;
    EXPECT_EQ(c.summed, "ab");
    ASSERT_EQ(c.input.size(), 10u); // B = 2, T = 5
    for (size_t i = 0; i < c.input.size(); ++i) {
        const Index b = c.at[i][0], q = c.at[i][1];
        EXPECT_EQ(c.input[i], stepValue(t, "query").at({b, q, 2}));
        EXPECT_EQ(c.grad[i], stepValue(t, "grad/query_dense").at({b, q, 1, 0}));
    }
    EXPECT_NEAR(c.sum, c.value, 1e-5 * std::max(1.0, std::fabs(c.sum)));
    // A bias: one operand, every input 1.
    const Result<GradientCell> biasResult = gradientCell(t, *t.find("grad/output_dense/bias"), {4});
    ASSERT_TRUE(biasResult) << biasResult.reason();
    const GradientCell& bias = *biasResult;
    double want = 0;
    for (Index b = 0; b < 2; ++b)
        for (Index q = 0; q < 5; ++q)
            want += stepValue(t, "grad/output").at({b, q, 4});
    EXPECT_NEAR(bias.sum, want, 1e-9);
    EXPECT_NEAR(bias.value, want, 1e-5);
    EXPECT_EQ(bias.input, std::vector<float>(10, 1.0f));
    EXPECT_FALSE(gradientCell(t, *t.find("scores"), {0, 0, 0, 0}));

    // Attention: a row whose keys are all masked is flagged, and its dS is 0.
    Spec a = mhaWithMasks(LayerKind::Attention);
    a.shapes.valueFeatures = 7;
    a.queryMask.reset();
    for (Index j = 0; j < 6; ++j)
        a.valueMask->data()[j] = 0.0f;
    const Trace at = run(a);
    const Result<SoftmaxBackwardRow> uResult = softmaxBackwardRow(at, *at.find("grad/scores"), {0, 2});
    ASSERT_TRUE(uResult) << uResult.reason();
    const SoftmaxBackwardRow& u = *uResult;
    EXPECT_TRUE(u.fullyMasked);
    EXPECT_NEAR(u.probs[0], 1.0 / 6.0, 1e-6); // uniform by float32 rounding ...
    for (size_t s = 0; s < 6; ++s)
        EXPECT_EQ(u.grads[s], 0.0f); // ... but no gradient
}

TEST(Backward, AKeyPrefixFindsABlocksStepsAndKeysItsGradients) {
    // A model's trace keys each block's steps and weights "block0/…": the
    // same backward pass, with every key prefixed.
    for (LayerKind kind : {LayerKind::MultiHeadAttention, LayerKind::GroupQueryAttention, LayerKind::Attention}) {
        Spec s = mhaWithMasks(kind);
        if (!hasHeads(kind))
            s.shapes.valueFeatures = 7;
        else
            s.config.transformerSublayer = kind == LayerKind::MultiHeadAttention;
        s.backward.reset();
        const Trace plain = run(s);
        Trace blk;
        blk.layer = plain.layer;
        for (Step st : plain.steps) {
            st.key = "block0/" + st.key;
            for (std::string& in : st.inputs)
                in = "block0/" + in;
            if (!st.display.maskKey.empty())
                st.display.maskKey = "block0/" + st.display.maskKey;
            blk.steps.push_back(std::move(st));
        }
        for (const auto& [k, t] : plain.params)
            blk.params["block0/" + k] = t;
        const Tensor seed = randomNormal(plain.steps.back().value.shape(), 5, 6);
        appendBackward(blk, s, seed, "block0/");
        s.backward = BackwardRequest{seed};
        const Trace want = run(s);
        int grads = 0;
        for (const Step& st : want.steps) {
            if (!st.key.starts_with("grad/"))
                continue;
            ++grads;
            const Step* got = blk.find("grad/block0/" + st.key.substr(5));
            ASSERT_NE(got, nullptr) << st.key;
            EXPECT_TRUE(attnviz::testing::allClose(got->value, st.value, 0, 0)) << st.key;
            for (const std::string& in : got->inputs)
                EXPECT_NE(blk.find(in), nullptr) << st.key << " reads " << in;
            EXPECT_EQ(got->display.masked, st.display.masked) << st.key;
        }
        EXPECT_GE(grads, 6);
    }
}
