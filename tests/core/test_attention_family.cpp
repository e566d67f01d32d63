// The rest of Keras 3.16's attention family (issue 8): GroupQueryAttention,
// sliding_window, use_gate and every attention_mask rank, against a naive
// double-precision reference of keras-attention-semantics.md §1 and §5 on
// random configurations, plus the invariants that teach them; and the Keras
// listing of every layer and option combination holding each step's line.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/teach/keras_listing.h"
#include "core/base/random.h"
#include "support/all_close.h"
#include "support/naive_attention.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

#include <unistd.h>

using namespace attnviz::core;
using attnviz::testing::allClose;
using attnviz::testing::naive;
using attnviz::testing::Naive;
using attnviz::testing::randomMask;
using attnviz::testing::stepValue;

namespace {

Spec gqaSpec(Index B, Index T, Index S, Index E, int Nq, int Nkv, int H, std::uint64_t seed) {
    Spec s;
    s.config.layer = LayerKind::GroupQueryAttention;
    s.config.numHeads = Nq;
    s.config.numKeyValueHeads = Nkv;
    s.config.keyDim = H;
    s.shapes = {.batch = B, .queryLen = T, .sourceLen = S, .queryFeatures = E, .valueFeatures = E, .keyFeatures = {}};
    s.seed = seed;
    return s;
}

void randomBiases(Spec& s, std::uint64_t seed) {
    s.weights = resolveWeights(s);
    for (auto& [name, w] : s.weights)
        if (name.ends_with("/bias"))
            w = randomNormal(w.shape(), seed, 77);
}

} // namespace

TEST(AttentionFamily, MatchesNaiveReferenceOnRandomConfigurations) {
    int matched = 0, gqa = 0, rank2 = 0, rank4 = 0;
    for (std::uint64_t seed = 0; seed < 80; ++seed) {
        Rng r(seed + 5000);
        const Index B = 1 + Index(r.next() % 3), T = 1 + Index(r.next() % 7), S = 1 + Index(r.next() % 7);
        const Index E = 2 + Index(r.next() % 6);
        const int Nkv = 1 + int(r.next() % 3), G = 1 + int(r.next() % 3), H = 1 + int(r.next() % 5);
        Spec s = gqaSpec(B, T, S, E, Nkv * G, Nkv, H, seed);
        if (seed % 2 == 1) { // MultiHeadAttention with its own value_dim and output width
            s.config.layer = LayerKind::MultiHeadAttention;
            s.config.valueDim = seed % 3 == 0 ? std::optional<int>(1 + int(r.next() % 4)) : std::nullopt;
            s.config.outputShape = seed % 5 == 1 ? std::optional<int>(1 + int(r.next() % 6)) : std::nullopt;
        } else {
            ++gqa;
        }
        if (seed % 7 == 2) // a separate key of another width
            s.shapes.keyFeatures = 1 + Index(r.next() % 5);
        s.config.useBias = seed % 5 != 2;
        s.config.useGate = seed % 3 != 0;
        s.config.slidingWindow = seed % 4 == 0 ? std::nullopt : std::optional<int>(1 + int(r.next() % 4));
        s.call.useCausalMask = seed % 3 == 1;
        if (seed % 2 == 0)
            s.valueMask = randomMask({B, S}, seed, 0.7);
        if (seed % 5 == 0)
            s.queryMask = randomMask({B, T}, seed + 7, 0.7);
        if (seed % 6 == 1)
            s.keyMask = randomMask({B, S}, seed + 8, 0.8);
        switch (seed % 4) {
        case 1:
            s.attentionMask = randomMask({T, S}, seed + 9, 0.7);
            ++rank2;
            break;
        case 2: s.attentionMask = randomMask({B, T, S}, seed + 9, 0.7); break;
        case 3: // alone: with a padding mask Keras 3.16 broadcasts it wrongly, so it is refused (below)
            s.attentionMask = randomMask({B, s.config.numHeads, T, S}, seed + 9, 0.7);
            s.queryMask.reset();
            s.valueMask.reset();
            s.keyMask.reset();
            ++rank4;
            break;
        default: break;
        }
        randomBiases(s, seed);
        const Trace t = run(s);
        const Naive ref = naive(s, t);
        const bool outputMatches = allClose(stepValue(t, "output"), ref.output, 1e-4, 1e-5);
        const bool weightsMatch = allClose(stepValue(t, "weights"), ref.weights, 1e-4, 1e-5);
        EXPECT_TRUE(outputMatches) << "seed " << seed;
        EXPECT_TRUE(weightsMatch) << "seed " << seed;
        matched += outputMatches && weightsMatch ? 1 : 0;
    }
    EXPECT_EQ(matched, 80); // every configuration matched the reference, not merely ran
    EXPECT_GE(gqa, 30);
    EXPECT_GE(rank2, 15);
    EXPECT_GE(rank4, 15);
}

