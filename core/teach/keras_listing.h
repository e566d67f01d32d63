// The Keras code of a layer, kept next to the layers so that the text and the
// numbers cannot drift apart: the constructor and the call for a spec, then
// Keras 3.16's own source of the path the trace follows (abridged), which
// holds every step's Step::kerasCode line (tests/core/test_keras_listing.cpp).
#pragma once

#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <map>
#include <string>

namespace attnviz::core {

struct KerasListing {
    std::string code;                      // lines separated by '\n'
    std::map<std::string, int> lineOfStep; // step key -> 0-based line in code
};

/// The listing of the spec's layer with its options; `trace` (the spec's
/// trace) gives the sizes and places each step on its line.
KerasListing kerasListing(const Spec& spec, const Trace& trace);

} // namespace attnviz::core
