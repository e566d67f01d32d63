// The compare tab (see compare_view.h). Every variant is a core::Spec built
// from the user's resolved inputs; nothing here computes attention itself —
// the maths is the core's, this file only slices, subtracts and plots.
#include "ui/compare/compare_view.h"

#include "ui/colour/qcp_gradient.h"
#include "core/attention.h"

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
using core::LayerKind;
using core::Tensor;

enum VariantId { kDot, kDotScaled, kConcat, kAdditive, kMha, kVariantCount };

/// Every variant's weights are probabilities: one fixed 0–1 scale.
ColourScale weightsScale() {
    return colourScaleFor(core::ValueKind::Probability, {});
}

Tensor scalar(float v) {
    return Tensor(core::Shape{}, {v});
}

/// A spec carrying the resolved inputs, for inference (no dropout).
core::Spec baseSpec(const core::Spec& user, const core::ResolvedInputs& in) {
    core::Spec s;
    s.seed = user.seed;
    s.query = in.query;
    s.value = in.value;
    s.key = in.key;
    s.shapes.batch = in.query.dim(0);
    s.shapes.queryLen = in.query.dim(1);
    s.shapes.sourceLen = in.value.dim(1);
    s.shapes.queryFeatures = in.query.dim(2);
    s.shapes.valueFeatures = in.value.dim(2);
    if (in.key)
        s.shapes.keyFeatures = in.key->dim(2);
    s.queryTokens = user.queryTokens;
    s.sourceTokens = user.sourceTokens;
    s.call.useCausalMask = user.call.useCausalMask;
    s.call.training = false;
    return s;
}

/// Attention / AdditiveAttention take [query_mask, value_mask] and the causal flag.
core::Spec attentionSpec(const core::Spec& base, const core::Spec& user, LayerKind layer) {
    core::Spec s = base;
    s.config.layer = layer;
    s.queryMask = user.queryMask;
    s.valueMask = user.valueMask;
    return s;
}

double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double m = 0;
    for (size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::fabs(double(a[i]) - double(b[i])));
    return m;
}

const Tensor& stepValue(const core::Trace& t, const char* key) {
    const core::Step* s = t.find(key);
    if (!s)
        throw std::runtime_error(std::string("the trace has no step '") + key + "'");
    return s->value;
}

Tensor identityKernel(Index in, Index mid, Index out) {
    // [in, 1, out] or [1, in, out]: ones on the diagonal of the (in·mid) × out matrix.
    Tensor t(core::Shape{in, mid, out});
    for (Index i = 0; i < std::min(in * mid, out); ++i)
        t.data()[i * out + i] = 1.0f;
    return t;
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
    const QStringList names = {tr("Attention(use_scale=False)"), tr("Attention(use_scale=True), scale = 1/√d"),
                               tr("Attention(score_mode=\"concat\")"), tr("AdditiveAttention(use_scale=True)"),
                               tr("MultiHeadAttention")};
    m_variants.assign(kVariantCount, Variant{});
    for (int v = 0; v < kVariantCount; ++v) {
        m_variants[size_t(v)].name = names[v];
        m_diffA->addItem(names[v]);
        m_diffB->addItem(names[v]);
    }
    m_diffA->setCurrentIndex(kAdditive);
    m_diffB->setCurrentIndex(kDot);

    const QCPColorGradient viridis = qcpGradient(weightsScale());
    const int columns = 3;
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
    try {
        runVariants();
        runChecks();
    } catch (const std::exception& e) {
        // resolveInputs itself failed: nothing to compare.
        m_errorLabel->setText(tr("Cannot compare: %1").arg(QString::fromUtf8(e.what())));
        m_errorLabel->show();
        for (Variant& v : m_variants)
            v.message = tr("No inputs.");
    }
    refreshPlots();
}

