// Playing a lesson's slides: run each slide's spec (both sides of a claim)
// and verify that every step, slice, highlight, placeholder and question fits
// its trace.
#include "core/teach/lesson.h"
#include "core/teach/lesson_detail.h"
#include "core/layers/run.h"
#include "core/teach/compare.h"

#include <algorithm>

namespace attnviz::core {

using namespace lesson_detail;

SlideTraces runSlide(const Lesson& lesson, const Slide& slide) {
    SlideTraces out;
    const SpecLimits limits{std::uint64_t(256) << 20};
    try {
        if (!slide.claim.empty()) {
            const IdentitySides setup = buildIdentity(slide.claim, slide.spec, slide.untick);
            out.trace = run(setup.left, limits);
            out.other = run(setup.right, limits);
        } else {
            out.trace = run(slide.spec, limits);
            if (slide.compareSpec)
                out.other = run(*slide.compareSpec, limits);
        }
    } catch (const std::exception& e) {
        throw LessonError(lesson.name, slide.fieldLine(slide.claim.empty() ? "spec" : "claim"),
                          std::string("The slide's spec does not run: ") + e.what());
    }
    return out;
}

void verifyLesson(const Lesson& lesson) {
    for (const Slide& s : lesson.slides) {
        const SlideTraces t = runSlide(lesson, s);
        const Step* step = t.trace.find(s.step);
        if (!step) {
            try {
                (void)findStep(t.trace, s.step);
            } catch (const std::invalid_argument& e) {
                throw LessonError(lesson.name, s.fieldLine("step"), e.what());
            }
        }
        const Index rank = step->value.rank();
        if (Index(s.slice.size()) > std::max<Index>(rank - 2, 0))
            throw LessonError(lesson.name, s.fieldLine("slice"),
                              "The step " + s.step + " has shape " + shapeString(step->value.shape()) +
                                  "; 'slice:' fixes at most " + std::to_string(std::max<Index>(rank - 2, 0)) +
                                  " leading axes. Received: " + std::to_string(s.slice.size()) + " indices.");
        for (size_t a = 0; a < s.slice.size(); ++a)
            if (s.slice[a] >= step->value.dim(Index(a)))
                throw LessonError(lesson.name, s.fieldLine("slice"),
                                  "slice index " + std::to_string(s.slice[a]) + " is out of range for axis " +
                                      std::to_string(a) + " of " + s.step + ", shape " +
                                      shapeString(step->value.shape()) + ".");
        const Slice2D sl = slice2d(step->value, s.slice);
        for (const auto& [r, c] : s.highlight)
            if (r >= sl.rows || c >= sl.cols)
                throw LessonError(lesson.name, s.fieldLine("highlight"),
                                  "The highlighted cell " + std::to_string(r) + "," + std::to_string(c) +
                                      " is outside the shown slice of " + s.step + " (" + std::to_string(sl.rows) +
                                      " rows, " + std::to_string(sl.cols) + " columns).");
        try {
            (void)fillNarration(s.narration, t);
        } catch (const std::invalid_argument& e) {
            throw LessonError(lesson.name, s.narrationLine > 0 ? s.narrationLine : s.line,
                              std::string("In the narration: ") + e.what());
        }
        if (s.question) {
            try {
                (void)correctAnswer(*s.question, t);
            } catch (const std::invalid_argument& e) {
                throw LessonError(lesson.name, s.question->line,
                                  std::string("The question has no answer: ") + e.what());
            }
        }
    }
}
} // namespace attnviz::core
