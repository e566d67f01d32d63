// The query–key space (core/teach/qk_space): the right tensors per layer, the
// shift that leaves every softmax row unchanged and puts the key centroid on
// the query centroid, no shift for additive scores, and the PCA of known
// point sets.
#include "core/teach/qk_space.h"

#include "core/layers/run.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace attnviz::core;

namespace {

Spec layerSpec(LayerKind layer, int heads, int kvHeads, Index T, Index S, Index E, std::uint64_t seed) {
    Spec s;
    s.config.layer = layer;
    s.config.numHeads = heads;
    s.config.numKeyValueHeads = kvHeads;
    s.config.keyDim = 4;
    s.shapes = {.batch = 2, .queryLen = T, .sourceLen = S, .queryFeatures = E, .valueFeatures = E, .keyFeatures = {}};
    s.seed = seed;
    return s;
}

// The mean of each column.
RowVectorF centroid(const MatrixRM& m) {
    return m.colwise().mean();
}

} // namespace

TEST(QkSpace, ReadsEachLayersQueriesAndKeys) {
    const Trace mha = run(layerSpec(LayerKind::MultiHeadAttention, 3, 3, 5, 6, 8, 1));
    QkSource s = qkSource(mha);
    EXPECT_EQ(s.queryKey, "scaled_query");
    EXPECT_EQ(s.keyKey, "key_dense");
    EXPECT_TRUE(s.dotProduct);
    EXPECT_EQ(s.heads, 3);

    const Trace gqa = run(layerSpec(LayerKind::GroupQueryAttention, 4, 2, 5, 6, 8, 2));
    s = qkSource(gqa);
    EXPECT_EQ(s.queryKey, "scaled_query");
    EXPECT_EQ(s.keyKey, "key_repeated");
    EXPECT_EQ(s.heads, 4);

    Spec luong = layerSpec(LayerKind::Attention, 1, 1, 5, 6, 8, 3);
    luong.config.useScale = true;
    luong.weights = resolveWeights(luong);
    luong.weights["scale"] = Tensor({}, {1.7f});
    const Trace lt = run(luong);
    s = qkSource(lt);
    EXPECT_EQ(s.queryKey, "query");
    EXPECT_EQ(s.keyKey, "value"); // no key given: Keras uses the value as the key
    EXPECT_FLOAT_EQ(s.scoreFactor, 1.7f);
    EXPECT_EQ(s.heads, 1);

    const Trace additive = run(layerSpec(LayerKind::AdditiveAttention, 1, 1, 5, 6, 8, 4));
    s = qkSource(additive);
    EXPECT_FALSE(s.dotProduct);
    EXPECT_EQ(s.queryKey, "query");
}

// For every dot-product layer and head: q·k (times the layer's factor) is the
// trace's scores, the shift changes no weight, the key centroid lands on the
// query centroid, and the weights are the trace's.
TEST(QkSpace, ShiftLeavesEverySoftmaxRowUnchanged) {
    std::vector<Spec> specs{layerSpec(LayerKind::MultiHeadAttention, 2, 2, 4, 7, 6, 11),
                            layerSpec(LayerKind::GroupQueryAttention, 6, 3, 5, 5, 8, 12),
                            layerSpec(LayerKind::GroupQueryAttention, 3, 1, 3, 6, 8, 13),
                            layerSpec(LayerKind::Attention, 1, 1, 6, 4, 5, 14)};
    specs[0].call.useCausalMask = true;
    int checked = 0;
    for (Spec& spec : specs) {
        // Biases that are not zero, so that mean(k) is far from mean(q).
        spec.weights = resolveWeights(spec);
        for (auto& [name, w] : spec.weights)
            if (name == "key_dense/bias")
                for (float& x : w.values())
                    x = 3.0f;
        const Trace trace = run(spec);
        const QkSource src = qkSource(trace);
        for (Index b = 0; b < 2; ++b)
            for (Index h = 0; h < src.heads; ++h) {
                const QkSpace q = qkSpace(trace, b, h);
                ASSERT_TRUE(q.shifted) << trace.layer;
                EXPECT_LT(q.maxScoreError, 1e-5f) << trace.layer << " head " << h;
                EXPECT_LT(q.maxRowSpread, 1e-5f) << trace.layer << " head " << h;
                EXPECT_LT(q.maxWeightChange, 1e-6f) << trace.layer << " head " << h;
                EXPECT_LT((centroid(q.queries) - centroid(q.keys)).norm(), 1e-4f) << trace.layer << " head " << h;
                // The weights shown are the trace's own.
                const Tensor& w = trace.find("weights")->value;
                const Index T = w.dim(-2), S = w.dim(-1), N = w.rank() == 4 ? w.dim(1) : 1;
                for (Index t = 0; t < T; ++t)
                    for (Index s = 0; s < S; ++s)
                        ASSERT_EQ(q.weights(t, s), w.data()[((b * N + h) * T + t) * S + s]);
                EXPECT_NE(q.note.find("unchanged"), std::string::npos);
                ++checked;
            }
    }
    EXPECT_EQ(checked, 2 * (2 + 6 + 3 + 1));
}

