// spec.json: defaults, optional fields, tokens, and save → load round trips.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace attnviz::core;
using attnviz::testing::allClose;

namespace {

fs::path tempDir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("attnviz_test_spec_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

} // namespace

TEST(Spec, KerasDefaultsForLeftOutArguments) {
    const Spec a = parseSpec(R"({"layer": "Attention"})", ".");
    EXPECT_EQ(a.config.layer, LayerKind::Attention);
    EXPECT_FALSE(a.config.effectiveUseScale());
    EXPECT_EQ(a.config.scoreMode, ScoreMode::Dot);
    const Spec ad = parseSpec(R"({"layer": "AdditiveAttention"})", ".");
    EXPECT_TRUE(ad.config.effectiveUseScale());
    const Spec m = parseSpec(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 3, "key_dim": 5}})", ".");
    EXPECT_EQ(m.config.numHeads, 3);
    EXPECT_EQ(m.config.effectiveValueDim(), 5);
    EXPECT_TRUE(m.config.useBias);
    EXPECT_FALSE(m.config.outputShape.has_value());
    EXPECT_FALSE(m.call.training);
}

TEST(Spec, AcceptsAKerasGetConfigDumpWithDefaultValues) {
    // Arguments attnviz does not model load when they hold Keras' defaults.
    const Spec s = parseSpec(R"({"layer": "MultiHeadAttention", "config": {"name": "mha", "trainable": true,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}},
        "num_heads": 2, "key_dim": 3, "value_dim": 3, "dropout": 0.0, "use_bias": true, "output_shape": null,
        "attention_axes": null, "flash_attention": null, "use_gate": false, "sliding_window": null,
        "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}},
        "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}},
        "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
        "kernel_constraint": null, "bias_constraint": null, "seed": null}})",
                             ".");
    EXPECT_EQ(s.config.numHeads, 2);
    const Spec a = parseSpec(R"({"layer": "Attention", "config": {"name": "attention", "use_scale": true,
        "score_mode": "dot", "dropout": 0.0, "seed": 3, "trainable": true, "dtype": "float32"}})",
                             ".");
    EXPECT_TRUE(a.config.effectiveUseScale());
    // null file names mean "not given", as None would in Python.
    const Spec n = parseSpec(R"({"layer": "Attention", "inputs": {"key": null}, "masks": {"value_mask": null}})", ".");
    EXPECT_FALSE(n.key.has_value());
    EXPECT_FALSE(n.valueMask.has_value());
    EXPECT_THROW(parseSpec(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1, "key_dim": 1,
        "kernel_initializer": "he_normal"}})",
                           "."),
                 SpecError);
}

TEST(Spec, ShapesSeedAndTransformerSublayerInEitherPlace) {
    const Spec s = parseSpec(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 3},
        "shapes": {"batch": 2, "query_len": 3, "source_len": 5, "query_features": 6, "value_features": 7,
                   "key_features": 4},
        "seed": 12, "transformer_sublayer": true, "call": {"use_causal_mask": true, "training": true}})",
                             ".");
    EXPECT_TRUE(s.config.transformerSublayer);
    EXPECT_TRUE(s.call.useCausalMask);
    EXPECT_EQ(s.seed, 12u);
    const Trace t = run(s);
    EXPECT_EQ(t.find("query")->value.shape(), (Shape{2, 3, 6}));
    EXPECT_EQ(t.find("key")->value.shape(), (Shape{2, 5, 4}));
    EXPECT_EQ(t.find("value")->value.shape(), (Shape{2, 5, 7}));
    EXPECT_EQ(t.steps.back().key, "layer_norm");
    const Spec c = parseSpec(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1, "key_dim": 1,
        "transformer_sublayer": true, "output_shape": [4]}, "shapes": {"query_features": 4}})",
                             ".");
    EXPECT_TRUE(c.config.transformerSublayer);
    EXPECT_EQ(*c.config.outputShape, 4);
}

TEST(Spec, SameSeedSameTraceOtherSeedOtherTrace) {
    const std::string text = R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 2}, "seed": 5})";
    const Trace a = run(parseSpec(text, ".")), b = run(parseSpec(text, "."));
    EXPECT_TRUE(allClose(a.find("output")->value, b.find("output")->value, 0, 0));
    Spec other = parseSpec(text, ".");
    other.seed = 6;
    EXPECT_FALSE(allClose(run(other).find("output")->value, a.find("output")->value, 0, 0));
}

