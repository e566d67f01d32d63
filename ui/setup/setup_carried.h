// What the setup panel carries beyond its widgets (one role of the panel,
// setup_panel.h): the parts of an opened spec that no field shows (trained or
// loaded weights, per-batch masks, input tensors), kept until the user
// changes what they depend on; weight edits from the Weights tab; and what
// each .npy path field's file held when its text last changed.
#pragma once

#include "core/spec/spec.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <map>
#include <optional>
#include <string>

class QLineEdit;

namespace attnviz::ui {

struct SetupCarried {
    // Carried over from a loaded spec until the user changes its structure.
    std::map<std::string, core::Tensor> weights;
    core::Spec trainedOrigin; // only its keras* and weightsFile fields (where `weights` came from) and backward
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

    /// What applyWeights did, in words for the panel.
    struct WeightsUse {
        QString source;                         // "Weights: from …" (and what is edited)
        QString aside;                          // weights kept aside because they do not fit, and why
        std::map<std::string, QString> sources; // per weight key: where its numbers come from
    };
    /// Put the carried weights into `s` where they fit its settings (all of
    /// them, or none: loaded weights must be complete), then the edits that fit.
    WeightsUse applyWeights(core::Spec& s) const;
    /// Keep where the weights came from: only the spec's keras* and weightsFile fields.
    void setOrigin(const core::Spec& spec);
    /// Into the session's JSON (the autosave): everything above but the .npy
    /// files, which are read again from their paths. Tensors go into `tensors`.
    void save(QJsonObject& state, QJsonObject& tensors) const;
    /// Back from save()'s JSON; a damaged entry is left out, never an error.
    void restore(const QJsonObject& state, const QJsonObject& tensors);
};

/// A tensor in the session's JSON: its .npy bytes in base64 (JSON has no NaN);
/// null for none.
QJsonValue tensorToJson(const std::optional<core::Tensor>& t);
/// Back from tensorToJson; nullopt for null or a damaged entry.
std::optional<core::Tensor> tensorFromJson(const QJsonValue& v, const char* name);

} // namespace attnviz::ui
