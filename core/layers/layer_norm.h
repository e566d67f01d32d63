// Keras LayerNormalization as the Transformer sub-layer uses it (Add &
// LayerNormalization after the attention layer).
#pragma once

namespace attnviz::core {

/// Keras LayerNormalization's default epsilon: the normalised rows have
/// variance σ² / (σ² + 1e-3), not exactly 1.
inline constexpr double kLayerNormEpsilon = 1e-3;

} // namespace attnviz::core
