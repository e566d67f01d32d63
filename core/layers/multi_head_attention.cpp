// Keras 3 MultiHeadAttention and GroupQueryAttention forward pass, float32, the path that returns
// attention scores (keras/src/layers/attention/multi_head_attention.py,
// `call` → `_compute_attention`, Keras 3.16). Every intermediate is a step.
#include "core/layers/detail/layers.h"

#include "core/base/eigen_types.h"
#include "core/base/parallel_gemm.h"
#include "core/base/run_control.h"
#include "core/base/softmax.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace attnviz::core::detail {

namespace {

// x: [B, L, din] · kernel [din, N, H] + bias [N, H] → [B, L, N, H]. One GEMM
// over every batch and position: the kernel viewed as (din, N·H).
Tensor denseProject(const Tensor& x, const Tensor& kernel, const Tensor* bias) {
    const Index B = x.dim(0), L = x.dim(1), din = x.dim(2);
    const Index N = kernel.dim(1), H = kernel.dim(2);
    Tensor out = Tensor::uninitialized({B, L, N, H});                 // (B, L, N, H), every element written
    gemmRows(x.data(), B * L, din, kernel.data(), N * H, out.data()); // rows split over threads
    if (bias) {
        MatrixMap Y(out.data(), B * L, N * H);
        Eigen::Map<const RowVectorF> b(bias->data(), N * H);
        Y.rowwise() += b;
    }
    return out;
}

double denseFlops(Index rows, Index din, Index dout, bool bias) {
    return 2.0 * double(rows) * double(din) * double(dout) + (bias ? double(rows) * double(dout) : 0.0);
}

} // namespace

namespace {

// The Keras source lines each step runs, per layer (core/keras_listing.cpp
// shows them in context; a test checks they appear there).
struct Lines {
    std::string dense(const std::string& name, bool gqa) const {
        const std::string eq = !gqa ? "abc,cde->abde" : name == "query" ? "bqm,muh->bquh" : "bkm,mvh->bkvh";
        return name + " = self._" + name + "_dense(" + name + ")  # EinsumDense(\"" + eq + "\")";
    }
};

} // namespace

