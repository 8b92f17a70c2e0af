// SPDX-License-Identifier: GPL-3.0-or-later
// core/oauth: PKCE, state, the redirect the browser brings back, provider
// files, token answers, and the sign-in flows against a loopback "browser"
// (a real HTTP client) and a scripted token endpoint.
#include "core/autoconfig/clientconfig.h"
#include "core/autoconfig/providers.h"
#include "core/oauth/authorizationflow.h"
#include "core/oauth/deviceflow.h"
#include "core/oauth/pkce.h"
#include "core/oauth/provider.h"
#include "core/oauth/tokens.h"
#include "core/oauth/tokensource.h"

#include "tests/core/oauth_tokenendpoint.h"
#include "tests/support/testutil.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <algorithm>

using namespace Core;
using namespace Core::OAuth;

namespace {

QByteArray get(const QString &target)
{
    return "GET " + target.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(content);
}

Provider testProvider(const FakeTokenEndpoint &endpoint)
{
    Provider p;
    p.id = QStringLiteral("test");
    p.displayName = QStringLiteral("Test");
    p.issuer = QStringLiteral("login.test");
    p.authorizationEndpoint = endpoint.url(QStringLiteral("/authorize"));
    p.tokenEndpoint = endpoint.url(QStringLiteral("/token"));
    p.deviceAuthorizationEndpoint = endpoint.url(QStringLiteral("/device"));
    p.scopes = {QStringLiteral("mail.send"), QStringLiteral("offline_access")};
    p.clientId = QStringLiteral("outpost-test");
    p.hosts = {QStringLiteral("smtp.test")};
    return p;
}

} // namespace

