// Lessons: a plain-text deck of slides (spec, step, view, narration,
// question) that a teacher writes or records from the window. The format is
// Markdown with a few `field: value` lines (README "Teaching with attnviz");
// the parser tracks line numbers so every error names its line. Answers to
// questions and numbers in narrations are computed from the trace, never
// stored in the file. No Qt.
#pragma once

#include "core/spec/spec.h"
#include "core/trace/trace.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace attnviz::core {

/// A lesson file that cannot be read or played. what() is
/// "NAME:LINE: problem"; line() is 1-based (0: the file as a whole).
class LessonError : public std::runtime_error {
public:
    LessonError(const std::string& file, int line, const std::string& problem);
    int line() const { return m_line; }
    const std::string& problem() const { return m_problem; }

private:
    int m_line;
    std::string m_problem;
};

enum class SlideView { Stage, Compare, ScalingLab, EquivalenceLab };
const char* slideViewName(SlideView view); // "stage", "compare", "scaling-lab", "equivalence-lab"
std::optional<SlideView> slideViewFromName(const std::string& name);

/// A reference into a trace: `weights[0,0,1,:]` — a step key and one entry
/// per axis, an index or ':' (kAll). No brackets: the whole tensor. Prefixed
/// `other.`, it reads the slide's second trace.
struct TensorRef {
    static constexpr Index kAll = -1;
    std::string key;
    std::vector<Index> index; // empty: the whole tensor
    bool other = false;       // `other.weights[…]`: the slide's second trace (claim or compare)
    std::string text() const;
};

/// A number computed from the trace: `weights[0,0,1,2]`, `max(weights[0,1,:,:])`,
/// `sum(…)`, `min`, `mean`, `std`, `count` (cells selected), `maxdiff(output)` (max |Δ| between the
/// slide's two traces, equivalence slides), or a literal number.
struct Quantity {
    enum class Fn { Cell, Max, Min, Sum, Mean, Std, Count, MaxDiff, Literal };
    Fn fn = Fn::Literal;
    TensorRef ref{};
    double literal = 0;
    std::string text() const; // as written
};

/// `lhs OP rhs` with OP one of < <= > >= == !=.
struct QuantityComparison {
    Quantity lhs{};
    std::string op;
    Quantity rhs{};
};

enum class QuestionKind {
    ClickLargest,   // click the cell that holds the largest value of `target`
    ClickSmallest,  // … the smallest
    Choose,         // the options whose condition holds are right
    ChooseLargest,  // the option whose quantity is largest is right
    ChooseSmallest, // … smallest
    Number,         // type the value of `answer`, within `tolerance`
};
const char* questionKindName(QuestionKind kind);

struct QuestionOption {
    std::string text;
    std::string expr; // as written after '|'

    std::optional<Quantity> quantity;            // ChooseLargest / ChooseSmallest
    std::optional<QuantityComparison> condition; // Choose
    int line = 0;
};

struct Question {
    QuestionKind kind = QuestionKind::ClickLargest;
    std::string prompt;
    std::string expr;                 // target or answer as written
    TensorRef target{};               // Click*: a slice with one or two ':' axes
    std::optional<Quantity> answer{}; // Number
    double tolerance = 0;             // Number: |given − answer| ≤ tolerance
    std::vector<QuestionOption> options;
    int line = 0;
};

struct Slide {
    std::string title;
    std::string narration; // as written: may hold {quantity} and {quantity:.3f} placeholders
    std::string specPath;  // as written (relative to the lesson file), or empty
    std::string specText;  // an inline ```json block, or empty
    Spec spec{};           // loaded from either
    std::string step;      // trace key shown
    SlideView view = SlideView::Stage;
    std::vector<Index> slice{};                       // batch/head indices for the step's other axes
    std::vector<std::pair<Index, Index>> highlight{}; // (row, col) cells of the shown slice
    std::string comparePath;                          // a second spec to compare with (maxdiff), or empty
    std::optional<Spec> compareSpec{};
    std::string claim;                 // equivalence-lab: the identity id (core::identities(), compare.h)
    std::vector<std::string> untick{}; // equivalence-lab: conditions left out
    std::optional<Question> question{};
    std::string notes;                     // presenter notes (`notes:`), for the answer key; empty: none
    std::optional<double> minutes;         // the slide's timing in class (`minutes:`), for planning; none: not given
    int line = 0;                          // the "## title" line
    int narrationLine = 0;                 // the narration's first line (0: none)
    std::map<std::string, int> fieldLines; // field name -> line, for errors
    int fieldLine(const std::string& field) const;
};

