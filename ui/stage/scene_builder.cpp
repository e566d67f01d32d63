// Stage scene for every op kind: the dispatch on Step::op and the helpers the builders share (see scene_builder.h).
#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_style.h"
#include "ui/text/core_text.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

using core::Index;
using core::OpKind;

const core::Step* operand(const core::Trace& trace, const core::Step& s, size_t i) {
    return i < s.inputs.size() ? trace.find(s.inputs[i]) : nullptr;
}

void setRowOrder(StageScene& sc, int first) {
    const int rows = sc.result >= 0 ? sc.grids[size_t(sc.result)].rows : 0;
    sc.rowOrder.clear();
    if (first >= 0 && first < rows)
        sc.rowOrder.push_back(first);
    for (int r = 0; r < rows; ++r)
        if (r != first)
            sc.rowOrder.push_back(r);
}

bool finishRowByRow(StageScene& sc, StageGrid result, double introEnd) {
    sc.grids.push_back(std::move(result));
    sc.result = int(sc.grids.size()) - 1;
    sc.fill = FillMode::Rows;
    sc.introEnd = introEnd;
    sc.slowEnd = introEnd;
    return true;
}

std::unique_ptr<StageScene> buildScene(const core::Trace& trace, int index, int batch, int head, const Tokens& tok,
                                       int focusRow) {
    auto sc = std::make_unique<StageScene>();
    sc->preferredRow = focusRow;
    if (index < 0 || index >= int(trace.steps.size()))
        return sc;
    const core::Step& s = trace.steps[size_t(index)];
    sc->op = s.op;
    sc->opName = QString::fromLatin1(core::opKindName(s.op));
    sc->title = coreText(s.title.empty() ? s.key : s.title);
    sc->formula = coreFormula(s.formula);

    bool ok = false;
    try {
        switch (s.op) {
        case OpKind::Einsum: ok = buildProduct(*sc, trace, s, batch, head, tok); break;
        case OpKind::Dense: ok = buildDense(*sc, trace, s, batch, head, tok); break;
        case OpKind::TanhSum: ok = buildTanhSum(*sc, trace, s, batch, head, tok); break;
        case OpKind::Mask: ok = buildMask(*sc, trace, s, batch, head, tok); break;
        case OpKind::Softmax: ok = buildSoftmax(*sc, trace, s, batch, head, tok); break;
        case OpKind::Scale:
        case OpKind::Dropout:
        case OpKind::LayerNorm: ok = buildElementwise(*sc, trace, s, batch, head, tok); break;
        case OpKind::Add:
        case OpKind::Multiply: ok = buildAdd(*sc, trace, s, batch, head, tok); break;
        case OpKind::Repeat: ok = buildRepeat(*sc, trace, s, batch, head, tok); break;
        case OpKind::Concat: ok = buildConcat(*sc, trace, s, batch, head, tok); break;
        case OpKind::Input: // a combined mask shows its parts side by side
            ok = !s.inputs.empty() && buildAdd(*sc, trace, s, batch, head, tok);
            break;
        }
    } catch (const std::exception& e) {
        sc->message = tr_("Cannot animate this step: %1").arg(QString::fromUtf8(e.what()));
        ok = false;
    }
    if (!ok) {
        // The step alone: inputs, or operands we could not line up.
        const QString keep = sc->message;
        const QString title = sc->title, formula = sc->formula, opName = sc->opName;
        *sc = StageScene();
        sc->op = s.op;
        sc->title = title;
        sc->formula = formula;
        sc->opName = opName;
        sc->message = keep;
        sc->grids.push_back(gridFromStep(trace, s, batch, head, tok));
        sc->result = 0;
        sc->fill = FillMode::Rows;
        sc->introEnd = 0.0;
        sc->slowEnd = 0.0;
        sc->fillEnd = 0.6;
        if (s.op != OpKind::Input && s.op != OpKind::Repeat && sc->message.isEmpty())
            sc->message = tr_("Operands not available; showing the result only.");
    }
    if (sc->rowOrder.empty())
        setRowOrder(*sc, sc->preferredRow);
    // Slice note: which batch/head this is, when it matters.
    const SlicePlan p = planSlice(s, batch, head);
    QStringList note;
    for (size_t a = 0; a < s.value.shape().size(); ++a) {
        if (int(a) == p.rowAxis || int(a) == p.colAxis)
            continue;
        if (isBatchAxis(s, a))
            note << tr_("batch %1").arg(p.fixed[a]);
        else if (isHeadAxis(s, a) && sc->layout != Layout::Concat)
            note << tr_("head %1").arg(p.fixed[a]);
    }
    sc->sliceNote = note.join(QStringLiteral(" · "));
    return sc;
}

} // namespace attnviz::ui::stage
