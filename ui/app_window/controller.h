// The controller: owns the current Spec and the Trace computed from it, and a
// cursor (the current step) with play/pause. It is the one place that calls
// core::run and catches its errors; on an error the last good trace stays.
// Large setups compute on a worker thread (requestSpec): the last good trace
// stays shown meanwhile, and a newer spec cancels the older run.
#pragma once

#include "core/layers/run.h"
#include "core/io/keras_model.h"
#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QThread;
class QTimer;

namespace attnviz::core {
struct RunControl;
}

namespace attnviz::ui {

class Controller : public QObject {
    Q_OBJECT
public:
    explicit Controller(QObject* parent = nullptr);
    ~Controller() override;

    /// Set the spec and recompute at once. Tokens (may be empty) label the
    /// query and source axes. Returns true when the trace was recomputed,
    /// false when the spec was rejected (errorChanged tells why).
    bool setSpec(const core::Spec& spec, QStringList queryTokens = {}, QStringList keyTokens = {});
    /// Read a spec.json (and the .npy/.npz it names); nullopt with the core's
    /// message in `error` when it cannot be used. Does not change the trace.
    static std::optional<core::Spec> readSpecFile(const QString& path, QString* error);
    /// The attention layers a saved Keras model (.keras) lists in its
    /// config.json (no HDF5 in this process); nullopt with the message.
    static std::optional<core::KerasModelInfo> readKerasModelInfo(const QString& path, QString* error);
    /// One layer of a saved Keras model as a spec: its config, widths and
    /// trained weights (read by the isolated attnviz-trace child); nullopt with
    /// the core's message when it cannot be used (a crashing reader included).
    static std::optional<core::Spec> readKerasLayer(const QString& path, const QString& layer, QString* error);
    /// Write the current trace's spec, inputs and parameters as spec.json + files.
    bool writeSpecFile(const QString& path, QString* error) const;

    /// Like setSpec, but a setup whose trace is estimated above
    /// backgroundThresholdBytes() computes on a worker thread: this returns
    /// at once, the last good trace stays, and traceChanged follows when the
    /// run finishes. A newer spec (either way) cancels or supersedes an older
    /// run. Spec errors (and a trace over the memory budget) are reported at
    /// once, before anything is computed. Returns false on such an error.
    bool requestSpec(const core::Spec& spec, QStringList queryTokens = {}, QStringList keyTokens = {});
    /// Read one layer of a saved Keras model (readKerasLayer) on the worker
    /// thread, through the same path as a background requestSpec: the newest
    /// request wins, whichever kind it is, so a newer spec or layer supersedes
    /// this read and its result is dropped. The trace is left alone; when a
    /// read that was not superseded ends, kerasLayerRead says what it read.
    void requestKerasLayer(const QString& path, const QString& layer);
    /// Whether a Keras layer read whose result is still wanted is in flight
    /// (or waiting to start); a superseded one may still be finishing.
    bool isReadingKerasLayer() const;
    /// Whether a background run is in flight (or waiting to start).
    bool isComputing() const;
    /// Steps the background run has finished so far (0 when none is running).
    int computingStepsDone() const;
    /// Block, processing events, until no background run is in flight (tests, headless modes).
    void waitForIdle();
    /// Estimated trace size (core::estimateTraceBytes) from which requestSpec computes in the background.
    static double backgroundThresholdBytes();

    /// The memory budget for a trace (default: core::SpecLimits' 4 GiB); larger setups are refused.
    void setLimits(const core::SpecLimits& limits) { m_limits = limits; }
    const core::SpecLimits& limits() const { return m_limits; }

    /// Report an error found before the core ran (e.g. a field the panel parses).
    void setInputError(const QString& field, const QString& message);

    const core::Spec& spec() const { return m_spec; }
    /// The spec that produced the current trace (the last good one).
    const core::Spec& traceSpec() const { return m_traceSpec; }
    std::shared_ptr<const core::Trace> trace() const { return m_trace; }
    const QStringList& queryTokens() const { return m_queryTokens; }
    const QStringList& keyTokens() const { return m_keyTokens; }

    bool hasError() const { return !m_errorMessage.isEmpty(); }
    const QString& errorField() const { return m_errorField; }
    /// The other fields the error names (core::SpecError::fields() after the first).
    const QStringList& errorAlsoFields() const { return m_errorAlsoFields; }
    const QString& errorMessage() const { return m_errorMessage; }
    /// Milliseconds the last core::run took.
    double lastRunMs() const { return m_lastRunMs; }

    int stepCount() const;
    int currentStep() const { return m_current; }
    /// The current step, or nullptr when there is no trace.
    const core::Step* currentStepData() const;

    bool isPlaying() const;
    double speed() const { return m_speed; }
    /// Milliseconds between steps while playing at the current speed, when
    /// not waiting for an animation (the stage is hidden).
    int stepIntervalMs() const;
    /// Milliseconds of rest after an animation finished before the next step.
    int pauseAfterAnimationMs() const;
    /// Play waits for animationFinished() (the stage is on screen) instead of a fixed interval.
    void setWaitForAnimation(bool wait);
    bool waitsForAnimation() const { return m_waitForAnimation; }

public slots:
    void setCurrentStep(int index);
    void setCurrentStepByKey(const QString& key);
    void next();
    void previous();
    void first();
    void last();
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double factor);
    /// The current step's animation ended: while playing, the next step follows after a short rest.
    void animationFinished();

signals:
    void traceChanged();
    void currentStepChanged(int index);
    /// field is empty when the error is cleared.
    void errorChanged(const QString& field, const QString& message);
    void playingChanged(bool playing);
    void speedChanged(double factor);
    /// A background run started (true) or none is left (false).
    void computingChanged(bool computing);
    /// A requestKerasLayer read ended: the layer as a spec, or nullopt and why.
    void kerasLayerRead(const QString& path, const QString& layer, const std::optional<core::Spec>& spec,
                        const QString& error);

private:
    struct Job;
    void setError(const QString& field, const QString& message, const QStringList& alsoFields = {});
    void advance();
    /// Show a freshly computed trace (keeps the current step by key).
    void adopt(std::shared_ptr<const core::Trace> trace, const core::Spec& spec, QStringList queryTokens,
               QStringList keyTokens, double ms);
    /// Make `job` the newest request: it supersedes (cancels) any older one.
    void enqueue(std::shared_ptr<Job> job);
    void startPending();
    void onJobFinished();
    void cancelRunning();

    core::Spec m_spec;
    core::Spec m_traceSpec;
    std::shared_ptr<const core::Trace> m_trace;
    QStringList m_queryTokens, m_keyTokens;
    QString m_errorField, m_errorMessage;
    QStringList m_errorAlsoFields;
    int m_current = -1;
    double m_speed = 1.0;
    double m_lastRunMs = 0;
    bool m_waitForAnimation = false;
    bool m_playing = false;
    QTimer* m_timer;     // single shot: the next advance while playing
    QTimer* m_trimTimer; // single shot: give pooled tensor storage back when idle
    // Inputs drawn from the seed, reused by the next run (shared with a running job).
    std::shared_ptr<core::InputCache> m_inputs = std::make_shared<core::InputCache>();
    core::SpecLimits m_limits;
    quint64 m_generation = 0;       // bumped by every new spec; older runs' results are dropped
    std::shared_ptr<Job> m_running; // the background run, if any
    std::shared_ptr<Job> m_pending; // the newest spec waiting for the running one to stop
    QThread* m_worker = nullptr;
};

} // namespace attnviz::ui
