// MultiHeadAttention: hand-checkable cases (identity kernels, zero bias), a
// naive loop-by-loop reference of keras-attention-semantics.md §1 on many
// random configurations, and invariants of the trace.
#include "core/layers/run.h"
#include "core/base/random.h"
#include "support/all_close.h"
#include "support/naive_attention.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace attnviz::core;
using attnviz::testing::allClose;
using attnviz::testing::naive;
using attnviz::testing::randomMask;
using attnviz::testing::stepValue;

namespace {

Tensor identityKernel(Index E) { // (E, 1, E)
    Tensor k({E, 1, E});
    for (Index i = 0; i < E; ++i)
        k.data()[i * E + i] = 1.0f;
    return k;
}

Spec mhaSpec(Index B, Index T, Index S, Index E, int N, int H, std::uint64_t seed) {
    Spec s;
    s.config.layer = LayerKind::MultiHeadAttention;
    s.config.numHeads = N;
    s.config.keyDim = H;
    s.shapes = {.batch = B, .queryLen = T, .sourceLen = S, .queryFeatures = E, .valueFeatures = E, .keyFeatures = {}};
    s.seed = seed;
    return s;
}

} // namespace

TEST(MultiHeadAttention, IdentityKernelsZeroBiasByHand) {
    // One head, key_dim = E = 2, identity kernels, zero bias: the layer is
    // softmax(q·kᵀ/√2)·v, which we can write out.
    Spec s = mhaSpec(1, 1, 2, 2, 1, 2, 0);
    s.query = Tensor({1, 1, 2}, {1.0f, 0.0f});
    s.value = Tensor({1, 2, 2}, {1.0f, 0.0f, 0.0f, 1.0f});
    s.config.useBias = false;
    for (const char* n : {"query_dense/kernel", "key_dense/kernel", "value_dense/kernel"})
        s.weights[n] = identityKernel(2);
    s.weights["output_dense/kernel"] = Tensor({1, 2, 2}, {1, 0, 0, 1});
    const Trace t = run(s);
    const double s0 = 1.0 / std::sqrt(2.0), s1 = 0.0;
    const double p0 = std::exp(s0) / (std::exp(s0) + std::exp(s1));
    EXPECT_NEAR(stepValue(t, "scores").data()[0], s0, 1e-6);
    EXPECT_NEAR(stepValue(t, "scores").data()[1], s1, 1e-6);
    EXPECT_NEAR(stepValue(t, "weights").data()[0], p0, 1e-6);
    EXPECT_NEAR(stepValue(t, "output").data()[0], p0, 1e-6);
    EXPECT_NEAR(stepValue(t, "output").data()[1], 1.0 - p0, 1e-6);
}

TEST(MultiHeadAttention, StepsInDesignOrderWithShapesAndAxes) {
    Spec s = mhaSpec(2, 3, 5, 6, 4, 2, 1);
    s.config.valueDim = 3;
    s.config.outputShape = 7;
    s.call.useCausalMask = true;
    const Trace t = run(s);
    std::vector<std::string> keys;
    for (const Step& st : t.steps)
        keys.push_back(st.key);
    const std::vector<std::string> want{"query",        "value",        "query_dense", "key_dense",     "value_dense",
                                        "scaled_query", "scores",       "mask",        "masked_scores", "weights",
                                        "context",      "concat_heads", "output"};
    EXPECT_EQ(keys, want);
    EXPECT_EQ(stepValue(t, "query_dense").shape(), (Shape{2, 3, 4, 2}));
    EXPECT_EQ(stepValue(t, "value_dense").shape(), (Shape{2, 5, 4, 3}));
    EXPECT_EQ(stepValue(t, "scores").shape(), (Shape{2, 4, 3, 5}));
    EXPECT_EQ(stepValue(t, "context").shape(), (Shape{2, 3, 4, 3}));
    EXPECT_EQ(stepValue(t, "concat_heads").shape(), (Shape{2, 3, 12}));
    EXPECT_EQ(stepValue(t, "output").shape(), (Shape{2, 3, 7}));
    for (const Step& st : t.steps) {
        EXPECT_EQ(st.axes.size(), st.value.shape().size()) << st.key;
        EXPECT_EQ(st.bytes, 4.0 * double(st.value.size())) << st.key;
        EXPECT_FALSE(st.title.empty()) << st.key;
        EXPECT_FALSE(st.explanation.empty()) << st.key;
        for (const std::string& in : st.inputs)
            EXPECT_LT(t.indexOf(in), t.indexOf(st.key)) << st.key << " reads " << in;
        if (st.op != OpKind::Input) {
            EXPECT_FALSE(st.formula.empty() || st.kerasCode.empty()) << st.key;
        }
    }
}

