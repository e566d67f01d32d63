// train.json: parsing, validation, the model's weight keys and Keras
// initializers, and bundles (trace-format.md, "Training: watch attention learn").
#include "core/train/train_spec.h"

#include "core/base/random.h"
#include "core/io/npy.h"
#include "core/layers/run.h"
#include "core/spec/json_depth.h"
#include "core/train/tasks.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace attnviz::core {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr std::size_t kMaxTrainJsonBytes = 1 << 20;
constexpr int kMaxJsonDepth = 32;
constexpr Index kMaxBlocks = 3;

[[noreturn]] void fail(const std::string& field, const std::string& msg, std::vector<std::string> also = {}) {
    throw SpecError(field, msg, std::move(also));
}

const json* member(const json& obj, const char* name) {
    const auto it = obj.find(name);
    return it == obj.end() ? nullptr : &*it;
}

void requireObject(const json& j, const std::string& field) {
    if (!j.is_object())
        fail(field, "'" + field + "' must be an object. Received: " + j.dump() + ".");
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
            fail(field.empty() ? k : field + "." + k,
                 "Unknown " + (field.empty() ? std::string("train.json") : "'" + field + "'") + " field '" + k +
                     "'. Supported: " + list + ".");
        }
    }
}

// A positive (or non-negative) integer field, at most maxValue.
std::optional<Index> readCount(const json& obj, const char* name, const std::string& field, Index minValue,
                               Index maxValue) {
    const json* j = member(obj, name);
    if (!j)
        return std::nullopt;
    const std::string what = std::string(name) + " must be an integer ≥ " + std::to_string(minValue) + " (at most " +
                             std::to_string(maxValue) + "). Received: " + name + "=" + j->dump();
    double v = 0;
    if (j->is_number_integer()) {
        if (j->is_number_unsigned() && j->get<std::uint64_t>() > std::uint64_t(maxValue))
            fail(field, what);
        v = double(j->get<Index>());
    } else if (j->is_number_float()) {
        v = j->get<double>();
        if (!std::isfinite(v) || v != std::floor(v))
            fail(field, what);
    } else {
        fail(field, what);
    }
    if (v < double(minValue) || v > double(maxValue))
        fail(field, what);
    return Index(v);
}

std::optional<double> readNumber(const json& obj, const char* name, const std::string& field) {
    const json* j = member(obj, name);
    if (!j)
        return std::nullopt;
    if (!j->is_number())
        fail(field, std::string(name) + " must be a number. Received: " + name + "=" + j->dump());
    return j->get<double>();
}

std::optional<bool> readBool(const json& obj, const char* name, const std::string& field) {
    const json* j = member(obj, name);
    if (!j || j->is_null())
        return std::nullopt;
    if (!j->is_boolean())
        fail(field, std::string(name) + " must be true or false. Received: " + name + "=" + j->dump());
    return j->get<bool>();
}

std::string readFileName(const json& j, const std::string& field) {
    if (!j.is_string() || j.get<std::string>().empty())
        fail(field, "'" + field + "' must be a file name (a string). Received: " + j.dump());
    return j.get<std::string>();
}

std::string resolve(const std::string& baseDir, const std::string& rel) {
    const fs::path p(rel);
    return (p.is_absolute() || baseDir.empty() ? p : fs::path(baseDir) / p).string();
}

// The block's layer config goes through spec.json's own parser and checks
// (core/spec, core/layers/run.h validate), with the field prefixed.
class NoFiles final : public SpecFiles {
public:
    [[noreturn]] static void refuse() { throw SpecFileError("a block of train.json names no files"); }
    Tensor array(const std::string&, bool*) override { refuse(); }
    std::map<std::string, Tensor> weights(const std::string&) override { refuse(); }
    bool isWeightsOnly(const std::string&) override { refuse(); }
    TrainedLayer kerasLayer(const std::string&, const std::string&) override { refuse(); }
    TrainedLayer kerasWeights(const std::string&, const std::string&, const std::string&, const std::string&) override {
        refuse();
    }
};

} // namespace

