// libFuzzer target: core::parseSpec on arbitrary text, then validate() with a
// 32 MiB SpecLimits and run() when it passes. File references resolve against
// a temporary folder holding real fixtures: the Keras reference cases (each in
// a folder named after it, as in tests/data/keras/, plus one MHA case's files
// at the top: query.npy, value.npy, query_mask.npy, value_mask.npy,
// weights.npz) and the NumPy fixtures in npy/ (tests/data/npy/).
// Anything but a clean SpecError is a finding; so is a parsed spec whose JSON
// (specToJson, as sessions are saved) does not parse again.
#include "fuzz_temp_dir.h"
#include "core/io/spec_files.h"

#include "core/layers/run.h"
#include "core/spec/spec.h"

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
    const fs::path data = ATTNVIZ_TEST_DATA_DIR;
    g_dir = attnviz::fuzz::makeTempDir("attnviz_fuzz_spec");
    const fs::path dir = g_dir;
    fs::copy(data / "keras", dir, fs::copy_options::recursive);
    fs::copy(data / "npy", dir / "npy", fs::copy_options::recursive);
    const fs::path top = data / "keras" / "mha_qmask_vmask_b2_h2";
    for (const char* f : {"query.npy", "value.npy", "query_mask.npy", "value_mask.npy", "weights.npz"})
        fs::copy_file(top / f, dir / f);
    fs::copy_file(data / "keras" / "mha_key_b2_h3_t4_s6" / "key.npy", dir / "key.npy");
    fs::copy_file(data / "keras" / "mha_attnmask_b2_h4" / "attention_mask.npy", dir / "attention_mask.npy");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    SpecLimits limits;
    limits.maxBytes = std::uint64_t(32) << 20;
    Spec spec;
    try {
        spec = parseSpec(text, g_dir);
    } catch (const SpecError&) {
        return 0;
    }
    // What the app saves must load again (validation aside).
    try {
        (void)parseSpec(specToJson(spec, false), g_dir);
    } catch (const SpecError& e) {
        std::fprintf(stderr, "specToJson output does not parse: %s\n", e.what());
        __builtin_trap();
    }
    try {
        validate(spec, limits);
    } catch (const SpecError&) {
        return 0;
    }
    if (!(estimateTraceBytes(spec) <= double(limits.maxBytes)))
        __builtin_trap(); // validate must have refused it
    const Trace trace = run(spec, limits);
    if (trace.steps.empty())
        __builtin_trap();
    return 0;
}
