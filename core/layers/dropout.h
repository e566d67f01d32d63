// Dropout as the layers apply it in training (call training=True). Keras draws
// its mask from its own seed generator, so the kept cells cannot match Keras';
// the rule (inverted dropout) does.
#pragma once

#include "core/base/tensor.h"

#include <cstdint>

namespace attnviz::core {

/// Inverted dropout in place: keep with probability 1 - rate, scale kept by
/// 1 / (1 - rate). Deterministic for a seed.
void dropoutInPlace(Tensor& t, float rate, std::uint64_t seed);

} // namespace attnviz::core
