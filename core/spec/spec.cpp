// spec.json parsing and writing (trace-format.md). Every problem becomes a
// SpecError naming the field, with a Keras-style "Received: ..." message.
#include "core/spec/spec.h"

#include "core/spec/json_depth.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <sstream>
#include <utility>

namespace attnviz::core {

using nlohmann::json;
namespace fs = std::filesystem;

const char* layerName(LayerKind kind) {
    switch (kind) {
    case LayerKind::MultiHeadAttention: return "MultiHeadAttention";
    case LayerKind::Attention: return "Attention";
    case LayerKind::AdditiveAttention: return "AdditiveAttention";
    case LayerKind::GroupQueryAttention: return "GroupQueryAttention";
    }
    return "?";
}

std::optional<LayerKind> layerFromName(const std::string& name) {
    for (LayerKind k : {LayerKind::MultiHeadAttention, LayerKind::Attention, LayerKind::AdditiveAttention,
                        LayerKind::GroupQueryAttention})
        if (name == layerName(k))
            return k;
    if (name == "GroupedQueryAttention") // the class name behind keras.layers.GroupQueryAttention
        return LayerKind::GroupQueryAttention;
    return std::nullopt;
}

namespace {

constexpr int kMaxJsonDepth = 64;

[[noreturn]] void fail(const std::string& field, const std::string& msg) {
    throw SpecError(field, msg);
}

// nlohmann's parser recurses per nesting level: refuse absurd depth first.
void checkDepth(const std::string& text) {
    if (jsonNestsDeeperThan(text, kMaxJsonDepth))
        fail("spec", "The spec is nested more than " + std::to_string(kMaxJsonDepth) +
                         " levels deep; a spec.json needs at most 3.");
}

std::string typeName(const json& j) {
    return j.type_name();
}

const json* member(const json& obj, const char* name) {
    const auto it = obj.find(name);
    return it == obj.end() ? nullptr : &*it;
}

void requireObject(const json* j, const std::string& field) {
    if (j && !j->is_object())
        fail(field, "'" + field + "' must be an object. Received: a " + typeName(*j) + ".");
}

void rejectUnknown(const json& obj, const std::string& field, std::initializer_list<const char*> known) {
    for (const auto& [k, v] : obj.items()) {
        bool ok = false;
        for (const char* n : known)
            ok = ok || k == n;
        if (!ok) {
            std::string list;
            for (const char* n : known)
                list += (list.empty() ? "" : ", ") + std::string(n);
            fail(field + "." + k, "Unknown " + field + " argument '" + k + "'. Supported: " + list + ".");
        }
    }
}

std::optional<Index> readInt(const json& obj, const char* name, const std::string& section, bool nullable,
                             Index maxValue = std::numeric_limits<int>::max()) {
    const json* j = member(obj, name);
    const std::string field = section + "." + name;
    if (!j)
        return std::nullopt;
    if (j->is_null()) {
        if (nullable)
            return std::nullopt;
        fail(field, std::string(name) + " must be an integer. Received: " + name + "=None");
    }
    if (j->is_number_float()) {
        const double v = j->get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15) {
            // The same upper bound as for integers: 1e12 must not slip past it.
            if (v > static_cast<double>(maxValue))
                fail(field, std::string(name) + " is too large (at most " + std::to_string(maxValue) +
                                "). Received: " + name + "=" + j->dump());
            return static_cast<Index>(v);
        }
        fail(field, std::string(name) + " must be an integer. Received: " + name + "=" + j->dump());
    }
    if (!j->is_number_integer())
        fail(field, std::string(name) + " must be an integer. Received: " + name + "=" + j->dump());
    if (j->is_number_unsigned() && j->get<std::uint64_t>() > std::uint64_t(maxValue))
        fail(field, std::string(name) + " is too large (at most " + std::to_string(maxValue) + "). Received: " + name +
                        "=" + j->dump());
    const Index v = j->get<Index>();
    if (v > maxValue)
        fail(field, std::string(name) + " is too large (at most " + std::to_string(maxValue) + "). Received: " + name +
                        "=" + j->dump());
    return v;
}

std::optional<bool> readBool(const json& obj, const char* name, const std::string& section, bool nullable = false) {
    const json* j = member(obj, name);
    if (!j || (nullable && j->is_null()))
        return std::nullopt;
    if (!j->is_boolean())
        fail(section + "." + name, std::string(name) + " must be true or false. Received: " + name + "=" + j->dump());
    return j->get<bool>();
}

int toInt(Index v) {
    return static_cast<int>(std::clamp<Index>(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

std::string readString(const json& j, const std::string& field) {
    if (!j.is_string())
        fail(field, "'" + field + "' must be a file name (a string). Received: " + j.dump());
    return j.get<std::string>();
}

fs::path resolve(const std::string& baseDir, const std::string& rel) {
    return fs::path(rel).is_absolute() ? fs::path(rel) : fs::path(baseDir) / rel;
}

Tensor loadArray(SpecFiles& files, const std::string& baseDir, const json& j, const std::string& field, bool isMask) {
    const std::string rel = readString(j, field);
    try {
        bool isBool = false;
        Tensor t = files.array(resolve(baseDir, rel).string(), &isBool);
        if (!isMask && isBool)
            fail(field, "'" + rel + "' holds booleans; an input must be float32 or float64.");
        // Masks keep their values: the core casts them as Keras does
        // (nonzero = True) and warns about values other than 0 and 1.
        return t;
    } catch (const SpecFileError& e) {
        fail(field, e.what());
    }
}

std::vector<std::string> readTokens(const json& j, const std::string& field) {
    if (j.is_string()) {
        std::istringstream is(j.get<std::string>());
        std::vector<std::string> out;
        for (std::string w; is >> w;)
            out.push_back(w);
        return out;
    }
    if (!j.is_array())
        fail(field,
             "'" + field + "' must be a sentence (string) or a list of tokens. Received: a " + typeName(j) + ".");
    std::vector<std::string> out;
    for (const json& t : j) {
        if (!t.is_string())
            fail(field, "every token in '" + field + "' must be a string. Received: " + t.dump());
        out.push_back(t.get<std::string>());
    }
    return out;
}

// Keras constructor arguments attnviz does not model, accepted when they hold
// Keras' default (null or the default value), so a spec dumped from a layer's
// get_config() loads; any other value is refused with what is supported.
json withoutKerasDefaults(const json& config, bool heads) {
    struct Known {
        const char* name;
        json defaultValue;
        const char* className; // for serialized initializers, e.g. {"class_name": "GlorotUniform"}
    };
    std::vector<Known> known{{"name", nullptr, nullptr},
                             {"dtype", "float32", nullptr},
                             {"trainable", true, nullptr},
                             {"seed", nullptr, nullptr},
                             {"autocast", true, nullptr}};
    if (heads) {
        const std::vector<Known> more{{"kernel_initializer", "glorot_uniform", "GlorotUniform"},
                                      {"bias_initializer", "zeros", "Zeros"},
                                      {"kernel_regularizer", nullptr, nullptr},
                                      {"bias_regularizer", nullptr, nullptr},
                                      {"activity_regularizer", nullptr, nullptr},
                                      {"kernel_constraint", nullptr, nullptr},
                                      {"bias_constraint", nullptr, nullptr},
                                      {"flash_attention", nullptr, nullptr}};
        known.insert(known.end(), more.begin(), more.end());
    }
    json rest = config;
    for (const Known& k : known) {
        const json* v = member(config, k.name);
        if (!v)
            continue;
        const std::string n = k.name;
        const bool anyValue = n == "name" || n == "seed"; // labels and RNG seeds change no number here
        const bool isDefault = v->is_null() || *v == k.defaultValue ||
                               (n == "dtype" && v->is_object()) || // a dtype policy object
                               (n == "flash_attention" && *v == false) ||
                               (k.className && v->is_object() && v->value("class_name", "") == k.className);
        if (!anyValue && !isDefault)
            fail("config." + n, "attnviz computes Keras' default for " + n + " (" + k.defaultValue.dump() +
                                    ") only. Received: " + n + "=" + v->dump());
        rest.erase(k.name);
    }
    return rest;
}

// spec.json "keras_model": {"file", "layer"}: load the trained layer (its
// weights through the isolated HDF5 reader) and, for a .keras file, put its
// class and config into `root` as if the spec had given them.
TrainedLayer applyKerasModel(SpecFiles& files, json& root, const json& km, const std::string& baseDir) {
    requireObject(&km, "keras_model");
    rejectUnknown(km, "keras_model", {"file", "layer"});
    const json* file = member(km, "file");
    const json* layer = member(km, "layer");
    if (!file || !layer || !layer->is_string())
        fail(file ? "keras_model.layer" : "keras_model.file",
             "keras_model needs \"file\" (a .keras or .weights.h5) and \"layer\" (the layer's name). Received: "
             "keras_model=" +
                 km.dump());
    const std::string rel = readString(*file, "keras_model.file");
    const std::string path = resolve(baseDir, rel).string();
    if (member(root, "weights"))
        fail("weights", "keras_model brings the layer's trained weights; a spec with keras_model takes no "
                        "\"weights\".");
    if (files.isWeightsOnly(path)) {
        const json* cls = member(root, "layer");
        if (!cls || !cls->is_string())
            fail("layer", "A .weights.h5 holds no model config: give \"layer\" and \"config\" with keras_model "
                          "(or open the .keras file).");
        const json* config = member(root, "config");
        TrainedLayer load = files.kerasWeights(path, layer->get<std::string>(), cls->get<std::string>(),
                                               config ? config->dump() : "{}");
        load.savedConfigJson = config ? config->dump() : "{}";
        return load;
    }
    if (member(root, "layer") || member(root, "config"))
        fail(member(root, "layer") ? "layer" : "config",
             "keras_model takes the layer class and its config from the .keras file; remove \"layer\" and "
             "\"config\" from the spec.");
    TrainedLayer load = files.kerasLayer(path, layer->get<std::string>());
    root["layer"] = load.className;
    root["config"] = json::parse(load.specConfigJson);
    return load;
}

// MultiHeadAttention's and GroupQueryAttention's constructor arguments.
void readHeadsConfig(const json& config, LayerConfig& c) {
    const bool gqa = c.layer == LayerKind::GroupQueryAttention;
    const bool mha = c.layer == LayerKind::MultiHeadAttention;
    // Shared by MultiHeadAttention and GroupQueryAttention.
    if (const auto w = readInt(config, "sliding_window", "config", true))
        c.slidingWindow = toInt(*w);
    if (const auto g = readBool(config, "use_gate", "config", true))
        c.useGate = *g;
    if (const auto b = readBool(config, "use_bias", "config"))
        c.useBias = *b;
    if (gqa) {
        rejectUnknown(withoutKerasDefaults(config, true), "config",
                      {"head_dim", "num_query_heads", "num_key_value_heads", "dropout", "use_bias", "sliding_window",
                       "use_gate"});
        const auto hd = readInt(config, "head_dim", "config", false);
        const auto nq = readInt(config, "num_query_heads", "config", false);
        const auto nkv = readInt(config, "num_key_value_heads", "config", false);
        if (!hd)
            fail("config.head_dim", "GroupQueryAttention needs head_dim (a positive integer).");
        if (!nq)
            fail("config.num_query_heads", "GroupQueryAttention needs num_query_heads (a positive integer).");
        if (!nkv)
            fail("config.num_key_value_heads",
                 "GroupQueryAttention needs num_key_value_heads (a positive integer that divides "
                 "num_query_heads).");
        c.keyDim = toInt(*hd);
        c.numHeads = toInt(*nq);
        c.numKeyValueHeads = toInt(*nkv);
    } else if (mha) {
        rejectUnknown(withoutKerasDefaults(config, true), "config",
                      {"num_heads", "key_dim", "value_dim", "use_bias", "output_shape", "dropout",
                       "transformer_sublayer", "attention_axes", "sliding_window", "use_gate"});
        const auto heads = readInt(config, "num_heads", "config", false);
        const auto kd = readInt(config, "key_dim", "config", false);
        if (!heads)
            fail("config.num_heads", "MultiHeadAttention needs num_heads (a positive integer).");
        if (!kd)
            fail("config.key_dim", "MultiHeadAttention needs key_dim (a positive integer).");
        c.numHeads = toInt(*heads);
        c.keyDim = toInt(*kd);
        if (const auto v = readInt(config, "value_dim", "config", true))
            c.valueDim = toInt(*v);
        if (const json* os = member(config, "output_shape"); os && os->is_array()) {
            if (os->size() != 1 || !(*os)[0].is_number_integer())
                fail("config.output_shape",
                     "attnviz supports an integer output_shape (or a 1-tuple). Received: output_shape=" + os->dump());
            c.outputShape = toInt((*os)[0].get<Index>());
        } else if (const auto o = readInt(config, "output_shape", "config", true)) {
            c.outputShape = toInt(*o);
        }
        if (const auto t = readBool(config, "transformer_sublayer", "config"))
            c.transformerSublayer = *t;
        if (const json* ax = member(config, "attention_axes");
            ax && !ax->is_null() && *ax != json::array({1}) && *ax != json(1))
            fail("config.attention_axes", "attnviz attends over the sequence axis only (attention_axes=None). "
                                          "Received: attention_axes=" +
                                              ax->dump());
    }
}

// The whole text as a JSON object, refused with a message when it is not one.
json readRoot(const std::string& text) {
    if (text.size() > kMaxSpecBytes)
        fail("spec", "The spec is " + std::to_string(text.size()) + " bytes; a spec.json is at most 16 MiB.");
    checkDepth(text);
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        // nlohmann's own text: "[json.exception.parse_error.101] parse error at
        // line 1, column 11: syntax error while parsing value - ..."; keep it
        // from "parse error".
        std::string what = e.what();
        if (const auto pos = what.find("parse error"); pos != std::string::npos)
            what = what.substr(pos);
        fail("spec", "Invalid JSON: " + what);
    } catch (const json::exception& e) {
        // Not a syntax error but still unreadable, e.g. out_of_range.406 for a
        // number too large for a double ("5e308").
        std::string what = e.what();
        if (const auto pos = what.find("] "); what.starts_with("[json.exception") && pos != std::string::npos)
            what = what.substr(pos + 2);
        fail("spec", "Invalid JSON: " + what);
    }
    if (!root.is_object())
        fail("spec", "A spec must be a JSON object with at least \"layer\". Received: a " + typeName(root) + ".");
    rejectUnknown(root, "spec",
                  {"layer", "config", "call", "shapes", "seed", "inputs", "masks", "weights", "tokens",
                   "transformer_sublayer", "comment", "description", "keras_model", "backward"});
    return root;
}

// "layer": one of the four class names.
LayerKind readLayer(const json& root) {
    const json* layer = member(root, "layer");
    if (!layer)
        fail("layer", "The spec has no \"layer\". Expected one of MultiHeadAttention, GroupQueryAttention, "
                      "Attention, AdditiveAttention.");
    if (!layer->is_string() || !layerFromName(layer->get<std::string>()))
        fail("layer",
             "Unknown layer. Expected one of MultiHeadAttention, GroupQueryAttention, Attention, AdditiveAttention. "
             "Received: layer=" +
                 layer->dump());
    return *layerFromName(layer->get<std::string>());
}

// "config": the constructor arguments, with Keras' names and defaults.
void readConfig(const json& root, Spec& s) {
    const bool mha = s.config.layer == LayerKind::MultiHeadAttention;
    const bool gqa = s.config.layer == LayerKind::GroupQueryAttention;
    const json* config = member(root, "config");
    requireObject(config, "config");
    if (mha && !config)
        fail("config.num_heads", "MultiHeadAttention needs num_heads and key_dim in \"config\".");
    if (gqa && !config)
        fail("config.head_dim",
             "GroupQueryAttention needs head_dim, num_query_heads and num_key_value_heads in \"config\".");
    if (config) {
        if (hasHeads(s.config.layer)) {
            readHeadsConfig(*config, s.config);
        } else {
            rejectUnknown(withoutKerasDefaults(*config, false), "config", {"use_scale", "score_mode", "dropout"});
            if (const auto u = readBool(*config, "use_scale", "config", true))
                s.config.useScale = *u;
            if (const json* sm = member(*config, "score_mode"); sm && !sm->is_null()) {
                const std::string m = sm->is_string() ? sm->get<std::string>() : sm->dump();
                if (m == "dot")
                    s.config.scoreMode = ScoreMode::Dot;
                else if (m == "concat")
                    s.config.scoreMode = ScoreMode::Concat;
                else
                    fail("config.score_mode",
                         "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
                         "Received: score_mode=" +
                             sm->dump());
                // AdditiveAttention stores but ignores score_mode, as Keras does.
            }
        }
        if (const json* dr = member(*config, "dropout"); dr && !dr->is_null()) {
            if (!dr->is_number())
                fail("config.dropout", "dropout must be a number in [0, 1). Received: dropout=" + dr->dump());
            s.config.dropout = dr->get<float>();
        }
    }
    if (const auto t = readBool(root, "transformer_sublayer", "spec"))
        s.config.transformerSublayer = *t;
}

// "call": the call arguments.
void readCall(const json& root, Spec& s) {
    if (const json* call = member(root, "call")) {
        requireObject(call, "call");
        rejectUnknown(*call, "call", {"use_causal_mask", "training", "return_attention_scores"});
        if (const auto c = readBool(*call, "use_causal_mask", "call"))
            s.call.useCausalMask = *c;
        if (const auto t = readBool(*call, "training", "call", true))
            s.call.training = *t;
    }
}

// A trained layer's widths (build_config) and fixed lengths; "shapes" may still set the rest.
void applyTrainedLayer(const json& root, const TrainedLayer& l, Spec& s) {
    if (l.queryFeatures > 0) {
        s.shapes.queryFeatures = l.queryFeatures;
        s.shapes.valueFeatures = l.valueFeatures;
        s.shapes.keyFeatures = l.keyFeatures;
    }
    s.shapes.queryLen = l.queryLen.value_or(s.shapes.queryLen);
    s.shapes.sourceLen = l.sourceLen.value_or(s.shapes.sourceLen);
    s.weights = l.weights;
    s.weightsGiven = true; // a trained layer: nothing may be drawn from the seed
    s.kerasModelLayer = l.name;
    s.kerasLayerConfig = l.savedConfigJson;
    s.kerasModelFile = (*member(root, "keras_model"))["file"].get<std::string>();
}

// "shapes", "seed" and "tokens".
void readShapesSeedTokens(const json& root, Spec& s) {
    if (const json* shapes = member(root, "shapes")) {
        requireObject(shapes, "shapes");
        rejectUnknown(*shapes, "shapes",
                      {"batch", "query_len", "source_len", "query_features", "value_features", "key_features"});
        const Index big = Index(1) << 40;
        if (const auto v = readInt(*shapes, "batch", "shapes", false, big))
            s.shapes.batch = *v;
        if (const auto v = readInt(*shapes, "query_len", "shapes", false, big))
            s.shapes.queryLen = *v;
        if (const auto v = readInt(*shapes, "source_len", "shapes", false, big))
            s.shapes.sourceLen = *v;
        if (const auto v = readInt(*shapes, "query_features", "shapes", false, big))
            s.shapes.queryFeatures = *v;
        if (const auto v = readInt(*shapes, "value_features", "shapes", false, big))
            s.shapes.valueFeatures = *v;
        if (const auto v = readInt(*shapes, "key_features", "shapes", true, big))
            s.shapes.keyFeatures = *v;
    }
    if (const json* seed = member(root, "seed"); seed && !seed->is_null()) {
        if (!seed->is_number_integer() ||
            (seed->is_number_integer() && !seed->is_number_unsigned() && seed->get<Index>() < 0))
            fail("seed", "seed must be a non-negative integer. Received: seed=" + seed->dump());
        s.seed = seed->get<std::uint64_t>();
    }
    if (const json* tokens = member(root, "tokens")) {
        requireObject(tokens, "tokens");
        rejectUnknown(*tokens, "tokens", {"query", "source"});
        if (const json* q = member(*tokens, "query"))
            s.queryTokens = readTokens(*q, "tokens.query");
        if (const json* src = member(*tokens, "source"))
            s.sourceTokens = readTokens(*src, "tokens.source");
    }
}

// "inputs", "masks" and "weights": the files, read through `files`.
void readFiles(const json& root, const std::string& baseDir, SpecFiles& files, Spec& s) {
    if (const json* inputs = member(root, "inputs")) {
        requireObject(inputs, "inputs");
        rejectUnknown(*inputs, "inputs", {"query", "value", "key"});
        if (const json* j = member(*inputs, "query"); j && !j->is_null())
            s.query = loadArray(files, baseDir, *j, "inputs.query", false);
        if (const json* j = member(*inputs, "value"); j && !j->is_null())
            s.value = loadArray(files, baseDir, *j, "inputs.value", false);
        if (const json* j = member(*inputs, "key"); j && !j->is_null())
            s.key = loadArray(files, baseDir, *j, "inputs.key", false);
        if (s.key && !s.value)
            fail("inputs.value", "A key was given without a value; Keras needs the value (key defaults to value, not "
                                 "the other way round).");
    }
    if (const json* masks = member(root, "masks")) {
        requireObject(masks, "masks");
        rejectUnknown(*masks, "masks", {"query_mask", "value_mask", "key_mask", "attention_mask"});
        if (const json* j = member(*masks, "query_mask"); j && !j->is_null())
            s.queryMask = loadArray(files, baseDir, *j, "masks.query_mask", true);
        if (const json* j = member(*masks, "value_mask"); j && !j->is_null())
            s.valueMask = loadArray(files, baseDir, *j, "masks.value_mask", true);
        if (const json* j = member(*masks, "key_mask"); j && !j->is_null())
            s.keyMask = loadArray(files, baseDir, *j, "masks.key_mask", true);
        if (const json* j = member(*masks, "attention_mask"); j && !j->is_null())
            s.attentionMask = loadArray(files, baseDir, *j, "masks.attention_mask", true);
    }
    if (const json* bw = member(root, "backward"); bw && !bw->is_null()) {
        // {"output_grad": "file.npy"} or {} (all ones).
        requireObject(bw, "backward");
        rejectUnknown(*bw, "backward", {"output_grad"});
        s.backward = BackwardRequest{};
        if (const json* j = member(*bw, "output_grad"); j && !j->is_null())
            s.backward->outputGrad = loadArray(files, baseDir, *j, "backward.output_grad", false);
    }
    if (const json* weights = member(root, "weights"); weights && !weights->is_null()) {
        const std::string rel = readString(*weights, "weights");
        const fs::path p = resolve(baseDir, rel);
        try {
            s.weights = files.weights(p.string());
            s.weightsGiven = true;
            s.weightsFile = p.lexically_normal().string();
        } catch (const SpecFileError& e) {
            fail("weights", e.what());
        }
    }
}

} // namespace

Spec parseSpec(const std::string& text, const std::string& baseDir, SpecFiles& files) {
    json root = readRoot(text);
    Spec s;
    std::optional<TrainedLayer> keras;
    if (const json* km = member(root, "keras_model"); km && !km->is_null())
        keras = applyKerasModel(files, root, *km, baseDir); // sets "layer" and "config" from the model
    s.config.layer = readLayer(root);
    readConfig(root, s);
    readCall(root, s);
    if (keras)
        applyTrainedLayer(root, *keras, s);
    readShapesSeedTokens(root, s);
    readFiles(root, baseDir, files, s);
    return s;
}

std::string specToJson(const Spec& s, bool withFiles) {
    json j;
    j["layer"] = layerName(s.config.layer);
    json c = json::object();
    if (s.config.layer == LayerKind::GroupQueryAttention) {
        c["head_dim"] = s.config.keyDim;
        c["num_query_heads"] = s.config.numHeads;
        c["num_key_value_heads"] = s.config.numKeyValueHeads;
        c["use_bias"] = s.config.useBias;
        c["sliding_window"] = s.config.slidingWindow ? json(*s.config.slidingWindow) : json(nullptr);
        c["use_gate"] = s.config.useGate;
    } else if (s.config.layer == LayerKind::MultiHeadAttention) {
        c["num_heads"] = s.config.numHeads;
        c["key_dim"] = s.config.keyDim;
        c["value_dim"] = s.config.valueDim ? json(*s.config.valueDim) : json(nullptr);
        c["use_bias"] = s.config.useBias;
        c["output_shape"] = s.config.outputShape ? json(*s.config.outputShape) : json(nullptr);
        c["transformer_sublayer"] = s.config.transformerSublayer;
        c["sliding_window"] = s.config.slidingWindow ? json(*s.config.slidingWindow) : json(nullptr);
        c["use_gate"] = s.config.useGate;
    } else {
        c["use_scale"] = s.config.effectiveUseScale();
        if (s.config.layer == LayerKind::Attention)
            c["score_mode"] = s.config.scoreMode == ScoreMode::Dot ? "dot" : "concat";
    }
    c["dropout"] = s.config.dropout;
    j["config"] = c;
    j["call"] = {{"use_causal_mask", s.call.useCausalMask}, {"training", s.call.training}};
    json sh = {{"batch", s.shapes.batch},
               {"query_len", s.shapes.queryLen},
               {"source_len", s.shapes.sourceLen},
               {"query_features", s.shapes.queryFeatures},
               {"value_features", s.shapes.valueFeatures}};
    if (s.shapes.keyFeatures)
        sh["key_features"] = *s.shapes.keyFeatures;
    j["shapes"] = sh;
    j["seed"] = s.seed;
    if (!s.queryTokens.empty() || !s.sourceTokens.empty()) {
        json t = json::object();
        if (!s.queryTokens.empty())
            t["query"] = s.queryTokens;
        if (!s.sourceTokens.empty())
            t["source"] = s.sourceTokens;
        j["tokens"] = t;
    }
    if (withFiles) {
        json in = json::object();
        if (s.query)
            in["query"] = "query.npy";
        if (s.value)
            in["value"] = "value.npy";
        if (s.key)
            in["key"] = "key.npy";
        if (!in.empty())
            j["inputs"] = in;
        json m = json::object();
        if (s.queryMask)
            m["query_mask"] = "query_mask.npy";
        if (s.valueMask)
            m["value_mask"] = "value_mask.npy";
        if (s.keyMask)
            m["key_mask"] = "key_mask.npy";
        if (s.attentionMask)
            m["attention_mask"] = "attention_mask.npy";
        if (!m.empty())
            j["masks"] = m;
        j["weights"] = "weights.npz";
    }
    if (s.backward) {
        json b = json::object();
        if (withFiles && s.backward->outputGrad)
            b["output_grad"] = "output_grad.npy";
        j["backward"] = b;
    }
    return j.dump(2) + "\n";
}

std::optional<std::uint64_t> parseByteSize(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    // The number: digits, optionally one '.' and more digits.
    std::size_t i = 0;
    double value = 0;
    int digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits)
        value = value * 10 + (text[i] - '0');
    if (i < text.size() && text[i] == '.') {
        double place = 0.1;
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits, place /= 10)
            value += (text[i] - '0') * place;
    }
    if (digits == 0)
        return std::nullopt;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    std::string unit;
    for (; i < text.size(); ++i)
        unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    double scale = 0;
    for (const auto& [prefix, factor] : {std::pair{'k', 0x1p10}, {'m', 0x1p20}, {'g', 0x1p30}, {'t', 0x1p40}})
        if (!unit.empty() && unit[0] == prefix && (unit.size() == 1 || unit.substr(1) == "b" || unit.substr(1) == "ib"))
            scale = factor;
    if (unit.empty() || unit == "b")
        scale = 1;
    const double bytes = value * scale;
    if (scale == 0 || !(bytes >= 1) || bytes >= 0x1p64)
        return std::nullopt;
    return static_cast<std::uint64_t>(bytes);
}

} // namespace attnviz::core
