// The trace: the ordered steps a forward pass went through, each with its
// tensor and everything needed to show it without knowing which layer made it.
#pragma once

#include "core/base/tensor.h"

#include <map>
#include <optional>
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
    Repeat,    // repeat key/value heads along the head axis (GroupQueryAttention)
    Multiply,  // element-wise product of two earlier steps (gated context)
};
/// "dense", "einsum", ... : stable names for files and tables.
const char* opKindName(OpKind op);

/// What a step's numbers are, so every view picks the same colour scale.
enum class ValueKind {
    Probability, // in [0, 1], rows sum to 1 (softmax output)
    BooleanMask, // 0 or 1; 1 = may attend / keep
    Signed,      // any real number
    NonNegative, // >= 0, not bounded by 1 (dropout's rescaled probabilities)
};
/// What an axis indexes. Batch and Head are the axes a view slices with a
/// spin box; Query and Source are labelled with the query / source tokens.
enum class AxisRole { Batch, Head, Query, Source, Feature };
/// An axis of a step's tensor: its name as shown ("batch", "key_dim", ...)
/// and what it indexes, both declared by the layer that emits the step.
struct Axis {
    std::string name;
    AxisRole role = AxisRole::Feature;
    bool operator==(const Axis&) const = default;
};

/// What a parameter is to the step that uses it, declared by the layer: the
/// stage draws a Dense step's kernel and bias, a LayerNorm's γ and β.
enum class ParamRole {
    Kernel,       // a Dense/EinsumDense kernel
    Bias,         // a Dense/EinsumDense bias
    Gamma,        // LayerNormalization's scale γ
    Beta,         // LayerNormalization's shift β
    Scale,        // Attention's scalar / AdditiveAttention's vector `scale`
    ConcatWeight, // Attention's concat_score_weight
};
/// A parameter a step reads: its key in Trace::params and its role.
struct Param {
    std::string key;
    ParamRole role;
    bool operator==(const Param&) const = default;
};

/// Which cells of a step are masked out.
enum class MaskedCells {
    None,         // no cell is masked (also: steps before the mask is applied)
    ZeroInThis,   // the step is a boolean mask: a 0 marks a masked pair
    FromMaskStep, // a cell is masked where StepDisplay::maskKey is 0 (matched by axis role)
};

/// How a step is shown. Filled by the core for every step (core/step_display.h).
struct StepDisplay {
    ValueKind kind = ValueKind::Signed;
    std::vector<AxisRole> roles{}; // one per axis of Step::value
    MaskedCells masked = MaskedCells::None;
    std::string maskKey{}; // for FromMaskStep: the key of the boolean-mask step
    std::string label{};   // Step::label, else its title; the UI translates it
};

/// Whole-tensor figures computed once for the views (core::summarizeSteps).
struct StepSummary {
    TensorStats stats{};              // every value, as core::stats gives them
    bool anyShown = false;            // whether some value is finite and not masked
    float shownMin = 0, shownMax = 0; // range of the finite values outside masked cells
    // A top for auto colour ranges that a few large values do not wash out:
    // the 99.5th percentile of those values (of an even sample of at most
    // 2^16 of them), or shownMax when fewer than 1000 are shown. Causal
    // weights at T=S=2048: row 0 is 1, most rows about 0.001.
    float shownHigh = 0;
};

struct Step {
    std::string key{};         // stable id: query_dense, scores, weights, ... (trace-format.md)
    std::string title{};       // short English title
    std::string explanation{}; // two or three sentences for a student
    OpKind op = OpKind::Input;
    std::vector<std::string> inputs{}; // keys of the earlier steps it reads
    std::vector<Param> params{};       // the Trace::params it uses, e.g. {query_dense/kernel, Kernel}
    std::string formula{};             // plain Unicode maths
    std::string einsum{};              // Keras' einsum string, or empty
    std::string kerasCode{};           // the Keras line that performs it
    std::vector<Axis> axes{};          // a name and role per dimension of value
    Tensor value{};
    double flops = 0;                     // floating-point operations to compute this step
    double bytes = 0;                     // bytes of its output tensor
    float scaleFactor = 1.0f;             // for OpKind::Scale: the factor applied
    double epsilon = 0;                   // for OpKind::LayerNorm: the ε under the square root
    bool booleanMask = false;             // the values are a 0/1 mask (1 = may attend / keep)
    std::string label{};                  // a short name for lists and headings ("Softmax weights"), or empty
    StepDisplay display{};                // value kind, axis roles, masked cells (derived by core::describeStep)
    std::optional<StepSummary> summary{}; // filled by core::summarizeSteps; empty after core::run

    /// The parameter with this role, or nullptr.
    const Param* param(ParamRole role) const;
    /// The axes' names, in order.
    std::vector<std::string> axisNames() const;
};

struct Trace {
    std::string layer;                    // Keras class name
    std::vector<Step> steps;              // in execution order
    std::map<std::string, Tensor> params; // the layer's parameters (kernels, biases), npz names
    std::vector<std::string> warnings;    // one line each: computed as Keras does, but worth a note

    /// The step with this key, or nullptr.
    const Step* find(const std::string& key) const;
    /// The tensor of `step`'s parameter with this role, or nullptr.
    const Tensor* param(const Step& step, ParamRole role) const;
    int indexOf(const std::string& key) const; // -1 when absent
    double totalFlops() const;
};

} // namespace attnviz::core
