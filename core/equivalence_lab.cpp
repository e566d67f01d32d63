// The equivalence lab's claims: the two specs each claim compares, the
// conditions that make it hold, and a step-by-step diff of two traces.
#include "equivalence_lab.h"

#include "attention.h"
#include "random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace attnviz::core {

const char* claimId(Claim claim) {
    switch (claim) {
    case Claim::MhaOneHeadIsAttention: return "mha-attention";
    case Claim::ConcatIsAdditive: return "concat-additive";
    case Claim::GqaIsMha: return "gqa-mha";
    }
    return "mha-attention";
}

std::optional<Claim> claimFromId(const std::string& id) {
    for (Claim c : {Claim::MhaOneHeadIsAttention, Claim::ConcatIsAdditive, Claim::GqaIsMha})
        if (id == claimId(c))
            return c;
    return std::nullopt;
}

std::string claimTitle(Claim claim) {
    switch (claim) {
    case Claim::MhaOneHeadIsAttention: return "MultiHeadAttention(num_heads=1) ≡ Attention(use_scale=True)";
    case Claim::ConcatIsAdditive: return "Attention(score_mode=\"concat\") ≡ AdditiveAttention";
    case Claim::GqaIsMha: return "GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention";
    }
    return {};
}

std::vector<Claim> availableClaims() {
    return {Claim::MhaOneHeadIsAttention, Claim::ConcatIsAdditive, Claim::GqaIsMha};
}

std::vector<ClaimCondition> claimConditions(Claim claim) {
    switch (claim) {
    case Claim::MhaOneHeadIsAttention:
        return {
            {"one_head", "one head: num_heads=1", "num_heads=2, both heads the same: the output is their sum"},
            {"key_dim_is_width", "key_dim = value_dim = the input width E",
             "key_dim = value_dim = E/2: the projections keep only the first E/2 features"},
            {"identity_kernels", "identity query/key/value kernels (EinsumDense)",
             "Keras' glorot_uniform kernels from the seed"},
            {"identity_output", "identity output kernel (output_dense)", "Keras' glorot_uniform kernel from the seed"},
            {"no_bias", "no bias: use_bias=False",
             "use_bias=True with trained-looking biases N(0, 0.5²) (Keras starts biases at 0, which would change "
             "nothing)"},
            {"scale", "Attention's scale = 1/√key_dim (use_scale=True, scale weight set)",
             "Attention(use_scale=False): Luong's dot product, no 1/√dₖ"},
        };
    case Claim::ConcatIsAdditive:
        return {
            {"no_scale", "use_scale=False on both layers",
             "use_scale=True on both, Keras' initial values: Attention's scalar 1 inside the tanh, "
             "AdditiveAttention's glorot vector outside it"},
            {"unit_score_weight", "concat_score_weight = 1 (Keras' initial value)",
             "concat_score_weight = 2, as after training"},
        };
    case Claim::GqaIsMha:
        return {
            {"same_heads", "num_key_value_heads = num_query_heads",
             "num_key_value_heads = 1 (multi-query): every query head reads head 0's keys and values"},
            {"same_kernels", "the same kernels and biases in both layers",
             "GroupQueryAttention initialised from its own seed (seed + 1)"},
        };
    }
    return {};
}

namespace {

bool ticked(const std::vector<std::string>& untick, const char* id) {
    return std::find(untick.begin(), untick.end(), id) == untick.end();
}

// EinsumDense input kernel (din, N, H): every head maps feature i to slot i.
Tensor eyeIn(Index din, Index N, Index H) {
    Tensor t({din, N, H});
    for (Index i = 0; i < std::min(din, H); ++i)
        for (Index n = 0; n < N; ++n)
            t.values()[static_cast<size_t>((i * N + n) * H + i)] = 1.0f;
    return t;
}

// Output kernel (N, Hv, out): every head's slot i goes to feature i.
Tensor eyeOut(Index N, Index Hv, Index out) {
    Tensor t({N, Hv, out});
    for (Index n = 0; n < N; ++n)
        for (Index i = 0; i < std::min(Hv, out); ++i)
            t.values()[static_cast<size_t>((n * Hv + i) * out + i)] = 1.0f;
    return t;
}

Tensor scaled(Tensor t, float f) {
    for (float& v : t.values())
        v *= f;
    return t;
}

Tensor scalar(float v) {
    return Tensor(Shape{}, {v});
}

} // namespace

