#include "ui/app_window/controller.h"

#include "ui/text/core_text.h"
#include "core/io/spec_files.h"

#include "core/layers/run.h"
#include "core/io/keras_model.h"
#include "core/io/npy.h"
#include "core/base/run_control.h"
#include "core/trace/step_display.h"
#include "core/base/tensor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <utility>

namespace attnviz::ui {

namespace {
// At 1× the stage animates a step in about 3 s. Play advances when the
// animation says it finished, after a short rest; the fixed interval is the
// fallback when the stage is hidden, and a watchdog when it is shown.
constexpr int kBaseIntervalMs = 3500;
constexpr int kBasePauseMs = 600;
// Below this estimated trace size a run takes a few tens of milliseconds at
// most (T=S=512, 8 heads is ~70 MB): computing it at once avoids any flicker.
constexpr double kBackgroundBytes = 96.0 * 1024 * 1024;
// Freed large tensors are kept for the next run (core::releaseTensorPool);
// after this long without a run they are given back to the system.
constexpr int kPoolIdleMs = 20000;

/// The outcome of one core::run: a trace, or the error in the field/message form the panel shows.
struct Outcome {
    std::shared_ptr<const core::Trace> trace;
    QString errorField, errorMessage;
    QStringList errorAlsoFields; // further fields the message names (SpecError::fields)
    bool cancelled = false;
    double ms = 0;
};

Outcome compute(const core::Spec& spec, const core::SpecLimits& limits, core::InputCache& inputs) {
    Outcome o;
    QElapsedTimer clock;
    clock.start();
    try {
        core::Trace trace = core::run(spec, limits, &inputs);
        o.ms = double(clock.nsecsElapsed()) / 1e6;
        // Whole-tensor statistics and colour ranges, once, on this (the
        // computing) thread: the views then only read the slices they show.
        core::summarizeSteps(trace);
        o.trace = std::make_shared<const core::Trace>(std::move(trace));
    } catch (const core::RunCancelled&) {
        o.cancelled = true;
    } catch (const core::SpecError& e) {
        o.errorField = QString::fromStdString(e.field());
        o.errorMessage = coreText(std::string(e.what()));
        for (size_t i = 1; i < e.fields().size(); ++i)
            o.errorAlsoFields << QString::fromStdString(e.fields()[i]);
    } catch (const std::bad_alloc&) {
        o.errorMessage = QCoreApplication::translate("Controller", "Out of memory while computing the trace. Use "
                                                                   "smaller sizes.");
    } catch (const std::exception& e) {
        o.errorMessage = coreText(std::string(e.what()));
    }
    if (!o.trace)
        o.ms = double(clock.nsecsElapsed()) / 1e6;
    return o;
}

} // namespace

struct Controller::Job {
    /// A Keras layer to read instead of a spec to compute.
    struct KerasLayer {
        QString path, layer;
        std::optional<core::Spec> spec;
        QString error;
    };
    std::optional<KerasLayer> keras;
    core::Spec spec;
    QStringList queryTokens, keyTokens;
    core::SpecLimits limits;
    quint64 generation = 0;
    core::RunControl control;
    Outcome outcome;
};

Controller::Controller(QObject* parent) : QObject(parent), m_timer(new QTimer(this)), m_trimTimer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Controller::advance);
    m_trimTimer->setSingleShot(true);
    m_trimTimer->setInterval(kPoolIdleMs);
    connect(m_trimTimer, &QTimer::timeout, this,
            [] { QThreadPool::globalInstance()->start([] { core::releaseTensorPool(); }); });
}

