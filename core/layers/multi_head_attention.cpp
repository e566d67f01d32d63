// Keras 3 MultiHeadAttention and GroupQueryAttention forward pass, float32, the path that returns
// attention scores (keras/src/layers/attention/multi_head_attention.py and
// grouped_query_attention.py, `call` → `_compute_attention`, Keras 3.16).
// Every intermediate is a step. One function per pass, in Keras' order:
//   addInputs → project → repeatHeads (GQA) → scaleQuery → buildMask →
//   attend (scores → mask → softmax → context, fused per block of rows) →
//   gate (use_gate) → concatHeads → outputDense → sublayer (Add & LayerNorm).
#include "core/layers/keras_source.h"
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

// What every pass of one call shares: the spec, the sizes and the trace the
// passes append to. Tensors move into the trace and are read back from it:
// nothing large is copied (steps is reserved, so references stay valid).
struct Mha {
    const Spec& spec;
    const LayerConfig& cfg;
    Trace& trace;
    bool gqa = false, bias = false, hasKey = false;
    // N query heads; Nkv key/value heads (= N for MultiHeadAttention); query
    // head n reads key/value head n / G.
    Index B = 0, T = 0, S = 0, E = 0, Eout = 0, N = 0, Nkv = 0, G = 0, H = 0, Hv = 0;
    std::string keySrc{}, dimName{}, vdimName{};

    const Tensor& value(const std::string& key) const { return trace.find(key)->value; }
    const Tensor& param(const std::string& key) const { return trace.params.at(key); }
    const Tensor* biasParam(const std::string& key) const { return bias ? &trace.params.at(key) : nullptr; }
};

Mha shapeOf(const Spec& spec, Trace& trace) {
    const LayerConfig& cfg = spec.config;
    Mha m{.spec = spec, .cfg = cfg, .trace = trace};
    m.gqa = cfg.layer == LayerKind::GroupQueryAttention;
    m.bias = cfg.useBias;
    m.hasKey = trace.find("key") != nullptr;
    m.keySrc = m.hasKey ? "key" : "value";
    const Tensor& query = m.value("query"); // (B, T, E)
    m.B = query.dim(0);
    m.T = query.dim(1);
    m.E = query.dim(2);
    m.S = m.value("value").dim(1);
    m.Eout = m.param("output_dense/kernel").dim(2);
    m.N = cfg.numHeads;
    m.Nkv = cfg.kvHeads();
    m.G = m.N / m.Nkv;
    m.H = cfg.keyDim;
    m.Hv = cfg.effectiveValueDim();
    m.dimName = m.gqa ? "head_dim" : "key_dim";
    m.vdimName = m.gqa ? "head_dim" : "value_dim";
    return m;
}

// --- 1. Projections: three EinsumDense layers ---------------------------------
// name: query/key/value; letter: Q/K/V; seq: t or s; width: H or Hv.
void projectOne(Mha& m, const std::string& name, const std::string& input, const char* letter, const char* seq,
                const Axis& seqAxis, Index heads, Index width, std::string explanation) {
    const Tensor& x = m.value(input); // (B, L, din)
    const std::string dense = name + "_dense", l = letter, sub = std::string(1, char(std::tolower(l[0])));
    const std::string lhs = l + "[b," + seq + ",n,:] = " + name + "[b," + seq + ",:] · W_" + sub + "[:,n,:]";
    const std::string eq = !m.gqa ? "abc,cde->abde" : name == "query" ? "bqm,muh->bquh" : "bkm,mvh->bkvh";
    const char* label = name == "query" ? "Project queries" : name == "key" ? "Project keys" : "Project values";
    addStep(m.trace,
            Step{
                .key = dense,
                .title = "Project the " + name,
                .explanation = std::move(explanation),
                .op = OpKind::Dense,
                .inputs = {input},
                .params = denseParams(dense, m.bias),
                .formula = m.bias ? lhs + " + b_" + sub + "[n,:]" : lhs,
                .einsum = eq,
                .kerasCode = keras_source::denseLine(name, m.gqa),
                .axes = {batchAxis(), seqAxis, headAxis(), featureAxis(name == "value" ? m.vdimName : m.dimName)},
                .value = denseProject(x, m.param(dense + "/kernel"), m.biasParam(dense + "/bias")),
                .flops = denseFlops(x.dim(0) * x.dim(1), x.dim(2), heads * width, m.bias),
                .label = label,
            }); // (B, L, heads, width)
}

void project(Mha& m) {
    const Index N = m.N, Nkv = m.Nkv, H = m.H, Hv = m.Hv;
    if (!m.gqa) {
        projectOne(m, "query", "query", "Q", "t", queryAxis(), N, H,
                   "An EinsumDense layer maps every query vector to N heads of key_dim numbers each. Each head gets "
                   "its own slice of the kernel, so the heads can learn to look for different things.");
        projectOne(m, "key", m.keySrc, "K", "s", sourceAxis(), N, H,
                   "The same kind of projection for the keys: each source position becomes N heads of key_dim "
                   "numbers, in the same space as the projected queries so they can be compared.");
        projectOne(m, "value", "value", "V", "s", sourceAxis(), N, Hv,
                   "The values are projected to N heads of value_dim numbers. These are what gets mixed: attention "
                   "decides how much of each source position's value flows to each query.");
        return;
    }
    projectOne(m, "query", "query", "Q", "t", queryAxis(), N, H,
               "An EinsumDense layer maps every query vector to " + fmtInt(N) + " query heads of head_dim = " +
                   fmtInt(H) + " numbers each; each head has its own slice of the kernel.");
    projectOne(m, "key", m.keySrc, "K", "s", sourceAxis(), Nkv, H,
               "The keys get only num_key_value_heads = " + fmtInt(Nkv) + " heads (not " + fmtInt(N) +
                   "): that is the point of grouped-query attention. Fewer key heads mean a smaller kernel and a "
                   "smaller key cache when generating text.");
    projectOne(m, "value", "value", "V", "s", sourceAxis(), Nkv, Hv,
               "The values, like the keys, get " + fmtInt(Nkv) +
                   " heads of head_dim numbers. Each one will be "
                   "shared by a group of " +
                   fmtInt(m.G) + " query heads.");
}

