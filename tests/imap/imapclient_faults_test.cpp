// SPDX-License-Identifier: GPL-3.0-or-later
// Faults Dovecot cannot produce on demand, from a scripted IMAP server in
// this process: the connection cut during the APPEND literal, after the
// whole message but before the tagged answer, and after the tagged OK;
// LOGIN when no SASL mechanism fits; a server that answers a tag never sent.
#include "core/imap/imapclient.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>

#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"

using Core::ImapClient;
using Core::ImapSecurity;
using Core::ImapServerSettings;
using Core::SentCopyResult;
using Kind = Core::SentCopyResult::Kind;

namespace {

/// Hands out QSslSockets, so that a connection can start TLS (STARTTLS).
class SslServer final : public QTcpServer
{
public:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        addPendingConnection(socket);
    }
};

/// Answers each command as a small server does; `cut` says where it drops
/// the connection during or after APPEND.
class ScriptedImapServer final : public QObject
{
public:
    enum class Cut { Never, DuringLiteral, BeforeTaggedOk, AfterTaggedOk };

    explicit ScriptedImapServer(Cut cut,
                                QByteArray capabilities = "IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN")
        : m_cut(cut)
        , m_capabilities(std::move(capabilities))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = static_cast<QSslSocket *>(m_server.nextPendingConnection());
            m_socket->write("* OK [CAPABILITY " + m_capabilities + "] scripted\r\n");
            connect(m_socket, &QSslSocket::readyRead, this, &ScriptedImapServer::onRead);
        });
    }

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> commands;
    QByteArray appended;
    QByteArray stallOn; ///< a verb left unanswered
    QByteArray afterStartTls; ///< plaintext sent right behind the OK to STARTTLS
    QByteArray capabilitiesAnswer = "IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN"; ///< to CAPABILITY
    bool refuseToken = false; ///< AUTHENTICATE gets an RFC 7628 error challenge, then NO
    bool garbledList = false; ///< LIST gets a line no IMAP parser can read

private:
    void onRead()
    {
        m_buffer += m_socket->readAll();
        for (;;) {
            if (m_literalLeft > 0) {
                const qsizetype take = std::min(m_literalLeft, m_buffer.size());
                appended += m_buffer.left(take);
                m_buffer.remove(0, take);
                m_literalLeft -= take;
                if (m_cut == Cut::DuringLiteral && appended.size() > 10) {
                    m_socket->abort();
                    return;
                }
                if (m_literalLeft > 0)
                    return;
                continue;
            }
            const qsizetype lf = m_buffer.indexOf("\r\n");
            if (lf < 0)
                return;
            const QByteArray line = m_buffer.left(lf);
            m_buffer.remove(0, lf + 2);
            if (!m_saslTag.isEmpty()) { // the client's answer to the error challenge
                commands << line;
                m_socket->write(m_saslTag + " NO [AUTHENTICATIONFAILED] token refused\r\n");
                m_saslTag.clear();
                continue;
            }
            if (m_inAppend) { // the CRLF after the literal ends APPEND
                m_inAppend = false;
                if (m_cut == Cut::BeforeTaggedOk) {
                    m_socket->abort();
                    return;
                }
                m_socket->write(m_appendTag + " OK [APPENDUID 7 42] APPEND completed\r\n");
                if (m_cut == Cut::AfterTaggedOk) {
                    m_socket->flush();
                    m_socket->abort();
                    return;
                }
                continue;
            }
            answer(line);
        }
    }

    void answer(const QByteArray &line)
    {
        commands << line;
        const QList<QByteArray> words = line.split(' ');
        const QByteArray tag = words.value(0);
        const QByteArray verb = words.value(1).toUpper();
        if (verb == "APPEND") {
            const qsizetype open = line.lastIndexOf('{');
            const bool sync = !line.endsWith("+}");
            m_literalLeft = line.mid(open + 1, line.size() - open - (sync ? 2 : 3)).toLongLong();
            m_appendTag = tag;
            m_inAppend = true;
            if (sync)
                m_socket->write("+ go ahead\r\n");
            return;
        }
        if (verb == stallOn)
            return;
        if (verb == "STARTTLS") {
            // The OK and, in the same packet, what an attacker on the wire
            // would add: it must be dropped, never read as a response.
            m_socket->write(tag + " OK Begin TLS now\r\n" + afterStartTls);
            m_socket->flush();
            m_socket->setLocalCertificate(TestCerts::paths().serverCert);
            m_socket->setPrivateKey(TestCerts::paths().serverKey);
            m_socket->startServerEncryption();
            return;
        }
        if (verb == "CAPABILITY")
            m_socket->write("* CAPABILITY " + capabilitiesAnswer + "\r\n");
        if (verb == "AUTHENTICATE" && refuseToken) {
            m_saslTag = tag;
            m_socket->write("+ " + QByteArray(R"({"status":"invalid_token"})").toBase64() + "\r\n");
            return;
        }
        if (verb == "LIST" && garbledList) {
            m_socket->write("* LIST (\\Sent \"/\" \"Sent\r\n");
            return;
        }
        if (verb == "LIST")
            m_socket->write("* LIST (\\Sent) \"/\" Sent\r\n");
        if (verb == "SEARCH")
            m_socket->write("* SEARCH\r\n");
        if (verb == "LOGOUT")
            m_socket->write("* BYE bye\r\n");
        m_socket->write(tag + " OK done\r\n");
    }

    Cut m_cut;
    QByteArray m_capabilities;
    SslServer m_server;
    QSslSocket *m_socket = nullptr;
    QByteArray m_buffer;
    qsizetype m_literalLeft = 0;
    bool m_inAppend = false;
    QByteArray m_appendTag;
    QByteArray m_saslTag;
};