/// The spec.json of one block's layer inside the model: query = value = x, [B, L, E].
Spec blockLayerSpec(const BlockSpec& block, const ModelSpec& model, Index batch) {
    Spec s;
    s.config = block.config;
    s.call.useCausalMask = block.useCausalMask;
    s.shapes.batch = batch;
    s.shapes.queryLen = model.length;
    s.shapes.sourceLen = model.length;
    s.shapes.queryFeatures = model.embedDim;
    s.shapes.valueFeatures = model.embedDim;
    return s;
}

namespace {

// Keras' build order of one layer's weights (multi_head_attention.py `build`:
// query, key, value, [gate], output; kernel then bias).
std::vector<std::string> layerKeyOrder() {
    return {"query_dense/kernel",
            "query_dense/bias",
            "key_dense/kernel",
            "key_dense/bias",
            "value_dense/kernel",
            "value_dense/bias",
            "gate_dense/kernel",
            "gate_dense/bias",
            "output_dense/kernel",
            "output_dense/bias",
            "scale",
            "concat_score_weight"};
}

BlockSpec parseBlock(const json& jb, const std::string& field, const ModelSpec& model) {
    requireObject(jb, field);
    rejectUnknown(jb, field, {"layer", "config", "call", "residual", "layer_norm", "comment"});
    json layerJson = json::object();
    if (const json* l = member(jb, "layer"))
        layerJson["layer"] = *l;
    if (const json* c = member(jb, "config"))
        layerJson["config"] = *c;
    if (const json* c = member(jb, "call")) {
        requireObject(*c, field + ".call");
        rejectUnknown(*c, field + ".call", {"use_causal_mask"});
        layerJson["call"] = *c;
    }
    BlockSpec b;
    try {
        NoFiles files;
        const Spec s = parseSpec(layerJson.dump(), "", files);
        b.config = s.config;
        b.useCausalMask = s.call.useCausalMask;
        validate(blockLayerSpec(b, model, 1));
    } catch (const SpecError& e) {
        std::vector<std::string> also;
        for (size_t i = 1; i < e.fields().size(); ++i)
            also.push_back(field + "." + e.fields()[i]);
        throw SpecError(field + "." + e.field(), field + ": " + e.what(), also);
    }
    if (b.config.transformerSublayer)
        fail(field + ".config.transformer_sublayer",
             field + ": in train.json the Add & LayerNormalization of a block are \"residual\" and \"layer_norm\" "
                     "beside \"config\", not transformer_sublayer.");
    if (b.config.dropout > 0.0f)
        fail(field + ".config.dropout",
             field +
                 ": training with dropout > 0 is not supported: Keras draws its dropout masks from its own "
                 "random generator, which attnviz cannot reproduce. Received: dropout=" +
                 std::to_string(b.config.dropout));
    if (b.config.outputShape && *b.config.outputShape != model.embedDim)
        fail(field + ".config.output_shape",
             field + ": a block's output must have embed_dim = " + std::to_string(model.embedDim) +
                 " features, so that the next block and the logits can read it. "
                 "Received: output_shape=" +
                 std::to_string(*b.config.outputShape));
    if (const auto r = readBool(jb, "residual", field + ".residual"))
        b.residual = *r;
    if (const auto n = readBool(jb, "layer_norm", field + ".layer_norm"))
        b.layerNorm = *n;
    return b;
}

struct IntArray {
    Shape shape;
    std::vector<std::int64_t> values;
};

IntArray loadInts(const std::string& path, const std::string& field, bool isMask) {
    try {
        NpyIntegers a = readNpyIntegers(path, isMask);
        return {std::move(a.shape), std::move(a.values)};
    } catch (const NpyError& e) {
        fail(field, field + ": " + e.what());
    }
}

std::string shapeText(const Shape& s) {
    return shapeString(s);
}

std::string indexText(Index flat, Index batch, Index length) {
    const Index s = flat / (batch * length), b = flat / length % batch, t = flat % length;
    return "[" + std::to_string(s) + ", " + std::to_string(b) + ", " + std::to_string(t) + "]";
}

} // namespace

