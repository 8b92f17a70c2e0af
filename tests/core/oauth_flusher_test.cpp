// SPDX-License-Identifier: GPL-3.0-or-later
// The Flusher and OAuth 2.0 accounts: the access token comes from the token
// endpoint with the keychain's refresh token, a refused token is replaced
// once, and a dead refresh token holds the account's messages with "Sign in
// again" until a sign-in releases them. Scripted SMTP server and token
// endpoint (the refusals are not produced on demand by real ones; the real
// servers are in the end-to-end tests). Runs inside with_keyring.sh.
#include "core/oauth/tokensource.h"
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"

#include "tests/core/oauth_tokenendpoint.h"
#include "tests/support/fakesmtpserver.h"
#include "tests/support/testutil.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <optional>

#include <gtest/gtest.h>

using namespace Core;

namespace {

const QString kGreet = QStringLiteral("S: 220 fake.test ESMTP\nC: EHLO .*\n"
                                      "S: 250-fake.test\nS: 250-PIPELINING\nS: 250 AUTH OAUTHBEARER XOAUTH2\n");
const QString kQuit = QStringLiteral("C: QUIT\nS: 221 2.0.0 Bye\nX\n");

class OAuthFlusher : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        TestUtil::useProfileIn(m_dir.path()); // no provider files of the machine's user
        qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-oauth-flusher-test");
        m_outbox = std::make_unique<Outbox>(m_dir.filePath(QStringLiteral("outbox")));
        ASSERT_TRUE(m_outbox->open().ok());
        m_accounts = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.json")));
        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
        Account a = TestUtil::localAccount(QStringLiteral("Work"), m_smtp.serverPort(), AuthMethod::OAuth2);
        a.oauth2.issuer = QStringLiteral("login.test");
        a.oauth2.authorizationEndpoint = m_endpoint.url(QStringLiteral("/authorize"));
        a.oauth2.tokenEndpoint = m_endpoint.url(QStringLiteral("/token"));
        a.oauth2.scopes = {QStringLiteral("mail")};
        a.oauth2.clientId = QStringLiteral("outpost-test");
        ASSERT_TRUE(m_accounts->add(a).ok());
        m_account = m_accounts->accounts().last();
        ASSERT_NO_FATAL_FAILURE(writeRefreshToken(QStringLiteral("refresh-1")));
    }

    void writeRefreshToken(const QString &token)
    {
        CredentialJob *job = m_credentials.write(m_account.id, token, SecretKind::OAuthRefreshToken);
        job->setAutoDelete(false);
        QSignalSpy done(job, &CredentialJob::finished);
        ASSERT_TRUE(done.wait(20000));
        ASSERT_FALSE(job->error().isError()) << qPrintable(job->error().message());
        delete job;
    }

    QString readRefreshToken()
    {
        CredentialJob *job = m_credentials.read(m_account.id, SecretKind::OAuthRefreshToken);
        job->setAutoDelete(false);
        QSignalSpy done(job, &CredentialJob::finished);
        EXPECT_TRUE(done.wait(20000));
        const QString secret = job->secret();
        delete job;
        return secret;
    }

    QString enqueue()
    {
        Draft d;
        d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
        d.to = {MailAddress({}, QStringLiteral("bob@example.org"))};
        d.subject = QStringLiteral("OAuth");
        d.textBody = QStringLiteral("Hello");
        auto e = m_outbox->enqueue(d, m_account, {});
        EXPECT_TRUE(e.ok());
        return e ? e->id : QString();
    }

    /// AUTH OAUTHBEARER with this access token (RFC 7628 §3.1), as a regex line.
    QString authWith(const QByteArray &token) const
    {
        const QByteArray ir = "n,a=user,\x01host=127.0.0.1\x01port=" + QByteArray::number(m_smtp.serverPort())
            + "\x01" "auth=Bearer " + token + "\x01\x01";
        return QStringLiteral("C: AUTH OAUTHBEARER ") + QString::fromLatin1(ir.toBase64()).replace(u'+', QStringLiteral("\\+")) + u'\n';
    }

    static QString delivery()
    {
        return QStringLiteral("C: MAIL FROM:<ada@example.org>.*\nC: RCPT TO:<bob@example.org>.*\nC: DATA\n"
                              "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 354 go\nDATA\nS: 250 2.0.0 Ok: queued as 1\n");
    }

    std::unique_ptr<Flusher> makeFlusher()
    {
        auto flusher = std::make_unique<Flusher>(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
        flusher->setRetryPolicy(RetryPolicy{});
        SmtpTimeouts t;
        t.greeting = t.command = t.quit = 3000;
        flusher->setTimeouts(t);
        EXPECT_EQ(flusher->acquire(), Flusher::LockResult::Acquired);
        return flusher;
    }

    /// One pass of `flusher` (one process: its access tokens in memory stay).
    static void flushWith(Flusher &flusher)
    {
        QSignalSpy idle(&flusher, &Flusher::idle);
        flusher.flush(true);
        ASSERT_TRUE(idle.wait(20000));
        ASSERT_EVENTUALLY(!flusher.isClosingConnections(), 5000);
    }

    /// One Flusher (one process: the access token in memory stays) sends a
    /// message, then another; each goes out in one session, first time.
    void sendTwiceWithOneFlusher(qsizetype *requestsAfterFirst = nullptr)
    {
        const std::unique_ptr<Flusher> flusher = makeFlusher();
        const QString first = enqueue();
        ASSERT_NO_FATAL_FAILURE(flushWith(*flusher));
        if (requestsAfterFirst)
            *requestsAfterFirst = m_endpoint.requests().size();
        const QString second = enqueue();
        ASSERT_NO_FATAL_FAILURE(flushWith(*flusher));
        for (const QString &id : {first, second}) {
            const auto e = m_outbox->find(id);
            ASSERT_TRUE(e.has_value());
            EXPECT_EQ(e->state, OutboxState::Sent) << qPrintable(e->lastErrorMessage);
            EXPECT_EQ(e->attempts, 0);
        }
        EXPECT_EQ(m_smtp.connections(), 2) << "one session per send: no refused sign-in, no retry";
        EXPECT_TRUE(m_smtp.problems().isEmpty()) << m_smtp.problems().join(u'\n').toStdString();
    }

    void flushOnce()
    {
        const std::unique_ptr<Flusher> flusher = makeFlusher();
        ASSERT_NO_FATAL_FAILURE(flushWith(*flusher));
    }

    QTemporaryDir m_dir;
    FakeSmtpServer m_smtp;
    FakeTokenEndpoint m_endpoint;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<TrustStore> m_trust;
    CredentialStore m_credentials;
    Account m_account;
};

} // namespace