TEST(OAuthPkce, ChallengeIsS256OfTheVerifier)
{
    // RFC 7636 Appendix B.
    EXPECT_EQ(Pkce::challengeFor(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
              QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const Pkce a = Pkce::generate();
    const Pkce b = Pkce::generate();
    EXPECT_EQ(a.verifier.size(), 43); // 32 octets, RFC 7636 §4.1
    EXPECT_NE(a.verifier, b.verifier);
    EXPECT_EQ(a.challenge, Pkce::challengeFor(a.verifier));
    EXPECT_NE(randomState(), randomState());
    EXPECT_GE(randomState().size(), 22);
}

TEST(OAuthPkce, AuthorizationUrlCarriesEveryParameter)
{
    const QUrl url = authorizationUrl(QUrl(QStringLiteral("https://login.test/authorize?prompt=consent")),
                                      QStringLiteral("id"), QUrl(QStringLiteral("http://127.0.0.1:4711/")),
                                      {QStringLiteral("a"), QStringLiteral("b c")}, QStringLiteral("st"),
                                      QStringLiteral("ch"), QStringLiteral("ada+x@example.org"));
    const QUrlQuery q(url);
    EXPECT_EQ(q.queryItemValue(QStringLiteral("prompt")), QStringLiteral("consent"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("id"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), QStringLiteral("http://127.0.0.1:4711/"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), QStringLiteral("a b c"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("code_challenge")), QStringLiteral("ch"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), QStringLiteral("ada+x@example.org"));
}

TEST(OAuthRedirect, ParsesTheCodeOnlyWithTheRightState)
{
    auto ok = parseRedirectRequest(get(QStringLiteral("/?code=abc%2Fdef&state=S1")), QStringLiteral("/"), QStringLiteral("S1"));
    ASSERT_TRUE(ok) << qPrintable(ok.error().message());
    EXPECT_EQ(ok->kind, Redirect::Kind::Code);
    EXPECT_EQ(ok->code, QStringLiteral("abc/def"));

    // Without our state nothing is believed, not even an error (RFC 6749 §10.12).
    for (const char *foreign : {"/?code=abc&state=S2", "/?code=abc", "/?error=access_denied&state=S2",
                                "/?error=server_error&error_description=Call+0800"}) {
        auto wrong = parseRedirectRequest(get(QLatin1String(foreign)), QStringLiteral("/"), QStringLiteral("S1"));
        ASSERT_TRUE(wrong) << foreign << ": " << qPrintable(wrong.error().message());
        EXPECT_EQ(wrong->kind, Redirect::Kind::Foreign) << foreign;
    }
    EXPECT_FALSE(parseRedirectRequest(get(QStringLiteral("/?state=S1")), QStringLiteral("/"), QStringLiteral("S1")));

    auto denied = parseRedirectRequest(get(QStringLiteral("/?error=access_denied&state=S1")), QStringLiteral("/"),
                                       QStringLiteral("S1"));
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code(), Error::Code::AuthenticationFailed);
    auto other = parseRedirectRequest(get(QStringLiteral("/?error=invalid_scope&error_description=no+mail&state=S1")),
                                      QStringLiteral("/"), QStringLiteral("S1"));
    ASSERT_FALSE(other);
    EXPECT_TRUE(other.error().message().contains(QStringLiteral("invalid_scope")));

    auto favicon = parseRedirectRequest(get(QStringLiteral("/favicon.ico")), QStringLiteral("/"), QStringLiteral("S1"));
    ASSERT_TRUE(favicon);
    EXPECT_EQ(favicon->kind, Redirect::Kind::Other);
    auto garbage = parseRedirectRequest("garbage", QStringLiteral("/"), QStringLiteral("S1"));
    ASSERT_TRUE(garbage);
    EXPECT_EQ(garbage->kind, Redirect::Kind::Foreign);
}

TEST(OAuthTokens, ParsesAnswersAndErrors)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto t = parseTokenResponse(200, FakeTokenEndpoint::tokens("A", "R", 120), now);
    ASSERT_TRUE(t) << qPrintable(t.error().message());
    EXPECT_EQ(t->accessToken, QStringLiteral("A"));
    EXPECT_EQ(t->refreshToken, QStringLiteral("R"));
    EXPECT_EQ(now.secsTo(t->expiresAt), 120);
    EXPECT_FALSE(t->accessTokenExpiresWithin(60000, now));
    EXPECT_TRUE(t->accessTokenExpiresWithin(60000, now.addSecs(61)));

    auto dead = parseTokenResponse(400, R"({"error":"invalid_grant","error_description":"revoked"})", now);
    ASSERT_FALSE(dead);
    EXPECT_TRUE(isSignInAgain(dead.error()));
    EXPECT_TRUE(dead.error().message().contains(QStringLiteral("revoked")));

    auto client = parseTokenResponse(401, R"({"error":"invalid_client"})", now);
    ASSERT_FALSE(client);
    EXPECT_EQ(client.error().code(), Error::Code::Permanent);
    EXPECT_FALSE(isSignInAgain(client.error()));

    EXPECT_EQ(parseTokenResponse(200, "<html>", now).error().code(), Error::Code::ProtocolViolation);
    EXPECT_EQ(parseTokenResponse(200, R"({"access_token":"A","token_type":"mac"})", now).error().code(),
              Error::Code::ProtocolViolation);
    EXPECT_EQ(parseTokenResponse(503, "", now).error().code(), Error::Code::Transient);
    EXPECT_EQ(parseTokenResponse(400, "oops", now).error().code(), Error::Code::ProtocolViolation);
}

TEST(OAuthProviders, BuiltInTableCoversTheBigProviders)
{
    const ProviderRegistry r = ProviderRegistry::load(QStringLiteral("/nonexistent"));
    EXPECT_TRUE(r.errors().isEmpty());
    for (const char *host : {"smtp.gmail.com", "smtp-mail.outlook.com", "smtp.office365.com", "smtp.mail.yahoo.com",
                             "smtp.aol.com"}) {
        const auto p = r.forHost(QLatin1String(host));
        ASSERT_TRUE(p.has_value()) << host;
        EXPECT_TRUE(isUsableEndpoint(p->authorizationEndpoint)) << host;
        EXPECT_TRUE(isUsableEndpoint(p->tokenEndpoint)) << host;
        EXPECT_FALSE(p->scopes.isEmpty()) << host;
    }
    EXPECT_TRUE(r.forHost(QStringLiteral("smtp.office365.com"))->authorizationEndpoint.toString().contains(QStringLiteral("/organizations/")));
    EXPECT_TRUE(r.forHost(QStringLiteral("smtp-mail.outlook.com"))->authorizationEndpoint.toString().contains(QStringLiteral("/consumers/")));
    EXPECT_TRUE(r.forHost(QStringLiteral("smtp-mail.outlook.com"))->offersDeviceFlow());
    EXPECT_FALSE(r.forHost(QStringLiteral("smtp.example.org")).has_value());
}

// Discovery's built-in <oAuth2> blocks are the OAuth table's entries, not a
// second copy that could drift from it: same issuer, endpoints and scopes;
// and every server they name is one the OAuth table signs in to.
TEST(OAuthProviders, DiscoveryBlocksAreTheOAuthTable)
{
    const QList<Provider> table = ProviderRegistry::builtIn();
    const ProviderRegistry registry = ProviderRegistry::load(QStringLiteral("/nonexistent"));
    for (const char *domain : {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "office365.com",
                               "mail.protection.outlook.com", "yahoo.com", "aol.com"}) {
        const QString d = QString::fromLatin1(domain);
        auto config = Autoconfig::readClientConfig(Autoconfig::builtInProviderConfig(d),
                                                   {QStringLiteral("x@") + d, QStringLiteral("x"), d});
        ASSERT_TRUE(config.ok()) << domain;
        const Autoconfig::OAuth2Info &block = config->oauth2;
        const auto entry = std::find_if(table.cbegin(), table.cend(),
                                        [&block](const Provider &p) { return p.issuer == block.issuer; });
        ASSERT_NE(entry, table.cend()) << domain << ": issuer " << qPrintable(block.issuer);
        EXPECT_EQ(block.authUrl.toStdString(), entry->authorizationEndpoint.toString().toStdString()) << domain;
        EXPECT_EQ(block.tokenUrl.toStdString(), entry->tokenEndpoint.toString().toStdString()) << domain;
        EXPECT_EQ(block.scope.toStdString(), entry->scopes.join(u' ').toStdString()) << domain;
        for (const Autoconfig::OutgoingServer &server : config->servers)
            EXPECT_TRUE(registry.forHost(server.host).has_value()) << domain << ": " << qPrintable(server.host);
    }
    for (const char *domain : {"icloud.com", "fastmail.com", "gmx.de"}) {
        const QString d = QString::fromLatin1(domain);
        auto config = Autoconfig::readClientConfig(Autoconfig::builtInProviderConfig(d),
                                                   {QStringLiteral("x@") + d, QStringLiteral("x"), d});
        ASSERT_TRUE(config.ok()) << domain;
        EXPECT_TRUE(config->oauth2.issuer.isEmpty()) << domain;
    }
}

TEST(OAuthProviders, MissingClientIdNamesTheOptionAndTheFile)
{
    Provider google = *ProviderRegistry::load(QStringLiteral("/nonexistent")).forHost(QStringLiteral("smtp.gmail.com"));
    google.clientId.clear();
    const QString text = google.missingClientIdMessage();
    EXPECT_TRUE(text.contains(QStringLiteral("OUTPOST_OAUTH_GOOGLE_CLIENT_ID"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("oauth2/google.json"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("accounts.google.com"))) << qPrintable(text);
}

TEST(OAuthProviders, UserFilesAddProvidersAndClientIds)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("corp.json")), R"({
        "issuer": "sso.corp.test",
        "authorization_endpoint": "https://sso.corp.test/auth",
        "token_endpoint": "https://sso.corp.test/token",
        "revocation_endpoint": "https://sso.corp.test/revoke",
        "scopes": ["smtp"],
        "client_id": "corp-id",
        "client_secret": "corp-secret",
        "hosts": ["SMTP.corp.test", "imap.corp.test"]})");
    writeFile(dir.filePath(QStringLiteral("google.json")), R"({"issuer": "accounts.google.com", "client_id": "my-google-id"})");
    writeFile(dir.filePath(QStringLiteral("isp.json")), R"({"issuer": "login.isp.test", "client_id": "isp-id"})");
    writeFile(dir.filePath(QStringLiteral("broken.json")), "{ not json");
    writeFile(dir.filePath(QStringLiteral("typo.json")), R"({"issuer": "x", "client_id": "y", "host": ["a"]})");
    writeFile(dir.filePath(QStringLiteral("http.json")), R"({"issuer": "h", "client_id": "y", "hosts": ["smtp.h.test"],
        "authorization_endpoint": "http://sso.h.test/auth", "token_endpoint": "https://sso.h.test/token", "scopes": ["s"]})");
    writeFile(dir.filePath(QStringLiteral("noscopes.json")), R"({"issuer": "n", "client_id": "y", "hosts": ["smtp.n.test"],
        "authorization_endpoint": "https://n.test/a", "token_endpoint": "https://n.test/t"})");

    const ProviderRegistry r = ProviderRegistry::load(dir.path());
    ASSERT_EQ(r.errors().size(), 4);
    QStringList texts;
    for (const Error &e : r.errors())
        texts << e.message();
    const QString all = texts.join(u'\n');
    EXPECT_TRUE(all.contains(QStringLiteral("broken.json"))) << qPrintable(all);
    EXPECT_TRUE(all.contains(QStringLiteral("\"host\""))) << qPrintable(all);
    EXPECT_TRUE(all.contains(QStringLiteral("authorization_endpoint"))) << qPrintable(all);
    EXPECT_TRUE(all.contains(QStringLiteral("scopes"))) << qPrintable(all);

    const auto corp = r.forHost(QStringLiteral("smtp.corp.test"));
    ASSERT_TRUE(corp.has_value());
    EXPECT_EQ(corp->source, Provider::Source::UserFile);
    EXPECT_EQ(corp->clientId, QStringLiteral("corp-id"));
    EXPECT_EQ(corp->clientSecret, QStringLiteral("corp-secret"));
    EXPECT_EQ(corp->revocationEndpoint, QUrl(QStringLiteral("https://sso.corp.test/revoke")));
    EXPECT_TRUE(r.forHost(QStringLiteral("IMAP.corp.test")).has_value());

    const auto google = r.forHost(QStringLiteral("smtp.gmail.com"));
    ASSERT_TRUE(google.has_value());
    EXPECT_EQ(google->clientId, QStringLiteral("my-google-id"));
    EXPECT_EQ(google->source, Provider::Source::BuiltIn);

    // An <oAuth2> block borrows the client id of a file with its issuer.
    Autoconfig::OAuth2Info info{QStringLiteral("login.isp.test"), QStringLiteral("mail offline"),
                                QStringLiteral("https://login.isp.test/a"), QStringLiteral("https://login.isp.test/t")};
    auto isp = r.fromAutoconfig(info, QStringLiteral("smtp.isp.test"));
    ASSERT_TRUE(isp) << qPrintable(isp.error().message());
    EXPECT_EQ(isp->clientId, QStringLiteral("isp-id"));
    EXPECT_EQ(isp->scopes, (QStringList{QStringLiteral("mail"), QStringLiteral("offline")}));
    EXPECT_TRUE(isp->covers(QStringLiteral("smtp.isp.test")));
    info.tokenUrl = QStringLiteral("http://login.isp.test/t"); // no TLS
    EXPECT_FALSE(r.fromAutoconfig(info, QStringLiteral("smtp.isp.test")));
}

