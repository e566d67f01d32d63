#include "ui/lessons/lesson_language.h"

#include "ui/text/language.h"

#include <QDir>
#include <QFileInfo>

namespace attnviz::ui {

bool isLessonTranslation(const QString& fileName) {
    if (!fileName.endsWith(QLatin1String(".md")))
        return false;
    for (const UiLanguage& l : uiLanguages())
        if (l.code != QLatin1String("en") && fileName.endsWith(QLatin1Char('.') + l.code + QLatin1String(".md")))
            return true;
    return false;
}

QString lessonInLanguage(const QString& englishPath, const QString& language) {
    const QString lang = language.isEmpty() ? currentLanguage() : language;
    if (lang == QLatin1String("en") || !englishPath.endsWith(QLatin1String(".md")))
        return englishPath;
    const QString translated =
        englishPath.left(englishPath.size() - 3) + QLatin1Char('.') + lang + QLatin1String(".md");
    return QFileInfo::exists(translated) ? translated : englishPath;
}

QStringList lessonsInFolder(const QString& folder, const QString& language) {
    QStringList out;
    const QDir dir(folder);
    for (const QString& f : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        if (!isLessonTranslation(f))
            out << lessonInLanguage(dir.absoluteFilePath(f), language);
    return out;
}

} // namespace attnviz::ui
