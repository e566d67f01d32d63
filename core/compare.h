// The Compare view's layer knowledge, Qt-free: the variants run on one
// spec's inputs (labelled as Keras builds them) and the equivalences between
// layers, each with the conditions under which it holds, whether these
// inputs meet them, and the max |Δ| measured. Used by ui's Compare tab and by
// `attnviz-trace SPEC --compare`. Inference only: no dropout.
#pragma once

#include "spec.h"
#include "trace.h"

#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

/// One layer run on the shared inputs.
struct CompareVariant {
    std::string id;               // stable: "dot", "scaled_dot", "concat", "additive", "additive_no_scale", "mha"
    std::string label;            // the Keras call that builds it, e.g. "Attention(use_scale=True)"
    bool whatIf = false;          // a weight set to something Keras does not start with; `label` says so
    Spec spec;                    // the inputs and masks of the user's spec, this layer's config
    std::optional<Trace> trace{}; // empty when the layer cannot run on these inputs
    std::string error{};          // why not (the core's message)
    /// The attention probabilities (the `weights` step), or nullptr when it did not run.
    const Step* weightsStep() const { return trace ? trace->find("weights") : nullptr; }
};

/// An identity between two layers, checked on the current inputs.
struct EquivalenceCheck {
    std::string id;          // stable, e.g. "concat_is_additive"
    std::string claim;       // "A ≡ B", in Keras calls
    std::string conditions;  // when it holds (stated whether or not they are met here)
    bool applicable = false; // these inputs meet the conditions and both sides ran
    std::string note{};      // what was compared, or why it is not applicable
    double maxAbsDiff = 0;   // over the compared steps (weights and output), when applicable
    bool holds() const { return applicable && maxAbsDiff <= kTolerance; }
    /// float32 rounding between two equivalent computation orders.
    static constexpr double kTolerance = 1e-5;
};

struct Comparison {
    std::vector<CompareVariant> variants; // in display order
    std::vector<EquivalenceCheck> checks;
};

/// Build and run every variant on `user`'s inputs (drawn from its seed when
/// absent) and evaluate every equivalence. A variant or check that cannot
/// run says why; only inputs that cannot be resolved at all throw (SpecError).
///
/// To add a variant or an identity (e.g. GroupQueryAttention's "Nkv = Nq ≡
/// MultiHeadAttention"): add one builder to the table in compare.cpp; views
/// and the CLI pick it up.
Comparison compare(const Spec& user);

/// max |a − b| over two tensors of the same size (shapes may differ, e.g.
/// [B,1,T,S] vs [B,T,S]); +inf when the sizes differ.
double maxAbsDiff(const Tensor& a, const Tensor& b);

} // namespace attnviz::core