QByteArray message()
{
    return "Date: Sun, 06 Dec 2026 15:04:05 +0100\r\nMessage-ID: <fault@example.org>\r\n"
           "Subject: x\r\n\r\n"
        + QByteArray(2000, 'x') + "\r\n";
}

SentCopyResult run(ScriptedImapServer &server,
                   const Core::SaslCredentials &credentials
                   = {QStringLiteral("ada"), QStringLiteral("pw \"q\""), {}, {}, 0},
                   ImapSecurity security = ImapSecurity::None)
{
    ImapServerSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = security;
    s.allowCleartextAuth = true;
    s.extraCaFile = TestCerts::paths().caCert;
    s.timeouts.command = server.stallOn.isEmpty() ? 10'000 : 500;
    s.timeouts.upload = s.timeouts.appendReply = 10'000;
    ImapClient client(s);
    client.setCredentials(credentials);
    QSignalSpy finished(&client, &ImapClient::finished);
    client.fileInSent({message(), {}, false});
    EXPECT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000));
    return finished.isEmpty() ? SentCopyResult {}
                              : finished.first().first().value<SentCopyResult>();
}

TEST(ImapClientFaults, CutDuringTheLiteralLeavesTheOutcomeUnknown)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::DuringLiteral);
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::TemporaryFailure);
    EXPECT_TRUE(r.outcomeUnknown);
}

TEST(ImapClientFaults, CutBeforeTheTaggedAnswerLeavesTheOutcomeUnknown)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::BeforeTaggedOk);
    const SentCopyResult r = run(server);
    EXPECT_EQ(server.appended, message());
    EXPECT_EQ(r.kind, Kind::TemporaryFailure);
    EXPECT_TRUE(r.outcomeUnknown);
}

TEST(ImapClientFaults, CutAfterTheTaggedOkIsDone)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::AfterTaggedOk);
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::Done) << r.error.message();
    EXPECT_EQ(r.uidValidity, 7u);
    EXPECT_EQ(r.uid, 42u);
    EXPECT_FALSE(r.outcomeUnknown);
}

TEST(ImapClientFaults, LoginCommandWithQuotedPasswordAndSynchronisingLiteral)
{
    // No LITERAL+ and no AUTH=: LOGIN, and APPEND waits for "+".
    ScriptedImapServer server(ScriptedImapServer::Cut::Never, "IMAP4rev1");
    server.capabilitiesAnswer = "IMAP4rev1";
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::Done) << r.error.message();
    ASSERT_GE(server.commands.size(), 2);
    EXPECT_EQ(server.commands[0], QByteArray("A001 LOGIN \"ada\" \"pw \\\"q\\\"\""));
    EXPECT_EQ(server.appended, message());
    bool sawSync = false;
    for (const QByteArray &c : server.commands)
        sawSync |= c.contains(" APPEND \"Sent\" (\\Seen) \"06-Dec-2026 15:04:05 +0100\" {")
            && !c.endsWith("+}");
    EXPECT_TRUE(sawSync) << server.commands.join('\n').toStdString();
}

TEST(ImapClientFaults, LoginDisabledWithoutMechanismSendsNoPassword)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::Never, "IMAP4rev1 LOGINDISABLED");
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::AuthFailure);
    for (const QByteArray &c : server.commands)
        EXPECT_FALSE(c.contains("LOGIN ") || c.contains("pw")) << c.toStdString();
}

TEST(ImapClientFaults, AStalledServerIsATemporaryFailure)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::Never);
    server.stallOn = "SEARCH";
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::TemporaryFailure);
    EXPECT_EQ(r.error.code(), Core::Error::Code::Timeout);
    EXPECT_FALSE(r.outcomeUnknown) << "nothing was appended";
    EXPECT_TRUE(server.appended.isEmpty());
}

// The parser's reason ("unterminated quoted string") is English and
// technical: it goes to the log, the person gets a translatable sentence.
TEST(ImapClientFaults, AnUnreadableResponseGetsASentenceWithoutTheParsersEnglish)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::Never);
    server.garbledList = true;
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::Failed);
    EXPECT_EQ(r.error.code(), Core::Error::Code::ProtocolViolation);
    EXPECT_EQ(r.error.message(), QStringLiteral("The IMAP server sent a response Outpost cannot read."));
    EXPECT_TRUE(server.appended.isEmpty());
}

