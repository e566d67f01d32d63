// train.json bad input: every wrong field gets a SpecError naming it and
// saying what was expected; bundles reproduce a run bit for bit; the numbers
// do not depend on the thread count.
#include "core/base/parallel.h"
#include "core/io/npy.h"
#include "core/train/tasks.h"
#include "core/train/trainer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <unistd.h>
#include <fstream>

namespace attnviz {
namespace {

using namespace core;
using json = nlohmann::json;
namespace fs = std::filesystem;

const fs::path kCase = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / "train_copy_prev_gqa_causal";

class TrainInputs : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("attnviz_train_inputs_" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        for (const char* f : {"tokens.npy", "targets.npy", "loss_mask.npy", "init.npz"})
            fs::copy_file(kCase / f, m_dir / f);
        std::ifstream in(kCase / "train.json");
        m_json = json::parse(in);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // Parse m_json (after the test changed it); expect a SpecError naming `field`
    // whose message contains `text`.
    void expectError(const std::string& field, const std::string& text, const std::string& raw = "") {
        const std::string body = raw.empty() ? m_json.dump() : raw;
        try {
            TrainLimits limits;
            limits.maxBytes = m_limit;
            (void)parseTrainSpec(body, m_dir.string(), limits);
            ADD_FAILURE() << "no error; expected one naming " << field;
        } catch (const SpecError& e) {
            EXPECT_EQ(e.field(), field) << e.what();
            EXPECT_NE(std::string(e.what()).find(text), std::string::npos)
                << "message: " << e.what() << "\nexpected to contain: " << text;
        }
    }
    void writeInts(const std::string& name, const Shape& shape, std::vector<std::int32_t> v) {
        writeNpyInt32((m_dir / name).string(), shape, v);
    }
    // A raw .npy with this descr and `bytes` of data.
    void writeRaw(const std::string& name, const std::string& descr, const Shape& shape, const std::string& data) {
        std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (";
        for (Index d : shape)
            dict += std::to_string(d) + ", ";
        dict += "), }";
        while ((10 + dict.size() + 1) % 64)
            dict += ' ';
        dict += '\n';
        std::string out = "\x93NUMPY\x01";
        out += '\0';
        out += char(dict.size() & 0xFF);
        out += char(dict.size() >> 8);
        out += dict + data;
        std::ofstream(m_dir / name, std::ios::binary) << out;
    }
    std::vector<std::int32_t> tokens() const { return std::vector<std::int32_t>(size_t(40 * 8 * 8), 1); }

    fs::path m_dir;
    json m_json;
    std::uint64_t m_limit = std::uint64_t(2) << 30;
};

TEST_F(TrainInputs, TheCaseParses) {
    const TrainSpec s = parseTrainSpec(m_json.dump(), m_dir.string());
    EXPECT_EQ(s.steps, 40);
    EXPECT_EQ(s.data->batch, 8);
    EXPECT_EQ(s.model.blocks[0].config.layer, LayerKind::GroupQueryAttention);
}

TEST_F(TrainInputs, ModelSizes) {
    m_json["model"]["vocab"] = 0;
    expectError("model.vocab", "vocab must be an integer ≥ 1");
    m_json["model"]["vocab"] = 10;
    m_json["model"]["length"] = 7;
    expectError("data.tokens", "model's length is 7");
    m_json["model"]["length"] = "8";
    expectError("model.length", "length must be an integer");
    m_json["model"]["length"] = 8;
    m_json["model"]["embed_dim"] = -3;
    expectError("model.embed_dim", "embed_dim must be an integer ≥ 1");
    m_json["model"]["embed_dim"] = 16;
    m_json["model"]["blocks"] = json::array();
    expectError("model.blocks", "1 to 3 blocks");
    m_json["model"]["blocks"] = json::array({1, 2, 3, 4});
    expectError("model.blocks", "1 to 3 blocks");
}

TEST_F(TrainInputs, BlockConfigs) {
    json& b = m_json["model"]["blocks"][0];
    b["layer"] = "Transformer";
    expectError("model.blocks[0].layer", "Unknown layer");
    b["layer"] = "GroupQueryAttention";
    b["config"]["num_key_value_heads"] = 3;
    expectError("model.blocks[0].config.num_key_value_heads", "model.blocks[0]");
    b["config"]["num_key_value_heads"] = 2;
    b["config"]["dropout"] = 0.1;
    expectError("model.blocks[0].config.dropout", "dropout > 0 is not supported");
    b["config"]["dropout"] = 0.0;
    b["residual"] = "yes";
    expectError("model.blocks[0].residual", "true or false");
    b["residual"] = true;
    b["call"]["training"] = true;
    expectError("model.blocks[0].call.training", "Unknown");
}

TEST_F(TrainInputs, Tokens) {
    auto t = tokens();
    t[3 * 64 + 2 * 8 + 5] = 10;
    writeInts("tokens.npy", {40, 8, 8}, t);
    expectError("data.tokens", "data.tokens[3, 2, 5] = 10 is outside the vocabulary [0, 10)");
    t[3 * 64 + 2 * 8 + 5] = -1;
    writeInts("tokens.npy", {40, 8, 8}, t);
    expectError("data.tokens", "is negative");
    writeRaw("tokens.npy", "<f4", {1, 1, 8}, std::string(32, '\0'));
    expectError("data.tokens", "not integers");
    writeRaw("tokens.npy", "|u1", {1, 1, 8}, std::string(8, '\1'));
    expectError("data.tokens", "unsupported integer dtype '|u1'");
    writeRaw("tokens.npy", "<i2", {1, 1, 8}, std::string(16, '\0'));
    expectError("data.tokens", "unsupported integer dtype '<i2'");
    // np.save of a Python int list: int64, accepted.
    std::string data;
    for (int i = 0; i < 40 * 64; ++i) {
        const std::int64_t v = i % 10;
        data.append(reinterpret_cast<const char*>(&v), 8);
    }
    writeRaw("tokens.npy", "<i8", {40, 8, 8}, data);
    const TrainSpec s = parseTrainSpec(m_json.dump(), m_dir.string());
    EXPECT_EQ(s.data->tokens[13], 3);
    writeInts("tokens.npy", {40, 64}, tokens());
    expectError("data.tokens", "rank 3");
}

TEST_F(TrainInputs, ShapesThatDisagree) {
    writeInts("targets.npy", {40, 8, 7}, std::vector<std::int32_t>(40 * 56, 0));
    expectError("data.targets", "must be the same");
    writeInts("targets.npy", {40, 8, 8}, tokens());
    writeRaw("loss_mask.npy", "|b1", {40, 4, 8}, std::string(40 * 32, '\1'));
    expectError("data.loss_mask", "must be the same");
    std::string mask(40 * 64, '\1');
    for (int i = 0; i < 64; ++i)
        mask[size_t(7 * 64 + i)] = '\0';
    writeRaw("loss_mask.npy", "|b1", {40, 8, 8}, mask);
    expectError("data.loss_mask", "selects no position in batch 7 (step 8)");
    m_json["steps"] = 7; // batch 7 is not trained: fine
    EXPECT_NO_THROW(parseTrainSpec(m_json.dump(), m_dir.string()));
}

TEST_F(TrainInputs, Steps) {
    m_json["steps"] = 41;
    expectError("steps", "more than the data holds");
    m_json["steps"] = 0;
    expectError("steps", "steps must be an integer ≥ 1");
    m_json.erase("steps");
    expectError("steps", "needs \"steps\"");
}

TEST_F(TrainInputs, Optimizer) {
    m_json["optimizer"]["name"] = "sgd";
    expectError("optimizer.name", "Adam only");
    m_json["optimizer"]["name"] = "Adam";
    m_json["optimizer"]["learning_rate"] = -0.1;
    expectError("optimizer.learning_rate", "finite number ≥ 0");
    std::string raw = m_json.dump();
    raw.replace(raw.find("-0.1"), 4, "NaN"); // Python's json.dump writes NaN
    expectError("optimizer.learning_rate", "NaN", raw);
    m_json["optimizer"]["learning_rate"] = 0.01;
    m_json["optimizer"]["beta_2"] = 1.0;
    expectError("optimizer.beta_2", "[0, 1)");
}

TEST_F(TrainInputs, Init) {
    auto init = readNpz((m_dir / "init.npz").string());
    auto missing = init;
    missing.erase("block0/key_dense/bias");
    writeNpz((m_dir / "init.npz").string(), missing);
    expectError("init", "init has no 'block0/key_dense/bias' (shape (2, 4))");
    auto extra = init;
    extra["block1/scale"] = Tensor(Shape{});
    writeNpz((m_dir / "init.npz").string(), extra);
    expectError("init", "does not own: 'block1/scale'");
    auto wrong = init;
    wrong["logits/bias"] = Tensor(Shape{9});
    writeNpz((m_dir / "init.npz").string(), wrong);
    expectError("init", "'logits/bias' has shape (9,), expected (10,)");
}

TEST_F(TrainInputs, MemoryBudgetBeforeAllocation) {
    m_limit = 1 << 20;
    m_json["model"]["embed_dim"] = 4096; // the init no longer fits either: the budget speaks first
    expectError("model", "more than the limit of 1 MiB");
    TrainSpec huge = taskTrainSpec("reverse", 10, 0);
    huge.model.embedDim = 1 << 16;
    huge.model.length = 1 << 12;
    EXPECT_THROW(Trainer{huge}, SpecError);
}

TEST_F(TrainInputs, InvalidJsonAndUnknownFields) {
    expectError("train", "Invalid JSON", "{\"model\": ");
    m_json["optimiser"] = {};
    expectError("optimiser", "Unknown train.json field 'optimiser'");
}

TEST(TrainBundle, ReproducesTheRunBitForBit) {
    const fs::path dir = fs::temp_directory_path() / ("attnviz_bundle_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const TrainSpec task = taskTrainSpec("copy_previous", 25, 11);
    saveTrainBundle(dir.string(), task);
    Trainer a(task), b(loadTrainSpec((dir / "train.json").string()));
    for (int i = 0; i < 25; ++i) {
        const StepResult ra = a.step(), rb = b.step();
        ASSERT_EQ(ra.loss, rb.loss) << "step " << i + 1;
        ASSERT_EQ(ra.accuracy, rb.accuracy);
    }
    EXPECT_TRUE(b.finished());
    const auto wa = a.weights(), wb = b.weights();
    for (const auto& [k, t] : wa)
        EXPECT_EQ(t.values(), wb.at(k).values()) << k;
    fs::remove_all(dir);
}

TEST(TrainDeterminism, SameNumbersForAnyThreadCount) {
    std::map<std::string, Tensor> first;
    for (int threads : {1, 2, 4}) {
        setThreadCount(threads);
        setMinWorkPerThread(0);
        Trainer t(taskTrainSpec("induction", 15, 5));
        for (int i = 0; i < 15; ++i)
            t.step();
        if (first.empty())
            first = t.weights();
        else
            for (const auto& [k, w] : t.weights())
                EXPECT_EQ(w.values(), first.at(k).values()) << k << " with " << threads << " threads";
    }
    setThreadCount(1);
    setMinWorkPerThread(4e6);
}

TEST(Trainer, ResetAndLearningRate) {
    Trainer t(taskTrainSpec("reverse", 100, 1));
    const StepResult r1 = t.step();
    t.step();
    t.reset();
    EXPECT_EQ(t.stepsDone(), 0);
    EXPECT_TRUE(t.lossHistory().empty());
    EXPECT_EQ(t.step().loss, r1.loss);
    t.setLearningRate(0.0); // no update: the next loss is this batch's at the same weights
    const auto before = t.weights();
    t.step();
    for (const auto& [k, w] : t.weights())
        EXPECT_EQ(w.values(), before.at(k).values()) << k;
    EXPECT_THROW(t.setLearningRate(-1), SpecError);
    EXPECT_EQ(t.probeAttention(0).shape(), (Shape{32, 2, 8, 8}));
    EXPECT_EQ(t.gradientNorms().size(), t.weightKeys().size());
}

} // namespace
} // namespace attnviz
