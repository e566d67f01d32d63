// File ▸ Export and Ctrl+C (issue 11): every export writes a file that opens
// where it should (the .npy/.npz read back by the core's NumPy reader, CSV with
// its header and commas, PNG/SVG/PDF with their signatures), the spec bundle
// opens back to the same trace, Ctrl+C puts the heatmap image and the chosen
// cells on the clipboard, and the Keras-code tab's PyTorch translation follows
// the current step. With ATTNVIZ_SHOT_DIR set, it also saves screenshots of
// the menu, the translate view and an exported figure there.
#include "ui/app_window/controller.h"
#include "ui/app_window/export_menu.h"
#include "ui/app_window/main_window.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/text/formula_panel.h"

#include "core/layers/run.h"
#include "core/io/npy.h"
#include "core/io/tensor_export.h"

#include <cmath>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSet>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QByteArray head(const QString& path, int n) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(n);
}

QStringList lines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

void saveShot(const QString& name, const QImage& image) {
    const QString dir = qEnvironmentVariable("ATTNVIZ_SHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_window = new MainWindow;
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(m_window->controller()->trace());
        QVERIFY(m_dir.isValid());
        goTo("weights");
    }
    void cleanup() { delete m_window; }

    void menuListsEveryExport() {
        QMenu* file = nullptr;
        for (QAction* a : m_window->menuBar()->actions())
            if (a->menu() && a->text().contains(QLatin1String("File")))
                file = a->menu();
        QVERIFY(file);
        QVERIFY(file->actions().contains(m_window->exportMenu()->menu()->menuAction()));
        QStringList texts;
        for (QAction* a : m_window->exportMenu()->menu()->actions())
            texts << a->text().remove('&');
        for (const char* want : {"Heatmap image", "Stage image", "Compare view image", "shown slice", "whole (.npy",
                                 "Whole trace", "spec bundle", "Python script"})
            QVERIFY2(texts.filter(QLatin1String(want)).size() == 1, qPrintable(texts.join(" | ")));
        QCOMPARE(m_window->exportMenu()->copyAction()->shortcut(), QKeySequence(QKeySequence::Copy));

        QMenu* menu = m_window->exportMenu()->menu();
        menu->popup(m_window->mapToGlobal(QPoint(40, 40)));
        QTest::qWait(50);
        saveShot(QStringLiteral("export_menu.png"), menu->grab().toImage());
        menu->hide();
    }

    void shownSliceAsNpyAndCsv() {
        HeatmapView* heat = m_window->heatmap();
        const core::Slice2D& slice = heat->shownSlice();
        QVERIFY(slice.rows > 1 && slice.cols > 1);
        const QString npy = m_dir.filePath("slice.npy"), csv = m_dir.filePath("slice.csv");
        QString error;
        QVERIFY2(m_window->exportMenu()->exportTensor(npy, false, &error), qPrintable(error));
        const core::Tensor t = core::readNpy(npy.toStdString());
        QCOMPARE(t.shape(), (core::Shape{slice.rows, slice.cols}));
        QVERIFY(t.values() == slice.values);

        QVERIFY2(m_window->exportMenu()->exportTensor(csv, false, &error), qPrintable(error));
        const QStringList l = lines(csv);
        QCOMPARE(l.size(), int(slice.rows) + 1);
        QVERIFY2(l[0].startsWith(QLatin1String("query\\source,")), qPrintable(l[0])); // header: the axes, then columns
        for (const QString& line : l)
            QCOMPARE(line.count(','), int(slice.cols)); // comma separated, one label column
        const QStringList row1 = l[2].split(',');
        for (int c = 0; c < int(slice.cols); ++c)
            QCOMPARE(row1[c + 1].toFloat(), slice.at(1, c));
        QVERIFY(!m_window->exportMenu()->exportTensor(m_dir.filePath("x.txt"), false, &error));
        QVERIFY2(error.contains(QLatin1String(".npy or .csv")), qPrintable(error));
    }

    void wholeTensorAsNpyAndCsv() {
        const core::Step* step = m_window->heatmap()->step();
        QVERIFY(step && step->value.rank() == 4);
        const QString npy = m_dir.filePath("w.npy"), csv = m_dir.filePath("w.csv");
        QVERIFY(m_window->exportMenu()->exportTensor(npy, true));
        const core::Tensor t = core::readNpy(npy.toStdString());
        QCOMPARE(t.shape(), step->value.shape());
        QVERIFY(t.values() == step->value.values());
        QVERIFY(m_window->exportMenu()->exportTensor(csv, true));
        const QStringList l = lines(csv);
        QCOMPARE(l.size(), int(step->value.size() / step->value.dim(-1)) + 1);
        QVERIFY2(l[0].startsWith(QLatin1String("batch,head,query,source=0,")), qPrintable(l[0]));
    }

    void traceAsNpzIsWhatTheCliWrites() {
        const QString path = m_dir.filePath("trace.npz");
        QVERIFY(m_window->exportMenu()->exportTrace(path));
        const auto arrays = core::readNpz(path.toStdString());
        const auto trace = m_window->controller()->trace();
        QCOMPARE(arrays.size(), trace->steps.size());
        for (const core::Step& s : trace->steps)
            QVERIFY2(arrays.at(s.key).values() == s.value.values(), s.key.c_str());
    }

    void specBundleOpensBackToTheSameTrace() {
        const auto before = m_window->controller()->trace();
        const QString dir = m_dir.filePath("bundle");
        QString error;
        QVERIFY2(m_window->exportMenu()->exportBundle(dir, &error), qPrintable(error));
        for (const char* f : {"spec.json", "query.npy", "value.npy", "weights.npz"})
            QVERIFY2(QFile::exists(QDir(dir).filePath(f)), f);
        MainWindow other;
        QVERIFY2(other.openSpec(QDir(dir).filePath("spec.json"), &error), qPrintable(error));
        const auto after = other.controller()->trace();
        QCOMPARE(after->steps.size(), before->steps.size());
        for (size_t i = 0; i < before->steps.size(); ++i) {
            QCOMPARE(after->steps[i].key, before->steps[i].key);
            QVERIFY2(after->steps[i].value.values() == before->steps[i].value.values(), before->steps[i].key.c_str());
        }
    }

    void pythonScriptsWithTheirData() {
        for (auto target : {core::ScriptTarget::NumPy, core::ScriptTarget::Keras, core::ScriptTarget::Torch}) {
            const QString py = m_dir.filePath(QStringLiteral("s_%1.py").arg(core::scriptTargetName(target)));
            QString error;
            QVERIFY2(m_window->exportMenu()->exportScript(py, target, &error), qPrintable(error));
            QVERIFY(head(py, 200).startsWith("#!/usr/bin/env python3"));
            const QString stem = py.chopped(3);
            const auto data = core::readNpz((stem + ".npz").toStdString());
            QVERIFY(data.count("query") && data.count("query_dense/kernel"));
            QCOMPARE(core::readNpz((stem + "_trace.npz").toStdString()).size(),
                     m_window->controller()->trace()->steps.size());
        }
    }

    void compareViewAsPngSvgPdf() {
        QString error;
        const QString png = m_dir.filePath("c.png"), svg = m_dir.filePath("c.svg"), pdf = m_dir.filePath("c.pdf");
        QVERIFY2(m_window->exportMenu()->exportCompare(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        QVERIFY(m_window->exportMenu()->exportCompare(svg));
        QVERIFY(head(svg, 400).contains("<svg"));
        // The SVG draws the figure: rendered back, it has the heatmaps' many colours.
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QImage back(renderer.defaultSize(), QImage::Format_ARGB32);
        back.fill(Qt::white);
        QPainter painter(&back);
        renderer.render(&painter);
        painter.end();
        QSet<QRgb> colours;
        for (int y = 0; y < back.height(); y += 4)
            for (int x = 0; x < back.width(); x += 4)
                colours.insert(back.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        saveShot(QStringLiteral("exported_compare_svg.png"), back);
        QVERIFY(m_window->exportMenu()->exportCompare(pdf));
        QVERIFY(head(pdf, 5).startsWith("%PDF"));
        saveShot(QStringLiteral("exported_compare.png"), image);
        // Same layout in every format (the SVG counts in points: 72/96 of the pixels).
        QVERIFY2(std::abs(double(renderer.defaultSize().width()) / renderer.defaultSize().height() -
                          double(image.width()) / image.height()) < 0.01,
                 qPrintable(QStringLiteral("svg %1x%2, png %3x%4")
                                .arg(renderer.defaultSize().width())
                                .arg(renderer.defaultSize().height())
                                .arg(image.width())
                                .arg(image.height())));
    }

    void copyPutsImageAndCellsOnTheClipboard() {
        HeatmapView* heat = m_window->heatmap();
        const core::Slice2D& slice = heat->shownSlice();
        QTableView* table = heat->numbersTable();
        auto* model = table->model();
        table->selectionModel()->select(QItemSelection(model->index(0, 1), model->index(1, 2)),
                                        QItemSelectionModel::ClearAndSelect);
        const QString expect = QString::fromStdString(core::sliceToTsv(slice, 0, 1, 1, 2));
        QCOMPARE(m_window->exportMenu()->copiedCellsText(), expect);
        QCOMPARE(expect.count('\n'), 2);
        QCOMPARE(expect.count('\t'), 2);
        m_window->exportMenu()->copyAction()->trigger();
        const QMimeData* data = QApplication::clipboard()->mimeData();
        QVERIFY(data);
        QCOMPARE(data->text(), expect);
        QVERIFY(data->hasImage());
        QVERIFY(!qvariant_cast<QImage>(data->imageData()).isNull());

        // Without a selection: the hovered cell.
        table->selectionModel()->clearSelection();
        QVERIFY(heat->hoverAt(heat->cellCenter(1, 0)));
        QCOMPARE(m_window->exportMenu()->copiedCellsText(),
                 QString::fromStdString(core::formatValue(slice.at(1, 0)) + "\n"));
    }

    void translateShowsTheTorchStepBesideKeras() {
        FormulaPanel* f = m_window->formulaPanel();
        QVERIFY(!f->translating());
        QPlainTextEdit* torch = f->torchView();
        QVERIFY(torch->isHidden());
        f->translateButton()->click();
        QVERIFY(f->translating());
        QVERIFY(!torch->isHidden());
        const auto trace = m_window->controller()->trace();
        const core::CodeListing listing = core::torchListing(m_window->controller()->traceSpec(), *trace);
        QCOMPARE(f->torchText(), QString::fromStdString(listing.code));
        QCOMPARE(f->torchHighlight(), listing.linesOfStep.at("weights"));
        goTo("query_dense");
        QCOMPARE(f->torchHighlight(), listing.linesOfStep.at("query_dense"));
        QVERIFY(f->highlightedLine() >= 0); // the Keras line is highlighted too
        const QStringList torchLines = f->torchText().split('\n');
        QVERIFY(torchLines.at(f->torchHighlight().first).contains(QLatin1String("F.linear(query")));

        f->findChild<QTabWidget*>()->setCurrentIndex(1);
        goTo("weights");
        m_window->settle();
        saveShot(QStringLiteral("translate_1280.png"), m_window->grab().toImage());
        m_window->resize(1920, 1080);
        QTest::qWait(50);
        m_window->settle();
        saveShot(QStringLiteral("translate_1920.png"), m_window->grab().toImage());
        f->translateButton()->click();
        QVERIFY(torch->isHidden());
    }

private:
    void goTo(const char* key) {
        const int i = m_window->controller()->trace()->indexOf(key);
        QVERIFY(i >= 0);
        m_window->controller()->setCurrentStep(i);
        QCOMPARE(m_window->heatmap()->step()->key, std::string(key));
    }

    MainWindow* m_window = nullptr;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
