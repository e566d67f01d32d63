#include "ui/app_window/headless.h"

#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/compare/compare_view.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/labs/equivalence_lab_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/labs/scaling_lab_view.h"
#include "ui/setup/setup_panel.h"
#include "ui/stage/stage_view.h"
#include "ui/text/formula_panel.h"
#include "ui/weights/weights_panel.h"

#include "core/base/parallel.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QTabWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QImage>
#include <QSpinBox>
#include <QTextStream>

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace attnviz::ui {

namespace {

/// Make the centre tab that holds `inside` current.
void showCentreTabOf(MainWindow& w, QWidget* inside) {
    QTabWidget* tabs = w.centreTabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i) == inside || tabs->widget(i)->isAncestorOf(inside))
            tabs->setCurrentIndex(i);
}

void showDock(QDockWidget* dock) {
    dock->show();
    dock->raise();
}

} // namespace

const std::vector<HeadlessView>& headlessViews() {
    // One line per view: its name, what it shows, and how to bring it on screen.
    static const std::vector<HeadlessView> views = {
        {"stage", "the animated stage and the step's formula (the default)",
         [](MainWindow& w) {
             showCentreTabOf(w, w.stage());
             w.formulaPanel()->tabs()->setCurrentIndex(0);
         }},
        {"keras-code", "the stage, with the layer's Keras code below it",
         [](MainWindow& w) {
             showCentreTabOf(w, w.stage());
             w.formulaPanel()->tabs()->setCurrentIndex(1);
         }},
        {"heatmap", "the inspector's heatmap (shown with every centre view)",
         [](MainWindow& w) { w.heatmap()->tabs()->setCurrentIndex(0); }},
        {"numbers", "the inspector's Numbers tab", [](MainWindow& w) { w.heatmap()->tabs()->setCurrentIndex(1); }},
        {"compare", "the Compare tab: every variant side by side",
         [](MainWindow& w) { showCentreTabOf(w, w.compareView()); }},
        {"scaling-lab", "the 1/√dₖ lab", [](MainWindow& w) { showCentreTabOf(w, w.scalingLab()); }},
        {"equivalence-lab", "the equivalence lab", [](MainWindow& w) { showCentreTabOf(w, w.equivalenceLab()); }},
        {"weights", "the Weights tab: every weight of the layer, its numbers and presets",
         [](MainWindow& w) { showCentreTabOf(w, w.weightsPanel()); }},
        {"lesson", "the Lesson dock beside Setup", [](MainWindow& w) { showDock(w.lessonDock()); }},
        {"setup", "the Setup dock (raised over the Lesson dock)", [](MainWindow& w) { showDock(w.setupDock()); }},
    };
    return views;
}

const HeadlessView* findHeadlessView(const QString& name) {
    for (const HeadlessView& v : headlessViews())
        if (name == QLatin1String(v.name))
            return &v;
    return nullptr;
}

QString headlessViewNames() {
    QStringList names;
    for (const HeadlessView& v : headlessViews())
        names << QString::fromLatin1(v.name);
    return names.join(QStringLiteral(", "));
}

bool applySetAssignments(MainWindow& window, const QStringList& assignments, QTextStream& err) {
    for (const QString& assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        QString error;
        if (eq <= 0 || !window.setupPanel()->applySetting(assignment.left(eq), assignment.mid(eq + 1), &error)) {
            err << QApplication::translate("main", "attnviz: --set %1: %2")
                       .arg(assignment, eq <= 0 ? QApplication::translate("main", "expected NAME=VALUE") : error)
                << Qt::endl;
            return false;
        }
    }
    return true;
}

