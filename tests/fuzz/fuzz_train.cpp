// libFuzzer target: core::parseTrainSpec on arbitrary text (train.json), then
// a Trainer with a 16 MiB budget, three training steps and the probe trace
// when it parses. Files resolve against a temporary folder holding the public
// train_* cases (each in a folder named after it, and one case's tokens.npy,
// targets.npy, loss_mask.npy and init.npz at the top) and the NumPy fixtures
// in npy/. Anything but a clean SpecError is a finding; so is a non-finite
// loss from finite data, or a Trainer that takes a spec validate refused.
#include "fuzz_temp_dir.h"

#include "core/train/trainer.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace attnviz::core;
namespace fs = std::filesystem;

namespace {

std::string g_dir;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const fs::path data = ATTNVIZ_TEST_DATA_DIR;
    g_dir = attnviz::fuzz::makeTempDir("attnviz_fuzz_train");
    const fs::path dir = g_dir;
    for (const auto& e : fs::directory_iterator(data / "keras"))
        if (e.path().filename().string().starts_with("train_"))
            fs::copy(e.path(), dir / e.path().filename(), fs::copy_options::recursive);
    fs::copy(data / "npy", dir / "npy", fs::copy_options::recursive);
    const fs::path top = data / "keras" / "train_copy_prev_gqa_causal";
    for (const char* f : {"tokens.npy", "targets.npy", "loss_mask.npy", "init.npz"})
        fs::copy_file(top / f, dir / f);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    TrainLimits limits;
    limits.maxBytes = std::uint64_t(16) << 20;
    TrainSpec spec;
    try {
        spec = parseTrainSpec(text, g_dir, limits);
    } catch (const SpecError&) {
        return 0;
    }
    if (!(estimateTrainBytes(spec) <= double(limits.maxBytes)))
        __builtin_trap(); // parseTrainSpec must have refused it
    Trainer trainer(spec, limits);
    for (int i = 0; i < 3 && !trainer.finished(); ++i) {
        const StepResult r = trainer.step();
        if (r.counted <= 0 || !std::isfinite(r.loss)) {
            bool finite = true; // a non-finite loss is fair only from non-finite weights
            for (const auto& [k, t] : spec.init)
                for (float v : t.values())
                    finite = finite && std::isfinite(v);
            if (r.counted <= 0 || (finite && i == 0)) {
                std::fprintf(stderr, "step %d: loss %g over %lld positions\n", i + 1, double(r.loss),
                             static_cast<long long>(r.counted));
                __builtin_trap();
            }
        }
    }
    const Trace trace = trainer.probeTrace();
    if (trace.steps.empty() || !trace.find("loss"))
        __builtin_trap();
    return 0;
}
