#include "core/base/gemm.h"

#include "core/base/kernels.h"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

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
    detail::SoftmaxFn softmax = nullptr;
    std::string description;
};

#if defined(ATTNVIZ_GEMM_PLUGIN_DIR) && defined(__x86_64__)
// The folders the plug-ins may be in: installed, ../lib/<multiarch>/attnviz
// from the program's folder, and, only while the program runs from inside its
// build tree, that tree's lib/attnviz (a copied or installed program never
// uses a build's file).
std::vector<fs::path> pluginDirs() {
    std::vector<fs::path> out;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return out;
    out.push_back(exe.parent_path() / ".." / ATTNVIZ_GEMM_PLUGIN_DIR); // /usr/bin/../lib/<multiarch>/attnviz
#if defined(ATTNVIZ_GEMM_BUILD_DIR)
    const std::string build = fs::weakly_canonical(ATTNVIZ_GEMM_BUILD_DIR, ec).string();
    const std::string self = fs::weakly_canonical(exe, ec).string();
    if (!build.empty() && self.rfind(build + "/", 0) == 0)
        out.push_back(fs::path(ATTNVIZ_GEMM_BUILD_DIR) / "lib" / "attnviz");
#endif
    return out;
}
#endif

Kernels load() {
    Kernels k;
    k.description = compiledFor();
#if defined(ATTNVIZ_GEMM_PLUGIN_DIR) && defined(__x86_64__)
    // ATTNVIZ_GEMM=compiled, v3 or v4: the highest level to use (to measure each).
    const char* env = std::getenv("ATTNVIZ_GEMM");
    const std::string cap = env ? env : "";
    if (cap == "compiled") {
        k.description += "; the x86-64-v3/v4 plug-ins are off (ATTNVIZ_GEMM=compiled)";
        return k;
    }
    __builtin_cpu_init();
    std::vector<std::pair<const char*, const char*>> levels; // best first: plug-in level, what it uses
    if (__builtin_cpu_supports("x86-64-v4") && cap != "v3")
        levels.emplace_back("v4", "AVX-512");
    if (__builtin_cpu_supports("x86-64-v3"))
        levels.emplace_back("v3", "AVX2, FMA");
    if (levels.empty()) {
        k.description += "; this CPU is below x86-64-v3 (no AVX2/FMA) for the plug-ins";
        return k;
    }
    std::string why = "; no x86-64-v3/v4 plug-in found";
    for (const auto& [level, uses] : levels) {
        for (const fs::path& dir : pluginDirs()) {
            const fs::path p = dir / ("libattnviz_kernels_x86-64-" + std::string(level) + ".so");
            std::error_code ec;
            if (!fs::exists(p, ec))
                continue;
            void* h = ::dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (!h) {
                const char* e = ::dlerror();
                why = "; a plug-in did not load: " + std::string(e ? e : p.string());
                continue;
            }
            auto nn = reinterpret_cast<AttnvizGemmFn>(::dlsym(h, "attnviz_gemm_nn"));
            auto nt = reinterpret_cast<AttnvizGemmFn>(::dlsym(h, "attnviz_gemm_nt"));
            auto sm = reinterpret_cast<detail::SoftmaxFn>(::dlsym(h, "attnviz_softmax_rows"));
            if (!nn || !nt || !sm) {
                why = "; " + p.string() + " lacks attnviz_gemm_nn/nt or attnviz_softmax_rows";
                ::dlclose(h);
                continue;
            }
            k.nn = nn;
            k.nt = nt;
            k.softmax = sm;
            k.description =
                "x86-64-" + std::string(level) + " plug-in (" + uses + "): " + fs::weakly_canonical(p, ec).string();
            return k; // the handle stays open for the process' life
        }
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

detail::SoftmaxFn detail::pluginSoftmax() {
    return kernels().softmax;
}

std::string gemmKernelDescription() {
    return kernels().description;
}

bool gemmUsesPlugin() {
    return kernels().nn != nullptr;
}

} // namespace attnviz::core
