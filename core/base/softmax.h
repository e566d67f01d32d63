// Row-wise softmax in float32, as Keras' numpy backend computes it:
// exp(x - max) / sum(exp(x - max)) along the last axis.
#pragma once

#include "core/base/eigen_types.h"

namespace attnviz::core {

/// Softmax of every row of `x`, in place.
void softmaxRows(Eigen::Ref<MatrixRM> x);
/// Softmax of `rows` contiguous rows of length `cols` starting at `data`.
void softmaxRows(float* data, Index rows, Index cols);
/// Softmax of `rows` rows of `src` written to `dst` (may equal src): one pass
/// fewer than copying first. Rows are split over the core's threads.
void softmaxRows(const float* src, float* dst, Index rows, Index cols);
/// The same on the calling thread only (for callers that already run one
/// block of rows per thread); the same numbers.
void softmaxRowsSerial(const float* src, float* dst, Index rows, Index cols);

} // namespace attnviz::core
