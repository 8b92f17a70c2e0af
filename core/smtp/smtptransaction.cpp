// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/smtptransaction.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cstring>

namespace Core {

namespace {

// Read from the file at a time; for BDAT one chunk each. Larger BDAT
// chunks (1 or 8 MiB) were no faster with Postfix and held more memory.
constexpr qint64 kChunkSize = 64 * 1024;

// RFC 5321 §4.5.3.1.10: a 452 to RCPT may mean "too many recipients", and a
// 552 there is to be taken the same way: the rest go in another transaction.
// Unless the enhanced code says otherwise (RFC 3463: X.5.3 is "too many
// recipients"; X.2.2, a full mailbox, is no reason to try again at once).
bool isRecipientOverflow(const SmtpReply &reply)
{
    return (reply.code == 452 || reply.code == 552)
        && (reply.enhancedCode.isEmpty() || reply.enhancedCode.endsWith(QLatin1String(".5.3")));
}

bool hasLineBreakOrNul(const QString &s)
{
    return s.contains(u'\r') || s.contains(u'\n') || s.contains(QChar(0));
}

bool isAscii(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

bool isAscii(const Envelope &env)
{
    return isAscii(env.mailFrom)
        && std::all_of(env.recipients.cbegin(), env.recipients.cend(), [](const QString &r) { return isAscii(r); });
}

// RFC 3461 §4: xtext for ENVID.
QByteArray xtext(const QString &s)
{
    QByteArray out;
    for (char c : s.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || u == '+' || u == '=')
            out += '+' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

SmtpResult failure(Error error)
{
    SmtpResult r;
    r.error = std::move(error);
    return r;
}

} // namespace

SmtpTransaction::SmtpTransaction(SmtpMessage m)
    : message(std::move(m))
{
}

std::optional<SmtpResult> SmtpTransaction::prepare(const SmtpCapabilities &caps, const SmtpServerSettings &settings)
{
    const Envelope &env = message.envelope;

    // Envelope addresses end up in commands: no CR/LF/NUL, no angle
    // brackets (SMTP command injection), and at least one recipient.
    bool clean = !env.mailFrom.contains(u'>') && !hasLineBreakOrNul(env.mailFrom) && !env.recipients.isEmpty();
    for (const QString &rcpt : env.recipients)
        clean = clean && !rcpt.isEmpty() && !rcpt.contains(u'>') && !rcpt.contains(u'<') && !hasLineBreakOrNul(rcpt);
    if (!clean)
        return failure(Error(Error::Code::InvalidInput,
                             QCoreApplication::translate("Smtp", "The message's sender or recipient addresses are not valid.")));
    if ((env.needsSmtpUtf8 || !isAscii(env)) && !caps.smtpUtf8)
        return failure(Error(Error::Code::SmtpUtf8Unsupported,
                             QCoreApplication::translate("Smtp", "The message has an address with non-ASCII characters before "
                                                                 "the @, and %1 does not support such addresses (SMTPUTF8).")
                                 .arg(settings.host)));
    if (env.needs8BitMime && !caps.eightBitMime)
        return failure(Error(Error::Code::Permanent,
                             QCoreApplication::translate("Smtp", "The message contains 8-bit data, which %1 does not accept "
                                                                 "(8BITMIME).")
                                 .arg(settings.host)));
    m_file.setFileName(message.path);
    if (!m_file.open(QIODevice::ReadOnly))
        return failure(Error(Error::Code::FileUnreadable,
                             QCoreApplication::translate("Smtp", "The queued message file cannot be read: %1")
                                 .arg(m_file.errorString())));
    total = m_file.size();
    // Refuse early what the server announced it will not take (RFC 1870).
    if (caps.maxSize > 0 && total > caps.maxSize) {
        //: %1 and %2 are sizes such as "12.5 MB"
        return failure(Error(Error::Code::TooLarge,
                             QCoreApplication::translate("Smtp", "The message is %1, larger than the %2 the mail server accepts.")
                                 .arg(QLocale().formattedDataSize(total), QLocale().formattedDataSize(caps.maxSize))));
    }
    // BDAT spares the server the search for the final dot and us the
    // stuffing, and its chunks need no 354 first; it pays for large
    // messages. Chunks are pipelined, so only with PIPELINING (RFC 3030 §4.2).
    const bool chunking = caps.chunking && caps.pipelining && settings.chunkingThreshold >= 0;
    bodyCommand = chunking && total >= settings.chunkingThreshold ? BodyCommand::Bdat : BodyCommand::Data;
    for (const QString &rcpt : env.recipients)
        recipients.append({rcpt, {}});
    return std::nullopt;
}

QByteArray SmtpTransaction::mailFromCommand(const SmtpCapabilities &caps) const
{
    const Envelope &env = message.envelope;
    QByteArray cmd = "MAIL FROM:<" + env.mailFrom.toUtf8() + ">";
    if (caps.sizeAnnounced)
        cmd += " SIZE=" + QByteArray::number(total);
    if (env.needs8BitMime && caps.eightBitMime)
        cmd += " BODY=8BITMIME";
    // RFC 6531 §3.4: any envelope address in UTF-8 needs the parameter (a
    // domain is sent as A-labels by the caller whenever it can be).
    if (env.needsSmtpUtf8 || !isAscii(env))
        cmd += " SMTPUTF8";
    if (message.dsn && caps.dsn) {
        cmd += message.dsn->returnFullMessage ? " RET=FULL" : " RET=HDRS";
        if (!message.dsn->envelopeId.isEmpty())
            cmd += " ENVID=" + xtext(message.dsn->envelopeId);
    }
    return cmd;
}

QByteArray SmtpTransaction::rcptCommand(const SmtpCapabilities &caps, const QString &address) const
{
    QByteArray cmd = "RCPT TO:<" + address.toUtf8() + ">";
    if (message.dsn && caps.dsn && !message.dsn->notify.isEmpty())
        cmd += " NOTIFY=" + message.dsn->notify.join(u',').toUpper().toLatin1();
    return cmd;
}

bool SmtpTransaction::recordMailReply(const SmtpReply &reply)
{
    mailReply = reply;
    --pendingReplies;
    // "Bad sequence of commands" to a MAIL behind the final dot: the server
    // does not take RFC 2920 §3.1 grouping there (Haraka refuses it on
    // purpose). A disagreement about the protocol, not a refusal of this
    // message: it is sent again at once, unpipelined.
    retryUnpipelined = behindDot && reply.code == 503;
    return retryUnpipelined;
}

void SmtpTransaction::recordRcptReply(const SmtpReply &reply)
{
    const auto unanswered = std::find_if(recipients.begin(), recipients.end(),
                                         [](const RecipientResult &r) { return r.reply.code == 0; });
    if (unanswered != recipients.end())
        unanswered->reply = reply;
    --pendingReplies;
}

SmtpResult SmtpTransaction::messageFailure(const SmtpReply &reply, const QString &what) const
{
    SmtpResult r;
    r.error = replyError(reply, what);
    r.reply = reply;
    r.recipients = recipients;
    return r;
}

SmtpTransaction::Verdict SmtpTransaction::judgeRecipients()
{
    if (!mailAccepted())
        return {messageFailure(mailReply, QCoreApplication::translate("Smtp", "the sender address"))};
    const qsizetype accepted = std::count_if(recipients.cbegin(), recipients.cend(),
                                             [](const RecipientResult &r) { return r.accepted(); });
    // With some accepted, the overflow waits for a further transaction of
    // the same message; with none, it is a refusal like any other.
    later.clear();
    const RecipientResult *firstRefused = nullptr;
    bool anyTransient = false;
    for (const RecipientResult &r : std::as_const(recipients)) {
        if (r.accepted())
            continue;
        if (accepted > 0 && isRecipientOverflow(r.reply)) {
            later << r.address;
            continue;
        }
        if (!firstRefused)
            firstRefused = &r;
        anyTransient = anyTransient || r.reply.isTransient() || isRecipientOverflow(r.reply);
    }
    if (!firstRefused || (accepted > 0 && message.sendToAcceptedRecipients))
        return {};
    later.clear();
    const SmtpReply reply = firstRefused->reply;
    Error e = replyError(reply,
                         accepted == 0 ? QCoreApplication::translate("Smtp", "all recipients")
                                       : QCoreApplication::translate("Smtp", "the recipient %1").arg(firstRefused->address),
                         true);
    if (anyTransient && e.code() == Error::Code::Permanent && accepted == 0)
        e = Error(Error::Code::Transient, e.message()).withServerReply(reply.code, reply.enhancedCode, reply.text());
    SmtpResult r;
    r.error = e;
    r.reply = reply;
    r.recipients = recipients;
    return {r};
}

Result<QByteArray> SmtpTransaction::nextBodyPiece()
{
    const QByteArray chunk = m_file.read(kChunkSize);
    if (chunk.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            return Error(Error::Code::FileUnreadable,
                         QCoreApplication::translate("Smtp", "The queued message file could not be read: %1")
                             .arg(m_file.errorString()));
        eof = true;
        return QByteArray();
    }
    m_hash.addData(chunk);
    m_fileBytes += chunk.size();
    QByteArray out = normalise(chunk);
    if (bodyCommand == BodyCommand::Bdat && !out.isEmpty()) {
        out.prepend("BDAT " + QByteArray::number(out.size()) + "\r\n");
        ++pendingChunkReplies;
        ++chunksWritten;
    }
    queuedWire += out.size();
    return out;
}

QByteArray SmtpTransaction::normalise(const QByteArray &chunk)
{
    // Normalise line endings to CRLF and, for DATA, dot-stuff (RFC 5321
    // §4.5.2), so no bare CR or LF — and no "\n.\n" smuggling — ever reaches
    // the wire. BDAT counts octets instead and needs no stuffing (RFC 3030).
    // Runs between line ends are copied whole (memchr), not byte by byte.
    const bool stuff = bodyCommand == BodyCommand::Data;
    QByteArray out;
    out.reserve(chunk.size() + chunk.size() / 32 + 8);
    const char *p = chunk.constData();
    const char *const end = p + chunk.size();
    // Next CR and LF at or after p, found once each (linear for any mix).
    const char *nextCr = nullptr;
    const char *nextLf = nullptr;
    const auto find = [end](const char *from, char c) {
        const void *hit = std::memchr(from, c, static_cast<size_t>(end - from));
        return hit ? static_cast<const char *>(hit) : end;
    };
    while (p < end) {
        if (m_pendingCr) {
            m_pendingCr = false;
            out += "\r\n";
            m_atLineStart = true;
            if (*p == '\n')
                ++p;
            continue;
        }
        if (stuff && m_atLineStart && *p == '.')
            out += '.';
        if (!nextCr || nextCr < p)
            nextCr = find(p, '\r');
        if (!nextLf || nextLf < p)
            nextLf = find(p, '\n');
        const char *stop = std::min(nextCr, nextLf);
        if (stop > p) {
            out.append(p, stop - p);
            m_atLineStart = false;
        }
        p = stop;
        if (p == end)
            break;
        if (*p == '\n') {
            out += "\r\n";
            m_atLineStart = true;
        } else {
            m_pendingCr = true;
        }
        ++p;
    }
    return out;
}

bool SmtpTransaction::matchesWhatWasQueued()
{
    // The file must still be what was queued: a changed byte would be sent
    // as if it were the person's message. Checked before the dot, never after.
    const bool sizeWrong = message.expectedSize >= 0 && m_fileBytes != message.expectedSize;
    const bool hashWrong = !message.expectedSha256Hex.isEmpty()
        && m_hash.hexResult() != message.expectedSha256Hex.toLower();
    return !sizeWrong && !hashWrong;
}

QByteArray SmtpTransaction::bodyEnd()
{
    QByteArray tail;
    if (m_pendingCr || !m_atLineStart)
        tail += "\r\n";
    m_pendingCr = false;
    m_atLineStart = true;
    if (bodyCommand == BodyCommand::Bdat) {
        tail.prepend("BDAT " + QByteArray::number(tail.size()) + " LAST\r\n");
        ++pendingChunkReplies;
        ++chunksWritten;
    } else {
        tail += ".\r\n";
    }
    queuedWire += tail.size();
    return tail;
}

void SmtpTransaction::recordChunkReply(const SmtpReply &reply)
{
    --pendingChunkReplies;
    // RFC 3030 §2: after a refused chunk the transaction has failed; the
    // server discards what is still in the pipeline. The first refusal says why.
    if (reply.code != 250 && !chunkRefused)
        chunkRefused = reply;
}

std::unique_ptr<SmtpTransaction> SmtpTransaction::further() const
{
    // The accepted recipients have the message; the same message goes to
    // those refused as too many in a further transaction (§4.5.3.1.10).
    SmtpMessage next = message;
    next.envelope.recipients = later;
    auto tx = std::make_unique<SmtpTransaction>(std::move(next));
    tx->m_earlier = m_earlier;
    for (const RecipientResult &r : std::as_const(recipients)) {
        if (!later.contains(r.address))
            tx->m_earlier.append(r);
    }
    return tx;
}

SmtpResult SmtpTransaction::withEarlierTransactions(SmtpResult result) const
{
    // Once one transaction of a message was accepted, the message must not
    // be sent again as a whole: a failure now leaves it for the person,
    // with every recipient's outcome.
    if (m_earlier.isEmpty())
        return result;
    result.recipients = m_earlier + result.recipients;
    if (!result.ok()) {
        // (A plain int: lupdate does not read a cast among translate()'s arguments.)
        const int delivered = static_cast<int>(std::count_if(m_earlier.cbegin(), m_earlier.cend(),
                                                             [](const RecipientResult &r) { return r.accepted(); }));
        const Error cause = result.error;
        result.error = Error(Error::Code::InDoubt,
                             //: %n is how many recipients already have the message, %1 why the others do not
                             QCoreApplication::translate("Smtp", "The message was delivered to %n recipient(s), but "
                                                                 "not to the others: %1",
                                                         nullptr, delivered)
                                 .arg(cause.message()));
        result.error.withServerReply(cause.replyCode(), cause.enhancedCode(), cause.serverText());
        result.scope = SmtpScope::Message;
    }
    return result;
}

} // namespace Core
