#include "ui/text/formula_panel.h"

#include "ui/text/step_text.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace attnviz::ui {

FormulaPanel::FormulaPanel(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_text(new QTextBrowser(m_tabs)),
      m_code(new QPlainTextEdit(m_tabs)) {
    m_text->setOpenLinks(false);
    m_code->setReadOnly(true);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_text, tr("Formula"));
    m_tabs->addTab(m_code, tr("Keras code"));
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
                    .arg(QString::fromStdString(step->formula).toHtmlEscaped());
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
    row(tr("shape"), QStringLiteral("%1 %2").arg(shapeText(step->value.shape()), axesText(step->axes).toHtmlEscaped()));
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
        html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(step->explanation).toHtmlEscaped());
    m_text->setHtml(html);
    highlight();
}

void FormulaPanel::setListing(const KerasListing& listing) {
    m_listing = listing;
    const bool has = !listing.code.isEmpty();
    if (m_code->toPlainText() != listing.code)
        m_code->setPlainText(has ? listing.code : tr("# Only MultiHeadAttention is built from smaller layers."));
    m_tabs->setTabEnabled(1, has);
    if (!has && m_tabs->currentIndex() == 1)
        m_tabs->setCurrentIndex(0);
    highlight();
}

void FormulaPanel::highlight() {
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

void FormulaPanel::setZoom(double factor) {
    m_zoom = factor;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * factor);
    m_text->setFont(f);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * factor);
    m_code->setFont(mono);
}

QString FormulaPanel::stepHtml() const {
    return m_text->toHtml();
}

QString FormulaPanel::listingText() const {
    return m_code->toPlainText();
}

} // namespace attnviz::ui
