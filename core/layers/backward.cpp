// appendBackward: the backward pass of a forward trace as steps keyed
// grad/<key> (trace-format.md, "Gradients"), dispatched to the layer's
// backward file; and what those files share (the gradient step, the
// dropout mask the forward pass drew).
#include "core/layers/backward.h"

#include "core/base/random.h"
#include "core/layers/detail/backward_steps.h"
#include "core/trace/step_display.h"

namespace attnviz::core {

std::vector<float> dropoutScaleMask(Index count, float rate, std::uint64_t seed) {
    // The same draws, in the same order, as core::dropoutInPlace (run.cpp).
    Rng rng(seed ^ 0xD40F0D40F0ULL);
    const float keep = 1.0f - rate;
    std::vector<float> m(static_cast<size_t>(count));
    for (float& v : m)
        v = rng.uniform() < double(keep) ? 1.0f / keep : 0.0f;
    return m;
}

Tensor backwardSeed(const Spec& spec, const Shape& shape) {
    if (spec.backward && spec.backward->outputGrad)
        return *spec.backward->outputGrad;
    Tensor ones(shape);
    std::fill(ones.values().begin(), ones.values().end(), 1.0f);
    return ones;
}

void appendBackward(Trace& trace, const Spec& spec, const Tensor& outputGrad, const std::string& keyPrefix) {
    const std::string seedKey =
        keyPrefix + (spec.config.transformerSublayer && hasHeads(spec.config.layer) ? "layer_norm" : "output");
    const Step* out = trace.find(seedKey);
    if (!out)
        throw SpecError("backward", "The trace has no '" + seedKey + "' step to start the backward pass from.");
    const Shape& want = out->value.shape();
    Tensor seed = outputGrad;
    if (seed.empty() && shapeSize(want) > 0) {
        seed = Tensor(want);
        std::fill(seed.values().begin(), seed.values().end(), 1.0f);
    }
    if (seed.shape() != want)
        throw SpecError("backward.output_grad", "backward.output_grad must have the shape of the layer's " + seedKey +
                                                    " " + shapeString(want) + ": it is dL/d " + seedKey +
                                                    ". Received: " + shapeString(seed.shape()));
    trace.steps.reserve(trace.steps.size() + 40); // nothing below holds a reference across appends
    if (hasHeads(spec.config.layer))
        detail::appendMhaBackward(trace, spec, seed, keyPrefix);
    else
        detail::appendAttentionBackward(trace, spec, seed, keyPrefix);
}

namespace detail {

std::vector<Axis> gradAxes(const std::vector<std::string>& names) {
    std::vector<Axis> out;
    for (const std::string& n : names)
        out.push_back({n, n == "batch"    ? AxisRole::Batch
                          : n == "head"   ? AxisRole::Head
                          : n == "query"  ? AxisRole::Query
                          : n == "source" ? AxisRole::Source
                                          : AxisRole::Feature});
    return out;
}

std::vector<Param> gradParams(const std::vector<std::string>& keys) {
    std::vector<Param> out;
    for (const std::string& k : keys)
        out.push_back({k, k.ends_with("/kernel")  ? ParamRole::Kernel
                          : k.ends_with("/bias")  ? ParamRole::Bias
                          : k.ends_with("/gamma") ? ParamRole::Gamma
                          : k.ends_with("/beta")  ? ParamRole::Beta
                          : k == "scale"          ? ParamRole::Scale
                                                  : ParamRole::ConcatWeight});
    return out;
}

Step& addGradStep(Trace& trace, Step step, const std::string& maskLike, const std::string& prefix) {
    if (!prefix.empty()) {
        auto map = [&](const std::string& k) {
            return k.starts_with("grad/") ? "grad/" + prefix + k.substr(5) : prefix + k;
        };
        step.key = map(step.key);
        for (std::string& in : step.inputs)
            in = map(in);
        for (Param& p : step.params)
            p.key = prefix + p.key;
    }
    const std::string like = maskLike.empty() ? maskLike : prefix + maskLike;
    Step& s = addStep(trace, std::move(step));
    // Gradients are signed whatever their forward step holds (a probability's
    // gradient is not a probability); the masked cells are the forward step's.
    s.display.kind = ValueKind::Signed;
    s.display.masked = MaskedCells::None;
    s.display.maskKey.clear();
    if (const Step* f = like.empty() ? nullptr : trace.find(like);
        f && f->display.masked == MaskedCells::FromMaskStep) {
        s.display.masked = MaskedCells::FromMaskStep;
        s.display.maskKey = f->display.maskKey;
    }
    return s;
}

} // namespace detail

} // namespace attnviz::core
