// The training model's forward and backward passes, float32, on buffers
// allocated once in the constructor (a step allocates nothing). Mirrors the
// Keras Functional model of trace-format.md ("Training"): Embedding + Embedding,
// blocks of MultiHeadAttention / GroupQueryAttention (multi_head_attention.py,
// `_compute_attention`), Attention / AdditiveAttention (attention.py,
// additive_attention.py: `_calculate_scores`, `_apply_scores`), Add,
// LayerNormalization(epsilon=1e-3), Dense(vocab), and
// SparseCategoricalCrossentropy(from_logits=True) with the loss mask as
// sample_weight (reduction "mean_with_sample_weight"). Keras 3.16.
// Each backward pass walks its forward pass in reverse; gradients are d<tensor>.
#include "core/train/model.h"

#include "core/base/gemm.h"

#include "core/base/eigen_types.h"
#include "core/base/softmax.h"
#include "core/layers/backward.h"
#include "core/layers/forward_kernels.h"
#include "core/layers/layer_norm.h"
#include "core/layers/run.h"

#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace attnviz::core {

namespace {

// Y (m × n) = X (m × k) · W (k × n) + b.
void dense(const float* X, Index m, Index k, const float* W, Index n, const float* b, float* Y) {
    MatrixMap y(Y, m, n);
    if (b)
        y.rowwise() = Eigen::Map<const RowVectorF>(b, n);
    else
        y.setZero();
    gemm(false, false, m, n, k, X, k, W, n, Y, n, true);
}

// Backward of dense: dW = Xᵀ·dY, db = Σ_rows dY, dX (+)= dY·Wᵀ (dX may be null).
void logitsBackward(const float* X, Index m, Index k, const float* W, Index n, const float* dY, float* dW, float* db,
                    float* dX) {
    gemm(true, false, k, n, m, X, k, dY, n, dW, n, false);
    Eigen::Map<RowVectorF>(db, n).noalias() = ConstMatrixMap(dY, m, n).colwise().sum();
    gemm(false, true, m, k, n, dY, n, W, n, dX, k, false);
}

constexpr float kLayerNormEps = float(kLayerNormEpsilon);

} // namespace

size_t alignedFloats(Index n) {
    return (size_t(n) + 15) / 16 * 16; // 64 bytes
}

namespace {} // namespace

struct TrainModel::Block {
    BlockSpec spec;
    LayerKind kind = LayerKind::MultiHeadAttention;
    bool heads = true, bias = true, gate = false;
    bool useScale = false, concat = false, additive = false;
    Index N = 1, Nkv = 1, G = 1, H = 0, Hv = 0;
    float inv = 1;
    int wq = -1, bq = -1, wk = -1, bk = -1, wv = -1, bv = -1, wo = -1, bo = -1, wg = -1, bg = -1;
    int scale = -1, concatW = -1, gamma = -1, beta = -1;
    std::vector<std::uint8_t> mask; // [L, L] 1 = may attend; empty: no mask
    // forward activations
    AlignedBuffer q, k, v;   // (B·L, N·H) scaled query, (B·L, Nkv·H), (B·L, Nkv·Hv)
    AlignedBuffer p;         // (B, N, L, L) weights
    AlignedBuffer c, gt, cg; // (B·L, N·Hv) context, gate, gated context
    AlignedBuffer y;         // (B·L, E) layer output
    AlignedBuffer r;         // (B·L, E) residual sum
    AlignedBuffer xhat;      // (B·L, E) normalised
    AlignedBuffer rstd;      // (B·L) 1/√(σ² + ε)
    AlignedBuffer out;       // (B·L, E) block output
    AlignedBuffer dot;       // Attention with use_scale: (B, L, L) unscaled dot products
    // backward scratch
    AlignedBuffer dq, dqs, dk, dv, dkr, dvr, dc, dcg, dg, dz, dpre; // (B·L, …) gradients of the layer's tensors
    AlignedBuffer dp, ds;                                           // (B, N, L, L) dP and dS
    AlignedBuffer scoreMask; // Attention / AdditiveAttention with a mask: (B, L, L) 1 = may attend
    AlignedBuffer dout;      // (B·L, E) dL/d(block output), kept for the probe trace
};

