// SPDX-License-Identifier: GPL-3.0-or-later
// `outpost account add --host …` against a real aiosmtpd that requires
// STARTTLS and AUTH, with a real keychain (issue 19): the password is
// tried before anything is saved, and --no-verify says that it was not.
#include <QJsonDocument>

#include "tests/cli/clitest.h"
#include "tests/support/testcerts.h"

namespace {

class AccountAddFixture : public CliFixture
{
protected:
    void SetUp() override
    {
        CliFixture::SetUp();
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) << "run through with_keyring.sh";
        const auto &certs = TestCerts::paths();
        m_server = std::make_unique<ServerProcess>(
            TestUtil::python(),
            QStringList{TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), m_received,
                        QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey,
                        QStringLiteral("--user"), QStringLiteral("ada"), QStringLiteral("--password"),
                        QStringLiteral("right horse")});
        ASSERT_TRUE(m_server->ok());
        m_port = m_server->ready();
        m_extraEnvironment.insert(QStringLiteral("OUTPOST_EXTRA_CA_FILE"), certs.caCert);
    }

    CliRun add(const QByteArray &password, const QStringList &extra = {}) const
    {
        return run(QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--email"),
                               QStringLiteral("ada@example.org"), QStringLiteral("--host"), QStringLiteral("localhost"),
                               QStringLiteral("--port"), m_port, QStringLiteral("--security"), QStringLiteral("starttls"),
                               QStringLiteral("--username"), QStringLiteral("ada"), QStringLiteral("--password-stdin")}
                       + extra,
                   {}, password + '\n');
    }

    QJsonArray accounts() const
    {
        const CliRun r = run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QString m_port;
};

} // namespace

TEST_F(AccountAddFixture, AWrongPasswordIsRefusedAndNothingIsSaved)
{
    const CliRun r = add("wrong horse");
    EXPECT_EQ(r.exitCode, 77) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("not added"))) << r.err.toStdString();
    EXPECT_TRUE(accounts().isEmpty()) << "an account with a wrong password was saved";
}

TEST_F(AccountAddFixture, TheRightPasswordSignsInThenSaves)
{
    const CliRun r = add("right horse");
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("Signed in successfully."))) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Added account"))) << r.out.toStdString();
    ASSERT_EQ(accounts().size(), 1);
    // And the saved account works: `account test` signs in with the keychain's password.
    const CliRun test = run({QStringLiteral("account"), QStringLiteral("test"), QStringLiteral("ada@example.org"),
                             QStringLiteral("--json")});
    EXPECT_EQ(test.exitCode, 0) << test.out.toStdString() << test.err.toStdString();
}

TEST_F(AccountAddFixture, NoVerifySavesWithoutSigningInAndSaysSo)
{
    const CliRun r = add("wrong horse", {QStringLiteral("--no-verify")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("--no-verify"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("not checked"))) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("Signed in"))) << r.err.toStdString();
    EXPECT_EQ(accounts().size(), 1);
}
