// The stage's narrated numbers (see narration.h), read from the trace: the
// operands by key, the parameters by name, product terms through the step's
// own einsum string.
#include "core/teach/narration.h"

#include "core/trace/step_display.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

namespace attnviz::core {

namespace {

/// Why `step` cannot be narrated: "Cannot narrate step 'weights' (softmax): what".
Failure cannot(const Step& step, const std::string& what) {
    return {"Cannot narrate step '" + step.key + "' (" + opKindName(step.op) + "): " + what};
}

/// The step's operand i, or nullptr when the trace lacks it.
const Step* operand(const Trace& trace, const Step& step, size_t i) {
    return i < step.inputs.size() ? trace.find(step.inputs[i]) : nullptr;
}

std::string missingOperand(size_t i) {
    return "its operand " + std::to_string(i) + " is not in the trace";
}

/// What is wrong with `index` as an index of `rank` numbers into `t`, or nothing.
std::optional<std::string> badIndex(const Tensor& t, const std::vector<Index>& index, Index rank) {
    if (Index(index.size()) != rank)
        return "expected an index of " + std::to_string(rank) + " numbers, received " + std::to_string(index.size());
    for (size_t a = 0; a < index.size(); ++a)
        if (index[a] < 0 || index[a] >= t.dim(Index(a)))
            return "index " + std::to_string(index[a]) + " is outside axis " + std::to_string(a) + " of " +
                   shapeString(t.shape());
    return std::nullopt;
}

/// A row of a step that works along its last axis (softmax, layer norm): its
/// operand, the row's length and the offset of its first cell.
struct RowOf {
    const Step* operand = nullptr;
    Index length = 0, offset = 0;
};
Result<RowOf> rowOf(const Trace& trace, const Step& step, OpKind op, const char* notThat,
                    const std::vector<Index>& row) {
    if (step.op != op)
        return cannot(step, notThat);
    const Step* x = operand(trace, step, 0);
    if (!x)
        return cannot(step, missingOperand(0));
    if (auto why = badIndex(step.value, row, step.value.rank() - 1))
        return cannot(step, *why);
    std::vector<Index> first = row;
    first.push_back(0);
    return RowOf{.operand = x, .length = step.value.dim(-1), .offset = step.value.offset(first)};
}

Index offsetOf(const Tensor& t, const std::string& letters, const std::map<char, Index>& at) {
    Index off = 0;
    for (size_t a = 0; a < letters.size(); ++a)
        off = off * t.dim(Index(a)) + at.at(letters[a]);
    return off;
}

/// A tensor taking part in an einsum, with axis roles when it is a step.
struct Operand {
    const Tensor* t;
    const std::vector<AxisRole>* roles; // nullptr for a parameter
};

/// Whether these operands fit these einsum terms: ranks, one size per letter,
/// and one role per letter where the operands have roles.
bool fits(const std::vector<std::string>& terms, const std::vector<Operand>& ops, std::map<char, Index>& size) {
    std::map<char, AxisRole> role;
    size.clear();
    for (size_t i = 0; i < terms.size(); ++i) {
        if (Index(terms[i].size()) != ops[i].t->rank())
            return false;
        for (size_t a = 0; a < terms[i].size(); ++a) {
            const char l = terms[i][a];
            const Index n = ops[i].t->dim(Index(a));
            if (auto [it, fresh] = size.emplace(l, n); !fresh && it->second != n)
                return false;
            if (ops[i].roles && a < ops[i].roles->size())
                if (auto [it, fresh] = role.emplace(l, (*ops[i].roles)[a]); !fresh && it->second != (*ops[i].roles)[a])
                    return false;
        }
    }
    return true;
}

} // namespace

Result<ProductCell> productCell(const Trace& trace, const Step& step, const std::vector<Index>& cell) {
    if (step.op != OpKind::Einsum && step.op != OpKind::Dense)
        return cannot(step, "not a product (einsum or dense)");
    if (auto why = badIndex(step.value, cell, step.value.rank()))
        return cannot(step, *why);
    const std::string& eq = step.einsum;
    const size_t comma = eq.find(','), arrow = eq.find("->");
    if (comma == std::string::npos || arrow == std::string::npos || comma > arrow)
        return cannot(step, "its einsum '" + eq + "' is not of the form ab,bc->ac");
    const std::string lhs0 = eq.substr(0, comma), lhs1 = eq.substr(comma + 1, arrow - comma - 1),
                      out = eq.substr(arrow + 2);

    // Operands in narration order: inputs[0] then inputs[1] (or the kernel).
    const Step* a = operand(trace, step, 0);
    if (!a)
        return cannot(step, missingOperand(0));
    Operand left{&a->value, &a->display.roles}, right{nullptr, nullptr};
    const Tensor* bias = nullptr;
    if (step.op == OpKind::Dense) {
        right.t = trace.param(step, ParamRole::Kernel);
        bias = trace.param(step, ParamRole::Bias);
        if (!right.t)
            return cannot(step, "its kernel is not in the trace's params");
    } else {
        const Step* b = operand(trace, step, 1);
        if (!b)
            return cannot(step, missingOperand(1));
        right = {&b->value, &b->display.roles};
    }
    const Operand result{&step.value, &step.display.roles};
    // Keras' einsum may name the operands in the other order (aecd,abcd->acbe
    // takes the key first): try both, let shapes and axis roles decide.
    std::map<char, Index> size;
    bool swapped = false;
    if (!fits({lhs0, lhs1, out}, {left, right, result}, size)) {
        swapped = true;
        if (!fits({lhs1, lhs0, out}, {left, right, result}, size))
            return cannot(step, "its operands do not fit its einsum '" + eq + "'");
    }
    const std::string& leftTerm = swapped ? lhs1 : lhs0;
    const std::string& rightTerm = swapped ? lhs0 : lhs1;

    std::map<char, Index> at;
    for (size_t i = 0; i < out.size(); ++i)
        at[out[i]] = cell[i];
    std::string contracted; // letters summed over, in the left operand's order
    for (char l : leftTerm + rightTerm)
        if (out.find(l) == std::string::npos && contracted.find(l) == std::string::npos)
            contracted += l;

    ProductCell pc;
    pc.cell = cell;
    for (char l : contracted)
        at[l] = 0;
    while (true) {
        pc.left.push_back(left.t->data()[offsetOf(*left.t, leftTerm, at)]);
        pc.right.push_back(right.t->data()[offsetOf(*right.t, rightTerm, at)]);
        pc.sum += double(pc.left.back()) * double(pc.right.back());
        size_t i = contracted.size(); // next contracted index, row-major
        while (i > 0 && ++at[contracted[i - 1]] == size.at(contracted[i - 1]))
            at[contracted[--i]] = 0;
        if (i == 0)
            break;
    }
    if (bias) {
        std::string letters; // the output letters the kernel adds, in output order
        for (char l : out)
            if (rightTerm.find(l) != std::string::npos && leftTerm.find(l) == std::string::npos)
                letters += l;
        if (Index(letters.size()) != bias->rank())
            return cannot(step, "its bias " + shapeString(bias->shape()) + " does not fit its einsum '" + eq + "'");
        pc.bias = bias->data()[offsetOf(*bias, letters, at)];
        pc.sum += double(*pc.bias);
    }
    pc.value = step.value.data()[step.value.offset(cell)];
    return pc;
}

Result<SoftmaxRow> softmaxRow(const Trace& trace, const Step& step, const std::vector<Index>& row) {
    if (step.key.starts_with("grad/")) // P ∘ (dP − Δ), not exp/Σ exp: softmaxBackwardRow
        return cannot(step, "a softmax backward, not a softmax (see softmaxBackwardRow)");
    const Result<RowOf> at = rowOf(trace, step, OpKind::Softmax, "not a softmax", row);
    if (!at)
        return Failure{at.reason()};
    const Step& x = *at->operand;
    const Index n = at->length, off = at->offset;
    const std::vector<std::uint8_t> masked = maskedCells(trace, x, off, off + n); // this row's flags
    SoftmaxRow r;
    r.row = row;
    r.logits.assign(x.value.data() + off, x.value.data() + off + n);
    r.probs.assign(step.value.data() + off, step.value.data() + off + n);
    r.masked.assign(size_t(n), 0);
    if (!masked.empty())
        std::copy(masked.begin(), masked.end(), r.masked.begin());
    // Keras subtracts the max over the whole row: masked logits (−1e9) never
    // win unless every entry is masked.
    r.max = *std::max_element(r.logits.begin(), r.logits.end());
    for (float v : r.logits) {
        r.exps.push_back(std::exp(v - r.max));
        r.sum += double(r.exps.back());
    }
    return r;
}

Result<TanhSumCell> tanhSumCell(const Trace& trace, const Step& step, const std::vector<Index>& cell) {
    if (step.op != OpKind::TanhSum)
        return cannot(step, "not a tanh sum");
    if (auto why = badIndex(step.value, cell, 3))
        return cannot(step, *why);
    const Step* qp = operand(trace, step, 0); // (B, T, d)
    const Step* kp = operand(trace, step, 1); // (B, S, d)
    if (!qp || !kp)
        return cannot(step, missingOperand(qp ? 1 : 0));
    const Step& q = *qp;
    const Step& k = *kp;
    const Index d = q.value.dim(2);
    const Tensor* scale = trace.param(step, ParamRole::Scale);
    const Tensor* wc = trace.param(step, ParamRole::ConcatWeight);
    TanhSumCell c;
    c.cell = cell;
    // Attention concat: w_c · Σ tanh(scale·(q + k)); Additive: Σ scale[d]·tanh(q + k).
    c.innerScaled = wc && scale;
    c.innerScale = c.innerScaled ? scale->data()[0] : 1.0f;
    c.weightFrom = wc      ? TanhSumCell::Weight::ConcatScoreWeight
                   : scale ? TanhSumCell::Weight::Scale
                           : TanhSumCell::Weight::One;
    if (wc)
        c.weightShape = wc->shape();
    else if (scale)
        c.weightShape = scale->shape();
    const float* qr = q.value.data() + q.value.offset({cell[0], cell[1], 0});
    const float* kr = k.value.data() + k.value.offset({cell[0], cell[2], 0});
    for (Index i = 0; i < d; ++i) {
        c.q.push_back(qr[i]);
        c.k.push_back(kr[i]);
        c.sum.push_back(qr[i] + kr[i]);
        c.tanh.push_back(std::tanh(c.innerScale * c.sum.back()));
        c.weight.push_back(wc ? wc->data()[0] : scale ? scale->data()[scale->size() == d ? i : 0] : 1.0f);
        c.terms.push_back(c.weight.back() * c.tanh.back());
        c.total += double(c.terms.back());
    }
    c.value = step.value.data()[step.value.offset(cell)];
    return c;
}

Result<LayerNormRow> layerNormRow(const Trace& trace, const Step& step, const std::vector<Index>& row) {
    const Result<RowOf> at = rowOf(trace, step, OpKind::LayerNorm, "not a layer normalization", row);
    if (!at)
        return Failure{at.reason()};
    const Step& x = *at->operand;
    const Tensor* gamma = trace.param(step, ParamRole::Gamma);
    const Tensor* beta = trace.param(step, ParamRole::Beta);
    const Index n = at->length, off = at->offset;
    if (!gamma || !beta || gamma->size() != n || beta->size() != n)
        return cannot(step, "its gamma and beta are not in the trace's params");
    LayerNormRow r;
    r.row = row;
    r.x.assign(x.value.data() + off, x.value.data() + off + n);
    r.y.assign(step.value.data() + off, step.value.data() + off + n);
    r.gamma = gamma->values();
    r.beta = beta->values();
    for (float v : r.x)
        r.mean += v;
    r.mean /= double(n);
    for (float v : r.x)
        r.variance += (v - r.mean) * (v - r.mean);
    r.variance /= double(n);
    r.epsilon = step.epsilon;
    r.stddev = std::sqrt(r.variance + r.epsilon);
    return r;
}

Result<SoftmaxBackwardRow> softmaxBackwardRow(const Trace& trace, const Step& step, const std::vector<Index>& row) {
    if (step.op != OpKind::Softmax || !step.key.starts_with("grad/") || step.inputs.size() < 2)
        return cannot(step, "not a softmax backward (grad/scores)");
    const Step* dpStep = operand(trace, step, 0);
    const Step* pStep = operand(trace, step, 1);
    if (!dpStep || !pStep)
        return cannot(step, missingOperand(dpStep ? 1 : 0));
    const Step& dp = *dpStep;
    const Step& p = *pStep;
    if (dp.value.shape() != step.value.shape() || p.value.shape() != step.value.shape())
        return cannot(step, "its operands do not have its shape");
    if (auto why = badIndex(step.value, row, step.value.rank() - 1))
        return cannot(step, *why);
    const Index n = step.value.dim(-1);
    std::vector<Index> first = row;
    first.push_back(0);
    const Index off = step.value.offset(first);
    SoftmaxBackwardRow r;
    r.row = row;
    r.probs.assign(p.value.data() + off, p.value.data() + off + n);
    r.upstream.assign(dp.value.data() + off, dp.value.data() + off + n);
    r.grads.assign(step.value.data() + off, step.value.data() + off + n);
    r.masked.assign(size_t(n), 0);
    const std::vector<std::uint8_t> masked = maskedCells(trace, step, off, off + n);
    if (!masked.empty())
        std::copy(masked.begin(), masked.end(), r.masked.begin());
    r.fullyMasked = !masked.empty() && std::all_of(masked.begin(), masked.end(), [](std::uint8_t m) { return m != 0; });
    for (Index s = 0; s < n; ++s)
        r.delta += double(r.probs[size_t(s)]) * double(r.upstream[size_t(s)]);
    for (Index s = 0; s < n; ++s)
        r.terms.push_back(r.fullyMasked ? 0.0 : double(r.probs[size_t(s)]) * (double(r.upstream[size_t(s)]) - r.delta));
    return r;
}

Result<GradientCell> gradientCell(const Trace& trace, const Step& step, const std::vector<Index>& cell) {
    if (step.op != OpKind::Einsum || !step.key.starts_with("grad/"))
        return cannot(step, "not a gradient contraction (an einsum step keyed grad/...)");
    if (auto why = badIndex(step.value, cell, step.value.rank()))
        return cannot(step, *why);
    const std::string& eq = step.einsum;
    const size_t arrow = eq.find("->");
    if (arrow == std::string::npos)
        return cannot(step, "it has no einsum to read its terms through");
    const std::string lhs = eq.substr(0, arrow), out = eq.substr(arrow + 2);
    const size_t comma = lhs.find(',');
    const bool two = comma != std::string::npos;
    const std::string t0 = two ? lhs.substr(0, comma) : lhs, t1 = two ? lhs.substr(comma + 1) : "";
    const Step* aStep = operand(trace, step, 0);
    const Step* b = two ? operand(trace, step, 1) : nullptr;
    if (!aStep || (two && !b))
        return cannot(step, missingOperand(aStep ? 1 : 0));
    const Step& a = *aStep;
    std::vector<std::string> terms{t0};
    std::vector<Operand> ops{{&a.value, &a.display.roles}};
    if (b) {
        terms.push_back(t1);
        ops.push_back({&b->value, &b->display.roles});
    }
    terms.push_back(out);
    ops.push_back({&step.value, &step.display.roles});
    std::map<char, Index> size;
    if (!fits(terms, ops, size))
        return cannot(step, "its operands do not fit its einsum '" + eq + "'");
    std::map<char, Index> at;
    for (size_t i = 0; i < out.size(); ++i)
        at[out[i]] = cell[i];
    GradientCell g;
    g.cell = cell;
    for (char l : t0 + t1)
        if (out.find(l) == std::string::npos && g.summed.find(l) == std::string::npos)
            g.summed += l;
    for (char l : g.summed)
        at[l] = 0;
    while (true) {
        std::vector<Index> pos;
        for (char l : g.summed)
            pos.push_back(at[l]);
        g.at.push_back(std::move(pos));
        const float x = a.value.data()[offsetOf(a.value, t0, at)];
        const float y = b ? b->value.data()[offsetOf(b->value, t1, at)] : 1.0f;
        g.input.push_back(b ? x : 1.0f);
        g.grad.push_back(b ? y : x);
        g.sum += double(x) * double(y);
        size_t i = g.summed.size();
        while (i > 0 && ++at[g.summed[i - 1]] == size.at(g.summed[i - 1]))
            at[g.summed[--i]] = 0;
        if (i == 0)
            break;
    }
    g.value = step.value.data()[step.value.offset(cell)];
    return g;
}

} // namespace attnviz::core
