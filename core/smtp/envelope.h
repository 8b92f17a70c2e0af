// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Core {

/// What the SMTP transaction for a message needs: the addresses for MAIL
/// and RCPT and what the body asks of the server. The MIME builder fills it
/// in; the SMTP client reads it and never needs the builder.
struct Envelope
{
    QString mailFrom;       ///< MAIL FROM address (wire form)
    QStringList recipients; ///< RCPT TO addresses: To + Cc + Bcc, de-duplicated
    bool needs8BitMime = false; ///< the message has 8-bit content (BODY=8BITMIME)
    bool needsSmtpUtf8 = false; ///< an address needs RFC 6531 SMTPUTF8
    qint64 size = 0;            ///< octets of the message as written
    QString messageId;          ///< the Message-ID, without angle brackets

    friend bool operator==(const Envelope &, const Envelope &) = default;
};

} // namespace Core
