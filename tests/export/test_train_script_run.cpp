// The exported training scripts (core/teach/train_script) on real Keras 3.16
// runs (tests/data/train_scripts, from reference-cases/train_*): the PyTorch
// script builds the model from the same init, trains on the same batches with
// Keras' Adam and must reproduce Keras' own loss and accuracy curves (exit 0);
// with one step of the curve moved by 1 % it must fail (exit 1, DIFFERS).
// The Keras script is byte-compiled and its text checked (Keras is not
// packaged in Debian, so it cannot run here).
#include "core/io/npy.h"
#include "core/teach/train_script.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

const fs::path kDir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "train_scripts";

// train.json's model and optimizer (the fields these cases use) plus the data and Keras' curve.
TrainScriptInput loadCase(const std::string& name) {
    const fs::path dir = kDir / name;
    std::ifstream f(dir / "train.json");
    const nlohmann::json j = nlohmann::json::parse(f);
    TrainScriptInput in;
    in.model.vocab = j["model"]["vocab"];
    in.model.length = j["model"]["length"];
    in.model.embedDim = j["model"]["embed_dim"];
    for (const auto& b : j["model"]["blocks"]) {
        KerasModelBlock blk;
        blk.config.layer = *layerFromName(b["layer"].get<std::string>());
        const auto& c = b["config"];
        if (blk.config.layer == LayerKind::GroupQueryAttention) {
            blk.config.numHeads = c["num_query_heads"];
            blk.config.numKeyValueHeads = c["num_key_value_heads"];
            blk.config.keyDim = c["head_dim"];
        } else {
            blk.config.numHeads = c["num_heads"];
            blk.config.keyDim = c["key_dim"];
        }
        blk.causal = b["call"]["use_causal_mask"];
        blk.residual = b["residual"];
        blk.layerNorm = b["layer_norm"];
        in.model.blocks.push_back(blk);
    }
    const auto& o = j["optimizer"];
    in.beta1 = o["beta_1"];
    in.beta2 = o["beta_2"];
    in.epsilon = o["epsilon"];
    const int steps = j["steps"];
    in.learningRates.assign(size_t(steps), o["learning_rate"].get<double>());
    in.init = readNpz((dir / "init.npz").string());
    auto batches = readNpz((dir / "batches.npz").string());
    in.tokens = batches.at("tokens");
    in.targets = batches.at("targets");
    if (batches.count("loss_mask"))
        in.lossMask = batches.at("loss_mask");
    const auto curve = readNpz((dir / "curve.npz").string());
    in.loss = curve.at("loss").values();
    in.accuracy = curve.at("accuracy").values();
    return in;
}

fs::path workDir() {
    const fs::path d = fs::temp_directory_path() / ("attnviz_train_script_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

struct PyRun {
    int status = -1;
    std::string output;
};

PyRun runPython(const std::string& args, const fs::path& log) {
    std::ostringstream cmd;
    cmd << ATTNVIZ_PYTHON << ' ' << args << " > '" << log.string() << "' 2>&1";
    const int rc = std::system(cmd.str().c_str());
    PyRun r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    std::ifstream f(log);
    std::stringstream ss;
    ss << f.rdbuf();
    r.output = ss.str();
    return r;
}

std::string readText(const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

class TorchTrainScript : public ::testing::TestWithParam<std::string> {};

TEST_P(TorchTrainScript, ReproducesKerasOwnCurve) {
    const TrainScriptInput in = loadCase(GetParam());
    const fs::path py = workDir() / (GetParam() + "_torch.py");
    writeTrainScript(py.string(), in, ScriptTarget::Torch);
    const PyRun r = runPython("'" + py.string() + "'", fs::path(py).replace_extension(".log"));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("match attnviz's curve"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("DIFFERS"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("step   40"), std::string::npos) << r.output; // every step was run
}

TEST_P(TorchTrainScript, FailsOnAPerturbedCurve) {
    TrainScriptInput in = loadCase(GetParam());
    in.loss[9] *= 1.01f; // step 10's loss 1 % off
    const fs::path py = workDir() / (GetParam() + "_perturbed_torch.py");
    writeTrainScript(py.string(), in, ScriptTarget::Torch);
    const PyRun r = runPython("'" + py.string() + "'", fs::path(py).replace_extension(".log"));
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_NE(r.output.find("step   10  loss"), std::string::npos) << r.output;
    const size_t at = r.output.find("step   10  loss");
    EXPECT_NE(r.output.find("DIFFERS", at), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("DIFFERS"), r.output.find("DIFFERS", at)) << "only step 10 differs:\n" << r.output;
}

INSTANTIATE_TEST_SUITE_P(Cases, TorchTrainScript, ::testing::Values("train_reverse_mha", "train_copy_prev_gqa_causal"));

// Keras is not packaged in Debian: the script must compile, and say and do what it claims.
TEST(KerasTrainScript, CompilesAndUsesKerasOwnTraining) {
    for (const std::string name : {"train_reverse_mha", "train_copy_prev_gqa_causal"}) {
        const TrainScriptInput in = loadCase(name);
        const fs::path py = workDir() / (name + "_keras.py");
        writeTrainScript(py.string(), in, ScriptTarget::Keras);
        const PyRun r = runPython("-m py_compile '" + py.string() + "'", fs::path(py).replace_extension(".log"));
        EXPECT_EQ(r.status, 0) << r.output;
        const std::string s = readText(py);
        for (const char* needle :
             {"model.train_on_batch(", "keras.optimizers.Adam(", "reduction=\"mean_with_sample_weight\"",
              "if BACKEND == \"numpy\":", "did NOT train", "name=\"token_embedding\"", "name=\"position_embedding\"",
              "name=\"block0_attention\"", "name=\"logits\"", "model.optimizer.learning_rate = "})
            EXPECT_NE(s.find(needle), std::string::npos) << name << " lacks " << needle;
        // One assignment per initial weight, each read from INIT.
        size_t assigns = 0;
        for (size_t at = s.find(".assign(INIT[\""); at != std::string::npos; at = s.find(".assign(INIT[\"", at + 1))
            ++assigns;
        EXPECT_EQ(assigns, in.init.size()) << name;
        for (const auto& [key, t] : in.init)
            EXPECT_NE(s.find(".assign(INIT[\"" + key + "\"])"), std::string::npos) << key;
        if (name == "train_copy_prev_gqa_causal") {
            EXPECT_NE(s.find("layers.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2"),
                      std::string::npos);
        }
        EXPECT_NE(s.find(name == "train_copy_prev_gqa_causal" ? "(x, x, use_causal_mask=True)" : "(x, x)\n"),
                  std::string::npos);
    }
}

TEST(TrainScript, RefusesWhatItCannotReplay) {
    TrainScriptInput in = loadCase("train_reverse_mha");
    EXPECT_THROW(exportTrainScript(in, ScriptTarget::NumPy, "x"), std::invalid_argument);
    TrainScriptInput dropout = in;
    dropout.model.blocks[0].config.dropout = 0.1f;
    EXPECT_THROW(exportTrainScript(dropout, ScriptTarget::Torch, "x"), std::invalid_argument);
    TrainScriptInput shortCurve = in;
    shortCurve.loss.pop_back();
    EXPECT_THROW(exportTrainScript(shortCurve, ScriptTarget::Torch, "x"), std::invalid_argument);
}

} // namespace
