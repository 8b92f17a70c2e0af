// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test-only fault injection: when the environment variable OUTPOST_CRASH_AT
// names a label, reaching that label aborts the process on the spot (as a
// kill -9 or a power cut would stop it). Crash tests use this to check the
// outbox's recovery at every step. Costs one string compare when unset.

namespace Core::CrashPoint {

/// Aborts the process if OUTPOST_CRASH_AT equals `label`.
void hit(const char *label);

} // namespace Core::CrashPoint
