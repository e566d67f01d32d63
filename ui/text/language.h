// The UI language: which languages attnviz has, which one the system asks
// for, and installing its translators (attnviz_<lang>.qm and Qt's own
// qtbase_<lang>.qm) plus the locale that formats numbers on screen.
// Files, --out and exported scripts never go through this: they keep C numbers.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace attnviz::ui {

struct UiLanguage {
    QString code;       ///< "en", "de", "fr", "es", "zh_CN"
    QString nativeName; ///< the language's own name: "Deutsch", "简体中文"
};

/// Every language of the UI, English (the source language) first.
const QList<UiLanguage>& uiLanguages();

/// The supported code for a locale name ("de_AT", "de-DE", "zh-Hans-CN",
/// "zh_CN", "fr"), or empty when attnviz has no such language.
QString supportedLanguage(const QString& localeName);

/// The first of the system's UI languages that attnviz has, else "en".
QString systemLanguage();

/// Installs the translators for `code` ("en": none) and the locale for numbers,
/// replacing the ones installed before. An empty code means the system's
/// language, whose numbers then follow the system locale. Returns false, with a
/// reason, when the code is unknown or its .qm file is missing (the UI then
/// stays English).
bool installLanguage(const QString& code, QString* error = nullptr);

/// The language installed last ("en" before any).
QString currentLanguage();

/// The folder with attnviz_<lang>.qm: next to the binary installed
/// (../share/attnviz/translations), else the build tree's.
QString translationsDir();

/// The locale numbers on screen are written in (QLocale() after installLanguage),
/// without group separators: 0,25 in German, 0.25 in English.
QLocale numberLocale();

} // namespace attnviz::ui
