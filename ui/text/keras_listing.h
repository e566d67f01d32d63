// The whole MultiHeadAttention layer written with Keras' fundamental layers
// (EinsumDense, Softmax, Dropout, Add, LayerNormalization) for a spec, with
// the listing line that produces each trace step.
#pragma once

#include "core/spec.h"
#include "core/trace.h"

#include <QMap>
#include <QString>

namespace attnviz::ui {

struct KerasListing {
    QString code;
    QMap<QString, int> lineOfStep; // step key -> 0-based line in code
};

/// Empty code for layers other than MultiHeadAttention.
KerasListing mhaKerasListing(const core::Spec& spec, const core::Trace& trace);

/// For a trained layer from a saved Keras model (spec.kerasLayerConfig set):
/// the layer's real constructor call, from its saved config, on top of the
/// listing (which may be empty); the listing unchanged otherwise.
KerasListing withTrainedLayer(KerasListing listing, const core::Spec& spec);

} // namespace attnviz::ui
