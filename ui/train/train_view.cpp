#include "ui/train/train_view.h"

#include "ui/train/attention_grid.h"

#include "core/io/keras_model.h"
#include "core/io/npy.h"
#include "core/teach/train_script.h"
#include "core/train/tasks.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QMenu>
#include <QProcess>
#include <QTemporaryDir>
#include <QToolButton>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace attnviz::ui {

namespace {

// Longest sequence the view trains: the small multiples stay readable and a
// step stays well under a frame.
constexpr int kMaxLength = 64;
// A task generates batches for any step; the run is open-ended.
constexpr core::Index kOpenEndedSteps = 100000000;
// Curves are drawn from at most this many points (every n-th step).
constexpr int kMaxCurvePoints = 2000;

QString layerText(const core::LayerConfig& c) {
    switch (c.layer) {
    case core::LayerKind::MultiHeadAttention:
        return QStringLiteral("MultiHeadAttention(num_heads=%1, key_dim=%2)").arg(c.numHeads).arg(c.keyDim);
    case core::LayerKind::GroupQueryAttention:
        return QStringLiteral("GroupQueryAttention(head_dim=%1, num_query_heads=%2, num_key_value_heads=%3)")
            .arg(c.keyDim)
            .arg(c.numHeads)
            .arg(c.numKeyValueHeads);
    case core::LayerKind::Attention:
        return QStringLiteral("Attention(use_scale=%1, score_mode=\"%2\")")
            .arg(c.effectiveUseScale() ? QStringLiteral("True") : QStringLiteral("False"),
                 c.scoreMode == core::ScoreMode::Concat ? QStringLiteral("concat") : QStringLiteral("dot"));
    case core::LayerKind::AdditiveAttention:
        return QStringLiteral("AdditiveAttention(use_scale=%1)")
            .arg(c.effectiveUseScale() ? QStringLiteral("True") : QStringLiteral("False"));
    }
    return {};
}

void setCurve(QCustomPlot* plot, const std::vector<float>& y, bool log) {
    QVector<double> xs, ys;
    const size_t n = y.size();
    const size_t every = std::max<size_t>(1, n / kMaxCurvePoints);
    for (size_t i = 0; i < n; i += every) {
        xs.push_back(double(i + 1));
        ys.push_back(log ? std::max(double(y[i]), 1e-6) : double(y[i]));
    }
    if (n > 0 && (n - 1) % every != 0) {
        xs.push_back(double(n));
        ys.push_back(log ? std::max(double(y[n - 1]), 1e-6) : double(y[n - 1]));
    }
    plot->graph(0)->setData(xs, ys, true);
    plot->xAxis->setRange(0, std::max<double>(10, double(n) * 1.05));
}

} // namespace

