// Inputs a person types rather than loads: a sentence split into tokens, and
// the fixed word vectors that stand in for a trained embedding.
#pragma once

#include "core/base/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnviz::core {

/// A word embedding for the typed-sentence input: each token maps to a fixed
/// standard-normal vector of `features` values that depends only on the token
/// text and the seed, so the same word always gets the same row (and there are
/// no positions: two equal words give two equal rows).
/// Result: [1, tokens.size(), features].
Tensor embedTokens(const std::vector<std::string>& tokens, Index features, std::uint64_t seed);

/// Split a sentence into tokens on white space.
std::vector<std::string> tokenize(const std::string& sentence);

} // namespace attnviz::core
