// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery against a real little internet (tests/scripts/autoconfig_world.py):
// dnsmasq for A/MX/SRV, HTTPS and HTTP servers with a test CA, aiosmtpd on
// 465/587, a broken STARTTLS server, a plaintext server and tarpits, in a
// private network namespace. Every test runs inside its own world.
#include "core/autoconfig/discovery.h"
#include "core/autoconfig/probe.h"

#include "tests/autoconfig/worldtest.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Core::Autoconfig;
using Core::SmtpSecurity;

using WorldTest::worldDir;
using WorldTest::worldOptions;

namespace {

class World : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Never skipped: outside the world, this is a broken setup.
        ASSERT_FALSE(worldDir().isEmpty()) << "run through tests/scripts/autoconfig_world.py";
        ASSERT_TRUE(QFile::exists(qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE")));
        // Each test reads only its own traffic (the servers append per line).
        for (const char *name : {"web.log", "smtp-auth.log"})
            QFile::resize(QDir(worldDir()).filePath(QString::fromLatin1(name)), 0);
    }

    static QList<QJsonObject> log(const QString &name)
    {
        QList<QJsonObject> lines;
        QFile f(QDir(worldDir()).filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return lines;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        }
        return lines;
    }

    static DiscoveryResult discover(const QString &address, const DiscoveryOptions &options = worldOptions())
    {
        return WorldTest::discover(address, options);
    }
    static std::string describe(const DiscoveryResult &r) { return WorldTest::describe(r); }
};

} // namespace

TEST_F(World, ProviderAutoconfigHit)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@provider.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    // The file lists 587/STARTTLS first and 465/SSL second for the same host:
    // both work, implicit TLS wins (RFC 8314).
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.provider.test"));
    EXPECT_EQ(c->server.port, 465);
    EXPECT_EQ(c->server.security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(c->source, Source::ProviderHttps);
    EXPECT_EQ(c->trust, Trust::Authenticated);
    EXPECT_EQ(c->server.username, QStringLiteral("someone@provider.test"));
    EXPECT_FALSE(c->needsConfirmation(r.address.domain));
    EXPECT_EQ(c->probe.outcome, ProbeFacts::Outcome::AuthUsable);
    EXPECT_TRUE(c->probe.authMechanisms.contains(QStringLiteral("PLAIN")));
    EXPECT_EQ(c->probe.certificateIssuer, QStringLiteral("Outpost Autoconfig Test CA"));
    EXPECT_FALSE(c->reasons.isEmpty());
    // Without consent the address goes nowhere, and no credentials anywhere.
    for (const QJsonObject &req : log(QStringLiteral("web.log")))
        EXPECT_FALSE(QJsonDocument(req).toJson().contains("someone")) << QJsonDocument(req).toJson().toStdString();
    EXPECT_TRUE(log(QStringLiteral("smtp-auth.log")).isEmpty());
}

TEST_F(World, AddressGoesOnlyToTheProvidersOwnHttpsServerWithConsent)
{
    DiscoveryOptions o = worldOptions();
    o.sendAddressToProvider = true;
    const DiscoveryResult r = discover(QStringLiteral("someone@provider.test"), o);
    ASSERT_NE(r.chosenCandidate(), nullptr) << describe(r);
    int withAddress = 0;
    for (const QJsonObject &req : log(QStringLiteral("web.log"))) {
        const bool carries = QJsonDocument(req).toJson().contains("someone");
        if (!carries)
            continue;
        ++withAddress;
        EXPECT_EQ(req.value(QStringLiteral("scheme")).toString(), QStringLiteral("https"));
        EXPECT_TRUE(req.value(QStringLiteral("host")).toString().endsWith(QLatin1String("provider.test")));
        EXPECT_EQ(req.value(QStringLiteral("query")).toString(), QStringLiteral("emailaddress=someone%40provider.test"));
    }
    EXPECT_GE(withAddress, 1);
    const auto requests = log(QStringLiteral("web.log"));
    EXPECT_TRUE(std::any_of(requests.cbegin(), requests.cend(), [](const QJsonObject &req) {
        return req.value(QStringLiteral("scheme")).toString() == QLatin1String("http")
               && req.value(QStringLiteral("query")).toString().isEmpty();
    })) << "the HTTP tier is asked, without the address";
}

