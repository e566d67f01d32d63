// How the UI writes a step: its translated label (the core chooses it), op kind, shape, axes, counts.
#include "ui/text/step_text.h"

#include "ui/text/core_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace attnviz::ui {

QString stepTitle(const core::Step& step) {
    // The core labels every step (core/step_display) in English; core_text
    // translates the label (context "CoreText").
    const std::string& label =
        step.display.label.empty() ? (step.title.empty() ? step.key : step.title) : step.display.label;
    return coreText(label);
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

QString axisLabel(const std::string& name) {
    static const char* const words[] = {
        QT_TRANSLATE_NOOP("AxisName", "batch"),   QT_TRANSLATE_NOOP("AxisName", "head"),
        QT_TRANSLATE_NOOP("AxisName", "query"),   QT_TRANSLATE_NOOP("AxisName", "source"),
        QT_TRANSLATE_NOOP("AxisName", "feature"),
    };
    QStringList parts = QString::fromStdString(name).split(QChar(0x00B7)); // "head·value_dim"
    for (QString& p : parts)
        for (const char* w : words)
            if (p == QLatin1String(w))
                p = QCoreApplication::translate("AxisName", w);
    return parts.join(QChar(0x00B7));
}

QString axesText(const std::vector<std::string>& axes) {
    QStringList parts;
    for (const auto& a : axes)
        parts << axisLabel(a);
    return QStringLiteral("(") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
}

QString countText(double n) {
    // The UI language's decimal separator: 1,23 M in German.
    const QLocale l;
    if (n >= 1e9)
        return QCoreApplication::translate("StepText", "%1 G").arg(l.toString(n / 1e9, 'f', 2));
    if (n >= 1e6)
        return QCoreApplication::translate("StepText", "%1 M").arg(l.toString(n / 1e6, 'f', 2));
    if (n >= 1e4)
        return QCoreApplication::translate("StepText", "%1 k").arg(l.toString(n / 1e3, 'f', 1));
    return QString::number(std::llround(n));
}

} // namespace attnviz::ui
