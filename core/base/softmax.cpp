// Row-wise softmax. Subtract the row max before exp: the softmax is unchanged
// and exp cannot overflow. Eigen's exp is vectorised for float.
#include "core/base/softmax.h"

#include "core/base/kernels.h"
#include "core/base/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::core {

void softmaxRowsSerial(const float* src, float* dst, Index rows, Index cols) {
    // The kernel is in core/base/kernels.h, so a portable build's plug-in runs the same code.
    if (const detail::SoftmaxFn f = detail::pluginSoftmax())
        f(src, dst, rows, cols);
    else
        detail::softmaxRowsKernel(src, dst, rows, cols);
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
        detail::fixUnderflow(d.data(), e.data(), d.size());
        row = e.transpose();
        const float sum = row.sum();
        row /= sum;
    }
}

} // namespace attnviz::core
