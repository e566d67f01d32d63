// Keras 3 Attention (Luong: dot or concat scores), float32
// (keras/src/layers/attention/attention.py, Keras 3.16: `call` →
// `_calculate_scores` → `_apply_scores` → query-mask zeroing). No
// projections: q and k are used as given. AdditiveAttention subclasses
// Attention in Keras and overrides only `_calculate_scores`; here too it
// shares every pass but its scores (core/layers/additive_attention.cpp).
#include "core/layers/keras_source.h"
#include "core/layers/detail/layers.h"

#include "core/base/eigen_types.h"
#include "core/base/parallel_gemm.h"
#include "core/base/softmax.h"

namespace attnviz::core::detail {

namespace {

std::vector<Axis> scoreAxes() {
    return {batchAxis(), queryAxis(), sourceAxis()};
}

// The key's symbol in the formulas: v when no key was given (Keras' key :=
// value), so the formula names the tensor the stage draws.
std::string keySymbol(const Trace& trace) {
    return trace.find("key") ? "k[b,s,d]" : "v[b,s,d]";
}

std::string keySource(const Trace& trace) {
    return trace.find("key") ? "key" : "value";
}

// score_mode="dot": S = q·kᵀ, times the learned scalar with use_scale.
void dotScores(Trace& trace, bool useScale) {
    const Tensor& q = trace.find("query")->value;          // (B, T, d)
    const Tensor& k = trace.find(keySource(trace))->value; // (B, S, d)
    const Index B = q.dim(0), T = q.dim(1), S = k.dim(1), d = q.dim(2);
    Tensor L({B, T, S}); // (B, T, S)
    for (Index b = 0; b < B; ++b) {
        const float* qb = q.data() + b * T * d; // (T, d)
        const float* kb = k.data() + b * S * d; // (S, d)
        float* lb = L.data() + b * T * S;       // (T, S)
        // Query rows split over threads at aligned boundaries (core/parallel_gemm.h).
        parallelFor(T, 2 * kRowAlign, kRowAlign, 2.0 * double(T) * double(S) * double(d), [&](Index r, Index e) {
            gemmNT(e - r, S, d, qb + r * d, d, kb, d, lb + r * S, S); // (rows, d)·(S, d)ᵀ
        });
    }
    const std::string kk = keySymbol(trace);
    const std::string dotExplain = "Each query is compared with every key by a plain dot product. Unlike "
                                   "MultiHeadAttention there is no 1/√d factor and no projection.";
    const double flops = 2.0 * double(B * T) * double(S * d);
    if (!useScale) {
        addStep(trace, Step{
                           .key = "scores",
                           .title = "Dot-product scores",
                           .explanation = dotExplain + " A large score means this key matches this query.",
                           .op = OpKind::Einsum,
                           .inputs = {"query", keySource(trace)},
                           .formula = "S[b,t,s] = Σ_d q[b,t,d] · " + kk,
                           .einsum = "btd,bsd->bts",
                           .kerasCode = keras_source::kDotScores,
                           .axes = scoreAxes(),
                           .value = std::move(L),
                           .flops = flops,
                           .label = "Scores",
                       });
        return;
    }
    addStep(trace, Step{
                       .key = "dot_scores",
                       .title = "Dot products",
                       .explanation = dotExplain,
                       .op = OpKind::Einsum,
                       .inputs = {"query", keySource(trace)},
                       .formula = "D[b,t,s] = Σ_d q[b,t,d] · " + kk,
                       .einsum = "btd,bsd->bts",
                       .kerasCode = keras_source::kDotScores,
                       .axes = scoreAxes(),
                       .value = L,
                       .flops = flops,
                   });
    const float scale = trace.params.at("scale").data()[0];
    Eigen::Map<Eigen::ArrayXf>(L.data(), L.size()) *= scale;
    addStep(trace, Step{
                       .key = "scores",
                       .title = "Scale the scores",
                       .explanation = "With use_scale=True, Attention learns one scalar that multiplies every score "
                                      "(initialised to 1). It plays the role of a learned temperature.",
                       .op = OpKind::Scale,
                       .inputs = {"dot_scores"},
                       .params = {{"scale", ParamRole::Scale}},
                       .formula = "S = scale · D",
                       .kerasCode = keras_source::kScaleScores,
                       .axes = scoreAxes(),
                       .value = std::move(L),
                       .flops = double(B * T * S),
                       .scaleFactor = scale,
                       .label = "Scores",
                   });
}

// score_mode="concat": S = w_c · Σ_d tanh(scale · (q + k)).
void concatScores(Trace& trace, bool useScale) {
    const Tensor& q = trace.find("query")->value;          // (B, T, d)
    const Tensor& k = trace.find(keySource(trace))->value; // (B, S, d)
    const Index B = q.dim(0), T = q.dim(1), S = k.dim(1), d = q.dim(2);
    const float scale = useScale ? trace.params.at("scale").data()[0] : 1.0f;
    const float wc = trace.params.at("concat_score_weight").data()[0];
    Tensor L({B, T, S}); // (B, T, S)
    tanhSumScores(q, k, scale, Eigen::ArrayXf(), wc, false, L);
    const std::string kk = keySymbol(trace);
    std::vector<Param> params;
    if (useScale)
        params.push_back({"scale", ParamRole::Scale});
    params.push_back({"concat_score_weight", ParamRole::ConcatWeight});
    addStep(trace,
            Step{
                .key = "scores",
                .title = "Concat scores: Σ tanh(q + k)",
                .explanation = std::string("score_mode=\"concat\": each query is added to each key feature by feature, "
                                           "squashed by tanh and summed, then multiplied by one learned scalar "
                                           "(concat_score_weight).") +
                               (useScale ? " The scalar scale multiplies q + k inside the tanh." : ""),
                .op = OpKind::TanhSum,
                .inputs = {"query", keySource(trace)},
                .params = std::move(params),
                .formula = useScale ? "S[b,t,s] = w_c · Σ_d tanh(scale · (q[b,t,d] + " + kk + "))"
                                    : "S[b,t,s] = w_c · Σ_d tanh(q[b,t,d] + " + kk + ")",
                .kerasCode = useScale ? keras_source::kConcatScoresScaled : keras_source::kConcatScores,
                .axes = scoreAxes(),
                .value = std::move(L),
                .flops = 4.0 * double(B * T) * double(S * d),
                .label = "Scores",
            });
}

// The score mask: value mask AND causal, as 0/1 (B, T, S); then scores − 1e9 where 0.
// Returns the key the softmax reads.
std::string maskScores(Trace& trace, const Spec& spec) {
    const bool masked = spec.valueMask.has_value() || spec.call.useCausalMask;
    if (!masked)
        return "scores";
    const Tensor& L = trace.find("scores")->value; // (B, T, S)
    const Index B = L.dim(0), T = L.dim(1), S = L.dim(2);
    Tensor M({B, T, S}); // (B, T, S)
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t)
            for (Index s = 0; s < S; ++s) {
                bool ok = !spec.valueMask || spec.valueMask->data()[b * S + s] != 0.0f;
                if (spec.call.useCausalMask)
                    ok = ok && causalAllowed(t, s);
                M.data()[(b * T + t) * S + s] = ok ? 1.0f : 0.0f;
            }
    std::string from = spec.valueMask ? "value_mask" : "";
    if (spec.call.useCausalMask)
        from += std::string(from.empty() ? "" : " AND ") + "the causal mask (row ≥ column)";
    Tensor P = L; // (B, T, S)
    // scores -= 1e9 * (1 - mask), in float32: |score| < 32 rounds to exactly -1e9.
    for (Index i = 0; i < P.size(); ++i)
        if (M.data()[i] == 0.0f)
            P.data()[i] = P.data()[i] - 1e9f;
    addInputStep(trace, "mask", "The score mask",
                 "1 means 'this query may attend to this key'. Built from " + from +
                     ". The query mask is not part of it: Attention uses the query mask only to zero "
                     "output rows at the end.",
                 std::move(M), scoreAxes(), true);
    addStep(trace,
            Step{
                .key = "masked_scores",
                .title = "Apply the mask",
                .explanation = "Keras subtracts 10⁹ from masked scores (it does not replace them). In float32 this "
                               "rounds to −10⁹ for small scores, so a row with every key masked comes out uniform "
                               "over all keys, masked ones included.",
                .op = OpKind::Mask,
                .inputs = {"scores", "mask"},
                .formula = "S′ = S − 10⁹ · (1 − M)",
                .kerasCode = keras_source::kMaskedScores,
                .axes = scoreAxes(),
                .value = std::move(P),
                .flops = double(B * T * S),
                .label = "Mask scores",
            });
    return "masked_scores";
}

// Softmax over the keys (then dropout in training); returns the key the weighted sum reads.
std::string softmaxWeights(Trace& trace, const Spec& spec, const std::string& scoresKey) {
    Tensor P = trace.find(scoresKey)->value; // (B, T, S)
    softmaxRows(P.data(), P.dim(0) * P.dim(1), P.dim(2));
    const double n = double(P.size());
    addStep(trace, Step{
                       .key = "weights",
                       .title = "Softmax: attention weights",
                       .explanation = "Softmax over the keys turns each row of scores into weights ≥ 0 that sum to "
                                      "1: the share of each value row in this query's output.",
                       .op = OpKind::Softmax,
                       .inputs = {scoresKey},
                       .formula = "P[b,t,s] = exp(S′[b,t,s] − maxₛ S′) / Σₛ exp(S′[b,t,s] − maxₛ S′)",
                       .kerasCode = keras_source::kSoftmax,
                       .axes = scoreAxes(),
                       .value = std::move(P),
                       .flops = 5.0 * n,
                       .label = "Softmax weights",
                   });
    return addDropoutStep(trace, spec, "Unlike MultiHeadAttention, Attention returns these post-dropout weights.",
                          keras_source::kDropout);
}

// O = P · v; with a query mask the rows of padding queries are then zeroed.
void weightedValues(Trace& trace, const Spec& spec, const std::string& probsKey) {
    const Tensor& Pd = trace.find(probsKey)->value; // (B, T, S)
    const Tensor& v = trace.find("value")->value;   // (B, S, dv)
    const Index B = Pd.dim(0), T = Pd.dim(1), S = Pd.dim(2), dv = v.dim(2);
    Tensor O({B, T, dv}); // (B, T, dv)
    for (Index b = 0; b < B; ++b)
        gemmRows(Pd.data() + b * T * S, T, S, v.data() + b * S * dv, dv, O.data() + b * T * dv); // (T, S)·(S, dv)
    const bool qmask = spec.queryMask.has_value();
    addStep(trace,
            Step{
                .key = qmask ? "context" : "output",
                .title = "Weighted sum of values",
                .explanation = "Each output row is the weighted average of the value rows, with this query's weights.",
                .op = OpKind::Einsum,
                .inputs = {probsKey, "value"},
                .formula = "O[b,t,:] = Σₛ P[b,t,s] · v[b,s,:]",
                .einsum = "bts,bsv->btv",
                .kerasCode = keras_source::kWeightedValues,
                .axes = queryRows(),
                .value = O,
                .flops = 2.0 * double(B * T) * double(S * dv),
                .label = qmask ? "Weighted sum of values" : "Output",
            });
    if (!qmask)
        return;
    addInputStep(trace, "query_mask", "The query mask",
                 "1 for real query tokens, 0 for padding. Attention applies it only here, at the end.",
                 castMask(*spec.queryMask), {batchAxis(), queryAxis()}, true);
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t) {
            const float m = spec.queryMask->data()[b * T + t] != 0.0f ? 1.0f : 0.0f;
            for (Index c = 0; c < dv; ++c)
                O.data()[(b * T + t) * dv + c] *= m;
        }
    addStep(trace, Step{
                       .key = "output",
                       .title = "Zero the masked query rows",
                       .explanation = "Rows of padding queries are multiplied by 0. Their weights were computed "
                                      "normally (and Keras returns them unchanged); only the output row is zeroed.",
                       .op = OpKind::Mask,
                       .inputs = {"context", "query_mask"},
                       .formula = "out[b,t,:] = O[b,t,:] · query_mask[b,t]",
                       .kerasCode = keras_source::kQueryMaskOutput,
                       .axes = queryRows(),
                       .value = std::move(O),
                       .flops = double(B * T * dv),
                       .label = "Output",
                   });
}

} // namespace

