// SPDX-License-Identifier: GPL-3.0-or-later
// A session that fails concerns no message (issue 19): eight queued
// messages meet a refused greeting or a refused AUTH once, over one
// connection, and none is charged for it. Scripted server: a real one does
// not produce these refusals on demand. Runs inside with_keyring.sh.
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/testutil.h"
#include "tests/support/fakesmtpserver.h"

#include <gtest/gtest.h>

using namespace Core;

namespace {

struct SessionFault
{
    const char *label;
    const char *script; ///< the whole dialogue of the one connection expected
    OutboxState state; ///< of the two messages in flight
    HoldReason reason;
    int replyCode;
    bool auth = false;
};

[[maybe_unused]] void PrintTo(const SessionFault &f, std::ostream *os)
{
    *os << f.label;
}

class FlusherSession : public ::testing::TestWithParam<SessionFault>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-flusher-session-test");
        m_outbox = std::make_unique<Outbox>(m_dir.filePath(QStringLiteral("outbox")));
        ASSERT_TRUE(m_outbox->open().ok());
        m_accounts
            = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.json")));
        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
    }

    Account account(bool auth)
    {
        EXPECT_TRUE(m_accounts->add(TestUtil::localAccount(QStringLiteral("Session"), m_server.serverPort(),
                                                           auth ? AuthMethod::Password : AuthMethod::None))
                        .ok());
        Account added = m_accounts->accounts().last();
        if (auth) {
            CredentialJob *job = m_credentials.write(added.id, QStringLiteral("secret"));
            job->setAutoDelete(false);
            QSignalSpy done(job, &CredentialJob::finished);
            EXPECT_TRUE(done.wait(20000));
            EXPECT_FALSE(job->error().isError()) << qPrintable(job->error().message());
            delete job;
        }
        return added;
    }

    QTemporaryDir m_dir;
    FakeSmtpServer m_server;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<TrustStore> m_trust;
    CredentialStore m_credentials;
};

} // namespace