int runScreenshot(const ScreenshotOptions& options, QTextStream& err) {
    const HeadlessView* view =
        options.view.isEmpty() ? findHeadlessView(QStringLiteral("stage")) : findHeadlessView(options.view);
    if (!view) {
        err << QApplication::translate("attnviz", "attnviz: --view must be one of %1. Received: %2")
                   .arg(headlessViewNames(), options.view)
            << Qt::endl;
        return 2;
    }
    MainWindow window;
    window.resize(options.size);
    if (options.maxMemoryBytes > 0) {
        core::SpecLimits limits;
        limits.maxBytes = std::uint64_t(options.maxMemoryBytes);
        window.controller()->setLimits(limits);
    }
    if (!options.specPath.isEmpty()) {
        QString error;
        if (!window.openSpec(options.specPath, &error)) {
            err << QApplication::translate("attnviz", "attnviz: cannot use %1: %2")
                       .arg(options.specPath, error.simplified())
                << Qt::endl;
            return 2;
        }
    }
    if (!options.assignments.isEmpty()) {
        if (!applySetAssignments(window, options.assignments, err))
            return 2;
        window.recomputeNow();
    }
    if (options.presentation)
        window.setPresentationMode(true);
    window.setAutoProbabilityRange(options.autoRange);
    window.show();
    window.resize(options.size);
    QApplication::processEvents();
    if (!options.lessonPath.isEmpty()) {
        QString error;
        LessonPanel* lessons = window.lessons();
        if (!lessons->openLesson(options.lessonPath, &error) || !lessons->showSlide(options.slide - 1, &error)) {
            err << QApplication::translate("attnviz", "attnviz: cannot use %1: %2")
                       .arg(options.lessonPath,
                            error.isEmpty() ? QStringLiteral("no slide %1").arg(options.slide) : error.simplified())
                << Qt::endl;
            return 2;
        }
        if (options.reveal)
            lessons->reveal();
        if (!options.view.isEmpty())
            view->show(window);
        window.settle();
        const QImage image = window.grab().toImage();
        if (image.isNull() || !image.save(options.outPath)) {
            err << QApplication::translate("attnviz", "attnviz: could not write %1").arg(options.outPath) << Qt::endl;
            return 1;
        }
        return 0;
    }
    if (!options.stepKey.isEmpty()) {
        Controller* c = window.controller();
        const auto trace = c->trace();
        if (!trace || trace->indexOf(options.stepKey.toStdString()) < 0) {
            err << QApplication::translate("attnviz", "attnviz: no step “%1” in this trace").arg(options.stepKey)
                << Qt::endl;
            return 2;
        }
        c->setCurrentStepByKey(options.stepKey);
    }
    view->show(window);
    window.settle();
    const QImage image = window.grab().toImage();
    if (image.isNull() || !image.save(options.outPath)) {
        err << QApplication::translate("attnviz", "attnviz: could not write %1").arg(options.outPath) << Qt::endl;
        return 1;
    }
    return 0;
}

namespace {

struct Timing {
    double median = 0, max = 0, updateMedian = 0, paintMedian = 0;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// One setting change: edit a spin box, recompute and update every view, repaint the whole window.
Timing measure(MainWindow& w, QSpinBox* spin, int a, int b, int rounds) {
    std::vector<double> total, update, paint;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        spin->setValue(i % 2 ? a : b);
        w.recomputeNow();
        const double u = double(t.nsecsElapsed()) / 1e6;
        w.repaint(); // synchronous paint of every visible widget
        const double all = double(t.nsecsElapsed()) / 1e6;
        total.push_back(all);
        update.push_back(u);
        paint.push_back(all - u);
    }
    Timing r;
    r.median = median(total);
    r.max = *std::max_element(total.begin(), total.end());
    r.updateMedian = median(update);
    r.paintMedian = median(paint);
    return r;
}

/// Peak resident memory of this process (VmHWM), in MiB; 0 when unknown.
double peakRssMiB() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QString text = QString::fromLatin1(f.readAll());
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("VmHWM:\\s*(\\d+) kB")).match(text);
    return m.hasMatch() ? m.captured(1).toDouble() / 1024.0 : 0.0;
}

/// One setting change through the window's own path (the edit schedules a
/// recompute; a large setup computes in the background): milliseconds until
/// the new trace is shown and repainted; the longest the event loop went
/// without running while the core computed (how responsive the window stays);
/// and the time the views took to take the new trace on the main thread.
///
/// The event loop runs as the app's does: it sleeps until an event comes. (A
/// loop of QApplication::processEvents(…, 5 ms) never sleeps: Qt drops
/// WaitForMoreEvents when given a time, so that loop spun a core at 100 % and
/// took it from the core's threads, which made the background path look
/// 180 ms slower than the synchronous one at T=S=2048.) Responsiveness is
/// measured with a 5 ms timer: the longest gap between its ticks.
struct BackgroundTiming {
    double ms = 0, longestStallMs = 0, adoptMs = 0;
};
BackgroundTiming measureBackground(MainWindow& w, QSpinBox* spin, int value) {
    BackgroundTiming r;
    QEventLoop loop;
    QElapsedTimer total, sinceTick, adopting;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        r.longestStallMs = std::max(r.longestStallMs, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    // The run is done: emitted just before the views get the trace, in the
    // same call, so the loop returns once every view has taken it.
    const auto done = QObject::connect(w.controller(), &Controller::computingChanged, [&](bool computing) {
        if (!computing) {
            tick.stop();
            adopting.start();
            loop.quit();
        }
    });
    total.start();
    spin->setValue(value);
    sinceTick.start();
    tick.start();
    loop.exec();
    r.adoptMs = adopting.isValid() ? double(adopting.nsecsElapsed()) / 1e6 : 0.0;
    w.repaint();
    r.ms = double(total.nsecsElapsed()) / 1e6;
    QObject::disconnect(done);
    return r;
}

} // namespace

