// How a step is shown: the central rule that gives every step of every layer
// its value kind, axis roles and masked cells, and the helpers views use to
// slice a step and find its masked cells. Views ask these; they never compare
// step keys or axis names themselves.
#pragma once

#include "core/trace/trace.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

/// "probability", "boolean_mask", "signed", "non_negative".
const char* valueKindName(ValueKind kind);
/// "batch", "head", "query", "source", "feature".
const char* axisRoleName(AxisRole role);

/// The display metadata of `step`, about to be appended to `trace` (its
/// inputs are already in the trace), from what the layer declared: value kind
/// from the op (softmax -> probability, dropout -> non-negative, an input the
/// layer marked Step::booleanMask -> boolean mask, else signed); roles from
/// Step::axes; masked cells: a mask is ZeroInThis, a Mask op is FromMaskStep
/// of its boolean-mask operand, softmax and dropout inherit their operand's.
/// The label: Step::label, else its title.
/// detail::addStep calls it for every step.
StepDisplay describeStep(const Trace& trace, const Step& step);

/// One flag per element of step.value (row-major), 1 = masked; empty when
/// step.display.masked is None. For FromMaskStep, the mask's axes are
/// matched to the step's axes by role (a [B,T,S] mask covers every head of
/// a [B,N,T,S] step; a [B,T] query mask covers every feature of a row).
/// Note: a masked cell keeps the value Keras gives it, e.g. −1e9 (MHA
/// masked_scores), S − 1e9 (Attention), 0 (weights), or 1/S in a fully
/// masked row of Attention's weights.
std::vector<std::uint8_t> maskedCells(const Trace& trace, const Step& step);
/// The same flags for the elements [begin, end) of step.value only (e.g. one
/// row): views of large tensors ask for what they show, not a flag per cell.
std::vector<std::uint8_t> maskedCells(const Trace& trace, const Step& step, Index begin, Index end);
/// The flags of one 2-D slice, laid out as core::slice2d(step.value, rowAxis,
/// colAxis, fixed) lays out its values; empty when nothing is masked.
std::vector<std::uint8_t> maskedSlice(const Trace& trace, const Step& step, Index rowAxis, Index colAxis,
                                      const std::vector<Index>& fixed);

/// Fill Step::summary of every step that has none: statistics over the whole
/// tensor and the range of its finite, unmasked values, which views use for
/// colour scales instead of scanning the tensor themselves. The app calls it
/// on the thread that computed the trace, before any view sees it; it uses
/// the core's threads (core/parallel.h).
void summarizeSteps(Trace& trace);

/// The rule behind StepSummary::shownHigh, for any n values: the 99.5th
/// percentile of an evenly strided sample of at most 2^16 of them, counting
/// only those valueAt(i) gives as finite (masked cells give NaN), once the
/// sample holds 1000; nothing when it holds fewer (the caller's largest
/// value is then the top: too few values for outliers).
template <class ValueAt> std::optional<float> highPercentile(Index n, ValueAt valueAt) {
    const Index stride = n > (Index(1) << 16) ? n >> 16 : 1;
    std::vector<float> sample;
    for (Index i = 0; i < n; i += stride)
        if (const float x = valueAt(i); std::isfinite(x))
            sample.push_back(x);
    if (sample.size() < 1000)
        return std::nullopt;
    const auto k = sample.begin() + std::ptrdiff_t(double(sample.size() - 1) * 0.995);
    std::nth_element(sample.begin(), k, sample.end());
    return *k;
}
/// One step's summary: Step::summary when filled, else computed now.
StepSummary summarizeStep(const Trace& trace, const Step& step);

/// The axes of the default 2-D view of a step: columns = the last axis; rows =
/// the last earlier axis that is not Batch or Head (so [B,T,N,H] shows query ×
/// key_dim), else the one before the columns; every other axis is a spin-box
/// axis. rowAxis is -1 for rank < 2, colAxis -1 for rank 0.
struct SliceAxes {
    int rowAxis = -1;
    int colAxis = -1;
    std::vector<int> spinAxes{}; // in axis order
};
SliceAxes sliceAxes(const Step& step);

/// The first axis of `step` with this role, or -1.
int axisWithRole(const Step& step, AxisRole role);

} // namespace attnviz::core
