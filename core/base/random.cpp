// SplitMix64, Box–Muller and Keras-style Glorot uniform, plus the token
// embedding used for typed sentences.
#include "core/base/random.h"

#include "core/base/parallel.h"

#include <cmath>
#include <numbers>

namespace attnviz::core {

namespace {
constexpr std::uint64_t kSplitMixGamma = 0x9E3779B97F4A7C15ULL; // SplitMix64's state increment per draw
} // namespace

std::uint64_t Rng::next() {
    std::uint64_t z = (m_state += kSplitMixGamma);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double Rng::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::normal() {
    // Box–Muller; 1 - u keeps the log argument in (0, 1].
    const double u1 = 1.0 - uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream) {
    Rng r(seed ^ (stream * 0xD1B54A32D192ED03ULL));
    return r.next();
}

Tensor randomNormal(const Shape& shape, std::uint64_t seed, std::uint64_t stream) {
    Tensor t = Tensor::uninitialized(shape); // every value drawn below
    // Value i uses draws 2i and 2i + 1 of one SplitMix64 sequence, whose state
    // after k draws is start + k·γ: chunks start there and run on the core's
    // threads, giving the same numbers as one sequential pass.
    const std::uint64_t start = mixSeed(seed, stream);
    parallelFor(t.size(), 4096, 1, 60.0 * double(t.size()), [&](Index b, Index e) {
        Rng rng(start + 2 * std::uint64_t(b) * kSplitMixGamma);
        for (Index i = b; i < e; ++i)
            t.data()[i] = static_cast<float>(rng.normal());
    });
    return t;
}

Tensor glorotUniform(const Shape& shape, double fanIn, double fanOut, std::uint64_t seed, std::uint64_t stream) {
    Tensor t(shape);
    const double limit = std::sqrt(6.0 / std::max(1.0, fanIn + fanOut));
    Rng rng(mixSeed(seed, stream));
    for (float& v : t.values())
        v = static_cast<float>((2.0 * rng.uniform() - 1.0) * limit);
    return t;
}

} // namespace attnviz::core