TrainView::TrainView(QWidget* parent)
    : QWidget(parent), m_session(new TrainSession(this)), m_task(new QComboBox(this)), m_description(new QLabel(this)),
      m_pattern(new QLabel(this)), m_reveal(new QPushButton(tr("Reveal the pattern to expect"), this)),
      m_layerLabel(new QLabel(this)), m_blocks(new QSpinBox(this)), m_embed(new QSpinBox(this)),
      m_vocab(new QSpinBox(this)), m_length(new QSpinBox(this)), m_batch(new QSpinBox(this)),
      m_seed(new QSpinBox(this)), m_residual(new QCheckBox(tr("Residual (Add)"), this)),
      m_layerNorm(new QCheckBox(tr("LayerNorm"), this)), m_lr(new QDoubleSpinBox(this)), m_speed(new QComboBox(this)),
      m_play(new QPushButton(tr("Play"), this)), m_stepButton(new QPushButton(tr("Step"), this)),
      m_resetButton(new QPushButton(tr("Reset"), this)), m_stepLabel(new QLabel(this)),
      m_lossPlot(new QCustomPlot(this)), m_accuracyPlot(new QCustomPlot(this)),
      m_logScale(new QCheckBox(tr("Log scale"), this)), m_probe(new QLineEdit(this)), m_probeNote(new QLabel(this)),
      m_grid(new AttentionGrid(this)), m_gradients(new QTableWidget(this)), m_repaint(new QTimer(this)) {
    setObjectName(QStringLiteral("trainView"));
    auto* outer = new QHBoxLayout(this);

    // --- left: task, model, training settings ------------------------------
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* taskBox = new QGroupBox(tr("Task"), left);
    auto* taskLayout = new QVBoxLayout(taskBox);
    m_task->setObjectName(QStringLiteral("trainTask"));
    for (const core::TrainTask& t : core::trainTasks())
        m_task->addItem(QString::fromStdString(t.name), QString::fromStdString(t.name));
    m_task->setCurrentIndex(std::max(0, m_task->findData(QStringLiteral("reverse"))));
    taskLayout->addWidget(m_task);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("trainTaskDescription"));
    taskLayout->addWidget(m_description);
    m_reveal->setObjectName(QStringLiteral("trainReveal"));
    m_reveal->setToolTip(tr("Said after training, so that you can predict it first"));
    taskLayout->addWidget(m_reveal);
    m_pattern->setWordWrap(true);
    m_pattern->setObjectName(QStringLiteral("trainPattern"));
    taskLayout->addWidget(m_pattern);
    leftLayout->addWidget(taskBox);

    auto* modelBox = new QGroupBox(tr("Model"), left);
    auto* form = new QFormLayout(modelBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto addField = [&](const QString& key, const QString& label, QWidget* w) {
        auto* col = new QWidget(modelBox);
        auto* v = new QVBoxLayout(col);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(1);
        v->addWidget(w);
        auto* err = new QLabel(col);
        err->setObjectName(QStringLiteral("trainError_") + key);
        err->setWordWrap(true);
        err->setStyleSheet(QStringLiteral("color: #b00000;"));
        err->hide();
        v->addWidget(err);
        m_errorLabels[key] = err;
        form->addRow(label, col);
    };
    m_layerLabel->setWordWrap(true);
    m_layerLabel->setObjectName(QStringLiteral("trainLayer"));
    m_layerLabel->setToolTip(tr("Every block trains this layer with these options: change them in Setup"));
    addField(QStringLiteral("layer"), tr("Layer (Setup):"), m_layerLabel);
    m_blocks->setRange(1, 3);
    addField(QStringLiteral("blocks"), tr("Blocks:"), m_blocks);
    addField(QStringLiteral("residual"), QString(), m_residual);
    addField(QStringLiteral("layer_norm"), QString(), m_layerNorm);
    m_embed->setRange(1, 512);
    addField(QStringLiteral("embed_dim"), tr("Embed width:"), m_embed);
    m_vocab->setRange(1, 4096);
    addField(QStringLiteral("vocab"), tr("Vocabulary:"), m_vocab);
    m_length->setRange(1, 4096); // refused past kMaxLength, with the reason, as Setup does
    addField(QStringLiteral("length"), tr("Length:"), m_length);
    m_batch->setRange(1, 1024);
    addField(QStringLiteral("batch"), tr("Batch:"), m_batch);
    m_seed->setRange(0, 1 << 30);
    addField(QStringLiteral("seed"), tr("Seed:"), m_seed);
    m_lr->setDecimals(5);
    m_lr->setRange(0.00001, 1.0);
    m_lr->setSingleStep(0.001);
    m_lr->setObjectName(QStringLiteral("trainLearningRate"));
    m_lr->setToolTip(tr("Adam's learning rate; change it while training and the next step uses it"));
    addField(QStringLiteral("learning_rate"), tr("Learning rate:"), m_lr);
    for (QSpinBox* s : {m_blocks, m_embed, m_vocab, m_length, m_batch, m_seed})
        s->setKeyboardTracking(false);
    m_residual->setToolTip(tr("a = Add()([x, attention(x)]): the block's input is added back"));
    m_layerNorm->setToolTip(tr("a = LayerNormalization(epsilon=1e-3)(a)"));
    m_task->setMinimumContentsLength(8);
    m_task->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_blocks->setObjectName(QStringLiteral("trainBlocks"));
    m_vocab->setObjectName(QStringLiteral("trainVocab"));
    m_length->setObjectName(QStringLiteral("trainLength"));
    leftLayout->addWidget(modelBox);
    leftLayout->addStretch(1);
    auto* leftScroll = new QScrollArea(this);
    leftScroll->setObjectName(QStringLiteral("trainSettingsScroll"));
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftScroll->setMinimumWidth(230);
    leftScroll->setMaximumWidth(300);
    outer->addWidget(leftScroll);

    // --- right: controls, curves, the probe's attention, gradient norms -----
    auto* main = new QVBoxLayout;
    auto* controls = new QHBoxLayout;
    m_play->setObjectName(QStringLiteral("trainPlay"));
    m_play->setToolTip(tr("Play / pause training (Space)"));
    m_stepButton->setObjectName(QStringLiteral("trainStep"));
    m_stepButton->setToolTip(tr("One update: a batch, its loss, the gradients, one Adam step"));
    m_resetButton->setObjectName(QStringLiteral("trainReset"));
    m_resetButton->setToolTip(tr("Back to the initial weights: the same seed gives the same curve again"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_play, m_stepButton, m_resetButton})
        controls->addWidget(w);
    auto* speedLabel = new QLabel(tr("Speed:"), this);
    speedLabel->setBuddy(m_speed);
    controls->addWidget(speedLabel);
    m_speed->setObjectName(QStringLiteral("trainSpeed"));
    m_speed->addItem(tr("10 steps/s"), 10.0);
    m_speed->addItem(tr("50 steps/s"), 50.0);
    m_speed->addItem(tr("200 steps/s"), 200.0);
    m_speed->addItem(tr("as fast as it goes"), 0.0);
    m_speed->setCurrentIndex(3);
    controls->addWidget(m_speed);
    m_logScale->setObjectName(QStringLiteral("trainLogScale"));
    controls->addStretch(1);
    auto* home = new QToolButton(this);
    home->setObjectName(QStringLiteral("trainTakeHome"));
    home->setText(tr("Take it home"));
    home->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(home);
    menu->addAction(tr("Trained layer weights (weights.npz, for Setup)…"), this, [this] { exportDialog(0); });
    menu->addAction(tr("The run as a train.json bundle…"), this, [this] { exportDialog(1); });
    menu->addAction(tr("Keras training script…"), this, [this] { exportDialog(2); });
    menu->addAction(tr("PyTorch training script…"), this, [this] { exportDialog(3); });
    menu->addAction(tr("Trained model as .keras…"), this, [this] { exportDialog(4); });
    home->setMenu(menu);
    main->addLayout(controls);
    m_stepLabel->setObjectName(QStringLiteral("trainStepLabel"));
    m_stepLabel->setMinimumWidth(80);
    auto* status = new QHBoxLayout;
    status->addWidget(m_stepLabel, 1);
    status->addWidget(m_logScale);
    status->addWidget(home);
    main->addLayout(status);
    auto* curves = new QHBoxLayout;
    for (QCustomPlot* plot : {m_lossPlot, m_accuracyPlot}) {
        plot->addGraph();
        plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 2));
        plot->xAxis->setLabel(tr("step"));
        plot->setMinimumSize(120, 110);
        curves->addWidget(plot, 1);
    }
    main->addLayout(curves, 2);
    m_lossPlot->setObjectName(QStringLiteral("trainLossPlot"));
    m_lossPlot->yAxis->setLabel(tr("loss (cross-entropy)"));
    m_accuracyPlot->setObjectName(QStringLiteral("trainAccuracyPlot"));
    m_accuracyPlot->yAxis->setLabel(tr("accuracy"));
    m_accuracyPlot->yAxis->setRange(0, 1.02);
    m_accuracyPlot->graph(0)->setPen(QPen(QColor(44, 160, 44), 2));

    auto* bottom = new QHBoxLayout;
    auto* probeCol = new QVBoxLayout;
    auto* probeRow = new QHBoxLayout;
    probeRow->addWidget(new QLabel(tr("Probe:"), this));
    m_probe->setObjectName(QStringLiteral("trainProbe"));
    m_probe->setToolTip(tr("The example whose attention is drawn: token ids separated by spaces"));
    m_probe->setMinimumWidth(60);
    probeRow->addWidget(m_probe, 1);
    probeCol->addLayout(probeRow);
    m_probeNote->setWordWrap(true);
    m_probeNote->setStyleSheet(QStringLiteral("color: #b00000;"));
    m_probeNote->hide();
    probeCol->addWidget(m_probeNote);
    m_grid->setObjectName(QStringLiteral("trainAttention"));
    m_grid->setToolTip(tr("The probe's attention weights in every head of every block (rows: queries, columns: "
                          "keys; 0–1 viridis)"));
    m_grid->setMinimumSize(120, 100);
    probeCol->addWidget(m_grid, 1);
    bottom->addLayout(probeCol, 3);
    auto* gradCol = new QVBoxLayout;
    auto* gradTitle = new QLabel(tr("‖gradient‖ of each weight (last step)"), this);
    gradTitle->setWordWrap(true);
    gradCol->addWidget(gradTitle);
    m_gradients->setObjectName(QStringLiteral("trainGradients"));
    m_gradients->setColumnCount(2);
    m_gradients->setHorizontalHeaderLabels({tr("weight"), tr("‖g‖")});
    m_gradients->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_gradients->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_gradients->verticalHeader()->hide();
    m_gradients->setWordWrap(false);
    m_gradients->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gradients->setMinimumWidth(100);
    gradCol->addWidget(m_gradients, 1);
    bottom->addLayout(gradCol, 2);
    main->addLayout(bottom, 3);
    outer->addLayout(main, 1);

    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    space->setContext(Qt::WidgetWithChildrenShortcut);
    connect(space, &QShortcut::activated, this, &TrainView::togglePlay);

    connect(m_task, &QComboBox::currentIndexChanged, this, &TrainView::onTaskChanged);
    for (QSpinBox* s : {m_blocks, m_embed, m_vocab, m_length, m_batch, m_seed})
        connect(s, &QSpinBox::valueChanged, this, &TrainView::rebuild);
    connect(m_residual, &QCheckBox::toggled, this, &TrainView::rebuild);
    connect(m_layerNorm, &QCheckBox::toggled, this, &TrainView::rebuild);
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this](double lr) {
        if (!m_building && m_session->hasRun())
            m_session->setLearningRate(lr); // takes effect at the next step, the curve goes on
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_session->setSpeed(m_speed->currentData().toDouble()); });
    connect(m_play, &QPushButton::clicked, this, &TrainView::togglePlay);
    connect(m_stepButton, &QPushButton::clicked, this, &TrainView::step);
    connect(m_resetButton, &QPushButton::clicked, this, &TrainView::reset);
    connect(m_reveal, &QPushButton::clicked, this, &TrainView::revealPattern);
    connect(m_logScale, &QCheckBox::toggled, this, [this](bool on) {
        m_lossPlot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on)
            m_lossPlot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else
            m_lossPlot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_shownSerial = -1;
        refresh();
    });
    connect(m_probe, &QLineEdit::editingFinished, this, &TrainView::applyProbeText);
    // Snapshots arrive from the worker; the timer folds them into ≤ 30 repaints a second.
    m_repaint->setInterval(33);
    connect(m_repaint, &QTimer::timeout, this, &TrainView::refresh);

    m_layer.layer = core::LayerKind::MultiHeadAttention;
    m_layer.numHeads = 2;
    m_layer.keyDim = 16;
    m_session->setSpeed(0);
    onTaskChanged();
}

