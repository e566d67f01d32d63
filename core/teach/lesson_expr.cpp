// The expression language of lessons: references into a trace
// (`weights[0,0,1,:]`), quantities (`max(…)`, `maxdiff(output)`), comparisons,
// and narration placeholders `{quantity:.3f}` filled from the slide's traces.
#include "core/teach/lesson.h"
#include "core/teach/lesson_detail.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace attnviz::core {

namespace lesson_detail {

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

const Trace& traceOf(const SlideTraces& traces, const TensorRef& ref) {
    if (!ref.other)
        return traces.trace;
    if (!traces.other)
        throw std::invalid_argument("other." + ref.key +
                                    " reads the slide's second trace: the slide needs a claim or a compare spec.");
    return *traces.other;
}

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

} // namespace lesson_detail

using namespace lesson_detail;

std::string TensorRef::text() const {
    const std::string k = other ? "other." + key : key;
    return index.empty() ? k : k + "[" + fmtIndexList(index) + "]";
}

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

std::string fillNarration(const std::string& narration, const SlideTraces& traces) {
    return substitute(narration, [&](const std::string& expr, const std::string& fmt) {
        return formatNumber(evaluate(parseQuantity(expr), traces), fmt);
    });
}
} // namespace attnviz::core
