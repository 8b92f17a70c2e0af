// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpClient against the scripted fault server: every fault of issue 4's
// matrix that a real server cannot produce on demand. The same client is
// tested against aiosmtpd and Postfix in smtpintegration_test.cpp.
#include "core/smtp/smtpclient.h"

#include "tests/support/fakesmtpserver.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Core::Error;
using Core::SmtpClient;
using Core::SmtpMessage;
using Core::SmtpResult;
using Core::SmtpSecurity;
using Core::SmtpServerSettings;

namespace {

const QString kGreet = QStringLiteral("S: 220 fake.test ESMTP\nC: EHLO \\[127\\.0\\.0\\.1\\]\n");
const QString kEhloPipelining = QStringLiteral(
    "S: 250-fake.test\nS: 250-PIPELINING\nS: 250-8BITMIME\nS: 250-ENHANCEDSTATUSCODES\n"
    "S: 250 SIZE 100000000\n");
const QString kEhloPlain = QStringLiteral("S: 250-fake.test\nS: 250 8BITMIME\n");
const QString kQuit = QStringLiteral("C: QUIT\nS: 221 2.0.0 Bye\nX\n");

const QByteArray kMessage = "From: a@example.org\r\nTo: b@example.org\r\nSubject: test\r\n\r\n"
                            "Hello\r\n.leading dot\r\n..two dots\r\n.\r\nend\r\n";

class SmtpClientTest : public ::testing::Test
{
protected:
    QString writeFile(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("msg-%1.eml").arg(++m_files));
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }

    QString writeBigFile(qint64 size)
    {
        const QString path = m_dir.filePath(QStringLiteral("big-%1.eml").arg(++m_files));
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        const QByteArray line = QByteArray(74, 'a') + "\r\n";
        for (qint64 written = 0; written < size; written += line.size())
            f.write(line);
        return path;
    }

    SmtpServerSettings settings(SmtpSecurity security = SmtpSecurity::None)
    {
        SmtpServerSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = m_server.serverPort();
        s.security = security;
        s.timeouts.connect = 5000;
        s.timeouts.greeting = 3000;
        s.timeouts.command = 3000;
        s.timeouts.dataInit = 3000;
        s.timeouts.dataBlock = 3000;
        s.timeouts.finalReply = 3000;
        s.timeouts.quit = 1000;
        s.timeouts.idleQuit = 100;
        s.timeouts.noopAfterIdle = 60000;
        return s;
    }

    SmtpMessage message(QStringList recipients = {QStringLiteral("b@example.org")},
                        const QByteArray &content = kMessage)
    {
        SmtpMessage m;
        m.envelope.mailFrom = QStringLiteral("a@example.org");
        m.envelope.recipients = std::move(recipients);
        m.path = writeFile(content);
        return m;
    }

    // Sends and waits for the result, then for the connection to close.
    SmtpResult sendAndWait(SmtpClient &client, SmtpMessage m, int timeoutMs = 15000)
    {
        QSignalSpy finished(&client, &SmtpClient::finished);
        client.send(std::move(m));
        EXPECT_TRUE(finished.wait(timeoutMs)) << "no result";
        if (finished.isEmpty())
            return {};
        return finished.first().first().value<SmtpResult>();
    }

    // Sends `count` messages, each after the previous one's result.
    QList<SmtpResult> sendOneAtATime(SmtpClient &client, int count)
    {
        QList<SmtpResult> results;
        for (int i = 0; i < count; ++i)
            results << sendAndWait(client, message());
        return results;
    }

    void waitDisconnected(SmtpClient &client)
    {
        if (client.state() == SmtpClient::State::Disconnected)
            return;
        QSignalSpy spy(&client, &SmtpClient::disconnected);
        EXPECT_TRUE(spy.wait(5000));
    }

    void expectScriptFollowed()
    {
        EXPECT_TRUE(m_server.problems().isEmpty()) << m_server.problems().join(u'\n').toStdString();
    }

    FakeSmtpServer m_server;
    QTemporaryDir m_dir;
    int m_files = 0;
};

} // namespace

TEST_F(SmtpClientTest, PipelinedSubmissionDotStuffsAndQuits)
{
    // The client must send MAIL, both RCPTs and DATA before any reply: a
    // lock-step client would wait for the 250 to MAIL and time out here.
    m_server.addScenario(kGreet + kEhloPipelining
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\n"
                                          "C: RCPT TO:<b@example.org>\nC: RCPT TO:<c@example.org>\nC: DATA\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 250 2.1.5 Ok\n"
                                          "S: 354 End data with <CR><LF>.<CR><LF>\nDATA\n"
                                          "S: 250 2.0.0 Ok: queued as ABC\n")
                         + kQuit);
    SmtpClient client(settings());
    QSignalSpy progress(&client, &SmtpClient::progress);
    const SmtpResult r = sendAndWait(client, message({QStringLiteral("b@example.org"), QStringLiteral("c@example.org")}));
    ASSERT_TRUE(r.ok()) << r.error.message();
    EXPECT_EQ(r.reply.code, 250);
    EXPECT_EQ(r.reply.enhancedCode, QStringLiteral("2.0.0"));
    ASSERT_EQ(r.recipients.size(), 2);
    EXPECT_TRUE(r.recipients[0].accepted() && r.recipients[1].accepted());
    waitDisconnected(client);
    expectScriptFollowed();
    ASSERT_EQ(m_server.messages().size(), 1);
    EXPECT_EQ(m_server.messages().first(), kMessage);
    EXPECT_TRUE(m_server.rawMessages().first().contains("\r\n..leading dot\r\n...two dots\r\n..\r\nend"));
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
}

TEST_F(SmtpClientTest, LineEndingsAreNormalisedAndDotsStuffedAcrossChunks)
{
    // Bare LF, bare CR, CR at the very end, a dot after each kind of line
    // break, and lines long enough that the 64 KiB read chunks split CRLF
    // pairs and dot-led lines: the wire must carry CRLF only, dot-stuffed.
    QByteArray in = "Subject: mixed\n\n.a\nb\r\n.c\rd\r.e\r\n";
    QByteArray expected = "Subject: mixed\r\n\r\n.a\r\nb\r\n.c\r\nd\r\n.e\r\n";
    for (int i = 0; i < 3000; ++i) {
        const QByteArray line = QByteArray(i % 97, 'x');
        const char *const endings[] = {"\r\n", "\n", "\r"};
        in += (i % 5 == 0 ? "." : "") + line + endings[i % 3];
        expected += (i % 5 == 0 ? "." : "") + line + "\r\n";
    }
    in += ".";
    expected += ".\r\n";
    m_server.addScenario(kGreet + kEhloPipelining
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\n"
                                          "C: DATA\nS: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message({QStringLiteral("b@example.org")}, in));
    ASSERT_TRUE(r.ok()) << r.error.message();
    waitDisconnected(client);
    expectScriptFollowed();
    ASSERT_EQ(m_server.messages().size(), 1);
    EXPECT_EQ(m_server.messages().first(), expected);
    const QByteArray raw = m_server.rawMessages().first();
    EXPECT_FALSE(raw.contains("\r\r")) << "bare CR on the wire";
    for (qsizetype i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1))
        ASSERT_TRUE(i > 0 && raw.at(i - 1) == '\r') << "bare LF at " << i;
}

