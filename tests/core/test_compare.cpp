// core/compare: the variants are labelled as Keras builds them, follow the
// user's setup and run on the user's inputs; every identity holds (max |Δ| ≤
// 1e-5) when its conditions are applied, over many shapes, masks and seeds;
// whether the user's own setup meets the conditions is judged separately; and
// in the equivalence lab each condition left out makes the two traces part,
// at a step the diff finds.
#include "core/layers/run.h"
#include "core/teach/compare.h"
#include "core/base/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace attnviz::core;

namespace {

Tensor scalar(float v) {
    return Tensor(Shape{}, {v});
}

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
    EXPECT_EQ(ids, (std::vector<std::string>{"dot", "scaled_dot", "concat", "additive", "additive_no_scale", "mha",
                                             "gqa", "mqa"}));
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
            EXPECT_TRUE(k.applicable);
            if (k.applicable) {
                ++applicable;
                EXPECT_TRUE(k.holds()) << "max |Δ| = " << k.maxAbsDiff;
            }
        }
    }
    EXPECT_GE(applicable, 12 * int(identities().size()));
}

TEST(Compare, DifferentWidthsMakeTheAttentionSidesInapplicable) {
    const Comparison c = compare(userSpec(LayerKind::MultiHeadAttention, 1, 3, 4, 6, 5, 2));
    EXPECT_TRUE(variant(c, "mha").trace.has_value());
    for (const char* id : {"dot", "scaled_dot", "concat", "additive", "additive_no_scale"}) {
        EXPECT_FALSE(variant(c, id).trace.has_value()) << id;
        EXPECT_NE(variant(c, id).error.find("same width"), std::string::npos) << variant(c, id).error;
    }
    for (const EquivalenceCheck& k : c.checks) {
        if (!findIdentity(k.id)->requirement.empty()) { // the Attention-side identities
            EXPECT_FALSE(k.applicable) << k.id;
            EXPECT_FALSE(k.holds()) << k.id;
            EXPECT_NE(k.note.find("not met"), std::string::npos) << k.note;
            EXPECT_FALSE(k.setup.met) << k.id;
        } else { // GroupQueryAttention ≡ MultiHeadAttention projects both: it still holds
            EXPECT_TRUE(k.holds()) << k.id << ": " << k.note;
        }
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
    const EquivalenceCheck& k = check(c, "mha-attention");
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

// --- The tiles follow Setup -------------------------------------------------------

TEST(Compare, TilesFollowTheUsersLayerOptionsAndWeights) {
    Spec user = userSpec(LayerKind::Attention, 1, 3, 4, 4, 4, 2);
    user.config.useScale = true;
    user.weights["scale"] = scalar(0.3f);
    Comparison c = compare(user);
    EXPECT_EQ(variant(c, "dot").label, "Attention(use_scale=True)");
    EXPECT_TRUE(variant(c, "dot").usersLayer);
    EXPECT_FLOAT_EQ(variant(c, "dot").trace->params.at("scale").data()[0], 0.3f);
    EXPECT_FALSE(variant(c, "concat").usersLayer);
    EXPECT_FALSE(variant(c, "mha").usersLayer);

    user = userSpec(LayerKind::MultiHeadAttention, 1, 3, 4, 4, 4, 2);
    user.config.numHeads = 3;
    user.config.keyDim = 5;
    user.config.useBias = false;
    user.config.slidingWindow = 2;
    c = compare(user);
    const CompareVariant& mha = variant(c, "mha");
    EXPECT_TRUE(mha.usersLayer);
    EXPECT_EQ(mha.label, "MultiHeadAttention(num_heads=3, key_dim=5, use_bias=False, sliding_window=2)");
    EXPECT_EQ(mha.trace->steps.size(), run(user).steps.size());
    EXPECT_EQ(mha.trace->find("output")->value.values(), run(user).find("output")->value.values());
    EXPECT_EQ(variant(c, "gqa").label,
              "GroupQueryAttention(head_dim=5, num_query_heads=3, num_key_value_heads=3, use_bias=False, "
              "sliding_window=2)");
    EXPECT_EQ(variant(c, "mqa").label,
              "GroupQueryAttention(head_dim=5, num_query_heads=3, num_key_value_heads=1, use_bias=False, "
              "sliding_window=2)");
    // AdditiveAttention's two tiles: the user's layer is the one whose use_scale matches.
    user = userSpec(LayerKind::AdditiveAttention, 1, 3, 4, 4, 4, 2);
    user.config.useScale = false;
    c = compare(user);
    EXPECT_FALSE(variant(c, "additive").usersLayer);
    EXPECT_TRUE(variant(c, "additive_no_scale").usersLayer);
    EXPECT_EQ(variant(c, "additive_no_scale").label, "AdditiveAttention(use_scale=False)");
    EXPECT_EQ(variant(c, "additive_no_scale").trace->params.count("scale"), 0u);
}

TEST(Compare, GroupQueryWithAllHeadsSitsBesideMultiHeadAndEqualsIt) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        Spec user = userSpec(LayerKind::MultiHeadAttention, 1 + Index(seed % 2), 3, 4, 5, 5, seed);
        user.config.numHeads = 2 + int(seed % 3);
        user.config.keyDim = 3;
        user.call.useCausalMask = seed % 2 == 0;
        const Comparison c = compare(user);
        const CompareVariant& gqa = variant(c, "gqa");
        SCOPED_TRACE(gqa.label);
        ASSERT_TRUE(gqa.trace) << gqa.error;
        EXPECT_EQ(gqa.sameAs, "mha");
        ASSERT_TRUE(gqa.sameAsMaxAbsDiff);
        EXPECT_LE(*gqa.sameAsMaxAbsDiff, EquivalenceCheck::kTolerance);
        EXPECT_EQ(gqa.spec.config.numKeyValueHeads, user.config.numHeads);
        // Multi-query reads head 0's keys in every head: equal to neither in general.
        const CompareVariant& mqa = variant(c, "mqa");
        ASSERT_TRUE(mqa.trace) << mqa.error;
        EXPECT_EQ(mqa.spec.config.numKeyValueHeads, 1);
        EXPECT_GT(maxAbsDiff(mqa.trace->find("output")->value, variant(c, "mha").trace->find("output")->value), 1e-4);
        // Head 0 reads the same keys as in MultiHeadAttention: its weights agree.
        const Tensor& wm = mqa.trace->find("weights")->value; // (B, N, T, S)
        const Tensor& wh = variant(c, "mha").trace->find("weights")->value;
        for (Index i = 0; i < 3 * 4; ++i)
            EXPECT_NEAR(wm.data()[i], wh.data()[i], 1e-6);
    }
}

