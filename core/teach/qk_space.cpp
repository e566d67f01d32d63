// The query–key space of one head: which tensors, the shift, its check, the PCA.
#include "core/teach/qk_space.h"

#include "core/base/softmax.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace attnviz::core {

namespace {

// Rows of one head of a (B, P, N, F) or (B, P, F) tensor as a (P, F) matrix.
MatrixRM headRows(const Tensor& t, Index b, Index head) {
    if (t.rank() == 4) {
        const Index P = t.dim(1), N = t.dim(2), F = t.dim(3);
        ConstStridedMap m(t.data() + b * P * N * F + head * F, P, F, Stride(N * F));
        return MatrixRM(m);
    }
    const Index P = t.dim(1), F = t.dim(2);
    return MatrixRM(ConstMatrixMap(t.data() + b * P * F, P, F));
}

// One head's (T, S) slice of a (B, N, T, S) or (B, T, S) tensor.
MatrixRM headScores(const Tensor& t, Index b, Index head) {
    const Index T = t.dim(-2), S = t.dim(-1);
    const Index N = t.rank() == 4 ? t.dim(1) : 1;
    return MatrixRM(ConstMatrixMap(t.data() + (b * N + head) * T * S, T, S));
}

std::string fmt(double v) {
    std::ostringstream os;
    os.precision(2);
    os << v;
    return os.str();
}

} // namespace

QkSource qkSource(const Trace& trace) {
    QkSource src;
    const Step* scores = trace.find("scores");
    if (!scores || !trace.find("weights"))
        return src;
    const Step* s = scores;
    float factor = 1.0f;
    // Attention(use_scale=True): scores = scale · dot_scores.
    while (s && s->op == OpKind::Scale && s->inputs.size() == 1) {
        factor *= s->scaleFactor;
        s = trace.find(s->inputs[0]);
    }
    if (!s || s->inputs.size() != 2 || !trace.find(s->inputs[0]) || !trace.find(s->inputs[1]))
        return src;
    src.queryKey = s->inputs[0];
    src.keyKey = s->inputs[1];
    src.dotProduct = s->op == OpKind::Einsum;
    src.scoreFactor = factor;
    src.heads = scores->value.rank() == 4 ? scores->value.dim(1) : 1;
    const Tensor& k = trace.find(src.keyKey)->value;
    if (k.rank() == 4 && k.dim(2) > 0 && src.heads % k.dim(2) == 0)
        src.keyHeadsPerGroup = src.heads / k.dim(2);
    return src;
}

MatrixRM principalCoordinates(const Eigen::Ref<const MatrixRM>& points, float explained[2], Index* components) {
    const Index n = points.rows(), d = points.cols();
    const Index k = std::min<Index>(2, d);
    explained[0] = explained[1] = 0;
    MatrixRM out = MatrixRM::Zero(n, 2);
    if (components)
        *components = 0;
    if (n == 0 || d == 0)
        return out;
    // In double: the covariance of a few hundred float points loses nothing then.
    const Eigen::MatrixXd x = points.cast<double>();
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd c = x.rowwise() - mean;                                    // (n, d)
    const Eigen::MatrixXd cov = (c.transpose() * c) / double(std::max<Index>(1, n)); // (d, d)
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    const Eigen::VectorXd values = eig.eigenvalues();   // ascending
    const Eigen::MatrixXd vectors = eig.eigenvectors(); // columns
    const double total = std::max(0.0, values.sum());
    const double tiny = 1e-12 * std::max(1.0, total);
    Index used = 0;
    for (Index j = 0; j < k; ++j) {
        const Index col = d - 1 - j;
        const double var = std::max(0.0, values(col));
        if (var <= tiny)
            break;
        Eigen::VectorXd v = vectors.col(col);
        Index arg = 0;
        v.cwiseAbs().maxCoeff(&arg);
        if (v(arg) < 0)
            v = -v;
        out.col(j) = (c * v).cast<float>();
        explained[j] = static_cast<float>(var / total);
        ++used;
    }
    if (components)
        *components = used;
    return out;
}

