// The numbers the stage narrates, one function per op kind: a product cell's
// terms, a softmax row's max, exponentials and sum, the tanh-sum terms of a
// score, layer norm's μ and σ. Taken from the trace (operands, parameters)
// and asserted by tests/core/test_narration.cpp, so a view shows them and
// never recomputes layer maths. Each returns a Result: the numbers, or (for a
// step of another op kind, an index outside the step, an operand or parameter
// the trace lacks) a Failure whose reason names the step and what is wrong.
// Nothing here throws for those: "cannot narrate this" is an ordinary answer.
#pragma once

#include "core/base/result.h"
#include "core/trace/trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

/// One cell of a product step (OpKind::Einsum: QKᵀ, PV; OpKind::Dense: x·W + b),
/// read through the step's einsum: value = Σ_t left[t]·right[t] (+ bias).
struct ProductCell {
    std::vector<Index> cell;   // the output index, one per axis of the step
    std::vector<float> left;   // the first operand's factors (step.inputs[0]; the dense input)
    std::vector<float> right;  // the second's (step.inputs[1]; the kernel), paired with left
    std::optional<float> bias; // Dense with a bias
    double sum = 0;            // Σ left·right (+ bias) in double
    float value = 0;           // the trace's value at the cell
};
Result<ProductCell> productCell(const Trace& trace, const Step& step, const std::vector<Index>& cell);

/// One row of a softmax step (softmax along the last axis).
struct SoftmaxRow {
    std::vector<Index> row;           // the index over every axis but the last
    std::vector<float> logits;        // the operand's row (masked entries as Keras left them)
    std::vector<std::uint8_t> masked; // 1 where the cell is masked (StepDisplay), else 0
    float max = 0;                    // the row max, over every entry, as Keras subtracts it
    std::vector<float> exps;          // exp(logit − max)
    double sum = 0;                   // Σ exps
    /// The step's row. Equals exps / sum, except that MultiHeadAttention
    /// zeroes masked probabilities afterwards (so a fully masked row is 0).
    std::vector<float> probs;
};
Result<SoftmaxRow> softmaxRow(const Trace& trace, const Step& step, const std::vector<Index>& row);

/// One score of a tanh-sum step (OpKind::TanhSum), at [batch, query, source]:
/// value = Σ_d weight[d] · tanh(inner[d]), inner = innerScale · (q + k).
///   AdditiveAttention: weight = scale[d] (use_scale) or 1, innerScale = 1.
///   Attention concat:  weight = concat_score_weight, innerScale = scale (use_scale) or 1.
struct TanhSumCell {
    /// Where `weight` comes from: none (all 1), AdditiveAttention's scale
    /// vector, or Attention's concat_score_weight scalar.
    enum class Weight { One, Scale, ConcatScoreWeight };
    std::vector<Index> cell;
    Weight weightFrom = Weight::One;
    bool innerScaled = false;  // Attention concat with use_scale: scale multiplies q + k
    std::vector<float> q, k;   // the query row and the key row
    std::vector<float> sum;    // q + k
    float innerScale = 1;      // multiplies q + k inside the tanh
    std::vector<float> tanh;   // tanh(innerScale · (q + k))
    std::vector<float> weight; // per d (a scalar weight repeated)
    Shape weightShape;         // the weight parameter's shape: () for concat_score_weight; empty when Weight::One
    std::vector<float> terms;  // weight · tanh
    double total = 0;          // Σ terms
    float value = 0;           // the trace's value at the cell
};
Result<TanhSumCell> tanhSumCell(const Trace& trace, const Step& step, const std::vector<Index>& cell);

/// One row of a layer-norm step (OpKind::LayerNorm, over the last axis):
/// y = (x − mean) / std · gamma + beta, std = √(variance + epsilon).
struct LayerNormRow {
    std::vector<Index> row;
    std::vector<float> x;
    double mean = 0;     // μ
    double variance = 0; // σ² (population variance, as Keras)
    double epsilon = 0;  // Keras LayerNormalization's default 1e-3
    double stddev = 0;   // √(σ² + ε), the divisor
    std::vector<float> gamma, beta, y;
};
Result<LayerNormRow> layerNormRow(const Trace& trace, const Step& step, const std::vector<Index>& row);

// --- The backward pass (grad/<key> steps, core/layers/backward.h) ----------

/// One row of a softmax-backward step (grad/scores: dS = P ∘ (dP − Δ)), read
/// from its operands: step.inputs[0] the weights' gradient dP, inputs[1] the
/// weights P.
struct SoftmaxBackwardRow {
    std::vector<Index> row;           // the index over every axis but the last
    std::vector<float> probs;         // P
    std::vector<float> upstream;      // dP
    std::vector<std::uint8_t> masked; // 1 where the cell is masked (StepDisplay), else 0
    double delta = 0;                 // Δ = Σₛ P·dP, the row's P-weighted mean gradient
    std::vector<double> terms;        // P·(dP − Δ), in double; 0 where the row passes no gradient
    /// The row's keys are all masked: MultiHeadAttention's weights are 0 there,
    /// Attention's are uniform by float32 rounding only; either way dS = 0.
    bool fullyMasked = false;
    std::vector<float> grads; // the step's row, dS
};
Result<SoftmaxBackwardRow> softmaxBackwardRow(const Trace& trace, const Step& step, const std::vector<Index>& row);

/// One cell of a gradient step that sums over positions (a weight gradient:
/// dW_q[e,n,h] = Σ_{b,t} query[b,t,e] · dQ[b,t,n,h]; a bias: Σ_{b,t} dQ),
/// term by term, read through the step's einsum. With one operand (a bias)
/// every `input` is 1.
struct GradientCell {
    std::vector<Index> cell;            // the output index, one per axis of the step
    std::string summed;                 // the einsum letters summed over, e.g. "ab" (batch, position)
    std::vector<std::vector<Index>> at; // per term: the values of the summed letters
    std::vector<float> input;           // per term: the forward operand's factor (step.inputs[0]), or 1
    std::vector<float> grad;            // per term: the gradient's factor (step.inputs[1], or inputs[0] alone)
    double sum = 0;                     // Σ input·grad in double
    float value = 0;                    // the trace's value at the cell
};
Result<GradientCell> gradientCell(const Trace& trace, const Step& step, const std::vector<Index>& cell);

} // namespace attnviz::core
