// Every step of every layer and option says how it is shown: a value kind
// that its numbers obey, one known role per axis, and masked cells that are
// the cells Keras masked.
#include "core/layers/run.h"
#include "core/base/parallel.h"
#include "core/trace/step_display.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

using namespace attnviz::core;

namespace {

struct Case {
    std::string name;
    Spec spec;
};

Tensor mask01(Shape shape, std::uint64_t pattern) {
    Tensor m(std::move(shape));
    for (Index i = 0; i < m.size(); ++i)
        m.data()[i] = ((pattern >> (i % 61)) & 1u) ? 1.0f : 0.0f;
    return m;
}

Spec base(LayerKind layer) {
    Spec s;
    s.config.layer = layer;
    s.shapes = Shapes{.batch = 2, .queryLen = 3, .sourceLen = 5, .queryFeatures = 4, .valueFeatures = 4};
    s.seed = 7;
    return s;
}

/// Every layer with each option that changes which steps exist.
std::vector<Case> allCases() {
    std::vector<Case> cases;
    auto add = [&](std::string name, LayerKind layer, const std::function<void(Spec&)>& edit) {
        Spec s = base(layer);
        edit(s);
        cases.push_back({std::move(name), std::move(s)});
    };
    const auto none = [](Spec&) {};
    // value mask with a fully masked batch row (batch 1 keeps nothing).
    const auto valueMask = [](Spec& s) { s.valueMask = Tensor({2, 5}, {1, 0, 1, 1, 0, 0, 0, 0, 0, 0}); };
    for (LayerKind layer : {LayerKind::MultiHeadAttention, LayerKind::Attention, LayerKind::AdditiveAttention}) {
        const std::string n = layerName(layer);
        add(n, layer, none);
        add(n + " key", layer, [](Spec& s) { s.shapes.keyFeatures = 4; });
        add(n + " value_mask", layer, valueMask);
        add(n + " causal", layer, [](Spec& s) { s.call.useCausalMask = true; });
        add(n + " query_mask", layer, [](Spec& s) { s.queryMask = Tensor({2, 3}, {1, 0, 1, 1, 1, 0}); });
        if (layer == LayerKind::MultiHeadAttention) // Attention takes [query_mask, value_mask] only
            add(n + " key_mask", layer, [](Spec& s) {
                s.shapes.keyFeatures = 4;
                s.keyMask = mask01({2, 5}, 0x2DBull);
            });
        add(n + " dropout", layer, [&](Spec& s) {
            valueMask(s);
            s.config.dropout = 0.4f;
            s.call.training = true;
        });
        add(n + " use_scale", layer, [](Spec& s) { s.config.useScale = true; });
        add(n + " no scale", layer, [](Spec& s) { s.config.useScale = false; });
    }
    add("Attention concat", LayerKind::Attention, [](Spec& s) { s.config.scoreMode = ScoreMode::Concat; });
    add("Attention concat masked", LayerKind::Attention, [&](Spec& s) {
        s.config.scoreMode = ScoreMode::Concat;
        valueMask(s);
    });
    add("MHA attention_mask", LayerKind::MultiHeadAttention, [](Spec& s) {
        s.attentionMask = mask01({2, 3, 5}, 0x1F3A5B7Cull);
    });
    add("GQA 4/2 heads", LayerKind::GroupQueryAttention, [](Spec& s) {
        s.config.numHeads = 4;
        s.config.numKeyValueHeads = 2;
    });
    add("GQA multi-query, causal, dropout", LayerKind::GroupQueryAttention, [](Spec& s) {
        s.config.numHeads = 3;
        s.config.numKeyValueHeads = 1;
        s.call.useCausalMask = true;
        s.config.dropout = 0.3f;
        s.call.training = true;
    });
    add("MHA sliding window, gate", LayerKind::MultiHeadAttention, [&](Spec& s) {
        s.config.slidingWindow = 2;
        s.config.useGate = true;
        valueMask(s);
    });
    add("GQA gate, value mask", LayerKind::GroupQueryAttention, [&](Spec& s) {
        s.config.numHeads = 2;
        s.config.numKeyValueHeads = 2;
        s.config.useGate = true;
        valueMask(s);
    });
    add("MHA transformer", LayerKind::MultiHeadAttention, [](Spec& s) {
        s.config.transformerSublayer = true;
        s.config.numHeads = 3;
    });
    add("MHA no bias, 1 head", LayerKind::MultiHeadAttention, [](Spec& s) {
        s.config.useBias = false;
        s.config.numHeads = 1;
        s.config.valueDim = 6;
        s.config.outputShape = 7;
    });
    return cases;
}

} // namespace

