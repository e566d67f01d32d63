#include "ui/labs/scaling_lab_view.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

struct Panel {
    const char* title;
    const char* yLabel;
    bool logY;
    double core::ScalingPoint::*unscaled;
    double core::ScalingPoint::*scaled;
};

const Panel kPanels[] = {
    {QT_TRANSLATE_NOOP("ScalingLabView", "Spread of the logits q·k (std)"), "std", true,
     &core::ScalingPoint::spreadUnscaled, &core::ScalingPoint::spreadScaled},
    {QT_TRANSLATE_NOOP("ScalingLabView", "Largest softmax weight of a row"), "max p", false,
     &core::ScalingPoint::maxWeightUnscaled, &core::ScalingPoint::maxWeightScaled},
    {QT_TRANSLATE_NOOP("ScalingLabView", "Entropy of a row (nats)"), "H", false, &core::ScalingPoint::entropyUnscaled,
     &core::ScalingPoint::entropyScaled},
    {QT_TRANSLATE_NOOP("ScalingLabView", "Largest softmax gradient p(1 − p)"), "p(1 − p)", false,
     &core::ScalingPoint::maxGradUnscaled, &core::ScalingPoint::maxGradScaled},
};

const QColor kUnscaled(214, 39, 40);
const QColor kScaled(31, 119, 180);

// Population std of a step's values; nullopt when the trace has no such step.
std::optional<double> stepSpread(const core::Trace& trace, const char* key) {
    const core::Step* s = trace.find(key);
    if (!s || s->value.size() == 0)
        return std::nullopt;
    double sum = 0, sq = 0;
    for (const float v : s->value.values()) {
        sum += v;
        sq += double(v) * v;
    }
    const double n = double(s->value.size()), mean = sum / n;
    return std::sqrt(std::max(0.0, sq / n - mean * mean));
}

} // namespace

ScalingLabView::ScalingLabView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_legend(new QLabel(this)),
      m_notKeras(new QCheckBox(tr("Not Keras: turn 1/√dₖ off in the stage too"), this)) {
    core::ScalingLabOptions options;
    options.seed = 1;
    m_points = core::scalingLab(options);

    auto* layout = new QVBoxLayout(this);
    auto* grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        auto* plot = new QCustomPlot(this);
        plot->setMinimumSize(160, 120);
        plot->setObjectName(QStringLiteral("scalingPlot%1").arg(i));
        m_plots.push_back(plot);
        grid->addWidget(plot, i / 2, i % 2);
    }
    m_caption->setWordWrap(true);
    m_caption->setObjectName(QStringLiteral("scalingCaption"));
    // The legend across the top, not inside a plot: there it hid the curves at a projector's zoom.
    m_legend->setObjectName(QStringLiteral("scalingLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setText(
        QStringLiteral("<span style=\"color:%1\">▫ - - - %2</span> &nbsp; <span style=\"color:%3\">• —— %4</span> "
                       "&nbsp; <span style=\"color:%1\">■</span> %5 &nbsp; <span style=\"color:%3\">●</span> %6")
            .arg(kUnscaled.name(), tr("q·k (no scaling)"), kScaled.name(), tr("q·k / √d (Keras)"),
                 tr("this layer, no scaling"), tr("this layer, scaled")));
    layout->addWidget(m_legend);
    layout->addLayout(grid, 1);
    layout->addWidget(m_caption);
    m_notKeras->setObjectName(QStringLiteral("notKerasSwitch"));
    m_notKeras->setStyleSheet(QStringLiteral("QCheckBox:checked { color: #b00000; font-weight: bold; }"));
    m_notKeras->setToolTip(tr("Watch the softmax saturate step by step on the stage"));
    m_notKeras->setWhatsThis(tr("A what-if that Keras never does: MultiHeadAttention and GroupQueryAttention are "
                                "recomputed without 1/√key_dim, so the scores are the raw q·k. The stage, the "
                                "status line and the formula say “not Keras” while it is on."));
    layout->addWidget(m_notKeras);
    connect(m_notKeras, &QCheckBox::toggled, this, [this](bool on) {
        replot();
        emit notKerasToggled(on);
    });
    setWhatsThis(tr("Why MultiHeadAttention divides q·k by √key_dim: random unit-normal q and k at every key_dim "
                    "from 1 to 1024, scored with (blue) and without (red) the scaling. The large dots are the "
                    "current layer's own numbers."));
    replot();
}

void ScalingLabView::setTrace(std::shared_ptr<const core::Trace> trace) {
    m_layer = trace ? core::layerScalingPoint(*trace) : std::nullopt;
    m_qkSpread.reset();
    if (trace && m_layer) {
        // What enters q·k: the projected query and key (MultiHeadAttention,
        // GroupQueryAttention), else the inputs (Attention: the key is the value unless given).
        auto q = stepSpread(*trace, "query_dense"), k = stepSpread(*trace, "key_dense");
        if (!q || !k) {
            q = stepSpread(*trace, "query");
            k = stepSpread(*trace, "key");
            if (!k)
                k = stepSpread(*trace, "value");
        }
        if (q && k)
            m_qkSpread = std::pair{*q, *k};
    }
    replot();
}

void ScalingLabView::setZoom(double factor) {
    m_zoom = factor;
    replot();
}

bool ScalingLabView::notKeras() const {
    return m_notKeras->isChecked();
}

QString ScalingLabView::caption() const {
    return m_caption->text();
}

