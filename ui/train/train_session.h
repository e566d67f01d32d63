// A training run for the Train view: a core::Trainer living on a worker
// thread (it is not thread-safe, so every call to it happens there), driven
// by play / pause / step / reset and a learning rate that can change at any
// time. After each slice of steps (at most ~15 ms of work) the worker copies
// what the window shows into a Snapshot; the window reads the latest one on
// its own timer, so painting never waits for training.
#pragma once

#include "core/base/tensor.h"
#include "core/train/trainer.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QThread;

namespace attnviz::ui {

/// What the window shows of a run, copied out of the trainer.
struct TrainSnapshot {
    qint64 serial = 0;                 // grows with every snapshot
    core::Index steps = 0;             // steps taken
    std::vector<float> loss;           // per step
    std::vector<float> accuracy;       // per step
    std::vector<double> learningRates; // the rate each step used
    double learningRate = 0;           // the rate of the next step
    double stepsPerSecond = 0;         // measured while playing
    bool playing = false;
    std::vector<core::Tensor> attention;        // per block: [batch, heads, L, L] on the probe
    std::map<std::string, float> gradientNorms; // of the last step
    core::TrainBatch probe;
    QString error; // the last step's failure, if any
};

class TrainWorker; // train_session.cpp

class TrainSession : public QObject {
    Q_OBJECT
public:
    explicit TrainSession(QObject* parent = nullptr);
    ~TrainSession() override;

    /// A new run (the old one is dropped). Throws SpecError naming the field.
    void setSpec(const core::TrainSpec& spec);
    bool hasRun() const { return m_hasRun; }

    void play();
    void pause();
    bool isPlaying() const;
    /// One update; returns when it is done (the snapshot is then current).
    void step();
    /// Take n steps now, on the worker, and wait (headless screenshots, lessons).
    void stepMany(core::Index n);
    /// Back to the initial weights and an empty curve; waits.
    void reset();
    /// Adam's rate from the next step on.
    void setLearningRate(double lr);
    /// Target steps per second while playing; 0: as fast as the machine goes.
    void setSpeed(double stepsPerSecond);
    double speed() const { return m_speed; }
    /// The probe example (tokens [batch, length]); waits.
    void setProbe(const core::TrainBatch& probe);

    /// The latest snapshot (a copy, taken under a lock).
    TrainSnapshot snapshot() const;
    /// Run `f` on the worker with the trainer, paused, and wait (exports, the probe trace).
    void withTrainer(const std::function<void(core::Trainer&)>& f);

signals:
    /// A new snapshot is there (queued to the window's thread; many may fold into one repaint).
    void snapshotChanged();

private:
    friend class TrainWorker;
    void publish(TrainSnapshot s);

    QThread* m_thread;
    TrainWorker* m_worker;
    mutable std::mutex m_mutex;
    TrainSnapshot m_snapshot;
    bool m_hasRun = false;
    double m_speed = 0;
};

} // namespace attnviz::ui
