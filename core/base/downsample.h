// Showing a large 2-D slice in fewer cells without hiding its extremes:
// max-|value| pooling. Each output cell covers a block of input cells and
// holds the one of largest magnitude (its signed value), so a single large
// weight or score in a 2048 × 2048 matrix stays visible.
#pragma once

#include "core/base/tensor.h"

#include <cstdint>
#include <limits>

namespace attnviz::core {

/// Values at or below this are masked scores (Keras adds −1e9); −Inf is not one.
inline bool isMaskedScore(float v) {
    return v <= -1e8f && v != -std::numeric_limits<float>::infinity();
}

struct Pooled {
    Index rows = 0, cols = 0;           // output cells
    Index blockRows = 1, blockCols = 1; // input cells per output cell (the last block may be smaller)
    std::vector<float> values;          // rows × cols, row-major
    float at(Index r, Index c) const { return values[static_cast<size_t>(r * cols + c)]; }
    /// The input rows [first, last) an output row covers (same for columns).
    Index firstRow(Index r) const { return r * blockRows; }
    Index firstCol(Index c) const { return c * blockCols; }
};

/// Pool a rows × cols slice (row-major `values`) to at most maxRows × maxCols
/// cells with blocks of ceil(rows / maxRows) × ceil(cols / maxCols). A block
/// keeps: a NaN or ±Inf if it has one (so non-finite values stay visible),
/// else its value of largest magnitude among unmasked cells (the first of
/// equal ones), else (every cell masked) a masked cell's value. With blocks
/// of 1 × 1 the output is the input.
Pooled poolMaxAbs(const std::vector<float>& values, Index rows, Index cols, Index maxRows, Index maxCols);
/// The same over `values` read in place, where a finite cell whose `masked`
/// flag is 1 counts as a masked score of −1e9 (`masked`: rows × cols flags, or
/// null for none): what poolMaxAbs gives for a copy with those cells set to
/// −1e9f, without the copy. One pass over the slice, no division per cell.
Pooled poolMaxAbs(const float* values, const std::uint8_t* masked, Index rows, Index cols, Index maxRows,
                  Index maxCols);

/// Which of `n` evenly spaced labels to write so that each gets `minSpacing`
/// of `length` (pixels): a step of 1, 2, 5, 10, 20, 50, … items.
Index labelStep(Index n, double length, double minSpacing);

} // namespace attnviz::core
