// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of discovery that need no network: the config-v1.1 reader,
// domain handling, the provider table and the ranking.
#include "core/autoconfig/candidate.h"
#include "core/autoconfig/clientconfig.h"
#include "core/autoconfig/domainname.h"
#include "core/autoconfig/imapfinder.h"
#include "core/autoconfig/probe.h"
#include "core/autoconfig/providers.h"

#include "tests/support/fakesmtpserver.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Core::Autoconfig;
using Core::SmtpSecurity;

namespace {

AddressParts alice()
{
    return {QStringLiteral("alice@example.org"), QStringLiteral("alice"), QStringLiteral("example.org")};
}

QByteArray config(const QByteArray &servers, const QByteArray &extra = {})
{
    return "<?xml version=\"1.0\"?>\n<clientConfig version=\"1.1\"><emailProvider id=\"example.org\">"
           "<domain>example.org</domain><displayName>Example</displayName>"
           + servers + "</emailProvider>" + extra + "</clientConfig>";
}

QByteArray server(const QByteArray &host, const QByteArray &port, const QByteArray &socket,
                  const QByteArray &auth = "password-cleartext", const QByteArray &user = "%EMAILADDRESS%")
{
    return "<outgoingServer type=\"smtp\"><hostname>" + host + "</hostname><port>" + port + "</port><socketType>"
           + socket + "</socketType><authentication>" + auth + "</authentication><username>" + user
           + "</username></outgoingServer>";
}

Candidate candidate(const QString &host, quint16 port, SmtpSecurity security, Source source, int order = 0)
{
    Candidate c;
    c.server.host = host;
    c.server.port = port;
    c.server.security = security;
    c.server.order = order;
    c.source = source;
    c.trust = (source == Source::Srv || source == Source::Guess || source == Source::ProviderHttp) ? Trust::Unauthenticated
                                                                                                   : Trust::Authenticated;
    return c;
}

} // namespace

TEST(ClientConfig, ReadsServersAndSubstitutesPlaceholders)
{
    auto r = readClientConfig(config(server("smtp.%EMAILDOMAIN%", "587", "STARTTLS", "password-cleartext", "%EMAILLOCALPART%")
                                     + "<incomingServer type=\"imap\"><hostname>imap.example.org</hostname></incomingServer>"
                                     + server("SMTP.Example.ORG", "465", "SSL", "password-encrypted")
                                     + "<unknownFutureThing><nested/></unknownFutureThing>",
                                     "<oAuth2><issuer>accounts.example.org</issuer><scope>mail</scope></oAuth2>"),
                              alice());
    ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
    ASSERT_EQ(r->servers.size(), 2);
    EXPECT_EQ(r->servers[0].host, QStringLiteral("smtp.example.org"));
    EXPECT_EQ(r->servers[0].port, 587);
    EXPECT_EQ(r->servers[0].security, SmtpSecurity::StartTls);
    EXPECT_EQ(r->servers[0].username, QStringLiteral("alice"));
    EXPECT_EQ(r->servers[1].host, QStringLiteral("smtp.example.org")); // lower-cased
    EXPECT_EQ(r->servers[1].security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(r->servers[1].auth, QList<AuthKind>{AuthKind::PasswordEncrypted});
    EXPECT_EQ(r->servers[1].username, QStringLiteral("alice@example.org"));
    EXPECT_EQ(r->displayName, QStringLiteral("Example"));
    EXPECT_EQ(r->oauth2.issuer, QStringLiteral("accounts.example.org"));
    EXPECT_TRUE(r->listsDomain(QStringLiteral("example.org")));
    EXPECT_FALSE(r->listsDomain(QStringLiteral("other.org")));
}

TEST(ClientConfig, BrokenEntriesAreDroppedOneByOne)
{
    // Defects seen in the real ISPDB: a placeholder without its closing %,
    // a bad port, an unknown socket type, a host name with a space.
    auto r = readClientConfig(config(server("%EMAILADDRESS", "587", "STARTTLS") + server("smtp.example.org", "99999", "SSL")
                                     + server("smtp.example.org", "587", "TLSv9") + server("bad host.example.org", "587", "STARTTLS")
                                     + server("good.example.org", "465", "SSL", "password-cleartext", "%EMAILADRESS%")),
                              alice());
    ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
    ASSERT_EQ(r->servers.size(), 1);
    EXPECT_EQ(r->servers[0].host, QStringLiteral("good.example.org"));
    EXPECT_TRUE(r->servers[0].username.isEmpty()) << "a broken user name template is not used";
    EXPECT_EQ(r->skipped.size(), 5) << qPrintable(r->skipped.join(u'\n'));
}

TEST(ClientConfig, PlaintextAndOAuthAreReadAsTheyAre)
{
    auto r = readClientConfig(config(server("smtp.example.org", "25", "plain", "none") + server("smtp.example.org", "587", "STARTTLS", "OAuth2")),
                              alice());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->servers[0].security, SmtpSecurity::None);
    EXPECT_EQ(r->servers[0].auth, QList<AuthKind>{AuthKind::None});
    EXPECT_EQ(r->servers[1].auth, QList<AuthKind>{AuthKind::OAuth2});
}

