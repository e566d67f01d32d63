// attnviz-trace --train / --train-task as a user runs them: a real process,
// its exit code, what it prints and the .npz it writes.
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>

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

fs::path tempDir() {
    const fs::path d = fs::temp_directory_path() / ("attnviz_train_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

} // namespace

TEST(TrainCli, TrainWritesTheContractsKeysAndMatchesKeras) {
    const fs::path dir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / "train_reverse_mha";
    const fs::path out = tempDir() / "result.npz";
    const Result r =
        runCli("--train " + (dir / "train.json").string() + " --out " + out.string() + " --print-every 10");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("step     10  loss "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("step     40  loss "), std::string::npos) << r.out;
    const auto got = readNpz(out.string());
    const auto expected = readNpz((dir / "expected.npz").string());
    ASSERT_EQ(got.size(), expected.size());
    for (const auto& [k, ref] : expected) {
        ASSERT_TRUE(got.count(k)) << k;
        if (k == "loss")
            EXPECT_TRUE(attnviz::testing::allClose(got.at(k), ref, 1e-3, 0)) << k;
        else if (k.starts_with("final/"))
            EXPECT_TRUE(attnviz::testing::allClose(got.at(k), ref, 0, 1e-3)) << k;
        else
            EXPECT_EQ(got.at(k).shape(), ref.shape()) << k;
    }
    fs::remove_all(out.parent_path());
}

TEST(TrainCli, ABundleReproducesTheTaskRunBitForBit) {
    const fs::path d = tempDir();
    const Result a = runCli("--train-task copy_previous --steps 30 --seed 4 --save-bundle " + (d / "bundle").string() +
                            " --out " + (d / "a.npz").string());
    ASSERT_EQ(a.code, 0) << a.out;
    const Result b = runCli("--train " + (d / "bundle" / "train.json").string() + " --out " + (d / "b.npz").string());
    ASSERT_EQ(b.code, 0) << b.out;
    const auto ra = readNpz((d / "a.npz").string()), rb = readNpz((d / "b.npz").string());
    ASSERT_EQ(ra.size(), rb.size());
    for (const auto& [k, t] : ra)
        EXPECT_EQ(t.values(), rb.at(k).values()) << k;
    fs::remove_all(d);
}

TEST(TrainCli, StopAtAndTheProbeTrace) {
    const fs::path d = tempDir();
    const Result r = runCli("--train-task reverse --steps 2000 --stop-at 0.99 --probe-trace " + (d / "p.npz").string());
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("reached a mean accuracy of 0.99 over the last 10 steps at step"), std::string::npos) << r.out;
    const auto p = readNpz((d / "p.npz").string());
    for (const char* k : {"embeddings", "block0/weights", "block0/layer_norm", "logits", "loss", "grad/block0/scores",
                          "grad/block0/query_dense/kernel", "grad/token_embedding/embeddings"})
        EXPECT_TRUE(p.count(k)) << k;
    // The trained reverse head reads the anti-diagonal: row t's largest weight is at L−1−t.
    const Tensor& w = p.at("block0/weights"); // (B, N, T, S)
    const Index T = w.dim(2);
    for (Index t = 0; t < T; ++t) {
        Index arg = 0;
        for (Index s = 1; s < T; ++s)
            if (w.at({0, 0, t, s}) > w.at({0, 0, t, arg}))
                arg = s;
        EXPECT_EQ(arg, T - 1 - t) << "row " << t;
    }
    fs::remove_all(d);
}

TEST(TrainCli, BadInputAndUsage) {
    Result r = runCli("--train-task nope");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("Unknown task 'nope'. Known: copy, reverse"), std::string::npos) << r.out;
    r = runCli("--train-task reverse --layer Transformer");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("--layer: unknown layer 'Transformer'"), std::string::npos) << r.out;
    r = runCli("--train x.json --train-task reverse");
    EXPECT_EQ(r.code, 2) << r.out;
    r = runCli("spec.json --train-task reverse");
    EXPECT_EQ(r.code, 2) << r.out;
    r = runCli("--train /nonexistent/train.json");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("/nonexistent/train.json: cannot open the file"), std::string::npos) << r.out;
    r = runCli("--train-task reverse --steps 5 --max-memory 64K");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("more than the limit"), std::string::npos) << r.out;
}
