// ColourScale -> QCPColorGradient (see qcp_gradient.h).
#include "ui/colour/qcp_gradient.h"

#include <qcustomplot.h>

namespace attnviz::ui {

QCPColorGradient qcpGradient(const ColourScale& scale, const QColor& nanColour) {
    QCPColorGradient g;
    QMap<double, QColor> stops;
    for (const auto& [pos, colour] : scale.stops())
        stops.insert(pos, colour);
    g.setColorStops(stops);
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(256);
    g.setNanHandling(QCPColorGradient::nhNanColor);
    g.setNanColor(nanColour);
    return g;
}

} // namespace attnviz::ui
