#include "ui/app_window/main_window.h"

#include "ui/app_window/language_menu.h"
#include "core/io/spec_files.h"

#include "ui/compare/compare_view.h"
#include "ui/app_window/controller.h"
#include "ui/app_window/keras_layer_dialog.h"
#include "ui/app_window/export_menu.h"
#include "ui/text/formula_panel.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/labs/equivalence_lab_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/labs/scaling_lab_view.h"
#include "ui/qk_space/qk_space_view.h"
#include "ui/text/keras_listing_text.h"
#include "ui/train/train_view.h"

#include "core/teach/trained_layer.h"
#include "ui/app_window/settings.h"
#include "ui/app_window/status_label.h"
#include "ui/export/figure_export.h"
#include "ui/app_window/session_autosave.h"
#include "ui/setup/setup_panel.h"
#include "ui/stage/stage_view.h"
#include "ui/text/step_text.h"
#include "ui/timeline/step_timeline.h"
#include "ui/timeline/trace_model.h"
#include "ui/weights/weights_panel.h"

#include "core/layers/run.h"
#include "core/io/keras_model.h"
#include "core/teach/script_export.h"
#include "core/trace/step_display.h"
#include "core/spec/spec.h"

#include <QAction>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QScrollArea>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <memory>

namespace attnviz::ui {

namespace {
constexpr double kPresentationZoom = 1.6;

/// "query.npy contains 3 NaN values (at (0, 1), (2, 3), (2, 5))": where a
/// tensor holds NaN or ±Inf, as the input table shows it (rows = batch·length).
QString describeNonFinite(const core::Tensor& t, const QString& origin) {
    if (t.rank() != 3 || origin.isEmpty())
        return {};
    const core::Index E = t.dim(2);
    int nan = 0, inf = 0;
    QStringList cells;
    QList<core::Index> rows;
    for (core::Index i = 0; i < t.size(); ++i) {
        const float v = t.data()[i];
        if (std::isfinite(v))
            continue;
        std::isnan(v) ? ++nan : ++inf;
        if (cells.size() < 4)
            cells << QStringLiteral("(%1, %2)").arg(i / E).arg(i % E);
        if (rows.isEmpty() || rows.back() != i / E)
            rows << i / E;
    }
    if (nan + inf == 0)
        return {};
    // Spelled out rather than %n: no translator is loaded for English.
    const QString nanText = nan == 1 ? MainWindow::tr("1 NaN value") : MainWindow::tr("%1 NaN values").arg(nan);
    const QString infText = inf == 1 ? MainWindow::tr("1 Inf value") : MainWindow::tr("%1 Inf values").arg(inf);
    const QString what = nan && inf ? MainWindow::tr("%1 and %2").arg(nanText, infText) : nan ? nanText : infText;
    QString where;
    if (nan + inf <= 3) {
        where = MainWindow::tr("at %1").arg(cells.join(QStringLiteral(", ")));
    } else {
        QStringList rowText;
        for (int i = 0; i < std::min<qsizetype>(rows.size(), 8); ++i)
            rowText << QString::number(rows[i]);
        if (rows.size() > 8)
            rowText << QStringLiteral("…");
        where = MainWindow::tr("rows %1").arg(rowText.join(QStringLiteral(", ")));
    }
    return MainWindow::tr("%1 contains %2 (%3)").arg(origin, what, where);
}
} // namespace

/// The stage with its scrub bar over the formula panel, in a splitter whose
/// handle gives the Keras code tab the height it needs.
QSplitter* MainWindow::createStagePane() {
    // Centre: the stage over the formula panel, and the compare tab.
    auto* split = new QSplitter(Qt::Vertical, m_centre);
    // The stage with its scrub bar: replay, and a slider over the animation.
    auto* stagePane = new QWidget(split);
    auto* stageLayout = new QVBoxLayout(stagePane);
    stageLayout->setContentsMargins(0, 0, 0, 0);
    stageLayout->setSpacing(2);
    m_stage = new StageView(stagePane);
    m_stage->setToolTip(tr("The current operation, animated. Step menu ▸ Replay animation (R) plays it again."));
    auto* scrubBar = new QHBoxLayout();
    scrubBar->setContentsMargins(6, 0, 6, 2);
    m_replayButton = new QToolButton(stagePane);
    m_replayButton->setText(tr("↻ Replay"));
    m_replayButton->setToolTip(tr("Play this step's animation again (R)"));
    m_scrub = new QSlider(Qt::Horizontal, stagePane);
    m_scrub->setObjectName(QStringLiteral("scrubSlider"));
    m_scrub->setRange(0, 1000);
    m_scrub->setValue(1000);
    m_scrub->setToolTip(tr("Scrub through this step's animation ([ and ] move it by 5 %)"));
    scrubBar->addWidget(m_replayButton);
    scrubBar->addWidget(m_scrub, 1);
    stageLayout->addWidget(m_stage, 1);
    stageLayout->addLayout(scrubBar);
    m_formula = new FormulaPanel(split);
    split->addWidget(stagePane);
    split->addWidget(m_formula);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    // A handle one can find and grab (the default is about 3 px).
    split->setObjectName(QStringLiteral("stageSplitter"));
    split->setHandleWidth(9);
    split->handle(1)->setToolTip(tr("Drag to share the height between the stage and the formula"));
    // A grey bar with a darker grip line: visible on white, darker under the mouse.
    split->setStyleSheet(QStringLiteral(
        "QSplitter#stageSplitter::handle { background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #e4e4e4, "
        "stop:0.4 #e4e4e4, stop:0.45 #a0a0a0, stop:0.55 #a0a0a0, stop:0.6 #e4e4e4, stop:1 #e4e4e4); }"
        "QSplitter#stageSplitter::handle:hover { background: #b9cde6; }"));
    split->handle(1)->setCursor(Qt::SplitVCursor);
    m_stageSplit = split;
    // The Keras code tab gets the height for the current step's line and its
    // context (the stage keeps its minimum); back on Formula the split returns.
    connect(m_formula->tabs(), &QTabWidget::currentChanged, this, [this, stagePane](int tab) {
        QList<int> sizes = m_stageSplit->sizes();
        if (sizes.size() != 2)
            return;
        const int total = sizes[0] + sizes[1];
        if (tab == 1) {
            const int want = std::min(m_formula->codeHeightFor(6), total - stagePane->minimumSizeHint().height());
            if (sizes[1] < want) {
                m_splitBeforeCode = sizes;
                m_stageSplit->setSizes({total - want, want});
            }
        } else if (!m_splitBeforeCode.isEmpty()) {
            m_stageSplit->setSizes(m_splitBeforeCode);
            m_splitBeforeCode.clear();
        }
    });
    return split;
}

/// The centre tabs: Stage, Compare, the two labs and Weights.
void MainWindow::createCentreTabs() {
    m_centre = new QTabWidget(this);
    m_centre->setDocumentMode(true);
    QSplitter* split = createStagePane();
    m_centre->addTab(split, tr("Stage"));
    // In a scroll area, so the compare grid's minimum size never widens the window.
    auto* compareScroll = new QScrollArea(m_centre);
    compareScroll->setWidgetResizable(true);
    compareScroll->setFrameShape(QFrame::NoFrame);
    m_compare = new CompareView(compareScroll);
    compareScroll->setWidget(m_compare);
    m_centre->addTab(compareScroll, tr("Compare"));
    m_centre->setTabToolTip(1, tr("The same inputs through every variant, side by side"));
    // The labs scroll rather than widen the window's minimum size.
    auto scrolled = [this](QWidget* lab) {
        auto* scroll = new QScrollArea(m_centre);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(lab);
        return scroll;
    };
    m_scalingLab = new ScalingLabView;
    m_centre->addTab(scrolled(m_scalingLab), tr("1/√dₖ lab"));
    m_centre->setTabToolTip(2, tr("Why q·k is divided by √key_dim: spread, saturation, entropy, gradient"));
    connect(m_scalingLab, &ScalingLabView::notKerasToggled, this, [this] { recomputeNow(); });
    m_equivalenceLab = new EquivalenceLabView;
    m_centre->addTab(scrolled(m_equivalenceLab), tr("Equivalence lab"));
    m_centre->setTabToolTip(3, tr("When two layers compute the same thing, and where they part"));
    m_weights = new WeightsPanel;
    m_centre->addTab(scrolled(m_weights), tr("Weights"));
    m_centre->setTabToolTip(4, tr("Every trainable weight of the layer: Keras name, shape, initializer, count, "
                                  "source; edit the numbers or use a preset"));
    m_qkSpace = new QkSpaceView;
    m_qkSpaceTab = m_centre->addTab(scrolled(m_qkSpace), tr("Query–key space"));
    m_centre->setTabToolTip(m_qkSpaceTab, tr("Each head's queries and keys as points in one plane (a PCA): a query "
                                             "lies near the keys it attends to"));
    m_train = new TrainView;
    m_trainTab = m_centre->addTab(scrolled(m_train), tr("Train"));
    m_centre->setTabToolTip(m_trainTab, tr("Train a small model on a toy task and watch its heads learn"));
    // Paused (or stepped, or reset): every view shows the trained layer on the probe.
    connect(m_train, &TrainView::pausedWithModel, this, [this] {
        std::optional<core::Spec> spec;
        m_train->session()->withTrainer([&](core::Trainer& t) {
            try {
                spec = core::trainedLayerSpec(t, 0, 0);
            } catch (const std::exception&) {
            }
        });
        if (!spec)
            return;
        m_showingTrained = true;
        applySpec(*spec); // the Setup shows the layer, its trained weights and the probe's input
        // ...and the controller runs it exactly, backward pass included (the Setup holds no backward request).
        QStringList tokens;
        for (const std::string& t : spec->queryTokens)
            tokens << QString::fromStdString(t);
        m_controller->setSpec(*spec, tokens, tokens);
        m_showingTrained = false;
        setNotice(tr("Stage, timeline, inspector, Compare and Weights show the trained model's block 1 on the probe "
                     "example: forward, then backward from the model's own gradient at the block's output."));
    });
    setCentralWidget(m_centre);
}

/// The Setup, Inspector and Timeline docks, and the first-run window size.
void MainWindow::createDocks() {
    m_setup = new SetupPanel(this);
    m_setupDock = new QDockWidget(tr("Setup"), this);
    m_setupDock->setObjectName(QStringLiteral("setupDock"));
    m_setupDock->setWidget(m_setup);
    addDockWidget(Qt::LeftDockWidgetArea, m_setupDock);

    m_heatmap = new HeatmapView(this);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_heatmap);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    connect(m_inspectorDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            heatmap(); // the step it missed while closed
    });

    m_timeline = new StepTimeline(this);
    m_timeline->setModel(m_traceModel);
    m_timelineDock = new QDockWidget(tr("Timeline"), this);
    m_timelineDock->setObjectName(QStringLiteral("timelineDock"));
    m_timelineDock->setWidget(m_timeline);
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // First run: most of the screen; dock widths are set on the first show
    // (resizeDocks before the window is laid out is ignored).
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        const QSize avail = screen->availableGeometry().size();
        resize(std::max(std::min(avail.width(), 1100), avail.width() * 9 / 10),
               std::max(std::min(avail.height(), 700), avail.height() * 9 / 10));
    }
}

