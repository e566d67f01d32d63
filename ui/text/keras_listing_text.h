// The Keras code tab's text: the core's listing of the layer (core/teach/keras_listing.h)
// as Qt strings, with the listing line of each trace step.
#pragma once

#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <QMap>
#include <QString>

namespace attnviz::ui {

struct KerasListingText {
    QString code;
    QMap<QString, int> lineOfStep; // step key -> 0-based line in code
};

/// The listing of the spec's layer (every layer), from the core.
KerasListingText layerKerasListing(const core::Spec& spec, const core::Trace& trace);

/// For a trained layer from a saved Keras model (spec.kerasLayerConfig set):
/// the layer's real constructor call, from its saved config, on top of the
/// listing (which may be empty); the listing unchanged otherwise.
KerasListingText withTrainedLayer(KerasListingText listing, const core::Spec& spec);

} // namespace attnviz::ui
