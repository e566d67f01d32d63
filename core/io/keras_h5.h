// The HDF5 side of reading saved Keras models. HDF5 1.10 is not hardened
// against hostile files, so this code runs only in the child process that
// core::readKerasWeightsIsolated starts (attnviz-trace
// --internal-read-keras-weights) under memory, CPU and time limits. Never
// link it into the GUI. No Qt.
#pragma once

#include "core/base/tensor.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::core {

/// Every float32 dataset below `group` of the HDF5 file image `image`, keyed
/// by its path relative to the group ("query_dense/vars/0"). Only hard links
/// are followed (no external files), filter plugins are never loaded, and at
/// most maxBytes of weights are read. Throws std::runtime_error with one
/// line naming `label` and the problem.
std::map<std::string, Tensor> readH5Group(std::string& image, const std::string& label, const std::string& group,
                                          std::uint64_t maxBytes);

/// The child's main: args = FILE MEMBER GROUP OUT.npz MAX_BYTES, MEMBER "-"
/// for a bare .h5, else the zip member holding the .h5. Writes the datasets
/// to OUT.npz and returns 0, or prints one line to `err` and returns 1
/// (3 when out of memory).
int runKerasReaderChild(const std::vector<std::string>& args, std::ostream& err);

} // namespace attnviz::core
