// Trained layers from saved Keras models (core/keras_model.h): the real
// Keras 3.16 models and cases of tests/data/keras_models match expected.npz;
// the generated models (make_fixtures.py: several layers of one class, cross
// attention with a key and no bias, concat Attention, GroupQueryAttention and
// a gated MultiHeadAttention) give exactly the weights written beside them;
// every broken file is one clean SpecError; a reader child that crashes,
// hangs, blows up or lies is one clean SpecError too.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/keras_model.h"
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATTNVIZ_TEST_UNDER_ASAN 1
#endif
#endif

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

const fs::path kDir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras_models";

std::string model(const std::string& name) {
    return (kDir / name).string();
}

std::vector<std::string> casesWith(const std::string& file) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(kDir))
        if (fs::exists(e.path() / file))
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The SpecError a call throws: its field and message ("" when none).
template <class F> std::pair<std::string, std::string> specError(F&& f) {
    try {
        f();
    } catch (const SpecError& e) {
        return {e.field(), e.what()};
    }
    return {"", ""};
}

KerasReaderOptions readerOptions() {
    KerasReaderOptions o;
    o.executable = ATTNVIZ_TRACE_EXE;
    return o;
}

class KerasModelEnv : public ::testing::Environment {
public:
    void SetUp() override { setKerasReaderExecutable(ATTNVIZ_TRACE_EXE); }
};
const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new KerasModelEnv);

// --- real Keras models, real Keras numbers --------------------------------------

class RealKerasModelCase : public ::testing::TestWithParam<std::string> {};

TEST_P(RealKerasModelCase, EveryExpectedKeyMatchesTheTrace) {
    const fs::path dir = kDir / GetParam();
    const Spec spec = loadSpec((dir / "spec.json").string());
    EXPECT_FALSE(spec.weights.empty());
    const Trace trace = run(spec);
    const auto expected = readNpz((dir / "expected.npz").string());
    ASSERT_FALSE(expected.empty());
    for (const auto& [key, want] : expected) {
        const Step* step = trace.find(key);
        ASSERT_NE(step, nullptr) << "trace has no step '" << key << "'";
        EXPECT_TRUE(attnviz::testing::allClose(step->value, want, 1e-4, 1e-5)) << "step '" << key << "'";
    }
}

INSTANTIATE_TEST_SUITE_P(SharedModels, RealKerasModelCase, ::testing::ValuesIn(casesWith("expected.npz")),
                         [](const auto& p) { return p.param; });

TEST(RealKerasModelData, AllFourCasesArePresent) {
    // Five shared cases (two of GroupQueryAttention, whose .h5 group is named after its Python class
    // GroupedQueryAttention) plus the bare .weights.h5 one: the suite must not pass vacuously.
    EXPECT_EQ(casesWith("expected.npz").size(), 6u);
}

TEST(KerasModel, ListsTheAttentionLayersOfARealModel) {
    const KerasModelInfo enc = inspectKerasModel(model("encoder_block.keras"));
    EXPECT_EQ(enc.modelName, "encoder_block");
    ASSERT_EQ(enc.attentionLayers.size(), 1u);
    const KerasLayerInfo& l = enc.attentionLayers[0];
    EXPECT_EQ(l.name, "self_attn");
    EXPECT_EQ(l.className, "MultiHeadAttention");
    EXPECT_EQ(l.heads, "2");
    EXPECT_EQ(l.h5Group, "layers/multi_head_attention");
    EXPECT_EQ(l.queryFeatures, 8);
    EXPECT_EQ(l.valueFeatures, 8);
    EXPECT_FALSE(l.keyFeatures);
    EXPECT_EQ(l.queryLen, 6);
    EXPECT_EQ(l.dtype, "float32");

    const KerasModelInfo s2s = inspectKerasModel(model("seq2seq.keras"));
    ASSERT_EQ(s2s.attentionLayers.size(), 2u);
    EXPECT_EQ(s2s.attentionLayers[0].name, "luong");
    EXPECT_EQ(s2s.attentionLayers[0].className, "Attention");
    EXPECT_EQ(s2s.attentionLayers[0].h5Group, "layers/attention");
    EXPECT_EQ(s2s.attentionLayers[0].queryLen, 5);
    EXPECT_EQ(s2s.attentionLayers[0].sourceLen, 7);
    EXPECT_EQ(s2s.attentionLayers[1].h5Group, "layers/additive_attention");
    EXPECT_NE(s2s.layerList().find("'bahdanau' (AdditiveAttention, query 8, value 8)"), std::string::npos)
        << s2s.layerList();
}

