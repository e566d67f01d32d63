// The compare tab (see compare_view.h). The variants, the identities and
// their checks are core::compare's (core/teach/compare.h); nothing here computes
// attention or knows a layer — this file only slices, subtracts and plots,
// one tile per variant in the core's order.
#include "ui/compare/compare_view.h"

#include "ui/text/core_text.h"

#include "ui/colour/qcp_gradient.h"
#include "ui/compare/flow_layout.h"
#include "core/teach/compare.h"
#include "core/trace/step_display.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

using core::Index;

/// Every variant's weights are probabilities: one fixed 0–1 scale.
ColourScale weightsScale() {
    return colourScaleFor(core::ValueKind::Probability, {});
}

QString fmtDiff(double d) {
    if (!std::isfinite(d))
        return QStringLiteral("—");
    if (d == 0)
        return QStringLiteral("0");
    return QLocale().toString(d, 'g', 3);
}

constexpr int kTileWidth = 230, kPlotHeight = 170;

} // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);

    auto* intro = new QLabel(tr("The same query, key and value through every layer, with your inputs, masks and, "
                                "where they apply, your layer's options and weights (inference, no dropout). "
                                "All weights share one 0–1 colour scale."),
                             this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("compareIntro"));
    outer->addWidget(intro);

    // Two short rows rather than one long one: they fit a 1280-px window beside the docks.
    auto* slices = new QHBoxLayout;
    slices->addWidget(new QLabel(tr("Batch"), this));
    m_batchSpin = new QSpinBox(this);
    m_batchSpin->setToolTip(tr("Which batch element to show"));
    slices->addWidget(m_batchSpin);
    slices->addSpacing(12);
    slices->addWidget(new QLabel(tr("Head"), this));
    m_headSpin = new QSpinBox(this);
    m_headSpin->setToolTip(tr("Which head to show in the tiles with heads"));
    slices->addWidget(m_headSpin);
    slices->addStretch(1);
    outer->addLayout(slices);

    auto* diff = new QHBoxLayout;
    diff->addWidget(new QLabel(tr("Difference"), this));
    m_diffA = new QComboBox(this);
    m_diffB = new QComboBox(this);
    m_diffA->setObjectName(QStringLiteral("differenceA"));
    m_diffB->setObjectName(QStringLiteral("differenceB"));
    for (QComboBox* box : {m_diffA, m_diffB}) { // the core's labels are long: the combos shrink, the popup does not
        box->setToolTip(tr("The difference heatmap shows A − B"));
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
        box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    diff->addWidget(m_diffA, 1);
    diff->addWidget(new QLabel(QStringLiteral("−"), this));
    diff->addWidget(m_diffB, 1);
    outer->addLayout(diff);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_errorLabel->hide();
    outer->addWidget(m_errorLabel);

    // The tiles reflow to the width; the shared colour scale stands beside them.
    auto* tilesRow = new QHBoxLayout;
    m_tiles = new QWidget(this);
    m_tiles->setObjectName(QStringLiteral("compareTiles"));
    m_flow = new FlowLayout(m_tiles, 8);
    tilesRow->addWidget(m_tiles, 1);
    m_scalePlot = new QCustomPlot(this);
    m_scalePlot->setObjectName(QStringLiteral("sharedColourScale"));
    m_scalePlot->plotLayout()->clear();
    auto* scale = new QCPColorScale(m_scalePlot);
    m_scalePlot->plotLayout()->addElement(0, 0, scale);
    scale->setGradient(qcpGradient(weightsScale()));
    scale->setDataRange(QCPRange(weightsScale().lower, weightsScale().upper));
    scale->setBarWidth(14);
    scale->axis()->setLabel(tr("weight"));
    m_scalePlot->setMinimumHeight(kPlotHeight);
    m_scalePlot->setMaximumHeight(2 * kPlotHeight);
    tilesRow->addWidget(m_scalePlot, 0, Qt::AlignTop);
    outer->addLayout(tilesRow, 1);

    m_checksLabel = new QLabel(this);
    m_checksLabel->setObjectName(QStringLiteral("compareChecks"));
    m_checksLabel->setWordWrap(true);
    m_checksLabel->setTextFormat(Qt::RichText);
    m_checksLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_checksLabel);
    m_hoverLabel = new QLabel(tr("Hover a cell for its exact value."), this);
    m_hoverLabel->setWordWrap(true);
    outer->addWidget(m_hoverLabel);
    outer->addStretch(0);

    applyPanelSizes();

    connect(m_batchSpin, &QSpinBox::valueChanged, this, [this](int b) { setSliceIndices(b, m_head); });
    connect(m_headSpin, &QSpinBox::valueChanged, this, [this](int h) { setSliceIndices(m_batch, h); });
    connect(m_diffA, &QComboBox::currentIndexChanged, this, [this] { refreshPlots(); });
    connect(m_diffB, &QComboBox::currentIndexChanged, this, [this] { refreshPlots(); });
}

