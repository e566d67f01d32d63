// The stage's look: its palettes, fixed colours, the masked-logit threshold
// and how it writes numbers. Shared by the scene builders and the painter.
#pragma once

#include <QColor>
#include <QString>

#include <array>

namespace attnviz::ui::stage {

QString tr_(const char* text);

// A logit at or below -kSentinel is a masked one (Keras uses -1e9).
constexpr float kSentinel = 1e8f;
constexpr int kMaxTextCells = 16; // numbers in cells only up to 16 × 16

// matplotlib's viridis (sequential, colour-blind safe) and RdBu reversed
// (diverging: blue negative, white zero, red positive).
extern const std::array<QRgb, 9> kViridis;
extern const std::array<QRgb, 9> kDiverging;
QRgb lerpStops(const std::array<QRgb, 9>& stops, double t);

extern const QColor kHighlight;  // amber, drawn over a black outline
extern const QColor kMaskedFill; // masked cells
extern const QColor kEmptyFill;  // result cells not computed yet
extern const QColor kText;
extern const QColor kSubtle;
extern const std::array<QColor, 8> kHeadColours;

/// A number as the stage writes it: 2 decimals, fewer when large, − for minus.
QString fmt(double v);
/// A factor in a product, parenthesised when negative: "(−0.31)".
QString factor(double v);

} // namespace attnviz::ui::stage