int runBenchUi(QTextStream& out, const QElapsedTimer& sinceStart) {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    w.repaint();
    QApplication::processEvents();
    const double coldMs = double(sinceStart.nsecsElapsed()) / 1e6;
    out << "cold start to first frame: " << QString::number(coldMs, 'f', 1)
        << " ms; core threads: " << core::threadCount() << Qt::endl;

    SetupPanel* p = w.setupPanel();
    struct Case {
        const char* name;
        int layer, T, S, E, heads;
    };
    const Case cases[] = {
        {"MultiHeadAttention T=S=32 E=64 heads=8", 0, 32, 32, 64, 8},
        {"Attention          T=S=32 E=64", 1, 32, 32, 64, 8},
        {"AdditiveAttention  T=S=32 E=64", 2, 32, 32, 64, 8},
        {"MultiHeadAttention T=S=512 E=64 heads=8", 0, 512, 512, 64, 8},
        {"Attention          T=S=512 E=64", 1, 512, 512, 64, 8},
        {"AdditiveAttention  T=S=512 E=64", 2, 512, 512, 64, 8},
        {"MultiHeadAttention T=S=2048 E=512 heads=8", 0, 2048, 2048, 512, 8},
        {"MultiHeadAttention T=S=4096 E=512 heads=8", 0, 4096, 4096, 512, 8},
    };
    core::SpecLimits limits;
    limits.maxBytes = std::uint64_t(8) << 30; // the 4096 case needs about 4.4 GB by the estimate
    w.controller()->setLimits(limits);
    for (const Case& c : cases) {
        p->layerCombo()->setCurrentIndex(c.layer);
        p->queryLenSpin()->setValue(c.T);
        p->sourceLenSpin()->setValue(c.S);
        p->queryFeaturesSpin()->setValue(c.E);
        p->valueFeaturesSpin()->setValue(c.E);
        p->headsSpin()->setValue(c.heads);
        const bool huge = c.T >= 2048;
        p->keyDimSpin()->setValue(huge ? 64 : 8);
        w.recomputeNow();
        // Show the heaviest step: the scores/weights matrix.
        w.controller()->setCurrentStepByKey(QStringLiteral("weights"));
        w.repaint();
        const bool big = c.T > 100;
        const int kd = huge ? 64 : 8, rounds = c.T >= 4096 ? 3 : big ? 7 : 31;
        // MHA: change key_dim; the others: change the seed-free width via query length ± 1.
        const Timing t = c.layer == 0 ? measure(w, p->keyDimSpin(), kd, kd + 1, rounds)
                                      : measure(w, p->queryLenSpin(), c.T, c.T - 1, rounds);
        out << c.name << ": change → recompute → repaint median " << QString::number(t.median, 'f', 2) << " ms, max "
            << QString::number(t.max, 'f', 2) << " ms (core::run "
            << QString::number(w.controller()->lastRunMs(), 'f', 2) << " ms; recompute + view updates "
            << QString::number(t.updateMedian, 'f', 2) << " ms, repaint " << QString::number(t.paintMedian, 'f', 2)
            << " ms)" << Qt::endl;
        if (huge) {
            // The window's own path: the edit recomputes in the background.
            std::vector<double> total, stall, adopt;
            for (int i = 0; i < rounds; ++i) {
                const BackgroundTiming bg =
                    measureBackground(w, p->keyDimSpin(), p->keyDimSpin()->value() == kd ? kd + 1 : kd);
                total.push_back(bg.ms);
                stall.push_back(bg.longestStallMs);
                adopt.push_back(bg.adoptMs);
            }
            out << "  in the background: edit → trace shown → repaint median " << QString::number(median(total), 'f', 1)
                << " ms; longest event-loop stall while computing median " << QString::number(median(stall), 'f', 1)
                << " ms; views taking the new trace " << QString::number(median(adopt), 'f', 1)
                << " ms; peak RSS so far " << QString::number(peakRssMiB(), 'f', 0) << " MiB" << Qt::endl;
        }
    }
    out << "peak RSS: " << QString::number(peakRssMiB(), 'f', 0) << " MiB" << Qt::endl;
    return 0;
}

} // namespace attnviz::ui
