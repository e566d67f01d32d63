// The 1/√dₖ lab's numbers (scaling_lab.h).
#include "core/teach/scaling_lab.h"

#include "core/base/random.h"
#include "core/base/softmax.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace attnviz::core {

std::vector<int> defaultScalingKeyDims() {
    std::vector<int> d = {1};
    for (int p = 2; p <= 1024; p *= 2) {
        if (p >= 4)
            d.push_back(p / 2 + p / 4); // 3, 6, 12, …, 768
        d.push_back(p);
    }
    return d;
}

namespace {

// Softmax figures of one row of logits: adds to the running sums. The
// weights are core::softmaxRows', in float32 as Keras computes them.
struct RowStats {
    double maxWeight = 0, entropy = 0, maxGrad = 0;
    int rows = 0;
    std::vector<float> probs; // scratch: this row's weights
    void add(const std::vector<double>& logits) {
        if (logits.empty())
            return;
        probs.assign(logits.begin(), logits.end());
        softmaxRowsSerial(probs.data(), probs.data(), 1, Index(probs.size()));
        double best = 0, h = 0, grad = 0;
        for (const float pf : probs) {
            const double p = pf;
            best = std::max(best, p);
            if (p > 0)
                h -= p * std::log(p);
            grad = std::max(grad, p * (1 - p));
        }
        maxWeight += best;
        entropy += h;
        maxGrad += grad;
        ++rows;
    }
    void finish() {
        if (rows > 0) {
            maxWeight /= rows;
            entropy /= rows;
            maxGrad /= rows;
        }
    }
};

double stddev(const std::vector<double>& v) {
    if (v.empty())
        return 0;
    double mean = 0;
    for (double x : v)
        mean += x;
    mean /= double(v.size());
    double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return std::sqrt(ss / double(v.size()));
}

// Fill a point from rows of unscaled logits and the factor 1/√d.
ScalingPoint pointFrom(int d, const std::vector<std::vector<double>>& rows, double factor) {
    ScalingPoint p;
    p.keyDim = d;
    std::vector<double> all, allScaled;
    RowStats un, sc;
    for (const auto& row : rows) {
        std::vector<double> s(row);
        for (double& x : s)
            x *= factor;
        all.insert(all.end(), row.begin(), row.end());
        allScaled.insert(allScaled.end(), s.begin(), s.end());
        un.add(row);
        sc.add(s);
    }
    un.finish();
    sc.finish();
    p.spreadUnscaled = stddev(all);
    p.spreadScaled = stddev(allScaled);
    p.maxWeightUnscaled = un.maxWeight;
    p.maxWeightScaled = sc.maxWeight;
    p.entropyUnscaled = un.entropy;
    p.entropyScaled = sc.entropy;
    p.maxGradUnscaled = un.maxGrad;
    p.maxGradScaled = sc.maxGrad;
    return p;
}

} // namespace

std::vector<ScalingPoint> scalingLab(const ScalingLabOptions& o) {
    if (o.rows < 1 || o.rows > 4096 || o.keys < 1 || o.keys > 4096)
        throw std::invalid_argument("The 1/√dₖ lab draws 1 to 4096 rows of 1 to 4096 keys. Received: rows=" +
                                    std::to_string(o.rows) + ", keys=" + std::to_string(o.keys));
    const std::vector<int> dims = o.keyDims.empty() ? defaultScalingKeyDims() : o.keyDims;
    std::vector<ScalingPoint> out;
    for (int d : dims) {
        if (d < 1 || d > 4096)
            throw std::invalid_argument("key_dim must be between 1 and 4096. Received: key_dim=" + std::to_string(d));
        // One stream per key_dim: the points do not depend on which others are drawn.
        Rng rng(o.seed * 0x9E3779B97F4A7C15ull + std::uint64_t(d));
        std::vector<std::vector<double>> rows(static_cast<size_t>(o.rows));
        std::vector<double> q(static_cast<size_t>(d)), k(static_cast<size_t>(d));
        for (auto& row : rows) {
            for (double& x : q)
                x = rng.normal();
            row.resize(static_cast<size_t>(o.keys));
            for (double& logit : row) {
                for (double& x : k)
                    x = rng.normal();
                double dot = 0;
                for (size_t i = 0; i < q.size(); ++i)
                    dot += q[i] * k[i];
                logit = dot;
            }
        }
        out.push_back(pointFrom(d, rows, 1.0 / std::sqrt(double(d))));
    }
    return out;
}

std::optional<ScalingPoint> layerScalingPoint(const Trace& trace) {
    // Unscaled logits and the factor: MultiHeadAttention scales the query by
    // 1/√key_dim (scaled_query), so scores/factor are the raw q·k.
    const Step* scores = trace.find("scores");
    if (!scores || scores->value.rank() < 2)
        return std::nullopt;
    double factor = 0, toRaw = 1;
    int d = 0;
    const Step* raw = scores;
    if (const Step* sq = trace.find("scaled_query"); sq && sq->op == OpKind::Scale && sq->scaleFactor > 0) {
        factor = sq->scaleFactor;
        toRaw = 1.0 / factor;
        d = int(std::lround(1.0 / (factor * factor)));
        if (const Step* m = trace.find("masked_scores"))
            raw = m; // −1e9 where masked: left out below
    } else {
        // Attention(score_mode="dot"): q·k, scaled by a learned scalar when use_scale.
        if (const Step* dot = trace.find("dot_scores"))
            raw = dot;
        else if (scores->op != OpKind::Einsum)
            return std::nullopt; // additive or concat scores
        const Step* q = trace.find("query");
        if (!q || q->value.rank() != 3)
            return std::nullopt;
        d = int(q->value.dim(2));
        factor = 1.0 / std::sqrt(double(d));
    }
    if (d < 1)
        return std::nullopt;
    const Index S = raw->value.dim(-1);
    const Index R = S > 0 ? raw->value.size() / S : 0;
    std::vector<std::vector<double>> rows;
    for (Index r = 0; r < R; ++r) {
        std::vector<double> row;
        for (Index s = 0; s < S; ++s) {
            const double v = raw->value.data()[r * S + s];
            if (v > -1e8 && std::isfinite(v))
                row.push_back(v * toRaw);
        }
        if (!row.empty())
            rows.push_back(std::move(row));
    }
    if (rows.empty())
        return std::nullopt;
    return pointFrom(d, rows, factor);
}

double logLogSlope(const std::vector<double>& x, const std::vector<double>& y) {
    const size_t n = std::min(x.size(), y.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; ++i) {
        const double lx = std::log(x[i]), ly = std::log(y[i]);
        sx += lx;
        sy += ly;
        sxx += lx * lx;
        sxy += lx * ly;
    }
    const double dn = double(n);
    const double den = dn * sxx - sx * sx;
    return den == 0 ? 0 : (dn * sxy - sx * sy) / den;
}

} // namespace attnviz::core