// An <oAuth2> block may come over plain HTTP, from an MX-derived lookup or
// the ISPDB: it may not move a known provider's endpoints, nor borrow a
// known name, client id or secret for endpoints of its own.
TEST(OAuthProviders, AnAutoconfigBlockCannotMoveAKnownProvider)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("google.json")),
              R"({"issuer": "accounts.google.com", "client_id": "my-google-id", "client_secret": "g-secret"})");
    writeFile(dir.filePath(QStringLiteral("isp.json")), R"({"issuer": "login.isp.test", "client_id": "isp-id"})");
    const ProviderRegistry r = ProviderRegistry::load(dir.path());
    const Provider google = *r.forIssuer(QStringLiteral("accounts.google.com"));

    const Autoconfig::OAuth2Info hostile{QStringLiteral("accounts.google.com"), QStringLiteral("https://mail.google.com/"),
                                         QStringLiteral("https://evil.example/auth"), QStringLiteral("https://evil.example/token")};
    // Nor send Google's tokens to a server Google does not run.
    const auto elsewhere = r.fromAutoconfig(hostile, QStringLiteral("smtp.example.org"));
    ASSERT_FALSE(elsewhere);
    EXPECT_TRUE(elsewhere.error().message().contains(QStringLiteral("smtp.example.org is not one of Google's servers")))
        << qPrintable(elsewhere.error().message());
    auto p = r.fromAutoconfig(hostile, QStringLiteral("SMTP.gmail.com"));
    ASSERT_TRUE(p) << qPrintable(p.error().message());
    EXPECT_EQ(p->authorizationEndpoint, google.authorizationEndpoint);
    EXPECT_EQ(p->tokenEndpoint, google.tokenEndpoint);
    EXPECT_EQ(p->revocationEndpoint, google.revocationEndpoint);

    // An unknown issuer keeps its endpoints, named by their host, with no
    // built-in client id or secret.
    const Autoconfig::OAuth2Info unknown{QStringLiteral("https://sso.evil.example"), QStringLiteral("mail"),
                                         QStringLiteral("https://sso.evil.example/auth"),
                                         QStringLiteral("https://sso.evil.example/token")};
    auto foreign = r.fromAutoconfig(unknown, QStringLiteral("smtp.example.org"));
    ASSERT_TRUE(foreign) << qPrintable(foreign.error().message());
    EXPECT_EQ(foreign->tokenEndpoint, QUrl(QStringLiteral("https://sso.evil.example/token")));
    EXPECT_EQ(foreign->displayName, QStringLiteral("sso.evil.example"));
    EXPECT_TRUE(foreign->clientId.isEmpty());
    EXPECT_TRUE(foreign->clientSecret.isEmpty());

    // A stored account that names a known issuer signs in at its endpoints only.
    Account account;
    account.host = QStringLiteral("smtp.example.org");
    account.oauth2 = settingsForProvider(google);
    account.oauth2.authorizationEndpoint = QUrl(QStringLiteral("https://evil.example/auth"));
    account.oauth2.tokenEndpoint = QUrl(QStringLiteral("https://evil.example/token"));
    Provider stored = providerForAccount(account, r);
    EXPECT_EQ(stored.tokenEndpoint, google.tokenEndpoint);
    EXPECT_EQ(stored.authorizationEndpoint, google.authorizationEndpoint);
    EXPECT_EQ(stored.clientSecret, QStringLiteral("g-secret"));
    // An unknown issuer for a known provider's host, with its client id: no secret goes with it.
    account.host = QStringLiteral("smtp.gmail.com");
    account.oauth2.issuer = QStringLiteral("https://sso.evil.example");
    stored = providerForAccount(account, r);
    EXPECT_EQ(stored.tokenEndpoint, QUrl(QStringLiteral("https://evil.example/token")));
    EXPECT_TRUE(stored.clientSecret.isEmpty());
    EXPECT_NE(stored.displayName, QStringLiteral("Google"));
}