TrainModel::~TrainModel() = default;

TrainModel::TrainModel(const ModelSpec& model, Index batch, std::vector<const float*> weights)
    : m_B(batch), m_L(model.length), m_E(model.embedDim), m_V(model.vocab), m_w(std::move(weights)) {
    const auto shapes = modelWeightShapes(model);
    std::map<std::string, int> index;
    size_t total = 0;
    for (size_t i = 0; i < shapes.size(); ++i) {
        index[shapes[i].first] = int(i);
        m_gradOffset.push_back(total);
        m_gradSize.push_back(shapeSize(shapes[i].second));
        total += alignedFloats(m_gradSize.back());
    }
    m_grads.assign(total, 0.0f);
    auto at = [&](const std::string& key) {
        const auto it = index.find(key);
        return it == index.end() ? -1 : it->second;
    };
    m_tok = at("token_embedding/embeddings");
    m_pos = at("position_embedding/embeddings");
    m_logitK = at("logits/kernel");
    m_logitB = at("logits/bias");
    const Index B = m_B, L = m_L, E = m_E, BL = B * L;
    for (size_t bi = 0; bi < model.blocks.size(); ++bi) {
        const BlockSpec& bs = model.blocks[bi];
        auto blk = std::make_unique<Block>();
        Block& k = *blk;
        const std::string pre = "block" + std::to_string(bi) + "/";
        k.spec = bs;
        k.kind = bs.config.layer;
        k.heads = hasHeads(k.kind);
        k.bias = bs.config.useBias;
        k.gate = k.heads && bs.config.useGate;
        k.additive = k.kind == LayerKind::AdditiveAttention;
        k.concat = k.kind == LayerKind::Attention && bs.config.scoreMode == ScoreMode::Concat;
        k.useScale = !k.heads && bs.config.effectiveUseScale();
        if (k.heads) {
            k.N = bs.config.numHeads;
            k.Nkv = bs.config.kvHeads();
            k.G = k.N / k.Nkv;
            k.H = bs.config.keyDim;
            k.Hv = bs.config.effectiveValueDim();
            k.inv = static_cast<float>(1.0 / std::sqrt(static_cast<double>(k.H)));
            k.wq = at(pre + "query_dense/kernel"), k.bq = at(pre + "query_dense/bias");
            k.wk = at(pre + "key_dense/kernel"), k.bk = at(pre + "key_dense/bias");
            k.wv = at(pre + "value_dense/kernel"), k.bv = at(pre + "value_dense/bias");
            k.wo = at(pre + "output_dense/kernel"), k.bo = at(pre + "output_dense/bias");
            k.wg = at(pre + "gate_dense/kernel"), k.bg = at(pre + "gate_dense/bias");
            k.q.resize(size_t(BL * k.N * k.H));
            k.k.resize(size_t(BL * k.Nkv * k.H));
            k.v.resize(size_t(BL * k.Nkv * k.Hv));
            k.c.resize(size_t(BL * k.N * k.Hv));
            if (k.gate) {
                k.gt.resize(k.c.size());
                k.cg.resize(k.c.size());
            }
            k.dq.resize(k.q.size());
            k.dqs.resize(k.q.size());
            k.dk.resize(k.k.size());
            k.dv.resize(k.v.size());
            if (k.G > 1) {
                k.dkr.resize(size_t(BL * k.N * k.H));
                k.dvr.resize(size_t(BL * k.N * k.Hv));
            }
            k.dc.resize(k.c.size());
            if (k.gate) {
                k.dcg.resize(k.c.size());
                k.dg.resize(k.c.size());
                k.dz.resize(k.c.size());
            }
        } else {
            k.scale = at(pre + "scale");
            k.concatW = at(pre + "concat_score_weight");
            if (k.kind == LayerKind::Attention && !k.concat && k.useScale)
                k.dot.resize(size_t(B * L * L));
        }
        k.gamma = at(pre + "layer_norm/gamma");
        k.beta = at(pre + "layer_norm/beta");
        // The mask every query row shares: causal (t ≥ s) and, for the head
        // layers, the sliding window |t − s| < w.
        const bool causal = bs.useCausalMask;
        const std::optional<int> window = k.heads ? bs.config.slidingWindow : std::nullopt;
        if (causal || window) {
            k.mask.assign(size_t(L * L), 1);
            for (Index t = 0; t < L; ++t)
                for (Index s = 0; s < L; ++s)
                    if ((causal && s > t) || (window && std::abs(t - s) >= *window))
                        k.mask[size_t(t * L + s)] = 0;
        }
        k.p.resize(size_t(B * k.N * L * L));
        k.y.resize(size_t(BL * E));
        if (bs.residual)
            k.r.resize(size_t(BL * E));
        if (bs.layerNorm) {
            k.xhat.resize(size_t(BL * E));
            k.rstd.resize(size_t(BL));
        }
        k.out.resize(size_t(BL * E));
        k.dpre.resize(size_t(BL * E));
        k.dout.resize(size_t(BL * E));
        k.dp.resize(k.p.size());
        k.ds.resize(k.p.size());
        if (!k.heads) {
            k.dc.resize(size_t(BL * E));
            if (!k.mask.empty()) {
                k.scoreMask.resize(size_t(B * L * L));
                for (Index i = 0; i < B * L * L; ++i)
                    k.scoreMask[size_t(i)] = k.mask[size_t(i % (L * L))] ? 1.0f : 0.0f;
            }
        }
        m_blocks.push_back(std::move(blk));
    }
    m_x0.resize(size_t(BL * E));
    m_logits.resize(size_t(BL * m_V));
    m_dlogits.resize(size_t(BL * m_V));
    m_dx.resize(size_t(BL * E));
    m_dx2.resize(size_t(BL * E));
    m_dx0.resize(size_t(BL * E));
}

