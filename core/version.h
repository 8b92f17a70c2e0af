// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Core {

/// The application's version, as set by the top-level project() call.
[[nodiscard]] QString applicationVersion();

/// "Outpost/<version>": used in the User-Agent header and the EHLO log.
[[nodiscard]] QString userAgent();

/// The settings file (INI): $XDG_CONFIG_HOME/outpost/outpost.conf on Linux,
/// next to accounts.json. Use it as `QSettings s(Core::settingsFile(),
/// QSettings::IniFormat)`; a default QSettings would add an "Unknown
/// Organization" directory, because Outpost sets no organization name.
[[nodiscard]] QString settingsFile();

} // namespace Core
