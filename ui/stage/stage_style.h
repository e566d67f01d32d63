// The stage's look: its fixed colours and how it writes numbers. Cell colours
// come from the one colour scale (colour/colour_scale.h). Shared by the scene
// builders and the painter.
#pragma once

#include <QColor>
#include <QString>

#include <array>

namespace attnviz::ui::stage {

QString tr_(const char* text);

constexpr int kMaxTextCells = 16;   // numbers in cells only up to 16 × 16
constexpr int kMaxImageCells = 256; // larger grids are drawn max-|value| pooled to this many pixels a side

extern const QColor kHighlight; // amber, drawn over a black outline
extern const QColor kEmptyFill; // result cells not computed yet
extern const QColor kText;
extern const QColor kSubtle;
extern const std::array<QColor, 8> kHeadColours;

/// A number as the stage writes it: 2 decimals, fewer when large, − for minus.
QString fmt(double v);
/// A scale factor as both the stage's operator label and its narration write
/// it: up to 4 significant digits, exact when shorter (0.125, not 0.13), − for minus.
QString scaleText(double v);
/// A factor in a product, parenthesised when negative: "(−0.31)".
QString factor(double v);

} // namespace attnviz::ui::stage
