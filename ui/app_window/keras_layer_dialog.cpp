#include "ui/app_window/keras_layer_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace attnviz::ui {

KerasLayerDialog::KerasLayerDialog(const core::KerasModelInfo& info, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Open Keras model"));
    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setText(tr("<b>%1</b> — %2 model <i>%3</i>. Pick the attention layer to step through; its trained "
                         "weights are read from the file and inputs take the layer's own widths.")
                          .arg(QFileInfo(QString::fromStdString(info.file)).fileName().toHtmlEscaped(),
                               QString::fromStdString(info.modelClass).toHtmlEscaped(),
                               QString::fromStdString(info.modelName).toHtmlEscaped()));
    layout->addWidget(m_header);

    m_table = new QTableWidget(int(info.attentionLayers.size()), 5, this);
    m_table->setHorizontalHeaderLabels({tr("Layer"), tr("Class"), tr("Heads"), tr("Input widths"), tr("dtype")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < int(info.attentionLayers.size()); ++r) {
        const core::KerasLayerInfo& l = info.attentionLayers[size_t(r)];
        const QStringList cells{QString::fromStdString(l.name), QString::fromStdString(l.className),
                                QString::fromStdString(l.heads), QString::fromStdString(l.widths()),
                                QString::fromStdString(l.dtype)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(QString::fromStdString(core::kerasConstructorCall(l.className, l.configJson)));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);
    if (!info.nestedModels.empty()) {
        QStringList names;
        for (const auto& n : info.nestedModels)
            names << QString::fromStdString(n);
        auto* note = new QLabel(tr("Layers inside nested models (%1) cannot be opened: only the top-level model's.")
                                    .arg(names.join(QStringLiteral(", "))),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this, buttons] { buttons->button(QDialogButtonBox::Open)->setEnabled(!selectedLayer().isEmpty()); });
    layout->addWidget(buttons);
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    resize(std::max(560, m_table->horizontalHeader()->length() + 60), 320);
}

QString KerasLayerDialog::selectedLayer() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), 0)->text();
}

void KerasLayerDialog::selectLayer(const QString& name) {
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->text() == name)
            m_table->selectRow(r);
}

} // namespace attnviz::ui