// --- 1b. GroupQueryAttention: repeat each key/value head G times -------------
// What grouping saves, for the repeat steps' explanation.
std::string groupingNote(const Mha& m) {
    const Index N = m.N, Nkv = m.Nkv, G = m.G, H = m.H;
    const double din = double(m.value(m.keySrc).dim(2)), dv = double(m.value("value").dim(2));
    const double kvParamsMha = (din + dv) * double(N * H) + (m.bias ? 2.0 * double(N * H) : 0.0);
    const double kvParams = (din + dv) * double(Nkv * H) + (m.bias ? 2.0 * double(Nkv * H) : 0.0);
    const double cachePerToken = 2.0 * double(Nkv * H), cacheMha = 2.0 * double(N * H);
    std::ostringstream saving;
    saving.precision(3);
    saving << "Here the key and value projections have " << kvParams << " parameters instead of " << kvParamsMha
           << " for " << N << " key/value heads, and a KV cache holds " << cachePerToken
           << " numbers per token instead of " << cacheMha << " (" << cachePerToken * 4.0 / 1024.0 << " KiB instead of "
           << cacheMha * 4.0 / 1024.0
           << " KiB in float32, per token and layer): " << 100.0 * double(N - Nkv) / double(N) << " % less.";
    const std::string general =
        "num_key_value_heads = num_query_heads is plain multi-head attention (every query head has its own "
        "key and value head); num_key_value_heads = 1 is multi-query attention (MQA: all query heads share "
        "one key and one value head); in between, each group of query heads shares one. ";
    const std::string kind = general + (Nkv == N   ? "Here Nkv = Nq = " + fmtInt(N) + ": multi-head attention."
                                        : Nkv == 1 ? "Here Nkv = 1: multi-query attention."
                                                   : "Here " + fmtInt(N) + " query heads form " + fmtInt(Nkv) +
                                                         " groups of " + fmtInt(G) + ".");
    return kind + " " + saving.str();
}

// The trace keeps the repeated tensors (the contract's key_repeated,
// value_repeated); the products in attend() read the Nkv-head projections
// directly with a stride, which is the same numbers.
void repeatHeads(Mha& m) {
    const Index B = m.B, S = m.S, N = m.N, Nkv = m.Nkv, G = m.G;
    const std::string note = groupingNote(m);
    for (const auto& [name, letter, width] : {std::tuple{"key", "K", m.H}, std::tuple{"value", "V", m.Hv}}) {
        const std::string n = name;
        const Tensor& src = m.value(n + "_dense");          // (B, S, Nkv, width)
        Tensor R = Tensor::uninitialized({B, S, N, width}); // (B, S, N, width)
        for (Index r = 0; r < B * S; ++r)
            for (Index h = 0; h < N; ++h)
                std::copy_n(src.data() + (r * Nkv + h / G) * width, width, R.data() + (r * N + h) * width);
        addStep(m.trace,
                Step{
                    .key = n + "_repeated",
                    .title = "Repeat the " + n + " heads",
                    .explanation =
                        "ops.repeat copies each of the " + fmtInt(Nkv) + " " + n + " heads " + fmtInt(G) +
                        " times along the head axis, so there is one per query head: " + "query head n reads " + n +
                        " head n // " + fmtInt(G) + " (heads 0.." + fmtInt(G - 1) + " read head 0, and so on). " + note,
                    .op = OpKind::Repeat,
                    .inputs = {n + "_dense"},
                    .formula = std::string(letter) + "ʳ[b,s,n,:] = " + letter + "[b,s,n // " + fmtInt(G) + ",:]",
                    .kerasCode = keras_source::repeatLine(n),
                    .axes = {batchAxis(), sourceAxis(), headAxis(), featureAxis("head_dim")},
                    .value = std::move(R),
                    .flops = 0,
                });
    }
}

// --- 2. Scale the projected query (before the dot product) ---------------------
// Not Keras: the 1/√dₖ lab's switch leaves the query unscaled (× 1).
void scaleQuery(Mha& m) {
    const bool unscaled = m.cfg.notKerasUnscaled;
    const Index H = m.H;
    const std::string& dimName = m.dimName;
    const float inv = unscaled ? 1.0f : static_cast<float>(1.0 / std::sqrt(static_cast<double>(H)));
    const Tensor& q = m.value("query_dense");     // (B, T, N, H)
    Tensor Qs = Tensor::uninitialized(q.shape()); // (B, T, N, H)
    forEachRange(Qs.size(), 1.0, [&, qd = q.data()](Index b, Index e) {
        Eigen::Map<Eigen::ArrayXf>(Qs.data() + b, e - b) = Eigen::Map<const Eigen::ArrayXf>(qd + b, e - b) * inv;
    });
    addStep(m.trace, Step{
                         .key = "scaled_query",
                         .title = unscaled ? "Not Keras: the query left unscaled (no 1/√" + dimName + ")"
                                           : "Scale the query by 1/√" + dimName,
                         .explanation =
                             unscaled ? "NOT KERAS — a what-if from the 1/√dₖ lab: Keras multiplies the projected "
                                        "query by 1/√" +
                                            dimName + " = " + std::to_string(1.0 / std::sqrt(double(H))) +
                                            " here; this trace multiplies by 1, so the scores are the raw q·k, "
                                            "they grow like √" +
                                            dimName + " and the softmax saturates."
                             : m.gqa ? "Keras multiplies the projected query by 1/√head_dim before the dot product, so "
                                       "that scores do not grow with head_dim and the softmax does not saturate."
                                     : "Keras multiplies the projected query by 1/√key_dim before the dot product, so "
                                       "that scores do not grow with key_dim and the softmax does not saturate. Note: "
                                       "it is key_dim, not the query width divided by the number of heads.",
                         .op = OpKind::Scale,
                         .inputs = {"query_dense"},
                         .formula = unscaled ? "Q̃ = Q · 1   (not Keras: Keras uses 1/√" + fmtInt(H) + ")"
                                             : "Q̃ = Q · 1/√" + fmtInt(H),
                         .kerasCode = keras_source::headsLines(m.gqa).scaleQuery,
                         .axes = {batchAxis(), queryAxis(), headAxis(), featureAxis(dimName)},
                         .value = std::move(Qs),
                         .flops = double(m.B * m.T * m.N * H),
                         .scaleFactor = inv,
                         .label = "Scale queries",
                     });
}

