// The window as a whole: setup edits recompute and the timeline follows, keys
// move the cursor, bad values are marked while the last good trace stays.
#include "ui/app_window/controller.h"
#include "core/io/spec_files.h"
#include "ui/compare/compare_view.h"
#include "ui/text/formula_panel.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/stage/stage_scene.h"
#include "ui/stage/stage_view.h"
#include "ui/inspector/tensor_slice_model.h"
#include "ui/app_window/main_window.h"
#include "ui/setup/setup_panel.h"
#include "ui/timeline/step_timeline.h"
#include "ui/timeline/trace_model.h"
#include "ui/weights/weights_panel.h"

#include "core/layers/run.h"
#include "core/io/npy.h"

#include <cmath>

#include <QCheckBox>
#include <QDockWidget>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QElapsedTimer>
#include <QTest>
#include <QVariantAnimation>

using namespace attnviz;
using namespace attnviz::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_window = new MainWindow;
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(m_window->controller()->trace());
    }
    void cleanup() { delete m_window; }

    void headsRecomputeAndTimelineFollows() {
        Controller* c = m_window->controller();
        const auto before = c->trace();
        QCOMPARE(before->find("query_dense")->value.dim(2), 2);
        QSignalSpy traceSpy(c, &Controller::traceChanged);

        m_window->setupPanel()->headsSpin()->setValue(5);
        QTRY_COMPARE(traceSpy.count(), 1); // recomputes on the next event-loop pass
        const auto after = c->trace();
        QVERIFY(after != before);
        QCOMPARE(after->find("query_dense")->value.dim(2), 5);
        QCOMPARE(after->find("scores")->value.dim(1), 5);

        // The timeline shows the new shapes, one row per step.
        QAbstractItemModel* model = m_window->timeline()->listView()->model();
        QCOMPARE(model->rowCount(), int(after->steps.size()));
        const int row = m_window->traceModel()->rowOf(QStringLiteral("scores"));
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, 0).data(TraceModel::ShapeRole).toString(), QStringLiteral("(1, 5, 4, 4)"));

        // A structural change adds rows: the Transformer sub-layer brings residual and layer_norm.
        const int rows = model->rowCount();
        auto* transformer = [&]() -> QCheckBox* {
            for (QCheckBox* box : m_window->setupPanel()->findChildren<QCheckBox*>())
                if (box->text().contains(QStringLiteral("Transformer")))
                    return box;
            return nullptr;
        }();
        QVERIFY(transformer);
        transformer->setChecked(true);
        QTRY_COMPARE(model->rowCount(), rows + 2);
        QVERIFY(m_window->traceModel()->rowOf(QStringLiteral("layer_norm")) == rows + 1);
    }

    void hiddenViewsWaitUntilShown() {
        // The stage behind another centre tab builds no scene until it is shown.
        StageView* stage = m_window->stage();
        m_window->centreTabs()->setCurrentWidget(m_window->centreTabs()->widget(4)); // Weights
        QVERIFY(!stage->isVisible());
        const int builds = stage->sceneBuilds();
        m_window->setupPanel()->headsSpin()->setValue(3);
        m_window->recomputeNow();
        m_window->controller()->setCurrentStepByKey(QStringLiteral("scores"));
        QCOMPARE(stage->sceneBuilds(), builds);
        m_window->centreTabs()->setCurrentIndex(0);
        QTRY_COMPARE(stage->sceneBuilds(), builds + 1); // painted: built once, for the step on show
        const StageScene& scene = stage->scene();
        QVERIFY(scene.result >= 0);
        QCOMPARE(scene.grids[size_t(scene.result)].name, QStringLiteral("scores"));
        QCOMPARE(stage->sceneBuilds(), builds + 1);

        // The Weights tab, hidden, takes a new trace only when shown.
        const QTableWidget* weightsTable = m_window->findChild<WeightsPanel*>()->weightsTable();
        const QString kernelShape = weightsTable->item(0, 1)->text();
        QVERIFY2(kernelShape.contains(QLatin1String(", 3, ")), qPrintable(kernelShape)); // 3 heads
        m_window->setupPanel()->headsSpin()->setValue(2);
        m_window->recomputeNow();
        QCOMPARE(weightsTable->item(0, 1)->text(), kernelShape);
        m_window->centreTabs()->setCurrentWidget(m_window->centreTabs()->widget(4));
        QVERIFY2(weightsTable->item(0, 1)->text().contains(QLatin1String(", 2, ")),
                 qPrintable(weightsTable->item(0, 1)->text()));
        m_window->centreTabs()->setCurrentIndex(0);

        // A closed Inspector slices nothing and lets go of the trace; shown, it takes the current step.
        auto* inspector = m_window->inspectorDock()->findChild<HeatmapView*>();
        QVERIFY(inspector);
        QCOMPARE(inspector->step()->key, std::string("scores"));
        m_window->inspectorDock()->close();
        m_window->controller()->setCurrentStepByKey(QStringLiteral("weights"));
        QCOMPARE(inspector->step(), nullptr);
        m_window->inspectorDock()->show();
        QTRY_VERIFY(inspector->step() != nullptr);
        QCOMPARE(inspector->step()->key, std::string("weights"));
        QCOMPARE(inspector->step(), m_window->controller()->currentStepData());
        // heatmap() (export, lessons) never hands out a stale one, even closed.
        m_window->inspectorDock()->close();
        m_window->controller()->setCurrentStepByKey(QStringLiteral("scores"));
        QCOMPARE(m_window->heatmap()->step(), m_window->controller()->currentStepData());
    }

    void keysMoveTheCursor() {
        Controller* c = m_window->controller();
        m_window->timeline()->listView()->setFocus();
        QSignalSpy spy(c, &Controller::currentStepChanged);
        c->first();
        const int n = c->stepCount();
        QVERIFY(n > 5);
        QTest::keyClick(m_window, Qt::Key_Right);
        QCOMPARE(c->currentStep(), 1);
        QTest::keyClick(m_window, Qt::Key_Right);
        QCOMPARE(c->currentStep(), 2);
        QTest::keyClick(m_window, Qt::Key_Left);
        QCOMPARE(c->currentStep(), 1);
        QTest::keyClick(m_window, Qt::Key_End);
        QCOMPARE(c->currentStep(), n - 1);
        QTest::keyClick(m_window, Qt::Key_Right); // stays at the end
        QCOMPARE(c->currentStep(), n - 1);
        QTest::keyClick(m_window, Qt::Key_Home);
        QCOMPARE(c->currentStep(), 0);
        QVERIFY(spy.count() >= 5);
        // The timeline and the formula panel follow the cursor.
        QTest::keyClick(m_window, Qt::Key_Right);
        QCOMPARE(m_window->timeline()->currentStep(), 1);
        QCOMPARE(m_window->timeline()->listView()->currentIndex().row(), 1);
        // Space plays and pauses.
        QVERIFY(!c->isPlaying());
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(c->isPlaying());
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(!c->isPlaying());
        // Clicking a step jumps there.
        QListView* list = m_window->timeline()->listView();
        const QRect r = list->visualRect(list->model()->index(3, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(c->currentStep(), 3);
    }

    void animationScrubsAndReplays() {
        Controller* c = m_window->controller();
        c->setCurrentStepByKey(QStringLiteral("scores"));
        StageView* stage = m_window->stage();
        auto* scrub = m_window->findChild<QSlider*>(QStringLiteral("scrubSlider"));
        QVERIFY(scrub);
        // Dragging the slider scrubs the stage (and pauses its animation).
        scrub->setValue(250);
        QCOMPARE(stage->progress(), 0.25);
        QVERIFY(!stage->isPlaying());
        // [ and ] move it by 5 %, and the slider follows the stage.
        m_window->timeline()->listView()->setFocus();
        QTest::keyClick(m_window, Qt::Key_BracketRight);
        QVERIFY(std::abs(stage->progress() - 0.30) < 1e-9);
        QCOMPARE(scrub->value(), 300);
        QTest::keyClick(m_window, Qt::Key_BracketLeft);
        QTest::keyClick(m_window, Qt::Key_BracketLeft);
        QVERIFY(std::abs(stage->progress() - 0.20) < 1e-9);
        QCOMPARE(scrub->value(), 200);
        // The scrubbed frame is really different from the finished one.
        const QImage partial = stage->renderImage(QSize(640, 400));
        stage->setProgress(1.0);
        QVERIFY(partial != stage->renderImage(QSize(640, 400)));
        // R replays from the start.
        QTest::keyClick(m_window, Qt::Key_R);
        QVERIFY(stage->isPlaying());
        QVERIFY(stage->progress() < 0.5);
        QVERIFY(scrub->value() < 500);
    }

    void badValueMarksFieldAndKeepsTrace() {
        Controller* c = m_window->controller();
        SetupPanel* panel = m_window->setupPanel();
        m_window->recomputeNow();
        const auto good = c->trace();
        QVERIFY(!c->hasError());

        panel->keyDimSpin()->setValue(0); // key_dim 0 makes no sense
        m_window->recomputeNow();
        QVERIFY(c->hasError());
        QCOMPARE(c->errorField(), QStringLiteral("config.key_dim"));
        QVERIFY(SetupPanel::isMarked(panel->keyDimSpin()));
        QVERIFY(!panel->keyDimSpin()->toolTip().isEmpty());
        QVERIFY(c->trace() == good);               // the last good trace stays
        QCOMPARE(panel->keyDimSpin()->value(), 0); // what the user typed stays
        QVERIFY(!m_window->statusMessage()->text().isEmpty());
        if (const QByteArray dir = qgetenv("ATTNVIZ_UI_SHOTS"); !dir.isEmpty())
            m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/error_state.png"));

        panel->keyDimSpin()->setValue(3);
        m_window->recomputeNow();
        QVERIFY(!c->hasError());
        QVERIFY(!SetupPanel::isMarked(panel->keyDimSpin()));
        QVERIFY(c->trace() != good);
        QCOMPARE(c->trace()->find("query_dense")->value.dim(3), 3);

        // A padding position beyond the source length marks the padding field.
        const auto good2 = c->trace();
        panel->sourcePaddingEdit()->setText(QStringLiteral("1 9"));
        m_window->recomputeNow();
        QVERIFY(c->hasError());
        QVERIFY(SetupPanel::isMarked(panel->sourcePaddingEdit()));
        QVERIFY(c->trace() == good2);
        QCOMPARE(panel->sourcePaddingEdit()->text(), QStringLiteral("1 9"));
        panel->sourcePaddingEdit()->setText(QStringLiteral("3"));
        m_window->recomputeNow();
        QVERIFY(!c->hasError());
        QVERIFY(c->trace()->find("masked_scores"));

        // AdditiveAttention needs query width == value width.
        panel->layerCombo()->setCurrentIndex(2);
        panel->queryFeaturesSpin()->setValue(6);
        m_window->recomputeNow();
        QVERIFY(c->hasError());
        QWidget* marked = panel->widgetForField(c->errorField());
        QVERIFY2(marked && SetupPanel::isMarked(marked), qPrintable(c->errorField()));
        QCOMPARE(c->trace()->layer, std::string("MultiHeadAttention"));
    }

    void sentenceTokensLabelTheAxes() {
        SetupPanel* panel = m_window->setupPanel();
        panel->setInputSource(SetupPanel::InputSource::Sentence);
        panel->sentenceEdit()->setText(QStringLiteral("a b c a"));
        m_window->recomputeNow();
        Controller* c = m_window->controller();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QCOMPARE(c->queryTokens(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));
        const core::Tensor& q = c->trace()->find("query")->value;
        QCOMPARE(q.dim(1), 4);
        // The same word gets the same vector.
        for (core::Index f = 0; f < q.dim(2); ++f)
            QCOMPARE(q.at({0, 0, f}), q.at({0, 3, f}));
        QCOMPARE(panel->queryLenSpin()->value(), 4);
    }

    void editedTableRecomputes() {
        SetupPanel* panel = m_window->setupPanel();
        panel->setInputSource(SetupPanel::InputSource::Table);
        m_window->recomputeNow();
        Controller* c = m_window->controller();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        // The table starts from the seed's random inputs.
        const core::Tensor before = c->trace()->find("query")->value;
        auto* view = panel->findChild<QTableView*>(QStringLiteral("queryTable"));
        QVERIFY(view);
        QAbstractItemModel* table = view->model();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->columnCount(), 8);
        QCOMPARE(float(table->index(1, 2).data(Qt::EditRole).toDouble()), before.at({0, 1, 2}));
        QVERIFY(table->setData(table->index(1, 2), 7.5));
        QTRY_COMPARE(c->trace()->find("query")->value.at({0, 1, 2}), 7.5f);
        QCOMPARE(c->trace()->find("query")->value.at({0, 1, 3}), before.at({0, 1, 3}));
        // A longer query keeps the edited value and adds rows.
        panel->queryLenSpin()->setValue(5);
        QTRY_COMPARE(c->trace()->find("query")->value.dim(1), 5);
        QCOMPARE(c->trace()->find("query")->value.at({0, 1, 2}), 7.5f);
    }

    void kerasListingHighlightsTheStep() {
        Controller* c = m_window->controller();
        c->setCurrentStepByKey(QStringLiteral("weights"));
        FormulaPanel* f = m_window->formulaPanel();
        // The core's listing: the layer's constructor, then Keras' own source lines.
        QVERIFY(f->listingText().contains(QStringLiteral("keras.layers.MultiHeadAttention(")));
        QVERIFY(f->listingText().contains(QStringLiteral("EinsumDense(\"abc,cde->abde\"")));
        const int line = f->highlightedLine();
        QVERIFY(line >= 0);
        QVERIFY(f->listingText().split(QLatin1Char('\n'))[line].contains(QStringLiteral("_masked_softmax")));
        if (const QByteArray dir = qgetenv("ATTNVIZ_UI_SHOTS"); !dir.isEmpty()) {
            f->findChild<QTabWidget*>()->setCurrentIndex(1);
            m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/keras_code.png"));
        }
        c->setCurrentStepByKey(QStringLiteral("context"));
        QVERIFY(f->listingText().split(QLatin1Char('\n'))[f->highlightedLine()].startsWith(
            QStringLiteral("attention_output = ops.einsum(self._combine_equation")));
    }

    void zoomAndPresentation() {
        m_window->setZoom(1.0);
        m_window->zoomIn();
        QVERIFY(m_window->zoom() > 1.0);
        m_window->resetZoom();
        QCOMPARE(m_window->zoom(), 1.0);
        const double compareFont = m_window->compareView()->font().pointSizeF();
        m_window->centreTabs()->setCurrentIndex(1); // the Compare tab builds one panel per core variant when shown
        QTest::keyClick(m_window, Qt::Key_F5);
        QVERIFY(m_window->isPresentationMode());
        // Presentation zoom reaches the Compare tab too: its text and panels grow.
        QVERIFY(m_window->compareView()->font().pointSizeF() > 1.4 * compareFont);
        const auto* panel = m_window->compareView()->findChild<QWidget*>(QStringLiteral("weightsPanel_0"));
        QVERIFY(panel && panel->minimumWidth() > 280);
        QTest::keyClick(m_window, Qt::Key_Right); // keyboard still steps
        QCOMPARE(m_window->controller()->currentStep(), 1);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QVERIFY(!m_window->isPresentationMode());
        QCOMPARE(m_window->compareView()->font().pointSizeF(), compareFont);
        m_window->centreTabs()->setCurrentIndex(0);
    }

    void saveOpenRoundTrip() {
        QTemporaryDir dir;
        SetupPanel* panel = m_window->setupPanel();
        panel->headsSpin()->setValue(3);
        panel->sourcePaddingEdit()->setText(QStringLiteral("2"));
        m_window->recomputeNow();
        const auto saved = m_window->controller()->trace();
        const QString path = dir.filePath(QStringLiteral("spec.json"));
        QString error;
        QVERIFY2(m_window->saveSpec(path, &error), qPrintable(error));
        QVERIFY(QFile::exists(path));

        MainWindow other;
        QVERIFY2(other.openSpec(path, &error), qPrintable(error));
        const auto loaded = other.controller()->trace();
        QCOMPARE(loaded->steps.size(), saved->steps.size());
        const core::Tensor& a = saved->find("output")->value;
        const core::Tensor& b = loaded->find("output")->value;
        QCOMPARE(a.shape(), b.shape());
        for (core::Index i = 0; i < a.size(); ++i)
            QVERIFY(std::abs(a.data()[i] - b.data()[i]) <= 1e-6f);
        QCOMPARE(other.setupPanel()->headsSpin()->value(), 3);
        QCOMPARE(other.setupPanel()->sourcePaddingEdit()->text(), QStringLiteral("2"));
        QCOMPARE(other.recentFiles().value(0), QFileInfo(path).absoluteFilePath());

        // A file that is not a spec is refused and leaves the window as it was.
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        QVERIFY(!other.openSpec(bad, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(other.controller()->trace() == loaded);
    }

    void openedSpecsMatchTheCore_data() {
        QTest::addColumn<QString>("spec");
        const QDir cases(QStringLiteral(ATTNVIZ_TEST_DATA_DIR "/keras"));
        const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(names.size() >= 10);
        for (const QString& name : names)
            if (QFileInfo::exists(
                    cases.filePath(name + QStringLiteral("/spec.json")))) // train_* cases hold a train.json
                QTest::newRow(qPrintable(name)) << cases.filePath(name + QStringLiteral("/spec.json"));
    }

    void openedSpecsMatchTheCore() {
        // What the window computes after File ▸ Open is exactly core::run of that file:
        // weights, inputs and per-batch masks survive the round trip through the setup panel.
        QFETCH(QString, spec);
        QString error;
        QVERIFY2(m_window->openSpec(spec, &error), qPrintable(error));
        const core::Trace expected = core::run(core::loadSpec(spec.toStdString()));
        const auto trace = m_window->controller()->trace();
        QCOMPARE(trace->steps.size(), expected.steps.size());
        for (size_t i = 0; i < expected.steps.size(); ++i) {
            const core::Tensor& a = trace->steps[i].value;
            const core::Tensor& b = expected.steps[i].value;
            QCOMPARE(trace->steps[i].key, expected.steps[i].key);
            QCOMPARE(a.shape(), b.shape());
            for (core::Index j = 0; j < a.size(); ++j)
                QVERIFY2(a.data()[j] == b.data()[j] || (std::isnan(a.data()[j]) && std::isnan(b.data()[j])),
                         expected.steps[i].key.c_str());
        }
    }

    void exportFigures() {
        QTemporaryDir dir;
        m_window->controller()->setCurrentStepByKey(QStringLiteral("weights"));
        for (const char* suffix : {"png", "pdf", "svg"}) {
            const QString heat = dir.filePath(QStringLiteral("heat.") + QLatin1String(suffix));
            const QString stage = dir.filePath(QStringLiteral("stage.") + QLatin1String(suffix));
            QString error;
            QVERIFY2(m_window->exportHeatmap(heat, &error), qPrintable(error));
            QVERIFY2(m_window->exportStage(stage, &error), qPrintable(error));
            QVERIFY2(QFileInfo(heat).size() > 1000, suffix);
            QVERIFY2(QFileInfo(stage).size() > 1000, suffix);
        }
        // One export path: PNG at the figure's pixel size, SVG and PDF titled.
        QCOMPARE(QImage(dir.filePath(QStringLiteral("heat.png"))).size(), QSize(900, 700));
        QCOMPARE(QImage(dir.filePath(QStringLiteral("stage.png"))).size(),
                 m_window->stage()->size().expandedTo(QSize(800, 500)) * 2);
        QFile svg(dir.filePath(QStringLiteral("stage.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<title>attnviz stage</title>"));
        QString error;
        const QString nowhere = dir.filePath(QStringLiteral("missing/heat.svg"));
        QVERIFY(!m_window->exportHeatmap(nowhere, &error));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error)); // and why

        // Every save dialog starts where the last save went.
        m_window->rememberSaveFolder(dir.filePath(QStringLiteral("stage.svg")));
        QCOMPARE(m_window->saveFolder(), QFileInfo(dir.path()).absoluteFilePath());
    }

    void settingsPersist() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("attnviz.ini"));
        const QString spec = dir.filePath(QStringLiteral("spec.json"));
        {
            QSettings settings(ini, QSettings::IniFormat);
            MainWindow w;
            w.setSettings(&settings);
            w.setupPanel()->headsSpin()->setValue(4);
            w.recomputeNow();
            QVERIFY(w.saveSpec(spec));
            w.setZoom(1.5);
            w.controller()->setSpeed(2.0);
            w.close();
        }
        QSettings settings(ini, QSettings::IniFormat);
        MainWindow w;
        w.setSettings(&settings);
        QCOMPARE(w.zoom(), 1.5);
        QCOMPARE(w.controller()->speed(), 2.0);
        QCOMPARE(w.recentFiles(), QStringList{QFileInfo(spec).absoluteFilePath()});
        // The last spec is open again.
        QCOMPARE(w.setupPanel()->headsSpin()->value(), 4);
        QCOMPARE(w.controller()->trace()->find("scores")->value.dim(1), 4);
    }

    void nanInputsAreFlagged() {
        // NaN and Inf in the inputs are allowed: the trace computes, the cells
        // show them, and the status line says where they came from.
        QTemporaryDir dir;
        core::Tensor q(core::Shape{1, 4, 8}), v(core::Shape{1, 4, 8});
        for (core::Index i = 0; i < q.size(); ++i)
            q.data()[i] = v.data()[i] = 0.1f * float(i % 7) - 0.3f;
        q.data()[0 * 8 + 1] = std::nanf("");
        q.data()[2 * 8 + 5] = std::nanf("");
        q.data()[2 * 8 + 6] = -HUGE_VALF;
        const QString qPath = dir.filePath(QStringLiteral("query.npy"));
        const QString vPath = dir.filePath(QStringLiteral("value.npy"));
        core::writeNpy(qPath.toStdString(), q);
        core::writeNpy(vPath.toStdString(), v);
        SetupPanel* panel = m_window->setupPanel();
        Controller* c = m_window->controller();
        const auto before = c->trace();
        panel->setNpyPath(QStringLiteral("query"), qPath);
        panel->setNpyPath(QStringLiteral("value"), vPath);
        m_window->recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(c->trace() != before); // it computed
        QVERIFY(std::isnan(c->trace()->find("query")->value.at({0, 0, 1})));
        const QString status = m_window->statusMessage()->text();
        QVERIFY2(status.contains(QStringLiteral("query.npy contains 2 NaN values and 1 Inf value (at (0, 1), (2, 5), "
                                                "(2, 6))")),
                 qPrintable(status));
        QVERIFY(!status.contains(QStringLiteral("value.npy"))); // the clean file is not blamed
        // The inspector paints and counts them; the numbers table colours them.
        c->setCurrentStepByKey(QStringLiteral("query"));
        QCOMPARE(m_window->heatmap()->nonFiniteCells(), 3);
        QVERIFY2(m_window->heatmap()->statsText().contains(QStringLiteral("2 NaN, 1 Inf")),
                 qPrintable(m_window->heatmap()->statsText()));
        auto* numbers = m_window->heatmap()->findChild<QTableView*>();
        QVERIFY(numbers);
        QCOMPARE(numbers->model()->index(0, 1).data(Qt::DisplayRole).toString(), QStringLiteral("nan"));
        QCOMPARE(numbers->model()->index(0, 1).data(Qt::BackgroundRole).value<QBrush>().color(), nonFiniteColor());
        QVERIFY(!numbers->model()->index(0, 0).data(Qt::BackgroundRole).isValid());
        if (const QByteArray shots = qgetenv("ATTNVIZ_UI_SHOTS"); !shots.isEmpty()) {
            m_window->settle();
            m_window->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/nan_inputs.png"));
        }

        // Typed into the edited table: "nan" is accepted and located.
        panel->setInputSource(SetupPanel::InputSource::Table);
        m_window->recomputeNow();
        QAbstractItemModel* table = panel->queryTableModel();
        QVERIFY(table->setData(table->index(3, 2), QStringLiteral("nan")));
        QVERIFY(table->setData(table->index(1, 0), QStringLiteral("-inf")));
        QVERIFY(!table->setData(table->index(1, 1), QStringLiteral("lots")));
        m_window->recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(std::isnan(c->trace()->find("query")->value.at({0, 3, 2})));
        QVERIFY2(m_window->statusMessage()->text().contains(
                     QStringLiteral("the edited query table contains 1 NaN value and 1 Inf value (at (1, 0), (3, 2))")),
                 qPrintable(m_window->statusMessage()->text()));
        QCOMPARE(table->index(3, 2).data(Qt::BackgroundRole).value<QBrush>().color(), nonFiniteColor());
    }

    void playFollowsTheStageAnimation() {
        Controller* c = m_window->controller();
        StageView* stage = m_window->stage();
        auto* animation = stage->findChild<QVariantAnimation*>();
        QVERIFY(animation);
        c->setSpeed(1.0);
        QVERIFY(c->waitsForAnimation());
        c->first();
        m_window->settle(); // the stage at rest
        // At rest: play goes on after the short pause, not the 3.5 s interval.
        QElapsedTimer clock;
        clock.start();
        c->play();
        QTRY_COMPARE_WITH_TIMEOUT(c->currentStep(), 1, 2000);
        QVERIFY(clock.elapsed() < 2000);
        // The next step waits for its animation, however long it is...
        QVERIFY(stage->isPlaying());
        QTest::qWait(c->pauseAfterAnimationMs() + 300);
        QCOMPARE(c->currentStep(), 1);
        // ... and follows as soon as it finishes.
        clock.restart();
        animation->setCurrentTime(animation->duration()); // finished
        QTRY_COMPARE_WITH_TIMEOUT(c->currentStep(), 2, 2000);
        QVERIFY(clock.elapsed() >= c->pauseAfterAnimationMs() - 20);
        // The speed scales the rest between steps and the stage's animation.
        c->setSpeed(2.0);
        QCOMPARE(c->pauseAfterAnimationMs(), 300);
        QCOMPARE(animation->duration(), 1500);
        // The stage hidden behind Compare: the fixed interval drives play.
        m_window->findChild<QTabWidget*>()->setCurrentIndex(1);
        QVERIFY(!c->waitsForAnimation());
        const int at = c->currentStep();
        QTRY_COMPARE_WITH_TIMEOUT(c->currentStep(), at + 1, c->stepIntervalMs() + 1000);
        c->pause();
        QVERIFY(!c->isPlaying());
        m_window->findChild<QTabWidget*>()->setCurrentIndex(0);
        QVERIFY(c->waitsForAnimation());
    }

    void openedSpecMasksStayUntilTheyNoLongerFit() {
        // attention_mask: kept through a change of heads and a trip to another layer.
        const QString spec = QStringLiteral(ATTNVIZ_TEST_DATA_DIR "/keras/mha_attnmask_b2_h4/spec.json");
        QString error;
        QVERIFY2(m_window->openSpec(spec, &error), qPrintable(error));
        Controller* c = m_window->controller();
        SetupPanel* panel = m_window->setupPanel();
        const core::Tensor mask = *core::loadSpec(spec.toStdString()).attentionMask;
        QVERIFY(c->traceSpec().attentionMask);
        QVERIFY(panel->hasLoadedMasks());
        panel->headsSpin()->setValue(2);
        m_window->recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(c->traceSpec().attentionMask && c->traceSpec().attentionMask->values() == mask.values());
        // Attention has no attention_mask argument: it is not passed (this spec's widths
        // then stop Attention, but not because of the mask), and it is back with MHA.
        panel->layerCombo()->setCurrentIndex(1);
        m_window->recomputeNow();
        QVERIFY(!c->spec().attentionMask);
        QVERIFY(c->errorField() != QStringLiteral("masks.attention_mask"));
        panel->layerCombo()->setCurrentIndex(0);
        m_window->recomputeNow();
        QVERIFY(c->traceSpec().attentionMask && c->traceSpec().attentionMask->values() == mask.values());
        // A longer query: the mask no longer fits, is dropped, and the status line says so.
        panel->setInputSource(SetupPanel::InputSource::Random);
        panel->queryLenSpin()->setValue(int(mask.dim(1)) + 1);
        m_window->recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(!c->traceSpec().attentionMask);
        QVERIFY2(m_window->statusMessage()->text().contains(QStringLiteral("attention_mask")) &&
                     m_window->statusMessage()->text().contains(QStringLiteral("dropped")),
                 qPrintable(m_window->statusMessage()->text()));
        panel->queryLenSpin()->setValue(int(mask.dim(1))); // gone for good, not back when it fits again
        m_window->recomputeNow();
        QVERIFY(!c->traceSpec().attentionMask);
        QVERIFY(!m_window->statusMessage()->text().contains(QStringLiteral("dropped"))); // a notice lasts one edit

        // Per-batch padding masks: kept through a structure change until the field is edited.
        const QString spec2 = QStringLiteral(ATTNVIZ_TEST_DATA_DIR "/keras/mha_qmask_vmask_b2_h2/spec.json");
        QVERIFY2(m_window->openSpec(spec2, &error), qPrintable(error));
        const core::Spec loaded = core::loadSpec(spec2.toStdString());
        QVERIFY(loaded.valueMask->values() != core::Tensor(loaded.valueMask->shape()).values());
        panel->keyDimSpin()->setValue(5);
        m_window->recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(c->traceSpec().valueMask && c->traceSpec().valueMask->values() == loaded.valueMask->values());
        QVERIFY(c->traceSpec().queryMask && c->traceSpec().queryMask->values() == loaded.queryMask->values());
        panel->sourcePaddingEdit()->setText(QString()); // the user edits the field: the text wins
        m_window->recomputeNow();
        QVERIFY(!c->traceSpec().valueMask);
        QVERIFY(c->traceSpec().queryMask && c->traceSpec().queryMask->values() == loaded.queryMask->values());
    }

private:
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
