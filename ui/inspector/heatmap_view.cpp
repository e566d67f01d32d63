#include "ui/inspector/heatmap_view.h"

#include "ui/text/step_text.h"
#include "ui/colour/qcp_gradient.h"
#include "ui/inspector/tensor_slice_model.h"

#include "core/trace/step_display.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui {

namespace {

/// core::slice2d(t, rowAxis, colAxis, fixed) for rank ≥ 2, written into
/// `buffer`: a 4096 × 4096 slice is 64 MB, and fresh pages for it cost more
/// than the copy.
core::Slice2D sliceInto(std::vector<float> buffer, const core::Tensor& t, core::Index rowAxis, core::Index colAxis,
                        const std::vector<core::Index>& fixed) {
    core::Slice2D s;
    const core::Index rank = t.rank();
    s.rows = t.dim(rowAxis);
    s.cols = t.dim(colAxis);
    s.values = std::move(buffer);
    s.values.resize(size_t(s.rows * s.cols));
    std::vector<core::Index> stride(size_t(rank), 1);
    for (core::Index a = rank - 1; a > 0; --a)
        stride[size_t(a - 1)] = stride[size_t(a)] * t.dim(a);
    core::Index base = 0;
    for (core::Index a = 0; a < rank; ++a)
        if (a != rowAxis && a != colAxis && a < core::Index(fixed.size()))
            base += std::clamp<core::Index>(fixed[size_t(a)], 0, t.dim(a) - 1) * stride[size_t(a)];
    const core::Index rs = stride[size_t(rowAxis)], cs = stride[size_t(colAxis)];
    const float* src = t.data() + base;
    for (core::Index i = 0; i < s.rows; ++i) {
        float* out = s.values.data() + i * s.cols;
        if (cs == 1)
            std::copy_n(src + i * rs, s.cols, out);
        else
            for (core::Index j = 0; j < s.cols; ++j)
                out[j] = src[i * rs + j * cs];
    }
    return s;
}

core::AxisRole roleOf(const core::Step& s, int axis) {
    return axis >= 0 && size_t(axis) < s.display.roles.size() ? s.display.roles[size_t(axis)] : core::AxisRole::Feature;
}

} // namespace