TEST(Compare, TheUsersGroupQueryAttentionGetsItsOwnTileAndAMultiHeadCounterpart) {
    Spec user = userSpec(LayerKind::GroupQueryAttention, 2, 3, 4, 6, 6, 9);
    user.config.numHeads = 4;
    user.config.numKeyValueHeads = 2;
    user.config.keyDim = 3;
    const Comparison c = compare(user);
    const CompareVariant& own = variant(c, "gqa_user");
    EXPECT_TRUE(own.usersLayer);
    const Trace mine = run(user);
    EXPECT_EQ(own.trace->find("output")->value.values(), mine.find("output")->value.values());
    // The MultiHeadAttention tile repeats each key/value head over its group,
    // as Keras' GroupQueryAttention does: the same outputs.
    EXPECT_LE(maxAbsDiff(variant(c, "mha").trace->find("output")->value, mine.find("output")->value), 1e-5);
    EXPECT_FALSE(check(c, "gqa-mha").setup.met);
    EXPECT_TRUE(check(c, "gqa-mha").holds());
    EXPECT_FALSE(check(c, "gqa-mha").holdsForSetup());
}

// --- Whether the user's setup meets an identity's conditions (the ✓) ---------------

TEST(Compare, SetupVerdictFollowsTheUsersOwnOptions) {
    const Identity& mhaAtt = *findIdentity("mha-attention");
    // The student's case: MultiHeadAttention with key_dim 16 on 8 features.
    Spec user = userSpec(LayerKind::MultiHeadAttention, 1, 3, 3, 8, 8, 4);
    user.config.numHeads = 1;
    user.config.keyDim = 16;
    user.config.useBias = false;
    SetupVerdict v = setupMeets(mhaAtt, user);
    EXPECT_FALSE(v.met);
    ASSERT_FALSE(v.unmet.empty());
    EXPECT_NE(v.unmet[0].find("key_dim = 16"), std::string::npos) << v.unmet[0];
    const Comparison c = compare(user);
    EXPECT_TRUE(check(c, "mha-attention").holds()); // the identity itself, with its conditions applied
    EXPECT_FALSE(check(c, "mha-attention").holdsForSetup());

    // Every condition met: one head, key_dim = width, no bias, identity kernels.
    user.config.keyDim = 8;
    const IdentitySides sides = buildIdentity("mha-attention", user);
    user.weights = sides.left.weights;
    v = setupMeets(mhaAtt, user);
    EXPECT_TRUE(v.met) << (v.unmet.empty() ? "" : v.unmet[0]);
    EXPECT_TRUE(check(compare(user), "mha-attention").holdsForSetup());
    // Each condition broken on its own makes the verdict false.
    Spec broken = user;
    broken.config.useBias = true;
    EXPECT_FALSE(setupMeets(mhaAtt, broken).met);
    broken = user;
    broken.weights["query_dense/kernel"].data()[0] = 0.5f;
    EXPECT_FALSE(setupMeets(mhaAtt, broken).met);
    broken = user;
    broken.config.numHeads = 2;
    EXPECT_FALSE(setupMeets(mhaAtt, broken).met);

    // Attention's side: Keras' use_scale=True starts at 1, not 1/√d.
    Spec att = userSpec(LayerKind::Attention, 1, 3, 3, 4, 4, 4);
    EXPECT_FALSE(setupMeets(mhaAtt, att).met);
    att.config.useScale = true;
    EXPECT_FALSE(setupMeets(mhaAtt, att).met);
    att.weights["scale"] = scalar(0.5f);
    EXPECT_TRUE(setupMeets(mhaAtt, att).met);
    EXPECT_FALSE(setupMeets(*findIdentity("scale-one"), att).met);
    // A layer on neither side never meets it.
    EXPECT_FALSE(setupMeets(mhaAtt, userSpec(LayerKind::AdditiveAttention, 1, 3, 3, 4, 4, 4)).met);

    const Identity& concat = *findIdentity("concat-additive");
    Spec add = userSpec(LayerKind::AdditiveAttention, 1, 3, 3, 4, 4, 4);
    EXPECT_FALSE(setupMeets(concat, add).met); // use_scale=True is AdditiveAttention's default
    add.config.useScale = false;
    EXPECT_TRUE(setupMeets(concat, add).met);
    Spec cat = userSpec(LayerKind::Attention, 1, 3, 3, 4, 4, 4);
    cat.config.scoreMode = ScoreMode::Concat;
    EXPECT_TRUE(setupMeets(concat, cat).met);
    cat.weights["concat_score_weight"] = scalar(2.0f);
    EXPECT_FALSE(setupMeets(concat, cat).met);

    Spec gqa = userSpec(LayerKind::GroupQueryAttention, 1, 3, 3, 4, 4, 4);
    gqa.config.numHeads = 4;
    gqa.config.numKeyValueHeads = 4;
    EXPECT_TRUE(setupMeets(*findIdentity("gqa-mha"), gqa).met);
    EXPECT_FALSE(setupMeets(*findIdentity("mqa-mha"), gqa).met);
    gqa.config.numKeyValueHeads = 1;
    EXPECT_FALSE(setupMeets(*findIdentity("gqa-mha"), gqa).met);
    EXPECT_TRUE(setupMeets(*findIdentity("mqa-mha"), gqa).met);
    // MultiHeadAttention drawn from the seed: its heads do not share keys.
    EXPECT_FALSE(setupMeets(*findIdentity("mqa-mha"), userSpec(LayerKind::MultiHeadAttention, 1, 3, 3, 4, 4, 4)).met);
}

