// The compare tab (see compare_view.h). The variants and the equivalence
// checks are core::compare's (core/compare.h); nothing here computes
// attention or knows a layer — this file only slices, subtracts and plots.
#include "ui/compare/compare_view.h"

#include "ui/colour/qcp_gradient.h"
#include "core/attention.h"
#include "core/compare.h"
#include "core/step_display.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QScrollArea>
#include <QShowEvent>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

using core::Index;
using core::Tensor;

// Panels in core::compare's order; the difference panel comes after them.
// (dot, scaled dot, concat, additive, additive without scale, MultiHeadAttention)
constexpr int kVariantCount = 6;
constexpr int kDefaultDiffA = 3, kDefaultDiffB = 0; // additive − dot

/// Every variant's weights are probabilities: one fixed 0–1 scale.
ColourScale weightsScale() {
    return colourScaleFor(core::ValueKind::Probability, {});
}

QString fmtDiff(double d) {
    if (!std::isfinite(d))
        return QStringLiteral("—");
    if (d == 0)
        return QStringLiteral("0");
    return QString::number(d, 'g', 3);
}

} // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);

    auto* bar = new QHBoxLayout;
    auto* intro = new QLabel(tr("The same query, key and value through every layer (inference, no dropout). "
                                "All weights share one 0–1 colour scale."),
                             this);
    intro->setWordWrap(true);
    outer->addWidget(intro); // its own line: beside the controls it wrapped into a narrow column
    bar->addWidget(new QLabel(tr("Batch"), this));
    m_batchSpin = new QSpinBox(this);
    m_batchSpin->setToolTip(tr("Which batch element to show"));
    bar->addWidget(m_batchSpin);
    bar->addWidget(new QLabel(tr("MHA head"), this));
    m_headSpin = new QSpinBox(this);
    m_headSpin->setToolTip(tr("Which MultiHeadAttention head to show"));
    bar->addWidget(m_headSpin);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Difference"), this));
    m_diffA = new QComboBox(this);
    m_diffB = new QComboBox(this);
    m_diffA->setToolTip(tr("The difference heatmap shows A − B"));
    m_diffB->setToolTip(tr("The difference heatmap shows A − B"));
    for (QComboBox* box : {m_diffA, m_diffB}) { // the core's labels are long: do not squeeze the intro
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(22);
    }
    bar->addWidget(m_diffA);
    bar->addWidget(new QLabel(QStringLiteral("−"), this));
    bar->addWidget(m_diffB);
    bar->addStretch(1);
    outer->addLayout(bar);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_errorLabel->hide();
    outer->addWidget(m_errorLabel);

    auto* panels = new QWidget(this);
    m_grid = new QGridLayout(panels);
    m_grid->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(panels, 1);

    m_checksLabel = new QLabel(this);
    m_checksLabel->setWordWrap(true);
    m_checksLabel->setTextFormat(Qt::RichText);
    m_checksLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_checksLabel);
    m_hoverLabel = new QLabel(tr("Hover a cell for its exact value."), this);
    outer->addWidget(m_hoverLabel);

    buildPanels();

    connect(m_batchSpin, &QSpinBox::valueChanged, this, [this](int b) { setSliceIndices(b, m_head); });
    connect(m_headSpin, &QSpinBox::valueChanged, this, [this](int h) { setSliceIndices(m_batch, h); });
    connect(m_diffA, &QComboBox::currentIndexChanged, this, [this] { refreshPlots(); });
    connect(m_diffB, &QComboBox::currentIndexChanged, this, [this] { refreshPlots(); });
}

CompareView::~CompareView() = default;

