#include "ui/app_window/export_menu.h"
#include "core/io/spec_files.h"

#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/compare/compare_view.h"
#include "ui/export/figure_export.h"
#include "ui/inspector/heatmap_view.h"

#include "core/io/npy.h"
#include "core/io/tensor_export.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLayout>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace attnviz::ui {

namespace {

std::vector<std::string> toStd(const QStringList& l) {
    std::vector<std::string> out;
    for (const QString& s : l)
        out.push_back(s.toStdString());
    return out;
}

bool writeText(const QString& path, const std::string& text, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        if (error)
            *error = QObject::tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

template <class F> bool guarded(QString* error, F&& f) {
    try {
        return f();
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

} // namespace

ExportMenu::ExportMenu(MainWindow* window, QAction* heatmapAction, QAction* stageAction)
    : QObject(window), m_window(window), m_menu(new QMenu(tr("&Export"), window)), m_copy(new QAction(window)) {
    m_menu->setToolTipsVisible(true);
    auto add = [this](QMenu* menu, const QString& text, const QString& tip, auto slot) {
        QAction* a = menu->addAction(text);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    heatmapAction->setText(tr("&Heatmap image (PNG, PDF, SVG)…"));
    stageAction->setText(tr("S&tage image (PNG, PDF, SVG)…"));
    m_menu->addAction(heatmapAction);
    m_menu->addAction(stageAction);
    add(m_menu, tr("&Compare view image (PNG, PDF, SVG)…"), tr("Save the Compare tab as a figure"),
        [this] { compareDialog(); });
    m_menu->addSeparator();
    add(m_menu, tr("Step tensor, &shown slice (.npy, .csv)…"),
        tr("The 2-D slice the heatmap shows (current batch and head), as a NumPy array or a CSV table"),
        [this] { tensorDialog(false); });
    add(m_menu, tr("Step tensor, &whole (.npy, .csv)…"),
        tr("The current step's whole tensor, every axis, as a NumPy array or a CSV table"),
        [this] { tensorDialog(true); });
    add(m_menu, tr("Whole t&race (.npz)…"),
        tr("Every step's tensor keyed by step, the same file as attnviz-trace --out"), [this] { traceDialog(); });
    add(m_menu, tr("Setup as spec &bundle (folder)…"),
        tr("spec.json with its .npy inputs and masks and weights.npz, which loads back to the same trace"),
        [this] { bundleDialog(); });
    QMenu* script = m_menu->addMenu(tr("&Python script"));
    script->setToolTipsVisible(true);
    add(script, tr("&NumPy…"), tr("Self-contained NumPy, one block per step, checked against the trace"),
        [this] { scriptDialog(core::ScriptTarget::NumPy); });
    add(script, tr("&Keras 3…"), tr("The real Keras layer with these weights and masks, checked against the trace"),
        [this] { scriptDialog(core::ScriptTarget::Keras); });
    add(script, tr("&PyTorch…"), tr("The layer in torch ops (and nn.MultiheadAttention where it fits), checked"),
        [this] { scriptDialog(core::ScriptTarget::Torch); });

    m_copy->setText(tr("&Copy heatmap and cells"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setToolTip(tr("Copy the heatmap as an image and the selected (or hovered) cells as tab-separated numbers"));
    m_copy->setStatusTip(m_copy->toolTip());
    connect(m_copy, &QAction::triggered, this, [this] {
        copy();
        const QString cells = copiedCellsText();
        m_window->statusBar()->showMessage(
            cells.isEmpty() ? tr("Copied the heatmap")
                            : tr("Copied the heatmap and %1 cell(s)").arg(cells.count('\t') + cells.count('\n')),
            4000);
    });
    window->addAction(m_copy);
}

bool ExportMenu::exportTensor(const QString& path, bool wholeTensor, QString* error) const {
    const HeatmapView* heat = m_window->heatmap();
    const core::Step* step = heat->step();
    if (!step) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("npy") && suffix != QLatin1String("csv")) {
        if (error)
            *error = tr("Choose a .npy or .csv file name. Received: %1").arg(path);
        return false;
    }
    return guarded(error, [&] {
        const core::Slice2D& slice = heat->shownSlice();
        if (suffix == QLatin1String("npy")) {
            const core::Tensor t = wholeTensor ? step->value : core::Tensor({slice.rows, slice.cols}, slice.values);
            core::writeNpy(path.toStdString(), t);
            return true;
        }
        if (wholeTensor)
            return writeText(path, core::tensorToCsv(step->value, step->axisNames()), error);
        const int r = heat->rowAxis(), c = heat->colAxis();
        auto axis = [&](int a) {
            return a >= 0 && a < int(step->axes.size()) ? step->axes[size_t(a)].name : std::string();
        };
        std::string corner = axis(r);
        if (c >= 0)
            corner.append("\\").append(axis(c)); // "query\source"; append: GCC 12 -Wrestrict on operator+
        return writeText(path, core::sliceToCsv(slice, toStd(heat->rowLabels()), toStd(heat->columnLabels()), corner),
                         error);
    });
}

bool ExportMenu::exportTrace(const QString& path, QString* error) const {
    const auto trace = m_window->controller()->trace();
    if (!trace) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    return guarded(error, [&] {
        std::map<std::string, core::Tensor> arrays;
        for (const core::Step& s : trace->steps)
            arrays[s.key] = s.value;
        core::writeNpz(path.toStdString(), arrays);
        return true;
    });
}

bool ExportMenu::exportBundle(const QString& directory, QString* error) const {
    const auto trace = m_window->controller()->trace();
    if (!trace) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    return guarded(error, [&] {
        core::saveSpecBundle(directory.toStdString(), m_window->controller()->traceSpec(), *trace);
        return true;
    });
}

bool ExportMenu::exportScript(const QString& path, core::ScriptTarget target, QString* error) const {
    const auto trace = m_window->controller()->trace();
    if (!trace) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    return guarded(error, [&] {
        core::writeScriptExport(path.toStdString(), m_window->controller()->traceSpec(), *trace, target);
        return true;
    });
}

bool ExportMenu::exportCompare(const QString& path, QString* error) const {
    // Export what the Compare tab shows, laid out as on screen: bring the tab
    // forward for the time of the export (it computes when shown).
    QTabWidget* centre = m_window->centreTabs();
    const int before = centre->currentIndex();
    centre->setCurrentIndex(1);
    QWidget* view = m_window->compareView();
    for (int pass = 0; pass < 5; ++pass) { // until the scroll area's layout settles
        const QSize was = view->size();
        QApplication::processEvents();
        if (pass > 0 && view->size() == was)
            break;
    }
    const QSize size = view->size();
    Figure figure;
    figure.size = size;
    figure.pixelSize = size * 2;
    figure.title = tr("attnviz compare");
    figure.paint = [view, size](QCPPainter& painter, const QRect& rect) {
        painter.save();
        painter.scale(double(rect.width()) / size.width(), double(rect.height()) / size.height());
        view->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
    };
    QString why;
    const bool ok = exportFigure(path, figure, &why);
    centre->setCurrentIndex(before);
    if (!ok && error)
        *error = why;
    return ok;
}

QString ExportMenu::copiedCellsText() const {
    const HeatmapView* heat = m_window->heatmap();
    const core::Slice2D& slice = heat->shownSlice();
    if (slice.rows == 0 || slice.cols == 0)
        return {};
    const QItemSelectionModel* sel = heat->numbersTable()->selectionModel();
    int r0 = INT_MAX, r1 = -1, c0 = INT_MAX, c1 = -1;
    if (sel)
        for (const QModelIndex& i : sel->selectedIndexes()) {
            if (i.column() >= slice.cols) // the Σ row column
                continue;
            r0 = std::min(r0, i.row());
            r1 = std::max(r1, i.row());
            c0 = std::min(c0, i.column());
            c1 = std::max(c1, i.column());
        }
    if (r1 < 0 && heat->hoveredRow() >= 0 && heat->hoveredColumn() >= 0) {
        r0 = r1 = heat->hoveredRow();
        c0 = c1 = heat->hoveredColumn();
    }
    if (r1 < 0)
        return {};
    return QString::fromStdString(core::sliceToTsv(slice, r0, r1, c0, c1));
}

void ExportMenu::copy() const {
    auto* data = new QMimeData;
    const HeatmapView* heat = m_window->heatmap();
    if (heat->step())
        data->setImageData(heat->plot()->toPixmap().toImage());
    const QString cells = copiedCellsText();
    if (!cells.isEmpty())
        data->setText(cells);
    QApplication::clipboard()->setMimeData(data);
}

QString ExportMenu::saveName(const QString& title, const QString& suggestion, const QString& filters,
                             QString* selectedFilter) {
    const QString path = QFileDialog::getSaveFileName(
        m_window, title, QDir(m_window->saveFolder()).filePath(suggestion), filters, selectedFilter);
    if (!path.isEmpty())
        m_window->rememberSaveFolder(path);
    return path;
}

void ExportMenu::report(bool ok, const QString& path, const QString& error) const {
    if (ok)
        m_window->showSaved(path);
    else
        QMessageBox::warning(m_window, tr("Export"), error);
}

void ExportMenu::tensorDialog(bool wholeTensor) {
    const core::Step* step = m_window->heatmap()->step();
    if (!step)
        return;
    QString filter;
    const QString npy = tr("NumPy array (*.npy)"), csv = tr("CSV table (*.csv)");
    QString path =
        saveName(wholeTensor ? tr("Export the step's tensor") : tr("Export the shown slice"),
                 QString::fromStdString(step->key) + (wholeTensor ? "" : "_slice") + ".npy", npy + ";;" + csv, &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == csv ? ".csv" : ".npy";
    QString error;
    report(exportTensor(path, wholeTensor, &error), path, error);
}

void ExportMenu::traceDialog() {
    QString path = saveName(tr("Export the whole trace"), QStringLiteral("trace.npz"), tr("NumPy archive (*.npz)"));
    if (path.isEmpty())
        return;
    QString error;
    report(exportTrace(path, &error), path, error);
}

void ExportMenu::bundleDialog() {
    const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Folder for the spec bundle"),
                                                          QFileInfo(m_window->windowFilePath()).absolutePath());
    if (dir.isEmpty())
        return;
    QString error;
    report(exportBundle(dir, &error), QDir(dir).filePath(QStringLiteral("spec.json")), error);
}

void ExportMenu::scriptDialog(core::ScriptTarget target) {
    const QString name = QStringLiteral("attention_%1.py").arg(QString::fromLatin1(core::scriptTargetName(target)));
    QString path = saveName(tr("Export the computation as a Python script"), name, tr("Python script (*.py)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".py")))
        path += QLatin1String(".py");
    QString error;
    report(exportScript(path, target, &error), path, error);
}

void ExportMenu::compareDialog() {
    const QString path = saveName(tr("Export the Compare view"), QStringLiteral("compare.png"),
                                  tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    report(exportCompare(path, &error), path, error);
}

} // namespace attnviz::ui
