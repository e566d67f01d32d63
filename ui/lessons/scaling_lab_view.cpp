#include "ui/lessons/scaling_lab_view.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

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

} // namespace

ScalingLabView::ScalingLabView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)),
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
        auto addCurve = [&](const QVector<double>& y, const QColor& c, const QString& name) {
            QCPGraph* g = plot->addGraph(xAxis, yAxis);
            g->setData(x, y, true);
            g->setPen(QPen(c, 2));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
            g->setName(name);
        };
        addCurve(yu, kUnscaled, tr("q·k (no scaling)"));
        addCurve(ys, kScaled, tr("q·k / √d (Keras)"));
        if (m_layer) {
            for (const auto& [value, colour] :
                 {std::pair{(*m_layer).*panel.unscaled, kUnscaled}, std::pair{(*m_layer).*panel.scaled, kScaled}}) {
                QCPGraph* g = plot->addGraph(xAxis, yAxis);
                g->setData(QVector<double>{double(m_layer->keyDim)}, QVector<double>{value});
                g->setLineStyle(QCPGraph::lsNone);
                g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(Qt::black, 1.5), colour, 12));
                g->setName(tr("this layer"));
            }
        }
        yAxis->rescale();
        QCPRange r = yAxis->range();
        if (panel.logY)
            yAxis->setRange(r.lower / 1.5, r.upper * 1.5);
        else
            yAxis->setRange(std::min(0.0, r.lower), r.upper + 0.08 * (r.upper - r.lower + 1e-9));
        if (i == 0) {
            auto* legend = new QCPLegend;
            rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignLeft);
            legend->setLayer(QStringLiteral("legend"));
            legend->setFont(font);
            for (int g = 0; g < std::min(3, plot->graphCount()); ++g)
                legend->addItem(new QCPPlottableLegendItem(legend, plot->graph(g)));
        }
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
    if (notKeras())
        text += QLatin1Char(' ') + tr("NOT KERAS: the stage now runs this layer without 1/√dₖ.");
    m_caption->setText(text);
    QFont cf = this->font();
    cf.setPointSizeF(cf.pointSizeF() * m_zoom);
    m_caption->setFont(cf);
}

} // namespace attnviz::ui