TEST(MultiHeadAttention, FlopsOfTheMatrixProducts) {
    const Trace t = run(mhaSpec(1, 8, 6, 10, 2, 3, 2));
    EXPECT_DOUBLE_EQ(t.find("scores")->flops, 2.0 * 2 * 8 * 6 * 3);
    EXPECT_DOUBLE_EQ(t.find("query_dense")->flops, 2.0 * 8 * 10 * 6 + 8 * 6);
    EXPECT_DOUBLE_EQ(t.find("context")->flops, 2.0 * 2 * 8 * 6 * 3);
    double sum = 0;
    for (const Step& s : t.steps)
        sum += s.flops;
    EXPECT_DOUBLE_EQ(t.totalFlops(), sum);
}

TEST(MultiHeadAttention, MatchesNaiveReferenceOnRandomConfigurations) {
    // How many configurations matched, and that the 40 reach every option.
    int matched = 0, causal = 0, masked = 0, fullyMaskedRow = 0, noBias = 0, ownValueDim = 0, ownOutput = 0;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        Rng r(seed + 1000);
        const Index B = 1 + Index(r.next() % 3), T = 1 + Index(r.next() % 6), S = 1 + Index(r.next() % 6);
        Spec s = mhaSpec(B, T, S, 2 + Index(r.next() % 6), 1 + int(r.next() % 4), 1 + int(r.next() % 5), seed);
        s.config.valueDim = (seed % 3 == 0) ? std::optional<int>(1 + int(r.next() % 5)) : std::nullopt;
        s.config.outputShape = (seed % 4 == 1) ? std::optional<int>(1 + int(r.next() % 7)) : std::nullopt;
        s.config.useBias = seed % 5 != 2;
        s.call.useCausalMask = seed % 3 == 1;
        if (seed % 2 == 0)
            s.valueMask = randomMask({B, S}, seed, 0.7);
        if (seed % 5 == 0)
            s.queryMask = randomMask({B, T}, seed + 7, 0.7);
        if (seed % 7 == 3)
            s.attentionMask = randomMask({B, T, S}, seed + 9, 0.6);
        // Biases are zero by default: make them random to test them.
        s.weights = resolveWeights(s);
        for (auto& [name, w] : s.weights)
            if (name.ends_with("/bias"))
                w = randomNormal(w.shape(), seed, 77);
        const Trace t = run(s);
        const auto close = allClose(stepValue(t, "output"), naive(s, t).output, 1e-4, 1e-5);
        EXPECT_TRUE(close) << "seed " << seed;
        matched += bool(close);
        causal += s.call.useCausalMask;
        noBias += !s.config.useBias;
        ownValueDim += s.config.valueDim.has_value() && *s.config.valueDim != s.config.keyDim;
        ownOutput += s.config.outputShape.has_value();
        if (const Step* m = t.find("mask")) {
            ++masked;
            for (Index i = 0; i < B * T; ++i) {
                const float* row = m->value.data() + i * S;
                if (std::all_of(row, row + S, [](float v) { return v == 0.0f; })) {
                    ++fullyMaskedRow;
                    break;
                }
            }
        }
    }
    EXPECT_EQ(matched, 40);
    EXPECT_GE(causal, 5);
    EXPECT_GE(masked, 20);
    EXPECT_GE(fullyMaskedRow, 3);
    EXPECT_GE(noBias, 5);
    EXPECT_GE(ownValueDim, 5);
    EXPECT_GE(ownOutput, 5);
}

