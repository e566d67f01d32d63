// Lesson files: a line-oriented Markdown reader (so every message names its
// line), the small expression language of questions and narrations
// (`max(weights[0,0,1,:])`), answers computed from the trace, and writing
// slides back.
#include "core/teach/lesson.h"
#include "core/io/spec_files.h"

#include "core/layers/run.h"
#include "core/teach/compare.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace attnviz::core {

namespace fs = std::filesystem;

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

int Slide::fieldLine(const std::string& field) const {
    auto it = fieldLines.find(field);
    return it == fieldLines.end() ? line : it->second;
}

// ---------------------------------------------------------------------------
// Expressions

namespace {

std::string trim(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return s.substr(a, b - a);
}

std::string quoteText(const std::string& s) {
    std::string t = s.size() > 60 ? s.substr(0, 57) + "..." : s;
    return "'" + t + "'";
}

bool parseIndex(const std::string& s, Index& out) {
    if (s.empty() || s.size() > 9)
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    out = static_cast<Index>(std::stoll(s));
    return true;
}

bool parseNumber(const std::string& s, double& out) {
    if (s.empty() || s.size() > 64)
        return false;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v))
        return false;
    out = v;
    return true;
}

bool isKeyChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

TensorRef parseRef(const std::string& text) {
    std::string s = trim(text);
    TensorRef ref;
    if (s.rfind("other.", 0) == 0) {
        ref.other = true;
        s = s.substr(6);
    }
    size_t i = 0;
    while (i < s.size() && isKeyChar(s[i]))
        ++i;
    if (i == 0)
        throw std::invalid_argument("Expected a step key such as weights or weights[0,0,1,:]. Received: " +
                                    quoteText(s));
    ref.key = s.substr(0, i);
    if (i == s.size())
        return ref;
    if (s[i] != '[' || s.back() != ']')
        throw std::invalid_argument("Expected a step key followed by [i,j,...] (an index or ':' per axis). Received: " +
                                    quoteText(s));
    std::stringstream in(s.substr(i + 1, s.size() - i - 2));
    std::string part;
    while (std::getline(in, part, ',')) {
        part = trim(part);
        Index v = 0;
        if (part == ":")
            ref.index.push_back(TensorRef::kAll);
        else if (parseIndex(part, v))
            ref.index.push_back(v);
        else
            throw std::invalid_argument("Each index must be a non-negative integer or ':'. Received: " +
                                        quoteText(part) + " in " + quoteText(s));
    }
    if (ref.index.empty() || ref.index.size() > 8)
        throw std::invalid_argument("Expected one index or ':' per axis of the step. Received: " + quoteText(s));
    return ref;
}

const std::vector<std::pair<const char*, Quantity::Fn>>& functions() {
    static const std::vector<std::pair<const char*, Quantity::Fn>> fns = {
        {"max", Quantity::Fn::Max},        {"min", Quantity::Fn::Min}, {"sum", Quantity::Fn::Sum},
        {"mean", Quantity::Fn::Mean},      {"std", Quantity::Fn::Std}, {"count", Quantity::Fn::Count},
        {"maxdiff", Quantity::Fn::MaxDiff}};
    return fns;
}

Quantity parseQuantity(const std::string& text) {
    const std::string s = trim(text);
    Quantity q;
    if (parseNumber(s, q.literal)) {
        q.fn = Quantity::Fn::Literal;
        return q;
    }
    const size_t open = s.find('(');
    if (open != std::string::npos) {
        if (s.back() != ')')
            throw std::invalid_argument("Expected fn(step[...]) with a closing ')'. Received: " + quoteText(s));
        const std::string name = trim(s.substr(0, open));
        auto it = std::find_if(functions().begin(), functions().end(), [&](const auto& f) { return name == f.first; });
        if (it == functions().end())
            throw std::invalid_argument(
                "Unknown function " + quoteText(name) +
                "; expected max, min, sum, mean, std, count or maxdiff. Received: " + quoteText(s));
        q.fn = it->second;
        q.ref = parseRef(s.substr(open + 1, s.size() - open - 2));
        return q;
    }
    q.fn = Quantity::Fn::Cell;
    q.ref = parseRef(s);
    return q;
}

QuantityComparison parseComparison(const std::string& text) {
    static const char* ops[] = {"<=", ">=", "==", "!=", "<", ">"};
    for (const char* op : ops) {
        const size_t at = text.find(op);
        if (at == std::string::npos)
            continue;
        QuantityComparison c;
        c.op = op;
        c.lhs = parseQuantity(text.substr(0, at));
        c.rhs = parseQuantity(text.substr(at + std::string(op).size()));
        return c;
    }
    throw std::invalid_argument(
        "Expected a condition such as maxdiff(output) <= 1e-5 (<, <=, >, >=, ==, !=). Received: " +
        quoteText(trim(text)));
}

