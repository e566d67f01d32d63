// Every case in tests/data/keras (a copy of ../shared/reference-cases,
// computed by Keras 3.16): run the spec, compare every key of expected.npz
// with the trace step of that key (same shape, rtol 1e-4, atol 1e-5). The
// grad_* cases (float64 autograd) also ask for the backward pass: their
// grad/<key> entries use the gradient tolerance of trace-format.md,
// |a − r| ≤ 1e-3·|r| + 1e-5·max(1, max|r|).
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras"))
        if (fs::exists(e.path() / "spec.json") && fs::exists(e.path() / "expected.npz"))
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class KerasReference : public ::testing::TestWithParam<std::string> {};

TEST_P(KerasReference, EveryExpectedKeyMatchesTheTrace) {
    const fs::path dir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / GetParam();
    const Trace trace = run(loadSpec((dir / "spec.json").string()));
    const auto expected = readNpz((dir / "expected.npz").string());
    ASSERT_FALSE(expected.empty());
    for (const auto& [key, want] : expected) {
        const Step* step = trace.find(key);
        ASSERT_NE(step, nullptr) << "trace has no step '" << key << "'";
        if (key.starts_with("grad/")) {
            float top = 1.0f;
            for (float v : want.values())
                top = std::max(top, std::fabs(v));
            EXPECT_TRUE(attnviz::testing::allClose(step->value, want, 1e-3, 1e-5 * double(top)))
                << "gradient step '" << key << "'";
        } else {
            EXPECT_TRUE(attnviz::testing::allClose(step->value, want, 1e-4, 1e-5)) << "step '" << key << "'";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(AllCases, KerasReference, ::testing::ValuesIn(caseNames()),
                         [](const auto& p) { return p.param; });

TEST(KerasReferenceData, AllEighteenSharedCasesArePresent) {
    // The suite must not pass vacuously when the data folder is missing.
    EXPECT_GE(caseNames().size(), 18u);
}

TEST(KerasReferenceData, TheGradientCasesAskForTheBackwardPassAndCheckItsKeys) {
    // The four public grad_* cases: each spec asks for the backward pass and
    // its expected.npz holds gradient keys, so the test above checks them.
    int gradCases = 0;
    for (const std::string& name : caseNames()) {
        if (!name.starts_with("grad_"))
            continue;
        ++gradCases;
        const fs::path dir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras" / name;
        EXPECT_TRUE(loadSpec((dir / "spec.json").string()).backward.has_value()) << name;
        int gradKeys = 0;
        for (const auto& [key, want] : readNpz((dir / "expected.npz").string()))
            gradKeys += key.starts_with("grad/");
        EXPECT_GE(gradKeys, 8) << name;
    }
    EXPECT_GE(gradCases, 4);
}

} // namespace