// What a layer must declare for an axis it names so: the slicing and token
// labels of every view follow the role, so a name and its role must agree.
AxisRole expectedRole(const std::string& name) {
    if (name == "batch")
        return AxisRole::Batch;
    if (name == "head")
        return AxisRole::Head;
    if (name == "query")
        return AxisRole::Query;
    if (name == "source")
        return AxisRole::Source;
    return AxisRole::Feature; // feature, key_dim, value_dim, head_dim, head·value_dim, ...
}

TEST(StepDisplay, EveryStepHasAKindAndOneDeclaredRolePerAxis) {
    for (const Case& c : allCases()) {
        const Trace t = run(c.spec);
        for (const Step& s : t.steps) {
            SCOPED_TRACE(c.name + " / " + s.key);
            ASSERT_EQ(s.axes.size(), size_t(s.value.rank()));
            ASSERT_EQ(s.display.roles.size(), s.axes.size());
            for (size_t a = 0; a < s.axes.size(); ++a) {
                EXPECT_FALSE(s.axes[a].name.empty());
                EXPECT_EQ(s.axes[a].role, expectedRole(s.axes[a].name)) << "axis " << s.axes[a].name;
                EXPECT_EQ(s.display.roles[a], s.axes[a].role);
            }
            // A 0/1 mask is declared as one by the layer, and only masks are.
            EXPECT_EQ(s.booleanMask, s.display.kind == ValueKind::BooleanMask);
            const std::string kind = valueKindName(s.display.kind);
            EXPECT_NE(kind, "unknown");
            EXPECT_FALSE(s.display.label.empty()); // every step has a name for lists and headings
        }
    }
}

TEST(StepDisplay, ValuesObeyTheirKind) {
    int probabilities = 0, masks = 0, nonNegative = 0;
    for (const Case& c : allCases()) {
        const Trace t = run(c.spec);
        for (const Step& s : t.steps) {
            SCOPED_TRACE(c.name + " / " + s.key);
            const Index cols = s.value.rank() > 0 ? s.value.dim(-1) : 1;
            switch (s.display.kind) {
            case ValueKind::Probability: {
                ++probabilities;
                for (Index r = 0; r < s.value.size() / cols; ++r) {
                    double sum = 0;
                    for (Index j = 0; j < cols; ++j) {
                        const float v = s.value.data()[r * cols + j];
                        ASSERT_GE(v, 0.0f);
                        ASSERT_LE(v, 1.0f);
                        sum += v;
                    }
                    // A row sums to 1, or to 0 where MultiHeadAttention zeroes a fully masked row.
                    EXPECT_TRUE(std::abs(sum - 1.0) < 1e-5 || sum == 0.0) << "row " << r << " sums to " << sum;
                }
                break;
            }
            case ValueKind::BooleanMask:
                ++masks;
                for (float v : s.value.values())
                    ASSERT_TRUE(v == 0.0f || v == 1.0f) << v;
                break;
            case ValueKind::NonNegative:
                ++nonNegative;
                for (float v : s.value.values())
                    ASSERT_GE(v, 0.0f);
                break;
            case ValueKind::Signed: break;
            }
        }
    }
    // The cases above do reach every bounded kind.
    EXPECT_GE(probabilities, 30);
    EXPECT_GE(masks, 15);
    EXPECT_GE(nonNegative, 3);
}

