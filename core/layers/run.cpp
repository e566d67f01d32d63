// The single entry point of the core: validate a Spec (Keras-style messages
// naming the field), resolve what it leaves out (inputs from the seed or the
// tokens, Keras' default initializers) and dispatch to the layer.
#include "core/layers/run.h"

#include "core/layers/backward.h"

#include "core/layers/detail/layers.h"
#include "core/base/run_control.h"
#include "core/trace/step_display.h"
#include "core/base/random.h"
#include "core/spec/inputs.h"

#include <cmath>
#include <functional>
#include <sstream>

namespace attnviz::core {

namespace {

struct Dims {
    Index B = 0, T = 0, S = 0, dq = 0, dv = 0, dk = 0;
    bool hasKey = false;
};

[[noreturn]] void fail(const std::string& field, const std::string& msg, std::vector<std::string> alsoFields = {}) {
    throw SpecError(field, msg, std::move(alsoFields));
}

std::string received(const std::string& name, const std::string& value) {
    return " Received: " + name + "=" + value;
}
std::string received(const std::string& name, Index value) {
    return received(name, std::to_string(value));
}

// Sizes as the spec resolves them: a given tensor wins over `shapes`, tokens
// set a sequence length when its tensor is absent.
Dims dimsOf(const Spec& s) {
    Dims d;
    d.B = s.shapes.batch;
    d.T = s.shapes.queryLen;
    d.S = s.shapes.sourceLen;
    d.dq = s.shapes.queryFeatures;
    d.dv = s.shapes.valueFeatures;
    d.hasKey = s.key.has_value() || s.shapes.keyFeatures.has_value();
    d.dk = s.shapes.keyFeatures.value_or(d.dv);
    if (!s.queryTokens.empty()) {
        d.T = static_cast<Index>(s.queryTokens.size());
        if (!s.query && !s.value && !s.key)
            d.B = 1;
    }
    if (!s.sourceTokens.empty())
        d.S = static_cast<Index>(s.sourceTokens.size());
    if (s.query && s.query->rank() == 3) {
        d.B = s.query->dim(0);
        d.T = s.query->dim(1);
        d.dq = s.query->dim(2);
    }
    if (s.value && s.value->rank() == 3) {
        d.S = s.value->dim(1);
        d.dv = s.value->dim(2);
        if (!s.key && !s.shapes.keyFeatures)
            d.dk = d.dv;
    }
    if (s.key && s.key->rank() == 3)
        d.dk = s.key->dim(2);
    return d;
}

Index outputWidth(const Spec& s, const Dims& d) {
    if (s.config.layer == LayerKind::GroupQueryAttention)
        return d.dq; // GroupQueryAttention projects back to the query width
    return s.config.outputShape.value_or(static_cast<int>(d.dq));
}

// The weights each layer owns, with their shapes (trace-format.md).
std::map<std::string, Shape> weightShapes(const Spec& s, const Dims& d) {
    std::map<std::string, Shape> w;
    const LayerConfig& c = s.config;
    switch (c.layer) {
    case LayerKind::MultiHeadAttention:
    case LayerKind::GroupQueryAttention: {
        // GroupQueryAttention: N = num_query_heads, Nkv = num_key_value_heads, H = Hv = head_dim.
        const Index N = c.numHeads, Nkv = c.kvHeads(), H = c.keyDim, Hv = c.effectiveValueDim();
        const Index out = outputWidth(s, d);
        w["query_dense/kernel"] = {d.dq, N, H};
        w["key_dense/kernel"] = {d.dk, Nkv, H};
        w["value_dense/kernel"] = {d.dv, Nkv, Hv};
        w["output_dense/kernel"] = {N, Hv, out};
        if (c.useGate)
            w["gate_dense/kernel"] = {d.dq, N, Hv};
        if (c.useBias) {
            w["query_dense/bias"] = {N, H};
            w["key_dense/bias"] = {Nkv, H};
            w["value_dense/bias"] = {Nkv, Hv};
            w["output_dense/bias"] = {out};
            if (c.useGate)
                w["gate_dense/bias"] = {N, Hv};
        }
        if (c.transformerSublayer) {
            w["layer_norm/gamma"] = {d.dq};
            w["layer_norm/beta"] = {d.dq};
        }
        break;
    }
    case LayerKind::Attention:
        if (c.effectiveUseScale())
            w["scale"] = {};
        if (c.scoreMode == ScoreMode::Concat)
            w["concat_score_weight"] = {};
        break;
    case LayerKind::AdditiveAttention:
        if (c.effectiveUseScale())
            w["scale"] = {d.dq};
        break;
    }
    return w;
}

void checkRank3(const std::optional<Tensor>& t, const std::string& name, const std::string& expected) {
    if (t && t->rank() != 3)
        fail("inputs." + name, "The " + name + " must be a rank-3 tensor " + expected + "." +
                                   received(name + ".shape", shapeString(t->shape())));
}

void checkMask(const std::optional<Tensor>& m, const std::string& name, const Shape& expected,
               const std::string& meaning) {
    if (m && m->shape() != expected)
        fail("masks." + name, "The " + name + " must have shape " + shapeString(expected) + " " + meaning + "." +
                                  received(name + ".shape", shapeString(m->shape())));
}

std::string fmtBytes(double b) {
    std::ostringstream os;
    os.precision(3);
    if (b >= double(1ULL << 30))
        os << b / double(1ULL << 30) << " GiB";
    else
        os << b / double(1ULL << 20) << " MiB";
    return os.str();
}

} // namespace

double estimateTraceBytes(const Spec& spec) {
    const Dims d = dimsOf(spec);
    const auto D = [](Index v) { return static_cast<double>(std::max<Index>(v, 0)); };
    double floats = D(d.B) * (D(d.T) * D(d.dq) + D(d.S) * D(d.dv) + (d.hasKey ? D(d.S) * D(d.dk) : 0.0));
    const double scoresSize = D(d.B) * D(d.T) * D(d.S);
    const LayerConfig& c = spec.config;
    if (hasHeads(c.layer)) {
        const double N = D(c.numHeads), H = D(c.keyDim), Hv = D(c.effectiveValueDim());
        const double out = D(outputWidth(spec, d));
        floats += D(d.B) * (2 * D(d.T) * N * H + D(d.S) * N * (H + Hv)); // projections, scaled query
        if (c.layer == LayerKind::GroupQueryAttention)
            floats += D(d.B) * D(d.S) * N * (H + Hv); // key_repeated, value_repeated
        if (c.useGate)
            floats += 2 * D(d.B) * D(d.T) * N * Hv; // gate, gated_context
        // scores, masked, weights, dropout; the mask and its parts (per head with a rank-4 attention_mask)
        const bool perHead = spec.attentionMask && spec.attentionMask->rank() == 4;
        floats += scoresSize * (N * 4 + (perHead ? 2 * N : 1) + 4);
        floats += D(d.B) * D(d.T) * (2 * N * Hv + out); // context, concat, output
        floats += c.transformerSublayer ? 2 * D(d.B) * D(d.T) * D(d.dq) : 0.0;
        floats += (D(d.dq) + D(d.dk) + D(d.dv)) * N * (H + Hv) + N * Hv * out; // weights
    } else {
        floats += scoresSize * 6 + D(d.B) * D(d.T) * D(d.dv) * 2;
    }
    // The backward pass (spec.json "backward") adds a gradient per step and
    // weight, and the dropout mask it redraws: a little more than the forward pass.
    if (spec.backward)
        floats *= 2.25;
    // The trace keeps the copies the UI and CLI hold; count one spare copy.
    return floats * 4.0 * 2.0;
}

namespace {

// The constructor arguments: Keras' own checks, with its messages.
void validateConfig(const LayerConfig& c) {
    const bool mha = c.layer == LayerKind::MultiHeadAttention;
    const bool gqa = c.layer == LayerKind::GroupQueryAttention;
    const bool heads = hasHeads(c.layer);
    const std::string layer = layerName(c.layer);
    if (gqa) {
        if (c.keyDim <= 0)
            fail("config.head_dim", "head_dim must be a positive integer." + received("head_dim", c.keyDim));
        if (c.numHeads <= 0)
            fail("config.num_query_heads",
                 "num_query_heads must be a positive integer." + received("num_query_heads", c.numHeads));
        if (c.numKeyValueHeads <= 0 || c.numHeads % c.numKeyValueHeads != 0) {
            std::string choices;
            for (int k = 1; k <= c.numHeads; ++k)
                if (c.numHeads % k == 0)
                    choices += (choices.empty() ? "" : ", ") + std::to_string(k);
            fail("config.num_key_value_heads",
                 "`num_query_heads` must be divisible by `num_key_value_heads`: with num_query_heads=" +
                     std::to_string(c.numHeads) + ", num_key_value_heads may be " + choices + "." +
                     received("num_key_value_heads", c.numKeyValueHeads));
        }
        if (c.valueDim || c.outputShape)
            fail(c.valueDim ? "config.value_dim" : "config.output_shape",
                 "GroupQueryAttention has no value_dim or output_shape: values use head_dim and the output has "
                 "the query's width.");
        if (c.transformerSublayer)
            fail("config.transformer_sublayer",
                 "The Transformer sub-layer (Add & LayerNormalization) follows MultiHeadAttention only." +
                     received("layer", layer));
    } else if (mha) {
        if (c.numHeads <= 0)
            fail("config.num_heads", "num_heads must be a positive integer." + received("num_heads", c.numHeads));
        if (c.keyDim <= 0)
            fail("config.key_dim", "key_dim must be a positive integer." + received("key_dim", c.keyDim));
        if (c.valueDim && *c.valueDim <= 0)
            fail("config.value_dim",
                 "value_dim must be a positive integer or None." + received("value_dim", *c.valueDim));
        if (c.outputShape && *c.outputShape <= 0)
            fail("config.output_shape",
                 "output_shape must be a positive integer or None." + received("output_shape", *c.outputShape));
    } else if (c.transformerSublayer) {
        fail("config.transformer_sublayer",
             "The Transformer sub-layer (Add & LayerNormalization) follows MultiHeadAttention only." +
                 received("layer", layer));
    }
    if (heads && c.slidingWindow && *c.slidingWindow <= 0)
        fail("config.sliding_window",
             "`sliding_window` must be `None` or a positive integer." + received("sliding_window", *c.slidingWindow));
    if (!heads && (c.slidingWindow || c.useGate))
        fail(c.useGate ? "config.use_gate" : "config.sliding_window",
             layer + " has no " + (c.useGate ? "use_gate" : "sliding_window") +
                 " argument; MultiHeadAttention and GroupQueryAttention have.");
    if (!(c.dropout >= 0.0f && c.dropout < 1.0f))
        fail("config.dropout", "dropout must be a rate in [0, 1)." + received("dropout", std::to_string(c.dropout)));
}

// The sizes used where a tensor is not given.
void validateShapes(const Spec& spec) {
    const Shapes& sh = spec.shapes;
    auto positive = [](Index v, const std::string& field, const std::string& what) {
        if (v <= 0)
            fail("shapes." + field, what + " must be positive." + received(field, v));
    };
    if (!spec.query && !spec.value && !spec.key && spec.queryTokens.empty())
        positive(sh.batch, "batch", "The batch size");
    if (!spec.query && spec.queryTokens.empty())
        positive(sh.queryLen, "query_len", "The query length");
    if (!spec.query)
        positive(sh.queryFeatures, "query_features", "The query width");
    if (!spec.value && spec.sourceTokens.empty())
        positive(sh.sourceLen, "source_len", "The source (key/value) length");
    if (!spec.value)
        positive(sh.valueFeatures, "value_features", "The value width");
    if (!spec.key && sh.keyFeatures)
        positive(*sh.keyFeatures, "key_features", "The key width");
}

// The input tensors: ranks, batch and length agreement, tokens, widths.
void validateInputs(const Spec& spec, const Dims& d) {
    const LayerConfig& c = spec.config;
    const std::string layer = layerName(c.layer);
    auto nonEmpty = [](const std::optional<Tensor>& t, const std::string& name) {
        if (t)
            for (Index a = 0; a < 3; ++a)
                if (t->dim(a) == 0)
                    fail("inputs." + name, "The " + name + " is empty: every dimension must be at least 1." +
                                               received(name + ".shape", shapeString(t->shape())));
    };
    nonEmpty(spec.query, "query");
    nonEmpty(spec.value, "value");
    nonEmpty(spec.key, "key");
    if (spec.value && spec.value->dim(0) != d.B)
        fail("inputs.value", "The value's batch size must match the query's (" + std::to_string(d.B) + ")." +
                                 received("value.shape", shapeString(spec.value->shape())));
    if (spec.key) {
        if (spec.key->dim(0) != d.B)
            fail("inputs.key", "The key's batch size must match the query's (" + std::to_string(d.B) + ")." +
                                   received("key.shape", shapeString(spec.key->shape())));
        if (spec.key->dim(1) != d.S)
            fail("inputs.key", "key and value must have the same length (source_len = " + std::to_string(d.S) + ")." +
                                   received("key.shape", shapeString(spec.key->shape())));
    }
    if (!spec.queryTokens.empty() && spec.query && spec.query->dim(1) != static_cast<Index>(spec.queryTokens.size()))
        fail("tokens.query", "There must be one query token per query row (" + std::to_string(d.T) + ")." +
                                 received("tokens", std::to_string(spec.queryTokens.size())));
    if (!spec.sourceTokens.empty() && spec.value && spec.value->dim(1) != static_cast<Index>(spec.sourceTokens.size()))
        fail("tokens.source", "There must be one source token per value row (" + std::to_string(d.S) + ")." +
                                  received("tokens", std::to_string(spec.sourceTokens.size())));
    if (!hasHeads(c.layer) && d.dq != d.dk) {
        const std::string kname = d.hasKey ? "key" : "value (used as key)";
        fail(spec.query ? "inputs.query" : "shapes.query_features",
             layer + " has no projections, so the query and the " + kname + " must have the same last dimension." +
                 received("query_features", d.dq) + ", " + (d.hasKey ? "key_features=" : "value_features=") +
                 std::to_string(d.dk),
             {d.hasKey ? (spec.key ? "inputs.key" : "shapes.key_features")
                       : (spec.value ? "inputs.value" : "shapes.value_features")});
    }
    if (c.layer == LayerKind::MultiHeadAttention && c.transformerSublayer && outputWidth(spec, d) != d.dq)
        fail("config.output_shape",
             "The residual Add needs the output width to equal the query width (" + std::to_string(d.dq) + ")." +
                 received("output_shape", outputWidth(spec, d)),
             {"config.transformer_sublayer", spec.query ? "inputs.query" : "shapes.query_features"});
}

// attention_mask: Keras expands a lower-rank mask from the heads axis: [T,S]
// and [B,T,S] apply to every head, [B,N,T,S] is one mask per head. A batch
// or head axis of 1 broadcasts.
void validateAttentionMask(const Spec& spec, const Dims& d) {
    const Tensor& m = *spec.attentionMask;
    const bool gqa = spec.config.layer == LayerKind::GroupQueryAttention;
    const Index N = spec.config.numHeads;
    const int r = m.rank();
    bool ok = r >= 2 && r <= 4 && m.dim(r - 2) == d.T && m.dim(r - 1) == d.S;
    if (ok && r >= 3)
        ok = m.dim(0) == d.B || m.dim(0) == 1;
    if (ok && r == 4)
        ok = m.dim(1) == N || m.dim(1) == 1;
    const std::string nName = gqa ? "num_query_heads" : "num_heads";
    if (!ok) {
        std::string why =
            r < 2 || r > 4 ? "The attention_mask must have rank 2, 3 or 4: "
            : (r == 4 && (m.dim(1) != N && m.dim(1) != 1) && m.dim(2) == d.T && m.dim(3) == d.S)
                ? "The attention_mask's head axis must be " + std::to_string(N) + " (" + nName + ") or 1: "
                : "The attention_mask must have shape ";
        fail("masks.attention_mask", why + "(query_len, source_len) = " + shapeString({d.T, d.S}) +
                                         ", (batch, query_len, source_len) = " + shapeString({d.B, d.T, d.S}) +
                                         " or (batch, " + nName +
                                         ", query_len, source_len) = " + shapeString({d.B, N, d.T, d.S}) + "." +
                                         received("attention_mask.shape", shapeString(m.shape())));
    }
    // Keras 3.16 ANDs a [B, N, T, S] attention_mask with the padding masks'
    // [B, T, S] by broadcasting from the right: the padding mask's batch axis
    // meets the mask's head axis (_compute_attention_mask). With B = N batch
    // b's padding lands on head b of every batch row; otherwise it raises.
    const bool padding = spec.queryMask || spec.valueMask || spec.keyMask;
    if (r == 4 && padding) {
        const char* which = spec.queryMask ? "query_mask" : spec.valueMask ? "value_mask" : "key_mask";
        fail("masks.attention_mask",
             std::string("A per-head (rank-4) attention_mask cannot be combined with a ") + which +
                 ": Keras 3.16 broadcasts the padding mask's batch axis against the attention_mask's head axis "
                 "(with batch = " +
                 nName +
                 ", batch b's padding lands on head b; otherwise Keras raises). Fold the padding into the "
                 "attention_mask, or give it with rank 2 or 3." +
                 received("attention_mask.shape", shapeString(m.shape())),
             {std::string("masks.") + which});
    }
}

// The masks: shapes, and which layer takes which.
void validateMasks(const Spec& spec, const Dims& d) {
    const bool heads = hasHeads(spec.config.layer);
    const std::string layer = layerName(spec.config.layer);
    checkMask(spec.queryMask, "query_mask", {d.B, d.T}, "(batch, query_len)");
    checkMask(spec.valueMask, "value_mask", {d.B, d.S}, "(batch, source_len)");
    if (spec.keyMask && !heads)
        fail("masks.key_mask", layer + " takes masks [query_mask, value_mask] only; key_mask is a "
                                       "MultiHeadAttention and GroupQueryAttention argument.");
    checkMask(spec.keyMask, "key_mask", {d.B, d.S}, "(batch, source_len)");
    if (spec.attentionMask && !heads)
        fail("masks.attention_mask", layer + " has no attention_mask argument; use value_mask and "
                                             "use_causal_mask, or MultiHeadAttention.");
    if (spec.attentionMask)
        validateAttentionMask(spec, d);
}

// Given weights: every one the layer owns (when a file gave them), none else, each of its shape.
void validateWeights(const Spec& spec, const Dims& d) {
    const std::string layer = layerName(spec.config.layer);
    const auto expected = weightShapes(spec, d);
    if (spec.weightsGiven)
        for (const auto& [name, shape] : expected)
            if (!spec.weights.count(name))
                fail("weights." + name, "The weights file has no '" + name + "', which " + layer +
                                            " owns with these settings (shape " + shapeString(shape) +
                                            "). Nothing is initialised when a weights file is given.");
    for (const auto& [name, t] : spec.weights) {
        const auto it = expected.find(name);
        if (it == expected.end()) {
            std::string names;
            for (const auto& e : expected)
                names += (names.empty() ? "" : ", ") + e.first;
            fail("weights." + name,
                 "Unexpected weight '" + name + "' in the weights for " + layer +
                     " with these settings. Expected: " + (names.empty() ? std::string("no weights") : names) + ".");
        }
        if (t.shape() != it->second)
            fail("weights." + name, "Weight '" + name + "' must have shape " + shapeString(it->second) + "." +
                                        received(name + ".shape", shapeString(t.shape())));
    }
}

} // namespace

void validate(const Spec& spec, const SpecLimits& limits) {
    validateConfig(spec.config);
    validateShapes(spec);
    checkRank3(spec.query, "query", "(batch, query_len, query_features)");
    checkRank3(spec.value, "value", "(batch, source_len, value_features)");
    checkRank3(spec.key, "key", "(batch, source_len, key_features)");
    const Dims d = dimsOf(spec);
    validateInputs(spec, d);
    validateMasks(spec, d);
    // Memory before anything that depends on huge sizes is used.
    const double need = estimateTraceBytes(spec);
    if (!(need <= double(limits.maxBytes)))
        fail("shapes", "This layer's trace would need about " + fmtBytes(need) + " of memory, more than the limit of " +
                           fmtBytes(double(limits.maxBytes)) + ". Use smaller sizes (or raise --max-memory).");
    validateWeights(spec, d);
}

namespace {

// One input the spec does not give: token embeddings, or normal draws of
// stream 1 (query), 2 (value) or 3 (key); cache, when given, keeps it.
Tensor drawInput(const Spec& spec, const std::vector<std::string>& tokens, Index B, Index L, Index width,
                 std::uint64_t stream) {
    if (!tokens.empty() && B == 1)
        return embedTokens(tokens, width, spec.seed);
    if (!tokens.empty()) { // same token rows in every batch entry
        const Tensor one = embedTokens(tokens, width, spec.seed);
        Tensor t({B, L, width});
        for (Index b = 0; b < B; ++b)
            std::copy(one.values().begin(), one.values().end(), t.values().begin() + b * L * width);
        return t;
    }
    return randomNormal({B, L, width}, spec.seed, stream);
}

ResolvedInputs
resolveWith(const Spec& spec,
            const std::function<Tensor(const std::vector<std::string>&, Index, Index, std::uint64_t)>& draw) {
    const Dims d = dimsOf(spec);
    ResolvedInputs in;
    in.query = spec.query ? *spec.query : draw(spec.queryTokens, d.T, d.dq, 1);
    in.value = spec.value ? *spec.value : draw(spec.sourceTokens, d.S, d.dv, 2);
    if (spec.key)
        in.key = *spec.key;
    else if (spec.shapes.keyFeatures)
        in.key = draw(spec.sourceTokens, d.S, d.dk, 3);
    return in;
}

} // namespace

ResolvedInputs resolveInputs(const Spec& spec) {
    const Index B = dimsOf(spec).B;
    return resolveWith(spec, [&](const std::vector<std::string>& tokens, Index L, Index width, std::uint64_t stream) {
        return drawInput(spec, tokens, B, L, width, stream);
    });
}

ResolvedInputs InputCache::resolve(const Spec& spec) {
    const Index B = dimsOf(spec).B;
    return resolveWith(spec, [&](const std::vector<std::string>& tokens, Index L, Index width, std::uint64_t stream) {
        std::optional<Entry>& e = m_entries[stream - 1];
        {
            const std::lock_guard lock(m_mutex);
            if (e && e->seed == spec.seed && e->batch == B && e->length == L && e->width == width &&
                e->tokens == tokens)
                return e->value; // a copy: the trace owns its inputs
        }
        Tensor t = drawInput(spec, tokens, B, L, width, stream);
        const std::lock_guard lock(m_mutex);
        e = Entry{tokens, B, L, width, spec.seed, t};
        return t;
    });
}

std::map<std::string, Shape> expectedWeightShapes(const Spec& spec) {
    return weightShapes(spec, dimsOf(spec));
}

std::map<std::string, Tensor> resolveWeights(const Spec& spec) {
    const Dims d = dimsOf(spec);
    std::map<std::string, Tensor> w;
    std::uint64_t stream = 100;
    for (const auto& [name, shape] : weightShapes(spec, d)) {
        ++stream;
        if (const auto it = spec.weights.find(name); it != spec.weights.end()) {
            w[name] = it->second;
            continue;
        }
        const bool isKernel = name.ends_with("/kernel");
        if (isKernel) {
            // EinsumDense's fans: input projections (din, N, H): fan_in = din,
            // fan_out = N·H; output projection (N, Hv, out): fan_in = N·Hv.
            const bool output = name == "output_dense/kernel"; // gate_dense is an input projection too
            const double fanIn = output ? double(shape[0] * shape[1]) : double(shape[0]);
            const double fanOut = output ? double(shape[2]) : double(shape[1] * shape[2]);
            w[name] = glorotUniform(shape, fanIn, fanOut, spec.seed, stream);
        } else if (name == "scale" && spec.config.layer == LayerKind::AdditiveAttention) {
            w[name] = glorotUniform(shape, double(shape[0]), double(shape[0]), spec.seed, stream);
        } else if (name == "scale" || name == "concat_score_weight" || name == "layer_norm/gamma") {
            Tensor ones(shape);
            std::fill(ones.values().begin(), ones.values().end(), 1.0f);
            w[name] = std::move(ones);
        } else {
            w[name] = Tensor(shape); // biases, beta: zeros
        }
    }
    return w;
}

std::vector<std::string> maskWarnings(const Spec& spec) {
    std::vector<std::string> out;
    const bool onlyAttentionMask = spec.config.layer == LayerKind::GroupQueryAttention && spec.attentionMask &&
                                   !spec.queryMask && !spec.valueMask && !spec.keyMask && !spec.call.useCausalMask &&
                                   !spec.config.slidingWindow;
    auto check = [&](const std::optional<Tensor>& m, const std::string& name) {
        if (!m)
            return;
        Index other = 0;
        float example = 0;
        for (float v : m->values())
            if (v != 0.0f && v != 1.0f) {
                if (other++ == 0)
                    example = v;
            }
        if (other == 0)
            return;
        std::ostringstream os;
        os << name << " holds " << other << " value" << (other == 1 ? "" : "s") << " other than 0 and 1 (e.g. "
           << example << "). ";
        if (name == "attention_mask" && onlyAttentionMask)
            os << "GroupQueryAttention hands an attention_mask that is the only mask source to its Softmax "
                  "uncast, which keeps the values > 0.5 only: that is what is computed here.";
        else
            os << layerName(spec.config.layer)
               << " casts masks to bool, so every nonzero value counts as True (Keras' Softmax alone would keep "
                  "only values > 0.5).";
        out.push_back(os.str());
    };
    check(spec.queryMask, "query_mask");
    check(spec.valueMask, "value_mask");
    check(spec.keyMask, "key_mask");
    check(spec.attentionMask, "attention_mask");
    return out;
}

Trace run(const Spec& spec, const SpecLimits& limits, InputCache* inputs) {
    validate(spec, limits);
    ResolvedInputs in = inputs ? inputs->resolve(spec) : resolveInputs(spec);
    auto w = resolveWeights(spec);
    Trace trace = hasHeads(spec.config.layer) ? detail::multiHeadAttention(spec, std::move(in), std::move(w))
                  : spec.config.layer == LayerKind::AdditiveAttention
                      ? detail::additiveAttention(spec, std::move(in), std::move(w))
                      : detail::attention(spec, std::move(in), std::move(w));
    if (spec.backward) // the backward pass's steps follow the forward ones (core/layers/backward.h)
        appendBackward(trace, spec, spec.backward->outputGrad.value_or(Tensor()));
    trace.warnings = maskWarnings(spec);
    if (spec.config.notKerasUnscaled && hasHeads(spec.config.layer))
        trace.warnings.push_back("not Keras: 1/√key_dim is turned off (the 1/√dₖ lab's switch), so the scores are "
                                 "the raw q·k");
    return trace;
}

namespace detail {

Trace newTrace(const Spec& spec, Weights weights) {
    Trace trace;
    trace.layer = layerName(spec.config.layer);
    trace.steps.reserve(kMaxSteps);
    trace.params = std::move(weights);
    return trace;
}

void addInputs(Trace& trace, ResolvedInputs in, const InputNotes& notes) {
    const bool hasKey = in.key.has_value();
    addInputStep(trace, "query", "Query input", notes.query, std::move(in.query), queryRows());
    trace.steps.back().label = "Query input";
    if (hasKey) {
        addInputStep(trace, "key", "Key input", notes.key, std::move(*in.key), sourceRows());
        trace.steps.back().label = "Key input";
    }
    addInputStep(trace, "value", "Value input", hasKey ? notes.value : notes.valueAsKey, std::move(in.value),
                 sourceRows());
    trace.steps.back().label = "Value input";
}

Step& addStep(Trace& trace, Step step) {
    step.bytes = 4.0 * double(step.value.size());
    step.display = describeStep(trace, step);
    trace.steps.push_back(std::move(step));
    runCheckpoint(); // count the step; stop here when the caller cancelled (core/run_control.h)
    return trace.steps.back();
}

void addInputStep(Trace& trace, const std::string& key, const std::string& title, const std::string& explanation,
                  Tensor value, std::vector<Axis> axes, bool booleanMask) {
    addStep(trace, Step{.key = key,
                        .title = title,
                        .explanation = explanation,
                        .op = OpKind::Input,
                        .axes = std::move(axes),
                        .value = std::move(value),
                        .booleanMask = booleanMask});
}

std::string addDropoutStep(Trace& trace, const Spec& spec, const std::string& note, const std::string& kerasCode) {
    const float rate = spec.config.dropout;
    if (!spec.call.training || rate <= 0.0f)
        return "weights";
    const Step& weights = *trace.find("weights");
    Tensor D = weights.value;
    dropoutInPlace(D, rate, spec.seed);
    std::ostringstream r;
    r << rate;
    addStep(trace, Step{
                       .key = "dropout",
                       .title = "Dropout on the weights",
                       .explanation = "In training, each weight is set to 0 with probability " + r.str() +
                                      " and the kept ones are divided by 1 − rate, so each row still sums to 1 on "
                                      "average. " +
                                      note,
                       .op = OpKind::Dropout,
                       .inputs = {"weights"},
                       .formula = "P̂ = P · keep / (1 − rate),  keep ~ Bernoulli(1 − rate)",
                       .kerasCode = kerasCode,
                       .axes = weights.axes,
                       .value = std::move(D),
                       .flops = 2.0 * double(weights.value.size()),
                       .label = "Dropout",
                   });
    return "dropout";
}

std::string fmtInt(Index v) {
    return std::to_string(v);
}

Tensor castMask(const Tensor& m) {
    Tensor out = m;
    for (float& v : out.values())
        v = v != 0.0f ? 1.0f : 0.0f;
    return out;
}

} // namespace detail

void dropoutInPlace(Tensor& t, float rate, std::uint64_t seed) {
    Rng rng(seed ^ 0xD40F0D40F0ULL);
    const float keep = 1.0f - rate;
    for (float& v : t.values())
        v = rng.uniform() < double(keep) ? v / keep : 0.0f;
}

} // namespace attnviz::core