TEST_F(SmtpClientTest, LockStepWithoutPipelining)
{
    m_server.addScenario(kGreet + kEhloPlain
                         + QStringLiteral("C: MAIL FROM:<a@example.org>\nS: 250 Ok\n"
                                          "C: RCPT TO:<b@example.org>\nS: 250 Ok\n"
                                          "C: DATA\nS: 354 go\nDATA\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    ASSERT_TRUE(r.ok()) << r.error.message();
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, SplitAndMultiLineReplies)
{
    m_server.addScenario(QStringLiteral("R: 22\nW: 30\nR: 0-fake.test says\\r\\n220-more \nW: 30\n"
                                        "R: text\\r\\n220 ready\\r\\n\nC: EHLO .*\n"
                                        "R: 250-fake\\r\\n250-PIPE\nW: 30\nR: LINING\\r\\n250 8BITMIME\\r\\n\n"
                                        "C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\nC: DATA\n"
                                        "R: 250 Ok\\r\\n25\nW: 30\nR: 0 Ok\\r\\n354 go\\r\\n\n"
                                        "DATA\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    ASSERT_TRUE(r.ok()) << r.error.message();
    waitDisconnected(client);
    expectScriptFollowed();
}

struct StepFault
{
    const char *label;
    const char *script; // after greeting + EHLO (pipelining)
    Error::Code code;
    int replyCode;
};

class SmtpClientFaults : public SmtpClientTest, public ::testing::WithParamInterface<StepFault>
{
};

[[maybe_unused]] static void PrintTo(const StepFault &f, std::ostream *os)
{
    *os << f.label;
}

static const char *const kToData = "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\n";

// A connection that greets, takes one message and answers its dot with `reply`.
static QString oneMessage(const char *reply)
{
    return kGreet + kEhloPipelining + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\nS: ")
        + QString::fromLatin1(reply) + u'\n';
}

TEST_P(SmtpClientFaults, LandInTheRightErrorWithServerText)
{
    const StepFault &f = GetParam();
    QString script = QString::fromLatin1(f.script);
    script.replace(QStringLiteral("TO_DATA\n"), QString::fromLatin1(kToData));
    m_server.addScenario(kGreet + kEhloPipelining + script);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.code(), f.code) << qPrintable(Error::codeName(r.error.code())) << ": "
                                      << qPrintable(r.error.message());
    EXPECT_EQ(r.error.replyCode(), f.replyCode);
    if (f.replyCode) {
        EXPECT_TRUE(r.error.message().contains(QStringLiteral("SERVERTEXT")))
            << qPrintable(r.error.message());
    }
    EXPECT_FALSE(r.error.message().isEmpty());
    waitDisconnected(client);
    expectScriptFollowed();
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, SmtpClientFaults,
    ::testing::Values(
        StepFault{"Greeting421", "X\n", Error::Code::Network, 0},
        StepFault{"Mail421", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 421 4.3.2 SERVERTEXT\nX\n", Error::Code::Transient, 421},
        StepFault{"Rcpt421", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 421 4.3.2 SERVERTEXT\nX\n", Error::Code::Transient, 421},
        StepFault{"Data421", "TO_DATA\nS: 421 4.3.2 SERVERTEXT\nX\n", Error::Code::Transient, 421},
        StepFault{"Dot421", "TO_DATA\nS: 354 go\nDATA\nS: 421 4.3.2 SERVERTEXT\nX\n", Error::Code::Transient, 421},
        StepFault{"Mail451", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 451 4.3.0 SERVERTEXT\nS: 503 5.5.1 need MAIL\nS: 503 5.5.1 need RCPT\nC: RSET\nS: 250 Ok\n" "C: QUIT\nS: 221 Bye\nX\n", Error::Code::Transient, 451},
        StepFault{"Mail550", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 550 5.7.1 SERVERTEXT\nS: 503 5.5.1 need MAIL\nS: 503 5.5.1 need RCPT\nC: RSET\nS: 250 Ok\n" "C: QUIT\nS: 221 Bye\nX\n", Error::Code::Permanent, 550},
        StepFault{"Rcpt452", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 452 4.2.2 SERVERTEXT\nS: 554 5.5.1 no valid recipients\nC: RSET\nS: 250 Ok\n" "C: QUIT\nS: 221 Bye\nX\n", Error::Code::Transient, 452},
        StepFault{"Rcpt550", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 550 5.1.1 SERVERTEXT\nS: 554 5.5.1 no valid recipients\nC: RSET\nS: 250 Ok\n" "C: QUIT\nS: 221 Bye\nX\n", Error::Code::Permanent, 550},
        StepFault{"Data451", "TO_DATA\nS: 451 4.3.0 SERVERTEXT\nC: RSET\nS: 250 Ok\n" "C: QUIT\nS: 221 Bye\nX\n", Error::Code::Transient, 451},
        StepFault{"Data554", "TO_DATA\nS: 554 5.5.0 SERVERTEXT\nC: RSET\nS: 250 Ok\n" "C: QUIT\nS: 221 Bye\nX\n", Error::Code::Permanent, 554},
        StepFault{"Dot451", "TO_DATA\nS: 354 go\nDATA\nS: 451 4.3.0 SERVERTEXT\nC: QUIT\nS: 221 Bye\nX\n", Error::Code::Transient, 451},
        StepFault{"Dot554", "TO_DATA\nS: 354 go\nDATA\nS: 554 5.6.0 SERVERTEXT\nC: QUIT\nS: 221 Bye\nX\n", Error::Code::Permanent, 554},
        StepFault{"Dot552", "TO_DATA\nS: 354 go\nDATA\nS: 552 5.3.4 SERVERTEXT\nC: QUIT\nS: 221 Bye\nX\n", Error::Code::TooLarge, 552},
        StepFault{"CloseAfterDot", "TO_DATA\nS: 354 go\nDATA\nX\n", Error::Code::InDoubt, 0},
        StepFault{"StallAfterDot", "TO_DATA\nS: 354 go\nDATA\nSTALL\n", Error::Code::InDoubt, 0},
        StepFault{"StallAtGreetingReply", "STALL\n", Error::Code::Timeout, 0},
        StepFault{"StallAtMail", "C: MAIL FROM:.*\nC: RCPT TO:.*\nSTALL\n", Error::Code::Timeout, 0},
        StepFault{"StallAtData", "TO_DATA\nSTALL\n", Error::Code::Timeout, 0},
        StepFault{"GarbageReply", "C: MAIL FROM:.*\nC: RCPT TO:.*\nS: hello there\nX\n", Error::Code::ProtocolViolation, 0},
        StepFault{"MegabyteReplyLine", "C: MAIL FROM:.*\nC: RCPT TO:.*\nS: 250 Ok\nFLOOD: 1048576\nX\n", Error::Code::ProtocolViolation, 0}),
    [](const auto &p) { return std::string(p.param.label); });

TEST_F(SmtpClientTest, GreetingRefused)
{
    m_server.addScenario(QStringLiteral("S: 554 5.3.2 SERVERTEXT go away\nC: QUIT\nS: 221 Bye\nX\n"));
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Permanent);
    EXPECT_EQ(r.error.replyCode(), 554);
}

TEST_F(SmtpClientTest, GreetingStallTripsTheGreetingTimeout)
{
    m_server.addScenario(QStringLiteral("STALL\n"));
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Timeout);
    EXPECT_TRUE(r.error.message().contains(QStringLiteral("Greeting")));
}

TEST_F(SmtpClientTest, ConnectionRefusedIsANetworkError)
{
    SmtpServerSettings s = settings();
    m_server.close(); // nothing listens on that port any more
    SmtpClient client(s);
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Network);
}

TEST_F(SmtpClientTest, OneOfThreeRecipientsRejected)
{
    const QString rcpts = QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:<b@example.org>\nC: RCPT TO:<bad@example.org>\n"
                                         "C: RCPT TO:<d@example.org>\nC: DATA\nS: 250 Ok\nS: 250 Ok\n"
                                         "S: 550 5.1.1 <bad@example.org>: unknown user\nS: 250 Ok\nS: 354 go\n");
    const QStringList three = {QStringLiteral("b@example.org"), QStringLiteral("bad@example.org"),
                               QStringLiteral("d@example.org")};
    // By default the message is held back and every result reported. DATA
    // went out with the envelope and the server is waiting for the message:
    // the client hangs up without the final dot, which abandons it.
    m_server.addScenario(kGreet + kEhloPipelining + rcpts + QStringLiteral("X\n"));
    {
        SmtpClient client(settings());
        const SmtpResult r = sendAndWait(client, message(three));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error.code(), Error::Code::Permanent);
        ASSERT_EQ(r.recipients.size(), 3);
        EXPECT_TRUE(r.recipients[0].accepted());
        EXPECT_FALSE(r.recipients[1].accepted());
        EXPECT_EQ(r.recipients[1].reply.enhancedCode, QStringLiteral("5.1.1"));
        EXPECT_TRUE(r.recipients[2].accepted());
        EXPECT_TRUE(r.error.message().contains(QStringLiteral("bad@example.org")));
        waitDisconnected(client);
    }
    // The caller may choose to deliver to the accepted ones.
    m_server.addScenario(kGreet + kEhloPipelining + rcpts + QStringLiteral("DATA\nS: 250 Ok\n") + kQuit);
    SmtpClient client(settings());
    SmtpMessage m = message(three);
    m.sendToAcceptedRecipients = true;
    const SmtpResult r = sendAndWait(client, m);
    ASSERT_TRUE(r.ok()) << r.error.message();
    EXPECT_FALSE(r.recipients[1].accepted());
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, SizeLimitRefusedBeforeMail)
{
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250 SIZE 100\n") + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message({QStringLiteral("b@example.org")}, QByteArray(500, 'x') + "\r\n"));
    EXPECT_EQ(r.error.code(), Error::Code::TooLarge);
    waitDisconnected(client);
    expectScriptFollowed();
    for (const QString &line : m_server.clientLines())
        EXPECT_FALSE(line.startsWith(QStringLiteral("MAIL"))) << "nothing may be sent";
}

TEST_F(SmtpClientTest, CloseDuringDataIsANetworkErrorNotInDoubt)
{
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nX\n"));
    SmtpClient client(settings());
    SmtpMessage m = message();
    m.path = writeBigFile(16 * 1024 * 1024);
    const SmtpResult r = sendAndWait(client, m);
    EXPECT_EQ(r.error.code(), Error::Code::Network) << qPrintable(r.error.message());
}

TEST_F(SmtpClientTest, DataStallTripsTheDataBlockTimeout)
{
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nSTALL\n"));
    SmtpServerSettings s = settings();
    s.timeouts.dataBlock = 1000;
    SmtpClient client(s);
    SmtpMessage m = message();
    m.path = writeBigFile(64 * 1024 * 1024); // far more than loopback buffers hold
    bool hookCalled = false;
    m.beforeFinalDot = [&] { return hookCalled = true; };
    const SmtpResult r = sendAndWait(client, m, 30000);
    EXPECT_EQ(r.error.code(), Error::Code::Timeout) << qPrintable(r.error.message());
    EXPECT_TRUE(r.error.message().contains(QStringLiteral("SendingData")));
    EXPECT_FALSE(hookCalled);
}

TEST_F(SmtpClientTest, BeforeFinalDotHookRunsOnceAndCanStopTheDot)
{
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok\n") + kQuit);
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\n"));
    {
        SmtpClient client(settings());
        SmtpMessage m = message();
        int calls = 0;
        m.beforeFinalDot = [&] {
            ++calls;
            return true;
        };
        EXPECT_TRUE(sendAndWait(client, m).ok());
        EXPECT_EQ(calls, 1);
        waitDisconnected(client);
    }
    SmtpClient client(settings());
    SmtpMessage m = message();
    m.beforeFinalDot = [] { return false; };
    const SmtpResult r = sendAndWait(client, m);
    EXPECT_EQ(r.error.code(), Error::Code::WriteFailed);
    QTest::qWait(200);
    EXPECT_EQ(m_server.messages().size(), 1) << "the second message must never be completed";
}

TEST_F(SmtpClientTest, StartTlsRequiredButNotOffered)
{
    m_server.addScenario(kGreet + kEhloPipelining + kQuit);
    SmtpClient client(settings(SmtpSecurity::StartTls));
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Tls);
    for (const QString &line : m_server.clientLines())
        EXPECT_FALSE(line.startsWith(QStringLiteral("MAIL"))) << "no downgrade to plaintext";
}

TEST_F(SmtpClientTest, StartTlsDiscardsInjectedPlaintextAndAuthenticates)
{
    const auto &certs = TestCerts::paths();
    m_server.setCertificate(certs.serverCert, certs.serverKey);
    // The 220 to STARTTLS comes with a pipelined, injected EHLO reply: a
    // client that kept it would skip its own post-TLS EHLO.
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250 STARTTLS\nC: STARTTLS\n"
                                                 "R: 220 2.0.0 Ready\\r\\n250-injected\\r\\n250 AUTH PLAIN\\r\\n\n"
                                                 "TLS\nC: EHLO .*\nS: 250-fake\nS: 250-PIPELINING\nS: 250 AUTH PLAIN LOGIN\n"
                                                 "C: AUTH PLAIN AHVzZXIAc2VjcmV0\nS: 235 2.7.0 Authenticated\n"
                                                 "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\n"
                                                 "S: 354 go\nDATA\nS: 250 Ok\n")
                         + kQuit);
    SmtpServerSettings s = settings(SmtpSecurity::StartTls);
    s.host = QStringLiteral("localhost");
    s.extraCaFile = certs.caCert;
    SmtpClient client(s);
    client.setCredentials({QStringLiteral("user"), QStringLiteral("secret"), {}, {}, 0});
    QStringList log;
    client.setProtocolLog([&](const QString &line) { log << line; });
    const SmtpResult r = sendAndWait(client, message());
    ASSERT_TRUE(r.ok()) << r.error.message();
    EXPECT_EQ(client.authMechanism(), QStringLiteral("PLAIN"));
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.clientLines().count(QStringLiteral("EHLO [127.0.0.1]")), 2);
    // Credentials never reach the protocol log.
    const QString all = log.join(u'\n');
    EXPECT_FALSE(all.contains(QStringLiteral("secret")));
    EXPECT_FALSE(all.contains(QStringLiteral("AHVzZXIAc2VjcmV0")));
    EXPECT_TRUE(all.contains(QStringLiteral("AUTH PLAIN <redacted>")));
}

