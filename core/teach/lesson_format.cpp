// The lesson format: a line-oriented Markdown reader (so every message names
// its line), and the writer (slideToText, lessonToText, appendSlide). The
// format is described in docs/lesson-format.md.
#include "core/teach/lesson.h"
#include "core/teach/lesson_detail.h"
#include "core/io/spec_files.h"
#include "core/teach/compare.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace attnviz::core {

namespace fs = std::filesystem;
using namespace lesson_detail;

LessonError::LessonError(const std::string& file, int line, const std::string& problem)
    : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + problem), m_line(line),
      m_problem(problem) {}

const char* slideViewName(SlideView view) {
    switch (view) {
    case SlideView::Stage: return "stage";
    case SlideView::Compare: return "compare";
    case SlideView::ScalingLab: return "scaling-lab";
    case SlideView::EquivalenceLab: return "equivalence-lab";
    }
    return "stage";
}

std::optional<SlideView> slideViewFromName(const std::string& name) {
    for (SlideView v : {SlideView::Stage, SlideView::Compare, SlideView::ScalingLab, SlideView::EquivalenceLab})
        if (name == slideViewName(v))
            return v;
    return std::nullopt;
}

const char* questionKindName(QuestionKind kind) {
    switch (kind) {
    case QuestionKind::ClickLargest: return "click-largest";
    case QuestionKind::ClickSmallest: return "click-smallest";
    case QuestionKind::Choose: return "choose";
    case QuestionKind::ChooseLargest: return "choose-largest";
    case QuestionKind::ChooseSmallest: return "choose-smallest";
    case QuestionKind::Number: return "number";
    }
    return "click-largest";
}

static std::optional<QuestionKind> questionKindFromName(const std::string& name) {
    for (QuestionKind k : {QuestionKind::ClickLargest, QuestionKind::ClickSmallest, QuestionKind::Choose,
                           QuestionKind::ChooseLargest, QuestionKind::ChooseSmallest, QuestionKind::Number})
        if (name == questionKindName(k))
            return k;
    return std::nullopt;
}

double Lesson::minutes() const {
    double total = 0;
    for (const Slide& s : slides)
        total += s.minutes.value_or(0.0);
    return total;
}

int Slide::fieldLine(const std::string& field) const {
    auto it = fieldLines.find(field);
    return it == fieldLines.end() ? line : it->second;
}

// ---------------------------------------------------------------------------
// The reader

namespace {

const char* const kSlideFields[] = {"spec",    "step",  "view",   "slice",   "highlight",
                                    "compare", "claim", "untick", "minutes", "notes"};
const char* const kQuestionFields[] = {"kind", "target", "answer", "tolerance", "option"};

// "name: value" with a lower-case name of letters and '-'; false otherwise.
bool splitField(const std::string& line, std::string& name, std::string& value) {
    size_t i = 0;
    while (i < line.size() && (std::islower(static_cast<unsigned char>(line[i])) || line[i] == '-'))
        ++i;
    if (i == 0 || i >= line.size() || line[i] != ':')
        return false;
    name = line.substr(0, i);
    value = trim(line.substr(i + 1));
    return true;
}

template <size_t N> bool known(const char* const (&names)[N], const std::string& name) {
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return name == n; });
}

