// File ▸ Open Keras model…: the picker listing a saved model's attention
// layers (name, class, heads, input widths, dtype), read from its config.json
// by core::inspectKerasModel (no HDF5 in the GUI process).
#pragma once

#include "core/io/keras_model.h"

#include <QDialog>

class QTableWidget;
class QLabel;

namespace attnviz::ui {

class KerasLayerDialog : public QDialog {
    Q_OBJECT
public:
    KerasLayerDialog(const core::KerasModelInfo& info, QWidget* parent = nullptr);

    /// The name of the selected layer ("" when none).
    QString selectedLayer() const;
    void selectLayer(const QString& name);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
    QLabel* m_header = nullptr;
};

} // namespace attnviz::ui
