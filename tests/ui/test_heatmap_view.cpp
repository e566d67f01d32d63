// The inspector heatmap: the hovered value is the tensor's value at that
// index; slicing by batch/head; colour ranges by kind of tensor.
#include "ui/app_window/controller.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/app_window/main_window.h"
#include "ui/setup/setup_panel.h"

#include "core/layers/run.h"

#include <qcustomplot.h>

#include <QMouseEvent>

#include <algorithm>
#include <vector>
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

    void everyStepShowsItsSliceAsTheCoreCutsIt() {
        // The view refills the previous slice's buffer; whatever the sizes
        // before, the slice must be exactly core::slice2d's, at every batch and head.
        HeatmapView view;
        const auto trace = makeTrace();
        view.setSliceIndex(QStringLiteral("batch"), 1);
        view.setSliceIndex(QStringLiteral("head"), 2);
        for (int pass = 0; pass < 2; ++pass)
            for (int i = int(trace->steps.size()); i-- > 0;) {
                const core::Step& s = trace->steps[size_t(i)];
                view.setStep(trace, i);
                std::vector<core::Index> fixed(size_t(s.value.rank()), 0);
                for (int a = 0; a < int(s.value.rank()); ++a)
                    if (a != view.rowAxis() && a != view.colAxis())
                        fixed[size_t(a)] = view.sliceIndex(QString::fromStdString(s.axes[size_t(a)].name));
                const core::Slice2D want = s.value.rank() >= 2
                                               ? core::slice2d(s.value, view.rowAxis(), view.colAxis(), fixed)
                                               : core::slice2d(s.value, fixed);
                QCOMPARE(view.shownSlice().rows, want.rows);
                QCOMPARE(view.shownSlice().cols, want.cols);
                QVERIFY2(view.shownSlice().values == want.values, s.key.c_str());
            }
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
        QCOMPARE(view.rangeKind(), ColourRangeKind::Probability);
        QCOMPARE(view.rangeLower(), 0.0);
        QCOMPARE(view.rangeUpper(), 1.0);
        view.setStep(trace, trace->indexOf("scores"));
        QCOMPARE(view.rangeKind(), ColourRangeKind::Diverging);
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

    void statsAreThoseOfTheUnmaskedCellsOfTheSlice() {
        // The figures under the heatmap come from one pass over the slice; they
        // must be what core::stats gives for the slice's unmasked cells and each
        // row's sum of them, as the text always said.
        core::Spec spec;
        spec.call.useCausalMask = true;
        spec.shapes.queryLen = 12; // more than 8 rows: the row sums' range
        spec.shapes.sourceLen = 12;
        const auto trace = std::make_shared<const core::Trace>(core::run(spec));
        for (const char* key : {"masked_scores", "weights", "query_dense"}) {
            HeatmapView view;
            view.setStep(trace, trace->indexOf(key));
            const core::Slice2D& slice = view.shownSlice();
            QVERIFY(slice.rows > 8 || std::string(key) == "query_dense");
            std::vector<float> shown;
            std::vector<double> sums;
            for (int r = 0; r < int(slice.rows); ++r) {
                double sum = 0;
                for (int c = 0; c < int(slice.cols); ++c)
                    if (!view.isMaskedCell(r, c)) {
                        shown.push_back(slice.at(r, c));
                        sum += slice.at(r, c);
                    }
                sums.push_back(sum);
            }
            const core::TensorStats st = core::stats(shown);
            QString want = QStringLiteral("Slice %1×%2 — min %3, max %4, mean %5")
                               .arg(slice.rows)
                               .arg(slice.cols)
                               .arg(double(st.min), 0, 'g', 5)
                               .arg(double(st.max), 0, 'g', 5)
                               .arg(double(st.mean), 0, 'g', 5);
            const auto masked = qsizetype(slice.values.size() - shown.size());
            if (masked > 0)
                want += QStringLiteral(", %1 masked cell").arg(masked);
            QVERIFY2(view.statsText().startsWith(want), qPrintable(view.statsText() + QStringLiteral(" | ") + want));
            QCOMPARE(masked > 0, std::string(key) != "query_dense");
            const auto [mn, mx] = std::minmax_element(sums.begin(), sums.end());
            const QString rowSums =
                sums.size() <= 8 ? QStringLiteral("Row sums: %1").arg(sums[0], 0, 'f', 4)
                                 : QStringLiteral("Row sums from %1 to %2").arg(*mn, 0, 'f', 4).arg(*mx, 0, 'f', 4);
            QVERIFY2(view.statsText().contains(rowSums),
                     qPrintable(view.statsText() + QStringLiteral(" | ") + rowSums));
        }
    }
};

QTEST_MAIN(TestHeatmapView)
#include "test_heatmap_view.moc"
