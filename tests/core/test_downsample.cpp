// Max-|value| pooling keeps the extremes of a large slice, and label steps never crowd.
#include "core/downsample.h"

#include <gtest/gtest.h>

#include <cmath>
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
