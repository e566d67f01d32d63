#include "ui/text/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

#include <clocale>

#ifndef ATTNVIZ_QM_DIR
#define ATTNVIZ_QM_DIR ""
#endif

namespace attnviz::ui {

namespace {
QTranslator* g_app = nullptr; // attnviz_<lang>.qm
QTranslator* g_qt = nullptr;  // qtbase_<lang>.qm
QString g_current = QStringLiteral("en");

void removeTranslators() {
    for (QTranslator** t : {&g_app, &g_qt})
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
}
} // namespace

const QList<UiLanguage>& uiLanguages() {
    static const QList<UiLanguage> languages{
        {QStringLiteral("en"), QStringLiteral("English")},     {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},    {QStringLiteral("es"), QStringLiteral("Español")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
    return languages;
}

QString supportedLanguage(const QString& localeName) {
    QString name = localeName.trimmed();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (name.isEmpty())
        return {};
    for (const UiLanguage& l : uiLanguages())
        if (name.compare(l.code, Qt::CaseInsensitive) == 0)
            return l.code;
    const QString lang = name.section(QLatin1Char('_'), 0, 0).toLower();
    if (lang == QLatin1String("zh")) {
        // Simplified Chinese: zh_CN, zh_SG, zh_Hans_*; not zh_TW/zh_HK (Traditional).
        const QLocale l(name);
        return l.script() == QLocale::TraditionalChineseScript ? QString() : QStringLiteral("zh_CN");
    }
    for (const UiLanguage& l : uiLanguages())
        if (lang == l.code)
            return l.code;
    return {};
}

QString systemLanguage() {
    for (const QString& name : QLocale::system().uiLanguages())
        if (const QString code = supportedLanguage(name); !code.isEmpty())
            return code;
    return QStringLiteral("en");
}

QString translationsDir() {
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/attnviz/translations"));
    if (QFileInfo(installed + QStringLiteral("/attnviz_de.qm")).exists())
        return QDir::cleanPath(installed);
    return QStringLiteral(ATTNVIZ_QM_DIR);
}

bool installLanguage(const QString& requested, QString* error) {
    const bool fromSystem = requested.isEmpty();
    const QString code = fromSystem ? systemLanguage() : supportedLanguage(requested);
    removeTranslators();
    g_current = QStringLiteral("en");
    QLocale numbers = fromSystem ? QLocale::system() : QLocale(QStringLiteral("en_US"));
    bool ok = true;
    if (code.isEmpty()) {
        ok = false;
        if (error) {
            QStringList codes;
            for (const UiLanguage& l : uiLanguages())
                codes << l.code;
            *error =
                QStringLiteral("no language \"%1\"; attnviz has %2").arg(requested, codes.join(QStringLiteral(", ")));
        }
    } else if (code != QLatin1String("en")) {
        auto* app = new QTranslator(QCoreApplication::instance());
        const QString dir = translationsDir();
        if (app->load(QStringLiteral("attnviz_") + code, dir)) {
            QCoreApplication::installTranslator(app);
            g_app = app;
            g_current = code;
            if (!fromSystem)
                numbers = QLocale(code);
            // Qt's own strings (dialog buttons, context menus), when Debian's
            // qt6-translations-l10n is installed; without them those stay English.
            auto* qt = new QTranslator(QCoreApplication::instance());
            if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                QCoreApplication::installTranslator(qt);
                g_qt = qt;
            } else {
                delete qt;
            }
        } else {
            delete app;
            ok = false;
            if (error)
                *error = QStringLiteral("attnviz_%1.qm not found in %2").arg(code, dir);
        }
    }
    numbers.setNumberOptions(numbers.numberOptions() | QLocale::OmitGroupSeparator);
    QLocale::setDefault(numbers);
    // QApplication set the C library's locale from the environment: with
    // LANG=de_DE printf would write 0,25 into CSV files, scripts and spec files
    // (core writes them with snprintf) and strtod would misread them. The
    // screen's numbers go through QLocale; C's stay C.
    std::setlocale(LC_NUMERIC, "C");
    return ok;
}

QString currentLanguage() {
    return g_current;
}

QLocale numberLocale() {
    return QLocale();
}

} // namespace attnviz::ui
