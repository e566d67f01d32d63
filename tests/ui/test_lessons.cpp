// Lessons in the real window: predict-then-reveal (the stage hides the result,
// the answer is marked against the trace, the score counts), the built-in
// deck played with the keyboard alone in presentation mode, the two labs
// (the 1/√dₖ lab's "not Keras" switch reaching the stage), slide highlights
// on the stage and the inspector, a click-the-cell answer given on the stage,
// Save slide and the handout PDF.
#include "core/teach/lesson.h"
#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/labs/equivalence_lab_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/labs/scaling_lab_view.h"
#include "ui/stage/stage_view.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

// Shown, exposed and active, so the window's shortcuts (Page Down, 1…9) get keys.
void showActive(QWidget& w) {
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QApplication::setActiveWindow(&w);
}

QString lessonPath(const char* name) {
    return LessonPanel::resourceDir() + QStringLiteral("/lessons/") + name;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
private slots:
    void builtInDeckIsFound();
    void clickQuestionPredictThenReveal();
    void wrongAndUnansweredDoNotScore();
    void numberAndChooseQuestions();
    void deckPlaysWithTheKeyboardInPresentationMode();
    void badLessonSaysTheLine();
    void scalingLabMarksTheLayer();
    void notKerasSwitchReachesTheStage();
    void highlightsAndStageClickAnswers();
    void equivalenceLabPartsWhenAConditionIsUnticked();
    void saveSlideAppendsTheWindowState();
    void handoutIsWritten();
    void menusListExamplesLessonsAndShortcuts();
};

void TestLessons::builtInDeckIsFound() {
    QVERIFY(LessonPanel::builtInLessons().size() >= 8);
    QVERIFY(LessonPanel::exampleSpecs().size() >= 3);
}

void TestLessons::clickQuestionPredictThenReveal() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QString error;
    QVERIFY2(l->openLesson(lessonPath("01-dot-product-by-hand.md"), &error), qPrintable(error));
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("lessonDock"))->isVisible());
    QVERIFY(l->showSlide(1));
    QVERIFY(l->hasQuestion());
    QCOMPARE(w.controller()->currentStepData()->key, std::string("scores"));
    // Concealed: the stage shows "?", the inspector (which would tell) is hidden.
    QVERIFY(w.stage()->isConcealed());
    QVERIFY(!w.inspectorDock()->isVisible());
    QTableWidget* cells = l->cellTable();
    QCOMPARE(cells->columnCount(), 3);
    QCOMPARE(cells->item(0, 0)->text(), QStringLiteral("?"));
    QCOMPARE(cells->horizontalHeaderItem(1)->text(), QStringLiteral("cat")); // source tokens label the keys
    // The right cell, from the trace itself.
    const auto trace = w.controller()->trace();
    const core::Tensor& s = trace->find("scores")->value;
    int best = 0;
    for (int j = 1; j < 3; ++j)
        if (s.at({0, 1, j}) > s.at({0, 1, best}))
            best = j;
    QTest::mouseClick(cells->viewport(), Qt::LeftButton, {}, cells->visualItemRect(cells->item(0, best)).center());
    QVERIFY(l->reveal());
    QVERIFY(l->isRevealed());
    QVERIFY(!w.stage()->isConcealed());
    QVERIFY(l->resultText().contains(QStringLiteral("Right")));
    QCOMPARE(l->score().correctCount(), 1);
    QCOMPARE(l->score().answeredCount(), 1);
    QCOMPARE(cells->item(0, best)->text(), QString::number(s.at({0, 1, best}), 'f', 3));
    // After the reveal, the narration shows its second part (the numbers).
    QVERIFY(l->narrationText().contains(QString::number(s.at({0, 1, 2}), 'f', 3)));
}

