// Checked integer arithmetic for sizes, strides and offsets computed from
// untrusted numbers (file headers, spec fields, zip records). Every such
// product or sum in the core goes through these helpers: an overflow is a
// value (nullopt, or the type's maximum when saturating), never undefined
// behaviour. Built on the compiler's __builtin_*_overflow (GCC and clang).
#pragma once

#include <concepts>
#include <limits>
#include <optional>

namespace attnviz::core {

/// a * b, or nullopt when it does not fit in T.
template <std::integral T> constexpr std::optional<T> checkedMul(T a, T b) {
    T r{};
    if (__builtin_mul_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

/// a + b, or nullopt when it does not fit in T.
template <std::integral T> constexpr std::optional<T> checkedAdd(T a, T b) {
    T r{};
    if (__builtin_add_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

/// a * b, clamped to T's maximum (for non-negative operands: a budget test
/// then fails instead of wrapping around and passing).
template <std::integral T> constexpr T saturatingMul(T a, T b) {
    return checkedMul(a, b).value_or(std::numeric_limits<T>::max());
}

/// a + b, clamped to T's maximum (non-negative operands).
template <std::integral T> constexpr T saturatingAdd(T a, T b) {
    return checkedAdd(a, b).value_or(std::numeric_limits<T>::max());
}

} // namespace attnviz::core
