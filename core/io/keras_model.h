// Trained attention layers from saved Keras 3 models (trace-format.md,
// "Trained layers from saved Keras models"). No Qt and no HDF5 here: the zip
// and config.json are parsed in-process (libzip, nlohmann); the HDF5 weights
// are read by a child process (attnviz-trace --internal-read-keras-weights,
// core/keras_h5.h) with memory, CPU and wall-clock limits, and come back as
// an .npz. A crash, hang or blow-up of that child is one SpecError here.
#pragma once

#include "core/spec/spec.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::core {

/// One attention layer listed in a model's config.json.
struct KerasLayerInfo {
    std::string name;       // config.json "name", e.g. "self_attn"
    std::string className;  // "MultiHeadAttention", "GroupedQueryAttention", "Attention", ...
    std::string configJson; // the layer's "config" object (its constructor arguments), JSON text
    std::string dtype;      // the layer's dtype policy, e.g. "float32"
    std::string h5Group;    // where its variables live in the .h5: "layers/multi_head_attention_1"
    std::string heads;      // "2", "8 query / 2 key-value", or "-" for single-head layers
    Index queryFeatures = 0;
    Index valueFeatures = 0;
    std::optional<Index> keyFeatures; // a separate key input was built
    std::optional<Index> queryLen;    // the sequence lengths it was built with, when fixed
    std::optional<Index> sourceLen;
    /// "query 8, value 8" (+ ", key 6").
    std::string widths() const;
};

struct KerasModelInfo {
    std::string file;       // as given
    std::string modelName;  // the model's own name
    std::string modelClass; // "Functional", "Sequential"
    std::vector<KerasLayerInfo> attentionLayers;
    std::vector<std::string> nestedModels; // names of layers that are models themselves
    const KerasLayerInfo* find(const std::string& name) const;
    /// "'self_attn' (MultiHeadAttention), 'luong' (Attention)" or "none".
    std::string layerList() const;
};

/// True for a file named *.h5 (a bare .weights.h5 without a config).
bool isKerasWeightsFile(const std::string& path);

/// Parse a model's config.json text. `label` names the file in messages.
/// Throws SpecError (field "keras_model.file") for JSON that is not a saved
/// Keras model, and for a model that holds no attention layer.
KerasModelInfo parseKerasConfig(std::string_view configJson, const std::string& label);
/// A whole .keras archive held in memory: its config.json member.
KerasModelInfo parseKerasArchive(std::string_view zipBytes, const std::string& label);
/// A .keras file on disk (only config.json is read).
KerasModelInfo inspectKerasModel(const std::string& path);

/// Limits and location of the child process that reads HDF5.
struct KerasReaderOptions {
    std::string executable;                                // empty: kerasReaderExecutable()
    double timeoutSeconds = 60.0;                          // wall clock; the child is killed after it
    std::uint64_t memoryBytes = std::uint64_t(4) << 30;    // RLIMIT_AS of the child
    std::uint64_t maxWeightBytes = std::uint64_t(1) << 30; // .h5 file and weights read back
};
/// The attnviz-trace executable that reads HDF5 for us. Set by the programs
/// at start (the GUI: next to itself); else $ATTNVIZ_KERAS_READER; else
/// "attnviz-trace" next to the running executable.
void setKerasReaderExecutable(const std::string& path);
std::string kerasReaderExecutable();

/// Every float32 dataset below `group` of the HDF5 file (or of the
/// model.weights.h5 member when `zipped`), keyed by its path relative to the
/// group ("query_dense/vars/0"). Runs in the child process.
std::map<std::string, Tensor> readKerasWeightsIsolated(const std::string& file, bool zipped, const std::string& group,
                                                       const KerasReaderOptions& options = {});

/// Keras' variable paths → weights.npz names (trace-format.md), checked
/// against the layer's config (use_bias, use_scale, score_mode, use_gate).
std::map<std::string, Tensor> mapKerasWeights(const std::string& className, const std::string& configJson,
                                              const std::map<std::string, Tensor>& raw, const std::string& label);

/// The config.json "config" of a layer as attnviz's spec "config": the
/// arguments that change no number of a trained layer's forward pass
/// (initializers, regularizers, constraints, name, trainable, seed, dtype)
/// removed. Throws SpecError for a dtype other than float32.
std::string kerasSpecConfig(const KerasLayerInfo& layer);

/// A layer of a saved model, ready for a Spec: its info and its weights by npz name.
struct KerasLayerLoad {
    KerasLayerInfo layer;
    std::map<std::string, Tensor> weights;
};
/// From a .keras file: the layer named `layerName`.
KerasLayerLoad loadKerasLayer(const std::string& path, const std::string& layerName,
                              const KerasReaderOptions& options = {});
/// From a bare .weights.h5: `group` is the layer's group name
/// ("multi_head_attention_1" or "layers/multi_head_attention_1"); the class
/// and config come from the spec.
KerasLayerLoad loadKerasWeightsFile(const std::string& path, const std::string& group, const std::string& className,
                                    const std::string& configJson, const KerasReaderOptions& options = {});

/// The layer's constructor call as Keras code, from its config:
/// keras.layers.MultiHeadAttention(num_heads=2, key_dim=4, name="self_attn").
/// Arguments equal to Keras' defaults are left out.
std::string kerasConstructorCall(const std::string& className, const std::string& configJson);

} // namespace attnviz::core