const float* TrainModel::blockInput(int block) const {
    return block == 0 ? m_x0.data() : m_blocks.at(size_t(block - 1))->out.data();
}
const float* TrainModel::layerOutput(int block) const {
    return m_blocks.at(size_t(block))->y.data();
}
const float* TrainModel::residualSum(int block) const {
    const Block& k = *m_blocks.at(size_t(block));
    return k.spec.residual ? k.r.data() : nullptr;
}
const float* TrainModel::blockOutput(int block) const {
    return m_blocks.at(size_t(block))->out.data();
}
const float* TrainModel::blockOutputGrad(int block) const {
    return m_blocks.at(size_t(block))->dout.data();
}
const float* TrainModel::layerOutputGrad(int block) const {
    return m_blocks.at(size_t(block))->dpre.data();
}

const float* TrainModel::attention(int block) const {
    return m_blocks.at(size_t(block))->p.data();
}

Index TrainModel::heads(int block) const {
    return m_blocks.at(size_t(block))->N;
}

MhaDims TrainModel::mhaDims(const Block& k) const {
    MhaDims d;
    d.B = m_B, d.T = m_L, d.S = m_L, d.Eq = m_E, d.Ek = m_E, d.Ev = m_E;
    d.N = k.N, d.Nkv = k.Nkv, d.H = k.H, d.Hv = k.Hv, d.Eout = m_E;
    d.bias = k.bias, d.gate = k.gate, d.queryScale = k.inv;
    return d;
}

AttentionDims TrainModel::attentionDims(const Block& k) const {
    AttentionDims d;
    d.B = m_B, d.T = m_L, d.S = m_L, d.d = m_E, d.dv = m_E;
    d.score = k.additive ? ScoreKind::Additive : k.concat ? ScoreKind::Concat : ScoreKind::Dot;
    d.useScale = k.useScale;
    return d;
}

