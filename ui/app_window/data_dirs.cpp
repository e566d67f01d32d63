#include "ui/app_window/data_dirs.h"

#include "ui/lessons/lesson_language.h"

#include "ui/lessons/lesson_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace attnviz::ui {

namespace {

// The folder itself when it exists (symlinks resolved), else its clean absolute path.
QString canonical(const QString& dir) {
    const QFileInfo info(dir);
    const QString c = info.canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : c;
}

bool isInside(const QString& path, const QString& dir) {
    return path == dir || path.startsWith(dir + QLatin1Char('/'));
}

} // namespace

QStringList dataDirsFor(const QString& appDir, const QString& envDir, const QString& buildDir,
                        const QString& sourceResources) {
    QStringList dirs;
    if (!envDir.isEmpty())
        dirs << canonical(envDir);
    const QString app = canonical(appDir);
    dirs << canonical(app + QStringLiteral("/../share/attnviz"));
    if (!buildDir.isEmpty() && isInside(app, canonical(buildDir))) {
        dirs << canonical(buildDir + QStringLiteral("/share/attnviz"));
        if (!sourceResources.isEmpty())
            dirs << canonical(sourceResources);
    }
    dirs.removeDuplicates();
    return dirs;
}

QStringList dataDirs() {
#if defined(ATTNVIZ_BUILD_DIR) && defined(ATTNVIZ_SOURCE_RESOURCES)
    const QString buildDir = QStringLiteral(ATTNVIZ_BUILD_DIR),
                  sourceResources = QStringLiteral(ATTNVIZ_SOURCE_RESOURCES);
#else
    const QString buildDir, sourceResources;
#endif
    return dataDirsFor(QCoreApplication::applicationDirPath(), qEnvironmentVariable("ATTNVIZ_RESOURCES"), buildDir,
                       sourceResources);
}

QString findDataPath(const QString& relative) {
    for (const QString& dir : dataDirs()) {
        const QString path = dir + QLatin1Char('/') + relative;
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

QString resolveLesson(const QString& nameOrPath) {
    if (nameOrPath.isEmpty() || QFileInfo(nameOrPath).isFile())
        return nameOrPath;
    static const QRegularExpression number(QStringLiteral("^[0-9]{1,3}$"));
    const bool byNumber = number.match(nameOrPath).hasMatch();
    for (const QString& path : LessonPanel::builtInLessons()) {
        QString base = QFileInfo(path).completeBaseName();
        if (isLessonTranslation(QFileInfo(path).fileName())) // "02-why-scale.de" is lesson "02-why-scale"
            base = base.section(QLatin1Char('.'), 0, -2);
        if (base == nameOrPath)
            return path;
        if (byNumber) {
            const QString lead = base.section(QLatin1Char('-'), 0, 0);
            bool ok = false;
            if (lead.toInt(&ok) == nameOrPath.toInt() && ok)
                return path;
        }
    }
    return nameOrPath; // not found: opening it says so
}

} // namespace attnviz::ui
