// SPDX-License-Identifier: GPL-3.0-or-later
// The flusher's durable steps stay off the thread it runs on (issue 18): in
// the GUI that is the event loop, and one sync on a busy disk takes longer
// than a frame. OUTPOST_TEST_SYNC_DELAY_MS makes every sync slow; the
// longest gap of a 1 ms heartbeat on the flusher's thread while it sends
// to a real server (aiosmtpd) must stay far below it.
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"
#include "core/util/filelock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <gtest/gtest.h>

#include <atomic>
#include <iostream>

using namespace Core;

namespace {

/// The longest time the event loop could not run a 1 ms timer.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_worst = std::max(m_worst, m_sinceTick.restart() - 1);
        });
        m_sinceTick.start();
        m_timer.start();
    }
    [[nodiscard]] qint64 worst() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_worst = 0;
};

class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
    {
        qputenv(name, value);
    }
    ~ScopedEnv() { qunsetenv(m_name); }
    Q_DISABLE_COPY_MOVE(ScopedEnv)

private:
    const char *m_name;
};

/// Sends eight small messages to aiosmtpd with `variable` set to `ms` and
/// returns the longest stall of the flusher's thread meanwhile.
qint64 worstStallSendingEightWith(const char *variable, const QByteArray &ms)
{
    QTemporaryDir dir;
    EXPECT_TRUE(dir.isValid());
    const QString received = dir.filePath(QStringLiteral("received"));
    EXPECT_TRUE(QDir().mkpath(received));
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                              received, QStringLiteral("--no-auth")});
    EXPECT_TRUE(server.ok());

    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    EXPECT_TRUE(outbox.open().ok());
    outbox.watch(); // as the GUI does: "sent" reaches its index too
    EXPECT_TRUE(QTest::qWaitFor([&] { return outbox.isIndexLoaded(); }, 10000));
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    EXPECT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("Stall"), server.ready().toUShort())).ok());
    const Account account = accounts.accounts().last();
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    CredentialStore credentials;
    constexpr int kMessages = 8;
    for (int i = 0; i < kMessages; ++i)
        EXPECT_TRUE(outbox.enqueue(TestUtil::draftToBob(QStringLiteral("Message %1").arg(i)), account, {}).ok());
    Flusher flusher(&outbox, &accounts, &trust, &credentials);
    EXPECT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    int finishedAsSent = 0;
    QObject::connect(&flusher, &Flusher::messageFinished, [&](const QString &, OutboxState state) {
        finishedAsSent += state == OutboxState::Sent ? 1 : 0;
    });

    const ScopedEnv slow(variable, ms);
    const Heartbeat heartbeat;
    flusher.flush();
    // (EXPECT, not ASSERT_EVENTUALLY: this helper returns a value)
    EXPECT_TRUE(QTest::qWaitFor([&] { return outbox.entries(OutboxState::Sent).size() == kMessages && !flusher.isBusy(); },
                                60000))
        << "the messages were not all sent";

    // Each was sent once, and each after its durable dot_sent marker (the
    // order is the client's: it writes no dot before the marker's future).
    EXPECT_EQ(QDir(received).entryList({QStringLiteral("*.json")}, QDir::Files).size(), kMessages);
    // Once idle, every "sent" is on disk, reported and in the index.
    EXPECT_EQ(finishedAsSent, kMessages);
    EXPECT_EQ(outbox.indexed(OutboxState::Sent).size(), kMessages);
    EXPECT_TRUE(outbox.indexed(OutboxState::Active).isEmpty());
    return heartbeat.worst();
}

} // namespace

/// How slow the step under test is made, and the longest gap of the
/// flusher's thread that passes: a step done on that thread shows as a gap
/// of the whole delay; the scheduler of a loaded two-core machine (a load
/// average of 8) alone made gaps of 54 to 65 ms.
constexpr const char *kSlowStepMs = "200";
constexpr qint64 kMaxStallMs = 110;

TEST(FlusherStall, ASlowDiskDoesNotStallTheFlushersThread)
{
    // A disk on which every sync takes 200 ms, as seen on a loaded machine.
    const qint64 worst = worstStallSendingEightWith("OUTPOST_TEST_SYNC_DELAY_MS", kSlowStepMs);
    // A sync on this thread would show as a gap of at least 200 ms.
    EXPECT_LT(worst, kMaxStallMs) << "the flusher's thread stalled for " << worst << " ms";
    std::cout << "longest stall of the flusher's thread: " << worst << " ms\n";
}

TEST(FlusherStall, ASlowSentRecordDoesNotStallTheFlushersThread)
{
    // The "sent" record (accepted.json and the move into sent/) taking
    // 200 ms, as a rename on a loaded disk can: it is written off this thread.
    const qint64 worst = worstStallSendingEightWith("OUTPOST_TEST_RECORD_DELAY_MS", kSlowStepMs);
    EXPECT_LT(worst, kMaxStallMs) << "the flusher's thread stalled for " << worst << " ms";
    std::cout << "longest stall of the flusher's thread: " << worst << " ms\n";
}

