// Scripts that redo a trace in NumPy, Keras 3 or PyTorch and check every
// step against it (script_export.h). The NumPy and PyTorch scripts are
// written step by step from the trace, so they follow its order and keys;
// the Keras script builds the real layer and reads what Keras exposes.
#include "core/teach/script_export.h"

#include "core/layers/dropout.h"
#include "core/io/npy.h"
#include "core/teach/python_text.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace attnviz::core {

const char* scriptTargetName(ScriptTarget target) {
    switch (target) {
    case ScriptTarget::NumPy: return "numpy";
    case ScriptTarget::Keras: return "keras";
    case ScriptTarget::Torch: return "torch";
    }
    return "numpy";
}

std::optional<ScriptTarget> scriptTargetFromName(const std::string& name) {
    if (name == "numpy")
        return ScriptTarget::NumPy;
    if (name == "keras")
        return ScriptTarget::Keras;
    if (name == "torch" || name == "pytorch")
        return ScriptTarget::Torch;
    return std::nullopt;
}

namespace {

std::string str(Index v) {
    return std::to_string(v);
}

std::string shapeWithAxes(const Step& s) {
    std::string r = "(";
    const Shape& sh = s.value.shape();
    for (size_t i = 0; i < sh.size(); ++i) {
        r += (i ? ", " : "");
        if (i < s.axes.size())
            r += s.axes[i].name + "=";
        r += str(sh[i]);
    }
    return r + (sh.size() == 1 ? ",)" : ")");
}

/// "2, 3, 4": a tensor's shape as a Python tuple's elements.
std::string shapeText(const Tensor& t) {
    std::string shape;
    for (Index d : t.shape())
        shape += (shape.empty() ? "" : ", ") + str(d);
    return shape;
}

// Everything the step writers need to know about the layer.
struct Ctx {
    const Spec& spec;
    const Trace& trace;
    LayerKind layer;
    // mha: a layer with projections and heads (MultiHeadAttention or GroupQueryAttention); gqa: the latter.
    bool mha = false, gqa = false, additive = false, concat = false, useScale = false, bias = false, hasKey = false;
    bool dropout = false;
    float rate = 0;
    Index B = 0, T = 0, S = 0, dq = 0, N = 0, H = 0, Hv = 0, out = 0;

