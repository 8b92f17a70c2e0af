// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpClient against real servers started by the test scripts on loopback:
// aiosmtpd (STARTTLS + AUTH, implicit TLS) and Postfix (submission with
// STARTTLS + Cyrus SASL, implicit TLS, size limit, SMTPUTF8). The octets the
// server received are compared with the file MimeBuilder wrote.
#include "core/mime/mimebuilder.h"
#include "core/smtp/smtpclient.h"

#include "tests/support/maildir.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Core::Attachment;
using Core::Draft;
using Core::Error;
using Core::MailAddress;
using Core::SmtpClient;
using Core::SmtpMessage;
using Core::SmtpResult;
using Core::SmtpSecurity;
using Core::SmtpServerSettings;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qPrintable(path);
    return f.readAll();
}

class SmtpIntegration : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_attachment = m_dir.filePath(QStringLiteral("Bericht März.pdf"));
        QFile f(m_attachment);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray data(200 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = static_cast<char>((i * 7919) % 251);
        f.write("%PDF-1.4\n" + data);
    }

    // Builds a message with a UTF-8 subject and an attachment; returns its path.
    QString build(const QString &to, Core::Envelope *envelope, const QString &bcc = {})
    {
        Draft d;
        d.from = MailAddress(QStringLiteral("Jürgen Groß"), QStringLiteral("user@example.test"));
        d.to = {MailAddress(QStringLiteral("Änne"), to)};
        if (!bcc.isEmpty())
            d.bcc = {MailAddress({}, bcc)};
        d.subject = QStringLiteral("Grüße aus München — 日本語 🎉");
        d.textBody = QStringLiteral("Hallo Änne,\n.\nanbei der Bericht.\n");
        d.attachments = {Attachment{m_attachment, {}, {}}};
        const QString path = m_dir.filePath(QStringLiteral("out-%1.eml").arg(++m_count));
        auto r = Core::MimeBuilder().writeToFile(d, path);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : qPrintable(r.error().message()));
        if (r.ok())
            *envelope = r.value();
        return path;
    }

    // A message to send, by name (not by the order of SmtpMessage's fields).
    static SmtpMessage toSend(const Core::Envelope &envelope, const QString &path)
    {
        SmtpMessage m;
        m.envelope = envelope;
        m.path = path;
        return m;
    }

    SmtpResult send(const SmtpServerSettings &settings, const QString &user, const QString &password,
                    SmtpMessage message, QString *mechanism = nullptr)
    {
        SmtpClient client(settings);
        client.setCredentials({user, password, {}, {}, 0});
        QSignalSpy finished(&client, &SmtpClient::finished);
        client.send(std::move(message));
        EXPECT_TRUE(finished.wait(30000));
        if (mechanism)
            *mechanism = client.authMechanism();
        return finished.isEmpty() ? SmtpResult{} : finished.first().first().value<SmtpResult>();
    }

    SmtpServerSettings settings(quint16 port, SmtpSecurity security) const
    {
        SmtpServerSettings s;
        s.host = QStringLiteral("localhost");
        s.port = port;
        s.security = security;
        s.extraCaFile = TestCerts::paths().caCert;
        s.timeouts.idleQuit = 100;
        return s;
    }

    /// Arguments that start tests/scripts/aiosmtpd_server.py writing into a
    /// fresh directory `name` under the test's temporary directory.
    QStringList aiosmtpdArgs(const QString &name, QString *outdir) const
    {
        const auto &certs = TestCerts::paths();
        *outdir = m_dir.filePath(name);
        QDir().mkpath(*outdir);
        return {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), *outdir,
                QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey};
    }

    QTemporaryDir m_dir;
    QString m_attachment;
    int m_count = 0;
};

} // namespace