TEST_F(SmtpClientTest, AuthLoginIsRedactedToo)
{
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\n"
                                                 "S: 334 VXNlcm5hbWU6\nC: dXNlcg==\nS: 334 UGFzc3dvcmQ6\n"
                                                 "C: c2VjcmV0\nS: 235 ok\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.allowCleartextAuth = true; // explicit opt-in for this plaintext test
    SmtpClient client(s);
    client.setCredentials({QStringLiteral("user"), QStringLiteral("secret"), {}, {}, 0});
    QStringList log;
    client.setProtocolLog([&](const QString &line) { log << line; });
    QSignalSpy ready(&client, &SmtpClient::sessionReady);
    client.connectToServer();
    ASSERT_TRUE(ready.wait(5000));
    client.quit();
    waitDisconnected(client);
    expectScriptFollowed();
    const QString all = log.join(u'\n');
    EXPECT_FALSE(all.contains(QStringLiteral("c2VjcmV0")));
    EXPECT_FALSE(all.contains(QStringLiteral("dXNlcg==")));
}

TEST_F(SmtpClientTest, NoPasswordOverPlaintextWithoutOptIn)
{
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN LOGIN\n"));
    SmtpClient client(settings());
    client.setCredentials({QStringLiteral("user"), QStringLiteral("secret"), {}, {}, 0});
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Tls);
    for (const QString &line : m_server.clientLines())
        EXPECT_FALSE(line.startsWith(QStringLiteral("AUTH")));
}

TEST_F(SmtpClientTest, AuthFailure535)
{
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\nC: AUTH PLAIN .*\n"
                                                 "S: 535 5.7.8 SERVERTEXT bad credentials\nX\n"));
    SmtpServerSettings s = settings();
    s.allowCleartextAuth = true;
    SmtpClient client(s);
    client.setCredentials({QStringLiteral("user"), QStringLiteral("wrong"), {}, {}, 0});
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::AuthenticationFailed);
    EXPECT_EQ(r.error.replyCode(), 535);
    EXPECT_EQ(r.error.enhancedCode(), QStringLiteral("5.7.8"));
    EXPECT_TRUE(r.error.message().contains(QStringLiteral("SERVERTEXT")));
}

