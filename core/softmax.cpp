// Row-wise softmax. Subtract the row max before exp: the softmax is unchanged
// and exp cannot overflow. Eigen's exp is vectorised for float.
#include "softmax.h"

#include <cmath>

namespace attnviz::core {

void softmaxRows(const float* src, float* dst, Index rows, Index cols) {
    // Fixed 16-wide blocks: Eigen vectorises exp on them with unaligned loads.
    // On a dynamic-size Map it would peel up to 15 scalar expf calls per row
    // to align the destination, which dominated short rows.
    using Block = Eigen::Array<float, 16, 1>;
    for (Index r = 0; r < rows; ++r) {
        const float* in = src + r * cols;
        float* out = dst + r * cols;
        const float m = Eigen::Map<const Eigen::ArrayXf>(in, cols).maxCoeff();
        Index j = 0;
        Block acc = Block::Zero();
        for (; j + 16 <= cols; j += 16) {
            Eigen::Map<Block> o(out + j);
            o = (Eigen::Map<const Block>(in + j) - m).exp();
            acc += o;
        }
        float sum = acc.sum();
        for (; j < cols; ++j) {
            out[j] = std::exp(in[j] - m);
            sum += out[j];
        }
        Eigen::Map<Eigen::ArrayXf>(out, cols) /= sum;
    }
}

void softmaxRows(float* data, Index rows, Index cols) {
    softmaxRows(data, data, rows, cols);
}

void softmaxRows(Eigen::Ref<MatrixRM> x) {
    for (Index r = 0; r < x.rows(); ++r) {
        auto row = x.row(r).array();
        const float m = row.maxCoeff();
        row = (row - m).exp();
        const float sum = row.sum();
        row /= sum;
    }
}

} // namespace attnviz::core
