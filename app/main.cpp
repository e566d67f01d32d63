// attnviz: the step-through desktop app. Everything lives in attention_ui;
// this only parses the command line and picks the mode.
#include "ui/app_window/headless.h"
#include "ui/app_window/controller.h"
#include "ui/app_window/data_dirs.h"
#include "ui/app_window/main_window.h"
#include "ui/app_window/settings.h"
#include "ui/app_window/session_autosave.h"
#include "ui/lessons/handout_writer.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/setup/setup_panel.h"
#include "ui/text/language.h"

#include "core/base/parallel.h"
#include "core/spec/spec.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryFile>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <optional>
#include <utility>

namespace {

/// Whether this run renders offscreen and exits (a headless mode, or --help/--version).
bool isHeadless(int argc, char* argv[]) {
    bool headless = false;
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"--screenshot", "--bench-ui", "--handout", "--worksheet", "--answer-key", "--help",
                                 "-h", "--help-all", "--version", "-v"})
            headless = headless || std::strcmp(argv[i], flag) == 0;
    return headless;
}

/// The --size on the command line, read before QApplication exists (1280×800 when absent or invalid).
QSize sizeArgument(int argc, char* argv[]) {
    int w = 1280, h = 800;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        const QByteArray value = a == "--size" && i + 1 < argc ? QByteArray(argv[i + 1])
                                 : a.startsWith("--size=")     ? a.mid(7)
                                                               : QByteArray();
        if (const QList<QByteArray> wh = value.split('x'); wh.size() == 2) {
            bool okW = false, okH = false;
            const int vw = wh[0].toInt(&okW), vh = wh[1].toInt(&okH);
            if (okW && okH && vw >= 200 && vh >= 150 && vw <= 8000 && vh <= 8000) {
                w = vw;
                h = vh;
            }
        }
    }
    return {w, h};
}

/// The offscreen platform with one screen of `size` (Qt's default screen is
/// 800×800), so presentation mode (full screen) renders at that size too.
/// `screenConfig` must live as long as the application.
void useOffscreenScreen(QSize size, QTemporaryFile& screenConfig) {
    QByteArray platform = "offscreen";
    if (screenConfig.open()) {
        screenConfig.write(QStringLiteral("{\"screens\": [{\"name\": \"attnviz\", \"x\": 0, \"y\": 0, "
                                          "\"width\": %1, \"height\": %2, \"logicalDpi\": 96, "
                                          "\"logicalBaseDpi\": 96, \"dpr\": 1}]}")
                               .arg(size.width())
                               .arg(size.height())
                               .toUtf8());
        screenConfig.flush();
        platform += ":configfile=" + QFile::encodeName(screenConfig.fileName());
    }
    qputenv("QT_QPA_PLATFORM", platform);
}