TEST_F(SmtpIntegration, AiosmtpdStartTlsAuthDeliversTheExactBytes)
{
    QString outdir;
    ServerProcess server(TestUtil::python(), aiosmtpdArgs(QStringLiteral("aiosmtpd"), &outdir));
    ASSERT_TRUE(server.ok());

    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope, QStringLiteral("hidden@example.test"));
    SmtpMessage m = toSend(envelope, path);
    QString mechanism;
    const SmtpResult r = send(settings(server.ready().toUShort(), SmtpSecurity::StartTls),
                              QStringLiteral("user"), QStringLiteral("secret"), m, &mechanism);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    EXPECT_EQ(mechanism, QStringLiteral("PLAIN"));

    EXPECT_EQ(readAll(outdir + QStringLiteral("/1.eml")), readAll(path)) << "delivered bytes differ";
    const QJsonObject env = QJsonDocument::fromJson(readAll(outdir + QStringLiteral("/1.json"))).object();
    EXPECT_EQ(env[QStringLiteral("mail_from")].toString(), QStringLiteral("user@example.test"));
    EXPECT_EQ(env[QStringLiteral("rcpt_tos")].toArray().size(), 2) << "Bcc stays in the envelope";
    EXPECT_TRUE(env[QStringLiteral("authenticated")].toBool());
    EXPECT_TRUE(env[QStringLiteral("tls")].toBool());
}

TEST_F(SmtpIntegration, AiosmtpdRejectsAWrongPassword)
{
    QString outdir;
    ServerProcess server(TestUtil::python(), aiosmtpdArgs(QStringLiteral("aiosmtpd-bad"), &outdir));
    ASSERT_TRUE(server.ok());
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    const SmtpResult r = send(settings(server.ready().toUShort(), SmtpSecurity::StartTls),
                              QStringLiteral("user"), QStringLiteral("wrong"), toSend(envelope, path));
    EXPECT_EQ(r.error.code(), Error::Code::AuthenticationFailed) << qPrintable(r.error.message());
    EXPECT_EQ(r.error.replyCode(), 535);
    EXPECT_FALSE(QFile::exists(outdir + QStringLiteral("/1.eml")));
}

TEST_F(SmtpIntegration, AiosmtpdImplicitTls)
{
    QString outdir;
    ServerProcess server(TestUtil::python(),
                         aiosmtpdArgs(QStringLiteral("aiosmtpd-tls"), &outdir) << QStringLiteral("--implicit-tls"));
    ASSERT_TRUE(server.ok());
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    const SmtpResult r = send(settings(server.ready().toUShort(), SmtpSecurity::ImplicitTls),
                              QStringLiteral("user"), QStringLiteral("secret"), toSend(envelope, path));
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    EXPECT_EQ(readAll(outdir + QStringLiteral("/1.eml")), readAll(path));
}

// --- Postfix ---------------------------------------------------------------

namespace {

class PostfixIntegration : public SmtpIntegration
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const auto &certs = TestCerts::paths();
        s_server = new ServerProcess(
            TestUtil::python(),
            {TestUtil::scriptPath("postfix_instance.py"), QStringLiteral("--dir"), s_dir->path(),
             QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey,
             QStringLiteral("--size-limit"), QString::number(1024 * 1024)});
        s_info = QJsonDocument::fromJson(s_server->ready().toUtf8()).object();
        s_maildir.setPath(s_info[QStringLiteral("maildir")].toString());
    }

    static void TearDownTestSuite()
    {
        delete s_server;
        delete s_dir;
    }

    void SetUp() override
    {
        SmtpIntegration::SetUp();
        ASSERT_TRUE(s_server && s_server->ok()) << "Postfix did not start";
    }

    static quint16 port(const char *service) { return static_cast<quint16>(s_info[QString::fromLatin1(service)].toInt()); }

    static QByteArray nextDelivery() { return s_maildir.next(); }

    // Postfix prepends Return-Path, Delivered-To and Received, and stores
    // LF line endings; everything after that must be our message, octet for octet.
    static void expectDelivered(const QByteArray &delivered, const QString &builtPath)
    {
        QByteArray built = readAll(builtPath);
        built.replace("\r\n", "\n");
        EXPECT_TRUE(delivered.endsWith(built))
            << "delivered message differs from the built one:\n" << delivered.left(1500).toStdString();
        EXPECT_TRUE(delivered.startsWith("Return-Path: <user@example.test>\n"));
    }

    // Builds and hands over `count` messages; their paths.
    QStringList sendSeveral(SmtpClient &client, int count)
    {
        QStringList paths;
        for (int i = 0; i < count; ++i) {
            Core::Envelope envelope;
            paths << build(QStringLiteral("aenne@example.test"), &envelope);
            client.send(toSend(envelope, paths.last()));
        }
        return paths;
    }

    // Each built message arrived exactly once (the virtual delivery agent
    // may deliver them in any order).
    static void expectEachDeliveredOnce(const QStringList &paths)
    {
        QList<QByteArray> delivered;
        for (qsizetype i = 0; i < paths.size(); ++i)
            delivered << nextDelivery();
        for (const QString &p : paths) {
            QByteArray built = readAll(p);
            built.replace("\r\n", "\n");
            EXPECT_EQ(std::count_if(delivered.cbegin(), delivered.cend(),
                                    [&](const QByteArray &d) { return d.endsWith(built); }),
                      1)
                << qPrintable(p);
        }
    }

    static inline QTemporaryDir *s_dir = nullptr;
    static inline ServerProcess *s_server = nullptr;
    static inline QJsonObject s_info;
    static inline MaildirWatcher s_maildir;
};

} // namespace

