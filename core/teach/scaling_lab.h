// The 1/√dₖ lab: why MultiHeadAttention divides q·k by √key_dim. From real
// random draws (q, k ~ N(0, I_d), seeded) at each key_dim, the spread of the
// logits q·k with and without the scaling, and what the softmax makes of
// them: its largest weight per row, the row's entropy and its largest
// gradient p(1 − p). Plus the same numbers for the current layer's trace.
// Computed in double: these are statistics, not Keras numbers. No Qt.
#pragma once

#include "core/trace/trace.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace attnviz::core {

/// Numbers of one key_dim; "unscaled" is q·k, "scaled" is q·k/√d. Each softmax
/// figure is the mean over rows.
struct ScalingPoint {
    int keyDim = 0;
    double spreadUnscaled = 0, spreadScaled = 0;       // std of the logits
    double maxWeightUnscaled = 0, maxWeightScaled = 0; // largest softmax weight of a row
    double entropyUnscaled = 0, entropyScaled = 0;     // row entropy, nats (uniform: ln S)
    double maxGradUnscaled = 0, maxGradScaled = 0;     // max_j p_j(1 − p_j) of a row (≤ 0.25)
};

struct ScalingLabOptions {
    std::uint64_t seed = 0;
    int rows = 64;              // queries drawn per key_dim
    int keys = 16;              // keys per query (the softmax's length S)
    std::vector<int> keyDims{}; // empty: defaultScalingKeyDims()
};

/// 1, 2, 3, 4, 6, 8, 12, …, 768, 1024: powers of 2 and the halves between.
std::vector<int> defaultScalingKeyDims();

/// One point per key_dim. Throws std::invalid_argument for rows, keys or a
/// key_dim outside 1…4096.
std::vector<ScalingPoint> scalingLab(const ScalingLabOptions& options);

/// The current layer's own point: MultiHeadAttention (its scale factor gives
/// d) or Attention with dot scores (d = the query width); masked entries are
/// left out. nullopt for layers without a dot product (additive, concat).
std::optional<ScalingPoint> layerScalingPoint(const Trace& trace);

/// Least-squares slope of log(y) against log(x).
double logLogSlope(const std::vector<double>& x, const std::vector<double>& y);

} // namespace attnviz::core
