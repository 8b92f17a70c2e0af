// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/outboxentry.h"

#include <QJsonArray>

#include <algorithm>

namespace Core {

namespace {

QString dateString(const QDateTime &d)
{
    return d.isValid() ? d.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseDate(const QJsonValue &v)
{
    const QString s = v.toString();
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

const QList<QPair<OutboxPhase, QString>> &phases()
{
    static const QList<QPair<OutboxPhase, QString>> list = {
        {OutboxPhase::Idle, QStringLiteral("idle")},
        {OutboxPhase::Claimed, QStringLiteral("claimed")},
        {OutboxPhase::DotSent, QStringLiteral("dot_sent")},
        {OutboxPhase::Accepted, QStringLiteral("accepted")},
        {OutboxPhase::InDoubt, QStringLiteral("in_doubt")}};
    return list;
}

const QList<QPair<HoldReason, QString>> &reasons()
{
    static const QList<QPair<HoldReason, QString>> list = {
        {HoldReason::None, QStringLiteral("none")},
        {HoldReason::Credentials, QStringLiteral("credentials")},
        {HoldReason::Security, QStringLiteral("security")},
        {HoldReason::RecipientRejected, QStringLiteral("recipient_rejected")},
        {HoldReason::InDoubt, QStringLiteral("in_doubt")},
        {HoldReason::Configuration, QStringLiteral("configuration")}};
    return list;
}

template<typename E>
std::optional<E> fromName(const QList<QPair<E, QString>> &list, const QString &name)
{
    for (const auto &[value, n] : list) {
        if (n == name)
            return value;
    }
    return std::nullopt;
}

template<typename E>
QString toName(const QList<QPair<E, QString>> &list, E value)
{
    for (const auto &[v, n] : list) {
        if (v == value)
            return n;
    }
    return {};
}

Error corrupt(const QString &what)
{
    return Error(Error::Code::Corrupt, QStringLiteral("sidecar: %1").arg(what));
}

} // namespace

QString OutboxEntry::stateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return QStringLiteral("queued");
    case OutboxState::Deferred:
        return QStringLiteral("deferred");
    case OutboxState::Active:
        return QStringLiteral("active");
    case OutboxState::Held:
        return QStringLiteral("held");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Sent:
        return QStringLiteral("sent");
    case OutboxState::Corrupt:
        return QStringLiteral("corrupt");
    }
    return QStringLiteral("corrupt");
}

QString OutboxEntry::phaseName(OutboxPhase phase)
{
    return toName(phases(), phase);
}

QString OutboxEntry::holdReasonName(HoldReason reason)
{
    return toName(reasons(), reason);
}

static QJsonArray recipientsJson(const QList<RecipientStatus> &recipients)
{
    QJsonArray rcpts;
    for (const RecipientStatus &r : recipients)
        rcpts.append(QJsonObject{{QStringLiteral("address"), r.address},
                                 {QStringLiteral("code"), r.code},
                                 {QStringLiteral("enhanced"), r.enhancedCode},
                                 {QStringLiteral("text"), r.text}});
    return rcpts;
}

qint64 OutboxEntry::secondsTrying(const QDateTime &now) const
{
    return firstAttemptAt.isValid() ? std::max<qint64>(0, firstAttemptAt.secsTo(now)) : 0;
}

QJsonObject OutboxEntry::acceptedJson() const
{
    QJsonObject json{
        {QStringLiteral("phase"), phaseName(phase)},
        {QStringLiteral("hold_reason"), holdReasonName(holdReason)},
        {QStringLiteral("accepted_at"), dateString(acceptedAt)},
        {QStringLiteral("accepted_reply"), acceptedReply},
        {QStringLiteral("recipients"), recipientsJson(recipients)},
        {QStringLiteral("last_attempt_at"), dateString(lastAttemptAt)},
    };
    if (!sentCopyDecision.isEmpty())
        json.insert(QLatin1String(kSentCopyKey), sentCopyDecision);
    return json;
}

QJsonObject OutboxEntry::toJson() const
{
    const QJsonArray rcpts = recipientsJson(recipients);
    QJsonObject json{
        {QStringLiteral("schema_version"), kSchemaVersion},
        {QStringLiteral("id"), id},
        {QStringLiteral("account"), accountId},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("display_to"), QJsonArray::fromStringList(displayTo)},
        {QStringLiteral("mail_from"), envelope.mailFrom},
        {QStringLiteral("rcpt_to"), QJsonArray::fromStringList(envelope.recipients)},
        {QStringLiteral("needs_8bitmime"), envelope.needs8BitMime},
        {QStringLiteral("needs_smtputf8"), envelope.needsSmtpUtf8},
        {QStringLiteral("body_size"), bodySize},
        {QStringLiteral("body_sha256"), QString::fromLatin1(bodySha256)},
        {QStringLiteral("created_at"), dateString(createdAt)},
        {QStringLiteral("not_before"), dateString(notBefore)},
        {QStringLiteral("next_attempt_at"), dateString(nextAttemptAt)},
        {QStringLiteral("first_attempt_at"), dateString(firstAttemptAt)},
        {QStringLiteral("last_attempt_at"), dateString(lastAttemptAt)},
        {QStringLiteral("accepted_at"), dateString(acceptedAt)},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("network_failures"), networkFailures},
        {QStringLiteral("phase"), phaseName(phase)},
        {QStringLiteral("hold_reason"), holdReasonName(holdReason)},
        {QStringLiteral("last_error"),
         QJsonObject{{QStringLiteral("code"), lastErrorCode},
                     {QStringLiteral("message"), lastErrorMessage},
                     {QStringLiteral("reply_code"), lastReplyCode},
                     {QStringLiteral("enhanced"), lastEnhancedCode},
                     {QStringLiteral("text"), lastServerText}}},
        {QStringLiteral("accepted_reply"), acceptedReply},
        {QStringLiteral("recipients"), rcpts},
        {QStringLiteral("expired"), expired},
        {QStringLiteral("body_removed"), bodyRemoved},
        // Written last by construction; a sidecar without it is incomplete.
        {QStringLiteral("end"), true},
    };
    if (!sentCopyDecision.isEmpty())
        json.insert(QLatin1String(kSentCopyKey), sentCopyDecision);
    return json;
}

