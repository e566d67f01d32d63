// core/teach/trained_layer: block b's layer of a trained model as a spec runs
// to the model's own numbers on the probe: its attention weights are the
// trainer's probeAttention, its weight gradients (from the model's gradient at
// the block's output) are the probe trace's, and it carries the backward steps.
#include "core/teach/trained_layer.h"

#include "core/layers/run.h"
#include "core/train/tasks.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

using namespace attnviz::core;

TEST(TrainedLayer, RunsToTheModelsOwnNumbersOnTheProbe) {
    for (const char* task : {"reverse", "induction"}) {
        Trainer t(taskTrainSpec(task, 1000, 3));
        for (int i = 0; i < 25; ++i)
            t.step();
        const Trace model = t.probeTrace();
        for (int b = 0; b < int(t.spec().model.blocks.size()); ++b) {
            const Index row = 2;
            const Spec s = trainedLayerSpec(t, b, row);
            const Trace layer = run(s);
            const Tensor& w = layer.find("weights")->value; // [1, N, T, S]
            const Tensor att = t.probeAttention(b);         // [B, N, T, S]
            const Index per = w.size();
            const Tensor want(w.shape(), std::vector<float>(att.data() + row * per, att.data() + (row + 1) * per));
            EXPECT_TRUE(attnviz::testing::allClose(w, want, 1e-5, 1e-6)) << task << " block " << b;
            ASSERT_NE(layer.find("grad/query_dense/kernel"), nullptr);
            EXPECT_EQ(s.queryTokens.size(), size_t(t.spec().model.length));
            EXPECT_EQ(s.queryTokens[0], std::to_string(t.probe().tokens[size_t(row * t.probe().length)]));
            // The backward pass starts from the model's gradient at the block's output, example `row`.
            const Tensor& g = layer.find("grad/output")->value;
            const float* m = model.find("grad/block" + std::to_string(b) + "/output")->value.data() + row * g.size();
            EXPECT_EQ(g.values(), std::vector<float>(m, m + g.size()));
        }
    }
    Trainer t(taskTrainSpec("reverse", 10, 0));
    EXPECT_THROW(trainedLayerSpec(t, 1, 0), std::invalid_argument);
    EXPECT_THROW(trainedLayerSpec(t, 0, 1000), std::invalid_argument);
}
