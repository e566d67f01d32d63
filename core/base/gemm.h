// The float matrix products the layers run (projections, scores, context),
// single-threaded, on row-major strided matrices. One entry for two kernels:
// Eigen as this build was compiled, or, in a portable build on a CPU of
// level x86-64-v3 (AVX2, FMA) or v4 (AVX-512), the same Eigen code compiled
// for that level in a plug-in (libattnviz_kernels_x86-64-v3.so, -v4.so,
// which also holds the row softmax) loaded at the first product or softmax. Which one runs
// never depends on the thread count, so threaded products stay bit-identical.
#pragma once

#include "core/base/eigen_types.h"

#include <string>

namespace attnviz::core {

/// C (m × n, row stride ldc) = A (m × k, lda) · B (k × n, ldb).
void gemmNN(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C, Index ldc);

/// C (m × n, ldc) = A (m × k, lda) · Bᵀ, with B (n × k, ldb).
void gemmNT(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C, Index ldc);

/// The kernel in use, e.g. "x86-64-v4 plug-in (AVX-512): PATH", "as compiled (AVX2, FMA)"
/// or "as compiled (SSE2)", and why no plug-in is used when none is.
std::string gemmKernelDescription();

/// True when the products run in a plug-in.
bool gemmUsesPlugin();

} // namespace attnviz::core
