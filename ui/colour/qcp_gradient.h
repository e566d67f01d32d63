// A ColourScale as a QCustomPlot gradient, for the views that plot with
// QCustomPlot (inspector, compare). Include qcustomplot.h to use the result.
#pragma once

#include "ui/colour/colour_scale.h"

class QCPColorGradient;

namespace attnviz::ui {

/// The scale's map as a QCP gradient (256 levels, RGB interpolation like
/// colourAt); NaN cells (masked) get `nanColour`, transparent by default.
QCPColorGradient qcpGradient(const ColourScale& scale, const QColor& nanColour = Qt::transparent);

} // namespace attnviz::ui