ClaimSetup buildClaim(Claim claim, const Spec& base, const std::vector<std::string>& untick) {
    ClaimSetup setup;
    setup.claim = claim;
    setup.conditions = claimConditions(claim);
    setup.untick = untick;
    for (const std::string& u : untick)
        if (std::none_of(setup.conditions.begin(), setup.conditions.end(),
                         [&](const ClaimCondition& c) { return c.id == u; }))
            throw std::invalid_argument("Unknown condition '" + u + "' for the claim " + claimId(claim) + ".");

    // Shared inputs: what the base spec resolves to (its sizes, seed, tokens).
    validate(base);
    const ResolvedInputs in = resolveInputs(base);
    const Index E = in.query.dim(2);
    if (in.value.dim(2) != E)
        throw SpecError("shapes.value_features",
                        std::string("The claim ") + claimId(claim) +
                            " runs Attention layers, which add or multiply query and key (= value) features: they "
                            "need the same width. Received: query_features=" +
                            std::to_string(E) + ", value_features=" + std::to_string(in.value.dim(2)));
    Spec common;
    common.seed = base.seed;
    common.shapes = base.shapes;
    common.shapes.keyFeatures.reset();
    common.query = in.query;
    common.value = in.value;
    common.valueMask = base.valueMask;
    common.call.useCausalMask = base.call.useCausalMask;
    common.call.training = false;
    common.queryTokens = base.queryTokens;
    common.sourceTokens = base.sourceTokens;

    if (claim == Claim::MhaOneHeadIsAttention) {
        Spec mha = common;
        LayerConfig& c = mha.config;
        c.layer = LayerKind::MultiHeadAttention;
        c.numHeads = ticked(untick, "one_head") ? 1 : 2;
        c.keyDim = ticked(untick, "key_dim_is_width") ? int(E) : std::max(1, int(E) / 2);
        c.valueDim = c.keyDim;
        c.outputShape.reset();
        c.useBias = !ticked(untick, "no_bias");
        const Index N = c.numHeads, H = c.keyDim;
        if (ticked(untick, "identity_kernels")) {
            mha.weights["query_dense/kernel"] = eyeIn(E, N, H);
            mha.weights["key_dense/kernel"] = eyeIn(E, N, H);
            mha.weights["value_dense/kernel"] = eyeIn(E, N, H);
        }
        if (ticked(untick, "identity_output"))
            mha.weights["output_dense/kernel"] = eyeOut(N, H, E);
        if (c.useBias) {
            std::uint64_t stream = 900;
            for (const char* d : {"query_dense", "key_dense", "value_dense"})
                mha.weights[std::string(d) + "/bias"] = scaled(randomNormal({N, H}, base.seed, ++stream), 0.5f);
            mha.weights["output_dense/bias"] = scaled(randomNormal({E}, base.seed, ++stream), 0.5f);
        }
        Spec att = common;
        att.config.layer = LayerKind::Attention;
        att.config.scoreMode = ScoreMode::Dot;
        att.config.useScale = ticked(untick, "scale");
        if (*att.config.useScale)
            att.weights["scale"] = scalar(1.0f / std::sqrt(float(H)));
        setup.left = std::move(mha);
        setup.right = std::move(att);
    } else if (claim == Claim::GqaIsMha) {
        // Heads and head size from the base when it has them.
        const bool heads = hasHeads(base.config.layer);
        Spec mha = common;
        mha.config.layer = LayerKind::MultiHeadAttention;
        mha.config.numHeads = heads ? base.config.numHeads : 2;
        mha.config.keyDim = heads ? base.config.keyDim : 4;
        mha.config.valueDim.reset();
        mha.config.useBias = heads ? base.config.useBias : true;
        const Index N = mha.config.numHeads;
        Spec gqa = common;
        gqa.config.layer = LayerKind::GroupQueryAttention;
        gqa.config.numHeads = int(N);
        gqa.config.keyDim = mha.config.keyDim;
        gqa.config.valueDim.reset();
        gqa.config.useBias = mha.config.useBias;
        gqa.config.numKeyValueHeads = ticked(untick, "same_heads") ? int(N) : 1;
        if (ticked(untick, "same_kernels")) {
            // MultiHeadAttention's initial weights, given to both; with one
            // key/value head, GroupQueryAttention keeps head 0's slice.
            mha.weights = resolveWeights(mha);
            for (const auto& [name, w] : mha.weights) {
                const bool kv = name.rfind("key_dense/", 0) == 0 || name.rfind("value_dense/", 0) == 0;
                if (!kv || gqa.config.numKeyValueHeads == N) {
                    gqa.weights[name] = w;
                    continue;
                }
                // kernel (E, N, H) -> (E, 1, H); bias (N, H) -> (1, H)
                const Shape& sh = w.shape();
                const Index rows = sh.size() == 3 ? sh[0] : 1, H = sh.back();
                Tensor head(sh.size() == 3 ? Shape{rows, 1, H} : Shape{1, H});
                for (Index r = 0; r < rows; ++r)
                    for (Index h = 0; h < H; ++h)
                        head.values()[size_t(r * H + h)] = w.values()[size_t((r * N) * H + h)];
                gqa.weights[name] = std::move(head);
            }
        } else {
            gqa.seed = base.seed + 1;
        }
        setup.left = std::move(gqa);
        setup.right = std::move(mha);
    } else {
        Spec concat = common;
        concat.config.layer = LayerKind::Attention;
        concat.config.scoreMode = ScoreMode::Concat;
        concat.config.useScale = !ticked(untick, "no_scale");
        concat.weights["concat_score_weight"] = scalar(ticked(untick, "unit_score_weight") ? 1.0f : 2.0f);
        Spec add = common;
        add.config.layer = LayerKind::AdditiveAttention;
        add.config.useScale = !ticked(untick, "no_scale");
        setup.left = std::move(concat);
        setup.right = std::move(add);
    }
    return setup;
}