HeatmapView::HeatmapView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_spinLayout(new QHBoxLayout), m_rangeCombo(new QComboBox(this)),
      m_tabs(new QTabWidget(this)), m_plot(new QCustomPlot(m_tabs)), m_hover(new QLabel(this)),
      m_stats(new QLabel(this)), m_table(new QTableView), m_digits(new QSpinBox), m_model(new TensorSliceModel(this)) {
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_hover->setTextFormat(Qt::RichText);
    m_hover->setWordWrap(true);
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hover->setToolTip(tr("Move the mouse over a cell to see its indices and exact value"));
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plot->setMinimumSize(200, 180);
    m_plot->plotLayout()->setMargins(QMargins(0, 0, 0, 0));
    m_plot->axisRect()->setBackground(QBrush(QColor(160, 160, 160), Qt::BDiagPattern));
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    // NaN/Inf input cells must not look like masked cells (grey): a second map
    // paints them magenta, with NaN/∞ written in (as the stage does) when the slice is small.
    m_nonFiniteMap = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_nonFiniteMap->setInterpolate(false);
    m_nonFiniteMap->setTightBoundary(false);
    {
        QCPColorGradient magenta;
        magenta.setColorStops({{0.0, nonFiniteColor()}, {1.0, nonFiniteColor()}});
        magenta.setNanHandling(QCPColorGradient::nhNanColor);
        magenta.setNanColor(Qt::transparent);
        m_nonFiniteMap->setGradient(magenta);
        m_nonFiniteMap->setDataRange(QCPRange(0, 1));
    }
    auto* group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_plot->yAxis->setRangeReversed(true); // row 0 (first query token) on top
    m_plot->xAxis->setTickLabelRotation(0);
    m_plot->setMouseTracking(true);
    m_plot->setToolTip(QString());
    connect(m_plot, &QCustomPlot::mouseMove, this, &HeatmapView::onMouseMove);

    m_table->setModel(m_model);
    m_table->horizontalHeader()->setDefaultSectionSize(64);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_tabs->addTab(m_plot, tr("Heatmap"));
    // The Numbers tab: the table, and above it how many digits it shows.
    auto* numbers = new QWidget(m_tabs);
    auto* numbersLayout = new QVBoxLayout(numbers);
    numbersLayout->setContentsMargins(0, 2, 0, 0);
    numbersLayout->setSpacing(2);
    auto* digitsBar = new QHBoxLayout;
    digitsBar->setContentsMargins(2, 0, 2, 0);
    auto* digitsLabel = new QLabel(tr("Digits:"), numbers);
    m_digits->setRange(1, 9);
    m_digits->setValue(m_model->digits());
    m_digits->setToolTip(tr("Significant digits in each cell; hover a cell for all nine"));
    digitsLabel->setBuddy(m_digits);
    digitsBar->addWidget(digitsLabel);
    digitsBar->addWidget(m_digits);
    digitsBar->addStretch(1);
    numbersLayout->addLayout(digitsBar);
    numbersLayout->addWidget(m_table, 1);
    connect(m_digits, &QSpinBox::valueChanged, this, [this](int digits) {
        setNumberDigits(digits);
        emit numberDigitsChanged(digits);
    });
    m_tabs->addTab(numbers, tr("Numbers"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1 && m_numbersUnfitted)
            fitNumberColumns();
    });
    m_tabs->setTabToolTip(1, tr("The slice as numbers, with each row's sum"));
    m_tabs->setDocumentMode(true);

    m_rangeCombo->addItem(tr("Colours 0–1"));
    m_rangeCombo->addItem(tr("Colours 0–top (auto)"));
    m_rangeCombo->setToolTip(tr("Probabilities: a fixed 0–1 scale compares steps; auto stretches the colours to "
                                "the step's largest value, or, once it has 1000 values, to the value 99.5 % of "
                                "them stay under (long sequences spread the weights thin, and row 0 of a causal "
                                "mask is a single 1); cells above it take the top colour"));
    m_rangeCombo->setFocusPolicy(Qt::ClickFocus);
    m_rangeCombo->hide();
    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        setAutoProbabilityRange(index == 1);
        emit autoProbabilityRangeChanged(index == 1);
    });

    m_spinLayout->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    auto* controls = new QHBoxLayout;
    controls->addLayout(m_spinLayout, 1);
    controls->addWidget(m_rangeCombo);
    layout->addLayout(controls);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_hover);
    layout->addWidget(m_stats);
    rebuild();
}

HeatmapView::~HeatmapView() = default;

const core::Step* HeatmapView::step() const {
    if (!m_trace || m_index < 0 || m_index >= int(m_trace->steps.size()))
        return nullptr;
    return &m_trace->steps[size_t(m_index)];
}

void HeatmapView::setStep(std::shared_ptr<const core::Trace> trace, int index) {
    m_trace = std::move(trace);
    m_index = index;
    rebuild();
}

void HeatmapView::setTokens(QStringList queryTokens, QStringList keyTokens) {
    m_queryTokens = std::move(queryTokens);
    m_keyTokens = std::move(keyTokens);
    refill();
}

void HeatmapView::setSliceIndex(const QString& axisName, int value) {
    m_sliceIndices[axisName] = value;
    for (auto& [axis, spin] : m_spins) {
        const core::Step* s = step();
        if (s && QString::fromStdString(s->axes[size_t(axis)].name) == axisName && spin->value() != value) {
            const QSignalBlocker block(spin);
            spin->setValue(value);
            m_fixed[size_t(axis)] = spin->value();
        }
    }
    refill();
}

int HeatmapView::sliceIndex(const QString& axisName) const {
    const auto it = m_sliceIndices.find(axisName);
    return it == m_sliceIndices.end() ? 0 : it->second;
}

