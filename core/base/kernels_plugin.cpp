// libattnviz_kernels_x86-64-v3.so and -v4.so: core/base/kernels.h compiled
// with -march=x86-64-v3 (AVX2, FMA) or -march=x86-64-v4 (AVX-512) for portable
// builds, loaded by gemm.cpp only on CPUs of that level. Built with hidden visibility: Eigen's instantiations
// here stay inside the plug-in and never replace the baseline ones.
#include "core/base/kernels.h"

#if !defined(__AVX2__) || !defined(__FMA__)
#error "kernels_plugin.cpp must be compiled for x86-64-v3 or higher (AVX2 and FMA)"
#endif

extern "C" __attribute__((visibility("default"))) void attnviz_gemm_nn(long m, long n, long k, const float* A, long lda,
                                                                       const float* B, long ldb, float* C, long ldc) {
    attnviz::core::detail::eigenGemmNN(m, n, k, A, lda, B, ldb, C, ldc);
}

extern "C" __attribute__((visibility("default"))) void attnviz_gemm_nt(long m, long n, long k, const float* A, long lda,
                                                                       const float* B, long ldb, float* C, long ldc) {
    attnviz::core::detail::eigenGemmNT(m, n, k, A, lda, B, ldb, C, ldc);
}

extern "C" __attribute__((visibility("default"))) void attnviz_softmax_rows(const float* src, float* dst, long rows,
                                                                            long cols) {
    attnviz::core::detail::softmaxRowsKernel(src, dst, rows, cols);
}