TrainView::~TrainView() = default;

void TrainView::setLayer(const core::LayerConfig& layer) {
    core::LayerConfig c = layer;
    c.transformerSublayer = false; // the blocks' own residual and LayerNorm replace it
    c.notKerasUnscaled = false;
    auto same = [](const core::LayerConfig& a, const core::LayerConfig& b) {
        return a.layer == b.layer && a.numHeads == b.numHeads && a.keyDim == b.keyDim && a.valueDim == b.valueDim &&
               a.numKeyValueHeads == b.numKeyValueHeads && a.slidingWindow == b.slidingWindow &&
               a.useGate == b.useGate && a.useBias == b.useBias && a.outputShape == b.outputShape &&
               a.useScale == b.useScale && a.scoreMode == b.scoreMode && a.dropout == b.dropout;
    };
    if (same(c, m_layer) && m_session->hasRun())
        return; // an unrelated Setup edit: the run goes on
    m_layer = c;
    rebuild();
}

void TrainView::setZoom(double factor) {
    m_zoom = factor;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * factor);
    setFont(f);
    for (QCustomPlot* plot : {m_lossPlot, m_accuracyPlot})
        for (QCPAxis* a : {plot->xAxis, plot->yAxis}) {
            a->setTickLabelFont(f);
            a->setLabelFont(f);
        }
    if (auto* left = findChild<QScrollArea*>(QStringLiteral("trainSettingsScroll"))) {
        left->setMinimumWidth(int(230 * factor));
        left->setMaximumWidth(int(300 * factor));
    }
    m_shownSerial = -1;
    refresh();
}

