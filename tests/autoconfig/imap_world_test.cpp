// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery of the IMAP server for the Sent copy (issue 20), in the little
// internet of tests/scripts/autoconfig_world.py: provider files and ISPDB
// entries with <incomingServer type="imap">, IMAP SRV records, and real
// Dovecot servers for the guesses (993 and 143; 143 with STARTTLS only; 143
// without STARTTLS) and a tarpit that never answers.
#include "core/autoconfig/discovery.h"

#include "tests/autoconfig/worldtest.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>

using namespace Core::Autoconfig;
using Core::SmtpSecurity;

using WorldTest::describe;
using WorldTest::discover;

namespace {

class ImapWorld : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Never skipped: outside the world, this is a broken setup.
        ASSERT_FALSE(WorldTest::worldDir().isEmpty()) << "run through tests/scripts/autoconfig_world.py";
    }

    /// The log of the Dovecot on 10.77.0.<n>.
    static QString dovecotLog(int n)
    {
        QFile f(QDir(WorldTest::worldDir()).filePath(QStringLiteral("imap-%1/dovecot.log").arg(n)));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
};

} // namespace

TEST_F(ImapWorld, TheProviderFileNamesTheImapServer)
{
    const qsizetype logBefore = dovecotLog(15).size();
    const DiscoveryResult r = discover(QStringLiteral("someone@provider.test"));
    ASSERT_NE(r.chosenCandidate(), nullptr) << describe(r);
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("imap.provider.test"));
    EXPECT_EQ(imap->server.port, 993);
    EXPECT_EQ(imap->server.security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(imap->server.username, QStringLiteral("someone@provider.test"));
    EXPECT_EQ(imap->source, Source::ProviderHttps);
    EXPECT_EQ(imap->trust, Trust::Authenticated);
    EXPECT_FALSE(imap->needsConfirmation(r.address.domain));
    EXPECT_EQ(imap->probe.outcome, ProbeFacts::Outcome::AuthUsable);
    EXPECT_TRUE(imap->probe.authMechanisms.contains(QStringLiteral("PLAIN"))) << describe(r);
    EXPECT_TRUE(imap->probe.extensions.contains(QStringLiteral("IMAP4REV1"))) << describe(r);
    // The probe never signs in: Dovecot saw a connection without any attempt.
    ASSERT_EVENTUALLY(dovecotLog(15).mid(logBefore).contains(QLatin1String("no auth attempts")), 5000) << dovecotLog(15).toStdString();
    const QString log = dovecotLog(15).mid(logBefore);
    EXPECT_FALSE(log.contains(QLatin1String("Login: user="))) << log.toStdString();
    EXPECT_FALSE(log.contains(QLatin1String("auth failed"))) << log.toStdString();
}

TEST_F(ImapWorld, IspdbEntryWithStartTlsAndTheLocalPart)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@ispdbonly.test"));
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("imap.ispdbonly.test"));
    EXPECT_EQ(imap->server.port, 143);
    EXPECT_EQ(imap->server.security, SmtpSecurity::StartTls);
    EXPECT_EQ(imap->server.username, QStringLiteral("someone"));
    EXPECT_EQ(imap->source, Source::Ispdb);
    EXPECT_EQ(imap->probe.outcome, ProbeFacts::Outcome::AuthUsable) << describe(r);
    EXPECT_FALSE(imap->probe.extensions.contains(QStringLiteral("STARTTLS"))) << "capabilities are read again after TLS";
}

TEST_F(ImapWorld, SrvRecordsPreferImplicitTlsAndHonourTheDot)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@srvonly.test"));
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("imap.srvonly.test"));
    EXPECT_EQ(imap->server.port, 993);
    EXPECT_EQ(imap->server.security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(imap->source, Source::Srv);
    EXPECT_EQ(imap->origin, QStringLiteral("_imaps._tcp.srvonly.test"));
    EXPECT_TRUE(imap->needsConfirmation(r.address.domain)) << "plain DNS";
    // "_imap._tcp" has the target "." (not offered), and nothing is guessed
    // when a source named a server.
    EXPECT_EQ(r.imapCandidates.size(), 1) << describe(r);
    EXPECT_TRUE(r.contacted.contains(QStringLiteral("DNS SRV _imap._tcp.srvonly.test")));

    const DiscoveryResult startTls = discover(QStringLiteral("someone@imapsrv.test"));
    const ImapCandidate *viaStartTls = startTls.imap();
    ASSERT_NE(viaStartTls, nullptr) << describe(startTls);
    EXPECT_EQ(viaStartTls->server.host, QStringLiteral("mail.starttlsonly.test"));
    EXPECT_EQ(viaStartTls->server.port, 143);
    EXPECT_EQ(viaStartTls->server.security, SmtpSecurity::StartTls);
    EXPECT_EQ(viaStartTls->source, Source::Srv);
    EXPECT_EQ(viaStartTls->probe.outcome, ProbeFacts::Outcome::AuthUsable) << "LOGINDISABLED only before STARTTLS";
}