/// Every command-line option of attnviz.
struct Options {
    const QCommandLineOption screenshot{
        QStringLiteral("screenshot"), QApplication::translate("main", "Render the window offscreen to a PNG and exit."),
        QStringLiteral("OUT.png")};
    const QCommandLineOption spec{QStringLiteral("spec"), QApplication::translate("main", "The spec.json to load."),
                                  QStringLiteral("SPEC.json")};
    const QCommandLineOption step{QStringLiteral("step"),
                                  QApplication::translate("main", "The step to show (its key, e.g. weights)."),
                                  QStringLiteral("KEY")};
    const QCommandLineOption size{QStringLiteral("size"),
                                  QApplication::translate("main", "Window size for --screenshot."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800")};
    const QCommandLineOption view{
        QStringLiteral("view"),
        QApplication::translate("main", "With --screenshot: the view to show, one of %1 (default: stage).")
            .arg(attnviz::ui::headlessViewNames()),
        QStringLiteral("NAME")};
    const QCommandLineOption trainSteps{
        QStringLiteral("train-steps"),
        QApplication::translate("main", "With --screenshot: train the Train view this many steps first (--view train "
                                        "shows it; another view shows the trained layer on the probe)."),
        QStringLiteral("N")};
    const QCommandLineOption trainTask{
        QStringLiteral("train-task"),
        QApplication::translate("main", "With --screenshot --view train: the task (copy, reverse, copy_previous, max, "
                                        "sort, lookup, induction)."),
        QStringLiteral("NAME")};
    const QCommandLineOption present{QStringLiteral("presentation"),
                                     QApplication::translate("main", "Start in presentation mode.")};
    const QCommandLineOption bench{QStringLiteral("bench-ui"),
                                   QApplication::translate("main", "Measure recompute and repaint times, then exit.")};
    const QCommandLineOption stateDir{
        QStringLiteral("state-dir"),
        QApplication::translate("main", "Where the session autosave lives (default: $ATTNVIZ_STATE_DIR, else the "
                                        "app data folder)."),
        QStringLiteral("DIR")};
    const QCommandLineOption set{
        QStringLiteral("set"),
        QApplication::translate("main", "Set a setup field after start, as if typed: heads=3, sentence=the cat, "
                                        "inputs=table, query[1,2]=7.5. Repeatable."),
        QStringLiteral("NAME=VALUE")};
    const QCommandLineOption lesson{
        QStringLiteral("lesson"),
        QApplication::translate("main", "Open this lesson: a Markdown file (see the README), or a bundled lesson by "
                                        "number (2) or name (02-why-scale)."),
        QStringLiteral("FILE")};
    const QCommandLineOption slide{QStringLiteral("slide"),
                                   QApplication::translate("main", "With --lesson: the slide to show (1-based)."),
                                   QStringLiteral("N"), QStringLiteral("1")};
    const QCommandLineOption reveal{
        QStringLiteral("reveal"), QApplication::translate("main", "With --lesson --screenshot: reveal the question.")};
    const QCommandLineOption handout{
        QStringLiteral("handout"),
        QApplication::translate("main", "With --lesson: render every slide and the answers into a PDF and exit."),
        QStringLiteral("OUT.pdf")};
    const QCommandLineOption worksheet{
        QStringLiteral("worksheet"),
        QApplication::translate("main", "With --lesson: a student's worksheet PDF (operands, questions, room to "
                                        "answer; no results, no answers) and exit."),
        QStringLiteral("OUT.pdf")};
    const QCommandLineOption answerKey{
        QStringLiteral("answer-key"),
        QApplication::translate("main", "With --lesson: the teacher's answer key PDF (the class plan with each "
                                        "slide's minutes, presenter notes, answers with their reasoning) and exit."),
        QStringLiteral("OUT.pdf")};

    const QCommandLineOption maxMemory{
        QStringLiteral("max-memory"),
        QApplication::translate("main", "Refuse setups whose trace needs more memory (e.g. 512M, 8G; default 4G)."),
        QStringLiteral("SIZE"), QStringLiteral("4G")};
    const QCommandLineOption threads{
        QStringLiteral("threads"),
        QApplication::translate("main", "Threads for computing traces (0: every core; default: the compute/threads "
                                        "setting, else every core). The numbers do not depend on it."),
        QStringLiteral("N")};
    const QCommandLineOption autoRange{
        QStringLiteral("auto-range"),
        QApplication::translate("main", "Colour probability steps from 0 to their top (largest value, or 99.5th "
                                        "percentile of 1000 or more) instead of 0–1.")};

    void addTo(QCommandLineParser& parser) const {
        parser.addOptions({screenshot, spec,      step,    view,      size,       present,  bench,
                           stateDir,   set,       lesson,  slide,     reveal,     handout,  worksheet,
                           answerKey,  maxMemory, threads, autoRange, trainSteps, trainTask});
        parser.addPositionalArgument(
            QStringLiteral("FILE"),
            QApplication::translate("main",
                                    "A spec to open (as --spec), or a lesson when it ends in .md (as --lesson)."),
            QStringLiteral("[FILE]"));
    }
};

/// The spec and the lesson to open: --spec and --lesson (a bundled lesson by
/// number or name too), or one FILE alone, as the desktop entry's "Open with"
/// passes it. nullopt with a message when both ways are used.
struct Files {
    QString spec, lesson;
};
std::optional<Files> filesToOpen(const QCommandLineParser& parser, const Options& o, QTextStream& err) {
    Files f{parser.value(o.spec), attnviz::ui::resolveLesson(parser.value(o.lesson))};
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty()) {
        if (files.size() > 1 || parser.isSet(o.spec) || parser.isSet(o.lesson)) {
            err << QApplication::translate("main", "attnviz: give one FILE, or --spec / --lesson. Received: %1")
                       .arg(files.join(QLatin1Char(' ')))
                << Qt::endl;
            return std::nullopt;
        }
        (files.front().endsWith(QStringLiteral(".md"), Qt::CaseInsensitive) ? f.lesson : f.spec) = files.front();
    }
    return f;
}

/// --threads (else the compute/threads setting) into the core; false with a message on stderr when invalid.
bool applyThreads(const QCommandLineParser& parser, const Options& o, QTextStream& err) {
    QSettings settings;
    int n = attnviz::ui::settings::threads.value(settings);
    if (parser.isSet(o.threads)) {
        bool ok = false;
        n = parser.value(o.threads).toInt(&ok);
        if (!ok || n < 0 || n > 256) {
            err << QApplication::translate("main", "attnviz: --threads must be a number from 0 to 256. Received: %1")
                       .arg(parser.value(o.threads))
                << Qt::endl;
            return false;
        }
    }
    attnviz::core::setThreadCount(n);
    return true;
}

/// --max-memory as the core's limits (the same sizes attnviz-trace takes); nullopt with a message when invalid.
std::optional<attnviz::core::SpecLimits> memoryLimits(const QCommandLineParser& parser, const Options& o,
                                                      QTextStream& err) {
    const QString text = parser.value(o.maxMemory);
    const std::optional<std::uint64_t> bytes = attnviz::core::parseByteSize(text.toStdString());
    if (!bytes) {
        err << QApplication::translate("main", "attnviz: --max-memory must be a positive size such as 512M, 1.5G "
                                               "or 8G (K, M, G, T are powers of 1024). Received: %1")
                   .arg(text)
            << Qt::endl;
        return std::nullopt;
    }
    attnviz::core::SpecLimits limits;
    limits.maxBytes = *bytes;
    return limits;
}

/// --screenshot: render the window offscreen and exit.
int screenshotMode(const QCommandLineParser& parser, const Options& o, const Files& files,
                   const attnviz::core::SpecLimits& limits, int slideNumber, QTextStream& err) {
    attnviz::ui::ScreenshotOptions options;
    options.outPath = parser.value(o.screenshot);
    options.specPath = files.spec;
    options.stepKey = parser.value(o.step);
    options.view = parser.value(o.view);
    options.assignments = parser.values(o.set);
    options.presentation = parser.isSet(o.present);
    options.lessonPath = files.lesson;
    options.slide = slideNumber;
    options.reveal = parser.isSet(o.reveal);
    options.maxMemoryBytes = double(limits.maxBytes);
    options.autoRange = parser.isSet(o.autoRange);
    options.trainTask = parser.value(o.trainTask);
    if (parser.isSet(o.trainSteps)) {
        bool okSteps = false;
        options.trainSteps = parser.value(o.trainSteps).toInt(&okSteps);
        if (!okSteps || options.trainSteps < 0 || options.trainSteps > 1000000) {
            err << QApplication::translate("main", "attnviz: --train-steps must be 0 to 1000000. Received: %1")
                       .arg(parser.value(o.trainSteps))
                << Qt::endl;
            return 2;
        }
    }
    const QStringList wh = parser.value(o.size).split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = wh.value(0).toInt(&okW), h = wh.value(1).toInt(&okH);
    if (wh.size() != 2 || !okW || !okH || w < 200 || h < 150 || w > 8000 || h > 8000) {
        err << QApplication::translate("main", "attnviz: --size must be WxH, e.g. 1280x800. Received: %1")
                   .arg(parser.value(o.size))
            << Qt::endl;
        return 2;
    }
    options.size = QSize(w, h);
    return attnviz::ui::runScreenshot(options, err);
}

/// The window, with the spec, --set edits, step, lesson and modes asked for; then the event loop.
int windowMode(QApplication& app, const QCommandLineParser& parser, const Options& o, const Files& files,
               const attnviz::core::SpecLimits& limits, int slideNumber, QTextStream& err) {
    QSettings settings;
    attnviz::ui::MainWindow window;
    window.controller()->setLimits(limits);
    window.setSettings(&settings);
    // After a kill or a crash the unsaved session comes back, unless a spec
    // was asked for: then it is kept aside, not overwritten.
    window.enableAutosave(parser.isSet(o.stateDir) ? parser.value(o.stateDir)
                                                   : attnviz::ui::SessionAutosave::defaultDirectory(),
                          files.spec.isEmpty());
    if (!files.spec.isEmpty()) {
        QString error;
        if (!window.openSpec(files.spec, &error)) {
            err << QApplication::translate("main", "attnviz: cannot use %1: %2").arg(files.spec, error.simplified())
                << Qt::endl;
            return 2;
        }
    }
    if (!attnviz::ui::applySetAssignments(window, parser.values(o.set), err))
        return 2;
    if (parser.isSet(o.step))
        window.controller()->setCurrentStepByKey(parser.value(o.step));
    if (!files.lesson.isEmpty()) {
        QString error;
        if (!window.lessons()->openLesson(files.lesson, &error) ||
            !window.lessons()->showSlide(slideNumber - 1, &error)) {
            err << QApplication::translate("main", "attnviz: cannot use %1: %2")
                       .arg(files.lesson, error.isEmpty() ? parser.value(o.slide) : error.simplified())
                << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(o.present))
        window.setPresentationMode(true);
    if (parser.isSet(o.autoRange))
        window.setAutoProbabilityRange(true);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Headless modes (and --help/--version) render offscreen unless a
    // platform was chosen explicitly; this must happen before QApplication.
    const bool platformChosen = !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    const bool headless = isHeadless(argc, argv);
    QTemporaryFile screenConfig;
    if (headless && (!platformChosen || qgetenv("QT_QPA_PLATFORM") == "offscreen"))
        useOffscreenScreen(sizeArgument(argc, argv), screenConfig);
    if (!headless && !platformChosen && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        // Qt would abort with a platform-plugin message; say what to do instead.
        std::fputs("attnviz: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it on a desktop, "
                   "under xvfb-run, or render the window with --screenshot OUT.png.\n",
                   stderr);
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("attnviz"));
    QApplication::setApplicationName(QStringLiteral("attnviz"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/attnviz/attnviz.svg")));

    // The language comes first, so --help and every message are translated:
    // --lang CODE, else View ▸ Language (the setting), else the system's.
    QString langArg;
    bool langGiven = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--lang" && i + 1 < argc) {
            langArg = QString::fromLocal8Bit(argv[i + 1]);
            langGiven = true;
        } else if (a.startsWith("--lang=")) {
            langArg = QString::fromLocal8Bit(a.mid(7));
            langGiven = true;
        }
    }
    QString langError;
    const bool langOk = attnviz::ui::installLanguage(
        langGiven ? langArg : attnviz::ui::settings::language.value(QSettings()), &langError);
    if (!langOk && langGiven) {
        QTextStream(stderr) << QApplication::translate("main", "attnviz: --lang: %1").arg(langError) << Qt::endl;
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Step through Keras' attention layers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options o;
    o.addTo(parser);
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QApplication::translate("main", "The language of the window: en, de, fr, es or zh_CN (default: View ▸ "
                                        "Language, else the system's)."),
        QStringLiteral("CODE"));
    parser.addOption(lang);
    parser.process(app);

    QTextStream out(stdout), err(stderr);
    const std::optional<Files> files = filesToOpen(parser, o, err);
    if (!files)
        return 2;
    if (!applyThreads(parser, o, err))
        return 2;
    const std::optional<attnviz::core::SpecLimits> limits = memoryLimits(parser, o, err);
    if (!limits)
        return 2;
    if (parser.isSet(o.bench))
        return attnviz::ui::runBenchUi(out, sinceStart);
    bool slideOk = false;
    const int slideNumber = parser.value(o.slide).toInt(&slideOk);
    if (!slideOk || slideNumber < 1) {
        err << QApplication::translate("main", "attnviz: --slide must be a slide number from 1. Received: %1")
                   .arg(parser.value(o.slide))
            << Qt::endl;
        return 2;
    }
    for (const auto& [option, kind] : {std::pair{&o.handout, attnviz::ui::HandoutKind::Full},
                                       std::pair{&o.worksheet, attnviz::ui::HandoutKind::Worksheet},
                                       std::pair{&o.answerKey, attnviz::ui::HandoutKind::AnswerKey}}) {
        if (!parser.isSet(*option))
            continue;
        if (files->lesson.isEmpty()) {
            err << QApplication::translate("main", "attnviz: --%1 needs --lesson FILE")
                       .arg(option->names().constFirst())
                << Qt::endl;
            return 2;
        }
        return attnviz::ui::runHandout(files->lesson, parser.value(*option), err, kind);
    }
    if (parser.isSet(o.screenshot))
        return screenshotMode(parser, o, *files, *limits, slideNumber, err);
    return windowMode(app, parser, o, *files, *limits, slideNumber, err);
}