    Ctx(const Spec& s, const Trace& t) : spec(s), trace(t), layer(s.config.layer) {
        const LayerConfig& c = s.config;
        mha = hasHeads(layer);
        gqa = layer == LayerKind::GroupQueryAttention;
        additive = layer == LayerKind::AdditiveAttention;
        concat = layer == LayerKind::Attention && c.scoreMode == ScoreMode::Concat;
        useScale = c.effectiveUseScale();
        bias = c.useBias;
        hasKey = t.find("key") != nullptr;
        dropout = t.find("dropout") != nullptr;
        rate = c.dropout;
        const Step* q = t.find("query");
        const Step* v = t.find("value");
        const Step* o = t.find("output");
        if (!q || !v || !o)
            throw std::invalid_argument("The trace has no query, value or output step; it cannot be exported.");
        B = q->value.dim(0);
        T = q->value.dim(1);
        dq = q->value.dim(2);
        S = v->value.dim(1);
        out = o->value.dim(-1);
        if (mha) {
            const Step* qd = t.find("query_dense");
            const Step* vd = t.find("value_dense");
            if (!qd || !vd)
                throw std::invalid_argument("The MultiHeadAttention trace has no query_dense/value_dense step.");
            N = qd->value.dim(2);
            H = qd->value.dim(3);
            Hv = vd->value.dim(3);
            Nkv = c.kvHeads();
        }
    }
    Index Nkv = 0;
    /// The rank of the combined mask step (3: [B,T,S], 4: [B,N,T,S] per head), 0 without one.
    Index maskRank() const {
        const Step* m = trace.find("mask");
        return m ? m->value.rank() : 0;
    }
    /// The mask broadcast against [B,N,T,S] scores.
    std::string maskVsScores() const { return maskRank() == 3 ? "mask[:, None]" : "mask"; }
    const char* keySrc() const { return hasKey ? "key" : "value"; }
    std::string probs() const { return dropout ? "dropout" : "weights"; }
    bool mhaTorchExpressible(std::string* why) const {
        std::vector<std::string> no;
        if (H != Hv)
            no.push_back("value_dim (" + str(Hv) + ") differs from key_dim (" + str(H) +
                         "); torch uses one head_dim = embed_dim / num_heads for q, k and v");
        if (N * H != dq)
            no.push_back("num_heads·key_dim (" + str(N * H) + ") differs from the query width (" + str(dq) +
                         "); torch projects to embed_dim = the query width");
        if (out != dq)
            no.push_back("output_shape (" + str(out) + ") differs from the query width (" + str(dq) +
                         "); torch's out_proj always maps back to embed_dim");
        if (dropout)
            no.push_back("dropout in training: nn.MultiheadAttention would draw its own dropout mask");
        if (spec.config.useGate)
            no.push_back("use_gate: torch's MultiheadAttention has no sigmoid gate on the context");
        if (why) {
            why->clear();
            for (const auto& w : no)
                *why += "#   - " + w + "\n";
        }
        return no.empty();
    }
};

// ---------------------------------------------------------------------------
// Step bodies. Each returns the Python lines that compute the step into a
// variable named by its key (after any explanatory comment lines).

std::string npDense(const Ctx& c, const Step& s) {
    const std::string in = s.inputs.at(0);
    std::string code = "np.einsum(\"" + s.einsum + "\", " + in + ", D[\"" + s.params.at(0).key + "\"])";
    if (s.params.size() > 1)
        code += " + D[\"" + s.params[1].key + "\"]";
    if (s.key == "gate")
        code = "1.0 / (1.0 + np.exp(-(" + code + ")))  # activation=\"sigmoid\"";
    (void)c;
    return s.key + " = " + code + "\n";
}

// One boolean per mask source of a heads layer (keras-attention-semantics 1.4,
// 5.2, 5.4), broadcastable to the final mask of rank R: the part's own step
// when the trace has it, else the expression. `t` is "np" or "torch".
struct MaskSource {
    std::string part; // the trace key of this source's own step
    std::string expr; // the boolean tensor, computed from the data
    Index rank;       // of expr
};

std::vector<MaskSource> maskSources(const Ctx& c, bool torch) {
    const Spec& sp = c.spec;
    auto cast = [&](const std::string& name) {
        return torch ? "(P[\"" + name + "\"] != 0)" : "(D[\"" + name + "\"] != 0)";
    };
    const std::string T = str(c.T), S = str(c.S);
    const std::string rows = torch ? "torch.arange(" + T + ")[:, None]" : "np.arange(" + T + ")[:, None]";
    const std::string cols = torch ? "torch.arange(" + S + ")[None, :]" : "np.arange(" + S + ")[None, :]";
    std::vector<MaskSource> out;
    std::string pad;
    if (sp.queryMask)
        pad = cast("query_mask") + "[:, :, None]";
    if (sp.valueMask)
        pad += (pad.empty() ? "" : " & ") + cast("value_mask") + "[:, None, :]";
    if (sp.keyMask)
        pad += (pad.empty() ? "" : " & ") + cast("key_mask") + "[:, None, :]";
    if (!pad.empty())
        out.push_back({"padding_mask", pad, 3});
    if (sp.call.useCausalMask)
        out.push_back({"causal_mask", "(" + rows + " >= " + cols + ")", 2});
    if (sp.config.slidingWindow)
        out.push_back({"sliding_window_mask",
                       "((" + rows + " - " + cols + ").abs() < " + str(*sp.config.slidingWindow) + ")", 2});
    if (sp.attentionMask) {
        // GroupQueryAttention hands a lone attention_mask to Softmax uncast: values > 0.5 are kept.
        const bool lone = c.gqa && out.empty();
        out.push_back({"attention_mask",
                       lone ? (torch ? "(P[\"attention_mask\"] > 0.5)" : "(D[\"attention_mask\"] > 0.5)")
                            : cast("attention_mask"),
                       sp.attentionMask->rank()});
    }
    if (!torch)
        for (auto& m : out)
            if (m.part == "sliding_window_mask")
                m.expr = "(np.abs(" + rows + " - " + cols + ") < " + str(*sp.config.slidingWindow) + ")";
    return out;
}

// The combined mask step of a heads layer, from its parts (steps) or sources.
std::string headsMask(const Ctx& c, const Step& s, bool torch) {
    const Index R = s.value.rank();
    std::string all;
    for (const MaskSource& m : maskSources(c, torch)) {
        const bool asStep = std::find(s.inputs.begin(), s.inputs.end(), m.part) != s.inputs.end();
        std::string e = asStep ? m.part : m.expr;
        if (m.rank == 3 && R == 4)
            e = "(" + e + ")[:, None]"; // [B,T,S] -> [B,1,T,S]
        all += (all.empty() ? "" : " & ") + e;
    }
    const std::string shape = shapeText(s.value);
    return torch ? "mask = (" + all + ").expand(" + shape + ")  # Keras polarity: True = may attend\n"
                 : "mask = np.broadcast_to(" + all + ", (" + shape + "))  # True = may attend\n";
}

// A part of the mask (padding, causal, sliding window, attention_mask) as its own step.
std::string headsMaskPart(const Ctx& c, const Step& s, bool torch) {
    const std::string shape = shapeText(s.value);
    for (const MaskSource& m : maskSources(c, torch))
        if (m.part == s.key)
            return s.key + " = " +
                   (torch ? "(" + m.expr + ").expand(" + shape + ")"
                          : "np.broadcast_to(" + m.expr + ", (" + shape + "))") +
                   "\n";
    return "";
}

std::string torchDense(const Ctx& c, const Step& s) {
    const std::string in = s.inputs.at(0);
    const std::string kern = "P[\"" + s.params.at(0).key + "\"]";
    const std::string b = s.params.size() > 1 ? "P[\"" + s.params[1].key + "\"].reshape(-1)" : "None";
    const Shape& ks = c.trace.params.at(s.params[0].key).shape();
    const Shape& os = s.value.shape();
    if (ks.size() != 3 || os.size() < 3)
        return s.key + " = torch.einsum(\"" + s.einsum + "\", " + in + ", " + kern + ")\n";
    if (c.trace.find(in) && c.trace.find(in)->value.rank() == 3) {
        // Keras kernel [in, N, H]; torch weight [N·H, in].
        std::string code = s.key + " = F.linear(" + in + ", " + kern + ".reshape(" + str(ks[0]) + ", " +
                           str(ks[1] * ks[2]) + ").T, " + b + ").view(" + str(os[0]) + ", " + str(os[1]) + ", " +
                           str(ks[1]) + ", " + str(ks[2]) + ")";
        if (s.key == "gate")
            code = s.key + " = torch.sigmoid(" + code.substr(s.key.size() + 3) + ")";
        return code + "\n";
    }
    // output: context [B,T,N,Hv] flattened to [B,T,N·Hv]; kernel [N,Hv,out] → weight [out, N·Hv].
    return s.key + " = F.linear(" + in + ".reshape(" + str(os[0]) + ", " + str(os[1]) + ", " + str(ks[0] * ks[1]) +
           "), " + kern + ".reshape(" + str(ks[0] * ks[1]) + ", " + str(ks[2]) + ").T, " + b + ")\n";
}

// Attention / AdditiveAttention's score mask: value_mask AND causal, [B,T,S].
std::string npDotMask(const Ctx& c, const Step&) {
    const Spec& sp = c.spec;
    std::string r = "mask = np.ones((" + str(c.B) + ", " + str(c.T) + ", " + str(c.S) + "), dtype=bool)\n";
    if (sp.valueMask)
        r += "mask &= D[\"value_mask\"].astype(bool)[:, None, :]  # value_mask [B,S] -> [B,1,S]\n";
    if (sp.call.useCausalMask)
        r += "mask &= (np.arange(" + str(c.T) + ")[:, None] >= np.arange(" + str(c.S) +
             ")[None, :])[None]  # use_causal_mask: row >= column\n";
    return r;
}

std::string torchDotMask(const Ctx& c, const Step&) {
    const Spec& sp = c.spec;
    std::string r = "mask = torch.ones(" + str(c.B) + ", " + str(c.T) + ", " + str(c.S) +
                    ", dtype=torch.bool)  # Keras polarity: True = may attend\n";
    if (sp.valueMask)
        r += "mask &= P[\"value_mask\"].bool()[:, None, :]  # torch: key_padding_mask = ~value_mask\n";
    if (sp.call.useCausalMask)
        r += "mask &= torch.ones(" + str(c.T) + ", " + str(c.S) +
             ", dtype=torch.bool).tril()[None]  # causal, top-left aligned (torch: triu(diagonal=1) is "
             "'masked')\n";
    return r;
}

// ---------------------------------------------------------------------------
// One table of step writers, keyed by step (its key, the layer family, and
// where the key alone does not decide, the op or the layer's options) and by
// target: each row decides once which code a step gets, and writes it in
// NumPy and in PyTorch. The first row that matches a step writes it.

enum class Family { Any, Heads, Dot }; // Heads: MultiHeadAttention, GroupQueryAttention
using Writer = std::string (*)(const Ctx&, const Step&);

struct StepRow {
    Family family;
    std::vector<std::string> keys;         // empty: any key
    bool (*when)(const Ctx&, const Step&); // nullptr: always
    Writer numpy;
    Writer torch; // nullptr: the NumPy text is valid PyTorch too
};

bool isInput(const Ctx&, const Step& s) {
    return s.op == OpKind::Input;
}
bool isDense(const Ctx&, const Step& s) {
    return s.op == OpKind::Dense;
}
bool isScale(const Ctx&, const Step& s) {
    return s.op == OpKind::Scale;
}
bool isMaskOp(const Ctx&, const Step& s) {
    return s.op == OpKind::Mask;
}
/// Attention's dot product: dot_scores, or scores when it is not scaled.
bool isDotProduct(const Ctx&, const Step& s) {
    return s.key == "dot_scores" || s.op == OpKind::Einsum;
}
/// weights · value: context (before the query mask), or output without one.
bool isWeightedValues(const Ctx&, const Step& s) {
    return s.key == "context" || s.op == OpKind::Einsum;
}
bool isConcat(const Ctx& c, const Step&) {
    return c.concat;
}
bool isAdditive(const Ctx& c, const Step&) {
    return c.additive;
}

// The tanh-sum scores: Attention(score_mode="concat") and AdditiveAttention, in NumPy or torch.
std::string tanhSumScores(const Ctx& c, bool torch) {
    const std::string q = "query[:, :, None, :]", k = std::string(c.keySrc()) + "[:, None, :, :]";
    const std::string W = torch ? "P" : "D", tanh = torch ? "torch.tanh(" : "np.tanh(";
    auto sum = [&](const std::string& x) { return torch ? x + ".sum(-1)" : "np.sum(" + x + ", axis=-1)"; };
    if (c.concat)
        return "scores = " + W + "[\"concat_score_weight\"] * " +
               sum(tanh + (c.useScale ? W + "[\"scale\"] * (" + q + " + " + k + ")" : q + " + " + k) + ")") + "\n";
    if (torch)
        return "scores = " +
               (c.useScale ? "(" + W + "[\"scale\"] * " + tanh + q + " + " + k + ")).sum(-1)"
                           : tanh + q + " + " + k + ").sum(-1)") +
               "\n";
    return "scores = " + sum((c.useScale ? W + "[\"scale\"] * " : std::string()) + tanh + q + " + " + k + ")") + "\n";
}

const std::vector<StepRow>& stepTable() {
    static const std::vector<StepRow> rows = {
        // --- inputs and masks -------------------------------------------------
        {Family::Heads,
         {"mask"},
         isInput,
         [](const Ctx& c, const Step& s) { return headsMask(c, s, false); },
         [](const Ctx& c, const Step& s) { return headsMask(c, s, true); }},
        {Family::Heads,
         {"padding_mask", "causal_mask", "sliding_window_mask", "attention_mask"},
         isInput,
         [](const Ctx& c, const Step& s) { return headsMaskPart(c, s, false); },
         [](const Ctx& c, const Step& s) { return headsMaskPart(c, s, true); }},
        {Family::Dot, {"mask"}, isInput, npDotMask, torchDotMask},
        {Family::Any,
         {"query_mask"},
         isInput,
         [](const Ctx&, const Step&) -> std::string { return "query_mask = D[\"query_mask\"].astype(bool)\n"; },
         [](const Ctx&, const Step&) -> std::string { return "query_mask = P[\"query_mask\"].bool()\n"; }},
        {Family::Any,
         {},
         isInput,
         [](const Ctx&, const Step& s) { return s.key + " = D[\"" + s.key + "\"]\n"; },
         [](const Ctx&, const Step& s) { return s.key + " = P[\"" + s.key + "\"]\n"; }},
        // --- MultiHeadAttention and GroupQueryAttention ------------------------
        {Family::Heads, {}, isDense, npDense, torchDense},
        {Family::Heads,
         {"scaled_query"},
         nullptr,
         [](const Ctx& c, const Step&) {
             return "scaled_query = query_dense * np.float32(1.0 / math.sqrt(" + str(c.H) + "))\n";
         },
         [](const Ctx& c, const Step&) {
             return "scaled_query = query_dense * (1.0 / math.sqrt(" + str(c.H) +
                    "))  # torch divides q by sqrt(head_dim) inside its attention\n";
         }},
        {Family::Heads,
         {"key_repeated", "value_repeated"},
         nullptr,
         [](const Ctx& c, const Step& s) {
             return s.key + " = np.repeat(" + s.inputs.at(0) + ", " + str(c.N / c.Nkv) +
                    ", axis=2)  # ops.repeat: query head n reads head n // " + str(c.N / c.Nkv) + "\n";
         },
         [](const Ctx& c, const Step& s) {
             return s.key + " = " + s.inputs.at(0) + ".repeat_interleave(" + str(c.N / c.Nkv) +
                    ", dim=2)  # GQA: torch 1.13 has no grouped heads; each key/value head serves " + str(c.N / c.Nkv) +
                    " query heads\n";
         }},
        {Family::Heads,
         {"scores"},
         nullptr,
         [](const Ctx& c, const Step& s) {
             return c.gqa ? "scores = np.einsum(\"" + s.einsum + "\", scaled_query, " + s.inputs.at(1) + ")\n"
                          : "scores = np.einsum(\"" + s.einsum + "\", " + s.inputs.at(1) +
                                ", scaled_query)  # Keras passes (key, query)\n";
         },
         [](const Ctx&, const Step& s) {
             return "scores = torch.matmul(scaled_query.transpose(1, 2), " + s.inputs.at(1) +
                    ".permute(0, 2, 3, 1))  # [B,N,T,H] @ [B,N,H,S]\n";
         }},
        {Family::Heads,
         {"masked_scores"},
         nullptr,
         [](const Ctx& c, const Step&) {
             return "masked_scores = np.where(" + c.maskVsScores() +
                    ", scores, np.float32(-1e9))  # replaced, not subtracted\n";
         },
         [](const Ctx& c, const Step&) {
             return "masked_scores = scores.masked_fill(~" + c.maskVsScores() + ", -1e9)  # torch itself fills -inf\n";
         }},
        {Family::Heads,
         {"weights"},
         nullptr,
         [](const Ctx& c, const Step& s) {
             std::string r = "weights = softmax(" + s.inputs.at(0) + ")\n";
             if (c.trace.find("mask"))
                 r += "weights = np.where(" + c.maskVsScores() +
                      ", weights, np.float32(0))  # Keras >= 3.14 zeroes masked probabilities\n";
             return r;
         },
         [](const Ctx& c, const Step& s) {
             std::string r = "weights = torch.softmax(" + s.inputs.at(0) + ", dim=-1)\n";
             if (c.trace.find("mask"))
                 r += "weights = weights.masked_fill(~" + c.maskVsScores() +
                      ", 0.0)  # Keras zeroes masked probabilities\n";
             return r;
         }},
        {Family::Heads,
         {"context"},
         nullptr,
         [](const Ctx&, const Step& s) {
             return "context = np.einsum(\"" + s.einsum + "\", " + s.inputs.at(0) + ", " + s.inputs.at(1) + ")\n";
         },
         [](const Ctx&, const Step& s) {
             return "context = torch.matmul(" + s.inputs.at(0) + ", " + s.inputs.at(1) +
                    ".transpose(1, 2)).transpose(1, 2)  # [B,N,T,S] @ [B,N,S,Hv] -> [B,T,N,Hv]\n";
         }},
        {Family::Heads,
         {"gated_context"},
         nullptr,
         [](const Ctx&, const Step&) -> std::string { return "gated_context = context * gate\n"; },
         nullptr},
        {Family::Heads,
         {"concat_heads"},
         nullptr,
         [](const Ctx& c, const Step& s) {
             return "concat_heads = " + s.inputs.at(0) + ".reshape(" + str(c.B) + ", " + str(c.T) + ", " +
                    str(c.N * c.Hv) + ")\n";
         },
         nullptr},
        {Family::Heads,
         {"residual"},
         nullptr,
         [](const Ctx&, const Step&) -> std::string { return "residual = query + output\n"; },
         nullptr},
        {Family::Heads,
         {"layer_norm"},
         nullptr,
         [](const Ctx&, const Step& s) {
             return "mean = residual.mean(axis=-1, keepdims=True)\n"
                    "var = ((residual - mean) ** 2).mean(axis=-1, keepdims=True)\n"
                    "layer_norm = (residual - mean) / np.sqrt(var + np.float32(" +
                    pyFloat(s.epsilon) +
                    ")) * D[\"layer_norm/gamma\"] + "
                    "D[\"layer_norm/beta\"]\n";
         },
         [](const Ctx& c, const Step& s) {
             return "layer_norm = F.layer_norm(residual, (" + str(c.dq) +
                    ",), P[\"layer_norm/gamma\"], P[\"layer_norm/beta\"], eps=" + pyFloat(s.epsilon) +
                    ")  # Keras' epsilon; torch's default is 1e-5\n";
         }},
        // --- Attention and AdditiveAttention ----------------------------------
        {Family::Dot,
         {"dot_scores", "scores"},
         isDotProduct,
         [](const Ctx& c, const Step& s) {
             return s.key + " = np.matmul(query, np.swapaxes(" + c.keySrc() + ", -1, -2))\n";
         },
         [](const Ctx& c, const Step& s) {
             return s.key + " = torch.bmm(query, " + c.keySrc() +
                    ".transpose(1, 2))  # no 1/sqrt(d) in Keras' Attention\n";
         }},
        {Family::Dot,
         {"scores"},
         isScale,
         [](const Ctx&, const Step&) -> std::string { return "scores = dot_scores * D[\"scale\"]\n"; },
         [](const Ctx&, const Step&) -> std::string { return "scores = dot_scores * P[\"scale\"]\n"; }},
        {Family::Dot,
         {"scores"},
         isConcat,
         [](const Ctx& c, const Step&) { return tanhSumScores(c, false); },
         [](const Ctx& c, const Step&) { return tanhSumScores(c, true); }},
        {Family::Dot,
         {"scores"},
         isAdditive,
         [](const Ctx& c, const Step&) { return tanhSumScores(c, false); },
         [](const Ctx& c, const Step&) { return tanhSumScores(c, true); }},
        {Family::Dot,
         {"masked_scores"},
         nullptr,
         [](const Ctx&, const Step&) -> std::string {
             return "masked_scores = np.where(mask, scores, scores - np.float32(1e9))  # subtracted, not replaced\n";
         },
         [](const Ctx&, const Step&) -> std::string {
             return "masked_scores = torch.where(mask, scores, scores - 1e9)  # Keras subtracts 1e9\n";
         }},
        {Family::Dot,
         {"weights"},
         nullptr,
         [](const Ctx&, const Step& s) { return "weights = softmax(" + s.inputs.at(0) + ")\n"; },
         [](const Ctx&, const Step& s) { return "weights = torch.softmax(" + s.inputs.at(0) + ", dim=-1)\n"; }},
        {Family::Dot,
         {"context", "output"},
         isWeightedValues,
         [](const Ctx& c, const Step& s) { return s.key + " = np.matmul(" + c.probs() + ", value)\n"; },
         [](const Ctx& c, const Step& s) { return s.key + " = torch.bmm(" + c.probs() + ", value)\n"; }},
        {Family::Dot,
         {"output"},
         isMaskOp,
         [](const Ctx&, const Step&) -> std::string {
             return "output = np.where(query_mask[:, :, None], context, np.float32(0))\n";
         },
         [](const Ctx&, const Step&) -> std::string {
             return "output = context.masked_fill(~query_mask[:, :, None], 0.0)\n";
         }},
        // --- every layer -------------------------------------------------------
        {Family::Any,
         {"dropout"},
         nullptr,
         [](const Ctx&, const Step&) -> std::string {
             return "dropout = np.where(D[\"dropout_keep\"].astype(bool), weights / KEEP_PROB, np.float32(0))\n";
         },
         [](const Ctx&, const Step&) -> std::string {
             return "dropout = torch.where(P[\"dropout_keep\"].bool(), weights / KEEP_PROB, torch.zeros(()))  # "
                    "F.dropout would draw its own mask\n";
         }},
    };
    return rows;
}

bool matches(const StepRow& row, const Ctx& c, const Step& s) {
    if ((row.family == Family::Heads && !c.mha) || (row.family == Family::Dot && c.mha))
        return false;
    if (!row.keys.empty() && std::find(row.keys.begin(), row.keys.end(), s.key) == row.keys.end())
        return false;
    return !row.when || row.when(c, s);
}

/// The lines that compute step `s` in NumPy (torch false) or PyTorch.
std::string stepCode(const Ctx& c, const Step& s, bool torch) {
    for (const StepRow& row : stepTable())
        if (matches(row, c, s))
            return (torch && row.torch ? row.torch : row.numpy)(c, s);
    return "# attnviz cannot write step '" + s.key + "' in this target yet: the check below reports it.\n";
}

std::string stepHeader(const Step& s) {
    std::string r = "\n# --- " + s.key + ": " + s.title + " ";
    if (r.size() < 80)
        r += std::string(80 - r.size(), '-');
    r += "\n";
    if (!s.formula.empty() && s.formula.find('\n') == std::string::npos)
        r += "# " + s.formula + "\n";
    if (!s.einsum.empty())
        r += "# einsum \"" + s.einsum + "\"\n";
    r += "# shape " + shapeWithAxes(s) + "\n";
    if (!s.kerasCode.empty()) {
        // Every line a comment (some steps' Keras code spans several lines).
        std::string code = s.kerasCode;
        for (size_t p = code.find('\n'); p != std::string::npos; p = code.find('\n', p + 1))
            code.replace(p, 1, "\n#        ");
        r += "# Keras: " + code + "\n";
    }
    return r;
}

// The scripts compute the forward pass; a trace's backward steps (grad/...) are left out.
bool forwardStep(const Step& s) {
    return !s.key.starts_with("grad/");
}

std::string traceKeysList(const Trace& t) {
    std::string r = "TRACE_KEYS = [";
    bool first = true;
    for (const Step& s : t.steps)
        if (forwardStep(s)) {
            r += (first ? "" : ", ") + pyStr(s.key);
            first = false;
        }
    return r + "]\n";
}

std::string preamble(const Ctx& c, ScriptTarget target, const std::string& stem, const std::string& what) {
    std::string r = "#!/usr/bin/env python3\n\"\"\"" + what + "\n\nWritten by attnviz from a " + c.trace.layer +
                    " spec. Inputs, masks and weights are read from " + stem +
                    ".npz beside this file; at the end every step is compared with attnviz's trace in " + stem +
                    "_trace.npz (max |delta| per key). Exit status 1 when a step differs past rtol 1e-4 / atol "
                    "1e-5.\n\"\"\"\n"
                    "import math\nimport os\nimport sys\n\nimport numpy as np\n";
    if (target == ScriptTarget::Torch)
        r += "import torch\nimport torch.nn.functional as F\n";
    if (target == ScriptTarget::Keras)
        r += "\nimport keras\nfrom keras import ops\n";
    r += "\nHERE = os.path.dirname(os.path.abspath(__file__))\n"
         "DATA_FILE = os.path.join(HERE, " +
         pyStr(stem + ".npz") +
         ")\n"
         "TRACE_FILE = os.path.join(HERE, " +
         pyStr(stem + "_trace.npz") + ")\n" + traceKeysList(c.trace);
    if (c.dropout) {
        r += "RATE = np.float32(" + pyFloat(c.rate) +
             ")\n"
             "KEEP_PROB = np.float32(1) - RATE\n"
             "# training=True with dropout: instead of drawing a new random mask, this script uses the one attnviz "
             "drew,\n# saved as 'dropout_keep' (1 = kept) in " +
             stem + ".npz, so the numbers match the trace. Kept weights are divided by 1 - rate.\n";
    }
    return r;
}

std::string compareBlock(bool allKeysRequired) {
    std::string r = R"PY(

# --- Compare with attnviz's trace ----------------------------------------------
def to_numpy(x):
    if hasattr(x, "detach"):
        x = x.detach().cpu().numpy()
    return np.asarray(x, dtype=np.float64)


def compare(computed, rtol=1e-4, atol=1e-5):
    trace = np.load(TRACE_FILE)
    failed = 0
    width = max(len(k) for k in TRACE_KEYS)
    for key in TRACE_KEYS:
        want = np.asarray(trace[key], dtype=np.float64)
        if key not in computed:
)PY";
    if (allKeysRequired)
        r += R"PY(            print(f"{key:<{width}}  NOT COMPUTED")
            failed += 1
)PY";
    else
        r += R"PY(            print(f"{key:<{width}}  (not exposed by the layer)")
)PY";
    r += R"PY(            continue
        got = to_numpy(computed[key])
        if got.shape != want.shape:
            print(f"{key:<{width}}  SHAPE {got.shape} != trace {want.shape}")
            failed += 1
            continue
        finite = np.isfinite(got) & np.isfinite(want)
        delta = float(np.abs(got - want)[finite].max()) if finite.any() else 0.0
        ok = bool(np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=True))
        failed += 0 if ok else 1
        print(f"{key:<{width}}  max|delta| = {delta:.3g}" + ("" if ok else "  DIFFERS"))
    return failed
)PY";
    return r;
}

