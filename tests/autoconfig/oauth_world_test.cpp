// SPDX-License-Identifier: GPL-3.0-or-later
// `outpost autoconfig ADDRESS --json` for the providers that sign in with
// OAuth 2.0, against the private internet of tests/scripts/autoconfig_world.py:
// real DNS (MX records of a domain of one's own behind Microsoft 365 and
// Google Workspace), real HTTPS (ISPDB files with <oAuth2> blocks, one of
// them always late), real SMTP servers offering XOAUTH2 and OAUTHBEARER.
// Each address is asked 20 times: the answer must never change.
#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>

namespace {

constexpr int Runs = 20;

struct Expected
{
    QString host;
    int port;
    QString security;
    QString issuer;
};

class OAuthWorld : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Never skipped: outside the world, this is a broken setup.
        ASSERT_FALSE(qEnvironmentVariable("AUTOCONFIG_WORLD_DIR").isEmpty()) << "run through tests/scripts/autoconfig_world.py";
        ASSERT_TRUE(m_home.isValid());
        QFile::resize(QDir(qEnvironmentVariable("AUTOCONFIG_WORLD_DIR")).filePath(QStringLiteral("smtp-auth.log")), 0);
    }

    // One run of the command line, as a person (or a script) would type it.
    QJsonObject autoconfig(const QString &address)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No override file of this machine may decide (§9.3, T0).
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("autoconfig"), address, QStringLiteral("--json")});
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            ADD_FAILURE() << "outpost autoconfig " << address.toStdString() << " did not finish: " << p.errorString().toStdString();
            return {};
        }
        m_lastStderr = p.readAllStandardError();
        m_lastExitCode = p.exitCode();
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

    void expectStable(const QString &address, const Expected &want)
    {
        QSet<QString> answers;
        for (int run = 0; run < Runs; ++run) {
            const QJsonObject json = autoconfig(address);
            const QJsonArray candidates = json.value(QStringLiteral("candidates")).toArray();
            const QJsonObject first = candidates.first().toObject();
            auto text = [&](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString().toStdString(); };
            // The ranking: the right server first, whatever answered first.
            EXPECT_EQ(text(first, "host"), want.host.toStdString()) << "run " << run + 1;
            // ... and chosen, signing in with OAuth 2.0.
            EXPECT_EQ(json.value(QStringLiteral("chosen")).toInt(-1), 0) << "run " << run + 1;
            EXPECT_EQ(m_lastExitCode, 0);
            EXPECT_EQ(text(first, "auth"), "oauth2");
            EXPECT_EQ(first.value(QStringLiteral("port")).toInt(), want.port);
            EXPECT_EQ(text(first, "security"), want.security.toStdString());
            EXPECT_TRUE(first.value(QStringLiteral("selectable")).toBool());
            const QJsonObject oauth2 = first.value(QStringLiteral("oauth2")).toObject();
            EXPECT_EQ(text(oauth2, "issuer"), want.issuer.toStdString());
            EXPECT_TRUE(oauth2.value(QStringLiteral("auth_url")).toString().startsWith(QLatin1String("https://")));
            EXPECT_TRUE(oauth2.value(QStringLiteral("token_url")).toString().startsWith(QLatin1String("https://")));
            EXPECT_FALSE(oauth2.value(QStringLiteral("scope")).toString().isEmpty());
            if (HasFailure()) { // one run's output says it all
                ADD_FAILURE() << "run " << run + 1 << " of " << address.toStdString() << ":\n"
                              << QJsonDocument(json).toJson().toStdString() << m_lastStderr.toStdString();
                return;
            }
            answers << QStringLiteral("%1:%2 %3").arg(first.value(QStringLiteral("host")).toString())
                           .arg(first.value(QStringLiteral("port")).toInt())
                           .arg(first.value(QStringLiteral("auth")).toString());
        }
        EXPECT_EQ(answers.size(), 1) << QStringList(answers.values()).join(u',').toStdString();
        // Discovery never signs in: the servers' AUTH log stays empty.
        QFile authLog(QDir(qEnvironmentVariable("AUTOCONFIG_WORLD_DIR")).filePath(QStringLiteral("smtp-auth.log")));
        EXPECT_TRUE(!authLog.open(QIODevice::ReadOnly) || authLog.readAll().trimmed().isEmpty());
    }

    QTemporaryDir m_home;
    QByteArray m_lastStderr;
    int m_lastExitCode = -1;
};

} // namespace

TEST_F(OAuthWorld, OutlookComIsChosenWithOAuth2)
{
    expectStable(QStringLiteral("alice@outlook.com"),
                 {QStringLiteral("smtp-mail.outlook.com"), 587, QStringLiteral("starttls"), QStringLiteral("login.microsoftonline.com")});
}

TEST_F(OAuthWorld, Microsoft365CustomDomainWinsOverTheConsumerServer)
{
    // MX m365-test.mail.protection.outlook.com: the answer for
    // mail.protection.outlook.com (Microsoft 365) comes a second after the
    // one for outlook.com (the consumer service) and must still win.
    expectStable(QStringLiteral("alice@m365.test"),
                 {QStringLiteral("smtp.office365.com"), 587, QStringLiteral("starttls"), QStringLiteral("login.microsoftonline.com")});
}

TEST_F(OAuthWorld, GoogleWorkspaceCustomDomain)
{
    // MX aspmx.l.google.com; the server offers passwords too, and Google
    // is signed in to with OAuth 2.0.
    expectStable(QStringLiteral("alice@workspace.test"),
                 {QStringLiteral("smtp.gmail.com"), 465, QStringLiteral("tls"), QStringLiteral("accounts.google.com")});
}
