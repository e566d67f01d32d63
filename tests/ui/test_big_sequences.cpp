// Long sequences in the window: the controller computes large setups in the
// background (the last trace stays, a newer spec supersedes an older run, the
// memory budget refuses before computing), the inspector pools large slices
// keeping their extremes and offers an auto colour range for probabilities,
// and the stage shows a long softmax row as its top keys plus one bar for the
// rest, and a pooled weights grid that is not left blank.
#include "ui/app_window/controller.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_painter.h"
#include "ui/stage/stage_style.h"
#include "ui/stage/stage_view.h"

#include "core/layers/run.h"
#include "core/trace/step_display.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace attnviz;

namespace {

/// A setup whose trace is estimated above the background threshold, yet quick to compute.
core::Spec bigSpec(std::uint64_t seed) {
    core::Spec s;
    s.config.numHeads = 4;
    s.config.keyDim = 8;
    s.shapes = {.batch = 1, .queryLen = 1024, .sourceLen = 1024, .queryFeatures = 32, .valueFeatures = 32};
    s.seed = seed;
    return s;
}

core::Spec smallSpec() {
    core::Spec s;
    s.config.numHeads = 2;
    s.config.keyDim = 4;
    s.shapes = {.batch = 1, .queryLen = 5, .sourceLen = 6, .queryFeatures = 8, .valueFeatures = 8};
    return s;
}

/// One head over a long sequence: weights of (1, 1, T, S).
std::shared_ptr<const core::Trace> longTrace(core::Index T, core::Index S) {
    core::Spec s;
    s.config.numHeads = 1;
    s.config.keyDim = 8;
    s.shapes = {.batch = 1, .queryLen = T, .sourceLen = S, .queryFeatures = 16, .valueFeatures = 16};
    s.seed = 5;
    return std::make_shared<const core::Trace>(core::run(s));
}

} // namespace

class TestBigSequences : public QObject {
    Q_OBJECT
private slots:
    void smallSetupsComputeAtOnce() {
        ui::Controller c;
        QVERIFY(core::estimateTraceBytes(smallSpec()) < ui::Controller::backgroundThresholdBytes());
        QSignalSpy busy(&c, &ui::Controller::computingChanged);
        QVERIFY(c.requestSpec(smallSpec()));
        QVERIFY(!c.isComputing());
        QVERIFY(c.trace());
        QCOMPARE(busy.count(), 0);
    }

    void largeSetupsComputeInTheBackgroundAndTheLastTraceStays() {
        ui::Controller c;
        QVERIFY(c.setSpec(smallSpec()));
        const auto before = c.trace();
        QVERIFY(core::estimateTraceBytes(bigSpec(1)) > ui::Controller::backgroundThresholdBytes());
        QSignalSpy changed(&c, &ui::Controller::traceChanged);
        QSignalSpy busy(&c, &ui::Controller::computingChanged);
        QVERIFY(c.requestSpec(bigSpec(1)));
        QVERIFY(c.isComputing());
        QCOMPARE(c.trace(), before); // still shown while the new one computes
        QCOMPARE(busy.count(), 1);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        c.waitForIdle();
        QVERIFY(!c.isComputing());
        QCOMPARE(changed.count(), 1);
        QVERIFY(c.trace() != before);
        QCOMPARE(c.trace()->find("weights")->value.dim(3), 1024);
        QCOMPARE(c.traceSpec().seed, 1u);
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        // The same numbers as a synchronous run.
        const core::Trace direct = core::run(bigSpec(1));
        QVERIFY(c.trace()->find("output")->value.values() == direct.find("output")->value.values());
    }

