// attnviz-trace as a user runs it: a real process, its exit code, what it
// prints, and the .npz it writes (read back and compared with the core).
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/teach/compare.h"
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

struct Result {
    int code = -1;
    std::string out; // stdout + stderr
};

Result runCli(const std::string& args) {
    const std::string cmd = std::string(ATTNVIZ_TRACE_EXE) + " " + args + " 2>&1";
    Result r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p)
        return r;
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
        r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

std::string caseSpec(const std::string& name) {
    return (fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / name / "spec.json").string();
}

fs::path tempDir() {
    const fs::path d = fs::temp_directory_path() / ("attnviz_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

} // namespace

TEST(TraceCli, ListPrintsATableOfEveryStep) {
    const Result r = runCli(caseSpec("mha_qmask_vmask_b2_h2") + " --list");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("key"), std::string::npos);
    EXPECT_NE(r.out.find("FLOPs"), std::string::npos);
    const Trace t = run(loadSpec(caseSpec("mha_qmask_vmask_b2_h2")));
    for (const Step& s : t.steps) {
        const auto line = r.out.find("\n" + s.key + " ");
        ASSERT_NE(line, std::string::npos) << s.key;
        EXPECT_NE(r.out.find(shapeString(s.value.shape()), line), std::string::npos) << s.key;
    }
    EXPECT_NE(r.out.find("(2, 2, 5, 6)"), std::string::npos); // weights [B,N,T,S]
}

TEST(TraceCli, ComparePrintsTheVariantsAndEveryCheckWithItsMaxDelta) {
    const std::string spec = caseSpec("attn_dot_scale_masks_b2");
    const Result r = runCli(spec + " --compare");
    ASSERT_EQ(r.code, 0) << r.out;
    const Comparison c = compare(loadSpec(spec));
    for (const CompareVariant& v : c.variants) {
        const auto at = r.out.find("\n  " + v.id + " ");
        ASSERT_NE(at, std::string::npos) << v.id << "\n" << r.out;
        const std::string line = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
        EXPECT_NE(line.find(" " + v.label + (v.usersLayer ? " (your layer)" : "") + "  weights "), std::string::npos)
            << line;
    }
    for (const EquivalenceCheck& k : c.checks) {
        const auto at = r.out.find(k.id + ": " + k.claim);
        ASSERT_NE(at, std::string::npos) << k.id << "\n" << r.out;
        EXPECT_NE(r.out.find("holds when: " + k.conditions, at), std::string::npos) << k.id;
        if (k.applicable) {
            std::ostringstream delta;
            delta << std::setprecision(3) << "max |Δ| = " << k.maxAbsDiff;
            EXPECT_NE(r.out.find(delta.str(), at), std::string::npos) << delta.str() << "\n" << r.out;
        }
        const std::string verdict =
            k.setup.met ? "your setup: meets them" : "your setup: does not meet them: " + k.setup.unmet.front();
        EXPECT_NE(r.out.find(verdict, at), std::string::npos) << verdict << "\n" << r.out;
        const std::string mark = k.holdsForSetup() ? "✓" : k.applicable && !k.holds() ? "✗" : "-";
        EXPECT_NE(r.out.find("  " + mark + " " + k.id + ": "), std::string::npos) << mark << " " << k.id;
    }
    EXPECT_EQ(r.out.find("FLOPs"), std::string::npos); // no table unless --list
}

