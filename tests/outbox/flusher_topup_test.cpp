// SPDX-License-Identifier: GPL-3.0-or-later
// A pass is not a snapshot (issue 18): while one account's run waits on a
// slow server, mail queued for another account goes out at once, and mail
// queued for the same account is taken by the same run, over the same
// connection, when it falls due. Two real servers (aiosmtpd), one of which
// answers each final dot three seconds late.
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <gtest/gtest.h>

using namespace Core;

namespace {

/// What a server received: one JSON per message, oldest first.
QList<QJsonObject> receivedBy(const QString &dir)
{
    QList<QJsonObject> out;
    for (int n = 1;; ++n) {
        QFile f(dir + QStringLiteral("/%1.json").arg(n));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        out << QJsonDocument::fromJson(f.readAll()).object();
    }
}

} // namespace

TEST(FlusherTopUp, MailQueuedDuringALongRunGoesOutWithoutWaitingForIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString slowDir = dir.filePath(QStringLiteral("slow"));
    const QString fastDir = dir.filePath(QStringLiteral("fast"));
    ASSERT_TRUE(QDir().mkpath(slowDir) && QDir().mkpath(fastDir));
    ServerProcess slow(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                            slowDir, QStringLiteral("--no-auth"), QStringLiteral("--data-delay"),
                                            QStringLiteral("3")});
    ServerProcess fast(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                            fastDir, QStringLiteral("--no-auth")});
    ASSERT_TRUE(slow.ok() && fast.ok());

    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    outbox.watch(); // as the GUI does: a message falling due is found in the index
    ASSERT_EVENTUALLY(outbox.isIndexLoaded(), 10000);
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("A"), slow.ready().toUShort())).ok());
    const Account a = accounts.accounts().last();
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("B"), fast.ready().toUShort())).ok());
    const Account b = accounts.accounts().last();
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    CredentialStore credentials;
    Flusher flusher(&outbox, &accounts, &trust, &credentials);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    QSignalSpy idle(&flusher, &Flusher::idle);

    const auto a1 = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("A1")), a, {});
    ASSERT_TRUE(a1.ok());
    flusher.flush();
    // A1 is on its way; its server answers the dot three seconds late.
    ASSERT_EVENTUALLY(outbox.find(a1->id)->state == OutboxState::Active, 5000);

    // Queued meanwhile: B1 for the other account; A2 for A, due now; A3 for
    // A, due in a second (a Send Later, an undo delay). Each is flushed as
    // the GUI and `outpost send` do.
    ASSERT_TRUE(outbox.enqueue(TestUtil::draftToBob(QStringLiteral("B1")), b, {}).ok());
    flusher.flush();
    const auto a2 = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("A2")), a, {});
    ASSERT_TRUE(a2.ok());
    flusher.flush();
    Outbox::EnqueueOptions later;
    later.notBefore = QDateTime::currentDateTimeUtc().addMSecs(1000);
    const auto a3 = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("A3")), a, later);
    ASSERT_TRUE(a3.ok());
    flusher.flush();

    // B1 does not wait for A's run.
    ASSERT_EVENTUALLY(receivedBy(fastDir).size() == 1, 2500);
    EXPECT_NE(outbox.find(a1->id)->state, OutboxState::Sent) << "A's slow reply should still be awaited";

    // A2 and A3 go over A's connection, after A1, within the same pass.
    ASSERT_EVENTUALLY(outbox.entries(OutboxState::Sent).size() == 4 && !flusher.isBusy(), 30000);
    const QList<QJsonObject> atSlow = receivedBy(slowDir);
    ASSERT_EQ(atSlow.size(), 3);
    EXPECT_EQ(atSlow.at(0).value(QStringLiteral("peer_port")), atSlow.at(1).value(QStringLiteral("peer_port")));
    EXPECT_EQ(atSlow.at(0).value(QStringLiteral("peer_port")), atSlow.at(2).value(QStringLiteral("peer_port")))
        << "A3 should have been taken by A's run when it fell due";
    EXPECT_EQ(idle.size(), 1) << "one pass";
    EXPECT_EQ(receivedBy(fastDir).size(), 1);
}