TEST_F(OAuthFlusher, SendsWithAnAccessTokenFromTheRefreshToken)
{
    // The provider rotates the refresh token: the new one is kept.
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "refresh-2"));
    m_smtp.addScenario(kGreet + authWith("access-1") + QStringLiteral("S: 235 2.7.0 ok\n") + delivery() + kQuit);
    const QString id = enqueue();
    ASSERT_NO_FATAL_FAILURE(flushOnce());

    const auto e = m_outbox->find(id);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->state, OutboxState::Sent) << qPrintable(e->lastErrorMessage);
    EXPECT_TRUE(m_smtp.problems().isEmpty()) << m_smtp.problems().join(u'\n').toStdString();
    ASSERT_EQ(m_endpoint.requests().size(), 1);
    EXPECT_EQ(m_endpoint.requests().first().queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    EXPECT_EQ(m_endpoint.requests().first().queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-1"));
    EXPECT_EQ(readRefreshToken(), QStringLiteral("refresh-2"));
}

TEST_F(OAuthFlusher, RefusedTokenIsReplacedOnce)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", ""));
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", ""));
    // RFC 7628 §3.2.2: the JSON error in a 334, the client's %x01, then 535.
    m_smtp.addScenario(kGreet + authWith("access-1")
                       + QStringLiteral("S: 334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\nC: AQ==\nS: 535 5.7.8 invalid token\n")
                       + kQuit);
    m_smtp.addScenario(kGreet + authWith("access-2") + QStringLiteral("S: 235 2.7.0 ok\n") + delivery() + kQuit);
    const QString id = enqueue();
    ASSERT_NO_FATAL_FAILURE(flushOnce());

    const auto e = m_outbox->find(id);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->state, OutboxState::Sent) << qPrintable(e->lastErrorMessage);
    EXPECT_EQ(e->attempts, 0);
    EXPECT_EQ(m_endpoint.requests().size(), 2);
    EXPECT_EQ(m_smtp.connections(), 2);
    EXPECT_TRUE(m_smtp.problems().isEmpty()) << m_smtp.problems().join(u'\n').toStdString();
}