std::vector<StepDiff> diffTraces(const Trace& left, const Trace& right) {
    std::vector<StepDiff> out;
    for (const Step& a : left.steps) {
        const Step* b = right.find(a.key);
        if (!b)
            continue;
        StepDiff d;
        d.key = a.key;
        d.leftShape = a.value.shape();
        d.rightShape = b->value.shape();
        d.comparable = a.value.size() == b->value.size();
        if (d.comparable) {
            d.equal = true;
            for (Index i = 0; i < a.value.size(); ++i) {
                const double x = a.value.data()[i], y = b->value.data()[i];
                const double diff = std::fabs(x - y);
                if (std::isnan(diff)) {
                    if (!(std::isnan(x) && std::isnan(y))) {
                        d.maxAbsDiff = std::numeric_limits<double>::quiet_NaN();
                        d.argmax = i;
                        d.equal = false;
                    }
                    continue;
                }
                if (!(diff <= 1e-5 + 1e-4 * std::fabs(y)) && !(x == y))
                    d.equal = false;
                if (diff > d.maxAbsDiff) {
                    d.maxAbsDiff = diff;
                    d.argmax = i;
                }
            }
        }
        out.push_back(std::move(d));
    }
    return out;
}

const StepDiff* firstDifference(const std::vector<StepDiff>& diffs) {
    for (const StepDiff& d : diffs)
        if (d.comparable && !d.equal)
            return &d;
    return nullptr;
}

} // namespace attnviz::core
