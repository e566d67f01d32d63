// The compare variants, the identities and their checks (see compare.h).
// Each variant and each identity is one entry in a table below; the maths is
// core::run's, this file only sets up specs, judges conditions and measures
// differences.
#include "core/teach/compare.h"

#include "core/layers/run.h"
#include "core/base/random.h"
#include "core/teach/python_text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

namespace attnviz::core {

double maxAbsDiff(const Tensor& a, const Tensor& b) {
    if (a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double m = 0;
    for (Index i = 0; i < a.size(); ++i)
        m = std::max(m, std::fabs(double(a.data()[i]) - double(b.data()[i])));
    return m;
}

std::string Identity::conditionsText() const {
    std::string out = requirement;
    for (const IdentityCondition& c : conditions)
        out += (out.empty() ? "" : "; ") + c.label;
    return out;
}

const CompareVariant* Comparison::variant(const std::string& id) const {
    for (const CompareVariant& v : variants)
        if (v.id == id)
            return &v;
    return nullptr;
}

namespace {

// --- Shared inputs ----------------------------------------------------------

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

/// A weight's value in a message, as Python writes the float32.
std::string num(double v) {
    return pyFloat(float(v));
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

/// MultiHeadAttention / GroupQueryAttention on the base inputs with every
/// mask of the user's spec and, where the user's layer has heads, its options.
Spec headsSpec(const Base& b, LayerKind layer) {
    Spec s = b.spec;
    s.config = b.user.config;
    s.config.layer = layer;
    s.config.dropout = 0.0f;
    s.config.notKerasUnscaled = false; // tiles and identities are Keras' own
    if (b.user.config.layer == LayerKind::GroupQueryAttention)
        s.config.valueDim.reset(); // GroupQueryAttention has one head_dim
    s.queryMask = b.user.queryMask;
    s.valueMask = b.user.valueMask;
    s.keyMask = b.user.keyMask;
    s.attentionMask = b.user.attentionMask;
    return s;
}

// --- Weights ---------------------------------------------------------------

bool isKeyValueWeight(const std::string& name) {
    return name.rfind("key_dense/", 0) == 0 || name.rfind("value_dense/", 0) == 0;
}

/// A kernel (din, N, H) or bias (N, H) with its head axis (rank − 2) rebuilt
/// from `heads`: new head j is old head heads[j].
Tensor selectHeads(const Tensor& w, Index N, const std::vector<Index>& heads) {
    const Shape& sh = w.shape();
    const Index rows = sh.size() == 3 ? sh[0] : 1, H = sh.back(), M = Index(heads.size());
    Shape out = sh;
    out[sh.size() - 2] = M;
    Tensor t(out);
    for (Index r = 0; r < rows; ++r)
        for (Index j = 0; j < M; ++j)
            for (Index h = 0; h < H; ++h)
                t.data()[(r * M + j) * H + h] = w.data()[(r * N + heads[size_t(j)]) * H + h];
    return t;
}

/// Key/value heads of a weight map changed from N to heads.size().
std::map<std::string, Tensor> withKeyValueHeads(std::map<std::string, Tensor> w, Index N,
                                                const std::vector<Index>& heads) {
    for (auto& [name, t] : w)
        if (isKeyValueWeight(name))
            t = selectHeads(t, N, heads);
    return w;
}

std::vector<Index> headMap(Index count, const std::function<Index(Index)>& f) {
    std::vector<Index> out;
    for (Index j = 0; j < count; ++j)
        out.push_back(f(j));
    return out;
}

/// The user's weights shaped for `mha` (a MultiHeadAttention spec): the
/// user's MultiHeadAttention weights, or a GroupQueryAttention's with each
/// key/value head repeated over its group as Keras repeats it; Keras' initial
/// draw from the seed when the user's layer does not fit.
std::map<std::string, Tensor> mhaWeightsFromUser(const Base& b, const Spec& mha) {
    const std::map<std::string, Tensor> fresh = resolveWeights(mha);
    const LayerConfig& u = b.user.config;
    if (!hasHeads(u.layer))
        return fresh;
    std::map<std::string, Tensor> w;
    try {
        w = resolveWeights(b.user);
    } catch (const std::exception&) {
        return fresh;
    }
    if (u.layer == LayerKind::GroupQueryAttention) {
        const Index N = u.numHeads, group = N / std::max(1, u.numKeyValueHeads);
        w = withKeyValueHeads(std::move(w), u.numKeyValueHeads, headMap(N, [&](Index j) { return j / group; }));
    }
    if (w.size() != fresh.size())
        return fresh;
    for (const auto& [name, t] : fresh) {
        const auto it = w.find(name);
        if (it == w.end() || it->second.shape() != t.shape())
            return fresh;
    }
    return w;
}

// EinsumDense input kernel (din, N, H): every head maps feature i to slot i.
Tensor eyeIn(Index din, Index N, Index H) {
    Tensor t({din, N, H});
    for (Index i = 0; i < std::min(din, H); ++i)
        for (Index n = 0; n < N; ++n)
            t.data()[(i * N + n) * H + i] = 1.0f;
    return t;
}

// Output kernel (N, Hv, out): every head's slot i goes to feature i.
Tensor eyeOut(Index N, Index Hv, Index out) {
    Tensor t({N, Hv, out});
    for (Index n = 0; n < N; ++n)
        for (Index i = 0; i < std::min(Hv, out); ++i)
            t.data()[(n * Hv + i) * out + i] = 1.0f;
    return t;
}

Tensor scaled(Tensor t, float f) {
    for (Index i = 0; i < t.size(); ++i)
        t.data()[i] *= f;
    return t;
}

// --- Keras calls -------------------------------------------------------------

/// The variant's label: its Keras constructor as Keras builds it, without the
/// arguments left at Keras' defaults (core/teach/python_text).
std::string layerCall(const LayerConfig& c) {
    return kerasConstructor(c, PyArgs::NonDefault, "");
}

std::string widthMessage(const Base& b) {
    return "Attention and AdditiveAttention add or multiply query and key feature by feature, so they need the same "
           "width. Here the query has " +
           std::to_string(b.dq) + " features and the key " + std::to_string(b.dk) +
           ". MultiHeadAttention projects both to key_dim, so it has no such limit.";
}

// --- Variants ----------------------------------------------------------------

using VariantBuilder = std::function<std::optional<CompareVariant>(const Base&)>;

CompareVariant attentionVariant(const Base& b, std::string id, Spec s, bool users, std::string label = {}) {
    if (label.empty())
        label = layerCall(s.config);
    CompareVariant v{.id = std::move(id), .label = std::move(label), .usersLayer = users, .spec = std::move(s)};
    if (!b.sameWidth())
        v.error = widthMessage(b);
    return v;
}

/// An Attention-family tile: Keras' defaults, or the user's own options and
/// weights when the user's layer is this one.
CompareVariant attentionTile(const Base& b, std::string id, LayerKind layer, ScoreMode mode,
                             std::optional<bool> useScale, bool usersIfScaleMatches) {
    Spec s = attentionSpec(b, layer);
    s.config.scoreMode = mode;
    s.config.useScale = useScale;
    const LayerConfig& u = b.user.config;
    bool users = u.layer == layer && (layer != LayerKind::Attention || u.scoreMode == mode);
    if (users && usersIfScaleMatches)
        users = u.effectiveUseScale() == s.config.effectiveUseScale();
    if (users && !usersIfScaleMatches)
        s.config.useScale = u.useScale;
    if (users)
        s.weights = b.user.weights;
    return attentionVariant(b, std::move(id), std::move(s), users);
}

/// MultiHeadAttention with the user's options (the user's layer, or the
/// counterpart of the user's GroupQueryAttention), the user's weights.
Spec mhaTileSpec(const Base& b) {
    Spec s = headsSpec(b, LayerKind::MultiHeadAttention);
    s.weights = mhaWeightsFromUser(b, s);
    return s;
}

/// GroupQueryAttention with `kvHeads` key/value heads built from the MHA
/// tile: its query/output weights, and key/value head g·(N/kvHeads).
CompareVariant gqaTile(const Base& b, std::string id, Index kvHeads) {
    const Spec mha = mhaTileSpec(b);
    Spec s = headsSpec(b, LayerKind::GroupQueryAttention);
    s.config.numKeyValueHeads = int(kvHeads);
    const Index N = s.config.numHeads, group = N / kvHeads;
    CompareVariant v{.id = std::move(id), .label = layerCall(s.config), .spec = {}};
    const LayerConfig& u = b.user.config;
    v.usersLayer = u.layer == LayerKind::GroupQueryAttention && u.numKeyValueHeads == kvHeads;
    if (mha.config.effectiveValueDim() != mha.config.keyDim)
        v.error = "GroupQueryAttention has one head_dim for queries, keys and values; this MultiHeadAttention has "
                  "key_dim=" +
                  std::to_string(mha.config.keyDim) +
                  " and value_dim=" + std::to_string(mha.config.effectiveValueDim()) + ".";
    else
        s.weights = withKeyValueHeads(mha.weights, N, headMap(kvHeads, [&](Index g) { return g * group; }));
    v.spec = std::move(s);
    return v;
}

struct VariantDef {
    VariantBuilder build;
    std::string sameAs; // the variant it equals by an identity, or empty
};

const std::vector<VariantDef>& variantDefs() {
    static const std::vector<VariantDef> defs = {
        {[](const Base& b) {
             return attentionTile(b, "dot", LayerKind::Attention, ScoreMode::Dot, std::nullopt, false);
         },
         ""},
        {[](const Base& b) -> std::optional<CompareVariant> {
             Spec s = attentionSpec(b, LayerKind::Attention);
             s.config.useScale = true;
             s.weights["scale"] = scalar(float(1.0 / std::sqrt(double(b.dq))));
             CompareVariant v = attentionVariant(b, "scaled_dot", std::move(s), false,
                                                 "Attention(use_scale=True), what-if: scale set to 1/√" +
                                                     std::to_string(b.dq) + " (Keras starts it at 1)");
             v.whatIf = true;
             return v;
         },
         ""},
        {[](const Base& b) {
             return attentionTile(b, "concat", LayerKind::Attention, ScoreMode::Concat, std::nullopt, false);
         },
         ""},
        {[](const Base& b) {
             return attentionTile(b, "additive", LayerKind::AdditiveAttention, ScoreMode::Dot, std::nullopt, true);
         },
         ""},
        {[](const Base& b) {
             return attentionTile(b, "additive_no_scale", LayerKind::AdditiveAttention, ScoreMode::Dot, false, true);
         },
         ""},
        {[](const Base& b) -> std::optional<CompareVariant> {
             Spec s = mhaTileSpec(b);
             return CompareVariant{.id = "mha",
                                   .label = layerCall(s.config),
                                   .usersLayer = b.user.config.layer == LayerKind::MultiHeadAttention,
                                   .spec = std::move(s)};
         },
         ""},
        {[](const Base& b) -> std::optional<CompareVariant> { return gqaTile(b, "gqa", b.user.config.numHeads); },
         "mha"},
        // The user's own grouping, when it is neither multi-head nor multi-query.
        {[](const Base& b) -> std::optional<CompareVariant> {
             const LayerConfig& u = b.user.config;
             if (u.layer != LayerKind::GroupQueryAttention || u.numKeyValueHeads <= 1 ||
                 u.numKeyValueHeads >= u.numHeads)
                 return std::nullopt;
             CompareVariant v = gqaTile(b, "gqa_user", u.numKeyValueHeads);
             return v;
         },
         ""},
        {[](const Base& b) -> std::optional<CompareVariant> { return gqaTile(b, "mqa", 1); }, ""},
    };
    return defs;
}

// --- Identities ----------------------------------------------------------------

using Ticked = std::function<bool(const char*)>;
using SidesBuilder = std::function<std::pair<Spec, Spec>(const Base&, const Ticked&)>;
using SetupJudge = std::function<void(const Spec& user, std::vector<std::string>& unmet)>;

struct IdentityDef {
    Identity identity;
    bool sameWidth = false; // the inputs must have query width = key width
    SidesBuilder sides;
    SetupJudge setup;
};

struct Widths {
    Index dq, dk, dv;
};

Widths userWidths(const Spec& u) {
    const Index dq = u.query ? u.query->dim(2) : u.shapes.queryFeatures;
    const Index dv = u.value ? u.value->dim(2) : u.shapes.valueFeatures;
    const Index dk = u.key ? u.key->dim(2) : u.shapes.keyFeatures.value_or(dv);
    return {dq, dk, dv};
}

std::string notASide(const Spec& u) {
    const std::string call = layerCall(u.config);
    return "your layer, " + call + ", is not one of the two sides";
}

/// The MultiHeadAttention side of a GroupQueryAttention identity: the tile's
/// MHA with one head_dim (value_dim = key_dim) and the user's weights where they fit.
Spec mhaSideOfGqa(const Base& b) {
    Spec mha = mhaTileSpec(b);
    mha.config.valueDim.reset();
    mha.weights = mhaWeightsFromUser(b, mha);
    return mha;
}

/// GroupQueryAttention with MultiHeadAttention `mha`'s settings and `kvHeads` key/value heads.
Spec gqaLike(const Base& b, const Spec& mha, int kvHeads) {
    Spec gqa = headsSpec(b, LayerKind::GroupQueryAttention);
    gqa.config = mha.config;
    gqa.config.layer = LayerKind::GroupQueryAttention;
    gqa.config.numKeyValueHeads = kvHeads;
    return gqa;
}

/// The two sides of a GroupQueryAttention identity: GroupQueryAttention with
/// `kvHeads` key/value heads, then the MultiHeadAttention `mha`. With
/// `sameKernels` the former takes mha's weights (its key/value head g is
/// mha's head g·N/kvHeads), else it draws its own from seed + 1.
std::pair<Spec, Spec> gqaBesideMha(const Base& b, Spec mha, int kvHeads, bool sameKernels) {
    const Index N = mha.config.numHeads;
    Spec gqa = gqaLike(b, mha, kvHeads);
    const Index group = N / gqa.config.numKeyValueHeads;
    if (sameKernels)
        gqa.weights =
            withKeyValueHeads(mha.weights, N, headMap(gqa.config.numKeyValueHeads, [&](Index g) { return g * group; }));
    else
        gqa.seed = b.user.seed + 1;
    return {std::move(gqa), std::move(mha)};
}

/// A user's MultiHeadAttention as a side of a GroupQueryAttention identity: GQA has one head_dim.
void needOneHeadDim(const LayerConfig& c, std::vector<std::string>& unmet) {
    if (c.effectiveValueDim() != c.keyDim)
        unmet.push_back("value_dim = " + std::to_string(c.effectiveValueDim()) +
                        ", not key_dim = " + std::to_string(c.keyDim) + " (GroupQueryAttention has one head_dim)");
}

/// Is the user's weight `name` exactly `expected`? (absent: drawn from the seed, no)
bool userWeightIs(const Spec& u, const std::string& name, const Tensor& expected) {
    const auto it = u.weights.find(name);
    return it != u.weights.end() && it->second.shape() == expected.shape() &&
           std::equal(it->second.values().begin(), it->second.values().end(), expected.values().begin());
}

/// The user's scalar weight `name`, or `fallback` (its Keras initial value) when not set.
double userScalar(const Spec& u, const std::string& name, double fallback) {
    const auto it = u.weights.find(name);
    return it != u.weights.end() && it->second.size() == 1 ? double(it->second.data()[0]) : fallback;
}

bool sameFloat(double a, double b) {
    return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b));
}

/// Do every head's key/value kernels and biases equal head 0's in the user's weights?
bool userSharesKeyValueHeads(const Spec& u) {
    const Index N = u.config.numHeads;
    if (N == 1)
        return true;
    for (const char* name : {"key_dense/kernel", "value_dense/kernel", "key_dense/bias", "value_dense/bias"}) {
        const auto it = u.weights.find(name);
        if (it == u.weights.end()) {
            if (std::string(name).find("bias") != std::string::npos && !u.config.useBias)
                continue;
            return false;
        }
        if (it->second.values() != selectHeads(it->second, N, headMap(N, [](Index) { return Index(0); })).values())
            return false;
    }
    return true;
}

void judgeHeadsOnly(const Spec& u, std::vector<std::string>& unmet) {
    if (u.config.slidingWindow)
        unmet.push_back("sliding_window=" + std::to_string(*u.config.slidingWindow) +
                        " (Attention has no sliding window)");
    if (u.config.useGate)
        unmet.push_back("use_gate=True (Attention has no gate)");
    if (u.config.transformerSublayer)
        unmet.push_back("the Transformer sub-layer (Add & LayerNormalization) is on");
    if (u.keyMask || u.attentionMask)
        unmet.push_back("a key_mask or attention_mask (Attention takes neither)");
}

const std::vector<IdentityDef>& identityDefs() {
    static const std::vector<IdentityDef> defs = {
        // MultiHeadAttention(num_heads=1) ≡ Attention ----------------------------
        {.identity = {.id = "mha-attention",
                      .title = "MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, identity projections) ≡ "
                               "Attention(use_scale=True) with scale = 1/√d",
                      .requirement = "query width = key width = d",
                      .conditions =
                          {
                              {"one_head", "one head: num_heads=1",
                               "num_heads=2, both heads the same: the output is their sum"},
                              {"key_dim_is_width", "key_dim = the query width, value_dim = the value width",
                               "key_dim and value_dim halved: the projections keep only the first half of the "
                               "features"},
                              {"identity_kernels", "identity query/key/value kernels (EinsumDense)",
                               "Keras' glorot_uniform kernels from the seed"},
                              {"identity_output", "identity output kernel (output_dense)",
                               "Keras' glorot_uniform kernel from the seed"},
                              {"no_bias", "no bias: use_bias=False",
                               "use_bias=True with trained-looking biases N(0, 0.5²) (Keras starts biases at 0, "
                               "which would change nothing)"},
                              {"scale", "Attention(use_scale=True), scale = 1/√key_dim (Keras starts it at 1)",
                               "Attention(use_scale=False): Luong's dot product, no 1/√dₖ"},
                          },
                      .skipFullyMaskedRows = true},
         .sameWidth = true,
         .sides =
             [](const Base& b, const Ticked& on) {
                 // The query mask is left out: MultiHeadAttention folds it into
                 // the score mask, Attention zeroes output rows with it.
                 Spec mha = attentionSpec(b, LayerKind::MultiHeadAttention);
                 mha.queryMask.reset();
                 LayerConfig& c = mha.config;
                 c.numHeads = on("one_head") ? 1 : 2;
                 c.keyDim = on("key_dim_is_width") ? int(b.dq) : std::max(1, int(b.dq) / 2);
                 c.valueDim = on("key_dim_is_width") ? int(b.dv) : std::max(1, int(b.dv) / 2);
                 c.outputShape = int(b.dv);
                 c.useBias = !on("no_bias");
                 const Index N = c.numHeads, H = c.keyDim, Hv = *c.valueDim;
                 if (on("identity_kernels")) {
                     mha.weights["query_dense/kernel"] = eyeIn(b.dq, N, H);
                     mha.weights["key_dense/kernel"] = eyeIn(b.dk, N, H);
                     mha.weights["value_dense/kernel"] = eyeIn(b.dv, N, Hv);
                 }
                 if (on("identity_output"))
                     mha.weights["output_dense/kernel"] = eyeOut(N, Hv, b.dv);
                 if (c.useBias) {
                     std::uint64_t stream = 900;
                     mha.weights["query_dense/bias"] = scaled(randomNormal({N, H}, b.user.seed, ++stream), 0.5f);
                     mha.weights["key_dense/bias"] = scaled(randomNormal({N, H}, b.user.seed, ++stream), 0.5f);
                     mha.weights["value_dense/bias"] = scaled(randomNormal({N, Hv}, b.user.seed, ++stream), 0.5f);
                     mha.weights["output_dense/bias"] = scaled(randomNormal({b.dv}, b.user.seed, ++stream), 0.5f);
                 }
                 Spec att = attentionSpec(b, LayerKind::Attention);
                 att.queryMask.reset();
                 att.config.useScale = on("scale");
                 if (on("scale"))
                     att.weights["scale"] = scalar(float(1.0 / std::sqrt(double(H))));
                 return std::pair{std::move(mha), std::move(att)};
             },
         .setup =
             [](const Spec& u, std::vector<std::string>& unmet) {
                 const auto [dq, dk, dv] = userWidths(u);
                 const LayerConfig& c = u.config;
                 if (c.layer == LayerKind::MultiHeadAttention) {
                     if (c.numHeads != 1)
                         unmet.push_back("num_heads = " + std::to_string(c.numHeads) + ", not 1");
                     if (c.keyDim != dq)
                         unmet.push_back("key_dim = " + std::to_string(c.keyDim) + ", not the query width " +
                                         std::to_string(dq));
                     if (c.effectiveValueDim() != dv)
                         unmet.push_back("value_dim = " + std::to_string(c.effectiveValueDim()) +
                                         ", not the value width " + std::to_string(dv));
                     if (c.outputShape.value_or(int(dq)) != dv)
                         unmet.push_back("the output width is " + std::to_string(c.outputShape.value_or(int(dq))) +
                                         ", Attention's is the value width " + std::to_string(dv));
                     const Index N = c.numHeads, H = c.keyDim, Hv = c.effectiveValueDim();
                     if (!userWeightIs(u, "query_dense/kernel", eyeIn(dq, N, H)) ||
                         !userWeightIs(u, "key_dense/kernel", eyeIn(dk, N, H)) ||
                         !userWeightIs(u, "value_dense/kernel", eyeIn(dv, N, Hv)))
                         unmet.push_back("the query/key/value kernels are not identity matrices");
                     if (!userWeightIs(u, "output_dense/kernel", eyeOut(N, Hv, c.outputShape.value_or(int(dq)))))
                         unmet.push_back("the output kernel is not an identity matrix");
                     if (c.useBias)
                         unmet.push_back("use_bias=True");
                     judgeHeadsOnly(u, unmet);
                 } else if (c.layer == LayerKind::Attention && c.scoreMode == ScoreMode::Dot) {
                     const double want = 1.0 / std::sqrt(double(dq));
                     if (!c.effectiveUseScale())
                         unmet.push_back("use_scale=False: no scale, the identity needs 1/√" + std::to_string(dq) +
                                         " = " + num(want));
                     else if (const double s = userScalar(u, "scale", 1.0); !sameFloat(s, want))
                         unmet.push_back("scale = " + num(s) + (u.weights.count("scale") ? "" : " (Keras' start)") +
                                         ", not 1/√" + std::to_string(dq) + " = " + num(want));
                 } else {
                     unmet.push_back(notASide(u));
                 }
             }},
        // Attention(score_mode="concat") ≡ AdditiveAttention ------------------------
        {.identity = {.id = "concat-additive",
                      .title = "Attention(score_mode=\"concat\", use_scale=False) ≡ AdditiveAttention(use_scale=False)",
                      .requirement = "query width = key width",
                      .conditions =
                          {
                              {"no_scale", "use_scale=False on both layers",
                               "use_scale=True on both, Keras' initial values: Attention's scalar 1 inside the tanh, "
                               "AdditiveAttention's glorot vector outside it"},
                              {"unit_score_weight", "concat_score_weight = 1 (Keras' initial value)",
                               "concat_score_weight = 2, as after training"},
                          }},
         .sameWidth = true,
         .sides =
             [](const Base& b, const Ticked& on) {
                 Spec concat = attentionSpec(b, LayerKind::Attention);
                 concat.config.scoreMode = ScoreMode::Concat;
                 concat.config.useScale = !on("no_scale");
                 concat.weights["concat_score_weight"] = scalar(on("unit_score_weight") ? 1.0f : 2.0f);
                 Spec add = attentionSpec(b, LayerKind::AdditiveAttention);
                 add.config.useScale = !on("no_scale");
                 return std::pair{std::move(concat), std::move(add)};
             },
         .setup =
             [](const Spec& u, std::vector<std::string>& unmet) {
                 const LayerConfig& c = u.config;
                 if (c.layer == LayerKind::Attention && c.scoreMode == ScoreMode::Concat) {
                     if (c.effectiveUseScale())
                         unmet.push_back("use_scale=True");
                     if (const double w = userScalar(u, "concat_score_weight", 1.0); w != 1.0)
                         unmet.push_back("concat_score_weight = " + num(w) + ", not 1");
                 } else if (c.layer == LayerKind::AdditiveAttention) {
                     if (c.effectiveUseScale())
                         unmet.push_back("use_scale=True (AdditiveAttention's default)");
                 } else {
                     unmet.push_back(notASide(u));
                 }
             }},
        // Attention(use_scale=True) as Keras builds it ≡ Attention() -----------------
        {.identity = {.id = "scale-one",
                      .title = "Attention(use_scale=True) as Keras builds it ≡ Attention()",
                      .requirement = "query width = key width",
                      .conditions = {{"unit_scale", "scale = 1, its Keras initial value (only training changes it)",
                                      "scale = 2, as after training"}}},
         .sameWidth = true,
         .sides =
             [](const Base& b, const Ticked& on) {
                 Spec a = attentionSpec(b, LayerKind::Attention);
                 a.config.useScale = true; // ticked: the scale from Keras' initializer, ones
                 if (!on("unit_scale"))
                     a.weights["scale"] = scalar(2.0f);
                 return std::pair{std::move(a), attentionSpec(b, LayerKind::Attention)};
             },
         .setup =
             [](const Spec& u, std::vector<std::string>& unmet) {
                 const LayerConfig& c = u.config;
                 if (c.layer != LayerKind::Attention || c.scoreMode != ScoreMode::Dot)
                     unmet.push_back(notASide(u));
                 else if (const double s = userScalar(u, "scale", 1.0); c.effectiveUseScale() && s != 1.0)
                     unmet.push_back("scale = " + num(s) + ", not 1");
             }},
        // GroupQueryAttention(Nkv = Nq) ≡ MultiHeadAttention ----------------------------
        {.identity = {.id = "gqa-mha",
                      .title = "GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention",
                      .requirement = "",
                      .conditions = {{"same_heads", "num_key_value_heads = num_query_heads",
                                      "num_key_value_heads = 1 (multi-query): every query head reads head 0's keys "
                                      "and values"},
                                     {"same_kernels", "the same kernels and biases in both layers",
                                      "GroupQueryAttention initialised from its own seed (seed + 1)"}}},
         .sides =
             [](const Base& b, const Ticked& on) {
                 Spec mha = mhaSideOfGqa(b);
                 const int kvHeads = on("same_heads") ? mha.config.numHeads : 1;
                 return gqaBesideMha(b, std::move(mha), kvHeads, on("same_kernels"));
             },
         .setup =
             [](const Spec& u, std::vector<std::string>& unmet) {
                 const LayerConfig& c = u.config;
                 if (c.layer == LayerKind::GroupQueryAttention) {
                     if (c.numKeyValueHeads != c.numHeads)
                         unmet.push_back("num_key_value_heads = " + std::to_string(c.numKeyValueHeads) +
                                         ", not num_query_heads = " + std::to_string(c.numHeads));
                 } else if (c.layer == LayerKind::MultiHeadAttention) {
                     needOneHeadDim(c, unmet);
                 } else {
                     unmet.push_back(notASide(u));
                 }
             }},
        // GroupQueryAttention(Nkv = 1) ≡ MultiHeadAttention with shared key/value heads
        {.identity = {.id = "mqa-mha",
                      .title = "GroupQueryAttention(num_key_value_heads=1), multi-query ≡ MultiHeadAttention whose "
                               "heads share one key and value projection",
                      .requirement = "",
                      .conditions = {{"shared_kv",
                                      "MultiHeadAttention's key/value kernels and biases are head 0's in every head",
                                      "MultiHeadAttention keeps its own key/value kernels per head"},
                                     {"same_kernels", "the same query, output and head-0 key/value weights in both",
                                      "GroupQueryAttention initialised from its own seed (seed + 1)"}}},
         .sides =
             [](const Base& b, const Ticked& on) {
                 Spec mha = mhaSideOfGqa(b);
                 const Index N = mha.config.numHeads;
                 if (on("shared_kv"))
                     mha.weights = withKeyValueHeads(mha.weights, N, headMap(N, [](Index) { return Index(0); }));
                 return gqaBesideMha(b, std::move(mha), 1, on("same_kernels"));
             },
         .setup =
             [](const Spec& u, std::vector<std::string>& unmet) {
                 const LayerConfig& c = u.config;
                 if (c.layer == LayerKind::GroupQueryAttention) {
                     if (c.numKeyValueHeads != 1)
                         unmet.push_back("num_key_value_heads = " + std::to_string(c.numKeyValueHeads) + ", not 1");
                 } else if (c.layer == LayerKind::MultiHeadAttention) {
                     needOneHeadDim(c, unmet);
                     if (!userSharesKeyValueHeads(u))
                         unmet.push_back("each of the " + std::to_string(c.numHeads) +
                                         " heads has its own key/value kernels");
                 } else {
                     unmet.push_back(notASide(u));
                 }
             }},
    };
    return defs;
}

const IdentityDef& identityDef(const std::string& id) {
    for (const IdentityDef& d : identityDefs())
        if (d.identity.id == id)
            return d;
    throw std::invalid_argument("Unknown identity '" + id + "'. Expected one of the ids of core::identities().");
}

std::pair<Spec, Spec> buildSides(const IdentityDef& def, const Base& b, const std::vector<std::string>& untick) {
    for (const std::string& u : untick)
        if (std::none_of(def.identity.conditions.begin(), def.identity.conditions.end(),
                         [&](const IdentityCondition& c) { return c.id == u; }))
            throw std::invalid_argument("Unknown condition '" + u + "' for the identity " + def.identity.id + ".");
    if (def.sameWidth && !b.sameWidth())
        throw SpecError(b.in.key ? "shapes.key_features" : "shapes.value_features",
                        "The identity " + def.identity.id +
                            " runs Attention layers, which add or multiply query and key features: they need the same "
                            "width. Received: query_features=" +
                            std::to_string(b.dq) + ", key_features=" + std::to_string(b.dk));
    const Ticked on = [&](const char* id) { return std::find(untick.begin(), untick.end(), id) == untick.end(); };
    return def.sides(b, on);
}

/// max |Δ| over the weights and output steps; with `mask` (B, T, S), rows
/// where every key is masked are left out and counted in `skipped`.
double weightsAndOutputDiff(const Trace& a, const Trace& b, const Tensor* mask, Index& skipped) {
    const Tensor& wa = a.find("weights")->value; // (B, [N,] T, S)
    const Tensor& wb = b.find("weights")->value;
    const Tensor& ya = a.find("output")->value; // (B, T, out)
    const Tensor& yb = b.find("output")->value;
    skipped = 0;
    if (!mask || wa.size() != mask->size() || wb.size() != mask->size())
        return std::max(maxAbsDiff(wa, wb), maxAbsDiff(ya, yb));
    if (ya.size() != yb.size())
        return std::numeric_limits<double>::infinity();
    const Index S = mask->dim(-1), rows = mask->size() / S, width = ya.size() / rows;
    double m = 0;
    for (Index r = 0; r < rows; ++r) {
        const float* mr = mask->data() + r * S;
        if (std::all_of(mr, mr + S, [](float v) { return v == 0.0f; })) {
            ++skipped;
            continue;
        }
        for (Index k = 0; k < S; ++k)
            m = std::max(m, std::fabs(double(wa.data()[r * S + k]) - double(wb.data()[r * S + k])));
        for (Index j = 0; j < width; ++j)
            m = std::max(m, std::fabs(double(ya.data()[r * width + j]) - double(yb.data()[r * width + j])));
    }
    return m;
}

/// The identity on the gradients: every grad/<key> both traces have with the
/// same number of elements. Fully masked rows are where MultiHeadAttention and
/// Attention differ by design (zero vs uniform weights): then the gradient of
/// the value differs too, and nothing is claimed.
void compareGradients(const Trace& left, const Trace& right, Index fullyMaskedRows, EquivalenceCheck& c) {
    if (fullyMaskedRows > 0) {
        c.gradNote = "gradients not compared: with fully masked rows the value's gradient differs by design";
        return;
    }
    for (const Step& a : left.steps) {
        if (!a.key.starts_with("grad/"))
            continue;
        const Step* o = right.find(a.key);
        if (!o || o->value.size() != a.value.size())
            continue;
        c.gradMaxAbsDiff = std::max(c.gradMaxAbsDiff, maxAbsDiff(a.value, o->value));
        for (float v : o->value.values())
            c.gradMaxAbs = std::max(c.gradMaxAbs, double(std::fabs(v)));
        c.gradKeys.push_back(a.key);
    }
    c.gradientsCompared = !c.gradKeys.empty();
    std::string keys;
    for (const std::string& k : c.gradKeys)
        keys += (keys.empty() ? "" : ", ") + k;
    c.gradNote = c.gradientsCompared ? "dL/d output = all ones on both sides; compared " + keys
                                     : "no gradient step is on both sides";
}

EquivalenceCheck check(const IdentityDef& def, const Base& b) {
    const Identity& id = def.identity;
    EquivalenceCheck c{.id = id.id, .claim = id.title, .conditions = id.conditionsText()};
    c.setup = setupMeets(id, b.user);
    if (def.sameWidth && !b.sameWidth()) {
        c.note = "not met: the query has " + std::to_string(b.dq) + " features, the key " + std::to_string(b.dk);
        return c;
    }
    try {
        auto [l, r] = buildSides(def, b, {});
        const bool backward = b.user.backward.has_value(); // the gradients too (all-ones output gradient)
        if (backward)
            l.backward = r.backward = BackwardRequest{};
        const Trace left = run(l), right = run(r);
        const Step* mask = id.skipFullyMaskedRows ? left.find("mask") : nullptr;
        Index skipped = 0;
        c.maxAbsDiff = weightsAndOutputDiff(left, right, mask ? &mask->value : nullptr, skipped);
        c.applicable = true;
        c.note = "weights and output, both sides built with every condition on these inputs";
        if (skipped > 0)
            c.note +=
                "; fully masked rows left out: " + std::to_string(skipped) + " (the layers differ there by design)";
        if (backward)
            compareGradients(left, right, skipped, c);
    } catch (const std::exception& e) {
        c.note = e.what();
    }
    return c;
}

} // namespace

const std::vector<Identity>& identities() {
    static const std::vector<Identity> out = [] {
        std::vector<Identity> v;
        for (const IdentityDef& d : identityDefs())
            v.push_back(d.identity);
        return v;
    }();
    return out;
}

const Identity* findIdentity(const std::string& id) {
    for (const Identity& i : identities())
        if (i.id == id)
            return &i;
    return nullptr;
}

SetupVerdict setupMeets(const Identity& identity, const Spec& user) {
    const IdentityDef& def = identityDef(identity.id);
    SetupVerdict v;
    if (def.sameWidth) {
        const auto [dq, dk, dv] = userWidths(user);
        if (dq != dk)
            v.unmet.push_back("the query has " + std::to_string(dq) + " features, the key " + std::to_string(dk));
    }
    def.setup(user, v.unmet);
    v.met = v.unmet.empty();
    return v;
}

IdentitySides buildIdentity(const std::string& id, const Spec& user, const std::vector<std::string>& untick) {
    const IdentityDef& def = identityDef(id);
    const Base b = makeBase(user);
    auto [l, r] = buildSides(def, b, untick);
    return IdentitySides{.identity = findIdentity(id), .left = std::move(l), .right = std::move(r)};
}

IdentityRun runIdentity(const std::string& id, const Spec& user, const std::vector<std::string>& untick) {
    IdentityRun out{.sides = buildIdentity(id, user, untick), .left = {}, .right = {}, .diffs = {}};
    out.left = run(out.sides.left);
    out.right = run(out.sides.right);
    out.diffs = diffTraces(out.left, out.right);
    return out;
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

Comparison compare(const Spec& user) {
    const Base b = makeBase(user);
    Comparison out;
    std::vector<std::string> sameAs;
    for (const VariantDef& def : variantDefs()) {
        std::optional<CompareVariant> v = def.build(b);
        if (!v)
            continue;
        if (v->error.empty()) {
            try {
                v->trace = run(v->spec);
            } catch (const std::exception& e) {
                v->error = e.what();
            }
        }
        v->sameAs = def.sameAs;
        out.variants.push_back(std::move(*v));
    }
    for (CompareVariant& v : out.variants) {
        const CompareVariant* other = v.sameAs.empty() ? nullptr : out.variant(v.sameAs);
        if (other && v.trace && other->trace) {
            Index skipped = 0;
            v.sameAsMaxAbsDiff = weightsAndOutputDiff(*v.trace, *other->trace, nullptr, skipped);
        }
    }
    for (const IdentityDef& def : identityDefs())
        out.checks.push_back(check(def, b));
    return out;
}

} // namespace attnviz::core