std::string fmtIndexList(const std::vector<Index>& idx) {
    std::string s;
    for (size_t i = 0; i < idx.size(); ++i) {
        if (i)
            s += ',';
        if (idx[i] == TensorRef::kAll)
            s += ':';
        else
            s += std::to_string(idx[i]);
    }
    return s;
}

// The step a reference names, its selected flat offsets in row-major order
// and their full indices.
struct Selection {
    const Step* step = nullptr;
    std::vector<Index> offsets;
    std::vector<std::vector<Index>> indices;
};

const Step& findStep(const Trace& trace, const std::string& key) {
    const Step* s = trace.find(key);
    if (!s) {
        std::string keys;
        for (const Step& st : trace.steps)
            keys += (keys.empty() ? "" : ", ") + st.key;
        throw std::invalid_argument("This trace (" + trace.layer + ") has no step " + quoteText(key) +
                                    ". Its steps: " + keys + ".");
    }
    return *s;
}

Selection select(const Trace& trace, const TensorRef& ref) {
    Selection sel;
    sel.step = &findStep(trace, ref.key);
    const Tensor& t = sel.step->value;
    const Shape& shape = t.shape();
    std::vector<Index> idx = ref.index;
    if (idx.empty())
        idx.assign(shape.size(), TensorRef::kAll);
    if (idx.size() != shape.size())
        throw std::invalid_argument(ref.key + " has " + std::to_string(shape.size()) + " axes, shape " +
                                    shapeString(shape) + "; expected one index per axis. Received: " + ref.text());
    for (size_t a = 0; a < idx.size(); ++a)
        if (idx[a] != TensorRef::kAll && idx[a] >= shape[a])
            throw std::invalid_argument("Index " + std::to_string(idx[a]) + " is out of range for axis " +
                                        std::to_string(a) + " of " + ref.key + ", shape " + shapeString(shape) +
                                        ". Received: " + ref.text());
    // Walk every combination of the ':' axes, last axis fastest.
    std::vector<Index> cur(idx.size());
    for (size_t a = 0; a < idx.size(); ++a)
        cur[a] = idx[a] == TensorRef::kAll ? 0 : idx[a];
    if (t.size() == 0)
        return sel;
    while (true) {
        sel.offsets.push_back(t.offset(cur));
        sel.indices.push_back(cur);
        Index a = static_cast<Index>(idx.size()) - 1;
        for (; a >= 0; --a) {
            const size_t ua = static_cast<size_t>(a);
            if (idx[ua] != TensorRef::kAll)
                continue;
            if (++cur[ua] < shape[ua])
                break;
            cur[ua] = 0;
        }
        if (a < 0)
            break;
    }
    return sel;
}

} // namespace

std::string TensorRef::text() const {
    const std::string k = other ? "other." + key : key;
    return index.empty() ? k : k + "[" + fmtIndexList(index) + "]";
}

namespace {

const Trace& traceOf(const SlideTraces& traces, const TensorRef& ref) {
    if (!ref.other)
        return traces.trace;
    if (!traces.other)
        throw std::invalid_argument("other." + ref.key +
                                    " reads the slide's second trace: the slide needs a claim or a compare spec.");
    return *traces.other;
}

} // namespace

std::string Quantity::text() const {
    if (fn == Fn::Literal) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.9g", literal);
        return buf;
    }
    if (fn == Fn::Cell)
        return ref.text();
    for (const auto& f : functions())
        if (f.second == fn)
            return std::string(f.first) + "(" + ref.text() + ")";
    return ref.text();
}

