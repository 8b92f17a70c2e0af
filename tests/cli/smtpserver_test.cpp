// SPDX-License-Identifier: GPL-3.0-or-later
// The real `outpost` against nodemailer's smtp-server (npm, pinned,
// installed by tests/scripts/smtpserver_server.py on first use), a third
// SMTP implementation besides Postfix and aiosmtpd (issue 19): STARTTLS
// and AUTH, implicit TLS, a wrong password; and the server's own log
// must show no error and a QUIT for every session.
#include "tests/cli/acceptance.h"
#include "tests/support/testcerts.h"

namespace {

class SmtpServerFixture : public AcceptanceFixture
{
protected:
    void start(bool implicitTls = false, const QByteArray &password = "secret", bool verify = true)
    {
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) << "run through with_keyring.sh";
        const auto &certs = TestCerts::paths();
        QStringList args{TestUtil::scriptPath("smtpserver_server.py"), QStringLiteral("--outdir"), m_received,
                         QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey};
        if (implicitTls)
            args << QStringLiteral("--implicit-tls");
        m_server = std::make_unique<ServerProcess>(TestUtil::python(), args, 300000); // (npm on first use)
        ASSERT_TRUE(m_server->ok());
        m_extraEnvironment.insert(QStringLiteral("OUTPOST_EXTRA_CA_FILE"), certs.caCert);
        QStringList add{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Test"),
                        QStringLiteral("--email"), QStringLiteral("ada@example.org"), QStringLiteral("--host"),
                        QStringLiteral("localhost"), QStringLiteral("--port"), m_server->ready(),
                        QStringLiteral("--security"), implicitTls ? QStringLiteral("tls") : QStringLiteral("starttls"),
                        QStringLiteral("--username"), QStringLiteral("user"), QStringLiteral("--password-stdin")};
        if (!verify)
            add << QStringLiteral("--no-verify");
        const CliRun r = run(add, {}, password + '\n');
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    // Every session ended with QUIT but `abandoned` ones, none with an error.
    void expectCleanServerLog(int abandoned = 0)
    {
        m_server.reset(); // stopped: the log is complete
        expectCleanLog(m_home.filePath(QStringLiteral("smtp-server.log")), QStringLiteral("Connection closed to"),
                       {QStringLiteral(" ERROR "), QStringLiteral("after error")}, abandoned);
    }
};

} // namespace

TEST_F(SmtpServerFixture, ASmallMessage)
{
    start();
    smallMessage();
    expectCleanServerLog();
}

TEST_F(SmtpServerFixture, AUtf8MessageWithA5MiBAttachment)
{
    start();
    utf8MessageWithA5MiBAttachment();
    expectCleanServerLog();
}

TEST_F(SmtpServerFixture, FiftyQueuedMessagesInOneFlush)
{
    start();
    fiftyQueuedInOneFlush();
    expectCleanServerLog();
}

TEST_F(SmtpServerFixture, OneOfThreeRecipientsRefused)
{
    start();
    oneOfThreeRecipientsRefused();
    // Known: DATA went out pipelined with the envelope, the server answered
    // 354 for the two it accepted, and an all-or-nothing message can then
    // only be abandoned by closing without the final dot (RFC 5321 §4.1.1.4
    // has no other way out of DATA): that session ends without QUIT.
    expectCleanServerLog(1);
}

TEST_F(SmtpServerFixture, ImplicitTls)
{
    start(true);
    smallMessage();
    expectCleanServerLog();
}

TEST_F(SmtpServerFixture, AWrongPasswordHoldsTheMessageForCredentials)
{
    start(false, "wrong", false);
    wrongPasswordHoldsForCredentials();
    expectCleanServerLog();
}