void CompareView::buildPanels() {
    m_variants.assign(kVariantCount, Variant{});
    for (int v = 0; v < kVariantCount; ++v) {
        m_diffA->addItem(QString());
        m_diffB->addItem(QString());
    }
    m_diffA->setCurrentIndex(kDefaultDiffA);
    m_diffB->setCurrentIndex(kDefaultDiffB);

    const QCPColorGradient viridis = qcpGradient(weightsScale());
    const int columns = 4;
    for (int panel = 0; panel <= kVariantCount; ++panel) {
        auto* box = new QWidget(this);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(2, 2, 2, 2);
        auto* title = new QLabel(box);
        title->setAlignment(Qt::AlignCenter);
        title->setWordWrap(true);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto* plot = new QCustomPlot(box);
        plot->setMinimumSize(200, 170);
        plot->setObjectName(panel < kVariantCount ? QStringLiteral("weightsPanel_%1").arg(panel)
                                                  : QStringLiteral("differencePanel"));
        plot->setMouseTracking(true);
        auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
        map->setInterpolate(false);
        plot->yAxis->setRangeReversed(true); // row 0 (first query) on top
        plot->xAxis->setLabel(tr("source"));
        plot->yAxis->setLabel(tr("query"));
        if (panel < kVariantCount) {
            map->setGradient(viridis);
            map->setDataRange(QCPRange(weightsScale().lower, weightsScale().upper));
        } else {
            auto* scale = new QCPColorScale(plot);
            plot->plotLayout()->addElement(0, 1, scale);
            scale->setGradient(qcpGradient(colourScaleFor(core::ValueKind::Signed, {})));
            scale->setBarWidth(12);
            map->setColorScale(scale);
            auto* group = new QCPMarginGroup(plot);
            plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
            scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
        }
        auto* message = new QLabel(box);
        message->setWordWrap(true);
        message->setAlignment(Qt::AlignCenter);
        message->setMinimumSize(200, 170);
        message->setStyleSheet(QStringLiteral("color: #7a2e00; background: #f4f4f4; padding: 8px;"));
        message->hide();
        layout->addWidget(title);
        layout->addWidget(plot, 1);
        layout->addWidget(message, 1);
        m_grid->addWidget(box, panel / columns, panel % columns);
        m_titles.push_back(title);
        m_plots.push_back(plot);
        m_messages.push_back(message);
        connect(plot, &QCustomPlot::mouseMove, this, [this, panel](QMouseEvent* e) { onHover(panel, e); });
    }
    // The shared 0–1 scale of the weights panels, as its own narrow plot.
    m_scalePlot = new QCustomPlot(this);
    m_scalePlot->setObjectName(QStringLiteral("sharedColourScale"));
    m_scalePlot->plotLayout()->clear();
    auto* scale = new QCPColorScale(m_scalePlot);
    m_scalePlot->plotLayout()->addElement(0, 0, scale);
    scale->setGradient(viridis);
    scale->setDataRange(QCPRange(weightsScale().lower, weightsScale().upper));
    scale->setBarWidth(14);
    scale->axis()->setLabel(tr("weight"));
    m_scalePlot->setMinimumWidth(70);
    m_scalePlot->setMaximumWidth(90);
    m_grid->addWidget(m_scalePlot, 0, columns, 2, 1);
}

void CompareView::setSpec(const core::Spec& spec) {
    m_spec = spec;
    m_hasSpec = true;
    recompute();
}

void CompareView::setTokens(QStringList queryTokens, QStringList keyTokens) {
    m_queryTokens = std::move(queryTokens);
    m_keyTokens = std::move(keyTokens);
    refreshPlots();
}

void CompareView::setSliceIndices(int batch, int head) {
    m_batch = std::max(0, batch);
    m_head = std::max(0, head);
    if (m_batchSpin->value() != m_batch) {
        const QSignalBlocker block(m_batchSpin);
        m_batchSpin->setValue(m_batch);
    }
    if (m_headSpin->value() != m_head) {
        const QSignalBlocker block(m_headSpin);
        m_headSpin->setValue(m_head);
    }
    refreshPlots();
}

