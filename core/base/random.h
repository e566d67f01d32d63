// Deterministic random numbers for inputs and Keras-style initializers. Our
// own generator and transforms (not <random>'s distributions) so a seed gives
// the same numbers with every standard library.
#pragma once

#include "core/base/tensor.h"

#include <cstdint>

namespace attnviz::core {

/// SplitMix64 seeded counter; uniform floats in [0, 1).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    double uniform(); // [0, 1)
    double normal();  // standard normal (Box–Muller)

private:
    std::uint64_t m_state;
};

/// Standard-normal tensor of this shape from the seed (stream `stream`
/// separates query/key/value drawn from the same seed).
Tensor randomNormal(const Shape& shape, std::uint64_t seed, std::uint64_t stream);
/// Keras glorot_uniform: U(-l, l), l = sqrt(6 / (fanIn + fanOut)).
Tensor glorotUniform(const Shape& shape, double fanIn, double fanOut, std::uint64_t seed, std::uint64_t stream);

/// The starting state of stream `stream` of `seed`: the first SplitMix64 draw
/// from both mixed, so the streams of one seed start far apart.
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream);

} // namespace attnviz::core