std::string numpyScript(const Ctx& c, const std::string& stem) {
    std::string r =
        preamble(c, ScriptTarget::NumPy, stem, "Keras 3 " + c.trace.layer + ", one step at a time in NumPy (float32).");
    r += R"PY(
D = dict(np.load(DATA_FILE))  # inputs, masks (nonzero = keep, as in Keras) and weights by npz name


def softmax(x):
    # Keras' softmax over the last axis: exp(x - max) / sum(exp(x - max)).
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)

)PY";
    for (const Step& s : c.trace.steps)
        if (forwardStep(s))
            r += stepHeader(s) + stepCode(c, s, false);
    r += compareBlock(true);
    r += R"PY(

if __name__ == "__main__":
    computed = {k: v for k, v in globals().items() if k in TRACE_KEYS}
    sys.exit(1 if compare(computed) else 0)
)PY";
    return r;
}

std::string torchMhaBlock(const Ctx& c) {
    std::string why;
    if (c.gqa)
        return "\n# GroupQueryAttention: torch 1.13 has no grouped-query layer (torch >= 2.5's\n"
               "# F.scaled_dot_product_attention(enable_gqa=True) repeats the key/value heads the same way), so the "
               "steps\n# above are the whole translation.\n";
    if (!c.mhaTorchExpressible(&why))
        return "\n# torch.nn.MultiheadAttention cannot express this layer, so the steps above are the whole "
               "translation:\n" +
               why;
    const bool sameIn = c.trace.find(c.keySrc())->value.dim(2) == c.dq && c.trace.find("value")->value.dim(2) == c.dq;
    const std::string E = str(c.dq), NH = str(c.N * c.H);
    std::string r = R"PY(

# --- The same layer as torch.nn.MultiheadAttention -------------------------------
# Layout: torch stores [out, in] matrices and computes x @ W.T + b. A Keras kernel [E, N, H]
# becomes W.reshape(E, N*H).T; head n is rows n*H .. n*H+H-1. q, k and v are stacked in
# in_proj_weight [3E, E] when key and value have width E, else q_proj_weight, k_proj_weight,
# v_proj_weight. The biases are one in_proj_bias [3E]; out_proj.weight is Wo.reshape(N*Hv, E).T.
# Scaling: torch divides q by sqrt(head_dim) = sqrt(E / num_heads) inside its attention; here that is
# key_dim, the number Keras uses.
# Masks: torch's boolean attn_mask and key_padding_mask mean True = NOT allowed, the opposite of Keras.
# A fully masked row gives NaN in torch (Keras: zero weights, output = bias), so such rows are left out
# of this check.
)PY";
    r += "mha = torch.nn.MultiheadAttention(" + E + ", " + str(c.N) + ", bias=" + pyBool(c.bias) +
         ", batch_first=True, kdim=" + str(c.trace.find(c.keySrc())->value.dim(2)) +
         ", vdim=" + str(c.trace.find("value")->value.dim(2)) + ")\nwith torch.no_grad():\n";
    auto w = [&](const std::string& name, const Shape& s) {
        return "P[\"" + name + "\"].reshape(" + str(s[0]) + ", " + str(s[1] * s[2]) + ").T";
    };
    const auto& W = c.trace.params;
    const std::string wq = w("query_dense/kernel", W.at("query_dense/kernel").shape());
    const std::string wk = w("key_dense/kernel", W.at("key_dense/kernel").shape());
    const std::string wv = w("value_dense/kernel", W.at("value_dense/kernel").shape());
    if (sameIn)
        r += "    mha.in_proj_weight.copy_(torch.cat([" + wq + ", " + wk + ", " + wv + "]))\n";
    else
        r += "    mha.q_proj_weight.copy_(" + wq + ")\n    mha.k_proj_weight.copy_(" + wk +
             ")\n    mha.v_proj_weight.copy_(" + wv + ")\n";
    if (c.bias)
        r += "    mha.in_proj_bias.copy_(torch.cat([P[\"query_dense/bias\"].reshape(-1), "
             "P[\"key_dense/bias\"].reshape(-1), P[\"value_dense/bias\"].reshape(-1)]))\n"
             "    mha.out_proj.bias.copy_(P[\"output_dense/bias\"])\n";
    r += "    mha.out_proj.weight.copy_(P[\"output_dense/kernel\"].reshape(" + NH + ", " + E + ").T)\n";
    r += "mha.eval()\n";
    const bool masked = c.trace.find("mask") != nullptr;
    if (masked && c.maskRank() == 4)
        r += "# One boolean mask per (batch, head) row of torch's [B*N, T, S] layout, True = blocked.\n"
             "torch_attn_mask = (~mask).reshape(" +
             str(c.B * c.N) + ", " + str(c.T) + ", " + str(c.S) +
             ")\n"
             "rows = mask.any(dim=-1).all(dim=1)  # [B,T]: rows with an allowed key in every head\n";
    else if (masked)
        r += "# One boolean mask per (batch, head) row of torch's [B*N, T, S] layout, True = blocked.\n"
             "torch_attn_mask = (~mask).repeat_interleave(" +
             str(c.N) +
             ", dim=0)\n"
             "rows = mask.any(dim=-1)  # [B,T]: rows with at least one allowed key\n";
    else
        r += "torch_attn_mask = None\nrows = torch.ones(" + str(c.B) + ", " + str(c.T) + ", dtype=torch.bool)\n";
    r += "with torch.no_grad():\n"
         "    mha_output, mha_weights = mha(query, " +
         std::string(c.keySrc()) +
         ", value, attn_mask=torch_attn_mask, need_weights=True, average_attn_weights=False)\n"
         "\n\ndef check_nn_mha():\n"
         "    ok = True\n"
         "    for name, got, want in ((\"output\", mha_output[rows], output[rows]),\n"
         "                            (\"weights\", mha_weights.transpose(1, 2)[rows], weights.transpose(1, "
         "2)[rows])):\n"
         "        d = float((got - want).abs().max()) if got.numel() else 0.0\n"
         "        good = bool(torch.allclose(got, want, rtol=1e-4, atol=1e-5))\n"
         "        ok = ok and good\n"
         "        print(f\"nn.MultiheadAttention {name}: max|delta| = {d:.3g}\" + (\"\" if good else \"  DIFFERS\"))\n"
         "    return ok\n";
    return r;
}

