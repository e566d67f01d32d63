// core/weights_info: every weight a layer owns, with Keras names, shapes,
// initializers and count_params(); checked against the weights.npz of every
// Keras reference case (written by Keras 3.16 from layer.weights), against
// resolveWeights' initial values, and by hand.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"
#include "core/layers/weights_info.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

std::vector<fs::path> caseDirs() {
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras"))
        if (fs::exists(e.path() / "spec.json") && fs::exists(e.path() / "weights.npz"))
            dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

const WeightInfo* find(const std::vector<WeightInfo>& v, const std::string& key) {
    for (const WeightInfo& w : v)
        if (w.key == key)
            return &w;
    return nullptr;
}

TEST(WeightsInfo, ListsExactlyTheWeightsOfEveryKerasReferenceCase) {
    const auto dirs = caseDirs();
    ASSERT_GE(dirs.size(), 18u); // not vacuous when the data folder is missing
    for (const fs::path& dir : dirs) {
        SCOPED_TRACE(dir.filename().string());
        const Spec spec = loadSpec((dir / "spec.json").string());
        const auto npz = readNpz((dir / "weights.npz").string());
        // The spec remembers where its weights came from (the Setup panel says so).
        EXPECT_EQ(fs::path(spec.weightsFile), (dir / "weights.npz").lexically_normal());
        const std::vector<WeightInfo> info = weightsInfo(spec);
        EXPECT_EQ(info.size(), npz.size());
        Index total = 0;
        for (const auto& [key, t] : npz) {
            const WeightInfo* w = find(info, key);
            ASSERT_NE(w, nullptr) << key;
            EXPECT_EQ(w->shape, t.shape()) << key;
            EXPECT_EQ(w->count, t.size()) << key;
            // The Transformer sub-layer's LayerNormalization (grad_mha_causal_vmask_sublayer)
            // is a layer of its own: not counted in the attention layer's parameters.
            const bool subLayer = key.starts_with("layer_norm/");
            EXPECT_EQ(w->inLayer, !subLayer) << key;
            total += subLayer ? 0 : t.size();
        }
        // Keras' count_params(): the sum of every variable's size.
        EXPECT_EQ(countParams(spec), total);
        EXPECT_TRUE(weightsMismatch(spec, npz, true).empty());
    }
}

TEST(WeightsInfo, MultiHeadAttentionByHand) {
    // keras.layers.MultiHeadAttention(num_heads=2, key_dim=4) on 8 features:
    // 3 × (8·2·4 + 2·4) + (2·4·8 + 8) = 288 parameters.
    Spec s;
    s.config.numHeads = 2;
    s.config.keyDim = 4;
    s.shapes.queryFeatures = s.shapes.valueFeatures = 8;
    const auto info = weightsInfo(s);
    ASSERT_EQ(info.size(), 8u);
    EXPECT_EQ(countParams(s), 288);
    // Keras' creation order and variable names.
    const char* keras[] = {"query/kernel",
                           "query/bias",
                           "key/kernel",
                           "key/bias",
                           "value/kernel",
                           "value/bias",
                           "attention_output/kernel",
                           "attention_output/bias"};
    for (size_t i = 0; i < info.size(); ++i)
        EXPECT_EQ(info[i].kerasName, keras[i]);
    EXPECT_EQ(info[0].key, "query_dense/kernel");
    EXPECT_EQ(info[0].axes, "(query_features, num_heads, key_dim)");
    EXPECT_EQ(info[6].shape, (Shape{2, 4, 8}));
    EXPECT_NE(info[0].initializer.find("fan_in 8 + fan_out 8"), std::string::npos) << info[0].initializer;
    EXPECT_NE(info[6].initializer.find("fan_in 8 + fan_out 8"), std::string::npos) << info[6].initializer;
    EXPECT_EQ(info[1].initializer, "zeros");
    // Read as a matrix: the output kernel's inputs are its first two axes (heads · value_dim).
    EXPECT_EQ(info[0].inputAxes, 1);
    EXPECT_EQ(info[6].inputAxes, 2);
    EXPECT_EQ(info[7].inputAxes, 1);

    // No bias: 4 kernels, 256. The Transformer sub-layer's LayerNormalization is
    // listed but not counted: it is a layer of its own.
    s.config.useBias = false;
    s.config.transformerSublayer = true;
    const auto noBias = weightsInfo(s);
    EXPECT_EQ(noBias.size(), 6u);
    EXPECT_EQ(countParams(s), 256);
    ASSERT_NE(find(noBias, "layer_norm/gamma"), nullptr);
    EXPECT_FALSE(find(noBias, "layer_norm/gamma")->inLayer);
    EXPECT_EQ(find(noBias, "layer_norm/gamma")->initializer, "ones");
}

TEST(WeightsInfo, AttentionLayersAndGroupQuery) {
    Spec dot;
    dot.config.layer = LayerKind::Attention;
    EXPECT_TRUE(weightsInfo(dot).empty());
    EXPECT_EQ(countParams(dot), 0);
    dot.config.useScale = true;
    dot.config.scoreMode = ScoreMode::Concat;
    const auto d = weightsInfo(dot);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].kerasName, "scale");
    EXPECT_EQ(d[0].shape, Shape{});
    EXPECT_EQ(d[0].count, 1);
    EXPECT_EQ(d[1].kerasName, "concat_score_weight");
    EXPECT_EQ(countParams(dot), 2);

    Spec add;
    add.config.layer = LayerKind::AdditiveAttention;
    add.shapes.queryFeatures = add.shapes.valueFeatures = 6;
    const auto a = weightsInfo(add);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].shape, Shape{6});
    EXPECT_NE(a[0].initializer.find("glorot_uniform"), std::string::npos);

    Spec g;
    g.config.layer = LayerKind::GroupQueryAttention;
    g.config.numHeads = 4;
    g.config.numKeyValueHeads = 2;
    g.config.keyDim = 3;
    g.config.useGate = true;
    g.shapes.queryFeatures = g.shapes.valueFeatures = 8;
    const auto q = weightsInfo(g);
    ASSERT_EQ(q.size(), 10u);
    // GroupedQueryAttention builds the gate between key and value.
    EXPECT_EQ(q[4].kerasName, "gate/kernel");
    EXPECT_EQ(q[6].kerasName, "value/kernel");
    EXPECT_EQ(q[2].axes, "(value_features, num_key_value_heads, head_dim)");
    EXPECT_EQ(q[2].shape, (Shape{8, 2, 3}));
    // 8·4·3+12 + 2·(8·2·3+6) + (8·4·3+12) + (4·3·8+8)
    EXPECT_EQ(countParams(g), 108 + 2 * 54 + 108 + 104);
}