// --- one block, forward: x (B·L, E) → out (B·L, E) ------------------------
void TrainModel::blockForward(Block& k, const float* x, float* out) {
    const Index B = m_B, L = m_L, E = m_E, BL = B * L;
    auto W = [&](int i) { return i < 0 ? nullptr : m_w[size_t(i)]; };
    const std::uint8_t* mask = k.mask.empty() ? nullptr : k.mask.data();
    // The layer: its own forward kernel (core/layers/forward_kernels.h), query = value = x.
    if (k.heads) {
        const MhaDims d = mhaDims(k);
        const MhaParams p{W(k.wq), W(k.wk), W(k.wv), W(k.wo), W(k.wg)};
        const MhaBiases bias{W(k.bq), W(k.bk), W(k.bv), W(k.bo), W(k.bg)};
        MhaOutputs o;
        o.scaledQuery = k.q.data(), o.keyDense = k.k.data(), o.valueDense = k.v.data();
        o.weights = k.p.data(), o.context = k.c.data(), o.output = k.y.data();
        if (k.gate)
            o.gate = k.gt.data(), o.gatedContext = k.cg.data();
        mhaForward(d, p, bias, x, x, x, mask, o);
    } else {
        AttentionOutputs o;
        o.weights = k.p.data(), o.dotScores = k.dot.empty() ? nullptr : k.dot.data(), o.output = k.y.data();
        attentionForward(attentionDims(k), x, x, x, k.useScale ? W(k.scale) : nullptr,
                         k.concat ? W(k.concatW) : nullptr, mask, o);
    }
    // Add([x, a]) and LayerNormalization(epsilon=1e-3)
    const float* a = k.y.data();
    if (k.spec.residual) {
        for (Index i = 0; i < BL * E; ++i)
            k.r[size_t(i)] = x[i] + k.y[size_t(i)];
        a = k.r.data();
    }
    if (k.spec.layerNorm) {
        const float* g = m_w[size_t(k.gamma)];
        const float* be = m_w[size_t(k.beta)];
        for (Index r = 0; r < BL; ++r) {
            // Eigen's vectorised sums (a fixed order: the same numbers every run)
            const Eigen::Map<const Eigen::ArrayXf> xr(a + r * E, E);
            const float mean = xr.sum() / float(E);
            Eigen::Map<Eigen::ArrayXf> xh(k.xhat.data() + r * E, E);
            xh = xr - mean;
            const float var = xh.square().sum() / float(E);
            const float rs = 1.0f / std::sqrt(var + kLayerNormEps);
            k.rstd[size_t(r)] = rs;
            xh *= rs;
            Eigen::Map<Eigen::ArrayXf>(out + r * E, E) =
                xh * Eigen::Map<const Eigen::ArrayXf>(g, E) + Eigen::Map<const Eigen::ArrayXf>(be, E);
        }
    } else {
        std::copy_n(a, BL * E, out);
    }
}

