#include "ui/app_window/session_autosave.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace attnviz::ui {

namespace {
constexpr int kFormatVersion = 1;
const QString kFileName = QStringLiteral("session-autosave.json");
const QString kLockName = QStringLiteral("session.lock");
} // namespace

SessionAutosave::SessionAutosave(QString directory, std::function<QJsonObject()> capture, QObject* parent)
    : QObject(parent), m_directory(std::move(directory)), m_capture(std::move(capture)), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDebounceMs);
    connect(m_timer, &QTimer::timeout, this, [this] { saveNow(false); });
}

SessionAutosave::~SessionAutosave() = default;

QString SessionAutosave::defaultDirectory() {
    const QString env = qEnvironmentVariable("ATTNVIZ_STATE_DIR");
    return env.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : env;
}

QString SessionAutosave::filePath() const {
    return QDir(m_directory).filePath(kFileName);
}

bool SessionAutosave::acquire() {
    if (m_lock)
        return true;
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory))
        return false;
    auto lock = std::make_unique<QLockFile>(QDir(m_directory).filePath(kLockName));
    lock->setStaleLockTime(0); // stale only when its process is gone, however old
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    return true;
}

std::optional<SessionAutosave::Unfinished> SessionAutosave::unfinishedSession() const {
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QStringLiteral("version")).toInt() != kFormatVersion ||
        o.value(QStringLiteral("clean")).toBool(true))
        return std::nullopt;
    Unfinished u;
    u.session = o.value(QStringLiteral("session")).toObject();
    u.savedAt = QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    if (!u.savedAt.isValid())
        u.savedAt = QFileInfo(file).lastModified();
    return u;
}

QString SessionAutosave::keepAside() {
    const QString target =
        QDir(m_directory)
            .filePath(QStringLiteral("session-unsaved-%1.json")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    return QFile::rename(filePath(), target) ? target : QString();
}

void SessionAutosave::schedule() {
    if (m_lock)
        m_timer->start();
}

bool SessionAutosave::isPending() const {
    return m_timer->isActive();
}

bool SessionAutosave::saveNow(bool clean) {
    m_timer->stop();
    if (!m_lock)
        return false;
    QJsonObject o;
    o[QStringLiteral("version")] = kFormatVersion;
    o[QStringLiteral("clean")] = clean;
    o[QStringLiteral("saved_at")] = QDateTime::currentDateTime().toString(Qt::ISODateWithMs);
    o[QStringLiteral("session")] = m_capture();
    // QSaveFile writes a temporary file and renames it over the old one, so a
    // kill in the middle of a write leaves the previous session intact.
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return false;
    emit saved(filePath());
    return true;
}

} // namespace attnviz::ui