TEST_F(PostfixIntegration, SubmissionStartTlsWithEachSaslMechanism)
{
    for (const char *mech : {"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN"}) {
        Core::Envelope envelope;
        const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
        SmtpServerSettings s = settings(port("submission"), SmtpSecurity::StartTls);
        s.authMechanisms = {QString::fromLatin1(mech)};
        QString used;
        const SmtpResult r = send(s, QStringLiteral("user"), QStringLiteral("secret"),
                                  toSend(envelope, path), &used);
        ASSERT_TRUE(r.ok()) << mech << ": " << qPrintable(r.error.message());
        EXPECT_EQ(used, QString::fromLatin1(mech));
        expectDelivered(nextDelivery(), path);
    }
}

TEST_F(PostfixIntegration, BestMechanismIsScramSha256)
{
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    QString used;
    const SmtpResult r = send(settings(port("submission"), SmtpSecurity::StartTls), QStringLiteral("user"),
                              QStringLiteral("secret"), toSend(envelope, path), &used);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    EXPECT_EQ(used, QStringLiteral("SCRAM-SHA-256"));
    expectDelivered(nextDelivery(), path);
}

TEST_F(PostfixIntegration, ImplicitTls)
{
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    const SmtpResult r = send(settings(port("smtps"), SmtpSecurity::ImplicitTls), QStringLiteral("user"),
                              QStringLiteral("secret"), toSend(envelope, path));
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    expectDelivered(nextDelivery(), path);
}

TEST_F(PostfixIntegration, WrongPasswordIs535)
{
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    SmtpServerSettings s = settings(port("submission"), SmtpSecurity::StartTls);
    s.authMechanisms = {QStringLiteral("PLAIN")};
    const SmtpResult r = send(s, QStringLiteral("user"), QStringLiteral("not-the-password"),
                              toSend(envelope, path));
    EXPECT_EQ(r.error.code(), Error::Code::AuthenticationFailed) << qPrintable(r.error.message());
    EXPECT_EQ(r.error.replyCode(), 535);
    EXPECT_EQ(r.error.enhancedCode(), QStringLiteral("5.7.8"));
}

TEST_F(PostfixIntegration, SizeLimitIsRefusedBeforeSending)
{
    // 1.5 MB attachment against a 1 MB message_size_limit announced in EHLO.
    QFile big(m_attachment);
    ASSERT_TRUE(big.open(QIODevice::Append));
    big.write(QByteArray(1536 * 1024, 'z'));
    big.close();
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    const SmtpResult r = send(settings(port("submission"), SmtpSecurity::StartTls), QStringLiteral("user"),
                              QStringLiteral("secret"), toSend(envelope, path));
    EXPECT_EQ(r.error.code(), Error::Code::TooLarge) << qPrintable(r.error.message());
}

TEST_F(PostfixIntegration, SmtpUtf8Recipient)
{
    Draft d;
    d.from = MailAddress(QStringLiteral("Jürgen"), QStringLiteral("user@example.test"));
    d.to = {MailAddress(QStringLiteral("用户"), QStringLiteral("用户@example.test"))};
    d.subject = QStringLiteral("EAI 测试");
    d.textBody = QStringLiteral("你好\n");
    const QString path = m_dir.filePath(QStringLiteral("eai.eml"));
    auto built = Core::MimeBuilder().writeToFile(d, path);
    ASSERT_TRUE(built.ok());
    ASSERT_TRUE(built->needsSmtpUtf8);
    const SmtpResult r = send(settings(port("submission"), SmtpSecurity::StartTls), QStringLiteral("user"),
                              QStringLiteral("secret"), toSend(built.value(), path));
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    const QByteArray delivered = nextDelivery();
    expectDelivered(delivered, path);
    EXPECT_TRUE(delivered.contains(QStringLiteral("Delivered-To: 用户@example.test").toUtf8()));
}

