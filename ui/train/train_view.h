// The Train view (issue 20): pick a toy task, set the model (the layer and
// its options come from Setup), then Play / Pause (Space), Step, Reset and
// watch the loss and accuracy fall, the probe example's attention form in
// every head of every block, and each weight's gradient norm. Training runs
// on a worker thread (TrainSession); this widget repaints from the latest
// snapshot on its own timer. The pattern to expect is said after training,
// so a class can predict it first.
#pragma once

#include "core/spec/spec.h"
#include "core/train/train_spec.h"
#include "ui/train/train_session.h"

#include <QElapsedTimer>
#include <QWidget>

#include <map>
#include <optional>
#include <utility>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace attnviz::ui {

class AttentionGrid;

class TrainView : public QWidget {
    Q_OBJECT
public:
    explicit TrainView(QWidget* parent = nullptr);
    ~TrainView() override;

    /// The layer and its options, from Setup (the blocks train this layer).
    void setLayer(const core::LayerConfig& layer);
    void setZoom(double factor);

    TrainSession* session() const { return m_session; }
    /// The spec of the current run (after the last accepted settings).
    const core::TrainSpec& spec() const { return m_spec; }
    /// The settings as typed, and the fields they refuse (field name → message).
    const std::map<QString, QString>& refused() const { return m_refused; }
    /// Set a setting as if typed: "task", "blocks", "residual", "layer_norm", "embed_dim",
    /// "vocab", "length", "batch", "seed", "learning_rate". False with a message when unknown.
    bool applySetting(const QString& name, const QString& value, QString* error = nullptr);

    void play();
    void pause();
    void togglePlay();
    void step();
    void reset();
    /// Take n steps now and wait (headless screenshots, lessons).
    void trainSteps(int n);
    /// Ask the window to show the trained layer in its other views (as pausing does).
    void showTrainedModel() { emit pausedWithModel(); }
    /// Show the pattern the task's solution uses (said after training).
    void revealPattern();
    bool patternRevealed() const;
    // Take it home (each returns false with the message in *error).
    /// Block `block`'s layer weights under Setup's names (query_dense/kernel, …): File ▸ Open loads them.
    bool exportLayerWeights(const QString& path, int block = 0, QString* error = nullptr);
    /// The run so far as a train.json bundle folder that attnviz-trace --train reproduces.
    bool exportBundle(const QString& dir, QString* error = nullptr);
    /// The run so far as a Keras or PyTorch training script (OUT.py and OUT.npz).
    bool exportScript(const QString& path, bool keras, QString* error = nullptr);
    /// The trained model as a .keras file, written by attnviz-trace (HDF5 lives there only).
    bool exportKeras(const QString& path, QString* error = nullptr);

    /// Bring every widget up to the latest snapshot now (tests, screenshots).
    void refreshNow();

    /// Repaints done since construction (for --bench-ui).
    qint64 frames() const { return m_frames; }
    /// The longest repaint from a snapshot so far (ms), and forget it.
    double takeLongestRefreshMs() { return std::exchange(m_longestRefreshMs, 0.0); }
    QCustomPlot* lossPlot() const { return m_lossPlot; }
    QCustomPlot* accuracyPlot() const { return m_accuracyPlot; }
    AttentionGrid* attentionGrid() const { return m_grid; }
    QTableWidget* gradientTable() const { return m_gradients; }
    QLabel* stepLabel() const { return m_stepLabel; }
    QCheckBox* logScale() const { return m_logScale; }
    QDoubleSpinBox* learningRateBox() const { return m_lr; }

signals:
    /// Training paused (or reset, or stepped): the trained model may be shown in the other views.
    void pausedWithModel();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void rebuild();
    void onTaskChanged();
    std::optional<core::TrainSpec> specFromSettings();
    void markRefused();
    void refresh();
    void applyProbeText();
    void exportDialog(int what);

    TrainSession* m_session;
    core::TrainSpec m_spec;
    core::LayerConfig m_layer;
    std::map<QString, QString> m_refused;
    std::map<QString, QLabel*> m_errorLabels;
    QComboBox* m_task;
    QLabel* m_description;
    QLabel* m_pattern;
    QPushButton* m_reveal;
    QLabel* m_layerLabel;
    QSpinBox *m_blocks, *m_embed, *m_vocab, *m_length, *m_batch, *m_seed;
    QCheckBox *m_residual, *m_layerNorm;
    QDoubleSpinBox* m_lr;
    QComboBox* m_speed;
    QPushButton *m_play, *m_stepButton, *m_resetButton;
    QLabel* m_stepLabel;
    QCustomPlot* m_lossPlot;
    QCustomPlot* m_accuracyPlot;
    QCheckBox* m_logScale;
    QLineEdit* m_probe;
    QLabel* m_probeNote;
    AttentionGrid* m_grid;
    QTableWidget* m_gradients;
    QTimer* m_repaint;
    qint64 m_shownSerial = -1;
    qint64 m_frames = 0;
    QElapsedTimer m_tableClock;
    double m_longestRefreshMs = 0;
    bool m_revealed = false;
    bool m_building = false;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
