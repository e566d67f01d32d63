// The handout, the worksheet and the answer key of a lesson as PDFs (see handout_writer.h).
#include "ui/lessons/handout_writer.h"

#include "core/teach/lesson.h"
#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/lessons/lesson_text.h"
#include "ui/stage/stage_view.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QTabWidget>
#include <QTextDocument>
#include <QTextStream>

#include <cmath>

namespace attnviz::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString minutesText(double m) {
    return QString::number(m, 'g', 3);
}

// "0:00" style clock of a running time in minutes.
QString clockText(double minutes) {
    const int total = int(std::lround(minutes * 60));
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

const char* viewNoun(core::SlideView view) {
    switch (view) {
    case core::SlideView::Stage: return QT_TRANSLATE_NOOP("HandoutPrinter", "the stage");
    case core::SlideView::Compare: return QT_TRANSLATE_NOOP("HandoutPrinter", "the Compare tab");
    case core::SlideView::ScalingLab: return QT_TRANSLATE_NOOP("HandoutPrinter", "the 1/√dₖ lab");
    case core::SlideView::EquivalenceLab: return QT_TRANSLATE_NOOP("HandoutPrinter", "the equivalence lab");
    }
    return "";
}

} // namespace

/// Plays the lesson in the window and prints it; a friend of LessonPanel.
class HandoutPrinter {
    Q_DECLARE_TR_FUNCTIONS(HandoutPrinter)

public:
    HandoutPrinter(LessonPanel& panel, HandoutKind kind) : m_panel(panel), m_kind(kind) {}

    bool write(const QString& pdfPath, QString* error) {
        if (!m_panel.isOpen()) {
            if (error)
                *error = tr("No lesson is open.");
            return false;
        }
        const int keep = m_panel.slideIndex();
        const bool ok = m_kind == HandoutKind::AnswerKey ? writeAnswerKey(pdfPath, error) : writePages(pdfPath, error);
        m_panel.showSlide(keep);
        return ok;
    }

private:
    const core::Lesson& lesson() const { return m_panel.lesson(); }

    // One page per slide (Full) or per question slide (Worksheet), then the answers (Full).
    bool writePages(const QString& pdfPath, QString* error) {
        QPdfWriter pdf(pdfPath);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setResolution(150);
        pdf.setTitle(m_kind == HandoutKind::Worksheet ? tr("Worksheet — %1").arg(qs(lesson().title))
                                                      : qs(lesson().title));
        pdf.setCreator(QStringLiteral("attnviz"));
        QPainter p;
        if (!p.begin(&pdf)) {
            if (error)
                *error = tr("Cannot write %1.").arg(pdfPath);
            return false;
        }
        m_pdf = &pdf;
        m_painter = &p;
        bool first = true;
        for (int i = 0; i < int(lesson().slides.size()); ++i) {
            const core::Slide& s = lesson().slides[size_t(i)];
            if (m_kind == HandoutKind::Worksheet && !s.question)
                continue;
            if (!first)
                pdf.newPage();
            first = false;
            QString err;
            if (!m_panel.showSlide(i, &err)) {
                p.end();
                if (error)
                    *error = err;
                return false;
            }
            drawSlidePage(i);
        }
        if (m_kind == HandoutKind::Full)
            drawAnswersPage();
        p.end();
        return true;
    }