TEST(KerasModel, ArchiveInMemoryParsesLikeTheFile) {
    std::ifstream in(model("seq2seq.keras"), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const KerasModelInfo info = parseKerasArchive(ss.str(), "seq2seq.keras");
    ASSERT_EQ(info.attentionLayers.size(), 2u);
    EXPECT_EQ(info.attentionLayers[1].name, "bahdanau");
}

// --- generated models: the layouts the public models lack ------------------------------

TEST(KerasModel, LayersOfOneClassGetKerasSuffixes) {
    const KerasModelInfo info = inspectKerasModel(model("multi_attention.keras"));
    ASSERT_EQ(info.attentionLayers.size(), 4u);
    EXPECT_EQ(info.find("self_attn")->h5Group, "layers/multi_head_attention");
    EXPECT_EQ(info.find("cross_attn")->h5Group, "layers/multi_head_attention_1");
    EXPECT_EQ(info.find("attn_concat")->h5Group, "layers/attention");
    EXPECT_EQ(info.find("attn_scaled")->h5Group, "layers/attention_1");
    const KerasLayerInfo& cross = *info.find("cross_attn");
    EXPECT_EQ(cross.heads, "3");
    EXPECT_EQ(cross.queryFeatures, 6);
    EXPECT_EQ(cross.valueFeatures, 10);
    EXPECT_EQ(cross.keyFeatures, 7);
    EXPECT_EQ(cross.widths(), "query 6, value 10, key 7");

    const KerasModelInfo gated = inspectKerasModel(model("gated.keras"));
    ASSERT_EQ(gated.attentionLayers.size(), 2u);
    EXPECT_EQ(gated.find("gqa")->h5Group, "layers/grouped_query_attention");
    EXPECT_EQ(gated.find("gqa")->heads, "4 query / 2 key-value");
    EXPECT_EQ(gated.find("gated_mha")->h5Group, "layers/multi_head_attention");
}

class GeneratedModelCase : public ::testing::TestWithParam<std::string> {};

// The weights read from the model are exactly the ones make_fixtures.py wrote
// into the .h5 (and, separately, into weights.npz) under the npz names.
TEST_P(GeneratedModelCase, WeightsReadFromTheModelEqualWeightsNpz) {
    const fs::path dir = kDir / GetParam();
    std::ifstream in(dir / "spec.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const auto at = text.find("\"layer\": \"") + 10;
    const std::string layer = text.substr(at, text.find('"', at) - at);
    const std::string file =
        text.find("multi_attention.keras") != std::string::npos ? "multi_attention.keras" : "gated.keras";
    const KerasLayerLoad load = loadKerasLayer(model(file), layer, readerOptions());
    const auto want = readNpz((dir / "weights.npz").string());
    ASSERT_EQ(load.weights.size(), want.size());
    for (const auto& [key, t] : want) {
        ASSERT_TRUE(load.weights.count(key)) << key;
        EXPECT_TRUE(attnviz::testing::allClose(load.weights.at(key), t, 0, 0)) << key;
    }
}

INSTANTIATE_TEST_SUITE_P(Generated, GeneratedModelCase, ::testing::ValuesIn(casesWith("spec_npz.json")),
                         [](const auto& p) { return p.param; });

TEST(KerasModel, GeneratedCasesArePresent) {
    EXPECT_EQ(casesWith("spec_npz.json").size(), 6u);
}

// The same layer from the model and from layer + config + weights.npz: the
// same trace (GroupQueryAttention and the gated, sliding-window MHA included).
TEST(KerasModel, ModelSpecAndNpzSpecGiveTheSameTrace) {
    for (const std::string c :
         {"multi_self_attn", "multi_cross_attn", "multi_attn_concat", "multi_attn_scaled", "gated_gqa", "gated_mha"}) {
        const Trace a = run(loadSpec((kDir / c / "spec.json").string()));
        const Trace b = run(loadSpec((kDir / c / "spec_npz.json").string()));
        ASSERT_EQ(a.steps.size(), b.steps.size()) << c;
        for (size_t i = 0; i < a.steps.size(); ++i) {
            EXPECT_EQ(a.steps[i].key, b.steps[i].key);
            EXPECT_TRUE(attnviz::testing::allClose(a.steps[i].value, b.steps[i].value, 0, 0))
                << c << " step " << a.steps[i].key;
        }
    }
}

TEST(KerasModel, GatedGroupQueryAttentionRunsWithItsSteps) {
    const Spec spec = loadSpec((kDir / "gated_gqa" / "spec.json").string());
    EXPECT_EQ(spec.config.layer, LayerKind::GroupQueryAttention);
    const Trace t = run(spec);
    for (const char* key : {"key_repeated", "value_repeated", "gate", "gated_context", "output"})
        EXPECT_NE(t.find(key), nullptr) << key;
    EXPECT_EQ(t.find("key_dense")->value.shape(), (Shape{2, 6, 2, 3}));
    EXPECT_EQ(t.find("key_repeated")->value.shape(), (Shape{2, 6, 4, 3}));
    const Trace m = run(loadSpec((kDir / "gated_mha" / "spec.json").string()));
    EXPECT_NE(m.find("gate"), nullptr);
}

TEST(KerasModel, CrossAttentionTakesItsWidthsFromBuildConfig) {
    const Spec spec = loadSpec((kDir / "multi_cross_attn" / "spec.json").string());
    EXPECT_EQ(spec.config.numHeads, 3);
    EXPECT_EQ(spec.config.keyDim, 2);
    EXPECT_EQ(spec.config.valueDim, 4);
    EXPECT_FALSE(spec.config.useBias);
    EXPECT_EQ(spec.shapes.queryFeatures, 6);
    EXPECT_EQ(spec.shapes.valueFeatures, 10);
    EXPECT_EQ(spec.shapes.keyFeatures, 7);
    EXPECT_EQ(spec.kerasModelLayer, "cross_attn");
    EXPECT_FALSE(spec.weights.count("query_dense/bias"));
    // Inputs drawn at the layer's own widths: no input files, the model's widths.
    const std::string text = "{\"keras_model\": {\"file\": \"" + model("multi_attention.keras") +
                             "\", \"layer\": \"cross_attn\"}, \"seed\": 3}";
    const Trace t = run(parseSpec(text, kDir.string()));
    EXPECT_EQ(t.find("query")->value.shape(), (Shape{1, 4, 6}));
    EXPECT_EQ(t.find("value")->value.shape(), (Shape{1, 5, 10}));
    EXPECT_EQ(t.find("key")->value.shape(), (Shape{1, 5, 7}));
}

// --- the constructor call ------------------------------------------------------------------

TEST(KerasModel, ConstructorCallFromTheConfig) {
    const KerasModelInfo enc = inspectKerasModel(model("encoder_block.keras"));
    const KerasLayerInfo& l = enc.attentionLayers[0];
    EXPECT_EQ(kerasConstructorCall(l.className, l.configJson),
              "keras.layers.MultiHeadAttention(num_heads=2, key_dim=4, value_dim=4, name=\"self_attn\")");
    const KerasModelInfo multi = inspectKerasModel(model("multi_attention.keras"));
    const KerasLayerInfo& c = *multi.find("cross_attn");
    EXPECT_EQ(
        kerasConstructorCall(c.className, c.configJson),
        "keras.layers.MultiHeadAttention(\n    num_heads=3,\n    key_dim=2,\n    value_dim=4,\n    use_bias=False,\n"
        "    name=\"cross_attn\",\n)");
    const KerasLayerInfo& a = *multi.find("attn_concat");
    EXPECT_EQ(kerasConstructorCall(a.className, a.configJson),
              "keras.layers.Attention(score_mode=\"concat\", name=\"attn_concat\")");
    const KerasModelInfo gated = inspectKerasModel(model("gated.keras"));
    const KerasLayerInfo& g = *gated.find("gqa");
    EXPECT_EQ(kerasConstructorCall(g.className, g.configJson),
              "keras.layers.GroupQueryAttention(\n    head_dim=3,\n    num_query_heads=4,\n    num_key_value_heads=2,\n"
              "    use_gate=True,\n    sliding_window=3,\n    name=\"gqa\",\n)");
    // A non-default initializer is written as the Keras object it is.
    EXPECT_EQ(kerasConstructorCall("MultiHeadAttention",
                                   R"({"num_heads": 1, "key_dim": 2, "kernel_initializer": {"module":
                                   "keras.initializers", "class_name": "HeNormal", "config": {"seed": 7}}})"),
              "keras.layers.MultiHeadAttention(\n    num_heads=1,\n    key_dim=2,\n"
              "    kernel_initializer=keras.initializers.HeNormal(seed=7),\n)");
}

