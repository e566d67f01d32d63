// The equivalence lab: each claim holds with all its conditions, and each
// condition left out makes the two traces part, at a step the diff finds.
#include "core/attention.h"
#include "core/equivalence_lab.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace attnviz::core;

namespace {

Spec base() {
    Spec s;
    s.shapes.queryLen = 3;
    s.shapes.sourceLen = 4;
    s.shapes.queryFeatures = s.shapes.valueFeatures = 6;
    s.seed = 11;
    return s;
}

std::vector<StepDiff> diffs(Claim c, const std::vector<std::string>& untick, const Spec& b = base()) {
    const ClaimSetup setup = buildClaim(c, b, untick);
    return diffTraces(run(setup.left), run(setup.right));
}

const StepDiff& diffOf(const std::vector<StepDiff>& d, const std::string& key) {
    for (const StepDiff& x : d)
        if (x.key == key)
            return x;
    throw std::runtime_error("no diff for " + key);
}

} // namespace

TEST(EquivalenceLab, MhaWithOneHeadIsAttentionUnderEveryCondition) {
    const auto d = diffs(Claim::MhaOneHeadIsAttention, {});
    for (const char* key : {"query", "value", "scores", "weights", "output"}) {
        const StepDiff& x = diffOf(d, key);
        EXPECT_TRUE(x.comparable) << key;
        EXPECT_TRUE(x.equal) << key << " max |Δ| " << x.maxAbsDiff;
        EXPECT_LT(x.maxAbsDiff, 1e-5) << key;
    }
    EXPECT_EQ(firstDifference(d), nullptr);
    // Masks carry over: causal and a value mask.
    Spec b = base();
    b.call.useCausalMask = true;
    b.valueMask = Tensor({1, 4}, {1, 1, 0, 1});
    EXPECT_EQ(firstDifference(diffs(Claim::MhaOneHeadIsAttention, {}, b)), nullptr);
}

TEST(EquivalenceLab, EachMhaConditionMatters) {
    // Without 1/√d on Attention's side the scores part first.
    auto d = diffs(Claim::MhaOneHeadIsAttention, {"scale"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    EXPECT_GT(diffOf(d, "scores").maxAbsDiff, 0.1);
    // A second head doubles the output (each head is the same).
    d = diffs(Claim::MhaOneHeadIsAttention, {"one_head"});
    EXPECT_FALSE(diffOf(d, "weights").comparable); // [B,2,T,S] against [B,T,S]
    EXPECT_FALSE(diffOf(d, "output").equal);
    for (const char* c : {"identity_kernels", "key_dim_is_width", "no_bias"}) {
        d = diffs(Claim::MhaOneHeadIsAttention, {c});
        ASSERT_NE(firstDifference(d), nullptr) << c;
        EXPECT_EQ(firstDifference(d)->key, "scores") << c;
    }
    d = diffs(Claim::MhaOneHeadIsAttention, {"identity_output"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "output"); // the weights still agree
    EXPECT_TRUE(diffOf(d, "weights").equal);
}

TEST(EquivalenceLab, ConcatIsAdditive) {
    auto d = diffs(Claim::ConcatIsAdditive, {});
    EXPECT_EQ(firstDifference(d), nullptr);
    EXPECT_LT(diffOf(d, "output").maxAbsDiff, 1e-5);
    d = diffs(Claim::ConcatIsAdditive, {"no_scale"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    d = diffs(Claim::ConcatIsAdditive, {"unit_score_weight"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    EXPECT_GT(diffOf(d, "weights").maxAbsDiff, 1e-3);
}

TEST(EquivalenceLab, RefusesWhatItCannotRun) {
    EXPECT_THROW(buildClaim(Claim::MhaOneHeadIsAttention, base(), {"gravity"}), std::invalid_argument);
    Spec b = base();
    b.shapes.valueFeatures = 5;
    EXPECT_THROW(buildClaim(Claim::MhaOneHeadIsAttention, b), SpecError);
    EXPECT_EQ(claimFromId("concat-additive"), Claim::ConcatIsAdditive);
    EXPECT_FALSE(claimFromId("nope"));
    for (Claim c : availableClaims())
        EXPECT_FALSE(claimConditions(c).empty());
}

TEST(EquivalenceLab, DiffFindsTheLargestDifference) {
    Trace a, b;
    Step s;
    s.key = "x";
    s.value = Tensor({2, 2}, {1, 2, 3, 4});
    a.steps.push_back(s);
    s.value = Tensor({2, 2}, {1, 2.5f, 3, 4.000001f});
    b.steps.push_back(s);
    s.key = "only_a";
    a.steps.push_back(s);
    const auto d = diffTraces(a, b);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_DOUBLE_EQ(d[0].maxAbsDiff, 0.5);
    EXPECT_EQ(d[0].argmax, 1);
    EXPECT_FALSE(d[0].equal);
    b.steps[0].value.values()[1] = std::nanf("");
    EXPECT_TRUE(std::isnan(diffTraces(a, b)[0].maxAbsDiff));
}

TEST(EquivalenceLab, GroupQueryWithAllHeadsIsMultiHead) {
    Spec b = base();
    b.config.numHeads = 4;
    b.config.keyDim = 3;
    const ClaimSetup setup = buildClaim(Claim::GqaIsMha, b);
    EXPECT_EQ(setup.left.config.layer, LayerKind::GroupQueryAttention);
    EXPECT_EQ(setup.left.config.numKeyValueHeads, 4);
    auto d = diffs(Claim::GqaIsMha, {}, b);
    EXPECT_EQ(firstDifference(d), nullptr);
    EXPECT_LT(diffOf(d, "output").maxAbsDiff, 1e-5);
    // Multi-query: heads 1..3 read head 0's keys, so the scores part (the key
    // projections differ in shape and are not compared).
    d = diffs(Claim::GqaIsMha, {"same_heads"}, b);
    EXPECT_FALSE(diffOf(d, "key_dense").comparable);
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    // Other weights: the query projection already differs.
    d = diffs(Claim::GqaIsMha, {"same_kernels"}, b);
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "query_dense");
}
