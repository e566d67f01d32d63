// File ▸ Open Keras model…: the layer picker lists a saved model's attention
// layers; opening one puts its config, widths and trained weights into the
// setup, the Keras code tab shows its constructor call as saved, and a reader
// that crashes or a broken file leaves the app running with a message. Also
// writes the picker over the window at 1280x800 and 1920x1080 as PNGs
// (keras_picker_WxH.png in the build folder) for a look.
#include "ui/app_window/controller.h"
#include "ui/app_window/keras_layer_dialog.h"
#include "ui/app_window/main_window.h"
#include "ui/setup/setup_panel.h"
#include "ui/text/formula_panel.h"

#include "core/io/keras_model.h"
#include "core/layers/run.h"

#include <QDir>
#include <QLabel>
#include <QPainter>
#include <QSpinBox>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QString model(const QString& name) {
    return QStringLiteral(ATTNVIZ_TEST_DATA_DIR "/keras_models/") + name;
}

} // namespace

class TestKerasModelUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { core::setKerasReaderExecutable(ATTNVIZ_TRACE_EXE); }

    void pickerListsTheAttentionLayers() {
        const core::KerasModelInfo info = core::inspectKerasModel(model("multi_attention.keras").toStdString());
        KerasLayerDialog dialog(info);
        QTableWidget* t = dialog.table();
        QCOMPARE(t->rowCount(), 4);
        QCOMPARE(t->item(1, 0)->text(), QStringLiteral("cross_attn"));
        QCOMPARE(t->item(1, 1)->text(), QStringLiteral("MultiHeadAttention"));
        QCOMPARE(t->item(1, 2)->text(), QStringLiteral("3"));
        QCOMPARE(t->item(1, 3)->text(), QStringLiteral("query 6, value 10, key 7"));
        QCOMPARE(t->item(1, 4)->text(), QStringLiteral("float32"));
        QCOMPARE(t->item(2, 1)->text(), QStringLiteral("Attention"));
        QCOMPARE(t->item(2, 2)->text(), QStringLiteral("-"));
        QCOMPARE(dialog.selectedLayer(), QStringLiteral("self_attn")); // the first row is preselected
        dialog.selectLayer(QStringLiteral("attn_scaled"));
        QCOMPARE(dialog.selectedLayer(), QStringLiteral("attn_scaled"));
        QVERIFY(t->item(1, 0)->toolTip().contains(QStringLiteral("use_bias=False")));

        const core::KerasModelInfo gated = core::inspectKerasModel(model("gated.keras").toStdString());
        KerasLayerDialog g(gated);
        QCOMPARE(g.table()->item(0, 1)->text(), QStringLiteral("GroupedQueryAttention"));
        QCOMPARE(g.table()->item(0, 2)->text(), QStringLiteral("4 query / 2 key-value"));
    }

    void openingALayerUsesItsConfigWidthsAndWeights() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QString error;
        QVERIFY2(w.openKerasModel(model("multi_attention.keras"), QStringLiteral("cross_attn"), &error),
                 qPrintable(error));
        const auto trace = w.controller()->trace();
        QVERIFY(trace);
        QCOMPARE(trace->find("query")->value.dim(2), 6);
        QCOMPARE(trace->find("value")->value.dim(2), 10);
        QCOMPARE(trace->find("key")->value.dim(2), 7);
        QCOMPARE(trace->find("query_dense")->value.dim(2), 3);
        const core::KerasLayerLoad load =
            core::loadKerasLayer(model("multi_attention.keras").toStdString(), "cross_attn");
        QCOMPARE(trace->params.size(), load.weights.size());
        for (const auto& [key, t] : load.weights)
            QVERIFY2(trace->params.at(key).values() == t.values(), key.c_str());
        QVERIFY(w.setupPanel()->trainedOrigin().contains(QStringLiteral("cross_attn")));
        const QString listing = w.formulaPanel()->listingText();
        QVERIFY2(listing.contains(QStringLiteral("layer = keras.layers.MultiHeadAttention(")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("use_bias=False,")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("name=\"cross_attn\"")), qPrintable(listing));

        // An Attention layer: the constructor call alone is its Keras code.
        QVERIFY(w.openKerasModel(model("multi_attention.keras"), QStringLiteral("attn_concat"), &error));
        QVERIFY(w.formulaPanel()->listingText().contains(
            QStringLiteral("layer = keras.layers.Attention(score_mode=\"concat\", name=\"attn_concat\")")));

        // Changing the structure sets the trained weights aside (the setup says which no
        // longer fit), and changing it back brings them back.
        QVERIFY(w.openKerasModel(model("encoder_block.keras"), QStringLiteral("self_attn"), &error));
        QVERIFY(!w.setupPanel()->trainedOrigin().isEmpty());
        const auto trained = w.controller()->trace()->params;
        w.setupPanel()->headsSpin()->setValue(3);
        w.recomputeNow();
        QVERIFY(w.setupPanel()->trainedOrigin().isEmpty());
        QVERIFY(!w.formulaPanel()->listingText().contains(QStringLiteral("as it was saved")));
        QVERIFY(w.setupPanel()->weightsSourceLabel()->text().contains(QStringLiteral("kept aside")));
        w.setupPanel()->headsSpin()->setValue(2);
        w.recomputeNow();
        QVERIFY(w.setupPanel()->trainedOrigin().contains(QStringLiteral("self_attn")));
        for (const auto& [key, t] : trained)
            QVERIFY2(w.controller()->trace()->params.at(key).values() == t.values(), key.c_str());
    }

    void aCrashingReaderLeavesTheAppRunning() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto before = w.controller()->trace();
        core::setKerasReaderExecutable(ATTNVIZ_FAKE_READER);
        qputenv("ATTNVIZ_FAKE_READER_MODE", "crash");
        QString error;
        const bool ok = w.openKerasModel(model("encoder_block.keras"), QStringLiteral("self_attn"), &error);
        qunsetenv("ATTNVIZ_FAKE_READER_MODE");
        core::setKerasReaderExecutable(ATTNVIZ_TRACE_EXE);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("crashed the reader")), qPrintable(error));
        QCOMPARE(w.controller()->trace(), before); // the last result stays
        QVERIFY(w.isVisible());

        QVERIFY(!w.openKerasModel(model("bad/no_attention.keras"), QStringLiteral("dense"), &error));
        QVERIFY2(error.contains(QStringLiteral("holds no attention layer")), qPrintable(error));
        QVERIFY(!w.openKerasModel(model("bad/truncated_h5.keras"), QStringLiteral("self_attn"), &error));
        QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));
        QCOMPARE(w.controller()->trace(), before);
    }

    void openingInTheBackgroundKeepsTheWindowUsable() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy done(&w, &MainWindow::kerasModelOpened);
        // Two opens in a row: the first is superseded, only the second is applied.
        w.openKerasModelInBackground(model("encoder_block.keras"), QStringLiteral("self_attn"));
        w.openKerasModelInBackground(model("multi_attention.keras"), QStringLiteral("cross_attn"));
        QVERIFY(w.isOpeningKerasModel());
        QVERIFY2(w.statusMessage()->text().contains(QStringLiteral("Reading layer 'cross_attn'")),
                 qPrintable(w.statusMessage()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isOpeningKerasModel(), 60000);
        QCOMPARE(done.size(), 1); // the superseded open emitted nothing
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        const auto trace = w.controller()->trace();
        QVERIFY(trace);
        QCOMPARE(trace->find("query")->value.dim(2), 6); // cross_attn's widths, not self_attn's
        QVERIFY(w.setupPanel()->trainedOrigin().contains(QStringLiteral("cross_attn")));

        // A failing open in the background: the last result stays, the message arrives.
        const auto before = w.controller()->trace();
        w.openKerasModelInBackground(model("bad/truncated_h5.keras"), QStringLiteral("self_attn"));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 60000);
        QVERIFY(!done.at(1).at(0).toBool());
        QVERIFY2(done.at(1).at(1).toString().contains(QStringLiteral("truncated")),
                 qPrintable(done.at(1).at(1).toString()));
        QCOMPARE(w.controller()->trace(), before);
    }

    // The read runs through the Controller's one path: a newer request of
    // either kind wins, so a spec computed in the background while the layer is
    // being read drops the read (its result never reaches the setup).
    void aNewerSpecSupersedesTheRead() {
        MainWindow w;
        QSignalSpy done(&w, &MainWindow::kerasModelOpened);
        QSignalSpy read(w.controller(), &Controller::kerasLayerRead);
        const int heads = w.setupPanel()->headsSpin()->value();
        w.openKerasModelInBackground(model("multi_attention.keras"), QStringLiteral("cross_attn"));
        QVERIFY(w.isOpeningKerasModel());
        QVERIFY(w.controller()->isReadingKerasLayer());
        // A large spec goes to the worker too, after the read: it is the newest.
        core::Spec big;
        big.shapes = {.batch = 1, .queryLen = 4096, .sourceLen = 4096, .queryFeatures = 8, .valueFeatures = 8};
        QVERIFY(core::estimateTraceBytes(big) > Controller::backgroundThresholdBytes());
        QVERIFY(w.controller()->requestSpec(big));
        QVERIFY(!w.controller()->isReadingKerasLayer()); // the read is no longer what is waiting or wanted
        w.controller()->waitForIdle();
        QCOMPARE(read.size(), 0);
        QCOMPARE(done.size(), 0);
        QVERIFY(!w.isOpeningKerasModel());
        QCOMPARE(w.setupPanel()->headsSpin()->value(), heads); // the layer's config never arrived
        QVERIFY(w.setupPanel()->trainedOrigin().isEmpty());
        QCOMPARE(w.controller()->trace()->find("query")->value.dim(1), 4096);

        // A spec computed at once (small) wins too: the read ends with nothing waiting and is dropped.
        w.openKerasModelInBackground(model("multi_attention.keras"), QStringLiteral("cross_attn"));
        core::Spec small;
        QVERIFY(w.controller()->setSpec(small));
        QVERIFY(!w.isOpeningKerasModel());
        w.controller()->waitForIdle();
        QTest::qWait(50);
        QCOMPARE(read.size(), 0);
        QCOMPARE(done.size(), 0);
        QVERIFY(w.setupPanel()->trainedOrigin().isEmpty());
    }

    // The picker over the window at both sizes, for a look (not compared).
    void pickerScreenshots() {
        const core::KerasModelInfo info = core::inspectKerasModel(model("multi_attention.keras").toStdString());
        for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
            MainWindow w;
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.settle();
            KerasLayerDialog dialog(info, &w);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.selectLayer(QStringLiteral("cross_attn"));
            QImage shot = w.grab().toImage();
            const QPixmap d = dialog.grab();
            QVERIFY(d.width() < size.width() && d.height() < size.height());
            {
                QPainter p(&shot);
                p.fillRect(shot.rect(), QColor(0, 0, 0, 60));
                p.drawPixmap((shot.width() - d.width()) / 2, (shot.height() - d.height()) / 2, d);
            }
            const QString out =
                QStringLiteral(ATTNVIZ_BINARY_DIR "/keras_picker_%1x%2.png").arg(size.width()).arg(size.height());
            QVERIFY(shot.save(out));
        }
    }
};

QTEST_MAIN(TestKerasModelUi)
#include "test_keras_model_ui.moc"
