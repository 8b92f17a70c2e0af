// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/mimebuilder.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Core {

/// Where a message is; each state is a directory of the outbox.
enum class OutboxState { Queued, Deferred, Active, Held, Failed, Sent, Corrupt };

/// How far the current attempt got (made durable before each step).
enum class OutboxPhase { Idle, Claimed, DotSent, Accepted, InDoubt };

/// Why a held message waits for the person.
enum class HoldReason { None, Credentials, Security, RecipientRejected, InDoubt, Configuration };

struct RecipientStatus
{
    QString address;
    int code = 0;
    QString enhancedCode;
    QString text;
    friend bool operator==(const RecipientStatus &, const RecipientStatus &) = default;
};

/**
 * A queued message's sidecar (envelope+state.json): everything about it but
 * its bytes, which sit unchanged in message.eml next to it. The state is not
 * stored: it is the directory the entry is in.
 */
struct OutboxEntry
{
    static constexpr int kSchemaVersion = 1;

    QString id;
    QString accountId;
    QString messageId;
    QString subject;           ///< for lists and notifications
    QStringList displayTo;     ///< "Name <addr>" of To/Cc, for lists
    Envelope envelope;
    qint64 bodySize = 0;
    QByteArray bodySha256;     ///< hex
    QDateTime createdAt;
    QDateTime notBefore;       ///< scheduled time or end of the undo delay
    QDateTime nextAttemptAt;   ///< deferred until
    QDateTime firstAttemptAt;  ///< start of the lifetime; cleared by a retry
    QDateTime lastAttemptAt;
    QDateTime acceptedAt;
    int attempts = 0;          ///< attempts that got an SMTP answer
    int networkFailures = 0;   ///< attempts that never reached the server (not charged)
    OutboxPhase phase = OutboxPhase::Idle;
    HoldReason holdReason = HoldReason::None;
    QString lastErrorCode;     ///< Error::codeName
    QString lastErrorMessage;  ///< translated sentence
    int lastReplyCode = 0;
    QString lastEnhancedCode;
    QString lastServerText;
    QString acceptedReply;     ///< the server's 250 text (queue id)
    QList<RecipientStatus> recipients;
    bool expired = false;
    /// Sent, and its message.eml (and draft) removed after the retention
    /// time (Outbox::pruneSentBodies()); the record stays.
    bool bodyRemoved = false;
    /// The copy in the Sent folder as decided at the server's 250 when the
    /// account files none (a SentCopyStatus in JSON, under kSentCopyKey),
    /// so that no record of its own is written per message; else empty.
    /// SentCopyStore reads it where sent_copy.json is absent.
    QJsonObject sentCopyDecision;
    static constexpr auto kSentCopyKey = "sent_copy";

    OutboxState state = OutboxState::Queued; ///< from the directory; not stored

    /// How long attempts have been made, for the lifetime and the back-off:
    /// from the first attempt, not from creation (a message scheduled days
    /// ahead has not waited), and 0 before the first.
    [[nodiscard]] qint64 secondsTrying(const QDateTime &now) const;

    [[nodiscard]] QJsonObject toJson() const;
    /// The part of toJson() a 250 changes (Outbox::recordAccepted()):
    /// phase, hold_reason, accepted_at, accepted_reply, recipients,
    /// last_attempt_at; and sent_copy, when decided.
    [[nodiscard]] QJsonObject acceptedJson() const;
    /// Fails for anything not written by us in full: bad types, unknown
    /// schema, missing end marker.
    [[nodiscard]] static Result<OutboxEntry> fromJson(const QJsonObject &json);

    [[nodiscard]] static QString stateName(OutboxState state);
    [[nodiscard]] static QString phaseName(OutboxPhase phase);
    [[nodiscard]] static QString holdReasonName(HoldReason reason);
};

} // namespace Core
