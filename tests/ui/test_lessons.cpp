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
#include "ui/stage/stage_scene.h"
#include "ui/stage/stage_view.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
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
    void scoreLineCountsThisLesson();
    void leavingPresentationLeaksNoAnswer();
    void keyboardCursorAnswersClickQuestions();
    void stageNarratesTheAskedRow();
    void narratedProductsAddUp();
    void equivalenceLabHidesItsVerdictUntilReveal();
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
    // The right cell (click the smallest score of "cat"), from the trace itself.
    const auto trace = w.controller()->trace();
    const core::Tensor& s = trace->find("scores")->value;
    int best = 0;
    for (int j = 1; j < 3; ++j)
        if (s.at({0, 1, j}) < s.at({0, 1, best}))
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
    int worst = 0; // the largest score: wrong for "click the smallest"
    for (int j = 1; j < 3; ++j)
        if (s.at({0, 1, j}) > s.at({0, 1, worst}))
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
    QCOMPARE(l->score().correctCount(), 1);
    // choose-largest (lesson 2, slide 1): which width saturates more, from the two traces.
    QVERIFY(l->openLesson(lessonPath("02-why-scale.md")));
    QVERIFY(l->hasQuestion());
    const core::Slide& slide = l->lesson().slides[0];
    const core::SlideTraces t = core::runSlide(l->lesson(), slide);
    const auto top = [](const core::Trace& tr) {
        const auto& vals = tr.find("weights")->value.values();
        return *std::max_element(vals.begin(), vals.end());
    };
    const int best = top(*t.other) > top(t.trace) ? 1 : 0;
    QTest::keyClick(&w, Qt::Key(Qt::Key_1 + best)); // keys 1…9 choose an option
    QVERIFY(l->reveal());
    QCOMPARE(l->score().correctCount(), 1); // a new lesson starts a new score
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

void TestLessons::scoreLineCountsThisLesson() {
    // "Score 2/0 · 0 questions" was the total of questions in the place of the right answers.
    QCOMPARE(LessonPanel::scoreText(1, 2, 3), QStringLiteral("Score: 1 right of 2 answered · 3 questions"));
    QCOMPARE(LessonPanel::scoreText(0, 0, 1), QStringLiteral("Score: 0 right of 0 answered · 1 question"));
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    int questions = 0;
    for (const core::Slide& s : l->lesson().slides)
        questions += s.question ? 1 : 0;
    QCOMPARE(l->scoreLine(), LessonPanel::scoreText(0, 0, questions));
    QVERIFY(l->showSlide(2));
    l->typeNumber(QStringLiteral("5")); // wrong: a weight is at most 1
    QVERIFY(!l->reveal());
    QCOMPARE(l->scoreLine(), LessonPanel::scoreText(0, 1, questions));
    // Another lesson starts from nothing and counts its own questions.
    QVERIFY(l->openLesson(lessonPath("07-additive-vs-dot.md")));
    int questions7 = 0;
    for (const core::Slide& s : l->lesson().slides)
        questions7 += s.question ? 1 : 0;
    QCOMPARE(l->scoreLine(), LessonPanel::scoreText(0, 0, questions7));
}

void TestLessons::leavingPresentationLeaksNoAnswer() {
    // Page Up back to a question in F5, then leave F5: the docks come back, but
    // the inspector (the answer's heatmap) must stay hidden while the stage shows "?".
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(w.inspectorDock()->isVisible());
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    w.setPresentationMode(true);
    QVERIFY(l->showSlide(1));
    QTest::keyClick(&w, Qt::Key_PageDown); // reveal
    QVERIFY(l->isRevealed());
    QTest::keyClick(&w, Qt::Key_PageDown); // next slide, another question
    QTest::keyClick(&w, Qt::Key_PageUp);   // back to the first question, concealed again
    QCOMPARE(l->slideIndex(), 1);
    QVERIFY(w.stage()->isConcealed());
    w.setPresentationMode(false);
    QApplication::processEvents();
    QVERIFY(w.stage()->isConcealed());
    QVERIFY(!w.inspectorDock()->isVisible());
    // Revealed, the inspector the user had open comes back.
    l->reveal();
    QVERIFY(l->isRevealed());
    QVERIFY(w.inspectorDock()->isVisible());
}

