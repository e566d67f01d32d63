#include "core/base/parallel.h"

#include <atomic>

namespace attnviz::core {

namespace {
std::atomic<int> gThreads{1};
std::atomic<double> gMinWork{4e6};
} // namespace

int hardwareThreads() {
    return std::max(1, int(std::thread::hardware_concurrency()));
}

double minWorkPerThread() {
    return gMinWork.load(std::memory_order_relaxed);
}

void setMinWorkPerThread(double work) {
    gMinWork.store(std::max(0.0, work), std::memory_order_relaxed);
}

int threadCount() {
    return gThreads.load(std::memory_order_relaxed);
}

void setThreadCount(int threads) {
    gThreads.store(threads == 0 ? hardwareThreads() : std::clamp(threads, 1, 256), std::memory_order_relaxed);
}

} // namespace attnviz::core
