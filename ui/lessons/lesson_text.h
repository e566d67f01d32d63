// A slide's narration as the panel and the printed pages show it: the part
// before a "---" line (shown until Reveal), the part after it (the reasoning
// an answer key prints), and Markdown turned into rich text by Qt's own
// Markdown reader (QTextDocument::setMarkdown, raw HTML shown as text so that
// "<pad>" stays visible).
#pragma once

#include <QString>

namespace attnviz::ui {

/// What a question slide shows before Reveal: the narration up to its "---" line.
QString beforeReveal(const QString& narration);
/// What follows the "---" line (empty when there is none).
QString afterReveal(const QString& narration);
/// The whole narration, the "---" line dropped.
QString withoutSeparator(const QString& narration);
/// Markdown → HTML body through QTextDocument::setMarkdown (GitHub dialect, no raw HTML).
QString markdownToHtml(const QString& markdown);
/// `text` with Markdown's punctuation escaped, to put a title or prompt into a Markdown document verbatim.
QString markdownEscaped(const QString& text);

} // namespace attnviz::ui
