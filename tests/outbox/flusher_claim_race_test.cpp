// SPDX-License-Identifier: GPL-3.0-or-later
// A claim finished before its continuation is attached (issue 18): Qt then
// runs the continuation inside then(), inside the flusher's sendNext(). A
// claim that finds no entry (removed meanwhile) then ended its run twice:
// the second end erased, by address, whatever run had taken the freed
// one's place, with its message in flight (left in active/, in doubt).
// OUTPOST_TEST_CLAIMS_FINISH_FIRST makes the claim finish first every time.
// Runs inside with_keyring.sh (the account signs in with a password).
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/aiosmtpdoutbox.h"
#include "tests/support/fakesmtpserver.h"
#include "tests/support/testutil.h"

#include <gtest/gtest.h>

using namespace Core;

TEST(FlusherClaimRace, AClaimThatFindsNothingEndsItsRunOnceAndTheNextPassSendsAll)
{
    qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-flusher-claim-race-test");
    qputenv("OUTPOST_TEST_CLAIMS_FINISH_FIRST", "1");
    AiosmtpdOutbox setup(QStringLiteral("Plain"));
    Outbox &outbox = setup.outbox;
    const Account plain = setup.account();
    // An account whose password comes from the keychain: its run claims its
    // first message only once the keychain has answered, after the pass was
    // read. (No message of it reaches the server: it never signs in.)
    Account withPassword = TestUtil::localAccount(QStringLiteral("Password"), plain.port, AuthMethod::Password);
    ASSERT_TRUE(setup.accounts.add(withPassword).ok());
    withPassword = setup.accounts.accounts().last();
    {
        CredentialJob *job = setup.credentials.write(withPassword.id, QStringLiteral("secret"));
        job->setAutoDelete(false);
        QSignalSpy written(job, &CredentialJob::finished);
        ASSERT_TRUE(written.wait(20000));
        ASSERT_FALSE(job->error().isError()) << qPrintable(job->error().message());
        delete job;
    }
    auto removed = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("Removed")), withPassword, {});
    ASSERT_TRUE(removed.ok());

    Flusher flusher(&outbox, &setup.accounts, &setup.trust, &setup.credentials);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    int idles = 0;
    QObject::connect(&flusher, &Flusher::idle, [&] { ++idles; });
    QStringList sent;
    QObject::connect(&flusher, &Flusher::messageFinished, [&](const QString &id, OutboxState state) {
        if (state == OutboxState::Sent)
            sent << id;
    });
    flusher.flush(true);
    // The pass is read (its run asks the keychain), then the message goes
    // before the keychain can answer: the claim finds nothing.
    QCoreApplication::sendPostedEvents(&flusher, QEvent::MetaCall);
    ASSERT_TRUE(flusher.isSending());
    ASSERT_TRUE(outbox.remove(removed.value().id).ok());
    ASSERT_EVENTUALLY(idles >= 1, 20000);
    // A second flush, as another process asks, with messages of both kinds.
    QStringList queued;
    for (int i = 0; i < 3; ++i) {
        auto e = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("After %1").arg(i)), plain, {});
        ASSERT_TRUE(e.ok());
        queued << e.value().id;
    }
    flusher.flush(true);
    ASSERT_EVENTUALLY(outbox.entries(OutboxState::Sent).size() == 3 && !flusher.isBusy(), 20000);
    QTest::qWait(300); // a second end of the first run would show by now
    EXPECT_EQ(idles, 2) << "idle() after the first pass and after the second";
    EXPECT_TRUE(outbox.ids(OutboxState::Active).isEmpty()) << qPrintable(outbox.ids(OutboxState::Active).join(u' '));
    sent.sort();
    queued.sort();
    EXPECT_EQ(sent, queued);
    EXPECT_EQ(setup.delivered(), 3);
    qunsetenv("OUTPOST_TEST_CLAIMS_FINISH_FIRST");
}

