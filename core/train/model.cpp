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

#include "core/train/gemm.h"

#include "core/base/eigen_types.h"
#include "core/base/softmax.h"
#include "core/layers/run.h"

#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace attnviz::core {

namespace {

// Y (m × n) = X (m × k) · W (k × n) + b.
void dense(GemmWorkspace& ws, const float* X, Index m, Index k, const float* W, Index n, const float* b, float* Y) {
    MatrixMap y(Y, m, n);
    if (b)
        y.rowwise() = Eigen::Map<const RowVectorF>(b, n);
    else
        y.setZero();
    ws.gemm(false, false, m, n, k, X, k, W, n, Y, n);
}

// Backward of dense: dW = Xᵀ·dY, db = Σ_rows dY, dX (+)= dY·Wᵀ (dX may be null).
void denseBackward(GemmWorkspace& ws, const float* X, Index m, Index k, const float* W, Index n, const float* dY,
                   float* dW, float* db, float* dX, bool accumulate) {
    ConstMatrixMap dy(dY, m, n);
    MatrixMap(dW, k, n).setZero();
    ws.gemm(true, false, k, n, m, X, k, dY, n, dW, n);
    if (db)
        Eigen::Map<RowVectorF>(db, n).noalias() = dy.colwise().sum();
    if (dX) {
        if (!accumulate)
            MatrixMap(dX, m, k).setZero();
        ws.gemm(false, true, m, k, n, dY, n, W, n, dX, k);
    }
}

constexpr float kLayerNormEps = 1e-3f;

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
    AlignedBuffer th;        // tanh scores: (B, L, L, E)
    AlignedBuffer u;         // concat: (B, L, L) Σ_d tanh
    // backward scratch
    AlignedBuffer dq, dk, dv, dc, dz, dpre, ds;
    AlignedBuffer dout; // (B·L, E) dL/d(block output), kept for the probe trace
};

TrainModel::~TrainModel() = default;

