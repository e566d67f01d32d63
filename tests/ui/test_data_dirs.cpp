// ui/app_window/data_dirs: the order of the folders searched, that a program
// outside its build tree never falls back to the build or the sources (so a
// file missing from the package is missing), and --lesson's names and numbers.
#include "ui/app_window/data_dirs.h"
#include "ui/lessons/lesson_panel.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnviz::ui;

class TestDataDirs : public QObject {
    Q_OBJECT
private slots:
    void installedProgramSearchesOnlyItsShareFolder() {
        QTemporaryDir root; // e.g. a dpkg-deb -x folder: <root>/usr/bin/attnviz
        QVERIFY(QDir(root.path()).mkpath(QStringLiteral("usr/bin")));
        QVERIFY(QDir(root.path()).mkpath(QStringLiteral("usr/share/attnviz")));
        const QString share = QFileInfo(root.path() + QStringLiteral("/usr/share/attnviz")).canonicalFilePath();
        const QStringList dirs = dataDirsFor(root.path() + QStringLiteral("/usr/bin"), QString(),
                                             QStringLiteral(ATTNVIZ_BINARY_DIR), QStringLiteral("/src/resources"));
        QCOMPARE(dirs, QStringList{share});
        QTemporaryDir env;
        const QStringList withEnv = dataDirsFor(root.path() + QStringLiteral("/usr/bin"), env.path(),
                                                QStringLiteral(ATTNVIZ_BINARY_DIR), QStringLiteral("/src/resources"));
        QCOMPARE(withEnv, (QStringList{QFileInfo(env.path()).canonicalFilePath(), share}));
    }

    void programInItsBuildTreeAlsoSearchesTheBuildThenTheSources() {
        const QString build = QFileInfo(QStringLiteral(ATTNVIZ_BINARY_DIR)).canonicalFilePath();
        const QStringList dirs =
            dataDirsFor(build + QStringLiteral("/app"), QString(), build, QStringLiteral("/src/resources"));
        // build/app/../share/attnviz is the build's share/attnviz: listed once.
        QCOMPARE(dirs, (QStringList{QDir::cleanPath(build + QStringLiteral("/share/attnviz")),
                                    QStringLiteral("/src/resources")}));
        const QStringList fromTests =
            dataDirsFor(build + QStringLiteral("/tests/ui"), QString(), build, QStringLiteral("/src/resources"));
        QCOMPARE(fromTests, (QStringList{QDir::cleanPath(build + QStringLiteral("/tests/share/attnviz")),
                                         QDir::cleanPath(build + QStringLiteral("/share/attnviz")),
                                         QStringLiteral("/src/resources")}));
        // A folder that only starts like the build folder is not inside it.
        const QStringList outside =
            dataDirsFor(build + QStringLiteral("-other/app"), QString(), build, QStringLiteral("/src/resources"));
        QVERIFY(!outside.contains(QStringLiteral("/src/resources")));
    }

    void thisTestFindsTheSourceLessons() {
        // The test runs from build/tests/ui: inside the build tree, so the sources' lessons are found.
        const QString lessons = findDataPath(QStringLiteral("lessons"));
        QVERIFY2(QFileInfo(lessons + QStringLiteral("/01-dot-product-by-hand.md")).isFile(), qPrintable(lessons));
        QCOMPARE(findDataPath(QStringLiteral("no-such-folder")), QString());
    }

    void lessonsByNumberAndName() {
        const QString first = resolveLesson(QStringLiteral("1"));
        QCOMPARE(QFileInfo(first).fileName(), QStringLiteral("01-dot-product-by-hand.md"));
        QCOMPARE(resolveLesson(QStringLiteral("01")), first);
        QCOMPARE(QFileInfo(resolveLesson(QStringLiteral("02-why-scale"))).fileName(),
                 QStringLiteral("02-why-scale.md"));
        QCOMPARE(resolveLesson(QStringLiteral("99")), QStringLiteral("99")); // unchanged: opening it says why
        QCOMPARE(resolveLesson(first), first);                               // a path stays a path
        QCOMPARE(resolveLesson(QString()), QString());
    }
};

QTEST_MAIN(TestDataDirs)
#include "test_data_dirs.moc"