TEST_F(SmtpClientTest, UntrustedCertificateCarriesChainAndFingerprint)
{
    const auto &certs = TestCerts::paths();
    m_server.setCertificate(certs.selfSignedCert, certs.selfSignedKey);
    m_server.addScenario(QStringLiteral("TLS\n"));
    SmtpServerSettings s = settings(SmtpSecurity::ImplicitTls);
    s.host = QStringLiteral("localhost");
    SmtpClient client(s);
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::CertificateUntrusted) << qPrintable(r.error.message());
    EXPECT_EQ(QString::fromLatin1(r.certificate.sha256), TestCerts::sha256Of(certs.selfSignedCert));
    EXPECT_FALSE(r.certificate.chain.isEmpty());
    EXPECT_FALSE(r.certificate.errors.isEmpty());
}

TEST_F(SmtpClientTest, PinnedCertificateIsHonoured)
{
    const auto &certs = TestCerts::paths();
    m_server.setCertificate(certs.selfSignedCert, certs.selfSignedKey);
    m_server.addScenario(QStringLiteral("TLS\nS: 220 fake.test ESMTP\nC: EHLO .*\n") + kEhloPipelining
                         + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok\n") + kQuit);
    SmtpServerSettings s = settings(SmtpSecurity::ImplicitTls);
    s.host = QStringLiteral("localhost");
    s.pinnedSha256 = {TestCerts::sha256Of(certs.selfSignedCert).toUpper()};
    SmtpClient client(s);
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_TRUE(r.ok()) << qPrintable(r.error.message());
    EXPECT_TRUE(client.tlsProtocolName().startsWith(QStringLiteral("TLS")));
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, ChangedPinnedCertificateIsAnError)
{
    // Pinned: one certificate. Presented: another that fails verification.
    const auto &certs = TestCerts::paths();
    m_server.setCertificate(certs.selfSignedCert, certs.selfSignedKey);
    m_server.addScenario(QStringLiteral("TLS\n"));
    SmtpServerSettings s = settings(SmtpSecurity::ImplicitTls);
    s.host = QStringLiteral("localhost");
    s.pinnedSha256 = {QString(64, u'a')};
    SmtpClient client(s);
    QSignalSpy superseded(&client, &SmtpClient::pinsSuperseded);
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::CertificateChanged) << qPrintable(r.error.message());
    EXPECT_EQ(QString::fromLatin1(r.certificate.sha256), TestCerts::sha256Of(certs.selfSignedCert));
    EXPECT_TRUE(superseded.isEmpty());
}

TEST_F(SmtpClientTest, ACaValidCertificateIsAcceptedOverAStalePin)
{
    // Pins are exceptions for certificates that fail verification (as in
    // Thunderbird). A server that moved from its self-signed certificate
    // to a CA-valid one is not "intercepted": the certificate is accepted,
    // and the client says the pins are no longer needed.
    const auto &certs = TestCerts::paths();
    m_server.setCertificate(certs.serverCert, certs.serverKey);
    m_server.addScenario(QStringLiteral("TLS\nS: 220 fake.test ESMTP\nC: EHLO .*\n") + kEhloPipelining
                         + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok\n") + kQuit);
    SmtpServerSettings s = settings(SmtpSecurity::ImplicitTls);
    s.host = QStringLiteral("localhost");
    s.extraCaFile = certs.caCert;
    s.pinnedSha256 = {TestCerts::sha256Of(certs.selfSignedCert)};
    SmtpClient client(s);
    QStringList log;
    client.setProtocolLog([&](const QString &line) { log << line; });
    QSignalSpy superseded(&client, &SmtpClient::pinsSuperseded);
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_TRUE(r.ok()) << qPrintable(r.error.message());
    ASSERT_EQ(superseded.size(), 1);
    EXPECT_EQ(superseded.first().at(0).toString(), QStringLiteral("localhost"));
    EXPECT_EQ(superseded.first().at(1).value<quint16>(), s.port);
    EXPECT_TRUE(log.join(u'\n').contains(QStringLiteral("pinned"))) << qPrintable(log.join(u'\n'));
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.messages().size(), 1);
}

TEST_F(SmtpClientTest, SeveralMessagesOverOneConnectionWithRsetAndNoop)
{
    m_server.addScenario(kGreet + kEhloPipelining
                         + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok first\n")
                         + QStringLiteral("C: NOOP\nS: 250 Ok\n")
                         + QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 550 5.1.1 no such user\n"
                                          "S: 554 5.5.1 no valid recipients\nC: RSET\nS: 250 Ok\n")
                         + QStringLiteral("C: NOOP\nS: 250 Ok\n")
                         + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok third\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.timeouts.noopAfterIdle = 0; // always check a reused connection
    SmtpClient client(s);
    // One at a time, each after the previous result: the connection is
    // reused from Ready (queued together they would be pipelined instead).
    const QList<SmtpResult> results = sendOneAtATime(client, 3);
    EXPECT_TRUE(results[0].ok());
    EXPECT_EQ(results[1].error.code(), Error::Code::Permanent);
    EXPECT_TRUE(results[2].ok());
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 1);
    EXPECT_EQ(m_server.messages().size(), 2);
}

TEST_F(SmtpClientTest, AMessageHandedOverWhileQuittingGetsANewConnection)
{
    // The connection idled out and is saying QUIT when the next message
    // comes: it is sent over a new connection, not left in the queue.
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok first\nC: QUIT\nW: 300\nS: 221 Bye\nX\n"));
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok second\n") + kQuit);
    SmtpClient client(settings()); // idle QUIT after 100 ms
    EXPECT_TRUE(sendAndWait(client, message()).ok());
    QSignalSpy states(&client, &SmtpClient::stateChanged);
    while (client.state() != SmtpClient::State::Quitting)
        ASSERT_TRUE(states.wait(5000));
    const SmtpResult second = sendAndWait(client, message());
    EXPECT_TRUE(second.ok()) << qPrintable(second.error.message());
    EXPECT_EQ(second.reply.text(), QStringLiteral("Ok second"));
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 2);
}

TEST_F(SmtpClientTest, FailedNoopReconnectsAndStillSendsTheMessage)
{
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok first\nC: NOOP\nS: 500 confused\nX\n"));
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok second\n") + kQuit);
    SmtpServerSettings s = settings();
    s.timeouts.noopAfterIdle = 0;
    SmtpClient client(s);
    const QList<SmtpResult> results = sendOneAtATime(client, 2);
    EXPECT_TRUE(results[0].ok());
    const SmtpResult second = results[1];
    EXPECT_TRUE(second.ok()) << qPrintable(second.error.message());
    EXPECT_EQ(second.reply.text(), QStringLiteral("Ok second"));
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 2);
}

TEST_F(SmtpClientTest, GarbledReplyToTheFinalDotIsInDoubt)
{
    // The parser refuses the answer to the dot: the message may have been
    // accepted, so it is in doubt — a protocol error would send it again.
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: abc def\nSTALL\n"));
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::InDoubt) << qPrintable(r.error.message());
}

TEST_F(SmtpClientTest, ConnectsAheadAndSignsInOnceThePasswordArrives)
{
    // TLS and EHLO while the keychain is still answering; AUTH only once the
    // password is there (the script would see AUTH where it expects nothing).
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250 AUTH PLAIN\n"
                                                 "C: AUTH PLAIN AHVzZXIAc2VjcmV0\nS: 235 2.7.0 Authenticated\n")
                         + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok\n") + kQuit);
    SmtpServerSettings s = settings();
    s.allowCleartextAuth = true;
    SmtpClient client(s);
    client.connectAhead();
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.state() == SmtpClient::State::AwaitingCredentials; }, 5000));
    QTest::qWait(100);
    EXPECT_EQ(client.state(), SmtpClient::State::AwaitingCredentials);
    QSignalSpy finished(&client, &SmtpClient::finished);
    client.send(message()); // waits with the connection
    QTest::qWait(50);
    EXPECT_TRUE(finished.isEmpty());
    client.setCredentials({QStringLiteral("user"), QStringLiteral("secret"), {}, {}, 0});
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_TRUE(finished.first().first().value<SmtpResult>().ok());
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 1);
}

