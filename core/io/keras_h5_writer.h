// The HDF5 side of writing a .keras file: model.weights.h5 as h5py writes it
// for Keras (superblock 0, groups, float32 little-endian contiguous datasets,
// a variable-length UTF-8 "name" attribute on every vars group), built in
// memory with HDF5's core driver. Linked only into attnviz-trace
// (attention_h5), like the reader: the GUI runs attnviz-trace to save. No Qt.
#pragma once

#include "core/io/keras_writer.h"

#include <map>
#include <string>
#include <vector>

namespace attnviz::core {

/// The bytes of an HDF5 file holding these groups and datasets. Throws
/// std::runtime_error with HDF5's reason.
std::string writeKerasWeightsH5(const std::vector<KerasH5Group>& groups);

/// Write the whole .keras file: config.json, metadata.json (dated now) and
/// model.weights.h5 from `weights` (trace-format.md keys). Throws SpecError
/// for weights that do not fit the model, std::runtime_error on I/O errors.
void saveKerasModel(const std::string& path, const KerasModelDesc& model, const std::map<std::string, Tensor>& weights);

} // namespace attnviz::core