TEST(TraceCli, OutWritesEveryStepAndMatchesKeras) {
    const fs::path out = tempDir() / "trace.npz";
    const Result r = runCli(caseSpec("mha_causal_b2_h4_t6") + " --out " + out.string());
    ASSERT_EQ(r.code, 0) << r.out;
    const auto arrays = readNpz(out.string());
    const Trace t = run(loadSpec(caseSpec("mha_causal_b2_h4_t6")));
    EXPECT_EQ(arrays.size(), t.steps.size());
    for (const Step& s : t.steps) {
        ASSERT_TRUE(arrays.count(s.key)) << s.key;
        EXPECT_TRUE(attnviz::testing::allClose(arrays.at(s.key), s.value, 0, 0)) << s.key;
    }
    const auto expected =
        readNpz((fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras/mha_causal_b2_h4_t6/expected.npz").string());
    for (const auto& [key, want] : expected)
        EXPECT_TRUE(attnviz::testing::allClose(arrays.at(key), want)) << key;
    fs::remove(out);
}

TEST(TraceCli, BadSpecIsOneLineOnStderrAndExitCodeOne) {
    const fs::path dir = tempDir();
    std::ofstream(dir / "bad.json") << R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 0}})";
    const Result r = runCli((dir / "bad.json").string() + " --list");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("Received: key_dim=0"), std::string::npos) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    const Result missing = runCli((dir / "does_not_exist.json").string());
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.out.find("does_not_exist.json"), std::string::npos) << missing.out;
}

TEST(TraceCli, UsageErrorsExitTwo) {
    EXPECT_EQ(runCli("").code, 2);
    EXPECT_EQ(runCli(caseSpec("attn_dot_b1_t3_s4") + " --bench 0").code, 2);
    EXPECT_EQ(runCli(caseSpec("attn_dot_b1_t3_s4") + " --max-memory lots").code, 2);
    EXPECT_EQ(runCli(caseSpec("attn_dot_b1_t3_s4") + " --max-memory 0").code, 2);
    EXPECT_EQ(runCli(caseSpec("attn_dot_b1_t3_s4") + " --max-memory 3Q").code, 2);
    const Result help = runCli("--help");
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("--out"), std::string::npos);
}

TEST(TraceCli, MemoryLimitRefusesWithTheSizeNeeded) {
    const fs::path dir = tempDir();
    std::ofstream(dir / "big.json") << R"({"layer": "MultiHeadAttention", "config": {"num_heads": 8, "key_dim": 64},
        "shapes": {"batch": 1, "query_len": 2048, "source_len": 2048, "query_features": 64, "value_features": 64}})";
    const Result r = runCli((dir / "big.json").string() + " --list --max-memory 64M");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("would need about"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("limit of 64 MiB"), std::string::npos) << r.out; // M is 1024², as CLI11's AsSizeValue reads it
    EXPECT_EQ(runCli((dir / "big.json").string() + " --list --max-memory 64mib").out, r.out);
    EXPECT_EQ(runCli((dir / "big.json").string() + " --list --max-memory 0.0625G").out, r.out); // decimals too
    const Result bad = runCli((dir / "big.json").string() + " --list --max-memory 1.5X");
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.out.find("Received: 1.5X"), std::string::npos) << bad.out;
    EXPECT_NE(r.out.find("GiB"), std::string::npos) << r.out;
}

TEST(TraceCli, BenchPrintsMedianAndGemmFraction) {
    const Result r = runCli(caseSpec("mha_self_b1_h1_t4") + " --bench 3");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("median"), std::string::npos);
    EXPECT_NE(r.out.find("GFLOP/s"), std::string::npos);
    EXPECT_NE(r.out.find("% of it"), std::string::npos);
}

