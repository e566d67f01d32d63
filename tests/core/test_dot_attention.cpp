// Attention (dot / concat) and AdditiveAttention: hand-checkable scores, the
// float32 "-1e9 subtraction" behaviour, query-mask handling (equivalences between layers: test_compare.cpp).
#include "core/layers/run.h"
#include "core/base/random.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace attnviz::core;
using attnviz::testing::allClose;

namespace {

Spec attnSpec(LayerKind kind, Tensor q, Tensor v) {
    Spec s;
    s.config.layer = kind;
    s.query = std::move(q);
    s.value = std::move(v);
    return s;
}

const Tensor& val(const Trace& t, const std::string& key) {
    const Step* s = t.find(key);
    if (!s)
        throw std::runtime_error("no step " + key);
    return s->value;
}

} // namespace

TEST(Attention, DotScoresByHandWithoutSqrtScaling) {
    Spec s = attnSpec(LayerKind::Attention, Tensor({1, 1, 2}, {1, 2}), Tensor({1, 2, 2}, {3, 4, 5, 6}));
    const Trace t = run(s);
    EXPECT_FLOAT_EQ(val(t, "scores").data()[0], 11.0f); // 1·3 + 2·4, no 1/√d
    EXPECT_FLOAT_EQ(val(t, "scores").data()[1], 17.0f);
    const double p0 = 1.0 / (1.0 + std::exp(6.0));
    EXPECT_NEAR(val(t, "weights").data()[0], p0, 1e-7);
    EXPECT_NEAR(val(t, "output").data()[0], p0 * 3 + (1 - p0) * 5, 1e-5);
    EXPECT_EQ(t.find("dot_scores"), nullptr);
}

TEST(Attention, ScoreFormulaNamesTheTensorItReads) {
    // No key given: Keras uses the value as the key, and the formula says v, as the stage draws it.
    Spec s = attnSpec(LayerKind::Attention, Tensor({1, 1, 2}, {1, 2}), Tensor({1, 2, 2}, {3, 4, 5, 6}));
    for (LayerKind kind : {LayerKind::Attention, LayerKind::AdditiveAttention}) {
        s.config.layer = kind;
        s.key.reset();
        const Trace noKey = run(s);
        EXPECT_EQ(noKey.find("scores")->inputs.at(1), "value");
        EXPECT_NE(noKey.find("scores")->formula.find("v[b,s,d]"), std::string::npos) << noKey.find("scores")->formula;
        s.key = Tensor({1, 2, 2}, {1, 0, 0, 1});
        const Trace withKey = run(s);
        EXPECT_EQ(withKey.find("scores")->inputs.at(1), "key");
        EXPECT_NE(withKey.find("scores")->formula.find("k[b,s,d]"), std::string::npos);
    }
}

TEST(Attention, UseScaleMultipliesAfterTheDotProduct) {
    Spec s = attnSpec(LayerKind::Attention, Tensor({1, 1, 2}, {1, 2}), Tensor({1, 2, 2}, {3, 4, 5, 6}));
    s.config.useScale = true;
    s.weights["scale"] = Tensor({}, {0.5f});
    const Trace t = run(s);
    EXPECT_FLOAT_EQ(val(t, "dot_scores").data()[0], 11.0f);
    EXPECT_FLOAT_EQ(val(t, "scores").data()[0], 5.5f);
    EXPECT_EQ(t.find("scores")->op, OpKind::Scale);
}

TEST(Attention, FullyMaskedRowIsUniformOverAllKeys) {
    // float32: small scores - 1e9 round to exactly -1e9, so the row is uniform.
    Spec s = attnSpec(LayerKind::Attention, randomNormal({2, 3, 4}, 1, 1), randomNormal({2, 5, 4}, 1, 2));
    s.valueMask = Tensor({2, 5}, {1, 0, 1, 1, 0, 0, 0, 0, 0, 0});
    const Trace t = run(s);
    const Tensor& w = val(t, "weights");
    for (Index q = 0; q < 3; ++q)
        for (Index k = 0; k < 5; ++k) {
            EXPECT_FLOAT_EQ(w.at({1, q, k}), 0.2f);
            if (k == 1 || k == 4) {
                EXPECT_EQ(w.at({0, q, k}), 0.0f);
            }
        }
}