// --- 3. The mask: every source AND-ed into one boolean [B, T, S], or
//        [B, N, T, S] with a per-head attention_mask ------------------------------
struct MaskPlan {
    const Spec* spec = nullptr;
    Index T = 0, S = 0;
    bool padding = false, causal = false, sliding = false;
    Index window = 0;
    const Tensor* am = nullptr; // attention_mask, cast as below
    int sourceCount = 0;
    // GroupQueryAttention hands an attention_mask that is the only source to
    // Softmax uncast: a non-bool mask then keeps values > 0.5 (Softmax.call).
    bool softmaxCast = false;
    Index MN = 1; // heads of the mask: 1 or N

    bool masked() const { return sourceCount > 0; }
    bool padAllowed(Index b, Index t, Index s) const {
        return (!spec->queryMask || spec->queryMask->data()[b * T + t] != 0.0f) &&
               (!spec->valueMask || spec->valueMask->data()[b * S + s] != 0.0f) &&
               (!spec->keyMask || spec->keyMask->data()[b * S + s] != 0.0f);
    }
    bool slideAllowed(Index t, Index s) const { return std::abs(t - s) < window; }
    float amAt(Index b, Index h, Index t, Index s) const {
        const Tensor& m = *am;
        switch (m.rank()) {
        case 2: return m.data()[t * S + s];
        case 3: return m.data()[((m.dim(0) == 1 ? 0 : b) * T + t) * S + s];
        default: return m.data()[(((m.dim(0) == 1 ? 0 : b) * m.dim(1) + h) * T + t) * S + s];
        }
    }
    bool amAllowed(Index b, Index h, Index t, Index s) const {
        const float v = amAt(b, h, t, s);
        return softmaxCast ? v > 0.5f : v != 0.0f;
    }
    bool allowed(Index b, Index h, Index t, Index s) const {
        return (!padding || padAllowed(b, t, s)) && (!causal || causalAllowed(t, s)) &&
               (!sliding || slideAllowed(t, s)) && (!am || amAllowed(b, h, t, s));
    }
};

MaskPlan planMask(const Mha& m) {
    const Spec& spec = m.spec;
    MaskPlan p{.spec = &spec, .T = m.T, .S = m.S};
    p.padding = spec.queryMask || spec.valueMask || spec.keyMask;
    p.causal = spec.call.useCausalMask;
    p.sliding = m.cfg.slidingWindow.has_value();
    p.window = m.cfg.slidingWindow.value_or(0);
    p.am = spec.attentionMask ? &*spec.attentionMask : nullptr;
    p.sourceCount = int(p.padding) + int(p.causal) + int(p.sliding) + int(p.am != nullptr);
    p.softmaxCast = m.gqa && p.am && p.sourceCount == 1;
    p.MN = p.am && p.am->rank() == 4 ? p.am->dim(1) : 1;
    return p;
}

// M: (B, MN, T, S), 1 = may attend; empty when nothing is masked.
Tensor buildMask(const Mha& m, const MaskPlan& p) {
    if (!p.masked())
        return Tensor();
    const Index B = m.B, T = m.T, S = m.S, MN = p.MN;
    Tensor M({B, MN, T, S}); // (B, MN, T, S)
    for (Index b = 0; b < B; ++b)
        for (Index h = 0; h < MN; ++h)
            for (Index t = 0; t < T; ++t)
                for (Index s = 0; s < S; ++s)
                    M.data()[((b * MN + h) * T + t) * S + s] = p.allowed(b, h, t, s) ? 1.0f : 0.0f;
    return M;
}

// --- 4. Attend: scores, mask, softmax and context per (batch, head, block of
//        query rows). The block's scores are still in cache when they are
//        masked, normalised and multiplied by the values, so each 4-D tensor is
//        written once and read back from memory never. Query head n reads
//        key/value head n / G straight from the strided projections: no copies.
//        Row blocks start at multiples of kRowAlign, so every row goes through
//        the same Eigen kernel as in one whole-head product: the numbers do not
//        depend on the blocking or on the thread count (core.threads,
//        core.keras_reference). -----------------------------------------------------
struct Blocks {
    Index T = 0, rowBlock = 1, perHead = 1;
    // Rows per block: about 512 KB of scores (measured best of 256 KB–2 MB at
    // T=S=1024), a multiple of kRowAlign; the last block takes the remainder,
    // so every block has ≥ kRowAlign rows.
    Blocks(Index T_, Index S)
        : T(T_), rowBlock(std::max<Index>(1, (Index(1) << 17) / std::max<Index>(S, 1) / kRowAlign) * kRowAlign),
          perHead(std::max<Index>(1, T_ / rowBlock)) {}
    std::pair<Index, Index> rows(Index j) const { return {j * rowBlock, j + 1 == perHead ? T : (j + 1) * rowBlock}; }
};