class OAuthFlow : public ::testing::Test
{
protected:
    /// The person at the browser: follows the redirect with `query` built
    /// from the authorization URL's state, and keeps the page shown.
    void browse(AuthorizationFlow &flow, const std::function<QString(const QUrlQuery &)> &query)
    {
        flow.setBrowserOpener([this, query](const QUrl &url) {
            m_opened = url;
            const QUrlQuery q(url);
            QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
            redirect.setQuery(query(q));
            QNetworkReply *reply = m_browser.get(QNetworkRequest(redirect));
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                m_page = reply->readAll();
                m_pageStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                reply->deleteLater();
            });
        });
    }

    /// Starts the flow and connects `socket` to its listener, as any local process could.
    static void startAndConnect(AuthorizationFlow &flow, QTcpSocket &socket)
    {
        QSignalSpy urlReady(&flow, &AuthorizationFlow::authorizationUrlReady);
        flow.start();
        ASSERT_EVENTUALLY(urlReady.size() == 1, 5000);
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(flow.redirectUri().port()));
        ASSERT_TRUE(socket.waitForConnected(3000));
    }

    void run(AuthorizationFlow &flow)
    {
        QSignalSpy finished(&flow, &AuthorizationFlow::finished);
        flow.start();
        EXPECT_EQ(finished.size(), 0) << "finished inside start()";
        ASSERT_EVENTUALLY(finished.size() == 1, 20000);
        ASSERT_EVENTUALLY(m_pageStatus != 0, 5000);
    }

    FakeTokenEndpoint m_endpoint;
    QNetworkAccessManager m_browser;
    QUrl m_opened;
    QByteArray m_page;
    int m_pageStatus = 0;
};