// --- The equivalence lab: identities with conditions unticked ------------------------

namespace {

Spec labBase() {
    Spec s;
    s.shapes.queryLen = 3;
    s.shapes.sourceLen = 4;
    s.shapes.queryFeatures = s.shapes.valueFeatures = 6;
    s.seed = 11;
    return s;
}

std::vector<StepDiff> diffs(const std::string& id, const std::vector<std::string>& untick, const Spec& b = labBase()) {
    return runIdentity(id, b, untick).diffs;
}

const StepDiff& diffOf(const std::vector<StepDiff>& d, const std::string& key) {
    for (const StepDiff& x : d)
        if (x.key == key)
            return x;
    throw std::runtime_error("no diff for " + key);
}

} // namespace

TEST(EquivalenceLab, MhaWithOneHeadIsAttentionUnderEveryCondition) {
    const auto d = diffs("mha-attention", {});
    for (const char* key : {"query", "value", "scores", "weights", "output"}) {
        const StepDiff& x = diffOf(d, key);
        EXPECT_TRUE(x.comparable) << key;
        EXPECT_TRUE(x.equal) << key << " max |Δ| " << x.maxAbsDiff;
        EXPECT_LT(x.maxAbsDiff, 1e-5) << key;
    }
    EXPECT_EQ(firstDifference(d), nullptr);
    // Masks carry over: causal and a value mask.
    Spec b = labBase();
    b.call.useCausalMask = true;
    b.valueMask = Tensor({1, 4}, {1, 1, 0, 1});
    EXPECT_EQ(firstDifference(diffs("mha-attention", {}, b)), nullptr);
}

