// Keras 3 Attention (Luong: dot or concat scores) and AdditiveAttention
// (Bahdanau-style), float32 (keras/src/layers/attention/attention.py and
// additive_attention.py: `_calculate_scores` → `_apply_scores` → query-mask
// zeroing in `call`, Keras 3.16). No projections: q and k are used as given.
#include "core/layers/detail/layers.h"

#include "core/base/eigen_types.h"
#include "core/base/parallel_gemm.h"
#include "core/base/softmax.h"

namespace attnviz::core::detail {

namespace {

// Σ_d weight_d · tanh(scale·(q_d + k_d)) for every (t, s), vectorised over
// (s, d) with Eigen's float tanh. weight is a per-feature vector (additive)
// or all ones times a scalar (concat).
void tanhSumScores(const Tensor& q, const Tensor& k, float innerScale, const Eigen::ArrayXf& weight, float outerScalar,
                   bool perFeatureWeight, Tensor& out) {
    const Index B = q.dim(0), T = q.dim(1), S = k.dim(1), d = q.dim(2);
    Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> tmp(S, d); // (S, d)
    for (Index b = 0; b < B; ++b) {
        Eigen::Map<const Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> kb(k.data() + b * S * d,
                                                                                                  S, d); // (S, d)
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

} // namespace

Trace dotOrAdditiveAttention(const Spec& spec, ResolvedInputs in, Weights w) {
    const LayerConfig& cfg = spec.config;
    const bool additive = cfg.layer == LayerKind::AdditiveAttention;
    const bool useScale = cfg.effectiveUseScale();
    const bool concat = !additive && cfg.scoreMode == ScoreMode::Concat;
    const Tensor& q = in.query;
    const Tensor& v = in.value;
    const bool hasKey = in.key.has_value();
    const Tensor& k = hasKey ? *in.key : v;
    const Index B = q.dim(0), T = q.dim(1), S = v.dim(1), d = q.dim(2), dv = v.dim(2);

    Trace trace;
    trace.layer = layerName(cfg.layer);
    trace.steps.reserve(kMaxSteps);

    addInputStep(trace, "query", "Query input",
                 "The sequence that asks. These layers have no projections: the query is compared with the "
                 "keys exactly as given, so query and key need the same width.",
                 q, {"batch", "query", "feature"});
    if (hasKey)
        addInputStep(trace, "key", "Key input", "The sequence compared with every query.", k,
                     {"batch", "source", "feature"});
    addInputStep(trace, "value", "Value input",
                 hasKey ? "The rows that are mixed into the output."
                        : "The rows that are mixed into the output. No key was given, so the value is also the "
                          "key (key := value).",
                 v, {"batch", "source", "feature"});
    const std::string keySrc = hasKey ? "key" : "value";
    // The key's symbol in the formulas: v when no key was given (Keras' key := value),
    // so the formula names the tensor the stage draws.
    const std::string kk = hasKey ? "k[b,s,d]" : "v[b,s,d]";
    trace.params = std::move(w);
    const Weights& wts = trace.params;
    const std::vector<std::string> scoreAxes{"batch", "query", "source"};

    // --- 1. Scores (_calculate_scores) --------------------------------------
    Tensor L({B, T, S}); // (B, T, S)
    if (!additive && !concat) {
        for (Index b = 0; b < B; ++b) {
            const float* qb = q.data() + b * T * d; // (T, d)
            const float* kb = k.data() + b * S * d; // (S, d)
            float* lb = L.data() + b * T * S;       // (T, S)
            // Query rows split over threads at aligned boundaries (core/parallel_gemm.h).
            parallelFor(T, 2 * kRowAlign, kRowAlign, 2.0 * double(T) * double(S) * double(d), [&](Index r, Index e) {
                gemmNT(e - r, S, d, qb + r * d, d, kb, d, lb + r * S, S); // (rows, d)·(S, d)ᵀ
            });
        }
        const std::string dotExplain =
            "Each query is compared with every key by a plain dot product. Unlike MultiHeadAttention there is "
            "no 1/√d factor and no projection.";
        if (useScale) {
            addStep(trace, Step{
                               .key = "dot_scores",
                               .title = "Dot products",
                               .explanation = dotExplain,
                               .op = OpKind::Einsum,
                               .inputs = {"query", keySrc},
                               .formula = "D[b,t,s] = Σ_d q[b,t,d] · " + kk,
                               .einsum = "btd,bsd->bts",
                               .kerasCode = "scores = ops.matmul(query, ops.swapaxes(key, -2, -1))",
                               .axes = scoreAxes,
                               .value = L,
                               .flops = 2.0 * double(B * T) * double(S * d),
                           });
            const float scale = wts.at("scale").data()[0];
            Eigen::Map<Eigen::ArrayXf>(L.data(), L.size()) *= scale;
            addStep(trace,
                    Step{
                        .key = "scores",
                        .title = "Scale the scores",
                        .explanation = "With use_scale=True, Attention learns one scalar that multiplies every score "
                                       "(initialised to 1). It plays the role of a learned temperature.",
                        .op = OpKind::Scale,
                        .inputs = {"dot_scores"},
                        .params = {"scale"},
                        .formula = "S = scale · D",
                        .kerasCode = "scores = ops.multiply(scores, self.scale)",
                        .axes = scoreAxes,
                        .value = L,
                        .flops = double(L.size()),
                        .scaleFactor = scale,
                    });
        } else {
            addStep(trace, Step{
                               .key = "scores",
                               .title = "Dot-product scores",
                               .explanation = dotExplain + " A large score means this key matches this query.",
                               .op = OpKind::Einsum,
                               .inputs = {"query", keySrc},
                               .formula = "S[b,t,s] = Σ_d q[b,t,d] · " + kk,
                               .einsum = "btd,bsd->bts",
                               .kerasCode = "scores = ops.matmul(query, ops.swapaxes(key, -2, -1))",
                               .axes = scoreAxes,
                               .value = L,
                               .flops = 2.0 * double(B * T) * double(S * d),
                           });
        }
    } else if (concat) {
        const float scale = useScale ? wts.at("scale").data()[0] : 1.0f;
        const float wc = wts.at("concat_score_weight").data()[0];
        tanhSumScores(q, k, scale, Eigen::ArrayXf(), wc, false, L);
        addStep(
            trace,
            Step{
                .key = "scores",
                .title = "Concat scores: Σ tanh(q + k)",
                .explanation = std::string("score_mode=\"concat\": each query is added to each key feature by feature, "
                                           "squashed by tanh and summed, then multiplied by one learned scalar "
                                           "(concat_score_weight).") +
                               (useScale ? " The scalar scale multiplies q + k inside the tanh." : ""),
                .op = OpKind::TanhSum,
                .inputs = {"query", keySrc},
                .params = useScale ? std::vector<std::string>{"scale", "concat_score_weight"}
                                   : std::vector<std::string>{"concat_score_weight"},
                .formula = useScale ? "S[b,t,s] = w_c · Σ_d tanh(scale · (q[b,t,d] + " + kk + "))"
                                    : "S[b,t,s] = w_c · Σ_d tanh(q[b,t,d] + " + kk + ")",
                .kerasCode =
                    useScale
                        ? "scores = self.concat_score_weight * ops.sum(ops.tanh(self.scale * (q_reshaped + "
                          "k_reshaped)), axis=-1)"
                        : "scores = self.concat_score_weight * ops.sum(ops.tanh(q_reshaped + k_reshaped), axis=-1)",
                .axes = scoreAxes,
                .value = L,
                .flops = 4.0 * double(B * T) * double(S * d),
            });
    } else {
        Eigen::ArrayXf sc = Eigen::ArrayXf::Ones(d);
        if (useScale)
            sc = Eigen::Map<const Eigen::ArrayXf>(wts.at("scale").data(), d);
        tanhSumScores(q, k, 1.0f, sc, 1.0f, useScale, L);
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
                    .inputs = {"query", keySrc},
                    .params = useScale ? std::vector<std::string>{"scale"} : std::vector<std::string>{},
                    .formula = useScale ? "S[b,t,s] = Σ_d scale[d] · tanh(q[b,t,d] + " + kk + ")"
                                        : "S[b,t,s] = Σ_d tanh(q[b,t,d] + " + kk + ")",
                    .kerasCode = "return ops.sum(scale * ops.tanh(q_reshaped + k_reshaped), axis=-1)  # scale = "
                                 "self.scale if self.use_scale else 1.0",
                    .axes = scoreAxes,
                    .value = L,
                    .flops = 4.0 * double(B * T) * double(S * d),
                });
    }