Trace multiHeadAttention(const Spec& spec, ResolvedInputs in, Weights w) {
    const LayerConfig& cfg = spec.config;
    const bool gqa = cfg.layer == LayerKind::GroupQueryAttention;
    const bool hasKey = in.key.has_value();
    const bool bias = cfg.useBias;
    const Lines lines;

    // Tensors move into the trace and are read back from it: nothing large is
    // copied. steps is reserved, so references into it stay valid.
    Trace trace;
    trace.layer = layerName(cfg.layer);
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
    // N query heads; Nkv key/value heads (= N for MultiHeadAttention); query
    // head n reads key/value head n / G.
    const Index N = cfg.numHeads, Nkv = cfg.kvHeads(), G = N / Nkv, H = cfg.keyDim, Hv = cfg.effectiveValueDim();
    const Index E = query.dim(2);
    const std::string dimName = gqa ? "head_dim" : "key_dim";
    const std::string vdimName = gqa ? "head_dim" : "value_dim";
    const std::string headWord = gqa ? "query heads" : "heads";

    // --- 1. Projections: three EinsumDense layers -----------------------
    // name: query/key/value; letter: Q/K/V; seq: t or s; width: H or Hv.
    auto project = [&](const std::string& name, const std::string& input, const Tensor& x, const char* letter,
                       const char* seq, const char* seqAxis, Index heads, Index width, const std::string& widthAxis,
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
                           .einsum = !gqa              ? "abc,cde->abde"
                                     : name == "query" ? "bqm,muh->bquh"
                                                       : "bkm,mvh->bkvh",
                           .kerasCode = lines.dense(name, gqa),
                           .axes = {"batch", seqAxis, "head", widthAxis},
                           .value = denseProject(x, W(dense + "/kernel"), Bp(dense + "/bias")), // (B, L, heads, width)
                           .flops = denseFlops(x.dim(0) * x.dim(1), x.dim(2), heads * width, bias),
                       });
    };
    if (!gqa) {
        project("query", "query", query, "Q", "t", "query", N, H, "key_dim",
                "An EinsumDense layer maps every query vector to N heads of key_dim numbers each. Each head gets its "
                "own slice of the kernel, so the heads can learn to look for different things.");
        project("key", keySrc, key, "K", "s", "source", N, H, "key_dim",
                "The same kind of projection for the keys: each source position becomes N heads of key_dim numbers, "
                "in the same space as the projected queries so they can be compared.");
        project("value", "value", value, "V", "s", "source", N, Hv, "value_dim",
                "The values are projected to N heads of value_dim numbers. These are what gets mixed: attention "
                "decides how much of each source position's value flows to each query.");
    } else {
        project("query", "query", query, "Q", "t", "query", N, H, "head_dim",
                "An EinsumDense layer maps every query vector to " + fmtInt(N) + " query heads of head_dim = " +
                    fmtInt(H) + " numbers each; each head has its own slice of the kernel.");
        project("key", keySrc, key, "K", "s", "source", Nkv, H, "head_dim",
                "The keys get only num_key_value_heads = " + fmtInt(Nkv) + " heads (not " + fmtInt(N) +
                    "): that is the point of grouped-query attention. Fewer key heads mean a smaller kernel and a "
                    "smaller key cache when generating text.");
        project("value", "value", value, "V", "s", "source", Nkv, Hv, "head_dim",
                "The values, like the keys, get " + fmtInt(Nkv) +
                    " heads of head_dim numbers. Each one will be "
                    "shared by a group of " +
                    fmtInt(G) + " query heads.");
    }
    const std::vector<std::string> projAxes{"batch", "query", "head", dimName};

    // --- 1b. GroupQueryAttention: repeat each key/value head G times -------
    // The trace keeps the repeated tensors (the contract's key_repeated,
    // value_repeated); the products below read the Nkv-head projections
    // directly with a stride, which is the same numbers.
    if (gqa) {
        const double din = double(hasKey ? key.dim(2) : value.dim(2)), dv = double(value.dim(2));
        const double kvParamsMha = (din + dv) * double(N * H) + (bias ? 2.0 * double(N * H) : 0.0);
        const double kvParams = (din + dv) * double(Nkv * H) + (bias ? 2.0 * double(Nkv * H) : 0.0);
        const double cachePerToken = 2.0 * double(Nkv * H), cacheMha = 2.0 * double(N * H);
        std::ostringstream saving;
        saving.precision(3);
        saving << "Here the key and value projections have " << kvParams << " parameters instead of " << kvParamsMha
               << " for " << N << " key/value heads, and a KV cache holds " << cachePerToken
               << " numbers per token instead of " << cacheMha << " (" << cachePerToken * 4.0 / 1024.0
               << " KiB instead of " << cacheMha * 4.0 / 1024.0
               << " KiB in float32, per token and layer): " << 100.0 * double(N - Nkv) / double(N) << " % less.";
        const std::string general =
            "num_key_value_heads = num_query_heads is plain multi-head attention (every query head has its own "
            "key and value head); num_key_value_heads = 1 is multi-query attention (MQA: all query heads share "
            "one key and one value head); in between, each group of query heads shares one. ";
        std::string kind = general + (Nkv == N   ? "Here Nkv = Nq = " + fmtInt(N) + ": multi-head attention."
                                      : Nkv == 1 ? "Here Nkv = 1: multi-query attention."
                                                 : "Here " + fmtInt(N) + " query heads form " + fmtInt(Nkv) +
                                                       " groups of " + fmtInt(G) + ".");
        auto repeat = [&](const std::string& name, const std::string& letter, Index width) {
            const Tensor& src = trace.find(name + "_dense")->value; // (B, S, Nkv, width)
            Tensor R = Tensor::uninitialized({B, S, N, width});     // (B, S, N, width)
            for (Index r = 0; r < B * S; ++r)
                for (Index n = 0; n < N; ++n)
                    std::copy_n(src.data() + (r * Nkv + n / G) * width, width, R.data() + (r * N + n) * width);
            addStep(trace,
                    Step{
                        .key = name + "_repeated",
                        .title = "Repeat the " + name + " heads",
                        .explanation = "ops.repeat copies each of the " + fmtInt(Nkv) + " " + name + " heads " +
                                       fmtInt(G) + " times along the head axis, so there is one per query head: " +
                                       "query head n reads " + name + " head n // " + fmtInt(G) + " (heads 0.." +
                                       fmtInt(G - 1) + " read head 0, and so on). " + kind + " " + saving.str(),
                        .op = OpKind::Repeat,
                        .inputs = {name + "_dense"},
                        .formula = letter + "ʳ[b,s,n,:] = " + letter + "[b,s,n // " + fmtInt(G) + ",:]",
                        .kerasCode = name + " = ops.repeat(" + name + ", self.num_repeats, axis=2)",
                        .axes = {"batch", "source", "head", "head_dim"},
                        .value = std::move(R),
                        .flops = 0,
                    });
        };
        repeat("key", "K", H);
        repeat("value", "V", Hv);
    }

    // --- 2. Scale the projected query (before the dot product) -----------
    // Not Keras: the 1/√dₖ lab's switch leaves the query unscaled (× 1).
    const bool unscaled = spec.config.notKerasUnscaled;
    const float inv = unscaled ? 1.0f : static_cast<float>(1.0 / std::sqrt(static_cast<double>(H)));
    Tensor Qs = Tensor::uninitialized(trace.find("query_dense")->value.shape()); // (B, T, N, H)
    forEachRange(Qs.size(), 1.0, [&, q = trace.find("query_dense")->value.data()](Index b, Index e) {
        Eigen::Map<Eigen::ArrayXf>(Qs.data() + b, e - b) = Eigen::Map<const Eigen::ArrayXf>(q + b, e - b) * inv;
    });
    addStep(trace,
            Step{
                .key = "scaled_query",
                .title = unscaled ? "Not Keras: the query left unscaled (no 1/√" + dimName + ")"
                                  : "Scale the query by 1/√" + dimName,
                .explanation = unscaled ? "NOT KERAS — a what-if from the 1/√dₖ lab: Keras multiplies the projected "
                                          "query by 1/√" +
                                              dimName + " = " + std::to_string(1.0 / std::sqrt(double(H))) +
                                              " here; this trace multiplies by 1, so the scores are the raw q·k, "
                                              "they grow like √" +
                                              dimName + " and the softmax saturates."
                               : gqa ? "Keras multiplies the projected query by 1/√head_dim before the dot product, so "
                                       "that scores do not grow with head_dim and the softmax does not saturate."
                                     : "Keras multiplies the projected query by 1/√key_dim before the dot product, so "
                                       "that scores do not grow with key_dim and the softmax does not saturate. Note: "
                                       "it is key_dim, not the query width divided by the number of heads.",
                .op = OpKind::Scale,
                .inputs = {"query_dense"},
                .formula =
                    unscaled ? "Q̃ = Q · 1   (not Keras: Keras uses 1/√" + fmtInt(H) + ")" : "Q̃ = Q · 1/√" + fmtInt(H),
                .kerasCode = gqa ? "query = ops.multiply(query, ops.cast(self._inverse_sqrt_head_dim, query.dtype))"
                                 : "query = ops.multiply(query, ops.cast(self._inverse_sqrt_key_dim, query.dtype))",
                .axes = projAxes,
                .value = std::move(Qs),
                .flops = double(B * T * N * H),
                .scaleFactor = inv,
            });

    // --- 3–5 (and 7). The mask (every source AND-ed into one boolean
    //        [B, T, S], or [B, N, T, S] with a per-head attention_mask) is
    //        built first: the scores, masked scores, weights and, without
    //        dropout, the context are computed together per block of query
    //        rows (below), then added as steps in Keras' order. -------------
    const bool padding = spec.queryMask || spec.valueMask || spec.keyMask;
    const bool causal = spec.call.useCausalMask;
    const bool sliding = cfg.slidingWindow.has_value();
    const Index window = cfg.slidingWindow.value_or(0);
    const std::optional<Tensor>& am = spec.attentionMask;
    const int sourceCount = int(padding) + int(causal) + int(sliding) + int(am.has_value());
    const bool masked = sourceCount > 0;
    // GroupQueryAttention hands an attention_mask that is the only source to
    // Softmax uncast: a non-bool mask then keeps values > 0.5 (Softmax.call).
    const bool softmaxCast = gqa && am && sourceCount == 1;
    auto amAllowed = [&](float v) { return softmaxCast ? v > 0.5f : v != 0.0f; };
    const Index MN = am && am->rank() == 4 ? am->dim(1) : 1; // heads of the mask: 1 or N
    auto amAt = [&](Index b, Index h, Index t, Index s) -> float {
        const Tensor& m = *am;
        switch (m.rank()) {
        case 2: return m.data()[t * S + s];
        case 3: return m.data()[((m.dim(0) == 1 ? 0 : b) * T + t) * S + s];
        default: return m.data()[(((m.dim(0) == 1 ? 0 : b) * m.dim(1) + h) * T + t) * S + s];
        }
    };
    auto padAllowed = [&](Index b, Index t, Index s) {
        return (!spec.queryMask || spec.queryMask->data()[b * T + t] != 0.0f) &&
               (!spec.valueMask || spec.valueMask->data()[b * S + s] != 0.0f) &&
               (!spec.keyMask || spec.keyMask->data()[b * S + s] != 0.0f);
    };
    auto slideAllowed = [&](Index t, Index s) { return std::abs(t - s) < window; };
    Tensor M; // (B, MN, T, S) 1 = may attend
    if (masked) {
        M = Tensor({B, MN, T, S});
        for (Index b = 0; b < B; ++b)
            for (Index h = 0; h < MN; ++h)
                for (Index t = 0; t < T; ++t)
                    for (Index s = 0; s < S; ++s) {
                        const bool ok = (!padding || padAllowed(b, t, s)) && (!causal || causalAllowed(t, s)) &&
                                        (!sliding || slideAllowed(t, s)) && (!am || amAllowed(amAt(b, h, t, s)));
                        M.data()[((b * MN + h) * T + t) * S + s] = ok ? 1.0f : 0.0f;
                    }
    }

    // Scores, mask, softmax and context per (batch, head, block of query rows):
    // the block's scores are still in cache when they are masked, normalised
    // and multiplied by the values, so each 4-D tensor is written once and
    // read back from memory never. Query head n reads key/value head n / G
    // straight from the strided projections: no copies. Row blocks start at
    // multiples of kRowAlign, so every row goes through the same Eigen kernel
    // as in one whole-head product: the numbers do not depend on the blocking
    // or on the thread count (core.threads, core.keras_reference).
    const bool dropout = spec.call.training && cfg.dropout > 0.0f; // addDropoutStep's condition
    const Tensor& qs = trace.find("scaled_query")->value;          // (B, T, N, H)
    const Tensor& kd = trace.find("key_dense")->value;             // (B, S, Nkv, H)
    const Tensor& vd = trace.find("value_dense")->value;           // (B, S, Nkv, Hv)
    // Every element of these is written below (each block writes its rows).
    Tensor L = Tensor::uninitialized({B, N, T, S});                      // scores (B, N, T, S)
    Tensor MS = masked ? Tensor::uninitialized({B, N, T, S}) : Tensor(); // masked_scores (B, N, T, S)
    Tensor P = Tensor::uninitialized({B, N, T, S});                      // weights (B, N, T, S)
    Tensor C = Tensor::uninitialized({B, T, N, Hv});                     // context (B, T, N, Hv)
    auto maskAt = [&](Index b, Index n) { return M.data() + (b * MN + (MN == 1 ? 0 : n)) * T * S; };
    // Rows per block: about 512 KB of scores (measured best of 256 KB–2 MB at
    // T=S=1024), a multiple of kRowAlign; the
    // last block takes the remainder, so every block has ≥ kRowAlign rows.
    const Index rowBlock = std::max<Index>(1, (Index(1) << 17) / std::max<Index>(S, 1) / kRowAlign) * kRowAlign;
    const Index blocksPerHead = std::max<Index>(1, T / rowBlock);
    auto rowsOf = [&](Index j) {
        return std::pair<Index, Index>{j * rowBlock, j + 1 == blocksPerHead ? T : (j + 1) * rowBlock};
    };
    // Context rows [t0, t1) of (b, n): (rows, S) · (S, Hv), written strided into (B, T, N, Hv).
    auto contextRows = [&](const Tensor& probs, Index b, Index n, Index t0, Index t1) {
        // (rows, S) · (S, Hv strided by Nkv·Hv) → (rows, Hv strided by N·Hv)
        gemmNN(t1 - t0, Hv, S, probs.data() + ((b * N + n) * T + t0) * S, S, vd.data() + (b * S * Nkv + n / G) * Hv,
               Nkv * Hv, C.data() + ((b * T + t0) * N + n) * Hv, N * Hv);
    };
    const Index items = B * N * blocksPerHead;
    std::vector<Index> fully(size_t(items), 0); // fully masked rows per item, summed below
    RunControl* control = currentRunControl();  // worker threads check it between blocks
    const double workPerRow = 2.0 * double(S) * double(H + (dropout ? 0 : Hv)) + 8.0 * double(S);
    forEachBlock(items, workPerRow * double(T) / double(blocksPerHead), [&](Index i) {
        if (cancelRequested(control))
            throw RunCancelled();
        const Index bn = i / blocksPerHead, b = bn / N, n = bn % N;
        const auto [t0, t1] = rowsOf(i % blocksPerHead);
        const Index rows = t1 - t0;
        float* l = L.data() + (bn * T + t0) * S;
        // (rows, H strided by N·H) · (S, H strided by Nkv·H)ᵀ → (rows, S)
        gemmNT(rows, S, H, qs.data() + ((b * T + t0) * N + n) * H, N * H, kd.data() + (b * S * Nkv + n / G) * H,
               Nkv * H, l, S);
        float* p = P.data() + (bn * T + t0) * S;
        if (!masked) {
            softmaxRowsSerial(l, p, rows, S);
        } else {
            // where(mask, scores, -1e9): replacement, not subtraction.
            const float* m = maskAt(b, n) + t0 * S;
            float* ms = MS.data() + (bn * T + t0) * S;
            for (Index x = 0; x < rows * S; ++x)
                ms[x] = m[x] == 0.0f ? -1e9f : l[x];
            softmaxRowsSerial(ms, p, rows, S);
            // Keras ≥ 3.14 zeroes masked probabilities: a fully masked row is all 0.
            for (Index r = 0; r < rows; ++r) {
                bool any = false;
                for (Index x = r * S; x < (r + 1) * S; ++x) {
                    any = any || m[x] != 0.0f;
                    if (m[x] == 0.0f)
                        p[x] = 0.0f;
                }
                fully[size_t(i)] += any ? 0 : 1;
            }
        }
        if (!dropout)
            contextRows(P, b, n, t0, t1);
    });
    Index fullyMasked = 0;
    for (Index f : fully)
        fullyMasked += f;

    addStep(trace,
            Step{
                .key = "scores",
                .title = "Dot-product scores",
                .explanation = "For every head, each scaled query is compared with every key by a dot product. A "
                               "large score means 'this source position matches what this query looks for'. These "
                               "are raw logits, before any mask." +
                               std::string(gqa && G > 1 ? " Query heads of the same group compare against the same "
                                                          "(repeated) key head."
                                                        : ""),
                .op = OpKind::Einsum,
                .inputs = {"scaled_query", gqa ? "key_repeated" : "key_dense"},
                .formula = gqa ? "S[b,n,t,s] = Σₕ Q̃[b,t,n,h] · Kʳ[b,s,n,h]" : "S[b,n,t,s] = Σₖ Q̃[b,t,n,k] · K[b,s,n,k]",
                .einsum = gqa ? "bquh,bkuh->buqk" : "aecd,abcd->acbe",
                .kerasCode = gqa ? "scores = ops.einsum(self._dot_product_equation, query, key)"
                                 : "attention_scores = ops.einsum(self._dot_product_equation, key, query)",
                .axes = {"batch", "head", "query", "source"},
                .value = std::move(L),
                .flops = 2.0 * double(B * N * T) * double(S * H),
            });

    // --- 4. The mask's steps: each source, then their AND --------------
    if (masked) {
        std::vector<std::string> parts; // component steps, when there is more than one source
        std::vector<std::string> from;
        std::string padList;
        for (const auto& [m, n] :
             {std::pair{&spec.queryMask, gqa ? "query_mask" : "query_mask (the query's Keras mask)"},
              std::pair{&spec.valueMask, "value_mask"}, std::pair{&spec.keyMask, "key_mask"}})
            if (m->has_value())
                padList += (padList.empty() ? "" : " & ") + std::string(n);
        if (padding)
            from.push_back(padList);
        if (causal)
            from.push_back("use_causal_mask");
        if (sliding)
            from.push_back("sliding_window=" + fmtInt(window));
        if (am)
            from.push_back("attention_mask");
        if (sourceCount > 1) {
            if (padding) {
                Tensor part({B, T, S});
                for (Index b = 0; b < B; ++b)
                    for (Index t = 0; t < T; ++t)
                        for (Index s = 0; s < S; ++s)
                            part.data()[(b * T + t) * S + s] = padAllowed(b, t, s) ? 1.0f : 0.0f;
                std::string code;
                if (spec.queryMask)
                    code += "auto_mask = ops.expand_dims(query_mask, -1)  # [B, T, 1]";
                if (spec.valueMask)
                    code +=
                        std::string(code.empty() ? "" : "\n") + "mask = ops.expand_dims(value_mask, -2)  # [B, 1, S]";
                if (spec.keyMask)
                    code += std::string(code.empty() ? "" : "\n") + "mask = ops.expand_dims(key_mask, -2)  # [B, 1, S]";
                Step& st = addStep(trace, Step{.key = "padding_mask",
                                               .title = "Mask part: padding",
                                               .explanation = "The padding masks (" + padList +
                                                              "), broadcast to one boolean per (query, source) pair: "
                                                              "0 where a query row or a source column is padding.",
                                               .op = OpKind::Input,
                                               .kerasCode = code,
                                               .axes = {"batch", "query", "source"},
                                               .value = std::move(part)});
                (void)st;
                parts.push_back("padding_mask");
            }
            auto band = [&](const std::string& k, const std::string& title, const std::string& explanation,
                            const std::string& code, auto allowed) {
                Tensor part({T, S});
                for (Index t = 0; t < T; ++t)
                    for (Index s = 0; s < S; ++s)
                        part.data()[t * S + s] = allowed(t, s) ? 1.0f : 0.0f;
                addStep(trace, Step{.key = k,
                                    .title = title,
                                    .explanation = explanation,
                                    .op = OpKind::Input,
                                    .kerasCode = code,
                                    .axes = {"query", "source"},
                                    .value = std::move(part)});
                parts.push_back(k);
            };
            if (causal)
                band("causal_mask", "Mask part: causal",
                     "use_causal_mask=True: query t may see source positions s ≤ t only (counted from the top-left "
                     "corner, also when query and source lengths differ).",
                     "mask = self._compute_causal_mask(query, value)  # [1, T, S]",
                     [](Index t, Index s) { return causalAllowed(t, s); });
            if (sliding)
                band("sliding_window_mask", "Mask part: sliding window",
                     "sliding_window=" + fmtInt(window) + " keeps the band |t − s| < " + fmtInt(window) +
                         ": each query sees at most " + fmtInt(window - 1) + " positions on either side of its own." +
                         (causal ? " AND-ed with the causal mask it is the causal band Mistral uses: each position "
                                   "sees itself and the " +
                                       fmtInt(window - 1) + " before it."
                                 : ""),
                     "mask = self._compute_sliding_window_mask(query, value)  # [1, T, S]", slideAllowed);
            if (am) {
                addStep(trace,
                        Step{.key = "attention_mask",
                             .title = "Mask part: attention_mask",
                             .explanation = "The attention_mask you gave, cast to bool (nonzero is True)" +
                                            std::string(am->rank() == 4   ? ", one mask per head."
                                                        : am->rank() == 2 ? ", the same for every batch row and head."
                                                                          : ", the same for every head."),
                             .op = OpKind::Input,
                             .kerasCode = gqa ? "ops.cast(attention_mask, bool) & auto_mask"
                                              : "attention_mask = ops.cast(attention_mask, \"bool\")",
                             .axes = am->rank() == 2   ? std::vector<std::string>{"query", "source"}
                                     : am->rank() == 3 ? std::vector<std::string>{"batch", "query", "source"}
                                                       : std::vector<std::string>{"batch", "head", "query", "source"},
                             .value = castMask(*am)});
                parts.push_back("attention_mask");
            }
        }
        std::string fromText;
        for (size_t i = 0; i < from.size(); ++i)
            fromText += (i ? ", " : "") + from[i];
        std::string explanation =
            "Keras combines every mask source with AND into one boolean per (query, source) "
            "pair" +
            std::string(MN > 1 ? ", one per head (the attention_mask has a head axis)" : ", shared by all heads") +
            "; 1 means 'may attend'. Sources here: " + fromText + ".";
        if (sourceCount > 1)
            explanation += " Each source is also a step of its own, so you can see which one removed a cell.";
        if (spec.queryMask)
            explanation += " A query-mask row that is all 0 becomes a fully masked row.";
        if (softmaxCast)
            explanation += " The attention_mask is the only source, so GroupQueryAttention hands it to Softmax "
                           "as it is, and Softmax keeps the values > 0.5.";
        const bool causalOnly = causal && sourceCount == 1;
        addStep(trace, Step{.key = "mask",
                            .title = "The attention mask",
                            .explanation = explanation,
                            .op = OpKind::Input,
                            .inputs = parts,
                            .kerasCode = causalOnly ? "causal_mask = self._compute_causal_mask(query, value)"
                                                    : "attention_mask = self._compute_attention_mask(",
                            .axes = MN > 1 ? std::vector<std::string>{"batch", "head", "query", "source"}
                                           : std::vector<std::string>{"batch", "query", "source"},
                            .value = MN > 1 ? std::move(M) : Tensor({B, T, S}, std::move(M.values()))});
    }

    // --- 5. Masked softmax (Keras' Softmax layer with a mask) ------------
    if (masked) {
        addStep(trace,
                Step{
                    .key = "masked_scores",
                    .title = "Apply the mask",
                    .explanation = "Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their "
                                   "weight is 0. Keras replaces the value (it does not subtract), inside its Softmax "
                                   "layer.",
                    .op = OpKind::Mask,
                    .inputs = {"scores", "mask"},
                    .formula = MN > 1 ? "S′[b,n,t,s] = S[b,n,t,s] if M[b,n,t,s] else −10⁹"
                                      : "S′[b,n,t,s] = S[b,n,t,s] if M[b,t,s] else −10⁹",
                    .kerasCode = "inputs = backend.numpy.where(mask, inputs, _large_negative_number(inputs.dtype))",
                    .axes = {"batch", "head", "query", "source"},
                    .value = std::move(MS),
                    .flops = double(B * N * T * S),
                });
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
                .kerasCode = gqa ? "scores = self._masked_softmax(scores, attention_mask=attention_mask)"
                                 : "attention_scores = self._masked_softmax(attention_scores, attention_mask)",
                .axes = {"batch", "head", "query", "source"},
                .value = std::move(P),
                .flops = 5.0 * double(B * N * T * S),
            });

    // --- 6. Dropout on the probabilities (training only) -----------------
    const std::string probsKey = addDropoutStep(
        trace, spec, "Keras returns the weights from before dropout (with return_attention_scores=True).",
        gqa ? "scores_dropout = self._dropout_layer(scores, training=training)"
            : "final_attn_scores = self._dropout_layer(attention_scores, training=training)");

    // --- 7. Context: weights · values per head, written strided into
    //        (B, T, N, Hv) so concat is a reshape (computed above without dropout)
    if (dropout) { // the context reads the dropped-out weights: a second pass, same blocking
        const Tensor& pd = trace.find(probsKey)->value;
        forEachBlock(items, 2.0 * double(S) * double(Hv) * double(T) / double(blocksPerHead), [&](Index i) {
            if (cancelRequested(control))
                throw RunCancelled();
            const Index bn = i / blocksPerHead;
            const auto [t0, t1] = rowsOf(i % blocksPerHead);
            contextRows(pd, bn / N, bn % N, t0, t1);
        });
    }
    addStep(trace,
            Step{
                .key = "context",
                .title = "Weighted sum of values",
                .explanation = "Each head mixes the projected values with its weights: a query's context is the "
                               "weighted average of the value rows it attends to. One result per head." +
                               std::string(gqa && G > 1 ? " Query heads of one group mix the same (repeated) "
                                                          "value head, each with its own weights."
                                                        : ""),
                .op = OpKind::Einsum,
                .inputs = {probsKey, gqa ? "value_repeated" : "value_dense"},
                .formula = gqa ? "C[b,t,n,:] = Σₛ P[b,n,t,s] · Vʳ[b,s,n,:]" : "C[b,t,n,:] = Σₛ P[b,n,t,s] · V[b,s,n,:]",
                .einsum = gqa ? "buqk,bkuh->bquh" : "acbe,aecd->abcd",
                .kerasCode = gqa ? "output = ops.einsum(self._combine_equation, scores_dropout, value)"
                                 : "attention_output = ops.einsum(self._combine_equation, final_attn_scores, value)",
                .axes = {"batch", "query", "head", vdimName},
                .value = std::move(C),
                .flops = 2.0 * double(B * N * T) * double(S * Hv),
            });

    // --- 7b. use_gate: gate = sigmoid(query · W_g + b_g), gated = context ⊙ gate
    std::string readKey = "context";
    if (cfg.useGate) {
        Tensor Gt = denseProject(query, W("gate_dense/kernel"), Bp("gate_dense/bias")); // (B, T, N, Hv)
        for (float& x : Gt.values())
            x = 1.0f / (1.0f + std::exp(-x));
        addStep(trace,
                Step{
                    .key = "gate",
                    .title = "The gate",
                    .explanation = "use_gate=True adds one more EinsumDense on the query input, with a sigmoid: a "
                                   "number between 0 and 1 for every query, head and channel. It decides how much of "
                                   "each head's context passes on (Qiu et al., 2025, \"Gated Attention for Large "
                                   "Language Models\": a head can output almost nothing when it has nothing to add, "
                                   "instead of dumping its weight on one 'attention sink' token).",
                    .op = OpKind::Dense,
                    .inputs = {"query"},
                    .params = bias ? std::vector<std::string>{"gate_dense/kernel", "gate_dense/bias"}
                                   : std::vector<std::string>{"gate_dense/kernel"},
                    .formula = bias ? "G[b,t,n,:] = σ(query[b,t,:] · W_g[:,n,:] + b_g[n,:])"
                                    : "G[b,t,n,:] = σ(query[b,t,:] · W_g[:,n,:])",
                    .einsum = gqa ? "bqm,muh->bquh" : "abc,cde->abde",
                    .kerasCode = gqa ? "gate = self._gate_dense(query)  # EinsumDense(\"bqm,muh->bquh\", "
                                       "activation=\"sigmoid\")"
                                     : "gate = self._gate_dense(query)  # EinsumDense(\"abc,cde->abde\", "
                                       "activation=\"sigmoid\")",
                    .axes = {"batch", "query", "head", vdimName},
                    .value = std::move(Gt),
                    .flops = denseFlops(B * T, E, N * Hv, bias) + 4.0 * double(B * T * N * Hv),
                });
        Tensor Gc = trace.find("context")->value;
        const Tensor& g = trace.find("gate")->value;
        Eigen::Map<Eigen::ArrayXf>(Gc.data(), Gc.size()) *= Eigen::Map<const Eigen::ArrayXf>(g.data(), g.size());
        addStep(trace, Step{
                           .key = "gated_context",
                           .title = "Gate the context",
                           .explanation = "Each head's context is multiplied element by element by its gate: where "
                                          "the gate is near 0 that channel is silenced, near 1 it passes unchanged. "
                                          "The output projection reads this instead of the context.",
                           .op = OpKind::Multiply,
                           .inputs = {"context", "gate"},
                           .formula = "C_g[b,t,n,:] = C[b,t,n,:] ⊙ G[b,t,n,:]",
                           .kerasCode = gqa ? "ops.multiply(output, gate)" : "ops.multiply(attention_output, gate)",
                           .axes = {"batch", "query", "head", vdimName},
                           .value = std::move(Gc),
                           .flops = double(B * T * N * Hv),
                       });
        readKey = "gated_context";
    }

    // --- 8. Concat(head_1..head_N): the paper's view; Keras folds it into
    //        output_dense's einsum. Same numbers, a reshape. -----------------
    const std::string outEq = gqa ? "bquh,uhm->bqm" : "abcd,cde->abe";
    addStep(trace,
            Step{
                .key = "concat_heads",
                .title = "Concatenate the heads",
                .explanation = "The paper writes Concat(head₁, …, head_N): the heads side by side, N·" + vdimName +
                               " numbers per query. Keras never builds this tensor; its output EinsumDense contracts "
                               "the head and " +
                               vdimName + " axes at once, which is the same computation.",
                .op = OpKind::Concat,
                .inputs = {readKey},
                .formula = "Concat[b,t,:] = [C[b,t,1,:], …, C[b,t,N,:]]",
                .kerasCode =
                    "# implicit in EinsumDense(\"" + outEq + "\"): heads and " + vdimName + " are contracted together",
                .axes = {"batch", "query", "head·" + vdimName},
                .value = trace.find(readKey)->value.reshaped({B, T, N * Hv}),
                .flops = 0,
            });

    // --- 9. Output projection ---------------------------------------------
    Tensor Y = Tensor::uninitialized({B, T, Eout}); // (B, T, Eout), written by the GEMM
    {
        gemmRows(trace.find(readKey)->value.data(), B * T, N * Hv, Wo.data(), Eout, Y.data());
        MatrixMap Ym(Y.data(), B * T, Eout);
        if (bias)
            Ym.rowwise() += Eigen::Map<const RowVectorF>(W("output_dense/bias").data(), Eout);
    }
    std::string oExplain = "The output EinsumDense mixes all heads back into one vector per query, of the output "
                           "width (" +
                           fmtInt(Eout) + ").";
    if (fullyMasked > 0)
        oExplain += bias ? " A fully masked query row has zero context, so its output is just the bias b_o."
                         : " A fully masked query row has zero context, so its output is 0.";
    const std::string outVar = gqa ? "output" : "attention_output";
    const std::string C_ = cfg.useGate ? "C_g" : "C";
    addStep(trace, Step{
                       .key = "output",
                       .title = "Output projection",
                       .explanation = oExplain,
                       .op = OpKind::Dense,
                       .inputs = {readKey},
                       .params = bias ? std::vector<std::string>{"output_dense/kernel", "output_dense/bias"}
                                      : std::vector<std::string>{"output_dense/kernel"},
                       .formula = bias ? "Y[b,t,:] = Σₙ Σᵥ " + C_ + "[b,t,n,v] · W_o[n,v,:] + b_o"
                                       : "Y[b,t,:] = Σₙ Σᵥ " + C_ + "[b,t,n,v] · W_o[n,v,:]",
                       .einsum = outEq,
                       .kerasCode = cfg.useGate ? outVar + " = self._output_dense(ops.multiply(" + outVar + ", gate))"
                                                : outVar + " = self._output_dense(" + outVar + ")  # EinsumDense(\"" +
                                                      outEq + "\")",
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
            const double invStd = 1.0 / std::sqrt(var + kLayerNormEpsilon);
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
