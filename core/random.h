// Deterministic random numbers for inputs and Keras-style initializers. Our
// own generator and transforms (not <random>'s distributions) so a seed gives
// the same numbers with every standard library.
#pragma once

#include "tensor.h"

#include <cstdint>
#include <string>
#include <vector>

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

/// A word embedding for the typed-sentence input: each token maps to a fixed
/// standard-normal vector of `features` values that depends only on the token
/// text and the seed, so the same word always gets the same row.
/// Result: [1, tokens.size(), features].
Tensor embedTokens(const std::vector<std::string>& tokens, Index features, std::uint64_t seed);

/// Split a sentence into tokens on white space.
std::vector<std::string> tokenize(const std::string& sentence);

} // namespace attnviz::core
