// SPDX-License-Identifier: GPL-3.0-or-later
// A keychain that never answers (issue 18): this executable runs inside
// tests/scripts/with_silent_keyring.sh, whose Secret Service takes every
// call and answers none, as an unlock prompt nobody answers does. Every
// credential job ends by its time-out (Error::Code::Timeout); the flusher
// defers that account's messages and rests the account as for a server it
// cannot reach (not held: unlocking the keyring later changes nothing the
// flusher would notice), sends the others' and tries again in a later pass.
#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <functional>

using namespace Core;

namespace {

constexpr int kTimeoutMs = 1500;

class SilentKeychain : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            << "run through tests/scripts/with_silent_keyring.sh";
        m_store.setTimeout(kTimeoutMs);
    }
    CredentialStore m_store;
};

} // namespace

TEST_F(SilentKeychain, EveryJobEndsByItsTimeOut)
{
    const QString id = Account::newId();
    const std::function<CredentialJob *()> jobs[] = {
        [&] { return m_store.read(id); },
        [&] { return m_store.write(id, QStringLiteral("hunter2")); },
        [&] { return m_store.remove(id); },
    };
    for (const auto &start : jobs) {
        CredentialJob *job = start();
        job->setAutoDelete(false);
        const std::unique_ptr<CredentialJob> owned(job);
        QSignalSpy finished(job, &CredentialJob::finished);
        QElapsedTimer clock;
        clock.start();
        ASSERT_TRUE(finished.wait(kTimeoutMs + 5000)) << "the job waited for the keychain for ever";
        EXPECT_GE(clock.elapsed(), kTimeoutMs - 100);
        EXPECT_EQ(job->error().code(), Error::Code::Timeout);
        EXPECT_TRUE(job->error().message().contains(QStringLiteral("did not answer"))) << qPrintable(job->error().message());
        EXPECT_TRUE(job->secret().isEmpty());
        // Once only, even if the keychain answered later.
        QTest::qWait(200);
        EXPECT_EQ(finished.size(), 1);
    }
}

TEST_F(SilentKeychain, AnUnansweredPasswordDefersItsAccountNotTheOthersAndALaterPassTriesAgain)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString received = dir.filePath(QStringLiteral("received"));
    ASSERT_TRUE(QDir().mkpath(received));
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                              received, QStringLiteral("--no-auth")});
    ASSERT_TRUE(server.ok());
    const quint16 port = server.ready().toUShort();

    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    // A signs in with a password from the keychain, which never answers; B
    // needs none.
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("A"), port, AuthMethod::Password)).ok());
    const Account a = accounts.accounts().last();
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("B"), port)).ok());
    const Account b = accounts.accounts().last();
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    const auto forA = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("For A")), a, {});
    ASSERT_TRUE(forA.ok());
    ASSERT_TRUE(outbox.enqueue(TestUtil::draftToBob(QStringLiteral("For B")), b, {}).ok());

    Flusher flusher(&outbox, &accounts, &trust, &m_store);
    RetryPolicy policy;
    policy.scale = 0.1; // the account rests 3 s (±20 %) after the first time-out
    flusher.setRetryPolicy(policy);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    QSignalSpy idle(&flusher, &Flusher::idle);
    flusher.flush();
    // The pass ends: B's message went, A's waits for a retry with the reason.
    ASSERT_EVENTUALLY(idle.size() == 1, kTimeoutMs + 10000);
    EXPECT_EQ(outbox.entries(OutboxState::Sent).size(), 1);
    const auto deferred = outbox.find(forA->id);
    ASSERT_TRUE(deferred.has_value());
    EXPECT_EQ(deferred->state, OutboxState::Deferred);
    EXPECT_EQ(deferred->holdReason, HoldReason::None);
    EXPECT_EQ(deferred->networkFailures, 1);
    EXPECT_EQ(deferred->attempts, 0) << "a keychain that did not answer is not charged to the message";
    EXPECT_TRUE(deferred->nextAttemptAt.isValid());
    EXPECT_EQ(deferred->lastErrorCode, Error::codeName(Error::Code::Timeout));
    EXPECT_TRUE(deferred->lastErrorMessage.contains(QStringLiteral("did not answer"))) << qPrintable(deferred->lastErrorMessage);

    // A later pass is not held up: B's next message goes at once.
    ASSERT_TRUE(outbox.enqueue(TestUtil::draftToBob(QStringLiteral("For B again")), b, {}).ok());
    flusher.flush();
    ASSERT_EVENTUALLY(idle.size() == 2, 10000);
    EXPECT_EQ(outbox.entries(OutboxState::Sent).size(), 2);
    EXPECT_EQ(QDir(received).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 2);

    EXPECT_EQ(outbox.find(forA->id)->networkFailures, 1) << "the resting account was asked again at once";

    // Nothing releases it by hand: once the account has rested, a later
    // pass of its own asks the keychain again (which still does not answer).
    ASSERT_EVENTUALLY(outbox.find(forA->id).value_or(OutboxEntry{}).networkFailures == 2, 3600 + kTimeoutMs + 10000);
    EXPECT_EQ(outbox.find(forA->id)->state, OutboxState::Deferred);
    EXPECT_EQ(QDir(received).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 2);
}
