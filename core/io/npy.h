// Reading and writing NumPy .npy and .npz files exactly as NumPy writes them
// (trace-format.md, "Reading NumPy files"). No Qt; .npz through libzip.
#pragma once

#include "core/base/tensor.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::core {

/// Raised for every malformed, unsupported or oversized NumPy file. The
/// message names the file and what is wrong with it.
class NpyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Element types accepted on input. parseNpy/readNpy take the float and
/// bool ones and convert to float32 (bool: 1.0 / 0.0); the integer reader
/// (parseNpyIntegers, for token files) takes '<i4' and '<i8' (np.save of a
/// Python int list is int64) and refuses other integer kinds, naming them.
enum class NpyDtype { Float32, Float64, Bool, Int32, Int64 };

struct NpyLimits {
    /// Largest data size (bytes, as stored) a single array may claim.
    std::uint64_t maxBytes = std::uint64_t(4) << 30;
};

/// Parse a whole .npy image held in memory. `name` is used in messages.
Tensor parseNpy(std::string_view bytes, const std::string& name, const NpyLimits& limits = {});
/// Also report the dtype that was stored (masks care whether it was bool).
Tensor parseNpy(std::string_view bytes, const std::string& name, NpyDtype* storedDtype, const NpyLimits& limits = {});
Tensor readNpy(const std::string& path, const NpyLimits& limits = {});
Tensor readNpy(const std::string& path, NpyDtype* storedDtype, const NpyLimits& limits = {});

/// An integer array read exactly (token files): '<i4' or '<i8', and '|b1'
/// as 0/1 when allowBool. A float file is refused ("not integers").
struct NpyIntegers {
    Shape shape;
    std::vector<std::int64_t> values; // row-major
    NpyDtype dtype = NpyDtype::Int64;
};
NpyIntegers parseNpyIntegers(std::string_view bytes, const std::string& name, bool allowBool,
                             const NpyLimits& limits = {});
NpyIntegers readNpyIntegers(const std::string& path, bool allowBool, const NpyLimits& limits = {});

/// Every array of an .npz (stored or deflated, zip64 included), keyed by the
/// member name without ".npy" (so "query_dense/kernel").
std::map<std::string, Tensor> parseNpz(std::string_view bytes, const std::string& name, const NpyLimits& limits = {});
std::map<std::string, Tensor> readNpz(const std::string& path, const NpyLimits& limits = {});

/// One member of a zip archive (a .keras file), read in chunks so memory
/// follows the data that really arrives: refused when it declares or holds
/// more than maxBytes, or holds other than it declares. nullopt when the
/// archive has no member of that name; NpyError naming `name` when the bytes
/// are not a zip or the member cannot be read.
std::optional<std::string> readZipMember(std::string_view zipBytes, const std::string& name, const std::string& member,
                                         std::uint64_t maxBytes);
/// The same, from a file on disk (only the member is read, not the whole file).
std::optional<std::string> readZipMemberFromFile(const std::string& path, const std::string& member,
                                                 std::uint64_t maxBytes);

/// A .npy (format 1.0, or 2.0 when the header needs it) of float32 '<f4'.
std::string serializeNpy(const Tensor& t);
/// A bool '|b1' .npy (nonzero = True).
std::string serializeNpyBool(const Tensor& t);
void writeNpy(const std::string& path, const Tensor& t);
/// An int32 '<i4' .npy (token files).
std::string serializeNpyInt32(const Shape& shape, const std::vector<std::int32_t>& values);
void writeNpyInt32(const std::string& path, const Shape& shape, const std::vector<std::int32_t>& values);
/// An .npz like np.savez (stored), one member "<key>.npy" per entry.
void writeNpz(const std::string& path, const std::map<std::string, Tensor>& arrays);

} // namespace attnviz::core
