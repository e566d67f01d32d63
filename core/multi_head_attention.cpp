// Keras 3 MultiHeadAttention forward pass, float32, the path that returns
// attention scores (keras/src/layers/attention/multi_head_attention.py,
// `call` → `_compute_attention`, Keras 3.16). Every intermediate is a step.
#include "layers.h"

#include "eigen_types.h"
#include "softmax.h"

#include <cctype>
#include <cmath>

namespace attnviz::core::detail {

namespace {

// x: [B, L, din] · kernel [din, N, H] + bias [N, H] → [B, L, N, H]. One GEMM
// over every batch and position: the kernel viewed as (din, N·H).
Tensor denseProject(const Tensor& x, const Tensor& kernel, const Tensor* bias) {
    const Index B = x.dim(0), L = x.dim(1), din = x.dim(2);
    const Index N = kernel.dim(1), H = kernel.dim(2);
    Tensor out({B, L, N, H}); // (B, L, N, H)
    ConstMatrixMap X(x.data(), B * L, din);
    ConstMatrixMap W(kernel.data(), din, N * H);
    MatrixMap Y(out.data(), B * L, N * H);
    Y.noalias() = X * W;
    if (bias) {
        Eigen::Map<const RowVectorF> b(bias->data(), N * H);
        Y.rowwise() += b;
    }
    return out;
}

double denseFlops(Index rows, Index din, Index dout, bool bias) {
    return 2.0 * double(rows) * double(din) * double(dout) + (bias ? double(rows) * double(dout) : 0.0);
}

} // namespace

Trace multiHeadAttention(const Spec& spec, ResolvedInputs in, Weights w) {
    const LayerConfig& cfg = spec.config;
    const bool hasKey = in.key.has_value();
    const bool bias = cfg.useBias;

    // Tensors move into the trace and are read back from it: nothing large is
    // copied. steps is reserved, so references into it stay valid.
    Trace trace;
    trace.layer = "MultiHeadAttention";
    trace.steps.reserve(kMaxSteps);
    trace.params = std::move(w);
    auto W = [&](const std::string& k) -> const Tensor& { return trace.params.at(k); };
    auto Bp = [&](const std::string& k) -> const Tensor* { return bias ? &trace.params.at(k) : nullptr; };
    const Tensor& Wo = W("output_dense/kernel");
    const Index Eout = Wo.dim(2);

    addInputStep(trace, "query", "Query input",
                 "The sequence that asks: one row of features per query position. Each query position will "
                 "produce one output row.",
                 std::move(in.query), {"batch", "query", "feature"});
    if (hasKey)
        addInputStep(trace, "key", "Key input",
                     "The sequence that is searched: its projected rows are compared with every query.",
                     std::move(*in.key), {"batch", "source", "feature"});
    addInputStep(trace, "value", "Value input",
                 hasKey ? "The sequence whose (projected) rows are mixed into the output."
                        : "The sequence that is attended to. No key was given, so Keras uses the value as the "
                          "key too (key := value).",
                 std::move(in.value), {"batch", "source", "feature"});
    const std::string keySrc = hasKey ? "key" : "value";
    const Tensor& query = trace.find("query")->value; // (B, T, E)
    const Tensor& value = trace.find("value")->value; // (B, S, dv)
    const Tensor& key = trace.find(keySrc)->value;    // (B, S, dk)
    const Index B = query.dim(0), T = query.dim(1), S = value.dim(1);
    const Index N = cfg.numHeads, H = cfg.keyDim, Hv = cfg.effectiveValueDim();
    const Index E = query.dim(2);

    // --- 1. Projections: three EinsumDense layers, abc,cde->abde ---------
    // name: query/key/value; L: rows; letter: Q/K/V; seq: t or s; width: H or Hv.
    auto project = [&](const std::string& name, const std::string& input, const Tensor& x, const char* letter,
                       const char* seq, const char* seqAxis, Index width, const char* widthAxis,
                       std::string explanation) {
        const std::string dense = name + "_dense", l = letter, sub = std::string(1, char(std::tolower(l[0])));
        const std::string lhs = l + "[b," + seq + ",n,:] = " + name + "[b," + seq + ",:] · W_" + sub + "[:,n,:]";
        addStep(trace, Step{
                           .key = dense,
                           .title = "Project the " + name,
                           .explanation = std::move(explanation),
                           .op = OpKind::Dense,
                           .inputs = {input},
                           .params = bias ? std::vector<std::string>{dense + "/kernel", dense + "/bias"}
                                          : std::vector<std::string>{dense + "/kernel"},
                           .formula = bias ? lhs + " + b_" + sub + "[n,:]" : lhs,
                           .einsum = "abc,cde->abde",
                           .kerasCode = name + " = self._" + dense + "(" + name + ")  # EinsumDense(\"abc,cde->abde\")",
                           .axes = {"batch", seqAxis, "head", widthAxis},
                           .value = denseProject(x, W(dense + "/kernel"), Bp(dense + "/bias")), // (B, L, N, width)
                           .flops = denseFlops(x.dim(0) * x.dim(1), x.dim(2), N * width, bias),
                       });
    };
    project("query", "query", query, "Q", "t", "query", H, "key_dim",
            "An EinsumDense layer maps every query vector to N heads of key_dim numbers each. Each head gets its own "
            "slice of the kernel, so the heads can learn to look for different things.");
    project("key", keySrc, key, "K", "s", "source", H, "key_dim",
            "The same kind of projection for the keys: each source position becomes N heads of key_dim numbers, in "
            "the same space as the projected queries so they can be compared.");
    project("value", "value", value, "V", "s", "source", Hv, "value_dim",
            "The values are projected to N heads of value_dim numbers. These are what gets mixed: attention decides "
            "how much of each source position's value flows to each query.");
    const std::vector<std::string> projAxes{"batch", "query", "head", "key_dim"};

    // --- 2. Scale the projected query (before the dot product) -----------
    const float inv = static_cast<float>(1.0 / std::sqrt(static_cast<double>(H)));
    Tensor Qs(trace.find("query_dense")->value.shape()); // (B, T, N, H)
    Eigen::Map<Eigen::ArrayXf>(Qs.data(), Qs.size()) =
        Eigen::Map<const Eigen::ArrayXf>(trace.find("query_dense")->value.data(), Qs.size()) * inv;
    addStep(trace,
            Step{
                .key = "scaled_query",
                .title = "Scale the query by 1/√key_dim",
                .explanation = "Keras multiplies the projected query by 1/√key_dim before the dot product, so that "
                               "scores do not grow with key_dim and the softmax does not saturate. Note: it is "
                               "key_dim, not the query width divided by the number of heads.",
                .op = OpKind::Scale,
                .inputs = {"query_dense"},
                .formula = "Q̃ = Q · 1/√" + fmtInt(H),
                .kerasCode = "query = ops.multiply(query, ops.cast(self._inverse_sqrt_key_dim, query.dtype))",
                .axes = projAxes,
                .value = std::move(Qs),
                .flops = double(B * T * N * H),
                .scaleFactor = inv,
            });

    // --- 3. Scores, one GEMM per (batch, head) straight from the strided
    //        projections: no copies. ----------------------------------------
    Tensor L({B, N, T, S}); // (B, N, T, S)
    {
        const Tensor& qs = trace.find("scaled_query")->value;
        const Tensor& k = trace.find("key_dense")->value;
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n) {
                ConstStridedMap q(qs.data() + (b * T * N + n) * H, T, H, Stride(N * H)); // (T, H)
                ConstStridedMap kk(k.data() + (b * S * N + n) * H, S, H, Stride(N * H)); // (S, H)
                MatrixMap out(L.data() + (b * N + n) * T * S, T, S);                     // (T, S)
                out.noalias() = q * kk.transpose();
            }
    }
    addStep(trace,
            Step{
                .key = "scores",
                .title = "Dot-product scores",
                .explanation = "For every head, each scaled query is compared with every key by a dot product. A "
                               "large score means 'this source position matches what this query looks for'. These "
                               "are raw logits, before any mask.",
                .op = OpKind::Einsum,
                .inputs = {"scaled_query", "key_dense"},
                .formula = "S[b,n,t,s] = Σₖ Q̃[b,t,n,k] · K[b,s,n,k]",
                .einsum = "aecd,abcd->acbe",
                .kerasCode = "attention_scores = ops.einsum(self._dot_product_equation, key, query)",
                .axes = {"batch", "head", "query", "source"},
                .value = std::move(L),
                .flops = 2.0 * double(B * N * T) * double(S * H),
            });