TEST(ClientConfig, RefusesWhatIsNotAProviderFile)
{
    const AddressParts a = alice();
    EXPECT_FALSE(readClientConfig("", a).ok());
    EXPECT_FALSE(readClientConfig("<html><body>404</body></html>", a).ok());
    EXPECT_FALSE(readClientConfig("<clientConfig version=\"1.1\"></clientConfig>", a).ok());
    EXPECT_FALSE(readClientConfig(config("<outgoingServer type=\"smtp\"><hostname>x.example.org</hostname>"), a).ok())
        << "truncated XML";
    // Only incoming servers: nothing to send with.
    EXPECT_FALSE(readClientConfig(config("<incomingServer type=\"imap\"><hostname>imap.example.org</hostname></incomingServer>"), a).ok());
    // Entity expansion ("billion laughs") is never attempted.
    const QByteArray bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                            "<clientConfig><emailProvider id=\"x\"><displayName>&lol2;</displayName>"
                            + server("smtp.example.org", "465", "SSL") + "</emailProvider></clientConfig>";
    auto r = readClientConfig(bomb, a);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message().contains(QLatin1String("DTD"))) << qPrintable(r.error().message());
    // Bounded size.
    QByteArray big = config(server("smtp.example.org", "465", "SSL") + "<!--" + QByteArray(MaxClientConfigSize, 'x') + "-->");
    auto tooBig = readClientConfig(big, a);
    ASSERT_FALSE(tooBig.ok());
    EXPECT_EQ(tooBig.error().code(), Core::Error::Code::InvalidInput);
}

namespace {

QByteArray imap(const QByteArray &host, const QByteArray &port, const QByteArray &socket, const QByteArray &user = "%EMAILADDRESS%",
               const QByteArray &type = "imap")
{
    return "<incomingServer type=\"" + type + "\"><hostname>" + host + "</hostname><port>" + port + "</port><socketType>" + socket
           + "</socketType><authentication>password-cleartext</authentication><username>" + user + "</username></incomingServer>";
}

} // namespace