TEST(TraceCli, MaskValuesOtherThanZeroOrOneGiveOneWarningLineEach) {
    const fs::path dir = tempDir();
    // attention_mask [T,S] = [2,3] with a 0.25 and a 3: cast to bool (nonzero is True).
    writeNpy((dir / "am.npy").string(), Tensor({2, 3}, {1, 0.25f, 0, 3, 1, 0}));
    writeNpy((dir / "vm.npy").string(), Tensor({1, 3}, {1, 1, 0.5f}));
    std::ofstream(dir / "warn.json") << R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 3},
        "shapes": {"batch": 1, "query_len": 2, "source_len": 3, "query_features": 4, "value_features": 4},
        "masks": {"attention_mask": "am.npy", "value_mask": "vm.npy"}})";
    const Result r = runCli((dir / "warn.json").string() + " --out " + (dir / "t.npz").string());
    EXPECT_EQ(r.code, 0) << r.out;
    std::size_t warnings = 0;
    for (std::size_t p = r.out.find("warning: "); p != std::string::npos; p = r.out.find("warning: ", p + 1))
        ++warnings;
    EXPECT_EQ(warnings, 2u) << r.out;
    EXPECT_NE(r.out.find("attention_mask holds 2 values other than 0 and 1 (e.g. 0.25)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("value_mask holds 1 value other than 0 and 1 (e.g. 0.5)"), std::string::npos) << r.out;
    const auto trace = readNpz((dir / "t.npz").string());
    EXPECT_EQ(trace.at("mask").values(), (std::vector<float>{1, 1, 0, 1, 1, 0}));
    fs::remove_all(dir);
}

// Trained layers from saved Keras models: attnviz-trace reads the HDF5
// weights through its own isolated child and matches Keras' numbers.
TEST(TraceCli, KerasModelCasesMatchKeras) {
    const fs::path models = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras_models";
    int casesMatched = 0;
    for (const std::string c :
         {"encoder_block_self_attn", "seq2seq_luong", "seq2seq_bahdanau", "encoder_block_weights_h5"}) {
        const fs::path out = tempDir() / (c + ".npz");
        const Result r = runCli((models / c / "spec.json").string() + " --out " + out.string());
        ASSERT_EQ(r.code, 0) << c << ": " << r.out;
        const auto arrays = readNpz(out.string());
        const auto expected = readNpz((models / c / "expected.npz").string());
        ASSERT_FALSE(expected.empty());
        size_t keysMatched = 0;
        for (const auto& [key, want] : expected) {
            ASSERT_TRUE(arrays.count(key)) << c << ": " << key;
            const bool close = attnviz::testing::allClose(arrays.at(key), want, 1e-4, 1e-5);
            EXPECT_TRUE(close) << c << ": " << key;
            keysMatched += close ? 1 : 0;
        }
        fs::remove(out);
        EXPECT_EQ(keysMatched, expected.size()) << c;
        casesMatched += keysMatched == expected.size() ? 1 : 0;
    }
    EXPECT_EQ(casesMatched, 4); // every case matched Keras on every key, not merely ran
}

TEST(TraceCli, BrokenKerasModelsAreOneLineAndExitCodeOne) {
    const fs::path dir = tempDir();
    const fs::path bad = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras_models" / "bad";
    for (const auto& [file, layer, text] :
         std::vector<std::array<std::string, 3>>{{"not_a_zip.keras", "x", "is not a zip archive"},
                                                 {"no_config.keras", "self_attn", "no config.json"},
                                                 {"no_attention.keras", "dense", "holds no attention layer"},
                                                 {"truncated_h5.keras", "self_attn", "truncated"},
                                                 {"corrupt_h5.keras", "self_attn", "corrupt_h5.keras"},
                                                 {"nested.keras", "inner_attn", "nested models"}}) {
        std::ofstream(dir / "km.json") << R"({"keras_model": {"file": ")" << (bad / file).string() << R"(", "layer": ")"
                                       << layer << R"("}})";
        const Result r = runCli((dir / "km.json").string() + " --list");
        EXPECT_EQ(r.code, 1) << file << ": " << r.out;
        EXPECT_NE(r.out.find(text), std::string::npos) << file << ": " << r.out;
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << file << ": " << r.out;
    }
}

TEST(TraceCli, PythonWritesTheScriptItsDataAndTheTrace) {
    const fs::path py = tempDir() / "mha_export.py";
    const Result r = runCli(caseSpec("mha_key_b2_h3_t4_s6") + " --python numpy " + py.string());
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_TRUE(fs::exists(py));
    const auto data = readNpz((tempDir() / "mha_export.npz").string());
    EXPECT_TRUE(data.count("query") && data.count("key") && data.count("value") && data.count("query_dense/kernel"));
    const auto trace = readNpz((tempDir() / "mha_export_trace.npz").string());
    const Trace t = run(loadSpec(caseSpec("mha_key_b2_h3_t4_s6")));
    ASSERT_EQ(trace.size(), t.steps.size());
    for (const Step& s : t.steps)
        EXPECT_EQ(trace.at(s.key).values(), s.value.values()) << s.key;
}