// --- bad input: one clear SpecError each ------------------------------------------------------

std::pair<std::string, std::string> loadBad(const std::string& file, const std::string& layer) {
    return specError([&] { (void)loadKerasLayer(model("bad/" + file), layer, readerOptions()); });
}

void expectMessage(const std::pair<std::string, std::string>& err, const std::string& field,
                   std::initializer_list<const char*> parts) {
    EXPECT_EQ(err.first, field) << err.second;
    for (const char* p : parts)
        EXPECT_NE(err.second.find(p), std::string::npos) << "'" << p << "' not in: " << err.second;
}

TEST(KerasModelBadInput, NotAZip) {
    expectMessage(loadBad("not_a_zip.keras", "x"), "keras_model.file",
                  {"not_a_zip.keras", "is not a zip archive", "config.json and model.weights.h5"});
}

TEST(KerasModelBadInput, TruncatedZip) {
    expectMessage(loadBad("truncated_zip.keras", "self_attn"), "keras_model.file",
                  {"truncated_zip.keras", "truncated"});
}

TEST(KerasModelBadInput, NoConfigJson) {
    expectMessage(loadBad("no_config.keras", "self_attn"), "keras_model.file", {"no_config.keras", "no config.json"});
}

TEST(KerasModelBadInput, NoWeightsMember) {
    expectMessage(loadBad("no_weights.keras", "self_attn"), "keras_model.file",
                  {"no_weights.keras", "no model.weights.h5"});
}

