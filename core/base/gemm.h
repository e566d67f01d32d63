// A matrix product that does not allocate once warmed up: Eigen's own
// sequential GEMM kernel (the one `dst.noalias() += a * b` runs for large
// products, with the same blocking sizes) called with packing buffers kept per
// thread. Eigen would otherwise take them from the heap on every product
// whose panels exceed EIGEN_STACK_ALLOCATION_LIMIT (128 KB): in every
// training step of a larger model (core/train), and in the layers' backward
// passes (core/layers/backward.h) that training calls.
#pragma once

#include "core/base/tensor.h"

#include <Eigen/Core>

#include <vector>

namespace attnviz::core {

/// C (m × n, row-major, leading dimension ldc) = (accumulate ? C : 0) + alpha · op(A) · op(B),
/// op as in GemmWorkspace::gemm, with the calling thread's workspace. Single-threaded.
void gemm(bool transA, bool transB, Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb,
          float* C, Index ldc, bool accumulate, float alpha = 1.0f);

class GemmWorkspace {
public:
    /// C (m × n, row-major, leading dimension ldc) += alpha · op(A) · op(B),
    /// where op(A) is m × k: A row-major with leading dimension lda, or (transA)
    /// the transpose of a row-major k × m matrix; likewise B (k × n) and transB.
    /// Allocates only when a product needs more packing space than any before.
    void gemm(bool transA, bool transB, Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb,
              float* C, Index ldc, float alpha = 1.0f);

private:
    template <int LhsOrder, int RhsOrder>
    void run(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C, Index ldc,
             float alpha);
    std::vector<float, Eigen::aligned_allocator<float>> m_a, m_b;
};

} // namespace attnviz::core
