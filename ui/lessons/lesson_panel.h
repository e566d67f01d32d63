// The lesson panel: plays a core::Lesson in the main window. Each slide sets
// the window (spec, step, slice, view, claim), shows its narration with the
// numbers filled in from the trace, and asks its question predict-then-reveal:
// the stage hides the result ("?") until Reveal, which plays the animation
// and marks the answer against core::correctAnswer. Also Save slide, the
// handout PDF, and the menus File ▸ Open lesson / Examples, Help ▸ Lessons /
// Keyboard shortcuts.
#pragma once

#include "core/teach/lesson.h"
#include "ui/lessons/handout_writer.h"

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QPixmap;
class QPushButton;
class QTableWidget;
class QTextStream;
class QVBoxLayout;

namespace attnviz::ui {

class MainWindow;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    /// The central tabs' order: Stage, Compare, 1/√dₖ lab, Equivalence lab.
    static int tabOf(core::SlideView view) { return int(view); }

    explicit LessonPanel(MainWindow* window);

    /// Add File ▸ Open lesson…, Save slide…, Export handout…, Examples and
    /// Help ▸ Lessons, Keyboard shortcuts; the slide keys go on the window.
    void addMenuItems(QMenu* file, QMenu* help);

    bool openLesson(const QString& path, QString* error = nullptr);
    bool isOpen() const { return !m_lesson.slides.empty(); }
    const core::Lesson& lesson() const { return m_lesson; }
    int slideIndex() const { return m_index; }
    /// Show slide `index` (0-based) and play its animation.
    bool showSlide(int index, QString* error = nullptr);
    /// Page Down: reveal an open question, else the next slide.
    void advance();
    void nextSlide();
    void previousSlide();

    /// Answering (mouse, keyboard, tests).
    void chooseCell(const std::vector<core::Index>& cell);
    /// A click on the stage's result cell (row, col): answers a click-the-cell
    /// question when that cell is one of the question's. Returns whether it did.
    bool chooseStageCell(int row, int col);
    void chooseOption(int option);
    void typeNumber(const QString& text);
    /// Mark the answer given (if any) and show the result. Returns whether it was right.
    bool reveal();
    bool isRevealed() const { return m_revealed; }
    bool hasQuestion() const;
    const core::LessonScore& score() const { return m_score; }
    QString resultText() const;
    /// The score line: "Score: 1 right of 2 answered · 3 questions".
    static QString scoreText(int right, int answered, int questions);
    QString scoreLine() const;
    QString narrationText() const;
    QTableWidget* cellTable() const { return m_cells; }

    /// Append the window's current state (spec, step, slice, view, claim) as
    /// a slide titled `title` to the lesson at `lessonPath` (created if new).
    bool saveSlide(const QString& lessonPath, const QString& title, QString* error = nullptr);
    /// The open lesson as a PDF: the full handout, the student's worksheet or
    /// the teacher's answer key (handout_writer.h).
    bool exportHandout(const QString& pdfPath, QString* error = nullptr, HandoutKind kind = HandoutKind::Full);
    /// The heatmap a handout page shows for slide `index`: the slide's own
    /// trace (for a claim, its left side, not the window's spec) at its step,
    /// slice and highlights. Null when the slide does not run.
    QPixmap handoutHeatmap(int index, QSize size) const;

    void setZoom(double factor);

    /// The folder holding the bundled lessons/ (the first of
    /// ui/app_window/data_dirs.h's dataDirs() that has one).
    static QString resourceDir();
    static QStringList builtInLessons();
    static QStringList exampleSpecs();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void slideChanged(int index);
    void lessonOpened();

private:
    friend class HandoutPrinter; // plays the slides to print them (handout_writer.cpp)
    void setupQuestion();
    void showResult(const core::CorrectAnswer& right, bool answered, bool ok);
    void updateHeader();
    void openLessonDialog();
    void saveSlideDialog();
    void exportHandoutDialog(HandoutKind kind);
    void fillExamplesMenu(QMenu* menu);
    void fillLessonsMenu(QMenu* menu);
    void showShortcuts();
    QStringList axisLabels(const core::Step& step, int axis) const;
    void setConcealed(bool concealed);
    /// The slide's highlighted cells (and a chosen answer) on the stage and the inspector.
    void showHighlights();
    /// The row the stage narrates for slide `s` on step `shown` (-1: none).
    static int focusRow(const core::Slide& s, const core::Step& shown);
    bool cursorActive() const;
    void moveCursor(int dr, int dc);

    MainWindow* m_window;
    core::Lesson m_lesson;
    std::optional<core::SlideTraces> m_traces;
    core::LessonScore m_score;
    int m_index = -1;
    bool m_revealed = false;
    bool m_inspectorWasVisible = false;
    bool m_concealed = false;
    int m_cursor = -1; // the keyboard cursor: an index into m_cellIndex (-1: no click question)
    core::Answer m_answer;
    QString m_narrationFull;                           // filled in; shown up to a "---" line until Reveal
    std::vector<std::vector<core::Index>> m_cellIndex; // table cell -> full index (click questions)

    QLabel* m_header;
    QLabel* m_title;
    QLabel* m_narration;
    QWidget* m_questionBox;
    QLabel* m_prompt;
    QTableWidget* m_cells;
    QWidget* m_optionsBox;
    QVBoxLayout* m_optionsLayout;
    QButtonGroup* m_options;
    QLineEdit* m_number;
    QPushButton* m_revealButton;
    QLabel* m_result;
    QLabel* m_scoreLabel;
    QPushButton* m_prevButton;
    QPushButton* m_nextButton;
    QAction* m_nextAction;
    QAction* m_prevAction;
    QAction* m_revealAction;
    QString m_lastDirectory;
};

} // namespace attnviz::ui
