// Small multiples of a probe example's attention: one heatmap per head of
// every block (rows: blocks; columns: heads), row 0 = the first query on top,
// on the 0–1 viridis scale of every probability in the app. Painted from
// copies of the weights; no maths beyond picking a colour.
#pragma once

#include "core/base/tensor.h"

#include <QStringList>
#include <QWidget>

#include <vector>

namespace attnviz::ui {

class AttentionGrid : public QWidget {
    Q_OBJECT
public:
    explicit AttentionGrid(QWidget* parent = nullptr);
    /// Per block, [batch, heads, T, S]; example `row` of the batch is drawn.
    void setAttention(std::vector<core::Tensor> perBlock, int row = 0);
    void setTokens(QStringList tokens);
    void setZoom(double z);
    int blocks() const { return int(m_attention.size()); }
    int heads(int block) const;
    /// The weight drawn at (block, head, t, s).
    float weight(int block, int head, int t, int s) const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<core::Tensor> m_attention;
    QStringList m_tokens;
    int m_row = 0;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