TEST_F(ImapWorld, GuessesPreferImplicitTls)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@guessme.test"));
    ASSERT_NE(r.chosenCandidate(), nullptr) << describe(r);
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("imap.guessme.test"));
    EXPECT_EQ(imap->server.port, 993);
    EXPECT_EQ(imap->server.security, SmtpSecurity::ImplicitTls);
    EXPECT_EQ(imap->source, Source::Guess);
    EXPECT_TRUE(imap->needsConfirmation(r.address.domain));
    EXPECT_TRUE(imap->server.username.isEmpty()) << "a guess knows no user name";
}

TEST_F(ImapWorld, GuessOn143WithStartTls)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@starttlsonly.test"));
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("mail.starttlsonly.test"));
    EXPECT_EQ(imap->server.port, 143);
    EXPECT_EQ(imap->server.security, SmtpSecurity::StartTls);
    EXPECT_EQ(imap->source, Source::Guess);
}

TEST_F(ImapWorld, A143WithoutStartTlsIsNeverOffered)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@notls.test"));
    EXPECT_EQ(r.imap(), nullptr) << describe(r);
    const auto it = std::find_if(r.imapCandidates.cbegin(), r.imapCandidates.cend(), [](const ImapCandidate &c) {
        return c.server.host == QLatin1String("imap.notls.test") && c.server.port == 143;
    });
    ASSERT_NE(it, r.imapCandidates.cend()) << "the server answered and was refused: " << describe(r);
    EXPECT_EQ(it->probe.outcome, ProbeFacts::Outcome::Failed);
    EXPECT_EQ(it->probe.error.code(), Core::Error::Code::Tls);
    EXPECT_TRUE(it->probe.error.message().contains(QLatin1String("STARTTLS"))) << it->probe.error.message().toStdString();
}

TEST_F(ImapWorld, AnImapServerThatNeverAnswersDoesNotHoldTheOutgoingServerUp)
{
    const DiscoveryResult r = discover(QStringLiteral("someone@slowimap.test"));
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.hoster.test"));
    EXPECT_EQ(r.imap(), nullptr) << describe(r);
    // The SMTP side takes well under a second here; the tarpit would hold
    // the probe for its whole 20 s. The IMAP side gets 2 s more at most.
    EXPECT_LT(r.elapsedMs, 2000 + 3000) << describe(r);
    EXPECT_FALSE(r.timedOut);
    EXPECT_TRUE(std::any_of(r.steps.cbegin(), r.steps.cend(), [](const DiscoveryStep &s) {
        return s.text.contains(QLatin1String("Not waiting any longer for the IMAP server"));
    })) << describe(r);
}

TEST_F(ImapWorld, DroppedImapSrvQueriesDoNotLoseTheProvidersImapServer)
{
    // srvdrop.test's HTTPS autoconfig answers at once with its IMAP server;
    // its resolver drops the _imaps/_imap SRV queries, which end only with
    // the resolver's time-out (2 s in the world). The IMAP side gets 300 ms
    // after the SMTP side here: it must not wait for those SRV answers.
    DiscoveryOptions options = WorldTest::worldOptions();
    options.timeouts.imapAfterSmtp = 300;
    const DiscoveryResult r = discover(QStringLiteral("someone@srvdrop.test"), options);
    const Candidate *c = r.chosenCandidate();
    ASSERT_NE(c, nullptr) << describe(r);
    EXPECT_EQ(c->server.host, QStringLiteral("smtp.srvdrop.test"));
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("imap.srvdrop.test"));
    EXPECT_EQ(imap->server.port, 993);
    EXPECT_EQ(imap->source, Source::ProviderHttps);
    EXPECT_EQ(imap->probe.outcome, ProbeFacts::Outcome::AuthUsable) << describe(r);
    EXPECT_TRUE(r.contacted.contains(QStringLiteral("DNS SRV _imaps._tcp.srvdrop.test")));
    // Nothing waited for the dropped queries.
    EXPECT_LT(r.elapsedMs, 1500) << describe(r);
}