std::vector<std::pair<std::string, Shape>> modelWeightShapes(const ModelSpec& model) {
    std::vector<std::pair<std::string, Shape>> out;
    out.emplace_back("token_embedding/embeddings", Shape{model.vocab, model.embedDim});
    out.emplace_back("position_embedding/embeddings", Shape{model.length, model.embedDim});
    for (size_t b = 0; b < model.blocks.size(); ++b) {
        const std::string pre = "block" + std::to_string(b) + "/";
        const std::map<std::string, Shape> layer = expectedWeightShapes(blockLayerSpec(model.blocks[b], model, 1));
        for (const std::string& k : layerKeyOrder())
            if (const auto it = layer.find(k); it != layer.end())
                out.emplace_back(pre + k, it->second);
        for (const auto& [k, shape] : layer) // anything the order above does not know
            if (std::find(layerKeyOrder().begin(), layerKeyOrder().end(), k) == layerKeyOrder().end())
                out.emplace_back(pre + k, shape);
        if (model.blocks[b].layerNorm) {
            out.emplace_back(pre + "layer_norm/gamma", Shape{model.embedDim});
            out.emplace_back(pre + "layer_norm/beta", Shape{model.embedDim});
        }
    }
    out.emplace_back("logits/kernel", Shape{model.embedDim, model.vocab});
    out.emplace_back("logits/bias", Shape{model.vocab});
    return out;
}

std::map<std::string, Tensor> initialModelWeights(const ModelSpec& model, std::uint64_t seed) {
    std::map<std::string, Tensor> w;
    // Embedding: RandomUniform(-0.05, 0.05) (keras/src/layers/core/embedding.py).
    auto uniform = [&](const Shape& shape, std::uint64_t stream) {
        Rng rng(seed * 0x9E3779B97F4A7C15ull + stream * 0xBF58476D1CE4E5B9ull + 1);
        Tensor t(shape);
        for (float& x : t.values())
            x = static_cast<float>(rng.uniform() * 0.1 - 0.05);
        return t;
    };
    w["token_embedding/embeddings"] = uniform({model.vocab, model.embedDim}, 1);
    w["position_embedding/embeddings"] = uniform({model.length, model.embedDim}, 2);
    for (size_t b = 0; b < model.blocks.size(); ++b) {
        // The layer's own initializers (glorot_uniform kernels, zero biases,
        // ones for Attention's scalars), as run() draws them, from a seed per block.
        Spec s = blockLayerSpec(model.blocks[b], model, 1);
        s.seed = seed * 1000003ull + 17 * (b + 1);
        const std::string pre = "block" + std::to_string(b) + "/";
        for (auto& [k, t] : resolveWeights(s))
            w[pre + k] = std::move(t);
        if (model.blocks[b].layerNorm) {
            Tensor g({model.embedDim});
            std::fill(g.values().begin(), g.values().end(), 1.0f);
            w[pre + "layer_norm/gamma"] = std::move(g);
            w[pre + "layer_norm/beta"] = Tensor({model.embedDim});
        }
    }
    // Dense(vocab): glorot_uniform kernel [E, V], zero bias.
    w["logits/kernel"] =
        glorotUniform({model.embedDim, model.vocab}, double(model.embedDim), double(model.vocab), seed, 7);
    w["logits/bias"] = Tensor({model.vocab});
    return w;
}

