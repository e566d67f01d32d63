// No heap allocation in a training step after the first: this executable
// counts every malloc-family call (operator new goes through malloc) while
// steps run, for the benchmark models and a model of each layer kind.
#include "core/train/tasks.h"
#include "core/train/trainer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>

extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
}

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
void count() {
    if (g_counting.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

extern "C" {
void* malloc(size_t n) {
    count();
    return __libc_malloc(n);
}
void* calloc(size_t a, size_t b) {
    count();
    return __libc_calloc(a, b);
}
void* realloc(void* p, size_t n) {
    count();
    return __libc_realloc(p, n);
}
void* memalign(size_t a, size_t n) {
    count();
    return __libc_memalign(a, n);
}
void* aligned_alloc(size_t a, size_t n) {
    count();
    return __libc_memalign(a, n);
}
int posix_memalign(void** p, size_t a, size_t n) {
    count();
    *p = __libc_memalign(a, n);
    return *p ? 0 : 12;
}
}

namespace attnviz {
namespace {

using namespace core;

long allocationsInSteps(Trainer& t, int steps) {
    t.step(); // the first step may allocate (step 1's gradients are kept)
    g_allocations = 0;
    g_counting = true;
    for (int i = 0; i < steps; ++i)
        t.step();
    g_counting = false;
    return g_allocations.load();
}

TEST(TrainAlloc, CountingWorks) {
    g_allocations = 0;
    g_counting = true;
    void* volatile p = std::malloc(64);
    int* volatile q = new int[3];
    g_counting = false;
    std::free(p);
    delete[] q;
    EXPECT_EQ(g_allocations.load(), 2);
}

TEST(TrainAlloc, NoAllocationAfterTheFirstStep) {
    // The benchmark models (tests/bench/bench_train.cpp) and every layer kind.
    TrainSpec small = taskTrainSpec("reverse", 100, 0);
    TrainSpec large = taskTrainSpec("reverse", 100, 0);
    large.model.vocab = 16;
    large.model.length = 32;
    large.model.embedDim = 128;
    large.model.blocks[0].config.numHeads = 4;
    large.model.blocks[0].config.keyDim = 32;
    large.task->batch = 64;
    for (TrainSpec* s : {&small, &large}) {
        Trainer t(*s);
        EXPECT_EQ(allocationsInSteps(t, 5), 0) << "E = " << s->model.embedDim;
    }
    for (LayerKind kind : {LayerKind::GroupQueryAttention, LayerKind::Attention, LayerKind::AdditiveAttention}) {
        Trainer t(taskTrainSpec("induction", 100, 1, kind));
        EXPECT_EQ(allocationsInSteps(t, 5), 0) << layerName(kind);
    }
}

} // namespace
} // namespace attnviz
