// File ▸ Export (issue 11): the heatmap, stage and compare figures; the current
// step's tensor (the slice shown or the whole tensor) as .npy or .csv; the whole
// trace as .npz (what attnviz-trace --out writes); the setup as a spec bundle
// folder; the computation as a NumPy, Keras or PyTorch script. Ctrl+C copies the
// heatmap as an image together with the selected (or hovered) cells as
// tab-separated numbers. Each export has a dialog-free function for tests.
#pragma once

#include "core/teach/script_export.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace attnviz::ui {

class MainWindow;

class ExportMenu : public QObject {
    Q_OBJECT
public:
    /// `heatmapAction` and `stageAction` are the window's existing figure
    /// exports (Ctrl+E, Ctrl+Shift+E); the menu lists them first.
    ExportMenu(MainWindow* window, QAction* heatmapAction, QAction* stageAction);

    QMenu* menu() const { return m_menu; }
    QAction* copyAction() const { return m_copy; }

    /// The current step's tensor, .npy or .csv by the path's suffix: the 2-D
    /// slice the heatmap shows, or the whole tensor.
    bool exportTensor(const QString& path, bool wholeTensor, QString* error = nullptr) const;
    /// Every step's tensor keyed by step (as attnviz-trace --out).
    bool exportTrace(const QString& path, QString* error = nullptr) const;
    /// spec.json + .npy inputs and masks + weights.npz in `directory`.
    bool exportBundle(const QString& directory, QString* error = nullptr) const;
    /// OUT.py with OUT.npz and OUT_trace.npz beside it.
    bool exportScript(const QString& path, core::ScriptTarget target, QString* error = nullptr) const;
    /// The Compare tab as PNG, PDF or SVG (by suffix).
    bool exportCompare(const QString& path, QString* error = nullptr) const;

    /// What Ctrl+C puts on the clipboard as text: the cells selected in the
    /// Numbers tab (their bounding rectangle), else the hovered cell; empty
    /// when there is neither.
    QString copiedCellsText() const;
    /// Ctrl+C: the heatmap image and copiedCellsText() on the clipboard.
    void copy() const;

private:
    void tensorDialog(bool wholeTensor);
    void traceDialog();
    void bundleDialog();
    void scriptDialog(core::ScriptTarget target);
    void compareDialog();
    void report(bool ok, const QString& path, const QString& error) const;
    QString saveName(const QString& title, const QString& suggestion, const QString& filters,
                     QString* selectedFilter = nullptr);

    MainWindow* m_window;
    QMenu* m_menu;
    QAction* m_copy;
};

} // namespace attnviz::ui
