// StageView: every step of every layer renders at the start, middle and end
// of its animation, lines up its operands (no fallback), and the animation
// and scrubbing API behave. Set ATTNVIZ_STAGE_SHOTS=<dir> to save every frame.
#include "ui/stage/stage_view.h"

#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_scene.h"

#include "core/layers/run.h"
#include "core/teach/narration.h"

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace attnviz;

namespace {

core::Tensor tensor(core::Shape shape, std::vector<float> data) {
    return core::Tensor(std::move(shape), std::move(data));
}

struct Case {
    const char* name;
    core::Spec spec;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    {
        // MHA with every mask source, the Transformer sub-layer and training dropout.
        core::Spec s;
        s.config.layer = core::LayerKind::MultiHeadAttention;
        s.config.numHeads = 2;
        s.config.keyDim = 3;
        s.config.valueDim = 4;
        s.config.transformerSublayer = true;
        s.config.dropout = 0.3f;
        s.call.training = true;
        s.call.useCausalMask = true;
        s.shapes = {
            .batch = 2, .queryLen = 4, .sourceLen = 5, .queryFeatures = 6, .valueFeatures = 6, .keyFeatures = 5};
        s.queryMask = tensor({2, 4}, {1, 1, 1, 0, 1, 1, 1, 1});
        s.valueMask = tensor({2, 5}, {1, 1, 1, 1, 0, 1, 0, 1, 1, 1});
        s.keyMask = tensor({2, 5}, {1, 1, 1, 1, 1, 1, 1, 0, 1, 1});
        s.seed = 7;
        out.push_back({"mha_masks_sublayer_dropout", s});
    }
    {
        // T = S = key_dim: the product's operands can only be told apart by axis names.
        core::Spec s;
        s.config.numHeads = 3;
        s.config.keyDim = 4;
        s.shapes = {.batch = 1, .queryLen = 4, .sourceLen = 4, .queryFeatures = 4, .valueFeatures = 4};
        std::vector<float> am(16, 1.0f);
        am[3] = am[6] = 0.0f;
        s.attentionMask = tensor({1, 4, 4}, am);
        s.seed = 3;
        out.push_back({"mha_square_attention_mask", s});
    }
    {
        // GroupQueryAttention: 6 query heads sharing 2 key/value heads, a causal
        // sliding window with padding (each mask part a step), the gate, and a
        // per-head attention_mask.
        core::Spec s;
        s.config.layer = core::LayerKind::GroupQueryAttention;
        s.config.numHeads = 6;
        s.config.numKeyValueHeads = 2;
        s.config.keyDim = 3;
        s.config.slidingWindow = 3;
        s.config.useGate = true;
        s.call.useCausalMask = true;
        s.shapes = {.batch = 2, .queryLen = 5, .sourceLen = 5, .queryFeatures = 6, .valueFeatures = 6};
        std::vector<float> am(size_t(2 * 6 * 5 * 5), 1.0f); // padding folded in: a rank-4 mask goes alone
        for (int t = 0; t < 5; ++t)
            for (int h = 0; h < 6; ++h)
                am[size_t(((1 * 6 + h) * 5 + t) * 5 + 3)] = am[size_t(((1 * 6 + h) * 5 + t) * 5 + 4)] = 0.0f;
        am[7] = am[40] = 0.0f;
        s.attentionMask = tensor({2, 6, 5, 5}, am);
        s.seed = 5;
        out.push_back({"gqa_window_gate_per_head_mask", s});
    }
    {
        // Multi-head attention with a sliding window alone and a gate.
        core::Spec s;
        s.config.numHeads = 2;
        s.config.keyDim = 4;
        s.config.slidingWindow = 2;
        s.config.useGate = true;
        s.shapes = {.batch = 1, .queryLen = 6, .sourceLen = 6, .queryFeatures = 8, .valueFeatures = 8};
        s.seed = 8;
        out.push_back({"mha_window_gate", s});
    }
    {
        // Large enough that every grid is a heatmap without numbers.
        core::Spec s;
        s.config.numHeads = 4;
        s.config.keyDim = 16;
        s.shapes = {.batch = 1, .queryLen = 40, .sourceLen = 48, .queryFeatures = 32, .valueFeatures = 32};
        s.call.useCausalMask = true;
        out.push_back({"mha_large", s});
    }
    {
        core::Spec s;
        s.config.layer = core::LayerKind::Attention;
        s.config.useScale = true;
        s.call.useCausalMask = true;
        s.shapes = {.batch = 2, .queryLen = 3, .sourceLen = 4, .queryFeatures = 5, .valueFeatures = 5};
        s.queryMask = tensor({2, 3}, {1, 1, 0, 1, 1, 1});
        s.valueMask = tensor({2, 4}, {1, 1, 0, 1, 0, 1, 1, 1});
        out.push_back({"attention_dot_scale_masks", s});
    }
    {
        core::Spec s;
        s.config.layer = core::LayerKind::Attention;
        s.config.dropout = 0.25f;
        s.call.training = true;
        s.shapes = {
            .batch = 1, .queryLen = 3, .sourceLen = 4, .queryFeatures = 5, .valueFeatures = 5, .keyFeatures = 5};
        out.push_back({"attention_dot_dropout_key", s});
    }
    {
        core::Spec s;
        s.config.layer = core::LayerKind::Attention;
        s.config.scoreMode = core::ScoreMode::Concat;
        s.config.useScale = true;
        s.shapes = {.batch = 2, .queryLen = 3, .sourceLen = 4, .queryFeatures = 5, .valueFeatures = 5};
        s.valueMask = tensor({2, 4}, {1, 1, 1, 0, 1, 0, 1, 1});
        out.push_back({"attention_concat_masks", s});
    }
    {
        core::Spec s;
        s.config.layer = core::LayerKind::Attention;
        s.config.scoreMode = core::ScoreMode::Concat;
        s.shapes = {.batch = 1, .queryLen = 3, .sourceLen = 3, .queryFeatures = 4, .valueFeatures = 4};
        out.push_back({"attention_concat_noscale", s});
    }
    {
        core::Spec s;
        s.config.layer = core::LayerKind::AdditiveAttention;
        s.call.useCausalMask = true;
        s.shapes = {.batch = 1, .queryLen = 4, .sourceLen = 4, .queryFeatures = 3, .valueFeatures = 3};
        s.queryMask = tensor({1, 4}, {1, 1, 0, 1});
        s.valueMask = tensor({1, 4}, {1, 1, 1, 0});
        s.queryTokens = {"the", "cat", "sat", "down"};
        s.sourceTokens = {"le", "chat", "assis", "là"};
        out.push_back({"additive_masks_tokens", s});
    }
    return out;
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); x += 2)
            colours.insert(line[x]);
        if (colours.size() > 64)
            break;
    }
    return int(colours.size());
}