TEST(Spec, TokensSetLengthsAndTheSameWordGetsTheSameVector) {
    const Spec s = parseSpec(R"({"layer": "Attention", "shapes": {"query_features": 4, "value_features": 4},
        "tokens": {"query": "the cat saw the dog", "source": ["the", "dog"]}})",
                             ".");
    ASSERT_EQ(s.queryTokens.size(), 5u);
    const Trace t = run(s);
    const Tensor& q = t.find("query")->value;
    EXPECT_EQ(q.shape(), (Shape{1, 5, 4}));
    for (Index f = 0; f < 4; ++f) {
        EXPECT_EQ(q.at({0, 0, f}), q.at({0, 3, f}));                      // "the" twice
        EXPECT_EQ(q.at({0, 4, f}), t.find("value")->value.at({0, 1, f})); // "dog" in both
    }
    EXPECT_NE(q.at({0, 0, 0}), q.at({0, 1, 0}));
}

TEST(Spec, SaveThenLoadGivesTheSameTrace) {
    const fs::path dir = tempDir("roundtrip");
    Spec s = parseSpec(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 3, "value_dim": 2},
        "shapes": {"batch": 2, "query_len": 3, "source_len": 4, "query_features": 5, "value_features": 6,
                   "key_features": 7}, "seed": 3})",
                       ".");
    const ResolvedInputs in = resolveInputs(s);
    s.query = in.query;
    s.value = in.value;
    s.key = in.key;
    s.valueMask = Tensor({2, 4}, {1, 1, 0, 1, 1, 0, 1, 1});
    s.attentionMask = Tensor({2, 3, 4});
    std::fill(s.attentionMask->values().begin(), s.attentionMask->values().end(), 1.0f);
    s.attentionMask->values()[5] = 0.0f;
    const Trace before = run(s);
    saveSpec((dir / "spec.json").string(), s, before.params);
    const Spec loaded = loadSpec((dir / "spec.json").string());
    const Trace after = run(loaded);
    ASSERT_EQ(before.steps.size(), after.steps.size());
    for (size_t i = 0; i < before.steps.size(); ++i) {
        EXPECT_EQ(before.steps[i].key, after.steps[i].key);
        EXPECT_TRUE(allClose(after.steps[i].value, before.steps[i].value, 0, 0)) << before.steps[i].key;
    }
    EXPECT_TRUE(fs::exists(dir / "value_mask.npy"));
    fs::remove_all(dir);
}

TEST(Spec, AcceptsFloat64InputsAndFloatMasks) {
    const fs::path dir = tempDir("dtypes");
    // value_mask as float32 0/1: nonzero means True, as Keras' cast to bool.
    writeNpy((dir / "vm.npy").string(), Tensor({1, 3}, {1, 0, 2}));
    std::ofstream(dir / "spec.json") << R"({"layer": "Attention", "shapes": {"query_len": 2, "source_len": 3,
        "query_features": 2, "value_features": 2}, "masks": {"value_mask": "vm.npy"}})";
    const Spec s = loadSpec((dir / "spec.json").string());
    ASSERT_TRUE(s.valueMask.has_value());
    EXPECT_EQ(s.valueMask->values(), (std::vector<float>{1, 0, 2})); // kept as read
    const Trace t = run(s);
    ASSERT_NE(t.find("mask"), nullptr);
    EXPECT_EQ(t.find("mask")->value.values(), (std::vector<float>{1, 0, 1, 1, 0, 1})); // cast: nonzero is True
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_NE(t.warnings[0].find("value_mask holds 1 value other than 0 and 1 (e.g. 2)"), std::string::npos)
        << t.warnings[0];
    fs::remove_all(dir);
}

TEST(Spec, ByteSizesAsUsersTypeThem) {
    EXPECT_EQ(parseByteSize("4096"), 4096u);
    EXPECT_EQ(parseByteSize("512M"), 512ull << 20);
    EXPECT_EQ(parseByteSize("1.5G"), 3ull << 29);
    EXPECT_EQ(parseByteSize(" 64 mib "), 64ull << 20);
    EXPECT_EQ(parseByteSize("8GB"), 8ull << 30);
    EXPECT_EQ(parseByteSize("2t"), 2ull << 40);
    EXPECT_EQ(parseByteSize(".5k"), 512u);
    EXPECT_EQ(parseByteSize("1b"), 1u);
    for (const char* bad : {"", "lots", "0", "0.0001", "-1G", "3Q", "1.5.2G", "G", "1e3", "16777216T", "5 M B"})
        EXPECT_FALSE(parseByteSize(bad)) << bad;
}