TEST(StepDisplay, RolesAndKindsOfKnownSteps) {
    const Trace t = run(allCases()[2].spec); // MultiHeadAttention value_mask
    ASSERT_EQ(t.layer, "MultiHeadAttention");
    using R = AxisRole;
    EXPECT_EQ(t.find("scores")->display.roles, (std::vector<R>{R::Batch, R::Head, R::Query, R::Source}));
    EXPECT_EQ(t.find("query_dense")->display.roles, (std::vector<R>{R::Batch, R::Query, R::Head, R::Feature}));
    EXPECT_EQ(t.find("key_dense")->display.roles, (std::vector<R>{R::Batch, R::Source, R::Head, R::Feature}));
    EXPECT_EQ(t.find("mask")->display.roles, (std::vector<R>{R::Batch, R::Query, R::Source}));
    EXPECT_EQ(t.find("weights")->display.kind, ValueKind::Probability);
    EXPECT_EQ(t.find("mask")->display.kind, ValueKind::BooleanMask);
    EXPECT_EQ(t.find("scores")->display.kind, ValueKind::Signed);
    EXPECT_EQ(t.find("masked_scores")->display.kind, ValueKind::Signed);
    EXPECT_EQ(t.find("scores")->display.masked, MaskedCells::None);
    EXPECT_EQ(t.find("context")->display.masked, MaskedCells::None);
    EXPECT_EQ(t.find("mask")->display.masked, MaskedCells::ZeroInThis);
    EXPECT_EQ(t.find("masked_scores")->display.maskKey, "mask");
    EXPECT_EQ(t.find("weights")->display.maskKey, "mask");
    // Labels: short names by key; a step without one is labelled by its title.
    EXPECT_EQ(t.find("weights")->display.label, "Softmax weights");
    EXPECT_EQ(t.find("query_dense")->display.label, "Project queries");
    EXPECT_EQ(t.find("mask")->display.label, t.find("mask")->title);
}

TEST(StepDisplay, MaskedCellsAreTheCellsKerasMasked) {
    for (const Case& c : allCases()) {
        const Trace t = run(c.spec);
        const Step* mask = t.find("mask");
        const bool mha = hasHeads(layerFromName(t.layer).value()); // MultiHeadAttention, GroupQueryAttention
        for (const Step& s : t.steps) {
            SCOPED_TRACE(c.name + " / " + s.key);
            const auto cells = maskedCells(t, s);
            if (s.display.masked == MaskedCells::None) {
                EXPECT_TRUE(cells.empty());
                continue;
            }
            ASSERT_EQ(cells.size(), size_t(s.value.size()));
            if (s.key == "masked_scores" || s.key == "weights") {
                ASSERT_NE(mask, nullptr);
                const Index S = s.value.dim(-1), T = s.value.dim(-2), B = s.value.dim(0);
                const Index N = s.value.rank() == 4 ? s.value.dim(1) : 1;
                for (Index b = 0; b < B; ++b)
                    for (Index n = 0; n < N; ++n)
                        for (Index q = 0; q < T; ++q) {
                            bool anyKept = false;
                            for (Index k = 0; k < S; ++k)
                                anyKept = anyKept || mask->value.data()[(b * T + q) * S + k] != 0.0f;
                            for (Index k = 0; k < S; ++k) {
                                const Index i = ((b * N + n) * T + q) * S + k;
                                const bool m = mask->value.data()[(b * T + q) * S + k] == 0.0f;
                                ASSERT_EQ(cells[size_t(i)] != 0, m) << "cell " << i;
                                const float v = s.value.data()[i];
                                if (!m)
                                    continue;
                                if (s.key == "masked_scores")
                                    EXPECT_TRUE(mha ? v == -1e9f : v < -0.9e9f) << v; // replaced / subtracted
                                else if (mha || anyKept)
                                    EXPECT_EQ(v, 0.0f);
                                else
                                    EXPECT_NEAR(v, 1.0 / double(S), 1e-6); // Attention: uniform row
                            }
                        }
            }
            if (s.key == "output" && s.op == OpKind::Mask) { // Attention's query mask zeroes rows
                ASSERT_EQ(s.display.maskKey, "query_mask");
                size_t n = 0;
                for (size_t i = 0; i < cells.size(); ++i)
                    if (cells[i]) {
                        EXPECT_EQ(s.value.data()[i], 0.0f);
                        ++n;
                    }
                EXPECT_EQ(n, size_t(2 * s.value.dim(-1))); // two query rows masked
            }
        }
    }
}

