// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"

namespace Core {

QString applicationVersion()
{
    return QStringLiteral(OUTPOST_VERSION);
}

QString userAgent()
{
    return QStringLiteral("Outpost/") + applicationVersion();
}

} // namespace Core