TEST_F(OAuthFlusher, ATokenRefusedTwiceIsHeldAsAPermissionNotAPassword)
{
    // The fresh token is refused too: the account needs a new sign-in. The
    // person never typed a password for it, so the reason must not ask
    // them to check one.
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", ""));
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", ""));
    for (const char *token : {"access-1", "access-2"})
        m_smtp.addScenario(kGreet + authWith(token)
                           + QStringLiteral("S: 334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\nC: AQ==\nS: 535 5.7.8 invalid token\n")
                           + kQuit);
    const QString id = enqueue();
    ASSERT_NO_FATAL_FAILURE(flushOnce());

    const auto e = m_outbox->find(id);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->state, OutboxState::Held);
    EXPECT_EQ(e->attempts, 0);
    EXPECT_FALSE(e->lastErrorMessage.contains(QStringLiteral("password"))) << qPrintable(e->lastErrorMessage);
    EXPECT_TRUE(e->lastErrorMessage.contains(QStringLiteral("OAuth"))) << qPrintable(e->lastErrorMessage);
    EXPECT_TRUE(e->lastErrorMessage.contains(QStringLiteral("invalid token"))) << qPrintable(e->lastErrorMessage);
}

TEST_F(OAuthFlusher, DeadRefreshTokenHoldsWithSignInAgainUntilSignedIn)
{
    m_endpoint.addResponse(400, R"({"error":"invalid_grant","error_description":"token revoked"})");
    m_smtp.addScenario(kGreet + kQuit); // connected ahead, then told goodbye
    const QString first = enqueue();
    const QString second = enqueue();
    ASSERT_NO_FATAL_FAILURE(flushOnce());

    for (const QString &id : {first, second}) {
        const auto e = m_outbox->find(id);
        ASSERT_TRUE(e.has_value());
        EXPECT_EQ(e->state, OutboxState::Held);
        EXPECT_EQ(e->holdReason, HoldReason::Credentials);
        EXPECT_EQ(e->attempts, 0);
        EXPECT_TRUE(e->lastErrorMessage.contains(QStringLiteral("Sign in again"))) << qPrintable(e->lastErrorMessage);
        EXPECT_FALSE(e->lastErrorMessage.contains(QStringLiteral("refresh-1")));
    }
    EXPECT_EQ(m_endpoint.requests().size(), 1) << "no retry storm";
    // The next sign-in changes the account (Account::oauth2.signedInAt): the fix that releases them.
    EXPECT_EQ(Flusher::releaseHeld(*m_outbox, {m_account.id}, Flusher::Fix::Account).size(), 2);
}

TEST_F(OAuthFlusher, UnreachableTokenEndpointDefers)
{
    m_endpoint.close(); // nobody answers any more
    m_smtp.addScenario(kGreet + kQuit);
    const QString id = enqueue();
    ASSERT_NO_FATAL_FAILURE(flushOnce());
    const auto e = m_outbox->find(id);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->state, OutboxState::Deferred) << qPrintable(e->lastErrorMessage);
    EXPECT_EQ(e->attempts, 0);
}

namespace {
void fetchToken(OAuth::AccessTokenSource &source, const Account &account, std::optional<Result<QString>> *token)
{
    QObject context;
    source.fetch(account, false, &context, [token](const Result<QString> &t) { *token = t; });
    ASSERT_EVENTUALLY(token->has_value(), 20000);
}
} // namespace

