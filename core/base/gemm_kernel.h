// The Eigen products behind core/base/gemm.h, inline so that gemm.cpp (the
// build's own instruction set) and gemm_plugin.cpp (x86-64-v3) compile the
// same code. Private to those two files.
#pragma once

#include "core/base/eigen_types.h"

namespace attnviz::core::detail {

inline void eigenGemmNN(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C,
                        Index ldc) {
    ConstStridedMap a(A, m, k, Stride(lda)); // (m, k)
    ConstStridedMap b(B, k, n, Stride(ldb)); // (k, n)
    StridedMap c(C, m, n, Stride(ldc));      // (m, n)
    c.noalias() = a * b;
}

inline void eigenGemmNT(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C,
                        Index ldc) {
    ConstStridedMap a(A, m, k, Stride(lda)); // (m, k)
    ConstStridedMap b(B, n, k, Stride(ldb)); // (n, k)
    StridedMap c(C, m, n, Stride(ldc));      // (m, n)
    c.noalias() = a * b.transpose();
}

} // namespace attnviz::core::detail

// The plug-in's C entry points (gemm_plugin.cpp), looked up by gemm.cpp.
extern "C" {
using AttnvizGemmFn = void (*)(long m, long n, long k, const float* A, long lda, const float* B, long ldb, float* C,
                               long ldc);
}
