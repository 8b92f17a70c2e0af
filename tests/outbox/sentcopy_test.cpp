// SPDX-License-Identifier: GPL-3.0-or-later
// The Sent-copy step's decisions and records without a mail server: which
// accounts get a copy (auto skips the providers that file their own), that
// a copy waiting for a retry keeps its body through retention, and what
// retry-copy may change. The copies themselves are filed against real
// Postfix and Dovecot servers in tests/cli/sentcopy_cli_test.py.
#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/oauth/tokensource.h"
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystep.h"
#include "core/outbox/sentcopystore.h"
#include "tests/support/testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <fcntl.h>

#include <iostream>

using namespace Core;
using State = SentCopyStatus::State;

namespace {

class SentCopyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-sentcopy-test");
        m_outbox = std::make_unique<Outbox>(m_dir.filePath(QStringLiteral("outbox")));
        ASSERT_TRUE(m_outbox->open().ok());
        m_accounts = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.json")));
        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
        m_step = std::make_unique<SentCopyStep>(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials,
                                                &m_tokens);
        m_step->setTimeScale(0.01);
        // An IMAP port nobody listens on: every attempt is a temporary failure.
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
        m_closedPort = probe.serverPort();
    }

    /// An account sending through `smtpHost`, with an IMAP server on the closed port.
    Account addAccount(const QString &smtpHost, SentCopyMode mode, bool imap = true)
    {
        // (A password account: IMAP needs a sign-in. This test's keychain may
        // have none, which fails the attempt: still an attempt.)
        Account a = TestUtil::localAccount(QStringLiteral("Test %1").arg(m_accounts->accounts().size() + 1), 25,
                                           AuthMethod::Password);
        a.host = smtpHost;
        a.saveSent = mode;
        if (imap) {
            a.imap.host = QStringLiteral("127.0.0.1");
            a.imap.port = m_closedPort;
            a.imap.security = SmtpSecurity::None;
        }
        const auto added = m_accounts->add(a);
        EXPECT_TRUE(added.ok()) << (added.ok() ? "" : qPrintable(added.error().message()));
        return m_accounts->accounts().last();
    }

    /// A message of `account`, queued.
    QString queuedMessage(const Account &account, const QString &subject = QStringLiteral("Hello"))
    {
        Draft d;
        d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
        d.to.append(MailAddress({}, QStringLiteral("bob@example.org")));
        d.subject = subject;
        d.textBody = QStringLiteral("Body");
        auto e = m_outbox->enqueue(d, account, {});
        EXPECT_TRUE(e.ok());
        return e ? e->id : QString();
    }

    /// Queued message `id` as the flusher leaves it after the server's 250.
    void markSent(const QString &id)
    {
        EXPECT_TRUE(m_outbox->claim(id).ok());
        EXPECT_TRUE(m_outbox->recordAccepted(id, [](OutboxEntry &x) {
            x.phase = OutboxPhase::Accepted;
            x.acceptedAt = QDateTime::currentDateTimeUtc();
        }).ok());
    }

    /// A message of `account` as the flusher leaves it after the server's 250.
    QString sentMessage(const Account &account)
    {
        const QString id = queuedMessage(account);
        if (!id.isEmpty())
            markSent(id);
        return id;
    }

    /// A new outbox in which the step has not run yet (an outbox from before
    /// the Sent copy); startStep() starts it.
    void useOutboxWithoutStep()
    {
        m_step.reset();
        m_outbox = std::make_unique<Outbox>(m_older.filePath(QStringLiteral("outbox")));
        ASSERT_TRUE(m_outbox->open().ok());
    }
    void startStep()
    {
        QThread::msleep(5); // (what was sent before is not in the same millisecond)
        m_step = std::make_unique<SentCopyStep>(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials,
                                                &m_tokens);
    }

    void runStep()
    {
        QSignalSpy idle(m_step.get(), &SentCopyStep::idle);
        ASSERT_TRUE(m_step->run()) << "nothing to do";
        ASSERT_TRUE(idle.wait(30000)) << "the step did not end";
    }

    /// Records `state` (and `code`) as the step would have.
    void setCopy(const QString &id, State state, const QString &code = {})
    {
        ASSERT_TRUE(SentCopyStore(m_outbox->root()).update(id, [&](SentCopyStatus &s) -> Result<void> {
            s.state = state;
            s.code = code;
            return {};
        }).ok());
    }

    SentCopyStatus status(const QString &id) const
    {
        const auto s = SentCopyStore(m_outbox->root()).read(id);
        EXPECT_TRUE(s.has_value()) << qPrintable(id);
        return s.value_or(SentCopyStatus {});
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_older; ///< useOutboxWithoutStep()
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<TrustStore> m_trust;
    CredentialStore m_credentials;
    OAuth::AccessTokenSource m_tokens {&m_credentials};
    std::unique_ptr<SentCopyStep> m_step;
    quint16 m_closedPort = 0;
};

} // namespace

