// libFuzzer target: the in-process half of reading saved Keras models — a
// .keras zip (libzip from memory) and its config.json (nlohmann) through
// core::parseKerasArchive, or config.json text alone through
// core::parseKerasConfig, then every listed layer's constructor call, spec
// config and (empty) weight mapping. Anything but a clean SpecError is a finding.
#include "core/io/keras_model.h"

#include <cstdint>
#include <string_view>

using namespace attnviz::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const KerasModelInfo info =
            bytes.starts_with("PK") ? parseKerasArchive(bytes, "fuzz.keras") : parseKerasConfig(bytes, "fuzz.keras");
        if (info.attentionLayers.empty()) // parseKerasConfig refuses such files
            __builtin_trap();
        (void)info.layerList();
        for (const KerasLayerInfo& l : info.attentionLayers) {
            (void)l.widths();
            if (l.h5Group.rfind("layers/", 0) != 0)
                __builtin_trap();
            (void)kerasConstructorCall(l.className, l.configJson);
            try {
                (void)kerasSpecConfig(l);
                (void)mapKerasWeights(l.className, l.configJson, {}, "fuzz.keras");
            } catch (const SpecError&) {
            }
        }
    } catch (const SpecError&) {
    }
    return 0;
}