TEST(QkSpace, AdditiveScoresAreNotShifted) {
    const Trace t = run(layerSpec(LayerKind::AdditiveAttention, 1, 1, 4, 5, 6, 21));
    const QkSpace q = qkSpace(t, 1, 0);
    EXPECT_FALSE(q.shifted);
    EXPECT_NE(q.note.find("tanh"), std::string::npos);
    EXPECT_EQ(q.queries.rows(), 4);
    EXPECT_EQ(q.keys.rows(), 5);
}

TEST(QkSpace, RefusesBadIndicesAndTracesWithoutScores) {
    const Trace t = run(layerSpec(LayerKind::MultiHeadAttention, 2, 2, 3, 3, 4, 31));
    EXPECT_THROW(qkSpace(t, 2, 0), std::invalid_argument);
    EXPECT_THROW(qkSpace(t, 0, 2), std::invalid_argument);
    EXPECT_THROW(qkSpace(t, -1, 0), std::invalid_argument);
    Trace empty;
    EXPECT_TRUE(qkSource(empty).queryKey.empty());
    EXPECT_THROW(qkSpace(empty, 0, 0), std::invalid_argument);
}

// Points on a rectangle of sides 4 and 2 (variances 4 : 1 along the sides),
// rotated into 3-D: the PCA gives back the sides, their shares 0.8 and 0.2,
// and distances as they were.
TEST(QkSpace, PrincipalCoordinatesOfAKnownPointSet) {
    const std::vector<std::pair<float, float>> plane{{2, 1}, {2, -1}, {-2, 1}, {-2, -1}};
    // An orthonormal basis u, v of a plane in 3-D, plus an offset.
    RowVectorF u(3), v(3), offset(3);
    u << 2.0f / 7, 6.0f / 7, 3.0f / 7;
    v << 6.0f / 7, -3.0f / 7, 2.0f / 7;
    offset << 5, -3, 7;
    MatrixRM pts(4, 3);
    for (Index i = 0; i < 4; ++i)
        pts.row(i) = plane[size_t(i)].first * u + plane[size_t(i)].second * v + offset;
    float explained[2];
    Index comps = 0;
    const MatrixRM c = principalCoordinates(pts, explained, &comps);
    EXPECT_EQ(comps, 2);
    EXPECT_NEAR(explained[0], 0.8f, 1e-5f);
    EXPECT_NEAR(explained[1], 0.2f, 1e-5f);
    // The axes are u and v themselves, not −u or −v: the sign rule makes each
    // component's largest loading positive (6/7 in both), so the picture never
    // flips between runs.
    for (Index i = 0; i < 4; ++i) {
        EXPECT_NEAR(c(i, 0), plane[size_t(i)].first, 1e-4f);
        EXPECT_NEAR(c(i, 1), plane[size_t(i)].second, 1e-4f);
    }
    // Mirrored data gives the mirrored picture.
    const MatrixRM mirrored = principalCoordinates(-pts, explained, &comps);
    EXPECT_TRUE(mirrored.isApprox(-c, 1e-4f));

    // Points on a line: one component, the second axis all zeros.
    MatrixRM line(5, 3);
    for (Index i = 0; i < 5; ++i)
        line.row(i) << float(i), 2.0f * float(i), 0.0f;
    const MatrixRM l = principalCoordinates(line, explained, &comps);
    EXPECT_EQ(comps, 1);
    EXPECT_NEAR(explained[0], 1.0f, 1e-6f);
    EXPECT_NEAR(std::abs(l(4, 0) - l(0, 0)), 4.0f * std::sqrt(5.0f), 1e-4f);
    EXPECT_LT(l.col(1).cwiseAbs().maxCoeff(), 1e-6f);

    // All points equal: nothing to show, no NaN.
    const MatrixRM same = MatrixRM::Constant(3, 2, 1.5f);
    const MatrixRM z = principalCoordinates(same, explained, &comps);
    EXPECT_EQ(comps, 0);
    EXPECT_TRUE(z.allFinite());
    EXPECT_EQ(z.cwiseAbs().maxCoeff(), 0.0f);
}

TEST(QkSpace, PointLabels) {
    EXPECT_EQ(qkPointLabel({"the", "cat"}, 1), "cat·1");
    EXPECT_EQ(qkPointLabel({"the", "cat"}, 2), "2");
    EXPECT_EQ(qkPointLabel({}, 0), "0");
}
