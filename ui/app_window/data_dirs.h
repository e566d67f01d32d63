// Where attnviz finds the files it ships (lessons/, examples/, translations/):
// one ordered list of folders, first match wins. Installed, that is
// /usr/share/attnviz; run from a build folder, the build's share/attnviz
// (files the build makes) and the source tree's resources/. Not for user files.
#pragma once

#include <QString>
#include <QStringList>

namespace attnviz::ui {

/// The folders searched, in order:
///  1. $ATTNVIZ_RESOURCES, when set;
///  2. <the executable's folder>/../share/attnviz (installed: /usr/share/attnviz);
///  3. only while the executable runs from inside its build tree:
///     <build>/share/attnviz (built files such as .qm), then <source>/resources.
/// A copied or installed binary never falls back to the source tree, so a file
/// missing from the package is missing at run time too.
QStringList dataDirs();

/// dataDirs() for a given executable folder, environment value, build tree and
/// source resources (empty: none); what dataDirs() calls, separate for tests.
QStringList dataDirsFor(const QString& appDir, const QString& envDir, const QString& buildDir,
                        const QString& sourceResources);

/// The first dataDirs() entry that holds `relative` (a file or a folder), as an
/// absolute path; empty when none does.
QString findDataPath(const QString& relative);

/// A lesson named on the command line: an existing file as it is, else a
/// bundled lesson by file name without .md ("02-why-scale") or by number
/// ("2", "02"). Unchanged when neither matches (opening it then says why).
QString resolveLesson(const QString& nameOrPath);

} // namespace attnviz::ui
