// Tensor basics: shape arithmetic with overflow checks, slicing, statistics.
#include "core/base/tensor.h"

#include "core/base/checked_math.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace attnviz::core {

Index shapeSize(const Shape& shape) {
    // As NumPy does, the product of the non-zero axes must fit even when a
    // zero-length axis makes the array empty: (0, 2**31) is an empty array,
    // (0, 2**40, 2**40) is refused ("array is too big"), and no stride of an
    // accepted shape can overflow.
    Index n = 1;
    bool empty = false;
    for (Index d : shape) {
        if (d < 0)
            throw std::length_error("negative dimension in shape " + shapeString(shape));
        if (d == 0) {
            empty = true;
            continue;
        }
        const std::optional<Index> product = checkedMul(n, d);
        if (!product)
            throw std::length_error("shape " + shapeString(shape) + " has more elements than fit in 64 bits");
        n = *product;
    }
    return empty ? 0 : n;
}

std::string shapeString(const Shape& shape) {
    std::ostringstream os;
    os << '(';
    for (size_t i = 0; i < shape.size(); ++i)
        os << (i ? ", " : "") << shape[i];
    if (shape.size() == 1)
        os << ',';
    os << ')';
    return os.str();
}

namespace {

// Large tensors (a 4-D scores tensor is 64 MB at T=S=1024, 128 MB at 2048)
// came fresh from mmap on every run: the kernel faulted them in and zeroed
// every page first, which cost as much as the matrix products at T=S=2048.
// Now a freed large tensor's storage is kept in a small pool, and the next
// run's tensors of about that size take it, already mapped. (Transparent
// huge pages were tried too: on this project's VMs they made the first run
// in a process 2-3× slower, and added nothing once storage is recycled.)
constexpr size_t kPooledBytes = size_t(8) << 20;

struct StoragePool {
    std::mutex mutex;
    std::deque<std::vector<float>> free; // oldest first
    size_t bytes = 0;
    size_t limit = size_t(2) << 30;
};

// Never destroyed: tensors with static storage may be freed after it would be.
StoragePool& storagePool() {
    static StoragePool* pool = new StoragePool;
    return *pool;
}

size_t capacityBytes(const std::vector<float>& v) {
    return v.capacity() * sizeof(float);
}

// Oldest storage out until the pool is within its limit; the caller frees
// `dropped` after releasing the lock. Call with the pool's mutex held.
void evictOverLimit(StoragePool& pool, std::deque<std::vector<float>>& dropped) {
    while (pool.bytes > pool.limit && !pool.free.empty()) {
        pool.bytes -= capacityBytes(pool.free.front());
        dropped.push_back(std::move(pool.free.front()));
        pool.free.pop_front();
    }
}

// The smallest pooled storage that holds n floats without wasting more than
// half of it; empty when there is none. A miss means the sizes changed (a
// run's large tensors are mostly one size, B·N·T·S): storage too small for
// this request is then given back, so that it does not sit beside the new.
std::vector<float> takeStorage(size_t n) {
    if (n * sizeof(float) < kPooledBytes)
        return {};
    StoragePool& pool = storagePool();
    std::deque<std::vector<float>> dropped; // freed after the lock is released
    const std::lock_guard lock(pool.mutex);
    auto best = pool.free.end();
    for (auto it = pool.free.begin(); it != pool.free.end(); ++it)
        if (it->capacity() >= n && it->capacity() <= n + n / 2 &&
            (best == pool.free.end() || it->capacity() < best->capacity()))
            best = it;
    if (best == pool.free.end()) {
        for (auto it = pool.free.begin(); it != pool.free.end();)
            if (it->capacity() < n) {
                pool.bytes -= capacityBytes(*it);
                dropped.push_back(std::move(*it));
                it = pool.free.erase(it);
            } else {
                ++it;
            }
        return {};
    }
    std::vector<float> v = std::move(*best);
    pool.free.erase(best);
    pool.bytes -= capacityBytes(v);
    return v;
}

void recycleStorage(std::vector<float>&& v) noexcept {
    if (capacityBytes(v) < kPooledBytes)
        return;
    std::deque<std::vector<float>> dropped; // freed after the lock is released
    StoragePool& pool = storagePool();
    try {
        const std::lock_guard lock(pool.mutex);
        const size_t bytes = capacityBytes(v);
        pool.free.push_back(std::move(v)); // may throw, leaving v and the count as they were
        pool.bytes += bytes;
        evictOverLimit(pool, dropped);
    } catch (...) {
        // Out of memory for the pool's own bookkeeping: the storage is simply freed.
    }
}

// Storage for n floats, zero-filled or (zero = false) with stale values
// where it is recycled.
std::vector<float> newStorage(size_t n, bool zero) {
    std::vector<float> v = takeStorage(n);
    if (v.capacity() >= n) {
        if (zero)
            std::fill(v.begin(), v.begin() + std::ptrdiff_t(std::min(n, v.size())), 0.0f);
        v.resize(n); // zero-fills what lies past the recycled size
        return v;
    }
    v.resize(n);
    return v;
}

} // namespace

