// The training model's gradient against a double-precision finite-difference
// check of an independent naive model (loops, no Eigen, written from the
// contract's description of the Keras model), over random configurations of
// every layer kind and option the training model supports. Also checks that
// the probe trace's attention (the layer's own forward pass, core::run) equals
// the training pass's.
#include "core/base/random.h"
#include "core/train/tasks.h"
#include "core/train/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

namespace attnviz {
namespace {

using namespace core;
using W = std::map<std::string, std::vector<double>>;

struct Naive {
    const ModelSpec& m;
    const TrainBatch& batch;

    double at(const W& w, const std::string& k, size_t i) const { return w.at(k)[i]; }

    // One block on x [B][L][E] (flattened), returns its output.
    std::vector<double> block(const W& w, size_t bi, const std::vector<double>& x) const {
        const BlockSpec& bs = m.blocks[bi];
        const std::string p = "block" + std::to_string(bi) + "/";
        const Index B = batch.batch, L = m.length, E = m.embedDim;
        auto allowed = [&](Index t, Index s) {
            if (bs.useCausalMask && s > t)
                return false;
            if (hasHeads(bs.config.layer) && bs.config.slidingWindow && std::abs(t - s) >= *bs.config.slidingWindow)
                return false;
            return true;
        };
        std::vector<double> y(size_t(B * L * E), 0.0);
        if (hasHeads(bs.config.layer)) {
            const Index N = bs.config.numHeads, Nkv = bs.config.kvHeads(), G = N / Nkv, H = bs.config.keyDim,
                        Hv = bs.config.effectiveValueDim();
            const bool bias = bs.config.useBias;
            auto proj = [&](const std::string& name, Index heads, Index width) {
                std::vector<double> out(size_t(B * L * heads * width));
                for (Index r = 0; r < B * L; ++r)
                    for (Index j = 0; j < heads * width; ++j) {
                        double s = bias ? at(w, p + name + "/bias", size_t(j)) : 0.0;
                        for (Index e = 0; e < E; ++e)
                            s += x[size_t(r * E + e)] * at(w, p + name + "/kernel", size_t(e * heads * width + j));
                        out[size_t(r * heads * width + j)] = s;
                    }
                return out;
            };
            const auto q = proj("query_dense", N, H), k = proj("key_dense", Nkv, H), v = proj("value_dense", Nkv, Hv);
            std::vector<double> c(size_t(B * L * N * Hv), 0.0);
            for (Index b = 0; b < B; ++b)
                for (Index n = 0; n < N; ++n)
                    for (Index t = 0; t < L; ++t) {
                        std::vector<double> sc(static_cast<size_t>(L));
                        double mx = -1e300;
                        for (Index s = 0; s < L; ++s) {
                            double d = 0;
                            for (Index h = 0; h < H; ++h)
                                d += q[size_t(((b * L + t) * N + n) * H + h)] / std::sqrt(double(H)) *
                                     k[size_t(((b * L + s) * Nkv + n / G) * H + h)];
                            sc[size_t(s)] = d;
                            if (allowed(t, s))
                                mx = std::max(mx, d);
                        }
                        double sum = 0;
                        for (Index s = 0; s < L; ++s)
                            sum += allowed(t, s) ? std::exp(sc[size_t(s)] - mx) : 0.0;
                        for (Index s = 0; s < L; ++s) {
                            const double pr = allowed(t, s) ? std::exp(sc[size_t(s)] - mx) / sum : 0.0;
                            for (Index h = 0; h < Hv; ++h)
                                c[size_t(((b * L + t) * N + n) * Hv + h)] +=
                                    pr * v[size_t(((b * L + s) * Nkv + n / G) * Hv + h)];
                        }
                    }
            if (bs.config.useGate) {
                const auto g = proj("gate_dense", N, Hv);
                for (size_t i = 0; i < c.size(); ++i)
                    c[i] *= 1.0 / (1.0 + std::exp(-g[i]));
            }
            for (Index r = 0; r < B * L; ++r)
                for (Index e = 0; e < E; ++e) {
                    double s = bias ? at(w, p + "output_dense/bias", size_t(e)) : 0.0;
                    for (Index j = 0; j < N * Hv; ++j)
                        s += c[size_t(r * N * Hv + j)] * at(w, p + "output_dense/kernel", size_t(j * E + e));
                    y[size_t(r * E + e)] = s;
                }
        } else {
            const bool additive = bs.config.layer == LayerKind::AdditiveAttention;
            const bool concat = !additive && bs.config.scoreMode == ScoreMode::Concat;
            const bool useScale = bs.config.effectiveUseScale();
            for (Index b = 0; b < B; ++b)
                for (Index t = 0; t < L; ++t) {
                    std::vector<double> sc(static_cast<size_t>(L));
                    double mx = -1e300;
                    for (Index s = 0; s < L; ++s) {
                        const double* xt = x.data() + (b * L + t) * E;
                        const double* xs = x.data() + (b * L + s) * E;
                        double d = 0;
                        for (Index e = 0; e < E; ++e) {
                            if (additive)
                                d += (useScale ? at(w, p + "scale", size_t(e)) : 1.0) * std::tanh(xt[e] + xs[e]);
                            else if (concat)
                                d += std::tanh((useScale ? at(w, p + "scale", 0) : 1.0) * (xt[e] + xs[e]));
                            else
                                d += xt[e] * xs[e];
                        }
                        if (concat)
                            d *= at(w, p + "concat_score_weight", 0);
                        else if (!additive && useScale)
                            d *= at(w, p + "scale", 0);
                        sc[size_t(s)] = d;
                        if (allowed(t, s))
                            mx = std::max(mx, d);
                    }
                    double sum = 0;
                    for (Index s = 0; s < L; ++s)
                        sum += allowed(t, s) ? std::exp(sc[size_t(s)] - mx) : 0.0;
                    for (Index s = 0; s < L; ++s) {
                        const double pr = allowed(t, s) ? std::exp(sc[size_t(s)] - mx) / sum : 0.0;
                        for (Index e = 0; e < E; ++e)
                            y[size_t((b * L + t) * E + e)] += pr * x[size_t((b * L + s) * E + e)];
                    }
                }
        }
        if (bs.residual)
            for (size_t i = 0; i < y.size(); ++i)
                y[i] += x[i];
        if (bs.layerNorm)
            for (Index r = 0; r < B * L; ++r) {
                double mean = 0, var = 0;
                for (Index e = 0; e < E; ++e)
                    mean += y[size_t(r * E + e)] / double(E);
                for (Index e = 0; e < E; ++e)
                    var += (y[size_t(r * E + e)] - mean) * (y[size_t(r * E + e)] - mean) / double(E);
                for (Index e = 0; e < E; ++e)
                    y[size_t(r * E + e)] = (y[size_t(r * E + e)] - mean) / std::sqrt(var + 1e-3) *
                                               at(w, p + "layer_norm/gamma", size_t(e)) +
                                           at(w, p + "layer_norm/beta", size_t(e));
            }
        return y;
    }