void TrainView::onTaskChanged() {
    const core::TrainTask* t = core::findTrainTask(m_task->currentData().toString().toStdString());
    if (!t)
        return;
    m_building = true;
    m_description->setText(QString::fromStdString(t->description));
    m_blocks->setValue(t->blocks);
    m_residual->setChecked(true);
    m_layerNorm->setChecked(true);
    m_embed->setValue(int(t->embedDim));
    m_vocab->setValue(int(t->vocab));
    m_length->setValue(int(t->length));
    m_batch->setValue(int(t->batch));
    m_lr->setValue(t->learningRate);
    m_building = false;
    m_revealed = false;
    rebuild();
}

std::optional<core::TrainSpec> TrainView::specFromSettings() {
    m_refused.clear();
    const std::string taskName = m_task->currentData().toString().toStdString();
    const core::TrainTask* t = core::findTrainTask(taskName);
    const int V = m_vocab->value(), L = m_length->value();
    // What the task's data generator can make (core/train/tasks.cpp), and the view's own limit.
    if (L > kMaxLength)
        m_refused[QStringLiteral("length")] =
            tr("At most %1 here: the small multiples stay readable and a step stays under a frame. Received: %2")
                .arg(kMaxLength)
                .arg(L);
    if (V < 2)
        m_refused[QStringLiteral("vocab")] = tr("A task needs at least 2 tokens. Received: %1").arg(V);
    if (taskName == "lookup") {
        if (L < 3)
            m_refused[QStringLiteral("length")] =
                tr("lookup needs a key, its value and a query: length 3 or more. Received: %1").arg(L);
        else if (V / 2 < (L - 1) / 2)
            m_refused[QStringLiteral("vocab")] =
                tr("lookup draws %1 distinct keys from the lower half of the vocabulary: it needs at least %2 "
                   "tokens for length %3. Received: %4")
                    .arg((L - 1) / 2)
                    .arg(2 * ((L - 1) / 2))
                    .arg(L)
                    .arg(V);
        else if (V > 128)
            m_refused[QStringLiteral("vocab")] = tr("lookup uses at most 128 tokens. Received: %1").arg(V);
    }
    if (taskName == "induction" && L < 4)
        m_refused[QStringLiteral("length")] =
            tr("induction repeats a first half: length 4 or more. Received: %1").arg(L);
    if (!m_refused.empty() || !t)
        return std::nullopt;
    core::TrainSpec s = core::taskTrainSpec(taskName, kOpenEndedSteps, std::uint64_t(m_seed->value()));
    s.model.vocab = V;
    s.model.length = L;
    s.model.embedDim = m_embed->value();
    s.model.blocks.clear();
    for (int b = 0; b < m_blocks->value(); ++b) {
        core::BlockSpec blk;
        blk.config = m_layer;
        blk.useCausalMask = t->causal; // the task decides: copy_previous, lookup, induction are causal
        blk.residual = m_residual->isChecked();
        blk.layerNorm = m_layerNorm->isChecked();
        s.model.blocks.push_back(blk);
    }
    s.optimizer.learningRate = m_lr->value();
    s.task->batch = m_batch->value();
    try {
        core::validateTrainSpec(s);
    } catch (const core::SpecError& e) {
        const std::string f = e.field();
        QString key = QStringLiteral("layer");
        if (f == "model.vocab")
            key = QStringLiteral("vocab");
        else if (f == "model.length")
            key = QStringLiteral("length");
        else if (f == "model.embed_dim")
            key = QStringLiteral("embed_dim");
        else if (f == "model.blocks")
            key = QStringLiteral("blocks");
        else if (f.starts_with("optimizer"))
            key = QStringLiteral("learning_rate");
        else if (f.starts_with("task.batch"))
            key = QStringLiteral("batch");
        else if (f == "model")
            key = QStringLiteral("embed_dim");
        m_refused[key] = QString::fromStdString(e.what());
        return std::nullopt;
    }
    return s;
}

