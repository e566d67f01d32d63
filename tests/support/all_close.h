// allClose for tests: compares two tensors element-wise with NumPy's rule
// |a - b| <= atol + rtol * |b| and, on failure, says where and by how much
// (llm.c's maxdiff).
#pragma once

#include "core/base/tensor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace attnviz::testing {

inline ::testing::AssertionResult allClose(const core::Tensor& actual, const core::Tensor& expected, double rtol = 1e-4,
                                           double atol = 1e-5) {
    if (actual.shape() != expected.shape())
        return ::testing::AssertionFailure() << "shape " << core::shapeString(actual.shape()) << " != expected "
                                             << core::shapeString(expected.shape());
    double maxDiff = 0;
    core::Index firstBad = -1, bad = 0;
    for (core::Index i = 0; i < actual.size(); ++i) {
        const double a = actual.data()[i], b = expected.data()[i];
        const bool bothNan = std::isnan(a) && std::isnan(b);
        const double d = bothNan ? 0.0 : std::abs(a - b);
        if (!bothNan && (std::isnan(d) || d > atol + rtol * std::abs(b))) {
            if (firstBad < 0)
                firstBad = i;
            ++bad;
        }
        if (!std::isnan(d))
            maxDiff = std::max(maxDiff, d);
    }
    if (bad == 0)
        return ::testing::AssertionSuccess() << "max |diff| " << maxDiff;
    std::ostringstream os;
    os << bad << " of " << actual.size() << " elements differ; max |diff| " << maxDiff << "; first at flat index "
       << firstBad << ": " << actual.data()[firstBad] << " vs " << expected.data()[firstBad];
    return ::testing::AssertionFailure() << os.str();
}

} // namespace attnviz::testing
