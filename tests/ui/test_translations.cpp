// The .ts files are complete: lupdate, run on a copy of each with the same
// sources and options as the attnviz_lupdate target, finds no new source text
// (so none lacks a translation), and no message is unfinished, empty, or has
// other placeholders than its source. Then the built .qm files translate.
#include "ui/app_window/main_window.h"
#include "ui/app_window/settings.h"
#include "ui/text/language.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Counts {
    int messages = 0, unfinished = 0, empty = 0, placeholders = 0;
    QStringList problems;
};

QStringList placeholdersOf(const QString& s) {
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

Counts countTs(const QString& path) {
    Counts c;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        c.problems << QStringLiteral("cannot read ") + path;
        return c;
    }
    QXmlStreamReader xml(&f);
    QString context, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            ++c.messages;
            QStringList forms;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            const QString where = QStringLiteral("[%1] %2").arg(context, source.left(70));
            if (type == QLatin1String("unfinished")) {
                ++c.unfinished;
                c.problems << QStringLiteral("unfinished ") + where;
            } else if (text.trimmed().isEmpty() && !source.trimmed().isEmpty()) {
                ++c.empty;
                c.problems << QStringLiteral("empty ") + where;
            } else if (!source.contains(QLatin1String("%n")) && placeholdersOf(source) != placeholdersOf(text)) {
                ++c.placeholders;
                c.problems << QStringLiteral("placeholders differ ") + where;
            }
        }
    }
    if (xml.hasError())
        c.problems << path + QStringLiteral(": ") + xml.errorString();
    return c;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void complete_data() {
        QTest::addColumn<QString>("lang");
        for (const char* l : {"de", "fr", "es", "zh_CN"})
            QTest::newRow(l) << QString::fromLatin1(l);
    }
    void complete() {
        QFETCH(QString, lang);
        const QString ts = QStringLiteral(ATTNVIZ_SOURCE_DIR "/resources/translations/attnviz_%1.ts").arg(lang);
        // The committed file as it is.
        const Counts committed = countTs(ts);
        // lupdate on a copy: sources added since the last attnviz_lupdate show up as new.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("attnviz_%1.ts").arg(lang));
        QVERIFY(QFile::copy(ts, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(ATTNVIZ_LUPDATE),
                      {QStringLiteral("@" ATTNVIZ_LUPDATE_SOURCES), QStringLiteral("-I"),
                       QStringLiteral(ATTNVIZ_SOURCE_DIR), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-tr-function-alias"), QStringLiteral("tr+=tr_"),
                       QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        const QString log = QString::fromLocal8Bit(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        const QRegularExpressionMatch found =
            QRegularExpression(
                QStringLiteral("Found (\\d+) source text\\(s\\) \\((\\d+) new and (\\d+) already existing\\)"))
                .match(log);
        QVERIFY2(found.hasMatch(), qPrintable(log));
        const int total = found.captured(1).toInt(), fresh = found.captured(2).toInt();
        const Counts updated = countTs(copy);
        qInfo(
            "%s: %d source texts, %d new since the last lupdate; committed .ts: %d messages, %d unfinished, %d empty, "
            "%d with other placeholders; after lupdate: %d unfinished",
            qPrintable(lang), total, fresh, committed.messages, committed.unfinished, committed.empty,
            committed.placeholders, updated.unfinished);
        for (const QString& p : committed.problems + updated.problems)
            qInfo().noquote() << p;
        QVERIFY(total > 500);
        QCOMPARE(fresh, 0);
        QCOMPARE(committed.messages, total);
        QVERIFY(committed.problems.isEmpty());
        QVERIFY(updated.problems.isEmpty());
    }

    // The built .qm files translate, Qt's own qtbase_<lang>.qm too when installed.
    void qmFilesTranslate() {
        QVERIFY(attnviz::ui::installLanguage(QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("attnviz::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QLocale().toString(0.25), QStringLiteral("0,25"));
        QVERIFY(attnviz::ui::installLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(QCoreApplication::translate("attnviz::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QVERIFY(attnviz::ui::installLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("attnviz::ui::MainWindow", "&File"), QStringLiteral("&File"));
        QCOMPARE(QLocale().toString(0.25), QStringLiteral("0.25"));
        QString error;
        QVERIFY(!attnviz::ui::installLanguage(QStringLiteral("xx"), &error));
        QVERIFY2(error.contains(QLatin1String("zh_CN")), qPrintable(error));
    }

    // View ▸ Language lists every language and remembers the choice (for the next start).
    void languageMenuRemembersTheChoice() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        attnviz::ui::MainWindow w;
        w.setSettings(&settings);
        auto* menu = w.findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(menu);
        QStringList texts;
        QAction* deutsch = nullptr;
        for (QAction* a : menu->actions())
            if (a->isCheckable()) {
                texts << a->text();
                if (a->data().toString() == QLatin1String("de"))
                    deutsch = a;
            }
        QCOMPARE(texts.size(), 6); // the system's, English, Deutsch, Français, Español, 简体中文
        QVERIFY(texts.contains(QStringLiteral("简体中文")));
        QVERIFY(deutsch);
        // The "applies at the next start" note is a modal box: close it when it shows.
        QTimer::singleShot(0, this, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->accept();
        });
        deutsch->trigger();
        QCOMPARE(attnviz::ui::settings::language.value(settings), QStringLiteral("de"));
        QVERIFY(attnviz::ui::installLanguage(attnviz::ui::settings::language.value(settings)));
        QCOMPARE(attnviz::ui::currentLanguage(), QStringLiteral("de"));
        QVERIFY(attnviz::ui::installLanguage(QStringLiteral("en")));
    }

    void localeNamesMapToLanguages() {
        using attnviz::ui::supportedLanguage;
        QCOMPARE(supportedLanguage(QStringLiteral("de_AT")), QStringLiteral("de"));
        QCOMPARE(supportedLanguage(QStringLiteral("fr-CA")), QStringLiteral("fr"));
        QCOMPARE(supportedLanguage(QStringLiteral("es_MX.UTF-8")), QStringLiteral("es"));
        QCOMPARE(supportedLanguage(QStringLiteral("zh-Hans-CN")), QStringLiteral("zh_CN"));
        QCOMPARE(supportedLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(supportedLanguage(QStringLiteral("zh_TW")), QString());
        QCOMPARE(supportedLanguage(QStringLiteral("pt_BR")), QString());
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
