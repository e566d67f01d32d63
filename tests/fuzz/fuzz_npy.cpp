// libFuzzer target: core::parseNpy on arbitrary bytes, with a 64 MiB limit.
// Anything but a clean NpyError (a crash, a sanitizer report, another
// exception type, an oversized allocation) is a finding. A parsed array must
// also survive serializeNpy -> parseNpy unchanged.
#include "core/io/npy.h"

#include <cstdint>
#include <cstring>
#include <string_view>

using namespace attnviz::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    NpyLimits limits;
    limits.maxBytes = std::uint64_t(64) << 20;
    Tensor t;
    try {
        NpyDtype dtype{};
        t = parseNpy(bytes, "fuzz.npy", &dtype, limits);
        if (dtype == NpyDtype::Bool)
            for (const float v : t.values())
                if (v != 0.0f && v != 1.0f)
                    __builtin_trap();
    } catch (const NpyError&) {
        return 0;
    }
    if (t.size() != shapeSize(t.shape()))
        __builtin_trap();
    // Round trip: what we write, we read back bit for bit (NaN payloads included).
    const Tensor back = parseNpy(serializeNpy(t), "round trip", limits);
    if (back.shape() != t.shape() ||
        (t.size() > 0 && std::memcmp(back.data(), t.data(), static_cast<std::size_t>(t.size()) * sizeof(float)) != 0))
        __builtin_trap();
    return 0;
}