// Two token sources (two processes: the lock is a FileLock, which conflicts
// within one process too) refresh at once; the provider rotates refresh
// tokens. The second one must wait and use the token the first one stored.
TEST_F(OAuthFlusher, TwoSourcesRefreshOneAfterTheOtherWithTheRotatedToken)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "refresh-2", 30));
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", "refresh-3", 30));
    OAuth::AccessTokenSource first(&m_credentials);
    OAuth::AccessTokenSource second(&m_credentials);
    std::optional<Result<QString>> a;
    std::optional<Result<QString>> b;
    QObject context;
    first.fetch(m_account, false, &context, [&a](const Result<QString> &t) { a = t; });
    second.fetch(m_account, false, &context, [&b](const Result<QString> &t) { b = t; });
    ASSERT_EVENTUALLY(a.has_value(), 20000);
    first.tokenUsed(m_account.id); // tried on the server: the other may refresh
    ASSERT_EVENTUALLY(b.has_value(), 20000);
    ASSERT_TRUE(*a) << qPrintable(a->error().message());
    ASSERT_TRUE(*b) << qPrintable(b->error().message());
    ASSERT_EQ(m_endpoint.requests().size(), 2);
    EXPECT_EQ(m_endpoint.requests().at(0).queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-1"));
    EXPECT_EQ(m_endpoint.requests().at(1).queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-2"));
    EXPECT_EQ(readRefreshToken(), QStringLiteral("refresh-3"));
}

// A sign-in stores a new refresh token while a refresh with the old one is
// under way (it does not take the lock); the old one is refused with
// invalid_grant. The keychain is read again before "Sign in again".
TEST_F(OAuthFlusher, InvalidGrantIsCheckedAgainstTheKeychainOnce)
{
    m_endpoint.addResponse(400, "{\"error\":\"invalid_grant\"}");
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", "refresh-3"));
    bool written = false;
    m_endpoint.setBeforeAnswer([this, &written](const QUrlQuery &) {
        if (!written) {
            written = true;
            writeRefreshToken(QStringLiteral("refresh-2"));
        }
    });
    OAuth::AccessTokenSource source(&m_credentials);
    std::optional<Result<QString>> token;
    ASSERT_NO_FATAL_FAILURE(fetchToken(source, m_account, &token));
    ASSERT_TRUE(*token) << qPrintable(token->error().message());
    EXPECT_EQ(token->value(), QStringLiteral("access-2"));
    ASSERT_EQ(m_endpoint.requests().size(), 2);
    EXPECT_EQ(m_endpoint.requests().at(1).queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-2"));
    EXPECT_EQ(readRefreshToken(), QStringLiteral("refresh-3"));

    // Refused again with nothing newer in the keychain: the sign-in is dead.
    m_endpoint.setBeforeAnswer({});
    m_endpoint.addResponse(400, "{\"error\":\"invalid_grant\"}");
    source.tokenUsed(m_account.id);
    source.forget(m_account.id);
    std::optional<Result<QString>> dead;
    ASSERT_NO_FATAL_FAILURE(fetchToken(source, m_account, &dead));
    ASSERT_FALSE(*dead);
    EXPECT_TRUE(dead->error().message().contains(QStringLiteral("Sign in again"))) << qPrintable(dead->error().message());
    EXPECT_EQ(m_endpoint.requests().size(), 3) << "the same token read again is not tried again";
}

// The keychain is locked when a rotated refresh token comes back: the fresh
// access token is still used, and the new refresh token stays in this
// process for the next refresh (the keychain's old one is dead).
TEST_F(OAuthFlusher, ALockedKeychainKeepsTheRotatedTokenInMemory)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", "refresh-2", 30)); // < the 60 s margin
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-3", "refresh-3", 30));
    bool locked = false;
    m_endpoint.setBeforeAnswer([&locked](const QUrlQuery &) {
        if (locked)
            return;
        locked = true;
        // The Secret Service's own call, as a screen locker makes it.
        const int rc = QProcess::execute(QStringLiteral("dbus-send"),
                                         {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                                          QStringLiteral("--dest=org.freedesktop.secrets"),
                                          QStringLiteral("/org/freedesktop/secrets"),
                                          QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                                          QStringLiteral("array:objpath:/org/freedesktop/secrets/aliases/default")});
        EXPECT_EQ(rc, 0) << "dbus-send (package dbus) could not lock the keyring";
    });
    OAuth::AccessTokenSource source(&m_credentials);
    std::optional<Result<QString>> first;
    ASSERT_NO_FATAL_FAILURE(fetchToken(source, m_account, &first));
    ASSERT_TRUE(locked);
    ASSERT_TRUE(*first) << qPrintable(first->error().message());
    EXPECT_EQ(first->value(), QStringLiteral("access-2"));
    EXPECT_FALSE(readRefreshToken() == QStringLiteral("refresh-2")) << "the keychain is locked";

    source.tokenUsed(m_account.id);
    std::optional<Result<QString>> second;
    ASSERT_NO_FATAL_FAILURE(fetchToken(source, m_account, &second));
    ASSERT_TRUE(*second) << qPrintable(second->error().message());
    EXPECT_EQ(second->value(), QStringLiteral("access-3"));
    ASSERT_EQ(m_endpoint.requests().size(), 2);
    EXPECT_EQ(m_endpoint.requests().at(1).queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-2"));
}

// One process sends twice within the access token's lifetime: the token in
// memory is used again, the token endpoint is asked once.
TEST_F(OAuthFlusher, ATokenValidForAnHourIsUsedAgainFromMemory)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "", 3600));
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", "", 3600));
    for (int i = 0; i < 2; ++i)
        m_smtp.addScenario(kGreet + authWith("access-1") + QStringLiteral("S: 235 2.7.0 ok\n") + delivery() + kQuit);
    ASSERT_NO_FATAL_FAILURE(sendTwiceWithOneFlusher());
    EXPECT_EQ(m_endpoint.requests().size(), 1) << "the second send asked the token endpoint again";
}

