// Google Benchmark: the full MultiHeadAttention and GroupQueryAttention traces (every intermediate
// kept) on the three shapes of the core issue, and a plain Eigen SGEMM of
// about the same FLOPs for scale. Counters: GFLOP/s of the trace.
// The last argument of BM_MhaTrace is the core's thread count (1 and 2).
// Run: ./build/tests/bench/bench_trace --benchmark_min_time=1
#include "core/layers/run.h"
#include "core/base/eigen_types.h"
#include "core/base/gemm.h"
#include "core/base/parallel.h"

#include <benchmark/benchmark.h>

#include <cmath>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace attnviz::core;

namespace {

Spec mhaSpec(Index T, Index E, int heads, int keyDim) {
    Spec s;
    s.config.layer = LayerKind::MultiHeadAttention;
    s.config.numHeads = heads;
    s.config.keyDim = keyDim;
    s.shapes = Shapes{.batch = 1, .queryLen = T, .sourceLen = T, .queryFeatures = E, .valueFeatures = E};
    s.seed = 7;
    // Resolve inputs and weights once: the benchmark times the forward pass.
    ResolvedInputs in = resolveInputs(s);
    s.query = in.query;
    s.value = in.value;
    s.weights = resolveWeights(s);
    return s;
}

void BM_MhaTrace(benchmark::State& state) {
    const Spec spec =
        mhaSpec(state.range(0), state.range(1), static_cast<int>(state.range(2)), static_cast<int>(state.range(3)));
    setThreadCount(static_cast<int>(state.range(4)));
    double flops = 0;
    for (auto _ : state) {
        Trace t = run(spec);
        flops = t.totalFlops();
        benchmark::DoNotOptimize(t.steps.back().value.data());
    }
    state.counters["GFLOP/s"] = benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
    setThreadCount(1);
}

// GroupQueryAttention: T=S, features, query heads, key/value heads, head_dim.
void BM_GqaTrace(benchmark::State& state) {
    Spec spec =
        mhaSpec(state.range(0), state.range(1), static_cast<int>(state.range(2)), static_cast<int>(state.range(4)));
    spec.config.layer = LayerKind::GroupQueryAttention;
    spec.config.numKeyValueHeads = static_cast<int>(state.range(3));
    spec.weights.clear(); // MultiHeadAttention's shapes: draw GroupQueryAttention's
    spec.weights = resolveWeights(spec);
    double flops = 0;
    for (auto _ : state) {
        Trace t = run(spec);
        flops = t.totalFlops();
        benchmark::DoNotOptimize(t.steps.back().value.data());
    }
    state.counters["GFLOP/s"] = benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_EigenSgemm(benchmark::State& state) {
    const Index n = state.range(0);
    MatrixRM a = MatrixRM::Random(n, n), b = MatrixRM::Random(n, n), c(n, n);
    for (auto _ : state) {
        gemmNN(n, n, n, a.data(), n, b.data(), n, c.data(), n); // the trace's kernel (core/base/gemm.h)
        benchmark::DoNotOptimize(c.data());
    }
    state.SetLabel(gemmKernelDescription());
    state.counters["GFLOP/s"] =
        benchmark::Counter(2e-9 * double(n) * double(n) * double(n), benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

// T=S, features, heads, key_dim, threads
BENCHMARK(BM_MhaTrace)
    ->ArgNames({"T", "E", "heads", "key_dim", "threads"})
    ->Args({64, 64, 4, 16, 1})
    ->Args({512, 512, 8, 64, 1})
    ->Args({1024, 1024, 16, 64, 1})
    ->Args({64, 64, 4, 16, 2})
    ->Args({512, 512, 8, 64, 2})
    ->Args({1024, 1024, 16, 64, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
// The issue-8 shape: 8 query heads, 2 key/value heads, head_dim 64 (compare
// with BM_MhaTrace/512/512/8/64), and 8/8 (= multi-head) and 8/1 (multi-query).
BENCHMARK(BM_GqaTrace)
    ->Args({512, 512, 8, 2, 64})
    ->Args({512, 512, 8, 8, 64})
    ->Args({512, 512, 8, 1, 64})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
// n with 2n³ ≈ the trace's FLOPs on each shape.
BENCHMARK(BM_EigenSgemm)->Arg(117)->Arg(932)->Arg(1865)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0); // as attnviz-trace: reuse trace buffers, no re-faulting
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