TEST_F(SentCopyTest, AutoSkipsProvidersThatFileTheirOwnCopyAndCopiesForAnyOther)
{
    const QString gmail = sentMessage(addAccount(QStringLiteral("smtp.gmail.com"), SentCopyMode::Auto));
    const QString office = sentMessage(addAccount(QStringLiteral("smtp.office365.com"), SentCopyMode::Auto));
    const QString other = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Auto));
    const QString always = sentMessage(addAccount(QStringLiteral("smtp.gmail.com"), SentCopyMode::Always));
    const QString never = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Never));
    const QString noImap = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always, false));
    runStep();

    for (const QString &id : {gmail, office}) {
        EXPECT_EQ(status(id).state, State::Skipped);
        EXPECT_EQ(status(id).code, QStringLiteral("provider_files_copy"));
        EXPECT_EQ(status(id).attempts, 0) << "no connection for a skipped copy";
    }
    EXPECT_EQ(status(never).code, QStringLiteral("never"));
    EXPECT_EQ(status(noImap).code, QStringLiteral("no_imap_server"));
    // Tried: no password in this test's keychain, or the server is down.
    for (const QString &id : {other, always}) {
        EXPECT_NE(status(id).state, State::Skipped);
        EXPECT_NE(status(id).state, State::Done);
        EXPECT_EQ(status(id).attempts, 1);
        EXPECT_FALSE(status(id).reason.isEmpty());
    }
    // The messages stay sent, whatever their copies do.
    for (const QString &id : {gmail, office, other, always, never, noImap})
        EXPECT_EQ(m_outbox->find(id)->state, OutboxState::Sent);
}

TEST_F(SentCopyTest, MessagesSentBeforeTheStepExistedGetNoCopy)
{
    // An outbox from before the Sent copy: its sent messages stay as they are.
    const Account a = addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always);
    ASSERT_NO_FATAL_FAILURE(useOutboxWithoutStep());
    const QString before = sentMessage(a);
    startStep();
    const QString after = sentMessage(a);
    runStep();
    EXPECT_FALSE(SentCopyStore(m_outbox->root()).read(before).has_value());
    EXPECT_NE(status(after).state, State::Skipped);
    EXPECT_EQ(status(after).attempts, 1);
}

TEST_F(SentCopyTest, RetentionKeepsTheBodyOfACopyStillToBeFiled)
{
    const QString id = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always));
    runStep();
    setCopy(id, State::Pending); // a temporary failure, to be tried again
    const QString body = m_outbox->root() + QStringLiteral("/sent/") + id + QStringLiteral("/message.eml");
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(60);

    auto pruned = m_outbox->pruneSentBodies(later);
    ASSERT_TRUE(pruned.ok());
    EXPECT_EQ(pruned.value(), 0);
    EXPECT_TRUE(QFile::exists(body)) << "pending: what was sent is still to be filed";

    setCopy(id, State::Failed);
    EXPECT_EQ(m_outbox->pruneSentBodies(later).value(), 0);
    EXPECT_TRUE(QFile::exists(body)) << "failed: retry-copy may still file it";

    setCopy(id, State::Done);
    EXPECT_EQ(m_outbox->pruneSentBodies(later).value(), 1);
    EXPECT_FALSE(QFile::exists(body)) << "filed: the body goes as any other";
}

