// The Query–key space view: one point per query and key of the head, told
// apart by shape and colour, labelled by token and position; hovering a
// query (a real mouse move over its pixel) draws lines to its most-attended
// keys with the trace's weights; head and batch change the picture; and the
// window's View menu and tab show it for the current trace.
#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/qk_space/qk_space_view.h"

#include "core/layers/run.h"

#include <qcustomplot.h>

#include <QAction>
#include <QSpinBox>
#include <QTabWidget>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace attnviz;

namespace {

std::shared_ptr<const core::Trace> mhaTrace(int heads, core::Index B = 1) {
    core::Spec s;
    s.config.layer = core::LayerKind::MultiHeadAttention;
    s.config.numHeads = heads;
    s.config.keyDim = 4;
    s.shapes = {.batch = B, .queryLen = 5, .sourceLen = 6, .queryFeatures = 8, .valueFeatures = 8, .keyFeatures = {}};
    s.seed = 3;
    return std::make_shared<const core::Trace>(core::run(s));
}

int textItemsWith(QCustomPlot* plot, const QString& text) {
    int n = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* t = qobject_cast<QCPItemText*>(plot->item(i)); t && t->text() == text)
            ++n;
    return n;
}

} // namespace

class TestQkSpaceView : public QObject {
    Q_OBJECT
private slots:
    void pointsShapesAndLabels() {
        QkSpaceViewHolder h;
        const auto trace = mhaTrace(2);
        h.view.setTrace(trace,
                        {QStringLiteral("the"), QStringLiteral("cat"), QStringLiteral("sat"), QStringLiteral("on"),
                         QStringLiteral("it")},
                        {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                         QStringLiteral("e"), QStringLiteral("f")});
        QCustomPlot* plot = h.view.plot();
        QCOMPARE(plot->graphCount(), 2);
        QCOMPARE(plot->graph(0)->dataCount(), 5); // queries
        QCOMPARE(plot->graph(1)->dataCount(), 6); // keys
        QVERIFY(plot->graph(0)->scatterStyle().shape() != plot->graph(1)->scatterStyle().shape());
        QVERIFY(plot->graph(0)->scatterStyle().brush().color() != plot->graph(1)->scatterStyle().brush().color());
        QCOMPARE(textItemsWith(plot, QStringLiteral("cat·1")), 1);
        QCOMPARE(textItemsWith(plot, QStringLiteral("f·5")), 1);
        QVERIFY(plot->graph(1)->name().contains(QStringLiteral("mean(q)")));
        QVERIFY(h.view.caption().contains(QStringLiteral("unchanged")));
        // The drawn coordinates are the core's.
        const core::QkSpace& s = *h.view.space();
        QCOMPARE(plot->graph(0)->data()->size(), 5);
        std::vector<double> xs;
        for (auto it = plot->graph(0)->data()->constBegin(); it != plot->graph(0)->data()->constEnd(); ++it)
            xs.push_back(it->key);
        std::vector<double> want;
        for (int t = 0; t < 5; ++t)
            want.push_back(s.queries(t, 0));
        std::sort(want.begin(), want.end());
        for (size_t i = 0; i < 5; ++i)
            QVERIFY(std::abs(xs[i] - want[i]) < 1e-6);
        // Head 1 is another picture.
        const double before = s.queries(0, 0);
        h.view.setHead(1);
        QCOMPARE(h.view.space()->head, core::Index(1));
        QVERIFY(h.view.space()->queries(0, 0) != before);
    }

    void hoveringAQueryDrawsItsTopKeys() {
        QkSpaceViewHolder h;
        const auto trace = mhaTrace(2, 2);
        h.view.setTrace(trace);
        h.view.setBatch(1);
        h.view.resize(700, 500);
        h.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.view));
        h.view.plot()->replot();
        const int t = 2;
        const QPoint at = h.view.queryPixel(t).toPoint();
        QTest::mouseMove(h.view.plot(), at);
        QTRY_COMPARE(h.view.hoveredQuery(), t);
        const core::QkSpace& s = *h.view.space();
        // The three largest weights of row t, in order, written on the lines.
        std::vector<int> order(size_t(s.S));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return s.weights(t, a) > s.weights(t, b); });
        QCOMPARE(int(h.view.hoverKeys().size()), ui::QkSpaceView::kTopKeys);
        QStringList texts = h.view.hoverTexts();
        for (int j = 0; j < ui::QkSpaceView::kTopKeys; ++j) {
            QCOMPARE(h.view.hoverKeys()[size_t(j)], order[size_t(j)]);
            const float w = trace->find("weights")->value.at({1, 0, t, order[size_t(j)]});
            QCOMPARE(texts[j], QString::number(double(w), 'f', 3));
        }
        // Away from every query: no lines.
        QTest::mouseMove(h.view.plot(), QPoint(2, 2));
        QTRY_COMPARE(h.view.hoveredQuery(), -1);
        QVERIFY(h.view.hoverTexts().isEmpty());
    }

    void additiveSaysWhyKeysStay() {
        QkSpaceViewHolder h;
        core::Spec s;
        s.config.layer = core::LayerKind::AdditiveAttention;
        s.shapes = {
            .batch = 1, .queryLen = 3, .sourceLen = 4, .queryFeatures = 5, .valueFeatures = 5, .keyFeatures = {}};
        h.view.setTrace(std::make_shared<const core::Trace>(core::run(s)));
        QVERIFY(!h.view.space()->shifted);
        QVERIFY(h.view.caption().contains(QStringLiteral("tanh")));
        QVERIFY(h.view.plot()->graph(1)->name() == QStringLiteral("keys k (triangles)"));
        QVERIFY(!h.view.findChild<QSpinBox*>(QStringLiteral("qkHead"))->isEnabled());
    }

    void windowMenuShowsTheTab() {
        ui::MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* action = w.findChild<QAction*>(QStringLiteral("qkSpaceAction"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(w.centreTabs()->currentWidget()->isAncestorOf(w.qkSpaceView()) ||
                w.centreTabs()->currentWidget() == w.qkSpaceView());
        QVERIFY(w.qkSpaceView()->space().has_value());
        QCOMPARE(w.qkSpaceView()->space()->T, w.controller()->trace()->find("weights")->value.dim(-2));
        QVERIFY(!w.grab().isNull());
    }

private:
    struct QkSpaceViewHolder {
        ui::QkSpaceView view;
    };
};

QTEST_MAIN(TestQkSpaceView)
#include "test_qk_space_view.moc"