struct Attended {
    Tensor scores;         // (B, N, T, S)
    Tensor maskedScores;   // (B, N, T, S), empty without a mask
    Tensor weights;        // (B, N, T, S)
    Tensor context;        // (B, T, N, Hv); filled here only without dropout
    Index fullyMasked = 0; // (head, query) rows with no key left
};

// Context rows [t0, t1) of (b, n): (rows, S) · (S, Hv), written strided into (B, T, N, Hv).
void contextRows(const Mha& m, const Tensor& probs, Tensor& C, Index b, Index n, Index t0, Index t1) {
    const Index N = m.N, T = m.T, S = m.S, Nkv = m.Nkv, Hv = m.Hv;
    const Tensor& vd = m.value("value_dense"); // (B, S, Nkv, Hv)
    // (rows, S) · (S, Hv strided by Nkv·Hv) → (rows, Hv strided by N·Hv), core/base/gemm.h's kernel
    gemmNN(t1 - t0, Hv, S, probs.data() + ((b * N + n) * T + t0) * S, S, vd.data() + (b * S * Nkv + n / m.G) * Hv,
           Nkv * Hv, C.data() + ((b * T + t0) * N + n) * Hv, N * Hv);
}

Attended attend(const Mha& m, const MaskPlan& plan, const Tensor& M, bool dropout) {
    const Index B = m.B, N = m.N, T = m.T, S = m.S, H = m.H, Hv = m.Hv, Nkv = m.Nkv, G = m.G, MN = plan.MN;
    const bool masked = plan.masked();
    const Tensor& qs = m.value("scaled_query"); // (B, T, N, H)
    const Tensor& kd = m.value("key_dense");    // (B, S, Nkv, H)
    // Every element of these is written below (each block writes its rows).
    Attended a;
    a.scores = Tensor::uninitialized({B, N, T, S});
    a.maskedScores = masked ? Tensor::uninitialized({B, N, T, S}) : Tensor();
    a.weights = Tensor::uninitialized({B, N, T, S});
    a.context = Tensor::uninitialized({B, T, N, Hv});
    auto maskAt = [&](Index b, Index n) { return M.data() + (b * MN + (MN == 1 ? 0 : n)) * T * S; };
    const Blocks blocks(T, S);
    const Index items = B * N * blocks.perHead;
    std::vector<Index> fully(size_t(items), 0); // fully masked rows per item, summed below
    RunControl* control = currentRunControl();  // worker threads check it between blocks
    const double workPerRow = 2.0 * double(S) * double(H + (dropout ? 0 : Hv)) + 8.0 * double(S);
    forEachBlock(items, workPerRow * double(T) / double(blocks.perHead), [&](Index i) {
        if (cancelRequested(control))
            throw RunCancelled();
        const Index bn = i / blocks.perHead, b = bn / N, n = bn % N;
        const auto [t0, t1] = blocks.rows(i % blocks.perHead);
        const Index rows = t1 - t0;
        float* l = a.scores.data() + (bn * T + t0) * S;
        // (rows, H strided by N·H) · (S, H strided by Nkv·H)ᵀ → (rows, S)
        gemmNT(rows, S, H, qs.data() + ((b * T + t0) * N + n) * H, N * H, kd.data() + (b * S * Nkv + n / G) * H,
               Nkv * H, l, S);
        float* p = a.weights.data() + (bn * T + t0) * S;
        if (!masked) {
            softmaxRowsSerial(l, p, rows, S);
        } else {
            // where(mask, scores, -1e9): replacement, not subtraction.
            const float* mk = maskAt(b, n) + t0 * S;
            float* ms = a.maskedScores.data() + (bn * T + t0) * S;
            for (Index x = 0; x < rows * S; ++x)
                ms[x] = mk[x] == 0.0f ? -1e9f : l[x];
            softmaxRowsSerial(ms, p, rows, S);
            // Keras ≥ 3.14 zeroes masked probabilities: a fully masked row is all 0.
            for (Index r = 0; r < rows; ++r) {
                bool any = false;
                for (Index x = r * S; x < (r + 1) * S; ++x) {
                    any = any || mk[x] != 0.0f;
                    if (mk[x] == 0.0f)
                        p[x] = 0.0f;
                }
                fully[size_t(i)] += any ? 0 : 1;
            }
        }
        if (!dropout)
            contextRows(m, a.weights, a.context, b, n, t0, t1);
    });
    for (Index f : fully)
        a.fullyMasked += f;
    return a;
}

// With dropout the context reads the dropped-out weights: a second pass, same blocking.
void contextAfterDropout(const Mha& m, const Tensor& dropped, Tensor& C) {
    const Blocks blocks(m.T, m.S);
    const Index items = m.B * m.N * blocks.perHead;
    RunControl* control = currentRunControl();
    forEachBlock(items, 2.0 * double(m.S) * double(m.Hv) * double(m.T) / double(blocks.perHead), [&](Index i) {
        if (cancelRequested(control))
            throw RunCancelled();
        const Index bn = i / blocks.perHead;
        const auto [t0, t1] = blocks.rows(i % blocks.perHead);
        contextRows(m, dropped, C, bn / m.N, bn % m.N, t0, t1);
    });
}