TrainModel::TrainModel(const ModelSpec& model, Index batch, std::vector<const float*> weights)
    : m_model(model), m_B(batch), m_L(model.length), m_E(model.embedDim), m_V(model.vocab), m_w(std::move(weights)) {
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
    m_gemm = std::make_unique<GemmWorkspace>();
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
            k.dk.resize(k.k.size());
            k.dv.resize(k.v.size());
            k.dc.resize(k.c.size());
            k.dz.resize(k.gate ? k.c.size() : 0);
        } else {
            k.scale = at(pre + "scale");
            k.concatW = at(pre + "concat_score_weight");
            if (k.kind == LayerKind::Attention && !k.concat && k.useScale)
                k.dot.resize(size_t(B * L * L));
            if (k.concat || k.additive)
                k.th.resize(size_t(B * L * L * E));
            if (k.concat)
                k.u.resize(size_t(B * L * L));
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
        k.ds.resize(size_t(L * L));
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

// --- one block, forward: x (B·L, E) → out (B·L, E) ------------------------
void TrainModel::blockForward(Block& k, const float* x, float* out) {
    const Index B = m_B, L = m_L, E = m_E, BL = B * L;
    auto W = [&](int i) { return i < 0 ? nullptr : m_w[size_t(i)]; };
    const bool masked = !k.mask.empty();
    if (k.heads) {
        const Index N = k.N, Nkv = k.Nkv, G = k.G, H = k.H, Hv = k.Hv;
        // query_dense, key_dense, value_dense: (B·L, N·H), (B·L, Nkv·H), (B·L, Nkv·Hv)
        dense(*m_gemm, x, BL, E, W(k.wq), N * H, W(k.bq), k.q.data());
        dense(*m_gemm, x, BL, E, W(k.wk), Nkv * H, W(k.bk), k.k.data());
        dense(*m_gemm, x, BL, E, W(k.wv), Nkv * Hv, W(k.bv), k.v.data());
        // query = query · 1/√H (Keras scales the projected query)
        Eigen::Map<Eigen::ArrayXf>(k.q.data(), Index(k.q.size())) *= k.inv;
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n) {
                ConstStridedMap q(k.q.data() + b * L * N * H + n * H, L, H, Stride(N * H));               // (L, H)
                ConstStridedMap kk(k.k.data() + b * L * Nkv * H + (n / G) * H, L, H, Stride(Nkv * H));    // (L, H)
                ConstStridedMap v(k.v.data() + b * L * Nkv * Hv + (n / G) * Hv, L, Hv, Stride(Nkv * Hv)); // (L, Hv)
                float* p = k.p.data() + (b * N + n) * L * L;
                MatrixMap P(p, L, L); // (L, L) scores, then weights
                P.noalias() = q * kk.transpose();
                if (masked) // where(mask, scores, −1e9), as Keras' Softmax with a mask
                    for (Index i = 0; i < L * L; ++i)
                        if (!k.mask[size_t(i)])
                            p[i] = -1e9f;
                softmaxRowsSerial(p, p, L, L);
                if (masked) // Keras ≥ 3.14 zeroes the masked weights
                    for (Index i = 0; i < L * L; ++i)
                        if (!k.mask[size_t(i)])
                            p[i] = 0.0f;
                StridedMap c(k.c.data() + b * L * N * Hv + n * Hv, L, Hv, Stride(N * Hv)); // (L, Hv)
                c.noalias() = P * v;
            }
        const float* ctx = k.c.data();
        if (k.gate) { // gate = σ(x·W_g + b_g); gated = context ⊙ gate
            dense(*m_gemm, x, BL, E, W(k.wg), N * Hv, W(k.bg), k.gt.data());
            for (size_t i = 0; i < k.gt.size(); ++i) {
                k.gt[i] = 1.0f / (1.0f + std::exp(-k.gt[i]));
                k.cg[i] = k.c[i] * k.gt[i];
            }
            ctx = k.cg.data();
        }
        dense(*m_gemm, ctx, BL, N * Hv, W(k.wo), E, W(k.bo), k.y.data()); // output_dense: (B·L, E)
    } else {
        const float scale = k.useScale && !k.additive ? m_w[size_t(k.scale)][0] : 1.0f;
        for (Index b = 0; b < B; ++b) {
            ConstMatrixMap xb(x + b * L * E, L, E); // (L, E): query = key = value
            float* p = k.p.data() + b * L * L;
            MatrixMap P(p, L, L); // (L, L)
            if (k.kind == LayerKind::Attention && !k.concat) {
                P.noalias() = xb * xb.transpose();
                if (k.useScale) {
                    std::copy_n(p, L * L, k.dot.data() + b * L * L);
                    P *= scale;
                }
            } else {
                // concat: S = w_c · Σ_d tanh(scale·(q + k)); additive: S = Σ_d scale[d]·tanh(q + k)
                const float wc = k.concat ? m_w[size_t(k.concatW)][0] : 1.0f;
                const float* sv = k.additive && k.useScale ? m_w[size_t(k.scale)] : nullptr;
                for (Index t = 0; t < L; ++t)
                    for (Index s = 0; s < L; ++s) {
                        float* th = k.th.data() + ((b * L + t) * L + s) * E;
                        const float* qt = x + (b * L + t) * E;
                        const float* ks = x + (b * L + s) * E;
                        float sum = 0;
                        for (Index d = 0; d < E; ++d) {
                            th[d] = std::tanh(k.concat ? scale * (qt[d] + ks[d]) : qt[d] + ks[d]);
                            sum += sv ? sv[d] * th[d] : th[d];
                        }
                        if (k.concat)
                            k.u[size_t((b * L + t) * L + s)] = sum;
                        p[t * L + s] = k.concat ? wc * sum : sum;
                    }
            }
            if (masked) // Keras' Attention subtracts 1e9 from masked scores
                for (Index i = 0; i < L * L; ++i)
                    if (!k.mask[size_t(i)])
                        p[i] -= 1e9f;
            softmaxRowsSerial(p, p, L, L);
            MatrixMap(k.y.data() + b * L * E, L, E).noalias() = P * xb; // output = weights · value
        }
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
            const float* xr = a + r * E;
            float mean = 0;
            for (Index e = 0; e < E; ++e)
                mean += xr[e];
            mean /= float(E);
            float var = 0;
            for (Index e = 0; e < E; ++e)
                var += (xr[e] - mean) * (xr[e] - mean);
            var /= float(E);
            const float rs = 1.0f / std::sqrt(var + kLayerNormEps);
            k.rstd[size_t(r)] = rs;
            for (Index e = 0; e < E; ++e) {
                const float xh = (xr[e] - mean) * rs;
                k.xhat[size_t(r * E + e)] = xh;
                out[r * E + e] = xh * g[e] + be[e];
            }
        }
    } else {
        std::copy_n(a, BL * E, out);
    }
}