TEST(ClientConfig, ReadsImapServersForTheSentCopy)
{
    const QByteArray smtp = server("smtp.example.org", "465", "SSL");
    auto r = readClientConfig(config(imap("imap.%EMAILDOMAIN%", "993", "SSL", "%EMAILLOCALPART%")
                                     + imap("pop.example.org", "995", "SSL", "%EMAILADDRESS%", "pop3")
                                     + imap("imap.example.org", "143", "STARTTLS") + smtp),
                              alice());
    ASSERT_TRUE(r.ok()) << r.error().message().toStdString();
    ASSERT_EQ(r->incoming.size(), 2) << "POP3 is not read";
    EXPECT_EQ(r->incoming[0].host, QStringLiteral("imap.example.org"));
    EXPECT_EQ(r->incoming[0].port, 993);
    EXPECT_EQ(r->incoming[0].security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(r->incoming[0].username, QStringLiteral("alice"));
    EXPECT_EQ(r->incoming[0].order, 0);
    EXPECT_EQ(r->incoming[1].port, 143);
    EXPECT_EQ(r->incoming[1].security, SmtpSecurity::StartTls);
    EXPECT_EQ(r->incoming[1].username, QStringLiteral("alice@example.org"));
    EXPECT_EQ(r->incoming[1].order, 1);
    EXPECT_TRUE(r->skipped.isEmpty()) << r->skipped.join(u'|').toStdString();
    ASSERT_EQ(r->servers.size(), 1);
}

TEST(ClientConfig, BrokenImapEntriesAreDroppedOneByOne)
{
    auto r = readClientConfig(config(imap("imap.%NOPE%", "993", "SSL") + imap("imap.example.org", "0", "SSL")
                                     + imap("imap.example.org", "993", "TLS") + imap("imap.example.org", "993", "SSL", "%UNKNOWN%")
                                     + server("smtp.example.org", "465", "SSL")),
                              alice());
    ASSERT_TRUE(r.ok()) << "a broken IMAP entry never spoils the SMTP servers";
    ASSERT_EQ(r->incoming.size(), 1);
    EXPECT_EQ(r->incoming[0].host, QStringLiteral("imap.example.org"));
    EXPECT_TRUE(r->incoming[0].username.isEmpty()) << "a user name with a placeholder left over is not used";
    const QString skipped = r->skipped.join(u'|');
    EXPECT_EQ(r->skipped.size(), 4) << skipped.toStdString();
    EXPECT_TRUE(skipped.contains(QLatin1String("IMAP server 1: unknown placeholder in host name"))) << skipped.toStdString();
    EXPECT_TRUE(skipped.contains(QLatin1String("IMAP server 2: invalid port"))) << skipped.toStdString();
    EXPECT_TRUE(skipped.contains(QLatin1String("IMAP server 3: unknown socket type"))) << skipped.toStdString();
    EXPECT_TRUE(skipped.contains(QLatin1String("IMAP server 4: unknown placeholder in user name"))) << skipped.toStdString();

    // IMAP alone is no provider file for sending.
    EXPECT_FALSE(readClientConfig(config(imap("imap.example.org", "993", "SSL")), alice()).ok());
}

TEST(ImapFinder, RanksBySourceAndMergesDuplicates)
{
    auto make = [](const char *host, quint16 port, SmtpSecurity security, Source source, const char *user = "") {
        ImapCandidate c;
        c.server.host = QString::fromLatin1(host);
        c.server.port = port;
        c.server.security = security;
        c.server.username = QString::fromLatin1(user);
        c.source = source;
        c.trust = source == Source::Srv ? Trust::Unauthenticated : Trust::Authenticated;
        return c;
    };
    QList<ImapCandidate> list{make("imap.srv.example", 993, SmtpSecurity::ImplicitTls, Source::Srv),
                              make("imap.example.org", 143, SmtpSecurity::StartTls, Source::Ispdb),
                              make("imap.example.org", 993, SmtpSecurity::ImplicitTls, Source::Ispdb),
                              make("imap.example.org", 993, SmtpSecurity::ImplicitTls, Source::Srv),
                              make("imap.example.org", 993, SmtpSecurity::ImplicitTls, Source::ProviderHttps, "alice")};
    ImapFinder::rank(list);
    ASSERT_EQ(list.size(), 3);
    EXPECT_EQ(list[0].source, Source::ProviderHttps);
    EXPECT_EQ(list[0].server.port, 993);
    EXPECT_EQ(list[0].server.username, QStringLiteral("alice"));
    EXPECT_EQ(list[0].alsoFoundBy, (QStringList{sourceName(Source::Ispdb), sourceName(Source::Srv)}));
    EXPECT_EQ(list[1].source, Source::Ispdb) << "the provider's order within one source stays";
    EXPECT_EQ(list[1].server.port, 143);
    EXPECT_EQ(list[2].server.host, QStringLiteral("imap.srv.example"));

    ImapCandidate found = list[0];
    EXPECT_FALSE(found.selectable(false)) << "never chosen without an answer to the probe";
    found.probe.outcome = ProbeFacts::Outcome::AuthUsable;
    EXPECT_TRUE(found.selectable(false));
    EXPECT_FALSE(found.needsConfirmation(QStringLiteral("example.org")));
    const QJsonObject json = found.toJson(QStringLiteral("example.org"));
    EXPECT_EQ(json.value(QStringLiteral("host")).toString(), QStringLiteral("imap.example.org"));
    EXPECT_EQ(json.value(QStringLiteral("port")).toInt(), 993);
    EXPECT_EQ(json.value(QStringLiteral("security")).toString(), QStringLiteral("tls"));
    EXPECT_EQ(json.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    EXPECT_EQ(json.value(QStringLiteral("source")).toString(), sourceName(Source::ProviderHttps));
    EXPECT_TRUE(list[2].needsConfirmation(QStringLiteral("example.org"))) << "SRV is plain DNS";
    found.server.security = SmtpSecurity::None;
    EXPECT_FALSE(found.selectable(false)) << "plaintext only with the opt-in";
    EXPECT_TRUE(found.selectable(true));
}

TEST(DomainName, SplitsAndNormalisesAddresses)
{
    auto p = splitAddress(QStringLiteral("  Jörg.Ü@Bücher.Example.  "));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->localPart, QStringLiteral("Jörg.Ü"));
    EXPECT_EQ(p->domain, QStringLiteral("xn--bcher-kva.example"));
    EXPECT_EQ(p->address, QStringLiteral("Jörg.Ü@xn--bcher-kva.example"));
    for (const char *bad : {"", "nobody", "@example.org", "a@", "a@b", "a@exa mple.org", "a\r\nRCPT TO:<x>@example.org"}) {
        auto r = splitAddress(QString::fromUtf8(bad));
        EXPECT_FALSE(r.ok()) << bad;
        if (!r.ok()) {
            EXPECT_EQ(r.error().field(), QStringLiteral("address"));
        }
    }
}

TEST(DomainName, RegistrableDomainFollowsThePublicSuffixList)
{
    EXPECT_EQ(registrableDomain(QStringLiteral("smtp.example.co.uk")), QStringLiteral("example.co.uk"));
    EXPECT_EQ(registrableDomain(QStringLiteral("mx1.mail.hoster.test")), QStringLiteral("hoster.test"));
    EXPECT_EQ(registrableDomain(QStringLiteral("aspmx.l.google.com")), QStringLiteral("google.com"));
    EXPECT_EQ(registrableDomain(QStringLiteral("example.org")), QStringLiteral("example.org"));
    EXPECT_EQ(registrableDomain(QStringLiteral("someone.github.io")), QStringLiteral("someone.github.io"));
    EXPECT_EQ(registrableDomain(QStringLiteral("co.uk")), QString());
    EXPECT_EQ(registrableDomain(QStringLiteral("org")), QString());
}

TEST(Providers, EveryBuiltInEntryParses)
{
    for (const char *domain : {"gmail.com", "googlemail.com", "outlook.com", "yahoo.com", "icloud.com", "fastmail.com",
                               "gmx.de", "web.de", "posteo.de", "mailbox.org", "t-online.de", "zoho.com", "orange.fr",
                               "free.fr", "laposte.net", "yandex.ru", "aol.com", "office365.com"}) {
        const QByteArray xml = builtInProviderConfig(QString::fromLatin1(domain));
        ASSERT_FALSE(xml.isEmpty()) << domain;
        AddressParts a{QStringLiteral("x@") + QString::fromLatin1(domain), QStringLiteral("x"), QString::fromLatin1(domain)};
        auto r = readClientConfig(xml, a);
        ASSERT_TRUE(r.ok()) << domain << ": " << qPrintable(r.error().message());
        EXPECT_TRUE(r->listsDomain(QString::fromLatin1(domain)));
        EXPECT_TRUE(r->skipped.isEmpty()) << domain;
        for (const OutgoingServer &s : r->servers)
            EXPECT_NE(s.security, SmtpSecurity::None) << domain;
        // Every entry names its IMAP server for the Sent copy, over TLS.
        ASSERT_EQ(r->incoming.size(), 1) << domain;
        EXPECT_EQ(r->incoming.first().port, 993) << domain;
        EXPECT_EQ(r->incoming.first().security, SmtpSecurity::ImplicitTls) << domain;
        EXPECT_FALSE(r->incoming.first().username.isEmpty()) << domain;
    }
    auto gmail = readClientConfig(builtInProviderConfig(QStringLiteral("gmail.com")), {QStringLiteral("x@gmail.com"), QStringLiteral("x"), QStringLiteral("gmail.com")});
    ASSERT_TRUE(gmail.ok());
    EXPECT_EQ(gmail->incoming.first().host, QStringLiteral("imap.gmail.com"));
    EXPECT_TRUE(builtInProviderConfig(QStringLiteral("example.org")).isEmpty());
}

TEST(Providers, OAuthProvidersCarryTheirOAuth2BlockAndMicrosoft365ItsMxDomain)
{
    struct Case { const char *domain; const char *host; const char *issuer; };
    for (const Case &c : {Case{"gmail.com", "smtp.gmail.com", "accounts.google.com"},
                          Case{"outlook.com", "smtp-mail.outlook.com", "login.microsoftonline.com"},
                          Case{"mail.protection.outlook.com", "smtp.office365.com", "login.microsoftonline.com"},
                          Case{"yahoo.com", "smtp.mail.yahoo.com", "login.yahoo.com"},
                          Case{"aol.com", "smtp.aol.com", "login.aol.com"}}) {
        const QString domain = QString::fromLatin1(c.domain);
        auto r = readClientConfig(builtInProviderConfig(domain), {QStringLiteral("x@") + domain, QStringLiteral("x"), domain});
        ASSERT_TRUE(r.ok()) << c.domain;
        EXPECT_EQ(r->servers.first().host, QString::fromLatin1(c.host)) << c.domain;
        EXPECT_EQ(r->oauth2.issuer, QString::fromLatin1(c.issuer)) << c.domain;
        EXPECT_TRUE(r->oauth2.authUrl.startsWith(QLatin1String("https://"))) << c.domain;
        EXPECT_TRUE(r->oauth2.tokenUrl.startsWith(QLatin1String("https://"))) << c.domain;
        EXPECT_FALSE(r->oauth2.scope.isEmpty()) << c.domain;
    }
}

TEST(Ranking, ImplicitTlsWinsOnTheSameHostAndSourcesKeepTheirOrder)
{
    QList<Candidate> list{candidate(QStringLiteral("mail.example.org"), 465, SmtpSecurity::ImplicitTls, Source::Srv),
                          candidate(QStringLiteral("smtp.example.org"), 587, SmtpSecurity::StartTls, Source::Ispdb, 0),
                          candidate(QStringLiteral("smtp.example.org"), 465, SmtpSecurity::ImplicitTls, Source::Ispdb, 1),
                          candidate(QStringLiteral("other.example.org"), 465, SmtpSecurity::ImplicitTls, Source::Ispdb, 2),
                          candidate(QStringLiteral("mail.example.org"), 465, SmtpSecurity::ImplicitTls, Source::Guess)};
    rankCandidates(list, QStringLiteral("example.org"));
    ASSERT_EQ(list.size(), 4) << "the guess that repeats the SRV answer is merged";
    EXPECT_EQ(list[0].server.port, 465);
    EXPECT_EQ(list[0].server.host, QStringLiteral("smtp.example.org"));
    EXPECT_EQ(list[1].server.port, 587);
    EXPECT_EQ(list[2].server.host, QStringLiteral("other.example.org"));
    EXPECT_EQ(list[3].source, Source::Srv);
    EXPECT_EQ(list[3].alsoFoundBy, QStringList{QStringLiteral("guess")});
    EXPECT_TRUE(list[0].reasons.join(u' ').contains(QLatin1String("RFC 8314")));
}

TEST(Ranking, AProbeOutcomeOutranksTrustAndFailuresAreNeverSelectable)
{
    Candidate trusted = candidate(QStringLiteral("smtp.example.org"), 465, SmtpSecurity::ImplicitTls, Source::ProviderHttps);
    trusted.probe.outcome = ProbeFacts::Outcome::Failed;
    trusted.probe.error = Core::Error(Core::Error::Code::Tls, QStringLiteral("handshake failed"));
    Candidate guessed = candidate(QStringLiteral("mail.example.org"), 587, SmtpSecurity::StartTls, Source::Guess);
    guessed.probe.outcome = ProbeFacts::Outcome::AuthUsable;
    guessed.probe.authMechanisms = {QStringLiteral("PLAIN")};
    Candidate plain = candidate(QStringLiteral("smtp.example.org"), 25, SmtpSecurity::None, Source::ProviderHttps, 1);
    plain.probe.outcome = ProbeFacts::Outcome::Reachable;
    QList<Candidate> list{trusted, plain, guessed};
    rankCandidates(list, QStringLiteral("example.org"));
    EXPECT_EQ(list[0].server.host, QStringLiteral("mail.example.org"));
    EXPECT_TRUE(list[0].selectable(false));
    EXPECT_TRUE(list[0].needsConfirmation(QStringLiteral("example.org")));
    const auto failed = std::find_if(list.cbegin(), list.cend(), [](const Candidate &c) { return c.server.port == 465; });
    EXPECT_FALSE(failed->selectable(true));
    const auto insecure = std::find_if(list.cbegin(), list.cend(), [](const Candidate &c) { return c.server.port == 25; });
    EXPECT_FALSE(insecure->selectable(false)) << "plaintext needs the explicit opt-in";
    EXPECT_TRUE(insecure->selectable(true));
}

TEST(Ranking, OAuthOnlyServersAreANormalChoice)
{
    Candidate c = candidate(QStringLiteral("smtp.example.org"), 587, SmtpSecurity::StartTls, Source::Ispdb);
    c.server.auth = {AuthKind::OAuth2};
    c.probe.outcome = ProbeFacts::Outcome::Reachable;
    EXPECT_TRUE(c.selectable(false));
    Candidate d = candidate(QStringLiteral("smtp.example.org"), 465, SmtpSecurity::ImplicitTls, Source::Ispdb);
    d.probe.outcome = ProbeFacts::Outcome::Reachable;
    d.probe.authMechanisms = {QStringLiteral("XOAUTH2"), QStringLiteral("OAUTHBEARER")};
    EXPECT_TRUE(d.selectable(false));
    // A password sign-in to such a server still gets the advice to use OAuth.
    EXPECT_EQ(adviseFromError(Core::Error(Core::Error::Code::AuthenticationFailed, {}), d.probe.authMechanisms),
              LoginAdvice::OAuthRequired);
    // OAuth named by the file but not offered by the server: nothing to use.
    Candidate e = c;
    e.probe.authMechanisms = {QStringLiteral("GSSAPI")};
    EXPECT_FALSE(e.selectable(false));
}

TEST(Ranking, AgreementFromTheSameMxAnswerIsNotIndependent)
{
    // Outpost's table and the ISPDB, both asked about the provider that one
    // MX answer named, are one piece of evidence, not two: the SRV record
    // of the address's own domain is another.
    Candidate a = candidate(QStringLiteral("a.example.net"), 587, SmtpSecurity::StartTls, Source::MxIspdb);
    Candidate aFromTable = candidate(QStringLiteral("a.example.net"), 587, SmtpSecurity::StartTls, Source::MxBuiltIn);
    Candidate z = candidate(QStringLiteral("z.example.net"), 587, SmtpSecurity::StartTls, Source::MxIspdb);
    Candidate zFromSrv = candidate(QStringLiteral("z.example.net"), 587, SmtpSecurity::StartTls, Source::Srv);
    QList<Candidate> list{a, aFromTable, z, zFromSrv};
    rankCandidates(list, QStringLiteral("example.org"));
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].server.host, QStringLiteral("z.example.net"));
    EXPECT_EQ(list[1].alsoFoundBy, QStringList{QStringLiteral("mx-built-in")}) << "still shown, just not counted";
}

