// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/notificationpolicy.h"

#include "tests/support/testutil.h"

#include <QSignalSpy>
#include <QTimeZone>

using namespace Core;

namespace {

OutboxEntry entry(OutboxState state, const QDateTime &created)
{
    OutboxEntry e;
    e.id = QStringLiteral("m1");
    e.subject = QStringLiteral("Quarterly report");
    e.createdAt = created;
    e.state = state;
    e.lastErrorMessage = QStringLiteral("The mail server temporarily refused the message");
    e.lastReplyCode = 451;
    e.lastEnhancedCode = QStringLiteral("4.3.0");
    e.lastServerText = QStringLiteral("Mailbox busy");
    return e;
}

using Kind = OutboxNotification::Kind;

Kind kindAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).first().value<OutboxNotification>().kind;
}

} // namespace

TEST(NotificationPolicy, DeferralIsSilentUntilThirtyMinutesThenDaily)
{
    NotificationPolicy policy;
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    const QDateTime t0(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);
    policy.observe(entry(OutboxState::Queued, t0), t0);
    policy.observe(entry(OutboxState::Deferred, t0), t0.addSecs(60));
    policy.observe(entry(OutboxState::Deferred, t0), t0.addSecs(29 * 60));
    EXPECT_EQ(spy.count(), 0) << "no noise for short delays";
    policy.observe(entry(OutboxState::Deferred, t0), t0.addSecs(31 * 60));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(kindAt(spy, 0), Kind::DelayWarning);
    const QString text = spy.at(0).first().value<OutboxNotification>().text;
    EXPECT_TRUE(text.contains(QStringLiteral("Quarterly report")));
    EXPECT_TRUE(text.contains(QStringLiteral("Mailbox busy"))) << "the server's words";
    policy.observe(entry(OutboxState::Deferred, t0), t0.addSecs(5 * 3600));
    EXPECT_EQ(spy.count(), 1) << "once a day, not on every retry";
    policy.observe(entry(OutboxState::Deferred, t0), t0.addSecs(31 * 60 + 86400));
    EXPECT_EQ(spy.count(), 2);
    policy.observe(entry(OutboxState::Sent, t0), t0.addSecs(2 * 86400));
    ASSERT_EQ(spy.count(), 3);
    EXPECT_EQ(kindAt(spy, 2), Kind::SentAfterDelay);
}

TEST(NotificationPolicy, SentOnTimeSaysNothing)
{
    NotificationPolicy policy;
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    policy.observe(entry(OutboxState::Queued, t0), t0);
    policy.observe(entry(OutboxState::Sent, t0), t0.addSecs(2));
    EXPECT_EQ(spy.count(), 0);
}

TEST(NotificationPolicy, FinalWords)
{
    NotificationPolicy policy;
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    OutboxEntry expired = entry(OutboxState::Failed, t0);
    expired.expired = true;
    policy.observe(expired, t0.addDays(5));
    policy.observe(expired, t0.addDays(6));
    ASSERT_EQ(spy.count(), 1) << "said once";
    EXPECT_EQ(kindAt(spy, 0), Kind::GaveUp);

    OutboxEntry held = entry(OutboxState::Held, t0);
    held.id = QStringLiteral("m2");
    held.holdReason = HoldReason::InDoubt;
    policy.observe(held, t0);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(kindAt(spy, 1), Kind::NeedsAttention);
    EXPECT_EQ(spy.at(1).first().value<OutboxNotification>().title, QStringLiteral("May have been sent"));

    OutboxEntry refused = entry(OutboxState::Failed, t0);
    refused.id = QStringLiteral("m3");
    refused.lastReplyCode = 552;
    refused.lastServerText = QStringLiteral("Message too big");
    policy.observe(refused, t0);
    ASSERT_EQ(spy.count(), 3);
    EXPECT_EQ(kindAt(spy, 2), Kind::Failed);
    EXPECT_TRUE(spy.at(2).first().value<OutboxNotification>().text.contains(QStringLiteral("552")));
}

