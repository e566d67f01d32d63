// What the stage's painters share: easing, animation phases and fonts.
#pragma once

#include "ui/stage/stage_scene.h"

#include <QFont>

#include <algorithm>

class QPainter;
class QRectF;

namespace attnviz::ui::stage {

inline double smooth(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

/// Where p is between a and b, 0..1 (a step at b when a == b).
inline double phase(double p, double a, double b) {
    return b > a ? std::clamp((p - a) / (b - a), 0.0, 1.0) : (p >= b ? 1.0 : 0.0);
}

struct Fonts {
    QFont title, formula, name, label, caption, symbol, info, cell;
    double z = 1;
};

/// The softmax narration: one row as bars, logits → exp → weights (paint_softmax_bars.cpp).
void drawBars(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const Fonts& f);
/// The tanh-sum narration: q, k, q + k, tanh, w·tanh as rows (paint_tanh_vectors.cpp).
void drawVectors(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const Fonts& f);

} // namespace attnviz::ui::stage
