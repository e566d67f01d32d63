#include "ui/app_window/status_label.h"

#include <QPainter>
#include <QResizeEvent>
#include <QStyle>
#include <QTimer>

namespace attnviz::ui {

StatusLabel::StatusLabel(QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens the window
}

bool StatusLabel::isElided() const {
    const QString t = text();
    return t.contains(QLatin1Char('\n')) || fontMetrics().horizontalAdvance(t) > contentsRect().width();
}

QString StatusLabel::shownText() const {
    const QString first = text().section(QLatin1Char('\n'), 0, 0);
    const QString line = text().contains(QLatin1Char('\n')) ? first + QStringLiteral(" …") : first;
    return fontMetrics().elidedText(line, Qt::ElideRight, contentsRect().width());
}

QSize StatusLabel::minimumSizeHint() const {
    return QSize(fontMetrics().horizontalAdvance(QStringLiteral("Mmmm…")), QLabel::minimumSizeHint().height());
}

QSize StatusLabel::sizeHint() const {
    return QSize(fontMetrics().horizontalAdvance(text().section(QLatin1Char('\n'), 0, 0)),
                 fontMetrics().height() + 2 * margin());
}

void StatusLabel::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QString shown = isElided() ? shownText() : text();
    style()->drawItemText(&p, contentsRect(), int(alignment() | Qt::AlignVCenter) & ~Qt::AlignTop, palette(),
                          isEnabled(), shown, foregroundRole());
    checkElided();
}

void StatusLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    checkElided();
}

void StatusLabel::checkElided() {
    const bool elided = !text().isEmpty() && isElided();
    setToolTip(elided ? text() : QString());
    if (elided == m_elided)
        return;
    m_elided = elided;
    // Not from inside paintEvent: the receiver may show or hide widgets.
    QTimer::singleShot(0, this, [this] { emit elidedChanged(m_elided); });
}

} // namespace attnviz::ui