void addScoresStep(Mha& m, Tensor L) {
    const bool grouped = m.gqa && m.G > 1;
    addStep(
        m.trace,
        Step{
            .key = "scores",
            .title = "Dot-product scores",
            .explanation = "For every head, each scaled query is compared with every key by a dot product. A "
                           "large score means 'this source position matches what this query looks for'. These "
                           "are raw logits, before any mask." +
                           std::string(grouped ? " Query heads of the same group compare against the same "
                                                 "(repeated) key head."
                                               : ""),
            .op = OpKind::Einsum,
            .inputs = {"scaled_query", m.gqa ? "key_repeated" : "key_dense"},
            .formula = m.gqa ? "S[b,n,t,s] = Σₕ Q̃[b,t,n,h] · Kʳ[b,s,n,h]" : "S[b,n,t,s] = Σₖ Q̃[b,t,n,k] · K[b,s,n,k]",
            .einsum = m.gqa ? "bquh,bkuh->buqk" : "aecd,abcd->acbe",
            .kerasCode = keras_source::headsLines(m.gqa).scores,
            .axes = {batchAxis(), headAxis(), queryAxis(), sourceAxis()},
            .value = std::move(L),
            .flops = 2.0 * double(m.B * m.N * m.T) * double(m.S * m.H),
            .label = "Scores",
        });
}

// --- 4b. The mask's steps: each source (when there are several), then their AND --
// The padding part: query, value and key masks broadcast to (B, T, S).
void addPaddingPart(Mha& m, const MaskPlan& p, const std::string& padList) {
    const Spec& spec = m.spec;
    const Index B = m.B, T = m.T, S = m.S;
    Tensor part({B, T, S}); // (B, T, S)
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < T; ++t)
            for (Index s = 0; s < S; ++s)
                part.data()[(b * T + t) * S + s] = p.padAllowed(b, t, s) ? 1.0f : 0.0f;
    std::string code;
    if (spec.queryMask)
        code += keras_source::kQueryMaskExpand;
    if (spec.valueMask)
        code += std::string(code.empty() ? "" : "\n") + keras_source::kValueMaskExpand;
    if (spec.keyMask)
        code += std::string(code.empty() ? "" : "\n") + keras_source::kKeyMaskExpand;
    addStep(m.trace, Step{.key = "padding_mask",
                          .title = "Mask part: padding",
                          .explanation = "The padding masks (" + padList +
                                         "), broadcast to one boolean per (query, source) pair: 0 where a query row "
                                         "or a source column is padding.",
                          .op = OpKind::Input,
                          .kerasCode = code,
                          .axes = {batchAxis(), queryAxis(), sourceAxis()},
                          .value = std::move(part),
                          .booleanMask = true});
}

// A (T, S) band that is the same for every batch row and head: causal or sliding window.
template <class Allowed>
void addBandPart(Mha& m, const std::string& key, const std::string& title, const std::string& explanation,
                 const std::string& code, Allowed allowed) {
    const Index T = m.T, S = m.S;
    Tensor part({T, S}); // (T, S)
    for (Index t = 0; t < T; ++t)
        for (Index s = 0; s < S; ++s)
            part.data()[t * S + s] = allowed(t, s) ? 1.0f : 0.0f;
    addStep(m.trace, Step{.key = key,
                          .title = title,
                          .explanation = explanation,
                          .op = OpKind::Input,
                          .kerasCode = code,
                          .axes = {queryAxis(), sourceAxis()},
                          .value = std::move(part),
                          .booleanMask = true});
}

void addAttentionMaskPart(Mha& m, const Tensor& am) {
    std::vector<Axis> axes = am.rank() == 2   ? std::vector<Axis>{queryAxis(), sourceAxis()}
                             : am.rank() == 3 ? std::vector<Axis>{batchAxis(), queryAxis(), sourceAxis()}
                                              : std::vector<Axis>{batchAxis(), headAxis(), queryAxis(), sourceAxis()};
    addStep(m.trace, Step{.key = "attention_mask",
                          .title = "Mask part: attention_mask",
                          .explanation = "The attention_mask you gave, cast to bool (nonzero is True)" +
                                         std::string(am.rank() == 4   ? ", one mask per head."
                                                     : am.rank() == 2 ? ", the same for every batch row and head."
                                                                      : ", the same for every head."),
                          .op = OpKind::Input,
                          .kerasCode = keras_source::headsLines(m.gqa).attentionMaskCast,
                          .axes = std::move(axes),
                          .value = castMask(am),
                          .booleanMask = true});
}

// Each source as a step of its own (when there are several); returns their keys.
std::vector<std::string> addMaskParts(Mha& m, const MaskPlan& p, const std::string& padList) {
    std::vector<std::string> parts;
    if (p.sourceCount <= 1)
        return parts;
    if (p.padding) {
        addPaddingPart(m, p, padList);
        parts.push_back("padding_mask");
    }
    if (p.causal) {
        addBandPart(m, "causal_mask", "Mask part: causal",
                    "use_causal_mask=True: query t may see source positions s ≤ t only (counted from the top-left "
                    "corner, also when query and source lengths differ).",
                    keras_source::kCausalMask, [](Index t, Index s) { return causalAllowed(t, s); });
        parts.push_back("causal_mask");
    }
    if (p.sliding) {
        const Index w = p.window;
        addBandPart(m, "sliding_window_mask", "Mask part: sliding window",
                    "sliding_window=" + fmtInt(w) + " keeps the band |t − s| < " + fmtInt(w) +
                        ": each query sees at most " + fmtInt(w - 1) + " positions on either side of its own." +
                        (p.causal ? " AND-ed with the causal mask it is the causal band Mistral uses: each position "
                                    "sees itself and the " +
                                        fmtInt(w - 1) + " before it."
                                  : ""),
                    keras_source::kSlidingWindowMask, [&p](Index t, Index s) { return p.slideAllowed(t, s); });
        parts.push_back("sliding_window_mask");
    }
    if (p.am) {
        addAttentionMaskPart(m, *p.am);
        parts.push_back("attention_mask");
    }
    return parts;
}

