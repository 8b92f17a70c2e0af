// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gui {

/**
 * Light or dark windows by choice. `ui/colorScheme` in outpost.conf (or
 * OUTPOST_COLOR_SCHEME) is "system" (the default: the desktop decides),
 * "light" or "dark". A chosen scheme uses Qt's Fusion style with a palette
 * of its own, so it looks the same on every desktop; Qt 6.4 has no portable
 * way to ask the desktop for its scheme.
 */
class ColorScheme final
{
public:
    enum class Scheme { System, Light, Dark };
    /// Reads the choice (environment first, then the setting) and applies it
    /// to the running QApplication; returns what was applied.
    static Scheme apply(const QString &settingsFile);
    [[nodiscard]] static Scheme parse(const QString &name);
};

} // namespace Gui