Trace attentionInputs(const Spec& spec, ResolvedInputs in, Weights w) {
    Trace trace = newTrace(spec, std::move(w));
    addInputs(trace, std::move(in),
              {.query = "The sequence that asks. These layers have no projections: the query is compared with the "
                        "keys exactly as given, so query and key need the same width.",
               .key = "The sequence compared with every query.",
               .value = "The rows that are mixed into the output.",
               .valueAsKey = "The rows that are mixed into the output. No key was given, so the value is also the "
                             "key (key := value)."});
    return trace;
}

// Σ_d weight_d · tanh(scale·(q_d + k_d)) for every (t, s), vectorised over
// (s, d) with Eigen's float tanh. weight is a per-feature vector (additive)
// or all ones times a scalar (concat).
void tanhSumScores(const Tensor& q, const Tensor& k, float innerScale, const Eigen::ArrayXf& weight, float outerScalar,
                   bool perFeatureWeight, Tensor& out) {
    const Index B = q.dim(0), T = q.dim(1), S = k.dim(1), d = q.dim(2);
    using ArrayRM = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    ArrayRM tmp(S, d); // (S, d)
    for (Index b = 0; b < B; ++b) {
        Eigen::Map<const ArrayRM> kb(k.data() + b * S * d, S, d); // (S, d)
        for (Index t = 0; t < T; ++t) {
            Eigen::Map<const Eigen::Array<float, 1, Eigen::Dynamic>> qt(q.data() + (b * T + t) * d, d); // (d)
            tmp = kb.rowwise() + qt;
            if (innerScale != 1.0f)
                tmp *= innerScale;
            tmp = tmp.tanh();
            if (perFeatureWeight)
                tmp.rowwise() *= weight.transpose();
            float* row = out.data() + (b * T + t) * S;
            for (Index s = 0; s < S; ++s)
                row[s] = tmp.row(s).sum() * outerScalar;
        }
    }
}

void applyScores(Trace& trace, const Spec& spec) {
    const std::string scoresKey = maskScores(trace, spec);               // mask, masked_scores
    const std::string probsKey = softmaxWeights(trace, spec, scoresKey); // weights, dropout
    weightedValues(trace, spec, probsKey);                               // output (context, query_mask, output)
}

Trace attention(const Spec& spec, ResolvedInputs in, Weights w) {
    Trace trace = attentionInputs(spec, std::move(in), std::move(w));
    if (spec.config.scoreMode == ScoreMode::Concat)
        concatScores(trace, spec.config.effectiveUseScale());
    else
        dotScores(trace, spec.config.effectiveUseScale());
    applyScores(trace, spec);
    return trace;
}

} // namespace attnviz::core::detail