TEST(AttentionFamily, GroupQueryWithAsManyKeyValueHeadsIsMultiHeadAttention) {
    Spec g = gqaSpec(2, 5, 6, 8, 4, 4, 3, 11);
    g.call.useCausalMask = true;
    randomBiases(g, 11);
    Spec m = g;
    m.config.layer = LayerKind::MultiHeadAttention;
    m.config.numKeyValueHeads = 1; // ignored by MultiHeadAttention
    const Trace tg = run(g), tm = run(m);
    EXPECT_EQ(tg.layer, "GroupQueryAttention");
    for (const char* key : {"scores", "weights", "context", "output"})
        EXPECT_TRUE(allClose(stepValue(tg, key), stepValue(tm, key), 0, 0)) << key;
    EXPECT_TRUE(allClose(stepValue(tg, "key_repeated"), stepValue(tg, "key_dense"), 0, 0));
    EXPECT_NE(tg.find("key_repeated")->explanation.find("Here Nkv = Nq = 4: multi-head attention."), std::string::npos);
}

TEST(AttentionFamily, RepeatedHeadsFollowOpsRepeatAndTheSavingIsInNumbers) {
    Spec g = gqaSpec(1, 3, 4, 6, 6, 2, 2, 3); // G = 3: heads 0-2 read kv head 0, 3-5 read kv head 1
    const Trace t = run(g);
    const Tensor& kd = stepValue(t, "key_dense");    // (1, 4, 2, 2)
    const Tensor& kr = stepValue(t, "key_repeated"); // (1, 4, 6, 2)
    const Tensor& vr = stepValue(t, "value_repeated");
    ASSERT_EQ(kr.shape(), (Shape{1, 4, 6, 2}));
    ASSERT_EQ(vr.shape(), (Shape{1, 4, 6, 2}));
    for (Index s = 0; s < 4; ++s)
        for (Index n = 0; n < 6; ++n)
            for (Index h = 0; h < 2; ++h)
                EXPECT_EQ(kr.data()[(s * 6 + n) * 2 + h], kd.data()[(s * 2 + n / 3) * 2 + h]);
    EXPECT_EQ(t.find("key_repeated")->op, OpKind::Repeat);
    // Keys and values: (6 + 6)·2·2 + 2·2·2 = 56 parameters instead of (6 + 6)·6·2 + 2·6·2 = 168;
    // KV cache 2·2·2 = 8 numbers per token instead of 24: 66.7 % less.
    const std::string& e = t.find("key_repeated")->explanation;
    EXPECT_NE(e.find("56 parameters instead of 168"), std::string::npos) << e;
    EXPECT_NE(e.find("8 numbers per token instead of 24"), std::string::npos) << e;
    EXPECT_NE(e.find("66.7 % less"), std::string::npos) << e;
    Spec mq = gqaSpec(1, 3, 4, 6, 4, 1, 2, 3);
    EXPECT_NE(run(mq).find("key_repeated")->explanation.find("Here Nkv = 1: multi-query attention."),
              std::string::npos);
    // Both extremes are explained whatever the sizes.
    EXPECT_NE(e.find("num_key_value_heads = 1 is multi-query attention"), std::string::npos) << e;
    EXPECT_NE(e.find("num_key_value_heads = num_query_heads is plain multi-head attention"), std::string::npos) << e;
    EXPECT_NE(e.find("Here 6 query heads form 2 groups of 3."), std::string::npos) << e;
    // Steps in the contract's order.
    std::vector<std::string> keys;
    for (const Step& st : t.steps)
        keys.push_back(st.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"query", "value", "query_dense", "key_dense", "value_dense",
                                              "key_repeated", "value_repeated", "scaled_query", "scores", "weights",
                                              "context", "concat_heads", "output"}));
}