void addMaskSteps(Mha& m, const MaskPlan& p, Tensor M) {
    const Spec& spec = m.spec;
    std::string padList;
    for (const auto& [mask, name] :
         {std::pair{&spec.queryMask, m.gqa ? "query_mask" : "query_mask (the query's Keras mask)"},
          std::pair{&spec.valueMask, "value_mask"}, std::pair{&spec.keyMask, "key_mask"}})
        if (mask->has_value())
            padList += (padList.empty() ? "" : " & ") + std::string(name);
    std::vector<std::string> from;
    if (p.padding)
        from.push_back(padList);
    if (p.causal)
        from.push_back("use_causal_mask");
    if (p.sliding)
        from.push_back("sliding_window=" + fmtInt(p.window));
    if (p.am)
        from.push_back("attention_mask");
    const std::vector<std::string> parts = addMaskParts(m, p, padList);
    std::string fromText;
    for (size_t i = 0; i < from.size(); ++i)
        fromText += (i ? ", " : "") + from[i];
    std::string explanation =
        "Keras combines every mask source with AND into one boolean per (query, source) pair" +
        std::string(p.MN > 1 ? ", one per head (the attention_mask has a head axis)" : ", shared by all heads") +
        "; 1 means 'may attend'. Sources here: " + fromText + ".";
    if (p.sourceCount > 1)
        explanation += " Each source is also a step of its own, so you can see which one removed a cell.";
    if (spec.queryMask)
        explanation += " A query-mask row that is all 0 becomes a fully masked row.";
    if (p.softmaxCast)
        explanation += " The attention_mask is the only source, so GroupQueryAttention hands it to Softmax "
                       "as it is, and Softmax keeps the values > 0.5.";
    const bool causalOnly = p.causal && p.sourceCount == 1;
    const Index B = m.B, T = m.T, S = m.S;
    addStep(m.trace, Step{.key = "mask",
                          .title = "The attention mask",
                          .explanation = explanation,
                          .op = OpKind::Input,
                          .inputs = parts,
                          .kerasCode = causalOnly ? keras_source::kCausalOnlyMask : keras_source::kComputeAttentionMask,
                          .axes = p.MN > 1 ? std::vector<Axis>{batchAxis(), headAxis(), queryAxis(), sourceAxis()}
                                           : std::vector<Axis>{batchAxis(), queryAxis(), sourceAxis()},
                          .value = p.MN > 1 ? std::move(M) : Tensor({B, T, S}, std::move(M.values())),
                          .booleanMask = true});
}

// --- 5. Masked softmax (Keras' Softmax layer with a mask), dropout -------------------
// Returns the key of the probabilities the context reads (weights, or dropout).
std::string addSoftmaxSteps(Mha& m, const MaskPlan& plan, Attended& a) {
    const bool masked = plan.masked();
    const Index B = m.B, N = m.N, T = m.T, S = m.S;
    const std::vector<Axis> scoreAxes{batchAxis(), headAxis(), queryAxis(), sourceAxis()};
    if (masked)
        addStep(m.trace,
                Step{
                    .key = "masked_scores",
                    .title = "Apply the mask",
                    .explanation = "Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their "
                                   "weight is 0. Keras replaces the value (it does not subtract), inside its Softmax "
                                   "layer.",
                    .op = OpKind::Mask,
                    .inputs = {"scores", "mask"},
                    .formula = plan.MN > 1 ? "S′[b,n,t,s] = S[b,n,t,s] if M[b,n,t,s] else −10⁹"
                                           : "S′[b,n,t,s] = S[b,n,t,s] if M[b,t,s] else −10⁹",
                    .kerasCode = keras_source::kSoftmaxMaskedLogits,
                    .axes = scoreAxes,
                    .value = std::move(a.maskedScores),
                    .flops = double(B * N * T * S),
                    .label = "Mask scores",
                });
    std::string wExplain =
        "Softmax along the source axis turns each row of scores into weights that are ≥ 0 and sum to 1: how "
        "much each source position contributes to this query, per head. This is what Keras returns with "
        "return_attention_scores=True.";
    if (masked)
        wExplain += " Masked positions are set to exactly 0 afterwards, so a fully masked row is all 0 "
                    "(Keras ≥ 3.14; the fused path without scores would give a uniform row instead).";
    if (a.fullyMasked > 0)
        wExplain += " Here " + fmtInt(a.fullyMasked) + " (head, query) rows are fully masked.";
    addStep(m.trace,
            Step{
                .key = "weights",
                .title = "Softmax: attention weights",
                .explanation = wExplain,
                .op = OpKind::Softmax,
                .inputs = {masked ? "masked_scores" : "scores"},
                .formula = masked ? "P[t,s] = exp(S′[t,s] − maxₛ S′) / Σₛ exp(S′[t,s] − maxₛ S′);  P = 0 where M = 0"
                                  : "P[t,s] = exp(S[t,s] − maxₛ S) / Σₛ exp(S[t,s] − maxₛ S)",
                .kerasCode = keras_source::headsLines(m.gqa).maskedSoftmax,
                .axes = scoreAxes,
                .value = std::move(a.weights),
                .flops = 5.0 * double(B * N * T * S),
                .label = "Softmax weights",
            });
    return addDropoutStep(m.trace, m.spec,
                          "Keras returns the weights from before dropout (with return_attention_scores=True).",
                          keras_source::headsLines(m.gqa).dropout);
}

