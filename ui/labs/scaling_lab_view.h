// The 1/√dₖ lab view: four QCustomPlot panels over key_dim 1…1024 (log
// axis) from core::scalingLab — the spread of q·k with and without 1/√d, the
// largest softmax weight of a row, the row's entropy and the largest
// gradient p(1 − p) — with the current layer's own numbers marked.
#pragma once

#include "core/teach/scaling_lab.h"
#include "core/trace/trace.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QCustomPlot;
class QLabel;

namespace attnviz::ui {

class ScalingLabView : public QWidget {
    Q_OBJECT
public:
    explicit ScalingLabView(QWidget* parent = nullptr);

    /// The layer whose numbers are marked (nullptr: none).
    void setTrace(std::shared_ptr<const core::Trace> trace);
    void setZoom(double factor);

    const std::vector<core::ScalingPoint>& points() const { return m_points; }
    const std::optional<core::ScalingPoint>& layerPoint() const { return m_layer; }
    /// The spread (std) of the layer's q and k as they enter q·k: the
    /// projections for MultiHeadAttention, the inputs for Attention; nullopt: none.
    std::optional<std::pair<double, double>> layerQueryKeySpread() const { return m_qkSpread; }
    /// The four plots, in reading order: spread, max weight, entropy, max gradient.
    QCustomPlot* plot(int i) const { return m_plots[size_t(i)]; }
    QString caption() const;
    /// The "not Keras" switch: turn 1/√dₖ off in the stage too (the window
    /// recomputes MultiHeadAttention / GroupQueryAttention without it).
    QCheckBox* notKerasSwitch() const { return m_notKeras; }
    bool notKeras() const;

signals:
    void notKerasToggled(bool on);

private:
    void replot();

    std::vector<QCustomPlot*> m_plots;
    QLabel* m_caption;
    QLabel* m_legend;
    QCheckBox* m_notKeras;
    std::vector<core::ScalingPoint> m_points;
    std::optional<core::ScalingPoint> m_layer;
    std::optional<std::pair<double, double>> m_qkSpread;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