TEST_F(OAuthFlow, CodeWithPkceBecomesTokens)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "refresh-1"));
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    browse(flow, [](const QUrlQuery &q) -> QString {
        return QStringLiteral("code=the-code&state=") + q.queryItemValue(QStringLiteral("state"));
    });
    run(flow);
    ASSERT_EQ(flow.state(), AuthorizationFlow::State::Succeeded) << qPrintable(flow.error().message());
    EXPECT_EQ(flow.tokens().accessToken, QStringLiteral("access-1"));
    EXPECT_EQ(flow.tokens().refreshToken, QStringLiteral("refresh-1"));
    EXPECT_EQ(flow.redirectUri().host(), QStringLiteral("127.0.0.1"));
    EXPECT_NE(flow.redirectUri().port(), 0);
    const QUrlQuery opened(m_opened);
    EXPECT_EQ(opened.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), QStringLiteral("ada@example.org"));
    ASSERT_EQ(m_endpoint.requests().size(), 1);
    const QUrlQuery form = m_endpoint.requests().first();
    EXPECT_EQ(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("code")), QStringLiteral("the-code"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("outpost-test"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), flow.redirectUri().toString());
    // The verifier the server gets is the one whose challenge the browser carried.
    EXPECT_EQ(Pkce::challengeFor(form.queryItemValue(QStringLiteral("code_verifier"), QUrl::FullyDecoded)),
              opened.queryItemValue(QStringLiteral("code_challenge")));
    EXPECT_EQ(m_pageStatus, 200);
    EXPECT_TRUE(m_page.contains("You are signed in.")) << m_page.constData();
}