    void aNewerSpecSupersedesAnOlderRun() {
        ui::Controller c;
        QSignalSpy changed(&c, &ui::Controller::traceChanged);
        QVERIFY(c.requestSpec(bigSpec(1)));
        QVERIFY(c.requestSpec(bigSpec(2)));
        QVERIFY(c.requestSpec(bigSpec(3)));
        c.waitForIdle();
        QCOMPARE(changed.count(), 1); // only the newest is shown
        QCOMPARE(c.traceSpec().seed, 3u);
        const core::Trace direct = core::run(bigSpec(3));
        QVERIFY(c.trace()->find("output")->value.values() == direct.find("output")->value.values());

        // A synchronous spec supersedes a background run too.
        QVERIFY(c.requestSpec(bigSpec(4)));
        QVERIFY(c.setSpec(smallSpec()));
        c.waitForIdle();
        QCOMPARE(c.traceSpec().shapes.queryLen, 5);
    }

    void theMemoryBudgetRefusesBeforeComputing() {
        ui::Controller c;
        QVERIFY(c.setSpec(smallSpec()));
        const auto before = c.trace();
        core::SpecLimits limits;
        limits.maxBytes = std::uint64_t(64) << 20;
        c.setLimits(limits);
        QVERIFY(!c.requestSpec(bigSpec(1)));
        QVERIFY(!c.isComputing());
        QVERIFY(c.hasError());
        QCOMPARE(c.errorField(), QStringLiteral("shapes"));
        QVERIFY2(c.errorMessage().contains(QStringLiteral("memory")), qPrintable(c.errorMessage()));
        QCOMPARE(c.trace(), before);
    }

    void theInspectorPoolsLargeSlicesKeepingExtremes() {
        const auto trace = longTrace(600, 700);
        ui::HeatmapView view;
        view.resize(500, 500);
        const int weights = trace->indexOf("weights");
        view.setStep(trace, weights);
        QCOMPARE(view.rows(), 600);
        QCOMPARE(view.columns(), 700);
        QCOMPARE(view.blockRows(), 3);
        QCOMPARE(view.blockColumns(), 3);
        // The largest weight of the slice is what its block shows.
        const core::Tensor& w = trace->steps[size_t(weights)].value;
        const auto it = std::max_element(w.values().begin(), w.values().end());
        const int flat = int(it - w.values().begin());
        const int r = flat / 700, col = flat % 700;
        auto* map = qobject_cast<QCPColorMap*>(view.plot()->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 234);   // ceil(700 / 3)
        QCOMPARE(map->data()->valueSize(), 200); // 600 / 3
        QCOMPARE(map->data()->cell(col / 3, r / 3), double(*it));
        // Hovering reads the exact cell, and says what the drawn block shows.
        QVERIFY(view.hoverAt(view.cellCenter(r, col)));
        QCOMPARE(view.hoveredRow(), r);
        QCOMPARE(view.hoveredColumn(), col);
        QCOMPARE(view.hoveredValue(), double(*it));
        QVERIFY2(view.hoverText().contains(QStringLiteral("largest |value|")), qPrintable(view.hoverText()));

        // Probabilities: fixed 0–1 by default; auto stretches to the core's
        // robust top, the 99.5th percentile of the step's weights.
        QVERIFY(view.rangeCombo()->isVisibleTo(&view));
        QCOMPARE(view.rangeUpper(), 1.0);
        QVERIFY(*it < 1.0f);
        view.setAutoProbabilityRange(true);
        const core::StepSummary sum = core::summarizeStep(*trace, trace->steps[size_t(weights)]);
        QCOMPARE(view.rangeUpper(), double(sum.shownHigh));
        QVERIFY(sum.shownHigh < *it && sum.shownHigh > 0.0f);
        QCOMPARE(view.rangeLower(), 0.0);
        view.rangeCombo()->setCurrentIndex(0);
        QVERIFY(!view.autoProbabilityRange());
        QCOMPARE(view.rangeUpper(), 1.0);
        // Not a probability step: no range choice.
        view.setStep(trace, trace->indexOf("scores"));
        QVERIFY(!view.rangeCombo()->isVisibleTo(&view));
    }

