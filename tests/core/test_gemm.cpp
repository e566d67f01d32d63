// core/base/gemm.h: both products against a double-precision loop, on strided
// views at sizes that are no multiple of any micro-kernel, with whichever
// kernel this build and CPU run; and a portable build must really run the
// plug-in of the CPU's level (else the package would be 2-4× slower).
#include "core/base/gemm.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <iostream>
#include <random>
#include <vector>

using namespace attnviz::core;

namespace {

struct Strided {
    Index rows, cols, ld;
    std::vector<float> data;
    Strided(Index r, Index c, Index pad, std::mt19937& rng)
        : rows(r), cols(c), ld(c + pad), data(size_t(r * (c + pad))) {
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        for (float& x : data)
            x = u(rng);
    }
    float at(Index i, Index j) const { return data[size_t(i * ld + j)]; }
};

} // namespace

TEST(Gemm, BothProductsMatchADoubleLoopOnStridedViews) {
    std::mt19937 rng(7);
    for (const auto& [m, n, k] : std::vector<std::array<Index, 3>>{{1, 1, 1}, {5, 7, 3}, {49, 33, 17}, {97, 130, 64}}) {
        const Strided A(m, k, 3, rng), Bnn(k, n, 5, rng), Bnt(n, k, 2, rng);
        const Index ldc = n + 4;
        std::vector<float> Cnn(size_t(m * ldc), -7.0f), Cnt(size_t(m * ldc), -7.0f);
        gemmNN(m, n, k, A.data.data(), A.ld, Bnn.data.data(), Bnn.ld, Cnn.data(), ldc);
        gemmNT(m, n, k, A.data.data(), A.ld, Bnt.data.data(), Bnt.ld, Cnt.data(), ldc);
        double worstNN = 0, worstNT = 0;
        for (Index i = 0; i < m; ++i) {
            for (Index j = 0; j < n; ++j) {
                double nn = 0, nt = 0;
                for (Index p = 0; p < k; ++p) {
                    nn += double(A.at(i, p)) * Bnn.at(p, j);
                    nt += double(A.at(i, p)) * Bnt.at(j, p);
                }
                worstNN = std::max(worstNN, std::abs(nn - Cnn[size_t(i * ldc + j)]));
                worstNT = std::max(worstNT, std::abs(nt - Cnt[size_t(i * ldc + j)]));
            }
            for (Index j = n; j < ldc; ++j) // the padding between rows is left alone
                ASSERT_EQ(Cnn[size_t(i * ldc + j)], -7.0f) << m << "x" << n << "x" << k;
        }
        EXPECT_LT(worstNN, 1e-5 * double(k)) << m << "x" << n << "x" << k << " NN, " << gemmKernelDescription();
        EXPECT_LT(worstNT, 1e-5 * double(k)) << m << "x" << n << "x" << k << " NT, " << gemmKernelDescription();
    }
}

TEST(Gemm, APortableBuildRunsThePluginOfTheCpusLevel) {
    const std::string what = gemmKernelDescription();
    std::cout << "matrix products: " << what << "\n";
#if defined(ATTNVIZ_EXPECT_GEMM_PLUGIN)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("x86-64-v4"))
        EXPECT_EQ(what.rfind("x86-64-v4 plug-in (AVX-512): ", 0), 0u) << what;
    else if (__builtin_cpu_supports("x86-64-v3"))
        EXPECT_EQ(what.rfind("x86-64-v3 plug-in (AVX2, FMA): ", 0), 0u) << what;
    else
        EXPECT_FALSE(gemmUsesPlugin()) << what;
#else
    EXPECT_FALSE(gemmUsesPlugin()) << what; // native and sanitizer builds have no plug-in
#endif
}