TEST(TraceCli, PythonRefusesAnUnknownTargetAndANonPyFile) {
    const Result bad = runCli(caseSpec("mha_self_b1_h1_t4") + " --python jax " + (tempDir() / "x.py").string());
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.out.find("unknown target 'jax'. Expected numpy, keras or torch"), std::string::npos) << bad.out;
    const Result noPy = runCli(caseSpec("mha_self_b1_h1_t4") + " --python torch " + (tempDir() / "x.txt").string());
    EXPECT_EQ(noPy.code, 2);
    EXPECT_NE(noPy.out.find("must end in .py"), std::string::npos) << noPy.out;
}

TEST(TraceCli, BackwardStepsAreListedWrittenAndCompared) {
    // Every grad_* case: --list shows the grad/ steps, --out writes them and
    // they match the float64 autograd reference with the gradient tolerance.
    for (const char* name :
         {"grad_mha_b2_h2", "grad_gqa_q4_kv2", "grad_mha_causal_vmask_sublayer", "grad_attn_concat_scale_masks"}) {
        const Result list = runCli(caseSpec(name) + " --list");
        ASSERT_EQ(list.code, 0) << list.out;
        const Trace t = run(loadSpec(caseSpec(name)));
        int grads = 0;
        for (const Step& s : t.steps)
            if (s.key.starts_with("grad/")) {
                ++grads;
                EXPECT_NE(list.out.find("\n" + s.key + " "), std::string::npos) << name << ": " << s.key;
            }
        EXPECT_GE(grads, 8) << name;
        const fs::path out = tempDir() / "grad.npz";
        const Result r = runCli(caseSpec(name) + " --out " + out.string());
        ASSERT_EQ(r.code, 0) << r.out;
        const auto arrays = readNpz(out.string());
        const auto expected = readNpz((fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / name / "expected.npz").string());
        for (const auto& [key, want] : expected) {
            ASSERT_TRUE(arrays.count(key)) << name << ": " << key;
            float top = 1.0f;
            for (float v : want.values())
                top = std::max(top, std::fabs(v));
            EXPECT_TRUE(key.starts_with("grad/") ? attnviz::testing::allClose(arrays.at(key), want, 1e-3, 1e-5 * top)
                                                 : attnviz::testing::allClose(arrays.at(key), want))
                << name << ": " << key;
        }
        fs::remove(out);
    }
    // --compare on a spec with "backward": the identities are checked on the gradients too.
    const fs::path spec = tempDir() / "mha1.json";
    std::ofstream(spec) << R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1, "key_dim": 4},
        "shapes": {"batch": 2, "query_len": 3, "source_len": 5, "query_features": 4, "value_features": 4},
        "seed": 3, "backward": {}})";
    const Result r = runCli(spec.string() + " --compare");
    ASSERT_EQ(r.code, 0) << r.out;
    const Comparison c = compare(loadSpec(spec.string()));
    for (const EquivalenceCheck& k : c.checks) {
        EXPECT_TRUE(k.gradientsCompared) << k.id << ": " << k.gradNote;
        EXPECT_TRUE(k.gradHolds()) << k.id << ": max |Δ| " << k.gradMaxAbsDiff;
        const auto at = r.out.find(k.id + ": ");
        ASSERT_NE(at, std::string::npos) << k.id;
        EXPECT_NE(r.out.find("gradients (the spec asks for the backward pass)", at), std::string::npos) << k.id;
    }
    const auto mha =
        std::find_if(c.checks.begin(), c.checks.end(), [](const auto& k) { return k.id == "mha-attention"; });
    ASSERT_NE(mha, c.checks.end());
    for (const char* key : {"grad/query", "grad/value", "grad/scores", "grad/weights"})
        EXPECT_NE(std::find(mha->gradKeys.begin(), mha->gradKeys.end(), key), mha->gradKeys.end()) << key;
    fs::remove(spec);
}