TEST_F(SentCopyTest, RetryCopyMakesAFailedCopyDueAndRefusesAFiledOrSkippedOne)
{
    const QString id = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always));
    const QString skipped = sentMessage(addAccount(QStringLiteral("smtp.gmail.com"), SentCopyMode::Auto));
    runStep();
    setCopy(id, State::Failed, QStringLiteral("needs_folder"));
    SentCopyStore store(m_outbox->root());

    auto retried = store.retry(id, true);
    ASSERT_TRUE(retried.ok());
    EXPECT_EQ(retried->state, State::Pending);
    EXPECT_EQ(retried->attempts, 0);
    EXPECT_FALSE(retried->nextAttemptAt.isValid());
    EXPECT_TRUE(retried->createFolder);
    EXPECT_FALSE(store.retry(skipped, false).ok());
    setCopy(id, State::Done);
    EXPECT_FALSE(store.retry(id, false).ok());
    EXPECT_FALSE(store.retry(QStringLiteral("20261206-000000-000-nothing"), false).ok());
}

// The flusher asks again while the step is at work (a pass ended meanwhile):
// the step looks once more when it is done, then is idle.
TEST_F(SentCopyTest, ARunAskedForWhileBusyEndsIdle)
{
    const QString first = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always));
    QSignalSpy idle(m_step.get(), &SentCopyStep::idle);
    ASSERT_TRUE(m_step->run());
    const QString second = sentMessage(m_accounts->accounts().first());
    EXPECT_TRUE(m_step->run()) << "busy: it runs again afterwards";
    ASSERT_TRUE(idle.wait(30000)) << "the step never became idle";
    EXPECT_FALSE(m_step->isBusy());
    EXPECT_EQ(status(first).attempts, 1);
    EXPECT_EQ(status(second).attempts, 1) << "the second run found the second message";
}

namespace {

/// A token endpoint that answers every request with 503 (a provider's
/// outage), a fault no real authorization server produces on demand.
class UnavailableTokenEndpoint final : public QTcpServer
{
public:
    UnavailableTokenEndpoint()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    ++answered;
                    s->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                             "Content-Length: 5\r\nConnection: close\r\n\r\nbusy\n");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    static inline int answered = 0;
};

} // namespace

/// An OAuth account whose token endpoint is `endpoint`, with a refresh token
/// in the keychain, and its IMAP server on the closed port.
static Account addOAuthAccount(AccountStore &accounts, CredentialStore &credentials, const QString &endpoint,
                               quint16 imapPort)
{
    Account a = TestUtil::localAccount(QStringLiteral("OAuth"), 25, AuthMethod::OAuth2);
    a.host = QStringLiteral("mail.example.org");
    a.saveSent = SentCopyMode::Always;
    a.imap.host = QStringLiteral("127.0.0.1");
    a.imap.port = imapPort;
    a.imap.security = SmtpSecurity::None;
    a.oauth2.issuer = QStringLiteral("login.test");
    a.oauth2.authorizationEndpoint = QUrl(endpoint + QStringLiteral("/authorize"));
    a.oauth2.tokenEndpoint = QUrl(endpoint + QStringLiteral("/token"));
    a.oauth2.scopes = {QStringLiteral("mail")};
    a.oauth2.clientId = QStringLiteral("outpost-test");
    EXPECT_TRUE(accounts.add(a).ok());
    const Account added = accounts.accounts().last();
    CredentialJob *job = credentials.write(added.id, QStringLiteral("refresh-1"), SecretKind::OAuthRefreshToken);
    job->setAutoDelete(false);
    QSignalSpy written(job, &CredentialJob::finished);
    EXPECT_TRUE(written.wait(20000));
    EXPECT_FALSE(job->error().isError()) << qPrintable(job->error().message());
    delete job;
    return added;
}