/// The status line: the message (elided, Details… for the rest), the busy bar and the info label.
void MainWindow::createStatusLine() {
    auto* status = new StatusLabel(this);
    m_statusError = status;
    m_statusError->setStyleSheet(QStringLiteral("QLabel { color: #b00000; }"));
    m_statusInfo = new QLabel(this);
    statusBar()->addWidget(m_statusError, 1);
    // A message longer than the line: elided, whole in the tooltip, and Details… shows it all.
    m_statusDetails = new QToolButton(this);
    m_statusDetails->setText(tr("Details…"));
    m_statusDetails->setToolTip(tr("Read the whole status message"));
    m_statusDetails->setAutoRaise(true);
    m_statusDetails->hide();
    statusBar()->addWidget(m_statusDetails);
    connect(status, &StatusLabel::elidedChanged, m_statusDetails, &QWidget::setVisible);
    connect(m_statusDetails, &QToolButton::clicked, this, &MainWindow::showStatusDetails);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy: the number of steps is known only when done
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Computing the new setup; the last result stays on screen until it is ready"));
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_statusInfo);
    m_busyTimer = new QTimer(this);
    m_busyTimer->setInterval(150);
    connect(m_busyTimer, &QTimer::timeout, this, [this] {
        if (!m_controller->isComputing())
            return;
        m_busy->show();
        const int done = m_controller->computingStepsDone();
        m_statusInfo->setText(m_controller->isReadingKerasLayer() ? tr("Reading…")
                              : done > 0                          ? tr("Computing… %n step(s) done", nullptr, done)
                                                                  : tr("Computing…"));
    });
}

