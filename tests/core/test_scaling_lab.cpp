// The 1/√dₖ lab's numbers: unscaled logits spread like √d, scaled ones stay
// flat, and without scaling the softmax saturates at large d.
#include "core/layers/run.h"
#include "core/teach/scaling_lab.h"
#include "core/spec/spec.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace attnviz::core;

namespace {

std::vector<ScalingPoint> lab(std::uint64_t seed = 1) {
    ScalingLabOptions o;
    o.seed = seed;
    return scalingLab(o);
}

} // namespace

TEST(ScalingLab, KeyDimsCoverOneTo1024) {
    const std::vector<int> d = defaultScalingKeyDims();
    EXPECT_EQ(d.front(), 1);
    EXPECT_EQ(d.back(), 1024);
    EXPECT_TRUE(std::is_sorted(d.begin(), d.end()));
    EXPECT_NE(std::find(d.begin(), d.end(), 64), d.end());
    EXPECT_NE(std::find(d.begin(), d.end(), 96), d.end()); // a key_dim between powers of 2
    EXPECT_EQ(lab().size(), d.size());
}

TEST(ScalingLab, UnscaledSpreadGrowsLikeSqrtDScaledStaysFlat) {
    const auto points = lab();
    std::vector<double> d, un, sc;
    for (const ScalingPoint& p : points) {
        d.push_back(p.keyDim);
        un.push_back(p.spreadUnscaled);
        sc.push_back(p.spreadScaled);
    }
    EXPECT_NEAR(logLogSlope(d, un), 0.5, 0.05);
    EXPECT_NEAR(logLogSlope(d, sc), 0.0, 0.05);
    // Var(q·k) = d for unit normals: the spread is √d, within sampling noise
    // (1024 logits: ≈ 3 % relative standard error, and rows share a query).
    for (const ScalingPoint& p : points) {
        EXPECT_NEAR(p.spreadUnscaled / std::sqrt(double(p.keyDim)), 1.0, 0.2) << "key_dim " << p.keyDim;
        EXPECT_NEAR(p.spreadScaled, 1.0, 0.2) << "key_dim " << p.keyDim;
        EXPECT_NEAR(p.spreadScaled * std::sqrt(double(p.keyDim)), p.spreadUnscaled, 1e-9);
    }
}

TEST(ScalingLab, WithoutScalingTheSoftmaxSaturates) {
    const auto points = lab(5);
    const ScalingPoint& big = points.back(); // key_dim 1024
    ASSERT_EQ(big.keyDim, 1024);
    EXPECT_GT(big.maxWeightUnscaled, 0.95);
    EXPECT_LT(big.entropyUnscaled, 0.15);
    EXPECT_LT(big.maxGradUnscaled, 0.05); // p(1−p) → 0: no gradient
    // With the scaling the row stays soft at every key_dim.
    for (const ScalingPoint& p : points) {
        EXPECT_LT(p.maxWeightScaled, 0.6) << p.keyDim;
        EXPECT_GT(p.entropyScaled, 1.5) << p.keyDim; // uniform over 16 keys: ln 16 ≈ 2.77
        EXPECT_GT(p.maxGradScaled, 0.1) << p.keyDim;
        EXPECT_LE(p.maxGradScaled, 0.25);
    }
    // Saturation grows with d.
    EXPECT_GT(big.maxWeightUnscaled, points[3].maxWeightUnscaled);
    EXPECT_LT(big.entropyUnscaled, points[3].entropyUnscaled);
    // key_dim 1: scaling changes nothing.
    EXPECT_DOUBLE_EQ(points[0].spreadScaled, points[0].spreadUnscaled);
    EXPECT_DOUBLE_EQ(points[0].entropyScaled, points[0].entropyUnscaled);
}

TEST(ScalingLab, SeededAndRefusesBadSizes) {
    EXPECT_EQ(lab(3)[5].spreadUnscaled, lab(3)[5].spreadUnscaled);
    EXPECT_NE(lab(3)[5].spreadUnscaled, lab(4)[5].spreadUnscaled);
    ScalingLabOptions o;
    o.keyDims = {0};
    EXPECT_THROW(scalingLab(o), std::invalid_argument);
    o.keyDims = {8};
    o.rows = 0;
    EXPECT_THROW(scalingLab(o), std::invalid_argument);
}

TEST(ScalingLab, TheLayersOwnPoint) {
    Spec s;
    s.config.numHeads = 2;
    s.config.keyDim = 16;
    s.shapes.queryLen = 5;
    s.shapes.sourceLen = 6;
    s.seed = 9;
    const Trace t = run(s);
    const auto p = layerScalingPoint(t);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->keyDim, 16);
    // The scaled spread is the std of the trace's own scores.
    const Tensor& scores = t.find("scores")->value;
    double mean = 0, ss = 0;
    for (float v : scores.values())
        mean += v;
    mean /= double(scores.size());
    for (float v : scores.values())
        ss += (v - mean) * (v - mean);
    EXPECT_NEAR(p->spreadScaled, std::sqrt(ss / double(scores.size())), 1e-5);
    EXPECT_NEAR(p->spreadUnscaled, p->spreadScaled * 4.0, 1e-4); // √16
    // Its scaled largest weight is the mean row max of the trace's weights.
    const Tensor& w = t.find("weights")->value;
    double rowMax = 0;
    for (Index r = 0; r < w.size() / 6; ++r)
        rowMax += *std::max_element(w.data() + r * 6, w.data() + r * 6 + 6);
    EXPECT_NEAR(p->maxWeightScaled, rowMax / double(w.size() / 6), 1e-5);

    Spec a;
    a.config.layer = LayerKind::Attention;
    a.shapes.queryFeatures = a.shapes.valueFeatures = 9;
    const auto pa = layerScalingPoint(run(a));
    ASSERT_TRUE(pa);
    EXPECT_EQ(pa->keyDim, 9);
    EXPECT_NEAR(pa->spreadScaled * 3.0, pa->spreadUnscaled, 1e-9);

    Spec add;
    add.config.layer = LayerKind::AdditiveAttention;
    EXPECT_FALSE(layerScalingPoint(run(add))); // no dot product
}
