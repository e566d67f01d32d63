// The central rule for how each step is shown (value kind, axis roles,
// masked cells) and the slicing helpers built on it.
#include "core/trace/step_display.h"

#include "core/base/eigen_types.h"
#include "core/base/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

namespace {

ValueKind kindOf(const Trace& trace, const Step& step) {
    switch (step.op) {
    case OpKind::Input: return step.booleanMask ? ValueKind::BooleanMask : ValueKind::Signed;
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

StepDisplay describeStep(const Trace& trace, const Step& step) {
    StepDisplay d;
    d.label = !step.label.empty() ? step.label : step.title.empty() ? step.key : step.title;
    d.kind = kindOf(trace, step);
    d.roles.reserve(step.axes.size());
    for (const Axis& a : step.axes)
        d.roles.push_back(a.role);
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

namespace {

// Where a step's masked flags come from: the step itself (a 0 is masked), or
// a mask step read at offset Σ idx[a]·stride[a] (stride 0: broadcast axis).
struct MaskSource {
    MaskedCells kind = MaskedCells::None; // None also when the mask does not fit
    const float* mask = nullptr;
    std::vector<Index> stride{}; // per axis of the step
};

MaskSource maskSource(const Trace& trace, const Step& step) {
    MaskSource src;
    const Tensor& v = step.value;
    if (step.display.masked == MaskedCells::ZeroInThis) {
        src.kind = MaskedCells::ZeroInThis;
        return src;
    }
    if (step.display.masked != MaskedCells::FromMaskStep)
        return src;
    const Step* m = trace.find(step.display.maskKey);
    if (!m || m->display.roles.size() != size_t(m->value.rank()) || step.display.roles.size() != size_t(v.rank()))
        return src;
    // For every axis of the step: the mask's stride along the axis with the
    // same role (0 when the mask has no such axis: broadcast, e.g. heads).
    src.stride.assign(size_t(v.rank()), 0);
    Index stride = 1;
    for (size_t ma = size_t(m->value.rank()); ma-- > 0;) {
        const int a = axisWithRole(step, m->display.roles[ma]);
        if (a < 0 || v.dim(a) != m->value.dim(Index(ma)))
            return {}; // the mask does not fit this step: claim nothing
        src.stride[size_t(a)] = stride;
        stride *= m->value.dim(Index(ma));
    }
    src.kind = MaskedCells::FromMaskStep;
    src.mask = m->value.data();
    return src;
}

// f(flat index, mask value or nullptr) for every element in [begin, end) of
// step.value, walking the multi-index and the mask offset together.
template <class F> void walkMask(const MaskSource& src, const Tensor& v, Index begin, Index end, F&& f) {
    const size_t rank = size_t(v.rank());
    std::vector<Index> idx(rank, 0);
    Index mOff = 0;
    for (size_t a = rank, rest = size_t(begin); a-- > 0;) {
        idx[a] = Index(rest % size_t(v.dim(Index(a))));
        rest /= size_t(v.dim(Index(a)));
        mOff += idx[a] * src.stride[a];
    }
    for (Index i = begin; i < end; ++i) {
        f(i, src.mask[mOff]);
        for (size_t a = rank; a-- > 0;) { // advance the multi-index (row-major) and the mask offset with it
            if (++idx[a] < v.dim(Index(a))) {
                mOff += src.stride[a];
                break;
            }
            mOff -= src.stride[a] * (idx[a] - 1);
            idx[a] = 0;
        }
    }
}

} // namespace

std::vector<std::uint8_t> maskedCells(const Trace& trace, const Step& step) {
    return maskedCells(trace, step, 0, step.value.size());
}

std::vector<std::uint8_t> maskedCells(const Trace& trace, const Step& step, Index begin, Index end) {
    const Tensor& v = step.value;
    begin = std::clamp<Index>(begin, 0, v.size());
    end = std::clamp<Index>(end, begin, v.size());
    const MaskSource src = maskSource(trace, step);
    std::vector<std::uint8_t> out;
    if (src.kind == MaskedCells::None)
        return out;
    out.resize(size_t(end - begin));
    if (src.kind == MaskedCells::ZeroInThis) {
        for (Index i = begin; i < end; ++i)
            out[size_t(i - begin)] = v.data()[i] == 0.0f;
        return out;
    }
    walkMask(src, v, begin, end, [&](Index i, float m) { out[size_t(i - begin)] = m == 0.0f; });
    return out;
}

std::vector<std::uint8_t> maskedSlice(const Trace& trace, const Step& step, Index rowAxis, Index colAxis,
                                      const std::vector<Index>& fixed) {
    const Tensor& v = step.value;
    const MaskSource src = maskSource(trace, step);
    if (src.kind == MaskedCells::None || v.empty())
        return {};
    const Index r = v.rank();
    if (r <= 1)
        return maskedCells(trace, step);
    // The slice's cells, as core::slice2d takes them.
    std::vector<Index> idx(size_t(r), 0);
    for (Index a = 0; a < r; ++a)
        if (a != rowAxis && a != colAxis && a < Index(fixed.size()))
            idx[size_t(a)] = std::clamp<Index>(fixed[size_t(a)], 0, v.dim(a) - 1);
    const Index rows = v.dim(rowAxis), cols = v.dim(colAxis);
    Index base = 0, mBase = 0;
    std::vector<Index> vStride(size_t(r), 1);
    for (Index a = r - 1; a > 0; --a)
        vStride[size_t(a - 1)] = vStride[size_t(a)] * v.dim(a);
    for (Index a = 0; a < r; ++a) {
        base += idx[size_t(a)] * vStride[size_t(a)];
        if (src.kind == MaskedCells::FromMaskStep)
            mBase += idx[size_t(a)] * src.stride[size_t(a)];
    }
    std::vector<std::uint8_t> out(size_t(rows * cols));
    for (Index i = 0; i < rows; ++i)
        for (Index j = 0; j < cols; ++j) {
            const float x = src.kind == MaskedCells::ZeroInThis
                                ? v.data()[base + i * vStride[size_t(rowAxis)] + j * vStride[size_t(colAxis)]]
                                : src.mask[mBase + i * src.stride[size_t(rowAxis)] + j * src.stride[size_t(colAxis)]];
            out[size_t(i * cols + j)] = x == 0.0f;
        }
    return out;
}

namespace {

// One row's figures in one vectorised pass: sum (float lanes over 256 values
// at a time, added up in double), min, max, and min/max over the cells that
// are not masked.
// sum is not finite iff the row holds a NaN or an Inf: the caller then goes
// value by value.
struct RowFigures {
    double sum = 0;
    float lo = std::numeric_limits<float>::infinity(), hi = -std::numeric_limits<float>::infinity();
    float shownLo = std::numeric_limits<float>::infinity(), shownHi = -std::numeric_limits<float>::infinity();
};

RowFigures rowFigures(const float* x, Index L, MaskedCells kind, const float* m, Index maskStep) {
    using Block = Eigen::Array<float, 16, 1>;
    constexpr float inf = std::numeric_limits<float>::infinity();
    const bool vectorMask = kind == MaskedCells::None || kind == MaskedCells::ZeroInThis || (m && maskStep == 1);
    Block lo = Block::Constant(inf), hi = Block::Constant(-inf), acc = Block::Zero();
    double sum = 0;
    Block sLo = Block::Constant(inf), sHi = Block::Constant(-inf);
    const Index full = vectorMask ? L / 16 * 16 : 0;
    for (Index j = 0; j < full; j += 16) {
        const Block v = Eigen::Map<const Block>(x + j);
        acc += v;
        if ((j & 255) == 240) { // every 16 blocks
            sum += double(acc.sum());
            acc = Block::Zero();
        }
        lo = lo.min(v);
        hi = hi.max(v);
        if (kind == MaskedCells::ZeroInThis) {
            sLo = sLo.min((v != 0.0f).select(v, inf));
            sHi = sHi.max((v != 0.0f).select(v, -inf));
        } else if (kind == MaskedCells::FromMaskStep && m) {
            const Block mb = Eigen::Map<const Block>(m + j);
            sLo = sLo.min((mb != 0.0f).select(v, inf));
            sHi = sHi.max((mb != 0.0f).select(v, -inf));
        }
    }
    RowFigures f;
    f.sum = sum + double(acc.sum());
    f.lo = lo.minCoeff();
    f.hi = hi.maxCoeff();
    if (kind == MaskedCells::None) {
        f.shownLo = f.lo;
        f.shownHi = f.hi;
    } else if (kind == MaskedCells::ZeroInThis || m) {
        f.shownLo = sLo.minCoeff();
        f.shownHi = sHi.maxCoeff();
    }
    for (Index j = full; j < L; ++j) {
        const float v = x[j];
        f.sum += double(v);
        f.lo = std::min(f.lo, v);
        f.hi = std::max(f.hi, v);
        const bool masked = kind == MaskedCells::ZeroInThis ? v == 0.0f : m && m[j * maskStep] == 0.0f;
        if (kind == MaskedCells::None || !masked) {
            f.shownLo = std::min(f.shownLo, v);
            f.shownHi = std::max(f.shownHi, v);
        }
    }
    return f;
}

} // namespace

StepSummary summarizeStep(const Trace& trace, const Step& step) {
    if (step.summary)
        return *step.summary;
    {
        const Tensor& v = step.value;
        const MaskSource src = maskSource(trace, step);
        // Chunks of whole rows of the last axis, split over the core's threads;
        // partial sums are added in chunk order.
        const Index n = v.size();
        const Index L = v.rank() == 0 ? 1 : v.dim(-1); // row length
        const Index rows = L == 0 ? 0 : n / L;
        const Index rowsPerChunk = std::max<Index>(1, std::max<Index>(Index(1) << 16, n / 64) / std::max<Index>(L, 1));
        const Index chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        struct Part {
            double sum = 0;
            Index finite = 0, nan = 0, inf = 0;
            float lo = std::numeric_limits<float>::infinity(), hi = -std::numeric_limits<float>::infinity();
            float shownLo = std::numeric_limits<float>::infinity(), shownHi = -std::numeric_limits<float>::infinity();
        };
        std::vector<Part> parts(static_cast<size_t>(chunks));
        const size_t rank = size_t(v.rank());
        // The mask offset of row r's first cell, and the mask's step along a row.
        auto maskRow = [&](Index r) {
            Index off = 0;
            for (size_t a = rank - 1, rest = size_t(r); a-- > 0;) {
                off += Index(rest % size_t(v.dim(Index(a)))) * src.stride[a];
                rest /= size_t(v.dim(Index(a)));
            }
            return src.mask + off;
        };
        const Index maskStep = src.kind == MaskedCells::FromMaskStep && rank > 0 ? src.stride[rank - 1] : 0;
        parallelFor(chunks, 1, 1, 4.0 * double(n), [&](Index c0, Index c1) {
            for (Index c = c0; c < c1; ++c) {
                Part& p = parts[size_t(c)];
                for (Index r = c * rowsPerChunk; r < std::min(rows, (c + 1) * rowsPerChunk); ++r) {
                    const float* x = v.data() + r * L;
                    const float* m = src.kind == MaskedCells::FromMaskStep ? maskRow(r) : nullptr;
                    const RowFigures f = rowFigures(x, L, src.kind, m, maskStep);
                    if (std::isfinite(f.sum)) { // no NaN or Inf in the row
                        p.sum += f.sum;
                        p.finite += L;
                        p.lo = std::min(p.lo, f.lo);
                        p.hi = std::max(p.hi, f.hi);
                        p.shownLo = std::min(p.shownLo, f.shownLo);
                        p.shownHi = std::max(p.shownHi, f.shownHi);
                        continue;
                    }
                    for (Index j = 0; j < L; ++j) { // a row with a NaN or an Inf: one value at a time
                        const float xj = x[j];
                        if (std::isnan(xj)) {
                            ++p.nan;
                            continue;
                        }
                        if (std::isinf(xj)) {
                            ++p.inf;
                            continue;
                        }
                        p.lo = std::min(p.lo, xj);
                        p.hi = std::max(p.hi, xj);
                        p.sum += xj;
                        ++p.finite;
                        const bool masked =
                            src.kind == MaskedCells::ZeroInThis ? xj == 0.0f : m && m[j * maskStep] == 0.0f;
                        if (!masked) {
                            p.shownLo = std::min(p.shownLo, xj);
                            p.shownHi = std::max(p.shownHi, xj);
                        }
                    }
                }
            }
        });
        StepSummary s;
        Part all;
        for (const Part& p : parts) {
            all.sum += p.sum;
            all.finite += p.finite;
            all.nan += p.nan;
            all.inf += p.inf;
            all.lo = std::min(all.lo, p.lo);
            all.hi = std::max(all.hi, p.hi);
            all.shownLo = std::min(all.shownLo, p.shownLo);
            all.shownHi = std::max(all.shownHi, p.shownHi);
        }
        s.stats.nanCount = all.nan;
        s.stats.infCount = all.inf;
        if (all.finite > 0) {
            s.stats.min = all.lo;
            s.stats.max = all.hi;
            s.stats.mean = static_cast<float>(all.sum / static_cast<double>(all.finite));
        }
        s.anyShown = all.shownLo <= all.shownHi;
        if (s.anyShown) {
            s.shownMin = all.shownLo;
            s.shownMax = all.shownHi;
            s.shownHigh = highPercentile(n, [&](Index i) {
                              const float x = v.data()[i];
                              const bool masked = src.kind == MaskedCells::ZeroInThis ? x == 0.0f
                                                  : src.kind == MaskedCells::FromMaskStep
                                                      ? maskRow(i / L)[(i % L) * maskStep] == 0.0f
                                                      : false;
                              return masked ? std::numeric_limits<float>::quiet_NaN() : x;
                          }).value_or(s.shownMax);
        }
        return s;
    }
}

void summarizeSteps(Trace& trace) {
    for (Step& step : trace.steps)
        if (!step.summary)
            step.summary = summarizeStep(trace, step);
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