    double loss(const W& w) const {
        const Index B = batch.batch, L = m.length, E = m.embedDim, V = m.vocab;
        std::vector<double> x(size_t(B * L * E));
        for (Index b = 0; b < B; ++b)
            for (Index t = 0; t < L; ++t)
                for (Index e = 0; e < E; ++e)
                    x[size_t((b * L + t) * E + e)] =
                        at(w, "token_embedding/embeddings", size_t(batch.tokens[size_t(b * L + t)] * E + e)) +
                        at(w, "position_embedding/embeddings", size_t(t * E + e));
        for (size_t bi = 0; bi < m.blocks.size(); ++bi)
            x = block(w, bi, x);
        double total = 0, count = 0;
        for (Index r = 0; r < B * L; ++r) {
            if (!batch.lossMask.empty() && !batch.lossMask[size_t(r)])
                continue;
            std::vector<double> z(static_cast<size_t>(V));
            double mx = -1e300;
            for (Index c = 0; c < V; ++c) {
                double s = at(w, "logits/bias", size_t(c));
                for (Index e = 0; e < E; ++e)
                    s += x[size_t(r * E + e)] * at(w, "logits/kernel", size_t(e * V + c));
                z[size_t(c)] = s;
                mx = std::max(mx, s);
            }
            double sum = 0;
            for (double v : z)
                sum += std::exp(v - mx);
            total += mx + std::log(sum) - z[size_t(batch.targets[size_t(r)])];
            count += 1;
        }
        return total / count;
    }
};

// A random model of the given layer kind with every option drawn.
TrainSpec randomSpec(Rng& rng, int config) {
    TrainSpec s = taskTrainSpec(config % 3 == 0 ? "copy_previous" : "reverse", 1, std::uint64_t(config));
    s.model.vocab = 3 + Index(rng.uniform() * 5);
    s.model.length = 2 + Index(rng.uniform() * 5);
    s.model.embedDim = 2 + Index(rng.uniform() * 6);
    s.task->batch = 1 + Index(rng.uniform() * 3);
    s.model.blocks.clear();
    const int blocks = 1 + int(rng.uniform() * 3);
    for (int b = 0; b < blocks; ++b) {
        BlockSpec blk;
        const int kind = (config + b) % 4;
        blk.config.layer = kind == 0   ? LayerKind::MultiHeadAttention
                           : kind == 1 ? LayerKind::GroupQueryAttention
                           : kind == 2 ? LayerKind::Attention
                                       : LayerKind::AdditiveAttention;
        blk.useCausalMask = rng.uniform() < 0.5;
        blk.residual = rng.uniform() < 0.7;
        blk.layerNorm = rng.uniform() < 0.7;
        if (hasHeads(blk.config.layer)) {
            blk.config.numHeads = 1 + int(rng.uniform() * 3);
            blk.config.keyDim = 1 + int(rng.uniform() * 4);
            blk.config.useBias = rng.uniform() < 0.7;
            blk.config.useGate = rng.uniform() < 0.3;
            if (rng.uniform() < 0.3)
                blk.config.slidingWindow = 1 + int(rng.uniform() * 3);
            if (blk.config.layer == LayerKind::GroupQueryAttention) {
                blk.config.numHeads = 2 * (1 + int(rng.uniform() * 2));
                blk.config.numKeyValueHeads = rng.uniform() < 0.5 ? 1 : 2;
            } else if (rng.uniform() < 0.4) {
                blk.config.valueDim = 1 + int(rng.uniform() * 4);
            }
        } else {
            blk.config.useScale = rng.uniform() < 0.6;
            if (blk.config.layer == LayerKind::Attention && rng.uniform() < 0.4)
                blk.config.scoreMode = ScoreMode::Concat;
        }
        s.model.blocks.push_back(blk);
    }
    s.seed = std::uint64_t(config) * 31 + 7;
    return s;
}

TEST(TrainGradients, FiniteDifferenceOfANaiveDoubleModel) {
    Rng rng(2026);
    int checked = 0;
    double worst = 0;
    for (int config = 0; config < 40; ++config) {
        TrainSpec spec = randomSpec(rng, config);
        Trainer trainer(spec);
        // Learned scalars start at 1 and scale vectors from glorot: perturb every
        // weight a little so that no gradient is trivially symmetric.
        const TrainBatch batch = trainer.batch(1);
        trainer.step();
        const auto grads = trainer.firstGradients();
        W w;
        for (const auto& [k, t] : Trainer(spec).weights())
            w[k] = std::vector<double>(t.values().begin(), t.values().end());
        const Naive naive{trainer.spec().model, batch};
        double maxAbs = 1e-3;
        for (const auto& [k, g] : grads)
            for (float v : g.values())
                maxAbs = std::max(maxAbs, double(std::abs(v)));
        for (const auto& [k, g] : grads) {
            std::vector<double>& wk = w[k];
            for (int probe = 0; probe < 4; ++probe) {
                const size_t i = size_t(rng.uniform() * double(wk.size()));
                const double h = 1e-5, saved = wk[i];
                wk[i] = saved + h;
                const double up = naive.loss(w);
                wk[i] = saved - h;
                const double down = naive.loss(w);
                wk[i] = saved;
                const double fd = (up - down) / (2 * h);
                const double a = g.values()[i];
                const double err = std::abs(a - fd);
                worst = std::max(worst, err / (1e-3 * std::abs(fd) + 2e-5 * maxAbs));
                EXPECT_LE(err, 1e-3 * std::abs(fd) + 2e-5 * maxAbs)
                    << "config " << config << " " << k << "[" << i << "]: " << a << " vs finite difference " << fd;
                ++checked;
            }
        }
        // The loss the trainer reported is the naive model's.
        EXPECT_NEAR(trainer.lossHistory()[0], naive.loss(w), 1e-4 * std::max(1.0, naive.loss(w)))
            << "config " << config;
    }
    EXPECT_GT(checked, 40 * 4 * 10);
    std::cout << "checked " << checked << " gradient elements; worst error / tolerance " << worst << '\n';
}

TEST(TrainGradients, ProbeTraceAttentionIsTheLayersOwn) {
    for (const char* task : {"reverse", "copy_previous", "induction"})
        for (LayerKind kind : {LayerKind::MultiHeadAttention, LayerKind::GroupQueryAttention, LayerKind::Attention,
                               LayerKind::AdditiveAttention}) {
            Trainer t(taskTrainSpec(task, 30, 3, kind));
            for (int i = 0; i < 30; ++i)
                t.step();
            const Trace trace = t.probeTrace();
            for (size_t b = 0; b < t.spec().model.blocks.size(); ++b) {
                const Step* step = trace.find("block" + std::to_string(b) + "/weights");
                ASSERT_NE(step, nullptr);
                Tensor lean = t.probeAttention(int(b));
                if (!hasHeads(kind))
                    lean = lean.reshaped({lean.dim(0), lean.dim(2), lean.dim(3)});
                ASSERT_EQ(step->value.shape(), lean.shape());
                double maxDiff = 0;
                for (Index i = 0; i < lean.size(); ++i)
                    maxDiff = std::max(maxDiff, double(std::abs(lean.data()[i] - step->value.data()[i])));
                EXPECT_LT(maxDiff, 1e-5) << task << " " << layerName(kind) << " block " << b;
            }
            EXPECT_NE(trace.find("grad/logits/kernel"), nullptr);
            EXPECT_NE(trace.find("loss"), nullptr);
        }
}

TEST(TrainGradients, ProbeTraceGradientsAreTheTrainingStepsOwn) {
    // The probe is batch 1 by default: before step 1 its trace's backward (the
    // layers' appendBackward on core::run's forward trace) must give the
    // gradients step 1 computes on the lean path.
    for (LayerKind kind : {LayerKind::MultiHeadAttention, LayerKind::GroupQueryAttention, LayerKind::Attention,
                           LayerKind::AdditiveAttention}) {
        Trainer t(taskTrainSpec("induction", 5, 9, kind));
        const Trace trace = t.probeTrace();
        t.step();
        // key_dense/bias's exact gradient is 0 (the softmax ignores a row-wide
        // shift): both sides are float32 noise there, so the floor is relative
        // to the largest gradient of the model.
        double scale = 0;
        for (const auto& [key, g] : t.gradients())
            for (float v : g.values())
                scale = std::max(scale, double(std::abs(v)));
        for (const auto& [key, g] : t.gradients()) {
            const Step* st = trace.find("grad/" + key);
            ASSERT_NE(st, nullptr) << key;
            ASSERT_EQ(st->value.shape(), g.shape()) << key;
            double mx = 1e-6, diff = 0;
            for (Index i = 0; i < g.size(); ++i) {
                mx = std::max(mx, double(std::abs(g.data()[i])));
                diff = std::max(diff, double(std::abs(g.data()[i] - st->value.data()[i])));
            }
            EXPECT_LE(diff, 1e-4 * mx + 1e-6 * scale) << layerName(kind) << " " << key;
        }
    }
}

} // namespace
} // namespace attnviz