TEST(KerasModelBadInput, NoAttentionLayerListsWhatItHolds) {
    expectMessage(loadBad("no_attention.keras", "dense"), "keras_model.file",
                  {"no_attention.keras holds no attention layer", "'dense' (Dense)"});
}

TEST(KerasModelBadInput, NestedModelIsRefused) {
    expectMessage(loadBad("nested.keras", "inner_attn"), "keras_model.file",
                  {"nested models ('inner')", "top-level model only"});
}

TEST(KerasModelBadInput, TruncatedH5Member) {
    expectMessage(loadBad("truncated_h5.keras", "self_attn"), "keras_model.file",
                  {"truncated_h5.keras: model.weights.h5", "truncated file", "truncated or corrupt"});
}

TEST(KerasModelBadInput, CorruptH5Member) {
    const auto err = loadBad("corrupt_h5.keras", "self_attn");
    expectMessage(err, "keras_model.file", {"corrupt_h5.keras"});
    EXPECT_TRUE(err.second.find("corrupt") != std::string::npos || err.second.find("crashed") != std::string::npos)
        << err.second;
}

TEST(KerasModelBadInput, CorruptBareWeightsFile) {
    const auto err = specError([&] {
        (void)loadKerasWeightsFile(model("bad/corrupt.weights.h5"), "multi_head_attention", "MultiHeadAttention",
                                   R"({"num_heads": 2, "key_dim": 4})", readerOptions());
    });
    expectMessage(err, "keras_model.file", {"corrupt.weights.h5", "corrupt"});
}

TEST(KerasModelBadInput, UnknownLayerNameListsTheChoices) {
    expectMessage(specError([&] { (void)loadKerasLayer(model("seq2seq.keras"), "decoder_attn", readerOptions()); }),
                  "keras_model.layer",
                  {"no attention layer named 'decoder_attn'", "'luong' (Attention, query 8, value 8)",
                   "'bahdanau' (AdditiveAttention"});
}

TEST(KerasModelBadInput, UnknownGroupInABareWeightsFileListsTheGroups) {
    const auto err = specError([&] {
        (void)loadKerasWeightsFile(model("encoder_block.weights.h5"), "mha", "MultiHeadAttention",
                                   R"({"num_heads": 2, "key_dim": 4})", readerOptions());
    });
    expectMessage(err, "keras_model.file", {"no group 'layers/mha'", "multi_head_attention", "layer_normalization"});
}

TEST(KerasModelBadInput, OtherDtypesAreRefused) {
    expectMessage(loadBad("float16_policy.keras", "half_attn"), "keras_model.layer",
                  {"'half_attn' computes in float16", "float32"});
    expectMessage(loadBad("float64_vars.keras", "f64_attn"), "keras_model.file", {"64-bit float", "float32"});
}