// --- 6. Context: weights · values per head, written strided into (B, T, N, Hv)
//        so concat is a reshape ---------------------------------------------------------
void addContextStep(Mha& m, const std::string& probsKey, Tensor C) {
    const bool grouped = m.gqa && m.G > 1;
    addStep(
        m.trace,
        Step{
            .key = "context",
            .title = "Weighted sum of values",
            .explanation = "Each head mixes the projected values with its weights: a query's context is the "
                           "weighted average of the value rows it attends to. One result per head." +
                           std::string(grouped ? " Query heads of one group mix the same (repeated) "
                                                 "value head, each with its own weights."
                                               : ""),
            .op = OpKind::Einsum,
            .inputs = {probsKey, m.gqa ? "value_repeated" : "value_dense"},
            .formula = m.gqa ? "C[b,t,n,:] = Σₛ P[b,n,t,s] · Vʳ[b,s,n,:]" : "C[b,t,n,:] = Σₛ P[b,n,t,s] · V[b,s,n,:]",
            .einsum = m.gqa ? "buqk,bkuh->bquh" : "acbe,aecd->abcd",
            .kerasCode = keras_source::headsLines(m.gqa).context,
            .axes = {batchAxis(), queryAxis(), headAxis(), featureAxis(m.vdimName)},
            .value = std::move(C),
            .flops = 2.0 * double(m.B * m.N * m.T) * double(m.S * m.Hv),
            .label = "Weighted sum of values",
        });
}

// The fused attention of section 4, then its steps in Keras' order. Returns
// the number of fully masked (head, query) rows.
Index attendSteps(Mha& m) {
    const MaskPlan plan = planMask(m);
    Tensor M = buildMask(m, plan);                                     // (B, MN, T, S) or empty
    const bool dropout = m.spec.call.training && m.cfg.dropout > 0.0f; // addDropoutStep's condition
    Attended a = attend(m, plan, M, dropout);
    addScoresStep(m, std::move(a.scores));
    if (plan.masked())
        addMaskSteps(m, plan, std::move(M));
    const std::string probsKey = addSoftmaxSteps(m, plan, a);
    if (dropout)
        contextAfterDropout(m, m.value(probsKey), a.context);
    addContextStep(m, probsKey, std::move(a.context));
    return a.fullyMasked;
}

// --- 7. use_gate: gate = sigmoid(query · W_g + b_g), gated = context ⊙ gate -------------
// Returns the key the output projection reads (context, or gated_context).
std::string gate(Mha& m) {
    if (!m.cfg.useGate)
        return "context";
    const Index B = m.B, T = m.T, N = m.N, Hv = m.Hv;
    const std::vector<Axis> axes{batchAxis(), queryAxis(), headAxis(), featureAxis(m.vdimName)};
    Tensor Gt =
        denseProject(m.value("query"), m.param("gate_dense/kernel"), m.biasParam("gate_dense/bias")); // (B, T, N, Hv)
    for (float& x : Gt.values())
        x = 1.0f / (1.0f + std::exp(-x));
    const std::string eq = m.gqa ? "bqm,muh->bquh" : "abc,cde->abde";
    addStep(m.trace,
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
                .params = denseParams("gate_dense", m.bias),
                .formula = m.bias ? "G[b,t,n,:] = σ(query[b,t,:] · W_g[:,n,:] + b_g[n,:])"
                                  : "G[b,t,n,:] = σ(query[b,t,:] · W_g[:,n,:])",
                .einsum = eq,
                .kerasCode = keras_source::headsLines(m.gqa).gate,
                .axes = axes,
                .value = std::move(Gt),
                .flops = denseFlops(B * T, m.E, N * Hv, m.bias) + 4.0 * double(B * T * N * Hv),
            });
    Tensor Gc = m.value("context"); // (B, T, N, Hv)
    const Tensor& g = m.value("gate");
    Eigen::Map<Eigen::ArrayXf>(Gc.data(), Gc.size()) *= Eigen::Map<const Eigen::ArrayXf>(g.data(), g.size());
    addStep(m.trace, Step{
                         .key = "gated_context",
                         .title = "Gate the context",
                         .explanation = "Each head's context is multiplied element by element by its gate: where "
                                        "the gate is near 0 that channel is silenced, near 1 it passes unchanged. "
                                        "The output projection reads this instead of the context.",
                         .op = OpKind::Multiply,
                         .inputs = {"context", "gate"},
                         .formula = "C_g[b,t,n,:] = C[b,t,n,:] ⊙ G[b,t,n,:]",
                         .kerasCode = keras_source::headsLines(m.gqa).gatedContext,
                         .axes = axes,
                         .value = std::move(Gc),
                         .flops = double(B * T * N * Hv),
                     });
    return "gated_context";
}

// --- 8. Concat(head_1..head_N): the paper's view; Keras folds it into
//        output_dense's einsum. Same numbers, a reshape. ------------------------------
std::string outputEquation(const Mha& m) {
    return m.gqa ? "bquh,uhm->bqm" : "abcd,cde->abe";
}

void concatHeads(Mha& m, const std::string& readKey) {
    const std::string& vdim = m.vdimName;
    addStep(m.trace, Step{
                         .key = "concat_heads",
                         .title = "Concatenate the heads",
                         .explanation = "The paper writes Concat(head₁, …, head_N): the heads side by side, N·" + vdim +
                                        " numbers per query. Keras never builds this tensor; its output EinsumDense "
                                        "contracts the head and " +
                                        vdim + " axes at once, which is the same computation.",
                         .op = OpKind::Concat,
                         .inputs = {readKey},
                         .formula = "Concat[b,t,:] = [C[b,t,1,:], …, C[b,t,N,:]]",
                         .kerasCode = keras_source::concatHeadsLine(keras_source::headsLines(m.gqa)),
                         .axes = {batchAxis(), queryAxis(), featureAxis("head·" + vdim)},
                         .value = m.value(readKey).reshaped({m.B, m.T, m.N * m.Hv}),
                         .flops = 0,
                         .label = "Concatenate heads",
                     });
}

