#include "ui/train/train_session.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <chrono>

namespace attnviz::ui {

// Lives on the session's thread; owns the trainer.
class TrainWorker : public QObject {
public:
    explicit TrainWorker(TrainSession* session) : m_session(session) {}

    void setSpec(const core::TrainSpec& spec) {
        m_playing = false;
        m_trainer = std::make_unique<core::Trainer>(spec);
        m_rates.clear();
        publish();
    }
    void play() {
        if (!m_trainer || m_playing)
            return;
        m_playing = true;
        m_clock.restart();
        m_stepsAtStart = m_trainer->stepsDone();
        publish();
        QTimer::singleShot(0, this, [this] { tick(); });
    }
    void pause() {
        m_playing = false;
        publish();
    }
    void stepMany(core::Index n) {
        m_playing = false;
        for (core::Index i = 0; i < n && m_trainer && !m_trainer->finished(); ++i)
            takeStep();
        publish();
    }
    void reset() {
        m_playing = false;
        if (m_trainer)
            m_trainer->reset();
        m_rates.clear();
        m_rate = m_trainer ? m_trainer->spec().optimizer.learningRate : 0;
        if (m_trainer)
            m_trainer->setLearningRate(m_rate);
        publish();
    }
    void setLearningRate(double lr) {
        m_rate = lr;
        if (m_trainer)
            m_trainer->setLearningRate(lr);
        publish();
    }
    void setProbe(const core::TrainBatch& probe) {
        if (m_trainer)
            m_trainer->setProbe(probe);
        publish();
    }
    void run(const std::function<void(core::Trainer&)>& f) {
        if (m_trainer)
            f(*m_trainer);
    }
    std::atomic<double> speed{0};

private:
    void takeStep() {
        m_rates.push_back(m_trainer->learningRate());
        try {
            m_trainer->step();
            m_error.clear();
        } catch (const std::exception& e) {
            m_rates.pop_back();
            m_error = QString::fromStdString(e.what());
            m_playing = false;
        }
    }
    // One slice of play: as many steps as the speed allows, ≤ ~15 ms of work.
    void tick() {
        if (!m_playing || !m_trainer)
            return;
        QElapsedTimer slice;
        slice.start();
        const double sps = speed.load();
        const double elapsed = double(m_clock.elapsed()) / 1000.0;
        const core::Index due = sps > 0 ? m_stepsAtStart + core::Index(elapsed * sps) + 1 : -1;
        while (m_playing && !m_trainer->finished() && slice.elapsed() < 15 && (due < 0 || m_trainer->stepsDone() < due))
            takeStep();
        if (m_trainer->finished())
            m_playing = false;
        publish();
        if (m_playing)
            QTimer::singleShot(sps > 0 ? 5 : 1, this, [this] { tick(); });
    }
    void publish() {
        TrainSnapshot s;
        if (m_trainer) {
            s.steps = m_trainer->stepsDone();
            s.loss = m_trainer->lossHistory();
            s.accuracy = m_trainer->accuracyHistory();
            s.learningRates = m_rates;
            s.learningRate = m_trainer->learningRate();
            s.gradientNorms = m_trainer->gradientNorms();
            s.probe = m_trainer->probe();
            for (int b = 0; b < int(m_trainer->spec().model.blocks.size()); ++b)
                s.attention.push_back(m_trainer->probeAttention(b));
            const double secs = double(m_clock.elapsed()) / 1000.0;
            s.stepsPerSecond = m_playing && secs > 0.05 ? double(s.steps - m_stepsAtStart) / secs : 0;
        }
        s.playing = m_playing;
        s.error = m_error;
        m_session->publish(std::move(s));
    }

    TrainSession* m_session;
    std::unique_ptr<core::Trainer> m_trainer;
    std::vector<double> m_rates;
    double m_rate = 0;
    bool m_playing = false;
    QElapsedTimer m_clock;
    core::Index m_stepsAtStart = 0;
    QString m_error;
};

TrainSession::TrainSession(QObject* parent) : QObject(parent), m_thread(new QThread(this)) {
    m_worker = new TrainWorker(this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->setObjectName(QStringLiteral("attnviz-train"));
    // Below the window's priority: under load the repaints go first.
    m_thread->start(QThread::LowPriority);
}

TrainSession::~TrainSession() {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->pause(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void TrainSession::setSpec(const core::TrainSpec& spec) {
    std::exception_ptr failure;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            try {
                m_worker->setSpec(spec);
            } catch (...) {
                failure = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    if (failure)
        std::rethrow_exception(failure);
    m_hasRun = true;
}

void TrainSession::play() {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->play(); }, Qt::QueuedConnection);
}

void TrainSession::pause() {
    // Blocking: once it returns no step is running, so what is shown is what is paused.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->pause(); }, Qt::BlockingQueuedConnection);
}

bool TrainSession::isPlaying() const {
    return snapshot().playing;
}

void TrainSession::step() {
    stepMany(1);
}

void TrainSession::stepMany(core::Index n) {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, n] { w->stepMany(n); }, Qt::BlockingQueuedConnection);
}

void TrainSession::reset() {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->reset(); }, Qt::BlockingQueuedConnection);
}

void TrainSession::setLearningRate(double lr) {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, lr] { w->setLearningRate(lr); }, Qt::BlockingQueuedConnection);
}

void TrainSession::setSpeed(double stepsPerSecond) {
    m_speed = stepsPerSecond;
    m_worker->speed.store(stepsPerSecond);
}

void TrainSession::setProbe(const core::TrainBatch& probe) {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, probe] { w->setProbe(probe); }, Qt::BlockingQueuedConnection);
}

void TrainSession::withTrainer(const std::function<void(core::Trainer&)>& f) {
    QMetaObject::invokeMethod(
        m_worker, [&] { m_worker->run(f); }, Qt::BlockingQueuedConnection);
}

TrainSnapshot TrainSession::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

void TrainSession::publish(TrainSnapshot s) {
    {
        std::lock_guard lock(m_mutex);
        s.serial = m_snapshot.serial + 1;
        m_snapshot = std::move(s);
    }
    emit snapshotChanged(); // from the worker: queued to the window
}

} // namespace attnviz::ui
