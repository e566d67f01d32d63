// Row-wise softmax. Subtract the row max before exp: the softmax is unchanged
// and exp cannot overflow. Eigen's exp is vectorised for float.
#include "softmax.h"

namespace attnviz::core {

void softmaxRows(float* data, Index rows, Index cols) {
    for (Index r = 0; r < rows; ++r) {
        Eigen::Map<Eigen::ArrayXf> row(data + r * cols, cols);
        const float m = row.maxCoeff();
        row = (row - m).exp();
        const float sum = row.sum();
        row /= sum;
    }
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
