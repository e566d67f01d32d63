// Colour maps for heatmaps. QCustomPlot 2.1.0 (Debian 12) has no gpViridis, so
// viridis (sequential, colour-blind safe) and a blue–white–red diverging map
// are built from colour stops here. Only .cpp files include qcustomplot.h.
#pragma once

#include <QColor>
#include <QList>
#include <QPair>

class QCPColorGradient;

namespace attnviz::ui {

enum class ColorRangeKind {
    Probability, // fixed [0, 1]
    Sequential,  // [0, max] or [min, max] for non-negative tensors
    Diverging,   // symmetric [-m, m] for signed tensors
};

/// (position in [0,1], colour) stops of viridis.
QList<QPair<double, QColor>> viridisStops();
/// (position, colour) stops of a blue–white–red diverging map (RdBu reversed).
QList<QPair<double, QColor>> divergingStops();
/// Linear interpolation between stops, for widgets that paint cells themselves.
QColor colorAt(const QList<QPair<double, QColor>>& stops, double t);

} // namespace attnviz::ui
