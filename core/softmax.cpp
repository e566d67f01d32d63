// Row-wise softmax. Subtract the row max before exp: the softmax is unchanged
// and exp cannot overflow. Eigen's exp is vectorised for float.
#include "softmax.h"

namespace attnviz::core {

void softmaxRows(const float* src, float* dst, Index rows, Index cols) {
    for (Index r = 0; r < rows; ++r) {
        Eigen::Map<const Eigen::ArrayXf> in(src + r * cols, cols);
        Eigen::Map<Eigen::ArrayXf> out(dst + r * cols, cols);
        const float m = in.maxCoeff();
        out = (in - m).exp();
        const float sum = out.sum();
        out /= sum;
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