double estimateTrainBytes(const TrainSpec& spec) {
    const ModelSpec& m = spec.model;
    const double B = double(spec.data ? spec.data->batch : spec.task ? spec.task->batch : 1);
    const double L = double(m.length), E = double(m.embedDim), V = double(m.vocab), BL = B * L;
    double params = 0;
    for (const auto& [k, shape] : modelWeightShapes(m)) {
        double n = 1;
        for (Index d : shape)
            n *= double(d);
        params += n;
    }
    double acts = BL * E * 3 + BL * V * 2;
    for (const BlockSpec& b : m.blocks) {
        const double N = hasHeads(b.config.layer) ? b.config.numHeads : 1;
        const double Nkv = hasHeads(b.config.layer) ? b.config.kvHeads() : 1;
        const double H = b.config.keyDim, Hv = b.config.effectiveValueDim();
        acts += BL * E * 6 + B * N * L * L + L * L;
        if (hasHeads(b.config.layer))
            acts += BL * (2 * N * H + 2 * Nkv * H + 2 * Nkv * Hv + 5 * N * Hv);
        else
            acts += B * L * L * (E + 2);
    }
    const double data = spec.data ? 3.0 * double(spec.data->steps) * BL : 0.0;
    // weights, init, gradients, Adam's m and v, the probe model (as large as
    // the training one) and step 1's gradients: float32.
    return 4.0 * (6.0 * params + 2.0 * acts) + 4.0 * data;
}

void validateTrainSpec(const TrainSpec& spec, const TrainLimits& limits) {
    const ModelSpec& m = spec.model;
    if (m.vocab < 1)
        fail("model.vocab", "vocab must be a positive integer. Received: vocab=" + std::to_string(m.vocab));
    if (m.length < 1)
        fail("model.length", "length must be a positive integer. Received: length=" + std::to_string(m.length));
    if (m.embedDim < 1)
        fail("model.embed_dim",
             "embed_dim must be a positive integer. Received: embed_dim=" + std::to_string(m.embedDim));
    if (m.blocks.empty() || Index(m.blocks.size()) > kMaxBlocks)
        fail("model.blocks", "The model needs 1 to 3 blocks. Received: " + std::to_string(m.blocks.size()) + ".");
    const AdamSpec& o = spec.optimizer;
    if (!(o.learningRate >= 0) || !std::isfinite(o.learningRate))
        fail("optimizer.learning_rate",
             "learning_rate must be a finite number ≥ 0. Received: learning_rate=" + std::to_string(o.learningRate));
    if (!(o.beta1 >= 0 && o.beta1 < 1))
        fail("optimizer.beta_1", "beta_1 must be in [0, 1). Received: beta_1=" + std::to_string(o.beta1));
    if (!(o.beta2 >= 0 && o.beta2 < 1))
        fail("optimizer.beta_2", "beta_2 must be in [0, 1). Received: beta_2=" + std::to_string(o.beta2));
    if (!(o.epsilon >= 0) || !std::isfinite(o.epsilon))
        fail("optimizer.epsilon",
             "epsilon must be a finite number ≥ 0. Received: epsilon=" + std::to_string(o.epsilon));
    if (spec.steps < 1)
        fail("steps", "steps must be a positive integer. Received: steps=" + std::to_string(spec.steps));
    if (bool(spec.data) == bool(spec.task))
        fail("data", "train.json needs \"data\" (tokens and targets).");
    // The memory budget, from the sizes alone, before anything large is allocated.
    const double bytes = estimateTrainBytes(spec);
    if (!(bytes <= double(limits.maxBytes)))
        fail("model", "Training this model needs about " + std::to_string(Index(bytes / (1 << 20))) +
                          " MiB, more than the limit of " + std::to_string(limits.maxBytes >> 20) +
                          " MiB. Make the batch, length, embed_dim or heads smaller.");
    if (spec.task) {
        if (!findTrainTask(spec.task->name))
            fail("task", "Unknown task '" + spec.task->name + "'. Known: " + trainTaskNames() + ".");
        if (spec.task->batch < 1)
            fail("task.batch", "The batch must be a positive integer.");
    }
    if (spec.data) {
        const TrainData& d = *spec.data;
        if (d.length != m.length)
            fail("data.tokens",
                 "data.tokens has length " + std::to_string(d.length) +
                     " (its last axis), but the "
                     "model's length is " +
                     std::to_string(m.length) + ".",
                 {"model.length"});
        if (spec.steps > d.steps)
            fail("steps",
                 "steps=" + std::to_string(spec.steps) + " is more than the data holds: data.tokens has " +
                     std::to_string(d.steps) + " batches (its first axis).",
                 {"data.tokens"});
        const Index per = d.batch * d.length;
        for (Index i = 0; i < Index(d.tokens.size()); ++i) {
            if (d.tokens[size_t(i)] < 0 || d.tokens[size_t(i)] >= m.vocab)
                fail("data.tokens",
                     "data.tokens" + indexText(i, d.batch, d.length) + " = " + std::to_string(d.tokens[size_t(i)]) +
                         " is outside the vocabulary [0, " + std::to_string(m.vocab) + ").",
                     {"model.vocab"});
            if (d.targets[size_t(i)] < 0 || d.targets[size_t(i)] >= m.vocab)
                fail("data.targets",
                     "data.targets" + indexText(i, d.batch, d.length) + " = " + std::to_string(d.targets[size_t(i)]) +
                         " is outside the vocabulary [0, " + std::to_string(m.vocab) + ").",
                     {"model.vocab"});
        }
        if (!d.lossMask.empty())
            for (Index s = 0; s < spec.steps; ++s) {
                bool any = false;
                for (Index i = 0; i < per && !any; ++i)
                    any = d.lossMask[size_t(s * per + i)] != 0;
                if (!any)
                    fail("data.loss_mask", "data.loss_mask selects no position in batch " + std::to_string(s) +
                                               " (step " + std::to_string(s + 1) +
                                               "): its loss would be 0/0. Every trained batch needs at least one "
                                               "true position.");
            }
    }
    if (!spec.init.empty()) {
        const auto shapes = modelWeightShapes(m);
        std::set<std::string> known;
        for (const auto& [k, shape] : shapes) {
            known.insert(k);
            const auto it = spec.init.find(k);
            if (it == spec.init.end())
                fail("init", "init has no '" + k + "' (shape " + shapeText(shape) +
                                 "): an init file must hold every weight of the model.");
            if (it->second.shape() != shape)
                fail("init", "init '" + k + "' has shape " + shapeText(it->second.shape()) + ", expected " +
                                 shapeText(shape) + ".");
        }
        for (const auto& [k, t] : spec.init)
            if (!known.count(k)) {
                std::string list;
                for (const auto& [kk, s] : shapes)
                    list += (list.empty() ? "" : ", ") + kk;
                fail("init", "init has a key the model does not own: '" + k + "'. Expected exactly: " + list + ".");
            }
    }
}

