// The session autosave: what the user set up is written to one JSON file in a
// state directory shortly after every change (debounced, atomically), and
// marked clean on a normal exit. A file left unclean means the last run was
// killed or crashed, so the next start restores it. Not a spec file: it keeps
// what the user typed, even values the core rejects.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace attnviz::ui {

class SessionAutosave : public QObject {
    Q_OBJECT
public:
    /// Milliseconds after the last change before the session is written.
    static constexpr int kDebounceMs = 500;

    /// `capture` returns the session to write; it is called on every save.
    SessionAutosave(QString directory, std::function<QJsonObject()> capture, QObject* parent = nullptr);
    ~SessionAutosave() override;

    /// The state directory a normal start uses: $ATTNVIZ_STATE_DIR when set,
    /// else QStandardPaths::AppDataLocation.
    static QString defaultDirectory();

    /// Own the directory's session (a lock file; a lock left by a killed run is
    /// taken over). False when another running attnviz holds it: then this one
    /// neither restores nor writes.
    bool acquire();
    bool isActive() const { return m_lock != nullptr; }

    /// The session a run left without closing cleanly, and when it was written.
    struct Unfinished {
        QJsonObject session;
        QDateTime savedAt;
    };
    std::optional<Unfinished> unfinishedSession() const;
    /// Move an unfinished session aside (session-unsaved-<time>.json) instead of
    /// restoring it; returns the new path, empty on failure.
    QString keepAside();

    QString directory() const { return m_directory; }
    QString filePath() const;

    /// A change happened: write within kDebounceMs of the last one.
    void schedule();
    bool isPending() const;
    /// Write now (atomically, via QSaveFile). `clean` marks a normal exit.
    bool saveNow(bool clean = false);

signals:
    void saved(const QString& path);

private:
    QString m_directory;
    std::function<QJsonObject()> m_capture;
    std::unique_ptr<QLockFile> m_lock;
    QTimer* m_timer;
};

} // namespace attnviz::ui
