#include "downsample.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::core {

Pooled poolMaxAbs(const std::vector<float>& values, Index rows, Index cols, Index maxRows, Index maxCols) {
    Pooled p;
    if (rows <= 0 || cols <= 0)
        return p;
    maxRows = std::max<Index>(maxRows, 1);
    maxCols = std::max<Index>(maxCols, 1);
    p.blockRows = (rows + maxRows - 1) / maxRows;
    p.blockCols = (cols + maxCols - 1) / maxCols;
    p.rows = (rows + p.blockRows - 1) / p.blockRows;
    p.cols = (cols + p.blockCols - 1) / p.blockCols;
    if (p.blockRows == 1 && p.blockCols == 1) {
        p.values = values;
        return p;
    }
    // Per output cell: its kind (0 nothing yet, 1 masked only, 2 finite, 3
    // non-finite) and its value; a higher kind wins, then a larger magnitude.
    const size_t n = static_cast<size_t>(p.rows * p.cols);
    p.values.assign(n, 0.0f);
    std::vector<unsigned char> kind(n, 0);
    for (Index r = 0; r < rows; ++r) {
        const float* line = values.data() + r * cols;
        const size_t outLine = static_cast<size_t>((r / p.blockRows) * p.cols);
        for (Index c = 0; c < cols; ++c) {
            const float v = line[c];
            const size_t o = outLine + static_cast<size_t>(c / p.blockCols);
            const unsigned char k = !std::isfinite(v) ? 3 : isMaskedScore(v) ? 1 : 2;
            if (k > kind[o] || (k == 2 && kind[o] == 2 && std::fabs(v) > std::fabs(p.values[o]))) {
                kind[o] = k;
                p.values[o] = v;
            }
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
