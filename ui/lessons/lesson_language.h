// Translated lessons: 01-dot-product-by-hand.de.md beside 01-dot-product-by-hand.md,
// picked by the UI language, English when there is no translation.
#pragma once

#include <QString>
#include <QStringList>

namespace attnviz::ui {

/// "01-x.de.md", "01-x.zh_CN.md": a translation of a lesson, not a lesson of its own.
bool isLessonTranslation(const QString& fileName);

/// The lesson file in `language` (default: the UI's) when it exists beside the
/// English one, else `englishPath` itself.
QString lessonInLanguage(const QString& englishPath, const QString& language = QString());

/// The lessons of a folder (English file names, sorted), each in `language` where translated.
QStringList lessonsInFolder(const QString& folder, const QString& language = QString());

} // namespace attnviz::ui
