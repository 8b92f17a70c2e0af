// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/notificationpolicy.h"

#include <QCoreApplication>

namespace Core {

namespace {

QString subjectOf(const OutboxEntry &e)
{
    return e.subject.isEmpty() ? QCoreApplication::translate("Notifications", "(no subject)") : e.subject;
}

// The explanation with the server's codes, and its words unless the
// explanation already quotes them (said once, not twice).
QString serverWords(const OutboxEntry &e)
{
    if (e.lastReplyCode == 0)
        return e.lastErrorMessage;
    const QString said = e.lastServerText.trimmed();
    const bool quoted = said.isEmpty() || e.lastErrorMessage.contains(said, Qt::CaseInsensitive);
    //: %1 the explanation, %2 reply code, %3 enhanced code, %4 the server's text
    return QCoreApplication::translate("Notifications", "%1 (%2 %3 %4)")
        .arg(e.lastErrorMessage, QString::number(e.lastReplyCode), e.lastEnhancedCode, quoted ? QString() : said)
        .simplified()
        .replace(QStringLiteral(" )"), QStringLiteral(")"));
}

// The counts are plain variables because lupdate does not extract a translate() call whose
// count argument is a cast expression.
QString duration(qint64 seconds)
{
    const int minutes = static_cast<int>(seconds / 60);
    const int hours = static_cast<int>(seconds / 3600);
    const int days = static_cast<int>(seconds / 86400);
    //: A duration, used in "“%1” has been waiting for %2" and "“%1” was sent after %2."
    if (seconds < 3600)
        return QCoreApplication::translate("Notifications", "%n minute(s)", nullptr, minutes);
    //: A duration, used in "“%1” has been waiting for %2" and "“%1” was sent after %2."
    if (seconds < 2 * 86400)
        return QCoreApplication::translate("Notifications", "%n hour(s)", nullptr, hours);
    //: A duration, used in "“%1” has been waiting for %2" and "“%1” was sent after %2."
    return QCoreApplication::translate("Notifications", "%n day(s)", nullptr, days);
}

} // namespace

QString asSentence(const QString &text)
{
    QString t = text.trimmed();
    static const QString ends = QStringLiteral(".!?…\u3002");
    if (!t.isEmpty() && !ends.contains(t.back()))
        t += u'.';
    return t;
}

NotificationPolicy::NotificationPolicy(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Core::OutboxNotification>();
}

void NotificationPolicy::observe(const OutboxEntry &e, const QDateTime &now)
{
    Memory &m = m_memory[e.id];
    const OutboxState previous = m.lastState;
    m.lastState = e.state;
    const qint64 age = e.createdAt.isValid() ? e.createdAt.secsTo(now) : 0;
    const auto say = [&](OutboxNotification::Kind kind, const QString &title, const QString &text) {
        Q_EMIT notify({kind, e.id, title, text});
    };

    switch (e.state) {
    case OutboxState::Queued:
    case OutboxState::Active:
    case OutboxState::Deferred: {
        // Silent until it has waited long; then once, then once a day.
        const bool waitingLong = age >= m_delayWarning;
        const bool due = !m.lastDelayWarning.isValid() || m.lastDelayWarning.secsTo(now) >= 86400;
        if (e.state == OutboxState::Deferred && waitingLong && due) {
            m.lastDelayWarning = now;
            say(OutboxNotification::Kind::DelayWarning, QCoreApplication::translate("Notifications", "Not sent yet"),
                //: %1 is a subject, %2 a duration such as "45 minutes", %3 the reason
                QCoreApplication::translate("Notifications", "“%1” has been waiting for %2: %3 Outpost keeps trying.")
                    .arg(subjectOf(e), duration(age), asSentence(serverWords(e))));
        }
        break;
    }
    case OutboxState::Sent:
        if (!m.finalSaid && (m.lastDelayWarning.isValid() || (previous == OutboxState::Deferred && age >= m_delayWarning))) {
            m.finalSaid = true;
            say(OutboxNotification::Kind::SentAfterDelay, QCoreApplication::translate("Notifications", "Sent"),
                QCoreApplication::translate("Notifications", "“%1” was sent after %2.").arg(subjectOf(e), duration(age)));
        }
        break;
    case OutboxState::Failed:
        if (!m.finalSaid) {
            m.finalSaid = true;
            if (e.expired)
                say(OutboxNotification::Kind::GaveUp, QCoreApplication::translate("Notifications", "Gave up sending"),
                    QCoreApplication::translate("Notifications", "“%1” could not be sent: %2").arg(subjectOf(e), serverWords(e)));
            else
                say(OutboxNotification::Kind::Failed, QCoreApplication::translate("Notifications", "Not sent"),
                    QCoreApplication::translate("Notifications", "“%1” was refused: %2").arg(subjectOf(e), serverWords(e)));
        }
        break;
    case OutboxState::Held:
        if (previous != OutboxState::Held) {
            QString title = QCoreApplication::translate("Notifications", "Your message needs attention");
            if (e.holdReason == HoldReason::InDoubt)
                title = QCoreApplication::translate("Notifications", "May have been sent");
            else if (e.holdReason == HoldReason::Credentials)
                title = QCoreApplication::translate("Notifications", "Sign-in failed");
            else if (e.holdReason == HoldReason::RecipientRejected)
                title = QCoreApplication::translate("Notifications", "A recipient was refused");
            say(OutboxNotification::Kind::NeedsAttention, title,
                QCoreApplication::translate("Notifications", "“%1”: %2").arg(subjectOf(e), serverWords(e)));
        }
        break;
    case OutboxState::Corrupt:
        if (previous != OutboxState::Corrupt)
            say(OutboxNotification::Kind::NeedsAttention, QCoreApplication::translate("Notifications", "A queued message was damaged"),
                QCoreApplication::translate("Notifications", "A queued message could not be read and was set aside; it will not be sent."));
        break;
    }
}

void NotificationPolicy::observeSentCopy(const QString &id, const QString &subject, const SentCopyStatus &status)
{
    if (status.state != SentCopyStatus::State::Failed) {
        m_copyFailuresSaid.remove(id); // (retried: a new failure is told again)
        return;
    }
    if (m_copyFailuresSaid.contains(id))
        return;
    m_copyFailuresSaid.insert(id);
    const QString name = subject.isEmpty() ? QCoreApplication::translate("Notifications", "(no subject)") : subject;
    Q_EMIT notify({OutboxNotification::Kind::SentCopyFailed, id,
                   QCoreApplication::translate("Notifications", "Sent, but no copy in the Sent folder"),
                   //: %1 is the message's subject, %2 why its copy could not be filed
                   QCoreApplication::translate("Notifications", "“%1” was sent. %2 The Outbox window can try again.")
                       .arg(name, asSentence(status.reason))});
}

} // namespace Core
