// Matrix products split over the core's threads (core/parallel.h) so that
// every output element is computed exactly as by one single-threaded call.
#pragma once

#include "core/base/eigen_types.h"
#include "core/base/gemm.h"
#include "core/base/parallel.h"

namespace attnviz::core {

/// Rows per chunk boundary: a multiple of every Eigen micro-kernel size
/// (nr = 4, packets of 4/8/16 floats, mr up to 3 × 16), so a row is packed
/// and multiplied by the same kernel whichever chunk it falls in; the depth
/// blocking depends on the inner size only.
inline constexpr Index kRowAlign = 48;

/// Y (m × n) = X (m × k) · W (k × n), all row-major and contiguous, split by rows.
inline void gemmRows(const float* X, Index m, Index k, const float* W, Index n, float* Y) {
    parallelFor(m, 2 * kRowAlign, kRowAlign, 2.0 * double(m) * double(k) * double(n), [&](Index b, Index e) {
        gemmNN(e - b, n, k, X + b * k, k, W, n, Y + b * n, n); // (rows, k)·(k, n)
    });
}

/// f(i) for every i in [0, count), independent blocks (e.g. one per (batch, head)).
template <class F> void forEachBlock(Index count, double workPerBlock, F&& f) {
    parallelFor(count, 1, 1, workPerBlock * double(count), [&](Index b, Index e) {
        for (Index i = b; i < e; ++i)
            f(i);
    });
}

/// f(begin, end) over an elementwise range of n items.
template <class F> void forEachRange(Index n, double workPerItem, F&& f) {
    parallelFor(n, 4096, 64, workPerItem * double(n), f);
}

} // namespace attnviz::core