std::string torchScript(const Ctx& c, const std::string& stem) {
    std::string r = preamble(c, ScriptTarget::Torch, stem,
                             "Keras 3 " + c.trace.layer + " written with PyTorch ops (float32), step by step.");
    r += "\nP = {k: torch.from_numpy(v) for k, v in np.load(DATA_FILE).items()}  # inputs, masks (nonzero = keep), "
         "weights\n";
    if (!c.mha) {
        r += c.additive ? "# AdditiveAttention has no PyTorch counterpart: torch has no Bahdanau layer, so the "
                          "scores are\n# written out: sum_d scale[d] * tanh(q + k), with no projections (as in "
                          "Keras).\n"
                        : (c.concat ? "# Attention(score_mode=\"concat\") has no PyTorch counterpart: the "
                                      "scores are written out.\n"
                                    : "# Attention (dot) is a plain bmm in torch. torch's "
                                      "F.scaled_dot_product_attention (2.0+) would divide by sqrt(d);\n# Keras' "
                                      "Attention does not (use_scale multiplies by one learned scalar).\n");
        r += "# Masks: Keras subtracts 1e9 from masked scores (torch's masks would use -inf), and the query "
             "mask\n# only zeroes output rows at the end.\n";
    } else if (c.out != c.dq) {
        r += "# output_shape has no PyTorch counterpart: nn.MultiheadAttention always maps back to embed_dim; "
             "here\n# the output projection is an F.linear to " +
             str(c.out) + " features.\n";
    }
    for (const Step& s : c.trace.steps)
        if (forwardStep(s))
            r += stepHeader(s) + stepCode(c, s, true);
    const bool nn = c.mha && !c.gqa && c.mhaTorchExpressible(nullptr);
    if (c.mha)
        r += torchMhaBlock(c);
    r += compareBlock(true);
    r += "\n\nif __name__ == \"__main__\":\n"
         "    computed = {k: v for k, v in globals().items() if k in TRACE_KEYS}\n"
         "    failed = compare(computed)\n";
    if (nn)
        r += "    failed += 0 if check_nn_mha() else 1\n";
    r += "    sys.exit(1 if failed else 0)\n";
    return r;
}

