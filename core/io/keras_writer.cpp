// config.json, metadata.json and the weights layout of a trained model's
// .keras file, mirroring what Keras 3.16 writes for the same Functional model
// (compare /work/shared/keras-models/*.keras: the same keys, the same
// nesting, the same h5 groups). Keras' own source for each piece:
// models/functional.py get_config + serialize_node, layers/*/get_config,
// layers/layer.py get_build_config, saving/saving_lib.py _save_state.
#include "core/io/keras_writer.h"

#include <nlohmann/json.hpp>
#include <zip.h>

#include <memory>
#include <set>
#include <stdexcept>

namespace attnviz::core {

namespace {

using json = nlohmann::ordered_json;

json dtypePolicy() {
    return {{"module", "keras"},
            {"class_name", "DTypePolicy"},
            {"config", {{"name", "float32"}}},
            {"registered_name", nullptr}};
}

json initializer(const std::string& cls, json config = json::object()) {
    return {{"module", "keras.initializers"}, {"class_name", cls}, {"config", config}, {"registered_name", nullptr}};
}

json glorot() {
    return initializer("GlorotUniform", {{"seed", nullptr}, {"input_axes", nullptr}, {"output_axes", nullptr}});
}

json shapeOf(std::initializer_list<Index> dims) {
    json s = json::array({nullptr});
    for (Index d : dims)
        s.push_back(d);
    return s;
}

// A KerasTensor as serialize_node writes it: its shape, dtype and the layer that made it.
json kerasTensor(const json& shape, const std::string& dtype, const std::string& from) {
    return {{"class_name", "__keras_tensor__"},
            {"config", {{"shape", shape}, {"dtype", dtype}, {"keras_history", json::array({from, 0, 0})}}}};
}

json layerEntry(const std::string& cls, const std::string& name, json config, json buildConfig, json args,
                json kwargs = json::object()) {
    json e = {
        {"module", "keras.layers"}, {"class_name", cls}, {"config", std::move(config)}, {"registered_name", nullptr}};
    if (!buildConfig.is_null())
        e["build_config"] = std::move(buildConfig);
    e["name"] = name;
    e["inbound_nodes"] =
        args.is_null() ? json::array() : json::array({{{"args", std::move(args)}, {"kwargs", std::move(kwargs)}}});
    return e;
}

json baseConfig(const std::string& name) {
    return {{"name", name}, {"trainable", true}, {"dtype", dtypePolicy()}};
}

std::string snakeCase(const std::string& cls) {
    std::string out;
    for (size_t i = 0; i < cls.size(); ++i) {
        const char c = cls[i];
        if (std::isupper(static_cast<unsigned char>(c))) {
            if (i > 0)
                out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

// The Keras class of a layer kind, as config.json names it (GroupQueryAttention
// is exported under that name; its Python class is GroupedQueryAttention).
std::string kerasClass(LayerKind k) {
    return layerName(k);
}
std::string pythonClass(LayerKind k) {
    return k == LayerKind::GroupQueryAttention ? "GroupedQueryAttention" : layerName(k);
}

// The attention layer's own config (get_config of each class, Keras 3.16).
json attentionConfig(const LayerConfig& c, const std::string& name) {
    json j = baseConfig(name);
    auto regularizers = [&] {
        j["kernel_initializer"] = glorot();
        j["bias_initializer"] = initializer("Zeros");
        j["kernel_regularizer"] = nullptr;
        j["bias_regularizer"] = nullptr;
        j["activity_regularizer"] = nullptr;
        j["kernel_constraint"] = nullptr;
        j["bias_constraint"] = nullptr;
        j["seed"] = nullptr;
    };
    switch (c.layer) {
    case LayerKind::MultiHeadAttention:
        j["num_heads"] = c.numHeads;
        j["key_dim"] = c.keyDim;
        j["value_dim"] = c.effectiveValueDim();
        j["dropout"] = c.dropout;
        j["use_bias"] = c.useBias;
        j["use_gate"] = c.useGate;
        j["output_shape"] = c.outputShape ? json(*c.outputShape) : json(nullptr);
        j["attention_axes"] = json::array({1});
        j["sliding_window"] = c.slidingWindow ? json(*c.slidingWindow) : json(nullptr);
        regularizers();
        break;
    case LayerKind::GroupQueryAttention:
        j["head_dim"] = c.keyDim;
        j["num_query_heads"] = c.numHeads;
        j["num_key_value_heads"] = c.numKeyValueHeads;
        j["use_bias"] = c.useBias;
        j["use_gate"] = c.useGate;
        j["sliding_window"] = c.slidingWindow ? json(*c.slidingWindow) : json(nullptr);
        j["dropout"] = c.dropout;
        regularizers();
        break;
    case LayerKind::Attention:
        j["use_scale"] = c.effectiveUseScale();
        j["score_mode"] = c.scoreMode == ScoreMode::Concat ? "concat" : "dot";
        j["dropout"] = c.dropout;
        j["seed"] = nullptr;
        break;
    case LayerKind::AdditiveAttention:
        j["use_scale"] = c.effectiveUseScale();
        j["dropout"] = c.dropout;
        j["seed"] = nullptr;
        break;
    }
    return j;
}

// The width a block's attention layer outputs.
Index attentionOutWidth(const LayerConfig& c, Index in) {
    return c.layer == LayerKind::MultiHeadAttention && c.outputShape ? Index(*c.outputShape) : in;
}

// "name", "name_1", "name_2", … as Keras numbers repeated names
// (not operator+ on temporaries: GCC 12 warns -Wrestrict on it at -O3).
std::string withSuffix(const std::string& base, int k) {
    std::string out = base;
    if (k > 0) {
        out += '_';
        out += std::to_string(k);
    }
    return out;
}

} // namespace

std::string kerasBlockLayerName(Index block, const std::string& part) {
    return "block" + std::to_string(block) + "_" + part;
}

std::string kerasModelConfigJson(const KerasModelDesc& m) {
    const Index L = m.length, E = m.embedDim;
    json layers = json::array();
    for (const char* input : {"tokens", "positions"}) {
        json cfg = {{"batch_shape", shapeOf({L})},
                    {"dtype", "int32"},
                    {"sparse", false},
                    {"ragged", false},
                    {"name", input},
                    {"optional", false}};
        layers.push_back(layerEntry("InputLayer", input, cfg, nullptr, nullptr));
    }
    const std::pair<const char*, const char*> embeddings[] = {{"token_embedding", "tokens"},
                                                              {"position_embedding", "positions"}};
    for (const auto& [name, input] : embeddings) {
        json cfg = baseConfig(name);
        cfg["input_dim"] = std::string(name) == "token_embedding" ? m.vocab : m.length;
        cfg["output_dim"] = E;
        cfg["embeddings_initializer"] =
            initializer("RandomUniform", {{"seed", nullptr}, {"minval", -0.05}, {"maxval", 0.05}});
        cfg["embeddings_regularizer"] = nullptr;
        cfg["activity_regularizer"] = nullptr;
        cfg["embeddings_constraint"] = nullptr;
        cfg["mask_zero"] = false;
        cfg["quantization_config"] = nullptr;
        layers.push_back(layerEntry("Embedding", name, cfg, {{"input_shape", shapeOf({L})}},
                                    json::array({kerasTensor(shapeOf({L}), "int32", input)})));
    }
    layers.push_back(layerEntry(
        "Add", "embed_add", baseConfig("embed_add"), {{"input_shape", json::array({shapeOf({L, E}), shapeOf({L, E})})}},
        json::array({json::array({kerasTensor(shapeOf({L, E}), "float32", "token_embedding"),
                                  kerasTensor(shapeOf({L, E}), "float32", "position_embedding")})})));
    std::string x = "embed_add";
    Index width = E;
    for (Index b = 0; b < Index(m.blocks.size()); ++b) {
        const KerasModelBlock& blk = m.blocks[size_t(b)];
        const std::string name = kerasBlockLayerName(b, "attention");
        const json in = kerasTensor(shapeOf({L, width}), "float32", x);
        json kwargs = json::object();
        if (blk.causal)
            kwargs["use_causal_mask"] = true;
        if (hasHeads(blk.config.layer)) {
            layers.push_back(layerEntry(
                kerasClass(blk.config.layer), name, attentionConfig(blk.config, name),
                {{"shapes_dict", {{"query_shape", shapeOf({L, width})}, {"value_shape", shapeOf({L, width})}}}},
                json::array({in, in}), kwargs));
        } else {
            layers.push_back(layerEntry(kerasClass(blk.config.layer), name, attentionConfig(blk.config, name),
                                        {{"input_shape", json::array({shapeOf({L, width}), shapeOf({L, width})})}},
                                        json::array({json::array({in, in})}), kwargs));
        }
        const Index out = attentionOutWidth(blk.config, width);
        std::string a = name;
        if (blk.residual) {
            const std::string add = kerasBlockLayerName(b, "residual");
            layers.push_back(layerEntry("Add", add, baseConfig(add),
                                        {{"input_shape", json::array({shapeOf({L, width}), shapeOf({L, out})})}},
                                        json::array({json::array({kerasTensor(shapeOf({L, width}), "float32", x),
                                                                  kerasTensor(shapeOf({L, out}), "float32", a)})})));
            a = add;
        }
        if (blk.layerNorm) {
            const std::string ln = kerasBlockLayerName(b, "layer_norm");
            json cfg = baseConfig(ln);
            cfg["axis"] = json::array({2});
            cfg["epsilon"] = 0.001;
            cfg["center"] = true;
            cfg["scale"] = true;
            cfg["rms_scaling"] = false;
            cfg["beta_initializer"] = initializer("Zeros");
            cfg["gamma_initializer"] = initializer("Ones");
            cfg["beta_regularizer"] = nullptr;
            cfg["gamma_regularizer"] = nullptr;
            cfg["beta_constraint"] = nullptr;
            cfg["gamma_constraint"] = nullptr;
            layers.push_back(layerEntry("LayerNormalization", ln, cfg, {{"input_shape", shapeOf({L, out})}},
                                        json::array({kerasTensor(shapeOf({L, out}), "float32", a)})));
            a = ln;
        }
        x = a;
        width = out;
    }
    json dense = baseConfig("logits");
    dense["units"] = m.vocab;
    dense["activation"] = "linear";
    dense["use_bias"] = true;
    dense["kernel_initializer"] = glorot();
    dense["bias_initializer"] = initializer("Zeros");
    dense["kernel_regularizer"] = nullptr;
    dense["bias_regularizer"] = nullptr;
    dense["kernel_constraint"] = nullptr;
    dense["bias_constraint"] = nullptr;
    dense["quantization_config"] = nullptr;
    layers.push_back(layerEntry("Dense", "logits", dense, {{"input_shape", shapeOf({L, width})}},
                                json::array({kerasTensor(shapeOf({L, width}), "float32", x)})));

    json config = {{"name", m.name},
                   {"trainable", true},
                   {"layers", layers},
                   {"input_layers", json::array({json::array({"tokens", 0, 0}), json::array({"positions", 0, 0})})},
                   {"output_layers", json::array({"logits", 0, 0})}};
    json model = {{"module", "keras.src.models.functional"},
                  {"class_name", "Functional"},
                  {"config", config},
                  {"registered_name", "Functional"},
                  {"build_config", {{"input_shape", nullptr}}},
                  {"compile_config", json::object()}};
    return model.dump();
}

std::string kerasMetadataJson(const std::string& dateSaved) {
    return json({{"keras_version", "3.16.0"}, {"date_saved", dateSaved}}).dump();
}

std::map<std::string, Shape> kerasModelWeightShapes(const KerasModelDesc& m) {
    std::map<std::string, Shape> out;
    const Index E = m.embedDim;
    out["token_embedding/embeddings"] = {m.vocab, E};
    out["position_embedding/embeddings"] = {m.length, E};
    Index width = E;
    for (Index b = 0; b < Index(m.blocks.size()); ++b) {
        const KerasModelBlock& blk = m.blocks[size_t(b)];
        const LayerConfig& c = blk.config;
        const std::string p = "block" + std::to_string(b) + "/";
        const Index out_ = attentionOutWidth(c, width);
        if (hasHeads(c.layer)) {
            const Index N = c.numHeads, H = c.keyDim, Nkv = c.kvHeads();
            const Index Hv = c.layer == LayerKind::GroupQueryAttention ? H : c.effectiveValueDim();
            out[p + "query_dense/kernel"] = {width, N, H};
            out[p + "key_dense/kernel"] = {width, Nkv, H};
            out[p + "value_dense/kernel"] = {width, Nkv, Hv};
            out[p + "output_dense/kernel"] = {N, Hv, out_};
            if (c.useGate)
                out[p + "gate_dense/kernel"] = {width, N, Hv};
            if (c.useBias) {
                out[p + "query_dense/bias"] = {N, H};
                out[p + "key_dense/bias"] = {Nkv, H};
                out[p + "value_dense/bias"] = {Nkv, Hv};
                out[p + "output_dense/bias"] = {out_};
                if (c.useGate)
                    out[p + "gate_dense/bias"] = {N, Hv};
            }
        } else if (c.layer == LayerKind::Attention) {
            if (c.effectiveUseScale())
                out[p + "scale"] = {};
            if (c.scoreMode == ScoreMode::Concat)
                out[p + "concat_score_weight"] = {};
        } else if (c.effectiveUseScale()) {
            out[p + "scale"] = {width};
        }
        if (blk.layerNorm) {
            out[p + "layer_norm/gamma"] = {out_};
            out[p + "layer_norm/beta"] = {out_};
        }
        width = out_;
    }
    out["logits/kernel"] = {width, m.vocab};
    out["logits/bias"] = {m.vocab};
    return out;
}

std::vector<KerasH5Group> kerasWeightsLayout(const KerasModelDesc& m, const std::map<std::string, Tensor>& weights) {
    const std::map<std::string, Shape> shapes = kerasModelWeightShapes(m);
    std::set<std::string> used;
    auto take = [&](const std::string& key) {
        const auto want = shapes.find(key);
        const auto it = weights.find(key);
        if (want == shapes.end() || it == weights.end())
            throw SpecError("weights", "The trained model has no weight '" + key + "', which its Keras model needs.");
        if (it->second.shape() != want->second)
            throw SpecError("weights", "Weight '" + key + "' has shape " + shapeString(it->second.shape()) +
                                           "; the Keras model needs " + shapeString(want->second) + ".");
        used.insert(key);
        return it->second;
    };
    // Each class's k-th layer in model.layers order is <snake_case(class)>_k
    // (saving_lib._save_container_state); the order is config.json's.
    std::map<std::string, int> seen;
    auto groupOf = [&](const std::string& pyClass) {
        const std::string base = snakeCase(pyClass);
        return "layers/" + withSuffix(base, seen[base]++);
    };
    std::vector<KerasH5Group> out;
    out.push_back({"vars", m.name, {}});
    out.push_back({groupOf("InputLayer") + "/vars", "tokens", {}});
    out.push_back({groupOf("InputLayer") + "/vars", "positions", {}});
    out.push_back({groupOf("Embedding") + "/vars", "token_embedding", {take("token_embedding/embeddings")}});
    out.push_back({groupOf("Embedding") + "/vars", "position_embedding", {take("position_embedding/embeddings")}});
    out.push_back({groupOf("Add") + "/vars", "embed_add", {}});
    int softmaxes = 0, dropouts = 0;
    auto counted = [](const char* base, int& n) { return withSuffix(base, n++); };
    for (Index b = 0; b < Index(m.blocks.size()); ++b) {
        const KerasModelBlock& blk = m.blocks[size_t(b)];
        const LayerConfig& c = blk.config;
        const std::string p = "block" + std::to_string(b) + "/";
        const std::string g = groupOf(pythonClass(c.layer));
        const std::string name = kerasBlockLayerName(b, "attention");
        if (hasHeads(c.layer)) {
            out.push_back({g + "/vars", name, {}});
            const bool gqa = c.layer == LayerKind::GroupQueryAttention;
            const std::pair<const char*, const char*> subs[] = {{"query_dense", "query"},
                                                                {"key_dense", "key"},
                                                                {"value_dense", "value"},
                                                                {"output_dense", "attention_output"},
                                                                {"gate_dense", "gate"}};
            for (const auto& [sub, subName] : subs) {
                const std::string s = sub;
                if (s == "gate_dense" && !c.useGate)
                    continue;
                // MultiHeadAttention's projections are public properties; its gate and
                // all of GroupedQueryAttention's are private attributes (a leading "_").
                const std::string attr = (gqa || s == "gate_dense") ? "_" + s : s;
                std::vector<Tensor> vars{take(p + s + "/kernel")};
                if (c.useBias)
                    vars.push_back(take(p + s + "/bias"));
                out.push_back({g + "/" + attr + "/vars", subName, std::move(vars)});
            }
            out.push_back({g + "/_softmax/vars", counted("softmax", softmaxes), {}});
            out.push_back({g + "/_dropout_layer/vars", counted("dropout", dropouts), {}});
        } else {
            std::vector<Tensor> vars;
            if (c.effectiveUseScale())
                vars.push_back(take(p + "scale"));
            if (c.layer == LayerKind::Attention && c.scoreMode == ScoreMode::Concat)
                vars.push_back(take(p + "concat_score_weight"));
            out.push_back({g + "/vars", name, std::move(vars)});
        }
        if (blk.residual)
            out.push_back({groupOf("Add") + "/vars", kerasBlockLayerName(b, "residual"), {}});
        if (blk.layerNorm)
            out.push_back({groupOf("LayerNormalization") + "/vars",
                           kerasBlockLayerName(b, "layer_norm"),
                           {take(p + "layer_norm/gamma"), take(p + "layer_norm/beta")}});
    }
    out.push_back({groupOf("Dense") + "/vars", "logits", {take("logits/kernel"), take("logits/bias")}});
    for (const auto& [key, t] : weights)
        if (!used.count(key))
            throw SpecError("weights", "Weight '" + key + "' is not a weight of this Keras model.");
    return out;
}

void writeKerasArchive(const std::string& path, const std::string& metadataJson, const std::string& configJson,
                       const std::string& weightsH5) {
    int code = 0;
    zip_t* raw = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!raw)
        throw std::runtime_error("cannot create '" + path + "' (libzip error " + std::to_string(code) + ")");
    std::unique_ptr<zip_t, void (*)(zip_t*)> archive(raw, [](zip_t* z) { zip_discard(z); });
    // The order Keras writes them in; stored, as zipfile.ZipFile does by default.
    const std::pair<const char*, const std::string*> members[] = {
        {"metadata.json", &metadataJson}, {"config.json", &configJson}, {"model.weights.h5", &weightsH5}};
    for (const auto& [name, bytes] : members) {
        zip_source_t* src = zip_source_buffer(archive.get(), bytes->data(), bytes->size(), 0);
        if (!src)
            throw std::runtime_error("cannot write '" + path + "': " + zip_strerror(archive.get()));
        const zip_int64_t index = zip_file_add(archive.get(), name, src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            throw std::runtime_error("cannot write '" + path + "': " + zip_strerror(archive.get()));
        }
        if (zip_set_file_compression(archive.get(), zip_uint64_t(index), ZIP_CM_STORE, 0) != 0)
            throw std::runtime_error("cannot write '" + path + "': " + zip_strerror(archive.get()));
    }
    if (zip_close(archive.get()) != 0)
        throw std::runtime_error("cannot write '" + path + "': " + zip_strerror(archive.get()));
    archive.release();
}

} // namespace attnviz::core
