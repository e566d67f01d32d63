// Keras 3 AdditiveAttention (Bahdanau-style), float32
// (keras/src/layers/attention/additive_attention.py, Keras 3.16). It
// subclasses Attention and overrides only `_calculate_scores`; every other
// pass is Attention's (core/layers/attention.cpp, detail::applyScores).
#include "core/layers/keras_source.h"
#include "core/layers/detail/layers.h"

namespace attnviz::core::detail {

namespace {

// S[b,t,s] = Σ_d scale[d] · tanh(q[b,t,d] + k[b,s,d]) (scale = 1 without use_scale).
void additiveScores(Trace& trace, bool useScale) {
    const bool hasKey = trace.find("key") != nullptr;
    const Tensor& q = trace.find("query")->value;                  // (B, T, d)
    const Tensor& k = trace.find(hasKey ? "key" : "value")->value; // (B, S, d)
    const Index B = q.dim(0), T = q.dim(1), S = k.dim(1), d = q.dim(2);
    Eigen::ArrayXf sc = Eigen::ArrayXf::Ones(d);
    if (useScale)
        sc = Eigen::Map<const Eigen::ArrayXf>(trace.params.at("scale").data(), d);
    Tensor L({B, T, S}); // (B, T, S)
    tanhSumScores(q, k, 1.0f, sc, 1.0f, useScale, L);
    const std::string kk = hasKey ? "k[b,s,d]" : "v[b,s,d]";
    addStep(trace,
            Step{
                .key = "scores",
                .title = "Additive scores: Σ scale·tanh(q + k)",
                .explanation =
                    std::string("Bahdanau-style: each query is added to each key feature by feature and "
                                "squashed by tanh, then summed over features") +
                    (useScale ? ", each feature weighted by the learned vector scale (outside the tanh)." : ".") +
                    " Keras adds the inputs directly: there are no W₁q + W₂k projections as in the paper.",
                .op = OpKind::TanhSum,
                .inputs = {"query", hasKey ? "key" : "value"},
                .params = useScale ? std::vector<Param>{{"scale", ParamRole::Scale}} : std::vector<Param>{},
                .formula = useScale ? "S[b,t,s] = Σ_d scale[d] · tanh(q[b,t,d] + " + kk + ")"
                                    : "S[b,t,s] = Σ_d tanh(q[b,t,d] + " + kk + ")",
                .kerasCode = keras_source::kAdditiveScores,
                .axes = {batchAxis(), queryAxis(), sourceAxis()},
                .value = std::move(L),
                .flops = 4.0 * double(B * T) * double(S * d),
                .label = "Scores",
            });
}

} // namespace

Trace additiveAttention(const Spec& spec, ResolvedInputs in, Weights w) {
    Trace trace = attentionInputs(spec, std::move(in), std::move(w));
    additiveScores(trace, spec.config.effectiveUseScale());
    applyScores(trace, spec);
    return trace;
}

} // namespace attnviz::core::detail