TEST(AttentionFamily, SlidingWindowMaskShowsEachSourceAndTheirAnd) {
    Spec s = gqaSpec(2, 6, 6, 4, 2, 1, 2, 5);
    s.config.slidingWindow = 3;
    s.call.useCausalMask = true;
    s.valueMask = Tensor({2, 6}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0});
    const Trace t = run(s);
    const Tensor& band = stepValue(t, "sliding_window_mask"); // (T, S)
    const Tensor& causal = stepValue(t, "causal_mask");
    const Tensor& pad = stepValue(t, "padding_mask"); // (B, T, S)
    const Tensor& m = stepValue(t, "mask");           // (B, T, S)
    EXPECT_EQ(t.find("mask")->inputs, (std::vector<std::string>{"padding_mask", "causal_mask", "sliding_window_mask"}));
    for (Index b = 0; b < 2; ++b)
        for (Index i = 0; i < 6; ++i)
            for (Index j = 0; j < 6; ++j) {
                EXPECT_EQ(band.data()[i * 6 + j], std::abs(i - j) < 3 ? 1.0f : 0.0f);
                EXPECT_EQ(causal.data()[i * 6 + j], j <= i ? 1.0f : 0.0f);
                const float all = band.data()[i * 6 + j] * causal.data()[i * 6 + j] * pad.data()[(b * 6 + i) * 6 + j];
                EXPECT_EQ(m.data()[(b * 6 + i) * 6 + j], all);
            }
    // The causal band: row 4 of batch 0 sees 2, 3, 4; of batch 1 (value 4, 5 padded) 2, 3, 4 too.
    EXPECT_EQ(stepValue(t, "weights").data()[((0 * 2 + 0) * 6 + 4) * 6 + 1], 0.0f);
    EXPECT_GT(stepValue(t, "weights").data()[((0 * 2 + 0) * 6 + 4) * 6 + 2], 0.0f);
    // One source alone: no component steps, the mask is that source.
    Spec one = gqaSpec(1, 4, 4, 4, 2, 2, 2, 5);
    one.config.slidingWindow = 2;
    const Trace t1 = run(one);
    EXPECT_EQ(t1.find("sliding_window_mask"), nullptr);
    EXPECT_TRUE(t1.find("mask")->inputs.empty());
    EXPECT_NE(t1.find("mask")->explanation.find("sliding_window=2"), std::string::npos);
}

TEST(AttentionFamily, AttentionMaskRanksAndThePerHeadMask) {
    Spec s = gqaSpec(2, 3, 4, 4, 2, 1, 2, 9);
    s.config.layer = LayerKind::MultiHeadAttention;
    // rank 2: the same for every batch row and head.
    s.attentionMask = Tensor({3, 4}, {1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1});
    const Trace t2 = run(s);
    ASSERT_EQ(stepValue(t2, "mask").shape(), (Shape{2, 3, 4}));
    for (Index b = 0; b < 2; ++b)
        for (Index i = 0; i < 12; ++i)
            EXPECT_EQ(stepValue(t2, "mask").data()[b * 12 + i], s.attentionMask->data()[i]);
    // rank 4, one mask per head: the mask step gets a head axis, and head 1's
    // fully masked row has zero weights while head 0's does not.
    Tensor m4({2, 2, 3, 4});
    std::fill(m4.values().begin(), m4.values().end(), 1.0f);
    for (Index sIdx = 0; sIdx < 4; ++sIdx)
        m4.data()[((0 * 2 + 1) * 3 + 2) * 4 + sIdx] = 0.0f; // batch 0, head 1, query 2
    s.attentionMask = m4;
    const Trace t4 = run(s);
    EXPECT_EQ(t4.find("mask")->axisNames(), (std::vector<std::string>{"batch", "head", "query", "source"}));
    const Tensor& w = stepValue(t4, "weights");
    float head0 = 0, head1 = 0;
    for (Index sIdx = 0; sIdx < 4; ++sIdx) {
        head0 += w.data()[((0 * 2 + 0) * 3 + 2) * 4 + sIdx];
        head1 += w.data()[((0 * 2 + 1) * 3 + 2) * 4 + sIdx];
    }
    EXPECT_NEAR(head0, 1.0f, 1e-6f);
    EXPECT_EQ(head1, 0.0f);
    // A head axis of 1 broadcasts.
    s.attentionMask = Tensor({2, 1, 3, 4}, std::vector<float>(24, 1.0f));
    EXPECT_NO_THROW(run(s));
}

