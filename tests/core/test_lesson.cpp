// Lesson files: parsing with line numbers, questions answered from the trace,
// narration placeholders, the score, and writing slides back.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/teach/lesson.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace attnviz::core;
namespace fs = std::filesystem;

namespace {

const char* kSpec = R"({"layer": "MultiHeadAttention",
 "config": {"num_heads": 2, "key_dim": 4},
 "shapes": {"batch": 1, "query_features": 8, "value_features": 8},
 "tokens": {"query": ["the", "cat", "sat"], "source": ["the", "cat", "sat"]},
 "seed": 7})";

std::string lessonWith(const std::string& slideBody) {
    return std::string("# Test lesson\n\nA description.\n\n## First slide\nspec:\n```json\n") + kSpec + "\n```\n" +
           slideBody;
}

Lesson parse(const std::string& text) {
    return parseLesson(text, ".", "t.md");
}

int errorLine(const std::string& text) {
    try {
        (void)parse(text);
    } catch (const LessonError& e) {
        return e.line();
    }
    return -1;
}

Spec spec() {
    return parseSpec(kSpec, ".");
}

} // namespace

TEST(Lesson, ParsesSlidesFieldsNarrationAndQuestion) {
    const Lesson l = parse(lessonWith("step: weights\nview: stage\nslice: 0,1\nhighlight: 1,2 0,0\n\n"
                                      "The weights of head 1.\nSecond line.\n\n"
                                      "question: Which key does cat attend to most?\nkind: click-largest\n"
                                      "target: weights[0,1,1,:]\n\n"
                                      "## Second\nspec:\n```json\n" +
                                      std::string(kSpec) + "\n```\nstep: scores\nview: scaling-lab\n"));
    EXPECT_EQ(l.title, "Test lesson");
    EXPECT_EQ(l.description, "A description.");
    ASSERT_EQ(l.slides.size(), 2u);
    const Slide& s = l.slides[0];
    EXPECT_EQ(s.title, "First slide");
    EXPECT_EQ(s.line, 5);
    EXPECT_EQ(s.step, "weights");
    EXPECT_EQ(s.view, SlideView::Stage);
    EXPECT_EQ(s.slice, (std::vector<Index>{0, 1}));
    ASSERT_EQ(s.highlight.size(), 2u);
    EXPECT_EQ(s.highlight[0], (std::pair<Index, Index>{1, 2}));
    EXPECT_EQ(s.narration, "The weights of head 1.\nSecond line.");
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->kind, QuestionKind::ClickLargest);
    EXPECT_EQ(s.question->target.text(), "weights[0,1,1,:]");
    EXPECT_EQ(s.spec.config.numHeads, 2);
    EXPECT_EQ(l.slides[1].view, SlideView::ScalingLab);
    EXPECT_FALSE(l.slides[1].question);
}

