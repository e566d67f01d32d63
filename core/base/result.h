// A value or the reason there is none: what a function returns when "cannot"
// is an ordinary answer (a step the stage cannot narrate, a cell outside a
// tensor), so callers branch on it instead of catching an exception.
// (std::expected is C++23; this is the part of it attnviz needs.)
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace attnviz::core {

/// Why a Result holds no value: one sentence naming what is wrong.
struct Failure {
    std::string reason;
};

template <class T> class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_reason(std::move(failure.reason)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    /// The reason, when !ok(); empty otherwise.
    const std::string& reason() const { return m_reason; }

    const T& operator*() const& { return *m_value; }
    T&& operator*() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    /// The value; std::logic_error naming the reason when there is none (for
    /// callers that have already established it must be there, e.g. tests).
    const T& value() const& {
        if (!m_value)
            throw std::logic_error(m_reason);
        return *m_value;
    }
    /// The value or nothing, dropping the reason.
    std::optional<T> optional() const& { return m_value; }
    std::optional<T> optional() && { return std::move(m_value); }

private:
    std::optional<T> m_value;
    std::string m_reason;
};

} // namespace attnviz::core