TEST(Ranking, TheMoreSpecificMxAnswerWinsWhicheverArrivedFirst)
{
    // MX alice-example.mail.protection.outlook.com: ISPDB and Outpost's
    // table answer for mail.protection.outlook.com (Microsoft 365) and for
    // outlook.com (the consumer service), in any order.
    auto mx = [](const char *host, Source source, int specificity) {
        Candidate c = candidate(QString::fromLatin1(host), 587, SmtpSecurity::StartTls, source);
        c.trust = Trust::Unauthenticated;
        c.specificity = specificity;
        c.server.auth = {AuthKind::OAuth2};
        return c;
    };
    const QList<Candidate> answers{mx("smtp-mail.outlook.com", Source::MxIspdb, 2),
                                   mx("smtp-mail.outlook.com", Source::MxBuiltIn, 2),
                                   mx("smtp-mail.outlook.com", Source::MxProvider, 2),
                                   mx("smtp.office365.com", Source::MxBuiltIn, 4)};
    for (int rotation = 0; rotation < answers.size(); ++rotation) {
        QList<Candidate> list = answers.mid(rotation) + answers.mid(0, rotation);
        rankCandidates(list, QStringLiteral("example.org"));
        ASSERT_EQ(list.size(), 2);
        EXPECT_EQ(list[0].server.host, QStringLiteral("smtp.office365.com")) << "rotation " << rotation;
        EXPECT_EQ(list[1].source, Source::MxProvider) << "the most trusted source keeps the merged entry";
        EXPECT_EQ(independentAgreement(list[1]), 0) << "one MX answer, however many sources";
        EXPECT_EQ(list[1].alsoFoundBy.size(), 2);
        EXPECT_TRUE(list[1].reasons.join(u' ').contains(QLatin1String("count once")));
    }
}