TEST(Lesson, ErrorsNameTheLine) {
    EXPECT_EQ(errorLine(""), 0);
    EXPECT_EQ(errorLine("\n\nno title\n"), 3);
    EXPECT_EQ(errorLine("# T\n\ntext only\n"), 3);                    // no slides: the last line
    EXPECT_EQ(errorLine(lessonWith("step: weights\nstpe: x\n")), 15); // unknown field
    EXPECT_EQ(errorLine(lessonWith("step: weights\nview: sideways\n")), 15);
    EXPECT_EQ(errorLine(lessonWith("step: weights\nstep: scores\n")), 15);
    EXPECT_EQ(errorLine(lessonWith("step: weights\nslice: 0,x\n")), 15);
    EXPECT_EQ(errorLine(lessonWith("step: weights\nhighlight: 1\n")), 15);
    // Inline JSON broken on its third line (line 8 of the file).
    EXPECT_EQ(errorLine("# T\n\n## S\nspec:\n```json\n{\"layer\": \"Attention\",\n \"seed\": 1,\n \"x\": }\n```\n"
                        "step: weights\n"),
              8);
    EXPECT_EQ(errorLine("# T\n\n## S\nspec:\n```json\n{}\n"), 5); // never closed
    // A spec that parses as JSON but not as a spec: the block's line.
    EXPECT_EQ(errorLine("# T\n\n## S\nspec:\n```json\n{\"layer\": \"Conv2D\"}\n```\nstep: weights\n"), 6);
    EXPECT_EQ(errorLine("# T\n\n## S\nspec: missing.json\nstep: weights\n"), 4);
    EXPECT_EQ(errorLine("# T\n\n## S\nstep: weights\n"), 3); // no spec
    // Questions.
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nN.\n\nquestion: Q?\nkind: guess\n")), 19);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nN.\n\nquestion: Q?\ntarget: weights[0,0,0,:]\n")), 18);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nquestion: Q?\nkind: click-largest\ntarget: weights[0,0,0,0]\n")),
              18); // no ':' axis
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nquestion: Q?\nkind: choose\noption: a | max(weights)\n"
                                   "option: b | 1 < 2\n")),
              18); // a quantity where a condition belongs
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nquestion: Q?\nkind: choose\noption: only | 1 < 2\n")), 16);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nquestion: Q?\nkind: number\nanswer: weights[0,0,0,0]\n")), 16);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nquestion: Q?\nkind: number\nanswer: w\ntolerance: -1\n")), 19);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nquestion: Q?\nkind: number\nanswer: w\ntolerance: 1\nmore "
                                   "text\n")),
              20);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nSee {weights[0,0,0,0]:.3z}.\n")), 16);
    EXPECT_EQ(errorLine(lessonWith("step: weights\n\nAn open { brace.\n")), 16);
    EXPECT_EQ(errorLine(lessonWith("step: weights\nclaim: cats-are-dogs\n")), 15);
    EXPECT_EQ(errorLine(lessonWith("step: weights\nclaim: mha-attention\nuntick: gravity\n")), 16);
    // The message says what, what was expected, and what was received.
    try {
        (void)parse(lessonWith("step: weights\nview: sideways\n"));
        FAIL();
    } catch (const LessonError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("t.md:15: ", 0), 0u) << e.what();
        EXPECT_NE(std::string(e.what()).find("'sideways'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("expected stage, compare"), std::string::npos);
    }
}

TEST(Lesson, VerifyNamesTheLineOfAStepOrQuestionTheTraceCannotAnswer) {
    auto verifyLine = [](const std::string& text) {
        try {
            verifyLesson(parse(text));
        } catch (const LessonError& e) {
            return e.line();
        }
        return -1;
    };
    EXPECT_EQ(verifyLine(lessonWith("step: weights\n")), -1);
    EXPECT_EQ(verifyLine(lessonWith("step: dot_scores\n")), 14); // MHA has no dot_scores
    EXPECT_EQ(verifyLine(lessonWith("step: weights\nslice: 0,5\n")), 15);
    EXPECT_EQ(verifyLine(lessonWith("step: weights\nhighlight: 0,3\n")), 15); // 3 source tokens: cols 0..2
    EXPECT_EQ(verifyLine(lessonWith("step: weights\n\nValue {weights[0,0,9,0]}.\n")), 16);
    EXPECT_EQ(verifyLine(lessonWith("step: weights\n\nquestion: Q?\nkind: number\nanswer: maxdiff(output)\n"
                                    "tolerance: 0\n")),
              16); // maxdiff without a second trace
    EXPECT_EQ(verifyLine(lessonWith("step: weights\n\nquestion: Q?\nkind: choose\noption: a | max(weights) > 1\n"
                                    "option: b | min(weights) < 0\n")),
              16); // no option holds
}

