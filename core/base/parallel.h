// Threads for the core: a process-wide thread count (attnviz-trace --threads,
// the app's setting) and parallelFor, which splits a range of independent
// work items over that many std::threads.
//
// Why not Eigen's own (OpenMP) threading: Eigen picks its GEMM depth blocking
// from the thread count, so a multi-threaded product groups its sums
// differently and the numbers change in the last bits. Here every output
// element is still computed by the same single-threaded Eigen call with the
// same depth blocking; only which thread runs it changes. So a trace is
// bit-identical whatever the thread count (tests/core/test_threads.cpp).
#pragma once

#include "core/base/tensor.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace attnviz::core {

/// Threads the core may use; at least 1. Default: 1.
int threadCount();
/// Set the thread count (clamped to 1..256). 0 means the machine's cores.
void setThreadCount(int threads);
/// The machine's cores (std::thread::hardware_concurrency, at least 1).
int hardwareThreads();
/// Work (roughly, floating-point operations) a thread must get before
/// parallelFor starts it; default 4e6 (~0.1 ms). Tests set 0 to split every range.
double minWorkPerThread();
void setMinWorkPerThread(double work);

/// Run f(begin, end) over [0, n) split into at most threadCount() chunks of
/// at least `grain` items, with chunk boundaries at multiples of `align`.
/// Runs inline (one call f(0, n)) when one chunk suffices or `work` (a rough
/// operation count for the whole range) is too small to pay for threads.
/// An exception from any chunk is rethrown after every chunk has finished.
template <class F> void parallelFor(Index n, Index grain, Index align, double work, F&& f) {
    const double minWork = minWorkPerThread();
    const Index byWork = minWork > 0 ? Index(std::min(work / minWork, 1e6)) : Index(threadCount());
    const Index threads = std::min<Index>({Index(threadCount()), n / std::max<Index>(grain, 1), byWork});
    if (threads <= 1 || n <= 1) {
        if (n > 0)
            f(Index(0), n);
        return;
    }
    align = std::max<Index>(align, 1);
    std::vector<Index> bounds{0};
    for (Index t = 1; t < threads; ++t) {
        Index b = n * t / threads;
        b = b / align * align;
        if (b > bounds.back())
            bounds.push_back(b);
    }
    bounds.push_back(n);
    const size_t chunks = bounds.size() - 1;
    std::vector<std::exception_ptr> errors(chunks);
    std::vector<std::thread> pool;
    pool.reserve(chunks - 1);
    for (size_t c = 1; c < chunks; ++c)
        pool.emplace_back([&, c] {
            try {
                f(bounds[c], bounds[c + 1]);
            } catch (...) {
                errors[c] = std::current_exception();
            }
        });
    try {
        f(bounds[0], bounds[1]);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (std::thread& t : pool)
        t.join();
    for (const std::exception_ptr& e : errors)
        if (e)
            std::rethrow_exception(e);
}

} // namespace attnviz::core