// A run that stops (here a 421) while messages are being claimed for it:
// those never reach the client, so they are not attempts. They go back to
// the queue uncharged (no network failure, no first attempt: their
// lifetime has not started), and Remove, Retry and Edit take them at once.
TEST(FlusherClaimRace, MessagesClaimedAfterTheRunStoppedAreNotAttempts)
{
    qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-flusher-claim-race-test");
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    FakeSmtpServer server;
    // No PIPELINING: one message at a time. The 250 for the first message
    // and the 421 come in one read: the second message fails while the
    // claims the 250 started (the window has grown to two) are under way.
    server.addScenario(QStringLiteral("S: 220 fake ESMTP\nC: EHLO .*\nS: 250-fake\nS: 250 ENHANCEDSTATUSCODES\n"
                                      "C: MAIL FROM:.*\nS: 250 Ok\nC: RCPT TO:.*\nS: 250 Ok\nC: DATA\nS: 354 go\nDATA\n"
                                      "R: 250 2.0.0 Ok\\r\\n421 4.3.2 Shutting down\\r\\n\nCLOSED\n"));
    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    CredentialStore credentials;
    ASSERT_TRUE(accounts.add(TestUtil::localAccount(QStringLiteral("Stops"), server.serverPort())).ok());
    const Account account = accounts.accounts().last();
    QStringList ids;
    for (int i = 0; i < 8; ++i) {
        auto e = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("Message %1").arg(i)), account, {});
        ASSERT_TRUE(e.ok());
        ids << e.value().id;
    }
    Flusher flusher(&outbox, &accounts, &trust, &credentials);
    flusher.setRetryPolicy(RetryPolicy{}); // real delays: no second pass here
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    QSignalSpy idle(&flusher, &Flusher::idle);
    flusher.flush(true);
    ASSERT_TRUE(idle.wait(20000));

    int sent = 0;
    int charged = 0;
    QStringList uncharged;
    for (const QString &id : std::as_const(ids)) {
        const auto e = outbox.find(id);
        ASSERT_TRUE(e.has_value());
        if (e->state == OutboxState::Sent) {
            ++sent;
            continue;
        }
        if (e->networkFailures > 0 || e->attempts > 0 || e->firstAttemptAt.isValid()) {
            ++charged;
            continue;
        }
        EXPECT_EQ(e->state, OutboxState::Queued) << qPrintable(OutboxEntry::stateName(e->state));
        uncharged << id;
    }
    EXPECT_EQ(sent, 1);
    // The one the 421 answered, and the one behind it in the client.
    EXPECT_LE(charged, 2) << "messages never handed to the server were charged";
    EXPECT_EQ(uncharged.size(), 8 - sent - charged);
    EXPECT_TRUE(outbox.ids(OutboxState::Active).isEmpty());
}

// A process about to exit stops answering "send now" (issue 18): a pass
// started by one in its closing wait was cut short by the exit. The
// asking process, told no one answered, takes the outbox over itself.
TEST(FlusherClaimRace, AFlusherThatStoppedListeningAnswersNoRequest)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
    TrustStore trust(dir.filePath(QStringLiteral("trust.json")));
    CredentialStore credentials;
    Flusher flusher(&outbox, &accounts, &trust, &credentials);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    const auto ask = [&] {
        std::optional<bool> answered;
        QObject context;
        Flusher::requestFlushAsync(outbox.root(), &context, [&](bool a) { answered = a; });
        EXPECT_TRUE(QTest::qWaitFor([&] { return answered.has_value(); }, 15000));
        return answered.value_or(true);
    };
    EXPECT_TRUE(ask()) << "the flusher did not answer while listening";
    flusher.stopListening();
    EXPECT_FALSE(ask()) << "the flusher answered after it stopped listening";
    EXPECT_TRUE(QTest::qWaitFor([&] { return !flusher.isBusy(); }, 5000));
}

// A process in its last wait (stopListening()) starts no pass of its own
// either: a retry falling due then would start one that its exit cuts
// short, cancelling messages mid-send (a dot written, its reply not read:
// held in doubt). The message waits, queued, for the next holder.
TEST(FlusherClaimRace, AFlusherThatStoppedListeningStartsNoPass)
{
    qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-flusher-claim-race-test");
    AiosmtpdOutbox setup(QStringLiteral("Plain"));
    Flusher flusher(&setup.outbox, &setup.accounts, &setup.trust, &setup.credentials);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    flusher.stopListening();
    auto queued = setup.outbox.enqueue(TestUtil::draftToBob(QStringLiteral("After the last pass")), setup.account(), {});
    ASSERT_TRUE(queued.ok());
    flusher.flush(true);
    QTest::qWait(1500);
    EXPECT_FALSE(flusher.isSending()) << "a pass started after the flusher stopped listening";
    const auto e = setup.outbox.find(queued->id);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->state, OutboxState::Queued);
}
