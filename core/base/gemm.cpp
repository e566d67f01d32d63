// See gemm.h. Mirrors Eigen 3.4's generic_product_impl<…, GemmProduct>
// for a row-major destination: gemm_blocking_space swaps rows and columns
// (Transpose), computeProductBlockingSizes<float, float, 1> picks kc, mc, nc
// for one thread, and general_matrix_matrix_product<…, RowMajor>::run does
// the work with blockA/blockB set, so it declares no buffer of its own.
#include "core/base/gemm.h"

#include <algorithm>

namespace attnviz::core {

namespace {

class FixedBlocking : public Eigen::internal::level3_blocking<float, float> {
public:
    FixedBlocking(float* a, float* b, Index mc, Index nc, Index kc) {
        this->m_blockA = a;
        this->m_blockB = b;
        this->m_mc = mc;
        this->m_nc = nc;
        this->m_kc = kc;
    }
};

} // namespace

template <int LhsOrder, int RhsOrder>
void GemmWorkspace::run(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C,
                        Index ldc, float alpha) {
    // The destination is row-major: Eigen transposes the product, so its mc
    // runs over the columns and nc over the rows.
    Index kc = k, mc = n, nc = m;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Index>(kc, mc, nc, 1);
    const size_t sizeA = size_t(kc * mc), sizeB = size_t(kc * nc);
    if (m_a.size() < sizeA)
        m_a.resize(sizeA);
    if (m_b.size() < sizeB)
        m_b.resize(sizeB);
    FixedBlocking blocking(m_a.data(), m_b.data(), mc, nc, kc);
    Eigen::internal::general_matrix_matrix_product<Index, float, LhsOrder, false, float, RhsOrder, false,
                                                   Eigen::RowMajor, 1>::run(m, n, k, A, lda, B, ldb, C, 1, ldc, alpha,
                                                                            blocking, nullptr);
}

void GemmWorkspace::gemm(bool transA, bool transB, Index m, Index n, Index k, const float* A, Index lda, const float* B,
                         Index ldb, float* C, Index ldc, float alpha) {
    if (m == 0 || n == 0 || k == 0)
        return;
    using Eigen::ColMajor;
    using Eigen::RowMajor;
    // A transposed row-major matrix is a column-major one with the same leading dimension.
    if (!transA && !transB)
        run<RowMajor, RowMajor>(m, n, k, A, lda, B, ldb, C, ldc, alpha);
    else if (transA && !transB)
        run<ColMajor, RowMajor>(m, n, k, A, lda, B, ldb, C, ldc, alpha);
    else if (!transA && transB)
        run<RowMajor, ColMajor>(m, n, k, A, lda, B, ldb, C, ldc, alpha);
    else
        run<ColMajor, ColMajor>(m, n, k, A, lda, B, ldb, C, ldc, alpha);
}

void gemm(bool transA, bool transB, Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb,
          float* C, Index ldc, bool accumulate, float alpha) {
    thread_local GemmWorkspace workspace;
    if (!accumulate)
        for (Index r = 0; r < m; ++r)
            std::fill_n(C + r * ldc, n, 0.0f);
    workspace.gemm(transA, transB, m, n, k, A, lda, B, ldb, C, ldc, alpha);
}

} // namespace attnviz::core
