// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/smtp/capabilities.h"
#include "core/smtp/smtpmessage.h"
#include "core/smtp/smtpsettings.h"
#include "core/util/digest.h"

#include <QFile>

#include <optional>

namespace Core {

/**
 * One mail transaction (RFC 5321 §3.3) for one message: the envelope (MAIL,
 * RCPT), the body — DATA with dot-stuffing, or BDAT chunks (RFC 3030) — and
 * each recipient's reply. It builds the commands and the wire form of the
 * body and judges the replies; the client decides when they are written.
 *
 * A message whose recipients are too many for one transaction (452/552 to
 * RCPT after some were accepted) continues in a further transaction of the
 * same message (further()), which carries the earlier outcomes.
 */
class SmtpTransaction final
{
    Q_DISABLE_COPY_MOVE(SmtpTransaction)
public:
    enum class State {
        Prepared,    ///< checked, file open, nothing written
        Envelope,    ///< MAIL and RCPT written, replies pending
        DataCommand, ///< DATA written, the 354 awaited
        Body,        ///< message data being written
        FinalReply,  ///< the final dot (or BDAT LAST) written; its reply awaited
    };
    /// How the body goes: DATA and a final dot, or BDAT chunks (RFC 3030).
    enum class BodyCommand { Data, Bdat };

    /// What the recipients' replies mean once all are in.
    struct Verdict
    {
        std::optional<SmtpResult> failure; ///< unset: send the body
    };

    explicit SmtpTransaction(SmtpMessage message);

    /// Checks the envelope and opens the file; the failure, if any, is
    /// this message's result and nothing was written.
    [[nodiscard]] std::optional<SmtpResult> prepare(const SmtpCapabilities &caps, const SmtpServerSettings &settings);

    [[nodiscard]] QByteArray mailFromCommand(const SmtpCapabilities &caps) const;
    [[nodiscard]] QByteArray rcptCommand(const SmtpCapabilities &caps, const QString &address) const;

    /// A reply to MAIL: true when it is a 503 to an envelope written behind
    /// the previous message's dot (a disagreement, see SMTP.md).
    bool recordMailReply(const SmtpReply &reply);
    /// A reply to the first RCPT without one (replies come in order, RFC 2920 §3.1).
    void recordRcptReply(const SmtpReply &reply);
    /// Once MAIL and every RCPT are answered.
    [[nodiscard]] Verdict judgeRecipients();

    /// The next piece of the body in its wire form (CRLF line ends; dot-
    /// stuffed for DATA, framed as a BDAT chunk otherwise); empty at the end
    /// of the file. An unreadable file is an error.
    [[nodiscard]] Result<QByteArray> nextBodyPiece();
    /// After the last piece: the file is what was queued (size, SHA-256).
    [[nodiscard]] bool matchesWhatWasQueued();
    /// The end of the body: CRLF if missing, and "." or the BDAT LAST chunk.
    [[nodiscard]] QByteArray bodyEnd();

    /// A reply to a BDAT chunk that is not the last one (RFC 3030 §2).
    void recordChunkReply(const SmtpReply &reply);

    /// The same message for the recipients left for a further transaction.
    [[nodiscard]] std::unique_ptr<SmtpTransaction> further() const;
    /// The result with the outcomes of this message's earlier transactions:
    /// once some recipients have it, a failure leaves it in doubt.
    [[nodiscard]] SmtpResult withEarlierTransactions(SmtpResult result) const;
    [[nodiscard]] bool hasEarlierTransactions() const { return !m_earlier.isEmpty(); }

    [[nodiscard]] SmtpResult messageFailure(const SmtpReply &reply, const QString &what) const;

    SmtpMessage message;
    State state = State::Prepared;
    BodyCommand bodyCommand = BodyCommand::Data;
    QList<RecipientResult> recipients;
    qsizetype nextRecipient = 0;         ///< lock-step: the next RCPT to send
    int pendingReplies = 0;              ///< pipelined: envelope replies still expected
    SmtpReply mailReply;
    bool dataPipelined = false;          ///< DATA went out with MAIL and RCPT
    bool behindDot = false;              ///< ... behind the previous final dot
    bool retryUnpipelined = false;       ///< ... and the server refused that (503)
    QStringList later;                   ///< "too many recipients": the next transaction
    /// The hook before the final dot has been started (envelope ahead, or
    /// the end of the body in sight); its result, or the future of it.
    std::optional<QFuture<bool>> beforeDot;
    /// Non-zero while the final dot waits for beforeDot: the client's
    /// ticket for it, so a late answer finds no other transaction.
    quint64 awaitingBeforeDot = 0;
    std::optional<SmtpResult> abortAtData; ///< the outcome, once DATA is answered
    bool dotWritten = false;             ///< the final dot or BDAT LAST is out
    bool eof = false;
    int pendingChunkReplies = 0;         ///< BDAT chunks written, not yet answered
    int chunksWritten = 0;               ///< BDAT chunks written (for the log)
    std::optional<SmtpReply> chunkRefused; ///< the first chunk the server refused
    qint64 queuedWire = 0; ///< octets handed to the socket for the body
    qint64 total = 0;      ///< the file's size

    [[nodiscard]] bool mailAccepted() const { return mailReply.code == 250; }

private:
    [[nodiscard]] QByteArray normalise(const QByteArray &chunk);

    QFile m_file;
    QList<RecipientResult> m_earlier; ///< results of this message's earlier transactions
    // Streaming state for CRLF normalisation and dot-stuffing (RFC 5321 §4.5.2).
    bool m_atLineStart = true;
    bool m_pendingCr = false;
    Sha256 m_hash; ///< of the file as read
    qint64 m_fileBytes = 0;
};

} // namespace Core