QkSpace qkSpace(const Trace& trace, Index batch, Index head) {
    QkSpace r;
    r.source = qkSource(trace);
    if (r.source.queryKey.empty())
        throw std::invalid_argument("This trace has no attention scores and weights, so it has no query–key space.");
    const Tensor& q = trace.find(r.source.queryKey)->value;
    const Tensor& k = trace.find(r.source.keyKey)->value;
    const Tensor& scores = trace.find("scores")->value;
    const Tensor& weights = trace.find("weights")->value;
    const Index B = q.dim(0);
    if (batch < 0 || batch >= B)
        throw std::invalid_argument("Batch row out of range: the trace has " + std::to_string(B) +
                                    ". Received: batch=" + std::to_string(batch));
    if (head < 0 || head >= r.source.heads)
        throw std::invalid_argument("Head out of range: the trace has " + std::to_string(r.source.heads) +
                                    ". Received: head=" + std::to_string(head));
    r.batch = batch;
    r.head = head;
    const Index keyHead = k.rank() == 4 ? head / r.source.keyHeadsPerGroup : 0;
    const MatrixRM Q = headRows(q, batch, q.rank() == 4 ? head : 0); // (T, F)
    MatrixRM K = headRows(k, batch, keyHead);                        // (S, F)
    r.T = Q.rows();
    r.S = K.rows();
    r.dim = Q.cols();
    r.weights = headScores(weights, batch, head); // (T, S)

    if (r.source.dotProduct && r.T > 0 && r.S > 0) {
        const MatrixRM traceScores = headScores(scores, batch, head);     // (T, S)
        const MatrixRM mine = (Q * K.transpose()) * r.source.scoreFactor; // (T, S)
        r.maxScoreError = (mine - traceScores).cwiseAbs().maxCoeff();
        const RowVectorF shift = Q.colwise().mean() - K.colwise().mean();   // (F)
        MatrixRM Ks = K.rowwise() + shift;                                  // (S, F)
        const MatrixRM moved = (Q * Ks.transpose()) * r.source.scoreFactor; // (T, S)
        const MatrixRM delta = moved - mine;                                // (T, S): constant along each row
        const float scale = std::max(1.0f, mine.cwiseAbs().maxCoeff());
        r.maxRowSpread = (delta.rowwise().maxCoeff() - delta.rowwise().minCoeff()).maxCoeff() / scale;
        MatrixRM p0 = mine, p1 = moved;
        softmaxRows(p0);
        softmaxRows(p1);
        r.maxWeightChange = (p1 - p0).cwiseAbs().maxCoeff();
        K = std::move(Ks);
        r.shifted = true;
        r.note = "Keys moved by mean(q) − mean(k): every score in a query's row changes by the same amount, "
                 "q·(mean(q) − mean(k)), so the softmax is unchanged — checked here: the weights moved by at most " +
                 fmt(r.maxWeightChange) + ".";
    } else {
        r.note = "Keys not moved: these scores are Σ tanh(q + k), not a dot product, so a shift of the keys would "
                 "change the attention. Queries and keys are the layer's inputs, shown as they are.";
    }

    MatrixRM all(r.T + r.S, r.dim);
    all << Q, K;
    const MatrixRM coords = principalCoordinates(all, r.explained, &r.components); // (T+S, 2)
    r.queries = coords.topRows(r.T);
    r.keys = coords.bottomRows(r.S);
    return r;
}

std::string qkPointLabel(const std::vector<std::string>& tokens, Index position) {
    const std::string pos = std::to_string(position);
    if (position >= 0 && position < Index(tokens.size()) && !tokens[size_t(position)].empty())
        return tokens[size_t(position)] + "·" + pos;
    return pos;
}

} // namespace attnviz::core