TEST_F(OAuthFlow, AnAnswerWithAWrongStateIsRefusedAndTheSignInGoesOn)
{
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-1", "refresh-1"));
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    QString state;
    flow.setBrowserOpener([&](const QUrl &url) {
        const QUrlQuery q(url);
        m_opened = QUrl(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        state = q.queryItemValue(QStringLiteral("state"));
    });
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    flow.start();
    ASSERT_EVENTUALLY(!state.isEmpty(), 5000);
    // Another page or process on this machine: an error with its own words, no state of ours.
    const auto fetch = [&](const QString &query) {
        QUrl url = m_opened;
        url.setQuery(query);
        QNetworkReply *reply = m_browser.get(QNetworkRequest(url));
        ASSERT_EVENTUALLY(reply->isFinished(), 5000);
        m_pageStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_page = reply->readAll();
        reply->deleteLater();
    };
    fetch(QStringLiteral("error=server_error&error_description=Call+0800+666&state=forged"));
    EXPECT_EQ(m_pageStatus, 400);
    EXPECT_FALSE(m_page.contains("0800")) << m_page.constData();
    fetch(QStringLiteral("code=stolen&state=forged"));
    EXPECT_EQ(m_pageStatus, 400);
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::WaitingForBrowser) << qPrintable(flow.error().message());
    EXPECT_TRUE(m_endpoint.requests().isEmpty());
    // The browser's own answer still ends it.
    fetch(QStringLiteral("code=the-code&state=") + state);
    ASSERT_EVENTUALLY(finished.size() == 1, 5000);
    ASSERT_EQ(flow.state(), AuthorizationFlow::State::Succeeded) << qPrintable(flow.error().message());
    ASSERT_EQ(m_endpoint.requests().size(), 1);
    EXPECT_EQ(m_endpoint.requests().first().queryItemValue(QStringLiteral("code")), QStringLiteral("the-code"));
}

TEST_F(OAuthFlow, ARefusedWrongStateIsNamedWhenTheSignInTimesOut)
{
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    flow.setTimeout(1500);
    browse(flow, [](const QUrlQuery &) -> QString { return QStringLiteral("code=stolen&state=forged"); });
    run(flow);
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::Failed);
    EXPECT_EQ(flow.error().code(), Error::Code::Timeout);
    EXPECT_TRUE(flow.error().message().contains(QStringLiteral("wrong state"))) << qPrintable(flow.error().message());
    EXPECT_TRUE(flow.tokens().refreshToken.isEmpty());
    EXPECT_TRUE(m_endpoint.requests().isEmpty());
    EXPECT_EQ(m_pageStatus, 400);
}