// --- one block, backward: dout (B·L, E) → dx (B·L, E) and the block's weight gradients.
// dout is used as scratch.
void TrainModel::blockBackward(Block& k, const float* x, float* dout, float* dx) {
    const Index B = m_B, L = m_L, E = m_E, BL = B * L;
    auto W = [&](int i) { return i < 0 ? nullptr : m_w[size_t(i)]; };
    auto D = [&](int i) { return i < 0 ? nullptr : m_grads.data() + m_gradOffset[size_t(i)]; };
    std::copy_n(dout, BL * E, k.dout.data());
    // LayerNorm: dR = rstd·(g − mean(g) − x̂·mean(g ⊙ x̂)), g = dZ ⊙ γ
    float* dpre = k.dpre.data();
    if (!k.spec.layerNorm)
        std::copy_n(dout, BL * E, dpre);
    if (k.spec.layerNorm) {
        const float* gm = W(k.gamma);
        float* dg = D(k.gamma);
        float* db = D(k.beta);
        std::fill_n(dg, E, 0.0f);
        std::fill_n(db, E, 0.0f);
        for (Index r = 0; r < BL; ++r) {
            const float* dz = dout + r * E;
            const float* xh = k.xhat.data() + r * E;
            float mg = 0, mgx = 0;
            for (Index e = 0; e < E; ++e) {
                dg[e] += dz[e] * xh[e];
                db[e] += dz[e];
                const float g = dz[e] * gm[e];
                mg += g;
                mgx += g * xh[e];
            }
            mg /= float(E);
            mgx /= float(E);
            const float rs = k.rstd[size_t(r)];
            float* d = k.dpre.data() + r * E;
            for (Index e = 0; e < E; ++e)
                d[e] = rs * (dz[e] * gm[e] - mg - xh[e] * mgx);
        }
    }
    // Add: the gradient reaches x directly and through the layer
    if (k.spec.residual)
        std::copy_n(dpre, BL * E, dx);
    else
        std::fill_n(dx, BL * E, 0.0f);
    const float* dy = dpre; // (B·L, E) dL/d(layer output)
    if (k.heads) {
        const Index N = k.N, Nkv = k.Nkv, G = k.G, H = k.H, Hv = k.Hv;
        const float* ctx = k.gate ? k.cg.data() : k.c.data();
        // output_dense: dW_o = ctxᵀ·dY, db_o, dctx = dY·W_oᵀ
        denseBackward(*m_gemm, ctx, BL, N * Hv, W(k.wo), E, dy, D(k.wo), D(k.bo), k.dc.data(), false);
        if (k.gate) { // dC = dC_g ⊙ G; dz = dC_g ⊙ C ⊙ G(1 − G)
            for (size_t i = 0; i < k.dc.size(); ++i) {
                const float g = k.gt[i], dcg = k.dc[i];
                k.dz[i] = dcg * k.c[i] * g * (1.0f - g);
                k.dc[i] = dcg * g;
            }
            denseBackward(*m_gemm, x, BL, E, W(k.wg), N * Hv, k.dz.data(), D(k.wg), D(k.bg), dx, true);
        }
        std::fill(k.dk.begin(), k.dk.end(), 0.0f);
        std::fill(k.dv.begin(), k.dv.end(), 0.0f);
        MatrixMap dS(k.ds.data(), L, L); // (L, L) dP, then dS
        for (Index b = 0; b < B; ++b)
            for (Index n = 0; n < N; ++n) {
                ConstStridedMap q(k.q.data() + b * L * N * H + n * H, L, H, Stride(N * H));
                ConstStridedMap kk(k.k.data() + b * L * Nkv * H + (n / G) * H, L, H, Stride(Nkv * H));
                ConstStridedMap v(k.v.data() + b * L * Nkv * Hv + (n / G) * Hv, L, Hv, Stride(Nkv * Hv));
                ConstStridedMap dc(k.dc.data() + b * L * N * Hv + n * Hv, L, Hv, Stride(N * Hv));
                ConstMatrixMap P(k.p.data() + (b * N + n) * L * L, L, L);
                StridedMap dv(k.dv.data() + b * L * Nkv * Hv + (n / G) * Hv, L, Hv, Stride(Nkv * Hv));
                StridedMap dkk(k.dk.data() + b * L * Nkv * H + (n / G) * H, L, H, Stride(Nkv * H));
                StridedMap dq(k.dq.data() + b * L * N * H + n * H, L, H, Stride(N * H));
                dS.noalias() = dc * v.transpose();  // dP = dC·Vᵀ
                dv.noalias() += P.transpose() * dc; // dV += Pᵀ·dC (a group's heads add up)
                for (Index t = 0; t < L; ++t) {     // dS = P ∘ (dP − rowsum(dP ∘ P)): 0 where P = 0
                    const float delta = dS.row(t).dot(P.row(t));
                    dS.row(t) = (P.row(t).array() * (dS.row(t).array() - delta)).matrix();
                }
                dq.noalias() = dS * kk;              // dQ̃ = dS·K
                dkk.noalias() += dS.transpose() * q; // dK += dSᵀ·Q̃
            }
        Eigen::Map<Eigen::ArrayXf>(k.dq.data(), Index(k.dq.size())) *= k.inv; // through the 1/√H scaling
        denseBackward(*m_gemm, x, BL, E, W(k.wq), N * H, k.dq.data(), D(k.wq), D(k.bq), dx, true);
        denseBackward(*m_gemm, x, BL, E, W(k.wk), Nkv * H, k.dk.data(), D(k.wk), D(k.bk), dx, true);
        denseBackward(*m_gemm, x, BL, E, W(k.wv), Nkv * Hv, k.dv.data(), D(k.wv), D(k.bv), dx, true);
        return;
    }
    // Attention / AdditiveAttention: query = key = value = x
    const float scale = k.useScale && !k.additive ? W(k.scale)[0] : 1.0f;
    const float wc = k.concat ? W(k.concatW)[0] : 1.0f;
    const float* sv = k.additive && k.useScale ? W(k.scale) : nullptr;
    double dScale = 0, dWc = 0;
    float* dsv = k.additive && k.useScale ? D(k.scale) : nullptr;
    if (dsv)
        std::fill_n(dsv, E, 0.0f);
    MatrixMap dS(k.ds.data(), L, L);
    for (Index b = 0; b < B; ++b) {
        ConstMatrixMap xb(x + b * L * E, L, E);
        ConstMatrixMap dyb(dy + b * L * E, L, E);
        MatrixMap dxb(dx + b * L * E, L, E);
        ConstMatrixMap P(k.p.data() + b * L * L, L, L);
        dS.noalias() = dyb * xb.transpose();  // dP = dY·Vᵀ
        dxb.noalias() += P.transpose() * dyb; // value path
        for (Index t = 0; t < L; ++t) {
            const float delta = dS.row(t).dot(P.row(t));
            dS.row(t) = (P.row(t).array() * (dS.row(t).array() - delta)).matrix();
        }
        if (k.kind == LayerKind::Attention && !k.concat) {
            if (k.useScale) {
                dScale += double((dS.array() * ConstMatrixMap(k.dot.data() + b * L * L, L, L).array()).sum());
                dS *= scale;
            }
            dxb.noalias() += dS * xb;             // query path
            dxb.noalias() += dS.transpose() * xb; // key path
        } else {
            for (Index t = 0; t < L; ++t)
                for (Index s = 0; s < L; ++s) {
                    const float g = dS(t, s);
                    const float* th = k.th.data() + ((b * L + t) * L + s) * E;
                    const float* qt = x + (b * L + t) * E;
                    const float* ks = x + (b * L + s) * E;
                    float* dqt = dx + (b * L + t) * E;
                    float* dks = dx + (b * L + s) * E;
                    if (k.concat) {
                        dWc += double(g) * double(k.u[size_t((b * L + t) * L + s)]);
                        const float gw = g * wc;
                        for (Index d = 0; d < E; ++d) {
                            const float du = gw * (1.0f - th[d] * th[d]); // d/d(scale·(q+k))
                            if (k.useScale)
                                dScale += double(du) * double(qt[d] + ks[d]);
                            dqt[d] += du * scale;
                            dks[d] += du * scale;
                        }
                    } else {
                        for (Index d = 0; d < E; ++d) {
                            if (dsv)
                                dsv[d] += g * th[d];
                            const float du = g * (sv ? sv[d] : 1.0f) * (1.0f - th[d] * th[d]);
                            dqt[d] += du;
                            dks[d] += du;
                        }
                    }
                }
        }
    }
    if (k.useScale && !k.additive)
        D(k.scale)[0] = float(dScale);
    if (k.concat)
        D(k.concatW)[0] = float(dWc);
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
    dense(*m_gemm, x, BL, E, m_w[size_t(m_logitK)], V, m_w[size_t(m_logitB)], m_logits.data());
    // Cross-entropy from logits, weighted by the mask, over Σ mask.
    double lossSum = 0;
    Index counted = 0, correct = 0;
    for (Index i = 0; i < BL; ++i)
        counted += (!mask || mask[i]) ? 1 : 0;
    const float invCount = counted > 0 ? 1.0f / float(counted) : 0.0f;
    for (Index i = 0; i < BL; ++i) {
        const float* z = m_logits.data() + i * V;
        float* dz = m_dlogits.data() + i * V;
        const bool on = !mask || mask[i];
        Index arg = 0;
        for (Index c = 1; c < V; ++c)
            if (z[c] > z[arg])
                arg = c;
        const float mx = z[arg];
        float sum = 0;
        for (Index c = 0; c < V; ++c)
            sum += std::exp(z[c] - mx);
        const float lse = mx + std::log(sum);
        const Index y = targets[i];
        if (on) {
            lossSum += double(lse - z[y]);
            correct += arg == y ? 1 : 0;
        }
        if (backward) {
            const float w = on ? invCount : 0.0f; // sample_weight / Σ sample_weight
            for (Index c = 0; c < V; ++c)
                dz[c] = w * (std::exp(z[c] - lse) - (c == y ? 1.0f : 0.0f));
        }
    }
    BatchFigures f;
    f.counted = counted;
    f.loss = counted > 0 ? float(lossSum / double(counted)) : std::numeric_limits<float>::quiet_NaN();
    f.accuracy = counted > 0 ? float(double(correct) / double(counted)) : 0.0f;
    if (!backward)
        return f;

    // logits backward: dx (B·L, E)
    denseBackward(*m_gemm, x, BL, E, m_w[size_t(m_logitK)], V, m_dlogits.data(),
                  (m_grads.data() + m_gradOffset[size_t(m_logitK)]), (m_grads.data() + m_gradOffset[size_t(m_logitB)]),
                  m_dx.data(), false);
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
