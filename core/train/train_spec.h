// train.json: a small Keras model around attention layers, its data and its
// optimizer (trace-format.md, "Training: watch attention learn"). Parsing,
// validation with messages naming the field, the weight keys and shapes, the
// Keras initializers, and writing a bundle that --train reads back.
#pragma once

#include "core/base/tensor.h"
#include "core/spec/spec.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

/// One block: an attention layer of any of the four kinds, then optionally
/// Add([x, a]) and LayerNormalization(epsilon=1e-3).
struct BlockSpec {
    LayerConfig config;         // the layer's constructor arguments (spec.json "config" names)
    bool useCausalMask = false; // "call": {"use_causal_mask": ...}
    bool residual = false;
    bool layerNorm = false;
};

struct ModelSpec {
    Index vocab = 8;
    Index length = 8;
    Index embedDim = 16;
    std::vector<BlockSpec> blocks; // 1 to 3
};

/// Keras' Adam (no weight decay, no clipping, no amsgrad).
struct AdamSpec {
    double learningRate = 0.001;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-7;
};

/// Integer batches [steps, batch, length]: tokens and targets in [0, vocab),
/// the loss mask 0/1 (empty: every position counts).
struct TrainData {
    Index steps = 0, batch = 0, length = 0;
    std::vector<std::int32_t> tokens;
    std::vector<std::int32_t> targets;
    std::vector<std::uint8_t> lossMask;
};

/// A generated task instead of files: batch s is drawn from (seed, s), so
/// training may go on past `steps` (core/train/tasks.h).
struct TaskData {
    std::string name; // "reverse", ... (core::trainTasks())
    Index batch = 32;
    std::uint64_t seed = 0;
};

struct TrainSpec {
    ModelSpec model;
    AdamSpec optimizer;
    Index steps = 0;
    std::uint64_t seed = 0;             // initializers when there is no init
    std::optional<TrainData> data;      // from files (train.json "data")
    std::optional<TaskData> task;       // or generated (exactly one of data, task)
    std::map<std::string, Tensor> init; // weight key -> initial value; empty: Keras initializers from seed
};

struct TrainLimits {
    /// Memory the model, its optimizer state, workspaces and data may use.
    std::uint64_t maxBytes = std::uint64_t(2) << 30;
};

/// Every weight key of the model with its shape, in the order Keras builds
/// them: token_embedding/embeddings, position_embedding/embeddings, then per
/// block block<b>/<layer weight key> and block<b>/layer_norm/{gamma,beta},
/// then logits/kernel, logits/bias.
std::vector<std::pair<std::string, Shape>> modelWeightShapes(const ModelSpec& model);

/// The weights Keras' initializers would draw (distributions as Keras:
/// Embedding uniform ±0.05, kernels glorot_uniform, biases zeros, gamma ones,
/// Attention's scalars ones), from our own generator seeded by `seed`.
std::map<std::string, Tensor> initialModelWeights(const ModelSpec& model, std::uint64_t seed);

/// Bytes training this spec needs (weights, gradients, Adam moments,
/// activations for one batch, data), computed from the sizes alone.
double estimateTrainBytes(const TrainSpec& spec);

/// Check everything (sizes, layer configs, data shapes and values, the
/// optimizer, init keys and shapes, the memory budget). Throws SpecError
/// naming the field, e.g. "model.blocks[0].config.num_heads", "data.tokens",
/// "init", "optimizer.learning_rate", "steps".
void validateTrainSpec(const TrainSpec& spec, const TrainLimits& limits = {});

/// Parse train.json text; files resolve against baseDir. Validates.
TrainSpec parseTrainSpec(const std::string& jsonText, const std::string& baseDir, const TrainLimits& limits = {});
TrainSpec loadTrainSpec(const std::string& path, const TrainLimits& limits = {});

/// The spec.json of one block's layer inside the model (query = value = x,
/// [batch, length, embed_dim]): what core::run, validate and resolveWeights take.
Spec blockLayerSpec(const BlockSpec& block, const ModelSpec& model, Index batch);

/// train.json text for this spec, naming tokens.npy, targets.npy,
/// loss_mask.npy (when withMask) and init.npz as saveTrainBundle writes them.
std::string trainSpecToJson(const TrainSpec& spec, bool withMask);

/// Write DIR/train.json with tokens.npy, targets.npy, loss_mask.npy (int32,
/// bool) and init.npz, such that loadTrainSpec(DIR/train.json) trains to the
/// same numbers bit for bit. A task is materialised into its first `steps`
/// batches; `init` is the spec's init or, when empty, the weights drawn from its seed.
void saveTrainBundle(const std::string& dir, const TrainSpec& spec);

} // namespace attnviz::core