TEST(KerasModelBadInput, WeightsThatDoNotMatchTheConfig) {
    expectMessage(loadBad("missing_bias.keras", "mismatch_attn"), "keras_model.file",
                  {"no variable 'query_dense/vars/1' (query_dense/bias)"});
}

TEST(KerasModelBadInput, SpecFieldsThatContradictKerasModel) {
    const std::string km =
        "\"keras_model\": {\"file\": \"" + model("encoder_block.keras") + "\", \"layer\": \"self_attn\"}";
    expectMessage(specError([&] { (void)parseSpec("{" + km + ", \"weights\": \"w.npz\"}", "."); }), "weights",
                  {"takes no \"weights\""});
    expectMessage(specError([&] { (void)parseSpec("{" + km + ", \"layer\": \"Attention\"}", "."); }), "layer",
                  {"from the .keras file"});
    expectMessage(specError([&] {
                      (void)parseSpec("{\"keras_model\": {\"file\": \"" + model("encoder_block.weights.h5") +
                                          "\", \"layer\": \"multi_head_attention\"}}",
                                      ".");
                  }),
                  "layer", {"holds no model config"});
    expectMessage(specError([&] { (void)parseSpec(R"({"keras_model": {"file": "x.keras"}})", "."); }),
                  "keras_model.layer", {"needs \"file\"", "and \"layer\""});
    expectMessage(
        specError([&] { (void)parseSpec(R"({"keras_model": {"file": "x.keras", "layer": "a", "b": 1}})", "."); }),
        "keras_model.b", {"Unknown keras_model argument 'b'"});
}

// --- the child process: crash, hang, blow-up, garbage -----------------------------------------

std::pair<std::string, std::string> fake(const std::string& how, double timeout = 20.0) {
    KerasReaderOptions o;
    o.executable = ATTNVIZ_FAKE_READER;
    o.timeoutSeconds = timeout;
    o.memoryBytes = std::uint64_t(512) << 20;
    return specError([&] { (void)readKerasWeightsIsolated(model("encoder_block.keras"), true, how, o); });
}

TEST(KerasReaderChild, CrashIsOneMessage) {
    expectMessage(fake("crash"), "keras_model.file", {"encoder_block.keras", "crashed the reader", "signal 11"});
    expectMessage(fake("abort"), "keras_model.file", {"crashed the reader", "signal 6"});
}

TEST(KerasReaderChild, HangIsStoppedAtTheTimeout) {
    const auto t0 = std::chrono::steady_clock::now();
    expectMessage(fake("hang", 1.0), "keras_model.file", {"took longer than 1 s", "stopped"});
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
    expectMessage(fake("closed-stderr", 1.0), "keras_model.file", {"did not finish within 1 s"});
}

TEST(KerasReaderChild, CpuSpinIsStopped) {
    const auto err = fake("spin", 1.0);
    EXPECT_EQ(err.first, "keras_model.file");
    EXPECT_NE(err.second.find("stopped"), std::string::npos) << err.second;
}

TEST(KerasReaderChild, MemoryIsLimited) {
#if defined(__SANITIZE_ADDRESS__) || defined(ATTNVIZ_TEST_UNDER_ASAN)
    GTEST_SKIP() << "AddressSanitizer builds give the reader no address-space limit (its shadow memory needs "
                    "terabytes); the CPU and wall-clock limits are tested above";
#else
    expectMessage(fake("oom"), "keras_model.file", {"ran out of memory"});
#endif
}

TEST(KerasReaderChild, GarbageOutputAndHugeStderrAreClean) {
    expectMessage(fake("garbage"), "keras_model.file", {"output is unreadable"});
    expectMessage(fake("silent"), "keras_model.file", {"output is unreadable"});
    const auto spew = fake("spew");
    EXPECT_EQ(spew.first, "keras_model.file");
    EXPECT_LT(spew.second.size(), 1000u);
}

TEST(KerasReaderChild, MissingExecutableIsOneMessage) {
    KerasReaderOptions o;
    o.executable = "/nonexistent/attnviz-trace";
    const auto err = specError([&] { (void)readKerasWeightsIsolated(model("encoder_block.keras"), true, "x", o); });
    expectMessage(err, "keras_model.file", {"cannot run the HDF5 reader", "/nonexistent/attnviz-trace"});
}

} // namespace
