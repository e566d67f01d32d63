// Translated, user-visible names for trace step keys and op kinds. Core titles
// are English fallbacks; these go through Qt's translation system.
#pragma once

#include "core/trace/trace.h"

#include <QString>

namespace attnviz::ui {

/// The step's title in the user's language (falls back to the core's title).
QString stepTitle(const core::Step& step);
/// The op kind's name in the user's language ("matrix product", "softmax", ...).
QString opKindText(core::OpKind op);
/// "(1, 4, 2, 3)"
QString shapeText(const core::Shape& shape);
/// An axis name for the screen: the generic words (batch, head, query, source,
/// feature) in the UI language, Keras' names (key_dim, value_dim, head_dim) as
/// they are; "head·value_dim" part by part. The step's own names stay the keys.
QString axisLabel(const std::string& name);
/// "(batch, query, head, key_dim)", each through axisLabel
QString axesText(const std::vector<std::string>& axes);
/// 1234567 -> "1.23 M"
QString countText(double n);

} // namespace attnviz::ui
