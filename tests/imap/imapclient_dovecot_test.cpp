// SPDX-License-Identifier: GPL-3.0-or-later
// ImapClient against real Dovecot IMAP servers (tests/scripts/dovecot_imap.py):
// SPECIAL-USE, a namespace with prefix "INBOX." and "." as separator, a
// server without SPECIAL-USE or LITERAL+, and one with LOGINDISABLED before
// STARTTLS. What was filed is read back with an independent IMAP client
// (Python's imaplib): exactly once, byte-identical, \Seen, internal date =
// the Date header.
#include "core/imap/imapclient.h"

#include <QJsonArray>
#include <QLocale>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QUuid>

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"
#include <memory>

using Core::Error;
using Core::ImapClient;
using Core::ImapSecurity;
using Core::ImapServerSettings;
using Core::SentCopyRequest;
using Core::SentCopyResult;
using Kind = Core::SentCopyResult::Kind;

namespace Core {
inline void PrintTo(SentCopyResult::Kind kind, std::ostream *os)
{
    static const char *const names[]
        = {"Done",        "AlreadyThere", "NeedsFolder", "Refused", "TemporaryFailure",
           "AuthFailure", "Failed"};
    *os << names[static_cast<int>(kind)];
}
} // namespace Core

namespace {

// A message as the outbox keeps it: CRLF lines, its own Date (not UTC, so
// the offset must survive) and a Message-ID unique to the test.
QByteArray message(qsizetype bodySize = 200)
{
    const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray body;
    for (qsizetype i = 0; body.size() < bodySize; ++i)
        body += "Line " + QByteArray::number(i)
            + " of the copy, with Umlauts: \xc3\xa4\xc3\xb6\xc3\xbc.\r\n";
    return "From: Ada <ada@example.org>\r\n"
           "To: Bob <bob@example.org>\r\n"
           "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
           "Date: Sun, 06 Dec 2026 15:04:05 +0100\r\n"
           "Message-ID: <"
        + id
        + "@example.org>\r\n"
          "MIME-Version: 1.0\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n"
          "\r\n"
        + body;
}

class ImapDovecot : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<QTemporaryDir>();
        s_servers = std::make_unique<ServerProcess>(
            TestUtil::python(),
            QStringList {TestUtil::scriptPath("dovecot_imap.py"), QStringLiteral("serve"),
                         QStringLiteral("--dir"), s_dir->path()});
        if (s_servers->ok())
            s_ready = QJsonDocument::fromJson(s_servers->ready().toUtf8()).object();
    }
    static void TearDownTestSuite()
    {
        s_servers.reset();
        s_dir.reset();
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_ready.isEmpty()) << "the Dovecot servers did not start";
    }

    static QJsonObject server(const char *profile)
    {
        return s_ready.value(QLatin1String(profile)).toObject();
    }

    /// STARTTLS on the profile's IMAP port, the test CA trusted.
    static ImapServerSettings settings(const char *profile)
    {
        ImapServerSettings s;
        s.host = server(profile).value(QStringLiteral("host")).toString();
        s.port = static_cast<quint16>(server(profile).value(QStringLiteral("imap")).toInt());
        s.security = ImapSecurity::StartTls;
        s.extraCaFile = s_ready.value(QStringLiteral("ca")).toString();
        s.timeouts.command = s.timeouts.greeting = 20'000;
        return s;
    }

    SentCopyResult file(const ImapServerSettings &s, const SentCopyRequest &request,
                        const QString &user = QStringLiteral("ada"),
                        const QString &password = QStringLiteral("ada-secret"))
    {
        ImapClient client(s);
        client.setCredentials({user, password, {}, s.host, s.port});
        m_log.clear();
        client.setProtocolLog([this](const QString &line) { m_log << line; });
        QSignalSpy finished(&client, &ImapClient::finished);
        client.fileInSent(request);
        EXPECT_TRUE(finished.isEmpty()) << "finished() inside fileInSent()";
        EXPECT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 60000)) << "no result";
        EXPECT_EQ(finished.size(), 1);
        return finished.isEmpty() ? SentCopyResult {}
                                  : finished.first().first().value<SentCopyResult>();
    }

    /// What an independent client finds in the folder.
    static QJsonObject folder(const char *profile, const QString &name,
                              const QString &user = QStringLiteral("ada"),
                              const QString &password = QStringLiteral("ada-secret"))
    {
        QStringList args = {QStringLiteral("fetch"),
                            QStringLiteral("--host"),
                            server(profile).value(QStringLiteral("host")).toString(),
                            QStringLiteral("--port"),
                            QString::number(server(profile).value(QStringLiteral("imap")).toInt()),
                            QStringLiteral("--user"),
                            user,
                            QStringLiteral("--password"),
                            password,
                            QStringLiteral("--folder"),
                            name};
        if (server(profile).value(QStringLiteral("imaps")).isDouble())
            args << QStringLiteral("--starttls") << QStringLiteral("--ca-file")
                 << s_ready.value(QStringLiteral("ca")).toString();
        return TestUtil::runPythonJson("dovecot_imap.py", args);
    }

    /// The messages in the folder whose octets are exactly `octets`.
    static int copiesOf(const QJsonObject &folderState, const QByteArray &octets)
    {
        int n = 0;
        for (const QJsonValue &m : folderState.value(QStringLiteral("messages")).toArray())
            if (QByteArray::fromBase64(
                    m.toObject().value(QStringLiteral("body")).toString().toLatin1())
                == octets)
                ++n;
        return n;
    }

    /// The one copy must be byte-identical, \Seen, dated by its Date header.
    static void expectFiledOnce(const QJsonObject &folderState, const QByteArray &octets)
    {
        ASSERT_TRUE(folderState.value(QStringLiteral("exists")).toBool());
        EXPECT_EQ(copiesOf(folderState, octets), 1);
        for (const QJsonValue &v : folderState.value(QStringLiteral("messages")).toArray()) {
            const QJsonObject m = v.toObject();
            if (QByteArray::fromBase64(m.value(QStringLiteral("body")).toString().toLatin1())
                != octets)
                continue;
            EXPECT_TRUE(
                m.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("\\Seen")));
            // The same instant; a Maildir keeps it as a file time, in UTC.
            const QDateTime internal
                = QLocale::c().toDateTime(m.value(QStringLiteral("internaldate")).toString(),
                                          QStringLiteral("dd-MMM-yyyy HH:mm:ss t"));
            EXPECT_TRUE(internal.isValid()) << m.value(QStringLiteral("internaldate")).toString();
            EXPECT_EQ(internal, QDateTime(QDate(2026, 12, 6), QTime(14, 4, 5), Qt::UTC))
                << m.value(QStringLiteral("internaldate")).toString();
        }
    }

    /// Whether a command line the client sent contains `text`.
    bool logMentions(const QString &text) const
    {
        for (const QString &line : m_log)
            if (line.startsWith(QLatin1String("C: ")) && line.contains(text, Qt::CaseInsensitive))
                return true;
        return false;
    }

    QStringList m_log;
    static inline std::unique_ptr<QTemporaryDir> s_dir;
    static inline std::unique_ptr<ServerProcess> s_servers;
    static inline QJsonObject s_ready;
};

