// Private to the lesson files (lesson_*.cpp): the small helpers and the
// expression parser the reader, the answers and the writer share. Not part of
// the public API (core/teach/lesson.h).
#pragma once

#include "core/teach/lesson.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace attnviz::core::lesson_detail {

std::string trim(const std::string& s);
/// 'text' quoted for a message, cut at 60 characters.
std::string quoteText(const std::string& s);
bool parseIndex(const std::string& s, Index& out);
bool parseNumber(const std::string& s, double& out);
bool isKeyChar(char c);

/// `weights[0,0,1,:]`, `other.output` (lesson_expr.cpp). Throw std::invalid_argument.
TensorRef parseRef(const std::string& text);
Quantity parseQuantity(const std::string& text);
QuantityComparison parseComparison(const std::string& text);
std::string fmtIndexList(const std::vector<Index>& idx);

/// The step a reference names, its selected flat offsets in row-major order
/// and their full indices.
struct Selection {
    const Step* step = nullptr;
    std::vector<Index> offsets;
    std::vector<std::vector<Index>> indices;
};
const Step& findStep(const Trace& trace, const std::string& key);
Selection select(const Trace& trace, const TensorRef& ref);
/// The slide's trace a reference reads: its own, or `other.` the second one.
const Trace& traceOf(const SlideTraces& traces, const TensorRef& ref);

/// Split "expr:fmt" at the last ':' outside brackets and parentheses.
std::pair<std::string, std::string> splitFormat(const std::string& body);
/// A placeholder's number: formats .Nf, .Ne, .Ng, .N%, d, or "" (%.4g).
std::string formatNumber(double v, const std::string& fmt);

/// Calls fn(expr, fmt) for every placeholder and returns the text with each
/// replaced by fn's result. `{{` and `}}` are literal braces.
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

} // namespace attnviz::core::lesson_detail