TEST_F(World, OnlyIspdbKnowsTheDomain)
{
    const DiscoveryResult r = discover(QStringLiteral("jo@ispdbonly.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("mail.ispdbonly.test"));
    EXPECT_EQ(c->server.port, 587);
    EXPECT_EQ(c->server.security, SmtpSecurity::StartTls);
    EXPECT_EQ(c->source, Source::Ispdb);
    EXPECT_EQ(c->server.username, QStringLiteral("jo")) << "%EMAILLOCALPART%";
    EXPECT_FALSE(c->needsConfirmation(r.address.domain));
    for (const QJsonObject &req : log(QStringLiteral("web.log"))) {
        if (req.value(QStringLiteral("host")).toString() == QLatin1String("ispdb.test")) {
            EXPECT_TRUE(req.value(QStringLiteral("query")).toString().isEmpty());
        }
    }
}

TEST_F(World, MxPointsAtAHostedProvider)
{
    DiscoveryOptions o = worldOptions();
    o.sendAddressToProvider = true; // consent covers the domain's own servers, never the host's
    const DiscoveryResult r = discover(QStringLiteral("someone@hosted.test"), o);
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.hoster.test"));
    EXPECT_EQ(c->server.port, 465);
    EXPECT_EQ(c->source, Source::MxIspdb);
    EXPECT_EQ(c->trust, Trust::Unauthenticated);
    EXPECT_TRUE(c->needsConfirmation(r.address.domain)) << "plain DNS, another domain";
    EXPECT_TRUE(r.contacted.contains(QStringLiteral("DNS MX hosted.test")));
    bool askedIspdbForHoster = false;
    for (const QJsonObject &req : log(QStringLiteral("web.log"))) {
        const QString path = req.value(QStringLiteral("path")).toString();
        if (path == QLatin1String("/v1.1/hoster.test"))
            askedIspdbForHoster = true;
        if (req.value(QStringLiteral("host")).toString() != QLatin1String("autoconfig.hosted.test")) {
            EXPECT_FALSE(QJsonDocument(req).toJson().contains("someone")) << QJsonDocument(req).toJson().toStdString();
        }
    }
    EXPECT_TRUE(askedIspdbForHoster);
}

TEST_F(World, SrvRecordOnly)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@srvonly.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("mail.srvonly.test"));
    EXPECT_EQ(c->server.port, 465);
    EXPECT_EQ(c->server.security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(c->source, Source::Srv);
    EXPECT_TRUE(c->needsConfirmation(r.address.domain));
    // _submission._tcp says "." (not offered): no candidate from it.
    EXPECT_EQ(std::count_if(r.candidates.cbegin(), r.candidates.cend(), [](const Candidate &x) { return x.source == Source::Srv; }), 1);
}

TEST_F(World, NothingPublishedButAProbeableServer)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@guessme.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.guessme.test"));
    EXPECT_EQ(c->server.port, 587);
    EXPECT_EQ(c->server.security, SmtpSecurity::StartTls);
    EXPECT_EQ(c->source, Source::Guess);
    EXPECT_EQ(c->probe.outcome, ProbeFacts::Outcome::AuthUsable);
    EXPECT_TRUE(c->needsConfirmation(r.address.domain));
    EXPECT_TRUE(log(QStringLiteral("smtp-auth.log")).isEmpty());
}

TEST_F(World, BrokenStartTlsIsNeverChosen)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@brokentls.test"));
    const auto broken = std::find_if(r.candidates.cbegin(), r.candidates.cend(), [](const Candidate &c) {
        return c.server.host == QLatin1String("smtp.brokentls.test");
    });
    ASSERT_NE(broken, r.candidates.cend()) << describe(r);
    EXPECT_EQ(broken->probe.outcome, ProbeFacts::Outcome::Failed);
    EXPECT_FALSE(broken->selectable(true));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("alt.brokentls.test"));
    EXPECT_EQ(c->server.port, 465);
}