/// The signals between the controller, the setup, the timeline, the stage and the views.
void MainWindow::connectViews() {
    // Recompute on the next event-loop pass, so a burst of edits costs one run.
    m_recomputeTimer->setSingleShot(true);
    m_recomputeTimer->setInterval(0);
    connect(m_recomputeTimer, &QTimer::timeout, this, &MainWindow::recomputeInBackground);
    connect(m_controller, &Controller::computingChanged, this, &MainWindow::onComputingChanged);
    connect(m_controller, &Controller::kerasLayerRead, this, &MainWindow::onKerasLayerRead);
    connect(m_setup, &SetupPanel::specEdited, this, &MainWindow::onSetupEdited);
    connect(m_setup, &SetupPanel::loadedMasksDropped, this, &MainWindow::setNotice);
    connect(m_setup, &SetupPanel::browseRequested, this, &MainWindow::browseNpy);
    // Weights edited in the Weights tab go into the setup's spec, like a loaded weights.npz.
    connect(m_weights, &WeightsPanel::weightEdited, m_setup, &SetupPanel::setWeightEdit);
    connect(m_weights, &WeightsPanel::weightReset, m_setup, &SetupPanel::clearWeightEdit);

    connect(m_controller, &Controller::traceChanged, this, &MainWindow::onTraceChanged);
    connect(m_controller, &Controller::currentStepChanged, this, &MainWindow::onCurrentStepChanged);
    connect(m_controller, &Controller::errorChanged, this, &MainWindow::onErrorChanged);
    connect(m_controller, &Controller::playingChanged, m_timeline, &StepTimeline::setPlaying);
    connect(m_controller, &Controller::speedChanged, m_timeline, &StepTimeline::setSpeed);
    connect(m_controller, &Controller::speedChanged, m_stage, &StageView::setSpeed);

    connect(m_timeline, &StepTimeline::stepActivated, m_controller, &Controller::setCurrentStep);
    connect(m_timeline, &StepTimeline::firstRequested, m_controller, &Controller::first);
    connect(m_timeline, &StepTimeline::previousRequested, m_controller, &Controller::previous);
    connect(m_timeline, &StepTimeline::playPauseRequested, m_controller, &Controller::togglePlay);
    connect(m_timeline, &StepTimeline::nextRequested, m_controller, &Controller::next);
    connect(m_timeline, &StepTimeline::lastRequested, m_controller, &Controller::last);
    connect(m_timeline, &StepTimeline::speedChangeRequested, m_controller, &Controller::setSpeed);

    // Play advances when the stage's animation finishes (at the stage's speed);
    // with the stage hidden behind the Compare tab, on the fixed interval.
    connect(m_stage, &StageView::animationFinished, m_controller, &Controller::animationFinished);
    connect(m_controller, &Controller::playingChanged, this, [this](bool playing) {
        if (playing && m_controller->waitsForAnimation() && !m_stage->isPlaying())
            m_controller->animationFinished(); // already at rest: go on after the short pause
    });
    m_controller->setWaitForAnimation(true);

    connect(m_heatmap, &HeatmapView::sliceIndexChanged, this, &MainWindow::onSliceIndexChanged);
    connect(m_heatmap, &HeatmapView::autoProbabilityRangeChanged, m_stage, &StageView::setAutoProbabilityRange);
    connect(m_centre, &QTabWidget::currentChanged, this, [this](int tab) {
        m_controller->setWaitForAnimation(tab == 0);
        if (m_centre->currentWidget()->isAncestorOf(m_weights))
            weightsPanel(); // the trace it missed while hidden
        updateCompare();
        updateLabs();
        updateQkSpace();
    });
}

