// Writing a trained model as a Keras 3 `.keras` file (issue 20): the zip
// Keras' saving_lib writes (keras/src/saving/saving_lib.py, 3.16:
// metadata.json, config.json, model.weights.h5, stored, in that order), the
// Functional model's config.json as serialize_keras_object gives it, and the
// layout of model.weights.h5 (layers/<snake_case(class)>[_k]/…/vars/<i>, a
// "name" attribute on every vars group). The HDF5 bytes themselves are made
// by core/io/keras_h5_writer (attention_h5): this file holds no HDF5, so the
// layout is tested without it. The model is the one train.json describes
// (trace-format.md, "Training"). No Qt.
#pragma once

#include "core/spec/spec.h"

#include <map>
#include <string>
#include <vector>

namespace attnviz::core {

/// One block of the model: the attention layer, then Add and LayerNormalization as asked.
struct KerasModelBlock {
    LayerConfig config;  // the attention layer's constructor arguments
    bool causal = false; // use_causal_mask in its call
    bool residual = false;
    bool layerNorm = false;
};

/// The model of train.json: token and position embeddings, blocks, logits.
struct KerasModelDesc {
    std::string name = "attnviz_model";
    Index vocab = 0, length = 0, embedDim = 0;
    std::vector<KerasModelBlock> blocks;
};

/// The Keras layer names the model uses (config.json "name"): "tokens",
/// "positions", "token_embedding", "position_embedding", "embed_add",
/// "block0_attention", "block0_residual", "block0_layer_norm", …, "logits".
std::string kerasBlockLayerName(Index block, const std::string& part);

/// config.json: the Functional model, every layer with its module,
/// class_name, config, build_config and inbound_nodes.
std::string kerasModelConfigJson(const KerasModelDesc& model);
/// metadata.json: {"keras_version": "3.16.0", "date_saved": "…"}.
std::string kerasMetadataJson(const std::string& dateSaved);

/// One group of model.weights.h5 that holds variables (or none): its path
/// ("layers/embedding/vars"), the "name" attribute Keras writes on it (the
/// layer's name) and its datasets "0", "1", … in order.
struct KerasH5Group {
    std::string path;
    std::string nameAttribute;
    std::vector<Tensor> vars;
};

/// The groups of model.weights.h5 for this model, in the order Keras'
/// _save_state creates them, with the variables taken from `weights` (keys
/// as in trace-format.md: token_embedding/embeddings, block0/query_dense/kernel,
/// block0/layer_norm/gamma, logits/kernel, …). Throws SpecError naming a
/// weight that is missing or has the wrong shape, and one that is left over.
std::vector<KerasH5Group> kerasWeightsLayout(const KerasModelDesc& model, const std::map<std::string, Tensor>& weights);

/// The weight keys and shapes this model has (what kerasWeightsLayout reads).
std::map<std::string, Shape> kerasModelWeightShapes(const KerasModelDesc& model);

/// Zip metadata.json, config.json and model.weights.h5 (stored, as Keras
/// does) into `path`. Throws std::runtime_error naming the file.
void writeKerasArchive(const std::string& path, const std::string& metadataJson, const std::string& configJson,
                       const std::string& weightsH5);

} // namespace attnviz::core