TEST(AttentionFamily, FloatMasksAreCastAsKerasCastsThem) {
    // attention_mask values 0.3 and -2: nonzero is True where the layer casts
    // to bool (MultiHeadAttention always; GroupQueryAttention with another
    // mask source) and > 0.5 where GroupQueryAttention's Softmax gets it
    // uncast (the only source).
    Spec s = gqaSpec(1, 2, 3, 4, 2, 1, 2, 4);
    s.attentionMask = Tensor({2, 3}, {1, 0.3f, 0, -2, 1, 1});
    const Trace gOnly = run(s);
    EXPECT_EQ(stepValue(gOnly, "mask").values(), (std::vector<float>{1, 0, 0, 0, 1, 1}));
    ASSERT_EQ(gOnly.warnings.size(), 1u);
    EXPECT_NE(gOnly.warnings[0].find("> 0.5"), std::string::npos) << gOnly.warnings[0];
    s.config.slidingWindow = 5; // a second source (keeps everything here)
    EXPECT_EQ(stepValue(run(s), "mask").values(), (std::vector<float>{1, 1, 0, 1, 1, 1}));
    s.config.slidingWindow.reset();
    s.config.layer = LayerKind::MultiHeadAttention;
    const Trace m = run(s);
    EXPECT_EQ(stepValue(m, "mask").values(), (std::vector<float>{1, 1, 0, 1, 1, 1}));
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("nonzero value counts as True"), std::string::npos) << m.warnings[0];
    s.attentionMask = Tensor({2, 3}, {1, 0, 0, 1, 1, 1});
    EXPECT_TRUE(run(s).warnings.empty());
}

TEST(AttentionFamily, GateIsASigmoidOfTheQueryAndGatesTheContext) {
    Spec s = gqaSpec(2, 3, 4, 5, 4, 2, 3, 21);
    s.config.useGate = true;
    randomBiases(s, 21);
    const Trace t = run(s);
    const Tensor& g = stepValue(t, "gate");
    const Tensor& c = stepValue(t, "context");
    const Tensor& gc = stepValue(t, "gated_context");
    ASSERT_EQ(g.shape(), (Shape{2, 3, 4, 3}));
    for (Index i = 0; i < g.size(); ++i) {
        EXPECT_GT(g.data()[i], 0.0f);
        EXPECT_LT(g.data()[i], 1.0f);
        EXPECT_EQ(gc.data()[i], c.data()[i] * g.data()[i]);
    }
    EXPECT_EQ(t.find("output")->inputs, (std::vector<std::string>{"gated_context"}));
    EXPECT_EQ(t.find("gated_context")->op, OpKind::Multiply);
    EXPECT_TRUE(t.params.count("gate_dense/kernel") && t.params.count("gate_dense/bias"));
}

TEST(AttentionFamily, WeightsFromAFileMustBeCompleteWeightsInMemoryAreCompleted) {
    Spec s = gqaSpec(1, 2, 2, 4, 2, 1, 2, 1);
    s.weights = resolveWeights(s);
    s.weights.erase("output_dense/bias");
    EXPECT_NO_THROW(run(s)); // a UI-built spec: the missing bias is initialised (zeros)
    s.weightsGiven = true;
    try {
        run(s);
        ADD_FAILURE() << "accepted";
    } catch (const SpecError& e) {
        EXPECT_EQ(e.field(), "weights.output_dense/bias");
    }
}