TEST(FlusherStall, ASlowClaimDoesNotStallTheFlushersThread)
{
    // Claiming a message (finding its folder, reading its state file,
    // checking its body, the rename into active/) taking 200 ms, as on a
    // loaded disk: it is done off this thread, and the client is handed
    // the message when it is.
    const qint64 worst = worstStallSendingEightWith("OUTPOST_TEST_CLAIM_DELAY_MS", kSlowStepMs);
    EXPECT_LT(worst, kMaxStallMs) << "the flusher's thread stalled for " << worst << " ms";
    std::cout << "longest stall of the flusher's thread: " << worst << " ms\n";
}

TEST(FlusherStall, TheLockIsHeldUntilTheLastSentRecordIsWritten)
{
    // A flusher that goes away (the GUI quits, the CLI ends) while a "sent"
    // record is still being written must keep the outbox's lock until it is
    // written: the next holder's recovery would otherwise find the message
    // in active/ with its dot-sent marker and hold it as "may have been
    // delivered" although the server took it.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString received = dir.filePath(QStringLiteral("received"));
    ASSERT_TRUE(QDir().mkpath(received));
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                              received, QStringLiteral("--no-auth")});
    ASSERT_TRUE(server.ok());
    const QString root = dir.filePath(QStringLiteral("outbox"));
    Outbox outbox(root);
    ASSERT_TRUE(outbox.open().ok());
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("Quit"), server.ready().toUShort())).ok());
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    CredentialStore credentials;
    auto queued = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("Last words")), accounts.accounts().last(), {});
    ASSERT_TRUE(queued.ok());
    const QString id = queued.value().id;

    auto flusher = std::make_unique<Flusher>(&outbox, &accounts, &trust, &credentials);
    ASSERT_EQ(flusher->acquire(), Flusher::LockResult::Acquired);
    const ScopedEnv slow("OUTPOST_TEST_RECORD_DELAY_MS", "400");
    flusher->flush();
    ASSERT_EVENTUALLY(QDir(received).entryList({QStringLiteral("*.json")}, QDir::Files).size() == 1, 20000);
    QTest::qWait(100); // the 250 is read and the record begun (it takes 400 ms)

    // Another process waiting for the lock: what does it find when it gets it?
    std::atomic<bool> stillActive = false;
    std::atomic<bool> gotLock = false;
    QThread *other = QThread::create([&] {
        FileLock lock(root + QStringLiteral("/.lock"));
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000) {
            if (lock.lock(FileLock::Wait::No) == FileLock::Outcome::Acquired) {
                stillActive = QFileInfo::exists(root + QStringLiteral("/active/") + id);
                gotLock = true;
                return;
            }
            QThread::msleep(1);
        }
    });
    other->start();
    flusher.reset();
    other->wait();
    delete other;
    ASSERT_TRUE(gotLock);
    EXPECT_FALSE(stillActive) << "the lock was free while the sent message was still in active/";
    EXPECT_TRUE(QFileInfo::exists(root + QStringLiteral("/sent/") + id));
}

TEST(SentRecord, LearntAfterTheWatcherReadItTheRowKeepsItsSubjectAndRecipients)
{
    // The flusher learns "sent" when the durable writer's group holding
    // the record is done, which can be long after the record's rename into
    // sent/ (a slow step after it in the group): the watcher's refresh,
    // 200 ms after the rename, may have read the entry there first. The
    // row must still show what the message was, not only its reply.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    outbox.watch();
    ASSERT_EVENTUALLY(outbox.isIndexLoaded(), 10000);
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("Late"), 25)).ok());
    auto queued = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("Late record")), accounts.accounts().last(), {});
    ASSERT_TRUE(queued.ok());
    const QString id = queued->id;
    ASSERT_TRUE(outbox.claim(id).ok());
    const QDateTime acceptedAt = QDateTime::currentDateTimeUtc();
    const auto update = [acceptedAt](OutboxEntry &e) {
        e.acceptedAt = acceptedAt;
        e.acceptedReply = QStringLiteral("250 2.0.0 queued");
    };

    // The durable writer's part (the record and the rename into sent/)...
    ASSERT_TRUE(outbox.writeAccepted(id, update).ok());
    // ...the watcher reads sent/ before the record's group is done...
    ASSERT_EVENTUALLY(outbox.indexed(OutboxState::Sent).contains(id), 5000);
    // ...and then the flusher learns it.
    outbox.learnAccepted(id, update);

    ASSERT_TRUE(outbox.indexed(OutboxState::Sent).contains(id));
    const OutboxEntry row = outbox.indexed(OutboxState::Sent).value(id).entry;
    EXPECT_EQ(row.subject, QStringLiteral("Late record")) << "the row lost its subject";
    EXPECT_EQ(row.envelope.recipients, QStringList{QStringLiteral("bob@example.org")}) << "the row lost its recipients";
    EXPECT_EQ(row.acceptedReply, QStringLiteral("250 2.0.0 queued"));
    EXPECT_EQ(row.state, OutboxState::Sent);
    EXPECT_FALSE(outbox.indexed(OutboxState::Active).contains(id));
}
