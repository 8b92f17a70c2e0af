// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace App {

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("outpost"));
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationVersion(Core::applicationVersion());
}

void installTranslations(QCoreApplication &app)
{
    // The environment (scripts, tests) wins over the setting, which wins over
    // the system locale: `outpost` reads ui/language from its settings file.
    QString override = qEnvironmentVariable("OUTPOST_LANGUAGE");
    if (override.isEmpty())
        override = QSettings(Core::settingsFile(), QSettings::IniFormat).value(QStringLiteral("ui/language")).toString();
    const QLocale locale = override.isEmpty() ? QLocale::system() : QLocale(override);
    if (!override.isEmpty())
        QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto *translator = new QTranslator(&app);
    // English is a translation too, of its plural forms ("1 day", "2 days");
    // the C locale of scripts and tests reads English.
    if (translator->load(locale, QStringLiteral("outpost"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral("outpost_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace App
