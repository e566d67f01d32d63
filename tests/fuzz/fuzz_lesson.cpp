// libFuzzer target: core::parseLesson on arbitrary text (spec paths resolve
// against a temporary folder holding resources/examples/), then what the app
// does with a lesson: write it back (lessonToText must parse again), and,
// when every slide's trace is small, verifyLesson (run each slide, fill its
// narration, compute its answer). Anything but a clean LessonError is a finding.
#include "fuzz_temp_dir.h"

#include "core/layers/run.h"
#include "core/teach/lesson.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace attnviz::core;
namespace fs = std::filesystem;

namespace {

std::string g_dir;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    g_dir = attnviz::fuzz::makeTempDir("attnviz_fuzz_lesson");
    fs::copy(fs::path(ATTNVIZ_SOURCE_DIR) / "resources" / "examples", fs::path(g_dir) / "examples",
             fs::copy_options::recursive);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Lesson lesson;
    try {
        lesson = parseLesson(text, g_dir, "fuzz.md");
    } catch (const LessonError&) {
        return 0;
    }
    if (lesson.slides.empty())
        __builtin_trap(); // parseLesson refuses a lesson without slides
    try {
        (void)parseLesson(lessonToText(lesson), g_dir, "again.md");
    } catch (const LessonError& e) {
        std::fprintf(stderr, "lessonToText output does not parse: %s\n", e.what());
        __builtin_trap();
    }
    for (const Slide& s : lesson.slides) {
        if (!(estimateTraceBytes(s.spec) < double(1 << 22)))
            return 0;
        if (s.compareSpec && !(estimateTraceBytes(*s.compareSpec) < double(1 << 22)))
            return 0;
    }
    try {
        verifyLesson(lesson);
    } catch (const LessonError&) {
        return 0;
    }
    return 0;
}