void TrainView::markRefused() {
    for (auto& [key, label] : m_errorLabels) {
        const auto it = m_refused.find(key);
        label->setVisible(it != m_refused.end());
        label->setText(it != m_refused.end() ? it->second : QString());
    }
}

void TrainView::rebuild() {
    if (m_building)
        return;
    m_layerLabel->setText(layerText(m_layer) +
                          (core::findTrainTask(m_task->currentData().toString().toStdString())->causal
                               ? tr(", called with use_causal_mask=True (the task is causal)")
                               : QString()));
    const std::optional<core::TrainSpec> spec = specFromSettings();
    markRefused();
    if (!spec)
        return; // the last good run stays
    try {
        m_session->setSpec(*spec);
        m_spec = *spec;
    } catch (const core::SpecError& e) {
        m_refused[QStringLiteral("layer")] = QString::fromStdString(e.what());
        markRefused();
        return;
    }
    m_revealed = false;
    m_shownSerial = -1;
    refreshNow();
}

bool TrainView::applySetting(const QString& name, const QString& value, QString* error) {
    bool ok = true;
    const int i = value.toInt(&ok);
    auto bad = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (name == QLatin1String("task")) {
        const int at = m_task->findData(value);
        if (at < 0)
            return bad(tr("unknown task '%1'; known: %2").arg(value, QString::fromStdString(core::trainTaskNames())));
        m_task->setCurrentIndex(at);
        return true;
    }
    if (name == QLatin1String("residual") || name == QLatin1String("layer_norm")) {
        const bool on = value == QLatin1String("1") || value == QLatin1String("true") || value == QLatin1String("on");
        (name == QLatin1String("residual") ? m_residual : m_layerNorm)->setChecked(on);
        return true;
    }
    if (name == QLatin1String("learning_rate")) {
        const double lr = value.toDouble(&ok);
        if (!ok)
            return bad(tr("expected a number"));
        m_lr->setValue(lr);
        return true;
    }
    const std::map<QString, QSpinBox*> boxes{
        {QStringLiteral("blocks"), m_blocks}, {QStringLiteral("embed_dim"), m_embed},
        {QStringLiteral("vocab"), m_vocab},   {QStringLiteral("length"), m_length},
        {QStringLiteral("batch"), m_batch},   {QStringLiteral("seed"), m_seed}};
    const auto it = boxes.find(name);
    if (it == boxes.end())
        return bad(tr("unknown setting; known: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, "
                      "seed, learning_rate"));
    if (!ok)
        return bad(tr("expected an integer"));
    it->second->setValue(i);
    return true;
}