TrainSpec parseTrainSpec(const std::string& text, const std::string& baseDir, const TrainLimits& limits) {
    if (text.size() > kMaxTrainJsonBytes)
        fail("train", "train.json is " + std::to_string(text.size()) + " bytes; at most 1 MiB is accepted.");
    if (jsonNestsDeeperThan(text, kMaxJsonDepth))
        fail("train", "train.json is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep.");
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        if (const auto pos = what.find("parse error"); pos != std::string::npos)
            what = what.substr(pos);
        // Name the field the error is in: the last "key": before it.
        const size_t at = std::min(text.size(), size_t(e.byte > 0 ? e.byte - 1 : 0));
        std::string field = "train";
        const size_t colon = text.rfind(':', at);
        if (colon != std::string::npos) {
            const size_t close = text.rfind('"', colon);
            const size_t open =
                close == std::string::npos || close == 0 ? std::string::npos : text.rfind('"', close - 1);
            if (open != std::string::npos) {
                const std::string key = text.substr(open + 1, close - open - 1);
                for (const char* k : {"learning_rate", "beta_1", "beta_2", "epsilon", "name"})
                    if (key == k)
                        field = "optimizer." + key;
                for (const char* k : {"vocab", "length", "embed_dim", "blocks"})
                    if (key == k)
                        field = "model." + key;
                for (const char* k : {"steps", "seed", "init"})
                    if (key == k)
                        field = key;
            }
        }
        const size_t value = text.find_first_not_of(" \t\r\n", colon == std::string::npos ? at : colon + 1);
        const std::string rest = value == std::string::npos ? "" : text.substr(value, 9);
        const bool nan = rest.starts_with("NaN") || rest.starts_with("Infinity") || rest.starts_with("-Infinity");
        fail(field, std::string("Invalid JSON") + (field != "train" ? " in " + field : "") + ": " + what +
                        (nan ? ". NaN and Infinity are not JSON numbers (Python's json.dump writes them); "
                               "a learning rate must be a finite number ≥ 0."
                             : ""));
    } catch (const json::exception& e) {
        std::string what = e.what();
        if (const auto pos = what.find("] "); what.starts_with("[json.exception") && pos != std::string::npos)
            what = what.substr(pos + 2);
        fail("train", "Invalid JSON: " + what);
    }
    if (!root.is_object())
        fail("train", "train.json must be a JSON object with \"model\", \"optimizer\", \"data\" and \"steps\".");
    rejectUnknown(root, "", {"model", "optimizer", "data", "init", "steps", "seed", "comment", "description"});

    TrainSpec spec;
    // --- model --------------------------------------------------------------
    const json* jm = member(root, "model");
    if (!jm)
        fail("model", "train.json has no \"model\" (vocab, length, embed_dim, blocks).");
    requireObject(*jm, "model");
    rejectUnknown(*jm, "model", {"vocab", "length", "embed_dim", "blocks", "comment"});
    const Index kMax = Index(1) << 24;
    const auto vocab = readCount(*jm, "vocab", "model.vocab", 1, kMax);
    const auto length = readCount(*jm, "length", "model.length", 1, 1 << 16);
    const auto embed = readCount(*jm, "embed_dim", "model.embed_dim", 1, 1 << 16);
    if (!vocab)
        fail("model.vocab", "The model needs vocab (the number of distinct tokens, a positive integer).");
    if (!length)
        fail("model.length", "The model needs length (the sequence length, a positive integer).");
    if (!embed)
        fail("model.embed_dim", "The model needs embed_dim (a positive integer).");
    spec.model.vocab = *vocab;
    spec.model.length = *length;
    spec.model.embedDim = *embed;
    const json* jb = member(*jm, "blocks");
    if (!jb || !jb->is_array() || jb->empty() || jb->size() > size_t(kMaxBlocks))
        fail("model.blocks", "model.blocks must be a list of 1 to 3 blocks. Received: " +
                                 (jb ? jb->dump().substr(0, 80) : std::string("nothing")) + ".");
    for (size_t i = 0; i < jb->size(); ++i)
        spec.model.blocks.push_back(parseBlock((*jb)[i], "model.blocks[" + std::to_string(i) + "]", spec.model));

    // --- optimizer ------------------------------------------------------------
    const json* jo = member(root, "optimizer");
    if (!jo)
        fail("optimizer", "train.json has no \"optimizer\" (e.g. {\"name\": \"adam\", \"learning_rate\": 0.01}).");
    requireObject(*jo, "optimizer");
    rejectUnknown(*jo, "optimizer", {"name", "learning_rate", "beta_1", "beta_2", "epsilon", "comment"});
    const json* jn = member(*jo, "name");
    if (!jn || !jn->is_string())
        fail("optimizer.name", "optimizer.name must be \"adam\". Received: " + (jn ? jn->dump() : "nothing") + ".");
    std::string name = jn->get<std::string>();
    for (char& c : name)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (name != "adam")
        fail("optimizer.name",
             "Unknown optimizer. attnviz trains with Keras' Adam only: expected \"adam\". Received: name=" +
                 jn->dump());
    if (const auto v = readNumber(*jo, "learning_rate", "optimizer.learning_rate"))
        spec.optimizer.learningRate = *v;
    if (const auto v = readNumber(*jo, "beta_1", "optimizer.beta_1"))
        spec.optimizer.beta1 = *v;
    if (const auto v = readNumber(*jo, "beta_2", "optimizer.beta_2"))
        spec.optimizer.beta2 = *v;
    if (const auto v = readNumber(*jo, "epsilon", "optimizer.epsilon"))
        spec.optimizer.epsilon = *v;

    // --- steps, seed ------------------------------------------------------------
    const auto steps = readCount(root, "steps", "steps", 1, Index(1) << 40);
    if (!steps)
        fail("steps", "train.json needs \"steps\" (a positive integer: how many batches to train on).");
    spec.steps = *steps;
    if (const auto seed = readCount(root, "seed", "seed", 0, std::numeric_limits<Index>::max()))
        spec.seed = std::uint64_t(*seed);

    // --- data -------------------------------------------------------------------
    const json* jd = member(root, "data");
    if (!jd)
        fail("data", "train.json has no \"data\" (tokens.npy and targets.npy, int32 [steps, batch, length]).");
    requireObject(*jd, "data");
    rejectUnknown(*jd, "data", {"tokens", "targets", "loss_mask"});
    const json* jt = member(*jd, "tokens");
    const json* jg = member(*jd, "targets");
    if (!jt)
        fail("data.tokens", "data needs \"tokens\" (an int32 .npy [steps, batch, length]).");
    if (!jg)
        fail("data.targets", "data needs \"targets\" (an int32 .npy [steps, batch, length]).");
    const IntArray tokens = loadInts(resolve(baseDir, readFileName(*jt, "data.tokens")), "data.tokens", false);
    if (tokens.shape.size() != 3)
        fail("data.tokens",
             "data.tokens must be [steps, batch, length] (rank 3). Received: shape " + shapeText(tokens.shape) + ".");
    if (tokens.shape[0] < 1 || tokens.shape[1] < 1 || tokens.shape[2] < 1)
        fail("data.tokens", "data.tokens has an empty axis: shape " + shapeText(tokens.shape) + ".");
    TrainData d;
    d.steps = tokens.shape[0];
    d.batch = tokens.shape[1];
    d.length = tokens.shape[2];
    // The budget is checked on the sizes before the rest is read or allocated.
    spec.data = TrainData{d.steps, d.batch, d.length, {}, {}, {}};
    const double need = estimateTrainBytes(spec);
    if (!(need <= double(limits.maxBytes)))
        fail("model", "Training this model needs about " + std::to_string(Index(need / (1 << 20))) +
                          " MiB, more than the limit of " + std::to_string(limits.maxBytes >> 20) +
                          " MiB. Make the batch, length, embed_dim or heads smaller.");
    const IntArray targets = loadInts(resolve(baseDir, readFileName(*jg, "data.targets")), "data.targets", false);
    if (targets.shape != tokens.shape)
        fail("data.targets",
             "data.targets has shape " + shapeText(targets.shape) + ", but data.tokens has " + shapeText(tokens.shape) +
                 ": they must be the same.",
             {"data.tokens"});
    auto toInt32 = [&](const IntArray& a, const std::string& field) {
        std::vector<std::int32_t> out(a.values.size());
        for (size_t i = 0; i < out.size(); ++i) {
            const std::int64_t v = a.values[i];
            if (v < 0 || v >= spec.model.vocab)
                fail(
                    field,
                    field + indexText(Index(i), d.batch, d.length) + " = " + std::to_string(v) +
                        (v < 0 ? " is negative: tokens index the vocabulary [0, " : " is outside the vocabulary [0, ") +
                        std::to_string(spec.model.vocab) + ").",
                    {"model.vocab"});
            out[i] = std::int32_t(v);
        }
        return out;
    };
    d.tokens = toInt32(tokens, "data.tokens");
    d.targets = toInt32(targets, "data.targets");
    if (const json* jl = member(*jd, "loss_mask"); jl && !jl->is_null()) {
        const IntArray mask = loadInts(resolve(baseDir, readFileName(*jl, "data.loss_mask")), "data.loss_mask", true);
        if (mask.shape != tokens.shape)
            fail("data.loss_mask",
                 "data.loss_mask has shape " + shapeText(mask.shape) + ", but data.tokens has " +
                     shapeText(tokens.shape) + ": they must be the same.",
                 {"data.tokens"});
        d.lossMask.resize(mask.values.size());
        for (size_t i = 0; i < mask.values.size(); ++i) {
            if (mask.values[i] != 0 && mask.values[i] != 1)
                fail("data.loss_mask", "data.loss_mask" + indexText(Index(i), d.batch, d.length) + " = " +
                                           std::to_string(mask.values[i]) + ": a loss mask holds 0 and 1 only.");
            d.lossMask[i] = std::uint8_t(mask.values[i]);
        }
    }
    spec.data = std::move(d);

    // --- init ---------------------------------------------------------------------
    if (const json* ji = member(root, "init"); ji && !ji->is_null()) {
        const std::string path = resolve(baseDir, readFileName(*ji, "init"));
        try {
            spec.init = readNpz(path);
        } catch (const NpyError& e) {
            fail("init", std::string("init: ") + e.what());
        }
    }
    validateTrainSpec(spec, limits);
    return spec;
}

