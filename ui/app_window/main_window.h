// The main window: wires the controller to the views. Setup (left dock),
// stage and formula (centre tab "Stage"), compare (centre tab "Compare"),
// inspector (right dock), timeline (bottom dock), menus, status line and
// presentation mode. Lives in attention_ui so tests link the real window.
#pragma once

#include "core/trace/trace.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <utility>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSettings;
class QSlider;
class QSplitter;
class QTabWidget;
class QProgressBar;
class QTimer;
class QToolButton;

namespace attnviz::core {
struct Spec;
}

namespace attnviz::ui {

class CompareView;
class EquivalenceLabView;
class LessonPanel;
class ScalingLabView;
class Controller;
class ExportMenu;
class FormulaPanel;
class HeatmapView;
class SessionAutosave;
class SetupPanel;
class StageView;
class StepTimeline;
class TraceModel;
class WeightsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Restore window state, zoom, speed and recent files from these settings,
    /// and save them there on close. Not owned; may be nullptr (tests).
    void setSettings(QSettings* settings);

    /// Load a spec.json; on failure shows nothing and returns false with the message.
    bool openSpec(const QString& path, QString* error = nullptr);
    bool saveSpec(const QString& path, QString* error = nullptr);
    /// Open one attention layer of a saved Keras model (.keras): its config and
    /// trained weights (read by the isolated reader child). On failure the last
    /// result stays, the status line says why, and it returns false with the message.
    bool openKerasModel(const QString& path, const QString& layer, QString* error = nullptr);
    /// The same, with the reader child running on the Controller's worker
    /// (Controller::requestKerasLayer): the window stays usable and the status line
    /// says what is being read. A newer request (another open, or a setup edit)
    /// supersedes one still running (its result is dropped). Emits kerasModelOpened
    /// when a read that was not superseded is done.
    void openKerasModelInBackground(const QString& path, const QString& layer);
    /// The folder every export and save dialog starts in: the last one saved to, else
    /// the last one opened from; rememberSaveFolder(path) records a save there.
    QString saveFolder() const;
    void rememberSaveFolder(const QString& path);
    /// Says in the status line, for long enough to be read, what was written where.
    void showSaved(const QString& path);
    /// True while a background open is running.
    bool isOpeningKerasModel() const;
    /// Recompute from the setup panel now (edits otherwise recompute on the next event loop pass).
    void recomputeNow();
    /// Bring every view to rest (stage animation at its end) for a deterministic frame.
    void settle();

    /// Autosave the session into `directory` from now on (see SessionAutosave).
    /// When the last run there did not close cleanly, restore its session
    /// (`restore`) or move it aside, and say so in the status line. Returns
    /// true when a session was restored. Without this call nothing is written.
    bool enableAutosave(const QString& directory, bool restore = true);
    SessionAutosave* autosave() const { return m_autosave; }
    /// Everything needed to come back to this point: the setup panel's fields
    /// and tables, and the current step.
    QJsonObject sessionState() const;
    void restoreSessionState(const QJsonObject& state);

    bool exportHeatmap(const QString& path, QString* error = nullptr);
    bool exportStage(const QString& path, QString* error = nullptr);

    /// Probability steps coloured 0 … their top (largest value, or 99.5th percentile of 1000 or more; inspector and
    /// stage) instead of 0–1.
    void setAutoProbabilityRange(bool on);

    bool isPresentationMode() const { return m_presenting; }
    double zoom() const { return m_zoom; }
    QStringList recentFiles() const { return m_recentFiles; }

