// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the browser flow and the device flow share: their time-out and the
// errors both can end with.

#include "core/error.h"

namespace Core::OAuth::FlowSupport {

/// OUTPOST_OAUTH_TIMEOUT_MS when set (tests), else `fallback`.
[[nodiscard]] int timeoutMs(int fallback);
[[nodiscard]] Error timedOut();
[[nodiscard]] Error cancelled();
[[nodiscard]] Error accessDenied();
[[nodiscard]] Error noRefreshToken();

} // namespace Core::OAuth::FlowSupport