TEST(MultiHeadAttention, WeightsAreProbabilitiesAndMaskedEntriesZero) {
    Spec s = mhaSpec(2, 5, 4, 6, 3, 2, 3);
    s.valueMask = Tensor({2, 4}, {1, 1, 0, 1, 0, 0, 0, 0}); // batch 1 fully masked
    const Trace t = run(s);
    const Tensor& w = stepValue(t, "weights");
    for (Index b = 0; b < 2; ++b)
        for (Index n = 0; n < 3; ++n)
            for (Index q = 0; q < 5; ++q) {
                double sum = 0;
                for (Index k = 0; k < 4; ++k) {
                    const float p = w.at({b, n, q, k});
                    sum += p;
                    if (s.valueMask->data()[b * 4 + k] == 0) {
                        EXPECT_EQ(p, 0.0f);
                    }
                }
                EXPECT_NEAR(sum, b == 0 ? 1.0 : 0.0, 1e-6) << "fully masked rows sum to 0 (Keras >= 3.14)";
            }
    // Fully masked rows: zero context, so the output is the output bias.
    s.weights = resolveWeights(s);
    s.weights["output_dense/bias"] = Tensor({6}, {1, 2, 3, 4, 5, 6});
    const Trace t2 = run(s);
    for (Index q = 0; q < 5; ++q)
        for (Index o = 0; o < 6; ++o)
            EXPECT_FLOAT_EQ(stepValue(t2, "output").at({1, q, o}), float(o + 1));
}

TEST(MultiHeadAttention, CausalMaskIsTopLeftAlignedWhenTDiffersFromS) {
    Spec s = mhaSpec(1, 5, 3, 4, 1, 2, 4);
    s.call.useCausalMask = true;
    const Trace t = run(s);
    const Tensor& m = stepValue(t, "mask");
    for (Index q = 0; q < 5; ++q)
        for (Index k = 0; k < 3; ++k)
            EXPECT_EQ(m.at({0, q, k}), k <= q ? 1.0f : 0.0f) << q << "," << k;
}

TEST(MultiHeadAttention, ScaledQueryUsesKeyDimNotFeaturesOverHeads) {
    Spec s = mhaSpec(1, 2, 2, 12, 3, 5, 5); // E/N = 4, key_dim = 5
    const Trace t = run(s);
    EXPECT_FLOAT_EQ(t.find("scaled_query")->scaleFactor, float(1.0 / std::sqrt(5.0)));
    const Tensor& q = stepValue(t, "query_dense");
    const Tensor& qs = stepValue(t, "scaled_query");
    for (Index i = 0; i < q.size(); ++i)
        EXPECT_FLOAT_EQ(qs.data()[i], q.data()[i] * float(1.0 / std::sqrt(5.0)));
}

TEST(MultiHeadAttention, ConcatHeadsIsContextSideBySide) {
    const Trace t = run(mhaSpec(2, 3, 4, 5, 3, 2, 6));
    const Tensor& c = stepValue(t, "context");
    const Tensor& cat = stepValue(t, "concat_heads");
    const Index N = 3, Hv = 2;
    for (Index b = 0; b < 2; ++b)
        for (Index q = 0; q < 3; ++q)
            for (Index n = 0; n < N; ++n)
                for (Index d = 0; d < Hv; ++d)
                    EXPECT_EQ(cat.at({b, q, n * Hv + d}), c.at({b, q, n, d}));
}

TEST(MultiHeadAttention, TransformerSublayerAddsAndNormalizes) {
    Spec s = mhaSpec(1, 4, 4, 6, 2, 3, 7);
    s.config.transformerSublayer = true;
    const Trace t = run(s);
    const Tensor& q = stepValue(t, "query");
    const Tensor& y = stepValue(t, "output");
    const Tensor& r = stepValue(t, "residual");
    const Tensor& ln = stepValue(t, "layer_norm");
    for (Index i = 0; i < r.size(); ++i)
        EXPECT_FLOAT_EQ(r.data()[i], q.data()[i] + y.data()[i]);
    for (Index row = 0; row < 4; ++row) {
        double mean = 0, var = 0, rm = 0, rv = 0;
        for (Index e = 0; e < 6; ++e)
            mean += ln.data()[row * 6 + e], rm += r.data()[row * 6 + e];
        mean /= 6, rm /= 6;
        for (Index e = 0; e < 6; ++e) {
            var += std::pow(ln.data()[row * 6 + e] - mean, 2);
            rv += std::pow(r.data()[row * 6 + e] - rm, 2);
        }
        var /= 6, rv /= 6;
        EXPECT_NEAR(mean, 0.0, 1e-5);
        EXPECT_NEAR(var, rv / (rv + 1e-3), 1e-4); // epsilon 1e-3, gamma 1, beta 0
    }
    EXPECT_EQ(t.steps.back().key, "layer_norm");
}