/// The lesson dock (left, a tab beside Setup): stays visible in presentation mode.
void MainWindow::createLessonDock() {
    m_lessons = new LessonPanel(this);
    m_lessonDock = new QDockWidget(tr("Lesson"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    auto* lessonScroll = new QScrollArea(m_lessonDock);
    lessonScroll->setWidgetResizable(true);
    lessonScroll->setFrameShape(QFrame::NoFrame);
    lessonScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    lessonScroll->setWidget(m_lessons);
    m_lessonDock->setWidget(lessonScroll);
    addDockWidget(Qt::LeftDockWidgetArea, m_lessonDock);
    tabifyDockWidget(m_setupDock, m_lessonDock);
    m_lessonDock->hide();
    connect(m_lessons, &LessonPanel::lessonOpened, this, [this] {
        m_lessonDock->show();
        m_lessonDock->raise();
        resizeDocks({m_lessonDock}, {std::max(m_lessonDock->width(), int(width() * 0.3))}, Qt::Horizontal);
    });
    m_lessons->addMenuItems(m_fileMenu, m_helpMenu);
    m_viewMenu->addAction(m_lessonDock->toggleViewAction());
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_controller(new Controller(this)), m_traceModel(new TraceModel(this)),
      m_recomputeTimer(new QTimer(this)) {
    setWindowTitle(tr("attnviz — attention, step by step"));
    if (const QString icon = QStringLiteral(":/attnviz/attnviz.svg"); QFile::exists(icon))
        setWindowIcon(QIcon(icon)); // the icon is compiled into the executable only
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createCentreTabs();
    createDocks();
    createStatusLine();
    createActions();
    createMenus();
    connectViews();
    createLessonDock();
    m_setup->setFocusPolicy(Qt::NoFocus);
    recomputeNow();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(tip);
        addAction(a); // shortcuts keep working in presentation mode, with the menu bar hidden
        return a;
    };
    m_openAction = make(tr("&Open spec…"), QKeySequence::Open, tr("Load a spec.json with its inputs and weights"));
    m_openKerasAction = make(tr("Open &Keras model…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")),
                             tr("Step through a trained attention layer of a saved Keras model (.keras)"));
    m_saveAction =
        make(tr("&Save spec…"), QKeySequence::Save, tr("Write the current spec.json with its inputs and weights"));
    m_exportHeatmapAction =
        make(tr("&Export heatmap…"), QKeySequence(tr("Ctrl+E")), tr("Save the inspector's heatmap as PNG, PDF or SVG"));
    m_exportStageAction =
        make(tr("Export s&tage…"), QKeySequence(tr("Ctrl+Shift+E")), tr("Save the stage as PNG, PDF or SVG"));
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, tr("Quit attnviz"));
    m_presentAction = make(tr("&Presentation mode"), QKeySequence(Qt::Key_F5),
                           tr("Full screen, big fonts, docks hidden; step with the keyboard"));
    m_presentAction->setCheckable(true);
    m_zoomInAction = make(tr("Zoom &in"), QKeySequence(tr("Ctrl+=")), tr("Larger fonts and cells"));
    m_zoomInAction->setShortcuts({QKeySequence(tr("Ctrl+=")), QKeySequence(tr("Ctrl++"))});
    m_zoomOutAction = make(tr("Zoom &out"), QKeySequence(tr("Ctrl+-")), tr("Smaller fonts and cells"));
    m_zoomResetAction = make(tr("&Reset zoom"), QKeySequence(tr("Ctrl+0")), tr("Normal size"));
    m_playAction = make(tr("&Play / pause"), QKeySequence(Qt::Key_Space), tr("Step through the computation"));
    m_nextAction = make(tr("&Next step"), QKeySequence(Qt::Key_Right), tr("Go to the next step"));
    m_previousAction = make(tr("P&revious step"), QKeySequence(Qt::Key_Left), tr("Go to the previous step"));
    m_firstAction = make(tr("&First step"), QKeySequence(Qt::Key_Home), tr("Go to the first step"));
    m_lastAction = make(tr("&Last step"), QKeySequence(Qt::Key_End), tr("Go to the last step"));
    m_replayAction = make(tr("Re&play animation"), QKeySequence(Qt::Key_R), tr("Play this step's animation again"));
    m_scrubBackAction =
        make(tr("Scrub &back"), QKeySequence(Qt::Key_BracketLeft), tr("Move the animation back by 5 %"));
    m_scrubForwardAction =
        make(tr("Scrub &forward"), QKeySequence(Qt::Key_BracketRight), tr("Move the animation forward by 5 %"));
    m_aboutAction = make(tr("&About attnviz"), {}, tr("What attnviz is"));

    connect(m_openAction, &QAction::triggered, this, &MainWindow::openSpecDialog);
    connect(m_openKerasAction, &QAction::triggered, this, &MainWindow::openKerasModelDialog);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveSpecDialog);
    connect(m_exportHeatmapAction, &QAction::triggered, this, [this] { exportDialog(false); });
    connect(m_exportStageAction, &QAction::triggered, this, [this] { exportDialog(true); });
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_presentAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(m_zoomInAction, &QAction::triggered, this, &MainWindow::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, this, &MainWindow::zoomOut);
    connect(m_zoomResetAction, &QAction::triggered, this, &MainWindow::resetZoom);
    connect(m_playAction, &QAction::triggered, m_controller, &Controller::togglePlay);
    connect(m_nextAction, &QAction::triggered, m_controller, &Controller::next);
    connect(m_previousAction, &QAction::triggered, m_controller, &Controller::previous);
    connect(m_firstAction, &QAction::triggered, m_controller, &Controller::first);
    connect(m_lastAction, &QAction::triggered, m_controller, &Controller::last);
    connect(m_replayAction, &QAction::triggered, m_stage, &StageView::replay);
    connect(m_replayButton, &QToolButton::clicked, m_stage, &StageView::replay);
    // The stage's progress is mirrored with signals blocked, so any change of
    // the slider that arrives here comes from the user.
    connect(m_scrub, &QSlider::valueChanged, this, [this](int v) { m_stage->setProgress(v / 1000.0); });
    connect(m_stage, &StageView::progressChanged, this, [this](double p) {
        const QSignalBlocker block(m_scrub);
        m_scrub->setValue(int(std::lround(p * 1000.0)));
    });
    connect(m_scrubBackAction, &QAction::triggered, this, [this] { m_stage->setProgress(m_stage->progress() - 0.05); });
    connect(m_scrubForwardAction, &QAction::triggered, this,
            [this] { m_stage->setProgress(m_stage->progress() + 0.05); });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);

    // Escape leaves presentation mode.
    auto* leave = new QAction(tr("Leave presentation mode"), this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leave, &QAction::triggered, this, [this] {
        if (m_presenting)
            m_presentAction->setChecked(false);
    });
    addAction(leave);

    m_exportMenu = new ExportMenu(this, m_exportHeatmapAction, m_exportStageAction);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    file->addAction(m_openAction);
    file->addAction(m_openKerasAction);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addAction(m_saveAction);
    file->addSeparator();
    file->addMenu(m_exportMenu->menu());
    file->addSeparator();
    file->addAction(m_quitAction);
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_exportMenu->copyAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    view->addAction(m_presentAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomResetAction);
    view->addMenu(createLanguageMenu(this, [this] { return m_settings; }));
    view->addSeparator();
    view->addAction(m_setupDock->toggleViewAction());
    view->addAction(m_inspectorDock->toggleViewAction());
    view->addAction(m_timelineDock->toggleViewAction());
    view->addSeparator();
    QAction* trainAction = view->addAction(tr("&Train"));
    trainAction->setObjectName(QStringLiteral("trainAction"));
    trainAction->setStatusTip(tr("Train a small model on a toy task and watch its heads learn"));
    connect(trainAction, &QAction::triggered, this, &MainWindow::showTrain);
    QAction* qk = view->addAction(tr("&Query–key space"));
    qk->setObjectName(QStringLiteral("qkSpaceAction"));
    qk->setStatusTip(tr("Each head's queries and keys as points in one plane; hover a query for its keys"));
    connect(qk, &QAction::triggered, this, &MainWindow::showQkSpace);

    QMenu* step = menuBar()->addMenu(tr("&Step"));
    step->addAction(m_playAction);
    step->addAction(m_previousAction);
    step->addAction(m_nextAction);
    step->addAction(m_firstAction);
    step->addAction(m_lastAction);
    step->addSeparator();
    step->addAction(m_replayAction);
    step->addAction(m_scrubBackAction);
    step->addAction(m_scrubForwardAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    help->addAction(m_aboutAction);
}

