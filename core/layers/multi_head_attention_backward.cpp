// The backward pass of Keras 3 MultiHeadAttention and GroupQueryAttention
// (the forward pass is multi_head_attention.cpp), float32: llm.c's
// attention_backward walked in reverse through output_dense, the gate, the
// context product, dropout, the masked softmax, the scores product, the
// 1/√key_dim scale and the three projections. No allocation in the kernel.
#include "core/layers/detail/backward_steps.h"

#include "core/base/eigen_types.h"

#include <algorithm>
#include <cmath>

namespace attnviz::core {

namespace {

// Row-wise softmax backward over n entries: dS = P ∘ (dP − Σ P ∘ dP). A
// masked cell has P = 0 and gets 0; a fully masked row (P all 0) is all 0.
void softmaxBackwardRows(const float* P, const float* dP, float* dS, Index rows, Index n) {
    for (Index r = 0; r < rows; ++r) {
        const float* p = P + r * n;
        const float* dp = dP + r * n;
        float* ds = dS + r * n;
        double delta = 0; // Δ = rowsum(dP ∘ P)
        for (Index s = 0; s < n; ++s)
            delta += double(p[s]) * double(dp[s]);
        const float df = float(delta);
        for (Index s = 0; s < n; ++s)
            ds[s] = p[s] * (dp[s] - df);
    }
}

} // namespace

void mhaBackward(const MhaDims& d, const MhaParams& p, const MhaForward& f, const float* outputGrad, MhaWork& w,
                 MhaGrads& g) {
    const Index B = d.B, T = d.T, S = d.S, N = d.N, Nkv = d.Nkv, G = N / Nkv, H = d.H, Hv = d.Hv;
    const Index BT = B * T, BS = B * S;

    // --- output_dense: Y = X·W_o + b_o, X = C (or C ⊙ gate) as (BT, N·Hv)
    const float* X = d.gate ? f.gatedContext : f.context;
    float* dX = d.gate ? w.gatedContext : w.context; // (B, T, N, Hv)
    detail::denseBackward(BT, N * Hv, d.Eout, X, p.outputKernel, outputGrad, dX, false, g.outputKernel,
                          d.bias ? g.outputBias : nullptr);

    // --- gate: C_g = C ⊙ G, G = σ(query·W_g + b_g)
    if (d.gate) {
        const Index n = BT * N * Hv;
        for (Index i = 0; i < n; ++i) {
            const float gi = f.gate[i];
            w.context[i] = w.gatedContext[i] * gi;          // dC = dC_g ⊙ G
            w.gate[i] = w.gatedContext[i] * f.context[i];   // dG = dC_g ⊙ C
            w.gateLogits[i] = w.gate[i] * gi * (1.0f - gi); // σ' = G(1 − G)
        }
        detail::denseBackward(BT, d.Eq, N * Hv, f.query, p.gateKernel, w.gateLogits, g.query, true, g.gateKernel,
                              d.bias ? g.gateBias : nullptr);
    }

    // --- per (batch, head): context product, dropout, softmax, scores product
    const bool dropout = f.dropped != nullptr;
    const float* Pd = dropout ? f.dropped : f.weights; // what the context product read
    float* dPd = dropout ? w.dropped : w.weights;
    const bool repeatK = w.keyRepeated != nullptr || G > 1;
    const bool repeatV = w.valueRepeated != nullptr || G > 1;
    float* dKr = repeatK ? w.keyRepeated : w.keyDense;     // (B, S, N, H)
    float* dVr = repeatV ? w.valueRepeated : w.valueDense; // (B, S, N, Hv)
    for (Index b = 0; b < B; ++b)
        for (Index n = 0; n < N; ++n) {
            const Index gi = n / G, bn = b * N + n;
            ConstStridedMap dc(w.context + (b * T * N + n) * Hv, T, Hv, Stride(N * Hv));         // (T, Hv)
            ConstStridedMap vb(f.valueDense + (b * S * Nkv + gi) * Hv, S, Hv, Stride(Nkv * Hv)); // (S, Hv)
            ConstStridedMap kb(f.keyDense + (b * S * Nkv + gi) * H, S, H, Stride(Nkv * H));      // (S, H)
            ConstStridedMap qs(f.scaledQuery + (b * T * N + n) * H, T, H, Stride(N * H));        // (T, H)
            MatrixMap dpd(dPd + bn * T * S, T, S);                                               // (T, S)
            dpd.noalias() = dc * vb.transpose();                                                 // dP̂ = dC·Vᵀ
            ConstMatrixMap pd(Pd + bn * T * S, T, S);
            StridedMap(dVr + (b * S * N + n) * Hv, S, Hv, Stride(N * Hv)).noalias() = pd.transpose() * dc; // P̂ᵀ·dC
            if (dropout) { // dP = dP̂ ⊙ keep/(1 − rate)
                const float* sc = f.dropoutScale + bn * T * S;
                float* dp = w.weights + bn * T * S;
                for (Index i = 0; i < T * S; ++i)
                    dp[i] = dPd[bn * T * S + i] * sc[i];
            }
            softmaxBackwardRows(f.weights + bn * T * S, w.weights + bn * T * S, w.scores + bn * T * S, T, S);
            ConstMatrixMap ds(w.scores + bn * T * S, T, S);                                             // (T, S)
            StridedMap(w.scaledQuery + (b * T * N + n) * H, T, H, Stride(N * H)).noalias() = ds * kb;   // dQ̃ = dS·K
            StridedMap(dKr + (b * S * N + n) * H, S, H, Stride(N * H)).noalias() = ds.transpose() * qs; // dSᵀ·Q̃
        }

    // --- GroupQueryAttention: each key/value head sums the gradients of its G repeats
    auto groupSum = [&](const float* rep, float* out, Index width) {
        for (Index r = 0; r < BS; ++r)
            for (Index k = 0; k < Nkv; ++k) {
                float* o = out + (r * Nkv + k) * width;
                std::fill(o, o + width, 0.0f);
                for (Index j = 0; j < G; ++j) {
                    const float* x = rep + (r * N + k * G + j) * width;
                    for (Index c = 0; c < width; ++c)
                        o[c] += x[c];
                }
            }
    };
    if (repeatK)
        groupSum(w.keyRepeated, w.keyDense, H);
    if (repeatV)
        groupSum(w.valueRepeated, w.valueDense, Hv);

    // --- the scale on the projected query: dQ = dQ̃ · 1/√H
    for (Index i = 0; i < BT * N * H; ++i)
        w.queryDense[i] = w.scaledQuery[i] * d.queryScale;

    // --- the three projections
    detail::denseBackward(BT, d.Eq, N * H, f.query, p.queryKernel, w.queryDense, g.query, true, g.queryKernel,
                          d.bias ? g.queryBias : nullptr);
    detail::denseBackward(BS, d.Ek, Nkv * H, f.key, p.keyKernel, w.keyDense, g.key, true, g.keyKernel,
                          d.bias ? g.keyBias : nullptr);
    detail::denseBackward(BS, d.Ev, Nkv * Hv, f.value, p.valueKernel, w.valueDense, g.value, true, g.valueKernel,
                          d.bias ? g.valueBias : nullptr);
}

namespace detail {

void denseBackward(Index rows, Index din, Index dout, const float* x, const float* W, const float* dy, float* dx,
                   bool accumulateDx, float* dW, float* db) {
    ConstMatrixMap Dy(dy, rows, dout);
    if (dW)
        MatrixMap(dW, din, dout).noalias() += ConstMatrixMap(x, rows, din).transpose() * Dy;
    if (db) {
        Eigen::Map<RowVectorF> b(db, dout);
        for (Index r = 0; r < rows; ++r)
            b += Dy.row(r);
    }
    if (dx) {
        MatrixMap Dx(dx, rows, din);
        if (accumulateDx)
            Dx.noalias() += Dy * ConstMatrixMap(W, din, dout).transpose();
        else
            Dx.noalias() = Dy * ConstMatrixMap(W, din, dout).transpose();
    }
}

double denseBackwardFlops(Index rows, Index din, Index dout, bool bias) {
    return 4.0 * double(rows) * double(din) * double(dout) + (bias ? double(rows) * double(dout) : 0.0);
}

} // namespace detail

namespace detail {

void appendMhaBackward(Trace& trace, const Spec& spec, const Tensor& seed, const std::string& P) {
    // P: a key prefix (a block of a model: "block0/"); forward steps and params are looked up under it.
    auto add = [&](Step st, const std::string& maskLike) -> Step& {
        return addGradStep(trace, std::move(st), maskLike, P);
    };
    const LayerConfig& cfg = spec.config;
    const bool gqa = cfg.layer == LayerKind::GroupQueryAttention;
    const bool bias = cfg.useBias, gate = cfg.useGate, sub = cfg.transformerSublayer;
    auto value = [&](const std::string& k) -> const Tensor& { return trace.find(P + k)->value; };
    auto param = [&](const std::string& k) -> const Tensor& { return trace.params.at(P + k); };
    const bool hasKey = trace.find(P + "key") != nullptr;
    const std::string keySrc = hasKey ? "key" : "value";
    const Tensor& query = value("query");
    const Index B = query.dim(0), T = query.dim(1), Eq = query.dim(2);
    const Index S = value("value").dim(1), Ev = value("value").dim(2), Ek = value(keySrc).dim(2);
    const Index N = cfg.numHeads, Nkv = cfg.kvHeads(), G = N / Nkv, H = cfg.keyDim, Hv = cfg.effectiveValueDim();
    const Index Eout = param("output_dense/kernel").dim(2);
    const std::string dimName = gqa ? "head_dim" : "key_dim", vdimName = gqa ? "head_dim" : "value_dim";
    const std::vector<std::string> bthAxes{"batch", "query", "head", dimName},
        bthvAxes{"batch", "query", "head", vdimName};
    const std::vector<std::string> scoreAxes{"batch", "head", "query", "source"};

    // --- the gradient given, and the Transformer sub-layer ------------------
    Tensor dQuery({B, T, Eq}); // (B, T, Eq): the residual's share first, then the layer's
    Tensor dY;                 // (B, T, Eout): dL/d output
    if (sub) {
        add(Step{.key = "grad/layer_norm",
                 .title = "Gradient of the loss w.r.t. the layer norm",
                 .explanation = "The backward pass starts from the gradient of the loss with respect to the "
                                "layer's result (here the LayerNormalization of the Transformer sub-layer): "
                                "how much the loss changes per unit of each output number. With no file it "
                                "is all ones, i.e. the loss is the sum of the outputs.",
                 .op = OpKind::Input,
                 .formula = "dZ = ∂L/∂Z",
                 .kerasCode = "tape.gradient(loss, layer_norm)  # the backward pass starts here",
                 .axes = gradAxes({"batch", "query", "feature"}),
                 .value = seed},
            "layer_norm");
        const Tensor& R = value("residual");
        Tensor dR({B, T, Eq}), dGamma({Eq}), dBeta({Eq});
        layerNormBackward(B * T, Eq, R.data(), param("layer_norm/gamma").data(), kLayerNormEpsilon, seed.data(),
                          dR.data(), dGamma.data(), dBeta.data());
        add(Step{.key = "grad/layer_norm/gamma",
                 .title = "Gradient of γ (layer norm scale)",
                 .explanation = "γ multiplies every normalised feature, so its gradient sums, over every "
                                "position, the incoming gradient times the normalised value x̂.",
                 .op = OpKind::Einsum,
                 .inputs = {"grad/layer_norm", "residual"},
                 .params = gradParams({"layer_norm/gamma"}),
                 .formula = "dγ[e] = Σ_{b,t} dZ[b,t,e] · x̂[b,t,e],  x̂ = (R − μ)/√(σ² + 0.001)",
                 .kerasCode = "# LayerNormalization: outputs = inputs_normalized * gamma + beta",
                 .axes = gradAxes({"feature"}),
                 .value = std::move(dGamma),
                 .flops = 2.0 * double(B * T * Eq)},
            "");
        add(Step{.key = "grad/layer_norm/beta",
                 .title = "Gradient of β (layer norm shift)",
                 .explanation = "β is added to every position, so its gradient is the incoming gradient "
                                "summed over every batch row and position.",
                 .op = OpKind::Einsum,
                 .inputs = {"grad/layer_norm"},
                 .params = gradParams({"layer_norm/beta"}),
                 .formula = "dβ[e] = Σ_{b,t} dZ[b,t,e]",
                 .einsum = "bte->e",
                 .kerasCode = "# LayerNormalization: outputs = inputs_normalized * gamma + beta",
                 .axes = gradAxes({"feature"}),
                 .value = std::move(dBeta),
                 .flops = double(B * T * Eq)},
            "");
        dQuery = dR;
        dY = dR;
        add(Step{.key = "grad/residual",
                 .title = "Backward through the layer norm",
                 .explanation = "The gradient of the residual sum R through LayerNormalization: the mean "
                                "and the variance depend on every feature of the row, so each feature's "
                                "gradient loses the row's mean gradient and its share along x̂.",
                 .op = OpKind::LayerNorm,
                 .inputs = {"grad/layer_norm", "residual"},
                 .params = gradParams({"layer_norm/gamma"}),
                 .formula = "dR = (dx̂ − mean_e(dx̂) − x̂ · mean_e(dx̂ ∘ x̂)) / √(σ² + 0.001),  dx̂ = dZ ∘ γ",
                 .kerasCode = "x = layers.LayerNormalization()(x)  # epsilon=1e-3",
                 .axes = gradAxes({"batch", "query", "feature"}),
                 .value = std::move(dR),
                 .flops = 10.0 * double(B * T * Eq)},
            "residual");
        add(Step{.key = "grad/output",
                 .title = "Gradient of the attention output",
                 .explanation = "R = query + Y: an addition passes its gradient unchanged to both "
                                "operands. The attention output gets dR, and so does the query, through the "
                                "residual connection (it is added to the query's gradient at the end).",
                 .op = OpKind::Add,
                 .inputs = {"grad/residual"},
                 .formula = "dY = dR,  d query += dR",
                 .kerasCode = "x = layers.Add()([x, attn_output])",
                 .axes = gradAxes({"batch", "query", "feature"}),
                 .value = dY},
            "output");
    } else {
        dY = seed;
        add(Step{.key = "grad/output",
                 .title = "Gradient of the loss w.r.t. the output",
                 .explanation = "The backward pass starts from the gradient of the loss with respect to the "
                                "layer's output: how much the loss changes per unit of each output number. "
                                "With no file it is all ones, i.e. the loss is the sum of the outputs.",
                 .op = OpKind::Input,
                 .formula = "dY = ∂L/∂Y",
                 .kerasCode = "tape.gradient(loss, attention_output)  # the backward pass starts here",
                 .axes = gradAxes({"batch", "query", "feature"}),
                 .value = seed},
            "output");
    }

    // --- run the kernel on the trace's own tensors --------------------------
    const Step* drop = trace.find(P + "dropout");
    Tensor dropScale;
    if (drop)
        dropScale = Tensor({B, N, T, S}, dropoutScaleMask(B * N * T * S, cfg.dropout, spec.seed));
    MhaDims d{.B = B,
              .T = T,
              .S = S,
              .Eq = Eq,
              .Ek = Ek,
              .Ev = Ev,
              .N = N,
              .Nkv = Nkv,
              .H = H,
              .Hv = Hv,
              .Eout = Eout,
              .bias = bias,
              .gate = gate,
              .queryScale = trace.find(P + "scaled_query")->scaleFactor};
    MhaParams p{.queryKernel = param("query_dense/kernel").data(),
                .keyKernel = param("key_dense/kernel").data(),
                .valueKernel = param("value_dense/kernel").data(),
                .outputKernel = param("output_dense/kernel").data(),
                .gateKernel = gate ? param("gate_dense/kernel").data() : nullptr};
    MhaForward f{.query = query.data(),
                 .key = value(keySrc).data(),
                 .value = value("value").data(),
                 .scaledQuery = value("scaled_query").data(),
                 .keyDense = value("key_dense").data(),
                 .valueDense = value("value_dense").data(),
                 .weights = value("weights").data(),
                 .dropped = drop ? drop->value.data() : nullptr,
                 .dropoutScale = drop ? dropScale.data() : nullptr,
                 .context = value("context").data(),
                 .gate = gate ? value("gate").data() : nullptr,
                 .gatedContext = gate ? value("gated_context").data() : nullptr};
    Tensor dCg = gate ? Tensor({B, T, N, Hv}) : Tensor(), dG = gate ? Tensor({B, T, N, Hv}) : Tensor();
    Tensor dGl = gate ? Tensor({B, T, N, Hv}) : Tensor();
    Tensor dC({B, T, N, Hv}), dPd = drop ? Tensor({B, N, T, S}) : Tensor(), dP({B, N, T, S}), dS({B, N, T, S});
    Tensor dQs({B, T, N, H}), dQ({B, T, N, H}), dK({B, S, Nkv, H}), dV({B, S, Nkv, Hv});
    Tensor dKr = gqa ? Tensor({B, S, N, H}) : Tensor(), dVr = gqa ? Tensor({B, S, N, Hv}) : Tensor();
    MhaWork w{.gatedContext = gate ? dCg.data() : nullptr,
              .gate = gate ? dG.data() : nullptr,
              .gateLogits = gate ? dGl.data() : nullptr,
              .context = dC.data(),
              .dropped = drop ? dPd.data() : nullptr,
              .weights = dP.data(),
              .scores = dS.data(),
              .scaledQuery = dQs.data(),
              .queryDense = dQ.data(),
              .keyRepeated = gqa ? dKr.data() : nullptr,
              .valueRepeated = gqa ? dVr.data() : nullptr,
              .keyDense = dK.data(),
              .valueDense = dV.data()};
    Tensor dValue({B, S, Ev}), dKey = hasKey ? Tensor({B, S, Ek}) : Tensor();
    std::map<std::string, Tensor> dW;
    for (const auto& [k, t] : trace.params)
        if (k.starts_with(P) && !k.substr(P.size()).starts_with("layer_norm/"))
            dW[k.substr(P.size())] = Tensor(t.shape());
    auto gp = [&](const std::string& k) { return dW.count(k) ? dW.at(k).data() : nullptr; };
    MhaGrads g{.query = dQuery.data(),
               .key = hasKey ? dKey.data() : dValue.data(),
               .value = dValue.data(),
               .queryKernel = gp("query_dense/kernel"),
               .queryBias = gp("query_dense/bias"),
               .keyKernel = gp("key_dense/kernel"),
               .keyBias = gp("key_dense/bias"),
               .valueKernel = gp("value_dense/kernel"),
               .valueBias = gp("value_dense/bias"),
               .outputKernel = gp("output_dense/kernel"),
               .outputBias = gp("output_dense/bias"),
               .gateKernel = gp("gate_dense/kernel"),
               .gateBias = gp("gate_dense/bias")};
    mhaBackward(d, p, f, dY.data(), w, g);

    // --- the steps, in the order the backward pass computes them -------------
    const std::string X = gate ? "gated_context" : "context", Xs = gate ? "C_g" : "C";
    const std::string outEq = gqa ? "bquh,uhm->bqm" : "abcd,cde->abe";
    auto kernelStep = [&](const std::string& dense, const std::string& in, const std::string& gradOf,
                          const std::string& formula, const std::string& einsum, std::vector<std::string> axes,
                          Index rows, Index din, Index dout, std::string explanation) {
        add(Step{.key = "grad/" + dense + "/kernel",
                 .title = "Gradient of " + dense + "/kernel",
                 .explanation = std::move(explanation),
                 .op = OpKind::Einsum,
                 .inputs = {in, gradOf},
                 .params = gradParams({dense + "/kernel"}),
                 .formula = formula,
                 .einsum = einsum,
                 .kerasCode = "grads = tape.gradient(loss, layer.trainable_weights)",
                 .axes = gradAxes(axes),
                 .value = std::move(dW.at(dense + "/kernel")),
                 .flops = 2.0 * double(rows) * double(din) * double(dout)},
            "");
    };
    auto biasStep = [&](const std::string& dense, const std::string& gradOf, const std::string& formula,
                        const std::string& einsum, std::vector<std::string> axes, Index rows, Index dout) {
        if (!bias)
            return;
        add(Step{.key = "grad/" + dense + "/bias",
                 .title = "Gradient of " + dense + "/bias",
                 .explanation = "A bias is added at every position, so its gradient is the gradient of the "
                                "projection summed over every batch row and position.",
                 .op = OpKind::Einsum,
                 .inputs = {gradOf},
                 .params = gradParams({dense + "/bias"}),
                 .formula = formula,
                 .einsum = einsum,
                 .kerasCode = "grads = tape.gradient(loss, layer.trainable_weights)",
                 .axes = gradAxes(axes),
                 .value = std::move(dW.at(dense + "/bias")),
                 .flops = double(rows) * double(dout)},
            "");
    };
    kernelStep("output_dense", X, "grad/output", "dW_o[n,v,o] = Σ_{b,t} " + Xs + "[b,t,n,v] · dY[b,t,o]",
               gqa ? "bquh,bqm->uhm" : "abcd,abe->cde", {"head", vdimName, "feature"}, B * T, N * Hv, Eout,
               "Each output weight W_o[n,v,o] multiplies " + Xs +
                   "[b,t,n,v] into output o at every position, so its gradient sums that input times the output's "
                   "gradient over every batch row and position: an outer product per position, summed.");
    biasStep("output_dense", "grad/output", "db_o[o] = Σ_{b,t} dY[b,t,o]", "bto->o", {"feature"}, B * T, Eout);
    auto gradIn = [&](const std::string& key, const std::string& title, std::string explanation, OpKind op,
                      std::vector<std::string> inputs, std::vector<std::string> params, const std::string& formula,
                      const std::string& einsum, std::vector<std::string> axes, Tensor v, double flops,
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
                 .value = std::move(v),
                 .flops = flops},
            maskLike);
    };
    const double projFlops = 2.0 * double(B * T) * double(N * Hv) * double(Eout);
    if (gate) {
        gradIn("grad/gated_context", "Gradient of the gated context",
               "The output projection's gradient flows back to what it read, the gated context, through the "
               "transposed kernel: each head's channel gets Σ_o dY[o] · W_o[n,v,o].",
               OpKind::Einsum, {"grad/output"}, {"output_dense/kernel"}, "dC_g[b,t,n,v] = Σ_o dY[b,t,o] · W_o[n,v,o]",
               gqa ? "bqm,uhm->bquh" : "abe,cde->abcd", bthvAxes, std::move(dCg), projFlops, "gated_context");
        gradIn("grad/gate", "Gradient of the gate",
               "C_g = C ⊙ G: the gate's gradient is the incoming gradient times the context it multiplied.",
               OpKind::Multiply, {"grad/gated_context", "context"}, {}, "dG = dC_g ⊙ C", "", bthvAxes, std::move(dG),
               double(B * T * N * Hv), "gate");
        const Index n = B * T * N * Hv;
        kernelStep("gate_dense", "query", "grad/gate", "dW_g[e,n,v] = Σ_{b,t} query[b,t,e] · (dG ⊙ G(1 − G))[b,t,n,v]",
                   "", {"feature", "head", vdimName}, B * T, Eq, N * Hv,
                   "The gate is σ(query·W_g + b_g); the sigmoid's slope is G(1 − G), so the gradient before the "
                   "sigmoid is dG ⊙ G(1 − G), and each gate weight sums query[e] times it over every position.");
        biasStep("gate_dense", "grad/gate", "db_g[n,v] = Σ_{b,t} (dG ⊙ G(1 − G))[b,t,n,v]", "", {"head", vdimName},
                 B * T, N * Hv);
        (void)n;
        gradIn("grad/context", "Gradient of the context",
               "C_g = C ⊙ G: the context's gradient is the incoming gradient times the gate.", OpKind::Multiply,
               {"grad/gated_context", "gate"}, {}, "dC = dC_g ⊙ G", "", bthvAxes, std::move(dC), double(B * T * N * Hv),
               "context");
    } else {
        gradIn("grad/context", "Gradient of the context",
               "The output projection's gradient flows back to its input, the context, through the transposed "
               "kernel: each head's channel v gets Σ_o dY[o] · W_o[n,v,o].",
               OpKind::Einsum, {"grad/output"}, {"output_dense/kernel"}, "dC[b,t,n,v] = Σ_o dY[b,t,o] · W_o[n,v,o]",
               gqa ? "bqm,uhm->bquh" : "abe,cde->abcd", bthvAxes, std::move(dC), projFlops, "context");
    }
    const std::string Vk = gqa ? "value_repeated" : "value_dense", Kk = gqa ? "key_repeated" : "key_dense";
    const std::string Vs = gqa ? "Vʳ" : "V", Ks = gqa ? "Kʳ" : "K";
    const double ctxFlops = 2.0 * double(B * N * T) * double(S * Hv);
    const std::string probs = drop ? "dropout" : "weights";
    gradIn(drop ? "grad/dropout" : "grad/weights",
           drop ? "Gradient of the dropped-out weights" : "Gradient of the weights",
           "The context is Σₛ P[t,s] · " + Vs +
               "[s,:], so the gradient of one weight P[t,s] is the dot product of the context's gradient at t with "
               "the value row s: a large entry means 'more of this source would change the loss a lot'.",
           OpKind::Einsum, {"grad/context", Vk}, {},
           std::string(drop ? "dP̂" : "dP") + "[b,n,t,s] = Σᵥ dC[b,t,n,v] · " + Vs + "[b,s,n,v]",
           gqa ? "bquh,bkuh->buqk" : "abcd,aecd->acbe", scoreAxes, drop ? std::move(dPd) : std::move(dP), ctxFlops,
           "weights");
    if (drop)
        gradIn("grad/weights", "Gradient of the weights (through dropout)",
               "Dropout multiplied each kept weight by 1/(1 − rate) and zeroed the others; the backward pass "
               "uses the same mask as the forward pass: dropped weights get no gradient.",
               OpKind::Dropout, {"grad/dropout"}, {}, "dP = dP̂ · keep / (1 − rate)   (the forward pass's own mask)", "",
               scoreAxes, std::move(dP), double(B * N * T * S), "weights");
    gradIn(gqa ? "grad/value_repeated" : "grad/value_dense",
           gqa ? "Gradient of the repeated values" : "Gradient of the projected values",
           "Each value row s is used by every query, weighted by P[t,s]: its gradient is the weighted sum of the "
           "context gradients, with the transposed weights.",
           OpKind::Einsum, {probs, "grad/context"}, {}, "d" + Vs + "[b,s,n,v] = Σₜ P[b,n,t,s] · dC[b,t,n,v]",
           gqa ? "buqk,bquh->bkuh" : "acbe,abcd->aecd", {"batch", "source", "head", vdimName},
           gqa ? std::move(dVr) : Tensor(dV), ctxFlops, "");
    if (gqa)
        gradIn("grad/value_dense", "Gradient of the projected values (groups summed)",
               "Value head g was repeated for the " + fmtInt(G) +
                   " query heads of its group, so its gradient is the sum of theirs.",
               OpKind::Repeat, {"grad/value_repeated"}, {},
               "dV[b,s,g,:] = Σ_{j<" + fmtInt(G) + "} dVʳ[b,s,g·" + fmtInt(G) + "+j,:]", "",
               {"batch", "source", "head", vdimName}, Tensor(dV), double(B * S * N * Hv), "");
    gradIn("grad/scores", "Gradient of the scores (softmax backward)",
           "The softmax couples a row: raising one score raises its weight and lowers all others. So the score's "
           "gradient is P ∘ (dP − Δ), with Δ = Σₛ P·dP the row's weighted mean gradient: a row of score gradients "
           "sums to 0. Masked cells have P = 0, so they get no gradient, and a fully masked row none at all.",
           OpKind::Softmax, {"grad/weights", "weights"}, {}, "dS = P ∘ (dP − rowsum(dP ∘ P))", "", scoreAxes,
           std::move(dS), 4.0 * double(B * N * T * S), "weights");
    const double scoreFlops = 2.0 * double(B * N * T) * double(S * H);
    gradIn("grad/scaled_query", "Gradient of the scaled query",
           "S[t,s] = Q̃[t,:] · " + Ks + "[s,:]: the query's gradient is the keys weighted by the score gradients.",
           OpKind::Einsum, {"grad/scores", Kk}, {}, "dQ̃[b,t,n,h] = Σₛ dS[b,n,t,s] · " + Ks + "[b,s,n,h]",
           gqa ? "buqk,bkuh->bquh" : "acbe,aecd->abcd", bthAxes, std::move(dQs), scoreFlops, "");
    gradIn("grad/query_dense", "Gradient of the projected query",
           "Keras scaled the projected query by 1/√" + dimName +
               " before the product; the gradient is scaled by the "
               "same factor.",
           OpKind::Scale, {"grad/scaled_query"}, {}, "dQ = dQ̃ · " + std::to_string(d.queryScale), "", bthAxes,
           std::move(dQ), double(B * T * N * H), "");
    trace.steps.back().scaleFactor = d.queryScale;
    gradIn(gqa ? "grad/key_repeated" : "grad/key_dense",
           gqa ? "Gradient of the repeated keys" : "Gradient of the projected keys",
           "Each key row s meets every query through its score: its gradient is the scaled queries weighted by the "
           "score gradients (the transposed product).",
           OpKind::Einsum, {"grad/scores", "scaled_query"}, {}, "d" + Ks + "[b,s,n,h] = Σₜ dS[b,n,t,s] · Q̃[b,t,n,h]",
           gqa ? "buqk,bquh->bkuh" : "acbe,abcd->aecd", {"batch", "source", "head", dimName},
           gqa ? std::move(dKr) : Tensor(dK), scoreFlops, "");
    if (gqa)
        gradIn("grad/key_dense", "Gradient of the projected keys (groups summed)",
               "Key head g was repeated for the " + fmtInt(G) +
                   " query heads of its group, so its gradient is the sum of theirs.",
               OpKind::Repeat, {"grad/key_repeated"}, {},
               "dK[b,s,g,:] = Σ_{j<" + fmtInt(G) + "} dKʳ[b,s,g·" + fmtInt(G) + "+j,:]", "",
               {"batch", "source", "head", dimName}, Tensor(dK), double(B * S * N * H), "");
    const std::string qs = "dQ", ks = "dK", vs = "dV";
    kernelStep("query_dense", "query", "grad/query_dense", "dW_q[e,n,h] = Σ_{b,t} query[b,t,e] · dQ[b,t,n,h]",
               gqa ? "bqm,bquh->muh" : "abc,abde->cde", {"feature", "head", dimName}, B * T, Eq, N * H,
               "Each query weight W_q[e,n,h] carries query feature e into head n's channel h at every position: its "
               "gradient is query[b,t,e] · dQ[b,t,n,h] summed over every batch row and position (a sum of outer "
               "products).");
    biasStep("query_dense", "grad/query_dense", "db_q[n,h] = Σ_{b,t} dQ[b,t,n,h]", "bthk->hk", {"head", dimName}, B * T,
             N * H);
    kernelStep("key_dense", keySrc, "grad/key_dense", "dW_k[e,n,h] = Σ_{b,s} " + keySrc + "[b,s,e] · dK[b,s,n,h]",
               gqa ? "bkm,bkvh->mvh" : "abc,abde->cde", {"feature", "head", dimName}, B * S, Ek, Nkv * H,
               "The key weights' gradient: the key input times the projected keys' gradient, summed over every "
               "batch row and source position." +
                   std::string(bias ? " (The key bias gets a gradient of exactly 0: it adds the same amount to a "
                                      "query's whole row of scores, which the softmax ignores.)"
                                    : ""));
    biasStep("key_dense", "grad/key_dense", "db_k[n,h] = Σ_{b,s} dK[b,s,n,h]", "bshk->hk", {"head", dimName}, B * S,
             Nkv * H);
    kernelStep("value_dense", "value", "grad/value_dense", "dW_v[e,n,v] = Σ_{b,s} value[b,s,e] · dV[b,s,n,v]",
               gqa ? "bkm,bkvh->mvh" : "abc,abde->cde", {"feature", "head", vdimName}, B * S, Ev, Nkv * Hv,
               "The value weights' gradient: the value input times the projected values' gradient, summed over "
               "every batch row and source position.");
    biasStep("value_dense", "grad/value_dense", "db_v[n,v] = Σ_{b,s} dV[b,s,n,v]", "bshv->hv", {"head", vdimName},
             B * S, Nkv * Hv);
    (void)qs;
    (void)ks;
    (void)vs;
    std::vector<std::string> qIn{"grad/query_dense"};
    std::string qFormula = "d query[b,t,e] = Σ_{n,h} dQ[b,t,n,h] · W_q[e,n,h]";
    if (gate) {
        qIn.push_back("grad/gate");
        qFormula += " + Σ_{n,v} (dG ⊙ G(1 − G))[b,t,n,v] · W_g[e,n,v]";
    }
    if (sub) {
        qIn.push_back("grad/residual");
        qFormula += " + dR[b,t,e]";
    }
    gradIn("grad/query", "Gradient of the query input",
           "The query input's gradient, back through its projection (the transposed kernel)" +
               std::string(gate ? ", plus the gate's path" : "") +
               std::string(sub ? ", plus the residual connection, which passes dR straight through" : "") + ".",
           OpKind::Einsum, qIn, {"query_dense/kernel"}, qFormula, gqa ? "bquh,muh->bqm" : "abde,cde->abc",
           {"batch", "query", "feature"}, std::move(dQuery), 2.0 * double(B * T) * double(Eq) * double(N * H), "");
    const double kvFlops = 2.0 * double(B * S) * double(Nkv) * double(H * Ek + Hv * Ev);
    if (hasKey)
        gradIn("grad/key", "Gradient of the key input",
               "The key input's gradient, back through the key projection (the transposed kernel).", OpKind::Einsum,
               {"grad/key_dense"}, {"key_dense/kernel"}, "d key[b,s,e] = Σ_{n,h} dK[b,s,n,h] · W_k[e,n,h]",
               gqa ? "bkvh,mvh->bkm" : "abde,cde->abc", {"batch", "source", "feature"}, std::move(dKey), kvFlops / 2,
               "");
    gradIn("grad/value", "Gradient of the value input",
           hasKey ? "The value input's gradient, back through the value projection (the transposed kernel)."
                  : "No key was given, so the value was also the key (key := value): its gradient adds both paths, "
                    "through the value projection and through the key projection.",
           OpKind::Einsum,
           hasKey ? std::vector<std::string>{"grad/value_dense"}
                  : std::vector<std::string>{"grad/value_dense", "grad/key_dense"},
           hasKey ? std::vector<std::string>{"value_dense/kernel"}
                  : std::vector<std::string>{"value_dense/kernel", "key_dense/kernel"},
           hasKey ? "d value[b,s,e] = Σ_{n,v} dV[b,s,n,v] · W_v[e,n,v]"
                  : "d value[b,s,e] = Σ_{n,v} dV[b,s,n,v] · W_v[e,n,v] + Σ_{n,h} dK[b,s,n,h] · W_k[e,n,h]",
           hasKey ? (gqa ? "bkvh,mvh->bkm" : "abde,cde->abc") : "", {"batch", "source", "feature"}, std::move(dValue),
           hasKey ? kvFlops / 2 : kvFlops, "");
}

} // namespace detail

} // namespace attnviz::core