// Every step's Keras line is a line of its layer's listing, for every layer
// and option combination; and the listing places each such step on a line.
TEST(KerasListing, EveryStepsKerasCodeIsInItsLayersListing) {
    std::vector<Spec> specs;
    for (int layer = 0; layer < 2; ++layer)
        for (int opts = 0; opts < 256; ++opts) {
            Spec s = gqaSpec(2, 3, 4, 4, 2, layer ? 1 : 2, 2, std::uint64_t(opts));
            if (!layer)
                s.config.layer = LayerKind::MultiHeadAttention;
            s.config.useGate = opts & 1;
            s.config.slidingWindow = opts & 2 ? std::optional<int>(2) : std::nullopt;
            s.call.useCausalMask = opts & 4;
            if (opts & 8)
                s.valueMask = randomMask({2, 4}, 1, 0.7);
            if (opts & 16)
                s.queryMask = randomMask({2, 3}, 2, 0.7);
            if (opts & 32)
                s.attentionMask = (opts & 64) ? randomMask({2, 2, 3, 4}, 3, 0.7) : randomMask({3, 4}, 3, 0.7);
            if (opts & 128) {
                s.config.dropout = 0.25f;
                s.call.training = true;
                s.config.useBias = false;
                s.shapes.keyFeatures = 3;
                s.keyMask = randomMask({2, 4}, 4, 0.8);
            }
            if (!layer && (opts & 1) && (opts & 64))
                s.config.transformerSublayer = true;
            if (s.attentionMask && s.attentionMask->rank() == 4) { // refused with padding masks (Keras 3.16)
                s.queryMask.reset();
                s.valueMask.reset();
                s.keyMask.reset();
            }
            specs.push_back(s);
        }
    for (LayerKind k : {LayerKind::Attention, LayerKind::AdditiveAttention})
        for (int opts = 0; opts < 64; ++opts) {
            Spec s;
            s.config.layer = k;
            s.shapes = {.batch = 2,
                        .queryLen = 3,
                        .sourceLen = 4,
                        .queryFeatures = 3,
                        .valueFeatures = 5,
                        .keyFeatures = opts & 32 ? std::optional<Index>(3) : std::nullopt};
            if (!(opts & 32))
                s.shapes.valueFeatures = 3;
            s.config.useScale = opts & 1;
            s.config.scoreMode = opts & 2 ? ScoreMode::Concat : ScoreMode::Dot;
            s.call.useCausalMask = opts & 4;
            if (opts & 8)
                s.valueMask = randomMask({2, 4}, 1, 0.7);
            if (opts & 16) {
                s.queryMask = randomMask({2, 3}, 2, 0.7);
                s.config.dropout = 0.5f;
                s.call.training = true;
            }
            specs.push_back(s);
        }
    std::set<std::string> seenKeys;
    for (const Spec& s : specs) {
        const Trace t = run(s);
        const KerasListing listing = kerasListing(s, t);
        std::istringstream text(listing.code);
        std::vector<std::string> lines;
        for (std::string l; std::getline(text, l);)
            lines.push_back(l);
        for (const Step& st : t.steps) {
            if (st.kerasCode.empty()) {
                EXPECT_EQ(st.op, OpKind::Input) << t.layer << " step " << st.key << " has no Keras line";
                continue;
            }
            std::istringstream code(st.kerasCode);
            for (std::string want; std::getline(code, want);) {
                bool found = false;
                for (const std::string& l : lines)
                    found = found || l.find(want) != std::string::npos;
                EXPECT_TRUE(found) << t.layer << " step '" << st.key << "': '" << want << "' is not in\n"
                                   << listing.code;
            }
            ASSERT_TRUE(listing.lineOfStep.count(st.key)) << st.key;
            EXPECT_NE(
                lines.at(size_t(listing.lineOfStep.at(st.key))).find(st.kerasCode.substr(0, st.kerasCode.find('\n'))),
                std::string::npos);
            seenKeys.insert(t.layer + "/" + st.key);
        }
    }
    // The combinations reach every kind of step.
    for (const char* k : {"GroupQueryAttention/key_repeated", "GroupQueryAttention/gated_context",
                          "GroupQueryAttention/sliding_window_mask", "GroupQueryAttention/attention_mask",
                          "GroupQueryAttention/dropout", "MultiHeadAttention/gate", "MultiHeadAttention/padding_mask",
                          "MultiHeadAttention/layer_norm", "MultiHeadAttention/masked_scores", "Attention/dot_scores",
                          "Attention/dropout", "AdditiveAttention/masked_scores", "Attention/output"})
        EXPECT_TRUE(seenKeys.count(k)) << k;
}