// An OAuth account whose token endpoint cannot be reached (offline): the
// refresh's Network error is temporary, so the copy waits for its next
// attempt instead of failing for good.
TEST_F(SentCopyTest, AnUnreachableTokenEndpointIsATemporaryFailure)
{
    const Account added = addOAuthAccount(*m_accounts, m_credentials,
                                          QStringLiteral("http://127.0.0.1:%1").arg(m_closedPort), m_closedPort);
    const QString id = sentMessage(added);
    runStep();
    const SentCopyStatus s = status(id);
    EXPECT_EQ(s.state, State::Pending) << "failed for good: " << qPrintable(s.code) << " " << qPrintable(s.reason);
    EXPECT_EQ(s.attempts, 1);
    EXPECT_TRUE(s.nextAttemptAt.isValid()) << "no next attempt planned";
    EXPECT_FALSE(s.reason.isEmpty());
    EXPECT_EQ(m_outbox->find(id)->state, OutboxState::Sent);
}

// The token endpoint answers 503 (the provider's outage): as an unreachable
// one, the copy waits for its next attempt with back-off, and the account's
// other copies rest meanwhile; it is not failed for good.
TEST_F(SentCopyTest, ATokenEndpointsServerErrorPostponesTheCopy)
{
    UnavailableTokenEndpoint endpoint;
    ASSERT_TRUE(endpoint.listen(QHostAddress::LocalHost));
    UnavailableTokenEndpoint::answered = 0;
    const Account added = addOAuthAccount(*m_accounts, m_credentials,
                                          QStringLiteral("http://127.0.0.1:%1").arg(endpoint.serverPort()),
                                          m_closedPort);
    const QString first = sentMessage(added);
    const QString second = sentMessage(added);
    runStep();
    EXPECT_GE(UnavailableTokenEndpoint::answered, 1) << "the token endpoint was not asked";
    const SentCopyStatus a = status(first);
    const SentCopyStatus b = status(second);
    EXPECT_EQ(a.attempts + b.attempts, 1) << "the account's next copy did not wait for the back-off";
    const SentCopyStatus &s = a.attempts > 0 ? a : b;
    EXPECT_EQ(s.state, State::Pending) << "failed for good: " << qPrintable(s.code) << " " << qPrintable(s.reason);
    EXPECT_EQ(s.code, QStringLiteral("Transient"));
    EXPECT_TRUE(s.nextAttemptAt.isValid()) << "no next attempt planned";
    EXPECT_TRUE(s.reason.contains(QStringLiteral("503"))) << qPrintable(s.reason);
    EXPECT_EQ(m_outbox->find(first)->state, OutboxState::Sent);
}

// The process ended after "sent", before the step decided the copy (the GUI
// closed right after sending), or the record was lost: retention, which may
// run before the step at the next start, keeps the body for the step.
TEST_F(SentCopyTest, RetentionKeepsTheBodyOfASentMessageNotYetDecided)
{
    const QString id = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always));
    ASSERT_FALSE(SentCopyStore(m_outbox->root()).read(id).has_value()) << "the step has not run";
    const QString body = m_outbox->root() + QStringLiteral("/sent/") + id + QStringLiteral("/message.eml");
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(60);

    EXPECT_EQ(m_outbox->pruneSentBodies(later).value(), 0);
    EXPECT_TRUE(QFile::exists(body)) << "undecided: the step may still file it";
    runStep();
    EXPECT_EQ(status(id).attempts, 1) << "the step found the body";
    EXPECT_NE(status(id).code, QStringLiteral("body_removed"));
}

