// Google Benchmark: the backward kernels alone, as a training step calls them
// (core/layers/backward.h: caller-owned buffers, nothing allocated), on the two
// model shapes of issue 19 (batch 32, length 8, E 32, 2 heads × 16; batch 64,
// length 32, E 128, 4 heads × 32), self-attention with one gradient buffer for
// query, key and value; and the forward trace of the same layer for scale.
// Run: ./build/tests/bench/bench_backward --benchmark_min_time=1
#include "core/layers/backward.h"
#include "core/layers/run.h"
#include "core/base/random.h"

#include <benchmark/benchmark.h>

#include <vector>

using namespace attnviz::core;

namespace {

Spec layer(Index B, Index T, Index E, int N, int H) {
    Spec s;
    s.config.numHeads = N;
    s.config.keyDim = H;
    s.shapes = Shapes{.batch = B, .queryLen = T, .sourceLen = T, .queryFeatures = E, .valueFeatures = E};
    s.seed = 3;
    s.query = randomNormal({B, T, E}, 3, 1);
    s.value = s.query;
    s.weights = resolveWeights(s);
    return s;
}

void BM_MhaBackwardKernel(benchmark::State& state) {
    const Index B = state.range(0), T = state.range(1), E = state.range(2), N = state.range(3), H = state.range(4);
    const Spec spec = layer(B, T, E, int(N), int(H));
    const Trace t = run(spec);
    auto v = [&](const char* k) { return t.find(k)->value.data(); };
    auto w = [&](const char* k) { return t.params.at(k).data(); };
    const MhaDims d{.B = B,
                    .T = T,
                    .S = T,
                    .Eq = E,
                    .Ek = E,
                    .Ev = E,
                    .N = N,
                    .Nkv = N,
                    .H = H,
                    .Hv = H,
                    .Eout = E,
                    .bias = true,
                    .gate = false,
                    .queryScale = t.find("scaled_query")->scaleFactor};
    const MhaParams p{.queryKernel = w("query_dense/kernel"),
                      .keyKernel = w("key_dense/kernel"),
                      .valueKernel = w("value_dense/kernel"),
                      .outputKernel = w("output_dense/kernel")};
    const MhaForward f{.query = v("query"),
                       .key = v("query"),
                       .value = v("query"),
                       .scaledQuery = v("scaled_query"),
                       .keyDense = v("key_dense"),
                       .valueDense = v("value_dense"),
                       .weights = v("weights"),
                       .context = v("context")};
    const size_t proj = size_t(B * T * N * H), scores = size_t(B * N * T * T);
    std::vector<float> dC(proj), dP(scores), dS(scores), dQs(proj), dQ(proj), dK(proj), dV(proj);
    std::vector<float> dx(size_t(B * T * E)), dWq(size_t(E * N * H)), dWk(dWq.size()), dWv(dWq.size()), dWo(dWq.size()),
        dbq(size_t(N * H)), dbk(dbq.size()), dbv(dbq.size()), dbo(static_cast<size_t>(E));
    const Tensor dY = randomNormal({B, T, E}, 4, 2);
    MhaWork work{.context = dC.data(),
                 .weights = dP.data(),
                 .scores = dS.data(),
                 .scaledQuery = dQs.data(),
                 .queryDense = dQ.data(),
                 .keyDense = dK.data(),
                 .valueDense = dV.data()};
    MhaGrads g{.query = dx.data(),
               .key = dx.data(),
               .value = dx.data(),
               .queryKernel = dWq.data(),
               .queryBias = dbq.data(),
               .keyKernel = dWk.data(),
               .keyBias = dbk.data(),
               .valueKernel = dWv.data(),
               .valueBias = dbv.data(),
               .outputKernel = dWo.data(),
               .outputBias = dbo.data()};
    for (auto _ : state) {
        mhaBackward(d, p, f, dY.data(), work, g);
        benchmark::DoNotOptimize(dx.data());
    }
    // Four dense layers (dW and dx: 4·rows·din·dout each) and four T×T products per head.
    const double flops = 4.0 * double(B * T) * double(E) * double(N * H) * 4 + 8.0 * double(B * N) * double(T * T * H);
    state.counters["GFLOP/s"] = benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_MhaForwardTrace(benchmark::State& state) {
    const Spec spec = layer(state.range(0), state.range(1), state.range(2), int(state.range(3)), int(state.range(4)));
    for (auto _ : state) {
        Trace t = run(spec);
        benchmark::DoNotOptimize(t.steps.back().value.data());
    }
}

} // namespace

BENCHMARK(BM_MhaBackwardKernel)->Args({32, 8, 32, 2, 16})->Args({64, 32, 128, 4, 32})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MhaForwardTrace)->Args({32, 8, 32, 2, 16})->Args({64, 32, 128, 4, 32})->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