TEST_F(ImapWorld, AnImapSrvAnswerAfterTheProviderFileJoinsTheRanking)
{
    // srvlate.test's file names imap.srvlate.test:143, which has no
    // STARTTLS; its _imaps SRV record, half a second later, names
    // mail.srvlate.test:993, which answers. The finder has started on the
    // file by then: the late answer joins it.
    const DiscoveryResult r = discover(QStringLiteral("someone@srvlate.test"));
    ASSERT_NE(r.chosenCandidate(), nullptr) << describe(r);
    const ImapCandidate *imap = r.imap();
    ASSERT_NE(imap, nullptr) << describe(r);
    EXPECT_EQ(imap->server.host, QStringLiteral("mail.srvlate.test"));
    EXPECT_EQ(imap->server.port, 993);
    EXPECT_EQ(imap->source, Source::Srv);
    EXPECT_EQ(imap->origin, QStringLiteral("_imaps._tcp.srvlate.test"));
    EXPECT_EQ(imap->probe.outcome, ProbeFacts::Outcome::AuthUsable) << describe(r);
    const auto failed = std::find_if(r.imapCandidates.cbegin(), r.imapCandidates.cend(), [](const ImapCandidate &c) {
        return c.server.host == QLatin1String("imap.srvlate.test");
    });
    ASSERT_NE(failed, r.imapCandidates.cend()) << describe(r);
    EXPECT_EQ(failed->probe.outcome, ProbeFacts::Outcome::Failed);
    // Ranked as before: the provider file above SRV, whatever came first.
    EXPECT_LT(failed - r.imapCandidates.cbegin(), imap - r.imapCandidates.data()) << describe(r);
    const auto probeStarted = std::find_if(r.steps.cbegin(), r.steps.cend(), [](const DiscoveryStep &s) {
        return s.text.contains(QLatin1String("Trying the IMAP server imap.srvlate.test"));
    });
    ASSERT_NE(probeStarted, r.steps.cend()) << describe(r);
    EXPECT_LT(probeStarted->elapsedMs, 400) << "the file's server is probed before the SRV answer: " << describe(r);
    // Nothing is guessed when sources named servers.
    EXPECT_EQ(r.imapCandidates.size(), 2) << describe(r);
}

TEST_F(ImapWorld, CommandLineAutoconfigPrintsTheImapServer)
{
    QProcess found;
    found.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("autoconfig"), QStringLiteral("someone@provider.test"), QStringLiteral("--json")});
    ASSERT_TRUE(found.waitForFinished(60000));
    ASSERT_EQ(found.exitCode(), 0) << found.readAllStandardError().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(found.readAllStandardOutput()).object();
    const QJsonObject imap = json.value(QStringLiteral("imap")).toObject();
    EXPECT_EQ(imap.value(QStringLiteral("host")).toString(), QStringLiteral("imap.provider.test")) << QJsonDocument(json).toJson().toStdString();
    EXPECT_EQ(imap.value(QStringLiteral("port")).toInt(), 993);
    EXPECT_EQ(imap.value(QStringLiteral("security")).toString(), QStringLiteral("tls"));
    EXPECT_EQ(imap.value(QStringLiteral("username")).toString(), QStringLiteral("someone@provider.test"));
    EXPECT_EQ(imap.value(QStringLiteral("source")).toString(), QStringLiteral("provider-https"));
    EXPECT_EQ(imap.value(QStringLiteral("probe")).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("auth-usable"));

    QProcess none;
    none.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("autoconfig"), QStringLiteral("someone@notls.test"), QStringLiteral("--json")});
    ASSERT_TRUE(none.waitForFinished(60000));
    const QJsonObject noneJson = QJsonDocument::fromJson(none.readAllStandardOutput()).object();
    ASSERT_TRUE(noneJson.contains(QStringLiteral("imap"))) << QJsonDocument(noneJson).toJson().toStdString();
    EXPECT_TRUE(noneJson.value(QStringLiteral("imap")).isNull());

    // The human output has a line for it.
    QProcess human;
    human.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("autoconfig"), QStringLiteral("someone@provider.test")});
    ASSERT_TRUE(human.waitForFinished(60000));
    const QString out = QString::fromUtf8(human.readAllStandardOutput());
    EXPECT_TRUE(out.contains(QLatin1String("IMAP server for the Sent copy: imap.provider.test:993"))) << out.toStdString();
}

TEST_F(ImapWorld, AccountAddWithoutHostTakesTheImapServerFromDiscovery)
{
    const QString script = QStringLiteral(
        "set -e\n"
        "printf '%s\\n' \"$AUTOCONFIG_WORLD_PASSWORD\" | \"$1\" account add --email someone@provider.test --password-stdin\n"
        "\"$1\" account list --json\n");
    const auto [exitCode, out, err] = WorldTest::runWithKeyring(script);
    ASSERT_EQ(exitCode, 0) << err.toStdString() << out.toStdString();
    const QJsonArray accounts = QJsonDocument::fromJson(out.mid(out.indexOf('['))).array();
    ASSERT_EQ(accounts.size(), 1) << out.toStdString();
    const QJsonObject imap = accounts.first().toObject().value(QStringLiteral("imap")).toObject();
    EXPECT_EQ(imap.value(QStringLiteral("host")).toString(), QStringLiteral("imap.provider.test")) << out.toStdString();
    EXPECT_EQ(imap.value(QStringLiteral("port")).toInt(), 993);
    EXPECT_EQ(imap.value(QStringLiteral("security")).toString(), QStringLiteral("tls"));
    EXPECT_TRUE(err.contains("imap.provider.test")) << "it says where the copy will go: " << err.toStdString();
}
