// Headless entry points of the attnviz executable, kept in attention_ui so
// main() stays tiny: render a screenshot offscreen, and the UI benchmark.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

class QElapsedTimer;
class QTextStream;

namespace attnviz::ui {

class MainWindow;

/// A view `--screenshot --view NAME` brings on screen. Adding a view is one
/// line in the table in headless.cpp.
struct HeadlessView {
    const char* name;
    const char* description; // one line for --help and the unknown-name message
    void (*show)(MainWindow& window);
};

/// Every named view, in the order --help lists them.
const std::vector<HeadlessView>& headlessViews();
/// The view with this name, or nullptr.
const HeadlessView* findHeadlessView(const QString& name);
/// "stage, numbers, keras-code, …": the names, for messages.
QString headlessViewNames();

/// Apply `--set NAME=VALUE` assignments to the setup panel, as if typed. On the
/// first bad one, writes one line to `err` and returns false.
bool applySetAssignments(MainWindow& window, const QStringList& assignments, QTextStream& err);

struct ScreenshotOptions {
    QString outPath;
    QString specPath;        // empty: the default setup
    QString stepKey;         // empty: the first step
    QString view;            // empty: the stage (headlessViews() lists the names)
    QStringList assignments; // --set NAME=VALUE, applied after the spec
    QSize size{1280, 800};
    bool presentation = false;
    QString lessonPath;        // a lesson to open (then specPath/stepKey are ignored)
    int slide = 1;             // its slide, 1-based
    bool reveal = false;       // reveal the slide's question (without an answer)
    double maxMemoryBytes = 0; // the memory budget (0: the default)
    bool autoRange = false;    // probability colours 0 … the step's largest value
    int trainSteps = 0;        // --view train: train this many steps first
    QString trainTask;         // --view train: the task (empty: the Train view's default)
};

/// Render the main window at a step into a PNG. Returns the process exit code;
/// errors go to `err` as one line.
int runScreenshot(const ScreenshotOptions& options, QTextStream& err);

/// Measure setting change → recompute → repaint of every visible view at small
/// and large sizes, and cold start to first frame (from `sinceStart`).
int runBenchUi(QTextStream& out, const QElapsedTimer& sinceStart);

} // namespace attnviz::ui