    Controller* controller() const { return m_controller; }
    TraceModel* traceModel() const { return m_traceModel; }
    SetupPanel* setupPanel() const { return m_setup; }
    StepTimeline* timeline() const { return m_timeline; }
    /// The inspector, brought up to date first: a closed Inspector dock takes
    /// the current step only when shown or asked for it.
    HeatmapView* heatmap() const;
    FormulaPanel* formulaPanel() const { return m_formula; }
    StageView* stage() const { return m_stage; }
    CompareView* compareView() const { return m_compare; }
    /// The centre tabs: 0 Stage, 1 Compare, 2 the 1/√dₖ lab, 3 the equivalence lab.
    QTabWidget* centreTabs() const { return m_centre; }
    /// The Stage tab's splitter: the stage (with its scrub bar) over the formula panel.
    QSplitter* stageSplitter() const { return m_stageSplit; }
    ExportMenu* exportMenu() const { return m_exportMenu; }
    QLabel* statusMessage() const { return m_statusError; }
    /// "Details…" beside the status line, shown when its message is elided.
    QToolButton* statusDetailsButton() const { return m_statusDetails; }
    // Lessons and labs (ui/lessons).
    QDockWidget* inspectorDock() const { return m_inspectorDock; }
    QDockWidget* setupDock() const { return m_setupDock; }
    QDockWidget* lessonDock() const { return m_lessonDock; }
    ScalingLabView* scalingLab() const { return m_scalingLab; }
    EquivalenceLabView* equivalenceLab() const { return m_equivalenceLab; }
    /// The Weights tab, brought up to date first: behind another tab it takes a new trace only when shown.
    WeightsPanel* weightsPanel() const;
    LessonPanel* lessons() const { return m_lessons; }
    /// Show this spec in the setup panel and recompute now (a lesson's slide).
    void applySpec(const core::Spec& spec);

public slots:
    void setPresentationMode(bool on);
    void setZoom(double factor);
    void zoomIn();
    void zoomOut();
    void resetZoom();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

signals:
    /// A background open finished: ok, or the message saying why not.
    void kerasModelOpened(bool ok, const QString& message);

private:
    void onKerasLayerRead(const QString& path, const QString& layer, const std::optional<core::Spec>& spec,
                          const QString& message);
    bool applyKerasLayer(const QString& path, const QString& layer, const std::optional<core::Spec>& spec,
                         const QString& message, QString* error);
    QSplitter* createStagePane();
    void createCentreTabs();
    void createDocks();
    void createStatusLine();
    void connectViews();
    void createLessonDock();
    void createActions();
    void createMenus();
    void onTraceChanged();
    void onCurrentStepChanged(int index);
    void onErrorChanged(const QString& field, const QString& message);
    /// The status line: the error, else the notice, the input warning and the step's NaN/Inf.
    void updateStatus();
    /// A one-off message (restored session, dropped masks) kept until the next edit.
    void setNotice(const QString& notice);
    /// The whole status message in a (non-modal) message box.
    void showStatusDetails();
    void onSetupEdited();
    void onSliceIndexChanged(core::AxisRole role, const QString& axisName, int value);
    void scheduleRecompute();
    /// Recompute from the setup panel, in the background when the setup is large.
    void recomputeInBackground();
    /// Build the spec from the setup and hand it to the controller: now, or as a background run.
    void recompute(bool inBackground);
    /// Show the expected trace size of this spec in the setup panel.
    void showTraceSize(const core::Spec& spec);
    void onComputingChanged(bool computing);
    void updateCompare();
    void updateLabs();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void openSpecDialog();
    void openKerasModelDialog();
    void saveSpecDialog();
    void exportDialog(bool stage);
    void browseNpy(const QString& which);
    void about();
    void applyZoom();

    Controller* m_controller;
    TraceModel* m_traceModel;
    SetupPanel* m_setup;
    StepTimeline* m_timeline;
    HeatmapView* m_heatmap;
    FormulaPanel* m_formula;
    StageView* m_stage;
    CompareView* m_compare;
    ScalingLabView* m_scalingLab;
    EquivalenceLabView* m_equivalenceLab;
    WeightsPanel* m_weights;
    std::map<std::string, QString> m_weightSources; // of the last setup handed to the controller
    LessonPanel* m_lessons = nullptr;
    QDockWidget* m_lessonDock = nullptr;
    bool m_labsDirty = true;
    mutable bool m_weightsStale = false; // the Weights tab is hidden: the new trace waits until it shows
    mutable bool m_heatmapStale = false; // the Inspector dock is closed: the step waits until it shows
    QTabWidget* m_centre;
    QSplitter* m_stageSplit = nullptr; // the stage over the formula panel
    QByteArray m_splitBeforePresenting;
    QList<int> m_splitBeforeCode; // the split before the Keras code tab took more height
    QDockWidget* m_setupDock;
    QDockWidget* m_inspectorDock;
    QDockWidget* m_timelineDock;
    QLabel* m_statusError; // a StatusLabel: elided, whole in its tooltip
    QToolButton* m_statusDetails;
    QLabel* m_statusInfo;
    QProgressBar* m_busy; // shown while a background run computes
    QTimer* m_busyTimer;  // shows m_busy only when a run lasts, so small ones never flicker
    QTimer* m_recomputeTimer;
    SessionAutosave* m_autosave = nullptr;
    ExportMenu* m_exportMenu = nullptr;
    QString m_notice;       // restored session, dropped masks
    QString m_inputWarning; // NaN/Inf in the inputs, and where they came from

    QAction* m_openAction;
    QAction* m_openKerasAction;
    QAction* m_saveAction;
    QAction* m_exportHeatmapAction;
    QAction* m_exportStageAction;
    QAction* m_quitAction;
    QAction* m_presentAction;
    QAction* m_zoomInAction;
    QAction* m_zoomOutAction;
    QAction* m_zoomResetAction;
    QAction* m_playAction;
    QAction* m_nextAction;
    QAction* m_previousAction;
    QAction* m_firstAction;
    QAction* m_lastAction;
    QAction* m_replayAction;
    QAction* m_scrubBackAction;
    QAction* m_scrubForwardAction;
    QToolButton* m_replayButton;
    QSlider* m_scrub;
    QAction* m_aboutAction;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;

    QSettings* m_settings = nullptr;
    QStringList m_recentFiles;
    std::pair<QStringList, QStringList> m_stageTokens; // what the stage and heatmap were given
    QString m_lastDirectory;
    QString m_saveDirectory; // where the last export or save went
    QByteArray m_statebeforePresenting;
    bool m_presenting = false;
    bool m_wasMaximized = false;
    bool m_compareDirty = true;
    bool m_docksSized = false;
    double m_zoom = 1.0;
    int m_batch = 0;
    int m_head = 0;
};

} // namespace attnviz::ui
