// CompareView: one weights panel per core::compare variant, the live equivalence checks
// (concat == additive exactly; 1-head identity MHA == scaled Attention), the
// difference heatmap, messages instead of plots where a variant cannot run,
// and hover text with exact values. Set ATTNVIZ_COMPARE_SHOTS=<dir> to save PNGs.
#include "ui/compare/compare_view.h"

#include "core/attention.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMouseEvent>
#include <QSet>
#include <QTest>
#include <QWidget>

#include <qcustomplot.h>

using namespace attnviz;

namespace {

core::Spec equalWidthSpec() {
    core::Spec s;
    s.config.layer = core::LayerKind::MultiHeadAttention;
    s.config.numHeads = 2;
    s.config.keyDim = 3;
    s.shapes = {.batch = 2, .queryLen = 4, .sourceLen = 5, .queryFeatures = 6, .valueFeatures = 6};
    s.call.useCausalMask = true;
    s.valueMask = core::Tensor({2, 5}, {1, 1, 1, 0, 1, 0, 1, 1, 1, 1});
    s.seed = 11;
    return s;
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

void saveShot(QWidget& w, const char* name) {
    const QString dir = qEnvironmentVariable("ATTNVIZ_COMPARE_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w.grab().save(QStringLiteral("%1/compare_%2.png").arg(dir, QString::fromLatin1(name)));
}

} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
private slots:
    void panelsAndChecks();
    void hoverShowsExactValues();
    void unequalWidthsShowMessages();
    void differenceAndSlices();
};

void TestCompareView::panelsAndChecks() {
    ui::CompareView view;
    view.resize(1280, 860);
    view.setSpec(equalWidthSpec());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QCOMPARE(int(view.variants().size()), 6); // core::compare's variants, one panel each
    QCOMPARE(view.weightsPanelCount(), int(view.variants().size()));
    // The panels counted are real widgets with that name, one per variant.
    int named = 0;
    for (const QCustomPlot* p : view.findChildren<QCustomPlot*>())
        named += p->objectName().startsWith(QLatin1String("weightsPanel_"));
    QCOMPARE(named, int(view.variants().size()));
    for (const auto& v : view.variants()) {
        QVERIFY2(v.ok(), qPrintable(v.name + QStringLiteral(": ") + v.message));
        QCOMPARE(v.rows, 4);
        QCOMPARE(v.cols, 5);
        double rowSum = 0;
        for (int c = 0; c < v.cols; ++c)
            rowSum += double(v.weights[size_t(c)]);
        QVERIFY2(std::fabs(rowSum - 1.0) < 1e-5, qPrintable(v.name));
    }

    QVERIFY(view.checks().size() >= 3);
    auto checkWith = [&](const QString& start, const QString& part) -> const ui::CompareView::Check& {
        for (const auto& c : view.checks())
            if (c.description.startsWith(start) && c.description.contains(part))
                return c;
        qFatal("no check %s … %s", qPrintable(start), qPrintable(part));
    };
    const auto& concat = checkWith(QStringLiteral("Attention(score_mode=\"concat\""), QStringLiteral("Additive"));
    QVERIFY(concat.description.contains(QStringLiteral("concat")));
    QVERIFY(concat.description.contains(QStringLiteral("AdditiveAttention")));
    QVERIFY(concat.applicable);
    QVERIFY2(concat.maxAbsDiff < 1e-6, qPrintable(QString::number(concat.maxAbsDiff)));
    QVERIFY(concat.passed);

    const auto& mha = checkWith(QStringLiteral("MultiHeadAttention(num_heads=1"), QStringLiteral("d = 6"));
    QVERIFY(!mha.description.contains(QStringLiteral("masks")));
    QVERIFY(mha.conditions.contains(QStringLiteral("no masks")));
    QVERIFY(mha.applicable);
    QVERIFY2(mha.maxAbsDiff < 1e-5, qPrintable(QString::number(mha.maxAbsDiff)));
    QVERIFY(mha.passed);

    // With masks: causal row 0 sees key 0, which batch 1's value mask hides —
    // a fully masked row, left out and said so.
    const auto& masked = checkWith(QStringLiteral("MultiHeadAttention(num_heads=1"), QStringLiteral("masks"));
    QVERIFY(masked.applicable);
    QVERIFY2(masked.passed, qPrintable(QString::number(masked.maxAbsDiff) + masked.note));
    QVERIFY2(masked.note.contains(QStringLiteral("fully masked")), qPrintable(masked.note));

    // The different variants really differ: dot vs additive is not zero.
    const auto& dot = view.variants()[0].weights;
    const auto& additive = view.variants()[3].weights;
    double d = 0;
    for (size_t i = 0; i < dot.size(); ++i)
        d = std::max(d, std::fabs(double(dot[i]) - double(additive[i])));
    QVERIFY(d > 1e-3);

    const QImage shot = view.grab().toImage();
    QVERIFY(distinctColours(shot) > 20);
    saveShot(view, "mha_masks");
}

void TestCompareView::hoverShowsExactValues() {
    ui::CompareView view;
    core::Spec s = equalWidthSpec();
    s.queryTokens = {"a", "b", "c", "d"};
    s.sourceTokens = {"v", "w", "x", "y", "z"};
    s.shapes.batch = 1;
    s.valueMask.reset();
    view.resize(1200, 800);
    view.setSpec(s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto& v = view.variants()[3];
    QVERIFY(v.ok());
    const QString text = view.cellText(3, 2, 1);
    QVERIFY2(text.contains(QString::number(double(v.weights[2 * 5 + 1]), 'g', 9)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("(c)")) && text.contains(QStringLiteral("(w)")), qPrintable(text));
    QVERIFY(view.cellText(3, 9, 9).isEmpty());
    QVERIFY(view.cellText(42, 0, 0).isEmpty());

    // A real mouse move over the centre of cell (2, 1).
    QCustomPlot* plot = view.plot(3);
    QVERIFY(plot && plot->isVisible());
    const QPoint pos(int(plot->xAxis->coordToPixel(1)), int(plot->yAxis->coordToPixel(2)));
    QTest::mouseMove(plot, pos);
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), plot->mapToGlobal(QPointF(pos)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(plot, &move);
    const QList<QLabel*> labels = view.findChildren<QLabel*>();
    bool shown = false;
    for (const QLabel* l : labels)
        shown = shown || l->text() == text;
    QVERIFY2(shown, "hovering the cell puts its exact value in the status label");
    saveShot(view, "tokens");
}

void TestCompareView::unequalWidthsShowMessages() {
    ui::CompareView view;
    core::Spec s;
    s.shapes = {.batch = 1, .queryLen = 3, .sourceLen = 4, .queryFeatures = 6, .valueFeatures = 4};
    view.resize(1200, 800);
    view.setSpec(s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.weightsPanelCount(), int(view.variants().size()));
    for (int v = 0; v < 5; ++v) { // every Attention / AdditiveAttention variant
        QVERIFY(!view.variants()[size_t(v)].ok());
        QVERIFY(view.variants()[size_t(v)].message.contains(QStringLiteral("same width")));
        QVERIFY(!view.plot(v)->isVisible());
    }
    QVERIFY2(view.variants()[5].ok(), qPrintable(view.variants()[5].message)); // MultiHeadAttention
    QVERIFY(view.plot(5)->isVisible());
    QVERIFY(!view.checks().empty());
    for (const auto& c : view.checks())
        QVERIFY(!c.applicable);
    saveShot(view, "unequal_widths");
}

void TestCompareView::differenceAndSlices() {
    ui::CompareView view;
    view.resize(1200, 800);
    view.setSpec(equalWidthSpec());
    const auto before = view.variants()[5].weights; // MultiHeadAttention
    view.setSliceIndices(1, 1);
    const auto after = view.variants()[5].weights;
    QVERIFY(before != after);
    // The difference panel plots additive − dot by default.
    const QString diff = view.cellText(6, 1, 0); // the panel after the six variants
    QVERIFY(!diff.isEmpty());
    const double expected = double(view.variants()[3].weights[5]) - double(view.variants()[0].weights[5]);
    QVERIFY2(diff.contains(QString::number(double(float(expected)), 'g', 9)), qPrintable(diff));
    view.setSliceIndices(50, 50); // clamped
    QVERIFY(view.variants()[5].ok());
}

QTEST_MAIN(TestCompareView)
#include "test_compare_view.moc"