TEST(Lesson, ClickQuestionAnswerIsTheTraceArgmax) {
    const Lesson l = parse(lessonWith("step: weights\n\nquestion: Which key does cat attend to most?\n"
                                      "kind: click-largest\ntarget: weights[0,1,1,:]\n"));
    const SlideTraces t = runSlide(l, l.slides[0]);
    const Tensor& w = t.trace.find("weights")->value; // (1, 2, 3, 3)
    Index best = 0;
    for (Index s = 1; s < 3; ++s)
        if (w.at({0, 1, 1, s}) > w.at({0, 1, 1, best}))
            best = s;
    const CorrectAnswer a = correctAnswer(*l.slides[0].question, t);
    ASSERT_EQ(a.cells.size(), 1u);
    EXPECT_EQ(a.cells[0], (std::vector<Index>{0, 1, 1, best}));
    EXPECT_FLOAT_EQ(float(a.number), w.at({0, 1, 1, best}));
    EXPECT_TRUE(markAnswer(*l.slides[0].question, t, Answer{{0, 1, 1, best}, -1, {}}));
    EXPECT_FALSE(markAnswer(*l.slides[0].question, t, Answer{{0, 1, 1, (best + 1) % 3}, -1, {}}));
    EXPECT_FALSE(markAnswer(*l.slides[0].question, t, Answer{{0, 0, 1, best}, -1, {}})); // another head
    EXPECT_NE(a.text.find("largest of weights[0,1,1,:]"), std::string::npos) << a.text;
}

TEST(Lesson, ClickSmallestOverAMatrixAndTies) {
    Question q;
    q.kind = QuestionKind::ClickSmallest;
    q.target = TensorRef{"x", {0, TensorRef::kAll, TensorRef::kAll}};
    SlideTraces t;
    Step s;
    s.key = "x";
    s.value = Tensor({1, 2, 2}, {0.5f, 0.1f, 0.1f, 0.9f});
    t.trace.steps.push_back(s);
    const CorrectAnswer a = correctAnswer(q, t);
    ASSERT_EQ(a.cells.size(), 2u); // a tie: both cells are right
    EXPECT_TRUE(markAnswer(q, t, Answer{{0, 0, 1}, -1, {}}));
    EXPECT_TRUE(markAnswer(q, t, Answer{{0, 1, 0}, -1, {}}));
    EXPECT_FALSE(markAnswer(q, t, Answer{{0, 1, 1}, -1, {}}));
}

TEST(Lesson, NumberQuestionUsesTheTolerance) {
    const Lesson l = parse(lessonWith("step: weights\n\nquestion: Sum of row 0?\nkind: number\n"
                                      "answer: sum(weights[0,0,0,:])\ntolerance: 0.01\n"));
    const SlideTraces t = runSlide(l, l.slides[0]);
    const Question& q = *l.slides[0].question;
    const CorrectAnswer a = correctAnswer(q, t);
    EXPECT_NEAR(a.number, 1.0, 1e-6); // a softmax row sums to 1
    EXPECT_TRUE(markAnswer(q, t, Answer{{}, -1, 1.005}));
    EXPECT_TRUE(markAnswer(q, t, Answer{{}, -1, 0.995}));
    EXPECT_FALSE(markAnswer(q, t, Answer{{}, -1, 1.02}));
    EXPECT_FALSE(markAnswer(q, t, Answer{{}, -1, std::nullopt}));
    EXPECT_FALSE(markAnswer(q, t, Answer{{}, -1, std::nan("")}));
}

