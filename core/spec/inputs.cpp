// Typed-sentence inputs: tokens and their fixed word vectors.
#include "core/spec/inputs.h"

#include "core/base/random.h"

#include <sstream>

namespace attnviz::core {

Tensor embedTokens(const std::vector<std::string>& tokens, Index features, std::uint64_t seed) {
    Tensor t({1, static_cast<Index>(tokens.size()), features});
    for (size_t i = 0; i < tokens.size(); ++i) {
        // FNV-1a of the token text: the same word always gets the same row.
        std::uint64_t h = 0xCBF29CE484222325ULL;
        for (unsigned char c : tokens[i])
            h = (h ^ c) * 0x100000001B3ULL;
        Rng rng(mixSeed(seed, h));
        for (Index f = 0; f < features; ++f)
            t.data()[static_cast<Index>(i) * features + f] = static_cast<float>(rng.normal());
    }
    return t;
}

std::vector<std::string> tokenize(const std::string& sentence) {
    std::istringstream is(sentence);
    std::vector<std::string> out;
    for (std::string w; is >> w;)
        out.push_back(w);
    return out;
}

} // namespace attnviz::core