void CompareView::setZoom(double factor) {
    m_zoom = std::clamp(factor, 0.5, 4.0);
    // Labels, spin boxes, combo boxes and the checks inherit the widget's font.
    QFont base = QApplication::font();
    if (base.pointSizeF() > 0)
        base.setPointSizeF(base.pointSizeF() * m_zoom);
    setFont(base);
    QFont bold = base;
    bold.setBold(true);
    for (QLabel* title : m_titles)
        title->setFont(bold);
    QFont f = base;
    f.setPointSizeF(9.0 * m_zoom);
    const QSize panel(int(std::lround(200 * m_zoom)), int(std::lround(170 * m_zoom)));
    for (QCustomPlot* p : m_plots) {
        p->setMinimumSize(panel);
        p->xAxis->setTickLabelFont(f);
        p->yAxis->setTickLabelFont(f);
        p->xAxis->setLabelFont(f);
        p->yAxis->setLabelFont(f);
        for (int i = 0; i < p->plotLayout()->elementCount(); ++i)
            if (auto* scale = qobject_cast<QCPColorScale*>(p->plotLayout()->elementAt(i))) {
                scale->axis()->setTickLabelFont(f);
                scale->axis()->setLabelFont(f);
            }
        p->replot();
    }
    for (QLabel* message : m_messages)
        message->setMinimumSize(panel);
    if (auto* scale = qobject_cast<QCPColorScale*>(m_scalePlot->plotLayout()->elementAt(0))) {
        scale->axis()->setTickLabelFont(f);
        scale->axis()->setLabelFont(f);
    }
    m_scalePlot->setMinimumWidth(int(std::lround(70 * m_zoom)));
    m_scalePlot->setMaximumWidth(int(std::lround(90 * m_zoom)));
    m_scalePlot->replot();
}

int CompareView::weightsPanelCount() const {
    int n = 0;
    for (const QCustomPlot* p : m_plots)
        n += p->objectName().startsWith(QLatin1String("weightsPanel_"));
    return n;
}

QCustomPlot* CompareView::plot(int panel) const {
    return panel >= 0 && panel < int(m_plots.size()) ? m_plots[size_t(panel)] : nullptr;
}

void CompareView::recompute() {
    m_errorLabel->hide();
    m_fullWeights.assign(kVariantCount, {});
    m_fullShapes.assign(kVariantCount, {});
    m_checks.clear();
    int heads = 1;
    try {
        const core::Comparison c = core::compare(m_spec);
        for (size_t i = 0; i < size_t(kVariantCount) && i < c.variants.size(); ++i) {
            const core::CompareVariant& cv = c.variants[i];
            Variant& v = m_variants[i];
            v.name = QString::fromStdString(cv.label);
            v.message = QString::fromStdString(cv.error);
            m_diffA->setItemText(int(i), v.name);
            m_diffB->setItemText(int(i), v.name);
            if (const core::Step* w = cv.weightsStep()) { // (B, T, S) or (B, N, T, S)
                m_fullWeights[i] = w->value.values();
                m_fullShapes[i].assign(w->value.shape().begin(), w->value.shape().end());
                if (const int h = core::axisWithRole(*w, core::AxisRole::Head); h >= 0)
                    heads = std::max(heads, int(w->value.dim(h)));
            }
        }
        for (const core::EquivalenceCheck& k : c.checks) {
            Check check;
            check.description = QString::fromStdString(k.claim);
            check.conditions = QString::fromStdString(k.conditions);
            check.maxAbsDiff = k.maxAbsDiff;
            check.applicable = k.applicable;
            check.passed = k.holds();
            check.note = QString::fromStdString(k.note);
            m_checks.push_back(check);
        }
    } catch (const std::exception& e) {
        // The inputs themselves cannot be resolved: nothing to compare.
        m_errorLabel->setText(tr("Cannot compare: %1").arg(QString::fromUtf8(e.what())));
        m_errorLabel->show();
        for (Variant& v : m_variants)
            v.message = tr("No inputs.");
    }

    // Spin box ranges follow the data.
    const int batches = m_spec.query ? int(m_spec.query->dim(0)) : int(m_spec.shapes.batch);
    const QSignalBlocker b1(m_batchSpin), b2(m_headSpin);
    m_batchSpin->setRange(0, std::max(0, batches - 1));
    m_headSpin->setRange(0, heads - 1);
    m_batch = std::clamp(m_batch, 0, std::max(0, batches - 1));
    m_head = std::clamp(m_head, 0, heads - 1);
    m_batchSpin->setValue(m_batch);
    m_headSpin->setValue(m_head);
    refreshPlots();
}

