// The inspector: the current step's tensor as a QCustomPlot heatmap with a
// colour scale. Rows and columns are two axes of the tensor; every other axis
// (batch, head, ...) gets a spin box. Hover shows indices, tokens and the exact
// value; below, min/max/mean and a numbers table with row sums.
#pragma once

#include "ui/colour/colour_scale.h"
#include "ui/export/figure_export.h"
#include "core/base/downsample.h"
#include "core/trace/trace.h"

#include <QStringList>
#include <QWidget>

#include <limits>
#include <memory>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QMouseEvent;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace attnviz::ui {

class TensorSliceModel;

class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);
    ~HeatmapView() override;

    /// Show step `index` of the trace (the trace is kept alive while shown).
    void setStep(std::shared_ptr<const core::Trace> trace, int index);
    void setTokens(QStringList queryTokens, QStringList keyTokens);
    /// The index for a leading axis by name ("batch", "head"); kept across steps.
    void setSliceIndex(const QString& axisName, int value);
    int sliceIndex(const QString& axisName) const;
    void setZoom(double factor);
    /// A lesson slide's highlighted cells (row, col) of the shown slice; empty: none.
    void setHighlights(std::vector<std::pair<int, int>> cells);
    /// Highlight frames drawn now (cells inside the slice).
    int highlightItemCount() const;

    // Read-outs (tests, export, the stage).
    QCustomPlot* plot() const { return m_plot; }
    const core::Step* step() const;
    int rowAxis() const { return m_rowAxis; }
    int colAxis() const { return m_colAxis; }
    int rows() const;
    int columns() const;
    /// The full index into the step's tensor of cell (row, col) of the slice.
    std::vector<core::Index> tensorIndex(int row, int col) const;
    double rangeLower() const { return m_colours.lower; }
    double rangeUpper() const { return m_colours.upper; }
    ColourRangeKind rangeKind() const { return m_colours.kind; }
    /// The step's colour scale (colour/colour_scale.h), the same as the stage's.
    const ColourScale& colourScale() const { return m_colours; }
    /// Probability steps: colour from 0 to the core's StepSummary::shownHigh (the
    /// largest value, or the 99.5th percentile once 1000 are shown) instead of
    /// 0 to 1 (at T=S=2048 most weights are about 0.001). Kept across steps.
    void setAutoProbabilityRange(bool on);
    bool autoProbabilityRange() const { return m_autoProbability; }
    QComboBox* rangeCombo() const { return m_rangeCombo; }
    /// Input cells per drawn cell when a large slice is pooled (1 × 1: not pooled).
    int blockRows() const { return m_blockRows; }
    int blockColumns() const { return m_blockCols; }
    /// Slices larger than this (per side) are drawn max-|value| pooled.
    static constexpr int kMaxDrawnCells = 256;
    /// Whether cell (row, col) of the slice is masked (the core's maskedCells).
    bool isMaskedCell(int row, int col) const;
    /// Pixel position (in plot widget coordinates) of a cell's centre.
    QPointF cellCenter(int row, int col) const;
    /// Update the hover read-out for a plot pixel; false when not over a cell.
    bool hoverAt(const QPointF& plotPos);
    int hoveredRow() const { return m_hoverRow; }
    int hoveredColumn() const { return m_hoverCol; }
    double hoveredValue() const { return m_hoverValue; }
    QString hoverText() const;
    QString statsText() const;
    /// How many cells of the shown slice are NaN or ±Inf (drawn magenta, labelled when small).
    int nonFiniteCells() const { return m_nonFinite; }

    /// The heatmap as a figure of this size, for exportFigure (PNG, PDF, SVG).
    Figure figure(QSize size) const;

    /// The 2-D slice shown (rows × columns), its row and column labels
    /// (tokens, or empty for indices), and the Numbers tab's table.
    const core::Slice2D& shownSlice() const;
    QStringList rowLabels() const { return labelsFor(m_rowAxis); }
    QStringList columnLabels() const { return labelsFor(m_colAxis); }
    QTableView* numbersTable() const { return m_table; }
    /// Significant digits in the Numbers tab (1–9); its columns widen to fit.
    void setNumberDigits(int digits);
    int numberDigits() const;
    QSpinBox* digitsSpin() const { return m_digits; }
    /// The Heatmap (0) and Numbers (1) tabs.
    QTabWidget* tabs() const { return m_tabs; }

signals:
    /// The user moved a leading-axis spin box.
    void sliceIndexChanged(core::AxisRole role, const QString& axisName, int value);
    void cellHovered(int row, int col, double value);
    /// The user chose the fixed 0–1 (false) or auto (true) probability colours.
    void autoProbabilityRangeChanged(bool on);
    /// The user changed the Numbers tab's digits.
    void numberDigitsChanged(int digits);

private:
    void rebuild();
    void rebuildSpinBoxes();
    void refill();
    QStringList labelsFor(int axis) const;
    void onMouseMove(QMouseEvent* event);
    void applyFonts();
    /// "batch 0 · head 1": the leading axes' indices of the slice shown.
    QString sliceNote() const;
    /// Size the Numbers tab's columns to the widest text they hold.
    void fitNumberColumns();
    /// The lesson highlight frames, as plot items.
    void addHighlightItems();
    /// The figures statsText writes, from one pass over the shown slice.
    struct SliceFigures {
        core::TensorStats stats{};   // of the unmasked cells, as core::stats gives them
        core::Index cells = 0;       // rows × cols
        core::Index shown = 0;       // unmasked cells
        core::Index nonFinite = 0;   // NaN and ±Inf cells, masked or not
        std::vector<double> rowSums; // each row's sum of its unmasked cells (slices of 2+ columns)
    };
    static SliceFigures sliceFigures(const core::Slice2D& slice, const std::vector<std::uint8_t>& masked);

    std::shared_ptr<const core::Trace> m_trace;
    int m_index = -1;
    QStringList m_queryTokens, m_keyTokens;
    std::map<QString, int> m_sliceIndices; // by axis name
    int m_rowAxis = -1, m_colAxis = -1;
    std::vector<core::Index> m_fixed;
    ColourScale m_colours;
    std::vector<std::uint8_t> m_sliceMasked; // the shown slice's, rows × cols
    int m_sliceCols = 0;
    int m_hoverRow = -1, m_hoverCol = -1;
    double m_hoverValue = 0;
    double m_zoom = 1.0;
    bool m_autoProbability = false;
    double m_probabilityMax = 1; // the step's largest unmasked value (auto range)
    int m_blockRows = 1, m_blockCols = 1;
    std::vector<std::pair<int, int>> m_highlights;
    SliceFigures m_figures;
    bool m_numbersUnfitted = false; // the Numbers tab's columns wait until it is on show

    QLabel* m_title;
    QHBoxLayout* m_spinLayout;
    QComboBox* m_rangeCombo;                        // fixed 0–1 or auto, shown on probability steps
    std::vector<std::pair<int, QSpinBox*>> m_spins; // (axis, spin box)
    QTabWidget* m_tabs;
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorMap* m_nonFiniteMap; // magenta over NaN/Inf cells, transparent elsewhere
    int m_nonFinite = 0;
    QCPColorScale* m_scale;
    QLabel* m_hover;
    QLabel* m_stats;
    QTableView* m_table;
    QSpinBox* m_digits;
    TensorSliceModel* m_model;
};

} // namespace attnviz::ui