    // The page's header line and the slide's title (wrapped, never cut); returns the y below them.
    int drawTitle(int index) {
        QPainter& p = *m_painter;
        const QRect page = p.viewport();
        const int W = page.width() - 2 * kMargin;
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
        const QString where =
            tr("%1 — slide %2 of %3").arg(qs(lesson().title)).arg(index + 1).arg(lesson().slides.size());
        p.drawText(QRect(kMargin, kMargin, W, 30), Qt::AlignLeft,
                   m_kind == HandoutKind::Worksheet ? tr("Worksheet · %1").arg(where) : where);
        if (m_kind == HandoutKind::Worksheet)
            p.drawText(QRect(kMargin, kMargin, W, 30), Qt::AlignRight, tr("Name: ______________________"));
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 18, QFont::Bold));
        const QString title = qs(lesson().slides[size_t(index)].title);
        const QRect box =
            p.boundingRect(QRect(kMargin, kMargin + 30, W, 10000), Qt::AlignLeft | Qt::TextWordWrap, title);
        p.drawText(box, Qt::AlignLeft | Qt::TextWordWrap, title);
        return box.bottom() + 20;
    }

    void drawSlidePage(int index) {
        QPainter& p = *m_painter;
        const core::Slide& s = lesson().slides[size_t(index)];
        const QRect page = p.viewport();
        const int W = page.width() - 2 * kMargin, H = page.height() - 2 * kMargin;
        const int top = drawTitle(index), bottom = kMargin + H;
        const int leftW = int(W * 0.38), rightX = kMargin + leftW + 30, rightW = W - leftW - 30;
        const bool worksheet = m_kind == HandoutKind::Worksheet;
        // A question slide's narration stops at its "---" line: the rest would give the answer away.
        const QString filled = qs(core::fillNarration(s.narration, *m_panel.m_traces));
        QString html = markdownToHtml(s.question ? beforeReveal(filled) : filled);
        if (s.question)
            html += questionHtml(s, worksheet);
        drawDoc(html, QRect(kMargin, top, leftW, bottom - top));
        // Right: the view of the slide, then (full handout) the heatmap under it.
        // A lab's conditions and table need more height than the stage; its heatmap less.
        const double viewShare = s.view == core::SlideView::Stage ? 0.62 : 0.75;
        const int viewH = worksheet ? bottom - top : int((bottom - top) * viewShare);
        if (worksheet && s.view != core::SlideView::Stage) {
            // The labs and Compare print their max |Δ| and curves: the answer. Say where to look instead.
            drawDoc(QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("In class this slide shows %1; it is not printed on the worksheet because its "
                                "numbers would give the answer away.")
                                 .arg(tr(viewNoun(s.view)))),
                    QRect(rightX, top, rightW, viewH));
            return;
        }
        const QImage view = viewImage(s, worksheet, QSize(rightW, viewH));
        const QSize vs = view.size().scaled(rightW, viewH, Qt::KeepAspectRatio);
        p.drawImage(QRect(rightX + (rightW - vs.width()) / 2, top, vs.width(), vs.height()), view);
        if (worksheet)
            return;
        const int heatTop = top + viewH + 20, heatH = bottom - heatTop;
        const QPixmap heat = m_panel.handoutHeatmap(index, QSize(900, int(900.0 * heatH / rightW)));
        const QSize hs = heat.size().scaled(rightW, heatH, Qt::KeepAspectRatio);
        p.drawPixmap(QRect(rightX + (rightW - hs.width()) / 2, heatTop, hs.width(), hs.height()), heat);
    }

    // The stage at the end of its animation (the worksheet: concealed, operands and "?"), or the lab.
    QImage viewImage(const core::Slide& s, bool concealed, QSize room) {
        MainWindow* w = m_panel.m_window;
        m_panel.setConcealed(concealed);
        w->settle();
        if (s.view == core::SlideView::Stage) {
            // The stage keeps its fonts and cells at any size: render it small (760 px wide) so that
            // scaled to the page its numbers print at a readable size.
            const QSize size(760, int(760.0 * room.height() / room.width()));
            return w->stage()->renderImage(size);
        }
        // A lab is a widget: grab it at 680 px so that its table and plots print at about 8 pt (not 5 pt).
        QWidget* tab = w->centreTabs()->currentWidget();
        const QSize size(680, int(680.0 * room.height() / room.width()));
        const QSize old = tab->size();
        tab->resize(size);
        QApplication::processEvents();
        const QImage img = tab->grab().toImage();
        tab->resize(old);
        return img;
    }

    QString questionHtml(const core::Slide& s, bool worksheet) const {
        const core::Question& q = *s.question;
        QString html = QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Question:"), qs(q.prompt).toHtmlEscaped());
        if (!q.options.empty()) {
            html += QStringLiteral("<table cellspacing=\"6\">");
            for (size_t i = 0; i < q.options.size(); ++i)
                html += QStringLiteral("<tr><td>%1</td><td>%2. %3</td></tr>")
                            .arg(worksheet ? QStringLiteral("☐") : QString())
                            .arg(i + 1)
                            .arg(qs(q.options[i].text).toHtmlEscaped());
            html += QStringLiteral("</table>");
        } else if (q.kind == core::QuestionKind::Number) {
            html += QStringLiteral("<p>%1 ______________</p>").arg(tr("Your answer:"));
        } else {
            html += worksheet ? clickGridHtml(s)
                              : QStringLiteral("<p>%1 %2</p>").arg(tr("Circle your cell of"), qs(q.target.text()));
        }
        if (worksheet)
            html += QStringLiteral("<p>%1</p>").arg(tr("Your working:")) + QStringLiteral("<p>&nbsp;</p>").repeated(6);
        return html;
    }

    // An empty grid of the click target's cells, labelled like the stage, to mark the predicted cell.
    QString clickGridHtml(const core::Slide& s) const {
        const core::Question& q = *s.question;
        const core::SlideTraces& t = *m_panel.m_traces;
        const core::Step* step = (q.target.other && t.other ? *t.other : t.trace).find(q.target.key);
        QString html = QStringLiteral("<p>%1</p>").arg(tr("Mark the cell you predict:"));
        if (!step)
            return html;
        std::vector<int> free;
        for (size_t a = 0; a < q.target.index.size(); ++a)
            if (q.target.index[a] == core::TensorRef::kAll)
                free.push_back(int(a));
        const int rowAxis = free.size() == 2 ? free[0] : -1, colAxis = free.back();
        const QStringList cols = m_panel.axisLabels(*step, colAxis);
        const QStringList rows = rowAxis < 0 ? QStringList{qs(q.target.key)} : m_panel.axisLabels(*step, rowAxis);
        html += QStringLiteral("<table border=\"1\" cellpadding=\"8\" cellspacing=\"0\"><tr><td></td>");
        for (const QString& c : cols)
            html += QStringLiteral("<td><b>%1</b></td>").arg(c.toHtmlEscaped());
        html += QStringLiteral("</tr>");
        for (const QString& r : rows)
            html += QStringLiteral("<tr><td><b>%1</b></td>%2</tr>")
                        .arg(r.toHtmlEscaped(), QStringLiteral("<td>&nbsp;&nbsp;&nbsp;</td>").repeated(cols.size()));
        return html + QStringLiteral("</table>");
    }

    void drawAnswersPage() {
        QPainter& p = *m_painter;
        const QRect page = p.viewport();
        const int W = page.width() - 2 * kMargin, H = page.height() - 2 * kMargin;
        m_pdf->newPage();
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 18, QFont::Bold));
        p.drawText(QRect(kMargin, kMargin, W, 60), Qt::AlignLeft, tr("Answers — %1").arg(qs(lesson().title)));
        QString html =
            QStringLiteral("<p>%1</p><ol>").arg(tr("Computed from the trace of each slide (Keras' numbers, float32)."));
        for (int i = 0; i < int(lesson().slides.size()); ++i) {
            const core::Slide& s = lesson().slides[size_t(i)];
            if (!s.question)
                continue;
            const core::SlideTraces t = core::runSlide(lesson(), s);
            html += QStringLiteral("<li><b>%1 (slide %2)</b>: %3<br>→ %4</li>")
                        .arg(qs(s.title).toHtmlEscaped())
                        .arg(i + 1)
                        .arg(qs(s.question->prompt).toHtmlEscaped(),
                             qs(core::correctAnswer(*s.question, t).text).toHtmlEscaped());
        }
        html += QStringLiteral("</ol>");
        drawDoc(html, QRect(kMargin, kMargin + 70, W, H - 70));
    }

    void drawDoc(const QString& html, const QRect& r) {
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(m_pdf); // lay out at the PDF's resolution, not the screen's
        doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        doc.setHtml(html);
        doc.setTextWidth(r.width());
        m_painter->save();
        m_painter->translate(r.topLeft());
        doc.drawContents(m_painter, QRectF(0, 0, r.width(), r.height()));
        m_painter->restore();
    }

    // The teacher's key: no pictures, only text, paginated by QTextDocument.
    bool writeAnswerKey(const QString& pdfPath, QString* error) {
        QString md;
        try {
            md = answerKeyMarkdown();
        } catch (const std::exception& e) {
            if (error)
                *error = QString::fromUtf8(e.what());
            return false;
        }
        QPdfWriter pdf(pdfPath);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(150);
        pdf.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout::Millimeter);
        pdf.setTitle(tr("Answer key — %1").arg(qs(lesson().title)));
        pdf.setCreator(QStringLiteral("attnviz"));
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&pdf);
        doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
        doc.setMarkdown(
            md, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
        QPainter probe;
        if (!probe.begin(&pdf)) {
            if (error)
                *error = tr("Cannot write %1.").arg(pdfPath);
            return false;
        }
        probe.end();
        doc.print(&pdf);
        return true;
    }

    QString answerKeyMarkdown() const {
        const core::Lesson& l = lesson();
        int questions = 0;
        for (const core::Slide& s : l.slides)
            questions += s.question ? 1 : 0;
        QString md = QStringLiteral("# %1\n\n").arg(markdownEscaped(tr("Answer key — %1").arg(qs(l.title))));
        md += markdownEscaped(qs(l.description)) + QStringLiteral("\n\n");
        md += QStringLiteral("**%1**\n\n")
                  .arg(markdownEscaped(
                      tr("Planned time: %1 minutes · %2 slides · %3")
                          .arg(minutesText(l.minutes()))
                          .arg(l.slides.size())
                          .arg(questions == 1 ? tr("1 question") : tr("%n questions", nullptr, questions))));
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n|---|---|---|---|---|\n")
                  .arg(tr("Slide"), tr("Title"), tr("Minutes"), tr("Clock"), tr("Question"));
        double clock = 0;
        for (size_t i = 0; i < l.slides.size(); ++i) {
            const core::Slide& s = l.slides[i];
            const double m = s.minutes.value_or(0);
            md += QStringLiteral("| %1 | %2 | %3 | %4–%5 | %6 |\n")
                      .arg(i + 1)
                      .arg(markdownEscaped(qs(s.title)), s.minutes ? minutesText(m) : QStringLiteral("–"),
                           clockText(clock), clockText(clock + m), s.question ? tr("yes") : QStringLiteral("–"));
            clock += m;
        }
        md += QStringLiteral("\n");
        clock = 0;
        for (size_t i = 0; i < l.slides.size(); ++i)
            md += slideKeyMarkdown(int(i), clock);
        return md;
    }

    QString slideKeyMarkdown(int index, double& clock) const {
        const core::Slide& s = lesson().slides[size_t(index)];
        const double m = s.minutes.value_or(0);
        QString md =
            QStringLiteral("## %1\n\n").arg(markdownEscaped(tr("Slide %1 · %2").arg(index + 1).arg(qs(s.title))));
        md += QStringLiteral("*%1*\n\n")
                  .arg(markdownEscaped(
                      s.minutes ? tr("%1 min, %2–%3").arg(minutesText(m), clockText(clock), clockText(clock + m))
                                : tr("no timing given")));
        clock += m;
        if (!s.notes.empty())
            md += QStringLiteral("**%1** %2\n\n").arg(tr("Presenter notes:"), markdownEscaped(qs(s.notes)));
        if (!s.question)
            return md;
        const core::SlideTraces t = core::runSlide(lesson(), s);
        const core::Question& q = *s.question;
        md += QStringLiteral("**%1** %2\n\n").arg(tr("Question:"), markdownEscaped(qs(q.prompt)));
        for (size_t o = 0; o < q.options.size(); ++o)
            md += QStringLiteral("%1\\. %2  \n").arg(o + 1).arg(markdownEscaped(qs(q.options[o].text)));
        if (!q.options.empty())
            md += QStringLiteral("\n");
        md += QStringLiteral("**%1** %2\n\n").arg(tr("Answer:"), markdownEscaped(qs(core::correctAnswer(q, t).text)));
        const QString why = afterReveal(qs(core::fillNarration(s.narration, t)));
        if (!why.isEmpty())
            md += QStringLiteral("**%1** %2\n\n").arg(tr("Why:"), why);
        return md;
    }

    static constexpr int kMargin = 60;
    LessonPanel& m_panel;
    HandoutKind m_kind;
    QPdfWriter* m_pdf = nullptr;
    QPainter* m_painter = nullptr;
};

bool writeHandout(LessonPanel& panel, HandoutKind kind, const QString& pdfPath, QString* error) {
    return HandoutPrinter(panel, kind).write(pdfPath, error);
}

int runHandout(const QString& lessonPath, const QString& pdfPath, QTextStream& err, HandoutKind kind) {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    QString error;
    if (!window.lessons()->openLesson(lessonPath, &error)) {
        err << QApplication::translate("attnviz", "attnviz: cannot use %1: %2").arg(lessonPath, error) << Qt::endl;
        return 2;
    }
    if (!writeHandout(*window.lessons(), kind, pdfPath, &error)) {
        err << QApplication::translate("attnviz", "attnviz: cannot write %1: %2").arg(pdfPath, error) << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace attnviz::ui