void TrainView::play() {
    if (!m_session->hasRun())
        return;
    m_session->play();
    m_play->setText(tr("Pause"));
}

void TrainView::pause() {
    m_session->pause();
    m_play->setText(tr("Play"));
    refreshNow();
    emit pausedWithModel();
}

void TrainView::togglePlay() {
    if (m_session->isPlaying())
        pause();
    else
        play();
}

void TrainView::step() {
    if (m_session->isPlaying())
        pause();
    m_session->step();
    refreshNow();
    emit pausedWithModel();
}

void TrainView::reset() {
    m_session->reset();
    m_session->setLearningRate(m_lr->value());
    m_play->setText(tr("Play"));
    m_revealed = false;
    refreshNow();
    emit pausedWithModel();
}

void TrainView::trainSteps(int n) {
    m_session->stepMany(n);
    refreshNow();
}

void TrainView::revealPattern() {
    m_revealed = true;
    refreshNow();
}

bool TrainView::patternRevealed() const {
    return m_revealed;
}

void TrainView::refreshNow() {
    m_shownSerial = -1;
    refresh();
}

void TrainView::applyProbeText() {
    const TrainSnapshot s = m_session->snapshot();
    const QStringList parts = m_probe->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int L = int(m_spec.model.length), V = int(m_spec.model.vocab);
    QString why;
    std::vector<std::int32_t> tokens;
    for (const QString& p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 0 || v >= V) {
            why = tr("Each token is an id from 0 to %1. Received: %2").arg(V - 1).arg(p);
            break;
        }
        tokens.push_back(v);
    }
    if (why.isEmpty() && int(tokens.size()) != L)
        why = tr("The probe needs %1 tokens (the model's length). Received: %2").arg(L).arg(tokens.size());
    m_probeNote->setVisible(!why.isEmpty());
    m_probeNote->setText(why);
    if (!why.isEmpty() || s.probe.tokens.empty())
        return; // what was typed stays in the field
    core::TrainBatch probe;
    probe.batch = 1;
    probe.length = L;
    probe.tokens = tokens;
    // The targets of the example it replaces (the loss on the probe is shown as the task defines it only
    // when the tokens are the task's own).
    probe.targets.assign(s.probe.targets.begin(), s.probe.targets.begin() + L);
    if (!s.probe.lossMask.empty())
        probe.lossMask.assign(s.probe.lossMask.begin(), s.probe.lossMask.begin() + L);
    m_session->setProbe(probe);
    refreshNow();
}