void TestLessons::wrongAndUnansweredDoNotScore() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    QVERIFY(l->showSlide(1));
    const auto trace = w.controller()->trace();
    const core::Tensor& s = trace->find("scores")->value;
    int worst = 0;
    for (int j = 1; j < 3; ++j)
        if (s.at({0, 1, j}) < s.at({0, 1, worst}))
            worst = j;
    l->chooseCell({0, 1, worst});
    QVERIFY(!l->reveal());
    QVERIFY(l->resultText().contains(QStringLiteral("Not quite")));
    QCOMPARE(l->score().correctCount(), 0);
    QCOMPARE(l->score().answeredCount(), 1);
    // Revealed without an answer: not counted.
    QVERIFY(l->showSlide(3));
    QVERIFY(!l->reveal());
    QVERIFY(l->resultText().contains(QStringLiteral("without an answer")));
    QCOMPARE(l->score().answeredCount(), 1);
}

void TestLessons::numberAndChooseQuestions() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    QVERIFY(l->showSlide(2)); // number: the weight "cat" gives "sat"
    // The answer field has the focus: a student types at once, no click first.
    QTRY_VERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()) != nullptr);
    const float v = w.controller()->trace()->find("weights")->value.at({0, 1, 2});
    l->typeNumber(QStringLiteral("abc"));
    QVERIFY(!l->reveal());
    QVERIFY(!l->isRevealed()); // a typo does not spend the question
    l->typeNumber(QString::number(v + 0.004, 'f', 4));
    QVERIFY(l->reveal());
    QVERIFY(l->showSlide(3)); // choose-largest: which value row "cat" takes most from
    const core::Tensor& p = w.controller()->trace()->find("weights")->value;
    int best = 0;
    for (int j = 1; j < 3; ++j)
        if (p.at({0, 1, j}) > p.at({0, 1, best}))
            best = j;
    QTest::keyClick(&w, Qt::Key(Qt::Key_1 + best)); // keys 1…9 choose an option
    QVERIFY(l->reveal());
    QCOMPARE(l->score().correctCount(), 2);
}

void TestLessons::deckPlaysWithTheKeyboardInPresentationMode() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    for (const QString& path : LessonPanel::builtInLessons()) {
        QString error;
        QVERIFY2(l->openLesson(path, &error), qPrintable(path + QStringLiteral(": ") + error));
        w.setPresentationMode(true);
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("lessonDock"))->isVisible());
        const int slides = int(l->lesson().slides.size());
        int questions = 0;
        for (int guard = 0; guard < 3 * slides; ++guard) {
            const int before = l->slideIndex();
            if (l->hasQuestion() && !l->isRevealed()) {
                QVERIFY(w.stage()->isConcealed());
                QTest::keyClick(&w, Qt::Key_PageDown); // a clicker's "next" reveals first
                QVERIFY2(l->isRevealed(), qPrintable(path));
                QCOMPARE(l->slideIndex(), before);
                ++questions;
                continue;
            }
            if (before == slides - 1)
                break;
            QTest::keyClick(&w, Qt::Key_PageDown);
            QCOMPARE(l->slideIndex(), before + 1);
            // The slide's step and view are on screen.
            const core::Slide& s = l->lesson().slides[size_t(l->slideIndex())];
            QCOMPARE(w.controller()->currentStepData()->key, s.step);
            QCOMPARE(w.centreTabs()->currentIndex(), LessonPanel::tabOf(s.view));
        }
        QCOMPARE(l->slideIndex(), slides - 1);
        QVERIFY(l->isRevealed()); // every lesson ends with a question
        QVERIFY(questions >= 1);
        QTest::keyClick(&w, Qt::Key_PageUp);
        QCOMPARE(l->slideIndex(), slides - 2);
        w.setPresentationMode(false);
    }
}

void TestLessons::badLessonSaysTheLine() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.md"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# Bad\n\n## One\nspec: nowhere.json\nstep: weights\n");
    f.close();
    MainWindow w;
    QString error;
    QVERIFY(!w.lessons()->openLesson(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("bad.md:4: ")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("nowhere.json")));
    QVERIFY(w.statusMessage()->text().contains(QStringLiteral("bad.md:4")));
    QVERIFY(!w.lessons()->isOpen());
}

