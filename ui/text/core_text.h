// The core's English text in the UI language: step titles and labels,
// explanations, formulas' words, error messages (SpecError and the like).
// core stays Qt-free and English (the CLI prints it as it is); the UI
// translates it here, by templates: each English sentence pattern the core
// writes is listed once in core_text_templates.cpp, with %1, %2 for the parts
// it fills in (numbers, names), and translated in the .ts files (context
// "CoreText"). Text no template matches is shown in English.
#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace attnviz::ui {

/// `english` in the current UI language (as it is in English).
QString coreText(const QString& english);
QString coreText(const std::string& english);

/// A step's formula with its few words ("where", "if", "else") translated.
QString coreFormula(const std::string& formula);

/// The parts of `english` that no template matches (tests: empty when every
/// sentence has a template).
QStringList untranslatedCoreText(const QString& english);

/// Every template (the English sources, context "CoreText").
QStringList coreTextTemplates();

} // namespace attnviz::ui