void MainWindow::setSettings(QSettings* settings) {
    m_settings = settings;
    if (!settings)
        return;
    m_recentFiles = settings::recentFiles.value(*settings);
    m_lastDirectory = settings::lastDirectory.value(*settings);
    updateRecentMenu();
    const QByteArray geometry = settings::windowGeometry.value(*settings);
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings::windowState.value(*settings);
    if (!state.isEmpty())
        m_docksSized = restoreState(state);
    setZoom(settings::zoom.value(*settings));
    m_heatmap->setNumberDigits(settings::numberDigits.value(*settings));
    m_controller->setSpeed(settings::playSpeed.value(*settings));
    m_stage->setSpeed(m_controller->speed());
    const QString last = settings::lastSpec.value(*settings);
    if (!last.isEmpty() && QFileInfo::exists(last))
        openSpec(last);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_docksSized) {
        m_docksSized = true;
        const int inspector = std::clamp(width() / 4, 320, 560);
        resizeDocks({m_setupDock, m_inspectorDock}, {m_setup->sizeHint().width(), inspector}, Qt::Horizontal);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_presenting)
        setPresentationMode(false);
    if (m_settings) {
        settings::windowGeometry.setValue(*m_settings, saveGeometry());
        settings::windowState.setValue(*m_settings, saveState());
        settings::zoom.setValue(*m_settings, m_zoom);
        settings::numberDigits.setValue(*m_settings, m_heatmap->numberDigits());
        settings::playSpeed.setValue(*m_settings, m_controller->speed());
        settings::recentFiles.setValue(*m_settings, m_recentFiles);
        settings::lastDirectory.setValue(*m_settings, m_lastDirectory);
        settings::lastSpec.setValue(*m_settings, m_recentFiles.value(0));
    }
    m_controller->pause();
    if (m_autosave)
        m_autosave->saveNow(true); // a normal exit: nothing to restore next time
    event->accept();
}

// --- recompute and show ------------------------------------------------------

void MainWindow::scheduleRecompute() {
    m_recomputeTimer->start();
}

void MainWindow::onSetupEdited() {
    m_notice.clear();
    scheduleRecompute();
    if (m_autosave)
        m_autosave->schedule();
}

void MainWindow::setNotice(const QString& notice) {
    m_notice = notice;
    updateStatus();
}

void MainWindow::recomputeNow() {
    recompute(false);
}

void MainWindow::recomputeInBackground() {
    recompute(true);
}

void MainWindow::recompute(bool inBackground) {
    m_recomputeTimer->stop();
    const SetupPanel::Result r = m_setup->buildSpec();
    m_setup->showWeightsSource(r);
    m_weightSources = r.weightSources;
    if (!r.errorMessage.isEmpty()) {
        m_controller->setInputError(r.errorField, r.errorMessage);
        return;
    }
    core::Spec spec = r.spec;
    spec.config.notKerasUnscaled = m_scalingLab->notKeras(); // the 1/√dₖ lab's what-if
    showTraceSize(spec);
    if (inBackground)
        m_controller->requestSpec(spec, r.queryTokens, r.keyTokens);
    else
        m_controller->setSpec(spec, r.queryTokens, r.keyTokens);
}

void MainWindow::showTraceSize(const core::Spec& spec) {
    m_setup->setTraceSize(core::estimateTraceBytes(spec), double(m_controller->limits().maxBytes));
}

void MainWindow::onComputingChanged(bool computing) {
    if (computing) {
        m_busyTimer->start();
        return;
    }
    m_busyTimer->stop();
    m_busy->hide();
    if (const auto trace = m_controller->trace(); trace && !m_controller->hasError())
        m_statusInfo->setText(tr("%1 · %n step(s) · %2 FLOPs · computed in %3 ms", nullptr, int(trace->steps.size()))
                                  .arg(QString::fromStdString(trace->layer), countText(trace->totalFlops()))
                                  .arg(QLocale().toString(m_controller->lastRunMs(), 'f', 1)));
}

