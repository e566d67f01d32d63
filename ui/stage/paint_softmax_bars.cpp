// The softmax row's bar chart: logits, then exp(s − max), then ÷ Σ.
#include "ui/stage/paint_common.h"
#include "ui/stage/stage_style.h"

#include <QLocale>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui::stage {

namespace {

// A bar's value: as the stage writes numbers, except that a weight below 0.01
// keeps two significant digits (over 1000 keys every weight is about 0.001,
// and "0.00" under each of the top bars would say nothing).
QString barValue(double v) {
    const double a = std::fabs(v);
    if (!(a > 0.0 && a < 0.01))
        return fmt(v);
    return QLocale().toString(v, 'g', 2).replace(QLatin1Char('-'), QChar(0x2212));
}

} // namespace

void drawBars(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const Fonts& f) {
    const int n = int(sc.rowIn.size());
    if (n == 0)
        return;
    const double tExp = smooth(phase(prog, 0.3, 0.45));
    const double tNorm = smooth(phase(prog, 0.5, 0.65));
    const double appear = smooth(phase(prog, 0.0, 0.12));
    const QFontMetricsF lm(f.label), im(f.info);
    QString caption;
    if (prog < 0.3)
        caption = tr_("row %1 of the logits (%2)").arg(sc.focusRow).arg(tr_("max %1").arg(fmt(double(sc.rowMax))));
    else if (prog < 0.5)
        caption = tr_("exp(s − max): subtract the row max %1 so exp cannot overflow; the largest becomes 1")
                      .arg(fmt(double(sc.rowMax)));
    else
        caption = tr_("÷ Σ = %1: the row now sums to 1 — these are the weights of row %2")
                      .arg(fmt(double(sc.expSum)))
                      .arg(sc.focusRow);
    if (sc.barsRest > 0)
        caption =
            tr_("The %1 largest weights, and the other %2 keys as one bar. ").arg(n - 1).arg(sc.barsRest) + caption;
    p.setFont(f.info);
    p.setPen(kText);
    p.drawText(QRectF(area.left(), area.top(), area.width(), im.height()), Qt::AlignHCenter | Qt::AlignTop,
               im.elidedText(caption, Qt::ElideRight, area.width()));
    const bool labels = n <= 24;
    const double labelH = lm.height();
    const QRectF chart(area.left() + 60 * f.z, area.top() + im.height() + 6 * f.z + (labels ? labelH : 0),
                       area.width() - 120 * f.z, area.height() - im.height() - 2 * labelH - 14 * f.z);
    if (chart.height() < 10 || chart.width() < 10)
        return;
    const double slot = chart.width() / n;
    const double barW = std::max(1.0, slot * 0.7);
    // Raw logits: a zero line in the middle; exp and weights: a zero line at the bottom.
    const double zeroRaw = chart.center().y();
    const double zeroPos = chart.bottom();
    const double zero = zeroRaw + (zeroPos - zeroRaw) * tExp;
    p.setPen(QPen(kSubtle, 1));
    p.drawLine(QPointF(chart.left(), zero), QPointF(chart.right(), zero));
    p.setFont(f.label);
    p.drawText(QRectF(chart.left() - 58 * f.z, zero - labelH / 2, 54 * f.z, labelH), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("0"));
    if (tExp > 0.5)
        p.drawText(QRectF(chart.left() - 58 * f.z, chart.top() - labelH / 2, 54 * f.z, labelH),
                   Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("1"));
    for (int c = 0; c < n; ++c) {
        const double x = chart.left() + c * slot + (slot - barW) / 2;
        const bool masked = sc.rowMasked[size_t(c)];
        const double raw = masked ? 0.0 : double(sc.rowIn[size_t(c)]) / double(sc.rowMaxAbs) * (chart.height() / 2);
        const double ex = double(sc.rowExp[size_t(c)]) * chart.height();
        const double nm = double(sc.rowOut[size_t(c)]) * chart.height();
        double h = raw + (ex - raw) * tExp;
        h = h + (nm - h) * tNorm;
        h *= appear;
        const bool rest = sc.barsRest > 0 && c == n - 1;
        if (rest) // Σ exp of many keys can pass 1: the bar stops at the top, its label says how much
            h = std::clamp(h, -chart.height() / 2, chart.height());
        const QRectF bar(x, h >= 0 ? zero - h : zero, barW, std::fabs(h));
        const QColor colour =
            tNorm > 0.5 ? QColor(colourScaleFor(core::ValueKind::Probability, {}).rgb(double(sc.rowOut[size_t(c)])))
                        : (h >= 0 ? QColor(0xb2, 0x18, 0x2b) : QColor(0x21, 0x66, 0xac));
        if (masked) {
            p.fillRect(QRectF(x, zero - 4 * f.z, barW, 8 * f.z), QBrush(maskedColour(), Qt::BDiagPattern));
        } else {
            p.fillRect(bar, colour);
            p.setPen(QPen(Qt::black, 0.8));
            p.drawRect(bar);
        }
        if (labels) {
            p.setPen(kSubtle);
            p.drawText(QRectF(x - slot * 0.15, chart.bottom() + 3 * f.z, barW + slot * 0.3, labelH),
                       Qt::AlignHCenter | Qt::AlignTop, lm.elidedText(sc.barLabels.value(c), Qt::ElideRight, slot));
            double v = masked ? -std::numeric_limits<double>::infinity() : double(sc.rowIn[size_t(c)]);
            if (prog >= 0.5)
                v = double(sc.rowOut[size_t(c)]);
            else if (prog >= 0.3)
                v = double(sc.rowExp[size_t(c)]);
            p.setPen(kText);
            const double ty = h >= 0 ? zero - h - labelH - 1 : zero - h + 1;
            QString text = masked && prog < 0.5 ? QStringLiteral("−∞") : barValue(v);
            if (rest && !masked) // the rest bar: its largest logit, then sums
                text = (prog < 0.3 ? QStringLiteral("≤ ") : QStringLiteral("Σ ")) + text;
            if (appear > 0.9)
                p.drawText(QRectF(x - slot * 0.15, ty, barW + slot * 0.3, labelH), Qt::AlignHCenter | Qt::AlignBottom,
                           lm.elidedText(text, Qt::ElideRight, rest ? slot * 1.4 : slot));
        }
    }
}

} // namespace attnviz::ui::stage
