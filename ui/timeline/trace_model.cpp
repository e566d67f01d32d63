#include "ui/timeline/trace_model.h"

#include "ui/text/core_text.h"
#include "ui/text/step_text.h"

namespace attnviz::ui {

TraceModel::TraceModel(QObject* parent) : QAbstractListModel(parent) {}

void TraceModel::setTrace(std::shared_ptr<const core::Trace> trace) {
    beginResetModel();
    m_trace = std::move(trace);
    endResetModel();
}

int TraceModel::rowOf(const QString& key) const {
    return m_trace ? m_trace->indexOf(key.toStdString()) : -1;
}

int TraceModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_trace)
        return 0;
    return int(m_trace->steps.size());
}

QVariant TraceModel::data(const QModelIndex& index, int role) const {
    if (!m_trace || !index.isValid() || index.row() >= rowCount())
        return {};
    const core::Step& step = m_trace->steps[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1. %2\n%3").arg(index.row() + 1).arg(stepTitle(step), shapeText(step.value.shape()));
    case Qt::ToolTipRole:
        return tr("<b>%1</b> <code>%2</code><br>%3 %4<br>%5")
            .arg(stepTitle(step).toHtmlEscaped(), QString::fromStdString(step.key), shapeText(step.value.shape()),
                 axesText(step.axisNames()), coreFormula(step.formula).toHtmlEscaped());
    case IdRole: return QString::fromStdString(step.key);
    case TitleRole: return stepTitle(step);
    case ShapeRole: return shapeText(step.value.shape());
    case AxesRole: return axesText(step.axisNames());
    case FormulaRole: return QString::fromStdString(step.formula);
    case OpRole: return opKindText(step.op);
    case FlopsRole: return step.flops;
    default: return {};
    }
}

QHash<int, QByteArray> TraceModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names[IdRole] = "id";
    names[TitleRole] = "title";
    names[ShapeRole] = "shape";
    names[AxesRole] = "axes";
    names[FormulaRole] = "formula";
    names[OpRole] = "op";
    names[FlopsRole] = "flops";
    return names;
}

} // namespace attnviz::ui
