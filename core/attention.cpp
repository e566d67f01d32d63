// The single entry point of the core: validate a Spec (Keras-style messages
// naming the field), resolve what it leaves out (inputs from the seed or the
// tokens, Keras' default initializers) and dispatch to the layer.
#include "attention.h"

#include "layers.h"
#include "step_display.h"
#include "random.h"

#include <cmath>
#include <sstream>

namespace attnviz::core {

namespace {

struct Dims {
    Index B = 0, T = 0, S = 0, dq = 0, dv = 0, dk = 0;
    bool hasKey = false;
};

[[noreturn]] void fail(const std::string& field, const std::string& msg) {
    throw SpecError(field, msg);
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
    return s.config.outputShape.value_or(static_cast<int>(d.dq));
}

// The weights each layer owns, with their shapes (trace-format.md).
std::map<std::string, Shape> weightShapes(const Spec& s, const Dims& d) {
    std::map<std::string, Shape> w;
    const LayerConfig& c = s.config;
    switch (c.layer) {
    case LayerKind::MultiHeadAttention: {
        const Index N = c.numHeads, H = c.keyDim, Hv = c.effectiveValueDim(), out = outputWidth(s, d);
        w["query_dense/kernel"] = {d.dq, N, H};
        w["key_dense/kernel"] = {d.dk, N, H};
        w["value_dense/kernel"] = {d.dv, N, Hv};
        w["output_dense/kernel"] = {N, Hv, out};
        if (c.useBias) {
            w["query_dense/bias"] = {N, H};
            w["key_dense/bias"] = {N, H};
            w["value_dense/bias"] = {N, Hv};
            w["output_dense/bias"] = {out};
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
    if (c.layer == LayerKind::MultiHeadAttention) {
        const double N = D(c.numHeads), H = D(c.keyDim), Hv = D(c.effectiveValueDim());
        const double out = D(outputWidth(spec, d));
        floats += D(d.B) * (2 * D(d.T) * N * H + D(d.S) * N * (H + Hv)); // projections, scaled query
        floats += scoresSize * (N * 4 + 1);                              // scores, masked, weights, dropout, mask
        floats += D(d.B) * D(d.T) * (2 * N * Hv + out);                  // context, concat, output
        floats += c.transformerSublayer ? 2 * D(d.B) * D(d.T) * D(d.dq) : 0.0;
        floats += (D(d.dq) + D(d.dk) + D(d.dv)) * N * (H + Hv) + N * Hv * out; // weights
    } else {
        floats += scoresSize * 6 + D(d.B) * D(d.T) * D(d.dv) * 2;
    }
    // The trace keeps the copies the UI and CLI hold; count one spare copy.
    return floats * 4.0 * 2.0;
}

void validate(const Spec& spec, const SpecLimits& limits) {
    const LayerConfig& c = spec.config;
    const bool mha = c.layer == LayerKind::MultiHeadAttention;
    const std::string layer = layerName(c.layer);

    // --- constructor arguments ----------------------------------------------
    if (mha) {
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
    if (!(c.dropout >= 0.0f && c.dropout < 1.0f))
        fail("config.dropout", "dropout must be a rate in [0, 1)." + received("dropout", std::to_string(c.dropout)));

    // --- sizes used where a tensor is not given --------------------------------
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

    // --- input tensors -----------------------------------------------------------
    checkRank3(spec.query, "query", "(batch, query_len, query_features)");
    checkRank3(spec.value, "value", "(batch, source_len, value_features)");
    checkRank3(spec.key, "key", "(batch, source_len, key_features)");
    const Dims d = dimsOf(spec);
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
    if (!mha && d.dq != d.dk) {
        const std::string kname = d.hasKey ? "key" : "value (used as key)";
        fail(spec.query ? "inputs.query" : "shapes.query_features",
             layer + " has no projections, so the query and the " + kname + " must have the same last dimension." +
                 received("query_features", d.dq) + ", " + (d.hasKey ? "key_features=" : "value_features=") +
                 std::to_string(d.dk));
    }
    if (mha && c.transformerSublayer && outputWidth(spec, d) != d.dq)
        fail("config.output_shape", "The residual Add needs the output width to equal the query width (" +
                                        std::to_string(d.dq) + ")." + received("output_shape", outputWidth(spec, d)));

    // --- masks ---------------------------------------------------------------------
    checkMask(spec.queryMask, "query_mask", {d.B, d.T}, "(batch, query_len)");
    checkMask(spec.valueMask, "value_mask", {d.B, d.S}, "(batch, source_len)");
    if (spec.keyMask && !mha)
        fail("masks.key_mask", layer + " takes masks [query_mask, value_mask] only; key_mask is a "
                                       "MultiHeadAttention argument.");
    checkMask(spec.keyMask, "key_mask", {d.B, d.S}, "(batch, source_len)");
    if (spec.attentionMask && !mha)
        fail("masks.attention_mask", layer + " has no attention_mask argument; use value_mask and "
                                             "use_causal_mask, or MultiHeadAttention.");
    checkMask(spec.attentionMask, "attention_mask", {d.B, d.T, d.S}, "(batch, query_len, source_len)");

    // --- memory (before shapes that depend on huge sizes are used) ---------------
    const double need = estimateTraceBytes(spec);
    if (!(need <= double(limits.maxBytes)))
        fail("shapes", "This layer's trace would need about " + fmtBytes(need) + " of memory, more than the limit of " +
                           fmtBytes(double(limits.maxBytes)) + ". Use smaller sizes (or raise --max-memory).");

    // --- weights ---------------------------------------------------------------------
    const auto expected = weightShapes(spec, d);
    for (const auto& [name, t] : spec.weights) {
        const auto it = expected.find(name);
        if (it == expected.end()) {
            std::string names;
            for (const auto& e : expected)
                names += (names.empty() ? "" : ", ") + e.first;
            fail("weights." + name,
                 "Unexpected weight '" + name + "' for " + layer +
                     " with these settings. Expected: " + (names.empty() ? std::string("no weights") : names) + ".");
        }
        if (t.shape() != it->second)
            fail("weights." + name, "Weight '" + name + "' must have shape " + shapeString(it->second) + "." +
                                        received(name + ".shape", shapeString(t.shape())));
    }
}

ResolvedInputs resolveInputs(const Spec& spec) {
    const Dims d = dimsOf(spec);
    ResolvedInputs in;
    auto draw = [&](const std::vector<std::string>& tokens, Index L, Index width, std::uint64_t stream) {
        if (!tokens.empty() && d.B == 1)
            return embedTokens(tokens, width, spec.seed);
        if (!tokens.empty()) { // same token rows in every batch entry
            const Tensor one = embedTokens(tokens, width, spec.seed);
            Tensor t({d.B, L, width});
            for (Index b = 0; b < d.B; ++b)
                std::copy(one.values().begin(), one.values().end(), t.values().begin() + b * L * width);
            return t;
        }
        return randomNormal({d.B, L, width}, spec.seed, stream);
    };
    in.query = spec.query ? *spec.query : draw(spec.queryTokens, d.T, d.dq, 1);
    in.value = spec.value ? *spec.value : draw(spec.sourceTokens, d.S, d.dv, 2);
    if (spec.key)
        in.key = *spec.key;
    else if (spec.shapes.keyFeatures)
        in.key = draw(spec.sourceTokens, d.S, d.dk, 3);
    return in;
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
            const bool output = name == "output_dense/kernel";
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

Trace run(const Spec& spec, const SpecLimits& limits) {
    validate(spec, limits);
    ResolvedInputs in = resolveInputs(spec);
    auto w = resolveWeights(spec);
    if (spec.config.layer == LayerKind::MultiHeadAttention)
        return detail::multiHeadAttention(spec, std::move(in), std::move(w));
    return detail::dotOrAdditiveAttention(spec, std::move(in), std::move(w));
}

namespace detail {

Step& addStep(Trace& trace, Step step) {
    step.bytes = 4.0 * double(step.value.size());
    step.display = describeStep(trace, step);
    trace.steps.push_back(std::move(step));
    return trace.steps.back();
}

void addInputStep(Trace& trace, const std::string& key, const std::string& title, const std::string& explanation,
                  Tensor value, std::vector<std::string> axes) {
    addStep(trace, Step{.key = key,
                        .title = title,
                        .explanation = explanation,
                        .op = OpKind::Input,
                        .axes = std::move(axes),
                        .value = std::move(value)});
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
                   });
    return "dropout";
}

void dropoutInPlace(Tensor& t, float rate, std::uint64_t seed) {
    Rng rng(seed ^ 0xD40F0D40F0ULL);
    const float keep = 1.0f - rate;
    for (float& v : t.values())
        v = rng.uniform() < double(keep) ? v / keep : 0.0f;
}

std::string fmtInt(Index v) {
    return std::to_string(v);
}

} // namespace detail

} // namespace attnviz::core