    void autoRangeOnCausalWeightsIsNotWashedOutByRowZero() {
        // Row 0 of causal weights is a single 1; most rows hold weights near 1/S.
        core::Spec s;
        s.config.numHeads = 1;
        s.config.keyDim = 8;
        s.shapes = {.batch = 1, .queryLen = 400, .sourceLen = 400, .queryFeatures = 16, .valueFeatures = 16};
        s.call.useCausalMask = true;
        s.seed = 5;
        const auto trace = std::make_shared<const core::Trace>(core::run(s));
        const int weights = trace->indexOf("weights");
        const core::Tensor& w = trace->steps[size_t(weights)].value;
        QCOMPARE(*std::max_element(w.values().begin(), w.values().end()), 1.0f);
        // The inspector: about 0.5 % of the unmasked weights lie above its top.
        ui::HeatmapView view;
        view.resize(500, 500);
        view.setStep(trace, weights);
        view.setAutoProbabilityRange(true);
        const double top = view.rangeUpper();
        QVERIFY2(top < 0.5, qPrintable(QString::number(top)));
        int shown = 0, above = 0;
        for (int t = 0; t < 400; ++t)
            for (int c = 0; c <= t; ++c) {
                ++shown;
                above += double(w.values()[size_t(t * 400 + c)]) > top;
            }
        QVERIFY2(above > 0 && above < shown / 100, qPrintable(QStringLiteral("%1 of %2").arg(above).arg(shown)));
        // The stage's result grid: the same rule on its slice.
        ui::StageView stage;
        stage.resize(900, 600);
        stage.setAutoProbabilityRange(true);
        stage.setTrace(trace);
        stage.setCurrentStep(weights);
        const ui::StageScene& scene = stage.scene();
        QVERIFY(scene.result >= 0);
        const double stageTop = scene.grids[size_t(scene.result)].scale.upper;
        QVERIFY2(stageTop < 0.5 && stageTop > 0.0, qPrintable(QString::number(stageTop)));
    }

    void theStageShowsTheTopKeysAndTheRestAsOneBar() {
        const auto trace = longTrace(300, 2048);
        const int weights = trace->indexOf("weights");
        const auto scene = ui::stage::buildScene(*trace, weights, 0, 0, {});
        QVERIFY(scene);
        QCOMPARE(scene->barsRest, 2048 - 15);
        QCOMPARE(int(scene->rowOut.size()), 16);
        QCOMPARE(scene->barLabels.size(), 16);
        // The bars are the largest weights of the narrated row, in order, then the rest's sum.
        const core::Tensor& w = trace->steps[size_t(weights)].value;
        std::vector<float> row(w.values().begin() + scene->focusRow * 2048,
                               w.values().begin() + (scene->focusRow + 1) * 2048);
        std::sort(row.begin(), row.end(), std::greater<>());
        double rest = 0;
        for (size_t i = 15; i < row.size(); ++i)
            rest += double(row[i]);
        for (int k = 0; k < 15; ++k)
            QCOMPARE(scene->rowOut[size_t(k)], row[size_t(k)]);
        QVERIFY(std::fabs(double(scene->rowOut[15]) - rest) < 1e-4);
        QVERIFY(scene->barLabels.last().contains(QStringLiteral("2033")));

        // The pooled result grid is drawn, not left empty after the animation.
        const ui::StageGrid& result = scene->grids[size_t(scene->result)];
        QVERIFY(result.image.width() <= ui::stage::kMaxImageCells);
        QCOMPARE(result.blockCols, 8);
        QImage frame(1280, 720, QImage::Format_RGB32);
        QPainter p(&frame);
        ui::stage::paintScene(p, *scene, frame.rect(), 1.0, 1.0, QFont());
        p.end();
        const QRgb empty = ui::stage::kEmptyFill.rgb();
        long emptyPixels = 0;
        for (int y = 0; y < frame.height(); ++y)
            for (int x = 0; x < frame.width(); ++x)
                emptyPixels += frame.pixel(x, y) == empty;
        QVERIFY2(emptyPixels < 200, qPrintable(QString::number(emptyPixels)));
    }
};

QTEST_MAIN(TestBigSequences)
#include "test_big_sequences.moc"