TEST(WeightsInfo, InitializersDescribeWhatResolveWeightsDraws) {
    // Several layers and settings: every drawn weight lies in the range its
    // initializer names, zeros are zero and ones are one.
    std::vector<Spec> specs(4);
    specs[0].config.numHeads = 3;
    specs[0].config.keyDim = 5;
    specs[0].config.valueDim = 2;
    specs[0].config.outputShape = 7;
    specs[0].config.useGate = true;
    specs[0].config.transformerSublayer = false;
    specs[1].config.layer = LayerKind::GroupQueryAttention;
    specs[1].config.numHeads = 4;
    specs[1].config.numKeyValueHeads = 1;
    specs[2].config.layer = LayerKind::AdditiveAttention;
    specs[3].config.layer = LayerKind::Attention;
    specs[3].config.useScale = true;
    specs[3].config.scoreMode = ScoreMode::Concat;
    for (const Spec& s : specs) {
        const auto drawn = resolveWeights(s);
        const auto info = weightsInfo(s);
        ASSERT_EQ(drawn.size(), info.size());
        for (const WeightInfo& w : info) {
            SCOPED_TRACE(w.key);
            const Tensor& t = drawn.at(w.key);
            ASSERT_EQ(t.shape(), w.shape);
            if (w.initializer == "zeros" || w.initializer == "ones") {
                const float want = w.initializer == "ones" ? 1.0f : 0.0f;
                for (float v : t.values())
                    EXPECT_EQ(v, want);
                continue;
            }
            // "… fan_in A + fan_out B))": parse A and B back.
            const auto a = w.initializer.find("fan_in "), b = w.initializer.find("fan_out ");
            ASSERT_NE(a, std::string::npos);
            const double fanIn = std::stod(w.initializer.substr(a + 7)),
                         fanOut = std::stod(w.initializer.substr(b + 8));
            const double limit = std::sqrt(6.0 / (fanIn + fanOut));
            float largest = 0;
            for (float v : t.values())
                largest = std::max(largest, std::abs(v));
            EXPECT_LE(largest, limit);
            EXPECT_GT(largest, 0.3 * limit); // drawn over the range, not a narrower one
        }
    }
}