// --- Keras ------------------------------------------------------------------

/// The inputs and masks as Keras tensors (masks as given: the layer casts them itself).
std::string kerasInputs(const Ctx& c) {
    const Spec& sp = c.spec;
    std::string r = R"PY(
D = dict(np.load(DATA_FILE))  # inputs, masks (nonzero = keep) and weights by npz name
query = ops.convert_to_tensor(D["query"])
value = ops.convert_to_tensor(D["value"])
)PY";
    if (c.hasKey)
        r += "key = ops.convert_to_tensor(D[\"key\"])\n";
    auto maskT = [](const std::string& n) { return n + " = ops.convert_to_tensor(D[\"" + n + "\"])\n"; };
    if (sp.queryMask)
        r += maskT("query_mask");
    if (sp.valueMask)
        r += maskT("value_mask");
    if (sp.keyMask)
        r += maskT("key_mask");
    if (sp.attentionMask)
        r += maskT("attention_mask");
    r += "computed = {\"query\": query, \"value\": value}\n";
    if (c.hasKey)
        r += "computed[\"key\"] = key\n";
    return r;
}

/// A head layer built, its variables set from the exported weights, the
/// query's mask attached and attnviz's dropout mask swapped in.
std::string kerasHeadsBuild(const Ctx& c) {
    const Spec& sp = c.spec;
    const LayerConfig& cfg = sp.config;
    std::string r = "\nlayer = " + kerasConstructor(cfg, PyArgs::All) + "\n";
    r += "layer(query, value" + std::string(c.hasKey ? ", key=key" : "") +
         ")  # build the layer (creates its variables) before setting them\n";
    r += c.gqa ? "# Keras sub-layers: _query_dense, _key_dense, _value_dense, _output_dense (EinsumDense), and\n"
                 "# _gate_dense with use_gate; kernels [in, heads, head_dim] and [num_query_heads, head_dim, "
                 "out].\n"
               : "# Keras sub-layers: _query_dense, _key_dense, _value_dense, _output_dense (EinsumDense), and\n"
                 "# _gate_dense with use_gate; kernels [in, num_heads, dim] and [num_heads, value_dim, out].\n";
    std::vector<std::string> denses{"query_dense", "key_dense", "value_dense", "output_dense"};
    if (cfg.useGate)
        denses.push_back("gate_dense");
    for (const std::string& d : denses) {
        r += "layer._" + d + ".kernel.assign(D[\"" + d + "/kernel\"])\n";
        if (cfg.useBias)
            r += "layer._" + d + ".bias.assign(D[\"" + d + "/bias\"])\n";
    }
    if (sp.queryMask && !c.gqa)
        r += "\n# MultiHeadAttention ignores its query_mask= keyword: it reads the mask attached to the query\n"
             "# tensor (as Embedding(mask_zero=True) would attach it).\n"
             "from keras.src.backend.common.masking import set_keras_mask\n\n"
             "set_keras_mask(query, query_mask)\n";
    if (c.dropout)
        r += "\n# Replace the layer's Dropout by the mask attnviz drew (a plain function: the built layer "
             "accepts\n# no new sub-layers).\n"
             "keep = ops.convert_to_tensor(D[\"dropout_keep\"].astype(bool))\n"
             "layer._dropout_layer = lambda x, training=None: ops.where(keep, ops.divide(x, KEEP_PROB), 0.0)\n";
    return r;
}