// A message sent before the step existed has no record either: its body goes.
TEST_F(SentCopyTest, RetentionRemovesTheBodyOfAMessageSentBeforeTheStepExisted)
{
    const Account a = addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always);
    ASSERT_NO_FATAL_FAILURE(useOutboxWithoutStep());
    const QString before = sentMessage(a);
    startStep();
    EXPECT_EQ(m_outbox->pruneSentBodies(QDateTime::currentDateTimeUtc().addDays(60)).value(), 1);
    EXPECT_FALSE(QFile::exists(m_outbox->root() + QStringLiteral("/sent/") + before + QStringLiteral("/message.eml")));
}

// Send Later: queued before the step first ran in this outbox, sent after:
// it is sent from now on, so it gets its copy.
TEST_F(SentCopyTest, AMessageQueuedBeforeTheStepExistedButSentAfterGetsACopy)
{
    const Account a = addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always);
    ASSERT_NO_FATAL_FAILURE(useOutboxWithoutStep());
    const QString id = queuedMessage(a, QStringLiteral("Later"));
    QThread::msleep(5);
    const QString sentBefore = sentMessage(a); // (sent/ is not empty)
    startStep();
    QThread::msleep(5);
    // Sent now (after the step's start), with an id older than the newest sent one's.
    markSent(id);
    ASSERT_TRUE(id < sentBefore) << "the test needs a deferred message with an older id";
    runStep();
    EXPECT_FALSE(SentCopyStore(m_outbox->root()).read(sentBefore).has_value());
    ASSERT_TRUE(SentCopyStore(m_outbox->root()).read(id).has_value()) << "settled as from before the step: no copy";
    EXPECT_EQ(status(id).attempts, 1);
}

// Retry Copy (the outbox window, or retry-copy from another process) asks the
// flusher for the copies only: a message due now is not sent by it, a
// deferred one not before its time.
TEST_F(SentCopyTest, ARequestForTheCopiesSendsNothing)
{
    const Account a = addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always);
    const QString sent = sentMessage(a);
    const QString due = queuedMessage(a, QStringLiteral("Due now"));

    Flusher flusher(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
    ASSERT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
    QSignalSpy idle(&flusher, &Flusher::idle);
    bool answered = false;
    Flusher::requestFlushAsync(m_outbox->root(), &flusher, [&](bool ok) { answered = ok; },
                               Flusher::Request::SentCopies);
    ASSERT_TRUE(idle.wait(30000)) << "the copies were not filed";
    EXPECT_TRUE(answered);
    EXPECT_EQ(status(sent).attempts, 1) << "the copy was tried";
    const auto after = m_outbox->find(due);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->state, OutboxState::Queued);
    EXPECT_EQ(after->attempts, 0) << "a request for the copies sent a message";
}

// A large message (here 256 MB) is read for its copy off the calling thread,
// which is the GUI's: its event loop keeps running while the step reads.
TEST_F(SentCopyTest, ALargeMessageIsReadOffTheCallingThread)
{
    const QString id = sentMessage(addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always));
    const QString dir = m_outbox->root() + QStringLiteral("/sent/") + id;
    constexpr qint64 kSize = 256LL * 1024 * 1024;
    {
        // The body grows (its header first, then blank lines); the record follows.
        QFile body(dir + QStringLiteral("/message.eml"));
        ASSERT_TRUE(body.open(QIODevice::Append));
        const QByteArray block(1024 * 1024, '\n');
        while (body.size() + block.size() <= kSize)
            ASSERT_EQ(body.write(block), block.size());
        ASSERT_TRUE(body.resize(kSize));
        QFile state(dir + QStringLiteral("/state.json"));
        ASSERT_TRUE(state.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(state.readAll()).object();
        state.close();
        o.insert(QStringLiteral("body_size"), kSize);
        ASSERT_TRUE(state.open(QIODevice::WriteOnly | QIODevice::Truncate));
        state.write(QJsonDocument(o).toJson());
    }
    ASSERT_EQ(m_outbox->find(id)->bodySize, kSize);
    // (Not cached: the first read comes from the disk, as after a restart.)
    QFile cached(dir + QStringLiteral("/message.eml"));
    ASSERT_TRUE(cached.open(QIODevice::ReadOnly));
    posix_fadvise(cached.handle(), 0, 0, POSIX_FADV_DONTNEED);

    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, clock.elapsed() - last);
        last = clock.elapsed();
    });
    tick.start(1);
    runStep();
    tick.stop();
    EXPECT_EQ(status(id).attempts, 1) << qPrintable(status(id).code) << " the message was read and tried";
    EXPECT_LT(longest, 100) << "the event loop stood still for " << longest << " ms";
}

