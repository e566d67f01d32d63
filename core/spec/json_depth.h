// How deep a JSON text nests, counted without parsing it. nlohmann's parser
// recurses once per level, so readers of untrusted JSON (spec.json, a
// .keras config.json) refuse absurd depth with this before parsing.
#pragma once

#include <string_view>

namespace attnviz::core {

/// True when `text` nests objects/arrays more than `maxDepth` levels deep
/// (brackets inside strings do not count).
inline bool jsonNestsDeeperThan(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false, escape = false;
    for (const char ch : text) {
        if (inString) {
            if (escape)
                escape = false;
            else if (ch == '\\')
                escape = true;
            else if (ch == '"')
                inString = false;
            continue;
        }
        if (ch == '"')
            inString = true;
        else if (ch == '{' || ch == '[') {
            if (++depth > maxDepth)
                return true;
        } else if (ch == '}' || ch == ']')
            --depth;
    }
    return false;
}

} // namespace attnviz::core