/// A head layer's intermediates, from its own sub-layers and methods.
std::string kerasHeadsIntermediates(const Ctx& c) {
    const Spec& sp = c.spec;
    const LayerConfig& cfg = sp.config;
    const std::string training = pyBool(sp.call.training);
    const std::string causal = pyBool(sp.call.useCausalMask);
    std::string r = "\n# The intermediates, from the layer's own sub-layers and methods:\n"
                    "query_dense = layer._query_dense(query)\n"
                    "key_dense = layer._key_dense(" +
                    std::string(c.keySrc()) +
                    ")\n"
                    "value_dense = layer._value_dense(value)\n"
                    "computed.update(query_dense=query_dense, key_dense=key_dense, value_dense=value_dense)\n";
    if (const Step* mask = c.trace.find("mask")) {
        auto given = [](bool has, const char* name) { return std::string(has ? name : "None"); };
        r +=
            "mask = layer._compute_attention_mask(query, value, query_mask=" + given(bool(sp.queryMask), "query_mask") +
            ", value_mask=" + given(bool(sp.valueMask), "value_mask") +
            ", key_mask=" + given(bool(sp.keyMask), "key_mask") +
            ", attention_mask=" + given(bool(sp.attentionMask), "attention_mask") + ", use_causal_mask=" + causal +
            ")\n";
        r += "computed[\"mask\"] = np.broadcast_to(ops.convert_to_numpy(mask), (" + shapeText(mask->value) + "))\n";
    } else {
        r += "mask = None\n";
    }
    if (c.gqa)
        r += "key_repeated = ops.repeat(key_dense, layer.num_repeats, axis=2)\n"
             "value_repeated = ops.repeat(value_dense, layer.num_repeats, axis=2)\n"
             "computed.update(key_repeated=key_repeated, value_repeated=value_repeated)\n"
             "context, _ = layer._compute_attention(query_dense, key_repeated, value_repeated, "
             "attention_mask=mask, training=" +
             training +
             ")\n"
             "computed[\"scaled_query\"] = ops.multiply(query_dense, ops.cast(layer._inverse_sqrt_head_dim, "
             "\"float32\"))\n"
             "computed[\"scores\"] = ops.einsum(layer._dot_product_equation, computed[\"scaled_query\"], "
             "key_repeated)\n";
    else
        r += "context, _ = layer._compute_attention(query_dense, key_dense, value_dense, mask, training=" + training +
             ", return_attention_scores=True)\n"
             "computed[\"scaled_query\"] = ops.multiply(query_dense, ops.cast(layer._inverse_sqrt_key_dim, "
             "\"float32\"))\n"
             "computed[\"scores\"] = ops.einsum(layer._dot_product_equation, key_dense, "
             "computed[\"scaled_query\"])\n";
    r += "computed[\"context\"] = context\n";
    std::string heads = "context";
    if (cfg.useGate) {
        r += "gate = layer._gate_dense(query)  # sigmoid activation\n"
             "gated_context = ops.multiply(context, gate)\n"
             "computed.update(gate=gate, gated_context=gated_context)\n";
        heads = "gated_context";
    }
    r += "computed[\"concat_heads\"] = ops.reshape(" + heads + ", (" + str(c.B) + ", " + str(c.T) + ", " +
         str(c.N * c.Hv) + "))\n";
    if (const Step* norm = c.trace.find("layer_norm"); cfg.transformerSublayer && norm)
        r += "\n# The Transformer sub-layer (TensorFlow tutorial): Add, then LayerNormalization (epsilon=" +
             pyFloat(norm->epsilon) +
             ").\n"
             "residual = keras.layers.Add()([query, output])\n"
             "norm = keras.layers.LayerNormalization()\n"
             "norm(residual)  # build\n"
             "norm.gamma.assign(D[\"layer_norm/gamma\"])\n"
             "norm.beta.assign(D[\"layer_norm/beta\"])\n"
             "computed.update(residual=residual, layer_norm=norm(residual))\n";
    return r;
}

