// Keras' source lines per layer (keras/src/layers/attention/*.py and
// keras/src/layers/activations/softmax.py at Keras 3.16), written out for the
// options a spec uses. The layers' Step::kerasCode strings are lines of these
// listings; the test checks it for every layer and option combination.
#include "core/teach/keras_listing.h"

#include <sstream>

namespace attnviz::core {

namespace {

std::string num(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

std::string pyBool(bool b) {
    return b ? "True" : "False";
}

// MultiHeadAttention and GroupQueryAttention: the call that returns the scores.
std::vector<std::string> headsListing(const Spec& s, const Trace& trace) {
    const LayerConfig& c = s.config;
    const bool gqa = c.layer == LayerKind::GroupQueryAttention;
    const bool hasKey = trace.find("key") != nullptr;
    const bool padding = s.queryMask || s.valueMask || s.keyMask;
    const bool sliding = c.slidingWindow.has_value();
    const bool anyMask = padding || s.call.useCausalMask || sliding || s.attentionMask;
    const bool causalOnly = s.call.useCausalMask && !padding && !sliding && !s.attentionMask;
    std::vector<std::string> L;

    std::string ctor;
    if (gqa) {
        ctor = "layer = keras.layers.GroupQueryAttention(head_dim=" + std::to_string(c.keyDim) +
               ", num_query_heads=" + std::to_string(c.numHeads) +
               ", num_key_value_heads=" + std::to_string(c.numKeyValueHeads);
    } else {
        ctor = "layer = keras.layers.MultiHeadAttention(num_heads=" + std::to_string(c.numHeads) +
               ", key_dim=" + std::to_string(c.keyDim);
        if (c.valueDim)
            ctor += ", value_dim=" + std::to_string(*c.valueDim);
        if (c.outputShape)
            ctor += ", output_shape=" + std::to_string(*c.outputShape);
    }
    if (!c.useBias)
        ctor += ", use_bias=False";
    if (c.dropout > 0)
        ctor += ", dropout=" + num(c.dropout);
    if (sliding)
        ctor += ", sliding_window=" + std::to_string(*c.slidingWindow);
    if (c.useGate)
        ctor += ", use_gate=True";
    ctor += ")";
    std::string call = "output, weights = layer(query, value";
    if (hasKey)
        call += ", key=key";
    if (gqa && s.queryMask)
        call += ", query_mask=query_mask";
    if (s.valueMask)
        call += ", value_mask=value_mask";
    if (s.keyMask)
        call += ", key_mask=key_mask";
    if (s.attentionMask)
        call += ", attention_mask=attention_mask";
    if (s.call.useCausalMask)
        call += ", use_causal_mask=True";
    if (s.call.training)
        call += ", training=True";
    call += ", return_attention_scores=True)";

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
    if (anyMask && !causalOnly) {
        L.push_back("attention_mask = self._compute_attention_mask(query, value, query_mask=query_mask, "
                    "value_mask=value_mask, key_mask=key_mask, attention_mask=attention_mask, "
                    "use_causal_mask=use_causal_mask)");
        L.push_back("    # inside _compute_attention_mask: every source AND-ed into one boolean");
        if (s.queryMask)
            L.push_back("    auto_mask = ops.expand_dims(query_mask, -1)  # [B, T, 1]");
        if (s.valueMask)
            L.push_back("    mask = ops.expand_dims(value_mask, -2)  # [B, 1, S]");
        if (s.keyMask)
            L.push_back("    mask = ops.expand_dims(key_mask, -2)  # [B, 1, S]");
        if (s.call.useCausalMask)
            L.push_back("    mask = self._compute_causal_mask(query, value)  # [1, T, S]");
        if (sliding)
            L.push_back("    mask = self._compute_sliding_window_mask(query, value)  # [1, T, S]");
        if (s.attentionMask) {
            if (gqa) {
                L.push_back("    attention_mask = (auto_mask if attention_mask is None");
                L.push_back("                      else ops.cast(attention_mask, bool) & auto_mask)");
            } else {
                L.push_back("    attention_mask = ops.cast(attention_mask, \"bool\")");
                L.push_back("    attention_mask = auto_mask if attention_mask is None else attention_mask & auto_mask");
            }
        }
    }
    if (c.useGate)
        L.push_back(gqa ? "gate = self._gate_dense(query)  # EinsumDense(\"bqm,muh->bquh\", activation=\"sigmoid\")"
                        : "gate = self._gate_dense(query)  # EinsumDense(\"abc,cde->abde\", activation=\"sigmoid\")");
    if (gqa) {
        L.push_back("query = self._query_dense(query)  # EinsumDense(\"bqm,muh->bquh\")");
        L.push_back("key = self._key_dense(key)  # EinsumDense(\"bkm,mvh->bkvh\")");
        L.push_back("value = self._value_dense(value)  # EinsumDense(\"bkm,mvh->bkvh\")");
        L.push_back("key = ops.repeat(key, self.num_repeats, axis=2)  # num_repeats = " +
                    std::to_string(c.numHeads / std::max(1, c.numKeyValueHeads)));
        L.push_back("value = ops.repeat(value, self.num_repeats, axis=2)");
    } else {
        L.push_back("query = self._query_dense(query)  # EinsumDense(\"abc,cde->abde\")");
        L.push_back("key = self._key_dense(key)  # EinsumDense(\"abc,cde->abde\")");
        L.push_back("value = self._value_dense(value)  # EinsumDense(\"abc,cde->abde\")");
    }
    L.push_back("# --- _compute_attention()");
    if (causalOnly)
        L.push_back("causal_mask = self._compute_causal_mask(query, value)  # call() left the causal mask for here");
    if (gqa) {
        L.push_back("query = ops.multiply(query, ops.cast(self._inverse_sqrt_head_dim, query.dtype))");
        L.push_back("scores = ops.einsum(self._dot_product_equation, query, key)  # \"bquh,bkuh->buqk\"");
        L.push_back("scores = self._masked_softmax(scores, attention_mask=attention_mask)");
    } else {
        L.push_back("query = ops.multiply(query, ops.cast(self._inverse_sqrt_key_dim, query.dtype))");
        L.push_back("attention_scores = ops.einsum(self._dot_product_equation, key, query)  # \"aecd,abcd->acbe\"");
        L.push_back("attention_scores = self._masked_softmax(attention_scores, attention_mask)");
    }
    if (anyMask) {
        L.push_back("    # inside Softmax(axis=-1).call(inputs, mask): replace masked logits, zero masked weights");
        L.push_back("    inputs = backend.numpy.where(mask, inputs, _large_negative_number(inputs.dtype))  # -1e9");
        L.push_back("    outputs = activations.softmax(inputs, axis=self.axis)");
        L.push_back("    outputs = backend.numpy.where(mask, outputs, 0.0)");
    }
    if (c.dropout > 0)
        L.push_back(gqa ? "scores_dropout = self._dropout_layer(scores, training=training)"
                        : "final_attn_scores = self._dropout_layer(attention_scores, training=training)");
    L.push_back(gqa ? "output = ops.einsum(self._combine_equation, scores_dropout, value)  # \"buqk,bkuh->bquh\""
                    : "attention_output = ops.einsum(self._combine_equation, final_attn_scores, value)  # "
                      "\"acbe,aecd->abcd\"");
    L.push_back("# --- back in call()");
    const std::string var = gqa ? "output" : "attention_output";
    const std::string eq = gqa ? "bquh,uhm->bqm" : "abcd,cde->abe";
    L.push_back("# implicit in EinsumDense(\"" + eq + "\"): heads and " + (gqa ? "head_dim" : "value_dim") +
                " are contracted together");
    if (c.useGate)
        L.push_back(var + " = self._output_dense(ops.multiply(" + var + ", gate))  # EinsumDense(\"" + eq + "\")");
    else
        L.push_back(var + " = self._output_dense(" + var + ")  # EinsumDense(\"" + eq + "\")");
    if (c.transformerSublayer) {
        L.push_back("");
        L.push_back("# The Transformer sub-layer around it (post-norm), with x the query input:");
        L.push_back("x = layers.Add()([x, attn_output])");
        L.push_back("x = layers.LayerNormalization()(x)  # epsilon=1e-3, axis=-1");
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
    std::string ctor = std::string("layer = keras.layers.") + (additive ? "AdditiveAttention(" : "Attention(");
    std::string args;
    auto arg = [&](const std::string& a) { args += (args.empty() ? "" : ", ") + a; };
    if (additive ? !useScale : useScale)
        arg("use_scale=" + pyBool(useScale));
    if (concat)
        arg("score_mode=\"concat\"");
    if (c.dropout > 0)
        arg("dropout=" + num(c.dropout));
    ctor += args + ")";
    std::string call = "output, weights = layer([query, value" + std::string(hasKey ? ", key]" : "]");
    if (s.queryMask || s.valueMask)
        call += std::string(", mask=[") + (s.queryMask ? "query_mask" : "None") + ", " +
                (s.valueMask ? "value_mask" : "None") + "]";
    if (s.call.useCausalMask)
        call += ", use_causal_mask=True";
    if (s.call.training)
        call += ", training=True";
    call += ", return_attention_scores=True)";
    const bool masked = s.valueMask || s.call.useCausalMask;
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
        L.push_back("    return ops.sum(scale * ops.tanh(q_reshaped + k_reshaped), axis=-1)  # scale = self.scale if "
                    "self.use_scale else 1.0");
    } else if (concat) {
        L.push_back("    q_reshaped = ops.expand_dims(query, axis=-2)  # [B, T, 1, d]");
        L.push_back("    k_reshaped = ops.expand_dims(key, axis=-3)  # [B, 1, S, d]");
        L.push_back(useScale ? "    scores = self.concat_score_weight * ops.sum(ops.tanh(self.scale * (q_reshaped + "
                               "k_reshaped)), axis=-1)"
                             : "    scores = self.concat_score_weight * ops.sum(ops.tanh(q_reshaped + k_reshaped), "
                               "axis=-1)");
    } else {
        L.push_back("    scores = ops.matmul(query, ops.swapaxes(key, -2, -1))");
        if (useScale)
            L.push_back("    scores = ops.multiply(scores, self.scale)");
    }
    L.push_back("scores_mask = self._calculate_score_mask(scores, v_mask, use_causal_mask)");
    L.push_back("attention_output, attention_scores = self._apply_scores(scores=scores, value=v, "
                "scores_mask=scores_mask, training=training)");
    if (masked) {
        L.push_back("    padding_mask = ops.logical_not(scores_mask)");
        L.push_back("    scores = ops.where(padding_mask, scores - max_value, scores)  # max_value = 1e9: subtracted");
    }
    L.push_back("    weights = ops.softmax(scores, axis=-1)");
    if (c.dropout > 0)
        L.push_back("    weights = backend.random.dropout(weights, self.dropout, seed=self.seed_generator)");
    L.push_back("    return ops.matmul(weights, value), weights");
    if (s.queryMask) {
        L.push_back("q_mask = ops.expand_dims(q_mask, axis=-1)  # [B, T, 1]");
        L.push_back("attention_output = ops.where(q_mask, attention_output, 0)");
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