void MainWindow::onTraceChanged() {
    const auto trace = m_controller->trace();
    m_traceModel->setTrace(trace);
    // Each view rebuilds on every setter: give tokens only when they changed,
    // and let currentStepChanged (which always follows) refresh the heatmap.
    if (m_stageTokens != std::pair{m_controller->queryTokens(), m_controller->keyTokens()}) {
        m_stageTokens = {m_controller->queryTokens(), m_controller->keyTokens()};
        m_stage->setTokens(m_stageTokens.first, m_stageTokens.second);
        m_heatmap->setTokens(m_stageTokens.first, m_stageTokens.second);
    }
    m_stage->setTrace(trace); // builds the scene now only when the stage is on screen
    const core::LayerConfig& layer = m_controller->traceSpec().config;
    m_stage->setOverlayNote(layer.notKerasUnscaled && core::hasHeads(layer.layer)
                                ? tr("NOT KERAS: 1/√dₖ turned off (1/√dₖ lab)")
                                : QString());
    m_formula->setTorchListing(core::torchListing(m_controller->traceSpec(), *trace));
    m_formula->setListing(
        withTrainedLayer(layerKerasListing(m_controller->traceSpec(), *trace), m_controller->traceSpec()));
    m_weightsStale = true; // set when the Weights tab is shown (weightsPanel())
    if (m_weights->isVisible())
        weightsPanel();
    m_compareDirty = true;
    m_labsDirty = true;
    m_qkSpaceDirty = true;
    if (!m_showingTrained)
        m_train->setLayer(m_controller->traceSpec().config); // the blocks train the Setup's layer
    updateLabs();
    updateQkSpace();
    updateCompare();
    // NaN and Inf in the inputs are allowed; say where they came from.
    const core::Spec& spec = m_controller->traceSpec();
    QStringList warnings;
    for (auto [tensor, which] :
         {std::pair{&spec.query, QStringLiteral("query")}, std::pair{&spec.value, QStringLiteral("value")},
          std::pair{&spec.key, QStringLiteral("key")}})
        if (*tensor)
            if (QString w = describeNonFinite(**tensor, m_setup->inputOrigin(which)); !w.isEmpty())
                warnings << w;
    for (const std::string& w : trace->warnings) // e.g. mask values other than 0 and 1, cast as Keras does
        warnings << QString::fromStdString(w);
    m_inputWarning = warnings.join(QStringLiteral("; "));
    m_statusInfo->setText(tr("%1 · %n step(s) · %2 FLOPs · computed in %3 ms", nullptr, int(trace->steps.size()))
                              .arg(QString::fromStdString(trace->layer), countText(trace->totalFlops()))
                              .arg(QLocale().toString(m_controller->lastRunMs(), 'f', 1)));
}

WeightsPanel* MainWindow::weightsPanel() const {
    if (m_weightsStale && m_controller->trace()) {
        m_weightsStale = false;
        m_weights->setWeights(m_controller->traceSpec(), m_controller->trace()->params, m_weightSources);
    }
    return m_weights;
}

HeatmapView* MainWindow::heatmap() const {
    if (m_heatmapStale) {
        m_heatmapStale = false;
        m_heatmap->setStep(m_controller->trace(), m_controller->currentStep());
    }
    return m_heatmap;
}

void MainWindow::updateCompare() {
    // The compare view runs every variant: only when it is on screen.
    if (!m_compareDirty || m_centre->currentIndex() != 1 || !m_controller->trace())
        return;
    m_compare->setSpec(m_controller->traceSpec());
    m_compareDirty = false;
}

void MainWindow::onCurrentStepChanged(int index) {
    const auto trace = m_controller->trace();
    m_timeline->setCurrentStep(index);
    if (m_stage->currentStep() != index) // setTrace already showed this step
        m_stage->setCurrentStep(index);
    // A closed Inspector dock takes the step when it is shown again (heatmap()).
    m_heatmapStale = m_inspectorDock->isHidden();
    if (!m_heatmapStale)
        m_heatmap->setStep(trace, index);
    else if (m_heatmap->step())
        m_heatmap->setStep(nullptr, -1); // let go of the old trace (gigabytes at T=S=4096)
    const core::Step* step = m_controller->currentStepData();
    m_formula->setStep(step, index, m_controller->stepCount());
    updateStatus();
    if (m_autosave)
        m_autosave->schedule(); // the step is part of the session
}

void MainWindow::onErrorChanged(const QString& field, const QString& message) {
    if (message.isEmpty())
        m_setup->clearError();
    else
        m_setup->showError(field, message, m_controller->errorAlsoFields());
    updateStatus();
}

void MainWindow::updateStatus() {
    if (m_controller->hasError()) {
        m_statusError->setStyleSheet(QStringLiteral("QLabel { color: #b00000; }"));
        m_statusError->setText(
            tr("Not recomputed: %1 (the last good result stays on screen)").arg(m_controller->errorMessage()));
        return;
    }
    QStringList parts;
    if (!m_notice.isEmpty())
        parts << m_notice;
    if (!m_inputWarning.isEmpty())
        parts << m_inputWarning;
    // NaN/Inf in the tensor on show (from the inputs, or made on the way).
    if (const core::Step* step = m_controller->currentStepData()) {
        const core::TensorStats st = core::summarizeStep(*m_controller->trace(), *step).stats;
        if (st.nanCount || st.infCount)
            parts << tr("%1 has %2 NaN and %3 Inf values (magenta)")
                         .arg(QString::fromStdString(step->key))
                         .arg(st.nanCount)
                         .arg(st.infCount);
    }
    m_statusError->setStyleSheet(m_inputWarning.isEmpty() && parts.size() <= 1 && !m_notice.isEmpty()
                                     ? QStringLiteral("QLabel { color: #1a5a1a; }")
                                     : QStringLiteral("QLabel { color: #8a4b00; }"));
    m_statusError->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::showStatusDetails() {
    // Not modal: the window stays usable while the message is read.
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("Status"), m_statusError->text(), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("statusDetails"));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::onSliceIndexChanged(core::AxisRole role, const QString&, int value) {
    if (role == core::AxisRole::Batch)
        m_batch = value;
    else if (role == core::AxisRole::Head)
        m_head = value;
    m_stage->setSliceIndices(m_batch, m_head);
}

void MainWindow::setAutoProbabilityRange(bool on) {
    m_heatmap->setAutoProbabilityRange(on);
    m_stage->setAutoProbabilityRange(on);
}

void MainWindow::settle() {
    QApplication::processEvents();
    if (m_recomputeTimer->isActive())
        recomputeNow();
    m_controller->waitForIdle();
    m_stage->setProgress(1.0);
    QApplication::processEvents();
}

// --- session autosave --------------------------------------------------------

QJsonObject MainWindow::sessionState() const {
    QJsonObject o;
    o[QStringLiteral("setup")] = m_setup->sessionState();
    if (const core::Step* step = m_controller->currentStepData())
        o[QStringLiteral("step")] = QString::fromStdString(step->key);
    o[QStringLiteral("spec_path")] = windowFilePath();
    return o;
}

void MainWindow::restoreSessionState(const QJsonObject& state) {
    m_setup->restoreSessionState(state.value(QStringLiteral("setup")).toObject());
    recomputeNow();
    setWindowFilePath(state.value(QStringLiteral("spec_path")).toString());
    m_controller->setCurrentStepByKey(state.value(QStringLiteral("step")).toString());
}

bool MainWindow::enableAutosave(const QString& directory, bool restore) {
    delete m_autosave;
    m_autosave = new SessionAutosave(
        directory, [this] { return sessionState(); }, this);
    if (!m_autosave->acquire()) {
        // Another attnviz owns this session: leave its file alone.
        delete m_autosave;
        m_autosave = nullptr;
        return false;
    }
    const auto unfinished = m_autosave->unfinishedSession();
    if (!unfinished)
        return false;
    const QString when = QLocale().toString(unfinished->savedAt, QLocale::ShortFormat);
    if (!restore) {
        const QString kept = m_autosave->keepAside();
        if (!kept.isEmpty())
            setNotice(tr("An unsaved session from %1 was kept in %2").arg(when, kept));
        return false;
    }
    restoreSessionState(unfinished->session);
    setNotice(tr("Restored your unsaved session from %1").arg(when));
    return true;
}

// --- files -------------------------------------------------------------------

bool MainWindow::openSpec(const QString& path, QString* error) {
    QString message;
    const std::optional<core::Spec> spec = Controller::readSpecFile(path, &message);
    if (!spec) {
        if (error)
            *error = message;
        m_statusError->setText(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), message));
        return false;
    }
    m_setup->setSpec(*spec);
    recomputeNow();
    addRecentFile(path);
    setWindowFilePath(path);
    if (m_controller->hasError() && error)
        *error = m_controller->errorMessage();
    return !m_controller->hasError();
}