TEST_F(ImapDovecot, SpecialUseSentIsFiledOnceThenFoundAgain)
{
    const QByteArray octets = message();
    const SentCopyResult r = file(settings("special"), {octets, {}, false});
    ASSERT_EQ(r.kind, Kind::Done) << r.error.message();
    EXPECT_EQ(r.folder, QStringLiteral("Sent"));
    EXPECT_FALSE(r.outcomeUnknown);
    EXPECT_GT(r.uid, 0u) << "UIDPLUS is offered: APPENDUID expected";
    EXPECT_TRUE(logMentions(QStringLiteral("RETURN (SPECIAL-USE)")));
    EXPECT_TRUE(logMentions(QStringLiteral("AUTHENTICATE SCRAM-SHA-256")));
    expectFiledOnce(folder("special", QStringLiteral("Sent")), octets);

    // The same Message-ID again (an answer lost, a crash): nothing filed.
    const SentCopyResult again = file(settings("special"), {octets, {}, false});
    EXPECT_EQ(again.kind, Kind::AlreadyThere) << again.error.message();
    EXPECT_FALSE(logMentions(QStringLiteral("APPEND")));
    expectFiledOnce(folder("special", QStringLiteral("Sent")), octets);
}

TEST_F(ImapDovecot, ImplicitTlsWithPlain)
{
    ImapServerSettings s = settings("special");
    s.port = static_cast<quint16>(server("special").value(QStringLiteral("imaps")).toInt());
    s.security = ImapSecurity::ImplicitTls;
    s.authMechanisms = {QStringLiteral("PLAIN")};
    const QByteArray octets = message(3000);
    const SentCopyResult r = file(s, {octets, {}, false});
    ASSERT_EQ(r.kind, Kind::Done) << r.error.message();
    EXPECT_TRUE(logMentions(QStringLiteral("AUTHENTICATE PLAIN <redacted>")));
    EXPECT_FALSE(logMentions(QStringLiteral("ada-secret")));
    expectFiledOnce(folder("special", QStringLiteral("Sent")), octets);
}