Result<OutboxEntry> OutboxEntry::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("end")) != QJsonValue(true))
        return corrupt(QStringLiteral("no end marker"));
    if (json.value(QStringLiteral("schema_version")).toInt() != kSchemaVersion)
        return corrupt(QStringLiteral("unknown schema version"));
    OutboxEntry e;
    e.id = json.value(QStringLiteral("id")).toString();
    e.accountId = json.value(QStringLiteral("account")).toString();
    e.messageId = json.value(QStringLiteral("message_id")).toString();
    e.subject = json.value(QStringLiteral("subject")).toString();
    for (const auto &v : json.value(QStringLiteral("display_to")).toArray())
        e.displayTo << v.toString();
    e.envelope.mailFrom = json.value(QStringLiteral("mail_from")).toString();
    for (const auto &v : json.value(QStringLiteral("rcpt_to")).toArray())
        e.envelope.recipients << v.toString();
    e.envelope.needs8BitMime = json.value(QStringLiteral("needs_8bitmime")).toBool();
    e.envelope.needsSmtpUtf8 = json.value(QStringLiteral("needs_smtputf8")).toBool();
    e.bodySize = json.value(QStringLiteral("body_size")).toInteger(-1);
    e.envelope.size = e.bodySize;
    e.envelope.messageId = e.messageId;
    e.bodySha256 = json.value(QStringLiteral("body_sha256")).toString().toLatin1();
    e.createdAt = parseDate(json.value(QStringLiteral("created_at")));
    e.notBefore = parseDate(json.value(QStringLiteral("not_before")));
    e.nextAttemptAt = parseDate(json.value(QStringLiteral("next_attempt_at")));
    e.firstAttemptAt = parseDate(json.value(QStringLiteral("first_attempt_at")));
    e.lastAttemptAt = parseDate(json.value(QStringLiteral("last_attempt_at")));
    e.acceptedAt = parseDate(json.value(QStringLiteral("accepted_at")));
    e.attempts = json.value(QStringLiteral("attempts")).toInt();
    e.networkFailures = json.value(QStringLiteral("network_failures")).toInt();
    const auto phase = fromName(phases(), json.value(QStringLiteral("phase")).toString());
    const auto reason = fromName(reasons(), json.value(QStringLiteral("hold_reason")).toString());
    if (!phase || !reason)
        return corrupt(QStringLiteral("phase or hold reason"));
    e.phase = *phase;
    e.holdReason = *reason;
    const QJsonObject err = json.value(QStringLiteral("last_error")).toObject();
    e.lastErrorCode = err.value(QStringLiteral("code")).toString();
    e.lastErrorMessage = err.value(QStringLiteral("message")).toString();
    e.lastReplyCode = err.value(QStringLiteral("reply_code")).toInt();
    e.lastEnhancedCode = err.value(QStringLiteral("enhanced")).toString();
    e.lastServerText = err.value(QStringLiteral("text")).toString();
    e.acceptedReply = json.value(QStringLiteral("accepted_reply")).toString();
    for (const auto &v : json.value(QStringLiteral("recipients")).toArray()) {
        const QJsonObject o = v.toObject();
        e.recipients.append({o.value(QStringLiteral("address")).toString(),
                             o.value(QStringLiteral("code")).toInt(),
                             o.value(QStringLiteral("enhanced")).toString(),
                             o.value(QStringLiteral("text")).toString()});
    }
    e.expired = json.value(QStringLiteral("expired")).toBool();
    e.bodyRemoved = json.value(QStringLiteral("body_removed")).toBool();
    e.sentCopyDecision = json.value(QLatin1String(kSentCopyKey)).toObject();
    if (!json.contains(QStringLiteral("first_attempt_at")) && (e.attempts > 0 || e.networkFailures > 0)) {
        // Written by a version that did not record the first attempt: it
        // began when the message was due at the earliest. (An empty value is
        // a lifetime a retry ended.)
        e.firstAttemptAt = e.notBefore.isValid() && e.notBefore > e.createdAt ? e.notBefore : e.createdAt;
    }
    if (e.id.isEmpty() || e.accountId.isEmpty() || e.envelope.mailFrom.isEmpty()
        || e.envelope.recipients.isEmpty() || e.bodySize <= 0 || e.bodySha256.size() != 64
        || !e.createdAt.isValid())
        return corrupt(QStringLiteral("missing fields"));
    return e;
}

} // namespace Core
