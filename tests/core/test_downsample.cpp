// Max-|value| pooling keeps the extremes of a large slice, and label steps never crowd.
#include "core/base/downsample.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

using namespace attnviz::core;

TEST(Downsample, SmallSlicesAreUnchanged) {
    const std::vector<float> v{1, -2, 3, 4, 5, 6};
    const Pooled p = poolMaxAbs(v, 2, 3, 8, 8);
    EXPECT_EQ(p.rows, 2);
    EXPECT_EQ(p.cols, 3);
    EXPECT_EQ(p.blockRows, 1);
    EXPECT_EQ(p.blockCols, 1);
    EXPECT_EQ(p.values, v);
}

TEST(Downsample, EachBlockKeepsItsLargestMagnitudeWithItsSign) {
    // 2048 x 2048 of tiny values with one large negative and one large positive.
    const Index n = 2048;
    std::vector<float> v(size_t(n * n), 1e-4f);
    v[size_t(1000 * n + 17)] = -3.5f;
    v[size_t(5 * n + 2047)] = 0.07f;
    const Pooled p = poolMaxAbs(v, n, n, 256, 256);
    EXPECT_EQ(p.rows, 256);
    EXPECT_EQ(p.cols, 256);
    EXPECT_EQ(p.blockRows, 8);
    EXPECT_EQ(p.blockCols, 8);
    EXPECT_FLOAT_EQ(p.at(1000 / 8, 17 / 8), -3.5f);
    EXPECT_FLOAT_EQ(p.at(0, 255), 0.07f);
    EXPECT_FLOAT_EQ(p.at(10, 10), 1e-4f);
}

TEST(Downsample, UnevenBlocksCoverEveryCell) {
    // 5 x 7 into at most 2 x 3: blocks of 3 x 3, the last ones smaller.
    std::vector<float> v(35, 0.0f);
    v[34] = 9.0f; // the bottom-right corner, alone in a partial block
    const Pooled p = poolMaxAbs(v, 5, 7, 2, 3);
    EXPECT_EQ(p.blockRows, 3);
    EXPECT_EQ(p.blockCols, 3);
    EXPECT_EQ(p.rows, 2);
    EXPECT_EQ(p.cols, 3);
    EXPECT_FLOAT_EQ(p.at(1, 2), 9.0f);
    EXPECT_FLOAT_EQ(p.at(0, 0), 0.0f);
}

TEST(Downsample, MaskedCellsYieldToUnmaskedAndNonFiniteWins) {
    const float masked = -1e9f;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    // Four 2 x 2 blocks of a 2 x 8 row pair.
    const std::vector<float> v{masked, masked, masked, 0.25f,  1.0f, nan,  -inf, 2.0f, //
                               masked, masked, masked, masked, 3.0f, 1.0f, 5.0f, 1.0f};
    const Pooled p = poolMaxAbs(v, 2, 8, 1, 4);
    ASSERT_EQ(p.cols, 4);
    EXPECT_TRUE(isMaskedScore(p.at(0, 0))) << "an all-masked block stays masked";
    EXPECT_FLOAT_EQ(p.at(0, 1), 0.25f) << "an unmasked value beats −1e9 despite its magnitude";
    EXPECT_TRUE(std::isnan(p.at(0, 2))) << "NaN stays visible";
    EXPECT_EQ(p.at(0, 3), -inf) << "−Inf is a value, not a mask";
}

namespace {

/// The documented rule, block by block: a non-finite value if any (the first),
/// else the unmasked value of largest magnitude (the first of equal ones),
/// else the first masked one.
std::vector<float> referencePool(const std::vector<float>& v, Index rows, Index cols, Index br, Index bc) {
    std::vector<float> out;
    for (Index r0 = 0; r0 < rows; r0 += br)
        for (Index c0 = 0; c0 < cols; c0 += bc) {
            int bestKind = 0;
            float best = 0;
            for (Index r = r0; r < std::min(r0 + br, rows); ++r)
                for (Index c = c0; c < std::min(c0 + bc, cols); ++c) {
                    const float x = v[size_t(r * cols + c)];
                    const int k = !std::isfinite(x) ? 3 : isMaskedScore(x) ? 1 : 2;
                    if (k > bestKind || (k == 2 && bestKind == 2 && std::fabs(x) > std::fabs(best))) {
                        bestKind = k;
                        best = x;
                    }
                }
            out.push_back(best);
        }
    return out;
}

} // namespace

