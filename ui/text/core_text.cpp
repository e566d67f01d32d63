#include "ui/text/core_text.h"

#include "ui/text/language.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>

#include <vector>

namespace attnviz::ui {

extern const char* const kCoreTextTemplates[];
extern const int kCoreTextTemplateCount;

namespace {

struct Template {
    const char* source;         // the English template, the .ts source
    QRegularExpression whole;   // the whole text is this template
    QRegularExpression atStart; // a sentence (or more) of a text starts with it
    int literal = 0;            // characters that are not placeholders: the more, the better a match
};

const std::vector<Template>& templates() {
    static const std::vector<Template> all = [] {
        std::vector<Template> out;
        static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
        for (int i = 0; i < kCoreTextTemplateCount; ++i) {
            const QString src = QString::fromUtf8(kCoreTextTemplates[i]);
            QString pattern;
            int last = 0, literal = 0;
            bool endsWithPlaceholder = false;
            for (auto it = placeholder.globalMatch(src); it.hasNext();) {
                const auto m = it.next();
                pattern += QRegularExpression::escape(src.mid(last, m.capturedStart() - last));
                literal += int(m.capturedStart() - last);
                pattern += QStringLiteral("(.+?)");
                last = int(m.capturedEnd());
                endsWithPlaceholder = last == src.size();
            }
            pattern += QRegularExpression::escape(src.mid(last));
            literal += int(src.size() - last);
            Template t;
            t.source = kCoreTextTemplates[i];
            t.whole = QRegularExpression(QStringLiteral("\\A(?:") + pattern + QStringLiteral(")\\z"),
                                         QRegularExpression::DotMatchesEverythingOption);
            // A template that ends in a placeholder takes the rest of the text.
            t.atStart = QRegularExpression(pattern + (endsWithPlaceholder ? QStringLiteral("\\z") : QString()),
                                           QRegularExpression::DotMatchesEverythingOption);
            t.literal = literal;
            out.push_back(std::move(t));
        }
        return out;
    }();
    return all;
}

QString fill(const QString& translated, const QStringList& args) {
    QString out;
    out.reserve(translated.size() + 32);
    for (qsizetype i = 0; i < translated.size(); ++i) {
        const QChar c = translated[i];
        if (c == QLatin1Char('%') && i + 1 < translated.size() && translated[i + 1].isDigit()) {
            const int n = translated[i + 1].digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString translateTemplate(const Template& t, const QRegularExpressionMatch& m, bool* matchedArgs);

/// The whole of `text` as one template, or null.
const Template* wholeMatch(const QString& text, QRegularExpressionMatch* match) {
    const Template* best = nullptr;
    for (const Template& t : templates()) {
        QRegularExpressionMatch m = t.whole.match(text);
        if (m.hasMatch() && (!best || t.literal > best->literal)) {
            best = &t;
            *match = m;
        }
    }
    return best;
}

/// An argument the core filled in: a known phrase ("key", "value_mask",
/// "Project the key") is translated too; numbers and names stay.
QString translateArg(const QString& arg) {
    // A decimal number in the UI language's notation (0,25 in German).
    static const QRegularExpression decimal(QStringLiteral("\\A-?\\d+\\.\\d+\\z"));
    if (decimal.match(arg).hasMatch()) {
        QString s = arg;
        return s.replace(QLatin1Char('.'), QLocale().decimalPoint());
    }
    QRegularExpressionMatch m;
    if (const Template* t = wholeMatch(arg, &m))
        return translateTemplate(*t, m, nullptr);
    return arg;
}

QString translateTemplate(const Template& t, const QRegularExpressionMatch& m, bool*) {
    QStringList args;
    for (int i = 1; i <= m.lastCapturedIndex(); ++i)
        args << translateArg(m.captured(i));
    return fill(QCoreApplication::translate("CoreText", t.source), args);
}

bool endsWithWideStop(const QString& s) {
    return !s.isEmpty() && s.back().unicode() >= 0x3000 && s.back().unicode() <= 0xFFEF;
}

/// Sentence by sentence: at each position the template that matches the most
/// text; a sentence nothing matches stays English (and is reported).
QString translate(const QString& text, QStringList* untranslated) {
    QRegularExpressionMatch m;
    if (const Template* t = wholeMatch(text, &m))
        return translateTemplate(*t, m, nullptr);
    QString out;
    qsizetype pos = 0;
    auto append = [&](const QString& piece) {
        if (!out.isEmpty() && !endsWithWideStop(out) && !out.back().isSpace())
            out += QLatin1Char(' ');
        out += piece;
    };
    while (pos < text.size()) {
        while (pos < text.size() && text[pos].isSpace())
            ++pos;
        if (pos >= text.size())
            break;
        // Lists the core joins with "; " (an identity's conditions): each part on its own.
        if (text[pos] == QLatin1Char(';')) {
            out += QCoreApplication::translate("CoreText", QT_TRANSLATE_NOOP("CoreText", ";"));
            ++pos;
            continue;
        }
        const Template* best = nullptr;
        QRegularExpressionMatch bestMatch;
        for (const Template& t : templates()) {
            QRegularExpressionMatch mm = t.atStart.match(text, pos, QRegularExpression::NormalMatch,
                                                         QRegularExpression::AnchorAtOffsetMatchOption);
            // A template ends where a word does: "key" is not the start of "key_dim".
            const qsizetype end = mm.hasMatch() ? mm.capturedEnd() : 0;
            const bool atBoundary =
                mm.hasMatch() && (end >= text.size() || text[end].isSpace() || text[end] == QLatin1Char(';') ||
                                  !text[end - 1].isLetterOrNumber());
            if (atBoundary && (!best || mm.capturedLength() > bestMatch.capturedLength() ||
                               (mm.capturedLength() == bestMatch.capturedLength() && t.literal > best->literal))) {
                best = &t;
                bestMatch = mm;
            }
        }
        if (best) {
            append(translateTemplate(*best, bestMatch, nullptr));
            pos = bestMatch.capturedEnd();
            continue;
        }
        // No template: keep this sentence in English (up to ". " or the end).
        qsizetype end = text.indexOf(QStringLiteral(". "), pos);
        end = end < 0 ? text.size() : end + 1;
        if (const qsizetype semi = text.indexOf(QLatin1Char(';'), pos); semi >= 0 && semi < end)
            end = semi;
        const QString sentence = text.mid(pos, end - pos);
        if (untranslated)
            *untranslated << sentence;
        append(sentence);
        pos = end;
    }
    return out;
}

} // namespace

QString coreText(const QString& english) {
    if (english.isEmpty() || currentLanguage() == QLatin1String("en"))
        return english;
    // The controller translates errors on its computing thread too.
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    static QHash<QString, QString> cache;
    static QString cacheLanguage;
    if (cacheLanguage != currentLanguage()) {
        cache.clear();
        cacheLanguage = currentLanguage();
    }
    if (const auto it = cache.constFind(english); it != cache.cend())
        return *it;
    if (cache.size() > 4096)
        cache.clear();
    const QString out = translate(english, nullptr);
    cache.insert(english, out);
    return out;
}

QString coreText(const std::string& english) {
    return coreText(QString::fromStdString(english));
}

QStringList untranslatedCoreText(const QString& english) {
    QStringList out;
    if (currentLanguage() == QLatin1String("en"))
        return out;
    if (!english.isEmpty())
        translate(english, &out);
    return out;
}

QString coreFormula(const std::string& formula) {
    // Formulas are maths; only their few words are translated, word by word.
    QString f = QString::fromStdString(formula);
    if (currentLanguage() == QLatin1String("en"))
        return f;
    static const char* const words[] = {
        QT_TRANSLATE_NOOP("CoreFormula", "where"),
        QT_TRANSLATE_NOOP("CoreFormula", "if"),
        QT_TRANSLATE_NOOP("CoreFormula", "else"),
        QT_TRANSLATE_NOOP("CoreFormula", "not Keras: Keras uses"),
    };
    for (const char* w : words) {
        const QString en = QString::fromLatin1(w);
        f.replace(QRegularExpression(QStringLiteral("\\b") + QRegularExpression::escape(en) + QStringLiteral("\\b")),
                  QCoreApplication::translate("CoreFormula", w));
    }
    return f;
}

QStringList coreTextTemplates() {
    QStringList out;
    for (const Template& t : templates())
        out << QString::fromUtf8(t.source);
    return out;
}

} // namespace attnviz::ui
