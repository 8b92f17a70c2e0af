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
#include <QTest>

#include "tests/support/aiosmtpdoutbox.h"
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