/// How many matrices the stage must show for a step, from its op kind alone.
int expectedGrids(const core::Trace& trace, const core::Step& s) {
    switch (s.op) {
    case core::OpKind::Input: return s.inputs.empty() ? 1 : int(s.inputs.size()) + 1; // a mask and its parts
    case core::OpKind::Einsum:
    case core::OpKind::Dense:
    case core::OpKind::TanhSum:
    case core::OpKind::Mask: return 3;
    case core::OpKind::Softmax:
    case core::OpKind::Scale:
    case core::OpKind::Dropout:
    case core::OpKind::LayerNorm: return 2;
    case core::OpKind::Add:
    case core::OpKind::Multiply: return int(s.inputs.size()) + 1;
    case core::OpKind::Repeat: { // (B, S, N, H): the key/value heads + one copy per query head
        const core::Step* in = trace.find(s.inputs.at(0));
        return in ? int(in->value.dim(2) + s.value.dim(2)) : -1;
    }
    case core::OpKind::Concat: {
        const core::Step* in = trace.find(s.inputs.at(0));
        return in ? int(in->value.dim(2)) + 1 : -1; // (B, T, H, Hv): heads + the result
    }
    }
    return -1;
}

} // namespace

class TestStageView : public QObject {
    Q_OBJECT
private slots:
    void everyStepOfEveryLayerRenders_data();
    void everyStepOfEveryLayerRenders();
    void animationFillsTheResult();
    void scrubbingEmitsProgress();
    void replayRunsToTheEnd();
    void sliceAndTokensAndZoom();
    void renderImageForExport();
    void emptyTraceIsHarmless();
    void denseProductsNarrateTheCoresNumbers();
    void repeatedHeadsAreNamedByWhatTheyFeed();
};

