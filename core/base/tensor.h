// A dense float32 tensor: a shape and row-major (C-order) data, as NumPy and
// Keras lay it out. Deliberately small: the core's maths maps it into Eigen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace attnviz::core {

using Index = std::int64_t;
using Shape = std::vector<Index>;

/// Number of elements of a shape; throws std::length_error when a dimension
/// is negative or the product of the non-zero dimensions overflows 63 bits
/// (as NumPy refuses it, even for an empty array).
Index shapeSize(const Shape& shape);
/// "(2, 3, 4)", as NumPy prints shapes.
std::string shapeString(const Shape& shape);

/// Storage of freed tensors of 8 MiB and more is kept (up to a limit, 2 GiB
/// by default) and reused by the next tensors of about that size, so that a
/// run after a run does not fault in and zero fresh pages from the kernel.
/// Thread-safe. releaseTensorPool() gives it all back to the system.
void setTensorPoolLimit(std::size_t bytes);
void releaseTensorPool();
std::size_t tensorPoolBytes();

class Tensor {
public:
    Tensor() = default;
    /// A zero-filled tensor of this shape.
    explicit Tensor(Shape shape);
    Tensor(Shape shape, std::vector<float> data); // data.size() must equal the shape's size
    /// A tensor of this shape whose values are unspecified (storage may be
    /// recycled): for results that write every element.
    static Tensor uninitialized(Shape shape);

    Tensor(const Tensor&) = default;
    Tensor(Tensor&&) noexcept = default;
    Tensor& operator=(const Tensor&) = default;
    Tensor& operator=(Tensor&& other) noexcept;
    ~Tensor(); // large storage goes back to the pool (below)

    const Shape& shape() const { return m_shape; }
    Index rank() const { return static_cast<Index>(m_shape.size()); }
    Index dim(Index axis) const; // negative axes count from the end, as in NumPy
    Index size() const { return static_cast<Index>(m_data.size()); }
    bool empty() const { return m_data.empty(); }

    float* data() { return m_data.data(); }
    const float* data() const { return m_data.data(); }
    const std::vector<float>& values() const { return m_data; }
    std::vector<float>& values() { return m_data; }

    /// Element at a full multi-index (bounds are asserted, not checked).
    float at(const std::vector<Index>& index) const;
    Index offset(const std::vector<Index>& index) const;

    /// Same data, another shape of the same size.
    Tensor reshaped(Shape shape) const;

private:
    Shape m_shape;
    std::vector<float> m_data;
};

/// A 2-D slice of a tensor: rows along rowAxis, columns along colAxis, every
/// other axis fixed at fixed[axis] (entries for rowAxis/colAxis are ignored).
/// A rank-1 tensor gives one row; a rank-0 tensor one cell.
struct Slice2D {
    Index rows = 0;
    Index cols = 0;
    std::vector<float> values; // rows * cols, row-major
    float at(Index r, Index c) const { return values[static_cast<size_t>(r * cols + c)]; }
};
Slice2D slice2d(const Tensor& t, Index rowAxis, Index colAxis, const std::vector<Index>& fixed);
/// The default view: the last two axes, every other axis at `fixed` (or 0).
Slice2D slice2d(const Tensor& t, const std::vector<Index>& fixed = {});

struct TensorStats {
    float min = 0, max = 0, mean = 0;
    Index nanCount = 0, infCount = 0;
};
TensorStats stats(const std::vector<float>& values);

} // namespace attnviz::core
