// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/draft.h"
#include "core/result.h"

namespace Core {

/**
 * Parses a mailto: URL (RFC 6068) into the fields of a draft: to (path and
 * "to" header), cc, bcc, subject, body, in-reply-to. Percent-encoding is
 * UTF-8. Other headers are ignored, as RFC 6068 §7 advises for safety, and
 * nothing in a mailto: URL can add a header or send anything by itself.
 */
[[nodiscard]] Result<Draft> parseMailtoUrl(const QString &url);

} // namespace Core
