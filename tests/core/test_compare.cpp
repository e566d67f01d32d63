// core/compare: the variants are labelled as Keras builds them and run on the
// user's inputs; every identity holds (max |Δ| ≤ 1e-5) exactly when its
// conditions are met, over many shapes, masks and seeds.
#include "core/attention.h"
#include "core/compare.h"
#include "core/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace attnviz::core;

namespace {

Spec userSpec(LayerKind layer, Index B, Index T, Index S, Index dq, Index dk, std::uint64_t seed) {
    Spec s;
    s.config.layer = layer;
    s.seed = seed;
    s.query = randomNormal({B, T, dq}, seed, 1);
    s.value = randomNormal({B, S, dk}, seed, 2);
    return s;
}

const EquivalenceCheck& check(const Comparison& c, const std::string& id) {
    for (const EquivalenceCheck& k : c.checks)
        if (k.id == id)
            return k;
    throw std::runtime_error("no check " + id);
}

const CompareVariant& variant(const Comparison& c, const std::string& id) {
    for (const CompareVariant& v : c.variants)
        if (v.id == id)
            return v;
    throw std::runtime_error("no variant " + id);
}

} // namespace

TEST(Compare, VariantsAreLabelledAsKerasBuildsThemAndRunOnTheUsersInputs) {
    const Spec user = userSpec(LayerKind::MultiHeadAttention, 2, 3, 5, 4, 4, 3);
    const Comparison c = compare(user);
    std::vector<std::string> ids;
    for (const CompareVariant& v : c.variants) {
        SCOPED_TRACE(v.id);
        ids.push_back(v.id);
        ASSERT_TRUE(v.trace.has_value()) << v.error;
        EXPECT_TRUE(v.error.empty());
        EXPECT_EQ(v.trace->find("query")->value.values(), user.query->values());
        EXPECT_EQ(v.trace->find("value")->value.values(), user.value->values());
        // Only a what-if may set a scale Keras does not start with, and it says so.
        const bool mentionsRootD = v.label.find("1/√") != std::string::npos;
        EXPECT_EQ(v.whatIf, mentionsRootD);
        if (v.whatIf) {
            EXPECT_NE(v.label.find("what-if"), std::string::npos);
        }
        EXPECT_EQ(v.trace->layer, v.label.substr(0, v.label.find('(')));
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"dot", "scaled_dot", "concat", "additive", "additive_no_scale", "mha"}));
    EXPECT_EQ(variant(c, "dot").label, "Attention()");
    EXPECT_EQ(variant(c, "mha").label, "MultiHeadAttention(num_heads=2, key_dim=4)");
    // The what-if really uses 1/√d; Keras' own use_scale=True starts at 1.
    EXPECT_FLOAT_EQ(variant(c, "scaled_dot").trace->params.at("scale").data()[0], 0.5f);
    // The additive variant's scale is Keras' glorot_uniform draw, not ones.
    const Tensor& scale = variant(c, "additive").trace->params.at("scale");
    EXPECT_EQ(scale.shape(), (Shape{4}));
    EXPECT_NE(scale.data()[0], 1.0f);
    // Inference only: the user's dropout and training are dropped.
    Spec training = user;
    training.config.dropout = 0.5f;
    training.call.training = true;
    for (const CompareVariant& v : compare(training).variants)
        EXPECT_EQ(v.trace->find("dropout"), nullptr) << v.id;
}

TEST(Compare, UserWeightsReachTheMatchingVariant) {
    Spec user = userSpec(LayerKind::AdditiveAttention, 1, 2, 3, 2, 2, 5);
    user.weights["scale"] = Tensor({2}, {0.25f, -2.0f});
    const Comparison c = compare(user);
    EXPECT_EQ(variant(c, "additive").trace->params.at("scale").values(), (std::vector<float>{0.25f, -2.0f}));
}