void ScalingLabView::replot() {
    QVector<double> x;
    for (const core::ScalingPoint& p : m_points)
        x.push_back(p.keyDim);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * m_zoom);
    for (int i = 0; i < 4; ++i) {
        const Panel& panel = kPanels[i];
        QCustomPlot* plot = m_plots[size_t(i)];
        plot->clearGraphs();
        plot->clearPlottables();
        plot->plotLayout()->clear();
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, tr(panel.title), font));
        auto* rect = new QCPAxisRect(plot);
        plot->plotLayout()->addElement(1, 0, rect);
        QCPAxis* xAxis = rect->axis(QCPAxis::atBottom);
        QCPAxis* yAxis = rect->axis(QCPAxis::atLeft);
        for (QCPAxis* a : {xAxis, yAxis}) {
            a->setTickLabelFont(font);
            a->setLabelFont(font);
        }
        xAxis->setLabel(tr("key_dim d"));
        xAxis->setScaleType(QCPAxis::stLogarithmic);
        xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        xAxis->setRange(0.8, 1300);
        if (panel.logY) {
            yAxis->setScaleType(QCPAxis::stLogarithmic);
            yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        }
        QVector<double> yu, ys;
        for (const core::ScalingPoint& p : m_points) {
            yu.push_back(p.*panel.unscaled);
            ys.push_back(p.*panel.scaled);
        }
        // Unscaled: dashed with squares; scaled: solid with discs. Told apart
        // by shape as well as colour, so a grey printout still shows which is which.
        auto addCurve = [&](const QVector<double>& y, const QColor& c, bool unscaled, const QString& name) {
            QCPGraph* g = plot->addGraph(xAxis, yAxis);
            g->setData(x, y, true);
            g->setPen(QPen(c, 2, unscaled ? Qt::DashLine : Qt::SolidLine));
            g->setScatterStyle(QCPScatterStyle(unscaled ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc,
                                               QPen(c, 1.5), unscaled ? QBrush(Qt::white) : QBrush(c), 5));
            g->setName(name);
        };
        addCurve(yu, kUnscaled, true, tr("q·k (no scaling)"));
        addCurve(ys, kScaled, false, tr("q·k / √d (Keras)"));
        if (m_layer) {
            for (const bool unscaled : {true, false}) {
                const double value = unscaled ? (*m_layer).*panel.unscaled : (*m_layer).*panel.scaled;
                QCPGraph* g = plot->addGraph(xAxis, yAxis);
                g->setData(QVector<double>{double(m_layer->keyDim)}, QVector<double>{value});
                g->setLineStyle(QCPGraph::lsNone);
                // ssCircle: a disc filled with the brush (ssDisc would take the black pen's colour).
                g->setScatterStyle(QCPScatterStyle(unscaled ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssCircle,
                                                   QPen(Qt::black, 1.5), unscaled ? kUnscaled : kScaled, 12));
                g->setName(unscaled ? tr("this layer, no scaling") : tr("this layer, scaled"));
            }
        }
        yAxis->rescale();
        QCPRange r = yAxis->range();
        if (panel.logY)
            yAxis->setRange(r.lower / 1.5, r.upper * 1.5);
        else
            yAxis->setRange(std::min(0.0, r.lower), r.upper + 0.08 * (r.upper - r.lower + 1e-9));
        plot->replot();
    }
    QString text = tr("Each point: 64 rows of 16 keys, q and k drawn from N(0, 1) (seed 1). Without the scaling "
                      "(red) the spread grows like √d and the softmax saturates: one weight near 1, entropy and "
                      "gradient near 0. With it (blue) nothing depends on d.");
    if (m_layer)
        text += QLatin1Char(' ') + tr("This layer (key_dim %1): logits spread %2 scaled, %3 unscaled; largest "
                                      "weight %4 scaled, %5 unscaled.")
                                       .arg(m_layer->keyDim)
                                       .arg(QLocale().toString(m_layer->spreadScaled, 'g', 3))
                                       .arg(QLocale().toString(m_layer->spreadUnscaled, 'g', 3))
                                       .arg(QLocale().toString(m_layer->maxWeightScaled, 'f', 3))
                                       .arg(QLocale().toString(m_layer->maxWeightUnscaled, 'f', 3));
    else
        text += QLatin1Char(' ') + tr("This layer has no dot-product scores to mark.");
    if (m_layer && m_qkSpread) {
        // Why the layer's dots are off the curves: its q and k are not N(0, 1).
        const double s = m_qkSpread->first * m_qkSpread->second;
        text += QLatin1Char(' ') + tr("The curves draw q and k from N(0, 1); this layer's q and k have standard "
                                      "deviations %1 and %2, so its logits spread about σ_q·σ_k·√d = %3·√d.")
                                       .arg(m_qkSpread->first, 0, 'f', 2)
                                       .arg(m_qkSpread->second, 0, 'f', 2)
                                       .arg(s, 0, 'f', 2);
        if (s < 0.9)
            text += QLatin1Char(' ') + tr("That is less than the curves assume: its softmax is less saturated than "
                                          "theirs at the same d (a lower top weight, a higher entropy and gradient), "
                                          "with and without the scaling.");
        else if (s > 1.1)
            text += QLatin1Char(' ') + tr("That is more than the curves assume: its softmax is more saturated than "
                                          "theirs at the same d.");
    }
    if (notKeras())
        text += QLatin1Char(' ') + tr("NOT KERAS: the stage now runs this layer without 1/√dₖ.");
    m_caption->setText(text);
    QFont cf = this->font();
    cf.setPointSizeF(cf.pointSizeF() * m_zoom);
    m_caption->setFont(cf);
    m_legend->setFont(cf);
}

} // namespace attnviz::ui
