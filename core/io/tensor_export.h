// Getting tensors and setups out of attnviz as files other tools open
// (issue 11): CSV for spreadsheets (comma separated, a header row), tab-
// separated cells for the clipboard, and the spec bundle folder.
#pragma once

#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <string>
#include <vector>

namespace attnviz::core {

/// A float as text that reads back to the same float32 ("%.9g"; nan, inf, -inf).
std::string formatValue(float v);

/// A 2-D slice as CSV: a header "corner,<column labels>", then one line per
/// row "<row label>,v,v,...". Empty label lists mean the indices 0, 1, ...
/// Labels with commas, quotes or line breaks are quoted (RFC 4180).
std::string sliceToCsv(const Slice2D& slice, const std::vector<std::string>& rowLabels,
                       const std::vector<std::string>& colLabels, const std::string& corner);

/// A whole tensor as CSV: one column per leading axis holding its index, then
/// one column per index of the last axis ("<last axis>=0", ...), one line per
/// combination of the leading indices in row-major order. A rank-0 tensor is
/// a header "value" and one line. `axes` names the axes (missing: axis0, ...).
std::string tensorToCsv(const Tensor& t, const std::vector<std::string>& axes);

/// The rectangle rows r0..r1, columns c0..c1 (inclusive) of a slice as
/// tab-separated lines, as spreadsheets paste them.
std::string sliceToTsv(const Slice2D& slice, Index r0, Index r1, Index c0, Index c1);

/// Write the setup as a spec bundle: `dir`/spec.json with the trace's inputs
/// as query.npy / value.npy / key.npy (even when they were drawn from the seed
/// or typed as tokens), its masks, and weights.npz with every parameter. It
/// loads back (loadSpec) to the same trace. Creates `dir` if needed.
void saveSpecBundle(const std::string& dir, const Spec& spec, const Trace& trace);

} // namespace attnviz::core
