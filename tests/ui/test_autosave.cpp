// Nothing lost: the real attnviz executable is started on a temporary state
// directory, made to edit its setup (--set, as if typed), killed with SIGKILL
// once the autosave has landed, and the session it left is restored by the
// same code a normal start uses. Also: a clean exit is not restored, a second
// window does not take over a running session, and --spec keeps it aside.
#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/app_window/session_autosave.h"
#include "ui/setup/setup_panel.h"
#include "ui/inspector/tensor_slice_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace attnviz;
using namespace attnviz::ui;

namespace {
const QString kBinary = QStringLiteral(ATTNVIZ_BINARY_DIR "/app/attnviz");

/// The autosave file's JSON, or an empty object while it is missing or half written.
QJsonObject readAutosave(const QString& dir) {
    QFile f(QDir(dir).filePath(QStringLiteral("session-autosave.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject fieldsOf(const QJsonObject& autosave) {
    return autosave.value(QStringLiteral("session"))
        .toObject()
        .value(QStringLiteral("setup"))
        .toObject()
        .value(QStringLiteral("fields"))
        .toObject();
}

/// Start attnviz on `stateDir` with these --set edits; its QSettings go to a
/// temporary config folder, so the user's last spec is never opened.
void startApp(QProcess& app, const QString& stateDir, const QString& configDir, const QStringList& sets,
              const QStringList& extra = {}) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("ATTNVIZ_STATE_DIR"), stateDir);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args = extra;
    for (const QString& s : sets)
        args << QStringLiteral("--set") << s;
    app.start(kBinary, args);
}
} // namespace

class TestAutosave : public QObject {
    Q_OBJECT
private slots:
    void killedMidEditIsRestored() {
        QTemporaryDir state, config;
        QProcess app;
        // Edit the table (a value and a NaN), then type a sentence, change the heads,
        // pick a padding position and go to the weights step: all as a user would.
        startApp(app, state.path(), config.path(),
                 {QStringLiteral("inputs=table"), QStringLiteral("query[1,2]=7.5"), QStringLiteral("query[2,3]=nan"),
                  QStringLiteral("inputs=sentence"), QStringLiteral("sentence=the cat sat on the mat"),
                  QStringLiteral("heads=3"), QStringLiteral("source_padding=4")},
                 {QStringLiteral("--step"), QStringLiteral("weights")});
        QVERIFY2(app.waitForStarted(5000), qPrintable(app.errorString()));

        // The autosave lands within about half a second of the last edit.
        QTRY_VERIFY_WITH_TIMEOUT(fieldsOf(readAutosave(state.path())).value(QStringLiteral("heads")).toInt() == 3,
                                 10000);
        const QJsonObject saved = readAutosave(state.path());
        QCOMPARE(saved.value(QStringLiteral("clean")).toBool(true), false);
        QCOMPARE(fieldsOf(saved).value(QStringLiteral("sentence")).toString(),
                 QStringLiteral("the cat sat on the mat"));

        // Killed mid-session: no chance to say goodbye.
        QCOMPARE(app.state(), QProcess::Running);
        app.kill();
        QVERIFY(app.waitForFinished(5000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFile::exists(QDir(state.path()).filePath(QStringLiteral("session.lock")))); // left behind

        // The next start restores it (the code main() runs).
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(w.enableAutosave(state.path()));
        SetupPanel* panel = w.setupPanel();
        Controller* c = w.controller();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QCOMPARE(panel->inputSource(), SetupPanel::InputSource::Sentence);
        QCOMPARE(panel->sentenceEdit()->text(), QStringLiteral("the cat sat on the mat"));
        QCOMPARE(panel->headsSpin()->value(), 3);
        QCOMPARE(panel->sourcePaddingEdit()->text(), QStringLiteral("4"));
        // The trace is recomputed from the restored setup, at the step it was on.
        QCOMPARE(c->queryTokens(), QStringList({QStringLiteral("the"), QStringLiteral("cat"), QStringLiteral("sat"),
                                                QStringLiteral("on"), QStringLiteral("the"), QStringLiteral("mat")}));
        QCOMPARE(c->trace()->find("scores")->value.shape(), (core::Shape{1, 3, 6, 6}));
        QVERIFY(c->trace()->find("masked_scores"));
        QCOMPARE(QString::fromStdString(c->currentStepData()->key), QStringLiteral("weights"));
        // The edited table survived too, NaN included.
        const core::Tensor& table = panel->queryTableModel()->tensor();
        QCOMPARE(table.rank(), core::Index(3));
        QCOMPARE(table.at({0, 1, 2}), 7.5f);
        QVERIFY(std::isnan(table.at({0, 2, 3})));
        // And the status line says so.
        QVERIFY2(w.statusMessage()->text().startsWith(QStringLiteral("Restored your unsaved session from")),
                 qPrintable(w.statusMessage()->text()));
        if (const QByteArray dir = qgetenv("ATTNVIZ_UI_SHOTS"); !dir.isEmpty()) {
            w.settle();
            w.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/restored_session.png"));
        }

        // Back to the table: the edited values compute (and the NaN is flagged).
        panel->setInputSource(SetupPanel::InputSource::Table);
        w.recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QCOMPARE(c->trace()->find("query")->value.at({0, 1, 2}), 7.5f);
        QVERIFY2(w.statusMessage()->text().contains(QStringLiteral("the edited query table contains 1 NaN value")),
                 qPrintable(w.statusMessage()->text()));
    }

    void killedWithAnInvalidValueKeepsWhatWasTyped() {
        QTemporaryDir state, config;
        QProcess app;
        startApp(app, state.path(), config.path(), {QStringLiteral("key_dim=0"), QStringLiteral("query_padding=1 x")});
        QVERIFY2(app.waitForStarted(5000), qPrintable(app.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            fieldsOf(readAutosave(state.path())).value(QStringLiteral("query_padding")).toString() ==
                QStringLiteral("1 x"),
            10000);
        app.kill();
        QVERIFY(app.waitForFinished(5000));

        MainWindow w;
        QVERIFY(w.enableAutosave(state.path()));
        SetupPanel* panel = w.setupPanel();
        QCOMPARE(panel->keyDimSpin()->value(), 0);
        QCOMPARE(panel->queryPaddingEdit()->text(), QStringLiteral("1 x"));
        QVERIFY(w.controller()->hasError()); // the typed value is back, and so is its mark
        QVERIFY(SetupPanel::isMarked(panel->queryPaddingEdit()));
    }

    void cleanExitIsNotRestored() {
        QTemporaryDir state;
        {
            MainWindow w;
            QVERIFY(!w.enableAutosave(state.path())); // nothing to restore yet
            QVERIFY(w.autosave());
            w.setupPanel()->headsSpin()->setValue(5);
            QVERIFY(w.autosave()->isPending()); // debounced, not written on every keystroke
            QTRY_VERIFY_WITH_TIMEOUT(fieldsOf(readAutosave(state.path())).value(QStringLiteral("heads")).toInt() == 5,
                                     5000);
            QCOMPARE(readAutosave(state.path()).value(QStringLiteral("clean")).toBool(true), false);
            w.close();
            QCOMPARE(readAutosave(state.path()).value(QStringLiteral("clean")).toBool(false), true);
        }
        MainWindow w;
        QVERIFY(!w.enableAutosave(state.path()));
        QCOMPARE(w.setupPanel()->headsSpin()->value(), 2);
        QVERIFY(w.statusMessage()->text().isEmpty());
    }

    void secondWindowLeavesARunningSessionAlone() {
        QTemporaryDir state;
        MainWindow first;
        first.enableAutosave(state.path());
        QVERIFY(first.autosave() && first.autosave()->isActive());
        first.setupPanel()->headsSpin()->setValue(4);
        QVERIFY(first.autosave()->saveNow());
        MainWindow second;
        QVERIFY(!second.enableAutosave(state.path())); // the lock is held by a live process (us)
        QVERIFY(second.autosave() == nullptr);
        QCOMPARE(second.setupPanel()->headsSpin()->value(), 2);
    }

    void specOptionKeepsTheUnsavedSessionAside() {
        QTemporaryDir state;
        {
            MainWindow w;
            w.enableAutosave(state.path());
            w.setupPanel()->headsSpin()->setValue(6);
            QVERIFY(w.autosave()->saveNow());
        } // destroyed without close: as after a crash
        MainWindow w;
        QVERIFY(!w.enableAutosave(state.path(), false));
        QCOMPARE(w.setupPanel()->headsSpin()->value(), 2);
        const QStringList kept = QDir(state.path()).entryList({QStringLiteral("session-unsaved-*.json")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QVERIFY(w.statusMessage()->text().contains(kept.first()));
        QVERIFY(!QFile::exists(QDir(state.path()).filePath(QStringLiteral("session-autosave.json"))));
    }

    void setRejectsUnknownNamesAndBadValues() {
        QTemporaryDir state, config;
        QProcess app;
        startApp(app, state.path(), config.path(), {QStringLiteral("hedas=3")});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitCode(), 2);
        MainWindow w;
        QString error;
        QVERIFY(!w.setupPanel()->applySetting(QStringLiteral("heads"), QStringLiteral("many"), &error));
        QVERIFY2(error.contains(QStringLiteral("whole number")), qPrintable(error));
        QVERIFY(!w.setupPanel()->applySetting(QStringLiteral("layer"), QStringLiteral("Conv2D"), &error));
        QVERIFY2(error.contains(QStringLiteral("AdditiveAttention")), qPrintable(error));
        QVERIFY(w.setupPanel()->applySetting(QStringLiteral("layer"), QStringLiteral("attention"), &error));
        QCOMPARE(w.setupPanel()->layerCombo()->currentText(), QStringLiteral("Attention"));
        // Each kind of field, through its USER property: range, number, true/false, text.
        SetupPanel* p = w.setupPanel();
        QVERIFY(!p->applySetting(QStringLiteral("heads"), QStringLiteral("65"), &error));
        QVERIFY2(error.contains(QStringLiteral("from 0 to 64")) && error.contains(QStringLiteral("Received: 65")),
                 qPrintable(error));
        QVERIFY(!p->applySetting(QStringLiteral("dropout"), QStringLiteral("1.5"), &error));
        QVERIFY2(error.contains(QStringLiteral("takes a number")), qPrintable(error));
        QVERIFY(p->applySetting(QStringLiteral("dropout"), QStringLiteral("0.25"), &error));
        QCOMPARE(p->dropoutSpin()->value(), 0.25);
        QVERIFY(!p->applySetting(QStringLiteral("causal"), QStringLiteral("maybe"), &error));
        QVERIFY2(error.contains(QStringLiteral("true or false")), qPrintable(error));
        QVERIFY(p->applySetting(QStringLiteral("causal"), QStringLiteral("on"), &error));
        QVERIFY(p->causalCheck()->isChecked());
        QVERIFY(p->applySetting(QStringLiteral("seed"), QStringLiteral("11"), &error));
        QCOMPARE(p->seedSpin()->value(), 11);
        QVERIFY(p->applySetting(QStringLiteral("sentence"), QStringLiteral("the cat"), &error));
        QCOMPARE(p->sentenceEdit()->text(), QStringLiteral("the cat"));
    }
};

QTEST_MAIN(TestAutosave)
#include "test_autosave.moc"
