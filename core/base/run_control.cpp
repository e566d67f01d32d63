#include "core/base/run_control.h"

namespace attnviz::core {

namespace {
thread_local RunControl* tCurrent = nullptr;
} // namespace

RunScope::RunScope(RunControl& control) : m_previous(tCurrent) {
    tCurrent = &control;
}

RunScope::~RunScope() {
    tCurrent = m_previous;
}

RunControl* currentRunControl() {
    return tCurrent;
}

void runCheckpoint() {
    RunControl* c = tCurrent;
    if (!c)
        return;
    c->stepsDone.fetch_add(1, std::memory_order_relaxed);
    if (c->cancel.load(std::memory_order_relaxed))
        throw RunCancelled();
}

} // namespace attnviz::core
