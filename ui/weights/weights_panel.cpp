// The Weights tab: the list of the layer's weights (core::weightsInfo), the
// selected weight's numbers, and its presets.
#include "ui/weights/weights_panel.h"

#include "core/layers/run.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace attnviz::ui {

namespace {

QString shapeText(const core::Shape& s) {
    QStringList parts;
    for (core::Index d : s)
        parts << QString::number(d);
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) +
           (s.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
}

} // namespace

// --- WeightValuesModel ---------------------------------------------------------

WeightValuesModel::WeightValuesModel(QObject* parent) : QAbstractTableModel(parent) {}

void WeightValuesModel::setWeight(const core::WeightInfo& info, const core::Tensor& value) {
    beginResetModel();
    m_tensor = value;
    const core::Shape& s = value.shape();
    m_colDims.clear();
    if (s.empty()) {
        m_rows = m_cols = 1;
    } else if (s.size() == 1) {
        m_rows = 1;
        m_cols = int(s[0]);
    } else if (info.inputAxes == 2 && s.size() == 3) {
        // (heads, value_dim, out): rows are the concatenated heads' features.
        m_rows = int(s[0] * s[1]);
        m_cols = int(s[2]);
    } else {
        // (in, heads, dim) or (heads, dim): the first axis down, the rest across.
        m_rows = int(s[0]);
        m_cols = int(value.size() / std::max<core::Index>(1, s[0]));
        m_colDims.assign(s.begin() + 1, s.end());
    }
    endResetModel();
}

int WeightValuesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || m_tensor.empty() ? 0 : m_rows;
}

int WeightValuesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_tensor.empty() ? 0 : m_cols;
}

QVariant WeightValuesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole))
        return {};
    const float v = m_tensor.values()[size_t(index.row()) * size_t(m_cols) + size_t(index.column())];
    if (role == Qt::DisplayRole)
        return QLocale().toString(double(v), 'f', 4);
    return double(v);
}

bool WeightValuesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    bool ok = false;
    double v = value.toDouble(&ok);
    if (!ok)
        v = QLocale().toDouble(value.toString(), &ok);
    if (!ok)
        return false;
    m_tensor.values()[size_t(index.row()) * size_t(m_cols) + size_t(index.column())] = float(v);
    emit dataChanged(index, index);
    emit valuesEdited();
    return true;
}

Qt::ItemFlags WeightValuesModel::flags(const QModelIndex& index) const {
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant WeightValuesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal && m_colDims.size() == 2) // head · index within the head
        return QStringLiteral("%1·%2").arg(section / int(m_colDims[1])).arg(section % int(m_colDims[1]));
    return section;
}

// --- WeightsPanel --------------------------------------------------------------

WeightsPanel::WeightsPanel(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("weightsTotal"));
    m_total->setWordWrap(true);
    column->addWidget(m_total);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("weightsTable"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Keras name"), tr("Shape"), tr("Parameters"), tr("Source"), tr("Initializer"), tr("weights.npz key")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    column->addWidget(m_table, 3);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &WeightsPanel::showSelected);

    m_selectedTitle = new QLabel(this);
    m_selectedTitle->setWordWrap(true);
    column->addWidget(m_selectedTitle);
    auto* presets = new QHBoxLayout;
    m_identity = new QPushButton(tr("Identity"), this);
    m_zeros = new QPushButton(tr("Zeros"), this);
    m_ones = new QPushButton(tr("Ones"), this);
    m_seed = new QPushButton(tr("Redraw from seed"), this);
    m_identity->setToolTip(tr("The identity matrix, where the weight viewed as (inputs × outputs) is square"));
    m_seed->setToolTip(tr("Keras' initializer, drawn from the setup's seed"));
    for (QPushButton* b : {m_identity, m_zeros, m_ones, m_seed})
        presets->addWidget(b);
    presets->addStretch(1);
    column->addLayout(presets);
    m_presetNote = new QLabel(this);
    m_presetNote->setWordWrap(true);
    m_presetNote->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; }"));
    column->addWidget(m_presetNote);
    connect(m_identity, &QPushButton::clicked, this, [this] { applyPreset(Preset::Identity); });
    connect(m_zeros, &QPushButton::clicked, this, [this] { applyPreset(Preset::Zeros); });
    connect(m_ones, &QPushButton::clicked, this, [this] { applyPreset(Preset::Ones); });
    connect(m_seed, &QPushButton::clicked, this, [this] { applyPreset(Preset::Seed); });

    m_model = new WeightValuesModel(this);
    m_values = new QTableView(this);
    m_values->setObjectName(QStringLiteral("weightValues"));
    m_values->setModel(m_model);
    m_values->horizontalHeader()->setDefaultSectionSize(64);
    m_values->verticalHeader()->setDefaultSectionSize(22);
    m_values->setToolTip(tr("Double-click a cell to type a value; the layer recomputes at once"));
    column->addWidget(m_values, 2);
    connect(m_model, &WeightValuesModel::valuesEdited, this, [this] {
        if (const core::WeightInfo* w = selectedInfo())
            emit weightEdited(w->key, m_model->tensor(), tr("edited"));
    });
}

