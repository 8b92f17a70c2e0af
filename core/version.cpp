// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"

#include <QStandardPaths>

namespace Core {

QString applicationVersion()
{
    return QStringLiteral(OUTPOST_VERSION);
}

QString userAgent()
{
    return QStringLiteral("Outpost/") + applicationVersion();
}

QString settingsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/outpost.conf");
}

} // namespace Core