TEST(Lesson, ChooseQuestionsAreJudgedByTheTrace) {
    const Lesson l =
        parse(lessonWith("step: weights\n\nquestion: Which head is most peaked on cat?\nkind: choose-largest\n"
                         "option: Head 0 | max(weights[0,0,1,:])\noption: Head 1 | max(weights[0,1,1,:])\n\n"
                         "## Claim\nspec:\n```json\n" +
                         std::string(kSpec) +
                         "\n```\nstep: output\nview: equivalence-lab\nclaim: mha-attention\n\n"
                         "question: Equal?\nkind: choose\noption: Yes | maxdiff(output) <= 1e-5\n"
                         "option: No | maxdiff(output) > 1e-5\n\n"
                         "## Broken\nspec:\n```json\n" +
                         std::string(kSpec) +
                         "\n```\nstep: output\nview: equivalence-lab\nclaim: mha-attention\nuntick: scale\n\n"
                         "question: Equal?\nkind: choose\noption: Yes | maxdiff(output) <= 1e-5\n"
                         "option: No | maxdiff(output) > 1e-5\n"));
    verifyLesson(l);
    const SlideTraces t0 = runSlide(l, l.slides[0]);
    const Tensor& w = t0.trace.find("weights")->value;
    float m0 = 0, m1 = 0;
    for (Index s = 0; s < 3; ++s) {
        m0 = std::max(m0, w.at({0, 0, 1, s}));
        m1 = std::max(m1, w.at({0, 1, 1, s}));
    }
    ASSERT_NE(m0, m1);
    const int right = m1 > m0 ? 1 : 0;
    EXPECT_EQ(correctAnswer(*l.slides[0].question, t0).options, std::vector<int>{right});
    EXPECT_TRUE(markAnswer(*l.slides[0].question, t0, Answer{{}, right, {}}));
    EXPECT_FALSE(markAnswer(*l.slides[0].question, t0, Answer{{}, 1 - right, {}}));
    // The claim holds with every condition, and fails without the 1/√d scale.
    EXPECT_EQ(correctAnswer(*l.slides[1].question, runSlide(l, l.slides[1])).options, std::vector<int>{0});
    const SlideTraces broken = runSlide(l, l.slides[2]);
    EXPECT_EQ(correctAnswer(*l.slides[2].question, broken).options, std::vector<int>{1});
}

TEST(Lesson, NarrationPlaceholdersComeFromTheTrace) {
    const Lesson l = parse(lessonWith("step: weights\n\nw = {weights[0,0,1,2]:.3f}, {{braces}}, "
                                      "sum {sum(weights[0,1,2,:]):.2f}, pct {weights[0,0,1,2]:.1%}, "
                                      "n {max(weights):d}, e {std(query):.2e}, plain {weights[0,0,0,0]}.\n"));
    const SlideTraces t = runSlide(l, l.slides[0]);
    const float w = t.trace.find("weights")->value.at({0, 0, 1, 2});
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", double(w));
    const std::string filled = fillNarration(l.slides[0].narration, t);
    EXPECT_NE(filled.find(std::string("w = ") + buf + ","), std::string::npos) << filled;
    EXPECT_NE(filled.find("{braces}"), std::string::npos);
    EXPECT_NE(filled.find("sum 1.00,"), std::string::npos) << filled;
    std::snprintf(buf, sizeof buf, "%.1f%%", double(w) * 100);
    EXPECT_NE(filled.find(std::string("pct ") + buf), std::string::npos) << filled;
    EXPECT_EQ(filled.find('{', filled.find("{braces}") + 1), std::string::npos);
}

