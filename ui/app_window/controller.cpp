#include "ui/app_window/controller.h"

#include "core/attention.h"
#include "core/keras_model.h"
#include "core/npy.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <exception>

namespace attnviz::ui {

namespace {
// At 1× the stage animates a step in about 3 s. Play advances when the
// animation says it finished, after a short rest; the fixed interval is the
// fallback when the stage is hidden, and a watchdog when it is shown.
constexpr int kBaseIntervalMs = 3500;
constexpr int kBasePauseMs = 600;
} // namespace

Controller::Controller(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Controller::advance);
}

bool Controller::setSpec(const core::Spec& spec, QStringList queryTokens, QStringList keyTokens) {
    m_spec = spec;
    std::shared_ptr<const core::Trace> trace;
    QElapsedTimer clock;
    clock.start();
    try {
        trace = std::make_shared<const core::Trace>(core::run(spec));
    } catch (const core::SpecError& e) {
        QStringList also;
        for (size_t i = 1; i < e.fields().size(); ++i)
            also << QString::fromStdString(e.fields()[i]);
        setError(QString::fromStdString(e.field()), QString::fromUtf8(e.what()), also);
        return false;
    } catch (const core::NpyError& e) {
        setError(QString(), QString::fromUtf8(e.what()));
        return false;
    } catch (const std::exception& e) {
        setError(QString(), QString::fromUtf8(e.what()));
        return false;
    }
    m_lastRunMs = double(clock.nsecsElapsed()) / 1e6;

    // Stay on the same step (by key) when it still exists.
    QString currentKey;
    if (const core::Step* step = currentStepData())
        currentKey = QString::fromStdString(step->key);

    m_trace = std::move(trace);
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
    return true;
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
            *error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

std::optional<core::KerasModelInfo> Controller::readKerasModelInfo(const QString& path, QString* error) {
    try {
        return core::inspectKerasModel(path.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
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
            *error = QString::fromUtf8(e.what());
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
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

} // namespace attnviz::ui
