// Spec files on disk: DiskSpecFiles for parseSpec, loadSpec and saveSpec.
#include "core/io/spec_files.h"

#include "core/io/keras_model.h"
#include "core/io/npy.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace attnviz::core {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& field, const std::string& msg) {
    throw SpecError(field, msg);
}

TrainedLayer trainedLayer(KerasLayerLoad load) {
    TrainedLayer t;
    t.className = load.layer.className;
    t.name = load.layer.name;
    t.savedConfigJson = load.layer.configJson;
    t.queryFeatures = load.layer.queryFeatures;
    t.valueFeatures = load.layer.valueFeatures;
    t.keyFeatures = load.layer.keyFeatures;
    t.queryLen = load.layer.queryLen;
    t.sourceLen = load.layer.sourceLen;
    t.weights = std::move(load.weights);
    return t;
}

} // namespace

Tensor DiskSpecFiles::array(const std::string& path, bool* isBool) {
    try {
        NpyDtype dtype{};
        Tensor t = readNpy(path, &dtype);
        *isBool = dtype == NpyDtype::Bool;
        return t;
    } catch (const NpyError& e) {
        throw SpecFileError(e.what());
    }
}

std::map<std::string, Tensor> DiskSpecFiles::weights(const std::string& path) {
    try {
        return readNpz(path);
    } catch (const NpyError& e) {
        throw SpecFileError(e.what());
    }
}

bool DiskSpecFiles::isWeightsOnly(const std::string& path) {
    return isKerasWeightsFile(path);
}

TrainedLayer DiskSpecFiles::kerasLayer(const std::string& path, const std::string& layer) {
    KerasLayerLoad load = loadKerasLayer(path, layer);
    std::string specConfig = kerasSpecConfig(load.layer);
    TrainedLayer t = trainedLayer(std::move(load));
    t.specConfigJson = std::move(specConfig);
    return t;
}

TrainedLayer DiskSpecFiles::kerasWeights(const std::string& path, const std::string& group,
                                         const std::string& className, const std::string& configJson) {
    return trainedLayer(loadKerasWeightsFile(path, group, className, configJson));
}

Spec parseSpec(const std::string& jsonText, const std::string& baseDir) {
    DiskSpecFiles files;
    return parseSpec(jsonText, baseDir, files);
}

Spec loadSpec(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        fail("spec",
             "cannot open spec '" + path + "': " + (fs::exists(path, ec) ? "not a regular file" : "no such file"));
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxSpecBytes)
        fail("spec", "'" + path + "' is " + std::to_string(size) + " bytes; a spec.json is at most 16 MiB.");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("spec", "cannot open spec '" + path + "'");
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string base = fs::path(path).parent_path().string();
    try {
        return parseSpec(ss.str(), base.empty() ? "." : base);
    } catch (const SpecError& e) {
        throw SpecError(e.field(), fs::path(path).filename().string() + ": " + e.what(),
                        std::vector<std::string>(e.fields().begin() + 1, e.fields().end()));
    }
}

void saveSpec(const std::string& path, const Spec& s, const std::map<std::string, Tensor>& weights) {
    const fs::path dir = fs::path(path).parent_path();
    auto out = [&](const char* name) { return (dir / name).string(); };
    if (s.query)
        writeNpy(out("query.npy"), *s.query);
    if (s.value)
        writeNpy(out("value.npy"), *s.value);
    if (s.key)
        writeNpy(out("key.npy"), *s.key);
    auto writeMask = [&](const std::optional<Tensor>& m, const char* name) {
        if (!m)
            return;
        const std::string bytes = serializeNpyBool(*m);
        std::ofstream f(out(name), std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f)
            throw NpyError("cannot write '" + out(name) + "'");
    };
    writeMask(s.queryMask, "query_mask.npy");
    writeMask(s.valueMask, "value_mask.npy");
    writeMask(s.keyMask, "key_mask.npy");
    writeMask(s.attentionMask, "attention_mask.npy");
    writeNpz(out("weights.npz"), weights);
    if (s.backward && s.backward->outputGrad)
        writeNpy(out("output_grad.npy"), *s.backward->outputGrad);
    std::ofstream f(path, std::ios::binary);
    const std::string text = specToJson(s, true);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f)
        throw NpyError("cannot write '" + path + "'");
}

} // namespace attnviz::core
