// The hot kernels, inline so that gemm.cpp and softmax.cpp (the build's own
// instruction set) and kernels_plugin.cpp (x86-64-v3, v4) compile the same
// code: the Eigen products behind core/base/gemm.h and the row softmax behind
// core/base/softmax.h. Private to those files.
#pragma once

#include "core/base/eigen_types.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

// Eigen's vectorised exp clamps its argument at about -88.4, so below
// ln(FLT_MIN) ≈ -87.34 it returns about 1.2e-38 where expf (and NumPy, hence
// Keras) give a denormal or exactly 0: a masked -1e9 logit must weigh exactly
// 0. Those few entries are recomputed with std::exp.
inline constexpr float kExpExact = -87.0f;

inline void fixUnderflow(const float* d, float* e, Index n) {
    for (Index k = 0; k < n; ++k)
        if (d[k] < kExpExact)
            e[k] = std::exp(d[k]);
}

// Softmax of `rows` rows of `cols` floats, src to dst (may be equal).
inline void softmaxRowsKernel(const float* src, float* dst, Index rows, Index cols) {
    // Fixed 16-wide blocks: Eigen vectorises exp on them with unaligned loads.
    // On a dynamic-size Map it would peel up to 15 scalar expf calls per row
    // to align the destination, which dominated short rows.
    using Block = Eigen::Array<float, 16, 1>;
    const Index full = cols / 16 * 16;
    for (Index r = 0; r < rows; ++r) {
        const float* in = src + r * cols;
        float* out = dst + r * cols;
        Block mb = Block::Constant(-std::numeric_limits<float>::infinity());
        Block lb = Block::Constant(std::numeric_limits<float>::infinity());
        for (Index j = 0; j < full; j += 16) {
            const Block x = Eigen::Map<const Block>(in + j);
            mb = mb.max(x);
            lb = lb.min(x);
        }
        float m = mb.maxCoeff(), lo = lb.minCoeff();
        for (Index j = full; j < cols; ++j) {
            m = std::max(m, in[j]);
            lo = std::min(lo, in[j]);
        }
        // Only a row whose smallest entry lies that far below its max needs the
        // check per block (a masked row); it costs as much as the exp itself.
        const bool check = !(lo - m >= kExpExact);
        Block acc = Block::Zero();
        for (Index j = 0; j < full; j += 16) {
            Eigen::Map<Block> o(out + j);
            const Block d = Eigen::Map<const Block>(in + j) - m;
            o = d.exp();
            if (check && (d < kExpExact).any())
                fixUnderflow(d.data(), o.data(), 16);
            acc += o;
        }
        float sum = acc.sum();
        for (Index j = full; j < cols; ++j) {
            out[j] = std::exp(in[j] - m);
            sum += out[j];
        }
        for (Index j = 0; j < full; j += 16)
            Eigen::Map<Block>(out + j) /= sum;
        for (Index j = full; j < cols; ++j)
            out[j] /= sum;
    }
}

using SoftmaxFn = void (*)(const float* src, float* dst, long rows, long cols);
/// The plug-in's softmax when one is loaded (gemm.cpp), else null.
SoftmaxFn pluginSoftmax();

} // namespace attnviz::core::detail

// The plug-in's C entry points (kernels_plugin.cpp), looked up by gemm.cpp.
extern "C" {
using AttnvizGemmFn = void (*)(long m, long n, long k, const float* A, long lda, const float* B, long ldb, float* C,
                               long ldc);
}