TrainSpec loadTrainSpec(const std::string& path, const TrainLimits& limits) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("train", path + ": cannot open the file.");
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, size_t(in.gcount()));
        if (text.size() > kMaxTrainJsonBytes)
            fail("train", path + ": more than 1 MiB; a train.json is small (it names its data files).");
    }
    try {
        return parseTrainSpec(text, fs::path(path).parent_path().string(), limits);
    } catch (const SpecError& e) {
        std::vector<std::string> also(e.fields().begin() + 1, e.fields().end());
        throw SpecError(e.field(), path + ": " + e.what(), also);
    }
}

namespace {

json blockToJson(const BlockSpec& b) {
    json config = json::parse(specToJson(blockLayerSpec(b, ModelSpec{}, 1), false))["config"];
    json j = {{"layer", layerName(b.config.layer)}, {"config", config}};
    j["call"] = {{"use_causal_mask", b.useCausalMask}};
    j["residual"] = b.residual;
    j["layer_norm"] = b.layerNorm;
    return j;
}

} // namespace

std::string trainSpecToJson(const TrainSpec& spec, bool withMask) {
    json blocks = json::array();
    for (const BlockSpec& b : spec.model.blocks)
        blocks.push_back(blockToJson(b));
    json root;
    root["model"] = {{"vocab", spec.model.vocab},
                     {"length", spec.model.length},
                     {"embed_dim", spec.model.embedDim},
                     {"blocks", blocks}};
    root["optimizer"] = {{"name", "adam"},
                         {"learning_rate", spec.optimizer.learningRate},
                         {"beta_1", spec.optimizer.beta1},
                         {"beta_2", spec.optimizer.beta2},
                         {"epsilon", spec.optimizer.epsilon}};
    root["data"] = {{"tokens", "tokens.npy"}, {"targets", "targets.npy"}};
    if (withMask)
        root["data"]["loss_mask"] = "loss_mask.npy";
    root["init"] = "init.npz";
    root["steps"] = spec.steps;
    root["seed"] = spec.seed;
    return root.dump(1) + "\n";
}

void saveTrainBundle(const std::string& dir, const TrainSpec& spec) {
    fs::create_directories(dir);
    TrainData d;
    if (spec.data) {
        d = *spec.data;
    } else {
        d = materializeTask(*spec.task, spec.model, spec.steps);
    }
    const Shape shape{d.steps, d.batch, d.length};
    const fs::path base(dir);
    writeNpyInt32((base / "tokens.npy").string(), shape, d.tokens);
    writeNpyInt32((base / "targets.npy").string(), shape, d.targets);
    if (!d.lossMask.empty()) {
        Tensor m(shape);
        for (size_t i = 0; i < d.lossMask.size(); ++i)
            m.values()[i] = d.lossMask[i] ? 1.0f : 0.0f;
        std::ofstream(base / "loss_mask.npy", std::ios::binary) << serializeNpyBool(m);
    }
    writeNpz((base / "init.npz").string(), spec.init.empty() ? initialModelWeights(spec.model, spec.seed) : spec.init);
    std::ofstream out(base / "train.json", std::ios::binary);
    out << trainSpecToJson(spec, !d.lossMask.empty());
    if (!out)
        throw std::runtime_error((base / "train.json").string() + ": cannot write the file.");
}

} // namespace attnviz::core