void HeatmapView::setAutoProbabilityRange(bool on) {
    if (on == m_autoProbability)
        return;
    m_autoProbability = on;
    const QSignalBlocker block(m_rangeCombo);
    m_rangeCombo->setCurrentIndex(on ? 1 : 0);
    refill();
}

int HeatmapView::rows() const {
    return int(m_model->slice().rows);
}

int HeatmapView::columns() const {
    return int(m_model->slice().cols);
}

void HeatmapView::rebuild() {
    const core::Step* s = step();
    m_rowAxis = m_colAxis = -1;
    m_fixed.clear();
    if (s) {
        const int rank = int(s->value.rank());
        m_fixed.assign(size_t(rank), 0);
        // Rows: the last axis before the columns that is not batch or head,
        // so (B, T, N, H) shows query × key_dim per head (the core decides).
        const core::SliceAxes axes = core::sliceAxes(*s);
        m_rowAxis = axes.rowAxis;
        m_colAxis = axes.colAxis;
        // The whole tensor's range from the core's summary (no scan here).
        m_colours = colourScaleFor(*m_trace, *s);
        m_probabilityMax = 0;
        if (m_colours.kind == ColourRangeKind::Probability) {
            const core::StepSummary sum = core::summarizeStep(*m_trace, *s);
            // Auto range: up to the core's robust top (the 99.5th percentile
            // once there are 1000 values), so a few weights near 1 (row 0 of
            // a causal mask) do not leave every other row dark.
            m_probabilityMax = sum.anyShown ? std::max(0.0, double(sum.shownHigh)) : 0.0;
        }
        m_title->setText(tr("<b>%1</b> <code>%2</code> %3 %4")
                             .arg(stepTitle(*s).toHtmlEscaped(), QString::fromStdString(s->key),
                                  shapeText(s->value.shape()), axesText(s->axisNames()).toHtmlEscaped()));
    } else {
        m_colours = ColourScale();
        m_title->setText(tr("<i>No tensor to show</i>"));
    }
    rebuildSpinBoxes();
    refill();
}