double evaluate(const Quantity& q, const SlideTraces& traces) {
    if (q.fn == Quantity::Fn::Literal)
        return q.literal;
    if (q.fn == Quantity::Fn::MaxDiff) {
        if (!traces.other)
            throw std::invalid_argument("maxdiff() compares two traces: the slide needs a claim or a compare spec. "
                                        "Received: " +
                                        q.text());
        const Selection a = select(traces.trace, q.ref);
        const Selection b = select(*traces.other, q.ref); // the same cells, or both whole
        if (a.offsets.size() != b.offsets.size())
            throw std::invalid_argument("maxdiff(" + q.ref.key + "): the two traces' " + q.ref.key +
                                        " have different sizes, " + shapeString(a.step->value.shape()) + " and " +
                                        shapeString(b.step->value.shape()) + ".");
        double m = 0;
        for (size_t i = 0; i < a.offsets.size(); ++i) {
            const double d =
                std::fabs(double(a.step->value.data()[a.offsets[i]]) - double(b.step->value.data()[b.offsets[i]]));
            if (std::isnan(d))
                return std::numeric_limits<double>::quiet_NaN();
            m = std::max(m, d);
        }
        return m;
    }
    const Selection sel = select(traceOf(traces, q.ref), q.ref);
    const float* data = sel.step->value.data();
    if (q.fn == Quantity::Fn::Cell) {
        if (sel.offsets.size() != 1)
            throw std::invalid_argument("A cell needs an index on every axis (use max(), sum(), ... for a slice). "
                                        "Received: " +
                                        q.ref.text());
        return data[sel.offsets[0]];
    }
    if (q.fn == Quantity::Fn::Count)
        return static_cast<double>(sel.offsets.size());
    if (sel.offsets.empty())
        throw std::invalid_argument(q.text() + " selects no cell.");
    double acc = q.fn == Quantity::Fn::Max   ? -std::numeric_limits<double>::infinity()
                 : q.fn == Quantity::Fn::Min ? std::numeric_limits<double>::infinity()
                                             : 0.0;
    for (Index o : sel.offsets) {
        const double v = data[o];
        switch (q.fn) {
        case Quantity::Fn::Max: acc = std::isnan(v) || std::isnan(acc) ? v + acc : std::max(acc, v); break;
        case Quantity::Fn::Min: acc = std::isnan(v) || std::isnan(acc) ? v + acc : std::min(acc, v); break;
        default: acc += v; break;
        }
    }
    const double n = static_cast<double>(sel.offsets.size());
    if (q.fn == Quantity::Fn::Mean)
        return acc / n;
    if (q.fn == Quantity::Fn::Std) {
        const double mean = acc / n;
        double ss = 0;
        for (Index o : sel.offsets)
            ss += (data[o] - mean) * (data[o] - mean);
        return std::sqrt(ss / n); // population std, as numpy.std
    }
    return acc;
}

bool holds(const QuantityComparison& c, const SlideTraces& traces) {
    const double a = evaluate(c.lhs, traces), b = evaluate(c.rhs, traces);
    if (c.op == "<")
        return a < b;
    if (c.op == "<=")
        return a <= b;
    if (c.op == ">")
        return a > b;
    if (c.op == ">=")
        return a >= b;
    if (c.op == "==")
        return a == b;
    return a != b;
}

namespace {

// Split "expr:fmt" at the last ':' outside brackets and parentheses.
std::pair<std::string, std::string> splitFormat(const std::string& body) {
    int depth = 0;
    size_t at = std::string::npos;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '[' || c == '(')
            ++depth;
        else if (c == ']' || c == ')')
            --depth;
        else if (c == ':' && depth == 0)
            at = i;
    }
    if (at == std::string::npos)
        return {body, ""};
    return {body.substr(0, at), body.substr(at + 1)};
}

std::string formatNumber(double v, const std::string& fmt) {
    char buf[64];
    if (fmt.empty()) {
        std::snprintf(buf, sizeof buf, "%.4g", v);
        return buf;
    }
    if (fmt == "d") {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    if (fmt.size() >= 3 && fmt[0] == '.' && std::isdigit(static_cast<unsigned char>(fmt[1]))) {
        const int prec = fmt[1] - '0';
        const std::string tail = fmt.substr(2);
        if (tail == "f" || tail == "e" || tail == "g") {
            const std::string f = "%." + std::to_string(prec) + tail;
            std::snprintf(buf, sizeof buf, f.c_str(), v);
            return buf;
        }
        if (tail == "%") {
            std::snprintf(buf, sizeof buf, ("%." + std::to_string(prec) + "f%%").c_str(), v * 100.0);
            return buf;
        }
    }
    throw std::invalid_argument("Unknown number format " + quoteText(fmt) +
                                "; expected .Nf, .Ne, .Ng, .N% (N a digit) or d.");
}

// Calls fn(expr, fmt) for every placeholder and returns the text with each
// replaced by fn's result.
template <typename Fn> std::string substitute(const std::string& text, Fn fn) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            out += '{';
            ++i;
        } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
            out += '}';
            ++i;
        } else if (c == '{') {
            const size_t close = text.find('}', i);
            if (close == std::string::npos)
                throw std::invalid_argument("A '{' opens a number placeholder that is never closed with '}' (write {{ "
                                            "for a brace).");
            auto [expr, fmt] = splitFormat(text.substr(i + 1, close - i - 1));
            out += fn(trim(expr), trim(fmt));
            i = close;
        } else if (c == '}') {
            throw std::invalid_argument("A '}' closes no placeholder (write }} for a brace).");
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string fillNarration(const std::string& narration, const SlideTraces& traces) {
    return substitute(narration, [&](const std::string& expr, const std::string& fmt) {
        return formatNumber(evaluate(parseQuantity(expr), traces), fmt);
    });
}

// ---------------------------------------------------------------------------
// Answers

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

// ---------------------------------------------------------------------------
// The reader

namespace {

const char* const kSlideFields[] = {"spec", "step", "view", "slice", "highlight", "compare", "claim", "untick"};
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
