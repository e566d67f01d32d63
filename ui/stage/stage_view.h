// The centre stage: the current step of a trace, animated from its operands.
// Generic over Step::op and Step::inputs — it never asks which layer made the
// trace. Every number it shows is prepared when the step, slice or tokens
// change; painting only lays out and draws. Not an inspector: no hover values.
#pragma once

#include "core/trace/trace.h"
#include "ui/export/figure_export.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <QRectF>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QVariantAnimation;

namespace attnviz::ui {
namespace stage {
struct Overlay;
}

struct StageScene; // ui/stage/stage_scene.h

class StageView : public QWidget {
    Q_OBJECT
public:
    explicit StageView(QWidget* parent = nullptr);
    ~StageView() override;

    /// The trace to show; the current step is kept if it still exists.
    void setTrace(std::shared_ptr<const core::Trace> trace);
    /// Show step `index` of the trace and restart its animation.
    void setCurrentStep(int index);
    int currentStep() const { return m_step; }
    /// Which batch and head slice to show for 3-D and 4-D tensors (clamped).
    void setSliceIndices(int batch, int head);
    /// Labels for the query and key axes; either may be empty (indices are shown).
    void setTokens(QStringList queryTokens, QStringList keyTokens);
    /// Scale of fonts and cells, 1 = normal; presentation mode uses ~1.6–2.
    void setZoom(double factor);
    double zoom() const { return m_zoom; }
    /// Animation speed, 1 = normal (about 3 s per step).
    void setSpeed(double factor);
    double speed() const { return m_speed; }
    /// Probability grids coloured 0 … their largest value (the 99.5th
    /// percentile once 1000 are shown) instead of 0 … 1.
    void setAutoProbabilityRange(bool on);
    bool autoProbabilityRange() const { return m_autoProbability; }

    /// A lesson slide's highlighted cells (row, col) of the result grid, drawn
    /// over the stage (stage_overlay.h); empty: none.
    void setHighlights(std::vector<std::pair<int, int>> cells);
    /// A note across the top of the stage, e.g. "not Keras"; empty: none.
    void setOverlayNote(const QString& note);
    QString overlayNote() const;
    const std::vector<std::pair<int, int>>& highlights() const;
    /// A click question's keyboard cursor on the result grid (row, col); nullopt: none.
    void setCursorCell(std::optional<std::pair<int, int>> cell);
    std::optional<std::pair<int, int>> cursorCell() const;
    /// The row a lesson asks about: its cells and its softmax are the ones
    /// narrated (-1: the stage's own choice, row 0 or the first open row).
    void setFocusRow(int row);
    int focusRow() const { return m_focusRow; }
    /// Where the result grid's cells were last painted (empty: none), in widget coordinates.
    QRectF resultCellsRect() const { return m_resultCells; }

    /// Predict-then-reveal: the result's cells show "?" and no numbers are
    /// narrated; the operands stay as they are. Off by default.
    void setConcealed(bool concealed);
    bool isConcealed() const { return m_concealed; }

    /// Play the current step's animation from the start.
    void replay();
    /// Jump to a point of the animation (0..1) and pause there.
    void setProgress(double p);
    double progress() const { return m_progress; }
    bool isPlaying() const;

    /// Paint the stage at the current progress into any painter (PNG, SVG, PDF).
    void renderTo(QPainter& painter, const QRect& rect) const;
    /// The stage at the current progress as an image of this size.
    QImage renderImage(QSize size) const;
    /// The stage as a figure for exportFigure: vector at `size`, raster at twice it.
    Figure figure(QSize size) const;

    /// Read-outs for tests: matrices on the stage and the note shown when a
    /// step's operands could not be lined up (empty when all is well).
    int gridCount() const;
    QString notice() const;
    /// The prepared scene (ui/stage/stage_scene.h): its grids' colours and masked cells.
    const StageScene& scene() const { return ensureScene(); }
    /// How many times the scene was built: a hidden stage builds it only when
    /// shown, painted or asked for it (tests).
    int sceneBuilds() const { return m_sceneBuilds; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void progressChanged(double p);
    /// The animation reached its end by playing (not by scrubbing).
    void animationFinished();
    /// A click on cell (row, col) of the result grid (click-the-cell questions).
    void resultCellClicked(int row, int col);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    /// The scene changed: built now when on screen, else when next needed.
    void rebuild();
    const StageScene& ensureScene() const;
    bool hasResult() const;
    void restartAnimation();
    void applyProgress(double p);

    std::shared_ptr<const core::Trace> m_trace;
    mutable std::unique_ptr<StageScene> m_scene;
    mutable bool m_sceneStale = false;
    mutable int m_sceneBuilds = 0;
    QVariantAnimation* m_animation = nullptr;
    QStringList m_queryTokens, m_keyTokens;
    int m_step = -1;
    int m_focusRow = -1;
    bool m_concealed = false;
    int m_batch = 0;
    int m_head = 0;
    double m_zoom = 1.0;
    double m_speed = 1.0;
    double m_progress = 1.0;
    bool m_autoProbability = false;
    std::unique_ptr<stage::Overlay> m_overlay;
    mutable QRectF m_resultCells; // set by each paint, for clicks
};

} // namespace attnviz::ui
