// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/smtp/certificateinfo.h"
#include "core/smtp/envelope.h"
#include "core/smtp/smtpreply.h"

#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Core {

/// Delivery status notification request (RFC 3461), used when the server has DSN.
struct SmtpDsn
{
    QStringList notify;    ///< SUCCESS, FAILURE, DELAY, or NEVER; empty: server default
    bool returnFullMessage = false; ///< RET=FULL instead of RET=HDRS
    QString envelopeId;    ///< ENVID
};

/// One message to submit: the envelope from MimeBuilder and the file it wrote.
struct SmtpMessage
{
    Envelope envelope;
    QString path;
    std::optional<SmtpDsn> dsn;
    /// Send to the recipients the server accepted even if others were refused.
    bool sendToAcceptedRecipients = false;
    /// Called before the final "." (or BDAT LAST) is written, never after:
    /// just before it, or — for a message of at most 64 KiB whose envelope
    /// is pipelined behind the previous message's dot — when that envelope
    /// goes out, so the work overlaps the server's. Returning false aborts
    /// the transaction without the dot (the outbox could not record
    /// "dot_sent").
    std::function<bool()> beforeFinalDot;
    /// The same, done elsewhere (the outbox's durable writer, on its own
    /// thread): called at the same moments, or as soon as at most 64 KiB of
    /// the body remain to be written, so the work overlaps the data; the
    /// final "." waits for the future, without blocking the thread, and
    /// is never written unless it holds true. Takes precedence over
    /// beforeFinalDot.
    std::function<QFuture<bool>()> recordBeforeFinalDot;
    /// When set: the file must have this size and SHA-256 (lower-case hex),
    /// checked while it streams; otherwise the final "." is never written
    /// and the result is Error::Corrupt. Spares a second read of big files.
    qint64 expectedSize = -1;
    QByteArray expectedSha256Hex;
};

struct RecipientResult
{
    QString address;
    SmtpReply reply;
    [[nodiscard]] bool accepted() const { return reply.code >= 250 && reply.code <= 252; }
};

/// What a result concerns. The session: the connection, the greeting,
/// EHLO, STARTTLS, AUTH, a reply out of step, 421 — nothing was said about
/// the message, and every message of the session shares the outcome. The
/// message: the replies to its MAIL, RCPT, DATA or BDAT and final dot, and
/// checks of the message itself before or while it is sent.
enum class SmtpScope { Session, Message };

struct SmtpResult
{
    Error error; ///< no error on success
    SmtpReply reply; ///< the server's last reply for this message
    QList<RecipientResult> recipients;
    CertificateInfo certificate;
    SmtpScope scope = SmtpScope::Message;
    [[nodiscard]] bool ok() const { return !error.isError(); }
    /// A failure of the session, not a judgement on this message.
    [[nodiscard]] bool sessionFailed() const { return !ok() && scope == SmtpScope::Session; }
};

} // namespace Core

Q_DECLARE_METATYPE(Core::SmtpResult)
