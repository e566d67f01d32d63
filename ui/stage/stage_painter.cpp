// Painting a StageScene (see stage_painter.h).
#include "ui/stage/stage_painter.h"

#include "ui/stage/paint_common.h"
#include "ui/stage/stage_style.h"

#include "core/base/downsample.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace attnviz::ui::stage {

namespace {

/// How far the fill animation is: `filled` cells in fill order, `current` the
/// cell being computed (-1 when none), `cellFraction` progress within it.
struct FillState {
    long filled = 0;
    long current = -1;
    double cellFraction = 0;
};

FillState fillState(const StageScene& sc, double p) {
    FillState f;
    const long n = sc.cellCount();
    if (sc.result < 0 || n == 0 || sc.fill == FillMode::None) {
        f.filled = n;
        return f;
    }
    const StageGrid& y = sc.grids[size_t(sc.result)];
    if (p >= sc.fillEnd) {
        f.filled = n;
        return f;
    }
    if (sc.fill == FillMode::Cells) {
        const long slow = std::min<long>(sc.slowCells, n);
        if (p < sc.introEnd) {
            f.current = 0;
            return f;
        }
        if (p < sc.slowEnd && slow > 0) {
            const double t = (p - sc.introEnd) / (sc.slowEnd - sc.introEnd) * double(slow);
            f.filled = std::min<long>(long(t), slow);
            f.current = f.filled;
            f.cellFraction = t - double(f.filled);
            return f;
        }
        const double t = phase(p, sc.slowEnd, sc.fillEnd);
        f.filled = slow + long(t * double(n - slow));
        f.current = f.filled < n ? f.filled : -1;
        f.cellFraction = 1;
        return f;
    }
    // Rows: the first row in order is filled by slowEnd (softmax narrates it),
    // the rest between slowEnd and fillEnd.
    if (p < sc.introEnd)
        return f;
    if (p < sc.slowEnd) {
        f.filled = 0;
        f.current = 0;
        f.cellFraction = phase(p, sc.introEnd, sc.slowEnd);
        return f;
    }
    const long rows = y.rows;
    const long first = sc.slowEnd > sc.introEnd ? 1 : 0;
    const double t = phase(p, sc.slowEnd, sc.fillEnd);
    const long rowsDone = first + long(t * double(rows - first));
    f.filled = std::min(rowsDone, rows) * y.cols;
    return f;
}

Fonts makeFonts(const QFont& base, double z) {
    Fonts f;
    f.z = z;
    auto sized = [&](double px, bool bold) {
        QFont font = base;
        font.setPixelSize(std::max(6, int(std::lround(px * z))));
        font.setBold(bold);
        return font;
    };
    f.title = sized(22, true);
    f.formula = sized(17, false);
    f.name = sized(15, true);
    f.label = sized(12, false);
    f.caption = sized(12, false);
    f.symbol = sized(26, true);
    f.info = sized(15, false);
    f.cell = sized(12, false);
    return f;
}

/// Where a grid sits: the cell area, its labels around it.
struct GridBox {
    QRectF cells;
    double cell = 1;
    double textWidth = 0;         // the width its name and captions may take (0: the cells' width plus a margin)
    int rowStep = 1, colStep = 1; // label every n-th row / column
};

/// The widest row and column labels of a grid in this font (measured once a scene and font).
void measureLabels(const StageGrid& g, const QFont& font) {
    if (g.widestRowLabel >= 0 && g.labelFont == font)
        return;
    const QFontMetricsF lm(font);
    g.widestRowLabel = g.widestColLabel = 0;
    for (const QString& l : g.rowLabels)
        g.widestRowLabel = std::max(g.widestRowLabel, lm.horizontalAdvance(l));
    for (const QString& l : g.colLabels)
        g.widestColLabel = std::max(g.widestColLabel, lm.horizontalAdvance(l));
    g.labelFont = font;
}

/// Label every 1st, 2nd, 5th, 10th, … row and column, so labels never overlap.
void setLabelSteps(GridBox& b, const StageGrid& g, const Fonts& f) {
    const QFontMetricsF lm(f.label);
    measureLabels(g, f.label);
    const double widest = g.widestColLabel;
    b.rowStep = int(core::labelStep(g.rows, g.rows * b.cell, lm.height()));
    b.colStep = int(core::labelStep(g.cols, g.cols * b.cell, std::max(lm.height() * 1.6, widest + 6 * f.z)));
}

struct GridMetrics {
    double rowLabelW = 0, top = 0, bottom = 0, textW = 0;
};

GridMetrics metricsFor(const StageGrid& g, const Fonts& f) {
    GridMetrics m;
    const QFontMetricsF lm(f.label), nm(f.name), cm(f.caption);
    measureLabels(g, f.label);
    if (!g.rowLabels.isEmpty()) // the widest label, at most 90 × zoom
        m.rowLabelW = std::min(g.widestRowLabel, 90 * f.z);
    m.rowLabelW += 6 * f.z;
    m.top = nm.height() + lm.height() + 4 * f.z;
    m.bottom = cm.height() * 2 + 4 * f.z;
    m.textW =
        std::max({nm.horizontalAdvance(g.name), cm.horizontalAdvance(g.caption), cm.horizontalAdvance(g.fullShape)});
    return m;
}

void drawHighlightRect(QPainter& p, const QRectF& r, double z, double cell) {
    // Thinner outlines on small cells, so the highlighted row stays visible.
    const double w = std::min(5 * z, std::max(2.0, cell / 2.5));
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::black, w));
    p.drawRect(r);
    p.setPen(QPen(kHighlight, w / 2));
    p.drawRect(r);
}

