// Which trainable weights a spec's layer owns: each one's weights.npz key,
// its Keras variable path, shape, initializer and parameter count, the
// layer's total as Keras' count_params() gives it, and the presets a weight
// can take (identity where its shape allows it). No Qt; no numbers of the
// forward pass (those are the trace's params).
#pragma once

#include "core/spec/spec.h"

#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

struct WeightInfo {
    std::string key;         // weights.npz key and Trace::params key: "query_dense/kernel"
    std::string kerasName;   // the Keras variable path inside the layer: "query/kernel"
    Shape shape;             // e.g. (query_features, num_heads, key_dim)
    std::string axes;        // what each axis is: "(query_features, num_heads, key_dim)"
    std::string initializer; // Keras' default, with its arguments: "glorot_uniform (fan_in 8, fan_out 8)"
    Index count = 0;         // number of parameters: the product of the shape
    /// How many leading axes are the weight's inputs when it is read as a matrix
    /// (rows: inputs, columns: outputs): 2 for the output projection's kernel
    /// (heads, value_dim, out), 1 for the input projections (in, heads, dim) and
    /// vectors, 0 for a scalar.
    int inputAxes = 1;
    /// Part of the Keras layer itself (counted by its count_params()). False
    /// for the Transformer sub-layer's LayerNormalization, which is a layer of its own.
    bool inLayer = true;
};

/// Every weight the spec's layer owns with its settings, in Keras' creation
/// order (query, key, value, output, gate; kernel before bias). Sizes resolve
/// as run() resolves them (given tensors and tokens included).
std::vector<WeightInfo> weightsInfo(const Spec& spec);

/// What Keras' layer.count_params() returns for this spec: the parameters
/// of the attention layer (inLayer weights only).
Index countParams(const Spec& spec);

/// A weight in `weights` that does not fit the spec: `need` empty when the
/// layer has no such weight with these settings, `have` empty when it is missing.
struct WeightMismatch {
    std::string key;
    std::optional<Shape> need, have;
    /// One line: "query_dense/kernel needs shape (8, 2, 8); the loaded one is (8, 2, 16)".
    std::string message() const;
};
/// The weights of `weights` that do not fit `spec` (wrong shape, extra, or
/// missing when `complete` asks for every weight). Empty: they all fit.
std::vector<WeightMismatch> weightsMismatch(const Spec& spec, const std::map<std::string, Tensor>& weights,
                                            bool complete);

/// The identity for this weight where its shape allows it: a kernel viewed
/// as a matrix (rows = its input axes, columns = its output axes; the head
/// axis goes with the side it belongs to) that is square, or a scalar (1).
/// nullopt with the reason in `whyNot` otherwise (a bias, a vector, a
/// non-square kernel: "8 × 16: identity needs query_features = num_heads × key_dim").
std::optional<Tensor> identityWeight(const WeightInfo& info, std::string* whyNot);

} // namespace attnviz::core
