// softmaxRows: known values, rows sum to 1, no overflow, shift invariance.
#include "core/softmax.h"

#include <gtest/gtest.h>

#include <cmath>

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
