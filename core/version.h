// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Core {

/// The application's version, as set by the top-level project() call.
[[nodiscard]] QString applicationVersion();

/// "Outpost/<version>": used in the User-Agent header and the EHLO log.
[[nodiscard]] QString userAgent();

} // namespace Core
