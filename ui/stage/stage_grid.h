// Grid building: one step (or weight) as a 2-D StageGrid — which axes become
// rows and columns, the batch/head slice, token labels, colour scale and the
// precomputed cell colours and texts. No painting, no animation.
#pragma once

#include "ui/stage/stage_scene.h"

namespace attnviz::ui::stage {

struct Tokens {
    QStringList query, key;
};

QString axisName(const core::Step& s, size_t axis);
/// The role the core gives an axis (Feature when it gives none).
core::AxisRole axisRole(const core::Step& s, size_t axis);
bool isBatchAxis(const core::Step& s, size_t axis);
bool isHeadAxis(const core::Step& s, size_t axis);
/// Tokens for a query or source axis when their count fits, else indices.
QStringList labelsFor(core::AxisRole role, int n, const Tokens& tokens);

/// Which axes become rows and columns, and where every other axis is fixed.
struct SlicePlan {
    int rowAxis = -1, colAxis = -1;
    std::vector<core::Index> fixed;
    bool batchSliced = false, headSliced = false;
};
SlicePlan planSlice(const core::Step& s, int batch, int head);

QString shapeText(const core::Shape& shape);
void setCaption(StageGrid& g);

/// The step's batch/head slice as a grid (the last two free axes).
StageGrid gridFromStep(const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tokens);
/// A step as one matrix: rows along the first non-batch axis, every later
/// axis flattened into columns ([B,T,H,k] → [T, H·k], heads as bands).
StageGrid flatGridFromStep(const core::Trace& trace, const core::Step& s, int batch, int head, const Tokens& tokens);
/// A weight as a matrix whose rows match `inner` (the operand's columns):
/// [E,H,k] → [E, H·k], [H,v,E] → [H·v, E].
StageGrid kernelGrid(const QString& name, const core::Tensor& w, int inner, int head);
void transposeGrid(StageGrid& g);
/// Recompute the grid's cell colours and texts from its values, scale and masked cells.
void finishGrid(StageGrid& g);
/// Stretch a probability grid's colours to 0 … its top (the "auto" colour
/// range): the largest shown value, or the 99.5th percentile once 1000 are
/// shown; other palettes are left alone.
void autoRangeProbabilities(StageGrid& g);
/// Large value buffers of a scene about to be replaced, kept for the next
/// scene's grids of the same size (fresh pages for a 4096 × 4096 grid cost
/// more than filling it), and let go once that scene is built.
void recycleValues(StageScene& old);
void dropRecycledValues();
/// Hatch these cells (1 = masked) over the grid's colours.
void markHatched(StageGrid& g, const std::vector<uint8_t>& mask);

} // namespace attnviz::ui::stage
