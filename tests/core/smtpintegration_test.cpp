// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpClient against real servers started by the test scripts on loopback:
// aiosmtpd (STARTTLS + AUTH, implicit TLS) and Postfix (submission with
// STARTTLS + Cyrus SASL, implicit TLS, size limit, SMTPUTF8). The octets the
// server received are compared with the file MimeBuilder wrote.
#include "core/mime/mimebuilder.h"
#include "core/smtp/smtpclient.h"

#include "tests/support/serverprocess.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>

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

    QTemporaryDir m_dir;
    QString m_attachment;
    int m_count = 0;
};

} // namespace

TEST_F(SmtpIntegration, AiosmtpdStartTlsAuthDeliversTheExactBytes)
{
    const auto &certs = TestCerts::paths();
    const QString outdir = m_dir.filePath(QStringLiteral("aiosmtpd"));
    QDir().mkpath(outdir);
    ServerProcess server(TestUtil::python(),
                         {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), outdir,
                          QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey});
    ASSERT_TRUE(server.ok());

    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope, QStringLiteral("hidden@example.test"));
    SmtpMessage m{envelope, path, {}, false, {}};
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
    const auto &certs = TestCerts::paths();
    const QString outdir = m_dir.filePath(QStringLiteral("aiosmtpd-bad"));
    QDir().mkpath(outdir);
    ServerProcess server(TestUtil::python(),
                         {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), outdir,
                          QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey});
    ASSERT_TRUE(server.ok());
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    const SmtpResult r = send(settings(server.ready().toUShort(), SmtpSecurity::StartTls),
                              QStringLiteral("user"), QStringLiteral("wrong"), {envelope, path, {}, false, {}});
    EXPECT_EQ(r.error.code(), Error::Code::AuthenticationFailed) << qPrintable(r.error.message());
    EXPECT_EQ(r.error.replyCode(), 535);
    EXPECT_FALSE(QFile::exists(outdir + QStringLiteral("/1.eml")));
}

TEST_F(SmtpIntegration, AiosmtpdImplicitTls)
{
    const auto &certs = TestCerts::paths();
    const QString outdir = m_dir.filePath(QStringLiteral("aiosmtpd-tls"));
    QDir().mkpath(outdir);
    ServerProcess server(TestUtil::python(),
                         {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), outdir,
                          QStringLiteral("--cert"), certs.serverCert, QStringLiteral("--key"), certs.serverKey,
                          QStringLiteral("--implicit-tls")});
    ASSERT_TRUE(server.ok());
    Core::Envelope envelope;
    const QString path = build(QStringLiteral("aenne@example.test"), &envelope);
    const SmtpResult r = send(settings(server.ready().toUShort(), SmtpSecurity::ImplicitTls),
                              QStringLiteral("user"), QStringLiteral("secret"), {envelope, path, {}, false, {}});
    ASSERT_TRUE(r.ok()) << qPrintable(r.error.message());
    EXPECT_EQ(readAll(outdir + QStringLiteral("/1.eml")), readAll(path));
}
