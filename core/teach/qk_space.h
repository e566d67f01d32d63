// The query–key space of one head (issue 20), after AttentionViz (Yeh et al.,
// 2023): the head's queries and keys as points in one 2-D PCA, the keys first
// translated by mean(q) − mean(k). For dot-product scores that translation
// adds q_t·(mean(q) − mean(k)) to every score of query t's row, the same
// amount across the row, so the softmax (the attention) is unchanged; this
// file checks that on the trace's own numbers rather than assuming it. For
// additive (and concat) scores, Σ tanh(q + k), no such shift exists: the keys
// are shown as they are, and the result says why. No Qt.
#pragma once

#include "core/base/eigen_types.h"
#include "core/trace/trace.h"

#include <string>
#include <vector>

namespace attnviz::core {

/// Which tensors of a trace are a head's queries and keys.
struct QkSource {
    std::string queryKey;       // step key of the queries as they enter the scores: "scaled_query", "query"
    std::string keyKey;         // step key of the keys: "key_dense", "key_repeated", "key", "value"
    bool dotProduct = true;     // scores are q·k (times a constant): the shift keeps the attention
    float scoreFactor = 1;      // scores = scoreFactor · q·k for dot products (Attention's learned scale)
    Index heads = 1;            // heads of the scores (1 for Attention / AdditiveAttention)
    Index keyHeadsPerGroup = 1; // GroupQueryAttention read from key_dense: query heads per key head
};

/// Where a trace's queries and keys are, or an empty queryKey when the trace
/// has none (no "weights" step). Never throws.
QkSource qkSource(const Trace& trace);

/// One head's query–key space.
struct QkSpace {
    Index batch = 0, head = 0;
    Index T = 0, S = 0, dim = 0; // queries, keys, their width
    QkSource source;
    bool shifted = false;        // keys translated by mean(q) − mean(k)
    MatrixRM queries;            // (T, 2): PCA coordinates
    MatrixRM keys;               // (S, 2): PCA coordinates of the (shifted) keys
    MatrixRM weights;            // (T, S): the trace's attention weights of this head
    float explained[2] = {0, 0}; // share of the variance along each axis
    Index components = 0;        // 2, or fewer when the points span fewer dimensions
    // The check of the claim, on these numbers (dot products only):
    float maxScoreError = 0;   // max |q·k·factor − trace scores|: the right tensors were read
    float maxRowSpread = 0;    // max over rows of (max − min) of (shifted score − score), relative
    float maxWeightChange = 0; // max |softmax(shifted scores) − softmax(scores)|
    std::string note;          // one sentence: what was done and checked, or why not
};

/// The space of head `head` of batch row `batch`. Throws std::invalid_argument
/// for a trace without queries and keys or an index out of range.
QkSpace qkSpace(const Trace& trace, Index batch, Index head);

/// Principal components of the rows of `points` (n, d): the n×k coordinates
/// along the first k components (k = min(2, d)), centred on the mean, each
/// component's sign fixed so that its largest loading is positive (the
/// picture does not flip from run to run). `explained` gets each component's
/// share of the total variance (0 when all points coincide).
MatrixRM principalCoordinates(const Eigen::Ref<const MatrixRM>& points, float explained[2], Index* components);

/// "cat·2": a point's label, its token (when there is one) and position.
std::string qkPointLabel(const std::vector<std::string>& tokens, Index position);

} // namespace attnviz::core
