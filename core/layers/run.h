// The Keras 3 attention layers as forward passes that return a Trace.
// Entry point for everyone: run(spec) validates, fills in defaults (inputs
// from the seed, Keras initializers), and dispatches to the layer.
#pragma once

#include "core/spec/spec.h"
#include "core/base/tensor.h"
#include "core/trace/trace.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

/// Validate the spec: every size positive, every tensor the shape the layer
/// needs, masks the right length, weights the right shapes, finite-size
/// limits. Throws SpecError naming the field. Does not compute anything.
void validate(const Spec& spec, const SpecLimits& limits = {});

/// Bytes the trace of this spec would hold (every step's tensor plus weights).
double estimateTraceBytes(const Spec& spec);

/// One line per mask that holds values other than 0 and 1: how the layer
/// casts it (run() puts these in Trace::warnings).
std::vector<std::string> maskWarnings(const Spec& spec);

/// The concrete inputs a spec resolves to (drawn from the seed where absent).
struct ResolvedInputs {
    Tensor query, value;
    std::optional<Tensor> key;
};
ResolvedInputs resolveInputs(const Spec& spec);

/// Inputs drawn from the seed, kept from one run to the next: a run that
/// draws an input the same way (seed, batch, length, width, tokens) copies
/// it instead of drawing it again. An app edit that leaves the inputs alone
/// (heads, key_dim, masks, …) then skips the draw (T=S=2048, E=512: ~55 ms
/// of the run). Thread-safe; holds at most the three inputs of the last run.
class InputCache {
public:
    ResolvedInputs resolve(const Spec& spec);

private:
    struct Entry {
        std::vector<std::string> tokens;
        Index batch = 0, length = 0, width = 0;
        std::uint64_t seed = 0;
        Tensor value;
    };
    std::mutex m_mutex;
    std::optional<Entry> m_entries[3]; // query, value, key (draw streams 1, 2, 3)
};

/// Validate, resolve defaults and run the layer; inputs drawn from the seed
/// come from `inputs` when given.
Trace run(const Spec& spec, const SpecLimits& limits = {}, InputCache* inputs = nullptr);
/// Weights: the spec's, completed with Keras' default initializers from the seed.
std::map<std::string, Tensor> resolveWeights(const Spec& spec);
/// The shape of every weight the layer owns with the spec's settings, by
/// weights.npz key (core/weights_info.h adds Keras names and initializers).
std::map<std::string, Shape> expectedWeightShapes(const Spec& spec);

} // namespace attnviz::core
