// The stage's narrated numbers come from core/narration: for one step of each
// op kind, the terms are the operands' numbers and they add up to the trace's
// value; hand-checkable cases pin the exact terms.
#include "core/layers/run.h"
#include "core/teach/narration.h"
#include "core/base/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using namespace attnviz::core;

namespace {

const Step& step(const Trace& t, const std::string& key) {
    const Step* s = t.find(key);
    if (!s)
        throw std::runtime_error("no step " + key);
    return *s;
}

Spec mhaSpec(Index B, Index T, Index S, int heads, std::uint64_t seed) {
    Spec s;
    s.config.layer = LayerKind::MultiHeadAttention;
    s.config.numHeads = heads;
    s.config.keyDim = 3;
    s.config.valueDim = 2;
    s.seed = seed;
    s.shapes = Shapes{.batch = B, .queryLen = T, .sourceLen = S, .queryFeatures = 5, .valueFeatures = 4};
    s.weights = resolveWeights(s);
    for (auto& [name, w] : s.weights) // non-zero biases, so the bias term is tested
        if (name.ends_with("/bias"))
            w = randomNormal(w.shape(), seed, 9);
    return s;
}

} // namespace

TEST(Narration, ProductCellByHand) {
    Spec s;
    s.config.layer = LayerKind::Attention;
    s.query = Tensor({1, 1, 2}, {1, 2});
    s.value = Tensor({1, 2, 2}, {3, 4, 5, 6});
    const Trace t = run(s);
    const ProductCell c = productCell(t, step(t, "scores"), {0, 0, 1}).value(); // q[0]·k[1] = 1·5 + 2·6
    EXPECT_EQ(c.left, (std::vector<float>{1, 2}));
    EXPECT_EQ(c.right, (std::vector<float>{5, 6}));
    EXPECT_FALSE(c.bias.has_value());
    EXPECT_DOUBLE_EQ(c.sum, 17.0);
    EXPECT_FLOAT_EQ(c.value, 17.0f);
    // The context: Σ_s P[t,s]·V[s,j].
    const ProductCell o = productCell(t, step(t, "output"), {0, 0, 1}).value();
    EXPECT_EQ(o.left, step(t, "weights").value.values());
    EXPECT_EQ(o.right, (std::vector<float>{4, 6}));
    EXPECT_NEAR(o.sum, double(o.value), 1e-6);
}

TEST(Narration, ProductCellsOfMultiHeadAttentionFollowTheEinsum) {
    const Trace t = run(mhaSpec(2, 4, 4, 2, 5)); // T = S: only the axis roles tell query from key
    // scores [b,n,t,s] = Σ_h Q̂[b,t,n,h]·K[b,s,n,h]; Keras' einsum names the key first.
    const Tensor& q = step(t, "scaled_query").value; // (B, T, N, H)
    const Tensor& k = step(t, "key_dense").value;    // (B, S, N, H)
    const ProductCell sc = productCell(t, step(t, "scores"), {1, 1, 2, 0}).value();
    ASSERT_EQ(sc.left.size(), 3u);
    for (Index h = 0; h < 3; ++h) {
        EXPECT_EQ(sc.left[size_t(h)], q.at({1, 2, 1, h}));
        EXPECT_EQ(sc.right[size_t(h)], k.at({1, 0, 1, h}));
    }
    EXPECT_NEAR(sc.sum, double(sc.value), 1e-5 * (1 + std::abs(sc.value)));
    // A dense projection: x[b,t,:]·W[:,n,h] + b[n,h].
    const ProductCell qd = productCell(t, step(t, "query_dense"), {0, 3, 1, 2}).value();
    const Tensor& W = t.params.at("query_dense/kernel"); // (E, N, H)
    ASSERT_EQ(qd.left.size(), 5u);
    for (Index e = 0; e < 5; ++e) {
        EXPECT_EQ(qd.left[size_t(e)], step(t, "query").value.at({0, 3, e}));
        EXPECT_EQ(qd.right[size_t(e)], W.at({e, 1, 2}));
    }
    ASSERT_TRUE(qd.bias.has_value());
    EXPECT_EQ(*qd.bias, t.params.at("query_dense/bias").at({1, 2}));
    EXPECT_NEAR(qd.sum, double(qd.value), 1e-5 * (1 + std::abs(qd.value)));
    // Every cell of every product step adds up (the output dense sums over N·Hv terms).
    for (const Step& s : t.steps) {
        if (s.op != OpKind::Einsum && s.op != OpKind::Dense)
            continue;
        std::vector<Index> idx(size_t(s.value.rank()), 0);
        for (Index i = 0; i < s.value.size(); ++i) {
            for (Index r = i, a = s.value.rank() - 1; a >= 0; --a) {
                idx[size_t(a)] = r % s.value.dim(a);
                r /= s.value.dim(a);
            }
            const ProductCell c = productCell(t, s, idx).value();
            ASSERT_NEAR(c.sum, double(c.value), 1e-5 * (1 + std::abs(c.value))) << s.key << " cell " << i;
            if (s.key == "output") {
                ASSERT_EQ(c.left.size(), 4u); // N·Hv = 2·2
            }
        }
    }
}