namespace {

// Tokens when there is one per row/column, else 0, 1, 2, ...
QStringList labelsFor(QStringList tokens, const std::vector<std::string>& specTokens, int n) {
    if (tokens.isEmpty())
        for (const std::string& s : specTokens)
            tokens << QString::fromStdString(s);
    if (tokens.size() == n)
        return tokens;
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QString::number(i);
    return out;
}

} // namespace

QStringList CompareView::rowLabels(int n) const {
    return labelsFor(m_queryTokens, m_spec.queryTokens, n);
}

QStringList CompareView::colLabels(int n) const {
    return labelsFor(m_keyTokens, m_spec.sourceTokens, n);
}

void CompareView::refreshPlots() {
    if (m_plots.empty())
        return;
    // Slice every variant's weights at (batch, head) → [T, S].
    for (int v = 0; v < kVariantCount; ++v) {
        Variant& var = m_variants[size_t(v)];
        var.weights.clear();
        var.rows = var.cols = 0;
        const auto& shape = m_fullShapes[size_t(v)];
        if (!var.ok() || shape.size() < 3)
            continue;
        const Index S = shape.back(), T = shape[shape.size() - 2];
        const Index B = shape[0];
        const Index H = shape.size() == 4 ? shape[1] : 1;
        const Index b = std::clamp<Index>(m_batch, 0, B - 1);
        const Index h = std::clamp<Index>(m_head, 0, H - 1);
        const float* first = m_fullWeights[size_t(v)].data() + ((b * H + h) * T) * S;
        var.weights.assign(first, first + T * S);
        var.rows = int(T);
        var.cols = int(S);
    }
    const Variant& a = m_variants[size_t(std::max(0, m_diffA->currentIndex()))];
    const Variant& b = m_variants[size_t(std::max(0, m_diffB->currentIndex()))];
    m_diff.clear();
    m_diffRows = m_diffCols = 0;
    m_diffMax = 0;
    QString diffMessage;
    if (a.ok() && b.ok() && a.rows == b.rows && a.cols == b.cols && a.rows > 0) {
        m_diffRows = a.rows;
        m_diffCols = a.cols;
        m_diff.resize(a.weights.size());
        for (size_t i = 0; i < m_diff.size(); ++i) {
            m_diff[i] = a.weights[i] - b.weights[i];
            m_diffMax = std::max(m_diffMax, std::fabs(double(m_diff[i])));
        }
    } else {
        diffMessage = tr("Both variants need weights to subtract.");
    }

    auto fill = [&](int panel, int rows, int cols, const std::vector<float>& values, const QString& title,
                    const QString& message, const QCPRange* range) {
        QCustomPlot* plot = m_plots[size_t(panel)];
        QLabel* msg = m_messages[size_t(panel)];
        m_titles[size_t(panel)]->setText(title);
        if (!message.isEmpty() || rows == 0) {
            plot->hide();
            msg->setText(message);
            msg->show();
            return;
        }
        msg->hide();
        plot->show();
        auto* map = static_cast<QCPColorMap*>(plot->plottable(0));
        map->data()->setSize(cols, rows);
        map->data()->setRange(QCPRange(0, cols - 1), QCPRange(0, rows - 1));
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                map->data()->setCell(c, r, double(values[size_t(r) * size_t(cols) + size_t(c)]));
        if (range)
            map->setDataRange(*range);
        plot->xAxis->setRange(-0.5, cols - 0.5);
        plot->yAxis->setRange(-0.5, rows - 0.5);
        auto tickerFor = [](const QStringList& labels) {
            auto ticker = QSharedPointer<QCPAxisTickerText>::create();
            const int step = std::max<int>(1, int(labels.size()) / 12);
            for (int i = 0; i < labels.size(); i += step)
                ticker->addTick(i, labels[i]);
            return ticker;
        };
        plot->xAxis->setTicker(tickerFor(colLabels(cols)));
        plot->yAxis->setTicker(tickerFor(rowLabels(rows)));
        plot->replot();
    };

    for (int v = 0; v < kVariantCount; ++v) {
        const Variant& var = m_variants[size_t(v)];
        QString title = var.name;
        if (m_fullShapes[size_t(v)].size() == 4) // (B, N, T, S): a head is shown
            title += tr(" — head %1").arg(std::clamp(m_head, 0, std::max(0, m_headSpin->maximum())));
        fill(v, var.rows, var.cols, var.weights, title, var.message, nullptr);
    }
    // A signed tensor: the one diverging scale, symmetric about 0.
    const ColourScale diffScale = colourScaleFor(core::ValueKind::Signed, m_diff);
    const QCPRange diffRange(diffScale.lower, diffScale.upper);
    fill(kVariantCount, m_diffRows, m_diffCols, m_diff, tr("Difference A − B (max |Δ| = %1)").arg(fmtDiff(m_diffMax)),
         diffMessage, &diffRange);

    // Checks, as ✓ / ✗ lines.
    QString html = QStringLiteral("<b>%1</b><br/>").arg(tr("Equivalence checks, computed on these inputs:"));
    for (const Check& c : m_checks) {
        const QString mark = !c.applicable ? QStringLiteral("<span style='color:#777'>–</span>")
                             : c.passed    ? QStringLiteral("<span style='color:#087a08'>✓</span>")
                                           : QStringLiteral("<span style='color:#b00000'>✗</span>");
        html +=
            QStringLiteral("%1 %2: max |Δ| = %3 <span style='color:#555'>(%4; holds when: %5)</span><br/>")
                .arg(mark, c.description.toHtmlEscaped(), c.applicable ? fmtDiff(c.maxAbsDiff) : tr("not applicable"),
                     c.note.toHtmlEscaped(), c.conditions.toHtmlEscaped());
    }
    m_checksLabel->setText(html);
}

