// The inspector heatmap: the hovered value is the tensor's value at that
// index; slicing by batch/head; colour ranges by kind of tensor.
#include "ui/app_window/controller.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/app_window/main_window.h"
#include "ui/setup/setup_panel.h"

#include "core/attention.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <QSpinBox>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;

class TestHeatmapView : public QObject {
    Q_OBJECT
private:
    static std::shared_ptr<const core::Trace> makeTrace() {
        core::Spec spec;
        spec.config.numHeads = 3;
        spec.config.keyDim = 4;
        spec.shapes.batch = 2;
        spec.shapes.queryLen = 5;
        spec.shapes.sourceLen = 6;
        spec.seed = 42;
        return std::make_shared<const core::Trace>(core::run(spec));
    }

    static void moveMouse(QWidget* w, QPointF pos) {
        QMouseEvent move(QEvent::MouseMove, pos, w->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(w, &move);
    }

private slots:
    void hoverShowsTheExactValue() {
        HeatmapView view;
        view.resize(600, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto trace = makeTrace();
        const int idx = trace->indexOf("scores");
        view.setStep(trace, idx);
        view.setSliceIndex(QStringLiteral("batch"), 1);
        view.setSliceIndex(QStringLiteral("head"), 2);
        view.plot()->replot();
        QCOMPARE(view.rows(), 5);
        QCOMPARE(view.columns(), 6);

        const core::Tensor& scores = trace->steps[size_t(idx)].value; // (B, N, T, S)
        for (auto [r, c] : {std::pair{0, 0}, std::pair{4, 5}, std::pair{2, 3}, std::pair{3, 1}}) {
            moveMouse(view.plot(), view.cellCenter(r, c));
            QCOMPARE(view.hoveredRow(), r);
            QCOMPARE(view.hoveredColumn(), c);
            const float expected = scores.at({1, 2, r, c});
            QCOMPARE(float(view.hoveredValue()), expected);
            QVERIFY2(view.hoverText().contains(QString::number(double(expected), 'g', 9)),
                     qPrintable(view.hoverText()));
            QVERIFY(view.hoverText().contains(QStringLiteral("head=2")));
        }
        // Another head gives another value at the same cell.
        view.setSliceIndex(QStringLiteral("head"), 0);
        moveMouse(view.plot(), view.cellCenter(2, 3));
        QCOMPARE(float(view.hoveredValue()), scores.at({1, 0, 2, 3}));
        // Outside the cells: nothing hovered.
        moveMouse(view.plot(), QPointF(2, 2));
        QCOMPARE(view.hoveredRow(), -1);
    }

    void projectionShowsQueryByKeyDimPerHead() {
        HeatmapView view;
        const auto trace = makeTrace();
        view.setStep(trace, trace->indexOf("query_dense")); // (B, T, N, H)
        QCOMPARE(view.rowAxis(), 1);
        QCOMPARE(view.colAxis(), 3);
        QCOMPARE(view.rows(), 5);
        QCOMPARE(view.columns(), 4);
    }

    void colourRanges() {
        HeatmapView view;
        const auto trace = makeTrace();
        view.setStep(trace, trace->indexOf("weights"));
        QCOMPARE(view.rangeKind(), ColorRangeKind::Probability);
        QCOMPARE(view.rangeLower(), 0.0);
        QCOMPARE(view.rangeUpper(), 1.0);
        view.setStep(trace, trace->indexOf("scores"));
        QCOMPARE(view.rangeKind(), ColorRangeKind::Diverging);
        QCOMPARE(view.rangeLower(), -view.rangeUpper());
        float maxAbs = 0;
        for (float v : trace->find("scores")->value.values())
            maxAbs = std::max(maxAbs, std::abs(v));
        QVERIFY(std::abs(view.rangeUpper() - maxAbs) < 1e-6);
        QVERIFY(view.statsText().contains(QStringLiteral("min")));
    }

    void maskedScoresDoNotStretchTheRange() {
        core::Spec spec;
        spec.call.useCausalMask = true;
        const auto trace = std::make_shared<const core::Trace>(core::run(spec));
        const int idx = trace->indexOf("masked_scores");
        QVERIFY(idx >= 0);
        HeatmapView view;
        view.setStep(trace, idx);
        QVERIFY(view.rangeUpper() < 1e3); // −1e9 stand-ins are left out
        QVERIFY(view.statsText().contains(QStringLiteral("masked")));
    }
};

QTEST_MAIN(TestHeatmapView)
#include "test_heatmap_view.moc"