/// Paint one grid: labels, cells (the first `filled` in `rowOrder`), overlays.
void drawGrid(QPainter& p, const StageGrid& g, const GridBox& box, const Fonts& f, long filled,
              const std::vector<int>* rowOrder) {
    const double c = box.cell;
    const QRectF& cr = box.cells;
    const QFontMetricsF lm(f.label);
    // Name above, column labels, row labels, caption below.
    p.setPen(kText);
    p.setFont(f.name);
    const double nameH = QFontMetricsF(f.name).height();
    const double labelH = lm.height();
    const double textW = std::max(cr.width(), 40.0 * f.z);
    p.drawText(QRectF(cr.left() - 20 * f.z, cr.top() - labelH - nameH - 4 * f.z, textW + 40 * f.z, nameH),
               Qt::AlignHCenter | Qt::AlignBottom,
               QFontMetricsF(f.name).elidedText(g.name, Qt::ElideMiddle, textW + 40 * f.z));
    p.setFont(f.label);
    p.setPen(kSubtle);
    for (int col = 0; col < g.cols; col += box.colStep) {
        const QRectF lr(cr.left() + col * c, cr.top() - labelH - 2 * f.z, c * box.colStep, labelH);
        p.drawText(lr, Qt::AlignHCenter | Qt::AlignBottom,
                   lm.elidedText(g.colLabels.value(col), Qt::ElideRight, c * box.colStep));
    }
    for (int row = 0; row < g.rows; row += box.rowStep) {
        const QRectF lr(cr.left() - 94 * f.z, cr.top() + row * c + (c - labelH) / 2, 90 * f.z, labelH);
        p.drawText(lr, Qt::AlignRight | Qt::AlignVCenter,
                   lm.elidedText(g.rowLabels.value(row), Qt::ElideRight, 90 * f.z));
    }
    p.setFont(f.caption);
    const double capH = QFontMetricsF(f.caption).height();
    const double capW = box.textWidth > 0 ? box.textWidth : std::max(cr.width(), 60.0 * f.z) + 60 * f.z;
    const QRectF cap(cr.center().x() - capW / 2, cr.bottom() + 3 * f.z, capW, capH);
    p.drawText(cap, Qt::AlignHCenter | Qt::AlignTop,
               QFontMetricsF(f.caption).elidedText(g.caption, Qt::ElideRight, capW));
    p.drawText(cap.translated(0, capH), Qt::AlignHCenter | Qt::AlignTop,
               QFontMetricsF(f.caption).elidedText(g.fullShape, Qt::ElideRight, capW));

    // Cells: empty background, then the filled part of the precomputed image.
    const long n = long(g.rows) * g.cols;
    filled = std::clamp<long>(filled, 0, n);
    p.fillRect(cr, kEmptyFill);
    const bool identity = !rowOrder || rowOrder->empty();
    auto rowAt = [&](long k) { return identity ? int(k) : (*rowOrder)[size_t(k)]; };
    // The image has one pixel per cell, or per block of cells when pooled.
    const double sx = double(g.image.width()) / std::max(g.cols, 1);
    const double sy = double(g.image.height()) / std::max(g.rows, 1);
    auto blitRow = [&](int row, int cols) {
        if (cols <= 0)
            return;
        p.drawImage(QRectF(cr.left(), cr.top() + row * c, cols * c, c), g.image, QRectF(0, row * sy, cols * sx, sy));
    };
    const long fullRows = filled / std::max(g.cols, 1);
    if (filled >= n || (identity && fullRows > 0))
        p.drawImage(QRectF(cr.left(), cr.top(), cr.width(), fullRows * c), g.image,
                    QRectF(0, 0, g.image.width(), double(fullRows) * sy));
    else
        for (long k = 0; k < fullRows; ++k)
            blitRow(rowAt(k), g.cols);
    if (fullRows < g.rows)
        blitRow(rowAt(fullRows), int(filled % std::max(g.cols, 1)));
    auto isFilled = [&](int r, int col) {
        if (filled >= n)
            return true;
        for (long k = 0; k < fullRows; ++k)
            if (rowAt(k) == r)
                return true;
        return fullRows < g.rows && rowAt(fullRows) == r && col < filled % g.cols;
    };

    const bool lines = c >= 6;
    const bool perCell = g.rows * g.cols <= 4096 && c >= 4;
    if (perCell && (!g.hatched.empty() || !g.crossed.empty() || !g.texts.isEmpty())) {
        QFont cellFont = f.cell;
        cellFont.setPixelSize(std::max(1, int(std::min(c / 3.2, 18.0 * f.z))));
        const bool text = !g.texts.isEmpty() && cellFont.pixelSize() >= 8;
        p.setFont(cellFont);
        for (int r = 0; r < g.rows; ++r)
            for (int col = 0; col < g.cols; ++col) {
                if (!isFilled(r, col))
                    continue;
                const QRectF cell(cr.left() + col * c, cr.top() + r * c, c, c);
                const size_t i = size_t(r) * size_t(g.cols) + size_t(col);
                if (g.isHatched(r, col)) {
                    p.fillRect(cell, QBrush(QColor(220, 220, 220), Qt::BDiagPattern));
                }
                if (g.isCrossed(r, col)) {
                    p.setPen(QPen(Qt::white, std::max(1.0, c / 12)));
                    p.drawLine(cell.topLeft() + QPointF(c * 0.2, c * 0.2),
                               cell.bottomRight() - QPointF(c * 0.2, c * 0.2));
                    p.drawLine(cell.topRight() + QPointF(-c * 0.2, c * 0.2),
                               cell.bottomLeft() + QPointF(c * 0.2, -c * 0.2));
                    continue;
                }
                if (text && !g.isHatched(r, col)) {
                    p.setPen(g.textColours[i]);
                    p.drawText(cell, Qt::AlignCenter, g.texts[int(i)]);
                } else if (text) {
                    p.setPen(Qt::white);
                    p.drawText(cell, Qt::AlignCenter, g.texts[int(i)]);
                }
            }
    }
    if (lines) {
        p.setPen(QPen(QColor(255, 255, 255, 160), 1));
        for (int r = 1; r < g.rows; ++r)
            p.drawLine(QPointF(cr.left(), cr.top() + r * c), QPointF(cr.right(), cr.top() + r * c));
        for (int col = 1; col < g.cols; ++col)
            p.drawLine(QPointF(cr.left() + col * c, cr.top()), QPointF(cr.left() + col * c, cr.bottom()));
    }
    // Head bands (Dense kernels and projections).
    if (g.bandCols > 0 && g.bandCols < g.cols) {
        p.setPen(QPen(kText, 2 * f.z));
        for (int col = g.bandCols; col < g.cols; col += g.bandCols)
            p.drawLine(QPointF(cr.left() + col * c, cr.top() - 3 * f.z),
                       QPointF(cr.left() + col * c, cr.bottom() + 3 * f.z));
        if (g.bandHighlight >= 0) {
            p.setPen(QPen(kText, 1.5 * f.z, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(cr.left() + g.bandHighlight * g.bandCols * c, cr.top() - 3 * f.z, g.bandCols * c,
                              cr.height() + 6 * f.z));
        }
    }
    if (g.bandRows > 0 && g.bandRows < g.rows) {
        p.setPen(QPen(kText, 2 * f.z));
        for (int r = g.bandRows; r < g.rows; r += g.bandRows)
            p.drawLine(QPointF(cr.left() - 3 * f.z, cr.top() + r * c), QPointF(cr.right() + 3 * f.z, cr.top() + r * c));
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(g.frame.isValid() ? g.frame : QColor(60, 60, 60), g.frame.isValid() ? 4 * f.z : 1.2 * f.z));
    p.drawRect(cr);
}

QRectF drawTitle(QPainter& p, const StageScene& sc, const QRectF& r, const Fonts& f) {
    const QFontMetricsF tm(f.title), fm(f.formula), lm(f.label);
    double y = r.top();
    p.setPen(kText);
    p.setFont(f.title);
    p.drawText(QRectF(r.left(), y, r.width(), tm.height()), Qt::AlignLeft | Qt::AlignTop, sc.title);
    p.setFont(f.label);
    p.setPen(kSubtle);
    QString right = sc.opName;
    if (!sc.sliceNote.isEmpty())
        right = sc.sliceNote + QStringLiteral("   ") + right;
    p.drawText(QRectF(r.left(), y, r.width(), tm.height()), Qt::AlignRight | Qt::AlignVCenter, right);
    y += tm.height() + 2 * f.z;
    if (!sc.formula.isEmpty()) {
        p.setPen(kText);
        p.setFont(f.formula);
        p.drawText(QRectF(r.left(), y, r.width(), fm.height()), Qt::AlignLeft | Qt::AlignTop,
                   fm.elidedText(sc.formula, Qt::ElideRight, r.width()));
        y += fm.height();
    }
    y += 6 * f.z;
    return QRectF(r.left(), y, r.width(), r.bottom() - y);
}

/// One info line's height: word-wrapped to `width`, at least the 1.4-line slot.
double infoLineHeight(const QString& text, double width, const Fonts& f) {
    const QFontMetricsF im(f.info);
    const double slot = im.height() * 1.25 * 1.4;
    const QRectF wrapped = im.boundingRect(QRectF(0, 0, std::max(1.0, width), 1e6), Qt::TextWordWrap, text);
    return std::max(slot, wrapped.height() + im.height() * 0.5);
}

double infoLinesHeight(const StageScene& sc, double width, const Fonts& f) {
    double h = 0;
    for (const QString& l : sc.infoLines)
        h += infoLineHeight(l, width, f);
    return h;
}

double infoHeight(const StageScene& sc, const QRectF& r, const Fonts& f) {
    const double line = QFontMetricsF(f.info).height() * 1.25;
    double h = 0;
    if (sc.info == InfoKind::Bars)
        h = std::clamp(r.height() * 0.3, 90 * f.z, 260 * f.z);
    else if (sc.info == InfoKind::Vectors)
        h = (double(sc.vectors.size()) + 1.5) * std::max(line * 1.3, 28 * f.z);
    if (sc.fill == FillMode::Cells && sc.info == InfoKind::Text)
        h += line * 1.5;
    h += infoLinesHeight(sc, r.width(), f);
    if (!sc.message.isEmpty())
        h += line;
    return std::min(h, r.height() * 0.55);
}

void drawInfo(QPainter& p, const StageScene& sc, const QRectF& area, double prog, const FillState& fs, const Fonts& f) {
    const QFontMetricsF im(f.info);
    const double line = im.height() * 1.25;
    QRectF rest = area;
    if (!sc.message.isEmpty()) {
        p.setFont(f.info);
        p.setPen(QColor(150, 40, 0));
        p.drawText(QRectF(rest.left(), rest.top(), rest.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   im.elidedText(sc.message, Qt::ElideRight, rest.width()));
        rest.setTop(rest.top() + line);
    }
    if (sc.fill == FillMode::Cells && sc.info == InfoKind::Text && !sc.details.empty()) {
        const long k = fs.current >= 0 && fs.current < long(sc.details.size()) ? fs.current
                       : fs.filled > 0 && fs.filled <= long(sc.details.size()) ? fs.filled - 1
                                                                               : long(sc.details.size()) - 1;
        const CellDetail& d = sc.details[size_t(k)];
        QString text;
        if (fs.current >= 0 && fs.current < sc.slowCells) {
            // Reveal the terms one by one, the sum last.
            const int shown = std::clamp(int(fs.cellFraction * 1.25 * (d.terms.size() + 1)), 1, int(d.terms.size()));
            text = d.lhs + QLatin1Char(' ') + d.terms.mid(0, shown).join(QStringLiteral(" + "));
            if (fs.cellFraction > 0.8)
                text += QLatin1Char(' ') + d.rhs;
        } else if (fs.current >= 0) {
            text = tr_("… and the same for every other cell (%1 of %2)").arg(fs.filled).arg(sc.cellCount());
        } else {
            text = d.lhs + QLatin1Char(' ') + d.terms.join(QStringLiteral(" + ")) + QLatin1Char(' ') + d.rhs;
        }
        QFont big = f.info;
        big.setPixelSize(int(f.info.pixelSize() * 1.15));
        p.setFont(big);
        p.setPen(kText);
        const QFontMetricsF bm(big);
        p.drawText(QRectF(rest.left(), rest.top(), rest.width(), line * 1.4), Qt::AlignHCenter | Qt::AlignVCenter,
                   bm.elidedText(text, Qt::ElideRight, rest.width()));
        rest.setTop(rest.top() + line * 1.5);
    }
    const double linesH = infoLinesHeight(sc, rest.width(), f);
    QRectF special(rest.left(), rest.top(), rest.width(), std::max(0.0, rest.height() - linesH));
    if (sc.info == InfoKind::Bars)
        drawBars(p, sc, special, prog, f);
    else if (sc.info == InfoKind::Vectors)
        drawVectors(p, sc, special, prog, f);
    p.setFont(f.info);
    p.setPen(kSubtle);
    double y = area.bottom() - linesH;
    for (const QString& l : sc.infoLines) {
        const double h = infoLineHeight(l, rest.width(), f);
        p.drawText(QRectF(rest.left(), y, rest.width(), h), Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, l);
        y += h;
    }
}

/// Lay the grids out in one row, separated by symbols, as large as they fit.
std::vector<GridBox> layoutRow(const StageScene& sc, const QRectF& area, const Fonts& f,
                               std::vector<QRectF>& symbolRects) {
    const size_t n = sc.grids.size();
    std::vector<GridMetrics> m(n);
    double top = 0, bottom = 0;
    int maxRows = 1;
    for (size_t i = 0; i < n; ++i) {
        m[i] = metricsFor(sc.grids[i], f);
        top = std::max(top, m[i].top);
        bottom = std::max(bottom, m[i].bottom);
        maxRows = std::max(maxRows, sc.grids[i].rows);
    }
    const QFontMetricsF sm(f.symbol);
    std::vector<double> symW(sc.symbols.size());
    double symTotal = 0;
    for (size_t i = 0; i < symW.size(); ++i) {
        symW[i] = sm.horizontalAdvance(sc.symbols[int(i)]) + 16 * f.z;
        symTotal += symW[i];
    }
    // Each grid's name and captions claim their width too (so neighbours'
    // captions never overlap), up to an equal share of the row; past that they are elided.
    const double share = std::max(40.0 * f.z, (area.width() - symTotal) / double(std::max<size_t>(n, 1)) - 10 * f.z);
    auto textFor = [&](size_t i) { return std::min(m[i].textW + 8 * f.z, share - m[i].rowLabelW); };
    auto slotFor = [&](size_t i, double c) {
        return m[i].rowLabelW + std::max(sc.grids[i].cols * c, textFor(i)) + 10 * f.z;
    };
    auto widthFor = [&](double c) {
        double w = symTotal;
        for (size_t i = 0; i < n; ++i)
            w += slotFor(i, c);
        return w;
    };
    double hiC = std::min(64.0 * f.z, (area.height() - top - bottom) / maxRows);
    double loC = 0.05;
    if (widthFor(hiC) <= area.width()) {
        loC = hiC;
    } else {
        for (int it = 0; it < 40; ++it) {
            const double mid = (loC + hiC) / 2;
            (widthFor(mid) <= area.width() ? loC : hiC) = mid;
        }
    }
    const double c = std::max(loC, 0.05);
    const double total = widthFor(c);
    double x = area.left() + std::max(0.0, (area.width() - total) / 2);
    std::vector<GridBox> boxes(n);
    symbolRects.assign(sc.symbols.size(), QRectF());
    for (size_t i = 0; i < n; ++i) {
        const StageGrid& g = sc.grids[i];
        const double slot = slotFor(i, c);
        const double gw = g.cols * c, gh = g.rows * c;
        const double cx = x + m[i].rowLabelW + (slot - m[i].rowLabelW - gw) / 2;
        const double cy = area.top() + top + (area.height() - top - bottom - gh) / 2;
        GridBox& b = boxes[i];
        b.cells = QRectF(cx, cy, gw, gh);
        b.cell = c;
        b.textWidth = std::max(gw, textFor(i));
        setLabelSteps(b, g, f);
        x += slot;
        if (i < symW.size()) {
            symbolRects[i] = QRectF(x, area.top() + top, symW[i], area.height() - top - bottom);
            x += symW[i];
        }
    }
    return boxes;
}

} // namespace

void paintScene(QPainter& painter, const StageScene& sc, const QRect& target, double progress, double zoom,
                const QFont& base, QRectF* resultCells) {
    if (resultCells)
        *resultCells = QRectF();
    QPainter& p = painter;
    p.save();
    p.setClipRect(target);
    p.fillRect(target, Qt::white);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    // Fit the text to small docks: below ~900×520 everything shrinks a little.
    const double fit = std::clamp(std::min(target.width() / 900.0, target.height() / 520.0), 0.62, 1.0);
    const double z = zoom * fit;
    const Fonts f = makeFonts(base, z);
    const double margin = 14 * z;
    const QRectF r = QRectF(target).adjusted(margin, margin, -margin, -margin);
    if (sc.grids.empty()) {
        p.setFont(f.title);
        p.setPen(kSubtle);
        p.drawText(r, Qt::AlignCenter, sc.title.isEmpty() ? tr_("No step to show") : sc.title);
        p.restore();
        return;
    }
    const QRectF body = drawTitle(p, sc, r, f);
    const double infoH = infoHeight(sc, body, f);
    const QRectF gridArea(body.left(), body.top(), body.width(), body.height() - infoH);
    const QRectF infoArea(body.left(), gridArea.bottom(), body.width(), infoH);
    const FillState fs = fillState(sc, progress);

    if (sc.layout == Layout::Concat) {
        // Heads start spread out and staggered, and slide together into one matrix.
        const int heads = sc.heads;
        const StageGrid& h0 = sc.grids[0];
        const GridMetrics m = metricsFor(h0, f);
        const double gapX = 36 * z, dy = 26 * z;
        const double availW = gridArea.width() - m.rowLabelW - (heads - 1) * gapX;
        const double availH = gridArea.height() - m.top - m.bottom - (heads - 1) * dy;
        const double c = std::max(0.05, std::min({64.0 * z, availW / (heads * h0.cols), availH / h0.rows}));
        const double w = h0.cols * c;
        const double t = smooth(phase(progress, 0.15, 0.8));
        const double startW = heads * w + (heads - 1) * gapX;
        const double x0 = gridArea.left() + m.rowLabelW + std::max(0.0, (gridArea.width() - m.rowLabelW - startW) / 2);
        const double x1 =
            gridArea.left() + m.rowLabelW + std::max(0.0, (gridArea.width() - m.rowLabelW - heads * w) / 2);
        const double yTop = gridArea.top() + m.top + std::max(0.0, (availH - h0.rows * c) / 2);
        const double yEnd = yTop + (heads - 1) * dy / 2;
        for (int h = 0; h < heads; ++h) {
            const QPointF a(x0 + h * (w + gapX), yTop + h * dy);
            const QPointF b(x1 + h * w, yEnd);
            GridBox box;
            box.cell = c;
            box.cells = QRectF(a + (b - a) * t, QSizeF(w, h0.rows * c));
            setLabelSteps(box, sc.grids[size_t(h)], f);
            StageGrid g = sc.grids[size_t(h)];
            if (h > 0) {
                g.rowLabels = QStringList(); // row labels once, left of head 0
                g.widestRowLabel = -1;
            }
            if (t > 0.05) {
                g.caption.clear();
                g.fullShape.clear();
            }
            drawGrid(p, g, box, f, long(g.rows) * g.cols, nullptr);
        }
        if (t >= 1.0) {
            const StageGrid& y = sc.grids[size_t(sc.result)];
            p.setFont(f.caption);
            p.setPen(kText);
            const QRectF cap(gridArea.left(), yEnd + h0.rows * c + 4 * z, gridArea.width(),
                             QFontMetricsF(f.caption).height() * 2);
            p.drawText(cap, Qt::AlignHCenter | Qt::AlignTop,
                       y.name + QStringLiteral(": ") + y.caption + QLatin1Char('\n') + y.fullShape);
        }
    } else if (sc.layout == Layout::FanOut) {
        // Key/value heads on top; their copies slide down and fan out to one
        // slot per query head, lines joining each copy to its source head.
        const int kv = sc.kvHeads, n = sc.heads, group = n / std::max(kv, 1);
        const StageGrid& h0 = sc.grids[0];
        const GridMetrics m = metricsFor(h0, f);
        const double gapX = 30 * z, gapY = 48 * z;
        const double availW = gridArea.width() - m.rowLabelW - (n - 1) * gapX;
        const double availH = gridArea.height() - 2 * (m.top + m.bottom) - gapY;
        const double c = std::max(0.05, std::min({48.0 * z, availW / (n * h0.cols), availH / (2.0 * h0.rows)}));
        const double w = h0.cols * c, h = h0.rows * c;
        const double labelH = QFontMetricsF(f.label).height();
        const double rowW = n * w + (n - 1) * gapX;
        const double xRow = gridArea.left() + m.rowLabelW + std::max(0.0, (gridArea.width() - m.rowLabelW - rowW) / 2);
        const double yTop = gridArea.top() + m.top;
        const double yBottom = yTop + h + m.bottom + gapY + m.top;
        auto slotX = [&](int q) { return xRow + q * (w + gapX); };
        // A key/value head sits above the middle of its group.
        auto kvX = [&](int k) { return (slotX(k * group) + slotX(k * group + group - 1)) / 2; };
        auto boxAt = [&](QPointF topLeft) {
            GridBox box;
            box.cell = c;
            box.cells = QRectF(topLeft, QSizeF(w, h));
            box.rowStep = std::max(1, int(std::ceil(labelH / c)));
            box.colStep = std::max(1, int(std::ceil(labelH * 1.6 / c)));
            return box;
        };
        const double t = smooth(phase(progress, 0.12, 0.75));
        for (int q = 0; q < n; ++q) { // connectors first, under the grids
            const int k = q / std::max(group, 1);
            const QPointF from(kvX(k) + w / 2, yTop + h);
            const QPointF to(slotX(q) + w / 2, yBottom);
            QColor col = sc.grids[size_t(k)].frame;
            col.setAlphaF(0.55);
            p.setPen(QPen(col, std::max(1.5, 2.5 * z), Qt::DashLine));
            p.drawLine(from, from + (to - from) * t);
        }
        for (int k = 0; k < kv; ++k)
            drawGrid(p, sc.grids[size_t(k)], boxAt(QPointF(kvX(k), yTop)), f, long(h0.rows) * h0.cols, nullptr);
        for (int q = 0; q < n; ++q) {
            const int k = q / std::max(group, 1);
            const QPointF a(kvX(k), yTop);
            const QPointF b(slotX(q), yBottom);
            StageGrid g = sc.grids[size_t(kv + q)];
            if (q > 0) {
                g.rowLabels = QStringList();
                g.widestRowLabel = -1;
            }
            const GridBox box = boxAt(a + (b - a) * t);
            drawGrid(p, g, box, f, long(g.rows) * g.cols, nullptr);
            if (kv + q == sc.result && t >= 1.0)
                drawHighlightRect(p, box.cells.adjusted(-3 * z, -3 * z, 3 * z, 3 * z), z, c);
        }
    } else {
        std::vector<QRectF> symbolRects;
        const std::vector<GridBox> boxes = layoutRow(sc, gridArea, f, symbolRects);
        if (resultCells && sc.result >= 0) // for the overlay (stage_overlay.h): highlights, clicks
            *resultCells = boxes[size_t(sc.result)].cells;
        p.setFont(f.symbol);
        p.setPen(kText);
        QFont bigDot = f.symbol;
        bigDot.setPixelSize(f.symbol.pixelSize() * 2);
        for (size_t i = 0; i < symbolRects.size(); ++i) {
            const QString& sym = sc.symbols[int(i)];
            p.setFont(sym == QStringLiteral("·") ? bigDot : f.symbol);
            p.drawText(symbolRects[i], Qt::AlignCenter, sym);
        }
        for (size_t i = 0; i < sc.grids.size(); ++i) {
            const bool isResult = int(i) == sc.result;
            const long filled = isResult ? fs.filled : long(sc.grids[i].rows) * sc.grids[i].cols;
            drawGrid(p, sc.grids[i], boxes[i], f, filled, isResult ? &sc.rowOrder : nullptr);
        }
        // Highlights: the row and column that make the current cell.
        if (sc.result >= 0 && sc.fill == FillMode::Cells && fs.current >= 0) {
            const StageGrid& y = sc.grids[size_t(sc.result)];
            const int i = int(fs.current / y.cols), j = int(fs.current % y.cols);
            const double c = boxes[0].cell;
            if (sc.left >= 0) {
                const QRectF& lc = boxes[size_t(sc.left)].cells;
                drawHighlightRect(p, QRectF(lc.left(), lc.top() + i * c, lc.width(), c), z, c);
            }
            if (sc.right >= 0) {
                const QRectF& rc = boxes[size_t(sc.right)].cells;
                drawHighlightRect(p,
                                  sc.rightHighlightsRow ? QRectF(rc.left(), rc.top() + j * c, rc.width(), c)
                                                        : QRectF(rc.left() + j * c, rc.top(), c, rc.height()),
                                  z, c);
            }
            const QRectF& yc = boxes[size_t(sc.result)].cells;
            drawHighlightRect(p, QRectF(yc.left() + j * c, yc.top() + i * c, c, c), z, c);
        } else if (sc.result >= 0 && sc.fill == FillMode::Rows && progress < sc.fillEnd && !sc.rowOrder.empty()) {
            // Row-wise ops: highlight the row being computed in operand and result.
            const StageGrid& y = sc.grids[size_t(sc.result)];
            const long done = fs.filled / std::max(y.cols, 1);
            const int row = sc.rowOrder[size_t(std::min<long>(done, long(sc.rowOrder.size()) - 1))];
            const double c = boxes[0].cell;
            const bool narrate = sc.info == InfoKind::Bars && progress < sc.slowEnd;
            if (progress >= sc.introEnd || narrate) {
                const int focus = narrate ? sc.focusRow : row;
                for (size_t g = 0; g < sc.grids.size(); ++g) {
                    if (sc.grids[g].rows != y.rows || (int(g) == sc.result && narrate && progress < sc.introEnd))
                        continue;
                    const QRectF& gc = boxes[g].cells;
                    drawHighlightRect(p, QRectF(gc.left(), gc.top() + focus * c, gc.width(), c), z, c);
                }
            }
        }
    }
    drawInfo(p, sc, infoArea, progress, fs, f);
    p.restore();
}

} // namespace attnviz::ui::stage
