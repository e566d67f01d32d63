// The setup model, without widgets: one table of the setup fields (name,
// Keras argument, which layers have it, widget kind, limit and why, default,
// What's-this text, and how it reads and writes a core::Spec), and
// SetupState <-> core::Spec over that table. The setup panel builds its form
// from the table; the session autosave, --set and error marking use its names.
#pragma once

#include "core/spec/spec.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace attnviz::ui {

enum class FieldKind { Int, Double, Bool, Choice, Text };
enum class FieldGroup { Layer, Sizes, Masks, Dropout, Inputs };

/// Bit of a layer in FieldDef::layers.
constexpr unsigned layerBit(core::LayerKind k) {
    return 1u << unsigned(k);
}
constexpr unsigned kAllLayers = layerBit(core::LayerKind::MultiHeadAttention) | layerBit(core::LayerKind::Attention) |
                                layerBit(core::LayerKind::AdditiveAttention) |
                                layerBit(core::LayerKind::GroupQueryAttention);
constexpr unsigned kHeadLayers =
    layerBit(core::LayerKind::MultiHeadAttention) | layerBit(core::LayerKind::GroupQueryAttention);
constexpr unsigned kDotLayers = layerBit(core::LayerKind::Attention) | layerBit(core::LayerKind::AdditiveAttention);

struct FieldChoice {
    const char* text; // as shown and as --set takes it (translated for display only when `translate`)
    int value;
};

struct FieldDef {
    /// The one name of the field: session autosave, --set NAME=VALUE, widgetForSetting().
    const char* name;
    /// The Keras argument the field sets (constructor or call), as Keras spells it;
    /// gqaKerasArg is GroupQueryAttention's name for it when different.
    const char* kerasArg;
    const char* gqaKerasArg;
    /// The core's field names (core::SpecError::field()) this field answers for; the first is its own.
    QStringList specFields;
    FieldGroup group;
    FieldKind kind;
    /// Which layers have it (layerBit); the form shows it only for those (hidden, not greyed).
    unsigned layers;
    const char* label; // form label ("key_dim:"); a check box's text
    const char* gqaLabel;
    /// Int/Double: the smallest value the widget takes, and the largest attnviz
    /// accepts (`limit`); a larger typed value is kept and refused with `limitReason`.
    double minimum = 0, limit = 0;
    const char* limitReason = nullptr;
    const char* specialText = nullptr; // shown for `minimum` ("auto", "none")
    double step = 1;
    int decimals = 0;
    QVariant defaultValue;
    std::vector<FieldChoice> choices = {}; // Choice
    const char* whatsThis;
    /// Built by the panel itself (the input source and its pages); the table
    /// still gives its name, Keras argument and What's-this.
    bool special = false;
    /// The Spec fields: write the value into a spec (a parse error returns
    /// its message), read it back. nullptr for special fields.
    QString (*write)(const QVariant& value, core::Spec& spec) = nullptr;
    QVariant (*read)(const core::Spec& spec) = nullptr;
    /// Written after the inputs (needs the final sizes): the padding masks.
    bool afterInputs = false;

    bool hasLayer(core::LayerKind k) const { return (layers & layerBit(k)) != 0; }
    const char* kerasArgFor(core::LayerKind k) const {
        return k == core::LayerKind::GroupQueryAttention && gqaKerasArg ? gqaKerasArg : kerasArg;
    }
    /// Translated label and What's-this (naming the Keras argument, the layers and the limit).
    QString labelFor(core::LayerKind k) const;
    QString whatsThisFor(core::LayerKind k) const;
};

/// Every setup field, in form order (the layer first: restoring it must not reset what follows).
const std::vector<FieldDef>& setupFields();
const FieldDef* findSetupField(const QString& name);

/// Every field's value by name, as typed (a value over its limit included).
struct SetupState {
    QMap<QString, QVariant> values;
    /// Every field at its default.
    static SetupState defaults();
    QVariant value(const QString& name) const { return values.value(name); }
    core::LayerKind layer() const;
};

/// A field the state cannot become a spec for: its name, the core field, the message.
struct SetupError {
    QString setting, field, message;
    bool isEmpty() const { return message.isEmpty(); }
};

/// A value over its field's limit ("20000 is over the limit of 8192 …"), else empty.
QString limitMessage(const FieldDef& field, const QVariant& value);
/// The short form shown under the field ("At most 8192: …"), else empty.
QString limitNote(const FieldDef& field, const QVariant& value);

/// Write the fields of the state's layer into `spec` (fields of other layers
/// keep the spec's values). afterInputs: only the fields that need the final
/// sizes (padding); otherwise only the others. Stops at the first field over
/// its limit or that does not parse.
SetupError writeSpec(const SetupState& state, core::Spec& spec, bool afterInputs);
/// Both phases on a default spec: what the fields alone describe.
core::Spec specFromState(const SetupState& state, SetupError* error = nullptr);
/// The fields of a spec (every field read, whatever the layer).
SetupState stateFromSpec(const core::Spec& spec);

} // namespace attnviz::ui