bool MainWindow::saveSpec(const QString& path, QString* error) {
    if (!m_controller->writeSpecFile(path, error))
        return false;
    addRecentFile(path);
    setWindowFilePath(path);
    return true;
}

void MainWindow::openSpecDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open spec"), m_lastDirectory, tr("Layer specs (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    QString error;
    if (!openSpec(path, &error) && !error.isEmpty())
        QMessageBox::warning(this, tr("Open spec"), tr("Could not open %1:\n%2").arg(path, error));
}

bool MainWindow::openKerasModel(const QString& path, const QString& layer, QString* error) {
    QString message;
    QApplication::setOverrideCursor(Qt::WaitCursor); // the weights come from a child process
    const std::optional<core::Spec> spec = Controller::readKerasLayer(path, layer, &message);
    QApplication::restoreOverrideCursor();
    return applyKerasLayer(path, layer, spec, message, error);
}

void MainWindow::openKerasModelInBackground(const QString& path, const QString& layer) {
    setNotice(tr("Reading layer '%1' of %2 (its weights are read in a separate process)…")
                  .arg(layer, QFileInfo(path).fileName()));
    m_controller->requestKerasLayer(path, layer);
}

bool MainWindow::isOpeningKerasModel() const {
    return m_controller->isReadingKerasLayer();
}

void MainWindow::onKerasLayerRead(const QString& path, const QString& layer, const std::optional<core::Spec>& spec,
                                  const QString& message) {
    QString error;
    const bool ok = applyKerasLayer(path, layer, spec, message, &error);
    emit kerasModelOpened(ok, error);
}

bool MainWindow::applyKerasLayer(const QString& path, const QString& layer, const std::optional<core::Spec>& spec,
                                 const QString& message, QString* error) {
    if (!spec) {
        if (error)
            *error = message;
        setNotice(QString());
        m_statusError->setStyleSheet(QStringLiteral("QLabel { color: #b00000; }"));
        m_statusError->setText(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), message));
        return false;
    }
    m_setup->setSpec(*spec);
    recomputeNow();
    setNotice(tr("Layer '%1' of %2: trained weights from the file, inputs at its widths")
                  .arg(layer, QFileInfo(path).fileName()));
    if (m_controller->hasError() && error)
        *error = m_controller->errorMessage();
    return !m_controller->hasError();
}

void MainWindow::openKerasModelDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Keras model"), m_lastDirectory,
                                                      tr("Keras models (*.keras);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    QString error;
    const std::optional<core::KerasModelInfo> info = Controller::readKerasModelInfo(path, &error);
    if (!info) {
        QMessageBox::warning(this, tr("Open Keras model"), tr("Could not open %1:\n%2").arg(path, error));
        return;
    }
    KerasLayerDialog dialog(*info, this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedLayer().isEmpty())
        return;
    connect(
        this, &MainWindow::kerasModelOpened, this,
        [this, path](bool ok, const QString& message) {
            if (!ok && !message.isEmpty())
                QMessageBox::warning(this, tr("Open Keras model"), tr("Could not open %1:\n%2").arg(path, message));
        },
        Qt::SingleShotConnection);
    openKerasModelInBackground(path, dialog.selectedLayer());
}

void MainWindow::saveSpecDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save spec"), QDir(saveFolder()).filePath(QStringLiteral("spec.json")), tr("Layer specs (*.json)"));
    if (path.isEmpty())
        return;
    rememberSaveFolder(path);
    QString error;
    if (!saveSpec(path, &error))
        QMessageBox::warning(this, tr("Save spec"), tr("Could not save %1:\n%2").arg(path, error));
    else
        statusBar()->showMessage(tr("Saved %1 (with its inputs and weights beside it)").arg(path), 10000);
}

void MainWindow::addRecentFile(const QString& path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    m_recentFiles.removeAll(abs);
    m_recentFiles.prepend(abs);
    while (m_recentFiles.size() > settings::maxRecentFiles)
        m_recentFiles.removeLast();
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (const QString& path : std::as_const(m_recentFiles)) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            QString error;
            if (!openSpec(path, &error) && !error.isEmpty())
                QMessageBox::warning(this, tr("Open spec"), tr("Could not open %1:\n%2").arg(path, error));
        });
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
}

