// Python and Keras text from a spec (python_text.h).
#include "core/teach/python_text.h"

#include <charconv>
#include <cmath>

namespace attnviz::core {

namespace {

template <class F> std::string shortestFloat(F v) {
    if (std::isnan(v))
        return "float(\"nan\")";
    if (std::isinf(v))
        return v > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v); // shortest round-trip text
    std::string s(buf, r.ptr);
    if (s.find_first_of(".e") == std::string::npos)
        s += ".0";
    return s;
}

std::string str(int v) {
    return std::to_string(v);
}

std::string optInt(const std::optional<int>& v) {
    return v ? str(*v) : "None";
}

} // namespace

std::string pyFloat(float v) {
    return shortestFloat(v);
}

std::string pyFloat(double v) {
    return shortestFloat(v);
}

std::string pyBool(bool b) {
    return b ? "True" : "False";
}

std::string pyStr(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string pyCall(const std::string& name, const std::vector<PyArg>& args, PyArgs which) {
    std::string s = name + "(";
    bool first = true;
    for (const PyArg& a : args) {
        if (which == PyArgs::NonDefault && a.isDefault)
            continue;
        s += (first ? "" : ", ") + (a.name.empty() ? a.value : a.name + "=" + a.value);
        first = false;
    }
    return s + ")";
}

std::vector<PyArg> kerasConstructorArgs(const LayerConfig& c) {
    const PyArg dropout{"dropout", pyFloat(c.dropout), c.dropout == 0.0f};
    const PyArg useBias{"use_bias", pyBool(c.useBias), c.useBias};
    const PyArg sliding{"sliding_window", optInt(c.slidingWindow), !c.slidingWindow};
    const PyArg gate{"use_gate", pyBool(c.useGate), !c.useGate};
    switch (c.layer) {
    case LayerKind::MultiHeadAttention:
        return {{"num_heads", str(c.numHeads)},
                {"key_dim", str(c.keyDim)},
                {"value_dim", optInt(c.valueDim), !c.valueDim},
                dropout,
                useBias,
                {"output_shape", optInt(c.outputShape), !c.outputShape},
                sliding,
                gate};
    case LayerKind::GroupQueryAttention:
        return {{"head_dim", str(c.keyDim)},
                {"num_query_heads", str(c.numHeads)},
                {"num_key_value_heads", str(c.numKeyValueHeads)},
                dropout,
                useBias,
                sliding,
                gate};
    case LayerKind::Attention:
        return {
            {"use_scale", pyBool(c.effectiveUseScale()), !c.effectiveUseScale()},
            {"score_mode", c.scoreMode == ScoreMode::Concat ? "\"concat\"" : "\"dot\"", c.scoreMode == ScoreMode::Dot},
            dropout};
    case LayerKind::AdditiveAttention:
        return {{"use_scale", pyBool(c.effectiveUseScale()), c.effectiveUseScale()}, dropout};
    }
    return {};
}

std::string kerasConstructor(const LayerConfig& c, PyArgs which, const std::string& prefix) {
    return pyCall(prefix + layerName(c.layer), kerasConstructorArgs(c), which);
}

std::vector<PyArg> kerasCallArgs(const Spec& s, bool hasKey) {
    std::vector<PyArg> a;
    if (hasHeads(s.config.layer)) {
        a.push_back({"", "query"});
        a.push_back({"", "value"});
        if (hasKey)
            a.push_back({"key", "key"});
        // MultiHeadAttention reads the query's mask from the tensor (its
        // query_mask= keyword is ignored); GroupQueryAttention takes it here.
        if (s.queryMask && s.config.layer == LayerKind::GroupQueryAttention)
            a.push_back({"query_mask", "query_mask"});
        if (s.valueMask)
            a.push_back({"value_mask", "value_mask"});
        if (s.keyMask)
            a.push_back({"key_mask", "key_mask"});
        if (s.attentionMask)
            a.push_back({"attention_mask", "attention_mask"});
    } else {
        a.push_back({"", hasKey ? "[query, value, key]" : "[query, value]"});
        if (s.queryMask || s.valueMask)
            a.push_back({"mask", std::string("[") + (s.queryMask ? "query_mask" : "None") + ", " +
                                     (s.valueMask ? "value_mask" : "None") + "]"});
    }
    a.push_back({"use_causal_mask", pyBool(s.call.useCausalMask), !s.call.useCausalMask});
    a.push_back({"training", pyBool(s.call.training), !s.call.training});
    a.push_back({"return_attention_scores", "True"});
    return a;
}

std::string kerasCall(const Spec& s, bool hasKey, PyArgs which) {
    return pyCall("layer", kerasCallArgs(s, hasKey), which);
}

} // namespace attnviz::core
