// Every step of every layer (and of the variants that add steps: masks,
// dropout in training, the Transformer sub-layer, concat scores) shows in
// the window without error: the inspector has cells, the frame is not blank.
#include "ui/app_window/controller.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/app_window/main_window.h"
#include "ui/stage/stage_view.h"

#include "core/spec/spec.h"

#include <QImage>
#include <QTest>

#include <set>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestRenderAll : public QObject {
    Q_OBJECT
private slots:
    void everyStepOfEveryLayer_data() {
        QTest::addColumn<int>("layer");
        QTest::addColumn<bool>("masks");
        QTest::addColumn<bool>("dropout");
        QTest::addColumn<bool>("transformer");
        QTest::addColumn<bool>("concat");
        for (int layer = 0; layer < 3; ++layer) {
            const QByteArray name = core::layerName(core::LayerKind(layer));
            QTest::newRow(name + " plain") << layer << false << false << false << false;
            QTest::newRow(name + " masks+dropout") << layer << true << true << false << false;
        }
        QTest::newRow("MultiHeadAttention transformer") << 0 << true << false << true << false;
        QTest::newRow("Attention concat") << 1 << false << false << false << true;
    }

    void everyStepOfEveryLayer() {
        QFETCH(int, layer);
        QFETCH(bool, masks);
        QFETCH(bool, dropout);
        QFETCH(bool, transformer);
        QFETCH(bool, concat);

        core::Spec spec;
        spec.config.layer = core::LayerKind(layer);
        spec.shapes.batch = 2;
        spec.shapes.queryLen = 3;
        spec.shapes.sourceLen = 5;
        spec.config.transformerSublayer = transformer;
        spec.config.scoreMode = concat ? core::ScoreMode::Concat : core::ScoreMode::Dot;
        if (masks) {
            spec.call.useCausalMask = true;
            core::Tensor vm(core::Shape{2, 5}, {1, 1, 1, 1, 0, 1, 1, 1, 0, 0});
            spec.valueMask = vm;
        }
        if (dropout) {
            spec.config.dropout = 0.3f;
            spec.call.training = true;
        }

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Controller* c = window.controller();
        QVERIFY2(c->setSpec(spec), qPrintable(c->errorMessage()));
        QVERIFY(!c->hasError());
        const auto trace = c->trace();
        QVERIFY(trace->steps.size() >= 4);
        if (masks)
            QVERIFY(trace->find("masked_scores"));
        if (dropout)
            QVERIFY(trace->find("dropout"));

        for (int i = 0; i < c->stepCount(); ++i) {
            c->setCurrentStep(i);
            const core::Step& step = trace->steps[size_t(i)];
            window.stage()->setProgress(1.0);
            QCOMPARE(window.heatmap()->step(), &step);
            const core::Index cells = step.value.size();
            QVERIFY2(cells > 0, step.key.c_str());
            QVERIFY2(window.heatmap()->rows() * window.heatmap()->columns() > 0, step.key.c_str());
            QVERIFY2(window.heatmap()->rows() * window.heatmap()->columns() <= cells, step.key.c_str());
            const QImage frame = window.grab().toImage();
            QVERIFY(!frame.isNull());
            QVERIFY2(distinctColours(frame) > 40, step.key.c_str());
            // The stage alone renders too.
            const QImage stage = window.stage()->renderImage(QSize(640, 400));
            QVERIFY2(distinctColours(stage) > 8, step.key.c_str());
        }
    }
};

QTEST_MAIN(TestRenderAll)
#include "test_render_all.moc"
