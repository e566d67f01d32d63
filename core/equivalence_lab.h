// The equivalence lab: a claim ("MultiHeadAttention with one head is
// Attention") turned into two specs on the same inputs, with the conditions
// that make it true (identity kernels, no bias, key_dim = width, Attention's
// scale = 1/√d, …) each switchable, and the two traces compared step by step
// (max |Δ| per shared step key). No Qt.
#pragma once

#include "spec.h"
#include "trace.h"

#include <optional>
#include <string>
#include <vector>

namespace attnviz::core {

enum class Claim {
    MhaOneHeadIsAttention, // MultiHeadAttention(num_heads=1) ≡ Attention
    ConcatIsAdditive,      // Attention(score_mode="concat") ≡ AdditiveAttention
    GqaIsMha,              // GroupQueryAttention(Nkv = Nq) ≡ MultiHeadAttention (needs that layer)
};
const char* claimId(Claim claim); // "mha-attention", "concat-additive", "gqa-mha"
std::optional<Claim> claimFromId(const std::string& id);
std::string claimTitle(Claim claim);
/// Claims this build can run (GroupQueryAttention's once the layer exists).
std::vector<Claim> availableClaims();

struct ClaimCondition {
    std::string id;      // "identity_kernels", "no_bias", …
    std::string label;   // one line for the checkbox, with the Keras arguments
    std::string whenOff; // what the lab does instead when it is unticked
};
std::vector<ClaimCondition> claimConditions(Claim claim);

struct ClaimSetup {
    Claim claim{};
    Spec left;  // e.g. MultiHeadAttention
    Spec right; // e.g. Attention
    std::vector<ClaimCondition> conditions;
    std::vector<std::string> untick; // the conditions left out
};
/// Both specs on the inputs `base` resolves to (its sizes, seed, tokens, value
/// mask and causal flag), with every condition applied except those in
/// `untick`. Throws std::invalid_argument for an unknown condition or claim
/// this build cannot run, SpecError for a base spec that does not fit.
ClaimSetup buildClaim(Claim claim, const Spec& base, const std::vector<std::string>& untick = {});

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

} // namespace attnviz::core
