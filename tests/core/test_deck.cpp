// The built-in deck (resources/lessons/): every lesson loads and plays —
// every spec runs, every step key exists, every placeholder evaluates, every
// question has an answer computed from the trace, the right answer is marked
// right and a wrong one wrong — and no narration states a decimal number the
// trace does not fill in.
#include "core/teach/lesson.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

using namespace attnviz::core;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> deck() {
    const fs::path dir = fs::path(ATTNVIZ_TEST_DATA_DIR) / ".." / ".." / "resources" / "lessons";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".md")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A wrong answer of the same kind, or nothing when every answer is right.
std::optional<Answer> wrongAnswer(const Question& q, const SlideTraces& t, const CorrectAnswer& right) {
    Answer a;
    switch (q.kind) {
    case QuestionKind::ClickLargest:
    case QuestionKind::ClickSmallest: {
        // Another cell of the target: move along its first ':' axis.
        const Tensor& v = (q.target.other ? *t.other : t.trace).find(q.target.key)->value;
        for (size_t ax = 0; ax < q.target.index.size(); ++ax)
            if (q.target.index[ax] == TensorRef::kAll) {
                for (Index i = 0; i < v.dim(Index(ax)); ++i) {
                    a.cell = right.cells.front();
                    a.cell[ax] = i;
                    if (std::find(right.cells.begin(), right.cells.end(), a.cell) == right.cells.end())
                        return a;
                }
            }
        return std::nullopt;
    }
    case QuestionKind::Number: a.number = right.number + 2 * right.tolerance + 1; return a;
    default:
        for (int i = 0; i < int(q.options.size()); ++i)
            if (std::find(right.options.begin(), right.options.end(), i) == right.options.end()) {
                a.option = i;
                return a;
            }
        return std::nullopt;
    }
}

} // namespace

TEST(Deck, AtLeastElevenLessonsEachEndingWithAQuestion) {
    const auto files = deck();
    ASSERT_GE(files.size(), 11u);
    for (const fs::path& f : files) {
        const Lesson l = loadLesson(f.string());
        ASSERT_FALSE(l.slides.empty()) << f;
        EXPECT_TRUE(l.slides.back().question) << f << " does not end with a question";
        EXPECT_FALSE(l.description.empty()) << f;
    }
}

TEST(Deck, EveryLessonPlaysAndEveryQuestionIsAnsweredByTheTrace) {
    int questions = 0, slides = 0;
    for (const fs::path& f : deck()) {
        SCOPED_TRACE(f.filename().string());
        Lesson l;
        ASSERT_NO_THROW(l = loadLesson(f.string()));
        try {
            verifyLesson(l);
        } catch (const LessonError& e) {
            ADD_FAILURE() << e.what();
            continue;
        }
        for (const Slide& s : l.slides) {
            ++slides;
            EXPECT_TRUE(s.minutes) << s.title << " has no minutes: (the answer key plans the class with them)";
            const SlideTraces t = runSlide(l, s);
            ASSERT_NE(t.trace.find(s.step), nullptr) << s.step;
            const std::string text = fillNarration(s.narration, t);
            EXPECT_EQ(text.find('{'), std::string::npos) << text;
            if (!s.question)
                continue;
            ++questions;
            // The answer key prints what follows "---" as the answer's reasoning.
            EXPECT_NE(s.narration.find("\n---\n"), std::string::npos)
                << s.title << ": a question slide needs a revealed part (its reasoning)";
            const Question& q = *s.question;
            const CorrectAnswer right = correctAnswer(q, t);
            EXPECT_FALSE(right.text.empty());
            Answer a;
            if (!right.cells.empty())
                a.cell = right.cells.front();
            if (!right.options.empty())
                a.option = right.options.front();
            a.number = right.number;
            EXPECT_TRUE(markAnswer(q, t, a)) << s.title;
            const auto wrong = wrongAnswer(q, t, right);
            ASSERT_TRUE(wrong) << s.title << ": every answer would be right";
            EXPECT_FALSE(markAnswer(q, t, *wrong)) << s.title;
        }
    }
    EXPECT_GE(questions, 8);
    EXPECT_GE(slides, 16);
}

TEST(Deck, NarrationNumbersComeFromTheTrace) {
    // A decimal number written into a narration (0.42, 3.5e-3) would not
    // follow the spec; it must be a {placeholder}. Integers (4 features,
    // √256 = 16) and Keras arguments (Dropout(0.2), rate=0.2) describe the
    // setup and are allowed.
    const std::regex decimal(R"((^|[^\w.{(=])\d+\.\d+)");
    for (const fs::path& f : deck()) {
        const Lesson l = loadLesson(f.string());
        for (const Slide& s : l.slides) {
            std::string outside; // the narration without its placeholders
            int depth = 0;
            for (char c : s.narration) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0 && c != '}')
                    outside += c;
            }
            EXPECT_FALSE(std::regex_search(outside, decimal))
                << f.filename() << ", slide '" << s.title << "': " << outside;
        }
    }
}
