// SPDX-License-Identifier: GPL-3.0-or-later
// The flusher's durable steps stay off the thread it runs on (issue 18): in
// the GUI that is the event loop, and one sync on a busy disk takes longer
// than a frame. OUTPOST_TEST_SYNC_DELAY_MS makes every sync slow; the
// longest gap of a 1 ms heartbeat on the flusher's thread while it sends
// to a real server (aiosmtpd) must stay far below it.
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <gtest/gtest.h>

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

} // namespace

TEST(FlusherStall, ASlowDiskDoesNotStallTheFlushersThread)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString received = dir.filePath(QStringLiteral("received"));
    ASSERT_TRUE(QDir().mkpath(received));
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                              received, QStringLiteral("--no-auth")});
    ASSERT_TRUE(server.ok());

    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("Stall"), server.ready().toUShort())).ok());
    const Account account = accounts.accounts().last();
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    CredentialStore credentials;
    constexpr int kMessages = 8;
    for (int i = 0; i < kMessages; ++i) {
        Draft d;
        d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
        d.to = {MailAddress({}, QStringLiteral("bob@example.org"))};
        d.subject = QStringLiteral("Message %1").arg(i);
        d.textBody = QStringLiteral("Hello Bob.");
        ASSERT_TRUE(outbox.enqueue(d, account, {}).ok());
    }
    Flusher flusher(&outbox, &accounts, &trust, &credentials);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);

    // A disk on which every sync takes 150 ms, as seen on a loaded machine.
    const ScopedEnv slowDisk("OUTPOST_TEST_SYNC_DELAY_MS", "150");
    const Heartbeat heartbeat;
    flusher.flush();
    ASSERT_EVENTUALLY(outbox.entries(OutboxState::Sent).size() == kMessages && !flusher.isBusy(), 60000);

    // Each was sent once, and each after its durable dot_sent marker (the
    // order is the client's: it writes no dot before the marker's future).
    EXPECT_EQ(QDir(received).entryList({QStringLiteral("*.json")}, QDir::Files).size(), kMessages);
    // A sync on this thread would show as a gap of at least 150 ms.
    EXPECT_LT(heartbeat.worst(), 50) << "the flusher's thread stalled for " << heartbeat.worst() << " ms";
    std::cout << "longest stall of the flusher's thread: " << heartbeat.worst() << " ms\n";
}