/// MultiHeadAttention / GroupQueryAttention: built, called, then taken apart.
std::string kerasHeads(const Ctx& c) {
    std::string r = kerasHeadsBuild(c);
    r += "\noutput, weights = " + kerasCall(c.spec, c.hasKey, PyArgs::All) + "\n";
    r += "computed[\"output\"] = output\ncomputed[\"weights\"] = weights  # before dropout\n";
    return r + kerasHeadsIntermediates(c);
}

/// Attention / AdditiveAttention: built, its variables set, called, and its scores and mask.
std::string kerasDot(const Ctx& c) {
    const Spec& sp = c.spec;
    std::string r = "\nlayer = " + kerasConstructor(sp.config, PyArgs::All) + "\n";
    const std::string inputs =
        c.hasKey ? "[query, value, key]" : "[query, value]"; // Keras: [query, value] or [query, value, key]
    r += "layer(" + inputs + ")  # build the layer (creates its variables) before setting them\n";
    if (c.useScale)
        r += "layer.scale.assign(D[\"scale\"])\n";
    if (c.concat)
        r += "layer.concat_score_weight.assign(D[\"concat_score_weight\"])\n";
    if (c.dropout)
        r += "\n# Attention calls backend.random.dropout; use the mask attnviz drew instead.\n"
             "import keras.src.backend as keras_backend\n\n"
             "keep = ops.convert_to_tensor(D[\"dropout_keep\"].astype(bool))\n"
             "keras_backend.random.dropout = lambda x, rate, noise_shape=None, seed=None: ops.where(keep, "
             "ops.divide(x, KEEP_PROB), 0.0)\n";
    r += "\noutput, weights = " + kerasCall(sp, c.hasKey, PyArgs::All) + "\n";
    r += "computed[\"output\"] = output\n";
    r += c.dropout ? "computed[\"dropout\"] = weights  # Attention returns the weights after dropout\n"
                   : "computed[\"weights\"] = weights\n";
    r += "\n# The intermediates, from the layer's own methods:\n"
         "scores = layer._calculate_scores(query=query, key=" +
         std::string(c.keySrc()) + ")\ncomputed[\"scores\"] = scores\n";
    if (c.trace.find("mask"))
        r += "mask = layer._calculate_score_mask(scores, " + std::string(sp.valueMask ? "value_mask" : "None") + ", " +
             pyBool(sp.call.useCausalMask) +
             ")\nif len(mask.shape) == 2:  # the value mask alone stays [B,S]\n    mask = ops.expand_dims(mask, "
             "-2)\ncomputed[\"mask\"] = np.broadcast_to(ops.convert_to_numpy(mask), (" +
             str(c.B) + ", " + str(c.T) + ", " + str(c.S) + "))\n";
    return r;
}