TEST_F(SmtpClientTest, ConnectAheadIsLetGoWhenNoPasswordComes)
{
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\n") + kQuit);
    SmtpClient client(settings());
    client.connectAhead();
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.state() == SmtpClient::State::AwaitingCredentials; }, 5000));
    client.quit(); // e.g. the keychain refused
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, NextEnvelopeIsPipelinedBehindTheFinalDot)
{
    // Queued together, the second and third envelopes go out right after
    // the previous final dot (RFC 2920 §3.1): the script reads them before
    // it answers that dot. A refused dot does not stop the next message,
    // and a refused recipient in a pipelined envelope ends in RSET.
    const QString env = QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\n");
    m_server.addScenario(kGreet + kEhloPipelining + env + QStringLiteral("S: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\n")
                         + env + QStringLiteral("S: 554 5.7.1 first refused\n")
                         + QStringLiteral("S: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\n")
                         + env + QStringLiteral("S: 250 2.0.0 second queued\n")
                         + QStringLiteral("S: 250 Ok\nS: 550 5.1.1 no such user\nS: 554 5.5.1 no valid recipients\n"
                                          "C: RSET\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    QSignalSpy finished(&client, &SmtpClient::finished);
    QSignalSpy dots(&client, &SmtpClient::finalDotWritten);
    int hooks = 0;
    for (int i = 0; i < 3; ++i) {
        SmtpMessage m = message();
        m.beforeFinalDot = [&hooks] { return ++hooks, true; };
        client.send(m);
    }
    while (finished.size() < 3)
        ASSERT_TRUE(finished.wait(5000));
    const auto result = [&](int i) { return finished[i].first().value<SmtpResult>(); };
    EXPECT_EQ(result(0).error.code(), Error::Code::Permanent);
    EXPECT_EQ(result(0).reply.code, 554);
    EXPECT_TRUE(result(1).ok()) << qPrintable(result(1).error.message());
    EXPECT_EQ(result(1).reply.text(), QStringLiteral("second queued"));
    EXPECT_EQ(result(2).error.code(), Error::Code::Permanent);
    ASSERT_EQ(result(2).recipients.size(), 1);
    EXPECT_EQ(result(2).recipients[0].reply.code, 550);
    // Small messages pipelined behind a dot run the hook with their
    // envelope (earlier than the dot, never later): the third ran it too,
    // although its recipient was refused and its dot never went out.
    EXPECT_EQ(hooks, 3);
    EXPECT_EQ(dots.size(), 2);
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 1);
}

TEST_F(SmtpClientTest, ConnectionLostAfterTheDotLeavesOnlyThatMessageInDoubt)
{
    // The second envelope is already on the wire when the connection drops
    // before the first dot is answered: the first is in doubt, the second
    // (whose dot was never written) is a plain network failure.
    m_server.addScenario(kGreet + kEhloPipelining
                         + QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\n"
                                          "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nX\n"));
    SmtpClient client(settings());
    QSignalSpy finished(&client, &SmtpClient::finished);
    client.send(message());
    client.send(message());
    while (finished.size() < 2)
        ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished[0].first().value<SmtpResult>().error.code(), Error::Code::InDoubt);
    EXPECT_EQ(finished[1].first().value<SmtpResult>().error.code(), Error::Code::Network);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, SmtpUtf8OnlyWhenNeededAndRefusedClearly)
{
    // Server without SMTPUTF8: refused before MAIL.
    m_server.addScenario(kGreet + kEhloPipelining + kQuit);
    {
        SmtpClient client(settings());
        SmtpMessage m = message({QStringLiteral("用户@例子.广告")});
        m.envelope.needsSmtpUtf8 = true;
        const SmtpResult r = sendAndWait(client, m);
        EXPECT_EQ(r.error.code(), Error::Code::SmtpUtf8Unsupported);
        waitDisconnected(client);
    }
    // Server with SMTPUTF8: parameter on MAIL; 8BITMIME body declared.
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250-8BITMIME\nS: 250 SMTPUTF8\n")
                         + QStringLiteral("C: MAIL FROM:<a@example.org> BODY=8BITMIME SMTPUTF8\n"
                                          "C: RCPT TO:<用户@例子.广告>\nC: DATA\nS: 250 Ok\nS: 250 Ok\n"
                                          "S: 354 go\nDATA\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    SmtpMessage m = message({QStringLiteral("用户@例子.广告")});
    m.envelope.needsSmtpUtf8 = true;
    m.envelope.needs8BitMime = true;
    const SmtpResult r = sendAndWait(client, m);
    EXPECT_TRUE(r.ok()) << qPrintable(r.error.message());
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, DsnParametersWhenAskedAndOffered)
{
    m_server.addScenario(kGreet + QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250 DSN\n")
                         + QStringLiteral("C: MAIL FROM:<a@example.org> RET=HDRS ENVID=id\\+2Bx\n"
                                          "C: RCPT TO:<b@example.org> NOTIFY=SUCCESS,FAILURE\nC: DATA\n"
                                          "S: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    SmtpMessage m = message();
    m.dsn = Core::SmtpDsn{{QStringLiteral("success"), QStringLiteral("failure")}, false, QStringLiteral("id+x")};
    EXPECT_TRUE(sendAndWait(client, m).ok());
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, EnvelopeInjectionIsRefused)
{
    m_server.addScenario(kGreet + kEhloPipelining + kQuit);
    SmtpClient client(settings());
    SmtpMessage m = message({QStringLiteral("b@example.org>\r\nRCPT TO:<evil@example.org")});
    const SmtpResult r = sendAndWait(client, m);
    EXPECT_EQ(r.error.code(), Error::Code::InvalidInput);
    for (const QString &line : m_server.clientLines())
        EXPECT_FALSE(line.contains(QStringLiteral("evil")));
}

TEST_F(SmtpClientTest, CancelMidTransfer)
{
    m_server.addScenario(kGreet + kEhloPipelining + QString::fromLatin1(kToData) + QStringLiteral("S: 354 go\nSTALL\n"));
    SmtpClient client(settings());
    SmtpMessage m = message();
    m.path = writeBigFile(64 * 1024 * 1024);
    QSignalSpy finished(&client, &SmtpClient::finished);
    QSignalSpy progress(&client, &SmtpClient::progress);
    client.send(m);
    ASSERT_TRUE(progress.wait(5000));
    client.cancel();
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(finished.first().first().value<SmtpResult>().error.code(), Error::Code::Cancelled);
    EXPECT_EQ(client.state(), SmtpClient::State::Disconnected);
}

TEST_F(SmtpClientTest, EnvelopeRefusedBehindTheDotIsSentAgainUnpipelined)
{
    // Haraka answers every command pipelined behind the final dot with 503
    // (issue 19). The second message is sent again at once, unpipelined,
    // on the same connection; the third waits for the second's reply.
    const QString env = QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\n");
    const QString accept = QStringLiteral("S: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\n");
    const QString bad = QStringLiteral("S: 503 5.5.0 Bad sequence of commands - pipelined after end of DATA\n");
    m_server.addScenario(kGreet + kEhloPipelining + env + accept + env + QStringLiteral("S: 250 2.0.0 first queued\n")
                         + bad + bad + bad + QStringLiteral("C: RSET\nS: 250 Ok\n") + env + accept
                         + QStringLiteral("S: 250 2.0.0 second queued\n") + env + accept
                         + QStringLiteral("S: 250 2.0.0 third queued\n") + kQuit);
    SmtpClient client(settings());
    QStringList log;
    client.setProtocolLog([&log](const QString &line) { log << line; });
    QSignalSpy finished(&client, &SmtpClient::finished);
    for (int i = 0; i < 3; ++i)
        client.send(message());
    while (finished.size() < 3)
        ASSERT_TRUE(finished.wait(5000));
    for (int i = 0; i < 3; ++i) {
        const SmtpResult r = finished[i].first().value<SmtpResult>();
        EXPECT_TRUE(r.ok()) << i << ": " << qPrintable(r.error.message());
    }
    EXPECT_EQ(finished[1].first().value<SmtpResult>().reply.text(), QStringLiteral("second queued"));
    EXPECT_FALSE(client.pipelinesBehindDot());
    // The third envelope went out only after the second message's reply.
    const qsizetype secondQueued = log.indexOf(QStringLiteral("S: 250 2.0.0 second queued"));
    ASSERT_GE(secondQueued, 0) << qPrintable(log.join(u'\n'));
    EXPECT_EQ(log.mid(secondQueued).filter(QStringLiteral("C: MAIL FROM")).size(), 1) << qPrintable(log.join(u'\n'));
    EXPECT_EQ(log.filter(QStringLiteral("C: MAIL FROM")).size(), 4);
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 1);
}

struct RefusedSession
{
    const char *label;
    const char *script; ///< up to the refusal; then QUIT must come
    Error::Code code;
};

class SmtpClientFarewell : public SmtpClientTest, public ::testing::WithParamInterface<RefusedSession>
{
};

[[maybe_unused]] static void PrintTo(const RefusedSession &f, std::ostream *os)
{
    *os << f.label;
}

TEST_P(SmtpClientFarewell, RefusedSessionsEndWithQuit)
{
    // RFC 5321 §4.1.1.10 and §3.1: after a refusal the dialogue is still in
    // step, so the client says QUIT and waits for the 221 before closing.
    // The message is reported at once, not after the goodbye.
    const RefusedSession &f = GetParam();
    m_server.addScenario(QString::fromLatin1(f.script) + QStringLiteral("C: QUIT\nS: 221 2.0.0 Bye\nX\n"));
    SmtpServerSettings s = settings();
    s.allowCleartextAuth = true;
    SmtpClient client(s);
    client.setCredentials({QStringLiteral("user"), QStringLiteral("wrong"), {}, {}, 0});
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), f.code) << qPrintable(r.error.message());
    EXPECT_EQ(r.scope, Core::SmtpScope::Session);
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.clientLines().value(m_server.clientLines().size() - 1), QStringLiteral("QUIT"));
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, SmtpClientFarewell,
    ::testing::Values(
        RefusedSession{"Auth535",
                       "S: 220 fake.test ESMTP\nC: EHLO .*\nS: 250-fake\nS: 250 AUTH PLAIN\nC: AUTH PLAIN .*\n"
                       "S: 535 5.7.8 bad credentials\n",
                       Error::Code::AuthenticationFailed},
        RefusedSession{"Auth454",
                       "S: 220 fake.test ESMTP\nC: EHLO .*\nS: 250-fake\nS: 250 AUTH PLAIN\nC: AUTH PLAIN .*\n"
                       "S: 454 4.7.0 try later\n",
                       Error::Code::Transient},
        RefusedSession{"AuthChallengeCancelled",
                       "S: 220 fake.test ESMTP\nC: EHLO .*\nS: 250-fake\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\n"
                       "S: 334 !!not-base64!!\nC: \\*\nS: 501 5.7.0 cancelled\n",
                       Error::Code::AuthenticationFailed},
        RefusedSession{"Greeting554", "S: 554 5.3.2 no service\n", Error::Code::Permanent},
        RefusedSession{"Ehlo550", "S: 220 fake.test ESMTP\nC: EHLO .*\nS: 550 5.7.1 go away\n",
                       Error::Code::Permanent}),
    [](const auto &p) { return std::string(p.param.label); });