void setTensorPoolLimit(size_t bytes) {
    StoragePool& pool = storagePool();
    std::deque<std::vector<float>> dropped;
    const std::lock_guard lock(pool.mutex);
    pool.limit = bytes;
    evictOverLimit(pool, dropped);
}

void releaseTensorPool() {
    StoragePool& pool = storagePool();
    std::deque<std::vector<float>> dropped;
    {
        const std::lock_guard lock(pool.mutex);
        dropped.swap(pool.free);
        pool.bytes = 0;
    }
}

size_t tensorPoolBytes() {
    StoragePool& pool = storagePool();
    const std::lock_guard lock(pool.mutex);
    return pool.bytes;
}

Tensor::Tensor(Shape shape)
    : m_shape(std::move(shape)), m_data(newStorage(static_cast<size_t>(shapeSize(m_shape)), true)) {}

Tensor Tensor::uninitialized(Shape shape) {
    Tensor t;
    t.m_data = newStorage(static_cast<size_t>(shapeSize(shape)), false);
    t.m_shape = std::move(shape);
    return t;
}

Tensor::~Tensor() {
    recycleStorage(std::move(m_data));
}

Tensor& Tensor::operator=(Tensor&& other) noexcept {
    if (this != &other) {
        recycleStorage(std::move(m_data));
        m_shape = std::move(other.m_shape);
        m_data = std::move(other.m_data);
    }
    return *this;
}

Tensor::Tensor(Shape shape, std::vector<float> data) : m_shape(std::move(shape)), m_data(std::move(data)) {
    if (static_cast<Index>(m_data.size()) != shapeSize(m_shape))
        throw std::invalid_argument("tensor data has " + std::to_string(m_data.size()) + " values but shape " +
                                    shapeString(m_shape) + " needs " + std::to_string(shapeSize(m_shape)));
}

Index Tensor::dim(Index axis) const {
    if (axis < 0)
        axis += rank();
    assert(axis >= 0 && axis < rank());
    return m_shape[static_cast<size_t>(axis)];
}

Index Tensor::offset(const std::vector<Index>& index) const {
    assert(static_cast<Index>(index.size()) == rank());
    Index off = 0;
    for (size_t a = 0; a < m_shape.size(); ++a) {
        assert(index[a] >= 0 && index[a] < m_shape[a]);
        off = off * m_shape[a] + index[a];
    }
    return off;
}

float Tensor::at(const std::vector<Index>& index) const {
    return m_data[static_cast<size_t>(offset(index))];
}

Tensor Tensor::reshaped(Shape shape) const {
    if (shapeSize(shape) != size())
        throw std::invalid_argument("cannot reshape " + shapeString(m_shape) + " to " + shapeString(shape));
    return Tensor(std::move(shape), m_data);
}

Slice2D slice2d(const Tensor& t, Index rowAxis, Index colAxis, const std::vector<Index>& fixed) {
    Slice2D s;
    const Index r = t.rank();
    if (r == 0) {
        s.rows = s.cols = 1;
        s.values = t.values();
        return s;
    }
    if (r == 1) {
        s.rows = 1;
        s.cols = t.dim(0);
        s.values = t.values();
        return s;
    }
    assert(rowAxis >= 0 && rowAxis < r && colAxis >= 0 && colAxis < r && rowAxis != colAxis);
    s.rows = t.dim(rowAxis);
    s.cols = t.dim(colAxis);
    s.values.resize(static_cast<size_t>(s.rows * s.cols));
    // Offset of (i, j) = base + i·rowStride + j·colStride (row-major strides).
    std::vector<Index> stride(static_cast<size_t>(r), 1);
    for (Index a = r - 1; a > 0; --a)
        stride[static_cast<size_t>(a - 1)] = stride[static_cast<size_t>(a)] * t.dim(a);
    Index base = 0;
    for (Index a = 0; a < r; ++a)
        if (a != rowAxis && a != colAxis && a < static_cast<Index>(fixed.size()))
            base += std::clamp<Index>(fixed[static_cast<size_t>(a)], 0, t.dim(a) - 1) * stride[static_cast<size_t>(a)];
    const Index rs = stride[static_cast<size_t>(rowAxis)], cs = stride[static_cast<size_t>(colAxis)];
    const float* src = t.data() + base;
    for (Index i = 0; i < s.rows; ++i) {
        float* out = s.values.data() + i * s.cols;
        if (cs == 1)
            std::copy_n(src + i * rs, s.cols, out);
        else
            for (Index j = 0; j < s.cols; ++j)
                out[j] = src[i * rs + j * cs];
    }
    return s;
}

Slice2D slice2d(const Tensor& t, const std::vector<Index>& fixed) {
    return slice2d(t, t.rank() - 2, t.rank() - 1, fixed);
}

TensorStats stats(const std::vector<float>& values) {
    TensorStats st;
    double sum = 0;
    Index finite = 0;
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    for (float v : values) {
        if (std::isnan(v)) {
            ++st.nanCount;
            continue;
        }
        if (std::isinf(v)) {
            ++st.infCount;
            continue;
        }
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        sum += v;
        ++finite;
    }
    if (finite > 0) {
        st.min = lo;
        st.max = hi;
        st.mean = static_cast<float>(sum / static_cast<double>(finite));
    }
    return st;
}

} // namespace attnviz::core
