// The trace: the ordered steps a forward pass went through, each with its
// tensor and everything needed to show it without knowing which layer made it.
#pragma once

#include "tensor.h"

#include <map>
#include <string>
#include <vector>

namespace attnviz::core {

enum class OpKind {
    Input,     // an input tensor or mask, given or drawn from the seed
    Dense,     // EinsumDense projection: x·W + b
    Scale,     // multiply by a constant
    Einsum,    // a contraction between two earlier steps (QKᵀ, PV)
    Mask,      // apply a boolean mask to scores
    Softmax,   // softmax along the last axis
    Dropout,   // inverted dropout (training only)
    Concat,    // concatenate heads (a reshape)
    TanhSum,   // Σ_d w·tanh(q + k): additive / concat scores
    Add,       // residual addition
    LayerNorm, // LayerNormalization over the last axis
};
/// "dense", "einsum", ... : stable names for files and tables.
const char* opKindName(OpKind op);

struct Step {
    std::string key{};         // stable id: query_dense, scores, weights, ... (trace-format.md)
    std::string title{};       // short English title
    std::string explanation{}; // two or three sentences for a student
    OpKind op = OpKind::Input;
    std::vector<std::string> inputs{}; // keys of the earlier steps it reads
    std::vector<std::string> params{}; // keys of Trace::weights it uses, e.g. query_dense/kernel
    std::string formula{};             // plain Unicode maths
    std::string einsum{};              // Keras' einsum string, or empty
    std::string kerasCode{};           // the Keras line that performs it
    std::vector<std::string> axes{};   // a name per dimension of value
    Tensor value{};
    double flops = 0;         // floating-point operations to compute this step
    double bytes = 0;         // bytes of its output tensor
    float scaleFactor = 1.0f; // for OpKind::Scale: the factor applied
};

struct Trace {
    std::string layer;                     // Keras class name
    std::vector<Step> steps;               // in execution order
    std::map<std::string, Tensor> weights; // every weight used, npz names

    /// The step with this key, or nullptr.
    const Step* find(const std::string& key) const;
    int indexOf(const std::string& key) const; // -1 when absent
    double totalFlops() const;
};

} // namespace attnviz::core