TEST(ImapClientFaults, OAuthBearerGoesInTheFirstLine)
{
    ScriptedImapServer server(
        ScriptedImapServer::Cut::Never,
        "IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER");
    const SentCopyResult r = run(server,
                                 {QStringLiteral("ada@example.org"),
                                  {},
                                  QStringLiteral("tok"),
                                  QStringLiteral("127.0.0.1"),
                                  143});
    EXPECT_EQ(r.kind, Kind::Done) << r.error.message();
    ASSERT_FALSE(server.commands.isEmpty());
    const QList<QByteArray> words = server.commands.first().split(' ');
    ASSERT_EQ(words.size(), 4);
    EXPECT_EQ(words[2], QByteArray("OAUTHBEARER"));
    EXPECT_EQ(QByteArray::fromBase64(words[3]),
              QByteArray("n,a=ada@example.org,\x01host=127.0.0.1\x01port=143\x01"
                         "auth=Bearer tok\x01\x01"));
}

TEST(ImapClientFaults, ARefusedTokenIsAnAuthFailure)
{
    // RFC 7628 §3.2.2: an error challenge, the client's dummy answer, then NO.
    ScriptedImapServer server(ScriptedImapServer::Cut::Never, "IMAP4rev1 SASL-IR AUTH=XOAUTH2");
    server.refuseToken = true;
    const SentCopyResult r
        = run(server, {QStringLiteral("ada@example.org"), {}, QStringLiteral("expired"), {}, 0});
    EXPECT_EQ(r.kind, Kind::AuthFailure);
    EXPECT_EQ(r.error.code(), Core::Error::Code::AuthenticationFailed);
    // No password was given: the reason names the permission, not one.
    EXPECT_FALSE(r.error.message().contains(QStringLiteral("password"))) << qPrintable(r.error.message());
    EXPECT_TRUE(r.error.message().contains(QStringLiteral("OAuth"))) << qPrintable(r.error.message());
    ASSERT_GE(server.commands.size(), 2);
    EXPECT_EQ(server.commands[1], QByteArray())
        << "XOAUTH2 answers the error with an empty response";
    EXPECT_TRUE(server.commands.last().endsWith("LOGOUT")) << "a refused sign-in still logs out";
}

TEST(ImapClientFaults, LiteralMinusIsNonSynchronisingOnlyUpTo4096Octets)
{
    // RFC 7888 §4: the 2 KB message goes at once; the same server gets a
    // synchronising literal for anything larger.
    ScriptedImapServer server(ScriptedImapServer::Cut::Never,
                              "IMAP4rev1 LITERAL- SASL-IR AUTH=PLAIN");
    const SentCopyResult r = run(server);
    EXPECT_EQ(r.kind, Kind::Done) << r.error.message();
    EXPECT_EQ(server.appended, message());
    bool nonSync = false;
    for (const QByteArray &c : server.commands)
        nonSync |= c.contains(" APPEND ") && c.endsWith("+}");
    EXPECT_TRUE(nonSync) << server.commands.join('\n').toStdString();
}

TEST(ImapClientFaults, CancelBeforeTheEventLoopRunsConnectsNowhere)
{
    ScriptedImapServer server(ScriptedImapServer::Cut::Never);
    ImapServerSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = ImapSecurity::None;
    ImapClient client(s);
    QSignalSpy finished(&client, &ImapClient::finished);
    client.fileInSent({message(), {}, false});
    client.cancel();
    ASSERT_EVENTUALLY(!finished.isEmpty(), 5000);
    QTest::qWait(200);
    EXPECT_EQ(finished.size(), 1);
    EXPECT_EQ(finished.first().first().value<SentCopyResult>().error.code(),
              Core::Error::Code::Cancelled);
    EXPECT_TRUE(server.commands.isEmpty());
}

TEST(ImapClientFaults, WhatFollowsTheOkToStartTlsInTheClearIsDropped)
{
    // RFC 3501 §6.2.1 (CVE-2011-0411 in SMTP): plaintext behind the OK is
    // an injection; read as a response, this BYE would end the session.
    ScriptedImapServer server(ScriptedImapServer::Cut::Never, "IMAP4rev1 STARTTLS LOGINDISABLED");
    server.afterStartTls
        = "* BYE injected\r\nA002 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n";
    const SentCopyResult r = run(server, {QStringLiteral("ada"), QStringLiteral("pw"), {}, {}, 0},
                                 ImapSecurity::StartTls);
    EXPECT_EQ(r.kind, Kind::Done) << r.error.message();
    ASSERT_GE(server.commands.size(), 3);
    EXPECT_TRUE(server.commands[0].endsWith("STARTTLS"));
    EXPECT_TRUE(server.commands[1].endsWith("CAPABILITY"))
        << "capabilities are asked again over TLS";
    EXPECT_EQ(server.appended, message());
}

} // namespace
