#include "ui/app_window/language_menu.h"

#include "ui/app_window/settings.h"
#include "ui/text/language.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>

namespace attnviz::ui {

QMenu* createLanguageMenu(QWidget* parent, std::function<QSettings*()> settings) {
    auto* menu = new QMenu(QCoreApplication::translate("LanguageMenu", "&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    menu->setToolTipsVisible(true);
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    auto add = [&](const QString& code, const QString& text) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setData(code);
        group->addAction(a);
    };
    const QString system = systemLanguage();
    QString systemName = system;
    for (const UiLanguage& l : uiLanguages())
        if (l.code == system)
            systemName = l.nativeName;
    add(QString(), QCoreApplication::translate("LanguageMenu", "System default (%1)").arg(systemName));
    menu->addSeparator();
    for (const UiLanguage& l : uiLanguages())
        add(l.code, l.nativeName);
    QObject::connect(menu, &QMenu::aboutToShow, menu, [menu, settings] {
        QSettings* s = settings();
        const QString chosen = s ? settings::language.value(*s) : currentLanguage();
        for (QAction* a : menu->actions())
            if (a->isCheckable())
                a->setChecked(a->data().toString() == chosen);
    });
    QObject::connect(group, &QActionGroup::triggered, menu, [parent, settings](QAction* a) {
        QSettings* s = settings();
        if (s)
            settings::language.setValue(*s, a->data().toString());
        QMessageBox::information(
            parent, QCoreApplication::translate("LanguageMenu", "Language"),
            QCoreApplication::translate("LanguageMenu",
                                        "attnviz will use %1 the next time it starts. (For one run: attnviz --lang "
                                        "CODE.)")
                .arg(a->text()));
    });
    return menu;
}

} // namespace attnviz::ui