class SmtpClientOverflow : public SmtpClientTest, public ::testing::WithParamInterface<const char *>
{
};

TEST_P(SmtpClientOverflow, TooManyRecipientsGoInAFurtherTransaction)
{
    // RFC 5321 §4.5.3.1.10: a server that takes three recipients per
    // transaction answers the fourth and fifth with 452 (or 552, to be
    // treated alike). The message goes to the three, then to the two in a
    // second transaction of the same message on the same connection.
    const QString overflow = QString::fromLatin1(GetParam());
    QStringList five;
    QString rcpts;
    for (int i = 1; i <= 5; ++i) {
        five << QStringLiteral("r%1@example.org").arg(i);
        rcpts += QStringLiteral("C: RCPT TO:<r%1@example.org>\n").arg(i);
    }
    m_server.addScenario(kGreet + kEhloPipelining + QStringLiteral("C: MAIL FROM:.*\n") + rcpts
                         + QStringLiteral("C: DATA\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\n") + overflow + overflow
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 2.0.0 first three\n")
                         + QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:<r4@example.org>\nC: RCPT TO:<r5@example.org>\n"
                                          "C: DATA\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\n"
                                          "S: 250 2.0.0 last two\n")
                         + kQuit);
    SmtpClient client(settings());
    int hooks = 0;
    SmtpMessage m = message(five);
    m.beforeFinalDot = [&hooks] { return ++hooks, true; };
    const SmtpResult r = sendAndWait(client, m);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    EXPECT_EQ(r.reply.text(), QStringLiteral("last two"));
    ASSERT_EQ(r.recipients.size(), 5);
    for (const auto &rr : r.recipients)
        EXPECT_TRUE(rr.accepted()) << qPrintable(rr.address) << " " << qPrintable(rr.reply.toString());
    EXPECT_EQ(hooks, 2); // before each final dot
    ASSERT_EQ(m_server.messages().size(), 2);
    EXPECT_EQ(m_server.messages().at(0), m_server.messages().at(1));
    waitDisconnected(client);
    expectScriptFollowed();
}

INSTANTIATE_TEST_SUITE_P(Codes, SmtpClientOverflow,
                         ::testing::Values("S: 452 4.5.3 Too many recipients\n",
                                           "S: 552 5.5.3 Too many recipients\n"));

