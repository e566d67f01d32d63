// Watching and stopping a running core::run from another thread: the caller
// gives a RunControl to a RunScope on the computing thread; the core reports
// every step it finishes and, between steps, stops with RunCancelled when
// RunControl::cancel is set. Without a RunScope, checkpoints do nothing.
#pragma once

#include <atomic>
#include <stdexcept>

namespace attnviz::core {

struct RunControl {
    std::atomic<bool> cancel{false}; // set from any thread: the run stops at its next step
    std::atomic<int> stepsDone{0};   // steps finished so far
};

/// Thrown by run() (from a checkpoint) when RunControl::cancel was set.
class RunCancelled : public std::runtime_error {
public:
    RunCancelled() : std::runtime_error("The computation was cancelled.") {}
};

/// Installs `control` for runs on this thread for the scope's lifetime.
class RunScope {
public:
    explicit RunScope(RunControl& control);
    ~RunScope();
    RunScope(const RunScope&) = delete;
    RunScope& operator=(const RunScope&) = delete;

private:
    RunControl* m_previous;
};

/// Called by the core after each step: counts it, throws RunCancelled when asked to stop.
void runCheckpoint();
/// The RunControl installed on this thread, or nullptr. Long steps that run on
/// worker threads read it first and check cancelRequested between blocks.
RunControl* currentRunControl();
/// True when `control` is set and asks to stop (control may be nullptr).
inline bool cancelRequested(const RunControl* control) {
    return control && control->cancel.load(std::memory_order_relaxed);
}

} // namespace attnviz::core