void TestStageView::everyStepOfEveryLayerRenders_data() {
    QTest::addColumn<int>("caseIndex");
    const auto all = cases();
    for (size_t i = 0; i < all.size(); ++i)
        QTest::newRow(all[i].name) << int(i);
}

void TestStageView::everyStepOfEveryLayerRenders() {
    QFETCH(int, caseIndex);
    const Case c = cases()[size_t(caseIndex)];
    auto trace = std::make_shared<const core::Trace>(core::run(c.spec));
    QVERIFY(!trace->steps.empty());
    const QString shots = qEnvironmentVariable("ATTNVIZ_STAGE_SHOTS");
    if (!shots.isEmpty())
        QDir().mkpath(shots);

    ui::StageView view;
    view.resize(1100, 640);
    view.setTrace(trace);
    view.setSliceIndices(1, 1);
    if (!c.spec.queryTokens.empty()) {
        QStringList q, k;
        for (const auto& t : c.spec.queryTokens)
            q << QString::fromStdString(t);
        for (const auto& t : c.spec.sourceTokens)
            k << QString::fromStdString(t);
        view.setTokens(q, k);
    }
    QSet<int> opsSeen;
    for (int i = 0; i < int(trace->steps.size()); ++i) {
        const core::Step& step = trace->steps[size_t(i)];
        const QByteArray where = QByteArray(c.name) + " step " + QByteArray::fromStdString(step.key);
        view.setCurrentStep(i);
        QCOMPARE(view.currentStep(), i);
        QVERIFY2(view.gridCount() == expectedGrids(*trace, step),
                 (where + ": grids " + QByteArray::number(view.gridCount()) + ", expected " +
                  QByteArray::number(expectedGrids(*trace, step)) + "; notice: " + view.notice().toUtf8())
                     .constData());
        if (step.op != core::OpKind::Input)
            QVERIFY2(view.notice().isEmpty(), (where + ": " + view.notice().toUtf8()).constData());
        opsSeen.insert(int(step.op));
        for (double p : {0.0, 0.5, 1.0}) {
            view.setProgress(p);
            const QImage img = view.grab().toImage();
            QVERIFY2(!img.isNull(), where.constData());
            QVERIFY2(distinctColours(img) > 2, (where + " at progress " + QByteArray::number(p)).constData());
            if (!shots.isEmpty())
                img.save(QStringLiteral("%1/stage_%2_%3_%4.png")
                             .arg(shots, QString::fromLatin1(c.name), QString::fromStdString(step.key))
                             .arg(int(p * 100)));
        }
    }
    QVERIFY(opsSeen.size() >= 4); // at least inputs, scores, softmax, weighted sum
}

