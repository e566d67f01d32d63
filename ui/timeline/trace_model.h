// A list model over a Trace's steps: one row per step. Feeds the timeline.
#pragma once

#include "core/trace/trace.h"

#include <QAbstractListModel>

#include <memory>

namespace attnviz::ui {

class TraceModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // the step key, e.g. "scores"
        TitleRole,
        ShapeRole, // "(1, 2, 4, 4)"
        AxesRole,  // "(batch, head, query, key)"
        FormulaRole,
        OpRole,    // translated op kind
        FlopsRole, // double
    };

    explicit TraceModel(QObject* parent = nullptr);

    void setTrace(std::shared_ptr<const core::Trace> trace);
    const core::Trace* trace() const { return m_trace.get(); }
    /// Row of the step with this key, or -1.
    int rowOf(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::shared_ptr<const core::Trace> m_trace;
};

} // namespace attnviz::ui