CompareView::~CompareView() = default;

void CompareView::rebuildPanels(int count) {
    if (int(m_boxes.size()) == count + 1)
        return;
    for (QWidget* box : m_boxes)
        delete box;
    m_boxes.clear();
    m_titles.clear();
    m_badges.clear();
    m_plots.clear();
    m_messages.clear();
    const QCPColorGradient viridis = qcpGradient(weightsScale());
    for (int panel = 0; panel <= count; ++panel) {
        auto* box = new QWidget(m_tiles);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(2, 2, 2, 2);
        layout->setSpacing(2);
        auto* title = new QLabel(box);
        title->setAlignment(Qt::AlignCenter);
        title->setWordWrap(true);
        QFont bold = font();
        bold.setBold(true);
        title->setFont(bold);
        auto* badge = new QLabel(box);
        badge->setAlignment(Qt::AlignCenter);
        badge->setWordWrap(true);
        badge->setStyleSheet(QStringLiteral("color: #555;"));
        auto* plot = new QCustomPlot(box);
        plot->setObjectName(panel < count ? QStringLiteral("weightsPanel_%1").arg(panel)
                                          : QStringLiteral("differencePanel"));
        plot->setMouseTracking(true);
        auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
        map->setInterpolate(false);
        plot->yAxis->setRangeReversed(true); // row 0 (first query) on top
        plot->xAxis->setLabel(tr("source"));
        plot->yAxis->setLabel(tr("query"));
        if (panel < count) {
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
        message->setStyleSheet(QStringLiteral("color: #7a2e00; background: #f4f4f4; padding: 8px;"));
        message->hide();
        layout->addWidget(title);
        layout->addWidget(badge);
        layout->addWidget(plot, 1);
        layout->addWidget(message, 1);
        m_flow->addWidget(box);
        m_boxes.push_back(box);
        m_titles.push_back(title);
        m_badges.push_back(badge);
        m_plots.push_back(plot);
        m_messages.push_back(message);
        connect(plot, &QCustomPlot::mouseMove, this, [this, panel](QMouseEvent* e) { onHover(panel, e); });
        box->show();
    }
    applyPanelSizes();
}

void CompareView::applyPanelSizes() {
    QFont f = font();
    f.setPointSizeF(9.0 * m_zoom);
    const int width = int(std::lround(kTileWidth * m_zoom)), height = int(std::lround(kPlotHeight * m_zoom));
    for (QWidget* box : m_boxes)
        box->setMinimumWidth(width);
    for (QCustomPlot* p : m_plots) {
        p->setMinimumSize(int(std::lround(200 * m_zoom)), height);
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
        message->setMinimumHeight(height);
    if (auto* scale = qobject_cast<QCPColorScale*>(m_scalePlot->plotLayout()->elementAt(0))) {
        scale->axis()->setTickLabelFont(f);
        scale->axis()->setLabelFont(f);
    }
    m_scalePlot->setMinimumWidth(int(std::lround(70 * m_zoom)));
    m_scalePlot->setMaximumWidth(int(std::lround(90 * m_zoom)));
    m_scalePlot->setMinimumHeight(height);
    m_scalePlot->replot();
    m_flow->invalidate();
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
    applyPanelSizes();
}

int CompareView::weightsPanelCount() const {
    int n = 0;
    for (const QCustomPlot* p : m_plots)
        n += p->objectName().startsWith(QLatin1String("weightsPanel_"));
    return n;
}

int CompareView::panelOf(const QString& id) const {
    for (size_t i = 0; i < m_variants.size(); ++i)
        if (m_variants[i].id == id)
            return int(i);
    return -1;
}

QCustomPlot* CompareView::plot(int panel) const {
    return panel >= 0 && panel < int(m_plots.size()) ? m_plots[size_t(panel)] : nullptr;
}

QString CompareView::hoverText() const {
    return m_hoverLabel->text();
}

QString CompareView::glyph(Verdict v) {
    switch (v) {
    case Verdict::HoldsForSetup: return QStringLiteral("✓");
    case Verdict::Fails: return QStringLiteral("✗");
    case Verdict::Unknown: break;
    }
    return QStringLiteral("–");
}

QString CompareView::checksText() const {
    return m_checksLabel->text();
}

int CompareView::tileColumns() const {
    return m_flow->columns();
}

void CompareView::recompute() {
    m_errorLabel->hide();
    m_checks.clear();
    // A value hovered before the recompute is stale now.
    m_hoverLabel->setText(tr("Hover a cell for its exact value."));
    QToolTip::hideText();
    int heads = 1;
    const QString keepA = m_diffA->currentData().toString(), keepB = m_diffB->currentData().toString();
    try {
        const core::Comparison c = core::compare(m_spec);
        m_variants.assign(c.variants.size(), Variant{});
        m_fullWeights.assign(c.variants.size(), {});
        m_fullShapes.assign(c.variants.size(), {});
        rebuildPanels(int(c.variants.size()));
        const QSignalBlocker ba(m_diffA), bb(m_diffB);
        m_diffA->clear();
        m_diffB->clear();
        for (size_t i = 0; i < c.variants.size(); ++i) {
            const core::CompareVariant& cv = c.variants[i];
            Variant& v = m_variants[i];
            v.id = QString::fromStdString(cv.id);
            v.name = coreText(cv.label); // a Keras call, or a what-if said in words
            v.message = coreText(cv.error);
            QStringList badges;
            if (cv.usersLayer)
                badges << tr("your layer, with your options and weights");
            if (cv.whatIf)
                badges << tr("what-if: not how Keras builds it");
            if (const core::CompareVariant* same = c.variant(cv.sameAs)) {
                badges << (cv.sameAsMaxAbsDiff
                               ? tr("equals %1: max |Δ| = %2")
                                     .arg(QString::fromStdString(same->label), fmtDiff(*cv.sameAsMaxAbsDiff))
                               : tr("equals %1").arg(QString::fromStdString(same->label)));
            }
            v.badge = badges.join(QStringLiteral(" · "));
            m_diffA->addItem(v.name, v.id);
            m_diffB->addItem(v.name, v.id);
            if (const core::Step* w = cv.weightsStep()) { // (B, T, S) or (B, N, T, S)
                m_fullWeights[i] = w->value.values();
                m_fullShapes[i].assign(w->value.shape().begin(), w->value.shape().end());
                if (const int h = core::axisWithRole(*w, core::AxisRole::Head); h >= 0)
                    heads = std::max(heads, int(w->value.dim(h)));
            }
        }
        // Keep the user's choice of A and B; at first the core's default pair.
        auto pick = [](QComboBox* box, const QString& keep, const std::string& fallback) {
            int i = box->findData(keep);
            if (i < 0)
                i = box->findData(QString::fromStdString(fallback));
            box->setCurrentIndex(std::max(0, i));
        };
        pick(m_diffA, keepA, c.defaultDifferenceA);
        pick(m_diffB, keepB, c.defaultDifferenceB);
        for (const core::EquivalenceCheck& k : c.checks) {
            Check check;
            check.id = QString::fromStdString(k.id);
            check.description = coreText(k.claim);
            check.conditions = coreText(k.conditions);
            check.maxAbsDiff = k.maxAbsDiff;
            check.applicable = k.applicable;
            check.passed = k.holds();
            check.setupMet = k.setup.met;
            QStringList unmet;
            for (const std::string& u : k.setup.unmet)
                unmet << coreText(u);
            check.setupNote = unmet.join(QStringLiteral("; "));
            check.note = coreText(k.note);
            check.verdict = k.holdsForSetup()            ? Verdict::HoldsForSetup
                            : k.applicable && !k.holds() ? Verdict::Fails
                                                         : Verdict::Unknown;
            m_checks.push_back(check);
        }
    } catch (const std::exception& e) {
        // The inputs themselves cannot be resolved: nothing to compare.
        m_errorLabel->setText(tr("Cannot compare: %1").arg(QString::fromUtf8(e.what())));
        m_errorLabel->show();
        for (Variant& v : m_variants) {
            v.message = tr("No inputs.");
            v.badge.clear();
        }
        m_fullWeights.assign(m_variants.size(), {});
        m_fullShapes.assign(m_variants.size(), {});
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
    const int count = int(m_variants.size());
    if (int(m_plots.size()) != count + 1)
        return;
    // Slice every variant's weights at (batch, head) → [T, S].
    for (int v = 0; v < count; ++v) {
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
    m_diff.clear();
    m_diffRows = m_diffCols = 0;
    m_diffMax = 0;
    QString diffMessage = tr("Both variants need weights to subtract.");
    const int ia = m_diffA->currentIndex(), ib = m_diffB->currentIndex();
    if (ia >= 0 && ib >= 0 && ia < count && ib < count) {
        const Variant& a = m_variants[size_t(ia)];
        const Variant& b = m_variants[size_t(ib)];
        if (a.ok() && b.ok() && a.rows == b.rows && a.cols == b.cols && a.rows > 0) {
            diffMessage.clear();
            m_diffRows = a.rows;
            m_diffCols = a.cols;
            m_diff.resize(a.weights.size());
            for (size_t i = 0; i < m_diff.size(); ++i) {
                m_diff[i] = a.weights[i] - b.weights[i];
                m_diffMax = std::max(m_diffMax, std::fabs(double(m_diff[i])));
            }
        }
    }

    auto fill = [&](int panel, int rows, int cols, const std::vector<float>& values, const QString& title,
                    const QString& badge, const QString& message, const QCPRange* range) {
        QCustomPlot* plot = m_plots[size_t(panel)];
        QLabel* msg = m_messages[size_t(panel)];
        m_titles[size_t(panel)]->setText(title);
        m_badges[size_t(panel)]->setText(badge);
        m_badges[size_t(panel)]->setVisible(!badge.isEmpty());
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

    for (int v = 0; v < count; ++v) {
        const Variant& var = m_variants[size_t(v)];
        QString title = var.name;
        if (m_fullShapes[size_t(v)].size() == 4) // (B, N, T, S): a head is shown
            title += tr(" — head %1").arg(std::clamp(m_head, 0, std::max(0, m_headSpin->maximum())));
        fill(v, var.rows, var.cols, var.weights, title, var.badge, var.message, nullptr);
    }
    // A signed tensor: the one diverging scale, symmetric about 0.
    const ColourScale diffScale = colourScaleFor(core::ValueKind::Signed, m_diff);
    const QCPRange diffRange(diffScale.lower, diffScale.upper);
    fill(count, m_diffRows, m_diffCols, m_diff, tr("Difference A − B"),
         diffMessage.isEmpty() ? tr("max |Δ| = %1").arg(fmtDiff(m_diffMax)) : QString(), diffMessage, &diffRange);

    // Each identity: its conditions, what it measured here, and — apart — the
    // user's setup. A green ✓ only when the setup meets the conditions too.
    QString html = QStringLiteral("<b>%1</b>").arg(tr("Identities, checked on these inputs:"));
    for (const Check& c : m_checks) {
        const QString colour = c.verdict == Verdict::HoldsForSetup ? QStringLiteral("#087a08")
                               : c.verdict == Verdict::Fails       ? QStringLiteral("#b00000")
                                                                   : QStringLiteral("#777");
        html += QStringLiteral("<p style='margin-top:6px'><span style='color:%1'>%2</span> <b>%3</b><br/>")
                    .arg(colour, glyph(c.verdict), c.description.toHtmlEscaped());
        html += QStringLiteral("<span style='color:#555'>%1 %2</span><br/>")
                    .arg(tr("Holds when:"), c.conditions.toHtmlEscaped());
        html += c.applicable ? tr("With these conditions applied to your inputs: max |Δ| = %1 (%2).")
                                   .arg(fmtDiff(c.maxAbsDiff), c.note.toHtmlEscaped())
                             : tr("Cannot be checked on these inputs: %1.").arg(c.note.toHtmlEscaped());
        html += QStringLiteral("<br/>");
        html += c.setupMet ? tr("Your setup meets the conditions.")
                           : QStringLiteral("<span style='color:#7a2e00'>%1</span>")
                                 .arg(tr("Your setup does not meet them: %1.").arg(c.setupNote.toHtmlEscaped()));
        html += QStringLiteral("</p>");
    }
    m_checksLabel->setText(html);
}

QString CompareView::cellText(int panel, int row, int col) const {
    const std::vector<float>* values = nullptr;
    int rows = 0, cols = 0;
    QString name;
    const int count = int(m_variants.size());
    if (panel >= 0 && panel < count) {
        const Variant& v = m_variants[size_t(panel)];
        values = &v.weights;
        rows = v.rows;
        cols = v.cols;
        name = v.name;
    } else if (panel == count) {
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
        .arg(QLocale().toString(value, 'g', 9));
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
