// What the stage shows for one step, prepared before painting: 2-D grids with
// precomputed colours and texts, plus the few numbers an animation narrates
// (one dot product, one softmax row, one tanh-sum cell). Plain data; built by
// scene_builder.h, painted by stage_painter.h.
#pragma once

#include "core/trace/trace.h"
#include "ui/colour/colour_scale.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace attnviz::ui {

/// One 2-D matrix on the stage, with everything needed to paint it.
struct StageGrid {
    QString name;             // step key or weight name
    QString rowAxis, colAxis; // axis names
    QStringList rowLabels, colLabels;
    QString caption;   // "query × key_dim  (3 × 4)"
    QString fullShape; // "of (2, 3, 2, 4)" when sliced
    int rows = 0, cols = 0;
    std::vector<float> values;        // rows × cols, row-major
    ColourScale scale;                // the whole tensor's (colour/colour_scale.h), as in every view
    QImage image;                     // one pixel per cell, colours precomputed; per block when pooled
    int blockRows = 1, blockCols = 1; // cells per image pixel: large grids are max-|value| pooled
    QStringList texts;                // cell numbers (empty when too many cells)
    std::vector<QColor> textColours;
    std::vector<uint8_t> hatched;   // masked cells (the core's maskedCells, sliced)
    std::vector<uint8_t> crossed;   // dropped cells
    int bandCols = 0, bandRows = 0; // separators every n columns/rows (heads)
    int bandHighlight = -1;
    QColor frame; // optional coloured frame (concat heads)
    // The painter's cache: the widest row and column label in `labelFont`
    // (measuring 2 × 2048 labels took ~10 ms a frame). Labels never change
    // once a scene is built, and painting starts after that.
    mutable QFont labelFont;
    mutable double widestRowLabel = -1, widestColLabel = -1;

    float at(int r, int c) const { return values[size_t(r) * size_t(cols) + size_t(c)]; }
    bool isHatched(int r, int c) const { return !hatched.empty() && hatched[size_t(r) * size_t(cols) + size_t(c)]; }
    bool isCrossed(int r, int c) const { return !crossed.empty() && crossed[size_t(r) * size_t(cols) + size_t(c)]; }
};

/// The terms of one product cell, revealed one by one: lhs = t₁ + t₂ + … = rhs.
struct CellDetail {
    QString lhs;
    QStringList terms;
    QString rhs;
};

/// A labelled vector row of the tanh-sum narration.
struct VectorRow {
    QString label;
    std::vector<float> values;
};

enum class FillMode { None, Cells, Rows };
enum class Layout { Row, Concat, FanOut };
enum class InfoKind { Text, Bars, Vectors };

struct StageScene {
    QString title, formula, sliceNote;
    core::OpKind op = core::OpKind::Input;
    QString opName;
    Layout layout = Layout::Row;
    std::vector<StageGrid> grids; // drawing order; the result is `result`
    QStringList symbols;          // symbols[i] sits between grids[i] and grids[i+1]
    int result = -1;
    int left = -1, right = -1;       // operands with a row / column highlight
    bool rightHighlightsRow = false; // tanh-sum: row s of k instead of column s

    // Fill animation of the result grid.
    FillMode fill = FillMode::None;
    std::vector<int> rowOrder; // rows in fill order
    double introEnd = 0.0;     // progress at which filling starts
    double slowEnd = 0.0;      // end of the slow (narrated) cells
    double fillEnd = 0.92;     // everything filled
    int slowCells = 0;
    std::vector<CellDetail> details; // one per slow cell

    // Narration below the grids.
    InfoKind info = InfoKind::Text;
    QStringList infoLines;
    QString message; // shown when something could not be shown

    // The row a lesson asks about (StageView::setFocusRow), -1: none. The
    // narrated cells and the softmax bars explain it instead of the first row.
    int preferredRow = -1;

    // Softmax of one row.
    int focusRow = 0;
    QStringList barLabels;
    std::vector<float> rowIn, rowExp, rowOut;
    std::vector<uint8_t> rowMasked;
    float rowMaxAbs = 1, rowMax = 0, expSum = 1;
    // Long rows: the bars are the top keys by weight, and the last bar stands
    // for the other `barsRest` keys together (largest logit, Σ exp, Σ weight).
    int barsRest = 0;

    // Tanh-sum of one cell.
    std::vector<VectorRow> vectors;
    QString vectorResult;

    // Concat: grids[0..heads) are the heads, result the concatenation.
    // FanOut: grids[0..kvHeads) the key/value heads, then `heads` copies, one
    // per query head; result is the selected query head's copy.
    int heads = 0;
    int kvHeads = 0;

    int cellCount() const { return result >= 0 ? grids[size_t(result)].rows * grids[size_t(result)].cols : 0; }
};

} // namespace attnviz::ui