TEST(StepDisplay, SliceAxesShowQueryBySourceOrFeatureAndSpinTheRest) {
    const Trace t = run(base(LayerKind::MultiHeadAttention));
    const SliceAxes q = sliceAxes(*t.find("query_dense")); // [B,T,N,H]
    EXPECT_EQ(q.rowAxis, 1);
    EXPECT_EQ(q.colAxis, 3);
    EXPECT_EQ(q.spinAxes, (std::vector<int>{0, 2}));
    const SliceAxes s = sliceAxes(*t.find("scores")); // [B,N,T,S]
    EXPECT_EQ(s.rowAxis, 2);
    EXPECT_EQ(s.colAxis, 3);
    EXPECT_EQ(s.spinAxes, (std::vector<int>{0, 1}));
    EXPECT_EQ(axisWithRole(*t.find("scores"), AxisRole::Head), 1);
    EXPECT_EQ(axisWithRole(*t.find("output"), AxisRole::Head), -1);

    Spec qm = base(LayerKind::Attention);
    qm.queryMask = Tensor({2, 3}, {1, 1, 1, 1, 1, 0});
    const Trace a = run(qm);
    const SliceAxes m = sliceAxes(*a.find("query_mask")); // [B,T]: no axis left to spin
    EXPECT_EQ(m.rowAxis, 0);
    EXPECT_EQ(m.colAxis, 1);
    EXPECT_TRUE(m.spinAxes.empty());
}

// Views of large tensors ask for a range of cells or one 2-D slice instead of
// a flag per cell: the same flags as maskedCells, cut the same way.
TEST(StepDisplay, MaskedRangesAndSlicesCutTheFullFlags) {
    for (const Case& c : allCases()) {
        const Trace t = run(c.spec);
        for (const Step& s : t.steps) {
            SCOPED_TRACE(c.name + " / " + s.key);
            const auto all = maskedCells(t, s);
            const Index n = s.value.size();
            for (const auto& [b, e] : {std::pair<Index, Index>{0, n}, {1, n - 1}, {n / 3, n / 2}, {n, n}}) {
                const auto part = maskedCells(t, s, b, e);
                if (all.empty()) {
                    EXPECT_TRUE(part.empty());
                    continue;
                }
                ASSERT_EQ(part.size(), size_t(std::max<Index>(e - b, 0)));
                for (Index i = b; i < e; ++i)
                    ASSERT_EQ(part[size_t(i - b)], all[size_t(i)]) << "cell " << i;
            }
            if (s.value.rank() < 2)
                continue;
            const SliceAxes axes = sliceAxes(s);
            std::vector<Index> fixed(size_t(s.value.rank()), 0);
            for (Index a = 0; a < s.value.rank(); ++a)
                fixed[size_t(a)] = s.value.dim(a) - 1; // the last batch row, head, ...
            const auto slice = maskedSlice(t, s, axes.rowAxis, axes.colAxis, fixed);
            if (all.empty()) {
                EXPECT_TRUE(slice.empty());
                continue;
            }
            const Index rows = s.value.dim(axes.rowAxis), cols = s.value.dim(axes.colAxis);
            ASSERT_EQ(slice.size(), size_t(rows * cols));
            std::vector<Index> idx = fixed;
            for (Index r = 0; r < rows; ++r)
                for (Index col = 0; col < cols; ++col) {
                    idx[size_t(axes.rowAxis)] = r;
                    idx[size_t(axes.colAxis)] = col;
                    ASSERT_EQ(slice[size_t(r * cols + col)], all[size_t(s.value.offset(idx))]) << r << ", " << col;
                }
        }
    }
}

