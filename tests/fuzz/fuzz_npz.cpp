// libFuzzer target: core::parseNpz (libzip from memory, stored or deflated
// members) on arbitrary bytes, with a 4 MiB limit (small enough that deflate members
// inflating to the limit stay fast). Anything but a clean
// NpyError is a finding.
#include "core/io/npy.h"

#include <cstdint>
#include <string_view>

using namespace attnviz::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    NpyLimits limits;
    limits.maxBytes = std::uint64_t(4) << 20;
    try {
        const auto arrays = parseNpz(bytes, "fuzz.npz", limits);
        std::uint64_t total = 0;
        for (const auto& [key, t] : arrays) {
            if (t.size() != shapeSize(t.shape()))
                __builtin_trap();
            total += static_cast<std::uint64_t>(t.size());
        }
        // Bool members are 1 byte stored, so at most maxBytes elements in all.
        if (total > limits.maxBytes)
            __builtin_trap();
    } catch (const NpyError&) {
    }
    return 0;
}