TEST_F(SmtpClientTest, A552ToRcptIsNotMessageTooLarge)
{
    // A full mailbox (552 to RCPT) is to be treated like 452: try later,
    // not "message too large" (RFC 5321 §4.5.3.1.10).
    m_server.addScenario(kGreet + kEhloPipelining
                         + QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\n"
                                          "S: 552 5.2.2 Mailbox full\nS: 554 5.5.1 no valid recipients\n"
                                          "C: RSET\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Transient) << qPrintable(r.error.message());
    EXPECT_EQ(r.error.replyCode(), 552);
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, AFailedFurtherTransactionIsNeverAWholeResend)
{
    // The first three have the message; the server then refuses the other
    // two. Sending the whole message again would deliver it twice: the
    // result holds it for the person, with every recipient's outcome.
    QStringList five;
    QString rcpts;
    for (int i = 1; i <= 5; ++i) {
        five << QStringLiteral("r%1@example.org").arg(i);
        rcpts += QStringLiteral("C: RCPT TO:<r%1@example.org>\n").arg(i);
    }
    const QString overflow = QStringLiteral("S: 452 4.5.3 Too many recipients\n");
    m_server.addScenario(kGreet + kEhloPipelining + QStringLiteral("C: MAIL FROM:.*\n") + rcpts
                         + QStringLiteral("C: DATA\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\n") + overflow + overflow
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 2.0.0 first three\n")
                         + QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\n")
                         + overflow + overflow + QStringLiteral("S: 554 5.5.1 no valid recipients\nC: RSET\nS: 250 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message(five));
    EXPECT_EQ(r.error.code(), Error::Code::InDoubt) << qPrintable(r.error.message());
    EXPECT_EQ(r.scope, Core::SmtpScope::Message);
    ASSERT_EQ(r.recipients.size(), 5);
    EXPECT_TRUE(r.recipients[2].accepted());
    EXPECT_EQ(r.recipients[4].reply.code, 452);
    EXPECT_EQ(m_server.messages().size(), 1);
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, TlsSessionsCloseWithCloseNotify)
{
    // After the 221 the client ends TLS with close_notify (RFC 8446 §6.1)
    // before its FIN: the server sees an orderly close, not a truncation.
    const auto &certs = TestCerts::paths();
    m_server.setCertificate(certs.selfSignedCert, certs.selfSignedKey);
    m_server.addScenario(QStringLiteral("TLS\nS: 220 fake.test ESMTP\nC: EHLO .*\n") + kEhloPipelining
                         + QString::fromLatin1(kToData)
                         + QStringLiteral("S: 354 go\nDATA\nS: 250 Ok\nC: QUIT\nS: 221 Bye\nCLOSED\n"));
    SmtpServerSettings s = settings(SmtpSecurity::ImplicitTls);
    s.host = QStringLiteral("localhost");
    s.pinnedSha256 = {TestCerts::sha256Of(certs.selfSignedCert)};
    SmtpClient client(s);
    const SmtpResult r = sendAndWait(client, message());
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    waitDisconnected(client);
    for (int i = 0; i < 100 && m_server.closes().isEmpty(); ++i)
        QTest::qWait(20);
    EXPECT_EQ(m_server.closes(), QStringList{QStringLiteral("clean")});
    expectScriptFollowed();
}

// --- a reused connection that the server closed (issue 19) -----------------

TEST_F(SmtpClientTest, ServerClosingAReusedConnectionAtNoopReconnects)
{
    // The server (or a middlebox) dropped the idle connection: the NOOP
    // before reuse meets a closed socket. Nothing of the message was said:
    // it goes over a new connection, not into a network error.
    m_server.addScenario(oneMessage("250 Ok first") + QStringLiteral("C: NOOP\nX\n"));
    m_server.addScenario(oneMessage("250 Ok second") + kQuit);
    SmtpServerSettings s = settings();
    s.timeouts.noopAfterIdle = 0;
    SmtpClient client(s);
    const QList<SmtpResult> results = sendOneAtATime(client, 2);
    EXPECT_TRUE(results[0].ok());
    EXPECT_TRUE(results[1].ok()) << qPrintable(results[1].error.message());
    EXPECT_EQ(results[1].reply.text(), QStringLiteral("Ok second"));
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 2);
    EXPECT_EQ(m_server.messages().size(), 2);
}

TEST_F(SmtpClientTest, ServerClosingAfterAMessageReconnectsForTheNext)
{
    // FIN right behind the 250: the client has already written the next
    // envelope when it sees the close. That message was never answered,
    // so it goes again over a new connection, in the same run.
    m_server.addScenario(oneMessage("250 Ok first") + QStringLiteral("X\n"));
    m_server.addScenario(oneMessage("250 Ok second") + kQuit);
    SmtpServerSettings s = settings();
    s.pipelineBehindDot = false; // the second envelope follows the 250, not the dot
    SmtpClient client(s);
    QSignalSpy finished(&client, &SmtpClient::finished);
    client.send(message());
    client.send(message());
    while (finished.size() < 2)
        ASSERT_TRUE(finished.wait(5000));
    const auto result = [&](int i) { return finished[i].first().value<SmtpResult>(); };
    EXPECT_TRUE(result(0).ok());
    EXPECT_TRUE(result(1).ok()) << qPrintable(result(1).error.message());
    EXPECT_EQ(result(1).reply.text(), QStringLiteral("Ok second"));
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.connections(), 2);
}

TEST_F(SmtpClientTest, AReconnectThatFailsTooIsReportedNotRepeated)
{
    // Once only: the new connection is not a reused one, so its failure is
    // the message's result (a network error), with no third connection.
    m_server.addScenario(oneMessage("250 Ok first") + QStringLiteral("C: NOOP\nX\n"));
    m_server.addScenario(QStringLiteral("X\n"));
    SmtpServerSettings s = settings();
    s.timeouts.noopAfterIdle = 0;
    SmtpClient client(s);
    const QList<SmtpResult> results = sendOneAtATime(client, 2);
    EXPECT_TRUE(results[0].ok());
    EXPECT_EQ(results[1].error.code(), Error::Code::Network) << qPrintable(results[1].error.message());
    EXPECT_EQ(results[1].scope, Core::SmtpScope::Session);
    QTest::qWait(200);
    EXPECT_EQ(m_server.connections(), 2);
}

TEST_F(SmtpClientTest, ScramWithOneIterationIsRefusedAndTheExchangeCancelled)
{
    // RFC 7677 §4: fewer than 4096 rounds is no proof worth sending. The
    // client cancels the exchange (RFC 4954 §4), says why, and says QUIT.
    m_server.addScenario(kGreet
                         + QStringLiteral("S: 250-fake.test\nS: 250 AUTH SCRAM-SHA-256\n"
                                          "C: AUTH SCRAM-SHA-256 .*\nS: 334 cj1hYmNkZWYscz1RU1hDUitRNnNlazhiZjkyLGk9MQ==\n"
                                          "C: \\*\nS: 501 5.7.0 Exchange cancelled\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.allowCleartextAuth = true;
    SmtpClient client(s);
    client.setSaslNonceForTesting("abc");
    client.setCredentials({QStringLiteral("user"), QStringLiteral("pencil"), {}, {}, 0});
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::AuthenticationFailed);
    EXPECT_TRUE(r.error.message().contains(QStringLiteral("4096"))) << qPrintable(r.error.message());
    EXPECT_EQ(r.scope, Core::SmtpScope::Session);
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.messages().size(), 0);
}

// --- CHUNKING (RFC 3030) ----------------------------------------------------

namespace {

const QString kEhloChunking = QStringLiteral(
    "S: 250-fake.test\nS: 250-PIPELINING\nS: 250-8BITMIME\nS: 250-CHUNKING\nS: 250-ENHANCEDSTATUSCODES\n"
    "S: 250 SIZE 100000000\n");

} // namespace

TEST_F(SmtpClientTest, ALargeMessageGoesInBdatChunksUnstuffed)
{
    // At or above the threshold, with CHUNKING offered: MAIL and RCPT, then
    // BDAT chunks and BDAT LAST — no DATA, no 354, no dot-stuffing; the
    // server gets the message's octets (with CRLF line ends) exactly.
    QByteArray content = kMessage;
    while (content.size() < 2500 * 1024)
        content += ".a line that would be dot-stuffed in DATA\r\n" + QByteArray(70, 'x') + "\r\n";
    m_server.addScenario(kGreet + kEhloChunking
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nBDAT\nS: 250 2.0.0 Ok: queued as B1\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.chunkingThreshold = 256 * 1024;
    SmtpClient client(s);
    QStringList log;
    client.setProtocolLog([&log](const QString &line) { log << line; });
    const SmtpResult r = sendAndWait(client, message({QStringLiteral("b@example.org")}, content));
    ASSERT_TRUE(r.ok()) << r.error.message();
    waitDisconnected(client);
    expectScriptFollowed();
    ASSERT_EQ(m_server.messages().size(), 1);
    EXPECT_EQ(m_server.messages().first(), content);
    // The log counts the chunks that went before LAST, as the server saw them.
    const qsizetype chunks = m_server.clientLines().filter(QRegularExpression(QStringLiteral("^BDAT \\d+$"))).size();
    EXPECT_EQ(log.filter(QStringLiteral(" in %1 BDAT chunks> BDAT LAST").arg(chunks)).size(), 1) << qPrintable(log.filter(QStringLiteral("BDAT LAST")).join(u' '));
    EXPECT_TRUE(m_server.clientLines().filter(QStringLiteral("DATA")).isEmpty());
    EXPECT_GE(m_server.clientLines().filter(QRegularExpression(QStringLiteral("^BDAT \\d+$"))).size(), 2);
    EXPECT_EQ(m_server.clientLines().filter(QRegularExpression(QStringLiteral("^BDAT \\d+ LAST$"))).size(), 1);
}

TEST_F(SmtpClientTest, AnEnvelopeRefusedBehindBdatLastIsSentAgainUnpipelined)
{
    // The Haraka case with CHUNKING: the next envelope, pipelined behind
    // BDAT LAST, gets 503s. BDAT sends no DATA, so no DATA reply can carry
    // the "send it again" decision: the recipients' replies must. The
    // second message goes again at once, never held as refused.
    QByteArray content = kMessage;
    while (content.size() < 400 * 1024)
        content += QByteArray(70, 'x') + "\r\n";
    const QString env = QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\n");
    const QString bad = QStringLiteral("S: 503 5.5.0 Bad sequence of commands - pipelined after end of DATA\n");
    m_server.addScenario(kGreet + kEhloChunking + env + QStringLiteral("S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nBDAT\n") + env
                         + QStringLiteral("S: 250 2.0.0 first queued\n") + bad + bad + QStringLiteral("C: RSET\nS: 250 Ok\n")
                         + env + QStringLiteral("S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nBDAT\nS: 250 2.0.0 second queued\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.chunkingThreshold = 256 * 1024;
    SmtpClient client(s);
    QSignalSpy finished(&client, &SmtpClient::finished);
    client.send(message({QStringLiteral("b@example.org")}, content));
    client.send(message({QStringLiteral("b@example.org")}, content));
    while (finished.size() < 2)
        ASSERT_TRUE(finished.wait(5000));
    for (int i = 0; i < 2; ++i) {
        const SmtpResult r = finished[i].first().value<SmtpResult>();
        EXPECT_TRUE(r.ok()) << i << ": " << qPrintable(r.error.message());
    }
    EXPECT_EQ(finished[1].first().value<SmtpResult>().reply.text(), QStringLiteral("second queued"));
    EXPECT_FALSE(client.pipelinesBehindDot());
    waitDisconnected(client);
    expectScriptFollowed();
    ASSERT_EQ(m_server.messages().size(), 2);
    EXPECT_EQ(m_server.messages().last(), content);
}

TEST_F(SmtpClientTest, ASmallMessageStillGoesWithData)
{
    m_server.addScenario(kGreet + kEhloChunking
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\nC: DATA\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 354 go\nDATA\nS: 250 2.0.0 Ok\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.chunkingThreshold = 1024 * 1024; // BDAT from 1 MiB: this one is below
    SmtpClient client(s);
    const SmtpResult r = sendAndWait(client, message());
    ASSERT_TRUE(r.ok()) << r.error.message();
    waitDisconnected(client);
    expectScriptFollowed();
}

TEST_F(SmtpClientTest, ByDefaultEvenALargeMessageGoesWithData)
{
    // BDAT is off unless a threshold is set (docs/design/SMTP.md: with
    // Postfix it was slower than DATA): CHUNKING offered, 2.5 MiB, DATA.
    QByteArray content = kMessage;
    while (content.size() < 2500 * 1024)
        content += QByteArray(70, 'x') + "\r\n";
    m_server.addScenario(kGreet + kEhloChunking
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\nC: DATA\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 354 go\nDATA\nS: 250 2.0.0 Ok\n")
                         + kQuit);
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message({QStringLiteral("b@example.org")}, content));
    ASSERT_TRUE(r.ok()) << r.error.message();
    waitDisconnected(client);
    expectScriptFollowed();
    ASSERT_EQ(m_server.messages().size(), 1);
    EXPECT_EQ(m_server.messages().first(), content);
}

TEST_F(SmtpClientTest, ARefusedChunkIsTheMessagesResultAndNeverSentAgain)
{
    // RFC 3030 §2: a refused chunk fails the transaction. The client stops
    // writing chunks, reads the replies to those already on their way, and
    // reports the refusal as the message's (it is not delivered: BDAT LAST
    // never went); RSET, and the connection serves the next message.
    m_server.addScenario(kGreet + kEhloChunking
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\n"
                                          "BDAT!: 552 5.3.4 Message too big for this mailbox\n"
                                          "C: RSET\nS: 250 2.0.0 Ok\n"
                                          "C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\nC: DATA\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 354 go\nDATA\nS: 250 2.0.0 Ok\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.chunkingThreshold = 256 * 1024;
    SmtpClient client(s);
    QSignalSpy finished(&client, &SmtpClient::finished);
    SmtpMessage big = message();
    big.path = writeBigFile(4 * 1024 * 1024);
    int hookRuns = 0;
    big.beforeFinalDot = [&hookRuns] { return ++hookRuns > 0; };
    client.send(big);
    client.send(message());
    ASSERT_EVENTUALLY(finished.size() == 2, 15000);
    const SmtpResult r = finished.at(0).first().value<SmtpResult>();
    EXPECT_EQ(r.error.code(), Error::Code::TooLarge) << qPrintable(r.error.message());
    EXPECT_EQ(r.scope, Core::SmtpScope::Message);
    EXPECT_EQ(r.reply.code, 552);
    EXPECT_EQ(hookRuns, 0) << "BDAT LAST must not be written after a refused chunk";
    EXPECT_TRUE(finished.at(1).first().value<SmtpResult>().ok());
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.clientLines().filter(QRegularExpression(QStringLiteral("^BDAT \\d+ LAST$"))).size(), 0);
    EXPECT_EQ(m_server.clientLines().filter(QStringLiteral("MAIL FROM")).size(), 2);
    EXPECT_EQ(m_server.connections(), 1);
}

TEST_F(SmtpClientTest, ARefusedLastChunkIsTheMessagesAnswer)
{
    // BDAT LAST goes once every chunk before it is taken; its reply is the
    // server's verdict on the whole message: a refusal, for this message
    // only, and the transaction is over (no RSET).
    m_server.addScenario(kGreet + kEhloChunking
                         + QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=\\d+\nC: RCPT TO:<b@example.org>\n"
                                          "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\n"
                                          "BDAT\nS: 554 5.6.0 Message content rejected\n")
                         + kQuit);
    SmtpServerSettings s = settings();
    s.chunkingThreshold = 0;
    SmtpClient client(s);
    const SmtpResult r = sendAndWait(client, message());
    EXPECT_EQ(r.error.code(), Error::Code::Permanent) << qPrintable(r.error.message());
    EXPECT_EQ(r.scope, Core::SmtpScope::Message);
    EXPECT_EQ(r.reply.code, 554);
    waitDisconnected(client);
    expectScriptFollowed();
    EXPECT_EQ(m_server.clientLines().filter(QRegularExpression(QStringLiteral("^BDAT \\d+ LAST$"))).size(), 1);
}

TEST_F(SmtpClientTest, ASessionWithARefusedRecipientEndsWithQuit)
{
    // A refused recipient concerns the message, not the session: the
    // transaction is reset and the idle connection still says goodbye.
    m_server.addScenario(kGreet + kEhloPipelining
                         + QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:<bad@example.org>\nC: DATA\n"
                                          "S: 250 Ok\nS: 550 5.1.1 <bad@example.org>: unknown user\n"
                                          "S: 554 5.5.1 No valid recipients\nC: RSET\nS: 250 Ok\n")
                         + QStringLiteral("C: QUIT\nS: 221 2.0.0 Bye\nCLOSED\n"));
    SmtpClient client(settings());
    const SmtpResult r = sendAndWait(client, message({QStringLiteral("bad@example.org")}));
    EXPECT_EQ(r.error.code(), Error::Code::Permanent);
    EXPECT_EQ(r.scope, Core::SmtpScope::Message);
    waitDisconnected(client);
    ASSERT_EVENTUALLY(m_server.allScenariosDone(), 5000);
    expectScriptFollowed();
    EXPECT_EQ(m_server.clientLines().value(m_server.clientLines().size() - 1), QStringLiteral("QUIT"));
    EXPECT_EQ(m_server.closes(), QStringList{QStringLiteral("clean")});
}