TEST_F(World, GraceWindowSkipsASlowTier)
{
    // autoconfig.slow.test accepts connections and never answers; ISPDB
    // answers at once. Discovery waits 2.5 s for the more trusted tier, not 8.
    const DiscoveryResult r = discover(QStringLiteral("someone@slow.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.slow.test"));
    EXPECT_EQ(c->source, Source::Ispdb);
    EXPECT_GE(r.elapsedMs, 2400);
    EXPECT_LT(r.elapsedMs, 6000) << describe(r);
    EXPECT_TRUE(std::any_of(r.steps.cbegin(), r.steps.cend(), [](const DiscoveryStep &s) {
        return s.text.contains(QLatin1String("Not waiting any longer"));
    }));
}

TEST_F(World, PlaintextOnlyServerNeedsTheExplicitOptIn)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@plain.test"));
    EXPECT_EQ(r.chosenCandidate(), nullptr) << describe(r);
    for (const Candidate &c : r.candidates)
        EXPECT_NE(c.server.security, SmtpSecurity::None) << "plaintext is not even probed without the opt-in";

    DiscoveryOptions o = worldOptions();
    o.allowInsecure = true;
    const DiscoveryResult insecure = discover(QStringLiteral("someone@plain.test"), o);
    const Candidate *c = insecure.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(insecure);
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.plain.test"));
    EXPECT_EQ(c->server.security, SmtpSecurity::None);
    EXPECT_TRUE(c->needsConfirmation(insecure.address.domain));
    EXPECT_TRUE(c->reasons.join(u' ').contains(QLatin1String("never chosen unless you allow insecure servers")));
}

TEST_F(World, AllTiersTimingOutOfferManualSetupWithinTheBudget)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@timeout.test"));
    EXPECT_EQ(r.chosenCandidate(), nullptr) << describe(r);
    EXPECT_LE(r.elapsedMs, DiscoveryTimeouts{}.total + 500) << describe(r);
    EXPECT_TRUE(std::any_of(r.steps.cbegin(), r.steps.cend(), [](const DiscoveryStep &s) {
        return s.text.contains(QLatin1String("enter the settings by hand"));
    }));
}

