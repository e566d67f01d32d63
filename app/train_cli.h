// attnviz-trace's training modes (--train, --train-task): train a small Keras
// model step by step, print the loss and accuracy as it goes, write the
// results, a bundle, or the trained model's probe trace.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace attnviz {

struct TrainCliOptions {
    std::string trainPath;              // --train train.json
    std::string task;                   // --train-task NAME
    std::optional<std::int64_t> steps;  // --steps (a task's; default 1000)
    std::uint64_t seed = 0;             // --seed (a task's)
    std::string layer;                  // --layer (a task's blocks)
    std::optional<double> learningRate; // --learning-rate (a task's)
    std::optional<double> stopAt;       // --stop-at A: stop once the last 10 steps average ≥ A
    std::string outPath;                // --out result.npz
    std::string bundleDir;              // --save-bundle DIR
    std::string traceOut;               // --probe-trace OUT.npz: the trained model's trace
    bool list = false;                  // --list: print the probe trace's steps
    std::int64_t printEvery = 0;        // --print-every (0: about 20 lines)
    std::uint64_t maxBytes = 0;         // --max-memory (0: the default)
    std::string kerasOut;               // --save-keras OUT.keras: the trained model
    std::vector<std::string> python;    // --python keras|torch OUT.py: the run as a training script
};

/// Returns the exit code: 0 ok, 1 bad input (one line on err).
int runTrainCli(const TrainCliOptions& o, std::ostream& out, std::ostream& err);

/// attnviz-trace --internal-write-keras TRAIN.json WEIGHTS.npz OUT.keras: the
/// model of TRAIN.json with these weights as a .keras file (the Train window
/// runs this, as it never links HDF5). 0 ok, 1 with one line on err.
int runKerasWriterChild(const std::vector<std::string>& args, std::ostream& err);

} // namespace attnviz