void HeatmapView::rebuildSpinBoxes() {
    for (auto& [axis, spin] : m_spins)
        delete spin;
    m_spins.clear();
    while (QLayoutItem* item = m_spinLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const core::Step* s = step();
    if (!s)
        return;
    for (int a = 0; a < int(s->value.rank()); ++a) {
        if (a == m_rowAxis || a == m_colAxis)
            continue;
        const QString name =
            a < int(s->axes.size()) ? QString::fromStdString(s->axes[size_t(a)].name) : tr("axis %1").arg(a);
        const QString shown = a < int(s->axes.size()) ? axisLabel(s->axes[size_t(a)].name) : name;
        auto* label = new QLabel(shown + QLatin1Char(':'), this);
        auto* spin = new QSpinBox(this);
        spin->setRange(0, int(s->value.dim(a)) - 1);
        spin->setValue(std::min(sliceIndex(name), spin->maximum()));
        spin->setToolTip(tr("Which %1 to show (0 to %2)").arg(shown).arg(spin->maximum()));
        spin->setFocusPolicy(Qt::ClickFocus);
        m_fixed[size_t(a)] = spin->value();
        m_spinLayout->addWidget(label);
        m_spinLayout->addWidget(spin);
        m_spins.emplace_back(a, spin);
        const core::AxisRole role = roleOf(*s, a);
        connect(spin, &QSpinBox::valueChanged, this, [this, a, name, role](int v) {
            m_fixed[size_t(a)] = v;
            m_sliceIndices[name] = v;
            refill();
            emit sliceIndexChanged(role, name, v);
        });
    }
    m_spinLayout->addStretch(1);
}

const core::Slice2D& HeatmapView::shownSlice() const {
    return m_model->slice();
}

QStringList HeatmapView::labelsFor(int axis) const {
    const core::Step* s = step();
    if (!s || axis < 0 || axis >= int(s->axes.size()))
        return {};
    const core::Index n = s->value.dim(axis);
    const QStringList* tokens = nullptr;
    if (roleOf(*s, axis) == core::AxisRole::Query)
        tokens = &m_queryTokens;
    else if (roleOf(*s, axis) == core::AxisRole::Source)
        tokens = &m_keyTokens;
    if (!tokens || tokens->size() != n)
        return {};
    return *tokens;
}

void HeatmapView::setHighlights(std::vector<std::pair<int, int>> cells) {
    // Called on every step change (a lesson's cells, or none): only the frames change.
    if (cells == m_highlights)
        return;
    m_highlights = std::move(cells);
    for (int i = m_plot->itemCount(); i-- > 0;)
        if (m_plot->item(i)->objectName() == QLatin1String("highlight"))
            m_plot->removeItem(i);
    addHighlightItems();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

void HeatmapView::addHighlightItems() {
    const int rows = this->rows(), cols = columns();
    for (const auto& [r, c] : m_highlights) { // a lesson slide's cells, orange as on the stage
        if (r < 0 || c < 0 || r >= rows || c >= cols)
            continue;
        auto* box = new QCPItemRect(m_plot);
        box->topLeft->setCoords(c - 0.5, r - 0.5);
        box->bottomRight->setCoords(c + 0.5, r + 0.5);
        box->setPen(QPen(QColor(255, 140, 0), 3));
        box->setBrush(Qt::NoBrush);
        box->setObjectName(QStringLiteral("highlight"));
    }
}

int HeatmapView::highlightItemCount() const {
    int n = 0;
    for (int i = 0; i < m_plot->itemCount(); ++i)
        n += m_plot->item(i)->objectName() == QLatin1String("highlight");
    return n;
}

void HeatmapView::refill() {
    // The hovered cell outlives a recompute or a new slice: its read-out is
    // redone below from the new numbers (never the old value), or cleared.
    const int hoverRow = m_hoverRow, hoverCol = m_hoverCol;
    m_hoverRow = m_hoverCol = -1;
    m_hover->setText(tr("Hover over a cell for its exact value."));
    m_plot->setToolTip(QString());
    const core::Step* s = step();
    if (!s || s->value.empty()) {
        m_map->data()->clear();
        m_nonFiniteMap->data()->clear();
        m_plot->clearItems();
        m_nonFinite = 0;
        m_figures = {};
        m_sliceMasked.clear();
        m_sliceCols = 0;
        m_model->setSlice({});
        m_stats->clear();
        m_plot->replot();
        return;
    }
    const core::Tensor& t = s->value;
    core::Slice2D slice;
    if (t.rank() >= 2)
        slice = sliceInto(m_model->takeValues(), t, m_rowAxis, m_colAxis, m_fixed);
    else
        slice = core::slice2d(t, m_fixed);
    const int rows = int(slice.rows), cols = int(slice.cols);

    // Colours: the step's one colour scale (whole tensor, masked cells left
    // out), the same on the stage and in the compare view.
    const bool probability = m_colours.kind == ColourRangeKind::Probability;
    m_rangeCombo->setVisible(probability);
    if (probability)
        m_colours.upper = m_autoProbability && m_probabilityMax > 0 ? m_probabilityMax : 1.0;
    m_map->setGradient(qcpGradient(m_colours, maskedColour()));
    // Which cells of the slice are masked: the core's flags for this slice only.
    m_sliceMasked = t.rank() >= 2 ? core::maskedSlice(*m_trace, *s, m_rowAxis, m_colAxis, m_fixed)
                                  : core::maskedCells(*m_trace, *s);
    m_sliceMasked.resize(size_t(rows) * size_t(cols), 0);
    m_sliceCols = cols;

    // A large slice is drawn max-|value| pooled (each drawn cell is the most
    // extreme of its block, masked cells left out unless the whole block is),
    // so single large values stay visible; the hover reads the exact cell.
    const core::Pooled drawn =
        core::poolMaxAbs(slice.values.data(), m_sliceMasked.data(), rows, cols, kMaxDrawnCells, kMaxDrawnCells);
    m_blockRows = int(drawn.blockRows);
    m_blockCols = int(drawn.blockCols);
    const int drawnRows = int(drawn.rows), drawnCols = int(drawn.cols);
    const QCPRange xRange(0.5 * double(m_blockCols - 1), double(drawnCols - 1) * m_blockCols + 0.5 * (m_blockCols - 1));
    const QCPRange yRange(0.5 * double(m_blockRows - 1), double(drawnRows - 1) * m_blockRows + 0.5 * (m_blockRows - 1));
    auto* cells = m_map->data();
    cells->setSize(drawnCols, drawnRows);
    cells->setRange(xRange, yRange);
    auto* special = m_nonFiniteMap->data();
    special->setSize(drawnCols, drawnRows);
    special->setRange(xRange, yRange);
    m_plot->clearItems(); // the NaN/Inf labels of the previous slice
    // The slice's figures under the heatmap, in one pass (statsText).
    m_figures = sliceFigures(slice, m_sliceMasked);
    m_nonFinite = int(m_figures.nonFinite);
    const bool labelCells = rows <= 32 && cols <= 32;
    for (int r = 0; r < drawnRows; ++r)
        for (int c = 0; c < drawnCols; ++c) {
            const float v = drawn.at(r, c);
            const bool masked = drawn.blockRows * drawn.blockCols > 1 ? core::isMaskedScore(v) : isMaskedCell(r, c);
            const bool finite = std::isfinite(v);
            cells->setCell(c, r, masked || !finite ? std::nan("") : double(v));
            special->setCell(c, r, finite ? std::nan("") : 0.5);
            if (!finite && labelCells) {
                auto* label = new QCPItemText(m_plot);
                label->position->setType(QCPItemPosition::ptPlotCoords);
                label->position->setCoords(c, r);
                label->setText(std::isnan(v) ? QStringLiteral("NaN")
                               : v > 0       ? QStringLiteral("∞")
                                             : QStringLiteral("−∞"));
                label->setColor(Qt::black);
                label->setClipToAxisRect(true);
            }
        }
    addHighlightItems();
    m_map->setDataRange(QCPRange(m_colours.lower, m_colours.upper));
    m_plot->xAxis->setRange(-0.5, cols - 0.5);
    m_plot->yAxis->setRange(-0.5, rows - 0.5);

    // Axis names as labels; tokens as tick labels when there are some.
    auto setupAxis = [&](QCPAxis* axis, int tensorAxis, int n) {
        axis->setLabel(tensorAxis >= 0 && tensorAxis < int(s->axes.size()) ? axisLabel(s->axes[size_t(tensorAxis)].name)
                                                                           : QString());
        const QStringList labels = labelsFor(tensorAxis);
        if (!labels.isEmpty() && n <= 64) {
            auto ticker = QSharedPointer<QCPAxisTickerText>::create();
            for (int i = 0; i < n; ++i)
                ticker->addTick(i, labels[i]);
            axis->setTicker(ticker);
        } else {
            auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
            ticker->setTickStep(1.0);
            ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
            axis->setTicker(ticker);
        }
        axis->setSubTicks(false);
        axis->grid()->setVisible(false);
    };
    setupAxis(m_plot->xAxis, m_colAxis, cols);
    setupAxis(m_plot->yAxis, t.rank() >= 2 ? m_rowAxis : -1, rows);
    m_plot->xAxis->setTickLabelRotation(labelsFor(m_colAxis).isEmpty() ? 0 : -45);
    QString scaleLabel =
        probability
            ? (m_autoProbability ? tr("probability (auto 0–%1)").arg(QLocale().toString(m_colours.upper, 'g', 3))
                                 : tr("probability"))
            : QString();
    if (m_blockRows > 1 || m_blockCols > 1)
        scaleLabel = (scaleLabel.isEmpty() ? QString() : scaleLabel + QStringLiteral(" · ")) +
                     tr("max |v| per %1×%2 block").arg(m_blockRows).arg(m_blockCols);
    m_scale->axis()->setLabel(scaleLabel);
    applyFonts();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);

    m_model->setSlice(std::move(slice), labelsFor(m_rowAxis), labelsFor(m_colAxis));
    // Sizing the Numbers tab's columns formats up to 64k cells: only when it is on show.
    m_numbersUnfitted = true;
    if (m_tabs->currentIndex() == 1)
        fitNumberColumns();
    m_stats->setText(statsText());
    if (hoverRow >= 0 && hoverRow < this->rows() && hoverCol >= 0 && hoverCol < columns()) {
        m_hoverRow = hoverRow;
        m_hoverCol = hoverCol;
        m_hoverValue = m_model->slice().at(hoverRow, hoverCol);
        const QString text = hoverText();
        m_hover->setText(text);
        m_plot->setToolTip(text);
    }
}

void HeatmapView::setNumberDigits(int digits) {
    m_model->setDigits(digits);
    if (m_digits->value() != m_model->digits()) {
        const QSignalBlocker block(m_digits);
        m_digits->setValue(m_model->digits());
    }
    m_numbersUnfitted = true;
    if (m_tabs->currentIndex() == 1)
        fitNumberColumns();
}

int HeatmapView::numberDigits() const {
    return m_model->digits();
}

void HeatmapView::fitNumberColumns() {
    m_numbersUnfitted = false;
    // One width for every column: the widest cell text or header (ResizeToContents
    // would measure every cell on each change, too slow for 4096 × 4096).
    const QFontMetrics fm(m_table->font());
    const int rows = m_model->rowCount(), cols = m_model->columnCount();
    int widest = fm.horizontalAdvance(QStringLiteral("0"));
    // At most about 64k cells are formatted; a bigger slice is sampled by rows.
    // Shaping text is the slow part (about 4 µs a string): only the longest
    // texts are measured (a few per length), which is where the widest one is.
    const int rowStep = std::max(1, int(std::int64_t(rows) * cols / 65536));
    qsizetype longest = 0;
    int measuredAtLongest = 0;
    for (int r = 0; r < rows; r += rowStep)
        for (int c = 0; c < cols; ++c) {
            const QString text = m_model->cellText(m_model->value(r, c));
            if (text.size() < longest || (text.size() == longest && measuredAtLongest >= 16))
                continue;
            measuredAtLongest = text.size() == longest ? measuredAtLongest + 1 : 1;
            longest = text.size();
            widest = std::max(widest, fm.horizontalAdvance(text));
        }
    const QFontMetrics header(m_table->horizontalHeader()->font());
    for (int c = 0; c < cols; ++c)
        widest = std::max(widest,
                          header.horizontalAdvance(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    const int margin = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 12;
    m_table->horizontalHeader()->setMinimumSectionSize(8);
    m_table->horizontalHeader()->setDefaultSectionSize(widest + margin);
    for (int c = 0; c < cols; ++c)
        m_table->horizontalHeader()->resizeSection(c, widest + margin);
}

HeatmapView::SliceFigures HeatmapView::sliceFigures(const core::Slice2D& slice,
                                                    const std::vector<std::uint8_t>& masked) {
    // What core::stats gives for the unmasked cells taken in row-major order
    // (same comparisons, same double sum, same order), and each row's sum of
    // its unmasked cells: one pass over the slice, no copy.
    SliceFigures f;
    f.cells = slice.rows * slice.cols;
    double sum = 0;
    core::Index finite = 0;
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    const bool rowSums = slice.rows > 0 && slice.cols > 1;
    if (rowSums)
        f.rowSums.reserve(size_t(slice.rows));
    for (core::Index r = 0; r < slice.rows; ++r) {
        const float* line = slice.values.data() + r * slice.cols;
        const std::uint8_t* flags = masked.size() == size_t(f.cells) ? masked.data() + r * slice.cols : nullptr;
        double rowSum = 0;
        for (core::Index c = 0; c < slice.cols; ++c) {
            const float v = line[c];
            const bool finiteValue = std::isfinite(v);
            f.nonFinite += !finiteValue;
            if (flags && flags[c])
                continue;
            ++f.shown;
            rowSum += v;
            if (std::isnan(v)) {
                ++f.stats.nanCount;
                continue;
            }
            if (std::isinf(v)) {
                ++f.stats.infCount;
                continue;
            }
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sum += v;
            ++finite;
        }
        if (rowSums)
            f.rowSums.push_back(rowSum);
    }
    if (finite > 0) {
        f.stats.min = lo;
        f.stats.max = hi;
        f.stats.mean = static_cast<float>(sum / static_cast<double>(finite));
    }
    return f;
}

QString HeatmapView::statsText() const {
    const core::Step* s = step();
    if (!s)
        return {};
    const core::Slice2D& slice = m_model->slice();
    const core::TensorStats& st = m_figures.stats;
    QString text = tr("Slice %1×%2 — min %3, max %4, mean %5")
                       .arg(slice.rows)
                       .arg(slice.cols)
                       .arg(QLocale().toString(double(st.min), 'g', 5), QLocale().toString(double(st.max), 'g', 5),
                            QLocale().toString(double(st.mean), 'g', 5));
    if (m_figures.shown != m_figures.cells)
        text += tr(", %n masked cell(s) shown grey", nullptr, int(m_figures.cells - m_figures.shown));
    if (st.nanCount || st.infCount)
        text += tr(" — <b>%1 NaN, %2 Inf</b> (magenta)").arg(st.nanCount).arg(st.infCount);
    // Row sums: all of them when few, else their range.
    const std::vector<double>& sums = m_figures.rowSums;
    if (!sums.empty()) {
        if (sums.size() <= 8) {
            QStringList parts;
            for (double v : sums)
                parts << QLocale().toString(v, 'f', 4);
            text += QLatin1Char('\n') + tr("Row sums: %1").arg(parts.join(QStringLiteral(", ")));
        } else {
            const auto [mn, mx] = std::minmax_element(sums.begin(), sums.end());
            text += QLatin1Char('\n') +
                    tr("Row sums from %1 to %2").arg(QLocale().toString(*mn, 'f', 4), QLocale().toString(*mx, 'f', 4));
        }
    }
    return text;
}

bool HeatmapView::isMaskedCell(int row, int col) const {
    const int nCols = m_sliceCols;
    const size_t i = size_t(row) * size_t(nCols) + size_t(col);
    return row >= 0 && col >= 0 && col < nCols && i < m_sliceMasked.size() && m_sliceMasked[i];
}

std::vector<core::Index> HeatmapView::tensorIndex(int row, int col) const {
    std::vector<core::Index> index = m_fixed;
    if (m_rowAxis >= 0)
        index[size_t(m_rowAxis)] = row;
    if (m_colAxis >= 0)
        index[size_t(m_colAxis)] = col;
    return index;
}

QPointF HeatmapView::cellCenter(int row, int col) const {
    return {m_plot->xAxis->coordToPixel(col), m_plot->yAxis->coordToPixel(row)};
}

void HeatmapView::onMouseMove(QMouseEvent* event) {
    hoverAt(event->position());
}

bool HeatmapView::hoverAt(const QPointF& pos) {
    const core::Step* s = step();
    const int nRows = rows(), nCols = columns();
    if (!s || nRows == 0 || nCols == 0 || !m_plot->axisRect()->rect().contains(pos.toPoint())) {
        m_hoverRow = m_hoverCol = -1;
        return false;
    }
    const int col = int(std::lround(m_plot->xAxis->pixelToCoord(pos.x())));
    const int row = int(std::lround(m_plot->yAxis->pixelToCoord(pos.y())));
    if (row < 0 || row >= nRows || col < 0 || col >= nCols) {
        m_hoverRow = m_hoverCol = -1;
        return false;
    }
    m_hoverRow = row;
    m_hoverCol = col;
    m_hoverValue = m_model->slice().at(row, col);
    const QString text = hoverText();
    m_hover->setText(text);
    m_plot->setToolTip(text);
    emit cellHovered(row, col, m_hoverValue);
    return true;
}

QString HeatmapView::hoverText() const {
    const core::Step* s = step();
    if (!s || m_hoverRow < 0)
        return {};
    const std::vector<core::Index> index = tensorIndex(m_hoverRow, m_hoverCol);
    QStringList parts;
    for (size_t a = 0; a < index.size(); ++a) {
        QString part = (a < s->axes.size() ? QString::fromStdString(s->axes[a].name) : QString::number(a)) +
                       QLatin1Char('=') + QString::number(index[a]);
        const QStringList labels = labelsFor(int(a));
        if (!labels.isEmpty())
            part += QStringLiteral(" “%1”").arg(labels[int(index[a])]);
        parts << part.toHtmlEscaped();
    }
    const QString value = isMaskedCell(m_hoverRow, m_hoverCol)
                              ? tr("%1 (masked)").arg(QLocale().toString(m_hoverValue, 'g', 9))
                              : QLocale().toString(m_hoverValue, 'g', 9);
    QString text = tr("<code>%1[%2]</code> = <b>%3</b>")
                       .arg(QString::fromStdString(s->key), parts.join(QStringLiteral(", ")), value);
    if (m_blockRows > 1 || m_blockCols > 1) {
        // The drawn cell is its block's most extreme value: say which block, and that value.
        const int r0 = m_hoverRow / m_blockRows * m_blockRows, c0 = m_hoverCol / m_blockCols * m_blockCols;
        const int r1 = std::min(r0 + m_blockRows, rows()) - 1, c1 = std::min(c0 + m_blockCols, columns()) - 1;
        const core::Slice2D& slice = m_model->slice();
        std::vector<float> block;
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                block.push_back(isMaskedCell(r, c) && std::isfinite(slice.at(r, c)) ? -1e9f : slice.at(r, c));
        const float extreme = core::poolMaxAbs(block, r1 - r0 + 1, c1 - c0 + 1, 1, 1).values.front();
        text += tr("<br>Drawn: the largest |value| of rows %1–%2 × columns %3–%4, %5")
                    .arg(r0)
                    .arg(r1)
                    .arg(c0)
                    .arg(c1)
                    .arg(QLocale().toString(extreme, 'g', 6));
    }
    return text;
}

void HeatmapView::setZoom(double factor) {
    m_zoom = factor;
    applyFonts();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

void HeatmapView::applyFonts() {
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * m_zoom);
    QFont small = f;
    small.setPointSizeF(f.pointSizeF() * 0.9);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_scale->axis()}) {
        axis->setLabelFont(f);
        axis->setTickLabelFont(small);
    }
    m_hover->setFont(f);
    m_stats->setFont(small);
}

QString HeatmapView::sliceNote() const {
    // "batch 0 · head 1": the fixed leading axes of the slice shown.
    const core::Step* s = step();
    if (!s)
        return {};
    QStringList parts;
    for (const auto& [axis, spin] : m_spins)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(s->axes[size_t(axis)].name)).arg(spin->value());
    return parts.join(QStringLiteral(" · "));
}

Figure HeatmapView::figure(QSize size) const {
    Figure f;
    f.size = size;
    f.title = step() ? stepTitle(*step()) : tr("attnviz");
    if (m_trace && step()) {
        f.heading = figureHeading(*m_trace, m_index);
        if (const QString slice = sliceNote(); !slice.isEmpty())
            f.heading += QStringLiteral(" · ") + slice;
    }
    QCustomPlot* plot = m_plot; // with its own colour scale
    f.paint = [plot](QCPPainter& painter, const QRect& rect) {
        painter.save();
        painter.translate(rect.topLeft());
        plot->toPainter(&painter, rect.width(), rect.height());
        painter.restore();
    };
    return f;
}

} // namespace attnviz::ui
