#include "ui/text/formula_panel.h"

#include "ui/text/core_text.h"
#include "ui/text/step_text.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTabBar>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace attnviz::ui {

FormulaPanel::FormulaPanel(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_text(new QTextBrowser(m_tabs)), m_code(new QPlainTextEdit),
      m_torch(new QPlainTextEdit), m_translate(new QToolButton), m_codeTab(new QWidget(m_tabs)) {
    m_text->setOpenLinks(false);
    for (QPlainTextEdit* e : {m_code, m_torch}) {
        e->setReadOnly(true);
        e->setLineWrapMode(QPlainTextEdit::NoWrap);
        e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    // The Keras code tab: the listing, and beside it (toggle) the PyTorch translation.
    m_translate->setText(tr("Translate to PyTorch"));
    m_translate->setCheckable(true);
    m_translate->setToolTip(tr("Show the same layer written with PyTorch ops beside the Keras code, the current "
                               "step highlighted in both"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(2, 2, 2, 0);
    bar->addWidget(m_translate);
    bar->addStretch(1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_code);
    split->addWidget(m_torch);
    split->setChildrenCollapsible(false);
    m_torch->hide();
    auto* codeLayout = new QVBoxLayout(m_codeTab);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->setSpacing(2);
    codeLayout->addLayout(bar);
    codeLayout->addWidget(split, 1);
    connect(m_translate, &QToolButton::toggled, this, &FormulaPanel::setTranslate);
    m_tabs->addTab(m_text, tr("Formula"));
    m_tabs->addTab(m_codeTab, tr("Keras code"));
    m_tabs->setTabToolTip(0, tr("What this step computes, and the Keras line that does it"));
    m_tabs->setTabToolTip(1, tr("The whole MultiHeadAttention layer written with EinsumDense, Softmax, "
                                "Dropout, Add and LayerNormalization for the current settings"));
    m_tabs->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setStep(nullptr, -1, 0);
    setListing({});
}

void FormulaPanel::setStep(const core::Step* step, int index, int count) {
    if (!step) {
        m_stepKey.clear();
        m_text->setHtml(tr("<p><i>Nothing computed yet. Choose a layer and its sizes on the left.</i></p>"));
        highlight();
        return;
    }
    m_stepKey = QString::fromStdString(step->key);
    const QString mono = QStringLiteral("font-family: monospace;");
    QString html;
    html += tr("<h3 style='margin:0'>Step %1 of %2 — %3 <span style='color:gray;font-weight:normal'>"
               "(%4, <code>%5</code>)</span></h3>")
                .arg(index + 1)
                .arg(count)
                .arg(stepTitle(*step).toHtmlEscaped(), opKindText(step->op).toHtmlEscaped(), m_stepKey.toHtmlEscaped());
    if (!step->formula.empty())
        html += QStringLiteral("<p style='font-size:x-large; margin:6px 0'>%1</p>")
                    .arg(coreFormula(step->formula).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    auto row = [&](const QString& label, const QString& value) {
        html +=
            QStringLiteral("<tr><td style='color:gray; padding-right:8px'>%1</td><td>%2</td></tr>").arg(label, value);
    };
    if (!step->einsum.empty())
        row(tr("einsum"), QStringLiteral("<span style='%1'>\"%2\"</span>")
                              .arg(mono, QString::fromStdString(step->einsum).toHtmlEscaped()));
    if (!step->kerasCode.empty())
        row(tr("Keras"), QStringLiteral("<span style='%1'>%2</span>")
                             .arg(mono, QString::fromStdString(step->kerasCode).toHtmlEscaped()));
    row(tr("shape"),
        QStringLiteral("%1 %2").arg(shapeText(step->value.shape()), axesText(step->axisNames()).toHtmlEscaped()));
    if (!step->inputs.empty()) {
        QStringList in;
        for (const auto& s : step->inputs)
            in << QString::fromStdString(s);
        row(tr("reads"),
            QStringLiteral("<span style='%1'>%2</span>").arg(mono, in.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    row(tr("cost"), tr("%1 FLOPs, %2 bytes").arg(countText(step->flops), countText(step->bytes)));
    html += QStringLiteral("</table>");
    if (!step->explanation.empty())
        html += QStringLiteral("<p>%1</p>").arg(coreText(step->explanation).toHtmlEscaped());
    m_text->setHtml(html);
    highlight();
}

void FormulaPanel::setListing(const KerasListingText& listing) {
    m_listing = listing;
    const bool has = !listing.code.isEmpty() || !m_torchListing.code.empty();
    const QString text = listing.code.isEmpty() ? tr("# No Keras listing for this layer.") : listing.code;
    if (m_code->toPlainText() != text)
        m_code->setPlainText(text);
    m_tabs->setTabEnabled(1, has);
    if (!has && m_tabs->currentIndex() == 1)
        m_tabs->setCurrentIndex(0);
    highlight();
}

void FormulaPanel::setTorchListing(const core::CodeListing& listing) {
    m_torchListing = listing;
    const QString text = QString::fromStdString(listing.code);
    if (m_torch->toPlainText() != text)
        m_torch->setPlainText(text);
    m_tabs->setTabEnabled(1, !m_listing.code.isEmpty() || !listing.code.empty());
    highlight();
}

void FormulaPanel::setTranslate(bool on) {
    if (m_translate->isChecked() != on)
        m_translate->setChecked(on); // comes back here through toggled
    m_torch->setVisible(on);
    highlight();
}

bool FormulaPanel::translating() const {
    return m_translate->isChecked();
}

QString FormulaPanel::torchText() const {
    return m_torch->toPlainText();
}

void FormulaPanel::highlight() {
    // The PyTorch listing: every line of the current step's block.
    const auto it = m_torchListing.linesOfStep.find(m_stepKey.toStdString());
    m_torchHighlighted = it == m_torchListing.linesOfStep.end() ? std::pair{-1, 0} : it->second;
    QList<QTextEdit::ExtraSelection> torchSel;
    for (int i = 0; i < m_torchHighlighted.second; ++i) {
        QTextEdit::ExtraSelection sel;
        sel.format.setBackground(palette().highlight().color().lighter(170));
        sel.format.setProperty(QTextFormat::FullWidthSelection, true);
        sel.cursor = QTextCursor(m_torch->document()->findBlockByNumber(m_torchHighlighted.first + i));
        torchSel << sel;
    }
    if (!torchSel.isEmpty()) {
        m_torch->setTextCursor(torchSel.front().cursor);
        m_torch->centerCursor();
    }
    m_torch->setExtraSelections(torchSel);

    m_highlighted = m_listing.lineOfStep.value(m_stepKey, -1);
    QList<QTextEdit::ExtraSelection> selections;
    if (m_highlighted >= 0) {
        QTextEdit::ExtraSelection sel;
        sel.format.setBackground(palette().highlight().color().lighter(170));
        sel.format.setProperty(QTextFormat::FullWidthSelection, true);
        sel.cursor = QTextCursor(m_code->document()->findBlockByNumber(m_highlighted));
        selections << sel;
        QTextCursor c = sel.cursor;
        m_code->setTextCursor(c);
        m_code->centerCursor(); // the highlighted line mid-panel, with its neighbours around it
    }
    m_code->setExtraSelections(selections);
}

int FormulaPanel::codeHeightFor(int context) const {
    const QFontMetrics fm(m_code->font());
    const int lines = std::min(2 * context + 1, std::max(1, m_code->document()->blockCount()));
    const int text =
        lines * fm.lineSpacing() + 2 * int(m_code->document()->documentMargin()) + 2 * m_code->frameWidth();
    const int scrollBar = m_code->horizontalScrollBar()->sizeHint().height(); // long lines scroll sideways
    return m_tabs->tabBar()->sizeHint().height() + m_translate->sizeHint().height() + 4 + text + scrollBar;
}

int FormulaPanel::visibleCodeLines() const {
    return m_code->viewport()->height() / std::max(1, QFontMetrics(m_code->font()).lineSpacing());
}

void FormulaPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Keep the current step's line mid-pane as the pane grows or shrinks.
    if (m_highlighted >= 0)
        m_code->centerCursor();
    if (m_torchHighlighted.first >= 0)
        m_torch->centerCursor();
}

void FormulaPanel::setZoom(double factor) {
    m_zoom = factor;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * factor);
    m_text->setFont(f);
    m_tabs->tabBar()->setFont(f);
    m_translate->setFont(f);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * factor);
    m_code->setFont(mono);
    m_torch->setFont(mono);
}

QString FormulaPanel::stepHtml() const {
    return m_text->toHtml();
}

QString FormulaPanel::listingText() const {
    return m_code->toPlainText();
}

} // namespace attnviz::ui
