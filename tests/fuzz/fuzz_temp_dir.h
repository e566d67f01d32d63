// A temporary folder for a fuzz target's fixtures, made once in
// LLVMFuzzerInitialize and removed when the process exits.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace attnviz::fuzz {

inline std::string& tempDirPath() {
    static std::string path;
    return path;
}

/// mkdtemp("/tmp/<prefix>_XXXXXX"), removed at exit; aborts when it cannot be made.
inline std::filesystem::path makeTempDir(const char* prefix) {
    std::string tmpl = std::string("/tmp/") + prefix + "_XXXXXX";
    if (!mkdtemp(tmpl.data())) {
        std::perror(prefix);
        std::abort();
    }
    tempDirPath() = tmpl;
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove_all(tempDirPath(), ec);
    });
    return tmpl;
}

} // namespace attnviz::fuzz