template <size_t N> std::string listOf(const char* const (&names)[N]) {
    std::string s;
    for (const char* n : names)
        s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

std::vector<Index> parseIndexList(const std::string& value) {
    std::vector<Index> out;
    std::stringstream in(value);
    std::string part;
    while (std::getline(in, part, ',')) {
        Index v = 0;
        if (!parseIndex(trim(part), v))
            throw std::invalid_argument("Expected non-negative integers separated by commas. Received: " +
                                        quoteText(value));
        out.push_back(v);
    }
    if (out.empty() || out.size() > 8)
        throw std::invalid_argument("Expected 1 to 8 indices separated by commas. Received: " + quoteText(value));
    return out;
}

class Reader {
public:
    Reader(const std::string& text, std::string baseDir, std::string name)
        : m_base(std::move(baseDir)), m_name(std::move(name)) {
        std::string line;
        std::stringstream in(text);
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            m_lines.push_back(line);
        }
    }

    Lesson read() {
        Lesson lesson;
        lesson.name = m_name;
        size_t i = 0;
        while (i < m_lines.size() && trim(m_lines[i]).empty())
            ++i;
        if (i == m_lines.size())
            fail(0, "The lesson is empty; expected a first line '# Title'.");
        if (m_lines[i].rfind("# ", 0) != 0 || trim(m_lines[i].substr(2)).empty())
            fail(int(i) + 1, "A lesson starts with its title, '# Title'. Received: " + quoteText(m_lines[i]));
        lesson.title = trim(m_lines[i].substr(2));
        ++i;
        std::string desc;
        for (; i < m_lines.size() && m_lines[i].rfind("## ", 0) != 0; ++i) {
            if (m_lines[i].rfind("# ", 0) == 0)
                fail(int(i) + 1,
                     "A lesson has one '# Title' line; slides start with '## '. Received: " + quoteText(m_lines[i]));
            std::string name, value;
            const std::string l = splitField(m_lines[i], name, value) && name == "description" ? value : m_lines[i];
            desc += (desc.empty() ? "" : "\n") + l;
        }
        lesson.description = trim(desc);
        while (i < m_lines.size())
            lesson.slides.push_back(readSlide(i));
        if (lesson.slides.empty())
            fail(int(m_lines.size()), "The lesson has no slides; each slide starts with '## Slide title'.");
        return lesson;
    }

private:
    [[noreturn]] void fail(int line, const std::string& problem) const { throw LessonError(m_name, line, problem); }

    Slide readSlide(size_t& i) {
        Slide s;
        s.line = int(i) + 1;
        s.title = trim(m_lines[i].substr(3));
        if (s.title.empty())
            fail(s.line, "A slide needs a title after '## '.");
        ++i;
        // Field lines, up to the first line that is not one.
        for (; i < m_lines.size(); ++i) {
            std::string name, value;
            const std::string& l = m_lines[i];
            if (trim(l).empty() || !splitField(l, name, value))
                break;
            if (name == "question")
                break;
            if (!known(kSlideFields, name))
                fail(int(i) + 1, "Unknown slide field " + quoteText(name) + "; expected one of " +
                                     listOf(kSlideFields) + " (then a blank line and the narration).");
            if (s.fieldLines.count(name))
                fail(int(i) + 1, "The field " + quoteText(name) + " appears twice in this slide (first on line " +
                                     std::to_string(s.fieldLines[name]) + ").");
            s.fieldLines[name] = int(i) + 1;
            setField(s, name, value, i);
        }
        // Narration, up to "question:" or the next slide.
        std::string narration;
        for (; i < m_lines.size() && m_lines[i].rfind("## ", 0) != 0; ++i) {
            std::string name, value;
            if (splitField(m_lines[i], name, value) && name == "question")
                break;
            if (m_lines[i].rfind("# ", 0) == 0)
                fail(int(i) + 1,
                     "A lesson has one '# Title' line; slides start with '## '. Received: " + quoteText(m_lines[i]));
            if (s.narrationLine == 0 && !trim(m_lines[i]).empty())
                s.narrationLine = int(i) + 1;
            narration += m_lines[i] + "\n";
        }
        s.narration = trim(narration);
        if (i < m_lines.size() && m_lines[i].rfind("## ", 0) != 0)
            s.question = readQuestion(i);
        finishSlide(s);
        return s;
    }

    void setField(Slide& s, const std::string& name, const std::string& value, size_t& i) {
        const int line = int(i) + 1;
        try {
            if (name == "spec") {
                if (!value.empty()) {
                    s.specPath = value;
                    return;
                }
                // An inline ```json block on the next lines.
                if (i + 1 >= m_lines.size() || trim(m_lines[i + 1]).rfind("```", 0) != 0)
                    fail(line, "'spec:' needs a path (spec: mha.json) or a ```json block on the next line.");
                const size_t start = i + 2;
                size_t j = start;
                while (j < m_lines.size() && trim(m_lines[j]) != "```")
                    ++j;
                if (j == m_lines.size())
                    fail(int(i) + 2, "The ```json block of this spec is never closed with a line '```'.");
                for (size_t k = start; k < j; ++k)
                    s.specText += m_lines[k] + "\n";
                if (trim(s.specText).empty())
                    fail(int(i) + 2, "The ```json block of this spec is empty.");
                s.fieldLines["spec-block"] = int(start) + 1;
                i = j;
            } else if (name == "step") {
                if (value.empty() || !std::all_of(value.begin(), value.end(), isKeyChar))
                    fail(line, "Expected a step key such as weights. Received: " + quoteText(value));
                s.step = value;
            } else if (name == "view") {
                auto v = slideViewFromName(value);
                if (!v)
                    fail(line, "Unknown view " + quoteText(value) +
                                   "; expected stage, compare, scaling-lab or equivalence-lab.");
                s.view = *v;
            } else if (name == "slice") {
                s.slice = parseIndexList(value);
            } else if (name == "highlight") {
                std::stringstream in(value);
                std::string cell;
                while (in >> cell) {
                    const std::vector<Index> rc = parseIndexList(cell);
                    if (rc.size() != 2)
                        fail(line,
                             "A highlighted cell is row,col (cells separated by spaces). Received: " + quoteText(cell));
                    s.highlight.emplace_back(rc[0], rc[1]);
                }
                if (s.highlight.empty())
                    fail(line, "Expected cells row,col separated by spaces. Received: nothing.");
            } else if (name == "compare") {
                if (value.empty())
                    fail(line, "'compare:' needs the path of a second spec.");
                s.comparePath = value;
            } else if (name == "claim") {
                if (!findIdentity(value)) {
                    std::string ids;
                    for (const Identity& identity : identities())
                        ids += (ids.empty() ? "" : ", ") + identity.id;
                    fail(line, "Unknown claim " + quoteText(value) + "; expected one of " + ids + ".");
                }
                s.claim = value;
            } else if (name == "untick") {
                std::stringstream in(value);
                std::string c;
                while (in >> c)
                    s.untick.push_back(c);
            } else if (name == "minutes") {
                double m = 0;
                if (!parseNumber(value, m) || m < 0.5 || m > 240)
                    fail(line, "Expected the slide's minutes in class, a number from 0.5 to 240 (e.g. minutes: 3). "
                               "Received: " +
                                   quoteText(value));
                s.minutes = m;
            } else if (name == "notes") {
                if (value.empty())
                    fail(line, "'notes:' needs the presenter's notes on the same line.");
                s.notes = value;
            }
        } catch (const std::invalid_argument& e) {
            fail(line, e.what());
        }
    }

    Question readQuestion(size_t& i) {
        Question q;
        q.line = int(i) + 1;
        std::string name, value;
        splitField(m_lines[i], name, value);
        q.prompt = value;
        if (q.prompt.empty())
            fail(q.line, "'question:' needs the question's text on the same line.");
        ++i;
        std::map<std::string, int> seen;
        for (; i < m_lines.size() && m_lines[i].rfind("## ", 0) != 0; ++i) {
            const std::string& l = m_lines[i];
            const int line = int(i) + 1;
            if (trim(l).empty())
                continue;
            if (!splitField(l, name, value) || !known(kQuestionFields, name))
                fail(line, "After 'question:' only " + listOf(kQuestionFields) +
                               " lines may follow, up to the next '## ' slide. Received: " + quoteText(l));
            if (name != "option" && seen.count(name))
                fail(line, "The field " + quoteText(name) + " appears twice in this question.");
            seen[name] = line;
            try {
                if (name == "kind") {
                    auto k = questionKindFromName(value);
                    if (!k)
                        fail(line, "Unknown question kind " + quoteText(value) +
                                       "; expected click-largest, click-smallest, choose, choose-largest, "
                                       "choose-smallest or number.");
                    q.kind = *k;
                } else if (name == "target") {
                    q.expr = value;
                    q.target = parseRef(value);
                } else if (name == "answer") {
                    q.expr = value;
                    q.answer = parseQuantity(value);
                } else if (name == "tolerance") {
                    if (!parseNumber(value, q.tolerance) || q.tolerance < 0)
                        fail(line, "The tolerance must be a number ≥ 0. Received: " + quoteText(value));
                } else if (name == "option") {
                    QuestionOption o;
                    o.line = line;
                    const size_t bar = value.rfind('|');
                    o.text = trim(value.substr(0, bar));
                    if (bar != std::string::npos)
                        o.expr = trim(value.substr(bar + 1));
                    if (o.text.empty())
                        fail(line, "An option needs its text before '|'. Received: " + quoteText(value));
                    q.options.push_back(std::move(o));
                }
            } catch (const std::invalid_argument& e) {
                fail(line, e.what());
            }
        }
        if (!seen.count("kind"))
            fail(q.line, "The question needs a 'kind:' line (click-largest, click-smallest, choose, choose-largest, "
                         "choose-smallest or number).");
        const bool click = q.kind == QuestionKind::ClickLargest || q.kind == QuestionKind::ClickSmallest;
        const bool choose = !click && q.kind != QuestionKind::Number;
        if (click) {
            if (!seen.count("target"))
                fail(q.line, "A click question needs 'target: step[...]', the slice whose extreme cell is the answer.");
            const auto free = std::count(q.target.index.begin(), q.target.index.end(), TensorRef::kAll);
            if (q.target.index.empty() || free < 1 || free > 2)
                fail(seen["target"], "A click target has an index on every axis and ':' on one or two of them (a "
                                     "row or a matrix). Received: " +
                                         quoteText(q.target.text()));
        }
        if (q.kind == QuestionKind::Number && (!seen.count("answer") || !seen.count("tolerance")))
            fail(q.line, "A number question needs 'answer: QUANTITY' and 'tolerance: NUMBER'.");
        if (!choose && !q.options.empty())
            fail(q.options.front().line, "Only choose questions have options.");
        if (choose) {
            if (q.options.size() < 2)
                fail(q.line, "A choose question needs at least two 'option: text | ...' lines. Received: " +
                                 std::to_string(q.options.size()) + ".");
            for (QuestionOption& o : q.options) {
                try {
                    if (o.expr.empty())
                        throw std::invalid_argument(std::string("An option is 'text | ") +
                                                    (q.kind == QuestionKind::Choose
                                                         ? "condition' (e.g. maxdiff(output) <= 1e-5)"
                                                         : "quantity' (e.g. max(weights[0,1,:,:]))") +
                                                    "; its truth comes from the trace.");
                    if (q.kind == QuestionKind::Choose)
                        o.condition = parseComparison(o.expr);
                    else
                        o.quantity = parseQuantity(o.expr);
                } catch (const std::invalid_argument& e) {
                    fail(o.line, e.what());
                }
            }
        }
        return q;
    }

    void finishSlide(Slide& s) {
        if (s.specPath.empty() && s.specText.empty())
            fail(s.line, "The slide " + quoteText(s.title) + " needs a 'spec:' line (a path, or a ```json block).");
        if (s.step.empty())
            fail(s.line, "The slide " + quoteText(s.title) + " needs a 'step:' line (the trace key to show).");
        if (s.view == SlideView::EquivalenceLab && s.claim.empty())
            fail(s.fieldLine("view"), "An equivalence-lab slide needs 'claim:' (an identity id such as "
                                      "mha-attention, concat-additive or gqa-mha).");
        if (!s.untick.empty() && s.claim.empty())
            fail(s.fieldLine("untick"), "'untick:' names conditions of a claim; the slide has no 'claim:'.");
        if (!s.claim.empty() && !s.comparePath.empty())
            fail(s.fieldLine("compare"), "A slide compares with a claim or with a second spec, not both.");
        if (!s.claim.empty()) {
            const auto& conds = findIdentity(s.claim)->conditions;
            for (const std::string& u : s.untick)
                if (std::none_of(conds.begin(), conds.end(), [&](const IdentityCondition& c) { return c.id == u; })) {
                    std::string ids;
                    for (const auto& c : conds)
                        ids += (ids.empty() ? "" : ", ") + c.id;
                    fail(s.fieldLine("untick"),
                         "Unknown condition " + quoteText(u) + " for claim " + s.claim + "; expected " + ids + ".");
                }
        }
        s.spec = loadSlideSpec(s, s.specPath, s.specText,
                               s.specPath.empty() ? s.fieldLine("spec-block") : s.fieldLine("spec"));
        if (!s.comparePath.empty())
            s.compareSpec = loadSlideSpec(s, s.comparePath, "", s.fieldLine("compare"));
        try {
            (void)substitute(s.narration, [](const std::string& expr, const std::string& fmt) {
                (void)parseQuantity(expr);
                return formatNumber(0.0, fmt);
            });
        } catch (const std::invalid_argument& e) {
            fail(narrationLine(s), std::string("In the narration: ") + e.what());
        }
    }

    static int narrationLine(const Slide& s) { return s.narrationLine > 0 ? s.narrationLine : s.line; }

    Spec loadSlideSpec(const Slide&, const std::string& path, const std::string& text, int line) const {
        try {
            if (!path.empty()) {
                const fs::path p = fs::path(path).is_absolute() ? fs::path(path) : fs::path(m_base) / path;
                std::error_code ec;
                if (!fs::is_regular_file(p, ec))
                    fail(line, "The spec file " + quoteText(path) +
                                   " does not exist (paths are relative to the lesson "
                                   "file). Received: " +
                                   p.string());
                return loadSpec(p.string());
            }
            // Inline: map a JSON syntax error to its line in the lesson.
            try {
                const nlohmann::json parsed = nlohmann::json::parse(text);
                (void)parsed;
            } catch (const nlohmann::json::parse_error& e) {
                int l = line;
                for (size_t k = 0; k + 1 < e.byte && k < text.size(); ++k)
                    l += text[k] == '\n' ? 1 : 0;
                fail(l, std::string("The inline spec is not valid JSON: ") + e.what());
            }
            return parseSpec(text, m_base);
        } catch (const SpecError& e) {
            fail(line, std::string("The spec does not load: ") + e.what());
        }
    }

    std::vector<std::string> m_lines;
    std::string m_base;
    std::string m_name;
};

} // namespace