void CompareView::runVariants() {
    const core::ResolvedInputs in = core::resolveInputs(m_spec);
    const core::Spec base = baseSpec(m_spec, in);
    const Index dq = in.query.dim(2);
    const Index dk = in.key ? in.key->dim(2) : in.value.dim(2);
    const bool sameWidth = dq == dk;
    const QString widthMessage =
        tr("Attention and AdditiveAttention add or multiply query and key feature by feature, so they need "
           "the same width. Here the query has %1 features and the key %2. MultiHeadAttention projects both "
           "to key_dim, so it has no such limit.")
            .arg(dq)
            .arg(dk);

    auto run = [&](int id, const core::Spec& s) {
        Variant& v = m_variants[size_t(id)];
        v.message.clear();
        try {
            const core::Trace t = core::run(s);
            const Tensor& w = stepValue(t, "weights");
            m_fullWeights[size_t(id)] = w.values();
            m_fullShapes[size_t(id)].assign(w.shape().begin(), w.shape().end());
        } catch (const std::exception& e) {
            v.message = QString::fromUtf8(e.what());
        }
    };

    const double d = double(dq);
    m_variants[kDotScaled].name = tr("Attention(use_scale=True), scale = 1/√%1").arg(dq);
    if (sameWidth) {
        run(kDot, attentionSpec(base, m_spec, LayerKind::Attention));
        core::Spec scaled = attentionSpec(base, m_spec, LayerKind::Attention);
        scaled.config.useScale = true;
        // Keras initialises this trainable scalar to 1; set it to 1/√d to compare with MHA's scaling.
        scaled.weights["scale"] = scalar(float(1.0 / std::sqrt(d)));
        run(kDotScaled, scaled);
        core::Spec concat = attentionSpec(base, m_spec, LayerKind::Attention);
        concat.config.scoreMode = core::ScoreMode::Concat;
        run(kConcat, concat);
        core::Spec additive = attentionSpec(base, m_spec, LayerKind::AdditiveAttention);
        additive.config.useScale = true;
        if (m_spec.config.layer == LayerKind::AdditiveAttention)
            if (auto it = m_spec.weights.find("scale"); it != m_spec.weights.end())
                additive.weights["scale"] = it->second;
        run(kAdditive, additive);
    } else {
        for (int id : {kDot, kDotScaled, kConcat, kAdditive})
            m_variants[size_t(id)].message = widthMessage;
    }

    core::Spec mha = base;
    mha.config = m_spec.config;
    mha.config.layer = LayerKind::MultiHeadAttention;
    mha.config.dropout = 0.0f;
    mha.queryMask = m_spec.queryMask;
    mha.valueMask = m_spec.valueMask;
    mha.keyMask = m_spec.keyMask;
    mha.attentionMask = m_spec.attentionMask;
    if (m_spec.config.layer == LayerKind::MultiHeadAttention)
        mha.weights = m_spec.weights;
    m_variants[kMha].name =
        tr("MultiHeadAttention(num_heads=%1, key_dim=%2)").arg(mha.config.numHeads).arg(mha.config.keyDim);
    run(kMha, mha);

    // Spin box ranges follow the data.
    const int batches = int(in.query.dim(0));
    const int heads = std::max(1, mha.config.numHeads);
    const QSignalBlocker b1(m_batchSpin), b2(m_headSpin);
    m_batchSpin->setRange(0, std::max(0, batches - 1));
    m_headSpin->setRange(0, heads - 1);
    m_batch = std::min(m_batch, batches - 1);
    m_head = std::min(m_head, heads - 1);
    m_batchSpin->setValue(m_batch);
    m_headSpin->setValue(m_head);
}

