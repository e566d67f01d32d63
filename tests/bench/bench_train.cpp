// Google Benchmark: one training step (forward, backward, Keras' Adam) of the
// two models of issue 19, and reverse trained to 99 % with its default model.
//   small:  batch 32, length 8,  vocab 8,  E 32,  MHA 2 heads × 16, residual + LayerNorm
//   larger: batch 64, length 32, vocab 16, E 128, MHA 4 heads × 32, residual + LayerNorm
// scripts/bench_train_vs_torch.py times the same models in PyTorch in the same run.
// Run: ./build/tests/bench/bench_train --benchmark_min_time=1
#include "core/base/parallel.h"
#include "core/train/tasks.h"
#include "core/train/trainer.h"

#include <benchmark/benchmark.h>

using namespace attnviz::core;

namespace {

TrainSpec benchSpec(bool larger) {
    TrainSpec s = taskTrainSpec("reverse", 1 << 30, 0);
    if (larger) {
        s.model.vocab = 16;
        s.model.length = 32;
        s.model.embedDim = 128;
        s.model.blocks[0].config.numHeads = 4;
        s.model.blocks[0].config.keyDim = 32;
        s.task->batch = 64;
    }
    return s;
}

void BM_TrainStep(benchmark::State& state) {
    setThreadCount(1);
    Trainer t(benchSpec(state.range(0) != 0));
    t.step();
    for (auto _ : state)
        benchmark::DoNotOptimize(t.step().loss);
    state.SetLabel(state.range(0) ? "larger" : "small");
}
BENCHMARK(BM_TrainStep)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Reverse with the task's default model from scratch until the last 10 steps
// average ≥ 99 % accuracy (the README's criterion).
void BM_ReverseTo99(benchmark::State& state) {
    setThreadCount(1);
    Index steps = 0;
    for (auto _ : state) {
        Trainer t(taskTrainSpec("reverse", 100000, 0));
        double window = 0;
        while (true) {
            const StepResult r = t.step();
            const auto& acc = t.accuracyHistory();
            window += r.accuracy;
            if (acc.size() > 10)
                window -= acc[acc.size() - 11];
            if (acc.size() >= 10 && window / 10.0 >= 0.99)
                break;
        }
        steps = t.stepsDone();
    }
    state.counters["steps"] = double(steps);
}
BENCHMARK(BM_ReverseTo99)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