TEST(Lesson, QuantitiesMatchTheTensor) {
    SlideTraces t;
    Step s;
    s.key = "x";
    s.value = Tensor({2, 3}, {1, 2, 3, 4, 5, 9});
    t.trace.steps.push_back(s);
    auto q = [](const char* text) {
        const Lesson l =
            parseLesson(std::string("# T\n\n## S\nspec:\n```json\n") + kSpec +
                            "\n```\nstep: weights\n\nquestion: Q?\nkind: number\nanswer: " + text + "\ntolerance: 0\n",
                        ".");
        return *l.slides[0].question->answer;
    };
    EXPECT_DOUBLE_EQ(evaluate(q("x[1,2]"), t), 9);
    EXPECT_DOUBLE_EQ(evaluate(q("max(x[0,:])"), t), 3);
    EXPECT_DOUBLE_EQ(evaluate(q("min(x[:,2])"), t), 3);
    EXPECT_DOUBLE_EQ(evaluate(q("sum(x)"), t), 24);
    EXPECT_DOUBLE_EQ(evaluate(q("mean(x[1,:])"), t), 6);
    EXPECT_DOUBLE_EQ(evaluate(q("count(x[:,1])"), t), 2);
    EXPECT_DOUBLE_EQ(evaluate(q("count(x)"), t), 6);
    EXPECT_NEAR(evaluate(q("std(x[0,:])"), t), std::sqrt(2.0 / 3.0), 1e-12);
    EXPECT_DOUBLE_EQ(evaluate(q("-2.5e-1"), t), -0.25);
    EXPECT_THROW(evaluate(q("x[2,0]"), t), std::invalid_argument);  // out of range
    EXPECT_THROW(evaluate(q("x[0]"), t), std::invalid_argument);    // rank
    EXPECT_THROW(evaluate(q("x[0,:]"), t), std::invalid_argument);  // a cell needs every index
    EXPECT_THROW(evaluate(q("nothere"), t), std::invalid_argument); // no such step
}

TEST(Lesson, ScoreKeepsTheFirstAnswer) {
    LessonScore s;
    EXPECT_EQ(s.answeredCount(), 0);
    s.record(0, true);
    s.record(2, false);
    s.record(2, true); // a second try does not change the score
    EXPECT_TRUE(s.answered(2));
    EXPECT_FALSE(s.answered(1));
    EXPECT_EQ(s.answeredCount(), 2);
    EXPECT_EQ(s.correctCount(), 1);
    s.reset();
    EXPECT_EQ(s.answeredCount(), 0);
}

TEST(Lesson, TextRoundTrip) {
    const Lesson l =
        parse(lessonWith("step: weights\nview: compare\nslice: 0,1\nhighlight: 1,2\n\nN {max(weights)}.\n\n"
                         "question: Q?\nkind: choose-smallest\noption: a | min(weights[0,0,:,:])\n"
                         "option: b | min(weights[0,1,:,:])\n"));
    const Lesson again = parse(lessonToText(l));
    ASSERT_EQ(again.slides.size(), 1u);
    const Slide& s = again.slides[0];
    EXPECT_EQ(s.view, SlideView::Compare);
    EXPECT_EQ(s.slice, l.slides[0].slice);
    EXPECT_EQ(s.highlight, l.slides[0].highlight);
    EXPECT_EQ(s.narration, l.slides[0].narration);
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->kind, QuestionKind::ChooseSmallest);
    ASSERT_EQ(s.question->options.size(), 2u);
    EXPECT_EQ(s.question->options[1].quantity->text(), "min(weights[0,1,:,:])");
    EXPECT_EQ(lessonToText(again), lessonToText(l));
}

TEST(Lesson, NotesAndMinutesAreReadWrittenAndSummed) {
    const std::string second = "## Second\nspec:\n```json\n" + std::string(kSpec) +
                               "\n```\nstep: scores\nminutes: 2.5\n\nNo notes here.\n";
    const Lesson l = parse(lessonWith("step: weights\nminutes: 3\nnotes: Ask the room first; then reveal.\n\n"
                                      "Narration.\n\n" +
                                      second));
    ASSERT_EQ(l.slides.size(), 2u);
    ASSERT_TRUE(l.slides[0].minutes);
    EXPECT_DOUBLE_EQ(*l.slides[0].minutes, 3.0);
    EXPECT_EQ(l.slides[0].notes, "Ask the room first; then reveal.");
    EXPECT_EQ(l.slides[0].narration, "Narration.");
    EXPECT_DOUBLE_EQ(*l.slides[1].minutes, 2.5);
    EXPECT_TRUE(l.slides[1].notes.empty());
    EXPECT_DOUBLE_EQ(l.minutes(), 5.5);
    // Written back and read again: the same fields.
    const Lesson again = parse(lessonToText(l));
    EXPECT_EQ(again.slides[0].notes, l.slides[0].notes);
    EXPECT_EQ(again.slides[0].minutes, l.slides[0].minutes);
    EXPECT_EQ(again.slides[1].minutes, l.slides[1].minutes);
    EXPECT_EQ(lessonToText(again), lessonToText(l));
    // A lesson without timings plans 0 minutes.
    EXPECT_DOUBLE_EQ(parse(lessonWith("step: weights\n")).minutes(), 0.0);
}

