// The one colour scale of the GUI: which colour a tensor's value gets, in
// the inspector, on the stage and in the compare view alike. It follows the
// step's display metadata from the core (value kind, masked cells), never
// the step's key: probabilities 0–1 on viridis, boolean masks grey/white,
// non-negative values 0–max on viridis, signed values on a symmetric
// diverging map. The range covers the whole tensor (every batch and head),
// masked and non-finite cells left out, so a slice looks the same wherever
// it is shown. QCustomPlot 2.1.0 (Debian 12) has no gpViridis, so the maps
// are colour stops here; only .cpp files include qcustomplot.h.
#pragma once

#include "core/trace/trace.h"

#include <QColor>
#include <QList>
#include <QPair>

#include <cstdint>
#include <vector>

namespace attnviz::ui {

using ColourStops = QList<QPair<double, QColor>>;

/// (position in [0,1], colour) stops of matplotlib's viridis.
ColourStops viridisStops();
/// (position, colour) stops of a blue–white–red diverging map (RdBu reversed).
ColourStops divergingStops();
/// Masked cells (and a mask's zeros): one grey everywhere.
QColor maskedColour();

enum class ColourRangeKind {
    Probability, // fixed [0, 1], viridis
    Binary,      // a boolean mask: 0 grey, 1 white
    Sequential,  // [0, max] viridis (at least [0, 1]: dropout's rescaled weights)
    Diverging,   // symmetric [-m, m] for signed tensors
};

struct ColourScale {
    ColourRangeKind kind = ColourRangeKind::Diverging;
    double lower = -1, upper = 1;

    ColourStops stops() const;
    /// Where v sits on the map, 0..1 (clamped).
    double position(double v) const;
    /// The colour of a finite, unmasked value.
    QRgb rgb(double v) const;
};

/// The scale for values of this kind; `masked` (one flag per value, or empty)
/// marks values to leave out of the range.
ColourScale colourScaleFor(core::ValueKind kind, const std::vector<float>& values,
                           const std::vector<std::uint8_t>& masked = {});
/// The scale for a step of a trace: its value kind and its masked cells.
ColourScale colourScaleFor(const core::Trace& trace, const core::Step& step);

/// The colour at `t` (0..1) between the stops, interpolated in RGB.
QRgb colourAt(const ColourStops& stops, double t);

} // namespace attnviz::ui
