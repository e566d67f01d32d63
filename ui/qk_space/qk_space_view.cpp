#include "ui/qk_space/qk_space_view.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace attnviz::ui {

using core::MatrixRM;

namespace {

const QColor kQueryColour(31, 119, 180); // blue circles
const QColor kKeyColour(230, 110, 0);    // orange triangles
// Point labels are drawn up to this many points; beyond it, only on hover.
constexpr int kMaxLabelledPoints = 96;
// A query counts as hovered within this many pixels of its centre.
constexpr double kHoverRadius = 12.0;

QString percent(float share) {
    return QString::number(std::lround(100.0 * double(share)));
}

} // namespace

QkSpaceView::QkSpaceView(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_title(new QLabel(this)), m_caption(new QLabel(this)),
      m_headBox(new QSpinBox(this)), m_batchBox(new QSpinBox(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("qkTitle"));
    m_title->setWordWrap(true);
    row->addWidget(m_title, 1);
    auto* headLabel = new QLabel(tr("Head"), this);
    headLabel->setBuddy(m_headBox);
    row->addWidget(headLabel);
    m_headBox->setObjectName(QStringLiteral("qkHead"));
    m_headBox->setToolTip(tr("Which head's queries and keys are shown"));
    row->addWidget(m_headBox);
    auto* batchLabel = new QLabel(tr("Batch"), this);
    batchLabel->setBuddy(m_batchBox);
    row->addWidget(batchLabel);
    m_batchBox->setObjectName(QStringLiteral("qkBatch"));
    row->addWidget(m_batchBox);
    layout->addLayout(row);
    m_plot->setObjectName(QStringLiteral("qkPlot"));
    m_plot->setMinimumSize(240, 200);
    m_plot->setMouseTracking(true);
    layout->addWidget(m_plot, 1);
    m_caption->setObjectName(QStringLiteral("qkCaption"));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    setWhatsThis(tr("The query–key space of one head, after AttentionViz: every query (circle) and key (triangle) "
                    "of the head as a point, in the plane that shows most of their spread (a PCA of both "
                    "together). For dot-product scores the keys are first moved by mean(q) − mean(k); that adds "
                    "the same amount to every score of a query's row, so the attention is unchanged, and a query "
                    "then lies near the keys it scores highest. Hover a query to see the keys it attends to most."));

    connect(m_headBox, &QSpinBox::valueChanged, this, [this](int h) {
        recompute();
        emit headChanged(h);
    });
    connect(m_batchBox, &QSpinBox::valueChanged, this, [this] { recompute(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, &QkSpaceView::onMouseMove);
    // Equal scales on both axes, whatever the widget's shape: distance is what this plot shows.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (!m_space)
            return;
        const QRect r = m_plot->axisRect()->rect();
        if (r.width() <= 0 || r.height() <= 0)
            return;
        double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        bool first = true;
        for (const core::MatrixRM* m : {&m_space->queries, &m_space->keys})
            for (Eigen::Index i = 0; i < m->rows(); ++i) {
                const double x = (*m)(i, 0), y = (*m)(i, 1);
                x0 = first ? x : std::min(x0, x);
                x1 = first ? x : std::max(x1, x);
                y0 = first ? y : std::min(y0, y);
                y1 = first ? y : std::max(y1, y);
                first = false;
            }
        const double span = std::max({x1 - x0, y1 - y0, 1e-6});
        const double pad = 0.12 * span;
        const double perPixel = std::max((x1 - x0 + 2 * pad) / r.width(), (y1 - y0 + 2 * pad) / r.height());
        const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
        m_plot->xAxis->setRange(cx - 0.5 * perPixel * r.width(), cx + 0.5 * perPixel * r.width());
        m_plot->yAxis->setRange(cy - 0.5 * perPixel * r.height(), cy + 0.5 * perPixel * r.height());
    });
    replot();
}

void QkSpaceView::setTrace(std::shared_ptr<const core::Trace> trace, QStringList queryTokens, QStringList keyTokens) {
    m_trace = std::move(trace);
    m_queryTokens = std::move(queryTokens);
    m_keyTokens = std::move(keyTokens);
    const core::QkSource src = m_trace ? core::qkSource(*m_trace) : core::QkSource{};
    const int heads = src.queryKey.empty() ? 1 : int(src.heads);
    const int batches = src.queryKey.empty() ? 1 : int(m_trace->find(src.queryKey)->value.dim(0));
    {
        const QSignalBlocker b1(m_headBox), b2(m_batchBox);
        m_headBox->setRange(0, heads - 1);
        m_batchBox->setRange(0, batches - 1);
    }
    m_headBox->setEnabled(heads > 1);
    m_batchBox->setEnabled(batches > 1);
    recompute();
}

void QkSpaceView::setHead(int head) {
    m_headBox->setValue(head);
}

void QkSpaceView::setBatch(int batch) {
    m_batchBox->setValue(batch);
}

int QkSpaceView::head() const {
    return m_headBox->value();
}

int QkSpaceView::batch() const {
    return m_batchBox->value();
}

void QkSpaceView::setZoom(double factor) {
    m_zoom = factor;
    replot();
}

QString QkSpaceView::caption() const {
    return m_caption->text();
}

QString QkSpaceView::pointLabel(const QStringList& tokens, int position) const {
    std::vector<std::string> t;
    t.reserve(size_t(tokens.size()));
    for (const QString& s : tokens)
        t.push_back(s.toStdString());
    return QString::fromStdString(core::qkPointLabel(t, position));
}

void QkSpaceView::recompute() {
    m_space.reset();
    m_error.clear();
    if (m_trace) {
        try {
            m_space = core::qkSpace(*m_trace, m_batchBox->value(), m_headBox->value());
        } catch (const std::exception& e) {
            m_error = QString::fromStdString(e.what());
        }
    }
    m_hovered = -1;
    m_hoverKeys.clear();
    replot();
}

void QkSpaceView::replot() {
    m_hoverItems.clear();
    m_plot->clearItems();
    m_plot->clearGraphs();
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_zoom);
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis}) {
        a->setTickLabelFont(small);
        a->setLabelFont(font);
    }
    for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_caption, m_headBox, m_batchBox})
        w->setFont(font);
    for (QLabel* l : findChildren<QLabel*>(QString(), Qt::FindDirectChildrenOnly))
        if (l->buddy())
            l->setFont(font);
    if (!m_space) {
        m_title->setText(m_trace ? tr("No query–key space") : tr("No trace yet"));
        m_caption->setText(m_error);
        m_plot->replot();
        return;
    }
    const core::QkSpace& s = *m_space;
    const bool heads = s.source.heads > 1 || m_trace->find(s.source.queryKey)->value.rank() == 4;
    m_title->setText(heads
                         ? tr("%1 — head %2: queries from “%3”, keys from “%4”")
                               .arg(QString::fromStdString(m_trace->layer))
                               .arg(s.head)
                               .arg(QString::fromStdString(s.source.queryKey), QString::fromStdString(s.source.keyKey))
                         : tr("%1: queries from “%2”, keys from “%3” (no projections: the inputs themselves)")
                               .arg(QString::fromStdString(m_trace->layer), QString::fromStdString(s.source.queryKey),
                                    QString::fromStdString(s.source.keyKey)));

    auto addPoints = [&](const MatrixRM& m, const QColor& c, QCPScatterStyle::ScatterShape shape, const QString& name) {
        QCPGraph* g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, c.darker(130), c, 9 * m_zoom));
        g->setName(name);
        // Not sorted by x: keep the data in point order (QCPGraph sorts by key otherwise, harmless for lsNone).
        QVector<double> x, y;
        for (Eigen::Index i = 0; i < m.rows(); ++i) {
            x.push_back(m(i, 0));
            y.push_back(m(i, 1));
        }
        g->setData(x, y);
    };
    addPoints(s.queries, kQueryColour, QCPScatterStyle::ssDisc, tr("queries q (circles)"));
    addPoints(s.keys, kKeyColour, QCPScatterStyle::ssTriangle,
              s.shifted ? tr("keys k − mean(k) + mean(q) (triangles)") : tr("keys k (triangles)"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(small);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    if (s.T + s.S <= kMaxLabelledPoints) {
        auto label = [&](const MatrixRM& m, const QStringList& tokens, const QColor& c, Qt::Alignment align) {
            for (Eigen::Index i = 0; i < m.rows(); ++i) {
                auto* t = new QCPItemText(m_plot);
                t->position->setCoords(m(i, 0), m(i, 1));
                t->setPositionAlignment(align);
                t->setPadding(QMargins(6, 2, 6, 2));
                t->setText(pointLabel(tokens, int(i)));
                t->setFont(small);
                t->setColor(c.darker(150));
            }
        };
        label(s.queries, m_queryTokens, kQueryColour, Qt::AlignLeft | Qt::AlignBottom);
        label(s.keys, m_keyTokens.isEmpty() ? m_queryTokens : m_keyTokens, kKeyColour, Qt::AlignRight | Qt::AlignTop);
    }
    const QString pc2 = s.components >= 2 ? tr("PC 2 (%1 % of the spread)").arg(percent(s.explained[1]))
                                          : tr("PC 2 (the points lie on a line)");
    m_plot->xAxis->setLabel(s.components >= 1 ? tr("PC 1 (%1 % of the spread)").arg(percent(s.explained[0]))
                                              : tr("PC 1 (all points coincide)"));
    m_plot->yAxis->setLabel(pc2);

    // The hovered query's lines to its most-attended keys, each with its weight.
    m_hoverKeys.clear();
    if (m_hovered >= 0 && m_hovered < s.T) {
        std::vector<int> order(size_t(s.S));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return s.weights(m_hovered, a) > s.weights(m_hovered, b); });
        for (int j = 0; j < std::min<int>(kTopKeys, int(s.S)); ++j) {
            const int key = order[size_t(j)];
            const double w = s.weights(m_hovered, key);
            m_hoverKeys.push_back(key);
            auto* line = new QCPItemLine(m_plot);
            line->start->setCoords(s.queries(m_hovered, 0), s.queries(m_hovered, 1));
            line->end->setCoords(s.keys(key, 0), s.keys(key, 1));
            QColor c(60, 60, 60);
            c.setAlphaF(0.35 + 0.65 * std::clamp(w, 0.0, 1.0));
            line->setPen(QPen(c, (1.0 + 5.0 * w) * m_zoom));
            auto* text = new QCPItemText(m_plot);
            text->position->setCoords(0.5 * (s.queries(m_hovered, 0) + s.keys(key, 0)),
                                      0.5 * (s.queries(m_hovered, 1) + s.keys(key, 1)));
            text->setText(QString::number(w, 'f', 3));
            text->setFont(font);
            text->setBrush(QBrush(QColor(255, 255, 255, 220)));
            text->setPadding(QMargins(3, 1, 3, 1));
            m_hoverItems.push_back(line);
            m_hoverItems.push_back(text);
        }
    }

    QString caption = QString::fromStdString(s.note);
    if (s.shifted)
        caption +=
            QLatin1Char(' ') +
            tr("This is AttentionViz's trick: the two clouds now share a centre, so distances between them "
               "can be compared. Attention follows q·k, not distance, so “near” is a rough guide only. The "
               "scores recomputed from these vectors match the trace %1.")
                .arg(s.maxScoreError == 0.0f ? tr("exactly")
                                             : tr("within %1").arg(QString::number(double(s.maxScoreError), 'g', 2)));
    caption += QLatin1Char(' ') + tr("The two axes are the directions of largest spread of all %1 points (a PCA); "
                                     "other directions are not shown. Hover a query (circle) to see the %2 keys it "
                                     "attends to most, with their weights.")
                                      .arg(s.T + s.S)
                                      .arg(std::min<Eigen::Index>(kTopKeys, s.S));
    m_caption->setText(caption);
    m_plot->replot();
}

QStringList QkSpaceView::hoverTexts() const {
    QStringList out;
    for (QCPAbstractItem* item : m_hoverItems)
        if (auto* t = qobject_cast<QCPItemText*>(item))
            out << t->text();
    return out;
}

QPointF QkSpaceView::queryPixel(int t) const {
    if (!m_space || t < 0 || t >= m_space->T)
        return {};
    return {m_plot->xAxis->coordToPixel(m_space->queries(t, 0)), m_plot->yAxis->coordToPixel(m_space->queries(t, 1))};
}

int QkSpaceView::queryAt(const QPointF& pixel) const {
    if (!m_space)
        return -1;
    int best = -1;
    double bestD = kHoverRadius * m_zoom;
    for (int t = 0; t < m_space->T; ++t) {
        const QPointF p = queryPixel(t);
        const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
        if (d <= bestD) {
            bestD = d;
            best = t;
        }
    }
    return best;
}

void QkSpaceView::hoverQuery(int t) {
    if (t == m_hovered)
        return;
    m_hovered = t;
    replot();
}

void QkSpaceView::onMouseMove(QMouseEvent* event) {
    hoverQuery(queryAt(event->position()));
}

} // namespace attnviz::ui