TEST(WeightsInfo, IdentityWhereTheShapeAllowsIt) {
    Spec s;
    s.config.numHeads = 1;
    s.config.keyDim = 8;
    s.shapes.queryFeatures = s.shapes.valueFeatures = 8;
    for (const WeightInfo& w : weightsInfo(s)) {
        std::string why;
        const auto id = identityWeight(w, &why);
        if (w.key.ends_with("/bias")) {
            EXPECT_FALSE(id);
            EXPECT_NE(why.find("not a matrix"), std::string::npos) << why;
            continue;
        }
        ASSERT_TRUE(id) << w.key << ": " << why;
        // query · W = query for every row: W viewed as 8 × 8 is the identity.
        for (Index r = 0; r < 8; ++r)
            for (Index c = 0; c < 8; ++c)
                EXPECT_EQ(id->values()[size_t(r * 8 + c)], r == c ? 1.0f : 0.0f);
    }
    // Two heads: the query kernel is 8 × 16, and the message says what identity needs.
    s.config.numHeads = 2;
    const auto info = weightsInfo(s);
    std::string why;
    EXPECT_FALSE(identityWeight(info[0], &why));
    EXPECT_NE(why.find("8 × 16"), std::string::npos) << why;
    EXPECT_NE(why.find("query_features = num_heads × key_dim"), std::string::npos) << why;
    // A scalar's identity is 1.
    Spec dot;
    dot.config.layer = LayerKind::Attention;
    dot.config.useScale = true;
    const auto id = identityWeight(weightsInfo(dot)[0], &why);
    ASSERT_TRUE(id);
    EXPECT_EQ(id->values(), std::vector<float>{1.0f});
}

TEST(WeightsInfo, MismatchNamesEveryWeightThatNoLongerFits) {
    Spec s;
    s.config.keyDim = 16;
    s.shapes.queryFeatures = s.shapes.valueFeatures = 8;
    const auto loaded = resolveWeights(s);
    EXPECT_TRUE(weightsMismatch(s, loaded, true).empty());
    s.config.keyDim = 8;
    const auto bad = weightsMismatch(s, loaded, true);
    // Every kernel and bias but output_dense/bias (8,) depends on key_dim
    // (value_dim follows key_dim when it is not given).
    ASSERT_EQ(bad.size(), 7u);
    for (const WeightMismatch& m : bad) {
        ASSERT_TRUE(m.need && m.have);
        EXPECT_NE(*m.need, *m.have);
    }
    const auto q = std::find_if(bad.begin(), bad.end(), [](const auto& m) { return m.key == "query_dense/kernel"; });
    ASSERT_NE(q, bad.end());
    EXPECT_EQ(q->message(), "query_dense/kernel needs shape (8, 2, 8); the loaded one is (8, 2, 16)");
    // use_bias off: the biases are extra.
    s.config.keyDim = 16;
    s.config.useBias = false;
    const auto extra = weightsMismatch(s, loaded, true);
    ASSERT_EQ(extra.size(), 4u);
    EXPECT_FALSE(extra[0].need);
    EXPECT_NE(extra[0].message().find("not a weight of this layer"), std::string::npos);
    // Missing keys count only when the set must be complete.
    std::map<std::string, Tensor> partial{{"query_dense/kernel", loaded.at("query_dense/kernel")}};
    EXPECT_TRUE(weightsMismatch(s, partial, false).empty());
    EXPECT_EQ(weightsMismatch(s, partial, true).size(), 3u);
}

} // namespace
