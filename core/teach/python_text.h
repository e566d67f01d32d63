// The one home of Python and Keras text written from a spec: how a number, a
// bool or a string is spelled in Python, and the Keras constructor call and
// layer call of a spec's layer. The Keras listing (keras_listing), the
// exported scripts (script_export) and the Compare labels (compare) all write
// a layer through these, so they cannot disagree (e.g. dropout=0.2 in one and
// dropout=0.200000003 in another).
#pragma once

#include "core/spec/spec.h"

#include <string>
#include <vector>

namespace attnviz::core {

/// A float as Python reads it back to the same float32: the shortest text that
/// round-trips (0.2, not 0.200000003), always with a '.' or an exponent
/// (1.0, not 1), and inf / nan as float("inf") / float("nan").
std::string pyFloat(float v);
/// The same for a double (shortest text that round-trips the double).
std::string pyFloat(double v);
/// True / False.
std::string pyBool(bool b);
/// A double-quoted Python string literal.
std::string pyStr(const std::string& s);

/// One keyword argument of a Keras call: `name=value`; `isDefault` when Keras
/// would use that value without it (a listing leaves those out).
struct PyArg {
    std::string name;  // empty: a positional argument
    std::string value; // Python text
    bool isDefault = false;
};

/// Which arguments a call spells out: only those that differ from Keras'
/// defaults (the listing, Compare's labels), or every one the layer reads
/// (a script that must not depend on defaults).
enum class PyArgs { NonDefault, All };

/// `name(arg, key=value, …)` with the arguments `which` selects.
std::string pyCall(const std::string& name, const std::vector<PyArg>& args, PyArgs which);

/// The constructor arguments of the spec's Keras layer, in Keras 3.16's own
/// order (keras/src/layers/attention/*.py __init__).
std::vector<PyArg> kerasConstructorArgs(const LayerConfig& c);
/// `keras.layers.MultiHeadAttention(num_heads=2, key_dim=4)` (with `prefix`
/// "keras.layers."), or `MultiHeadAttention(…)` with an empty prefix.
std::string kerasConstructor(const LayerConfig& c, PyArgs which, const std::string& prefix = "keras.layers.");

/// The arguments of the layer call that returns the attention weights, as
/// Keras takes them: (query, value, key=…, masks…, use_causal_mask, training,
/// return_attention_scores=True) for the head layers; ([query, value, key],
/// mask=[query_mask, value_mask], …) for Attention and AdditiveAttention.
/// `hasKey`: a key separate from the value.
std::vector<PyArg> kerasCallArgs(const Spec& s, bool hasKey);
/// `layer(…)` with those arguments.
std::string kerasCall(const Spec& s, bool hasKey, PyArgs which);

} // namespace attnviz::core
