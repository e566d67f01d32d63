// Training against the Keras reference cases (tests/data/keras/train_*):
// loss, accuracy, step 1's gradients and the final weights, with the
// contract's tolerances (trace-format.md, "Training").
#include "core/io/npy.h"
#include "core/train/trainer.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace attnviz {
namespace {

using core::Tensor;
namespace fs = std::filesystem;

// |a − r| ≤ 1e-3·|r| + 1e-5·max(1, max|r|) per element (the gradient tolerance).
::testing::AssertionResult gradClose(const Tensor& a, const Tensor& r) {
    double mx = 1;
    for (float v : r.values())
        mx = std::max(mx, double(std::abs(v)));
    return testing::allClose(a, r, 1e-3, 1e-5 * mx);
}

std::vector<std::string> trainCases() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras"))
        if (e.path().filename().string().starts_with("train_"))
            out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

class TrainCase : public ::testing::TestWithParam<std::string> {};

TEST_P(TrainCase, MatchesKeras) {
    const fs::path dir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / GetParam();
    const auto expected = core::readNpz((dir / "expected.npz").string());
    core::Trainer trainer(core::loadTrainSpec((dir / "train.json").string()));
    const core::Index steps = trainer.totalSteps();
    std::vector<core::Index> counted;
    while (!trainer.finished())
        counted.push_back(trainer.step().counted);
    ASSERT_EQ(core::Index(counted.size()), steps);

    const Tensor& loss = expected.at("loss");
    const Tensor& acc = expected.at("accuracy");
    ASSERT_EQ(loss.size(), steps);
    for (core::Index s = 0; s < steps; ++s) {
        EXPECT_NEAR(trainer.lossHistory()[size_t(s)], loss.data()[s], 1e-3 * std::abs(loss.data()[s]))
            << "loss at step " << s + 1;
        EXPECT_LE(std::abs(trainer.accuracyHistory()[size_t(s)] - acc.data()[s]), 0.5 / double(counted[size_t(s)]))
            << "accuracy at step " << s + 1;
    }
    const auto first = trainer.firstGradients();
    const auto final = trainer.weights();
    int grads = 0, finals = 0;
    for (const auto& [key, ref] : expected) {
        if (key.starts_with("grad_step1/")) {
            const std::string k = key.substr(11);
            ASSERT_TRUE(first.count(k)) << k;
            EXPECT_TRUE(gradClose(first.at(k), ref)) << key;
            ++grads;
        } else if (key.starts_with("final/")) {
            const std::string k = key.substr(6);
            ASSERT_TRUE(final.count(k)) << k;
            EXPECT_TRUE(testing::allClose(final.at(k), ref, 0.0, 1e-3)) << key;
            ++finals;
        }
    }
    EXPECT_EQ(grads, int(trainer.weightKeys().size()));
    EXPECT_EQ(finals, int(trainer.weightKeys().size()));
}

INSTANTIATE_TEST_SUITE_P(Keras, TrainCase, ::testing::ValuesIn(trainCases()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

} // namespace
} // namespace attnviz
