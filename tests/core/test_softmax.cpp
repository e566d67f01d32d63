// softmaxRows: known values, rows sum to 1, no overflow, shift invariance,
// and the production block path against a double-precision reference.
#include "core/base/random.h"
#include "core/base/softmax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace attnviz::core;

TEST(Softmax, KnownValues) {
    MatrixRM x(1, 2);
    x << 0.0f, std::log(2.0f);
    softmaxRows(x);
    EXPECT_NEAR(x(0, 0), 1.0 / 3.0, 1e-7);
    EXPECT_NEAR(x(0, 1), 2.0 / 3.0, 1e-7);
}

TEST(Softmax, RowsSumToOneAndLargeValuesDoNotOverflow) {
    MatrixRM x(3, 5);
    x << 1, 2, 3, 4, 5,              //
        1000, 1001, 999, 1000, 1000, //
        -1e9f, -1e9f, 0, -1e9f, -1e9f;
    softmaxRows(x);
    for (Index r = 0; r < 3; ++r) {
        EXPECT_NEAR(x.row(r).sum(), 1.0f, 1e-6f);
        EXPECT_TRUE(x.row(r).allFinite());
    }
    EXPECT_FLOAT_EQ(x(2, 2), 1.0f); // -1e9 entries vanish
    EXPECT_EQ(x(2, 0), 0.0f);
}

TEST(Softmax, ShiftInvariantAndUniformForEqualInputs) {
    MatrixRM a(1, 4), b(1, 4), c(1, 4);
    a << 0.5f, -1.0f, 2.0f, 0.0f;
    b = a.array() + 10.0f;
    c.setConstant(-1e9f);
    softmaxRows(a);
    softmaxRows(b);
    softmaxRows(c);
    EXPECT_TRUE(a.isApprox(b, 1e-5f));
    for (Index j = 0; j < 4; ++j)
        EXPECT_FLOAT_EQ(c(0, j), 0.25f);
}

TEST(Softmax, SourceToDestinationMatchesInPlace) {
    std::vector<float> src{1, 2, 3, 4, 5, 6}, dst(6), inplace = src;
    softmaxRows(src.data(), dst.data(), 2, 3);
    softmaxRows(inplace.data(), 2, 3);
    EXPECT_EQ(dst, inplace);
    EXPECT_EQ(src[0], 1.0f); // source untouched
}

namespace {

/// exp(x - max) / Σ exp(x - max) in double: the reference for float32 rows.
std::vector<double> referenceSoftmax(const float* x, Index n) {
    double m = -std::numeric_limits<double>::infinity();
    for (Index j = 0; j < n; ++j)
        m = std::max(m, double(x[j]));
    std::vector<double> p(size_t(n), 0.0);
    double sum = 0;
    for (Index j = 0; j < n; ++j)
        sum += p[size_t(j)] = std::exp(double(x[j]) - m);
    for (double& v : p)
        v /= sum;
    return p;
}

} // namespace

// The production path (16-wide blocks plus a scalar tail) against double
// precision at lengths around the block width and long rows, with masked tails
// as MultiHeadAttention writes them (replaced by −1e9) and as Attention does
// (1e9 subtracted), the row max in the blocks or in the tail, and fully masked rows.
TEST(Softmax, BlockPathMatchesADoubleReferenceAtEveryRowLength) {
    Rng rng(2024);
    for (const Index n : {1, 15, 16, 17, 37, 53, 1000, 4099}) {
        // Masked tail lengths: none, one, into the last block, across a block edge, all.
        std::vector<Index> tails{0, 1, n % 16, n % 16 + 3, n / 2, n - 1, n};
        std::vector<float> rows;
        Index count = 0;
        for (const Index tail : tails) {
            if (tail < 0 || tail > n)
                continue;
            for (const bool subtract : {false, true})
                for (const bool maxLast : {false, true}) {
                    std::vector<float> x(static_cast<size_t>(n));
                    for (float& v : x)
                        v = float(rng.normal() * 4.0);
                    if (maxLast && n - tail > 0)
                        x[size_t(n - tail - 1)] = 30.0f; // the row max sits just before the mask
                    for (Index j = n - tail; j < n; ++j)
                        x[size_t(j)] = subtract ? x[size_t(j)] - 1e9f : -1e9f;
                    rows.insert(rows.end(), x.begin(), x.end());
                    ++count;
                }
        }
        std::vector<float> out(rows.size()), inplace = rows;
        softmaxRows(rows.data(), out.data(), count, n);
        softmaxRows(inplace.data(), count, n);
        EXPECT_EQ(out, inplace) << "n = " << n;
        Eigen::Map<MatrixRM> eigenRows(rows.data(), count, n); // the Eigen overload, in place
        MatrixRM viaEigen = eigenRows;
        softmaxRows(viaEigen);
        double worst = 0;
        for (Index r = 0; r < count; ++r) {
            const float* x = rows.data() + r * n;
            const std::vector<double> ref = referenceSoftmax(x, n);
            double sum = 0;
            for (Index j = 0; j < n; ++j) {
                const double p = out[size_t(r * n + j)];
                sum += p;
                const double err = std::abs(p - ref[size_t(j)]);
                worst = std::max(worst, err / std::max(ref[size_t(j)], 1e-30));
                ASSERT_LE(err, 5e-6 * ref[size_t(j)] + 1e-12) << "n = " << n << ", row " << r << ", column " << j;
                ASSERT_NEAR(viaEigen(r, j), ref[size_t(j)], 5e-6 * ref[size_t(j)] + 1e-12);
            }
            EXPECT_NEAR(sum, 1.0, 1e-5) << "n = " << n << ", row " << r;
        }
        // Masked entries of a row with any unmasked entry are exactly 0.
        const Index tail = std::min<Index>(n - 1, n % 16 + 3);
        if (tail > 0) {
            std::vector<float> x(static_cast<size_t>(n), 0.5f), p(static_cast<size_t>(n));
            for (Index j = n - tail; j < n; ++j)
                x[size_t(j)] = -1e9f;
            softmaxRows(x.data(), p.data(), 1, n);
            for (Index j = n - tail; j < n; ++j)
                ASSERT_EQ(p[size_t(j)], 0.0f) << "n = " << n;
            EXPECT_FLOAT_EQ(p[0], float(1.0 / double(n - tail)));
        }
        std::ostringstream w;
        w << std::scientific << std::setprecision(2) << worst;
        RecordProperty("worst_rel_err_n" + std::to_string(n), w.str());
    }
}