Lesson parseLesson(const std::string& text, const std::string& baseDir, const std::string& name) {
    if (text.size() > (std::size_t(8) << 20))
        throw LessonError(name, 0, "The lesson is larger than 8 MiB; expected a text file of slides.");
    return Reader(text, baseDir.empty() ? "." : baseDir, name).read();
}

Lesson loadLesson(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw LessonError(name, 0, "Cannot read the lesson file: " + ec.message() + ". Received: " + path);
    if (size > (std::uintmax_t(8) << 20))
        throw LessonError(name, 0, "The lesson is larger than 8 MiB; expected a text file of slides.");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw LessonError(name, 0, "Cannot open the lesson file. Received: " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string base = fs::path(path).parent_path().string();
    return parseLesson(ss.str(), base.empty() ? "." : base, name);
}

// ---------------------------------------------------------------------------
// Writing

std::string slideToText(const Slide& s) {
    std::string t = "## " + s.title + "\n";
    if (!s.specPath.empty()) {
        t += "spec: " + s.specPath + "\n";
    } else {
        std::string json = s.specText.empty() ? specToJson(s.spec, false) : s.specText;
        while (!json.empty() && json.back() == '\n')
            json.pop_back();
        t += "spec:\n```json\n" + json + "\n```\n";
    }
    t += "step: " + s.step + "\n";
    t += std::string("view: ") + slideViewName(s.view) + "\n";
    if (!s.slice.empty())
        t += "slice: " + fmtIndexList(s.slice) + "\n";
    if (!s.highlight.empty()) {
        t += "highlight:";
        for (const auto& [r, c] : s.highlight)
            t += " " + std::to_string(r) + "," + std::to_string(c);
        t += "\n";
    }
    if (!s.comparePath.empty())
        t += "compare: " + s.comparePath + "\n";
    if (!s.claim.empty())
        t += "claim: " + s.claim + "\n";
    if (!s.untick.empty()) {
        t += "untick:";
        for (const std::string& u : s.untick)
            t += " " + u;
        t += "\n";
    }
    if (s.minutes) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.9g", *s.minutes);
        t += std::string("minutes: ") + buf + "\n";
    }
    if (!s.notes.empty())
        t += "notes: " + s.notes + "\n";
    if (!s.narration.empty())
        t += "\n" + s.narration + "\n";
    if (s.question) {
        const Question& q = *s.question;
        t += "\nquestion: " + q.prompt + "\n";
        t += std::string("kind: ") + questionKindName(q.kind) + "\n";
        if (q.kind == QuestionKind::ClickLargest || q.kind == QuestionKind::ClickSmallest)
            t += "target: " + q.target.text() + "\n";
        if (q.kind == QuestionKind::Number) {
            t += "answer: " + (q.answer ? q.answer->text() : std::string()) + "\n";
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.9g", q.tolerance);
            t += std::string("tolerance: ") + buf + "\n";
        }
        for (const QuestionOption& o : q.options)
            t += "option: " + o.text + " | " + o.expr + "\n";
    }
    return t + "\n";
}

