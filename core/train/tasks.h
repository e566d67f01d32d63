// Toy tasks as data generators: each makes batches of tokens, targets and a
// loss mask from (seed, step), comes with a default model and learning rate
// that learn it, and names the attention pattern that solves it. Not part of
// the file contract; documented in the README ("Training tasks").
#pragma once

#include "core/train/train_spec.h"

#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

struct TrainBatch; // core/train/trainer.h

struct TrainTask {
    std::string name;        // "reverse"
    std::string description; // one line: what the targets are
    std::string pattern;     // the attention pattern that solves it
    bool causal = false;     // the blocks use the causal mask
    int blocks = 1;          // blocks of the default model
    Index vocab = 8, length = 8, embedDim = 32, batch = 32;
    double learningRate = 0.01;
};

/// copy, reverse, copy_previous, max, sort, lookup, induction.
const std::vector<TrainTask>& trainTasks();
const TrainTask* findTrainTask(const std::string& name);
/// "copy, reverse, …" for messages.
std::string trainTaskNames();

/// The task's default train spec: its model (MultiHeadAttention 2 heads ×
/// 16, residual + LayerNorm per block, or `layer` with its default config),
/// Adam at the task's rate, `steps` steps, initializers and data from `seed`.
TrainSpec taskTrainSpec(const std::string& name, Index steps, std::uint64_t seed,
                        std::optional<LayerKind> layer = std::nullopt);

/// Batch s (1-based) of the task, drawn from (task.seed, s): sizes from the
/// model. `out` is resized (no allocation when it already has the size).
void taskBatch(const TaskData& task, const ModelSpec& model, Index s, TrainBatch& out);

/// The first `steps` batches as file data (for --save-bundle).
TrainData materializeTask(const TaskData& task, const ModelSpec& model, Index steps);

} // namespace attnviz::core
