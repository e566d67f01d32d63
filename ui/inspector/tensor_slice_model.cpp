#include "ui/inspector/tensor_slice_model.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

TensorSliceModel::TensorSliceModel(QObject* parent) : QAbstractTableModel(parent) {}

void TensorSliceModel::setSlice(core::Slice2D slice, QStringList rowLabels, QStringList colLabels) {
    beginResetModel();
    m_slice = std::move(slice);
    m_rowLabels = std::move(rowLabels);
    m_colLabels = std::move(colLabels);
    endResetModel();
}

std::vector<float> TensorSliceModel::takeValues() {
    beginResetModel();
    std::vector<float> values = std::move(m_slice.values);
    m_slice = {};
    endResetModel();
    return values;
}

void TensorSliceModel::setShowRowSums(bool show) {
    beginResetModel();
    m_showRowSums = show;
    endResetModel();
}

void TensorSliceModel::setDigits(int digits) {
    digits = std::clamp(digits, 1, 9);
    if (digits == m_digits)
        return;
    m_digits = digits;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

QString TensorSliceModel::cellText(double v) const {
    return QLocale().toString(v, 'g', m_digits);
}

double TensorSliceModel::value(int r, int c) const {
    if (c < int(m_slice.cols))
        return m_slice.at(r, c);
    double s = 0;
    for (core::Index j = 0; j < m_slice.cols; ++j)
        s += m_slice.at(r, j);
    return s;
}

int TensorSliceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_slice.rows);
}

int TensorSliceModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_slice.cols == 0)
        return 0;
    return int(m_slice.cols) + (m_showRowSums ? 1 : 0);
}

QVariant TensorSliceModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const int r = index.row(), c = index.column();
    const bool sumColumn = c == int(m_slice.cols);
    switch (role) {
    case Qt::DisplayRole: return cellText(value(r, c));
    case Qt::ToolTipRole: return QString::number(value(r, c), 'g', 9);
    case Qt::EditRole: return value(r, c);
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole: return std::isfinite(value(r, c)) ? QVariant() : QVariant(QBrush(nonFiniteColor()));
    case Qt::FontRole:
        if (sumColumn) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    default: return {};
    }
}

QVariant TensorSliceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section == int(m_slice.cols))
            return tr("Σ row");
        return section < m_colLabels.size() ? QStringLiteral("%1 %2").arg(section).arg(m_colLabels[section])
                                            : QString::number(section);
    }
    return section < m_rowLabels.size() ? QStringLiteral("%1 %2").arg(section).arg(m_rowLabels[section])
                                        : QString::number(section);
}

// ---------------------------------------------------------------------------

TensorEditModel::TensorEditModel(QObject* parent) : QAbstractTableModel(parent) {}

void TensorEditModel::setTensor(core::Tensor tensor) {
    beginResetModel();
    m_tensor = std::move(tensor);
    endResetModel();
}

void TensorEditModel::resize(core::Index batch, core::Index rows, core::Index features) {
    if (m_tensor.rank() == 3 && m_tensor.dim(0) == batch && m_tensor.dim(1) == rows && m_tensor.dim(2) == features)
        return;
    core::Tensor t(core::Shape{batch, rows, features});
    if (m_tensor.rank() == 3) {
        for (core::Index b = 0; b < std::min(batch, m_tensor.dim(0)); ++b)
            for (core::Index r = 0; r < std::min(rows, m_tensor.dim(1)); ++r)
                for (core::Index f = 0; f < std::min(features, m_tensor.dim(2)); ++f)
                    t.data()[t.offset({b, r, f})] = m_tensor.at({b, r, f});
    }
    setTensor(std::move(t));
}

int TensorEditModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_tensor.rank() != 3)
        return 0;
    return int(m_tensor.dim(0) * m_tensor.dim(1));
}

int TensorEditModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_tensor.rank() != 3)
        return 0;
    return int(m_tensor.dim(2));
}

QVariant TensorEditModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || m_tensor.rank() != 3)
        return {};
    const float v = m_tensor.data()[index.row() * m_tensor.dim(2) + index.column()];
    if (role == Qt::DisplayRole)
        return QLocale().toString(v, 'g', 4);
    if (role == Qt::EditRole) // text, so the editor is a line edit that also takes "nan" and "inf"
        return QString::number(v, 'g', 9);
    if (role == Qt::ToolTipRole)
        return QLocale().toString(v, 'g', 9);
    if (role == Qt::BackgroundRole && !std::isfinite(v))
        return QBrush(nonFiniteColor());
    return {};
}

bool TensorEditModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || m_tensor.rank() != 3)
        return false;
    // NaN and ±Inf are allowed (the app flags them); "nan", "inf", "-inf" in any case.
    bool ok = false;
    double v = 0;
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString().trimmed();
        v = text.toDouble(&ok);
        if (!ok)
            v = QLocale().toDouble(text, &ok);
        if (!ok) {
            const QString lower = text.toLower();
            ok = true;
            if (lower == QLatin1String("nan"))
                v = std::nan("");
            else if (lower == QLatin1String("inf") || lower == QLatin1String("+inf") || lower == QLatin1String("∞"))
                v = HUGE_VAL;
            else if (lower == QLatin1String("-inf") || lower == QLatin1String("−inf") || lower == QLatin1String("-∞"))
                v = -HUGE_VAL;
            else
                ok = false;
        }
    } else {
        v = value.toDouble(&ok);
    }
    if (!ok)
        return false;
    m_tensor.data()[index.row() * m_tensor.dim(2) + index.column()] = float(v);
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    emit tensorEdited();
    return true;
}

Qt::ItemFlags TensorEditModel::flags(const QModelIndex& index) const {
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant TensorEditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || m_tensor.rank() != 3)
        return {};
    if (orientation == Qt::Horizontal)
        return QString::number(section);
    const auto rows = m_tensor.dim(1);
    return m_tensor.dim(0) > 1 ? tr("b%1 · %2").arg(section / rows).arg(section % rows)
                               : QString::number(section % rows);
}

} // namespace attnviz::ui
