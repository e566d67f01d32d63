// Below the stage: the current step's formula, einsum, Keras line,
// explanation, shape and cost; for MultiHeadAttention a second tab with the
// whole layer in Keras' building blocks, the current step's line highlighted.
#pragma once

#include "ui/text/keras_listing_text.h"
#include "core/teach/script_export.h"
#include "core/trace/trace.h"

#include <QWidget>

class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QToolButton;

namespace attnviz::ui {

class FormulaPanel : public QWidget {
    Q_OBJECT
public:
    explicit FormulaPanel(QWidget* parent = nullptr);

    /// The step to describe (nullptr clears). Not owned; call again when the trace changes.
    void setStep(const core::Step* step, int index, int count);
    /// The MultiHeadAttention listing; empty code disables the tab.
    void setListing(const KerasListingText& listing);
    /// The same layer in PyTorch (core::torchListing), shown beside the Keras
    /// listing when "Translate to PyTorch" is on, the current step highlighted.
    void setTorchListing(const core::CodeListing& listing);
    void setTranslate(bool on);
    bool translating() const;
    QToolButton* translateButton() const { return m_translate; }
    /// The Formula (0) and Keras code (1) tabs.
    QTabWidget* tabs() const { return m_tabs; }
    QPlainTextEdit* torchView() const { return m_torch; }
    void setZoom(double factor);

    QString stepHtml() const;
    QString listingText() const;
    QString torchText() const;
    /// 0-based lines highlighted in the PyTorch listing (first, count), (-1, 0) when none.
    std::pair<int, int> torchHighlight() const { return m_torchHighlighted; }
    /// 0-based line highlighted in the listing, or -1.
    int highlightedLine() const { return m_highlighted; }
    /// The height that shows the current step's line of the Keras code with
    /// `context` lines above and below it (tab bar and toolbar included).
    int codeHeightFor(int context) const;
    /// The listing's visible lines (tests).
    int visibleCodeLines() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void highlight();

    QTabWidget* m_tabs;
    QTextBrowser* m_text;
    QPlainTextEdit* m_code;
    QPlainTextEdit* m_torch;
    QToolButton* m_translate;
    QWidget* m_codeTab;
    core::CodeListing m_torchListing;
    std::pair<int, int> m_torchHighlighted{-1, 0};
    KerasListingText m_listing;
    QString m_stepKey;
    int m_highlighted = -1;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
