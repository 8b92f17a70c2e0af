// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/smtp/smtpreply.h"

#include <QStringList>

namespace Core {

/// What a server announced in its EHLO reply (RFC 5321 §4.1.1.1).
struct SmtpCapabilities
{
    bool esmtp = false; ///< EHLO was accepted (false after a HELO fallback)
    bool pipelining = false;          ///< RFC 2920
    bool startTls = false;            ///< RFC 3207
    bool eightBitMime = false;        ///< RFC 6152
    bool smtpUtf8 = false;            ///< RFC 6531
    bool dsn = false;                 ///< RFC 3461
    bool enhancedStatusCodes = false; ///< RFC 2034
    bool chunking = false;            ///< RFC 3030
    bool sizeAnnounced = false;       ///< RFC 1870
    qint64 maxSize = 0;               ///< 0: no limit given
    QStringList authMechanisms;       ///< upper case, in the server's order
    QString greetingName;             ///< the domain in the EHLO reply's first line

    [[nodiscard]] bool supportsAuth(const QString &mechanism) const
    {
        return authMechanisms.contains(mechanism.toUpper());
    }

    /// Parses a 250 EHLO reply; unknown keywords are ignored.
    [[nodiscard]] static SmtpCapabilities fromEhloReply(const SmtpReply &reply);
};

} // namespace Core