// The token in memory has less than the refresh margin (a minute) left: it is
// replaced BEFORE it is used, so the server sees only the new one and refuses
// nothing (the one retry after a refusal is not what renews it).
TEST_F(OAuthFlusher, ATokenAboutToExpireIsRefreshedBeforeItIsUsed)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "", 30)); // < the 60 s margin
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-2", "", 3600));
    m_smtp.addScenario(kGreet + authWith("access-1") + QStringLiteral("S: 235 2.7.0 ok\n") + delivery() + kQuit);
    // A stale token would meet a script expecting the new one: a problem, and
    // a refusal the Flusher would answer with a third token request.
    m_smtp.addScenario(kGreet + authWith("access-2") + QStringLiteral("S: 235 2.7.0 ok\n") + delivery() + kQuit);
    qsizetype afterFirst = 0;
    ASSERT_NO_FATAL_FAILURE(sendTwiceWithOneFlusher(&afterFirst));
    EXPECT_EQ(afterFirst, 1);
    EXPECT_EQ(m_endpoint.requests().size(), 2);
}

// Tests whose tokens live less than a minute (the OAuth world's 20 s) set a
// smaller margin: a 30 s token is then used again from memory.
TEST_F(OAuthFlusher, TheRefreshMarginCanBeSetForShortLivedTestTokens)
{
    qputenv("OUTPOST_OAUTH_REFRESH_MARGIN_MS", "5000");
    const auto restore = qScopeGuard([] { qunsetenv("OUTPOST_OAUTH_REFRESH_MARGIN_MS"); });
    EXPECT_EQ(OAuth::AccessTokenSource::refreshMarginMs(), 5000);
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "", 30));
    for (int i = 0; i < 2; ++i)
        m_smtp.addScenario(kGreet + authWith("access-1") + QStringLiteral("S: 235 2.7.0 ok\n") + delivery() + kQuit);
    ASSERT_NO_FATAL_FAILURE(sendTwiceWithOneFlusher());
    EXPECT_EQ(m_endpoint.requests().size(), 1);
}