TEST(Ranking, StandingOrdersTiersThenSpecificityThenSources)
{
    EXPECT_LT(standing(Source::Manual), standing(Source::LocalFile));
    EXPECT_LT(standing(Source::Ispdb), standing(Source::BuiltIn));
    EXPECT_EQ(standing(Source::Ispdb).tier, standing(Source::BuiltIn).tier);
    EXPECT_LT(standing(Source::BuiltIn), standing(Source::MxProvider, 128));
    // The MX lookup itself stands above every answer it can lead to ...
    EXPECT_LT(standing(Source::MxProvider, 128), standing(Source::MxProvider, 4));
    // ... and a more specific domain above a more trusted source of the tier.
    EXPECT_LT(standing(Source::MxBuiltIn, 4), standing(Source::MxProvider, 2));
    EXPECT_LT(standing(Source::MxProvider, 2), standing(Source::Srv));

    EXPECT_FALSE(independentSources(Source::MxIspdb, Source::MxBuiltIn));
    EXPECT_FALSE(independentSources(Source::BuiltIn, Source::MxBuiltIn)) << "the same table";
    EXPECT_FALSE(independentSources(Source::Ispdb, Source::MxIspdb)) << "the same database";
    EXPECT_FALSE(independentSources(Source::ProviderHttps, Source::ProviderHttp)) << "the same file";
    EXPECT_TRUE(independentSources(Source::Ispdb, Source::BuiltIn));
    EXPECT_TRUE(independentSources(Source::MxIspdb, Source::Srv));
    EXPECT_TRUE(independentSources(Source::ProviderHttps, Source::Ispdb));
}

