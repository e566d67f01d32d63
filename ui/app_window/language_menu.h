// View ▸ Language: the system's language or one of attnviz's, remembered in
// the settings (settings::language) and applied when attnviz starts next.
#pragma once

#include <functional>

class QMenu;
class QSettings;
class QWidget;

namespace attnviz::ui {

/// The menu (object name "languageMenu"); `settings` gives the window's QSettings
/// (may be null: then the choice is not remembered).
QMenu* createLanguageMenu(QWidget* parent, std::function<QSettings*()> settings);

} // namespace attnviz::ui
