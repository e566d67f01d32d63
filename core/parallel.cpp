#include "parallel.h"

#include <atomic>

namespace attnviz::core {

namespace {
std::atomic<int> gThreads{1};
} // namespace

int hardwareThreads() {
    return std::max(1, int(std::thread::hardware_concurrency()));
}

int threadCount() {
    return gThreads.load(std::memory_order_relaxed);
}

void setThreadCount(int threads) {
    gThreads.store(threads == 0 ? hardwareThreads() : std::clamp(threads, 1, 256), std::memory_order_relaxed);
}

} // namespace attnviz::core
