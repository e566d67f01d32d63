// A read-only table model over one 2-D slice of a tensor (the pixelator
// pattern: an image as a QAbstractTableModel), plus a last column with each
// row's sum. Reset with begin/endResetModel when the slice changes.
#pragma once

#include "core/base/tensor.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <QColor>

namespace attnviz::ui {

/// The colour every view gives a NaN or ±Inf cell (magenta: in neither colour map).
inline QColor nonFiniteColor() {
    return QColor(255, 0, 255);
}

class TensorSliceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TensorSliceModel(QObject* parent = nullptr);

    void setSlice(core::Slice2D slice, QStringList rowLabels = {}, QStringList colLabels = {});
    const core::Slice2D& slice() const { return m_slice; }
    /// Empty the model and hand back its values' buffer, to be refilled with
    /// the next slice of the same size (no new pages at 4096 × 4096).
    std::vector<float> takeValues();
    /// Show a trailing "Σ row" column.
    void setShowRowSums(bool show);
    /// Significant digits shown in each cell (1–9; the tooltip always has 9).
    void setDigits(int digits);
    int digits() const { return m_digits; }
    /// A cell's text at the current digits (what the table shows).
    QString cellText(double value) const;
    /// The value in column `column` of row `row`, the row sum in the last column.
    double value(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    core::Slice2D m_slice;
    QStringList m_rowLabels, m_colLabels;
    bool m_showRowSums = true;
    int m_digits = 5;
};

/// An editable table over a rank-3 tensor [B, rows, features], shown as B·rows
/// table rows. Used by the setup panel's "edit the inputs" source.
class TensorEditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TensorEditModel(QObject* parent = nullptr);

    void setTensor(core::Tensor tensor);
    const core::Tensor& tensor() const { return m_tensor; }
    /// Resize to [B, rows, features], keeping the values that still fit.
    void resize(core::Index batch, core::Index rows, core::Index features);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void tensorEdited();

private:
    core::Tensor m_tensor; // [B, rows, features]
};

} // namespace attnviz::ui
