// libFuzzer target: the HDF5 half of reading saved Keras models, through its
// isolated child exactly as the app and attnviz-trace use it. The input is
// written to a temporary .h5 (or .keras when it starts with "PK") and read by
// core::readKerasWeightsIsolated with the real attnviz-trace reader; the
// weights are then mapped as a MultiHeadAttention. The parent must only ever
// see a result or one clean SpecError, whatever HDF5 does in the child (crash,
// hang, runaway memory): anything else is a finding. Note: the child is a
// separate process, so libFuzzer sees the parent's coverage only; it is a
// robustness harness for the isolation, not a coverage-guided HDF5 fuzzer.
#include "fuzz_temp_dir.h"

#include "core/io/keras_model.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace attnviz::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string dir = attnviz::fuzz::makeTempDir("attnviz_fuzz_keras_h5").string();
    const bool zipped = size >= 2 && data[0] == 'P' && data[1] == 'K';
    const std::string path = dir + (zipped ? "/input.keras" : "/input.weights.h5");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    KerasReaderOptions options;
    options.executable = ATTNVIZ_TRACE_EXE;
    options.timeoutSeconds = 10;
    options.memoryBytes = std::uint64_t(1) << 30;
    options.maxWeightBytes = std::uint64_t(64) << 20;
    try {
        const auto raw = readKerasWeightsIsolated(path, zipped, "layers/multi_head_attention", options);
        (void)mapKerasWeights("MultiHeadAttention", R"({"num_heads": 2, "key_dim": 4})", raw, "fuzz");
    } catch (const SpecError&) {
    }
    std::filesystem::remove(path);
    return 0;
}
