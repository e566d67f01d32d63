// The Weights tab: every trainable weight of the current layer (from
// core::weightsInfo) with its Keras name, shape, initializer, parameter count
// and source, the layer's total as Keras' count_params() gives it, and the
// numbers of the selected weight in an editable table with presets (identity
// where the shape allows it, zeros, ones, redraw from seed). It shows the
// trace's params and computes nothing: an edit is handed to the setup
// (weightEdited), which puts it in the Spec's weights, the same path as a
// loaded weights.npz.
#pragma once

#include "core/spec/spec.h"
#include "core/layers/weights_info.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <map>
#include <string>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace attnviz::ui {

/// One weight as a matrix: rows are its input axes, columns its output axes
/// (the view identityWeight() uses); a vector is one row, a scalar one cell.
class WeightValuesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit WeightValuesModel(QObject* parent = nullptr);
    void setWeight(const core::WeightInfo& info, const core::Tensor& value);
    const core::Tensor& tensor() const { return m_tensor; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    /// A cell was typed into; tensor() holds the new values.
    void valuesEdited();

private:
    core::Tensor m_tensor;
    int m_rows = 0, m_cols = 0;
    std::vector<core::Index> m_colDims; // the column axes' sizes, for "head·index" headers
};

class WeightsPanel : public QWidget {
    Q_OBJECT
public:
    enum class Preset { Identity, Zeros, Ones, Seed };

    explicit WeightsPanel(QWidget* parent = nullptr);

    /// The spec of the trace on show, its params (the numbers the core used)
    /// and each weight's source in words (SetupPanel::Result::weightSources).
    void setWeights(const core::Spec& spec, const std::map<std::string, core::Tensor>& params,
                    const std::map<std::string, QString>& sources);
    /// Select a weight by its weights.npz key; false when the layer has none.
    bool selectWeight(const QString& key);
    QString selectedKey() const;
    /// Apply a preset to the selected weight, as its button does; false with
    /// the reason when it does not apply (identity of a non-square kernel).
    bool applyPreset(Preset preset, QString* why = nullptr);

    QTableWidget* weightsTable() const { return m_table; }
    QTableView* valuesView() const { return m_values; }
    WeightValuesModel* valuesModel() const { return m_model; }
    QLabel* totalLabel() const { return m_total; }
    QPushButton* identityButton() const { return m_identity; }

signals:
    /// A weight's new values (a cell edit or a preset); `how` says which.
    void weightEdited(const std::string& key, const core::Tensor& value, const QString& how);
    /// Back to Keras' initializer from the seed (the edit is dropped).
    void weightReset(const std::string& key);

private:
    void showSelected();
    const core::WeightInfo* selectedInfo() const;

    core::Spec m_spec;
    std::vector<core::WeightInfo> m_info;
    std::map<std::string, core::Tensor> m_params;
    QLabel* m_total;
    QTableWidget* m_table;
    QLabel* m_selectedTitle;
    QTableView* m_values;
    WeightValuesModel* m_model;
    QPushButton* m_identity;
    QPushButton* m_zeros;
    QPushButton* m_ones;
    QPushButton* m_seed;
    QLabel* m_presetNote;
};

} // namespace attnviz::ui