TEST_F(PostfixIntegration, SeveralMessagesOverOneConnection)
{
    SmtpServerSettings s = settings(port("submission"), SmtpSecurity::StartTls);
    SmtpClient client(s);
    client.setCredentials({QStringLiteral("user"), QStringLiteral("secret"), {}, {}, 0});
    QSignalSpy finished(&client, &SmtpClient::finished);
    QSignalSpy states(&client, &SmtpClient::stateChanged);
    const QStringList paths = sendSeveral(client, 3);
    while (finished.size() < 3)
        ASSERT_TRUE(finished.wait(30000));
    for (const auto &args : finished)
        EXPECT_TRUE(args.first().value<SmtpResult>().ok());
    int connects = 0;
    for (const auto &args : states)
        connects += args.first().value<SmtpClient::State>() == SmtpClient::State::Connecting ? 1 : 0;
    EXPECT_EQ(connects, 1);
    expectEachDeliveredOnce(paths);
}

TEST_F(PostfixIntegration, ALargeMessageGoesInBdatChunksAndArrivesByteExact)
{
    // Postfix offers CHUNKING (RFC 3030): above the threshold the message
    // goes in BDAT chunks. Its log counts the commands of every session
    // ("disconnect from ... bdat=N"); the message arrives octet for octet,
    // its line holding a lone "." included (BDAT is not dot-stuffed).
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    SmtpServerSettings s = settings(port("submission"), SmtpSecurity::StartTls);
    s.chunkingThreshold = 64 * 1024;
    const QString maillog = s_info[QStringLiteral("maillog")].toString();
    const auto sessionsWith = [&maillog](const char *pattern) {
        qsizetype n = 0;
        const QRegularExpression re(QString::fromLatin1(pattern));
        for (auto it = re.globalMatch(QString::fromUtf8(readAll(maillog))); it.hasNext(); it.next())
            ++n;
        return n;
    };
    const qsizetype bdatBefore = sessionsWith("disconnect from .* bdat=\\d+");
    const qsizetype dataBefore = sessionsWith("disconnect from .* data=\\d+");
    const SmtpResult r = send(s, QStringLiteral("user"), QStringLiteral("secret"), toSend(envelope, path));
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    expectDelivered(nextDelivery(), path);
    ASSERT_EVENTUALLY(sessionsWith("disconnect from .* bdat=\\d+") == bdatBefore + 1, 10000);
    EXPECT_EQ(sessionsWith("disconnect from .* data=\\d+"), dataBefore);
}

TEST_F(PostfixIntegration, BdatMessagesInARowWithTheNextEnvelopeBehindLast)
{
    // Three large messages on one connection: each next envelope goes out
    // behind the previous BDAT LAST (RFC 2920 §3.1, RFC 3030 §4.2), and
    // Postfix answers the chunks, LAST and the envelope in order.
    SmtpServerSettings s = settings(port("submission"), SmtpSecurity::StartTls);
    s.chunkingThreshold = 64 * 1024;
    SmtpClient client(s);
    client.setCredentials({QStringLiteral("user"), QStringLiteral("secret"), {}, {}, 0});
    QStringList log;
    client.setProtocolLog([&log](const QString &line) { log << line; });
    QSignalSpy finished(&client, &SmtpClient::finished);
    const QStringList paths = sendSeveral(client, 3);
    ASSERT_EVENTUALLY(finished.size() == 3, 30000);
    for (const auto &args : finished)
        EXPECT_TRUE(args.first().value<SmtpResult>().ok()) << qPrintable(args.first().value<SmtpResult>().error.message());
    // Behind the first and the second LAST, the next MAIL in the same flight.
    qsizetype behind = 0;
    for (qsizetype i = 0; i + 1 < log.size(); ++i)
        behind += log.at(i).contains(QLatin1String("BDAT LAST")) && log.at(i + 1).startsWith(QLatin1String("C: MAIL FROM"));
    EXPECT_EQ(behind, 2) << qPrintable(log.join(u'\n'));
    expectEachDeliveredOnce(paths);
}
