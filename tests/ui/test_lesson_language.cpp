// Translated lessons (ui/lessons/lesson_language): picked by the UI language,
// English where there is none, never listed twice; and every bundled
// translation is the same lesson as its English file: it loads and verifies,
// with the same slides, steps, views, specs and answers.
#include "ui/lessons/lesson_language.h"
#include "ui/text/language.h"

#include "core/teach/lesson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;

namespace {
void touch(const QString& path) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
}
QStringList names(const QStringList& paths) {
    QStringList out;
    for (const QString& p : paths)
        out << QFileInfo(p).fileName();
    return out;
}
} // namespace

class TestLessonLanguage : public QObject {
    Q_OBJECT
private slots:
    void picksTheLanguageFallsBackToEnglish() {
        QTemporaryDir dir;
        for (const char* f : {"01-a.md", "01-a.de.md", "02-b.md", "02-b.zh_CN.md", "03-c.md"})
            touch(dir.filePath(QString::fromLatin1(f)));
        QCOMPARE(names(lessonsInFolder(dir.path(), QStringLiteral("de"))),
                 QStringList({QStringLiteral("01-a.de.md"), QStringLiteral("02-b.md"), QStringLiteral("03-c.md")}));
        QCOMPARE(names(lessonsInFolder(dir.path(), QStringLiteral("zh_CN"))),
                 QStringList({QStringLiteral("01-a.md"), QStringLiteral("02-b.zh_CN.md"), QStringLiteral("03-c.md")}));
        QCOMPARE(names(lessonsInFolder(dir.path(), QStringLiteral("en"))),
                 QStringList({QStringLiteral("01-a.md"), QStringLiteral("02-b.md"), QStringLiteral("03-c.md")}));
        QVERIFY(installLanguage(QStringLiteral("de")));
        QCOMPARE(QFileInfo(lessonInLanguage(dir.filePath(QStringLiteral("01-a.md")))).fileName(),
                 QStringLiteral("01-a.de.md"));
        QVERIFY(installLanguage(QStringLiteral("en")));
        QVERIFY(isLessonTranslation(QStringLiteral("01-a.zh_CN.md")));
        QVERIFY(!isLessonTranslation(QStringLiteral("01-a.md")));
    }

    void translationsAreTheSameLesson_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(ATTNVIZ_SOURCE_DIR "/resources/lessons"));
        int count = 0;
        for (const QString& f : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
            if (isLessonTranslation(f)) {
                QTest::newRow(qPrintable(f)) << dir.absoluteFilePath(f);
                ++count;
            }
        QVERIFY2(count >= 12, qPrintable(QString::number(count))); // lessons 1–3 in de, fr, es, zh_CN
    }
    void translationsAreTheSameLesson() {
        QFETCH(QString, path);
        const QString lang = path.section(QLatin1Char('.'), -2, -2);
        const QString english = path.left(path.size() - lang.size() - 4) + QStringLiteral(".md");
        QVERIFY2(QFileInfo::exists(english), qPrintable(english));
        core::Lesson t, e;
        try {
            t = core::loadLesson(path.toStdString());
            core::verifyLesson(t);
            e = core::loadLesson(english.toStdString());
        } catch (const std::exception& ex) {
            QFAIL(ex.what());
        }
        QVERIFY(t.title != e.title);
        QCOMPARE(t.slides.size(), e.slides.size());
        for (size_t i = 0; i < t.slides.size(); ++i) {
            const core::Slide &a = t.slides[i], &b = e.slides[i];
            const QString where = QStringLiteral("slide %1").arg(i + 1);
            QVERIFY2(a.step == b.step && a.specPath == b.specPath && a.specText == b.specText &&
                         a.comparePath == b.comparePath && a.slice == b.slice && a.highlight == b.highlight &&
                         a.claim == b.claim && a.untick == b.untick,
                     qPrintable(where));
            QCOMPARE(a.question.has_value(), b.question.has_value());
            if (a.question) {
                QCOMPARE(a.question->expr, b.question->expr);
                QCOMPARE(a.question->options.size(), b.question->options.size());
                for (size_t k = 0; k < a.question->options.size(); ++k)
                    QCOMPARE(a.question->options[k].expr, b.question->options[k].expr);
            }
        }
    }
};

QTEST_MAIN(TestLessonLanguage)
#include "test_lesson_language.moc"
