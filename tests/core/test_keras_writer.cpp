// The .keras writer (core/io/keras_writer, keras_h5_writer): the weights
// layout Keras' saving_lib uses for this model, a config.json our own reader
// (core/io/keras_model) understands as Keras 3 would, and files written by
// us that open back — through the isolated HDF5 reader child, as File ▸ Open
// Keras model does — to the same weights and the same trace, for each
// attention layer and option that changes its variables.
#include "core/io/keras_h5_writer.h"
#include "core/io/keras_model.h"
#include "core/io/npy.h"
#include "core/layers/run.h"
#include "core/base/random.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

KerasModelBlock block(LayerKind layer, bool residual, bool ln) {
    KerasModelBlock b;
    b.config.layer = layer;
    b.config.numHeads = 2;
    b.config.keyDim = 3;
    b.residual = residual;
    b.layerNorm = ln;
    return b;
}

// Every weight the model needs, drawn at random (distinct per key).
std::map<std::string, Tensor> randomWeights(const KerasModelDesc& m, std::uint64_t seed) {
    std::map<std::string, Tensor> w;
    std::uint64_t stream = 0;
    for (const auto& [key, shape] : kerasModelWeightShapes(m))
        w[key] = randomNormal(shape, seed, ++stream);
    return w;
}

fs::path tempDir() {
    const fs::path d = fs::temp_directory_path() / ("attnviz_keras_writer_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

KerasModelDesc mixedModel() {
    KerasModelDesc m;
    m.vocab = 7;
    m.length = 5;
    m.embedDim = 6;
    m.blocks.push_back(block(LayerKind::MultiHeadAttention, true, true));
    m.blocks.push_back(block(LayerKind::GroupQueryAttention, true, false));
    m.blocks.back().config.numHeads = 4;
    m.blocks.back().config.numKeyValueHeads = 2;
    m.blocks.back().causal = true;
    m.blocks.push_back(block(LayerKind::MultiHeadAttention, false, true));
    m.blocks.back().config.useGate = true;
    m.blocks.back().config.useBias = false;
    m.blocks.push_back(block(LayerKind::Attention, true, true));
    m.blocks.back().config.useScale = true;
    m.blocks.back().config.scoreMode = ScoreMode::Concat;
    m.blocks.push_back(block(LayerKind::AdditiveAttention, false, false));
    return m;
}

class KerasWriter : public ::testing::Test {
protected:
    void SetUp() override { setKerasReaderExecutable(ATTNVIZ_TRACE_EXE); }
};

} // namespace

// The groups Keras' _save_state makes for this model: <snake_case(class)>_k in
// model.layers order, the public/private sub-layer names of each class, and
// every vars group named after its layer.
TEST_F(KerasWriter, WeightsLayoutIsKerasOwn) {
    const KerasModelDesc m = mixedModel();
    const auto layout = kerasWeightsLayout(m, randomWeights(m, 1));
    std::map<std::string, std::pair<std::string, size_t>> groups;
    for (const KerasH5Group& g : layout)
        groups[g.path] = {g.nameAttribute, g.vars.size()};
    const std::map<std::string, std::pair<std::string, size_t>> want{
        {"vars", {"attnviz_model", 0}},
        {"layers/input_layer/vars", {"tokens", 0}},
        {"layers/input_layer_1/vars", {"positions", 0}},
        {"layers/embedding/vars", {"token_embedding", 1}},
        {"layers/embedding_1/vars", {"position_embedding", 1}},
        {"layers/add/vars", {"embed_add", 0}},
        {"layers/multi_head_attention/vars", {"block0_attention", 0}},
        {"layers/multi_head_attention/query_dense/vars", {"query", 2}},
        {"layers/multi_head_attention/key_dense/vars", {"key", 2}},
        {"layers/multi_head_attention/value_dense/vars", {"value", 2}},
        {"layers/multi_head_attention/output_dense/vars", {"attention_output", 2}},
        {"layers/multi_head_attention/_softmax/vars", {"softmax", 0}},
        {"layers/multi_head_attention/_dropout_layer/vars", {"dropout", 0}},
        {"layers/add_1/vars", {"block0_residual", 0}},
        {"layers/layer_normalization/vars", {"block0_layer_norm", 2}},
        {"layers/grouped_query_attention/vars", {"block1_attention", 0}},
        {"layers/grouped_query_attention/_query_dense/vars", {"query", 2}},
        {"layers/grouped_query_attention/_key_dense/vars", {"key", 2}},
        {"layers/grouped_query_attention/_value_dense/vars", {"value", 2}},
        {"layers/grouped_query_attention/_output_dense/vars", {"attention_output", 2}},
        {"layers/grouped_query_attention/_softmax/vars", {"softmax_1", 0}},
        {"layers/grouped_query_attention/_dropout_layer/vars", {"dropout_1", 0}},
        {"layers/add_2/vars", {"block1_residual", 0}},
        {"layers/multi_head_attention_1/vars", {"block2_attention", 0}},
        {"layers/multi_head_attention_1/query_dense/vars", {"query", 1}},
        {"layers/multi_head_attention_1/key_dense/vars", {"key", 1}},
        {"layers/multi_head_attention_1/value_dense/vars", {"value", 1}},
        {"layers/multi_head_attention_1/output_dense/vars", {"attention_output", 1}},
        {"layers/multi_head_attention_1/_gate_dense/vars", {"gate", 1}},
        {"layers/multi_head_attention_1/_softmax/vars", {"softmax_2", 0}},
        {"layers/multi_head_attention_1/_dropout_layer/vars", {"dropout_2", 0}},
        {"layers/layer_normalization_1/vars", {"block2_layer_norm", 2}},
        {"layers/attention/vars", {"block3_attention", 2}},
        {"layers/add_3/vars", {"block3_residual", 0}},
        {"layers/layer_normalization_2/vars", {"block3_layer_norm", 2}},
        {"layers/additive_attention/vars", {"block4_attention", 1}},
        {"layers/dense/vars", {"logits", 2}},
    };
    EXPECT_EQ(groups, want);
}

TEST_F(KerasWriter, RefusesWeightsThatDoNotFit) {
    const KerasModelDesc m = mixedModel();
    auto w = randomWeights(m, 2);
    auto missing = w;
    missing.erase("block1/key_dense/kernel");
    EXPECT_THROW(kerasWeightsLayout(m, missing), SpecError);
    auto wrong = w;
    wrong["logits/bias"] = Tensor({3});
    try {
        kerasWeightsLayout(m, wrong);
        FAIL() << "no error";
    } catch (const SpecError& e) {
        EXPECT_NE(std::string(e.what()).find("logits/bias"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("(7,)"), std::string::npos) << e.what();
    }
    auto extra = w;
    extra["block9/scale"] = Tensor(Shape{});
    EXPECT_THROW(kerasWeightsLayout(m, extra), SpecError);
}

// config.json as Keras reads it: our reader finds each attention layer by
// name, with its class, the h5 group the trace-format rule gives, its input
// widths and the call's mask; every inbound node names a layer listed before it.
TEST_F(KerasWriter, ConfigIsAFunctionalModelOurReaderUnderstands) {
    const KerasModelDesc m = mixedModel();
    const std::string text = kerasModelConfigJson(m);
    const KerasModelInfo info = parseKerasConfig(text, "config.json");
    EXPECT_EQ(info.modelClass, "Functional");
    EXPECT_EQ(info.modelName, "attnviz_model");
    ASSERT_EQ(info.attentionLayers.size(), 5u);
    const std::vector<std::string> groups{"layers/multi_head_attention", "layers/grouped_query_attention",
                                          "layers/multi_head_attention_1", "layers/attention",
                                          "layers/additive_attention"};
    for (size_t i = 0; i < 5; ++i) {
        const KerasLayerInfo& l = info.attentionLayers[i];
        EXPECT_EQ(l.name, "block" + std::to_string(i) + "_attention");
        EXPECT_EQ(l.h5Group, groups[i]);
        EXPECT_EQ(l.queryFeatures, 6);
        EXPECT_EQ(l.valueFeatures, 6);
        EXPECT_EQ(l.dtype, "float32");
    }
    const auto j = nlohmann::json::parse(text);
    std::set<std::string> seen;
    for (const auto& layer : j["config"]["layers"]) {
        for (const auto& node : layer["inbound_nodes"]) {
            const std::string dumped = node.dump();
            for (size_t at = dumped.find("keras_history"); at != std::string::npos;
                 at = dumped.find("keras_history", at + 1)) {
                const size_t q = dumped.find('"', at + 16);
                const std::string from = dumped.substr(q + 1, dumped.find('"', q + 1) - q - 1);
                EXPECT_TRUE(seen.count(from)) << layer["name"] << " reads " << from << " before it exists";
            }
        }
        seen.insert(layer["name"].get<std::string>());
        EXPECT_EQ(layer["config"]["name"], layer["name"]);
    }
    for (const auto& layer : j["config"]["layers"]) {
        const auto& kwargs =
            layer["inbound_nodes"].empty() ? nlohmann::json::object() : layer["inbound_nodes"][0]["kwargs"];
        // Only block1's GroupQueryAttention is called with use_causal_mask=True.
        EXPECT_EQ(kwargs.contains("use_causal_mask"), layer["name"] == "block1_attention") << layer["name"];
    }
    EXPECT_EQ(j["config"]["output_layers"], nlohmann::json::array({"logits", 0, 0}));
    const auto meta = nlohmann::json::parse(kerasMetadataJson("2026-12-08@04:00:00"));
    EXPECT_EQ(meta["keras_version"], "3.16.0");
}

// A file written by us, opened as File ▸ Open Keras model opens one: the
// same weights, bit for bit, and the same trace on the same inputs.
TEST_F(KerasWriter, WrittenFileOpensToTheSameNumbers) {
    const KerasModelDesc m = mixedModel();
    const auto weights = randomWeights(m, 3);
    const fs::path file = tempDir() / "trained.keras";
    saveKerasModel(file.string(), m, weights);
    const KerasModelInfo info = inspectKerasModel(file.string());
    ASSERT_EQ(info.attentionLayers.size(), 5u);
    for (size_t b = 0; b < m.blocks.size(); ++b) {
        const std::string name = kerasBlockLayerName(Index(b), "attention");
        const KerasLayerLoad load = loadKerasLayer(file.string(), name);
        const std::string prefix = "block" + std::to_string(b) + "/";
        size_t expected = 0;
        for (const auto& [key, t] : weights)
            if (key.starts_with(prefix) && key.find("layer_norm/") == std::string::npos) {
                ++expected;
                const std::string npzName = key.substr(prefix.size());
                ASSERT_TRUE(load.weights.count(npzName)) << name << " lacks " << npzName;
                EXPECT_EQ(load.weights.at(npzName).shape(), t.shape()) << npzName;
                EXPECT_EQ(load.weights.at(npzName).values(), t.values()) << npzName;
            }
        EXPECT_EQ(load.weights.size(), expected) << name;
        // The same trace: the layer as loaded against the layer from our weights.
        Spec fromFile;
        fromFile.config = m.blocks[b].config;
        fromFile.call.useCausalMask = m.blocks[b].causal;
        fromFile.shapes = {
            .batch = 2, .queryLen = 5, .sourceLen = 5, .queryFeatures = 6, .valueFeatures = 6, .keyFeatures = {}};
        fromFile.seed = 9;
        fromFile.weights = load.weights;
        Spec ours = fromFile;
        ours.weights.clear();
        for (const auto& [key, t] : weights)
            if (key.starts_with(prefix) && key.find("layer_norm/") == std::string::npos)
                ours.weights[key.substr(prefix.size())] = t;
        const Trace a = run(fromFile), c = run(ours);
        ASSERT_EQ(a.steps.size(), c.steps.size());
        for (size_t i = 0; i < a.steps.size(); ++i)
            EXPECT_EQ(a.steps[i].value.values(), c.steps[i].value.values()) << name << " " << a.steps[i].key;
    }
    // The embeddings, LayerNorms and logits are in the file too, where Keras looks for them.
    std::string image = *readZipMemberFromFile(file.string(), "model.weights.h5", 1 << 26);
    EXPECT_GT(image.size(), 1000u);
}

// attnviz-trace --train … --save-keras: the trained model's file holds the
// weights --out reports as final/*, and opens as the trained layer.
TEST_F(KerasWriter, TrainCliSavesTheTrainedModel) {
    const fs::path dir = tempDir();
    const fs::path keras = dir / "reverse.keras", result = dir / "reverse.npz";
    const std::string cmd = std::string(ATTNVIZ_TRACE_EXE) + " --train-task reverse --steps 30 --save-keras '" +
                            keras.string() + "' --out '" + result.string() + "' > '" + (dir / "cli.log").string() +
                            "' 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const auto final_ = readNpz(result.string());
    const KerasLayerLoad load = loadKerasLayer(keras.string(), "block0_attention");
    ASSERT_FALSE(load.weights.empty());
    for (const auto& [name, t] : load.weights) {
        const auto it = final_.find("final/block0/" + name);
        ASSERT_NE(it, final_.end()) << name;
        EXPECT_EQ(t.values(), it->second.values()) << name;
    }
    // The file is refused when not named .keras (load_model insists on the extension).
    const std::string bad = std::string(ATTNVIZ_TRACE_EXE) + " --train-task reverse --steps 2 --save-keras '" +
                            (dir / "x.h5").string() + "' > /dev/null 2>&1";
    EXPECT_NE(std::system(bad.c_str()), 0);
}