void TestStageView::animationFillsTheResult() {
    core::Spec s;
    s.shapes = {.batch = 1, .queryLen = 3, .sourceLen = 4, .queryFeatures = 6, .valueFeatures = 6};
    auto trace = std::make_shared<const core::Trace>(core::run(s));
    ui::StageView view;
    view.resize(900, 560);
    view.setTrace(trace);
    const int scores = trace->indexOf("scores");
    QVERIFY(scores >= 0);
    view.setCurrentStep(scores);
    view.setProgress(0.0);
    const QImage start = view.grab().toImage();
    view.setProgress(0.3);
    const QImage middle = view.grab().toImage();
    view.setProgress(1.0);
    const QImage end = view.grab().toImage();
    QVERIFY(start != middle);
    QVERIFY(middle != end);
    QVERIFY(start != end);
}

void TestStageView::scrubbingEmitsProgress() {
    auto trace = std::make_shared<const core::Trace>(core::run(core::Spec{}));
    ui::StageView view;
    view.setTrace(trace);
    view.setCurrentStep(trace->indexOf("weights"));
    QSignalSpy spy(&view, &ui::StageView::progressChanged);
    view.setProgress(0.25);
    QVERIFY(!view.isPlaying());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toDouble(), 0.25);
    QCOMPARE(view.progress(), 0.25);
    view.setProgress(0.75);
    QCOMPARE(view.progress(), 0.75);
    QCOMPARE(spy.count(), 1);
    view.setProgress(2.0); // clamped
    QCOMPARE(view.progress(), 1.0);
    view.setProgress(-1.0);
    QCOMPARE(view.progress(), 0.0);
}

