// Layer knowledge for comparing layers, Qt-free, in one place:
// - the variants the Compare tab runs on one spec's inputs, labelled as Keras
//   builds them and following the user's layer options where they apply;
// - the identities between layers (MultiHeadAttention with one head ≡
//   Attention, concat ≡ additive, GroupQueryAttention ≡ MultiHeadAttention,
//   …), each written once: its conditions, the builder of its two sides, and
//   whether a user's own setup meets the conditions;
// - the equivalence checks (an identity measured on the user's inputs) and the
//   equivalence lab's step-by-step diff (an identity with conditions unticked).
// Used by ui's Compare tab and equivalence lab, by lessons, and by
// `attnviz-trace SPEC --compare`. Inference only: no dropout.
#pragma once

#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

/// One layer run on the shared inputs.
struct CompareVariant {
    std::string id;      // stable: "dot", "scaled_dot", "concat", "additive", "additive_no_scale", "mha", "gqa", "mqa"
    std::string label;   // the Keras call that builds it, e.g. "Attention(use_scale=True)"
    bool whatIf = false; // a weight set to something Keras does not start with; `label` says so
    bool usersLayer = false;      // this tile is the user's own layer with the user's options and weights
    Spec spec;                    // the inputs and masks of the user's spec, this layer's config
    std::optional<Trace> trace{}; // empty when the layer cannot run on these inputs
    std::string error{};          // why not (the core's message)
    /// The variant this one equals by an identity (e.g. "mha" for "gqa"), and
    /// the max |Δ| measured between them over weights and output.
    std::string sameAs{};
    std::optional<double> sameAsMaxAbsDiff{};
    /// The attention probabilities (the `weights` step), or nullptr when it did not run.
    const Step* weightsStep() const { return trace ? trace->find("weights") : nullptr; }
};

/// A condition an identity needs; in the equivalence lab, a checkbox.
struct IdentityCondition {
    std::string id;      // "identity_kernels", "no_bias", …
    std::string label;   // one line, with the Keras arguments
    std::string whenOff; // what the lab does instead when it is unticked
};

/// "A ≡ B under these conditions", written once.
struct Identity {
    std::string
        id; // stable (lesson files' `claim:`): "mha-attention", "concat-additive", "scale-one", "gqa-mha", "mqa-mha"
    std::string title;       // "A ≡ B", in Keras calls
    std::string requirement; // what the inputs must satisfy (not a checkbox), or empty
    std::vector<IdentityCondition> conditions;
    bool skipFullyMaskedRows = false; // the two sides differ there by design (MultiHeadAttention vs Attention)
    /// The conditions and the requirement as one sentence.
    std::string conditionsText() const;
};
/// Every identity, in display order.
const std::vector<Identity>& identities();
/// nullptr for an unknown id.
const Identity* findIdentity(const std::string& id);

/// Whether the user's own layer and options meet an identity's conditions.
/// Pure logic over the spec (its config and weights); nothing is run.
struct SetupVerdict {
    bool met = false;
    std::vector<std::string> unmet; // each failed condition, with the user's value ("num_heads = 2, not 1")
};
SetupVerdict setupMeets(const Identity& identity, const Spec& user);

/// The two sides of an identity on the inputs `user` resolves to (its sizes,
/// seed, tokens, masks, causal flag and, where they apply, its layer options
/// and weights), with every condition applied except those in `untick`.
/// Throws std::invalid_argument for an unknown identity or condition,
/// SpecError when the inputs break the identity's requirement.
struct IdentitySides {
    const Identity* identity = nullptr;
    Spec left, right;
};
IdentitySides buildIdentity(const std::string& id, const Spec& user, const std::vector<std::string>& untick = {});

/// One step key present in both traces.
struct StepDiff {
    std::string key;
    Shape leftShape, rightShape;
    bool comparable = false; // same number of elements (a head axis of 1 is squeezed away)
    double maxAbsDiff = 0;   // max |left − right| (NaN where either is NaN)
    Index argmax = 0;        // flat index of the largest difference
    bool equal = false;      // |Δ| ≤ atol + rtol·|right| everywhere (1e-5, 1e-4, as the Keras tests)
};
/// Every step of `left` whose key `right` also has, in left's order.
std::vector<StepDiff> diffTraces(const Trace& left, const Trace& right);
/// The first comparable step that differs, or nullptr.
const StepDiff* firstDifference(const std::vector<StepDiff>& diffs);

/// An identity run on both sides, diffed step by step (the equivalence lab).
struct IdentityRun {
    IdentitySides sides;
    Trace left, right;
    std::vector<StepDiff> diffs;
};
IdentityRun runIdentity(const std::string& id, const Spec& user, const std::vector<std::string>& untick = {});

/// An identity checked on the current inputs, and, separately, whether the
/// user's own setup meets its conditions.
struct EquivalenceCheck {
    std::string id;          // the identity's id
    std::string claim;       // "A ≡ B", in Keras calls
    std::string conditions;  // when it holds (stated whether or not they are met here)
    bool applicable = false; // the inputs meet the requirement and both sides ran
    std::string note{};      // what was compared, or why it is not applicable
    double maxAbsDiff = 0;   // over the compared steps (weights and output), when applicable
    SetupVerdict setup{};    // does the user's own setup meet the conditions?
    /// With a spec that asks for the backward pass ("backward"): the same
    /// identity on the gradients. Both sides get dL/d output = all ones (the
    /// loss is the sum of the outputs) and every grad/<key> the two traces
    /// share with the same number of elements is compared (inputs, weights,
    /// scores; not the weights only one side owns).
    bool gradientsCompared = false;
    double gradMaxAbsDiff = 0;           // max |Δ| over the compared gradient steps
    double gradMaxAbs = 0;               // the largest |gradient| among them, for scale
    std::vector<std::string> gradKeys{}; // the grad/ keys compared
    std::string gradNote{};              // what was compared, or why not
    /// The identity holds for the gradients too: |Δ| ≤ kGradTolerance · max(1, max |gradient|).
    bool gradHolds() const { return gradientsCompared && gradMaxAbsDiff <= kGradTolerance * std::max(1.0, gradMaxAbs); }
    static constexpr double kGradTolerance = 1e-5;
    /// The identity, with its conditions applied, holds on these inputs.
    bool holds() const { return applicable && maxAbsDiff <= kTolerance; }
    /// The only state a view may mark with a ✓: it holds and the user's setup meets its conditions.
    bool holdsForSetup() const { return holds() && setup.met; }
    /// float32 rounding between two equivalent computation orders.
    static constexpr double kTolerance = 1e-5;
};

struct Comparison {
    std::vector<CompareVariant> variants; // in display order
    std::vector<EquivalenceCheck> checks; // one per identity, in identities() order
    /// The difference a view shows first, A − B (variant ids): additive − dot.
    std::string defaultDifferenceA = "additive", defaultDifferenceB = "dot";
    /// The variant with this id, or nullptr.
    const CompareVariant* variant(const std::string& id) const;
};

/// Build and run every variant on `user`'s inputs (drawn from its seed when
/// absent) and evaluate every identity. A variant or check that cannot run
/// says why; only inputs that cannot be resolved at all throw (SpecError).
///
/// To add a variant or an identity: add one entry to the tables in
/// compare.cpp; the views, the lab, lessons and the CLI pick it up.
Comparison compare(const Spec& user);

/// max |a − b| over two tensors of the same size (shapes may differ, e.g.
/// [B,1,T,S] vs [B,T,S]); +inf when the sizes differ.
double maxAbsDiff(const Tensor& a, const Tensor& b);

} // namespace attnviz::core