TEST(EquivalenceLab, EachMhaConditionMatters) {
    // Without 1/√d on Attention's side the scores part first.
    auto d = diffs("mha-attention", {"scale"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    EXPECT_GT(diffOf(d, "scores").maxAbsDiff, 0.1);
    // A second head doubles the output (each head is the same).
    d = diffs("mha-attention", {"one_head"});
    EXPECT_FALSE(diffOf(d, "weights").comparable); // [B,2,T,S] against [B,T,S]
    EXPECT_FALSE(diffOf(d, "output").equal);
    for (const char* c : {"identity_kernels", "key_dim_is_width", "no_bias"}) {
        d = diffs("mha-attention", {c});
        ASSERT_NE(firstDifference(d), nullptr) << c;
        EXPECT_EQ(firstDifference(d)->key, "scores") << c;
    }
    d = diffs("mha-attention", {"identity_output"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "output"); // the weights still agree
    EXPECT_TRUE(diffOf(d, "weights").equal);
}

TEST(EquivalenceLab, ConcatIsAdditiveAndScaleStartsAtOne) {
    auto d = diffs("concat-additive", {});
    EXPECT_EQ(firstDifference(d), nullptr);
    EXPECT_LT(diffOf(d, "output").maxAbsDiff, 1e-5);
    d = diffs("concat-additive", {"no_scale"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    d = diffs("concat-additive", {"unit_score_weight"});
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    EXPECT_GT(diffOf(d, "weights").maxAbsDiff, 1e-3);
    EXPECT_EQ(firstDifference(diffs("scale-one", {})), nullptr);
    ASSERT_NE(firstDifference(diffs("scale-one", {"unit_scale"})), nullptr);
    EXPECT_EQ(firstDifference(diffs("scale-one", {"unit_scale"}))->key, "scores");
}

TEST(EquivalenceLab, RefusesWhatItCannotRun) {
    EXPECT_THROW(buildIdentity("mha-attention", labBase(), {"gravity"}), std::invalid_argument);
    EXPECT_THROW(buildIdentity("cats-are-dogs", labBase()), std::invalid_argument);
    Spec b = labBase();
    b.shapes.keyFeatures = 5;
    EXPECT_THROW(buildIdentity("mha-attention", b), SpecError);
    EXPECT_EQ(findIdentity("concat-additive")->id, "concat-additive");
    EXPECT_EQ(findIdentity("nope"), nullptr);
    for (const Identity& i : identities()) {
        EXPECT_FALSE(i.conditions.empty()) << i.id;
        EXPECT_EQ(buildIdentity(i.id, labBase()).identity, &i);
    }
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

TEST(EquivalenceLab, GroupQueryWithAllHeadsIsMultiHeadAndMultiQuerySharesKeys) {
    Spec b = labBase();
    b.config.numHeads = 4;
    b.config.keyDim = 3;
    const IdentitySides setup = buildIdentity("gqa-mha", b);
    EXPECT_EQ(setup.left.config.layer, LayerKind::GroupQueryAttention);
    EXPECT_EQ(setup.left.config.numKeyValueHeads, 4);
    auto d = diffs("gqa-mha", {}, b);
    EXPECT_EQ(firstDifference(d), nullptr);
    EXPECT_LT(diffOf(d, "output").maxAbsDiff, 1e-5);
    // Multi-query: heads 1..3 read head 0's keys, so the scores part (the key
    // projections differ in shape and are not compared).
    d = diffs("gqa-mha", {"same_heads"}, b);
    EXPECT_FALSE(diffOf(d, "key_dense").comparable);
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
    // Other weights: the query projection already differs.
    d = diffs("gqa-mha", {"same_kernels"}, b);
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "query_dense");
    // Multi-query ≡ MultiHeadAttention whose heads share head 0's keys and values.
    d = diffs("mqa-mha", {}, b);
    EXPECT_EQ(firstDifference(d), nullptr);
    EXPECT_LT(diffOf(d, "output").maxAbsDiff, 1e-5);
    d = diffs("mqa-mha", {"shared_kv"}, b);
    ASSERT_NE(firstDifference(d), nullptr);
    EXPECT_EQ(firstDifference(d)->key, "scores");
}
