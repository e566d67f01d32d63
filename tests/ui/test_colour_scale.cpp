// The one colour scale: ranges and colours by value kind (from the core's
// step metadata), and the inspector and the stage giving one tensor the same
// colours and the same masked cells.
#include "ui/colour/colour_scale.h"
#include "ui/colour/qcp_gradient.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/stage/stage_scene.h"
#include "ui/stage/stage_view.h"

#include "core/layers/run.h"

#include <qcustomplot.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

bool near(QRgb a, QRgb b, int tolerance) {
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

std::shared_ptr<const core::Trace> run(core::LayerKind layer, bool causal) {
    core::Spec spec;
    spec.config.layer = layer;
    spec.config.numHeads = 2;
    spec.config.keyDim = 4;
    spec.shapes.batch = 2;
    spec.shapes.queryLen = 5;
    spec.shapes.sourceLen = 5;
    spec.call.useCausalMask = causal;
    spec.seed = 3;
    return std::make_shared<const core::Trace>(core::run(spec));
}

} // namespace

class TestColourScale : public QObject {
    Q_OBJECT
private slots:
    void rangesByValueKind() {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        ColourScale s = colourScaleFor(core::ValueKind::Probability, {0.2f, 0.3f});
        QCOMPARE(s.kind, ColourRangeKind::Probability);
        QCOMPARE(s.lower, 0.0);
        QCOMPARE(s.upper, 1.0);
        s = colourScaleFor(core::ValueKind::BooleanMask, {0.f, 1.f});
        QCOMPARE(s.kind, ColourRangeKind::Binary);
        s = colourScaleFor(core::ValueKind::NonNegative, {0.f, 0.5f, 3.f});
        QCOMPARE(s.kind, ColourRangeKind::Sequential);
        QCOMPARE(s.lower, 0.0);
        QCOMPARE(s.upper, 3.0);
        QCOMPARE(colourScaleFor(core::ValueKind::NonNegative, {0.f, 0.2f}).upper, 1.0); // dropout: at least 0–1
        // Signed: symmetric over the unmasked, finite values.
        s = colourScaleFor(core::ValueKind::Signed, {-2.f, 1.f, -1e9f, nan}, {0, 0, 1, 0});
        QCOMPARE(s.kind, ColourRangeKind::Diverging);
        QCOMPARE(s.lower, -2.0);
        QCOMPARE(s.upper, 2.0);
        s = colourScaleFor(core::ValueKind::Signed, {0.5f, 1.5f});
        QCOMPARE(s.lower, -1.5);
        s = colourScaleFor(core::ValueKind::Signed, {0.f, 0.f});
        QCOMPARE(s.upper, 1.0); // all zero: a unit range, not a division by zero
    }

    void coloursAtTheEnds() {
        const ColourScale p = colourScaleFor(core::ValueKind::Probability, {});
        QCOMPARE(p.rgb(0.0), QColor(QStringLiteral("#440154")).rgb());
        QCOMPARE(p.rgb(1.0), QColor(QStringLiteral("#fde725")).rgb());
        QCOMPARE(p.rgb(7.0), p.rgb(1.0)); // clamped
        const ColourScale d = colourScaleFor(core::ValueKind::Signed, {-3.f, 3.f});
        QCOMPARE(d.rgb(0.0), QColor(QStringLiteral("#f7f7f7")).rgb()); // white at zero
        QCOMPARE(d.rgb(-3.0), QColor(QStringLiteral("#2166ac")).rgb());
        QCOMPARE(d.rgb(3.0), QColor(QStringLiteral("#b2182b")).rgb());
        const ColourScale b = colourScaleFor(core::ValueKind::BooleanMask, {});
        QCOMPARE(b.rgb(0.0), maskedColour().rgb());
        QCOMPARE(b.rgb(1.0), qRgb(250, 250, 250));
        // The QCustomPlot gradient (inspector, compare) matches colourAt (stage) up to its 256 levels.
        QCPColorGradient g = qcpGradient(d);
        for (double v : {-3.0, -1.2, 0.0, 0.7, 2.9})
            QVERIFY2(near(g.color(v, QCPRange(d.lower, d.upper)), d.rgb(v), 3), qPrintable(QString::number(v)));
    }

    /// For every step of masked MHA and Attention traces: the inspector and the
    /// stage's result grid use one scale, mark the same cells masked, and
    /// paint each unmasked cell the same colour.
    void inspectorAndStageAgree() {
        for (const auto layer : {core::LayerKind::MultiHeadAttention, core::LayerKind::Attention}) {
            const auto trace = run(layer, true);
            HeatmapView heat;
            StageView stage;
            stage.setTrace(trace);
            int maskedSeen = 0;
            for (int i = 0; i < int(trace->steps.size()); ++i) {
                const core::Step& step = trace->steps[size_t(i)];
                heat.setStep(trace, i);
                stage.setCurrentStep(i);
                const StageScene& sc = stage.scene();
                QVERIFY2(sc.result >= 0, step.key.c_str());
                const StageGrid& g = sc.grids[size_t(sc.result)];
                if (step.value.rank() < 2 || g.rows != heat.rows() || g.cols != heat.columns())
                    continue; // flattened on the stage (dense projections): compared by scale only
                const ColourScale& hs = heat.colourScale();
                QCOMPARE(g.scale.kind, hs.kind);
                QCOMPARE(g.scale.lower, hs.lower);
                QCOMPARE(g.scale.upper, hs.upper);
                QCPColorGradient gradient = qcpGradient(hs);
                for (int r = 0; r < g.rows; ++r)
                    for (int c = 0; c < g.cols; ++c) {
                        const QString where =
                            QStringLiteral("%1[%2, %3]").arg(QString::fromStdString(step.key)).arg(r).arg(c);
                        QCOMPARE(g.isHatched(r, c), heat.isMaskedCell(r, c));
                        maskedSeen += g.isHatched(r, c);
                        const float v = g.at(r, c);
                        if (g.isHatched(r, c) || !std::isfinite(v))
                            continue;
                        const QRgb onStage = g.image.pixel(c, r);
                        QVERIFY2(near(onStage, gradient.color(double(v), QCPRange(hs.lower, hs.upper)), 3),
                                 qPrintable(where));
                    }
            }
            QVERIFY(maskedSeen > 0); // the causal mask was seen in both views
        }
    }
};

QTEST_MAIN(TestColourScale)
#include "test_colour_scale.moc"