void TestLessons::scalingLabMarksTheLayer() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("02-why-scale.md")));
    QVERIFY(l->showSlide(2)); // view: scaling-lab, MHA key_dim 64
    QCOMPARE(w.centreTabs()->currentIndex(), LessonPanel::tabOf(core::SlideView::ScalingLab));
    ScalingLabView* lab = w.scalingLab();
    QVERIFY(lab->layerPoint());
    QCOMPARE(lab->layerPoint()->keyDim, 64);
    QCOMPARE(lab->points().front().keyDim, 1);
    QCOMPARE(lab->points().back().keyDim, 1024);
    for (int i = 0; i < 4; ++i) {
        QCustomPlot* p = lab->plot(i);
        QCOMPARE(p->graphCount(), 4); // unscaled, scaled, and this layer's two points
        QCOMPARE(p->graph(0)->dataCount(), int(lab->points().size()));
        QCOMPARE(p->graph(2)->dataCount(), 1);
        QCOMPARE(p->graph(2)->data()->begin()->key, 64.0);
    }
    QVERIFY(lab->caption().contains(QStringLiteral("key_dim 64")));
    // The plotted spread is the lab's own numbers.
    QCOMPARE(lab->plot(0)->graph(0)->data()->at(3)->value, lab->points()[3].spreadUnscaled);
}

void TestLessons::notKerasSwitchReachesTheStage() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    Controller* c = w.controller();
    const auto keras = c->trace();
    QVERIFY(keras && keras->find("scaled_query"));
    QVERIFY(keras->find("scaled_query")->value.values() != keras->find("query_dense")->value.values());
    QVERIFY(w.stage()->overlayNote().isEmpty());
    QCheckBox* box = w.scalingLab()->notKerasSwitch();
    QVERIFY(box && !box->isChecked());
    box->click();
    const auto unscaled = c->trace();
    QVERIFY(unscaled != keras);
    // The stage's trace is recomputed without 1/√dₖ: scores are q·k …
    QCOMPARE(unscaled->find("scaled_query")->value.values(), unscaled->find("query_dense")->value.values());
    const core::Tensor& sk = keras->find("scores")->value;
    const core::Tensor& su = unscaled->find("scores")->value;
    const double root = std::sqrt(double(c->traceSpec().config.keyDim));
    for (core::Index i = 0; i < sk.size(); ++i)
        QVERIFY(std::fabs(double(su.data()[i]) - double(sk.data()[i]) * root) < 1e-4 * (1 + std::fabs(su.data()[i])));
    // … and it says "not Keras" on the stage, in the status line and in the formula.
    QVERIFY2(w.stage()->overlayNote().contains(QStringLiteral("NOT KERAS")), qPrintable(w.stage()->overlayNote()));
    c->setCurrentStepByKey(QStringLiteral("scaled_query"));
    QVERIFY(QString::fromStdString(c->currentStepData()->formula).contains(QStringLiteral("not Keras")));
    QVERIFY2(w.statusMessage()->text().contains(QStringLiteral("not Keras")), qPrintable(w.statusMessage()->text()));
    QVERIFY(w.scalingLab()->caption().contains(QStringLiteral("NOT KERAS")));
    // The painted stage carries the red note.
    const QImage shot = w.stage()->grab().toImage();
    int red = 0;
    for (int y = 0; y < shot.height(); y += 2)
        for (int x = 0; x < shot.width(); x += 2)
            red += shot.pixelColor(x, y) == QColor(176, 0, 0);
    QVERIFY(red > 50);
    // Off again: Keras' numbers, no note.
    box->click();
    QCOMPARE(c->trace()->find("scores")->value.values(), sk.values());
    QVERIFY(w.stage()->overlayNote().isEmpty());
}

