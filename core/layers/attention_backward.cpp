// The backward pass of Keras 3 Attention (dot or concat scores) and
// AdditiveAttention (the forward passes are attention.cpp and additive_attention.cpp), float32: back
// through the query-mask zeroing, the value product, dropout, the softmax
// (a fully masked row is uniform only by float32 rounding, so its scores get
// no gradient: trace-format.md) and the scores. No allocation in the kernel.
#include "core/layers/detail/backward_steps.h"

#include "core/base/eigen_types.h"

#include <algorithm>

namespace attnviz::core {

void attentionBackward(const AttentionDims& d, const AttentionForward& f, const float* outputGrad, AttentionWork& w,
                       AttentionGrads& g) {
    const Index B = d.B, T = d.T, S = d.S, D = d.d, dv = d.dv;
    // --- out = O ⊙ query_mask: masked query rows pass no gradient
    for (Index r = 0; r < B * T; ++r) {
        const float m = f.queryMask && f.queryMask[r] == 0.0f ? 0.0f : 1.0f;
        for (Index c = 0; c < dv; ++c)
            w.context[r * dv + c] = outputGrad[r * dv + c] * m;
    }
    const bool dropout = f.dropped != nullptr;
    const float* Pd = dropout ? f.dropped : f.weights;
    float* dPd = dropout ? w.dropped : w.weights;
    for (Index b = 0; b < B; ++b) {
        ConstMatrixMap dO(w.context + b * T * dv, T, dv);                // (T, dv)
        ConstMatrixMap v(f.value + b * S * dv, S, dv);                   // (S, dv)
        MatrixMap(dPd + b * T * S, T, S).noalias() = dO * v.transpose(); // dP̂ = dO·vᵀ
        if (g.value)
            MatrixMap(g.value + b * S * dv, S, dv).noalias() += ConstMatrixMap(Pd + b * T * S, T, S).transpose() * dO;
    }
    if (dropout)
        for (Index i = 0; i < B * T * S; ++i)
            w.weights[i] = w.dropped[i] * f.dropoutScale[i];
    // --- softmax backward, row by row; a fully masked row gets 0
    for (Index r = 0; r < B * T; ++r) {
        const float* p = f.weights + r * S;
        const float* dp = w.weights + r * S;
        float* ds = w.scores + r * S;
        bool open = !f.scoreMask;
        for (Index s = 0; s < S && !open; ++s)
            open = f.scoreMask[r * S + s] != 0.0f;
        if (!open) {
            std::fill(ds, ds + S, 0.0f);
            continue;
        }
        double delta = 0;
        for (Index s = 0; s < S; ++s)
            delta += double(p[s]) * double(dp[s]);
        for (Index s = 0; s < S; ++s)
            ds[s] = p[s] * (dp[s] - float(delta));
    }
    // --- the scores
    if (d.score == ScoreKind::Dot) {
        const float scale = d.useScale ? f.scale[0] : 1.0f;
        if (d.useScale && g.scale) {
            double acc = 0; // d scale = Σ dS ∘ (q·kᵀ)
            for (Index i = 0; i < B * T * S; ++i)
                acc += double(w.scores[i]) * double(f.dotScores[i]);
            g.scale[0] += float(acc);
        }
        if (w.dotScores)
            for (Index i = 0; i < B * T * S; ++i)
                w.dotScores[i] = w.scores[i] * scale;
        for (Index b = 0; b < B; ++b) {
            ConstMatrixMap ds(w.scores + b * T * S, T, S);
            ConstMatrixMap q(f.query + b * T * D, T, D), k(f.key + b * S * D, S, D);
            if (g.query)
                MatrixMap(g.query + b * T * D, T, D).noalias() += scale * (ds * k);
            if (g.key)
                MatrixMap(g.key + b * S * D, S, D).noalias() += scale * (ds.transpose() * q);
        }
    } else if (d.score == ScoreKind::Concat) {
        const float inner = d.useScale ? f.scale[0] : 1.0f;
        double dInner = 0, dOuter = 0;
        detail::tanhSumBackward(B, T, S, D, f.query, f.key, inner, nullptr, f.concatScoreWeight[0], w.scores, g.query,
                                g.key, d.useScale ? &dInner : nullptr, &dOuter, nullptr);
        if (d.useScale && g.scale)
            g.scale[0] += float(dInner);
        if (g.concatScoreWeight)
            g.concatScoreWeight[0] += float(dOuter);
    } else {
        detail::tanhSumBackward(B, T, S, D, f.query, f.key, 1.0f, d.useScale ? f.scale : nullptr, 1.0f, w.scores,
                                g.query, g.key, nullptr, nullptr, d.useScale ? g.scale : nullptr);
    }
}

namespace detail {

void appendAttentionBackward(Trace& trace, const Spec& spec, const Tensor& seed, const std::string& P) {
    // P: a key prefix (a block of a model: "block0/"); forward steps and params are looked up under it.
    auto add = [&](Step st, const std::string& maskLike) -> Step& {
        return addGradStep(trace, std::move(st), maskLike, P);
    };
    const LayerConfig& cfg = spec.config;
    const bool additive = cfg.layer == LayerKind::AdditiveAttention;
    const bool useScale = cfg.effectiveUseScale();
    const bool concat = !additive && cfg.scoreMode == ScoreMode::Concat;
    auto value = [&](const std::string& k) -> const Tensor& { return trace.find(P + k)->value; };
    const bool hasKey = trace.find(P + "key") != nullptr;
    const std::string keySrc = hasKey ? "key" : "value";
    const Tensor& q = value("query");
    const Tensor& v = value("value");
    const Index B = q.dim(0), T = q.dim(1), S = v.dim(1), D = q.dim(2), dv = v.dim(2);
    const std::vector<std::string> scoreAxes{"batch", "query", "source"};
    const Step* drop = trace.find(P + "dropout");
    const Step* mask = trace.find(P + "mask");
    const bool qmask = spec.queryMask.has_value();
    Tensor dropScale = drop ? Tensor({B, T, S}, dropoutScaleMask(B * T * S, cfg.dropout, spec.seed)) : Tensor();
    Tensor qm = qmask ? value("query_mask") : Tensor();

    AttentionDims d{.B = B,
                    .T = T,
                    .S = S,
                    .d = D,
                    .dv = dv,
                    .score = additive ? ScoreKind::Additive
                             : concat ? ScoreKind::Concat
                                      : ScoreKind::Dot,
                    .useScale = useScale};
    AttentionForward f{.query = q.data(),
                       .key = value(keySrc).data(),
                       .value = v.data(),
                       .weights = value("weights").data(),
                       .dropped = drop ? drop->value.data() : nullptr,
                       .dropoutScale = drop ? dropScale.data() : nullptr,
                       .scoreMask = mask ? mask->value.data() : nullptr,
                       .queryMask = qmask ? qm.data() : nullptr,
                       .scale = useScale ? trace.params.at(P + "scale").data() : nullptr,
                       .concatScoreWeight = concat ? trace.params.at(P + "concat_score_weight").data() : nullptr,
                       .dotScores = !additive && !concat && useScale ? value("dot_scores").data() : nullptr};
    Tensor dO({B, T, dv}), dPd = drop ? Tensor({B, T, S}) : Tensor(), dP({B, T, S}), dS({B, T, S});
    const bool dot = !additive && !concat;
    Tensor dD = dot && useScale ? Tensor({B, T, S}) : Tensor();
    AttentionWork w{.context = dO.data(),
                    .dropped = drop ? dPd.data() : nullptr,
                    .weights = dP.data(),
                    .scores = dS.data(),
                    .dotScores = dD.empty() ? nullptr : dD.data()};
    Tensor dQ({B, T, D}), dV({B, S, dv}), dK = hasKey ? Tensor({B, S, D}) : Tensor();
    Tensor dScale = useScale ? Tensor(trace.params.at(P + "scale").shape()) : Tensor();
    Tensor dWc = concat ? Tensor(Shape{}) : Tensor();
    AttentionGrads g{.query = dQ.data(),
                     .key = hasKey ? dK.data() : dV.data(),
                     .value = dV.data(),
                     .scale = useScale ? dScale.data() : nullptr,
                     .concatScoreWeight = concat ? dWc.data() : nullptr};
    attentionBackward(d, f, seed.data(), w, g);

    auto grad = [&](const std::string& key, const std::string& title, std::string explanation, OpKind op,
                    std::vector<std::string> inputs, std::vector<std::string> params, const std::string& formula,
                    const std::string& einsum, std::vector<std::string> axes, Tensor t, double flops,
                    const std::string& maskLike) {
        add(Step{.key = key,
                 .title = title,
                 .explanation = std::move(explanation),
                 .op = op,
                 .inputs = std::move(inputs),
                 .params = gradParams(params),
                 .formula = formula,
                 .einsum = einsum,
                 .kerasCode = "tape.gradient(loss, ...)  # autodiff walks the forward pass backwards",
                 .axes = gradAxes(axes),
                 .value = std::move(t),
                 .flops = flops},
            maskLike);
    };
    const std::vector<std::string> outAxes{"batch", "query", "feature"};
    grad("grad/output", "Gradient of the loss w.r.t. the output",
         "The backward pass starts from the gradient of the loss with respect to the layer's output: how much the "
         "loss changes per unit of each output number. With no file it is all ones, i.e. the loss is the sum of "
         "the outputs.",
         OpKind::Input, {}, {}, "dout = ∂L/∂out", "", outAxes, seed, 0, "output");
    if (qmask)
        grad("grad/context", "Gradient of the weighted sum (query mask applied)",
             "The output zeroed the rows of padding queries, so those rows pass no gradient back: dO is the "
             "output's gradient with the masked query rows set to 0.",
             OpKind::Mask, {"grad/output", "query_mask"}, {}, "dO[b,t,:] = dout[b,t,:] · query_mask[b,t]", "", outAxes,
             Tensor(dO), double(B * T * dv), "output");
    const std::string dOk = qmask ? "grad/context" : "grad/output";
    const double pvFlops = 2.0 * double(B * T) * double(S * dv);
    const std::string vs = hasKey ? "v" : "v";
    grad(drop ? "grad/dropout" : "grad/weights",
         drop ? "Gradient of the dropped-out weights" : "Gradient of the weights",
         "The output is Σₛ P[t,s] · v[s,:], so the gradient of one weight P[t,s] is the dot product of the output's "
         "gradient at t with value row s.",
         OpKind::Einsum, {dOk, "value"}, {}, std::string(drop ? "dP̂" : "dP") + "[b,t,s] = Σ_c dO[b,t,c] · v[b,s,c]",
         "btc,bsc->bts", scoreAxes, drop ? std::move(dPd) : Tensor(dP), pvFlops, "weights");
    if (drop)
        grad("grad/weights", "Gradient of the weights (through dropout)",
             "Dropout multiplied each kept weight by 1/(1 − rate) and zeroed the others; the backward pass uses the "
             "same mask as the forward pass: dropped weights get no gradient.",
             OpKind::Dropout, {"grad/dropout"}, {}, "dP = dP̂ · keep / (1 − rate)   (the forward pass's own mask)", "",
             scoreAxes, Tensor(dP), double(B * T * S), "weights");
    std::string sExplain = "The softmax couples a row: the score's gradient is P ∘ (dP − Δ), with Δ = Σₛ P·dP, so "
                           "each row of score gradients sums to 0.";
    if (mask)
        sExplain += " Masked cells have P = 0 and get no gradient. A row whose keys are all masked comes out "
                    "uniform only by float32 rounding (every score is pushed to −10⁹), so its scores do not reach "
                    "the output: its gradient is 0.";
    grad("grad/scores", "Gradient of the scores (softmax backward)", sExplain, OpKind::Softmax,
         {"grad/weights", "weights"}, {}, "dS = P ∘ (dP − rowsum(dP ∘ P))", "", scoreAxes, std::move(dS),
         4.0 * double(B * T * S), "weights");
    const std::string kk = hasKey ? "k" : "v";
    const double qkFlops = 2.0 * double(B * T) * double(S * D);
    if (dot) {
        if (useScale) {
            grad("grad/dot_scores", "Gradient of the dot products",
                 "S = scale · D: the dot products' gradient is the scores' gradient times the scale.", OpKind::Scale,
                 {"grad/scores"}, {"scale"}, "dD = scale · dS", "", scoreAxes, Tensor(dD), double(B * T * S),
                 "weights");
            trace.steps.back().scaleFactor = trace.params.at(P + "scale").data()[0];
            grad("grad/scale", "Gradient of scale",
                 "The scale multiplies every score, so its gradient is every score gradient times the dot product "
                 "it scaled, summed.",
                 OpKind::Einsum, {"grad/scores", "dot_scores"}, {"scale"}, "d scale = Σ_{b,t,s} dS[b,t,s] · D[b,t,s]",
                 "bts,bts->", {}, std::move(dScale), 2.0 * double(B * T * S), "");
        }
        const std::string dsK = useScale ? "grad/dot_scores" : "grad/scores", dsS = useScale ? "dD" : "dS";
        grad("grad/query", "Gradient of the query input",
             "Each score is a dot product q[t]·" + kk + "[s]: the query's gradient is the keys weighted by the " +
                 (useScale ? "dot products'" : "scores'") + " gradients.",
             OpKind::Einsum, {dsK, keySrc}, {}, "dq[b,t,d] = Σₛ " + dsS + "[b,t,s] · " + kk + "[b,s,d]", "bts,bsd->btd",
             outAxes, std::move(dQ), qkFlops, "");
        if (hasKey)
            grad("grad/key", "Gradient of the key input",
                 "Each key row meets every query through its score: its gradient is the queries weighted by the "
                 "score gradients (the transposed product).",
                 OpKind::Einsum, {dsK, "query"}, {}, "dk[b,s,d] = Σₜ " + dsS + "[b,t,s] · q[b,t,d]", "bts,btd->bsd",
                 {"batch", "source", "feature"}, std::move(dK), qkFlops, "");
    } else {
        const double tanhFlops = 8.0 * double(B * T) * double(S * D);
        if (concat) {
            grad("grad/concat_score_weight", "Gradient of concat_score_weight",
                 "S = w_c · Σ_d tanh(…): the weight's gradient is each score's gradient times its tanh sum, summed "
                 "over every (batch, query, source).",
                 OpKind::TanhSum, {"grad/scores", "query", keySrc}, {"concat_score_weight"},
                 useScale ? "d w_c = Σ_{b,t,s} dS[b,t,s] · Σ_d tanh(scale · (q[b,t,d] + " + kk + "[b,s,d]))"
                          : "d w_c = Σ_{b,t,s} dS[b,t,s] · Σ_d tanh(q[b,t,d] + " + kk + "[b,s,d])",
                 "", {}, std::move(dWc), tanhFlops, "");
            if (useScale)
                grad("grad/scale", "Gradient of scale",
                     "The scalar scale multiplies q + k inside every tanh: its gradient sums, over every score and "
                     "feature, dS · w_c · (1 − tanh²) · (q + k).",
                     OpKind::TanhSum, {"grad/scores", "query", keySrc}, {"scale", "concat_score_weight"},
                     "d scale = Σ_{b,t,s,d} dS · w_c · (1 − tanh²(scale·(q + " + kk + "))) · (q + " + kk + ")", "", {},
                     std::move(dScale), tanhFlops, "");
        } else if (useScale) {
            grad("grad/scale", "Gradient of scale (per feature)",
                 "AdditiveAttention weights each feature's tanh by scale[d], outside the tanh: its gradient sums "
                 "dS · tanh(q + k)[d] over every score.",
                 OpKind::TanhSum, {"grad/scores", "query", keySrc}, {"scale"},
                 "d scale[d] = Σ_{b,t,s} dS[b,t,s] · tanh(q[b,t,d] + " + kk + "[b,s,d])", "", {"feature"},
                 std::move(dScale), tanhFlops, "");
        }
        const std::string inner =
            concat
                ? (useScale ? "w_c · scale · (1 − tanh²(scale·(q + " + kk + ")))" : "w_c · (1 − tanh²(q + " + kk + "))")
                : (useScale ? "scale[d] · (1 − tanh²(q + " + kk + "))" : "(1 − tanh²(q + " + kk + "))");
        grad("grad/query", "Gradient of the query input",
             "Each score sums tanh over the features of q + k: the query's gradient at feature d collects, over "
             "every source, the score's gradient times the slope of its tanh.",
             OpKind::TanhSum, {"grad/scores", "query", keySrc},
             cfg.effectiveUseScale() || concat ? std::vector<std::string>{} : std::vector<std::string>{},
             "dq[b,t,d] = Σₛ dS[b,t,s] · " + inner, "", outAxes, std::move(dQ), tanhFlops, "");
        if (hasKey)
            grad("grad/key", "Gradient of the key input",
                 "The same slopes, summed over every query instead: q and k enter each tanh as a sum, so they get "
                 "the same per-score gradient.",
                 OpKind::TanhSum, {"grad/scores", "query", "key"}, {}, "dk[b,s,d] = Σₜ dS[b,t,s] · " + inner, "",
                 {"batch", "source", "feature"}, std::move(dK), tanhFlops, "");
    }
    (void)vs;
    grad("grad/value", "Gradient of the value input",
         std::string("Each value row s is mixed into every output with weight P[t,s]: its gradient is the output "
                     "gradients weighted by the transposed weights.") +
             (hasKey ? ""
                     : " No key was given, so the value was also the key (key := value): the key path's "
                       "gradient is added."),
         OpKind::Einsum,
         hasKey ? std::vector<std::string>{drop ? "dropout" : "weights", dOk}
                : std::vector<std::string>{drop ? "dropout" : "weights", dOk, "grad/scores"},
         {}, hasKey ? "dv[b,s,c] = Σₜ P[b,t,s] · dO[b,t,c]" : "dv[b,s,c] = Σₜ P[b,t,s] · dO[b,t,c] + (the key path)",
         hasKey ? "bts,btc->bsc" : "", {"batch", "source", "feature"}, std::move(dV), pvFlops, "");
}

} // namespace detail

} // namespace attnviz::core