TEST(MultiHeadAttention, DropoutOnlyInTrainingAndReturnedWeightsArePreDropout) {
    Spec s = mhaSpec(1, 16, 16, 8, 2, 4, 8);
    s.config.dropout = 0.5f;
    const Trace eval = run(s);
    EXPECT_EQ(eval.find("dropout"), nullptr);
    s.call.training = true;
    const Trace train = run(s);
    ASSERT_NE(train.find("dropout"), nullptr);
    EXPECT_TRUE(allClose(stepValue(train, "weights"), stepValue(eval, "weights"), 0, 0));
    const Tensor& w = stepValue(train, "weights");
    const Tensor& d = stepValue(train, "dropout");
    Index zeros = 0;
    for (Index i = 0; i < d.size(); ++i) {
        if (d.data()[i] == 0.0f)
            ++zeros;
        else
            EXPECT_FLOAT_EQ(d.data()[i], w.data()[i] / 0.5f);
    }
    EXPECT_GT(zeros, d.size() / 4);
    EXPECT_LT(zeros, 3 * d.size() / 4);
    EXPECT_EQ(train.find("context")->inputs.front(), "dropout");
}

TEST(MultiHeadAttention, DefaultInitializersFollowKerasFans) {
    Spec s = mhaSpec(1, 2, 2, 10, 3, 4, 9);
    s.config.outputShape = 5;
    const auto w = resolveWeights(s);
    const double qLimit = std::sqrt(6.0 / (10 + 12)), oLimit = std::sqrt(6.0 / (12 + 5));
    double qMax = 0, oMax = 0;
    for (float v : w.at("query_dense/kernel").values())
        qMax = std::max(qMax, double(std::abs(v)));
    for (float v : w.at("output_dense/kernel").values())
        oMax = std::max(oMax, double(std::abs(v)));
    EXPECT_LE(qMax, qLimit);
    EXPECT_GT(qMax, 0.5 * qLimit);
    EXPECT_LE(oMax, oLimit);
    EXPECT_GT(oMax, 0.5 * oLimit);
    for (float v : w.at("query_dense/bias").values())
        EXPECT_EQ(v, 0.0f);
    EXPECT_EQ(w.at("output_dense/kernel").shape(), (Shape{3, 4, 5}));
    // Same seed, same weights; another seed, others.
    EXPECT_EQ(resolveWeights(s).at("key_dense/kernel").values(), w.at("key_dense/kernel").values());
    s.seed = 10;
    EXPECT_NE(resolveWeights(s).at("key_dense/kernel").values(), w.at("key_dense/kernel").values());
}

