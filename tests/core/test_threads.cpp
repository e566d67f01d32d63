// The core's threads change nothing but the time: every step of every layer
// is bit-identical for 1, 2, 3 and 5 threads, on shapes large enough to be
// split and with sizes that do not divide evenly. Also parallelFor itself.
#include "core/layers/run.h"
#include "core/base/eigen_types.h"
#include "core/base/gemm.h"
#include "core/base/parallel.h"
#include "core/base/run_control.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <stdexcept>

using namespace attnviz::core;

namespace {

/// Every test leaves one thread and the default work threshold behind.
struct ThreadGuard {
    ThreadGuard() { setMinWorkPerThread(0); } // split every range, however small: every path runs threaded
    ~ThreadGuard() {
        setThreadCount(1);
        setMinWorkPerThread(4e6);
    }
};

Tensor ones(Shape shape) {
    Tensor t(std::move(shape));
    std::fill(t.values().begin(), t.values().end(), 1.0f);
    return t;
}

std::vector<std::pair<std::string, Spec>> specs() {
    std::vector<std::pair<std::string, Spec>> out;
    {
        Spec s; // MHA, no mask
        s.config.numHeads = 3;
        s.config.keyDim = 24;
        s.shapes = {.batch = 2, .queryLen = 197, .sourceLen = 211, .queryFeatures = 72, .valueFeatures = 40};
        s.seed = 11;
        out.emplace_back("mha", s);
    }
    {
        Spec s; // MHA with masks, key, value_dim, dropout in training and the Transformer sub-layer
        s.config.numHeads = 5;
        s.config.keyDim = 16;
        s.config.valueDim = 12;
        s.config.dropout = 0.25f;
        s.config.transformerSublayer = true;
        s.call.training = true;
        s.call.useCausalMask = true;
        s.shapes = {
            .batch = 2, .queryLen = 150, .sourceLen = 150, .queryFeatures = 48, .valueFeatures = 40, .keyFeatures = 36};
        Tensor vm = ones({2, 150});
        for (Index i = 0; i < 150; i += 7)
            vm.data()[150 + i] = 0.0f;
        s.valueMask = vm;
        s.seed = 12;
        out.emplace_back("mha_masks_dropout_sublayer", s);
    }
    {
        Spec s; // GroupQueryAttention with a sliding window, a gate and a per-head attention mask
        s.config.layer = LayerKind::GroupQueryAttention;
        s.config.numHeads = 6;
        s.config.numKeyValueHeads = 2;
        s.config.keyDim = 16;
        s.config.slidingWindow = 40;
        s.config.useGate = true;
        s.shapes = {.batch = 2, .queryLen = 170, .sourceLen = 130, .queryFeatures = 48, .valueFeatures = 48};
        s.seed = 15;
        out.emplace_back("gqa_window_gate", s);
    }
    for (bool concat : {false, true}) {
        Spec s;
        s.config.layer = LayerKind::Attention;
        s.config.scoreMode = concat ? ScoreMode::Concat : ScoreMode::Dot;
        s.config.useScale = true;
        s.call.useCausalMask = true;
        s.shapes = {.batch = 2,
                    .queryLen = concat ? 61 : 230,
                    .sourceLen = concat ? 67 : 190,
                    .queryFeatures = 32,
                    .valueFeatures = 32};
        s.seed = 13;
        out.emplace_back(concat ? "attention_concat" : "attention_dot", s);
    }
    {
        Spec s;
        s.config.layer = LayerKind::AdditiveAttention;
        s.shapes = {.batch = 2, .queryLen = 63, .sourceLen = 71, .queryFeatures = 24, .valueFeatures = 24};
        s.valueMask = ones({2, 71});
        s.valueMask->data()[5] = 0.0f;
        s.seed = 14;
        out.emplace_back("additive", s);
    }
    return out;
}

} // namespace

TEST(Threads, EveryStepOfEveryLayerIsBitIdentical) {
    ThreadGuard guard;
    for (const auto& [name, spec] : specs()) {
        setThreadCount(1);
        const Trace one = run(spec);
        for (int threads : {2, 3, 5}) {
            setThreadCount(threads);
            const Trace many = run(spec);
            ASSERT_EQ(many.steps.size(), one.steps.size()) << name;
            for (size_t i = 0; i < one.steps.size(); ++i) {
                const Tensor& a = one.steps[i].value;
                const Tensor& b = many.steps[i].value;
                ASSERT_EQ(a.shape(), b.shape()) << name << " " << one.steps[i].key;
                EXPECT_EQ(0, std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)))
                    << name << ": step " << one.steps[i].key << " differs with " << threads << " threads";
            }
        }
    }
}