TEST(KerasListing, MultiHeadAttentionMaskingReplacesLogitsAndZeroesWeights) {
    Spec s = gqaSpec(1, 3, 3, 4, 2, 2, 2, 1);
    s.config.layer = LayerKind::MultiHeadAttention;
    s.call.useCausalMask = true;
    const KerasListing l = kerasListing(s, run(s));
    EXPECT_NE(l.code.find("backend.numpy.where(mask, inputs, _large_negative_number(inputs.dtype))"),
              std::string::npos);
    EXPECT_NE(l.code.find("outputs = backend.numpy.where(mask, outputs, 0.0)"), std::string::npos);
    EXPECT_EQ(l.code.find("(1 - mask)"), std::string::npos);
    EXPECT_EQ(l.code.find("(1.0 - "), std::string::npos);
}

TEST(AttentionFamily, SaveThenLoadKeepsTheFamilysSettings) {
    Spec s = gqaSpec(2, 4, 5, 6, 4, 2, 3, 17);
    s.config.slidingWindow = 2;
    s.config.useGate = true;
    s.call.useCausalMask = true;
    s.attentionMask = randomMask({4, 5}, 5, 0.8);
    const Trace before = run(s);
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("attnviz_family_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    saveSpec((dir / "spec.json").string(), s, before.params);
    const Spec loaded = loadSpec((dir / "spec.json").string());
    EXPECT_EQ(loaded.config.layer, LayerKind::GroupQueryAttention);
    EXPECT_EQ(loaded.config.numKeyValueHeads, 2);
    EXPECT_EQ(loaded.config.slidingWindow, std::optional<int>(2));
    EXPECT_TRUE(loaded.config.useGate);
    EXPECT_TRUE(loaded.weightsGiven);
    const Trace after = run(loaded);
    ASSERT_EQ(before.steps.size(), after.steps.size());
    for (size_t i = 0; i < before.steps.size(); ++i)
        EXPECT_TRUE(allClose(after.steps[i].value, before.steps[i].value, 0, 0)) << before.steps[i].key;
    std::filesystem::remove_all(dir);
}

// Keras 3.16 ANDs a rank-4 attention_mask with the padding masks by
// broadcasting from the right, so a padding mask's batch axis meets the
// mask's head axis: attnviz refuses the combination and says why.
TEST(AttentionFamily, PerHeadAttentionMaskWithAPaddingMaskIsRefused) {
    for (LayerKind layer : {LayerKind::MultiHeadAttention, LayerKind::GroupQueryAttention})
        for (int which = 0; which < 3; ++which) {
            Spec s = gqaSpec(2, 3, 4, 6, 2, layer == LayerKind::GroupQueryAttention ? 1 : 2, 3, 7);
            s.config.layer = layer;
            s.attentionMask = randomMask({2, 2, 3, 4}, 11, 0.8);
            const char* field = which == 0 ? "masks.query_mask" : which == 1 ? "masks.value_mask" : "masks.key_mask";
            if (which == 0)
                s.queryMask = randomMask({2, 3}, 12, 0.8);
            else if (which == 1)
                s.valueMask = randomMask({2, 4}, 13, 0.8);
            else
                s.keyMask = randomMask({2, 4}, 14, 0.8);
            try {
                run(s);
                ADD_FAILURE() << layerName(layer) << " ran a rank-4 attention_mask with " << field;
            } catch (const SpecError& e) {
                EXPECT_EQ(e.field(), "masks.attention_mask");
                ASSERT_EQ(e.fields().size(), 2u);
                EXPECT_EQ(e.fields()[1], field);
                EXPECT_NE(std::string(e.what()).find("Keras 3.16 broadcasts"), std::string::npos) << e.what();
            }
            // The same mask with a rank-3 attention_mask runs.
            s.attentionMask = randomMask({2, 3, 4}, 11, 0.8);
            EXPECT_NO_THROW(run(s));
        }
}