TEST(Compare, EveryIdentityHoldsWhenItsConditionsAreMet) {
    int applicable = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const Index B = 1 + Index(seed % 3), T = 1 + Index(seed % 5), S = 2 + Index(seed % 4), d = 1 + Index(seed % 6);
        Spec user = userSpec(seed % 2 ? LayerKind::Attention : LayerKind::MultiHeadAttention, B, T, S, d, d, seed);
        if (seed % 3 == 0)
            user.call.useCausalMask = true;
        if (seed % 4 == 1) {
            Tensor m({B, S});
            for (Index i = 0; i < m.size(); ++i)
                m.data()[i] = (i * 7 + Index(seed)) % 3 ? 1.0f : 0.0f;
            user.valueMask = m;
        }
        const Comparison c = compare(user);
        for (const EquivalenceCheck& k : c.checks) {
            SCOPED_TRACE("seed " + std::to_string(seed) + ": " + k.id + " — " + k.note);
            EXPECT_FALSE(k.claim.empty());
            EXPECT_FALSE(k.conditions.empty());
            if (k.id == "one_head_mha_is_scaled_dot_masked") {
                EXPECT_EQ(k.applicable, user.valueMask.has_value() || user.call.useCausalMask);
            } else {
                EXPECT_TRUE(k.applicable);
            }
            if (k.applicable) {
                ++applicable;
                EXPECT_TRUE(k.holds()) << "max |Δ| = " << k.maxAbsDiff;
            }
        }
    }
    EXPECT_GE(applicable, 12 * 3);
}

TEST(Compare, DifferentWidthsMakeTheAttentionSidesInapplicable) {
    const Comparison c = compare(userSpec(LayerKind::MultiHeadAttention, 1, 3, 4, 6, 5, 2));
    EXPECT_TRUE(variant(c, "mha").trace.has_value());
    for (const char* id : {"dot", "scaled_dot", "concat", "additive", "additive_no_scale"}) {
        EXPECT_FALSE(variant(c, id).trace.has_value()) << id;
        EXPECT_NE(variant(c, id).error.find("same width"), std::string::npos) << variant(c, id).error;
    }
    for (const EquivalenceCheck& k : c.checks) {
        EXPECT_FALSE(k.applicable) << k.id;
        EXPECT_FALSE(k.holds()) << k.id;
        EXPECT_NE(k.note.find("not met"), std::string::npos) << k.note;
    }
}

TEST(Compare, FullyMaskedRowsAreLeftOutBecauseTheLayersDifferThere) {
    Spec user = userSpec(LayerKind::Attention, 2, 3, 4, 3, 3, 8);
    // Batch 0 keeps keys 0 and 2, batch 1 none. Built in a loop: GCC 12.2 with
    // -mavx512f (ATTNVIZ_NATIVE on this machine) miscompiles the literal
    // {1, 0, 1, 0, 0, 0, 0, 0} into {1, 0, 1, 0, 1, 0, 1, 0}.
    Tensor mask({2, 4});
    for (Index s = 0; s < 4; s += 2)
        mask.data()[s] = 1.0f;
    user.valueMask = mask;
    const Comparison c = compare(user);
    const EquivalenceCheck& k = check(c, "one_head_mha_is_scaled_dot_masked");
    ASSERT_TRUE(k.applicable) << k.note;
    EXPECT_TRUE(k.holds()) << k.maxAbsDiff;
    EXPECT_NE(k.note.find("fully masked rows left out: 3"), std::string::npos) << k.note;
    // Not a vacuous exclusion: in those rows MultiHeadAttention's weights are 0,
    // Attention's a uniform 1/S.
    const Tensor& mha = variant(c, "mha").trace->find("weights")->value;        // (2, N, 3, 4)
    const Tensor& dot = variant(c, "scaled_dot").trace->find("weights")->value; // (2, 3, 4)
    for (Index i = mha.size() / 2; i < mha.size(); ++i)
        EXPECT_EQ(mha.data()[i], 0.0f);
    for (Index i = dot.size() / 2; i < dot.size(); ++i)
        EXPECT_FLOAT_EQ(dot.data()[i], 0.25f);
}

TEST(Compare, MaxAbsDiffMeasuresAndRefusesDifferentSizes) {
    EXPECT_DOUBLE_EQ(maxAbsDiff(Tensor({2}, {1, 2}), Tensor({1, 2}, {1.5f, 1})), 1.0);
    EXPECT_TRUE(std::isinf(maxAbsDiff(Tensor({2}, {1, 2}), Tensor({3}))));
}

TEST(Compare, InputsThatCannotBeResolvedThrowSpecError) {
    Spec user = userSpec(LayerKind::Attention, 1, 2, 2, 2, 2, 1);
    user.shapes.batch = 0;
    user.query.reset();
    EXPECT_THROW(compare(user), SpecError);
}
