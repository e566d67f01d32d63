// Stage scene for GroupQueryAttention's repeat: the Nkv key (or value) heads
// fan out to the Nq query heads, each copy framed in the colour of its group
// (see scene_builder.h).
#include "core/trace/step_display.h"
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"

#include <algorithm>

namespace attnviz::ui::stage {

namespace {

/// "V" when the repeated heads are what the attention weights multiply (the
/// product that reads them has a probability operand: the weights, or their
/// dropout), else "K": found from the trace's products, not from a key name.
QString headLetter(const core::Trace& trace, const core::Step& repeated) {
    for (const core::Step& st : trace.steps) {
        if (st.op != core::OpKind::Einsum ||
            std::find(st.inputs.begin(), st.inputs.end(), repeated.key) == st.inputs.end())
            continue;
        for (const std::string& in : st.inputs)
            if (const core::Step* o = trace.find(in);
                o && o != &repeated &&
                (o->display.kind == core::ValueKind::Probability || o->display.kind == core::ValueKind::NonNegative))
                return QStringLiteral("V");
    }
    return QStringLiteral("K");
}

} // namespace

bool buildRepeat(StageScene& sc, const core::Trace& trace, const core::Step& s, int batch, int head,
                 const Tokens& tok) {
    const core::Step* x = operand(trace, s, 0);
    if (!x || x->value.rank() != s.value.rank())
        return false;
    const int headAxis = core::axisWithRole(s, core::AxisRole::Head);
    if (headAxis < 0 || core::axisWithRole(*x, core::AxisRole::Head) != headAxis)
        return false;
    const int kv = int(x->value.dim(headAxis)), n = int(s.value.dim(headAxis));
    if (kv <= 0 || n % kv != 0)
        return false;
    const int group = n / kv;
    const QString what = QString::fromStdString(x->key); // shown in the text, never compared
    const QString letter = headLetter(trace, s);
    for (int k = 0; k < kv; ++k) {
        StageGrid g = gridFromStep(trace, *x, batch, k, tok);
        g.name = tr_("%1 %2").arg(letter).arg(k);
        g.frame = kHeadColours[size_t(k) % kHeadColours.size()];
        sc.grids.push_back(std::move(g));
    }
    for (int q = 0; q < n; ++q) {
        StageGrid g = gridFromStep(trace, s, batch, q, tok);
        g.name = tr_("head %1").arg(q);
        g.caption.clear(); // the copies' shape is the step's, said once below
        g.fullShape.clear();
        g.frame = kHeadColours[size_t(q / group) % kHeadColours.size()];
        g.scale = sc.grids[size_t(q / group)].scale; // its source's colours: a copy looks identical
        finishGrid(g);
        sc.grids.push_back(std::move(g));
    }
    const int selected = std::clamp(head, 0, n - 1);
    sc.kvHeads = kv;
    sc.heads = n;
    sc.result = kv + selected;
    sc.layout = Layout::FanOut;
    sc.fill = FillMode::None;
    QStringList groups;
    for (int k = 0; k < kv && k < 4; ++k)
        groups << (group == 1 ? tr_("query head %1 ← head %2").arg(k).arg(k)
                              : tr_("query heads %1–%2 ← head %3").arg(k * group).arg(k * group + group - 1).arg(k));
    if (kv > 4)
        groups << QStringLiteral("…");
    sc.infoLines << tr_("ops.repeat copies each of the %1 %2 heads %3 times along the head axis: %4.")
                        .arg(kv)
                        .arg(what)
                        .arg(group)
                        .arg(groups.join(QStringLiteral(", ")));
    sc.infoLines << tr_("The selected query head %1 reads %2 head %3, shared with %4 other query head(s).")
                        .arg(selected)
                        .arg(what)
                        .arg(selected / group)
                        .arg(group - 1);
    return true;
}

} // namespace attnviz::ui::stage