void TestLessons::keyboardCursorAnswersClickQuestions() {
    // A click-the-cell question from the keyboard (or a clicker's arrow keys):
    // the arrows move a cursor over the question's cells on the stage, Enter
    // chooses, Page Down reveals. The arrows no longer change the step meanwhile.
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    w.setPresentationMode(true);
    QVERIFY(l->showSlide(1)); // click the smallest score of "cat": scores[0,1,:]
    w.stage()->setFocus();
    const core::Tensor& s = w.controller()->trace()->find("scores")->value;
    int best = 0;
    for (int j = 1; j < int(s.dim(2)); ++j)
        if (s.at({0, 1, j}) < s.at({0, 1, best}))
            best = j;
    QCOMPARE(w.stage()->cursorCell(), std::optional(std::pair{1, 0})); // "cat", the first key
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);        // one row: the cursor stays in it
    QCOMPARE(w.stage()->cursorCell(), std::optional(std::pair{1, 0}));
    for (int i = 0; i < best; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(w.stage()->cursorCell(), std::optional(std::pair{1, best}));
    QCOMPARE(w.controller()->currentStepData()->key, std::string("scores")); // → did not step
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::keyClick(&w, Qt::Key_PageDown);
    QVERIFY(l->isRevealed());
    QCOMPARE(l->score().correctCount(), 1);
    QVERIFY(!w.stage()->cursorCell()); // revealed: no cursor
    // With the question answered, → steps again.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QVERIFY(w.controller()->currentStepData()->key != std::string("scores"));
    w.setPresentationMode(false);
}

void TestLessons::stageNarratesTheAskedRow() {
    // The stage explains the row the slide asks about, not row 0 or the first open row.
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("01-dot-product-by-hand.md")));
    QVERIFY(l->showSlide(1)); // scores, the row of "cat"
    l->reveal();              // a concealed stage narrates no numbers
    const StageScene& product = w.stage()->scene();
    QVERIFY(!product.details.empty());
    for (const CellDetail& d : product.details)
        QVERIFY2(d.lhs.contains(QStringLiteral("[1, ")), qPrintable(d.lhs));
    QCOMPARE(w.stage()->focusRow(), 1);
    QVERIFY(l->showSlide(2)); // weights of "cat"
    QCOMPARE(w.stage()->scene().focusRow, 1);
    l->reveal();
    QCOMPARE(w.stage()->scene().focusRow, 1); // after Reveal too
    // Lesson 3: the fully masked row 0 is asked about; the first row with two open keys is another.
    QVERIFY(l->openLesson(lessonPath("03-masks.md")));
    for (int i = 0; i < int(l->lesson().slides.size()); ++i) {
        const core::Slide& slide = l->lesson().slides[size_t(i)];
        if (slide.step != "weights" || slide.highlight.empty() || slide.view != core::SlideView::Stage)
            continue;
        QVERIFY(l->showSlide(i));
        QCOMPARE(w.stage()->scene().focusRow, int(slide.highlight.front().first));
    }
}

void TestLessons::narratedProductsAddUp() {
    // Every narrated product on the deck's stages reads right: the shown
    // factors, multiplied and added, round to the shown result.
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    const auto number = [](QString t) {
        t.replace(QChar(0x2212), QLatin1Char('-')).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
        bool ok = false;
        const double v = t.trimmed().toDouble(&ok);
        return ok ? std::optional(v) : std::nullopt;
    };
    int checked = 0;
    for (const QString& path : LessonPanel::builtInLessons()) {
        QVERIFY(l->openLesson(path));
        for (int i = 0; i < int(l->lesson().slides.size()); ++i) {
            QVERIFY(l->showSlide(i));
            l->reveal();
            for (const CellDetail& d : w.stage()->scene().details) {
                if (d.terms.join(QString()).contains(QStringLiteral("…")))
                    continue; // not every term shown
                double sum = 0;
                bool parsed = true;
                for (QString t : d.terms) {
                    if (t.startsWith(QStringLiteral("bias "))) {
                        const auto b = number(t.mid(5));
                        parsed = parsed && b;
                        sum += b.value_or(0);
                        continue;
                    }
                    const QStringList f = t.split(QStringLiteral("×"));
                    const auto a = f.size() == 2 ? number(f[0]) : std::nullopt;
                    const auto b = f.size() == 2 ? number(f[1]) : std::nullopt;
                    parsed = parsed && a && b;
                    sum += a.value_or(0) * b.value_or(0);
                }
                const QString rhs = d.rhs.mid(2); // "= −0.27"
                const auto shown = number(rhs);
                if (!parsed || !shown || std::fabs(*shown) >= 10)
                    continue;
                const int digits = int(rhs.size() - rhs.indexOf(QLatin1Char('.')) - 1);
                const double unit = std::pow(10.0, -digits);
                QVERIFY2(std::fabs(sum - *shown) <= 0.5 * unit + 1e-9,
                         qPrintable(QStringLiteral("%1 slide %2: %3 %4 %5 (the terms give %6)")
                                        .arg(QFileInfo(path).fileName())
                                        .arg(i + 1)
                                        .arg(d.lhs, d.terms.join(QStringLiteral(" + ")), d.rhs)
                                        .arg(sum, 0, 'f', 4)));
                ++checked;
            }
        }
    }
    QVERIFY(checked >= 6);
}

