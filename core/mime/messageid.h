// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/mailaddress.h"

#include <QString>

namespace Core {

/// A globally unique Message-ID (without <>) whose right-hand side is the
/// sender's domain, never this machine's host name. Apart from MimeBuilder
/// (which needs vmime): outpost-sendmail adds one without building a message.
[[nodiscard]] QString generateMessageId(const MailAddress &from);

} // namespace Core
