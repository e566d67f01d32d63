// The Train view (issue 20): a run plays, steps and resets through the real
// buttons; the loss falls; Reset returns exactly to the first loss; a
// learning-rate change mid-run takes effect at the next step (the curve is
// the same before it and differs after); the same seed gives the same curve;
// a setting the task cannot train with is refused under its field and the
// last run stays; the pattern is said only after training; the attention
// small multiples show every head of every block.
#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/train/attention_grid.h"
#include "ui/train/train_view.h"

#include <qcustomplot.h>

#include "core/io/keras_model.h"
#include "core/io/npy.h"
#include "core/train/trainer.h"

#include <QDoubleSpinBox>
#include <QTemporaryDir>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace attnviz;

namespace {

QPushButton* button(ui::TrainView& v, const char* name) {
    return v.findChild<QPushButton*>(QString::fromLatin1(name));
}

std::vector<float> curve(ui::TrainView& v) {
    return v.session()->snapshot().loss;
}

} // namespace

class TestTrainView : public QObject {
    Q_OBJECT
private slots:
    void playStepResetAndTheLossFalls() {
        ui::TrainView v;
        v.resize(1000, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QCOMPARE(v.session()->snapshot().steps, core::Index(0));
        // Step: exactly one update.
        QTest::mouseClick(button(v, "trainStep"), Qt::LeftButton);
        QCOMPARE(v.session()->snapshot().steps, core::Index(1));
        const float first = curve(v).front();
        // Play until 150 steps have been taken, then pause (Space).
        QTest::mouseClick(button(v, "trainPlay"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(v.session()->snapshot().steps >= 150, 20000);
        QTest::keyClick(&v, Qt::Key_Space);
        QTRY_VERIFY(!v.session()->isPlaying());
        const auto played = curve(v);
        const core::Index at = v.session()->snapshot().steps;
        QTest::qWait(100);
        QCOMPARE(v.session()->snapshot().steps, at); // paused means paused
        // The loss falls: the last 10 steps average well below the first 10.
        double head = 0, tail = 0;
        for (int i = 0; i < 10; ++i) {
            head += played[size_t(i)];
            tail += played[played.size() - 1 - size_t(i)];
        }
        QVERIFY2(tail < 0.5 * head, qPrintable(QStringLiteral("%1 vs %2").arg(tail).arg(head)));
        // The window showed it: the curve has the points, the step label the count.
        v.refreshNow();
        QVERIFY(v.lossPlot()->graph(0)->dataCount() > 100);
        QVERIFY(v.stepLabel()->text().contains(QString::number(at)));
        // Reset: back to step 0, and the first step gives exactly the first loss again.
        QTest::mouseClick(button(v, "trainReset"), Qt::LeftButton);
        QCOMPARE(v.session()->snapshot().steps, core::Index(0));
        QVERIFY(curve(v).empty());
        QTest::mouseClick(button(v, "trainStep"), Qt::LeftButton);
        QCOMPARE(curve(v).front(), first);
        // The pattern is said after training only, on request.
        auto* pattern = v.findChild<QLabel*>(QStringLiteral("trainPattern"));
        QVERIFY(!pattern->text().contains(QStringLiteral("anti-diagonal")));
        QTest::mouseClick(button(v, "trainReveal"), Qt::LeftButton);
        QVERIFY(pattern->text().contains(QStringLiteral("anti-diagonal")));
    }

    void learningRateChangeTakesEffectAndSeedsRepeat() {
        ui::TrainView a, b;
        a.trainSteps(40);
        b.trainSteps(20);
        // Same seed, same settings: the same curve, bit for bit.
        const auto ca = curve(a), cb = curve(b);
        for (size_t i = 0; i < 20; ++i)
            QCOMPARE(cb[i], ca[i]);
        // b changes the rate at step 21: steps 1–21 as before (step 21's loss is computed before its
        // update), then another curve.
        b.learningRateBox()->setValue(0.05);
        b.trainSteps(20);
        const auto changed = curve(b);
        QCOMPARE(changed.size(), size_t(40));
        QCOMPARE(changed[20], ca[20]);
        bool differs = false;
        for (size_t i = 21; i < 40; ++i)
            differs = differs || changed[i] != ca[i];
        QVERIFY(differs);
        QCOMPARE(b.session()->snapshot().learningRates[20], 0.05);
        QCOMPARE(b.session()->snapshot().learningRates[19], 0.01);
        // Another seed: another curve.
        QString error;
        QVERIFY(a.applySetting(QStringLiteral("seed"), QStringLiteral("7"), &error));
        a.trainSteps(5);
        QVERIFY(curve(a)[0] != ca[0]);
    }

    void refusedSettingsSayWhyUnderTheirField() {
        ui::TrainView v;
        v.trainSteps(3);
        QString error;
        QVERIFY(v.applySetting(QStringLiteral("length"), QStringLiteral("65"), &error));
        auto* lengthError = v.findChild<QLabel*>(QStringLiteral("trainError_length"));
        QVERIFY(!lengthError->isHidden());
        QVERIFY(lengthError->text().contains(QStringLiteral("64")));
        QCOMPARE(v.session()->snapshot().steps, core::Index(3)); // the last good run stays
        QVERIFY(v.applySetting(QStringLiteral("length"), QStringLiteral("8"), &error));
        QVERIFY(lengthError->isHidden());
        QVERIFY(v.applySetting(QStringLiteral("task"), QStringLiteral("lookup"), &error));
        QVERIFY(v.applySetting(QStringLiteral("vocab"), QStringLiteral("6"), &error));
        auto* vocabError = v.findChild<QLabel*>(QStringLiteral("trainError_vocab"));
        QVERIFY(!vocabError->isHidden());
        QVERIFY(vocabError->text().contains(QStringLiteral("lookup")));
        QVERIFY(!v.applySetting(QStringLiteral("colour"), QStringLiteral("1"), &error));
        QVERIFY(!error.isEmpty());
    }

    void smallMultiplesShowEveryHeadOfEveryBlock() {
        ui::TrainView v;
        core::LayerConfig gqa;
        gqa.layer = core::LayerKind::GroupQueryAttention;
        gqa.numHeads = 4;
        gqa.numKeyValueHeads = 2;
        gqa.keyDim = 4;
        v.setLayer(gqa);
        QString error;
        QVERIFY(v.applySetting(QStringLiteral("task"), QStringLiteral("induction"), &error));
        v.setLayer(gqa);
        v.trainSteps(2);
        QCOMPARE(v.attentionGrid()->blocks(), 2);
        QCOMPARE(v.attentionGrid()->heads(0), 4);
        QCOMPARE(v.attentionGrid()->heads(1), 4);
        const auto snap = v.session()->snapshot();
        QCOMPARE(v.attentionGrid()->weight(1, 3, 5, 2), snap.attention[1].at({0, 3, 5, 2}));
        QVERIFY(v.gradientTable()->rowCount() > 10);
        // All four layers train.
        for (core::LayerKind k :
             {core::LayerKind::MultiHeadAttention, core::LayerKind::Attention, core::LayerKind::AdditiveAttention}) {
            core::LayerConfig c;
            c.layer = k;
            v.setLayer(c);
            v.trainSteps(2);
            QCOMPARE(v.session()->snapshot().steps, core::Index(2));
            QVERIFY(std::isfinite(curve(v)[1]));
        }
    }

    // Paused, the window's views show the trained layer on the probe, forward then backward,
    // and the run goes on from where it was.
    void pausedModelInEveryView() {
        ui::MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTrain();
        ui::TrainView* v = w.trainView();
        v->trainSteps(60);
        QTest::mouseClick(button(*v, "trainStep"), Qt::LeftButton);
        QCOMPARE(v->session()->snapshot().steps, core::Index(61));
        const auto trace = w.controller()->trace();
        QVERIFY(trace->find("grad/query_dense/kernel"));
        QVERIFY(trace->indexOf("weights") < trace->indexOf("grad/weights"));
        const core::Tensor att = v->session()->snapshot().attention[0]; // [B, N, L, L]
        const core::Tensor& shown = trace->find("weights")->value;      // [1, N, L, L]
        for (core::Index i = 0; i < shown.size(); ++i)
            QVERIFY(std::abs(shown.data()[i] - att.data()[i]) < 1e-5f);
        QCOMPARE(w.controller()->queryTokens().size(), qsizetype(8)); // the probe's tokens label the axes
        // The run was not reset by the Setup taking the trained layer.
        QTest::mouseClick(button(*v, "trainStep"), Qt::LeftButton);
        QCOMPARE(v->session()->snapshot().steps, core::Index(62));
    }

    // Take it home: the bundle trains again to the same curve bit for bit, the layer's weights
    // load under Setup's names, the script is written with the run, the .keras file opens to the
    // trained layer.
    void takeItHome() {
        core::setKerasReaderExecutable(ATTNVIZ_TRACE_EXE);
        ui::TrainView v;
        v.trainSteps(30);
        const auto snap = v.session()->snapshot();
        QTemporaryDir dir;
        QString error;
        QVERIFY2(v.exportBundle(dir.filePath(QStringLiteral("bundle")), &error), qPrintable(error));
        core::Trainer again(core::loadTrainSpec(dir.filePath(QStringLiteral("bundle/train.json")).toStdString()));
        QCOMPARE(again.totalSteps(), core::Index(30));
        while (!again.finished())
            again.step();
        QCOMPARE(again.lossHistory(), snap.loss);

        QVERIFY2(v.exportLayerWeights(dir.filePath(QStringLiteral("weights.npz")), 0, &error), qPrintable(error));
        const auto layer = core::readNpz(dir.filePath(QStringLiteral("weights.npz")).toStdString());
        const auto trained = again.weights();
        QCOMPARE(layer.size(), size_t(8)); // MultiHeadAttention's four kernels and biases
        for (const auto& [key, w] : layer)
            QCOMPARE(w.values(), trained.at("block0/" + key).values());

        QVERIFY2(v.exportScript(dir.filePath(QStringLiteral("run.py")), false, &error), qPrintable(error));
        const auto data = core::readNpz(dir.filePath(QStringLiteral("run.npz")).toStdString());
        QCOMPARE(data.at("expected/loss").values(), snap.loss);

        QVERIFY2(v.exportKeras(dir.filePath(QStringLiteral("trained.keras")), &error), qPrintable(error));
        const core::KerasLayerLoad load =
            core::loadKerasLayer(dir.filePath(QStringLiteral("trained.keras")).toStdString(), "block0_attention");
        for (const auto& [key, w] : load.weights)
            QCOMPARE(w.values(), trained.at("block0/" + key).values());
    }
};

QTEST_MAIN(TestTrainView)
#include "test_train_view.moc"
