// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Gui {

/// An icon by freedesktop name: the desktop theme's when it has one, else the
/// SVG bundled under :/icons/ so the application never shows a blank button.
[[nodiscard]] QIcon loadIcon(const QString &freedesktopName);

} // namespace Gui