void TestLessons::highlightsAndStageClickAnswers() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    // Step scores, the row of "cat" highlighted (the question's row, not a hint at its
    // answer): "click the largest score of cat".
    QVERIFY(l->showSlide(1));
    const std::vector<std::pair<int, int>> slideCells{{1, 0}, {1, 1}, {1, 2}};
    QCOMPARE(w.stage()->highlights(), slideCells);
    QCOMPARE(w.heatmap()->highlightItemCount(), 3);
    w.stage()->repaint();
    auto orange = [&] {
        const QImage img = w.stage()->grab().toImage();
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                n += img.pixelColor(x, y) == QColor(255, 140, 0);
        return n;
    };
    QVERIFY(orange() > 20);
    // Stepping away from the slide's step hides them; back, they return.
    w.controller()->setCurrentStepByKey(QStringLiteral("weights"));
    QVERIFY(w.stage()->highlights().empty());
    QCOMPARE(w.heatmap()->highlightItemCount(), 0);
    QCOMPARE(orange(), 0);
    w.controller()->setCurrentStepByKey(QStringLiteral("scores"));
    QCOMPARE(w.stage()->highlights(), slideCells);

    // The answer, clicked on the stage's own result grid.
    const core::Tensor& s = w.controller()->trace()->find("scores")->value; // (1, T, S)
    int best = 0;
    for (int j = 1; j < int(s.dim(2)); ++j)
        if (s.at({0, 1, j}) > s.at({0, 1, best}))
            best = j;
    w.stage()->repaint();
    const QRectF cells = w.stage()->resultCellsRect();
    QVERIFY(!cells.isEmpty());
    const double cw = cells.width() / double(s.dim(2)), ch = cells.height() / double(s.dim(1));
    const QPoint at(int(cells.left() + (best + 0.5) * cw), int(cells.top() + 1.5 * ch));
    QTest::mouseClick(w.stage(), Qt::LeftButton, {}, at);
    QVERIFY(l->reveal());
    QCOMPARE(l->score().correctCount(), 1);
    // A click outside the question's row on the next try does not answer.
    QVERIFY(l->showSlide(1));
    QVERIFY(!l->chooseStageCell(0, best)); // row 0 is not "cat"
    QVERIFY(l->chooseStageCell(1, best));
}

void TestLessons::equivalenceLabPartsWhenAConditionIsUnticked() {
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    w.centreTabs()->setCurrentIndex(LessonPanel::tabOf(core::SlideView::EquivalenceLab));
    EquivalenceLabView* lab = w.equivalenceLab();
    lab->setClaim("mha-attention");
    QVERIFY2(lab->verdict().contains(QStringLiteral("holds")), qPrintable(lab->verdict()));
    QVERIFY(lab->table()->rowCount() >= 4);
    QCheckBox* scale = lab->conditionBox(QStringLiteral("scale"));
    QVERIFY(scale);
    scale->click();
    QVERIFY2(lab->verdict().contains(QStringLiteral("part at “scores”")), qPrintable(lab->verdict()));
    QCOMPARE(lab->unticked(), std::vector<std::string>{"scale"});
    bool differs = false;
    for (int r = 0; r < lab->table()->rowCount(); ++r)
        differs = differs || lab->table()->item(r, 4)->text() == QStringLiteral("differs");
    QVERIFY(differs);
    lab->setClaim("concat-additive");
    QVERIFY(lab->verdict().contains(QStringLiteral("holds")));
}

