// Numbers on screen follow the UI language (0,25 in German); numbers in files
// (CSV, scripts, specs: core's snprintf) stay C (0.25), even when the system
// locale is German. The German locale is built for this run with localedef.
#include "ui/text/language.h"

#include "core/io/tensor_export.h"

#include <QApplication>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {
std::string g_localeStatus;

/// Builds de_DE.UTF-8 into a temporary LOCPATH and selects it, before QApplication.
void germanSystemLocale() {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "attnviz_test_locale";
    std::filesystem::create_directories(dir);
    const std::string cmd = "localedef -i de_DE -f UTF-8 '" + (dir / "de_DE.UTF-8").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    g_localeStatus = "localedef exit " + std::to_string(rc);
    setenv("LOCPATH", dir.c_str(), 1);
    unsetenv("LC_ALL");
    unsetenv("LC_NUMERIC");
    unsetenv("LANGUAGE");
    setenv("LANG", "de_DE.UTF-8", 1);
}

std::string cFormat(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}
} // namespace

class TestCNumbers : public QObject {
    Q_OBJECT
private slots:
    void screenFollowsTheLanguageFilesStayC() {
        // QApplication applied the system locale to the C library: German printf.
        QVERIFY2(cFormat(0.25) == "0,25", (g_localeStatus + ", printf gives " + cFormat(0.25)).c_str());
        // The system's language (German) for the window…
        QVERIFY(attnviz::ui::installLanguage(QString()));
        QCOMPARE(attnviz::ui::currentLanguage(), QStringLiteral("de"));
        QCOMPARE(QLocale().toString(0.25), QStringLiteral("0,25"));
        // …and C numbers for everything written to files.
        QCOMPARE(cFormat(0.25), std::string("0.25"));
        QCOMPARE(attnviz::core::formatValue(0.25f), std::string("0.25"));
        QCOMPARE(std::strtod("0.5", nullptr), 0.5);
    }
};

int main(int argc, char** argv) {
    germanSystemLocale();
    QApplication app(argc, argv);
    TestCNumbers t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_c_numbers.moc"