    // --- 4. Mask: every source AND-ed into one boolean [B, T, S] ---------
    std::vector<std::string> sources;
    if (spec.queryMask)
        sources.push_back("query_mask (the query's Keras mask)");
    if (spec.valueMask)
        sources.push_back("value_mask");
    if (spec.keyMask)
        sources.push_back("key_mask");
    if (spec.call.useCausalMask)
        sources.push_back("use_causal_mask");
    if (spec.attentionMask)
        sources.push_back("attention_mask");
    const bool masked = !sources.empty();
    Tensor M;
    if (masked) {
        M = Tensor({B, T, S}); // (B, T, S) 1 = may attend
        for (Index b = 0; b < B; ++b)
            for (Index t = 0; t < T; ++t)
                for (Index s = 0; s < S; ++s) {
                    bool ok = true;
                    if (spec.queryMask)
                        ok = ok && spec.queryMask->data()[b * T + t] != 0.0f;
                    if (spec.valueMask)
                        ok = ok && spec.valueMask->data()[b * S + s] != 0.0f;
                    if (spec.keyMask)
                        ok = ok && spec.keyMask->data()[b * S + s] != 0.0f;
                    if (spec.call.useCausalMask)
                        ok = ok && causalAllowed(t, s);
                    if (spec.attentionMask)
                        ok = ok && spec.attentionMask->data()[(b * T + t) * S + s] != 0.0f;
                    M.data()[(b * T + t) * S + s] = ok ? 1.0f : 0.0f;
                }
        std::string from;
        for (size_t i = 0; i < sources.size(); ++i)
            from += (i ? ", " : "") + sources[i];
        addInputStep(trace, "mask", "The attention mask",
                     "Keras combines every mask source with AND into one boolean per (query, source) pair, "
                     "shared by all heads; 1 means 'may attend'. Sources here: " +
                         from + ". A query-mask row that is all 0 becomes a fully masked row.",
                     M, {"batch", "query", "source"});
    }