// The summary views read instead of scanning a tensor: core::stats over every
// value, and the range of the finite values outside masked cells.
TEST(StepDisplay, SummaryIsTheStatisticsAndTheUnmaskedRange) {
    setThreadCount(2); // chunks on two threads, even for small tensors
    setMinWorkPerThread(0);
    std::vector<Case> cases = allCases();
    for (Case c : allCases()) { // and larger: more than one chunk of 65536 values
        if (c.spec.queryMask || c.spec.valueMask || c.spec.keyMask || c.spec.attentionMask)
            continue; // masks drawn for the small shapes
        c.name += " (300 × 260)";
        c.spec.shapes.queryLen = 300;
        c.spec.shapes.sourceLen = 260;
        cases.push_back(c);
    }
    for (const Case& c : cases) {
        const Trace t = run(c.spec);
        Trace summarized = t;
        summarizeSteps(summarized);
        for (const Step& s : t.steps) {
            SCOPED_TRACE(c.name + " / " + s.key);
            EXPECT_FALSE(s.summary.has_value()); // core::run leaves it to the caller
            const Step& withSummary = *summarized.find(s.key);
            ASSERT_TRUE(withSummary.summary.has_value());
            const StepSummary& sum = *withSummary.summary;
            const TensorStats st = stats(s.value.values());
            EXPECT_EQ(sum.stats.min, st.min);
            EXPECT_EQ(sum.stats.max, st.max);
            EXPECT_NEAR(sum.stats.mean, st.mean, 1e-6 * (1 + std::fabs(st.mean)));
            EXPECT_EQ(sum.stats.nanCount, st.nanCount);
            EXPECT_EQ(sum.stats.infCount, st.infCount);
            const auto masked = maskedCells(t, s);
            float lo = INFINITY, hi = -INFINITY;
            std::vector<float> shown;
            for (Index i = 0; i < s.value.size(); ++i)
                if (std::isfinite(s.value.data()[i]) && (masked.empty() || !masked[size_t(i)])) {
                    lo = std::min(lo, s.value.data()[i]);
                    hi = std::max(hi, s.value.data()[i]);
                    shown.push_back(s.value.data()[i]);
                }
            EXPECT_EQ(sum.anyShown, lo <= hi);
            if (lo <= hi) {
                EXPECT_EQ(sum.shownMin, lo);
                EXPECT_EQ(sum.shownMax, hi);
                std::sort(shown.begin(), shown.end());
                if (shown.size() < 1000) { // too few for outliers: the largest
                    EXPECT_EQ(sum.shownHigh, sum.shownMax);
                } else if (s.value.size() < (Index(1) << 16)) { // the percentile of every shown value
                    EXPECT_EQ(sum.shownHigh, shown[size_t(double(shown.size() - 1) * 0.995)]);
                } else { // of a sample: about 0.5 % of the shown values lie above it
                    const double n = double(shown.size());
                    const double above =
                        double(shown.end() - std::upper_bound(shown.begin(), shown.end(), sum.shownHigh));
                    const double atOrAbove =
                        double(shown.end() - std::lower_bound(shown.begin(), shown.end(), sum.shownHigh));
                    EXPECT_LT(above / n, 0.01);
                    EXPECT_GT(atOrAbove / n, 0.002);
                }
            }
            const StepSummary direct = summarizeStep(t, s); // computed on demand: the same
            EXPECT_EQ(direct.shownMin, sum.shownMin);
            EXPECT_EQ(direct.shownMax, sum.shownMax);
            EXPECT_EQ(direct.stats.mean, sum.stats.mean);
        }
    }
    setThreadCount(1);
    setMinWorkPerThread(4e6);
}

TEST(StepDisplay, SummaryCountsNanAndInfAndLeavesThemOutOfTheRange) {
    Trace t;
    Step s;
    s.key = "x";
    s.value = Tensor({3, 4}, {1, NAN, -2, 0, INFINITY, 0.5f, 3, -INFINITY, 4, 5, 6, 7});
    t.steps.push_back(s);
    const StepSummary sum = summarizeStep(t, t.steps[0]);
    const TensorStats st = stats(s.value.values());
    EXPECT_EQ(sum.stats.nanCount, 1);
    EXPECT_EQ(sum.stats.infCount, 2);
    EXPECT_EQ(sum.stats.min, st.min);
    EXPECT_EQ(sum.stats.max, st.max);
    EXPECT_FLOAT_EQ(sum.stats.mean, st.mean);
    EXPECT_TRUE(sum.anyShown);
    EXPECT_EQ(sum.shownMin, -2.0f);
    EXPECT_EQ(sum.shownMax, 7.0f);
}
