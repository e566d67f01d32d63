// Below the stage: the current step's formula, einsum, Keras line,
// explanation, shape and cost; for MultiHeadAttention a second tab with the
// whole layer in Keras' building blocks, the current step's line highlighted.
#pragma once

#include "ui/text/keras_listing.h"
#include "core/trace.h"

#include <QWidget>

class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;

namespace attnviz::ui {

class FormulaPanel : public QWidget {
    Q_OBJECT
public:
    explicit FormulaPanel(QWidget* parent = nullptr);

    /// The step to describe (nullptr clears). Not owned; call again when the trace changes.
    void setStep(const core::Step* step, int index, int count);
    /// The MultiHeadAttention listing; empty code disables the tab.
    void setListing(const KerasListing& listing);
    void setZoom(double factor);

    QString stepHtml() const;
    QString listingText() const;
    /// 0-based line highlighted in the listing, or -1.
    int highlightedLine() const { return m_highlighted; }

private:
    void highlight();

    QTabWidget* m_tabs;
    QTextBrowser* m_text;
    QPlainTextEdit* m_code;
    KerasListing m_listing;
    QString m_stepKey;
    int m_highlighted = -1;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
