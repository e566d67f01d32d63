// The query–key space of one head (core/teach/qk_space): queries (circles)
// and keys (triangles, moved by mean(q) − mean(k) for dot-product scores) in
// one 2-D PCA, labelled by token and position. Hovering a query draws lines
// to the keys it attends to most, each with its weight. Works for any trace
// with scores and weights; the numbers all come from the core.
#pragma once

#include "core/teach/qk_space.h"
#include "core/trace/trace.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCustomPlot;
class QCPAbstractItem;
class QLabel;
class QMouseEvent;
class QSpinBox;

namespace attnviz::ui {

class QkSpaceView : public QWidget {
    Q_OBJECT
public:
    explicit QkSpaceView(QWidget* parent = nullptr);

    /// The trace to show (nullptr: none) and the tokens labelling its query
    /// and key positions (may be empty: positions only).
    void setTrace(std::shared_ptr<const core::Trace> trace, QStringList queryTokens = {}, QStringList keyTokens = {});
    void setHead(int head);
    void setBatch(int batch);
    void setZoom(double factor);
    /// Draw the lines of query t (as hovering it does); -1 clears them.
    void hoverQuery(int t);

    /// How many of its most-attended keys a hovered query is joined to.
    static constexpr int kTopKeys = 3;

    int head() const;
    int batch() const;
    const std::optional<core::QkSpace>& space() const { return m_space; }
    QCustomPlot* plot() const { return m_plot; }
    QString caption() const;
    int hoveredQuery() const { return m_hovered; }
    /// The keys joined to the hovered query, most attended first, and the
    /// weight texts written on the lines.
    const std::vector<int>& hoverKeys() const { return m_hoverKeys; }
    QStringList hoverTexts() const;
    /// The query nearest to a pixel of the plot within a few pixels, or -1.
    int queryAt(const QPointF& pixel) const;
    /// Where query t is drawn, in the plot's pixels.
    QPointF queryPixel(int t) const;

signals:
    void headChanged(int head);

private:
    void recompute();
    void replot();
    void onMouseMove(QMouseEvent* event);
    QString pointLabel(const QStringList& tokens, int position) const;

    QCustomPlot* m_plot;
    QLabel* m_title;
    QLabel* m_caption;
    QSpinBox* m_headBox;
    QSpinBox* m_batchBox;
    std::shared_ptr<const core::Trace> m_trace;
    QStringList m_queryTokens, m_keyTokens;
    std::optional<core::QkSpace> m_space;
    QString m_error;
    std::vector<QCPAbstractItem*> m_hoverItems;
    std::vector<int> m_hoverKeys;
    int m_hovered = -1;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
