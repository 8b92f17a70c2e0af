// SPDX-License-Identifier: GPL-3.0-or-later
// The real `outpost` against a real Haraka (npm, pinned, installed by
// tests/scripts/haraka_server.py on first use) with implicit TLS and AUTH
// through Haraka's own flat-file plugin (issue 19's matrix, the two cases
// haraka_test.cpp's plain Haraka cannot serve): a message over implicit TLS
// after signing in, and a wrong password. Haraka's log must show no error
// and the client's QUIT for every session.
#include "tests/cli/acceptance.h"
#include "tests/support/testcerts.h"

#include <QJsonObject>

namespace {

class HarakaAuthFixture : public AcceptanceFixture
{
protected:
    // Haraka on implicit TLS with the user "user" and the password
    // "secret"; the account says `password`.
    void start(const QByteArray &password = "secret", bool verify = true)
    {
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) << "run through with_keyring.sh";
        const auto &certs = TestCerts::paths();
        m_server = std::make_unique<ServerProcess>(
            TestUtil::python(),
            QStringList{TestUtil::scriptPath("haraka_server.py"), QStringLiteral("--outdir"), m_received,
                        QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey,
                        QStringLiteral("--user"), QStringLiteral("user"), QStringLiteral("--password"),
                        QStringLiteral("secret")},
            300000); // (npm on first use)
        ASSERT_TRUE(m_server->ok());
        m_extraEnvironment.insert(QStringLiteral("OUTPOST_EXTRA_CA_FILE"), certs.caCert);
        QStringList add{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Test"),
                        QStringLiteral("--email"), QStringLiteral("ada@example.org"), QStringLiteral("--host"),
                        QStringLiteral("localhost"), QStringLiteral("--port"), m_server->ready(),
                        QStringLiteral("--security"), QStringLiteral("tls"), QStringLiteral("--username"),
                        QStringLiteral("user"), QStringLiteral("--password-stdin")};
        if (!verify)
            add << QStringLiteral("--no-verify");
        const CliRun r = run(add, {}, password + '\n');
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    // Every session ended with the client's QUIT, none with an error.
    void expectCleanHarakaLog()
    {
        m_server.reset(); // stopped: the log is complete
        expectCleanLog(m_home.filePath(QStringLiteral("haraka.log")), QStringLiteral("[core] disconnect ip="),
                       {QStringLiteral("client connection error"), QStringLiteral("[ERROR]")});
    }
};

} // namespace

TEST_F(HarakaAuthFixture, ImplicitTlsAndAuth)
{
    start();
    smallMessage();
    expectCleanHarakaLog();
}

TEST_F(HarakaAuthFixture, AWrongPasswordHoldsTheMessageForCredentials)
{
    start("wrong", false);
    wrongPasswordHoldsForCredentials();
    expectCleanHarakaLog();
}