std::string lessonToText(const Lesson& lesson) {
    std::string t = "# " + lesson.title + "\n";
    if (!lesson.description.empty())
        t += "\n" + lesson.description + "\n";
    t += "\n";
    for (const Slide& s : lesson.slides)
        t += slideToText(s);
    return t;
}

int appendSlide(const std::string& lessonPath, Slide slide, const std::map<std::string, Tensor>& weights,
                const std::string& lessonTitle) {
    const fs::path path(lessonPath);
    std::error_code ec;
    int count = 0;
    std::string existing;
    if (fs::exists(path, ec)) {
        const Lesson lesson = loadLesson(lessonPath); // refuse to append to a broken file
        count = static_cast<int>(lesson.slides.size());
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        existing = ss.str();
    }
    // The slide's own folder, so its input and weight files do not collide.
    const std::string folder = path.stem().string() + ".slides";
    fs::path dir;
    for (int n = count + 1;; ++n) {
        char name[16];
        std::snprintf(name, sizeof name, "%02d", n);
        dir = path.parent_path() / folder / name;
        if (!fs::exists(dir, ec))
            break;
    }
    fs::create_directories(dir, ec);
    if (ec)
        throw LessonError(path.filename().string(), 0, "Cannot create " + dir.string() + ": " + ec.message());
    try {
        saveSpec((dir / "spec.json").string(), slide.spec, weights);
    } catch (const std::exception& e) {
        throw LessonError(path.filename().string(), 0, std::string("Cannot save the slide's spec: ") + e.what());
    }
    slide.specPath = (fs::path(folder) / dir.filename() / "spec.json").generic_string();
    slide.specText.clear();
    std::string text = existing;
    if (text.empty())
        text = "# " + lessonTitle + "\n\n";
    else if (text.back() != '\n')
        text += "\n";
    if (text.size() < 2 || text.substr(text.size() - 2) != "\n\n")
        text += "\n";
    text += slideToText(slide);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text))
        throw LessonError(path.filename().string(), 0, "Cannot write the lesson file " + path.string() + ".");
    return count + 1;
}
} // namespace attnviz::core
