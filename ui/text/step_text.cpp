// Translated titles for the stable step keys of trace-format.md.
#include "ui/text/step_text.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>
#include <cstring>

namespace attnviz::ui {

namespace {
struct KeyTitle {
    const char* key;
    const char* title;
};
const KeyTitle kTitles[] = {
    {"query", QT_TRANSLATE_NOOP("StepText", "Query input")},
    {"key", QT_TRANSLATE_NOOP("StepText", "Key input")},
    {"value", QT_TRANSLATE_NOOP("StepText", "Value input")},
    {"query_dense", QT_TRANSLATE_NOOP("StepText", "Project queries")},
    {"key_dense", QT_TRANSLATE_NOOP("StepText", "Project keys")},
    {"value_dense", QT_TRANSLATE_NOOP("StepText", "Project values")},
    {"scaled_query", QT_TRANSLATE_NOOP("StepText", "Scale queries")},
    {"scores", QT_TRANSLATE_NOOP("StepText", "Scores")},
    {"masked_scores", QT_TRANSLATE_NOOP("StepText", "Mask scores")},
    {"weights", QT_TRANSLATE_NOOP("StepText", "Softmax weights")},
    {"dropout", QT_TRANSLATE_NOOP("StepText", "Dropout")},
    {"context", QT_TRANSLATE_NOOP("StepText", "Weighted sum of values")},
    {"concat_heads", QT_TRANSLATE_NOOP("StepText", "Concatenate heads")},
    {"output", QT_TRANSLATE_NOOP("StepText", "Output")},
    {"residual", QT_TRANSLATE_NOOP("StepText", "Residual (Add)")},
    {"layer_norm", QT_TRANSLATE_NOOP("StepText", "Layer normalization")},
};
} // namespace

QString stepTitle(const core::Step& step) {
    for (const auto& kt : kTitles)
        if (step.key == kt.key)
            return QCoreApplication::translate("StepText", kt.title);
    return QString::fromStdString(step.title.empty() ? step.key : step.title);
}

QString opKindText(core::OpKind op) {
    using core::OpKind;
    switch (op) {
    case OpKind::Input: return QCoreApplication::translate("StepText", "input");
    case OpKind::Dense: return QCoreApplication::translate("StepText", "dense projection");
    case OpKind::Scale: return QCoreApplication::translate("StepText", "scale");
    case OpKind::Einsum: return QCoreApplication::translate("StepText", "matrix product");
    case OpKind::Mask: return QCoreApplication::translate("StepText", "mask");
    case OpKind::Softmax: return QCoreApplication::translate("StepText", "softmax");
    case OpKind::Dropout: return QCoreApplication::translate("StepText", "dropout");
    case OpKind::Concat: return QCoreApplication::translate("StepText", "concatenate");
    case OpKind::TanhSum: return QCoreApplication::translate("StepText", "tanh sum");
    case OpKind::Add: return QCoreApplication::translate("StepText", "add");
    case OpKind::LayerNorm: return QCoreApplication::translate("StepText", "layer norm");
    case OpKind::Repeat: return QCoreApplication::translate("StepText", "repeat heads");
    case OpKind::Multiply: return QCoreApplication::translate("StepText", "multiply");
    }
    return {};
}

QString shapeText(const core::Shape& shape) {
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return QStringLiteral("(") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
}

QString axesText(const std::vector<std::string>& axes) {
    QStringList parts;
    for (const auto& a : axes)
        parts << QString::fromStdString(a);
    return QStringLiteral("(") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
}

QString countText(double n) {
    if (n >= 1e9)
        return QCoreApplication::translate("StepText", "%1 G").arg(n / 1e9, 0, 'f', 2);
    if (n >= 1e6)
        return QCoreApplication::translate("StepText", "%1 M").arg(n / 1e6, 0, 'f', 2);
    if (n >= 1e4)
        return QCoreApplication::translate("StepText", "%1 k").arg(n / 1e3, 0, 'f', 1);
    return QString::number(std::llround(n));
}

} // namespace attnviz::ui
