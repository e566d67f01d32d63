// The status line's text: one line, elided to the width it gets, the whole
// text in its tooltip; a "Details…" button (owned by the window) shows it all.
// text() stays the full text.
#pragma once

#include <QLabel>

namespace attnviz::ui {

class StatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit StatusLabel(QWidget* parent = nullptr);

    /// Whether the text does not fit on one line at the current width.
    bool isElided() const;
    /// The text as painted: its first line, elided to the width.
    QString shownText() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    /// The text went from fitting to not fitting, or back (after a paint or a resize).
    void elidedChanged(bool elided);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void checkElided();
    bool m_elided = false;
};

} // namespace attnviz::ui