void TestStageView::replayRunsToTheEnd() {
    auto trace = std::make_shared<const core::Trace>(core::run(core::Spec{}));
    ui::StageView view;
    view.setTrace(trace);
    view.setSpeed(10.0); // 0.3 s
    QSignalSpy finished(&view, &ui::StageView::animationFinished);
    view.setCurrentStep(trace->indexOf("context"));
    QVERIFY(view.isPlaying());
    QCOMPARE(view.progress(), 0.0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(view.progress(), 1.0);
    view.setProgress(0.5);
    view.replay();
    QVERIFY(view.isPlaying());
    QVERIFY(view.progress() < 0.5);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
}

void TestStageView::sliceAndTokensAndZoom() {
    core::Spec s;
    s.config.numHeads = 3;
    s.shapes.batch = 2;
    auto trace = std::make_shared<const core::Trace>(core::run(s));
    ui::StageView view;
    view.resize(900, 560);
    view.setTrace(trace);
    view.setCurrentStep(trace->indexOf("weights"));
    view.setProgress(1.0);
    const QImage head0 = view.grab().toImage();
    view.setSliceIndices(1, 2);
    const QImage head2 = view.grab().toImage();
    QVERIFY(head0 != head2);
    view.setSliceIndices(99, 99); // clamped to the last batch and head: the same picture as (1, 2)
    const QImage clamped = view.grab().toImage();
    QVERIFY(distinctColours(clamped) > 2);
    QCOMPARE(clamped, head2);
    view.setTokens({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
                   {QStringLiteral("w"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
    const QImage tokens = view.grab().toImage();
    view.setZoom(2.0);
    QCOMPARE(view.zoom(), 2.0);
    const QImage zoomed = view.grab().toImage();
    QVERIFY(tokens != zoomed);
    QVERIFY(distinctColours(zoomed) > 2);
}

void TestStageView::renderImageForExport() {
    auto trace = std::make_shared<const core::Trace>(core::run(core::Spec{}));
    ui::StageView view;
    view.setTrace(trace);
    view.setCurrentStep(trace->indexOf("query_dense"));
    view.setProgress(1.0);
    const QImage img = view.renderImage(QSize(1600, 900));
    QCOMPARE(img.size(), QSize(1600, 900));
    QVERIFY(distinctColours(img) > 2);
}

void TestStageView::emptyTraceIsHarmless() {
    ui::StageView view;
    view.resize(400, 300);
    view.setCurrentStep(3);
    view.setProgress(0.5);
    QVERIFY(!view.grab().toImage().isNull());
    view.setTrace(std::make_shared<const core::Trace>());
    view.setCurrentStep(0);
    QCOMPARE(view.gridCount(), 0);
    view.setTrace(nullptr);
    QVERIFY(!view.grab().toImage().isNull());
}

// GroupQueryAttention's repeat scene names the key heads K and the value heads
// V from what reads them (the value heads are multiplied by the weights, or by
// their dropout in training), not from the steps' key names.
void TestStageView::repeatedHeadsAreNamedByWhatTheyFeed() {
    for (const bool training : {false, true}) {
        core::Spec s;
        s.config.layer = core::LayerKind::GroupQueryAttention;
        s.config.numHeads = 4;
        s.config.numKeyValueHeads = 2;
        s.config.keyDim = 3;
        s.config.dropout = training ? 0.3f : 0.0f;
        s.call.training = training;
        s.seed = 5;
        const core::Trace trace = core::run(s);
        for (const auto& [key, letter] : {std::pair{"key_repeated", "K"}, std::pair{"value_repeated", "V"}}) {
            const auto scene = ui::stage::buildScene(trace, trace.indexOf(key), 0, 0, {});
            QVERIFY(scene);
            QVERIFY2(scene->grids.size() >= 2, key);
            QCOMPARE(scene->grids[0].name, QStringLiteral("%1 0").arg(QLatin1String(letter)));
            QCOMPARE(scene->grids[1].name, QStringLiteral("%1 1").arg(QLatin1String(letter)));
        }
    }
}

QTEST_MAIN(TestStageView)

// The Dense scene's narrated cells are the core's (core::productCell): the
// factors x·W term by term, the bias, and the trace's value, at the slice shown.
void TestStageView::denseProductsNarrateTheCoresNumbers() {
    core::Spec spec = cases()[0].spec;
    spec.call.training = false;
    auto trace = std::make_shared<const core::Trace>(core::run(spec));
    ui::StageView view;
    view.resize(1000, 700);
    view.setTrace(trace);
    const int batch = 1;
    view.setSliceIndices(batch, 1);
    int checked = 0;
    for (int k = 0; k < int(trace->steps.size()); ++k) {
        const core::Step& step = trace->steps[size_t(k)];
        if (step.op != core::OpKind::Dense)
            continue;
        view.setCurrentStep(k);
        const auto& details = view.scene().details;
        QVERIFY2(!details.empty(), step.key.c_str());
        const core::Tensor& v = step.value;
        const core::Index cols = v.rank() == 4 ? v.dim(2) * v.dim(3) : v.dim(2);
        for (size_t d = 0; d < details.size(); ++d) {
            const core::Index i = core::Index(d) / cols, j = core::Index(d) % cols;
            const std::vector<core::Index> cell = v.rank() == 4
                                                      ? std::vector<core::Index>{batch, i, j / v.dim(3), j % v.dim(3)}
                                                      : std::vector<core::Index>{batch, i, j};
            const core::ProductCell c = core::productCell(*trace, step, cell).value();
            const QString rhs = details[d].rhs;
            bool ok = false;
            const double shown =
                QString(rhs).remove(QStringLiteral("= ")).replace(QChar(0x2212), QLatin1Char('-')).toDouble(&ok);
            QVERIFY2(ok, qPrintable(rhs));
            QVERIFY2(std::abs(shown - double(c.value)) <= 0.006 + 1e-3 * std::abs(double(c.value)),
                     qPrintable(QStringLiteral("%1 cell %2: shown %3, core %4")
                                    .arg(QString::fromStdString(step.key))
                                    .arg(d)
                                    .arg(rhs)
                                    .arg(c.value)));
            const int factors = int(std::min<size_t>(c.left.size(), c.left.size() > 7 ? 7 : c.left.size()));
            QCOMPARE(int(details[d].terms.size()), factors + (c.bias ? 1 : 0));
            ++checked;
        }
    }
    QVERIFY(checked >= 6); // query, key and value projections and the output projection, several cells each
}
#include "test_stage_view.moc"
