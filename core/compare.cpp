// The compare variants and the equivalence checks (see compare.h). Each
// variant and each identity is one builder function in a table; the maths is
// core::run's, this file only sets up specs and measures differences.
#include "compare.h"

#include "attention.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace attnviz::core {

double maxAbsDiff(const Tensor& a, const Tensor& b) {
    if (a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double m = 0;
    for (Index i = 0; i < a.size(); ++i)
        m = std::max(m, std::fabs(double(a.data()[i]) - double(b.data()[i])));
    return m;
}

namespace {

/// What every builder starts from: the user's spec and its resolved inputs.
struct Base {
    const Spec& user;
    ResolvedInputs in;
    Spec spec; // the resolved inputs, shapes, tokens and causal flag; inference
    Index dq = 0, dk = 0, dv = 0;
    bool sameWidth() const { return dq == dk; }
};

Base makeBase(const Spec& user) {
    validate(user);
    Base b{.user = user, .in = resolveInputs(user), .spec = {}};
    Spec& s = b.spec;
    s.seed = user.seed;
    s.query = b.in.query; // (B, T, dq)
    s.value = b.in.value; // (B, S, dv)
    s.key = b.in.key;     // (B, S, dk) or absent
    s.shapes.batch = b.in.query.dim(0);
    s.shapes.queryLen = b.in.query.dim(1);
    s.shapes.sourceLen = b.in.value.dim(1);
    s.shapes.queryFeatures = b.in.query.dim(2);
    s.shapes.valueFeatures = b.in.value.dim(2);
    if (b.in.key)
        s.shapes.keyFeatures = b.in.key->dim(2);
    s.queryTokens = user.queryTokens;
    s.sourceTokens = user.sourceTokens;
    s.call.useCausalMask = user.call.useCausalMask;
    s.call.training = false;
    b.dq = b.in.query.dim(2);
    b.dv = b.in.value.dim(2);
    b.dk = b.in.key ? b.in.key->dim(2) : b.dv;
    return b;
}

Tensor scalar(float v) {
    return Tensor(Shape{}, {v});
}

/// Attention / AdditiveAttention on the base inputs with the user's
/// [query_mask, value_mask] (they take no key or attention mask).
Spec attentionSpec(const Base& b, LayerKind layer) {
    Spec s = b.spec;
    s.config.layer = layer;
    s.queryMask = b.user.queryMask;
    s.valueMask = b.user.valueMask;
    return s;
}

/// MultiHeadAttention(num_heads=1, key_dim=d, identity projections,
/// use_bias=False): the projections change nothing.
Spec identityMha(const Base& b) {
    auto identity = [](Index in, Index mid, Index out) { // [in, mid, out], ones on the (in·mid) × out diagonal
        Tensor t(Shape{in, mid, out});
        for (Index i = 0; i < std::min(in * mid, out); ++i)
            t.data()[i * out + i] = 1.0f;
        return t;
    };
    Spec s = b.spec;
    s.config.layer = LayerKind::MultiHeadAttention;
    s.config.numHeads = 1;
    s.config.keyDim = int(b.dq);
    s.config.valueDim = int(b.dv);
    s.config.useBias = false;
    s.config.outputShape = int(b.dv);
    s.weights["query_dense/kernel"] = identity(b.dq, 1, b.dq);
    s.weights["key_dense/kernel"] = identity(b.dk, 1, b.dq);
    s.weights["value_dense/kernel"] = identity(b.dv, 1, b.dv);
    s.weights["output_dense/kernel"] = identity(1, b.dv, b.dv);
    return s;
}

/// Attention(use_scale=True) with its scale set to 1/√d (Keras starts it at 1).
Spec scaledDot(const Base& b) {
    Spec s = attentionSpec(b, LayerKind::Attention);
    s.config.useScale = true;
    s.weights["scale"] = scalar(float(1.0 / std::sqrt(double(b.dq))));
    return s;
}

std::string widthMessage(const Base& b) {
    return "Attention and AdditiveAttention add or multiply query and key feature by feature, so they need the same "
           "width. Here the query has " +
           std::to_string(b.dq) + " features and the key " + std::to_string(b.dk) +
           ". MultiHeadAttention projects both to key_dim, so it has no such limit.";
}

// --- Variants -----------------------------------------------------------

using VariantBuilder = std::function<CompareVariant(const Base&)>;

CompareVariant attentionVariant(const Base& b, std::string id, std::string label, Spec s, bool whatIf = false) {
    CompareVariant v{.id = std::move(id), .label = std::move(label), .whatIf = whatIf, .spec = std::move(s)};
    if (!b.sameWidth())
        v.error = widthMessage(b);
    return v;
}

const std::vector<VariantBuilder>& variantBuilders() {
    static const std::vector<VariantBuilder> builders = {
        [](const Base& b) { return attentionVariant(b, "dot", "Attention()", attentionSpec(b, LayerKind::Attention)); },
        [](const Base& b) {
            return attentionVariant(b, "scaled_dot",
                                    "Attention(use_scale=True), what-if: scale set to 1/√" + std::to_string(b.dq) +
                                        " (Keras starts it at 1)",
                                    scaledDot(b), true);
        },
        [](const Base& b) {
            Spec s = attentionSpec(b, LayerKind::Attention);
            s.config.scoreMode = ScoreMode::Concat;
            return attentionVariant(b, "concat", "Attention(score_mode=\"concat\")", std::move(s));
        },
        [](const Base& b) {
            Spec s = attentionSpec(b, LayerKind::AdditiveAttention);
            s.config.useScale = true;
            // The user's trained or typed scale, when the user's layer has one.
            if (b.user.config.layer == LayerKind::AdditiveAttention)
                if (auto it = b.user.weights.find("scale"); it != b.user.weights.end())
                    s.weights["scale"] = it->second;
            return attentionVariant(b, "additive", "AdditiveAttention()", std::move(s));
        },
        [](const Base& b) {
            Spec s = attentionSpec(b, LayerKind::AdditiveAttention);
            s.config.useScale = false;
            return attentionVariant(b, "additive_no_scale", "AdditiveAttention(use_scale=False)", std::move(s));
        },
        [](const Base& b) {
            Spec s = b.spec;
            s.config = b.user.config;
            s.config.layer = LayerKind::MultiHeadAttention;
            s.config.dropout = 0.0f;
            s.queryMask = b.user.queryMask;
            s.valueMask = b.user.valueMask;
            s.keyMask = b.user.keyMask;
            s.attentionMask = b.user.attentionMask;
            if (b.user.config.layer == LayerKind::MultiHeadAttention)
                s.weights = b.user.weights;
            const std::string label = "MultiHeadAttention(num_heads=" + std::to_string(s.config.numHeads) +
                                      ", key_dim=" + std::to_string(s.config.keyDim) + ")";
            return CompareVariant{.id = "mha", .label = label, .spec = std::move(s)};
        },
    };
    return builders;
}

// --- Equivalence checks ---------------------------------------------------

using CheckBuilder = std::function<EquivalenceCheck(const Base&)>;

struct Sides {
    Trace a, b;
};

/// Run both sides; on failure the check says why and is not applicable.
std::optional<Sides> runBoth(EquivalenceCheck& c, const Spec& a, const Spec& b) {
    try {
        return Sides{run(a), run(b)};
    } catch (const std::exception& e) {
        c.applicable = false;
        c.note = e.what();
        return std::nullopt;
    }
}

/// max |Δ| over the weights and output steps of both sides.
double weightsAndOutputDiff(const Sides& s) {
    return std::max(maxAbsDiff(s.a.find("weights")->value, s.b.find("weights")->value),
                    maxAbsDiff(s.a.find("output")->value, s.b.find("output")->value));
}

EquivalenceCheck concatIsAdditive(const Base& b) {
    EquivalenceCheck c{.id = "concat_is_additive",
                       .claim =
                           "Attention(score_mode=\"concat\", use_scale=False) ≡ AdditiveAttention(use_scale=False)",
                       .conditions = "query width = key width; concat_score_weight = 1 (its Keras initial value)"};
    if (!b.sameWidth()) {
        c.note = "not met: the query has " + std::to_string(b.dq) + " features, the key " + std::to_string(b.dk);
        return c;
    }
    Spec a = attentionSpec(b, LayerKind::Attention);
    a.config.scoreMode = ScoreMode::Concat;
    a.config.useScale = false;
    a.weights["concat_score_weight"] = scalar(1.0f);
    Spec d = attentionSpec(b, LayerKind::AdditiveAttention);
    d.config.useScale = false;
    if (auto s = runBoth(c, a, d)) {
        c.applicable = true;
        c.maxAbsDiff = weightsAndOutputDiff(*s);
        c.note = "weights and output, every batch, with the spec's query/value/causal masks";
    }
    return c;
}

EquivalenceCheck scaleStartsAtOne(const Base& b) {
    EquivalenceCheck c{.id = "use_scale_starts_at_one",
                       .claim = "Attention(use_scale=True) as Keras builds it ≡ Attention()",
                       .conditions = "scale = 1, its Keras initial value (it changes only by training)"};
    if (!b.sameWidth()) {
        c.note = "not met: the query has " + std::to_string(b.dq) + " features, the key " + std::to_string(b.dk);
        return c;
    }
    Spec a = attentionSpec(b, LayerKind::Attention);
    a.config.useScale = true; // scale from Keras' initializer: ones
    if (auto s = runBoth(c, a, attentionSpec(b, LayerKind::Attention))) {
        c.applicable = true;
        c.maxAbsDiff = weightsAndOutputDiff(*s);
        c.note = "weights and output, with the spec's query/value/causal masks";
    }
    return c;
}

std::string identityClaim(const Base& b) {
    return "MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, identity projections) ≡ "
           "Attention(use_scale=True) with scale = 1/√d, d = " +
           std::to_string(b.dq);
}

EquivalenceCheck oneHeadIsScaledDot(const Base& b) {
    EquivalenceCheck c{.id = "one_head_mha_is_scaled_dot",
                       .claim = identityClaim(b),
                       .conditions =
                           "query width = key width = d (so identity projections exist); no masks; the what-if scale "
                           "1/√d (Keras starts Attention's scale at 1)"};
    if (!b.sameWidth()) {
        c.note = "not met: the query has " + std::to_string(b.dq) + " features, the key " + std::to_string(b.dk);
        return c;
    }
    Spec m = identityMha(b), d = scaledDot(b);
    m.call.useCausalMask = d.call.useCausalMask = false;
    m.queryMask = d.queryMask = std::nullopt;
    m.valueMask = d.valueMask = std::nullopt;
    if (auto s = runBoth(c, m, d)) {
        c.applicable = true;
        c.maxAbsDiff = weightsAndOutputDiff(*s);
        c.note = "weights and output, masks left out (MultiHeadAttention scales the query before the product, "
                 "Attention the scores after it: equal up to float32 rounding)";
    }
    return c;
}

EquivalenceCheck oneHeadIsScaledDotMasked(const Base& b) {
    EquivalenceCheck c{.id = "one_head_mha_is_scaled_dot_masked",
                       .claim = identityClaim(b) + ", with the value and causal masks, outside fully masked rows",
                       .conditions =
                           "as above, with a value mask or the causal mask; rows where every key is masked differ "
                           "(MultiHeadAttention gives them weight 0, Attention a uniform row: it subtracts 1e9 instead "
                           "of replacing)"};
    if (!b.sameWidth()) {
        c.note = "not met: the query has " + std::to_string(b.dq) + " features, the key " + std::to_string(b.dk);
        return c;
    }
    if (!b.user.valueMask && !b.user.call.useCausalMask) {
        c.note = "not met: the spec has no value mask and no causal mask";
        return c;
    }
    Spec m = identityMha(b), d = scaledDot(b);
    m.valueMask = d.valueMask = b.user.valueMask;
    m.queryMask = d.queryMask = std::nullopt;
    auto s = runBoth(c, m, d);
    if (!s)
        return c;
    const Tensor& mask = s->a.find("mask")->value;  // (B, T, S)
    const Tensor& wa = s->a.find("weights")->value; // (B, 1, T, S)
    const Tensor& wb = s->b.find("weights")->value; // (B, T, S)
    const Tensor& ya = s->a.find("output")->value;  // (B, T, dv)
    const Tensor& yb = s->b.find("output")->value;
    const Index S = mask.dim(2), rows = mask.dim(0) * mask.dim(1), dv = ya.dim(2);
    Index fullyMasked = 0;
    double m2 = 0;
    for (Index r = 0; r < rows; ++r) {
        const float* mr = mask.data() + r * S;
        if (std::all_of(mr, mr + S, [](float v) { return v == 0.0f; })) {
            ++fullyMasked;
            continue;
        }
        for (Index k = 0; k < S; ++k)
            m2 = std::max(m2, std::fabs(double(wa.data()[r * S + k]) - double(wb.data()[r * S + k])));
        for (Index j = 0; j < dv; ++j)
            m2 = std::max(m2, std::fabs(double(ya.data()[r * dv + j]) - double(yb.data()[r * dv + j])));
    }
    c.applicable = true;
    c.maxAbsDiff = m2;
    c.note = fullyMasked == 0 ? "weights and output; no row is fully masked"
                              : "weights and output; fully masked rows left out: " + std::to_string(fullyMasked);
    return c;
}

const std::vector<CheckBuilder>& checkBuilders() {
    static const std::vector<CheckBuilder> builders = {concatIsAdditive, scaleStartsAtOne, oneHeadIsScaledDot,
                                                       oneHeadIsScaledDotMasked};
    return builders;
}

} // namespace

Comparison compare(const Spec& user) {
    const Base b = makeBase(user);
    Comparison out;
    for (const VariantBuilder& build : variantBuilders()) {
        CompareVariant v = build(b);
        if (v.error.empty()) {
            try {
                v.trace = run(v.spec);
            } catch (const std::exception& e) {
                v.error = e.what();
            }
        }
        out.variants.push_back(std::move(v));
    }
    for (const CheckBuilder& check : checkBuilders())
        out.checks.push_back(check(b));
    return out;
}

} // namespace attnviz::core
