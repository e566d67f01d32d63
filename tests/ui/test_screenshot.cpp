// Headless use: --screenshot renders a PNG that is not blank, at the size
// asked for, for every example spec; a bad --spec exits non-zero with one
// line on stderr and no crash.
#include "ui/app_window/headless.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <set>

using namespace attnviz::ui;

namespace {
const QString kExamples = QStringLiteral(ATTNVIZ_TEST_DATA_DIR "/../../resources/examples");
const QString kBinary = QStringLiteral(ATTNVIZ_BINARY_DIR "/app/attnviz");

int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}
} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private slots:
    void examplesRenderNotBlank_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("step");
        QTest::newRow("default") << QString() << QString();
        const QStringList specs = QDir(kExamples).entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(specs.size() >= 3);
        for (const QString& s : specs)
            QTest::newRow(qPrintable(s)) << QDir(kExamples).filePath(s) << QStringLiteral("weights");
    }

    void examplesRenderNotBlank() {
        QFETCH(QString, spec);
        QFETCH(QString, step);
        QTemporaryDir dir;
        ScreenshotOptions o;
        o.outPath = dir.filePath(QStringLiteral("shot.png"));
        o.specPath = spec;
        o.stepKey = step;
        o.size = QSize(1024, 700);
        QString errors;
        QTextStream err(&errors);
        QCOMPARE(runScreenshot(o, err), 0);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        const QImage image(o.outPath);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), o.size);
        QVERIFY(distinctColours(image) > 100); // text, heatmap gradients, widgets
    }

    void badSpecFailsCleanly() {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 0, "key_dim": 4}})");
        }
        ScreenshotOptions o;
        o.outPath = dir.filePath(QStringLiteral("shot.png"));
        o.specPath = bad;
        QString errors;
        QTextStream err(&errors);
        QVERIFY(runScreenshot(o, err) != 0);
        QVERIFY(errors.contains(QStringLiteral("num_heads")));
        QVERIFY(!QFile::exists(o.outPath));
    }

    void everyViewRenders() {
        QTemporaryDir dir;
        QSet<QByteArray> seen;
        for (const HeadlessView& v : headlessViews()) {
            ScreenshotOptions o;
            o.outPath = dir.filePath(QStringLiteral("%1.png").arg(QLatin1String(v.name)));
            o.stepKey = QStringLiteral("weights");
            o.view = QLatin1String(v.name);
            o.size = QSize(1024, 700);
            QString errors;
            QTextStream err(&errors);
            QCOMPARE(runScreenshot(o, err), 0);
            QVERIFY2(errors.isEmpty(), qPrintable(errors));
            const QImage image(o.outPath);
            QCOMPARE(image.size(), o.size);
            QVERIFY2(distinctColours(image) > 50, v.name);
            QFile f(o.outPath);
            QVERIFY(f.open(QIODevice::ReadOnly));
            seen.insert(f.readAll());
        }
        // Each view shows something else, except heatmap and setup: the inspector's
        // and the left dock's defaults, which the stage view shows as well.
        QVERIFY2(seen.size() >= int(headlessViews().size()) - 2, qPrintable(QString::number(seen.size())));
        QVERIFY(findHeadlessView(QStringLiteral("numbers")));
        QVERIFY(!findHeadlessView(QStringLiteral("Numbers")));
    }

    void unknownViewNamesTheValidOnes() {
        QTemporaryDir dir;
        ScreenshotOptions o;
        o.outPath = dir.filePath(QStringLiteral("shot.png"));
        o.view = QStringLiteral("nope");
        QString errors;
        QTextStream err(&errors);
        QCOMPARE(runScreenshot(o, err), 2);
        QVERIFY(!QFile::exists(o.outPath));
        for (const HeadlessView& v : headlessViews())
            QVERIFY2(errors.contains(QLatin1String(v.name)), qPrintable(errors));
        QVERIFY(errors.contains(QStringLiteral("Received: nope")));
    }

    void setAppliesToScreenshots() {
        // --set changes what is rendered (three heads is another trace than the default two).
        QTemporaryDir dir;
        auto shoot = [&](const QStringList& assignments, const QString& name, QString* errors) {
            ScreenshotOptions o;
            o.outPath = dir.filePath(name);
            o.stepKey = QStringLiteral("weights");
            o.assignments = assignments;
            QTextStream err(errors);
            return runScreenshot(o, err) == 0 ? o.outPath : QString();
        };
        QString errors;
        const QString plain = shoot({}, QStringLiteral("a.png"), &errors);
        const QString same = shoot({QStringLiteral("heads=2")}, QStringLiteral("b.png"), &errors);
        const QString three = shoot({QStringLiteral("heads=3")}, QStringLiteral("c.png"), &errors);
        QVERIFY2(!plain.isEmpty() && !same.isEmpty() && !three.isEmpty(), qPrintable(errors));
        // Above the status line, which shows the run time.
        auto body = [](const QString& path) {
            const QImage image(path);
            return image.copy(0, 0, image.width(), image.height() - 40);
        };
        QCOMPARE(body(same), body(plain));
        QVERIFY(body(three) != body(plain));
        errors.clear();
        QVERIFY(shoot({QStringLiteral("no_such_field=1")}, QStringLiteral("d.png"), &errors).isEmpty());
        QVERIFY2(errors.contains(QStringLiteral("--set no_such_field=1")), qPrintable(errors));
    }

    void executableScreenshotAndBadSpec() {
        QVERIFY2(QFile::exists(kBinary), "the attnviz executable must be built before this test runs");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("cli.png"));
        QProcess p;
        p.start(kBinary, {QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("800x600"),
                          QStringLiteral("--step"), QStringLiteral("scores")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QImage(out).size(), QSize(800, 600));

        // Presentation mode (full screen) at the size asked for, not the offscreen default 800×800.
        p.start(kBinary, {QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1000x700"),
                          QStringLiteral("--presentation"), QStringLiteral("--view"), QStringLiteral("keras-code")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QImage(out).size(), QSize(1000, 700));

        p.start(kBinary, {QStringLiteral("--screenshot"), out, QStringLiteral("--spec"),
                          dir.filePath(QStringLiteral("missing.json"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY(p.exitCode() != 0);
        const QString stderrText = QString::fromUtf8(p.readAllStandardError()).trimmed();
        QVERIFY(!stderrText.isEmpty());
        QVERIFY2(!stderrText.contains(QLatin1Char('\n')) || stderrText.count(QStringLiteral("attnviz:")) == 1,
                 qPrintable(stderrText));
    }
};

QTEST_MAIN(TestScreenshot)
#include "test_screenshot.moc"