void CompareView::runChecks() {
    const core::ResolvedInputs in = core::resolveInputs(m_spec);
    const core::Spec base = baseSpec(m_spec, in);
    const Index dq = in.query.dim(2);
    const Index dk = in.key ? in.key->dim(2) : in.value.dim(2);
    const Index dv = in.value.dim(2);
    const bool sameWidth = dq == dk;

    auto compare = [](Check& c, const core::Spec& a, const core::Spec& b) {
        try {
            const core::Trace ta = core::run(a);
            const core::Trace tb = core::run(b);
            const Tensor& wa = stepValue(ta, "weights");
            const Tensor& wb = stepValue(tb, "weights");
            c.maxAbsDiff = std::max(maxAbsDiff(wa.values(), wb.values()),
                                    maxAbsDiff(stepValue(ta, "output").values(), stepValue(tb, "output").values()));
            c.applicable = true;
            c.passed = c.maxAbsDiff <= kTolerance;
        } catch (const std::exception& e) {
            c.applicable = false;
            c.note = QString::fromUtf8(e.what());
        }
    };

    // 1. concat with use_scale=False and weight 1 is additive without scale.
    {
        Check c;
        c.description = tr("Attention(score_mode=\"concat\", use_scale=False, concat_score_weight=1) == "
                           "AdditiveAttention(use_scale=False)");
        if (sameWidth) {
            core::Spec a = attentionSpec(base, m_spec, LayerKind::Attention);
            a.config.scoreMode = core::ScoreMode::Concat;
            a.config.useScale = false;
            a.weights["concat_score_weight"] = scalar(1.0f);
            core::Spec b = attentionSpec(base, m_spec, LayerKind::AdditiveAttention);
            b.config.useScale = false;
            compare(c, a, b);
            if (c.applicable)
                c.note = tr("weights and outputs, every batch, with the spec's query/value/causal masks");
        } else {
            c.note = tr("needs query width = key width");
        }
        m_checks.push_back(c);
    }

    // 2. MHA with one head and identity projections is scaled dot-product Attention.
    core::Spec mha = base;
    mha.config.layer = LayerKind::MultiHeadAttention;
    mha.config.numHeads = 1;
    mha.config.keyDim = int(dq);
    mha.config.valueDim = int(dv);
    mha.config.useBias = false;
    mha.config.outputShape = int(dv);
    mha.weights["query_dense/kernel"] = identityKernel(dq, 1, dq);
    mha.weights["key_dense/kernel"] = identityKernel(dk, 1, dq);
    mha.weights["value_dense/kernel"] = identityKernel(dv, 1, dv);
    mha.weights["output_dense/kernel"] = identityKernel(1, dv, dv);
    core::Spec dot = base;
    dot.config.layer = LayerKind::Attention;
    dot.config.useScale = true;
    dot.weights["scale"] = scalar(float(1.0 / std::sqrt(double(dq))));
    {
        Check c;
        c.description = tr("MultiHeadAttention(num_heads=1, key_dim=d, identity projections, use_bias=False) == "
                           "Attention(use_scale=True, scale=1/√d), d = %1")
                            .arg(dq);
        if (sameWidth) {
            core::Spec a = mha, b = dot;
            a.call.useCausalMask = b.call.useCausalMask = false;
            compare(c, a, b);
            if (c.applicable)
                c.note = tr("weights and outputs, no masks (MHA scales the query before the product, "
                            "Attention the scores after it: equal up to float32 rounding)");
        } else {
            c.note = tr("needs query width = key width, so that the identity projection exists");
        }
        m_checks.push_back(c);
    }

    // 3. The same with the spec's value mask and causal mask: equal except in
    //    fully masked rows (MHA gives 0, Attention a uniform row).
    if (sameWidth && (m_spec.valueMask || m_spec.call.useCausalMask)) {
        Check c;
        c.description = tr("… the same with the value mask and causal mask, outside fully masked rows");
        core::Spec a = mha, b = dot;
        a.valueMask = b.valueMask = m_spec.valueMask;
        try {
            const core::Trace ta = core::run(a);
            const core::Trace tb = core::run(b);
            const Tensor& wa = stepValue(ta, "weights"); // (B, 1, T, S)
            const Tensor& wb = stepValue(tb, "weights"); // (B, T, S)
            const Tensor& ya = stepValue(ta, "output");  // (B, T, dv)
            const Tensor& yb = stepValue(tb, "output");
            const Index B = wb.dim(0), T = wb.dim(1), S = wb.dim(2);
            int fullyMasked = 0;
            double m = 0;
            for (Index r = 0; r < B * T; ++r) {
                double sum = 0;
                for (Index s = 0; s < S; ++s)
                    sum += double(wa.data()[r * S + s]);
                if (sum == 0) {
                    ++fullyMasked;
                    continue;
                }
                for (Index s = 0; s < S; ++s)
                    m = std::max(m, std::fabs(double(wa.data()[r * S + s]) - double(wb.data()[r * S + s])));
                for (Index j = 0; j < dv; ++j)
                    m = std::max(m, std::fabs(double(ya.data()[r * dv + j]) - double(yb.data()[r * dv + j])));
            }
            c.maxAbsDiff = m;
            c.applicable = true;
            c.passed = m <= kTolerance;
            c.note = fullyMasked == 0 ? tr("no row is fully masked")
                                      : tr("fully masked rows left out: %1. MultiHeadAttention gives them weight 0, "
                                           "Attention a uniform row (Keras subtracts 1e9 instead of replacing)")
                                            .arg(fullyMasked);
        } catch (const std::exception& e) {
            c.note = QString::fromUtf8(e.what());
        }
        m_checks.push_back(c);
    }
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
        if (v == kMha)
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
        html += QStringLiteral("%1 %2: max |Δ| = %3 <span style='color:#555'>(%4)</span><br/>")
                    .arg(mark, c.description.toHtmlEscaped(),
                         c.applicable ? fmtDiff(c.maxAbsDiff) : tr("not applicable"), c.note.toHtmlEscaped());
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
