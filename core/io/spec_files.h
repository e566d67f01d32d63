// spec.json on disk: reading a spec with the files it names (.npy inputs and
// masks, weights.npz, a saved Keras model's layer) and writing a spec bundle.
// The parsing itself is core/spec/spec.h; this is where the files come in.
#pragma once

#include "core/spec/spec.h"

#include <map>
#include <string>

namespace attnviz::core {

/// The SpecFiles that read from disk: .npy/.npz through core/io/npy.h, a
/// .keras layer and its HDF5 weights through core/io/keras_model.h (the
/// isolated reader child).
class DiskSpecFiles final : public SpecFiles {
public:
    Tensor array(const std::string& path, bool* isBool) override;
    std::map<std::string, Tensor> weights(const std::string& path) override;
    bool isWeightsOnly(const std::string& path) override;
    TrainedLayer kerasLayer(const std::string& path, const std::string& layer) override;
    TrainedLayer kerasWeights(const std::string& path, const std::string& group, const std::string& className,
                              const std::string& configJson) override;
};

/// Parse spec.json text, reading every file it names from disk (relative
/// paths against baseDir). Throws SpecError naming the field.
Spec parseSpec(const std::string& jsonText, const std::string& baseDir);
/// Read a spec.json file and what it names; messages start with its file name.
Spec loadSpec(const std::string& path);

/// Write spec.json plus its inputs, masks and weights next to it (query.npy,
/// value.npy, ..., weights.npz). `weights` are usually Trace::params.
void saveSpec(const std::string& path, const Spec& spec, const std::map<std::string, Tensor>& weights);

} // namespace attnviz::core