void WeightsPanel::setWeights(const core::Spec& spec, const std::map<std::string, core::Tensor>& params,
                              const std::map<std::string, QString>& sources) {
    const QString selected = selectedKey();
    m_spec = spec;
    m_params = params;
    m_info = core::weightsInfo(spec);
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_info.size()));
    const QLocale locale;
    core::Index inLayer = 0, outside = 0;
    for (int r = 0; r < int(m_info.size()); ++r) {
        const core::WeightInfo& w = m_info[size_t(r)];
        (w.inLayer ? inLayer : outside) += w.count;
        const auto src = sources.find(w.key);
        // The columns a reader needs first come first: name, shape, count, source.
        const QStringList cells{QString::fromStdString(w.kerasName),   shapeText(w.shape),
                                locale.toString(qlonglong(w.count)),   src != sources.end() ? src->second : QString(),
                                QString::fromStdString(w.initializer), QString::fromStdString(w.key)};
        const QStringList tips{cells[0], shapeText(w.shape) + QLatin1Char(' ') + QString::fromStdString(w.axes),
                               cells[2], cells[3],
                               cells[4], cells[5]};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(tips[c]);
            if (c == 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    const QString layer = QString::fromLatin1(core::layerName(spec.config.layer));
    QString total =
        tr("<b>%1</b>: %n trainable weight(s), <b>%2</b> parameters in all (Keras' "
           "<code>layer.count_params()</code>).",
           nullptr, int(std::count_if(m_info.begin(), m_info.end(), [](const auto& w) { return w.inLayer; })))
            .arg(layer, locale.toString(qlonglong(inLayer)));
    if (outside > 0)
        total += QLatin1Char(' ') + tr("The Transformer sub-layer's LayerNormalization adds %1 (a layer of its own).")
                                        .arg(locale.toString(qlonglong(outside)));
    if (m_info.empty())
        total += QLatin1Char(' ') + tr("This layer has no weights with these settings (use_scale or score_mode="
                                       "\"concat\" give Attention its scalars).");
    m_total->setText(total);
    if (!selectWeight(selected) && !m_info.empty())
        m_table->selectRow(0);
    showSelected();
}

bool WeightsPanel::selectWeight(const QString& key) {
    for (int r = 0; r < int(m_info.size()); ++r)
        if (QString::fromStdString(m_info[size_t(r)].key) == key) {
            m_table->selectRow(r);
            showSelected();
            return true;
        }
    return false;
}

QString WeightsPanel::selectedKey() const {
    const core::WeightInfo* w = selectedInfo();
    return w ? QString::fromStdString(w->key) : QString();
}

const core::WeightInfo* WeightsPanel::selectedInfo() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const int r = items.front()->row();
    return r >= 0 && r < int(m_info.size()) ? &m_info[size_t(r)] : nullptr;
}

void WeightsPanel::showSelected() {
    const core::WeightInfo* w = selectedInfo();
    for (QPushButton* b : {m_identity, m_zeros, m_ones, m_seed})
        b->setEnabled(w != nullptr);
    if (!w) {
        m_selectedTitle->clear();
        m_presetNote->clear();
        m_model->setWeight({}, {});
        return;
    }
    const auto it = m_params.find(w->key);
    m_model->setWeight(*w, it != m_params.end() ? it->second : core::Tensor(w->shape));
    m_selectedTitle->setText(
        tr("<b>%1</b> %2, shown as %3 × %4 (rows: its inputs, columns: its outputs)")
            .arg(QString::fromStdString(w->kerasName).toHtmlEscaped(), QString::fromStdString(w->axes).toHtmlEscaped())
            .arg(m_model->rowCount())
            .arg(m_model->columnCount()));
    std::string why;
    const bool canIdentity = core::identityWeight(*w, &why).has_value();
    m_identity->setEnabled(canIdentity);
    m_identity->setToolTip(canIdentity ? tr("The identity matrix: this weight passes its input through unchanged")
                                       : QString::fromStdString(why));
    m_presetNote->setText(canIdentity ? QString() : tr("No identity: %1.").arg(QString::fromStdString(why)));
}

bool WeightsPanel::applyPreset(Preset preset, QString* why) {
    const core::WeightInfo* w = selectedInfo();
    if (!w) {
        if (why)
            *why = tr("No weight is selected.");
        return false;
    }
    core::Tensor t(w->shape);
    switch (preset) {
    case Preset::Identity: {
        std::string reason;
        const auto id = core::identityWeight(*w, &reason);
        if (!id) {
            if (why)
                *why = QString::fromStdString(reason);
            m_presetNote->setText(tr("No identity: %1.").arg(QString::fromStdString(reason)));
            return false;
        }
        emit weightEdited(w->key, *id, tr("identity"));
        return true;
    }
    case Preset::Zeros: emit weightEdited(w->key, t, tr("zeros")); return true;
    case Preset::Ones:
        std::fill(t.values().begin(), t.values().end(), 1.0f);
        emit weightEdited(w->key, t, tr("ones"));
        return true;
    case Preset::Seed:
        if (!m_spec.weightsGiven) { // seeded weights: drop the edit, so it follows the seed
            emit weightReset(w->key);
            return true;
        }
        // Loaded weights are complete: put the seed's draw in their place.
        core::Spec drawn = m_spec;
        drawn.weights.clear();
        drawn.weightsGiven = false;
        emit weightEdited(w->key, core::resolveWeights(drawn).at(w->key), tr("redrawn from seed %1").arg(m_spec.seed));
        return true;
    }
    return false;
}

} // namespace attnviz::ui
