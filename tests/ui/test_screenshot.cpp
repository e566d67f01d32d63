// Headless use: --screenshot renders a PNG that is not blank, at the size
// asked for, for every example spec; a bad --spec exits non-zero with one
// line on stderr and no crash.
#include "ui/app_window/headless.h"

#include <QDir>
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
