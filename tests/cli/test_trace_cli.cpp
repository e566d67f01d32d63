// attnviz-trace as a user runs it: a real process, its exit code, what it
// prints, and the .npz it writes (read back and compared with the core).
#include "core/attention.h"
#include "core/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

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
    EXPECT_NE(r.out.find("GiB"), std::string::npos) << r.out;
}

TEST(TraceCli, BenchPrintsMedianAndGemmFraction) {
    const Result r = runCli(caseSpec("mha_self_b1_h1_t4") + " --bench 3");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("median"), std::string::npos);
    EXPECT_NE(r.out.find("GFLOP/s"), std::string::npos);
    EXPECT_NE(r.out.find("% of it"), std::string::npos);
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
