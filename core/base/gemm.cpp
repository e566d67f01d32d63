#include "core/base/gemm.h"

#include "core/base/gemm_kernel.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include <dlfcn.h>

namespace attnviz::core {

namespace {

namespace fs = std::filesystem;

const char* compiledFor() {
#if defined(__AVX512F__)
    return "as compiled (AVX-512)";
#elif defined(__AVX2__) && defined(__FMA__)
    return "as compiled (AVX2, FMA)";
#elif defined(__AVX__)
    return "as compiled (AVX)";
#else
    return "as compiled (SSE2)";
#endif
}

struct Kernels {
    AttnvizGemmFn nn = nullptr, nt = nullptr; // null: the compiled-in Eigen code
    std::string description;
};

// Where the plug-in may be: installed beside the program's lib folder, and,
// only while the program runs from inside its build tree, in that tree (a
// copied or installed program never picks up a build's file).
std::vector<fs::path> pluginCandidates() {
    std::vector<fs::path> out;
#if defined(ATTNVIZ_GEMM_PLUGIN_NAME)
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return out;
    out.push_back(exe.parent_path() / ".." / "lib" / "attnviz" / ATTNVIZ_GEMM_PLUGIN_NAME);
#if defined(ATTNVIZ_GEMM_PLUGIN_BUILD_PATH) && defined(ATTNVIZ_GEMM_BUILD_DIR)
    const std::string build = fs::weakly_canonical(ATTNVIZ_GEMM_BUILD_DIR, ec).string();
    const std::string self = fs::weakly_canonical(exe, ec).string();
    if (!build.empty() && self.rfind(build + "/", 0) == 0)
        out.emplace_back(ATTNVIZ_GEMM_PLUGIN_BUILD_PATH);
#endif
#endif
    return out;
}

Kernels load() {
    Kernels k;
    k.description = compiledFor();
#if defined(ATTNVIZ_GEMM_PLUGIN_NAME) && (defined(__x86_64__) || defined(__i386__))
    if (const char* want = std::getenv("ATTNVIZ_GEMM"); want && std::string(want) == "compiled") {
        k.description += "; the x86-64-v3 plug-in is off (ATTNVIZ_GEMM=compiled)";
        return k;
    }
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) {
        k.description += "; this CPU has no AVX2/FMA for the x86-64-v3 plug-in";
        return k;
    }
    std::string why = "; the x86-64-v3 plug-in was not found";
    for (const fs::path& p : pluginCandidates()) {
        std::error_code ec;
        if (!fs::exists(p, ec))
            continue;
        void* h = ::dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char* e = ::dlerror();
            why = "; the x86-64-v3 plug-in did not load: " + std::string(e ? e : p.string());
            continue;
        }
        auto nn = reinterpret_cast<AttnvizGemmFn>(::dlsym(h, "attnviz_gemm_nn"));
        auto nt = reinterpret_cast<AttnvizGemmFn>(::dlsym(h, "attnviz_gemm_nt"));
        if (!nn || !nt) {
            why = "; " + p.string() + " lacks attnviz_gemm_nn/nt";
            ::dlclose(h);
            continue;
        }
        k.nn = nn;
        k.nt = nt;
        k.description = "x86-64-v3 plug-in (AVX2, FMA): " + fs::weakly_canonical(p, ec).string();
        return k; // the handle stays open for the process' life
    }
    k.description += why;
#endif
    return k;
}

const Kernels& kernels() {
    static const Kernels k = load();
    return k;
}

} // namespace

void gemmNN(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C, Index ldc) {
    if (const AttnvizGemmFn f = kernels().nn)
        f(m, n, k, A, lda, B, ldb, C, ldc);
    else
        detail::eigenGemmNN(m, n, k, A, lda, B, ldb, C, ldc);
}

void gemmNT(Index m, Index n, Index k, const float* A, Index lda, const float* B, Index ldb, float* C, Index ldc) {
    if (const AttnvizGemmFn f = kernels().nt)
        f(m, n, k, A, lda, B, ldb, C, ldc);
    else
        detail::eigenGemmNT(m, n, k, A, lda, B, ldb, C, ldc);
}

std::string gemmKernelDescription() {
    return kernels().description;
}

bool gemmUsesPlugin() {
    return kernels().nn != nullptr;
}

} // namespace attnviz::core
