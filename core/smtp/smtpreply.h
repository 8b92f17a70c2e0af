// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Core {

/// One complete SMTP reply (RFC 5321 §4.2): a code and one or more lines.
struct SmtpReply
{
    int code = 0;
    QString enhancedCode; ///< RFC 3463 "x.y.z" from the first line, if present
    QStringList lines;    ///< the text of each line, code and separator removed

    /// All lines joined by a space, enhanced code removed from the first.
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isPositive() const { return code >= 200 && code < 400; }
    [[nodiscard]] bool isIntermediate() const { return code >= 300 && code < 400; }
    [[nodiscard]] bool isTransient() const { return code >= 400 && code < 500; }
    [[nodiscard]] bool isPermanent() const { return code >= 500 && code < 600; }
    /// "250 2.0.0 Ok" — the reply as the server wrote its first line.
    [[nodiscard]] QString toString() const;
};

/// The error for a refusal: what was refused ("the sender address", ...)
/// and the server's words. 552 is "message too large", except to RCPT,
/// where it means what 452 does (RFC 5321 §4.5.3.1.10).
[[nodiscard]] Error replyError(const SmtpReply &reply, const QString &what, bool toRcpt = false);

/**
 * Incremental, bounded parser of SMTP replies. Feed it whatever the socket
 * delivered (a reply may be split anywhere, several may come in one packet);
 * it returns each reply once its last line has arrived.
 *
 * Limits keep a hostile server from exhausting memory: a line may be at most
 * kMaxLineLength octets and a reply at most kMaxReplyLines lines; beyond
 * that, or on malformed syntax, the parser fails with ProtocolViolation and
 * stays failed. Bare LF line endings are tolerated (RFC 5321 §4.1.1.4 says
 * clients should be liberal).
 */
class SmtpReplyParser final
{
public:
    static constexpr qsizetype kMaxLineLength = 4096; // RFC 5321 §4.5.3.1.5 says 512
    static constexpr qsizetype kMaxReplyLines = 256;

    /// Appends data; returns the replies completed by it, or an error.
    [[nodiscard]] Result<QList<SmtpReply>> feed(const QByteArray &data);

    /// Drops everything buffered (after STARTTLS: RFC 3207 §4.2 / CVE-2011-0411).
    void reset();

    /// True when a partial line or partial multi-line reply is buffered.
    [[nodiscard]] bool hasPendingData() const;

private:
    QByteArray m_buffer;
    SmtpReply m_current;
    bool m_inReply = false;
    bool m_failed = false;
};

} // namespace Core