TEST(Downsample, MaskFlagsPoolAsTheCopyWithMaskedCellsSetToMinus1e9) {
    // The in-place form with flags must give, bit for bit, what the views
    // used to get from a copy with every masked finite cell set to −1e9f.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    for (auto [rows, cols, maxRows, maxCols] : {std::array<Index, 4>{37, 53, 8, 8},
                                                {64, 64, 64, 64},
                                                {300, 260, 256, 256},
                                                {9, 1000, 4, 7},
                                                {517, 611, 64, 32}}) {
        const bool sparse = rows == 517; // mostly plain values: whole runs without NaN, Inf or masks
        std::vector<float> v(size_t(rows * cols));
        std::vector<std::uint8_t> flags(v.size());
        std::uint32_t state = 12345;
        auto next = [&] { return state = state * 1664525u + 1013904223u; };
        for (size_t i = 0; i < v.size(); ++i) {
            const std::uint32_t r = next();
            v[i] = float(int(r % 2001) - 1000) / 250.0f; // ties in magnitude happen
            flags[i] = (next() >> 7) % (sparse ? 5000 : 3) == 0;
            const std::uint32_t rare = sparse ? (r % 4999 == 0 ? r : 1u) : r;
            if (rare % 97 == 0)
                v[i] = nan;
            else if (rare % 89 == 0)
                v[i] = (r & 1) ? inf : -inf;
            else if (rare % 83 == 0)
                v[i] = -1e9f; // a masked score in the values themselves
        }
        // Whole masked blocks too: the first rows are all masked.
        for (Index i = 0; i < std::min<Index>(v.size(), 3 * cols); ++i)
            flags[size_t(i)] = 1;
        std::vector<float> copy = v;
        for (size_t i = 0; i < v.size(); ++i)
            if (flags[i] && std::isfinite(copy[i]))
                copy[i] = -1e9f;
        const Pooled want = poolMaxAbs(copy, rows, cols, maxRows, maxCols);
        const Pooled got = poolMaxAbs(v.data(), flags.data(), rows, cols, maxRows, maxCols);
        ASSERT_EQ(got.rows, want.rows);
        ASSERT_EQ(got.cols, want.cols);
        ASSERT_EQ(got.blockRows, want.blockRows);
        ASSERT_EQ(got.blockCols, want.blockCols);
        ASSERT_EQ(got.values.size(), want.values.size());
        for (size_t i = 0; i < want.values.size(); ++i)
            ASSERT_EQ(std::memcmp(&got.values[i], &want.values[i], sizeof(float)), 0)
                << rows << "x" << cols << " cell " << i << ": " << got.values[i] << " vs " << want.values[i];
        // And the copy's pooling is the rule as documented, cell by cell.
        const std::vector<float> ref = referencePool(copy, rows, cols, want.blockRows, want.blockCols);
        ASSERT_EQ(ref.size(), want.values.size());
        ASSERT_EQ(std::memcmp(ref.data(), want.values.data(), ref.size() * sizeof(float)), 0);
    }
}

TEST(Downsample, EmptySlices) {
    const Pooled p = poolMaxAbs({}, 0, 4, 2, 2);
    EXPECT_EQ(p.rows, 0);
    EXPECT_TRUE(p.values.empty());
}

TEST(Downsample, LabelStepsAreRoundAndLeaveRoom) {
    EXPECT_EQ(labelStep(8, 400, 20), 1);      // 50 px each
    EXPECT_EQ(labelStep(2048, 400, 24), 200); // 0.195 px each: every 200th
    EXPECT_EQ(labelStep(100, 100, 12), 20);   // 1 px each: 10 gives 10 px, too tight
    EXPECT_EQ(labelStep(3, 1, 50), 3);        // never more than n
    for (Index n : {7, 64, 512, 4096})
        for (double len : {50.0, 333.0, 1200.0}) {
            const Index step = labelStep(n, len, 30);
            EXPECT_TRUE(step >= n || len / double(n) * double(step) >= 30) << n << " " << len;
        }
}
