// A slide's narration split at its "---" line, and Markdown through Qt's reader (see lesson_text.h).
#include "ui/lessons/lesson_text.h"

#include <QRegularExpression>
#include <QTextDocument>

namespace attnviz::ui {

namespace {

qsizetype separatorAt(const QString& narration) {
    if (narration.startsWith(QStringLiteral("---")))
        return 0;
    return narration.indexOf(QStringLiteral("\n---"));
}

} // namespace

QString beforeReveal(const QString& narration) {
    const qsizetype cut = separatorAt(narration);
    return cut < 0 ? narration : narration.left(cut);
}

QString afterReveal(const QString& narration) {
    const qsizetype cut = separatorAt(narration);
    if (cut < 0)
        return {};
    const qsizetype eol = narration.indexOf(QLatin1Char('\n'), cut + 1);
    return eol < 0 ? QString() : narration.mid(eol + 1).trimmed();
}

QString withoutSeparator(const QString& narration) {
    const QString before = beforeReveal(narration).trimmed(), after = afterReveal(narration);
    if (after.isEmpty())
        return before;
    return before.isEmpty() ? after : before + QStringLiteral("\n\n") + after;
}

QString markdownToHtml(const QString& markdown) {
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                              QTextDocument::MarkdownNoHTML));
    // toHtml() pins the default font on <body> (family and point size): drop it, so that the text
    // takes the font of whatever shows it (the panel's zoom, the printed page's size).
    QString html = doc.toHtml();
    static const QRegularExpression body(QStringLiteral("<body style=\"[^\"]*\">"));
    html.replace(body, QStringLiteral("<body>"));
    return html;
}

QString markdownEscaped(const QString& text) {
    static const QString special = QStringLiteral("\\`*_{}[]<>()#+-.!|~");
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace attnviz::ui
