// The computation as a runnable Python script (issue 11): NumPy (one block per
// step, in trace order), Keras 3 (the real layer, its variables set from the
// exported weights) or PyTorch (torch ops, and torch.nn.MultiheadAttention
// where it can express the Keras layer). Each script loads its inputs and
// weights from <stem>.npz beside it, compares what it computed with the trace
// in <stem>_trace.npz (max |Δ| per key) and exits 1 past rtol 1e-4 / atol 1e-5.
#pragma once

#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <map>
#include <optional>
#include <string>

namespace attnviz::core {

enum class ScriptTarget { NumPy, Keras, Torch };
/// "numpy", "keras", "torch".
const char* scriptTargetName(ScriptTarget target);
std::optional<ScriptTarget> scriptTargetFromName(const std::string& name);

struct ScriptExport {
    std::string script;                        // the .py text
    std::map<std::string, Tensor> data;        // <stem>.npz: inputs, masks (as given), weights, dropout_keep
    std::map<std::string, Tensor> traceArrays; // <stem>_trace.npz: every step by key
};

/// Build the script for `trace` (computed from `spec` by core::run). `stem`
/// names the files the script reads: <stem>.npz and <stem>_trace.npz, in the
/// script's own folder. Throws std::invalid_argument for a trace it cannot
/// express (a layer it does not know).
ScriptExport exportScript(const Spec& spec, const Trace& trace, ScriptTarget target, const std::string& stem);

/// Write OUT.py, OUT.npz and OUT_trace.npz (pyPath must end in .py). Throws
/// NpyError / std::runtime_error naming the file on a write failure.
void writeScriptExport(const std::string& pyPath, const Spec& spec, const Trace& trace, ScriptTarget target);

/// The PyTorch code that performs this step, as the PyTorch script writes it
/// (shown beside the Keras line in the app's translate view). Variable names:
/// the step's key for its result, `P[name]` for weights.
std::string torchCode(const Spec& spec, const Trace& trace, const Step& step);

/// The layer in PyTorch, step by step as the PyTorch script computes it: for
/// each step a comment line naming it, then its torchCode lines. For the
/// app's translate view, beside the Keras listing.
struct CodeListing {
    std::string code;
    std::map<std::string, std::pair<int, int>> linesOfStep; // key -> (first 0-based line, line count)
};
CodeListing torchListing(const Spec& spec, const Trace& trace);

} // namespace attnviz::core