TEST_F(ImapDovecot, NamespacePrefixAndDotSeparator)
{
    const QByteArray octets = message();
    const SentCopyResult r = file(settings("german"), {octets, {}, false});
    ASSERT_EQ(r.kind, Kind::Done) << r.error.message();
    EXPECT_EQ(r.folder, QStringLiteral("INBOX.Gesendete Objekte"));
    expectFiledOnce(folder("german", QStringLiteral("INBOX.Gesendete Objekte")), octets);
}

TEST_F(ImapDovecot, WithoutSpecialUseTheFolderIsFoundByName)
{
    ImapServerSettings s = settings("nospecial");
    s.security = ImapSecurity::None;
    s.allowCleartextAuth = true;
    const QByteArray octets = message(5000);
    const SentCopyResult r = file(s, {octets, {}, false});
    ASSERT_EQ(r.kind, Kind::Done) << r.error.message();
    EXPECT_EQ(r.folder, QStringLiteral("Sent Items"));
    EXPECT_FALSE(logMentions(QStringLiteral("SPECIAL-USE")));
    expectFiledOnce(folder("nospecial", QStringLiteral("Sent Items")), octets);
    EXPECT_EQ(file(s, {octets, {}, false}).kind, Kind::AlreadyThere);
    expectFiledOnce(folder("nospecial", QStringLiteral("Sent Items")), octets);
}

TEST_F(ImapDovecot, LoginDisabledBeforeStartTls)
{
    const QByteArray octets = message();
    const SentCopyResult r = file(settings("strict"), {octets, {}, false});
    ASSERT_EQ(r.kind, Kind::Done) << r.error.message();
    expectFiledOnce(folder("strict", QStringLiteral("Sent")), octets);
}

TEST_F(ImapDovecot, WithoutTlsNoPasswordGoesWhereLoginIsDisabled)
{
    // Even an account that allows cleartext sign-in does not try LOGIN
    // against LOGINDISABLED, and there is no AUTH= to use either.
    ImapServerSettings s = settings("strict");
    s.security = ImapSecurity::None;
    s.allowCleartextAuth = true;
    const SentCopyResult r = file(s, {message(), {}, false});
    EXPECT_EQ(r.kind, Kind::AuthFailure);
    EXPECT_FALSE(logMentions(QStringLiteral("C: A002 LOGIN")));
    EXPECT_FALSE(logMentions(QStringLiteral("AUTHENTICATE")));
}

TEST_F(ImapDovecot, StartTlsMissingIsAnErrorNotADowngrade)
{
    const SentCopyResult r = file(settings("nospecial"), {message(), {}, false});
    EXPECT_EQ(r.kind, Kind::Failed);
    EXPECT_EQ(r.error.code(), Error::Code::Tls);
    EXPECT_FALSE(logMentions(QStringLiteral("AUTHENTICATE")));
    EXPECT_FALSE(logMentions(QStringLiteral("LOGIN")));
}

TEST_F(ImapDovecot, WrongPasswordIsAnAuthFailure)
{
    const SentCopyResult r = file(settings("special"), {message(), {}, false},
                                  QStringLiteral("ada"), QStringLiteral("wrong"));
    EXPECT_EQ(r.kind, Kind::AuthFailure);
    EXPECT_EQ(r.error.code(), Error::Code::AuthenticationFailed);
    EXPECT_FALSE(r.error.serverText().isEmpty());
}

TEST_F(ImapDovecot, OverQuotaIsRefusedWithTheServersText)
{
    const QByteArray octets = message(4000);
    const SentCopyResult r = file(settings("special"), {octets, {}, false}, QStringLiteral("tiny"),
                                  QStringLiteral("tiny-secret"));
    ASSERT_EQ(r.kind, Kind::Refused) << r.error.message();
    EXPECT_TRUE(r.error.serverText().contains(QStringLiteral("OVERQUOTA"))) << r.error.serverText();
    EXPECT_FALSE(r.outcomeUnknown);
    EXPECT_EQ(copiesOf(folder("special", QStringLiteral("Sent"), QStringLiteral("tiny"),
                              QStringLiteral("tiny-secret")),
                       octets),
              0);
}

