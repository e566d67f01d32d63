// Row-wise softmax. Subtract the row max before exp: the softmax is unchanged
// and exp cannot overflow. Eigen's exp is vectorised for float.
#include "core/base/softmax.h"

#include "core/base/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::core {

namespace {

// Eigen's vectorised exp clamps its argument at about -88.4, so below
// ln(FLT_MIN) ≈ -87.34 it returns about 1.2e-38 where expf (and NumPy, hence
// Keras) give a denormal or exactly 0: a masked -1e9 logit must weigh exactly
// 0. Those few entries are recomputed with std::exp.
constexpr float kExpExact = -87.0f;

void fixUnderflow(const float* d, float* e, Index n) {
    for (Index k = 0; k < n; ++k)
        if (d[k] < kExpExact)
            e[k] = std::exp(d[k]);
}

} // namespace

void softmaxRowsSerial(const float* src, float* dst, Index rows, Index cols) {
    // Fixed 16-wide blocks: Eigen vectorises exp on them with unaligned loads.
    // On a dynamic-size Map it would peel up to 15 scalar expf calls per row
    // to align the destination, which dominated short rows.
    using Block = Eigen::Array<float, 16, 1>;
    if (cols < 16 && rows > 1) {
        // Short rows (a training model's L = 8): no 16-wide block fits in a row,
        // so every exp would be a scalar expf call. Instead subtract each row's
        // max, then take exp of 16 consecutive entries at a time across rows.
        const Index n = rows * cols, fullN = n / 16 * 16;
        for (Index r = 0; r < rows; ++r) {
            const float* in = src + r * cols;
            float m = in[0];
            for (Index j = 1; j < cols; ++j)
                m = std::max(m, in[j]);
            for (Index j = 0; j < cols; ++j)
                dst[r * cols + j] = in[j] - m;
        }
        for (Index i = 0; i < fullN; i += 16) {
            Eigen::Map<Block> o(dst + i);
            const Block d = o;
            o = d.exp();
            if ((d < kExpExact).any())
                fixUnderflow(d.data(), o.data(), 16);
        }
        for (Index i = fullN; i < n; ++i)
            dst[i] = std::exp(dst[i]);
        for (Index r = 0; r < rows; ++r) {
            float* out = dst + r * cols;
            float sum = 0;
            for (Index j = 0; j < cols; ++j)
                sum += out[j];
            for (Index j = 0; j < cols; ++j)
                out[j] /= sum;
        }
        return;
    }
    const Index full = cols / 16 * 16;
    for (Index r = 0; r < rows; ++r) {
        const float* in = src + r * cols;
        float* out = dst + r * cols;
        Block mb = Block::Constant(-std::numeric_limits<float>::infinity());
        Block lb = Block::Constant(std::numeric_limits<float>::infinity());
        for (Index j = 0; j < full; j += 16) {
            const Block x = Eigen::Map<const Block>(in + j);
            mb = mb.max(x);
            lb = lb.min(x);
        }
        float m = mb.maxCoeff(), lo = lb.minCoeff();
        for (Index j = full; j < cols; ++j) {
            m = std::max(m, in[j]);
            lo = std::min(lo, in[j]);
        }
        // Only a row whose smallest entry lies that far below its max needs the
        // check per block (a masked row); it costs as much as the exp itself.
        const bool check = !(lo - m >= kExpExact);
        Block acc = Block::Zero();
        for (Index j = 0; j < full; j += 16) {
            Eigen::Map<Block> o(out + j);
            const Block d = Eigen::Map<const Block>(in + j) - m;
            o = d.exp();
            if (check && (d < kExpExact).any())
                fixUnderflow(d.data(), o.data(), 16);
            acc += o;
        }
        float sum = acc.sum();
        for (Index j = full; j < cols; ++j) {
            out[j] = std::exp(in[j] - m);
            sum += out[j];
        }
        for (Index j = 0; j < full; j += 16)
            Eigen::Map<Block>(out + j) /= sum;
        for (Index j = full; j < cols; ++j)
            out[j] /= sum;
    }
}

void softmaxRows(const float* src, float* dst, Index rows, Index cols) {
    // Rows are independent: split them over the core's threads (same numbers).
    parallelFor(rows, 16, 1, 6.0 * double(rows) * double(cols), [&](Index begin, Index end) {
        softmaxRowsSerial(src + begin * cols, dst + begin * cols, end - begin, cols);
    });
}

void softmaxRows(float* data, Index rows, Index cols) {
    softmaxRows(data, data, rows, cols);
}

void softmaxRows(Eigen::Ref<MatrixRM> x) {
    for (Index r = 0; r < x.rows(); ++r) {
        auto row = x.row(r).array();
        const float m = row.maxCoeff();
        const Eigen::ArrayXf d = (row - m).transpose();
        Eigen::ArrayXf e = d.exp();
        fixUnderflow(d.data(), e.data(), d.size());
        row = e.transpose();
        const float sum = row.sum();
        row /= sum;
    }
}

} // namespace attnviz::core
