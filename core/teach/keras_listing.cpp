// Keras' source lines per layer (keras/src/layers/attention/*.py and
// keras/src/layers/activations/softmax.py at Keras 3.16), written out for the
// options a spec uses. The layers' Step::kerasCode strings are lines of these
// listings; the test checks it for every layer and option combination.
#include "core/teach/keras_listing.h"

#include "core/layers/keras_source.h"
#include "core/teach/python_text.h"

#include <algorithm>

namespace attnviz::core {

namespace {

namespace ks = keras_source;

/// Whether the trace applied a mask, and whether MultiHeadAttention left the
/// causal mask alone for _compute_attention() (the mask step says which line
/// of Keras made it).
struct MaskUse {
    bool any = false;
    bool causalOnly = false;
};

MaskUse maskUse(const Trace& trace) {
    const Step* m = trace.find("mask");
    return {.any = m != nullptr, .causalOnly = m && m->kerasCode == ks::kCausalOnlyMask};
}

// MultiHeadAttention and GroupQueryAttention: the call that returns the scores.
std::vector<std::string> headsListing(const Spec& s, const Trace& trace) {
    const LayerConfig& c = s.config;
    const bool gqa = c.layer == LayerKind::GroupQueryAttention;
    const ks::HeadsLines& k = ks::headsLines(gqa);
    const bool hasKey = trace.find("key") != nullptr;
    const MaskUse mask = maskUse(trace);
    const bool sliding = c.slidingWindow.has_value();
    std::vector<std::string> L;
    const std::string ctor = "layer = " + kerasConstructor(c, PyArgs::NonDefault);
    const std::string call = "output, weights = " + kerasCall(s, hasKey, PyArgs::NonDefault);

    const std::string file = gqa ? "grouped_query_attention.py" : "multi_head_attention.py";
    L.push_back("# Keras 3.16: keras.layers." + std::string(gqa ? "GroupQueryAttention" : "MultiHeadAttention") +
                ", the call that returns the attention weights");
    L.push_back("import keras");
    L.push_back("");
    L.push_back(ctor);
    if (!gqa && s.queryMask)
        L.push_back("query._keras_mask = query_mask  # the query's Keras mask, e.g. from Embedding(mask_zero=True)");
    L.push_back(call);
    L.push_back("");
    L.push_back("# What it runs (keras/src/layers/attention/" + file + ", abridged):");
    L.push_back("# --- call()");
    if (mask.any && !mask.causalOnly) {
        L.push_back("attention_mask = self._compute_attention_mask(query, value, query_mask=query_mask, "
                    "value_mask=value_mask, key_mask=key_mask, attention_mask=attention_mask, "
                    "use_causal_mask=use_causal_mask)");
        L.push_back("    # inside _compute_attention_mask: every source AND-ed into one boolean");
        if (s.queryMask)
            L.push_back(std::string("    ") + ks::kQueryMaskExpand);
        if (s.valueMask)
            L.push_back(std::string("    ") + ks::kValueMaskExpand);
        if (s.keyMask)
            L.push_back(std::string("    ") + ks::kKeyMaskExpand);
        if (s.call.useCausalMask)
            L.push_back(std::string("    ") + ks::kCausalMask);
        if (sliding)
            L.push_back(std::string("    ") + ks::kSlidingWindowMask);
        if (s.attentionMask) {
            if (gqa) {
                L.push_back("    attention_mask = (auto_mask if attention_mask is None");
                L.push_back(std::string("                      else ") + k.attentionMaskCast + ")");
            } else {
                L.push_back(std::string("    ") + k.attentionMaskCast);
                L.push_back("    attention_mask = auto_mask if attention_mask is None else attention_mask & auto_mask");
            }
        }
    }
    if (c.useGate)
        L.push_back(k.gate);
    for (const char* name : {"query", "key", "value"})
        L.push_back(ks::denseLine(name, gqa));
    if (gqa) {
        L.push_back(ks::repeatLine("key") +
                    "  # num_repeats = " + std::to_string(c.numHeads / std::max(1, c.numKeyValueHeads)));
        L.push_back(ks::repeatLine("value"));
    }
    L.push_back("# --- _compute_attention()");
    if (mask.causalOnly)
        L.push_back(std::string(ks::kCausalOnlyMask) + "  # call() left the causal mask for here");
    L.push_back(k.scaleQuery);
    L.push_back(std::string(k.scores) + (gqa ? "  # \"bquh,bkuh->buqk\"" : "  # \"aecd,abcd->acbe\""));
    L.push_back(k.maskedSoftmax);
    if (mask.any) {
        L.push_back("    # inside Softmax(axis=-1).call(inputs, mask): replace masked logits, zero masked weights");
        L.push_back(std::string("    ") + ks::kSoftmaxMaskedLogits + "  # -1e9");
        L.push_back("    outputs = activations.softmax(inputs, axis=self.axis)");
        L.push_back("    outputs = backend.numpy.where(mask, outputs, 0.0)");
    }
    if (c.dropout > 0)
        L.push_back(k.dropout);
    L.push_back(std::string(k.context) + (gqa ? "  # \"buqk,bkuh->bquh\"" : "  # \"acbe,aecd->abcd\""));
    L.push_back("# --- back in call()");
    L.push_back(ks::concatHeadsLine(k));
    L.push_back(ks::outputLine(k, c.useGate) +
                (c.useGate ? std::string("  # EinsumDense(\"") + k.outputEq + "\")" : ""));
    if (c.transformerSublayer) {
        L.push_back("");
        L.push_back("# The Transformer sub-layer around it (post-norm), with x the query input:");
        L.push_back(ks::kResidualAdd);
        L.push_back(ks::kLayerNorm);
    }
    return L;
}

// Attention (dot or concat) and AdditiveAttention.
std::vector<std::string> dotListing(const Spec& s, const Trace& trace) {
    const LayerConfig& c = s.config;
    const bool additive = c.layer == LayerKind::AdditiveAttention;
    const bool concat = !additive && c.scoreMode == ScoreMode::Concat;
    const bool useScale = c.effectiveUseScale();
    const bool hasKey = trace.find("key") != nullptr;
    std::vector<std::string> L;
    const std::string ctor = "layer = " + kerasConstructor(c, PyArgs::NonDefault);
    const std::string call = "output, weights = " + kerasCall(s, hasKey, PyArgs::NonDefault);
    const bool masked = maskUse(trace).any;
    L.push_back(std::string("# Keras 3.16: keras.layers.") + (additive ? "AdditiveAttention" : "Attention") +
                ", the call that returns the attention weights");
    L.push_back("import keras");
    L.push_back("");
    L.push_back(ctor);
    L.push_back(call);
    L.push_back("");
    L.push_back(std::string("# What it runs (keras/src/layers/attention/") +
                (additive ? "additive_attention.py and attention.py" : "attention.py") + ", abridged):");
    L.push_back("scores = self._calculate_scores(query=q, key=k)");
    if (additive) {
        L.push_back("    q_reshaped = ops.expand_dims(query, axis=-2)  # [B, T, 1, d]");
        L.push_back("    k_reshaped = ops.expand_dims(key, axis=-3)  # [B, 1, S, d]");
        L.push_back(std::string("    ") + ks::kAdditiveScores);
    } else if (concat) {
        L.push_back("    q_reshaped = ops.expand_dims(query, axis=-2)  # [B, T, 1, d]");
        L.push_back("    k_reshaped = ops.expand_dims(key, axis=-3)  # [B, 1, S, d]");
        L.push_back(std::string("    ") + (useScale ? ks::kConcatScoresScaled : ks::kConcatScores));
    } else {
        L.push_back(std::string("    ") + ks::kDotScores);
        if (useScale)
            L.push_back(std::string("    ") + ks::kScaleScores);
    }
    L.push_back("scores_mask = self._calculate_score_mask(scores, v_mask, use_causal_mask)");
    L.push_back("attention_output, attention_scores = self._apply_scores(scores=scores, value=v, "
                "scores_mask=scores_mask, training=training)");
    if (masked) {
        L.push_back("    padding_mask = ops.logical_not(scores_mask)");
        L.push_back(std::string("    ") + ks::kMaskedScores + "  # max_value = 1e9: subtracted");
    }
    L.push_back(std::string("    ") + ks::kSoftmax);
    if (c.dropout > 0)
        L.push_back(std::string("    ") + ks::kDropout);
    L.push_back(std::string("    ") + ks::kWeightedValues);
    if (s.queryMask) {
        L.push_back("q_mask = ops.expand_dims(q_mask, axis=-1)  # [B, T, 1]");
        L.push_back(ks::kQueryMaskOutput);
    }
    return L;
}

std::string trimmed(const std::string& line) {
    const auto a = line.find_first_not_of(' ');
    return a == std::string::npos ? std::string() : line.substr(a);
}

} // namespace

KerasListing kerasListing(const Spec& spec, const Trace& trace) {
    const std::vector<std::string> lines =
        hasHeads(spec.config.layer) ? headsListing(spec, trace) : dotListing(spec, trace);
    KerasListing out;
    for (size_t i = 0; i < lines.size(); ++i)
        out.code += (i ? "\n" : "") + lines[i];
    for (const Step& st : trace.steps) {
        std::string first = st.kerasCode.substr(0, st.kerasCode.find('\n'));
        if (first.empty() && st.op == OpKind::Input) // inputs and masks: the call line
            first = "output, weights = layer(";
        for (size_t i = 0; i < lines.size() && !first.empty(); ++i)
            if (trimmed(lines[i]).find(first) != std::string::npos || lines[i].find(first) != std::string::npos) {
                out.lineOfStep[st.key] = int(i);
                break;
            }
    }
    return out;
}

} // namespace attnviz::core