TEST(Narration, SoftmaxRowMaxExponentialsAndSum) {
    Spec s = mhaSpec(2, 3, 4, 2, 3);
    s.valueMask = Tensor({2, 4}, {1, 0, 1, 1, 0, 0, 0, 0}); // batch 1: every key masked
    const Trace t = run(s);
    const SoftmaxRow r = softmaxRow(t, step(t, "weights"), {0, 1, 2}).value();
    EXPECT_EQ(r.masked, (std::vector<std::uint8_t>{0, 1, 0, 0}));
    EXPECT_EQ(r.logits[1], -1e9f); // replaced, as Keras' MultiHeadAttention does
    EXPECT_EQ(r.max, std::max({r.logits[0], r.logits[2], r.logits[3]}));
    double sum = 0;
    for (size_t j = 0; j < 4; ++j) {
        EXPECT_FLOAT_EQ(r.exps[j], std::exp(r.logits[j] - r.max));
        sum += r.exps[j];
    }
    EXPECT_DOUBLE_EQ(r.sum, sum);
    for (size_t j : {0u, 2u, 3u})
        EXPECT_NEAR(r.probs[j], r.exps[j] / r.sum, 1e-6);
    EXPECT_EQ(r.probs[1], 0.0f);
    // A fully masked row: every exp is 1, but MultiHeadAttention zeroes the row afterwards.
    const SoftmaxRow f = softmaxRow(t, step(t, "weights"), {1, 0, 0}).value();
    EXPECT_EQ(f.masked, (std::vector<std::uint8_t>{1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(f.sum, 4.0);
    EXPECT_EQ(f.probs, (std::vector<float>{0, 0, 0, 0}));
    // Attention keeps it: a uniform row.
    Spec a;
    a.config.layer = LayerKind::Attention;
    a.query = randomNormal({2, 3, 4}, 1, 1);
    a.value = randomNormal({2, 4, 4}, 1, 2);
    a.valueMask = s.valueMask;
    const Trace ta = run(a);
    const SoftmaxRow u = softmaxRow(ta, step(ta, "weights"), {1, 2}).value();
    for (size_t j = 0; j < 4; ++j)
        EXPECT_NEAR(u.probs[j], u.exps[j] / u.sum, 1e-7);
    EXPECT_FLOAT_EQ(u.probs[0], 0.25f);
}

TEST(Narration, TanhSumTermsByHand) {
    Spec s;
    s.config.layer = LayerKind::AdditiveAttention;
    s.query = Tensor({1, 1, 2}, {0.5f, -1});
    s.value = Tensor({1, 1, 2}, {0.25f, 2});
    s.weights["scale"] = Tensor({2}, {2, -3});
    const Trace t = run(s);
    const TanhSumCell c = tanhSumCell(t, step(t, "scores"), {0, 0, 0}).value();
    EXPECT_EQ(c.sum, (std::vector<float>{0.75f, 1.0f}));
    EXPECT_EQ(c.weight, (std::vector<float>{2, -3}));
    EXPECT_EQ(c.weightShape, (Shape{2}));
    EXPECT_FLOAT_EQ(c.innerScale, 1.0f);
    EXPECT_FALSE(c.innerScaled);
    EXPECT_EQ(c.weightFrom, TanhSumCell::Weight::Scale);
    EXPECT_NEAR(c.total, 2 * std::tanh(0.75) - 3 * std::tanh(1.0), 1e-6);
    EXPECT_NEAR(c.total, double(c.value), 1e-6);
    // Attention concat with use_scale: w_c · Σ tanh(scale·(q + k)).
    Spec cs;
    cs.config.layer = LayerKind::Attention;
    cs.config.scoreMode = ScoreMode::Concat;
    cs.config.useScale = true;
    cs.query = randomNormal({2, 3, 4}, 4, 1);
    cs.value = randomNormal({2, 5, 4}, 4, 2);
    cs.weights["scale"] = Tensor({}, {0.7f});
    cs.weights["concat_score_weight"] = Tensor({}, {-1.5f});
    const Trace tc = run(cs);
    const TanhSumCell k = tanhSumCell(tc, step(tc, "scores"), {1, 2, 4}).value();
    EXPECT_FLOAT_EQ(k.innerScale, 0.7f);
    EXPECT_TRUE(k.innerScaled);
    EXPECT_EQ(k.weightFrom, TanhSumCell::Weight::ConcatScoreWeight);
    EXPECT_EQ(k.weight, (std::vector<float>(4, -1.5f)));
    EXPECT_TRUE(k.weightShape.empty()); // concat_score_weight is a scalar, shape ()
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(k.q[i], cs.query->at({1, 2, Index(i)}));
        EXPECT_EQ(k.k[i], cs.value->at({1, 4, Index(i)}));
        EXPECT_FLOAT_EQ(k.tanh[i], std::tanh(0.7f * (k.q[i] + k.k[i])));
    }
    EXPECT_NEAR(k.total, double(k.value), 1e-5);
}

TEST(Narration, LayerNormMeanAndSigma) {
    Spec s = mhaSpec(1, 3, 4, 2, 8);
    s.config.transformerSublayer = true;
    s.weights.erase("layer_norm/gamma");
    s.weights["layer_norm/gamma"] = randomNormal({5}, 8, 3);
    const Trace t = run(s);
    const LayerNormRow r = layerNormRow(t, step(t, "layer_norm"), {0, 2}).value();
    EXPECT_EQ(r.x.size(), 5u);
    double mean = 0, var = 0;
    for (float v : r.x)
        mean += v / 5.0;
    for (float v : r.x)
        var += (v - mean) * (v - mean) / 5.0;
    EXPECT_NEAR(r.mean, mean, 1e-9);
    EXPECT_NEAR(r.variance, var, 1e-9);
    EXPECT_DOUBLE_EQ(r.epsilon, 1e-3);
    EXPECT_DOUBLE_EQ(r.stddev, std::sqrt(r.variance + 1e-3));
    for (size_t e = 0; e < 5; ++e)
        EXPECT_NEAR(r.y[e], (r.x[e] - r.mean) / r.stddev * r.gamma[e] + r.beta[e], 1e-5);
    EXPECT_EQ(r.x, (std::vector<float>(step(t, "residual").value.data() + 10, step(t, "residual").value.data() + 15)));
}

TEST(Narration, WrongOpKindOrIndexIsRefused) {
    const Trace t = run(mhaSpec(1, 2, 2, 1, 1));
    EXPECT_FALSE(productCell(t, step(t, "weights"), {0, 0, 0, 0}));
    EXPECT_FALSE(softmaxRow(t, step(t, "scores"), {0, 0, 0}));
    EXPECT_FALSE(softmaxRow(t, step(t, "weights"), {0, 0, 2}));
    EXPECT_FALSE(productCell(t, step(t, "scores"), {0, 0}));
    EXPECT_FALSE(layerNormRow(t, step(t, "output"), {0, 0}));
    EXPECT_FALSE(tanhSumCell(t, step(t, "scores"), {0, 0, 0}));
    // The reason names the step and what is wrong, for the caller to show or drop.
    const auto notSoftmax = softmaxRow(t, step(t, "scores"), {0, 0, 0});
    EXPECT_NE(notSoftmax.reason().find("'scores'"), std::string::npos) << notSoftmax.reason();
    EXPECT_NE(notSoftmax.reason().find("not a softmax"), std::string::npos) << notSoftmax.reason();
    const auto outside = softmaxRow(t, step(t, "weights"), {0, 0, 2});
    EXPECT_NE(outside.reason().find("index 2 is outside axis 2"), std::string::npos) << outside.reason();
    EXPECT_TRUE(softmaxRow(t, step(t, "weights"), {0, 0, 1}));
}