TEST_P(FlusherSession, FailsOnceAndChargesNoMessage)
{
    const SessionFault &f = GetParam();
    m_server.addScenario(QString::fromLatin1(f.script));
    const Account a = account(f.auth);
    QStringList ids;
    for (int i = 0; i < 8; ++i) {
        Draft d;
        d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
        d.to = {MailAddress({}, QStringLiteral("bob@example.org"))};
        d.subject = QStringLiteral("message %1").arg(i);
        d.textBody = QStringLiteral("Hello");
        auto e = m_outbox->enqueue(d, a, {});
        ASSERT_TRUE(e.ok());
        ids << e->id;
    }
    Flusher flusher(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
    flusher.setRetryPolicy(RetryPolicy {}); // real delays: no second pass in this test
    SmtpTimeouts t;
    t.greeting = t.command = t.quit = 3000;
    flusher.setTimeouts(t);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    QSignalSpy idle(&flusher, &Flusher::idle);
    flusher.flush(true);
    ASSERT_TRUE(idle.wait(20000));

    EXPECT_EQ(m_server.connections(), 1) << "one decision for the account, not one per message";
    int decided = 0;
    for (const QString &id : std::as_const(ids)) {
        const auto e = m_outbox->find(id);
        ASSERT_TRUE(e.has_value());
        EXPECT_EQ(e->attempts, 0) << qPrintable(id) << " was charged for the session";
        EXPECT_NE(e->state, OutboxState::Failed) << qPrintable(e->lastErrorMessage);
        if (e->state == f.state) {
            ++decided;
            EXPECT_EQ(e->holdReason, f.reason)
                << qPrintable(OutboxEntry::holdReasonName(e->holdReason));
            EXPECT_EQ(e->lastReplyCode, f.replyCode);
        } else {
            EXPECT_EQ(e->state, OutboxState::Queued)
                << qPrintable(OutboxEntry::stateName(e->state));
        }
    }
    // Held: the whole account, as one. Deferred: those in flight; the rest
    // stay queued behind the account's back-off.
    if (f.state == OutboxState::Held)
        EXPECT_EQ(decided, 8);
    else
        EXPECT_GE(decided, 1);
    EXPECT_TRUE(m_server.problems().isEmpty()) << m_server.problems().join(u'\n').toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, FlusherSession,
    ::testing::Values(
        SessionFault {"Greeting554", "S: 554 5.7.1 No SMTP service for you\nX\n", OutboxState::Held,
                      HoldReason::Configuration, 554},
        SessionFault {"Greeting450", "S: 450 4.3.2 Busy, try later\nX\n", OutboxState::Deferred,
                      HoldReason::None, 450},
        SessionFault {"Greeting451", "S: 451 4.3.0 Local problem\nX\n", OutboxState::Deferred,
                      HoldReason::None, 451},
        SessionFault {"Auth454",
                      "S: 220 fake\nC: EHLO .*\nS: 250-fake\nS: 250-PIPELINING\nS: 250 AUTH PLAIN\n"
                      "C: AUTH PLAIN .*\nS: 454 4.7.0 Temporary authentication failure\nX\n",
                      OutboxState::Deferred, HoldReason::None, 454, true}),
    [](const auto &p) { return std::string(p.param.label); });

// What a person fixes ends the holds it caused, and only those: a changed
// account (or a password saved for it) frees messages held for credentials,
// a certificate or the account's absence; a trusted certificate frees those
// held for a certificate. Refused recipients, refused senders and messages
// that may have been delivered stay for the person.
TEST(FlusherReleaseHeld, ReleasesOnlyWhatTheFixCanHaveEnded)
{
    QTemporaryDir dir;
    Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    Account a;
    a.id = QStringLiteral("acct");
    a.name = QStringLiteral("Held");
    a.host = QStringLiteral("127.0.0.1");
    a.auth = AuthMethod::None;
    Identity i;
    i.address = QStringLiteral("ada@example.org");
    a.identities = {i};
    struct Case
    {
        HoldReason reason;
        Error::Code code;
        bool byAccount;
        bool byTrust;
    };
    const QList<Case> cases = {
        {HoldReason::Credentials, Error::Code::AuthenticationFailed, true, false},
        {HoldReason::Credentials, Error::Code::Keychain, true, false},
        {HoldReason::Security, Error::Code::CertificateUntrusted, true, true},
        {HoldReason::Configuration, Error::Code::InvalidInput, true, false}, // the account did not exist
        {HoldReason::Configuration, Error::Code::Permanent, false, false},   // the sender was refused
        {HoldReason::RecipientRejected, Error::Code::Permanent, false, false},
    };
    const auto holdAll = [&] {
        QStringList ids;
        for (const Case &c : cases) {
            Draft d;
            d.from = MailAddress(QString(), QStringLiteral("ada@example.org"));
            d.to = {MailAddress(QString(), QStringLiteral("bob@example.org"))};
            d.subject = QStringLiteral("held");
            d.textBody = QStringLiteral("x");
            auto e = outbox.enqueue(d, a, {});
            EXPECT_TRUE(e.ok());
            EXPECT_TRUE(outbox.transition(e->id, OutboxState::Held, [&c](OutboxEntry &entry) {
                entry.holdReason = c.reason;
                entry.lastErrorCode = Error::codeName(c.code);
            }).ok());
            ids << e->id;
        }
        return ids;
    };
    for (const Flusher::Fix fix : {Flusher::Fix::Account, Flusher::Fix::Trust}) {
        const QStringList ids = holdAll();
        EXPECT_TRUE(Flusher::releaseHeld(outbox, {QStringLiteral("another")}, fix).isEmpty())
            << "another account's fix frees nothing here";
        const QStringList released = Flusher::releaseHeld(outbox, {a.id}, fix);
        for (qsizetype n = 0; n < cases.size(); ++n) {
            const bool expected = fix == Flusher::Fix::Account ? cases[n].byAccount : cases[n].byTrust;
            EXPECT_EQ(released.contains(ids[n]), expected) << "case " << n;
            EXPECT_EQ(outbox.find(ids[n])->state, expected ? OutboxState::Queued : OutboxState::Held) << "case " << n;
        }
        for (const QString &id : ids)
            ASSERT_TRUE(outbox.remove(id).ok());
    }
}