    // --- 5. Masked softmax (Keras' Softmax layer with a mask) ------------
    const Tensor& scores = trace.find("scores")->value;
    Tensor P(scores.shape()); // (B, N, T, S)
    if (masked) {
        P = scores;
        // where(mask, scores, -1e9): replacement, not subtraction.
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n)
                for (Index i = 0; i < T * S; ++i)
                    if (M.data()[b * T * S + i] == 0.0f)
                        P.data()[(b * N + n) * T * S + i] = -1e9f;
        addStep(trace,
                Step{
                    .key = "masked_scores",
                    .title = "Apply the mask",
                    .explanation = "Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their "
                                   "weight is 0. Keras replaces the value (it does not subtract), inside its Softmax "
                                   "layer.",
                    .op = OpKind::Mask,
                    .inputs = {"scores", "mask"},
                    .formula = "S′[b,n,t,s] = S[b,n,t,s] if M[b,t,s] else −10⁹",
                    .kerasCode = "inputs = ops.where(mask, inputs, _large_negative_number(inputs.dtype))  # Softmax",
                    .axes = {"batch", "head", "query", "source"},
                    .value = std::move(P),
                    .flops = double(B * N * T * S),
                });
    }
    P = Tensor({B, N, T, S});
    softmaxRows(trace.find(masked ? "masked_scores" : "scores")->value.data(), P.data(), B * N * T, S);
    Index fullyMasked = 0;
    if (masked) {
        // Keras ≥ 3.14 zeroes masked probabilities: a fully masked row is all 0.
        for (Index b = 0; b < B; ++b)
            for (Index t = 0; t < T; ++t) {
                bool any = false;
                for (Index s = 0; s < S; ++s)
                    any = any || M.data()[(b * T + t) * S + s] != 0.0f;
                fullyMasked += any ? 0 : N;
            }
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n)
                for (Index i = 0; i < T * S; ++i)
                    if (M.data()[b * T * S + i] == 0.0f)
                        P.data()[(b * N + n) * T * S + i] = 0.0f;
    }
    std::string wExplain =
        "Softmax along the source axis turns each row of scores into weights that are ≥ 0 and sum to 1: how "
        "much each source position contributes to this query, per head. This is what Keras returns with "
        "return_attention_scores=True.";
    if (masked)
        wExplain += " Masked positions are set to exactly 0 afterwards, so a fully masked row is all 0 "
                    "(Keras ≥ 3.14; the fused path without scores would give a uniform row instead).";
    if (fullyMasked > 0)
        wExplain += " Here " + fmtInt(fullyMasked) + " (head, query) rows are fully masked.";
    addStep(trace,
            Step{
                .key = "weights",
                .title = "Softmax: attention weights",
                .explanation = wExplain,
                .op = OpKind::Softmax,
                .inputs = {masked ? "masked_scores" : "scores"},
                .formula = masked ? "P[t,s] = exp(S′[t,s] − maxₛ S′) / Σₛ exp(S′[t,s] − maxₛ S′);  P = 0 where M = 0"
                                  : "P[t,s] = exp(S[t,s] − maxₛ S) / Σₛ exp(S[t,s] − maxₛ S)",
                .kerasCode =
                    "attention_scores = self._masked_softmax(attention_scores, attention_mask)  # Softmax(axis=-1)",
                .axes = {"batch", "head", "query", "source"},
                .value = std::move(P),
                .flops = 5.0 * double(B * N * T * S),
            });

    // --- 6. Dropout on the probabilities (training only) -----------------
    const std::string probsKey = addDropoutStep(
        trace, spec, "Keras returns the weights from before dropout (with return_attention_scores=True).",
        "final_attn_scores = self._dropout_layer(attention_scores, training=training)");

    // --- 7. Context: weights · values per head, written strided into
    //        (B, T, N, Hv) so concat is a reshape ------------------------------
    Tensor C({B, T, N, Hv}); // (B, T, N, Hv)
    {
        const Tensor& p = trace.find(probsKey)->value;
        const Tensor& v = trace.find("value_dense")->value;
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n) {
                ConstMatrixMap pb(p.data() + (b * N + n) * T * S, T, S);                    // (T, S)
                ConstStridedMap vb(v.data() + (b * S * N + n) * Hv, S, Hv, Stride(N * Hv)); // (S, Hv)
                StridedMap cb(C.data() + (b * T * N + n) * Hv, T, Hv, Stride(N * Hv));      // (T, Hv)
                cb.noalias() = pb * vb;
            }
    }
    addStep(trace, Step{
                       .key = "context",
                       .title = "Weighted sum of values",
                       .explanation = "Each head mixes the projected values with its weights: a query's context is the "
                                      "weighted average of the value rows it attends to. One result per head.",
                       .op = OpKind::Einsum,
                       .inputs = {probsKey, "value_dense"},
                       .formula = "C[b,t,n,:] = Σₛ P[b,n,t,s] · V[b,s,n,:]",
                       .einsum = "acbe,aecd->abcd",
                       .kerasCode = "attention_output = ops.einsum(self._combine_equation, final_attn_scores, value)",
                       .axes = {"batch", "query", "head", "value_dim"},
                       .value = std::move(C),
                       .flops = 2.0 * double(B * N * T) * double(S * Hv),
                   });

    // --- 8. Concat(head_1..head_N): the paper's view; Keras folds it into
    //        output_dense's einsum. Same numbers, a reshape. -----------------
    addStep(
        trace,
        Step{
            .key = "concat_heads",
            .title = "Concatenate the heads",
            .explanation = "The paper writes Concat(head₁, …, head_N): the heads side by side, N·value_dim numbers "
                           "per query. Keras never builds this tensor; its output EinsumDense contracts the head and "
                           "value_dim axes at once, which is the same computation.",
            .op = OpKind::Concat,
            .inputs = {"context"},
            .formula = "Concat[b,t,:] = [C[b,t,1,:], …, C[b,t,N,:]]",
            .kerasCode = "# implicit in EinsumDense(\"abcd,cde->abe\"): heads and value_dim are contracted together",
            .axes = {"batch", "query", "head·value_dim"},
            .value = trace.find("context")->value.reshaped({B, T, N * Hv}),
            .flops = 0,
        });

    // --- 9. Output projection: abcd,cde->abe ------------------------------
    Tensor Y({B, T, Eout}); // (B, T, Eout)
    {
        ConstMatrixMap X(trace.find("context")->value.data(), B * T, N * Hv);
        ConstMatrixMap Wm(Wo.data(), N * Hv, Eout);
        MatrixMap Ym(Y.data(), B * T, Eout);
        Ym.noalias() = X * Wm;
        if (bias)
            Ym.rowwise() += Eigen::Map<const RowVectorF>(W("output_dense/bias").data(), Eout);
    }
    std::string oExplain = "The output EinsumDense mixes all heads back into one vector per query, of the output "
                           "width (" +
                           fmtInt(Eout) + ").";
    if (fullyMasked > 0)
        oExplain += bias ? " A fully masked query row has zero context, so its output is just the bias b_o."
                         : " A fully masked query row has zero context, so its output is 0.";
    addStep(trace, Step{
                       .key = "output",
                       .title = "Output projection",
                       .explanation = oExplain,
                       .op = OpKind::Dense,
                       .inputs = {"context"},
                       .params = bias ? std::vector<std::string>{"output_dense/kernel", "output_dense/bias"}
                                      : std::vector<std::string>{"output_dense/kernel"},
                       .formula = bias ? "Y[b,t,:] = Σₙ Σᵥ C[b,t,n,v] · W_o[n,v,:] + b_o"
                                       : "Y[b,t,:] = Σₙ Σᵥ C[b,t,n,v] · W_o[n,v,:]",
                       .einsum = "abcd,cde->abe",
                       .kerasCode =
                           "attention_output = self._output_dense(attention_output)  # EinsumDense(\"abcd,cde->abe\")",
                       .axes = {"batch", "query", "feature"},
                       .value = std::move(Y),
                       .flops = denseFlops(B * T, N * Hv, Eout, bias),
                   });

    // --- 10. Transformer sub-layer: Add & LayerNormalization -------------
    if (cfg.transformerSublayer) {
        Tensor R = query; // (B, T, E); Eout == E is validated
        const Tensor& Y2 = trace.find("output")->value;
        Eigen::Map<Eigen::ArrayXf>(R.data(), R.size()) += Eigen::Map<const Eigen::ArrayXf>(Y2.data(), Y2.size());
        addStep(trace,
                Step{
                    .key = "residual",
                    .title = "Residual connection (Add)",
                    .explanation = "The Transformer adds the layer's input back to its output, so the attention layer "
                                   "only has to learn a correction and gradients flow straight through.",
                    .op = OpKind::Add,
                    .inputs = {"query", "output"},
                    .formula = "R = query + Y",
                    .kerasCode = "x = layers.Add()([x, attn_output])",
                    .axes = {"batch", "query", "feature"},
                    .value = R,
                    .flops = double(R.size()),
                });
        const Tensor& gamma = W("layer_norm/gamma");
        const Tensor& beta = W("layer_norm/beta");
        Tensor Z({B, T, E}); // (B, T, E)
        for (Index r = 0; r < B * T; ++r) {
            const float* x = R.data() + r * E;
            double mean = 0;
            for (Index e = 0; e < E; ++e)
                mean += x[e];
            mean /= double(E);
            double var = 0;
            for (Index e = 0; e < E; ++e)
                var += (x[e] - mean) * (x[e] - mean);
            var /= double(E);
            const double invStd = 1.0 / std::sqrt(var + 1e-3);
            for (Index e = 0; e < E; ++e)
                Z.data()[r * E + e] = static_cast<float>((x[e] - mean) * invStd * gamma.data()[e] + beta.data()[e]);
        }
        addStep(trace,
                Step{
                    .key = "layer_norm",
                    .title = "Layer normalization",
                    .explanation = "Each position's vector is shifted to mean 0 and scaled to variance 1 over its "
                                   "features (ε = 0.001), then scaled by γ and shifted by β. It keeps the numbers in a "
                                   "stable range from layer to layer.",
                    .op = OpKind::LayerNorm,
                    .inputs = {"residual"},
                    .params = {"layer_norm/gamma", "layer_norm/beta"},
                    .formula = "LN(R)[b,t,:] = (R − μ) / √(σ² + 0.001) · γ + β",
                    .kerasCode = "x = layers.LayerNormalization()(x)  # epsilon=1e-3, axis=-1",
                    .axes = {"batch", "query", "feature"},
                    .value = Z,
                    .flops = 8.0 * double(Z.size()),
                });
    }
    return trace;
}

} // namespace attnviz::core::detail