Controller::~Controller() {
    m_pending.reset();
    cancelRunning();
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

double Controller::backgroundThresholdBytes() {
    return kBackgroundBytes;
}

bool Controller::isComputing() const {
    return m_running || m_pending;
}

int Controller::computingStepsDone() const {
    return m_running ? m_running->control.stepsDone.load(std::memory_order_relaxed) : 0;
}

void Controller::cancelRunning() {
    if (m_running)
        m_running->control.cancel.store(true);
}

void Controller::waitForIdle() {
    // A sleeping event loop: processEvents with a time limit never sleeps (Qt
    // drops WaitForMoreEvents then), and spinning took a core from the run.
    QEventLoop loop;
    const auto connection = connect(this, &Controller::computingChanged, &loop, [&loop](bool computing) {
        if (!computing)
            loop.quit();
    });
    if (isComputing())
        loop.exec();
    disconnect(connection);
}

bool Controller::requestSpec(const core::Spec& spec, QStringList queryTokens, QStringList keyTokens) {
    try {
        core::validate(spec, m_limits); // cheap: shapes, names and the memory budget
    } catch (const core::SpecError& e) {
        m_spec = spec;
        ++m_generation;
        m_pending.reset();
        cancelRunning();
        QStringList also;
        for (size_t i = 1; i < e.fields().size(); ++i)
            also << QString::fromStdString(e.fields()[i]);
        setError(QString::fromStdString(e.field()), coreText(std::string(e.what())), also);
        return false;
    } catch (const std::exception&) {
        // Anything else (e.g. an unreadable input) is reported by the run below.
    }
    if (!(core::estimateTraceBytes(spec) > kBackgroundBytes))
        return setSpec(spec, std::move(queryTokens), std::move(keyTokens));
    m_spec = spec;
    auto job = std::make_shared<Job>();
    job->spec = spec;
    job->queryTokens = std::move(queryTokens);
    job->keyTokens = std::move(keyTokens);
    job->limits = m_limits;
    enqueue(std::move(job));
    return true;
}

void Controller::requestKerasLayer(const QString& path, const QString& layer) {
    auto job = std::make_shared<Job>();
    job->keras = Job::KerasLayer{.path = path, .layer = layer, .spec = std::nullopt, .error = {}};
    enqueue(std::move(job));
}

bool Controller::isReadingKerasLayer() const {
    // A superseded read may still run; its result is dropped, so it does not count.
    return (m_running && m_running->keras && m_running->generation == m_generation) || (m_pending && m_pending->keras);
}

void Controller::enqueue(std::shared_ptr<Job> job) {
    job->generation = ++m_generation;
    const bool wasComputing = isComputing();
    m_pending = std::move(job);
    cancelRunning(); // it stops at its next step; its result is dropped anyway
    if (!m_running)
        startPending();
    if (!wasComputing)
        emit computingChanged(true);
}

void Controller::startPending() {
    m_running = std::move(m_pending);
    m_pending.reset();
    std::shared_ptr<Job> job = m_running;
    m_worker = QThread::create([job, inputs = m_inputs] {
        if (job->keras) {
            job->keras->spec = readKerasLayer(job->keras->path, job->keras->layer, &job->keras->error);
            return;
        }
        core::RunScope scope(job->control);
        job->outcome = compute(job->spec, job->limits, *inputs);
    });
    connect(m_worker, &QThread::finished, this, &Controller::onJobFinished);
    m_worker->start();
}

void Controller::onJobFinished() {
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    std::shared_ptr<Job> job = std::move(m_running);
    m_running.reset();
    if (m_pending) { // a newer spec came while this one ran
        startPending();
        return;
    }
    emit computingChanged(false);
    if (!job || job->generation != m_generation || job->outcome.cancelled)
        return;
    if (job->keras) {
        emit kerasLayerRead(job->keras->path, job->keras->layer, job->keras->spec, job->keras->error);
        return;
    }
    Outcome& o = job->outcome;
    if (!o.trace) {
        setError(o.errorField, o.errorMessage, o.errorAlsoFields);
        return;
    }
    adopt(std::move(o.trace), job->spec, std::move(job->queryTokens), std::move(job->keyTokens), o.ms);
}

bool Controller::setSpec(const core::Spec& spec, QStringList queryTokens, QStringList keyTokens) {
    m_spec = spec;
    // A synchronous spec supersedes any background run.
    ++m_generation;
    m_pending.reset();
    cancelRunning();
    Outcome o = compute(spec, m_limits, *m_inputs);
    if (!o.trace) {
        setError(o.errorField, o.errorMessage, o.errorAlsoFields);
        return false;
    }
    adopt(std::move(o.trace), spec, std::move(queryTokens), std::move(keyTokens), o.ms);
    return true;
}

void Controller::adopt(std::shared_ptr<const core::Trace> trace, const core::Spec& spec, QStringList queryTokens,
                       QStringList keyTokens, double ms) {
    m_lastRunMs = ms;
    // Stay on the same step (by key) when it still exists.
    QString currentKey;
    if (const core::Step* step = currentStepData())
        currentKey = QString::fromStdString(step->key);

    std::shared_ptr<const core::Trace> previous = std::exchange(m_trace, std::move(trace));
    m_traceSpec = spec;
    // Tokens: given, else the spec's own (spec.json "tokens").
    auto fromStd = [](const std::vector<std::string>& v) {
        QStringList out;
        for (const auto& t : v)
            out << QString::fromStdString(t);
        return out;
    };
    m_queryTokens = queryTokens.isEmpty() ? fromStd(spec.queryTokens) : std::move(queryTokens);
    m_keyTokens = keyTokens.isEmpty() ? fromStd(spec.sourceTokens) : std::move(keyTokens);
    setError(QString(), QString());

    int index = currentKey.isEmpty() ? -1 : m_trace->indexOf(currentKey.toStdString());
    if (index < 0)
        index = std::clamp(m_current, 0, std::max(0, stepCount() - 1));
    if (stepCount() == 0)
        index = -1;
    m_current = index;
    emit traceChanged();
    emit currentStepChanged(m_current);
    // The views hold the new trace now. Freeing the old one (up to gigabytes
    // at T=S=4096) takes tens of milliseconds: do it off the main thread.
    if (previous && previous.use_count() == 1)
        QThreadPool::globalInstance()->start([old = std::move(previous)]() mutable { old.reset(); });
    m_trimTimer->start(); // restarts: the pool stays while the user keeps editing
}

void Controller::setInputError(const QString& field, const QString& message) {
    setError(field, message);
}

void Controller::setError(const QString& field, const QString& message, const QStringList& alsoFields) {
    if (field == m_errorField && message == m_errorMessage && alsoFields == m_errorAlsoFields)
        return;
    m_errorField = field;
    m_errorAlsoFields = alsoFields;
    m_errorMessage = message;
    emit errorChanged(field, message);
}

int Controller::stepCount() const {
    return m_trace ? int(m_trace->steps.size()) : 0;
}

const core::Step* Controller::currentStepData() const {
    if (!m_trace || m_current < 0 || m_current >= stepCount())
        return nullptr;
    return &m_trace->steps[size_t(m_current)];
}

bool Controller::isPlaying() const {
    return m_playing;
}

int Controller::stepIntervalMs() const {
    return std::max(50, int(kBaseIntervalMs / m_speed));
}

int Controller::pauseAfterAnimationMs() const {
    return std::max(20, int(kBasePauseMs / m_speed));
}

void Controller::setWaitForAnimation(bool wait) {
    if (wait == m_waitForAnimation)
        return;
    m_waitForAnimation = wait;
    if (isPlaying())
        m_timer->start(wait ? 2 * stepIntervalMs() : stepIntervalMs());
}

void Controller::animationFinished() {
    if (isPlaying() && m_waitForAnimation)
        m_timer->start(pauseAfterAnimationMs());
}

void Controller::setCurrentStep(int index) {
    if (stepCount() == 0)
        return;
    index = std::clamp(index, 0, stepCount() - 1);
    if (index == m_current)
        return;
    m_current = index;
    emit currentStepChanged(m_current);
}

void Controller::setCurrentStepByKey(const QString& key) {
    if (m_trace) {
        const int index = m_trace->indexOf(key.toStdString());
        if (index >= 0)
            setCurrentStep(index);
    }
}

void Controller::next() {
    setCurrentStep(m_current + 1);
}
void Controller::previous() {
    setCurrentStep(m_current - 1);
}
void Controller::first() {
    setCurrentStep(0);
}
void Controller::last() {
    setCurrentStep(stepCount() - 1);
}

void Controller::play() {
    if (isPlaying() || stepCount() == 0)
        return;
    m_playing = true;
    // Waiting for an animation: it starts when the step changes, or is already running.
    m_timer->start(m_waitForAnimation ? 2 * stepIntervalMs() : stepIntervalMs());
    if (m_current >= stepCount() - 1)
        setCurrentStep(0); // playing from the end starts over
    emit playingChanged(true);
}

void Controller::pause() {
    if (!isPlaying())
        return;
    m_playing = false;
    m_timer->stop();
    emit playingChanged(false);
}

void Controller::togglePlay() {
    isPlaying() ? pause() : play();
}

void Controller::setSpeed(double factor) {
    factor = std::clamp(factor, 0.1, 16.0);
    if (factor == m_speed)
        return;
    m_speed = factor;
    emit speedChanged(m_speed);
}

void Controller::advance() {
    if (m_current >= stepCount() - 1) {
        pause();
        return;
    }
    // The watchdog (or, with the stage hidden, the interval) until the next animation ends.
    m_timer->start(m_waitForAnimation ? 2 * stepIntervalMs() : stepIntervalMs());
    next();
}

std::optional<core::Spec> Controller::readSpecFile(const QString& path, QString* error) {
    try {
        return core::loadSpec(path.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = coreText(std::string(e.what()));
        return std::nullopt;
    }
}

std::optional<core::KerasModelInfo> Controller::readKerasModelInfo(const QString& path, QString* error) {
    try {
        return core::inspectKerasModel(path.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = coreText(std::string(e.what()));
        return std::nullopt;
    }
}

std::optional<core::Spec> Controller::readKerasLayer(const QString& path, const QString& layer, QString* error) {
    // The spec a user would write: {"keras_model": {"file", "layer"}}.
    const QJsonObject km{{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                         {QStringLiteral("layer"), layer}};
    const QByteArray text = QJsonDocument(QJsonObject{{QStringLiteral("keras_model"), km}}).toJson();
    try {
        return core::parseSpec(text.toStdString(), QFileInfo(path).absolutePath().toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = coreText(std::string(e.what()));
        return std::nullopt;
    }
}

bool Controller::writeSpecFile(const QString& path, QString* error) const {
    if (!m_trace) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    try {
        core::saveSpec(path.toStdString(), m_traceSpec, m_trace->params);
    } catch (const std::exception& e) {
        if (error)
            *error = coreText(std::string(e.what()));
        return false;
    }
    return true;
}

} // namespace attnviz::ui