TEST_F(ImapDovecot, AppendLimitIsRefusedBeforeTheUpload)
{
    const QByteArray octets = message(6000);
    const SentCopyResult r = file(settings("strict"), {octets, {}, false});
    ASSERT_EQ(r.kind, Kind::Refused) << r.error.message();
    EXPECT_EQ(r.error.code(), Error::Code::TooLarge);
    EXPECT_TRUE(r.error.serverText().contains(QStringLiteral("APPENDLIMIT=4096")));
    EXPECT_FALSE(logMentions(QStringLiteral("APPEND \"Sent\"")));
    EXPECT_EQ(copiesOf(folder("strict", QStringLiteral("Sent")), octets), 0);
}

TEST_F(ImapDovecot, MissingFolderIsReportedThenCreatedOnRequest)
{
    const QString name = QStringLiteral("Versand/Gesendet ✓ & Co");
    const QByteArray octets = message();
    const SentCopyResult asked = file(settings("special"), {octets, name, false});
    EXPECT_EQ(asked.kind, Kind::NeedsFolder) << asked.error.message();
    EXPECT_EQ(asked.folder, name);
    EXPECT_FALSE(folder("special", name).value(QStringLiteral("exists")).toBool());

    const SentCopyResult created = file(settings("special"), {octets, name, true});
    ASSERT_EQ(created.kind, Kind::Done) << created.error.message();
    EXPECT_TRUE(logMentions(QStringLiteral("CREATE Versand/Gesendet &JxM- &- Co")));
    expectFiledOnce(folder("special", name), octets);
}

TEST_F(ImapDovecot, LineBreaksInNamesAreRefusedBeforeConnecting)
{
    const QByteArray octets = message();
    const SentCopyResult badFolder
        = file(settings("special"), {octets, QStringLiteral("Sent\r\nA1 DELETE INBOX"), false});
    EXPECT_EQ(badFolder.kind, Kind::Failed);
    EXPECT_EQ(badFolder.error.code(), Error::Code::HeaderInjection);
    EXPECT_TRUE(m_log.isEmpty()) << "connected anyway";

    const SentCopyResult badUser
        = file(settings("special"), {octets, {}, false}, QStringLiteral("ada\r\nA1 LOGOUT"));
    EXPECT_EQ(badUser.kind, Kind::Failed);
    EXPECT_EQ(badUser.error.code(), Error::Code::HeaderInjection);
    EXPECT_TRUE(m_log.isEmpty()) << "connected anyway";
    EXPECT_EQ(copiesOf(folder("special", QStringLiteral("Sent")), octets), 0);
}

TEST_F(ImapDovecot, UntrustedCertificateIsReported)
{
    ImapServerSettings s = settings("special");
    s.extraCaFile.clear();
    const SentCopyResult r = file(s, {message(), {}, false});
    EXPECT_EQ(r.kind, Kind::Failed);
    EXPECT_EQ(r.error.code(), Error::Code::CertificateUntrusted);
    EXPECT_FALSE(r.certificate.sha256.isEmpty());
    EXPECT_FALSE(logMentions(QStringLiteral("AUTHENTICATE")));
}

TEST_F(ImapDovecot, APinnedCertificateIsAcceptedAndAnotherIsChanged)
{
    // The same rule as SMTP: a pin (TrustStore) excuses exactly the
    // certificate the person accepted; any other failing one has "changed".
    const QList<QSslCertificate> certs
        = QSslCertificate::fromPath(s_ready.value(QStringLiteral("cert")).toString(), QSsl::Pem);
    ASSERT_EQ(certs.size(), 1);
    ImapServerSettings s = settings("special");
    s.extraCaFile.clear();
    s.pinnedSha256
        = {QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex())};
    const QByteArray octets = message();
    const SentCopyResult pinned = file(s, {octets, {}, false});
    ASSERT_EQ(pinned.kind, Kind::Done) << pinned.error.message();
    expectFiledOnce(folder("special", QStringLiteral("Sent")), octets);

    s.pinnedSha256 = {QString(64, QLatin1Char('a'))};
    const SentCopyResult changed = file(s, {message(), {}, false});
    EXPECT_EQ(changed.kind, Kind::Failed);
    EXPECT_EQ(changed.error.code(), Error::Code::CertificateChanged);
    EXPECT_FALSE(logMentions(QStringLiteral("AUTHENTICATE")));
}

} // namespace