namespace {

// The spec of the steps taken so far: a task's open-ended run becomes that many batches.
core::TrainSpec takenSoFar(const core::Trainer& t) {
    core::TrainSpec spec = t.spec();
    spec.steps = std::max<core::Index>(1, t.stepsDone());
    return spec;
}

} // namespace

bool TrainView::exportLayerWeights(const QString& path, int block, QString* error) {
    bool ok = false;
    m_session->withTrainer([&](core::Trainer& t) {
        try {
            const std::string prefix = "block" + std::to_string(block) + "/";
            std::map<std::string, core::Tensor> layer;
            for (auto& [key, w] : t.weights())
                if (key.starts_with(prefix) && key.find("/layer_norm/") == std::string::npos)
                    layer[key.substr(prefix.size())] = std::move(w);
            if (layer.empty())
                throw std::invalid_argument("block " + std::to_string(block) + "'s layer has no weights");
            core::writeNpz(path.toStdString(), layer);
            ok = true;
        } catch (const std::exception& e) {
            if (error)
                *error = QString::fromStdString(e.what());
        }
    });
    return ok;
}

bool TrainView::exportBundle(const QString& dir, QString* error) {
    bool ok = false;
    m_session->withTrainer([&](core::Trainer& t) {
        try {
            core::saveTrainBundle(dir.toStdString(), takenSoFar(t));
            ok = true;
        } catch (const std::exception& e) {
            if (error)
                *error = QString::fromStdString(e.what());
        }
    });
    return ok;
}

bool TrainView::exportScript(const QString& path, bool keras, QString* error) {
    const std::vector<double> rates = m_session->snapshot().learningRates;
    bool ok = false;
    m_session->withTrainer([&](core::Trainer& t) {
        try {
            core::writeTrainScript(path.toStdString(), core::trainScriptInput(t, rates),
                                   keras ? core::ScriptTarget::Keras : core::ScriptTarget::Torch);
            ok = true;
        } catch (const std::exception& e) {
            if (error)
                *error = QString::fromStdString(e.what());
        }
    });
    return ok;
}

bool TrainView::exportKeras(const QString& path, QString* error) {
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        if (error)
            *error = tr("no temporary folder");
        return false;
    }
    const QString bundle = tmp.filePath(QStringLiteral("bundle"));
    const QString weights = tmp.filePath(QStringLiteral("weights.npz"));
    bool ok = false;
    m_session->withTrainer([&](core::Trainer& t) {
        try {
            core::saveTrainBundle(bundle.toStdString(), takenSoFar(t));
            core::writeNpz(weights.toStdString(), t.weights());
            ok = true;
        } catch (const std::exception& e) {
            if (error)
                *error = QString::fromStdString(e.what());
        }
    });
    if (!ok)
        return false;
    QProcess child;
    child.start(
        QString::fromStdString(core::kerasReaderExecutable()),
        {QStringLiteral("--internal-write-keras"), QDir(bundle).filePath(QStringLiteral("train.json")), weights, path});
    if (!child.waitForFinished(60000) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        if (error)
            *error = tr("attnviz-trace could not write the .keras file: %1")
                         .arg(QString::fromUtf8(child.readAllStandardError()).trimmed() + child.errorString());
        return false;
    }
    return true;
}

void TrainView::exportDialog(int what) {
    if (m_session->isPlaying())
        pause();
    QString path, error;
    bool ok = false;
    switch (what) {
    case 0:
        path = QFileDialog::getSaveFileName(this, tr("Trained layer weights"), QStringLiteral("weights.npz"),
                                            tr("NumPy archive (*.npz)"));
        ok = !path.isEmpty() && exportLayerWeights(path, 0, &error);
        break;
    case 1:
        path = QFileDialog::getExistingDirectory(this, tr("Folder for train.json and its data"));
        ok = !path.isEmpty() && exportBundle(path, &error);
        break;
    case 2:
    case 3:
        path = QFileDialog::getSaveFileName(
            this, what == 2 ? tr("Keras training script") : tr("PyTorch training script"),
            what == 2 ? QStringLiteral("train_keras.py") : QStringLiteral("train_torch.py"), tr("Python (*.py)"));
        ok = !path.isEmpty() && exportScript(path, what == 2, &error);
        break;
    default:
        path = QFileDialog::getSaveFileName(this, tr("Trained model"), QStringLiteral("trained.keras"),
                                            tr("Keras model (*.keras)"));
        ok = !path.isEmpty() && exportKeras(path, &error);
    }
    if (path.isEmpty())
        return;
    m_stepLabel->setText(ok ? tr("wrote %1").arg(path) : tr("could not write %1: %2").arg(path, error));
}