struct Lesson {
    std::string title;
    std::string description;
    std::string name; // the file name, used in messages
    std::vector<Slide> slides;
    /// The lesson's planned time: the sum of its slides' `minutes:` (0 when none gives one).
    double minutes() const;
};

/// Parse a lesson. Spec paths resolve against baseDir; every referenced spec
/// is loaded. Throws LessonError naming the line.
Lesson parseLesson(const std::string& text, const std::string& baseDir, const std::string& name = "lesson");
Lesson loadLesson(const std::string& path);

/// The traces a slide shows: its own, and for equivalence slides the other
/// side of the claim (`other`).
struct SlideTraces {
    Trace trace;
    std::optional<Trace> other;
};
/// Run a slide's spec (both sides of its claim). Throws LessonError.
SlideTraces runSlide(const Lesson& lesson, const Slide& slide);

/// Evaluate a quantity on a slide's traces. Throws std::invalid_argument with
/// a message naming the reference when it does not fit the trace.
double evaluate(const Quantity& q, const SlideTraces& traces);
bool holds(const QuantityComparison& c, const SlideTraces& traces);

/// The narration with every {quantity[:format]} replaced by its value;
/// formats: .Nf, .Ne, .Ng, d, %. `{{` and `}}` are literal braces.
std::string fillNarration(const std::string& narration, const SlideTraces& traces);

/// An answer, given or correct: a full index into the target's step (click),
/// an option index (choose), or a number.
struct Answer {
    std::vector<Index> cell{};
    int option = -1;
    std::optional<double> number{};
};

struct CorrectAnswer {
    std::vector<std::vector<Index>> cells; // click: every cell holding the extreme (ties)
    std::vector<int> options;              // choose: every right option
    double number = 0;                     // number: the value; click: the extreme value
    double tolerance = 0;
    std::string text; // one line for the reveal and the handout's answer page
};

/// The right answer, computed from the trace. Throws std::invalid_argument.
CorrectAnswer correctAnswer(const Question& q, const SlideTraces& traces);
/// Whether `given` is right.
bool markAnswer(const Question& q, const SlideTraces& traces, const Answer& given);

/// Run every slide and check it: its spec runs, its step exists, its slice and
/// highlights fit, every placeholder evaluates, its question has a computed
/// answer. Throws LessonError naming the line of the first problem.
void verifyLesson(const Lesson& lesson);

/// A lesson's score: the slide index -> whether the first answer was right.
class LessonScore {
public:
    /// Records the first answer to a slide; later answers do not change it.
    void record(int slide, bool correct);
    bool answered(int slide) const { return m_answers.count(slide) != 0; }
    int answeredCount() const { return static_cast<int>(m_answers.size()); }
    int correctCount() const;
    void reset() { m_answers.clear(); }

private:
    std::map<int, bool> m_answers;
};

/// A slide as lesson text (ends with a blank line). Uses specPath when set,
/// else an inline ```json block of specToJson(spec, false).
std::string slideToText(const Slide& slide);
/// The whole lesson as text: parseLesson(lessonToText(l)) gives the same lesson.
std::string lessonToText(const Lesson& lesson);

/// Save slide: write the slide's spec (with its weights and input files) to
/// `<lesson stem>.slides/NN/spec.json` beside the lesson and append the slide
/// to the lesson file, creating it (titled `lessonTitle`) when it does not
/// exist. Returns the number of the new slide (1-based).
int appendSlide(const std::string& lessonPath, Slide slide, const std::map<std::string, Tensor>& weights,
                const std::string& lessonTitle = "My lesson");

} // namespace attnviz::core