    // --- 2. Score mask: value mask AND causal; subtract 1e9 --------------
    const bool masked = spec.valueMask.has_value() || spec.call.useCausalMask;
    Tensor P = L; // (B, T, S)
    if (masked) {
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
        addInputStep(trace, "mask", "The score mask",
                     "1 means 'this query may attend to this key'. Built from " + from +
                         ". The query mask is not part of it: Attention uses the query mask only to zero "
                         "output rows at the end.",
                     M, scoreAxes);
        // scores -= 1e9 * (1 - mask), in float32: |score| < 32 rounds to exactly -1e9.
        for (Index i = 0; i < P.size(); ++i)
            if (M.data()[i] == 0.0f)
                P.data()[i] = P.data()[i] - 1e9f;
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
                    .kerasCode = "scores = ops.where(padding_mask, scores - max_value, scores)",
                    .axes = scoreAxes,
                    .value = P,
                    .flops = double(P.size()),
                });
    }

    // --- 3. Softmax, dropout ------------------------------------------------
    softmaxRows(P.data(), B * T, S);
    addStep(trace,
            Step{
                .key = "weights",
                .title = "Softmax: attention weights",
                .explanation = "Softmax over the keys turns each row of scores into weights ≥ 0 that sum to 1: the "
                               "share of each value row in this query's output.",
                .op = OpKind::Softmax,
                .inputs = {masked ? "masked_scores" : "scores"},
                .formula = "P[b,t,s] = exp(S′[b,t,s] − maxₛ S′) / Σₛ exp(S′[b,t,s] − maxₛ S′)",
                .kerasCode = "weights = ops.softmax(scores, axis=-1)",
                .axes = scoreAxes,
                .value = P,
                .flops = 5.0 * double(P.size()),
            });
    const std::string probsKey =
        addDropoutStep(trace, spec, "Unlike MultiHeadAttention, Attention returns these post-dropout weights.",
                       "weights = backend.random.dropout(weights, self.dropout, seed=self.seed_generator)");
    const Tensor& Pd = trace.find(probsKey)->value; // (B, T, S)

    // --- 4. Weighted sum of values, then the query mask -------------------
    Tensor O({B, T, dv}); // (B, T, dv)
    for (Index b = 0; b < B; ++b)
        gemmRows(Pd.data() + b * T * S, T, S, v.data() + b * S * dv, dv, O.data() + b * T * dv); // (T, S)·(S, dv)
    const Step ctx{
        .key = spec.queryMask ? "context" : "output",
        .title = "Weighted sum of values",
        .explanation = "Each output row is the weighted average of the value rows, with this query's weights.",
        .op = OpKind::Einsum,
        .inputs = {probsKey, "value"},
        .formula = "O[b,t,:] = Σₛ P[b,t,s] · v[b,s,:]",
        .einsum = "bts,bsv->btv",
        .kerasCode = "return ops.matmul(weights, value), weights",
        .axes = {"batch", "query", "feature"},
        .value = O,
        .flops = 2.0 * double(B * T) * double(S * dv),
    };
    addStep(trace, ctx);
    if (spec.queryMask) {
        addInputStep(trace, "query_mask", "The query mask",
                     "1 for real query tokens, 0 for padding. Attention applies it only here, at the end.",
                     castMask(*spec.queryMask), {"batch", "query"});
        for (Index b = 0; b < B; ++b)
            for (Index t = 0; t < T; ++t) {
                const float m = spec.queryMask->data()[b * T + t] != 0.0f ? 1.0f : 0.0f;
                for (Index c = 0; c < dv; ++c)
                    O.data()[(b * T + t) * dv + c] *= m;
            }
        addStep(trace,
                Step{
                    .key = "output",
                    .title = "Zero the masked query rows",
                    .explanation = "Rows of padding queries are multiplied by 0. Their weights were computed normally "
                                   "(and Keras returns them unchanged); only the output row is zeroed.",
                    .op = OpKind::Mask,
                    .inputs = {"context", "query_mask"},
                    .formula = "out[b,t,:] = O[b,t,:] · query_mask[b,t]",
                    .kerasCode = "attention_output = ops.where(q_mask, attention_output, 0)",
                    .axes = {"batch", "query", "feature"},
                    .value = O,
                    .flops = double(O.size()),
                });
    }
    return trace;
}

} // namespace attnviz::core::detail