TEST_F(OAuthFlow, AnUnreadableRequestIsRefusedAndTheSignInGoesOn)
{
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    QTcpSocket s;
    ASSERT_NO_FATAL_FAILURE(startAndConnect(flow, s));
    s.write("garbage\r\n\r\n");
    ASSERT_EVENTUALLY(s.bytesAvailable() > 0 || s.state() != QAbstractSocket::ConnectedState, 5000);
    EXPECT_TRUE(s.readAll().startsWith("HTTP/1.1 400"));
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::WaitingForBrowser) << qPrintable(flow.error().message());
}

TEST_F(OAuthFlow, AFloodWithoutALineEndIsNotBuffered)
{
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    QTcpSocket s;
    ASSERT_NO_FATAL_FAILURE(startAndConnect(flow, s));
    // What the listener's sockets hold, seen as often as the event loop turns.
    qint64 largest = 0;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &watch, [&] {
        for (const QTcpSocket *accepted : flow.findChildren<QTcpSocket *>())
            largest = std::max(largest, accepted->bytesAvailable());
    });
    watch.start(0);
    s.write("GET /?");
    const QByteArray chunk(64 * 1024, 'a');
    for (int i = 0; i < 64 && s.state() == QAbstractSocket::ConnectedState; ++i) { // 4 MiB, no line end
        s.write(chunk);
        s.waitForBytesWritten(200);
        QCoreApplication::processEvents();
    }
    QTest::qWait(200);
    EXPECT_LE(largest, MaxRedirectRequestSize + 1) << "bytes held beyond the bounded read";
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::WaitingForBrowser);
}

TEST_F(OAuthFlow, DeniedConsentIsReported)
{
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    browse(flow, [](const QUrlQuery &q) -> QString {
        return QStringLiteral("error=access_denied&state=") + q.queryItemValue(QStringLiteral("state"));
    });
    run(flow);
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::Failed);
    EXPECT_EQ(flow.error().code(), Error::Code::AuthenticationFailed);
    EXPECT_TRUE(m_endpoint.requests().isEmpty());
}

TEST_F(OAuthFlow, RefusedCodeAndBadAnswersAreErrors)
{
    // A code issued for another redirect: the token endpoint says invalid_grant.
    m_endpoint.addResponse(400, R"({"error":"invalid_grant","error_description":"redirect_uri mismatch"})");
    m_endpoint.addResponse(200, "this is not json");
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-only", ""));
    for (const char *expected : {"redirect_uri mismatch", "not a valid token response", "no refresh token"}) {
        m_pageStatus = 0;
        AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
        browse(flow, [](const QUrlQuery &q) -> QString {
            return QStringLiteral("code=c&state=") + q.queryItemValue(QStringLiteral("state"));
        });
        run(flow);
        EXPECT_EQ(flow.state(), AuthorizationFlow::State::Failed) << expected;
        EXPECT_TRUE(flow.error().message().contains(QLatin1String(expected))) << qPrintable(flow.error().message());
        EXPECT_TRUE(flow.tokens().refreshToken.isEmpty());
        EXPECT_EQ(m_pageStatus, 400);
    }
}

TEST_F(OAuthFlow, UnreachableTokenEndpointIsANetworkError)
{
    Provider p = testProvider(m_endpoint);
    {
        QTcpServer closed; // a port nobody listens on
        ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
        p.tokenEndpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(closed.serverPort()));
    }
    AuthorizationFlow flow(p, QStringLiteral("ada@example.org"));
    browse(flow, [](const QUrlQuery &q) -> QString { return QStringLiteral("code=c&state=") + q.queryItemValue(QStringLiteral("state")); });
    run(flow);
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::Failed);
    EXPECT_EQ(flow.error().code(), Error::Code::Network) << qPrintable(flow.error().message());
}

TEST_F(OAuthFlow, TimeOutAndCancel)
{
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    flow.setTimeout(300); // nobody comes back from the browser
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    flow.start();
    ASSERT_EVENTUALLY(finished.size() == 1, 5000);
    EXPECT_EQ(flow.error().code(), Error::Code::Timeout);
    // The listener is gone with the flow.
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(flow.redirectUri().port()));
    EXPECT_FALSE(late.waitForConnected(1000));

    AuthorizationFlow cancelled(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    QSignalSpy urlReady(&cancelled, &AuthorizationFlow::authorizationUrlReady);
    QSignalSpy done(&cancelled, &AuthorizationFlow::finished);
    cancelled.start();
    ASSERT_EVENTUALLY(urlReady.size() == 1, 5000);
    cancelled.cancel();
    EXPECT_EQ(done.size(), 1);
    EXPECT_EQ(cancelled.error().code(), Error::Code::Cancelled);
}

