// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/iconloader.h"

#include <QFile>

namespace Gui {

QIcon loadIcon(const QString &freedesktopName)
{
    const QString bundled = QStringLiteral(":/icons/") + freedesktopName + QStringLiteral(".svg");
    const QIcon fallback = QFile::exists(bundled) ? QIcon(bundled) : QIcon();
    return QIcon::fromTheme(freedesktopName, fallback);
}

} // namespace Gui
