// The weights a layer owns, named as Keras names them (keras/src/layers/
// attention/*.py, Keras 3.16): MultiHeadAttention's and GroupedQueryAttention's
// EinsumDense sub-layers are called "query", "key", "value", "attention_output"
// and "gate"; Attention's and AdditiveAttention's variables are "scale" and
// "concat_score_weight". Shapes come from core::expectedWeightShapes, the
// one place the forward pass and validate() take them from too.
#include "core/layers/weights_info.h"

#include "core/layers/run.h"

#include <algorithm>

namespace attnviz::core {

namespace {

std::string shapeText(const Shape& s) {
    std::string out = "(";
    for (size_t i = 0; i < s.size(); ++i)
        out += (i ? ", " : "") + std::to_string(s[i]);
    return out + (s.size() == 1 ? ",)" : ")");
}

std::string fmt(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

/// Keras' sub-layer name for a weights.npz prefix.
std::string kerasSubLayer(const std::string& prefix) {
    if (prefix == "query_dense")
        return "query";
    if (prefix == "key_dense")
        return "key";
    if (prefix == "value_dense")
        return "value";
    if (prefix == "output_dense")
        return "attention_output";
    if (prefix == "gate_dense")
        return "gate";
    if (prefix == "layer_norm")
        return "layer_normalization";
    return prefix;
}

} // namespace

std::vector<WeightInfo> weightsInfo(const Spec& spec) {
    const std::map<std::string, Shape> shapes = expectedWeightShapes(spec);
    const LayerConfig& c = spec.config;
    const bool gqa = c.layer == LayerKind::GroupQueryAttention;
    const std::string heads = gqa ? "num_query_heads" : "num_heads";
    const std::string kvHeads = gqa ? "num_key_value_heads" : "num_heads";
    const std::string kd = gqa ? "head_dim" : "key_dim";
    const std::string vd = gqa ? "head_dim" : "value_dim";
    const std::string out = gqa || !c.outputShape ? "query_features" : "output_shape";
    const std::string keyIn = spec.key || spec.shapes.keyFeatures ? "key_features" : "value_features";
    // Axis names per weights.npz key.
    const std::map<std::string, std::string> axes{
        {"query_dense/kernel", "(query_features, " + heads + ", " + kd + ")"},
        {"query_dense/bias", "(" + heads + ", " + kd + ")"},
        {"key_dense/kernel", "(" + keyIn + ", " + kvHeads + ", " + kd + ")"},
        {"key_dense/bias", "(" + kvHeads + ", " + kd + ")"},
        {"value_dense/kernel", "(value_features, " + kvHeads + ", " + vd + ")"},
        {"value_dense/bias", "(" + kvHeads + ", " + vd + ")"},
        {"output_dense/kernel", "(" + heads + ", " + vd + ", " + out + ")"},
        {"output_dense/bias", "(" + out + ",)"},
        {"gate_dense/kernel", "(query_features, " + heads + ", " + vd + ")"},
        {"gate_dense/bias", "(" + heads + ", " + vd + ")"},
        {"layer_norm/gamma", "(query_features,)"},
        {"layer_norm/beta", "(query_features,)"},
        {"scale", c.layer == LayerKind::AdditiveAttention ? "(query_features,)" : "() scalar"},
        {"concat_score_weight", "() scalar"},
    };
    // Keras' creation order (build()): GroupedQueryAttention makes the gate
    // between key and value, MultiHeadAttention after value.
    const std::vector<std::string> order =
        gqa ? std::vector<std::string>{"query_dense",  "key_dense",  "gate_dense", "value_dense",
                                       "output_dense", "layer_norm", "scale",      "concat_score_weight"}
            : std::vector<std::string>{"query_dense",  "key_dense",  "value_dense", "gate_dense",
                                       "output_dense", "layer_norm", "scale",       "concat_score_weight"};
    auto rank = [&](const std::string& key) {
        const std::string prefix = key.substr(0, key.find('/'));
        const auto it = std::find(order.begin(), order.end(), prefix);
        const bool second = key.ends_with("/bias") || key.ends_with("/beta");
        return std::pair{int(it - order.begin()), second};
    };
    std::vector<WeightInfo> out_;
    for (const auto& [key, shape] : shapes) {
        WeightInfo w;
        w.key = key;
        const auto slash = key.find('/');
        w.kerasName = slash == std::string::npos ? key : kerasSubLayer(key.substr(0, slash)) + key.substr(slash);
        w.shape = shape;
        w.count = shapeSize(shape);
        const auto a = axes.find(key);
        w.axes = a != axes.end() ? a->second : shapeText(shape);
        w.inLayer = !key.starts_with("layer_norm/");
        w.inputAxes = shape.empty() ? 0 : key == "output_dense/kernel" ? 2 : 1;
        // The same rules as resolveWeights: EinsumDense's fans for kernels,
        // a vector's own length for AdditiveAttention's scale.
        if (key.ends_with("/kernel")) {
            const bool output = key == "output_dense/kernel";
            const double fanIn = output ? double(shape[0] * shape[1]) : double(shape[0]);
            const double fanOut = output ? double(shape[2]) : double(shape[1] * shape[2]);
            w.initializer =
                "glorot_uniform: U(−l, l), l = √(6 / (fan_in " + fmt(fanIn) + " + fan_out " + fmt(fanOut) + "))";
        } else if (key == "scale" && c.layer == LayerKind::AdditiveAttention) {
            w.initializer = "glorot_uniform: U(−l, l), l = √(6 / (fan_in " + fmt(double(shape[0])) + " + fan_out " +
                            fmt(double(shape[0])) + "))";
        } else if (key == "scale" || key == "concat_score_weight" || key == "layer_norm/gamma") {
            w.initializer = "ones";
        } else {
            w.initializer = "zeros";
        }
        out_.push_back(std::move(w));
    }
    std::stable_sort(out_.begin(), out_.end(),
                     [&](const WeightInfo& x, const WeightInfo& y) { return rank(x.key) < rank(y.key); });
    return out_;
}

Index countParams(const Spec& spec) {
    Index n = 0;
    for (const WeightInfo& w : weightsInfo(spec))
        if (w.inLayer)
            n += w.count;
    return n;
}

std::string WeightMismatch::message() const {
    if (!need)
        return key + " is not a weight of this layer with these settings (the loaded one is " + shapeText(*have) + ")";
    if (!have)
        return key + " (shape " + shapeText(*need) + ") is missing";
    return key + " needs shape " + shapeText(*need) + "; the loaded one is " + shapeText(*have);
}

std::vector<WeightMismatch> weightsMismatch(const Spec& spec, const std::map<std::string, Tensor>& weights,
                                            bool complete) {
    const std::map<std::string, Shape> shapes = expectedWeightShapes(spec);
    std::vector<WeightMismatch> out;
    for (const auto& [key, t] : weights) {
        const auto it = shapes.find(key);
        if (it == shapes.end())
            out.push_back({key, std::nullopt, t.shape()});
        else if (it->second != t.shape())
            out.push_back({key, it->second, t.shape()});
    }
    if (complete)
        for (const auto& [key, shape] : shapes)
            if (!weights.count(key))
                out.push_back({key, shape, std::nullopt});
    return out;
}

std::optional<Tensor> identityWeight(const WeightInfo& info, std::string* whyNot) {
    auto no = [&](const std::string& why) -> std::optional<Tensor> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    const Shape& s = info.shape;
    if (s.empty()) { // a scalar: 1 is the identity of multiplication
        Tensor one(Shape{});
        one.values()[0] = 1.0f;
        return one;
    }
    if (!info.key.ends_with("/kernel") || s.size() != 3)
        return no(info.kerasName + " " + shapeText(s) +
                  " is a vector, not a matrix: identity needs a square kernel (use Ones or Zeros)");
    // Input projections (din, N, H): rows din, columns N·H (head-major, as
    // Keras' reshape of the einsum output). Output (N, Hv, out): rows N·Hv.
    const bool output = info.inputAxes == 2;
    const Index rows = output ? s[0] * s[1] : s[0];
    const Index cols = output ? s[2] : s[1] * s[2];
    if (rows != cols) {
        // Name the sizes from the axes text: "(query_features, num_heads, key_dim)".
        std::string a = info.axes.substr(1, info.axes.size() - 2);
        std::vector<std::string> names;
        for (size_t p = 0; p != std::string::npos;) {
            const size_t q = a.find(", ", p);
            names.push_back(a.substr(p, q == std::string::npos ? q : q - p));
            p = q == std::string::npos ? q : q + 2;
        }
        const std::string need = names.size() == 3 ? (output ? names[0] + " × " + names[1] + " = " + names[2]
                                                             : names[0] + " = " + names[1] + " × " + names[2])
                                                   : std::string("a square matrix");
        return no(info.kerasName + " " + shapeText(s) + " viewed as a matrix is " + std::to_string(rows) + " × " +
                  std::to_string(cols) + ", not square: identity needs " + need);
    }
    Tensor t(s);
    for (Index i = 0; i < rows; ++i)
        t.values()[size_t(i * cols + i)] = 1.0f;
    return t;
}

} // namespace attnviz::core
