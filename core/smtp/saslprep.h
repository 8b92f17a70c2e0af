// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>

namespace Core {

/**
 * SASLprep (RFC 4013), the stringprep profile SCRAM applies to passwords
 * (RFC 5802 §2.2), for query strings (unassigned code points allowed).
 *
 * Covered: the mapping (B.1 to nothing, C.1.2 to U+0020), NFKC as of
 * Unicode 3.2, every prohibited table of RFC 4013 §2.3 (C.1.2, C.2.1,
 * C.2.2, C.3 to C.9) and the bidi rule of RFC 3454 §6. Not covered: the
 * bidi categories are Qt's current Unicode data, not Unicode 3.2, which
 * matters only for characters added since. A non-empty input that
 * prepares to nothing is refused too (RFC 5802 §5.1 says to abort then).
 */
[[nodiscard]] Result<QString> saslPrep(const QString &input);

} // namespace Core