// --- 9. Output projection: Y = Σₙ Σᵥ C[b,t,n,v] · W_o[n,v,:] + b_o ------------------------
void outputDense(Mha& m, const std::string& readKey, Index fullyMasked) {
    const Index B = m.B, T = m.T, Eout = m.Eout, NHv = m.N * m.Hv;
    Tensor Y = Tensor::uninitialized({B, T, Eout}); // (B, T, Eout), written by the GEMM
    gemmRows(m.value(readKey).data(), B * T, NHv, m.param("output_dense/kernel").data(), Eout, Y.data());
    if (m.bias)
        MatrixMap(Y.data(), B * T, Eout).rowwise() +=
            Eigen::Map<const RowVectorF>(m.param("output_dense/bias").data(), Eout);
    std::string explain = "The output EinsumDense mixes all heads back into one vector per query, of the output "
                          "width (" +
                          fmtInt(Eout) + ").";
    if (fullyMasked > 0)
        explain += m.bias ? " A fully masked query row has zero context, so its output is just the bias b_o."
                          : " A fully masked query row has zero context, so its output is 0.";
    const std::string C_ = m.cfg.useGate ? "C_g" : "C";
    const std::string eq = outputEquation(m);
    addStep(m.trace, Step{
                         .key = "output",
                         .title = "Output projection",
                         .explanation = explain,
                         .op = OpKind::Dense,
                         .inputs = {readKey},
                         .params = denseParams("output_dense", m.bias),
                         .formula = m.bias ? "Y[b,t,:] = Σₙ Σᵥ " + C_ + "[b,t,n,v] · W_o[n,v,:] + b_o"
                                           : "Y[b,t,:] = Σₙ Σᵥ " + C_ + "[b,t,n,v] · W_o[n,v,:]",
                         .einsum = eq,
                         .kerasCode = keras_source::outputLine(keras_source::headsLines(m.gqa), m.cfg.useGate),
                         .axes = queryRows(),
                         .value = std::move(Y),
                         .flops = denseFlops(B * T, NHv, Eout, m.bias),
                         .label = "Output",
                     });
}

// --- 10. Transformer sub-layer: Add & LayerNormalization -----------------------------
void sublayer(Mha& m) {
    if (!m.cfg.transformerSublayer)
        return;
    const Index B = m.B, T = m.T, E = m.E;
    Tensor R = m.value("query"); // (B, T, E); Eout == E is validated
    const Tensor& Y = m.value("output");
    Eigen::Map<Eigen::ArrayXf>(R.data(), R.size()) += Eigen::Map<const Eigen::ArrayXf>(Y.data(), Y.size());
    addStep(m.trace, Step{
                         .key = "residual",
                         .title = "Residual connection (Add)",
                         .explanation = "The Transformer adds the layer's input back to its output, so the attention "
                                        "layer only has to learn a correction and gradients flow straight through.",
                         .op = OpKind::Add,
                         .inputs = {"query", "output"},
                         .formula = "R = query + Y",
                         .kerasCode = keras_source::kResidualAdd,
                         .axes = queryRows(),
                         .value = R,
                         .flops = double(R.size()),
                         .label = "Residual (Add)",
                     });
    const Tensor& gamma = m.param("layer_norm/gamma");
    const Tensor& beta = m.param("layer_norm/beta");
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
    addStep(m.trace, Step{
                         .key = "layer_norm",
                         .title = "Layer normalization",
                         .explanation = "Each position's vector is shifted to mean 0 and scaled to variance 1 over its "
                                        "features (ε = 0.001), then scaled by γ and shifted by β. It keeps the numbers "
                                        "in a stable range from layer to layer.",
                         .op = OpKind::LayerNorm,
                         .inputs = {"residual"},
                         .params = {{"layer_norm/gamma", ParamRole::Gamma}, {"layer_norm/beta", ParamRole::Beta}},
                         .formula = "LN(R)[b,t,:] = (R − μ) / √(σ² + 0.001) · γ + β",
                         .kerasCode = keras_source::kLayerNorm,
                         .axes = queryRows(),
                         .value = Z,
                         .flops = 8.0 * double(Z.size()),
                         .epsilon = kLayerNormEpsilon,
                         .label = "Layer normalization",
                     });
}

} // namespace

Trace multiHeadAttention(const Spec& spec, ResolvedInputs in, Weights w) {
    Trace trace = newTrace(spec, std::move(w));
    addInputs(trace, std::move(in),
              {.query = "The sequence that asks: one row of features per query position. Each query position will "
                        "produce one output row.",
               .key = "The sequence that is searched: its projected rows are compared with every query.",
               .value = "The sequence whose (projected) rows are mixed into the output.",
               .valueAsKey = "The sequence that is attended to. No key was given, so Keras uses the value as the "
                             "key too (key := value)."}); // query, key, value
    Mha m = shapeOf(spec, trace);
    project(m); // query_dense, key_dense, value_dense
    if (m.gqa)
        repeatHeads(m); // key_repeated, value_repeated
    scaleQuery(m);      // scaled_query
    // scores, (mask parts, mask, masked_scores), weights, (dropout), context
    const Index fullyMasked = attendSteps(m);
    const std::string readKey = gate(m);  // (gate, gated_context)
    concatHeads(m, readKey);              // concat_heads
    outputDense(m, readKey, fullyMasked); // output
    sublayer(m);                          // residual, layer_norm
    return trace;
}

} // namespace attnviz::core::detail
