// What the setup panel carries beyond its widgets (one role of the panel,
// setup_panel.h): the parts of an opened spec that no field shows (trained or
// loaded weights, per-batch masks, input tensors), kept until the user
// changes what they depend on; weight edits from the Weights tab; and what
// each .npy path field's file held when its text last changed.
#pragma once

#include "core/spec/spec.h"

#include <QString>

#include <map>
#include <optional>
#include <string>

class QLineEdit;

namespace attnviz::ui {

struct SetupCarried {
    // Carried over from a loaded spec until the user changes its structure.
    std::map<std::string, core::Tensor> weights;
    core::Spec trainedOrigin; // only its keras* and weightsFile fields: where `weights` came from
    struct WeightEdit {
        core::Tensor tensor;
        QString how;
    };
    std::map<std::string, WeightEdit> weightEdits;
    std::optional<core::Tensor> attentionMask, keyMask;
    // Per-batch padding masks from a spec, used while their text is unchanged
    // (the text shows batch row 0 only).
    std::optional<core::Tensor> queryMask, valueMask;
    QString queryMaskText, valueMaskText;
    std::optional<core::Tensor> query, value, key;
    // What each .npy path field's file held when its text last changed.
    struct NpyFile {
        std::optional<core::Tensor> tensor;
        QString error;
    };
    std::map<const QLineEdit*, NpyFile> npyFiles;
};

} // namespace attnviz::ui