void TestLessons::equivalenceLabHidesItsVerdictUntilReveal() {
    // A lab question ("are the two outputs bit-identical?") must not be answered
    // by the lab's own max |Δ| table while it is open.
    MainWindow w;
    w.resize(1280, 800);
    showActive(w);
    LessonPanel* l = w.lessons();
    QVERIFY(l->openLesson(lessonPath("06-mha-one-head-is-attention.md")));
    EquivalenceLabView* lab = w.equivalenceLab();
    QVERIFY(l->hasQuestion());
    QCOMPARE(w.centreTabs()->currentIndex(), LessonPanel::tabOf(core::SlideView::EquivalenceLab));
    QVERIFY(lab->isConcealed());
    QVERIFY(!lab->table()->isVisible());
    QVERIFY(!lab->findChild<QLabel*>(QStringLiteral("equivalenceVerdict"))->isVisible());
    l->reveal();
    QVERIFY(!lab->isConcealed());
    QVERIFY(lab->table()->isVisible());
    QVERIFY(lab->table()->rowCount() > 0);
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
    // Scaled and unscaled are told apart by shape too (grey print): squares and discs.
    for (int g : {0, 2})
        QCOMPARE(lab->plot(0)->graph(g)->scatterStyle().shape(), QCPScatterStyle::ssSquare);
    QCOMPARE(lab->plot(0)->graph(1)->scatterStyle().shape(), QCPScatterStyle::ssDisc);
    QCOMPARE(lab->plot(0)->graph(3)->scatterStyle().shape(), QCPScatterStyle::ssCircle); // filled blue
    QCOMPARE(lab->plot(0)->graph(3)->scatterStyle().brush().color(), QColor(31, 119, 180));
    QCOMPARE(lab->plot(0)->graph(0)->pen().style(), Qt::DashLine);
    // Why the layer's dots are off the curves: its projected q and k are not N(0, 1).
    const auto spread = [&](const char* key) {
        const auto& v = w.controller()->trace()->find(key)->value.values();
        double m = 0, sq = 0;
        for (float x : v)
            m += x;
        m /= double(v.size());
        for (float x : v)
            sq += (x - m) * (x - m);
        return std::sqrt(sq / double(v.size()));
    };
    const double sq = spread("query_dense"), sk = spread("key_dense");
    QVERIFY(sq < 0.9 && sk < 0.9); // Glorot-uniform projections of N(0, 1) inputs
    QVERIFY2(lab->caption().contains(QString::number(sq, 'f', 2)) &&
                 lab->caption().contains(QString::number(sk, 'f', 2)),
             qPrintable(lab->caption()));
    QVERIFY(lab->caption().contains(QStringLiteral("less saturated")));
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
    // answer): "click the smallest score of cat".
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

    // The answer (the smallest score of "cat"), clicked on the stage's own result grid.
    const core::Tensor& s = w.controller()->trace()->find("scores")->value; // (1, T, S)
    int best = 0;
    for (int j = 1; j < int(s.dim(2)); ++j)
        if (s.at({0, 1, j}) < s.at({0, 1, best}))
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
    const int slides = int(w.lessons()->lesson().slides.size());
    QCOMPARE(bytes.count("/Type /Page") - bytes.count("/Type /Pages"), slides + 1); // every slide + the answers
    QCOMPARE(w.lessons()->slideIndex(), 1); // the window comes back to the slide it showed
    // The worksheet: one page per question; the answer key: text that pages itself.
    int questions = 0;
    for (const core::Slide& s : w.lessons()->lesson().slides)
        questions += s.question ? 1 : 0;
    const auto pages = [](const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray b = file.readAll();
        return int(b.count("/Type /Page") - b.count("/Type /Pages"));
    };
    const QString ws = dir.filePath(QStringLiteral("masks-worksheet.pdf"));
    QVERIFY2(w.lessons()->exportHandout(ws, &error, HandoutKind::Worksheet), qPrintable(error));
    QCOMPARE(pages(ws), questions);
    QVERIFY(w.lessons()->hasQuestion());
    QVERIFY(w.stage()->isConcealed()); // back on slide 2, its question open again: nothing printed leaks
    const QString key = dir.filePath(QStringLiteral("masks-key.pdf"));
    QVERIFY2(w.lessons()->exportHandout(key, &error, HandoutKind::AnswerKey), qPrintable(error));
    QVERIFY(pages(key) >= 1);
    QCOMPARE(w.lessons()->slideIndex(), 1);

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
    // File ▸ Export handout, worksheet and answer key.
    QStringList file;
    for (QAction* a : w.menuBar()->actions().constFirst()->menu()->actions())
        file << a->text();
    for (const char* item : {"Export &handout…", "Export &worksheet…", "Export answer &key…"})
        QVERIFY2(file.contains(QString::fromUtf8(item)), item);
}

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