TEST(Ranking, TheBigProvidersSignInWithOAuthOthersKeepTheirPasswords)
{
    auto withAuth = [](const char *host, QList<AuthKind> auth, QStringList offered) {
        Candidate c = candidate(QString::fromLatin1(host), 465, SmtpSecurity::ImplicitTls, Source::Ispdb);
        c.server.auth = std::move(auth);
        if (!offered.isEmpty()) {
            c.probe.outcome = ProbeFacts::Outcome::AuthUsable;
            c.probe.authMechanisms = std::move(offered);
        }
        return c;
    };
    const QStringList both{QStringLiteral("PLAIN"), QStringLiteral("LOGIN"), QStringLiteral("XOAUTH2"), QStringLiteral("OAUTHBEARER")};
    const QList<AuthKind> oauthAndPassword{AuthKind::OAuth2, AuthKind::PasswordCleartext};
    for (const char *host : {"smtp.gmail.com", "smtp-mail.outlook.com", "smtp.office365.com", "smtp.mail.yahoo.com", "smtp.aol.com"}) {
        EXPECT_EQ(withAuth(host, oauthAndPassword, both).authMethod(), Core::AuthMethod::OAuth2) << host;
        EXPECT_EQ(withAuth(host, oauthAndPassword, {}).authMethod(), Core::AuthMethod::OAuth2) << host << ", not probed";
        // An ISPDB entry that names only the password: the provider still wants OAuth.
        EXPECT_EQ(withAuth(host, {AuthKind::PasswordCleartext}, both).authMethod(), Core::AuthMethod::OAuth2) << host;
        // A server that offers no OAuth after all: the password it takes.
        EXPECT_EQ(withAuth(host, oauthAndPassword, {QStringLiteral("PLAIN")}).authMethod(), Core::AuthMethod::Password) << host;
    }
    // Anyone else offering both keeps the password, as before.
    EXPECT_EQ(withAuth("smtp.example.org", oauthAndPassword, both).authMethod(), Core::AuthMethod::Password);
    EXPECT_EQ(withAuth("smtp.example.org", {AuthKind::OAuth2}, both).authMethod(), Core::AuthMethod::OAuth2);
    EXPECT_EQ(withAuth("smtp.example.org", {}, {QStringLiteral("XOAUTH2")}).authMethod(), Core::AuthMethod::OAuth2);
    EXPECT_EQ(withAuth("smtp.example.org", {AuthKind::None}, {}).authMethod(), Core::AuthMethod::None);
    EXPECT_EQ(withAuth("smtp.example.org", {}, {}).authMethod(), Core::AuthMethod::Password);
    EXPECT_EQ(withAuth("smtp.example.org", {AuthKind::Other}, {}).authMethod(), std::nullopt);
    EXPECT_EQ(withAuth("smtp.example.org", {AuthKind::OAuth2}, {QStringLiteral("PLAIN")}).authMethod(), std::nullopt);

    Candidate gmail = withAuth("smtp.gmail.com", oauthAndPassword, both);
    gmail.oauth2 = {QStringLiteral("accounts.google.com"), QStringLiteral("https://mail.google.com/"),
                    QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"), QStringLiteral("https://oauth2.googleapis.com/token")};
    const QJsonObject json = gmail.toJson(QStringLiteral("gmail.com"), false);
    EXPECT_EQ(json.value(QStringLiteral("auth")).toString(), QStringLiteral("oauth2"));
    EXPECT_EQ(json.value(QStringLiteral("auth_listed")).toArray().size(), 2);
    EXPECT_EQ(json.value(QStringLiteral("oauth2")).toObject().value(QStringLiteral("issuer")).toString(), QStringLiteral("accounts.google.com"));
    EXPECT_TRUE(withAuth("smtp.example.org", {AuthKind::Other}, {}).toJson(QStringLiteral("example.org"), false).value(QStringLiteral("auth")).isNull());
}

TEST(Probe, LoginRepliesMapToAdvice)
{
    auto err = [](int code, const char *enhanced, const char *text) {
        return Core::Error(Core::Error::Code::AuthenticationFailed, QStringLiteral("x"))
            .withServerReply(code, QString::fromLatin1(enhanced), QString::fromLatin1(text));
    };
    const QStringList pw{QStringLiteral("PLAIN"), QStringLiteral("LOGIN")};
    EXPECT_EQ(adviseFromError(err(535, "5.7.8", "Username and Password not accepted"), pw), LoginAdvice::BadPassword);
    EXPECT_EQ(adviseFromError(err(534, "5.7.9", "Application-specific password required"), pw), LoginAdvice::AppPasswordRequired);
    EXPECT_EQ(adviseFromError(err(534, "5.7.14", "Please log in via your web browser"), pw), LoginAdvice::WebLoginRequired);
    EXPECT_EQ(adviseFromError(err(530, "5.7.0", "Must issue a STARTTLS command first"), pw), LoginAdvice::TlsRequired);
    EXPECT_EQ(adviseFromError(err(454, "4.7.0", "Temporary authentication failure"), pw), LoginAdvice::TryLater);
    for (LoginAdvice a : {LoginAdvice::BadPassword, LoginAdvice::AppPasswordRequired, LoginAdvice::WebLoginRequired,
                          LoginAdvice::OAuthRequired, LoginAdvice::TlsRequired, LoginAdvice::TryLater})
        EXPECT_FALSE(loginAdviceText(a).isEmpty());
}

// A server that offers no AUTH "accepts" any password; that is no sign-in
// (a guessed incoming MX on port 25 looks like this).
TEST(Probe, VerifyingAgainstAServerWithoutAuthIsNoSignIn)
{
    const TestCerts::Paths &certs = TestCerts::paths();
    FakeSmtpServer server;
    server.setCertificate(certs.serverCert, certs.serverKey);
    server.addScenario(QStringLiteral("TLS\nS: 220 mx.example.org ESMTP\n"
                                      "C: EHLO .*\n"
                                      "S: 250-mx.example.org\nS: 250 8BITMIME\n"
                                      "STALL\n"));
    OutgoingServer s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.serverPort();
    s.security = SmtpSecurity::ImplicitTls;
    Probe probe(s, certs.caCert, ProbeTimeouts{});
    QSignalSpy done(&probe, &Probe::finished);
    probe.verify(QStringLiteral("ada@example.org"), QStringLiteral("secret"));
    ASSERT_TRUE(done.wait(10000));
    EXPECT_EQ(probe.facts().outcome, ProbeFacts::Outcome::Failed);
    EXPECT_TRUE(probe.facts().error.message().contains(QLatin1String("no sign-in"))) << qPrintable(probe.facts().error.message()) << " code " << qPrintable(Core::Error::codeName(probe.facts().error.code()));
    for (const QString &line : server.clientLines())
        EXPECT_FALSE(line.startsWith(QLatin1String("AUTH"))) << "nothing to sign in to, nothing sent";
}
