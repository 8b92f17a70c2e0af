// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/outbox/outboxentry.h"
#include "core/outbox/sentcopystore.h"

#include <QHash>
#include <QSet>
#include <QObject>

namespace Core {

/// The text as a sentence: a full stop added unless it already ends like one
/// (for reasons quoted in the middle of a longer text).
[[nodiscard]] QString asSentence(const QString &text);


/// Something worth a system notification (docs/design/OUTBOX.md,
/// "Notifications").
struct OutboxNotification
{
    enum class Kind {
        DelayWarning,   ///< still not sent after the warning delay (then daily)
        GaveUp,         ///< transient failures for the whole lifetime
        Failed,         ///< refused for good; carries the server's reply
        NeedsAttention, ///< held: credentials, certificate, recipient, in doubt
        SentAfterDelay, ///< went out, but only after a delay
        SentCopyFailed, ///< sent, but its copy could not be filed in the Sent folder
    };
    Kind kind;
    QString id;
    QString title; ///< translated
    QString text;  ///< translated, with the server's words where there are any
};

/**
 * Decides when the outbox deserves the person's attention, and when it must
 * stay quiet: "Queued" is never "Sent"; deferrals are silent until they last
 * longer than `delayWarning` (default 30 minutes), then one warning and one a
 * day; a final word when it gave up, was refused, needs action, or was sent
 * after a delay. Feed it every entry after each change with observe().
 */
class NotificationPolicy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationPolicy)
public:
    explicit NotificationPolicy(QObject *parent = nullptr);

    void setDelayWarning(qint64 seconds) { m_delayWarning = seconds; }
    /// Considers one entry's current state at time `now`.
    void observe(const OutboxEntry &entry, const QDateTime &now);
    /// A sent message's copy in its Sent folder changed state: only a failed
    /// copy is worth a word, once per failure (a filed one is what the person
    /// expects; a copy that waits for a retry is not yet a failure).
    void observeSentCopy(const QString &id, const QString &subject, const SentCopyStatus &status);

Q_SIGNALS:
    void notify(const Core::OutboxNotification &notification);

private:
    struct Memory
    {
        OutboxState lastState = OutboxState::Queued;
        QDateTime lastDelayWarning;
        bool finalSaid = false;
    };
    qint64 m_delayWarning = 30 * 60;
    QHash<QString, Memory> m_memory;
    QSet<QString> m_copyFailuresSaid;
};

} // namespace Core

Q_DECLARE_METATYPE(Core::OutboxNotification)