TEST(Lesson, BadNotesAndMinutesNameTheLine) {
    // Line 15 is the first field after the spec block (lessonWith).
    for (const char* bad : {"minutes: soon\n", "minutes: 0\n", "minutes: -2\n", "minutes: 1000\n", "notes:\n"}) {
        SCOPED_TRACE(bad);
        EXPECT_EQ(errorLine(lessonWith(std::string("step: weights\n") + bad)), 15);
    }
    EXPECT_EQ(errorLine(lessonWith("step: weights\nminutes: 3\nminutes: 4\n")), 16); // twice
}

TEST(Lesson, AppendSlideWritesTheSpecAndAFileThatLoads) {
    const fs::path dir = fs::temp_directory_path() / "attnviz_test_lesson_append";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "deck.md").string();
    Slide s;
    s.title = "Scores of the cat";
    s.spec = spec();
    s.step = "scores";
    s.view = SlideView::Stage;
    s.slice = {0, 1};
    const Trace trace = run(s.spec);
    EXPECT_EQ(appendSlide(path, s, trace.params, "Recorded"), 1);
    s.title = "Weights";
    s.step = "weights";
    EXPECT_EQ(appendSlide(path, s, trace.params), 2);
    const Lesson l = loadLesson(path);
    EXPECT_EQ(l.title, "Recorded");
    ASSERT_EQ(l.slides.size(), 2u);
    EXPECT_EQ(l.slides[0].specPath, "deck.slides/01/spec.json");
    EXPECT_EQ(l.slides[1].specPath, "deck.slides/02/spec.json");
    EXPECT_TRUE(fs::exists(dir / "deck.slides" / "02" / "weights.npz"));
    EXPECT_EQ(l.slides[1].step, "weights");
    EXPECT_EQ(l.slides[0].slice, (std::vector<Index>{0, 1}));
    verifyLesson(l);
    // The recorded spec gives the same numbers.
    const Trace again = runSlide(l, l.slides[0]).trace;
    EXPECT_EQ(again.find("scores")->value.values(), trace.find("scores")->value.values());
    // A broken lesson is not appended to.
    { std::ofstream(path, std::ios::app) << "## Broken\n"; }
    EXPECT_THROW(appendSlide(path, s, trace.params), LessonError);
    fs::remove_all(dir);
}

TEST(Lesson, OtherReadsTheSecondTrace) {
    SlideTraces t;
    Step s;
    s.key = "x";
    s.value = Tensor({2}, {1, 2});
    t.trace.steps.push_back(s);
    Quantity q;
    q.fn = Quantity::Fn::Max;
    q.ref = TensorRef{"x", {}, true};
    EXPECT_THROW(evaluate(q, t), std::invalid_argument); // no second trace
    s.value = Tensor({2}, {5, 3});
    t.other = Trace{};
    t.other->steps.push_back(s);
    EXPECT_DOUBLE_EQ(evaluate(q, t), 5);
    q.ref.other = false;
    EXPECT_DOUBLE_EQ(evaluate(q, t), 2);
    q.fn = Quantity::Fn::MaxDiff;
    EXPECT_DOUBLE_EQ(evaluate(q, t), 4);
    EXPECT_EQ((TensorRef{"x", {0}, true}).text(), "other.x[0]");
}