// --- one block, backward: dout (B·L, E) → dx (B·L, E) and the block's weight
// gradients, through the layers' own backward kernels (core/layers/backward.h):
// layerNormBackward, mhaBackward, attentionBackward. Their gradients
// accumulate, so this block's are zeroed first.
void TrainModel::blockBackward(Block& k, const float* x, float* dout, float* dx) {
    const Index B = m_B, L = m_L, E = m_E, BL = B * L;
    auto W = [&](int i) { return i < 0 ? nullptr : m_w[size_t(i)]; };
    auto D = [&](int i) { return i < 0 ? nullptr : m_grads.data() + m_gradOffset[size_t(i)]; };
    for (int i : {k.wq, k.bq, k.wk, k.bk, k.wv, k.bv, k.wo, k.bo, k.wg, k.bg, k.scale, k.concatW, k.gamma, k.beta})
        if (i >= 0)
            std::fill_n(D(i), m_gradSize[size_t(i)], 0.0f);
    std::copy_n(dout, BL * E, k.dout.data());
    // LayerNormalization(epsilon=1e-3) of the residual sum (or of the layer's output)
    float* dpre = k.dpre.data(); // (B·L, E) dL/d(the layer's output)
    if (k.spec.layerNorm) {
        // dR = (1/σ)·(g − mean(g) − x̂·mean(g ∘ x̂)), g = dZ ∘ γ; dγ = Σ dZ ∘ x̂, dβ = Σ dZ. The
        // same formula as core::layerNormBackward, in float with the forward's own x̂ and
        // 1/σ instead of recomputing them in double: a fifth of a small model's step less.
        const float* gm = W(k.gamma);
        float* dg = D(k.gamma);
        float* db = D(k.beta);
        using Arr = Eigen::Map<Eigen::ArrayXf>;
        using CArr = Eigen::Map<const Eigen::ArrayXf>;
        Arr dgA(dg, E), dbA(db, E);
        const CArr gmA(gm, E);
        for (Index r = 0; r < BL; ++r) {
            const CArr dz(dout + r * E, E), xh(k.xhat.data() + r * E, E);
            dgA += dz * xh;
            dbA += dz;
            Arr d(dpre + r * E, E);
            d = dz * gmA; // g
            const float mg = d.sum() / float(E), mgx = (d * xh).sum() / float(E);
            d = k.rstd[size_t(r)] * (d - mg - xh * mgx);
        }
    } else {
        std::copy_n(dout, BL * E, dpre);
    }
    // Add([x, a]): the gradient reaches x directly and through the layer
    if (k.spec.residual)
        std::copy_n(dpre, BL * E, dx);
    else
        std::fill_n(dx, BL * E, 0.0f);
    if (k.heads) {
        const MhaDims d = mhaDims(k);
        MhaParams p{W(k.wq), W(k.wk), W(k.wv), W(k.wo), W(k.wg)};
        MhaForward f;
        f.query = x, f.key = x, f.value = x; // self-attention: query = value = x, no key
        f.scaledQuery = k.q.data(), f.keyDense = k.k.data(), f.valueDense = k.v.data();
        f.weights = k.p.data(), f.context = k.c.data();
        if (k.gate)
            f.gate = k.gt.data(), f.gatedContext = k.cg.data();
        MhaWork w;
        w.gatedContext = k.gate ? k.dcg.data() : nullptr;
        w.gate = k.gate ? k.dg.data() : nullptr;
        w.gateLogits = k.gate ? k.dz.data() : nullptr;
        w.context = k.dc.data();
        w.weights = k.dp.data(), w.scores = k.ds.data();
        w.scaledQuery = k.dqs.data(), w.queryDense = k.dq.data();
        w.keyRepeated = k.G > 1 ? k.dkr.data() : nullptr;
        w.valueRepeated = k.G > 1 ? k.dvr.data() : nullptr;
        w.keyDense = k.dk.data(), w.valueDense = k.dv.data();
        MhaGrads g;
        g.query = dx, g.key = dx, g.value = dx; // the three contributions add up in dx
        g.queryKernel = D(k.wq), g.queryBias = D(k.bq), g.keyKernel = D(k.wk), g.keyBias = D(k.bk);
        g.valueKernel = D(k.wv), g.valueBias = D(k.bv), g.outputKernel = D(k.wo), g.outputBias = D(k.bo);
        g.gateKernel = D(k.wg), g.gateBias = D(k.bg);
        mhaBackward(d, p, f, dpre, w, g);
        return;
    }
    const AttentionDims d = attentionDims(k);
    AttentionForward f;
    f.query = x, f.key = x, f.value = x, f.weights = k.p.data();
    f.scoreMask = k.scoreMask.empty() ? nullptr : k.scoreMask.data();
    f.scale = k.useScale ? W(k.scale) : nullptr;
    f.concatScoreWeight = k.concat ? W(k.concatW) : nullptr;
    f.dotScores = k.dot.empty() ? nullptr : k.dot.data();
    AttentionWork w;
    w.context = k.dc.data(), w.weights = k.dp.data(), w.scores = k.ds.data();
    AttentionGrads g;
    g.query = dx, g.key = dx, g.value = dx;
    g.scale = k.useScale ? D(k.scale) : nullptr;
    g.concatScoreWeight = k.concat ? D(k.concatW) : nullptr;
    attentionBackward(d, f, dpre, w, g);
}