TEST_F(World, PasswordOnlyAfterConfirmationAndOnlyToTheChosenServer)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@provider.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_TRUE(log(QStringLiteral("smtp-auth.log")).isEmpty()) << "discovery never signs in";

    Probe wrong(c->server, qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"), {});
    QSignalSpy wrongDone(&wrong, &Probe::finished);
    wrong.verify(c->server.username, QStringLiteral("not the password"));
    ASSERT_TRUE(wrongDone.wait(30000));
    EXPECT_EQ(wrong.facts().outcome, ProbeFacts::Outcome::Failed);
    EXPECT_EQ(wrong.advice(), LoginAdvice::BadPassword) << qPrintable(wrong.facts().error.message());

    Probe right(c->server, qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"), {});
    QSignalSpy rightDone(&right, &Probe::finished);
    right.verify(c->server.username, qEnvironmentVariable("AUTOCONFIG_WORLD_PASSWORD"));
    ASSERT_TRUE(rightDone.wait(30000));
    EXPECT_EQ(right.facts().outcome, ProbeFacts::Outcome::Verified) << qPrintable(right.facts().error.message());

    const auto attempts = log(QStringLiteral("smtp-auth.log"));
    ASSERT_EQ(attempts.size(), 2);
    for (const QJsonObject &a : attempts) {
        EXPECT_EQ(a.value(QStringLiteral("ip")).toString(), QStringLiteral("10.77.0.3"));
        EXPECT_EQ(a.value(QStringLiteral("port")).toInt(), 465);
    }
    EXPECT_FALSE(attempts[0].value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(attempts[1].value(QStringLiteral("ok")).toBool());
}

TEST_F(World, CommandLineAutoconfigAndAccountAdd)
{
    QProcess autoconfig;
    autoconfig.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("autoconfig"), QStringLiteral("someone@provider.test"), QStringLiteral("--json")});
    ASSERT_TRUE(autoconfig.waitForFinished(60000));
    EXPECT_EQ(autoconfig.exitCode(), 0) << autoconfig.readAllStandardError().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(autoconfig.readAllStandardOutput()).object();
    ASSERT_EQ(json.value(QStringLiteral("chosen")).toInt(-1), 0);
    const QJsonObject chosen = json.value(QStringLiteral("candidates")).toArray().first().toObject();
    EXPECT_EQ(chosen.value(QStringLiteral("host")).toString(), QStringLiteral("smtp.provider.test"));
    EXPECT_EQ(chosen.value(QStringLiteral("security")).toString(), QStringLiteral("tls"));
    EXPECT_EQ(chosen.value(QStringLiteral("source")).toString(), QStringLiteral("provider-https"));
    EXPECT_FALSE(chosen.value(QStringLiteral("reasons")).toArray().isEmpty());

    // account add without --host: discovery, a real sign-in, the keychain.
    const QString script = QStringLiteral(
        "set -e\n"
        "if printf 'wrong\\n' | \"$1\" account add --email someone@provider.test --password-stdin; then exit 10; fi\n"
        "\"$1\" account list --json | grep -q smtp.provider.test && exit 11\n"
        "printf '%s\\n' \"$AUTOCONFIG_WORLD_PASSWORD\" | \"$1\" account add --email someone@provider.test --password-stdin\n"
        "\"$1\" account list --json\n");
    const auto [exitCode, out, err] = WorldTest::runWithKeyring(script);
    ASSERT_EQ(exitCode, 0) << err.toStdString() << out.toStdString();
    EXPECT_TRUE(err.contains("not added")) << err.toStdString();
    const QJsonArray accounts = QJsonDocument::fromJson(out.mid(out.indexOf('['))).array();
    ASSERT_EQ(accounts.size(), 1) << out.toStdString();
    const QJsonObject a = accounts.first().toObject().value(QStringLiteral("smtp")).toObject();
    EXPECT_EQ(a.value(QStringLiteral("host")).toString(), QStringLiteral("smtp.provider.test"));
    EXPECT_EQ(a.value(QStringLiteral("port")).toInt(), 465);
    EXPECT_EQ(a.value(QStringLiteral("username")).toString(), QStringLiteral("someone@provider.test"));
    EXPECT_FALSE(out.contains(qgetenv("AUTOCONFIG_WORLD_PASSWORD")));
}

TEST_F(World, LocalOverrideFileWinsAndAsksNoOne)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile f(dir.filePath(QStringLiteral("provider.test.xml")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("<clientConfig version=\"1.1\"><emailProvider id=\"provider.test\"><domain>provider.test</domain>"
            "<outgoingServer type=\"smtp\"><hostname>smtp.provider.test</hostname><port>587</port>"
            "<socketType>STARTTLS</socketType><authentication>password-cleartext</authentication>"
            "<username>%EMAILLOCALPART%</username></outgoingServer></emailProvider></clientConfig>");
    f.close();
    DiscoveryOptions o = worldOptions();
    o.overrideDirs = {dir.path()};
    const DiscoveryResult r = discover(QStringLiteral("someone@provider.test"), o);
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->source, Source::LocalFile);
    EXPECT_EQ(c->server.port, 587) << "the local file decides, even against the provider's own server";
    EXPECT_EQ(c->server.username, QStringLiteral("someone"));
    EXPECT_EQ(c->probe.outcome, ProbeFacts::Outcome::AuthUsable);
    EXPECT_TRUE(log(QStringLiteral("web.log")).isEmpty()) << "nothing is asked on the network";
}