void TrainView::refresh() {
    const TrainSnapshot s = m_session->snapshot();
    if (s.serial == m_shownSerial)
        return;
    // The CPU time this thread spends here (wall time on a loaded machine says more about the machine).
    struct Measure {
        double& longest;
        double start = threadCpuMs();
        ~Measure() { longest = std::max(longest, threadCpuMs() - start); }
        static double threadCpuMs() {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
        }
    } measure{m_longestRefreshMs};
    m_shownSerial = s.serial;
    ++m_frames;
    const bool log = m_logScale->isChecked();
    setCurve(m_lossPlot, s.loss, log);
    if (!s.loss.empty()) {
        const auto [lo, hi] = std::minmax_element(s.loss.begin(), s.loss.end());
        if (log)
            m_lossPlot->yAxis->setRange(std::max(1e-6, double(*lo) * 0.8), double(*hi) * 1.25);
        else
            m_lossPlot->yAxis->setRange(0, double(*hi) * 1.05);
    }
    setCurve(m_accuracyPlot, s.accuracy, false);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    m_accuracyPlot->replot(QCustomPlot::rpQueuedReplot);
    const QString rate = s.playing ? tr(" · %1 steps/s").arg(std::lround(s.stepsPerSecond)) : QString();
    const QString last = s.loss.empty() ? tr("not trained yet")
                                        : tr("loss %1 · accuracy %2")
                                              .arg(double(s.loss.back()), 0, 'f', 4)
                                              .arg(double(s.accuracy.back()), 0, 'f', 3);
    m_stepLabel->setText(tr("step %1 · %2%3").arg(s.steps).arg(last, rate));
    if (!s.error.isEmpty())
        m_stepLabel->setText(m_stepLabel->text() + QStringLiteral(" · ") + s.error);
    m_play->setText(s.playing ? tr("Pause") : tr("Play"));
    m_grid->setAttention(s.attention, 0);
    if (!m_probe->hasFocus() && !s.probe.tokens.empty()) {
        QStringList t;
        for (core::Index i = 0; i < s.probe.length; ++i)
            t << QString::number(s.probe.tokens[size_t(i)]);
        m_probe->setText(t.join(QLatin1Char(' ')));
    }
    // The table relayouts on every change: a few times a second is enough to read it.
    const bool tableDue = !s.playing || !m_tableClock.isValid() || m_tableClock.elapsed() > 250;
    if (tableDue)
        m_tableClock.restart();
    m_gradients->setRowCount(int(s.gradientNorms.size()));
    int row = 0;
    for (const auto& [key, norm] : s.gradientNorms) {
        if (!tableDue)
            break;
        auto set = [&](int col, const QString& text) {
            QTableWidgetItem* item = m_gradients->item(row, col);
            if (!item) {
                item = new QTableWidgetItem;
                m_gradients->setItem(row, col, item);
            }
            item->setText(text);
        };
        set(0, QString::fromStdString(key));
        set(1, s.steps > 0 ? QString::number(double(norm), 'g', 3) : QStringLiteral("–"));
        ++row;
    }
    const core::TrainTask* t = core::findTrainTask(m_task->currentData().toString().toStdString());
    m_reveal->setEnabled(s.steps > 0 && !m_revealed);
    m_reveal->setVisible(!m_revealed);
    m_pattern->setText(m_revealed && t ? tr("The pattern to expect: %1. Compare it with the heads drawn here.")
                                             .arg(QString::fromStdString(t->pattern))
                                       : tr("The pattern to expect is said after training: predict it first."));
}

void TrainView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_repaint->start();
    refreshNow();
}

void TrainView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_repaint->stop();
}

} // namespace attnviz::ui