BatchFigures TrainModel::run(const std::int32_t* tokens, const std::int32_t* targets, const std::uint8_t* mask,
                             bool backward) {
    const Index B = m_B, L = m_L, E = m_E, V = m_V, BL = B * L;
    const float* tok = m_w[size_t(m_tok)]; // (V, E)
    const float* pos = m_w[size_t(m_pos)]; // (L, E)
    // x = token_embedding(tokens) + position_embedding(positions): (B·L, E)
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < L; ++t) {
            const float* te = tok + Index(tokens[b * L + t]) * E;
            float* x = m_x0.data() + (b * L + t) * E;
            for (Index e = 0; e < E; ++e)
                x[e] = te[e] + pos[t * E + e];
        }
    const float* x = m_x0.data();
    for (auto& blk : m_blocks) {
        blockForward(*blk, x, blk->out.data());
        x = blk->out.data();
    }
    // logits = Dense(vocab): (B·L, V)
    dense(x, BL, E, m_w[size_t(m_logitK)], V, m_w[size_t(m_logitB)], m_logits.data());
    // Cross-entropy from logits, weighted by the mask, over Σ mask.
    double lossSum = 0;
    Index counted = 0, correct = 0;
    for (Index i = 0; i < BL; ++i)
        counted += (!mask || mask[i]) ? 1 : 0;
    const float invCount = counted > 0 ? 1.0f / float(counted) : 0.0f;
    // p = softmax(z) per position (vectorised across positions), into dlogits.
    softmaxRowsSerial(m_logits.data(), m_dlogits.data(), BL, V);
    for (Index i = 0; i < BL; ++i) {
        const float* z = m_logits.data() + i * V;
        float* p = m_dlogits.data() + i * V;
        const bool on = !mask || mask[i];
        Index arg = 0;
        for (Index c = 1; c < V; ++c)
            if (z[c] > z[arg])
                arg = c;
        const Index y = targets[i];
        if (on) {
            // −log p_y, or lse − z_y when p_y is too small to take its log
            float l = -std::log(p[y]);
            if (!(p[y] > 1e-30f)) {
                float sum = 0;
                for (Index c = 0; c < V; ++c)
                    sum += std::exp(z[c] - z[arg]);
                l = z[arg] + std::log(sum) - z[y];
            }
            lossSum += double(l);
            correct += arg == y ? 1 : 0;
        }
        if (backward) { // dz = (p − onehot(y)) · sample_weight / Σ sample_weight
            const float w = on ? invCount : 0.0f;
            for (Index c = 0; c < V; ++c)
                p[c] *= w;
            p[y] -= w;
        }
    }
    BatchFigures f;
    f.counted = counted;
    f.loss = counted > 0 ? float(lossSum / double(counted)) : std::numeric_limits<float>::quiet_NaN();
    f.accuracy = counted > 0 ? float(double(correct) / double(counted)) : 0.0f;
    if (!backward)
        return f;

    // logits backward: dx (B·L, E)
    logitsBackward(x, BL, E, m_w[size_t(m_logitK)], V, m_dlogits.data(),
                   (m_grads.data() + m_gradOffset[size_t(m_logitK)]), (m_grads.data() + m_gradOffset[size_t(m_logitB)]),
                   m_dx.data());
    float* dcur = m_dx.data();
    float* dnext = m_dx2.data();
    for (size_t bi = m_blocks.size(); bi-- > 0;) {
        const float* xin = bi == 0 ? m_x0.data() : m_blocks[bi - 1]->out.data();
        blockBackward(*m_blocks[bi], xin, dcur, dnext);
        std::swap(dcur, dnext);
    }
    std::copy_n(dcur, BL * E, m_dx0.data());
    // Embeddings: scatter-add into the token rows, sum over the batch for positions.
    float* dtok = (m_grads.data() + m_gradOffset[size_t(m_tok)]);
    float* dpos = (m_grads.data() + m_gradOffset[size_t(m_pos)]);
    std::fill_n(dtok, V * E, 0.0f);
    std::fill_n(dpos, L * E, 0.0f);
    for (Index b = 0; b < B; ++b)
        for (Index t = 0; t < L; ++t) {
            const float* d = dcur + (b * L + t) * E;
            float* dt = dtok + Index(tokens[b * L + t]) * E;
            for (Index e = 0; e < E; ++e) {
                dt[e] += d[e];
                dpos[t * E + e] += d[e];
            }
        }
    return f;
}

} // namespace attnviz::core
