#include "core/base/downsample.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::core {

Pooled poolMaxAbs(const std::vector<float>& values, Index rows, Index cols, Index maxRows, Index maxCols) {
    return poolMaxAbs(values.data(), nullptr, rows, cols, maxRows, maxCols);
}

Pooled poolMaxAbs(const float* values, const std::uint8_t* masked, Index rows, Index cols, Index maxRows,
                  Index maxCols) {
    Pooled p;
    if (rows <= 0 || cols <= 0)
        return p;
    maxRows = std::max<Index>(maxRows, 1);
    maxCols = std::max<Index>(maxCols, 1);
    p.blockRows = (rows + maxRows - 1) / maxRows;
    p.blockCols = (cols + maxCols - 1) / maxCols;
    p.rows = (rows + p.blockRows - 1) / p.blockRows;
    p.cols = (cols + p.blockCols - 1) / p.blockCols;
    constexpr float kMasked = -1e9f; // what a masked finite cell counts as
    const size_t n = static_cast<size_t>(p.rows * p.cols);
    if (p.blockRows == 1 && p.blockCols == 1) {
        p.values.assign(values, values + n);
        if (masked)
            for (size_t i = 0; i < n; ++i)
                if (masked[i] && std::isfinite(p.values[i]))
                    p.values[i] = kMasked;
        return p;
    }
    // Per output cell: its kind (0 nothing yet, 1 masked only, 2 finite, 3
    // non-finite) and its value; a higher kind wins, then a larger magnitude
    // (the first of equal ones: cells are visited in row-major order).
    p.values.assign(n, 0.0f);
    std::vector<unsigned char> kind(n, 0);
    for (Index r = 0; r < rows; ++r) {
        const float* line = values + r * cols;
        const std::uint8_t* flags = masked ? masked + r * cols : nullptr;
        float* outValues = p.values.data() + (r / p.blockRows) * p.cols;
        unsigned char* outKind = kind.data() + (r / p.blockRows) * p.cols;
        for (Index o = 0, c0 = 0; o < p.cols; ++o, c0 += p.blockCols) {
            const Index c1 = std::min(c0 + p.blockCols, cols);
            unsigned char k0 = outKind[o];
            float v0 = outValues[o];
            for (Index c = c0; c < c1; ++c) {
                float v = line[c];
                unsigned char k;
                if (!std::isfinite(v)) {
                    k = 3;
                } else if (flags && flags[c]) {
                    k = 1;
                    v = kMasked;
                } else {
                    k = isMaskedScore(v) ? 1 : 2;
                }
                if (k > k0 || (k == 2 && k0 == 2 && std::fabs(v) > std::fabs(v0))) {
                    k0 = k;
                    v0 = v;
                }
            }
            outKind[o] = k0;
            outValues[o] = v0;
        }
    }
    return p;
}

Index labelStep(Index n, double length, double minSpacing) {
    if (n <= 1 || !(length > 0))
        return std::max<Index>(n, 1);
    const double perItem = length / double(n);
    for (Index base = 1;; base *= 10)
        for (Index m : {1, 2, 5})
            if (const Index step = base * m; perItem * double(step) >= minSpacing || step >= n)
                return std::min(step, n);
}

} // namespace attnviz::core