TEST_F(SentCopyTest, DecidingManyCopiesLetsTheEventLoopRun)
{
    // After a large pass the step decides a copy for every message sent:
    // a small file read and written each. On the GUI's thread, all of them
    // in one turn of the event loop froze the windows (half a second for
    // 1,000 in the outbox bench); they go a few at a time.
    const Account never = addAccount(QStringLiteral("smtp.example.org"), SentCopyMode::Never);
    constexpr int kMessages = 1000;
    QStringList ids;
    for (int i = 0; i < kMessages; ++i)
        ids.append(sentMessage(never));
    QElapsedTimer sinceTick;
    qint64 worst = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] { worst = std::max(worst, sinceTick.restart() - 1); });
    sinceTick.start();
    heartbeat.start();
    runStep();
    heartbeat.stop();
    for (const QString &id : {ids.first(), ids.last()})
        EXPECT_EQ(status(id).state, State::Skipped) << qPrintable(id);
    std::cout << "longest stall while deciding " << kMessages << " copies: " << worst << " ms\n";
    EXPECT_LT(worst, 80) << "the event loop stood still for " << worst << " ms";
}

TEST_F(SentCopyTest, ANewProcessReadsNoRecordOfACopySettledBefore)
{
    // Filed, skipped and older copies never open again. A scan in a new
    // process (every `outpost send`, every start of the GUI) read each of
    // their records again: with years of sent messages, thousands of files
    // per command (5,000 sent entries made `outpost send --wait` three times
    // as long).
    const Account a = addAccount(QStringLiteral("mail.example.org"), SentCopyMode::Always);
    const QDateTime since = SentCopyStore(m_outbox->root()).since();
    QThread::msleep(5);
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        ids << sentMessage(a);
        setCopy(ids.last(), State::Done);
    }
    QSet<QString> settled;
    EXPECT_TRUE(SentCopyStore(m_outbox->root()).open(since, &settled).isEmpty());
    EXPECT_EQ(settled.size(), 3);
    // Their records gone: read again, each would now be undecided, i.e. open.
    for (const QString &id : std::as_const(ids))
        ASSERT_TRUE(QFile::remove(m_outbox->root() + QStringLiteral("/sent/") + id + QStringLiteral("/sent_copy.json")));
    QSet<QString> anotherProcess;
    const QStringList open = SentCopyStore(m_outbox->root()).open(since, &anotherProcess);
    EXPECT_TRUE(open.isEmpty()) << "read again: " << open.join(u' ').toStdString();
    // A copy settled later joins the list too; a torn last line is ignored.
    const QString later = sentMessage(a);
    setCopy(later, State::Skipped, QStringLiteral("never"));
    QSet<QString> third;
    EXPECT_TRUE(SentCopyStore(m_outbox->root()).open(since, &third).isEmpty());
    ASSERT_TRUE(QFile::remove(m_outbox->root() + QStringLiteral("/sent/") + later + QStringLiteral("/sent_copy.json")));
    QFile list(m_outbox->root() + QStringLiteral("/.sent_copy_settled"));
    ASSERT_TRUE(list.open(QIODevice::Append));
    list.write(later.left(12).toLatin1()); // a crash in the middle of a line
    list.close();
    QSet<QString> fourth;
    EXPECT_TRUE(SentCopyStore(m_outbox->root()).open(since, &fourth).isEmpty());
    EXPECT_EQ(fourth.size(), 4);
}
