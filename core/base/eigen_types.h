// Eigen aliases used across the core. Keras/NumPy buffers are C-order, so every
// matrix view of a tensor is row-major.
#pragma once

#include "core/base/tensor.h"

#include <Eigen/Core>

namespace attnviz::core {

using MatrixRM = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using VectorF = Eigen::VectorXf;
using RowVectorF = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using Stride = Eigen::OuterStride<>;
/// A row-major view with an outer stride: one head's slice of a (.., N, H) buffer.
using StridedMap = Eigen::Map<MatrixRM, 0, Stride>;
using ConstStridedMap = Eigen::Map<const MatrixRM, 0, Stride>;
using MatrixMap = Eigen::Map<MatrixRM>;
using ConstMatrixMap = Eigen::Map<const MatrixRM>;

} // namespace attnviz::core