void TestLessons::saveSlideAppendsTheWindowState() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recorded.md"));
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    w.controller()->setCurrentStepByKey(QStringLiteral("weights"));
    QString error;
    QVERIFY2(w.lessons()->saveSlide(path, QStringLiteral("The weights"), &error), qPrintable(error));
    w.centreTabs()->setCurrentIndex(LessonPanel::tabOf(core::SlideView::EquivalenceLab));
    w.equivalenceLab()->setClaim("concat-additive", {"no_scale"});
    QVERIFY2(w.lessons()->saveSlide(path, QStringLiteral("Claim"), &error), qPrintable(error));
    const core::Lesson lesson = core::loadLesson(path.toStdString());
    QCOMPARE(lesson.slides.size(), size_t(2));
    QCOMPARE(lesson.slides[0].title, std::string("The weights"));
    QCOMPARE(lesson.slides[0].step, std::string("weights"));
    QCOMPARE(lesson.slides[1].view, core::SlideView::EquivalenceLab);
    QCOMPARE(lesson.slides[1].claim, std::string("concat-additive"));
    QCOMPARE(lesson.slides[1].untick, std::vector<std::string>{"no_scale"});
    core::verifyLesson(lesson);
    // It plays back: the same numbers.
    QVERIFY(w.lessons()->openLesson(path));
    QCOMPARE(w.controller()->currentStepData()->key, std::string("weights"));
}

void TestLessons::handoutIsWritten() {
    QTemporaryDir dir;
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    QString error;
    QVERIFY(!w.lessons()->exportHandout(dir.filePath(QStringLiteral("none.pdf")), &error)); // no lesson open
    QVERIFY(w.lessons()->openLesson(lessonPath("03-masks.md")));
    w.lessons()->showSlide(1);
    const QString pdf = dir.filePath(QStringLiteral("masks.pdf"));
    QVERIFY2(w.lessons()->exportHandout(pdf, &error), qPrintable(error));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QCOMPARE(bytes.count("/Type /Page") - bytes.count("/Type /Pages"), 4); // 3 slides + the answers
    QCOMPARE(w.lessons()->slideIndex(), 1); // the window comes back to the slide it showed

    // A lab slide's heatmap comes from the slide's own trace (the claim's left
    // side: identity kernels), not from the window's spec (random kernels).
    QVERIFY(w.lessons()->openLesson(lessonPath("06-mha-one-head-is-attention.md")));
    QVERIFY(w.lessons()->showSlide(0));
    const core::Slide& slide = w.lessons()->lesson().slides[0];
    QVERIFY(!slide.claim.empty());
    const QSize size(600, 300);
    const QImage handout = w.lessons()->handoutHeatmap(0, size).toImage();
    QVERIFY(!handout.isNull());
    auto render = [&](const core::Trace& t) {
        HeatmapView heat;
        heat.resize(size);
        heat.setTokens(w.controller()->queryTokens(), w.controller()->keyTokens());
        const auto shared = std::make_shared<const core::Trace>(t);
        heat.setStep(shared, shared->indexOf(slide.step));
        return heat.plot()->toPixmap(size.width(), size.height()).toImage();
    };
    const core::SlideTraces own = core::runSlide(w.lessons()->lesson(), slide);
    QCOMPARE(handout, render(own.trace));
    QVERIFY(handout != render(*w.controller()->trace())); // the window's trace has other numbers
}

void TestLessons::menusListExamplesLessonsAndShortcuts() {
    MainWindow w;
    QMenu* examples = w.findChild<QMenu*>(QStringLiteral("examplesMenu"));
    QMenu* lessons = w.findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(examples && lessons);
    QVERIFY(lessons->actions().size() >= 8);
    QVERIFY(examples->actions().size() >= 3 + 1 + 8);
    bool described = false;
    for (QAction* a : examples->actions())
        described = described || a->text().contains(QStringLiteral(" — "));
    QVERIFY(described); // one line each: name — description
    QStringList shortcuts;
    for (QAction* a : w.actions())
        for (const QKeySequence& k : a->shortcuts())
            shortcuts << k.toString();
    for (const char* k : {"PgDown", "PgUp", "F5", "F1", "Ctrl+L"})
        QVERIFY2(shortcuts.contains(QString::fromLatin1(k)), k);
}

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
