// Answers to lesson questions, computed from the slide's traces (never
// stored in the file), marking a given answer, and the lesson's score.
#include "core/teach/lesson.h"
#include "core/teach/lesson_detail.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace attnviz::core {

using namespace lesson_detail;

namespace {

std::string fmtValue(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

} // namespace

CorrectAnswer correctAnswer(const Question& q, const SlideTraces& traces) {
    CorrectAnswer ans;
    switch (q.kind) {
    case QuestionKind::ClickLargest:
    case QuestionKind::ClickSmallest: {
        const Selection sel = select(traceOf(traces, q.target), q.target);
        if (sel.offsets.empty())
            throw std::invalid_argument("The target " + q.target.text() + " selects no cell.");
        const bool largest = q.kind == QuestionKind::ClickLargest;
        const float* data = sel.step->value.data();
        double best = largest ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        for (Index o : sel.offsets)
            if (!std::isnan(data[o]) && (largest ? data[o] > best : data[o] < best))
                best = data[o];
        for (size_t i = 0; i < sel.offsets.size(); ++i)
            if (double(data[sel.offsets[i]]) == best)
                ans.cells.push_back(sel.indices[i]);
        if (ans.cells.empty())
            throw std::invalid_argument("Every cell of " + q.target.text() + " is NaN: there is no largest cell.");
        ans.number = best;
        ans.text = q.target.key + "[" + fmtIndexList(ans.cells.front()) + "] = " + fmtValue(best) + ", the " +
                   (largest ? "largest" : "smallest") + " of " + q.target.text() +
                   (ans.cells.size() > 1 ? " (" + std::to_string(ans.cells.size()) + " cells tie)" : "");
        return ans;
    }
    case QuestionKind::Number: {
        if (!q.answer)
            throw std::invalid_argument("A number question needs an answer: line.");
        ans.number = evaluate(*q.answer, traces);
        ans.tolerance = q.tolerance;
        if (std::isnan(ans.number))
            throw std::invalid_argument(q.answer->text() + " is NaN: no number can be right.");
        ans.text = q.answer->text() + " = " + fmtValue(ans.number) + " (± " + fmtValue(q.tolerance) + ")";
        return ans;
    }
    case QuestionKind::Choose: {
        for (size_t i = 0; i < q.options.size(); ++i)
            if (q.options[i].condition && holds(*q.options[i].condition, traces))
                ans.options.push_back(static_cast<int>(i));
        break;
    }
    case QuestionKind::ChooseLargest:
    case QuestionKind::ChooseSmallest: {
        const bool largest = q.kind == QuestionKind::ChooseLargest;
        std::vector<double> vals;
        for (const QuestionOption& o : q.options)
            vals.push_back(o.quantity ? evaluate(*o.quantity, traces) : std::numeric_limits<double>::quiet_NaN());
        double best = largest ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        for (double v : vals)
            if (!std::isnan(v) && (largest ? v > best : v < best))
                best = v;
        for (size_t i = 0; i < vals.size(); ++i)
            if (vals[i] == best)
                ans.options.push_back(static_cast<int>(i));
        ans.number = best;
        break;
    }
    }
    if (ans.options.empty())
        throw std::invalid_argument("No option is right on this trace: every option's condition is false.");
    std::string which;
    for (int i : ans.options) {
        const QuestionOption& o = q.options[static_cast<size_t>(i)];
        std::string why;
        if (o.quantity)
            why = o.quantity->text() + " = " + fmtValue(evaluate(*o.quantity, traces));
        else if (o.condition)
            why = o.condition->lhs.text() + " = " + fmtValue(evaluate(o.condition->lhs, traces)) + " " +
                  o.condition->op + " " + o.condition->rhs.text();
        which += (which.empty() ? "" : "; ") + o.text + " (" + why + ")";
    }
    ans.text = which;
    return ans;
}

bool markAnswer(const Question& q, const SlideTraces& traces, const Answer& given) {
    const CorrectAnswer right = correctAnswer(q, traces);
    switch (q.kind) {
    case QuestionKind::ClickLargest:
    case QuestionKind::ClickSmallest:
        return std::find(right.cells.begin(), right.cells.end(), given.cell) != right.cells.end();
    case QuestionKind::Number:
        return given.number && std::isfinite(*given.number) &&
               std::fabs(*given.number - right.number) <= right.tolerance;
    default: return std::find(right.options.begin(), right.options.end(), given.option) != right.options.end();
    }
}

void LessonScore::record(int slide, bool correct) {
    m_answers.emplace(slide, correct);
}

int LessonScore::correctCount() const {
    int n = 0;
    for (const auto& [slide, ok] : m_answers)
        n += ok ? 1 : 0;
    return n;
}
} // namespace attnviz::core