TEST(Threads, ParallelForCoversTheRangeOnceWithAlignedChunks) {
    ThreadGuard guard;
    setThreadCount(4);
    std::vector<std::atomic<int>> seen(1000);
    std::atomic<int> calls{0};
    parallelFor(1000, 10, 48, 1e12, [&](Index begin, Index end) {
        ++calls;
        EXPECT_EQ(begin % 48, 0) << "chunks start at multiples of the alignment";
        for (Index i = begin; i < end; ++i)
            ++seen[size_t(i)];
    });
    EXPECT_EQ(calls.load(), 4);
    for (const auto& s : seen)
        EXPECT_EQ(s.load(), 1);
    // Too little work: one inline call.
    setMinWorkPerThread(4e6);
    calls = 0;
    parallelFor(1000, 10, 1, 10.0, [&](Index begin, Index end) {
        ++calls;
        EXPECT_EQ(begin, 0);
        EXPECT_EQ(end, 1000);
    });
    EXPECT_EQ(calls.load(), 1);
}

TEST(Threads, AnExceptionInAChunkReachesTheCaller) {
    ThreadGuard guard;
    setThreadCount(3);
    EXPECT_THROW(parallelFor(300, 1, 1, 1e12,
                             [](Index begin, Index) {
                                 if (begin > 0)
                                     throw std::runtime_error("chunk failed");
                             }),
                 std::runtime_error);
}

TEST(Threads, ThreadCountSetting) {
    ThreadGuard guard;
    setThreadCount(0);
    EXPECT_EQ(threadCount(), hardwareThreads());
    setThreadCount(-3);
    EXPECT_EQ(threadCount(), 1);
    setThreadCount(1000);
    EXPECT_EQ(threadCount(), 256);
}

TEST(RunControl, CountsStepsAndStopsWhenCancelled) {
    Spec s;
    s.config.numHeads = 2;
    s.config.keyDim = 4;
    s.shapes = {.batch = 1, .queryLen = 5, .sourceLen = 6, .queryFeatures = 8, .valueFeatures = 8};
    RunControl control;
    {
        RunScope scope(control);
        const Trace t = run(s);
        EXPECT_EQ(control.stepsDone.load(), int(t.steps.size()));
    }
    control.stepsDone = 0;
    control.cancel = true;
    {
        RunScope scope(control);
        EXPECT_THROW(run(s), RunCancelled);
        EXPECT_EQ(control.stepsDone.load(), 1) << "stops at the first step after the flag";
    }
    // Outside a scope, runs are not watched.
    EXPECT_NO_THROW(run(s));
    EXPECT_EQ(control.stepsDone.load(), 1);
}

// MultiHeadAttention computes scores, softmax and context per block of query
// rows (so a block stays in cache). Blocks start at multiples of 48 rows, so
// each row goes through the same Eigen kernel as in one product over the
// whole head: the scores and the context are bit-identical to those
// whole-head products, here with S long enough for several blocks per head.
TEST(Threads, RowBlocksGiveTheWholeHeadProducts) {
    ThreadGuard guard;
    Spec s;
    s.config.layer = LayerKind::MultiHeadAttention;
    s.config.numHeads = 2;
    s.config.keyDim = 24;
    s.config.valueDim = 40;
    s.call.useCausalMask = true;
    s.shapes = {.batch = 2, .queryLen = 150, .sourceLen = 3001, .queryFeatures = 32, .valueFeatures = 48};
    s.seed = 5;
    for (int threads : {1, 2}) {
        setThreadCount(threads);
        const Trace t = run(s);
        const Tensor& qs = t.find("scaled_query")->value; // (B, T, N, H)
        const Tensor& k = t.find("key_dense")->value;     // (B, S, N, H)
        const Tensor& v = t.find("value_dense")->value;   // (B, S, N, Hv)
        const Tensor& p = t.find("weights")->value;       // (B, N, T, S)
        const Tensor& c = t.find("context")->value;       // (B, T, N, Hv)
        const Tensor& l = t.find("scores")->value;        // (B, N, T, S)
        const Index B = 2, N = 2, T = 150, S = 3001, H = 24, Hv = 40;
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n) {
                // One product over the whole head, through the core's kernel (core/base/gemm.h:
                // a portable build's x86-64-v3/v4 plug-in, when the CPU has it).
                MatrixRM scores(T, S);
                gemmNT(T, S, H, qs.data() + (b * T * N + n) * H, N * H, k.data() + (b * S * N + n) * H, N * H,
                       scores.data(), S);
                EXPECT_EQ(std::memcmp(scores.data(), l.data() + (b * N + n) * T * S, sizeof(float) * size_t(T * S)), 0)
                    << "scores, batch " << b << " head " << n << ", " << threads << " thread(s)";
                MatrixRM context(T, Hv);
                gemmNN(T, Hv, S, p.data() + (b * N + n) * T * S, S, v.data() + (b * S * N + n) * Hv, N * Hv,
                       context.data(), Hv);
                for (Index r = 0; r < T; ++r)
                    EXPECT_EQ(std::memcmp(context.data() + r * Hv, c.data() + ((b * T + r) * N + n) * Hv,
                                          sizeof(float) * size_t(Hv)),
                              0)
                        << "context row " << r << ", batch " << b << " head " << n;
            }
    }
}