std::string kerasScript(const Ctx& c, const std::string& stem) {
    std::string r = preamble(c, ScriptTarget::Keras, stem,
                             "Keras 3 " + c.trace.layer +
                                 ": the real layer, its weights set from attnviz's, called with the same masks "
                                 "and return_attention_scores=True.");
    r += kerasInputs(c);
    r += c.mha ? kerasHeads(c) : kerasDot(c);
    r += compareBlock(false);
    r += R"PY(

if __name__ == "__main__":
    computed = {k: ops.convert_to_numpy(v) for k, v in computed.items()}
    sys.exit(1 if compare(computed) else 0)
)PY";
    return r;
}

} // namespace

ScriptExport exportScript(const Spec& spec, const Trace& trace, ScriptTarget target, const std::string& stem) {
    const Ctx c(spec, trace);
    ScriptExport e;
    for (const Step& s : trace.steps)
        if (forwardStep(s))
            e.traceArrays[s.key] = s.value;
    for (const char* k : {"query", "key", "value"})
        if (const Step* s = trace.find(k))
            e.data[k] = s->value;
    auto mask01 = [](const Tensor& m) {
        Tensor t = m;
        for (float& v : t.values())
            v = v != 0.0f ? 1.0f : 0.0f;
        return t;
    };
    // Masks as given (the scripts cast them as Keras does: nonzero is True).
    if (spec.queryMask)
        e.data["query_mask"] = *spec.queryMask;
    if (spec.valueMask)
        e.data["value_mask"] = *spec.valueMask;
    if (spec.keyMask)
        e.data["key_mask"] = *spec.keyMask;
    if (spec.attentionMask)
        e.data["attention_mask"] = *spec.attentionMask;
    for (const auto& [name, w] : trace.params)
        e.data[name] = w;
    if (c.dropout) {
        // The keep mask core::run drew: dropout of ones with the same seed.
        Tensor ones(trace.find("weights")->value.shape());
        std::fill(ones.values().begin(), ones.values().end(), 1.0f);
        dropoutInPlace(ones, spec.config.dropout, spec.seed);
        e.data["dropout_keep"] = mask01(ones);
    }
    switch (target) {
    case ScriptTarget::NumPy: e.script = numpyScript(c, stem); break;
    case ScriptTarget::Torch: e.script = torchScript(c, stem); break;
    case ScriptTarget::Keras: e.script = kerasScript(c, stem); break;
    }
    return e;
}

void writeScriptExport(const std::string& pyPath, const Spec& spec, const Trace& trace, ScriptTarget target) {
    namespace fs = std::filesystem;
    const fs::path py(pyPath);
    if (py.extension() != ".py")
        throw std::invalid_argument("The script file must end in .py. Received: " + pyPath);
    const std::string stem = py.stem().string();
    const ScriptExport e = exportScript(spec, trace, target, stem);
    const fs::path dir = py.parent_path();
    writeNpz((dir / (stem + ".npz")).string(), e.data);
    writeNpz((dir / (stem + "_trace.npz")).string(), e.traceArrays);
    std::ofstream f(py, std::ios::binary);
    f << e.script;
    f.close();
    if (!f)
        throw std::runtime_error("cannot write '" + pyPath + "'");
}

std::string torchCode(const Spec& spec, const Trace& trace, const Step& step) {
    const Ctx c(spec, trace);
    return stepCode(c, step, true);
}

CodeListing torchListing(const Spec& spec, const Trace& trace) {
    const Ctx c(spec, trace);
    CodeListing l;
    int line = 0;
    auto add = [&](const std::string& text) {
        l.code += text;
        for (char ch : text)
            line += ch == '\n';
    };
    add("# " + trace.layer +
        " in PyTorch, step by step (File > Export > Python script > PyTorch writes it whole).\n"
        "# P holds the inputs, masks and weights as torch tensors, under their weights.npz names.\n"
        "import math\nimport torch\nimport torch.nn.functional as F\n");
    for (const Step& s : trace.steps) {
        if (!forwardStep(s))
            continue;
        add("\n# " + s.key + ": " + s.title + "\n");
        const std::string code = stepCode(c, s, true);
        const int first = line;
        add(code);
        l.linesOfStep[s.key] = {first, line - first};
    }
    return l;
}

} // namespace attnviz::core