TEST(MultiHeadAttention, NotKerasUnscaledScoresAreQDotKExactly) {
    // The 1/√dₖ lab's "not Keras" switch: the query is multiplied by 1, so each
    // score is exactly q·k; the trace says so in its warnings and step texts.
    for (LayerKind layer : {LayerKind::MultiHeadAttention, LayerKind::GroupQueryAttention}) {
        Spec s;
        s.config.layer = layer;
        s.config.numHeads = 4;
        s.config.numKeyValueHeads = 2;
        s.config.keyDim = 16;
        s.shapes = {.batch = 2, .queryLen = 3, .sourceLen = 5, .queryFeatures = 6, .valueFeatures = 7};
        s.seed = 4;
        const Trace keras = run(s);
        s.config.notKerasUnscaled = true;
        const Trace t = run(s);
        EXPECT_EQ(t.find("scaled_query")->value.values(), t.find("query_dense")->value.values());
        EXPECT_NE(t.find("scaled_query")->title.find("Not Keras"), std::string::npos);
        EXPECT_NE(t.find("scaled_query")->formula.find("not Keras"), std::string::npos);
        ASSERT_FALSE(t.warnings.empty());
        EXPECT_NE(t.warnings.back().find("not Keras"), std::string::npos);
        const Tensor& q = t.find("query_dense")->value; // (B, T, N, H)
        const bool gqa = layer == LayerKind::GroupQueryAttention;
        const Tensor& k = t.find(gqa ? "key_repeated" : "key_dense")->value; // (B, S, N, H)
        const Tensor& scores = t.find("scores")->value;                      // (B, N, T, S)
        const Tensor& kerasScores = keras.find("scores")->value;
        const Index B = 2, N = 4, T = 3, S = 5, H = 16;
        double worst = 0, worstScaled = 0;
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n)
                for (Index i = 0; i < T; ++i)
                    for (Index j = 0; j < S; ++j) {
                        double dot = 0;
                        for (Index h = 0; h < H; ++h)
                            dot += double(q.data()[((b * T + i) * N + n) * H + h]) *
                                   double(k.data()[((b * S + j) * N + n) * H + h]);
                        const Index at = ((b * N + n) * T + i) * S + j;
                        worst = std::max(worst, std::fabs(double(scores.data()[at]) - dot));
                        worstScaled = std::max(worstScaled, std::fabs(double(kerasScores.data()[at]) - dot / 4.0));
                    }
        EXPECT_LT(worst, 1e-5) << layerName(layer);       // q·k, float32 accumulation
        EXPECT_LT(worstScaled, 1e-5) << layerName(layer); // Keras' own: q·k / √16
    }
}

TEST(InputCache, ReusesADrawOnlyWhenItIsDrawnTheSameWay) {
    InputCache cache;
    Spec s = mhaSpec(2, 5, 7, 6, 2, 3, 11);
    s.shapes.keyFeatures = 4;
    auto same = [](const ResolvedInputs& a, const ResolvedInputs& b) {
        return a.query.shape() == b.query.shape() && a.query.values() == b.query.values() &&
               a.value.shape() == b.value.shape() && a.value.values() == b.value.values() &&
               a.key.has_value() == b.key.has_value() && (!a.key || a.key->values() == b.key->values());
    };
    // Each change below must give what a fresh draw gives, cached or not.
    std::vector<Spec> edits;
    edits.push_back(s); // first: drawn and kept
    edits.push_back(s); // again: from the cache
    Spec heads = s;
    heads.config.numHeads = 3; // the inputs do not depend on it
    edits.push_back(heads);
    Spec seed = s;
    seed.seed = 12;
    edits.push_back(seed);
    Spec wider = seed;
    wider.shapes.queryFeatures = 8;
    edits.push_back(wider);
    Spec batch = wider;
    batch.shapes.batch = 1;
    edits.push_back(batch);
    Spec longer = batch;
    longer.shapes.sourceLen = 9;
    edits.push_back(longer);
    Spec noKey = longer;
    noKey.shapes.keyFeatures.reset();
    edits.push_back(noKey);
    Spec tokens = noKey;
    tokens.queryTokens = {"the", "cat", "sat", "on", "it"};
    edits.push_back(tokens);
    Spec otherTokens = tokens;
    otherTokens.queryTokens[4] = "mat";
    edits.push_back(otherTokens);
    Spec given = otherTokens;
    given.value = randomNormal({1, 9, 6}, 99, 5); // an input of the user's is used as given
    edits.push_back(given);
    for (size_t i = 0; i < edits.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_TRUE(same(cache.resolve(edits[i]), resolveInputs(edits[i])));
    }
    EXPECT_FALSE(same(resolveInputs(s), resolveInputs(seed)));
    // A run with the cache is the run without it.
    const Trace a = run(wider, {}, &cache), b = run(wider);
    ASSERT_EQ(a.steps.size(), b.steps.size());
    for (size_t i = 0; i < a.steps.size(); ++i)
        EXPECT_EQ(a.steps[i].value.values(), b.steps[i].value.values()) << a.steps[i].key;
}
