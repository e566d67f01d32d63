// Every QSettings key the GUI uses, declared once with its default (Tiled's
// Preference<T> idea, without a global singleton). main() owns the QSettings
// object; widgets receive values through setters and never read it.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace attnviz::ui {

template <typename T> struct Preference {
    const char* key;
    T defaultValue;

    T value(const QSettings& s) const {
        const QVariant v = s.value(QString::fromLatin1(key));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : defaultValue;
    }
    void setValue(QSettings& s, const T& v) const { s.setValue(QString::fromLatin1(key), v); }
};

namespace settings {
inline const Preference<QByteArray> windowGeometry{"window/geometry", {}};
inline const Preference<QByteArray> windowState{"window/state", {}};
inline const Preference<QString> lastSpec{"session/lastSpec", {}};
inline const Preference<QStringList> recentFiles{"session/recentFiles", {}};
inline const Preference<QString> lastDirectory{"session/lastDirectory", {}};
inline const Preference<double> zoom{"view/zoom", 1.0};
inline const Preference<int> numberDigits{"view/numberDigits", 5}; // the Numbers tab's significant digits
inline const Preference<double> playSpeed{"step/speed", 1.0};
inline const Preference<int> threads{"compute/threads", 0}; // 0: the machine's cores
// The UI language (View ▸ Language): "" follows the system; "en", "de", "fr", "es", "zh_CN".
// Read once at start (main), so a change applies after a restart.
inline const Preference<QString> language{"view/language", {}};
inline constexpr int maxRecentFiles = 8;
} // namespace settings

} // namespace attnviz::ui