void MainWindow::browseNpy(const QString& which) {
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the %1 .npy").arg(which), m_lastDirectory,
                                                      tr("NumPy arrays (*.npy);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    m_setup->setNpyPath(which, path);
}

bool MainWindow::exportHeatmap(const QString& path, QString* error) {
    return exportFigure(path, heatmap()->figure(QSize(900, 700)), error);
}

bool MainWindow::exportStage(const QString& path, QString* error) {
    return exportFigure(path, m_stage->figure(m_stage->size().expandedTo(QSize(800, 500))), error);
}

QString MainWindow::saveFolder() const {
    if (!m_saveDirectory.isEmpty())
        return m_saveDirectory;
    return m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
}

void MainWindow::rememberSaveFolder(const QString& path) {
    m_saveDirectory = QFileInfo(path).absolutePath();
}

void MainWindow::showSaved(const QString& path) {
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
}

void MainWindow::exportDialog(bool stage) {
    const QString path = QFileDialog::getSaveFileName(
        this, stage ? tr("Export stage") : tr("Export heatmap"),
        QDir(saveFolder()).filePath(stage ? QStringLiteral("stage.png") : QStringLiteral("heatmap.png")),
        tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    rememberSaveFolder(path);
    QString error;
    const bool ok = stage ? exportStage(path, &error) : exportHeatmap(path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export"), error);
    else
        showSaved(path);
}

// --- view --------------------------------------------------------------------

void MainWindow::setPresentationMode(bool on) {
    if (on == m_presenting)
        return;
    m_presenting = on;
    {
        const QSignalBlocker block(m_presentAction);
        m_presentAction->setChecked(on);
    }
    if (on) {
        m_statebeforePresenting = saveState();
        m_splitBeforePresenting = m_stageSplit->saveState();
        m_wasMaximized = isMaximized();
        m_setupDock->hide();
        m_inspectorDock->hide();
        m_timelineDock->hide();
        menuBar()->hide();
        statusBar()->hide();
        showFullScreen();
    } else {
        menuBar()->show();
        statusBar()->show();
        restoreState(m_statebeforePresenting);
        m_stageSplit->restoreState(m_splitBeforePresenting);
        m_wasMaximized ? showMaximized() : showNormal();
    }
    applyZoom();
    if (on) {
        // A full stage however the splitter was left: the formula gets a strip below.
        QApplication::processEvents(); // the full-screen geometry
        const int total = m_stageSplit->height();
        const int formula = std::max(m_formula->minimumSizeHint().height(), total / 5);
        m_stageSplit->setSizes({total - formula, formula});
    }
    m_stage->setFocus();
}

void MainWindow::setZoom(double factor) {
    m_zoom = std::clamp(factor, 0.5, 4.0);
    applyZoom();
}

void MainWindow::zoomIn() {
    setZoom(m_zoom * 1.15);
}
void MainWindow::zoomOut() {
    setZoom(m_zoom / 1.15);
}
void MainWindow::resetZoom() {
    setZoom(1.0);
}

void MainWindow::applyZoom() {
    const double z = m_zoom * (m_presenting ? kPresentationZoom : 1.0);
    m_stage->setZoom(z);
    m_formula->setZoom(z);
    m_heatmap->setZoom(z);
    m_timeline->setZoom(z);
    m_compare->setZoom(z);
    // The stage's tab bar and scrub bar grow with it, so they stay readable on a projector.
    QFont f = QApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * z);
    m_centre->tabBar()->setFont(f);
    m_scalingLab->setZoom(z);
    m_equivalenceLab->setZoom(z);
    m_qkSpace->setZoom(z);
    m_train->setZoom(z);
    if (m_lessons)
        m_lessons->setZoom(z);
    m_replayButton->setFont(f);
    m_scrub->setMinimumHeight(int(std::lround(16 * z)));
}

void MainWindow::applySpec(const core::Spec& spec) {
    m_setup->setSpec(spec);
    recomputeNow();
    // A spec the setup panel cannot hold yet (e.g. GroupQueryAttention's
    // fields) still runs exactly as written.
    const auto trace = m_controller->trace();
    if (!trace || trace->layer != core::layerName(spec.config.layer)) {
        auto tokens = [](const std::vector<std::string>& t) {
            QStringList out;
            for (const std::string& s : t)
                out << QString::fromStdString(s);
            return out;
        };
        m_controller->setSpec(spec, tokens(spec.queryTokens), tokens(spec.sourceTokens));
    }
}

void MainWindow::updateLabs() {
    if (!m_labsDirty || !m_controller->trace())
        return;
    if (m_centre->currentIndex() == 2 || m_centre->currentIndex() == 3) { // the two labs
        m_scalingLab->setTrace(m_controller->trace());
        m_equivalenceLab->setBaseSpec(m_controller->traceSpec());
        m_labsDirty = false;
    }
}

void MainWindow::updateQkSpace() {
    if (!m_qkSpaceDirty || !m_controller->trace() || m_centre->currentIndex() != m_qkSpaceTab)
        return;
    m_qkSpace->setTrace(m_controller->trace(), m_controller->queryTokens(), m_controller->keyTokens());
    m_qkSpaceDirty = false;
}

QkSpaceView* MainWindow::qkSpaceView() {
    updateQkSpace();
    return m_qkSpace;
}

void MainWindow::showTrain() {
    m_centre->setCurrentIndex(m_trainTab);
}

void MainWindow::showQkSpace() {
    m_centre->setCurrentIndex(m_qkSpaceTab);
    updateQkSpace();
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About attnviz"),
                       tr("<h3>attnviz %1</h3>"
                          "<p>Keras' three attention layers — MultiHeadAttention, Attention and AdditiveAttention — "
                          "computed exactly as Keras 3 does, one operation at a time: every tensor with its shape, "
                          "its formula and the Keras code that produces it.</p>"
                          "<p>Keys: Space play/pause, Left/Right step, Home/End first/last, R replay, [ and ] scrub, "
                          "F5 presentation, Ctrl+= / Ctrl+- zoom.</p>"
                          "<p>Built with Qt %2 and QCustomPlot.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace attnviz::ui