TEST(Attention, LargeScoresKeepTheirFloat32RoundingWhenFullyMasked) {
    // |score| >= 32: score - 1e9 is no longer exactly -1e9 and the row is not uniform.
    Spec s = attnSpec(LayerKind::Attention, Tensor({1, 1, 1}, {10}), Tensor({1, 2, 1}, {10, 0}));
    s.valueMask = Tensor({1, 2}, {0, 0});
    const Trace t = run(s);
    // 100 - 1e9 rounds to 1e9 - 128 (ulp 64); 0 - 1e9 = -1e9: exp(128) dominates.
    EXPECT_NEAR(val(t, "weights").data()[0], 1.0f, 1e-6);
    EXPECT_FLOAT_EQ(val(t, "masked_scores").data()[0], 100.0f - 1e9f);
}

TEST(Attention, QueryMaskZeroesOutputRowsOnly) {
    Spec s = attnSpec(LayerKind::Attention, randomNormal({1, 3, 2}, 2, 1), randomNormal({1, 4, 2}, 2, 2));
    const Trace plain = run(s);
    s.queryMask = Tensor({1, 3}, {1, 0, 1});
    const Trace masked = run(s);
    EXPECT_TRUE(allClose(val(masked, "weights"), val(plain, "weights"), 0, 0)); // weights unchanged
    EXPECT_TRUE(allClose(val(masked, "context"), val(plain, "output"), 0, 0));
    for (Index d = 0; d < 2; ++d) {
        EXPECT_EQ(val(masked, "output").at({0, 1, d}), 0.0f);
        EXPECT_EQ(val(masked, "output").at({0, 0, d}), val(plain, "output").at({0, 0, d}));
    }
}

TEST(Attention, CausalMaskRowGreaterOrEqualColumn) {
    Spec s = attnSpec(LayerKind::Attention, randomNormal({1, 4, 3}, 3, 1), randomNormal({1, 4, 3}, 3, 2));
    s.call.useCausalMask = true;
    const Trace t = run(s);
    const Tensor& w = val(t, "weights");
    for (Index q = 0; q < 4; ++q)
        for (Index k = q + 1; k < 4; ++k)
            EXPECT_EQ(w.at({0, q, k}), 0.0f);
    EXPECT_FLOAT_EQ(w.at({0, 0, 0}), 1.0f);
}

TEST(AdditiveAttention, ScoresByHandAndDefaultScale) {
    Spec s = attnSpec(LayerKind::AdditiveAttention, Tensor({1, 1, 2}, {0.5f, -1}), Tensor({1, 1, 2}, {0.25f, 2}));
    s.weights["scale"] = Tensor({2}, {2, -3});
    const Trace t = run(s);
    EXPECT_NEAR(val(t, "scores").data()[0], 2 * std::tanh(0.75) - 3 * std::tanh(1.0), 1e-6);
    EXPECT_TRUE(s.config.effectiveUseScale()); // AdditiveAttention defaults to use_scale=True
    // Default scale: glorot_uniform on shape (d,): |x| <= sqrt(3/d).
    Spec d = attnSpec(LayerKind::AdditiveAttention, randomNormal({1, 2, 12}, 5, 1), randomNormal({1, 3, 12}, 5, 2));
    const auto weights = resolveWeights(d);
    for (float x : weights.at("scale").values())
        EXPECT_LE(std::abs(x), std::sqrt(3.0 / 12.0));
}

TEST(AdditiveAttention, KeyDefaultsToValueAndSeparateKeyIsUsed) {
    const Tensor q = randomNormal({1, 2, 3}, 6, 1), v = randomNormal({1, 4, 3}, 6, 2);
    Spec s = attnSpec(LayerKind::AdditiveAttention, q, v);
    const Trace noKey = run(s);
    s.key = v;
    const Trace sameKey = run(s);
    EXPECT_TRUE(allClose(val(noKey, "output"), val(sameKey, "output"), 0, 0));
    s.key = randomNormal({1, 4, 3}, 6, 3);
    const Trace otherKey = run(s);
    EXPECT_FALSE(allClose(val(noKey, "scores"), val(otherKey, "scores"), 0, 0));
    EXPECT_EQ(otherKey.find("scores")->inputs, (std::vector<std::string>{"query", "key"}));
}

TEST(Attention, DropoutReturnsPostDropoutWeightsStep) {
    Spec s = attnSpec(LayerKind::Attention, randomNormal({1, 8, 4}, 7, 1), randomNormal({1, 8, 4}, 7, 2));
    s.config.dropout = 0.25f;
    s.call.training = true;
    const Trace t = run(s);
    ASSERT_NE(t.find("dropout"), nullptr);
    const Tensor& w = val(t, "weights");
    const Tensor& d = val(t, "dropout");
    for (Index i = 0; i < d.size(); ++i)
        if (d.data()[i] != 0.0f) {
            EXPECT_FLOAT_EQ(d.data()[i], w.data()[i] / 0.75f);
        }
}
