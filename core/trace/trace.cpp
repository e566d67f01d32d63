// Trace lookups and the stable names of operation kinds.
#include "core/trace/trace.h"

namespace attnviz::core {

const char* opKindName(OpKind op) {
    switch (op) {
    case OpKind::Input: return "input";
    case OpKind::Dense: return "dense";
    case OpKind::Scale: return "scale";
    case OpKind::Einsum: return "einsum";
    case OpKind::Mask: return "mask";
    case OpKind::Softmax: return "softmax";
    case OpKind::Dropout: return "dropout";
    case OpKind::Concat: return "concat";
    case OpKind::TanhSum: return "tanh_sum";
    case OpKind::Add: return "add";
    case OpKind::LayerNorm: return "layer_norm";
    case OpKind::Repeat: return "repeat";
    case OpKind::Multiply: return "multiply";
    }
    return "unknown";
}

const Step* Trace::find(const std::string& key) const {
    const int i = indexOf(key);
    return i < 0 ? nullptr : &steps[static_cast<size_t>(i)];
}

const Param* Step::param(ParamRole role) const {
    for (const Param& p : params)
        if (p.role == role)
            return &p;
    return nullptr;
}

std::vector<std::string> Step::axisNames() const {
    std::vector<std::string> names;
    names.reserve(axes.size());
    for (const Axis& a : axes)
        names.push_back(a.name);
    return names;
}

const Tensor* Trace::param(const Step& step, ParamRole role) const {
    const Param* p = step.param(role);
    if (!p)
        return nullptr;
    const auto it = params.find(p->key);
    return it == params.end() ? nullptr : &it->second;
}

int Trace::indexOf(const std::string& key) const {
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].key == key)
            return static_cast<int>(i);
    return -1;
}

double Trace::totalFlops() const {
    double f = 0;
    for (const Step& s : steps)
        f += s.flops;
    return f;
}

} // namespace attnviz::core
