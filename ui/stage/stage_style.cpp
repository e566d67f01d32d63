// The stage's colours and number formatting (see stage_style.h).
#include "ui/stage/stage_style.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace attnviz::ui::stage {

QString tr_(const char* text) {
    // lupdate reads tr_ as tr (-tr-function-alias, resources/translations): the
    // context is the namespace the calls are in.
    return QCoreApplication::translate("attnviz::ui::stage", text);
}

const QColor kHighlight(255, 196, 0);   // amber, drawn over a black outline
const QColor kEmptyFill(236, 236, 236); // result cells not computed yet
const QColor kText(20, 20, 20);
const QColor kSubtle(90, 90, 90);
const std::array<QColor, 8> kHeadColours = {
    QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
    QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00), QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00)};

QString fmt(double v) {
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    const double a = std::fabs(v);
    QString s;
    if (a >= 1e4)
        s = QString::number(v, 'e', 0)
                .replace(QStringLiteral("e+0"), QStringLiteral("e"))
                .replace(QStringLiteral("e+"), QStringLiteral("e"));
    else if (a >= 100)
        s = QString::number(v, 'f', 0);
    else if (a >= 10)
        s = QString::number(v, 'f', 1);
    else
        s = QString::number(v, 'f', 2);
    if (s == QStringLiteral("-0.00"))
        s = QStringLiteral("0.00");
    // The UI language's decimal separator (0,25 in German); C numbers elsewhere.
    if (const QChar point = QLocale().decimalPoint().front(); point != QLatin1Char('.'))
        s.replace(QLatin1Char('.'), point);
    return s.replace(QLatin1Char('-'), QChar(0x2212));
}

QString scaleText(double v) {
    if (!std::isfinite(v))
        return fmt(v);
    return QLocale().toString(v, 'g', 4).replace(QLatin1Char('-'), QChar(0x2212));
}

QString factor(double v) {
    const QString s = fmt(v);
    return v < 0 ? QStringLiteral("(") + s + QStringLiteral(")") : s;
}

} // namespace attnviz::ui::stage
