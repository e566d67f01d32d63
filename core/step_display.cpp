// The central rule for how each step is shown (value kind, axis roles,
// masked cells) and the slicing helpers built on it.
#include "step_display.h"

#include <string_view>

namespace attnviz::core {

const char* valueKindName(ValueKind kind) {
    switch (kind) {
    case ValueKind::Probability: return "probability";
    case ValueKind::BooleanMask: return "boolean_mask";
    case ValueKind::Signed: return "signed";
    case ValueKind::NonNegative: return "non_negative";
    }
    return "unknown";
}

const char* axisRoleName(AxisRole role) {
    switch (role) {
    case AxisRole::Batch: return "batch";
    case AxisRole::Head: return "head";
    case AxisRole::Query: return "query";
    case AxisRole::Source: return "source";
    case AxisRole::Feature: return "feature";
    }
    return "unknown";
}

std::optional<AxisRole> axisRoleOf(const std::string& axisName) {
    struct Entry {
        std::string_view name;
        AxisRole role;
    };
    // Every axis name a layer in core emits. A new name goes here, or the
    // core.step_display test fails.
    static constexpr Entry kNames[] = {
        {"batch", AxisRole::Batch},       {"head", AxisRole::Head},
        {"query", AxisRole::Query},       {"source", AxisRole::Source},
        {"feature", AxisRole::Feature},   {"key_dim", AxisRole::Feature},
        {"value_dim", AxisRole::Feature}, {"head·value_dim", AxisRole::Feature},
        {"head_dim", AxisRole::Feature},  {"head·head_dim", AxisRole::Feature},
    };
    for (const Entry& e : kNames)
        if (e.name == axisName)
            return e.role;
    return std::nullopt;
}

namespace {

bool isMaskKey(const std::string& key) {
    constexpr std::string_view suffix = "_mask";
    return key == "mask" ||
           (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0);
}

ValueKind kindOf(const Trace& trace, const Step& step) {
    switch (step.op) {
    case OpKind::Input: return isMaskKey(step.key) ? ValueKind::BooleanMask : ValueKind::Signed;
    case OpKind::Softmax: return ValueKind::Probability;
    case OpKind::Dropout: return ValueKind::NonNegative;
    case OpKind::Mask: {
        // Masking keeps what was masked: scores stay signed.
        const Step* in = step.inputs.empty() ? nullptr : trace.find(step.inputs.front());
        return in && in->display.kind != ValueKind::BooleanMask ? in->display.kind : ValueKind::Signed;
    }
    case OpKind::Dense:
    case OpKind::Scale:
    case OpKind::Einsum:
    case OpKind::Concat:
    case OpKind::TanhSum:
    case OpKind::Add:
    case OpKind::LayerNorm:
    case OpKind::Repeat:
    case OpKind::Multiply: return ValueKind::Signed;
    }
    return ValueKind::Signed;
}

} // namespace

namespace {

/// Short labels of the stable step keys (trace-format.md), for the timeline's
/// cards and figure headings. They are the English source texts the UI
/// translates (context "StepText"); other steps are labelled by their title.
struct KeyLabel {
    const char* key;
    const char* label;
};
constexpr KeyLabel kLabels[] = {
    {"query", "Query input"},
    {"key", "Key input"},
    {"value", "Value input"},
    {"query_dense", "Project queries"},
    {"key_dense", "Project keys"},
    {"value_dense", "Project values"},
    {"scaled_query", "Scale queries"},
    {"scores", "Scores"},
    {"masked_scores", "Mask scores"},
    {"weights", "Softmax weights"},
    {"dropout", "Dropout"},
    {"context", "Weighted sum of values"},
    {"concat_heads", "Concatenate heads"},
    {"output", "Output"},
    {"residual", "Residual (Add)"},
    {"layer_norm", "Layer normalization"},
};

std::string labelOf(const Step& step) {
    for (const KeyLabel& kl : kLabels)
        if (step.key == kl.key)
            return kl.label;
    return step.title.empty() ? step.key : step.title;
}

} // namespace

StepDisplay describeStep(const Trace& trace, const Step& step) {
    StepDisplay d;
    d.label = labelOf(step);
    d.kind = kindOf(trace, step);
    d.roles.reserve(step.axes.size());
    for (const std::string& a : step.axes)
        d.roles.push_back(axisRoleOf(a).value_or(AxisRole::Feature));
    if (d.kind == ValueKind::BooleanMask) {
        d.masked = MaskedCells::ZeroInThis;
    } else if (step.op == OpKind::Mask) {
        for (const std::string& in : step.inputs)
            if (const Step* s = trace.find(in); s && s->display.kind == ValueKind::BooleanMask) {
                d.masked = MaskedCells::FromMaskStep;
                d.maskKey = s->key;
            }
    } else if (step.op == OpKind::Softmax || step.op == OpKind::Dropout) {
        // Elementwise along the masked axes: the masked cells stay the same cells.
        for (const std::string& in : step.inputs)
            if (const Step* s = trace.find(in); s && s->display.masked == MaskedCells::FromMaskStep) {
                d.masked = MaskedCells::FromMaskStep;
                d.maskKey = s->display.maskKey;
            }
    }
    return d;
}

std::vector<std::uint8_t> maskedCells(const Trace& trace, const Step& step) {
    const Tensor& v = step.value;
    std::vector<std::uint8_t> out;
    if (step.display.masked == MaskedCells::ZeroInThis) {
        out.resize(size_t(v.size()));
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = v.data()[i] == 0.0f;
        return out;
    }
    if (step.display.masked != MaskedCells::FromMaskStep)
        return out;
    const Step* m = trace.find(step.display.maskKey);
    if (!m || m->display.roles.size() != size_t(m->value.rank()) || step.display.roles.size() != size_t(v.rank()))
        return out;
    // For every axis of the step: the mask's stride along the axis with the
    // same role (0 when the mask has no such axis: broadcast, e.g. heads).
    const size_t rank = size_t(v.rank());
    std::vector<Index> maskStride(rank, 0);
    Index stride = 1;
    for (size_t ma = size_t(m->value.rank()); ma-- > 0;) {
        const int a = axisWithRole(step, m->display.roles[ma]);
        if (a < 0 || v.dim(a) != m->value.dim(Index(ma)))
            return out; // the mask does not fit this step: claim nothing
        maskStride[size_t(a)] = stride;
        stride *= m->value.dim(Index(ma));
    }
    out.resize(size_t(v.size()));
    std::vector<Index> idx(rank, 0);
    Index mOff = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        out[i] = m->value.data()[mOff] == 0.0f;
        // Advance the multi-index (row-major) and the mask offset with it.
        for (size_t a = rank; a-- > 0;) {
            if (++idx[a] < v.dim(Index(a))) {
                mOff += maskStride[a];
                break;
            }
            mOff -= maskStride[a] * (idx[a] - 1);
            idx[a] = 0;
        }
    }
    return out;
}

SliceAxes sliceAxes(const Step& step) {
    SliceAxes s;
    const int rank = int(step.value.rank());
    if (rank >= 1)
        s.colAxis = rank - 1;
    auto leading = [&](int a) {
        if (a >= int(step.display.roles.size()))
            return false;
        const AxisRole r = step.display.roles[size_t(a)];
        return r == AxisRole::Batch || r == AxisRole::Head;
    };
    for (int a = rank - 2; a >= 0; --a)
        if (!leading(a)) {
            s.rowAxis = a;
            break;
        }
    if (s.rowAxis < 0 && rank >= 2)
        s.rowAxis = rank - 2;
    for (int a = 0; a < rank; ++a)
        if (a != s.rowAxis && a != s.colAxis)
            s.spinAxes.push_back(a);
    return s;
}

int axisWithRole(const Step& step, AxisRole role) {
    for (size_t a = 0; a < step.display.roles.size(); ++a)
        if (step.display.roles[a] == role)
            return int(a);
    return -1;
}

} // namespace attnviz::core