QString CompareView::cellText(int panel, int row, int col) const {
    const std::vector<float>* values = nullptr;
    int rows = 0, cols = 0;
    QString name;
    if (panel >= 0 && panel < kVariantCount) {
        const Variant& v = m_variants[size_t(panel)];
        values = &v.weights;
        rows = v.rows;
        cols = v.cols;
        name = v.name;
    } else if (panel == kVariantCount) {
        values = &m_diff;
        rows = m_diffRows;
        cols = m_diffCols;
        name = tr("A − B");
    }
    if (!values || row < 0 || col < 0 || row >= rows || col >= cols)
        return {};
    const double value = double((*values)[size_t(row) * size_t(cols) + size_t(col)]);
    return tr("%1 — query %2 (%3), source %4 (%5): %6")
        .arg(name)
        .arg(row)
        .arg(rowLabels(rows).value(row))
        .arg(col)
        .arg(colLabels(cols).value(col))
        .arg(QString::number(value, 'g', 9));
}

void CompareView::onHover(int panel, QMouseEvent* event) {
    QCustomPlot* plot = m_plots[size_t(panel)];
    const int col = int(std::lround(plot->xAxis->pixelToCoord(event->position().x())));
    const int row = int(std::lround(plot->yAxis->pixelToCoord(event->position().y())));
    const QString text = cellText(panel, row, col);
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    m_hoverLabel->setText(text);
    QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

} // namespace attnviz::ui
