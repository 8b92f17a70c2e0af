// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
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
    const QByteArray override = qgetenv("OUTPOST_LANGUAGE");
    const QLocale locale = override.isEmpty() ? QLocale::system()
                                              : QLocale(QString::fromUtf8(override));
    if (!override.isEmpty())
        QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("outpost"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace App