TEST(NotificationPolicy, TheServersWordsAreSaidOnceAndSentencesEnd)
{
    NotificationPolicy policy;
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    OutboxEntry held = entry(OutboxState::Held, t0);
    held.holdReason = HoldReason::RecipientRejected;
    held.lastReplyCode = 550;
    held.lastEnhancedCode = QStringLiteral("5.1.1");
    held.lastServerText = QStringLiteral("No such user here");
    held.lastErrorMessage = QStringLiteral("The mail server refused the recipient: No such user here");
    policy.observe(held, t0);
    ASSERT_EQ(spy.count(), 1);
    const QString text = spy.at(0).first().value<OutboxNotification>().text;
    EXPECT_EQ(text.count(QStringLiteral("No such user here")), 1) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("550 5.1.1"))) << text.toStdString();

    OutboxEntry waiting = entry(OutboxState::Deferred, t0);
    waiting.id = QStringLiteral("m9");
    waiting.lastReplyCode = 0;
    waiting.lastErrorMessage = QStringLiteral("Could not talk to smtp.example.org: Connection refused");
    policy.observe(waiting, t0.addSecs(3600));
    ASSERT_EQ(spy.count(), 2);
    EXPECT_TRUE(spy.at(1).first().value<OutboxNotification>().text.contains(QStringLiteral("Connection refused. Outpost keeps trying.")))
        << spy.at(1).first().value<OutboxNotification>().text.toStdString();
    EXPECT_EQ(asSentence(QStringLiteral("Done.")), QStringLiteral("Done."));
    EXPECT_EQ(asSentence(QStringLiteral("Host not found")), QStringLiteral("Host not found."));
    EXPECT_EQ(asSentence(QStringLiteral("Busy (421 4.7.0)")), QStringLiteral("Busy (421 4.7.0)."));
}

// The copy in the Sent folder: a filed or waiting copy says nothing; a
// failed one is told once, with why, and again only after a retry failed.
TEST(NotificationPolicy, OnlyAFailedSentCopyIsToldOncePerFailure)
{
    Core::NotificationPolicy policy;
    QSignalSpy spy(&policy, &Core::NotificationPolicy::notify);
    using State = Core::SentCopyStatus::State;
    const auto copy = [](State state, const QString &reason = {}) {
        Core::SentCopyStatus s;
        s.state = state;
        s.reason = reason;
        return s;
    };
    policy.observeSentCopy(QStringLiteral("a"), QStringLiteral("Report"), copy(State::Pending));
    policy.observeSentCopy(QStringLiteral("a"), QStringLiteral("Report"), copy(State::Pending, QStringLiteral("No connection")));
    policy.observeSentCopy(QStringLiteral("b"), QStringLiteral("Minutes"), copy(State::Done));
    policy.observeSentCopy(QStringLiteral("c"), QStringLiteral("Other"), copy(State::Skipped));
    EXPECT_EQ(spy.count(), 0);

    const auto failed = copy(State::Failed, QStringLiteral("There is no Sent folder (Sent)."));
    policy.observeSentCopy(QStringLiteral("a"), QStringLiteral("Report"), failed);
    ASSERT_EQ(spy.count(), 1);
    const auto n = spy.takeFirst().first().value<Core::OutboxNotification>();
    EXPECT_EQ(n.kind, Core::OutboxNotification::Kind::SentCopyFailed);
    EXPECT_EQ(n.id, QStringLiteral("a"));
    EXPECT_EQ(n.title, QStringLiteral("Sent, but no copy in the Sent folder"));
    EXPECT_EQ(n.text, QStringLiteral("“Report” was sent. There is no Sent folder (Sent). The Outbox window can try again."));
    policy.observeSentCopy(QStringLiteral("a"), QStringLiteral("Report"), failed);
    EXPECT_EQ(spy.count(), 0) << "said once";
    policy.observeSentCopy(QStringLiteral("a"), QStringLiteral("Report"), copy(State::Pending)); // retried
    policy.observeSentCopy(QStringLiteral("a"), QStringLiteral("Report"), failed);
    EXPECT_EQ(spy.count(), 1) << "a new failure after a retry";
}