TEST_F(OAuthFlow, WithoutClientIdSaysHowToFixIt)
{
    Provider p = testProvider(m_endpoint);
    p.clientId.clear();
    AuthorizationFlow flow(p, QStringLiteral("ada@example.org"));
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    flow.start();
    ASSERT_EVENTUALLY(finished.size() == 1, 5000);
    EXPECT_EQ(flow.error().code(), Error::Code::NeedsCredentials);
    EXPECT_TRUE(flow.error().message().contains(QStringLiteral("client id"))) << qPrintable(flow.error().message());
}

TEST_F(OAuthFlow, OversizedRedirectRequestIsRefused)
{
    AuthorizationFlow flow(testProvider(m_endpoint), QStringLiteral("ada@example.org"));
    flow.setTimeout(3000);
    QTcpSocket s;
    ASSERT_NO_FATAL_FAILURE(startAndConnect(flow, s));
    s.write("GET /?" + QByteArray(40000, 'a') + " HTTP/1.1\r\n");
    ASSERT_EVENTUALLY(s.bytesAvailable() > 0 || s.state() != QAbstractSocket::ConnectedState, 5000);
    EXPECT_TRUE(s.readAll().startsWith("HTTP/1.1 431")) << "bounded read";
    EXPECT_EQ(flow.state(), AuthorizationFlow::State::WaitingForBrowser) << "a stray request does not end the sign-in";
}

TEST_F(OAuthFlow, DeviceFlowPollsUntilGranted)
{
    m_endpoint.addResponse(200, R"({"device_code":"D","user_code":"ABCD-EFGH","verification_uri":"https://login.test/device","expires_in":600,"interval":1})");
    m_endpoint.addResponse(400, R"({"error":"authorization_pending"})");
    m_endpoint.addResponse(200, FakeTokenEndpoint::tokens("access-d", "refresh-d"));
    DeviceFlow flow(testProvider(m_endpoint));
    QSignalSpy code(&flow, &DeviceFlow::userCodeReady);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    ASSERT_EVENTUALLY(finished.size() == 1, 20000);
    ASSERT_EQ(flow.state(), DeviceFlow::State::Succeeded) << qPrintable(flow.error().message());
    ASSERT_EQ(code.size(), 1);
    EXPECT_EQ(code.first().at(1).toString(), QStringLiteral("ABCD-EFGH"));
    EXPECT_EQ(flow.tokens().refreshToken, QStringLiteral("refresh-d"));
    ASSERT_EQ(m_endpoint.requests().size(), 3);
    EXPECT_EQ(m_endpoint.requests().at(2).queryItemValue(QStringLiteral("device_code")), QStringLiteral("D"));

    m_endpoint.addResponse(200, R"({"device_code":"D","user_code":"X","verification_uri":"https://login.test/device","interval":1})");
    m_endpoint.addResponse(400, R"({"error":"access_denied"})");
    DeviceFlow denied(testProvider(m_endpoint));
    QSignalSpy deniedDone(&denied, &DeviceFlow::finished);
    denied.start();
    ASSERT_EVENTUALLY(deniedDone.size() == 1, 20000);
    EXPECT_EQ(denied.state(), DeviceFlow::State::Failed);
    EXPECT_EQ(denied.error().code(), Error::Code::AuthenticationFailed);
}

TEST_F(OAuthFlow, DeviceFlowWithAHugeExpiryStillTimesOut)
{
    // expires_in × 1000 does not fit an int: the deadline must stay the flow's own.
    m_endpoint.addResponse(200, R"({"device_code":"D","user_code":"U","verification_uri":"https://login.test/device","expires_in":2147484,"interval":1})");
    for (int i = 0; i < 20; ++i)
        m_endpoint.addResponse(400, R"({"error":"authorization_pending"})");
    DeviceFlow flow(testProvider(m_endpoint));
    flow.setTimeout(1500);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    ASSERT_EVENTUALLY(finished.size() == 1, 8000);
    EXPECT_EQ(flow.error().code(), Error::Code::Timeout) << qPrintable(flow.error().message());
}
