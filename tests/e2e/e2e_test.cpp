// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the installed `outpost` and `outpost-sendmail`, run as a user
// or a script would, against a private Postfix (STARTTLS + SASL) and the real
// Secret Service (this executable runs inside tests/scripts/with_keyring.sh).
#include "tests/support/maildir.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kOutpost = QStringLiteral(OUTPOST_PREFIX "/bin/outpost");
const QString kSendmail = QStringLiteral(OUTPOST_PREFIX "/bin/outpost-sendmail");

struct RunResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class EndToEnd : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const auto &certs = TestCerts::paths();
        s_postfix = new ServerProcess(
            TestUtil::python(),
            {TestUtil::scriptPath("postfix_instance.py"), QStringLiteral("--dir"), s_dir->path(), QStringLiteral("--cert"),
             certs.serverCert, QStringLiteral("--key"), certs.serverKey, QStringLiteral("--size-limit"),
             QString::number(100 * 1024 * 1024)});
        s_info = QJsonDocument::fromJson(s_postfix->ready().toUtf8()).object();
        s_maildir.setPath(s_info[QStringLiteral("maildir")].toString());
    }
    static void TearDownTestSuite()
    {
        delete s_postfix;
        delete s_dir;
    }

    void SetUp() override
    {
        ASSERT_TRUE(s_postfix && s_postfix->ok()) << "Postfix did not start";
        ASSERT_TRUE(QFile::exists(kOutpost)) << "not installed: " << qPrintable(kOutpost);
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) << "run through with_keyring.sh";
        m_service = QStringLiteral("Outpost-e2e-%1").arg(QRandomGenerator::global()->generate());
    }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("OUTPOST_EXTRA_CA_FILE"), TestCerts::paths().caCert);
        e.insert(QStringLiteral("OUTPOST_KEYCHAIN_SERVICE"), m_service);
        e.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        e.insert(QStringLiteral("HOME"), m_home.path());
        e.insert(QStringLiteral("OUTPOST_PROTOCOL_LOG"), m_home.filePath(QStringLiteral("smtp.log")));
        return e;
    }

    RunResult run(const QString &program, const QStringList &args, const QByteArray &input = {},
            const QString &inputFile = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.setWorkingDirectory(m_home.path());
        if (!inputFile.isEmpty())
            p.setStandardInputFile(inputFile);
        p.start(program, args);
        EXPECT_TRUE(p.waitForStarted(10000)) << qPrintable(program);
        if (inputFile.isEmpty()) {
            p.write(input);
            p.closeWriteChannel();
        }
        EXPECT_TRUE(p.waitForFinished(300000)) << qPrintable(program) << " hangs";
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString addAccount()
    {
        const RunResult r = run(kOutpost,
                          {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("work"),
                           QStringLiteral("--email"), QStringLiteral("user@example.test"), QStringLiteral("--display-name"),
                           QStringLiteral("Jürgen Groß"), QStringLiteral("--host"), QStringLiteral("localhost"),
                           QStringLiteral("--port"), QString::number(s_info[QStringLiteral("submission")].toInt()),
                           QStringLiteral("--security"), QStringLiteral("starttls"), QStringLiteral("--username"),
                           QStringLiteral("user"), QStringLiteral("--password-stdin")},
                          "secret\n");
        EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
        const QJsonArray accounts = QJsonDocument::fromJson(run(kOutpost, {QStringLiteral("account"), QStringLiteral("list"),
                                                                           QStringLiteral("--json")}).out.toUtf8()).array();
        return accounts.isEmpty() ? QString() : accounts.first().toObject().value(QStringLiteral("id")).toString();
    }

    QJsonArray outbox() const
    {
        return QJsonDocument::fromJson(run(kOutpost, {QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json")})
                                           .out.toUtf8()).array();
    }

    static QByteArray nextDelivery() { return s_maildir.next(); }

    QTemporaryDir m_home;
    QString m_service;
    static inline QTemporaryDir *s_dir = nullptr;
    static inline ServerProcess *s_postfix = nullptr;
    static inline QJsonObject s_info;
    static inline MaildirWatcher s_maildir;
};

} // namespace

TEST_F(EndToEnd, AccountAddKeepsThePasswordInTheKeychainOnly)
{
    const QString id = addAccount();
    ASSERT_FALSE(id.isEmpty());
    QProcess lookup;
    lookup.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                                                 QStringLiteral("user"), QStringLiteral("smtp-password:") + id});
    ASSERT_TRUE(lookup.waitForFinished(20000));
    EXPECT_EQ(lookup.readAllStandardOutput(), QByteArray("secret"));
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        EXPECT_FALSE(readAll(it.next()).contains("secret")) << qPrintable(it.filePath());
}

TEST_F(EndToEnd, SendWithUtf8SubjectAndTwoAttachments)
{
    addAccount();
    const QString text = m_home.filePath(QStringLiteral("Notizen März.txt"));
    const QString binary = m_home.filePath(QStringLiteral("data.bin"));
    {
        QFile a(text);
        ASSERT_TRUE(a.open(QIODevice::WriteOnly));
        a.write("Zeile eins\nZeile zwei: äöü\n");
        QFile b(binary);
        ASSERT_TRUE(b.open(QIODevice::WriteOnly));
        for (int i = 0; i < 100000; ++i)
            b.putChar(static_cast<char>(QRandomGenerator::global()->bounded(256)));
    }
    const RunResult r = run(kOutpost, {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Änne <aenne@example.test>"),
                                 QStringLiteral("--subject"), QStringLiteral("Grüße aus München 🎉"), QStringLiteral("--body"),
                                 QStringLiteral("Hallo,\nanbei zwei Dateien.\n"), QStringLiteral("--attach"), text,
                                 QStringLiteral("--attach"), binary});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err) << qPrintable(r.out);
    const QJsonArray entries = outbox();
    ASSERT_EQ(entries.size(), 1);
    const QJsonObject e = entries.first().toObject();
    EXPECT_EQ(e.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    EXPECT_EQ(e.value(QStringLiteral("subject")).toString(), QStringLiteral("Grüße aus München 🎉"));
    // Postfix prepends Return-Path/Delivered-To/Received and stores LF; the
    // rest is exactly the message in the outbox.
    QByteArray queued = readAll(m_home.filePath(QStringLiteral("data/outpost/outbox/sent/")) + e.value(QStringLiteral("id")).toString()
                                + QStringLiteral("/message.eml"));
    ASSERT_FALSE(queued.isEmpty());
    queued.replace("\r\n", "\n");
    const QByteArray delivered = nextDelivery();
    EXPECT_TRUE(delivered.endsWith(queued)) << "the Maildir must hold the exact message";

    // OUTPOST_PROTOCOL_LOG: the dialogue with timestamps, AUTH redacted, no
    // message data, readable by the owner only.
    const QString logPath = m_home.filePath(QStringLiteral("smtp.log"));
    const QByteArray log = readAll(logPath);
    EXPECT_TRUE(log.contains("C: MAIL FROM:<user@example.test>")) << log.constData();
    EXPECT_TRUE(log.contains("<redacted>"));
    EXPECT_TRUE(log.contains("S: 250 2.0.0 Ok: queued as"));
    EXPECT_FALSE(log.contains("secret"));
    EXPECT_FALSE(log.contains("Zeile zwei"));
    EXPECT_EQ(QFile::permissions(logPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
}

TEST_F(EndToEnd, SendmailReadsStdinAndDeliversTheSameWay)
{
    addAccount();
    const QByteArray message = "From: =?utf-8?Q?J=C3=BCrgen?= <user@example.test>\n"
                               "To: Bob <bob@example.test>\n"
                               "Bcc: hidden@example.test\n"
                               "Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?= per sendmail\n"
                               "\n"
                               "Hello from a script.\n.\nThe dot above is part of the body.\n";
    const RunResult r = run(kSendmail, {QStringLiteral("-t"), QStringLiteral("-i")}, message);
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    // One copy for Bob, one for the Bcc recipient, in whichever order
    // Postfix's delivery agent writes them.
    const QList<QByteArray> copies = {nextDelivery(), nextDelivery()};
    int toBob = 0;
    int toHidden = 0;
    for (const QByteArray &delivered : copies) {
        EXPECT_TRUE(delivered.contains("Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?= per sendmail\n"));
        EXPECT_TRUE(delivered.contains("\nMessage-ID: <"));
        EXPECT_TRUE(delivered.contains("\nDate: "));
        EXPECT_FALSE(delivered.contains("Bcc:")) << "Bcc never leaves";
        EXPECT_TRUE(delivered.endsWith("Hello from a script.\n.\nThe dot above is part of the body.\n"));
        toBob += delivered.contains("Delivered-To: bob@example.test") ? 1 : 0;
        toHidden += delivered.contains("Delivered-To: hidden@example.test") ? 1 : 0;
    }
    EXPECT_EQ(toBob, 1);
    EXPECT_EQ(toHidden, 1);
}

TEST_F(EndToEnd, SendmailStreamsThirtyMegabytesInBoundedMemory)
{
    addAccount();
    const QString file = m_home.filePath(QStringLiteral("big.eml"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("From: user@example.test\nTo: bob@example.test\nSubject: thirty megabytes\n\n");
        const QByteArray line = QByteArray("0123456789abcdefghijklmnopqrstuvwxyz").repeated(2) + '\n';
        while (f.size() < 30 * 1024 * 1024)
            f.write(line);
    }
    const RunResult r = run(QStringLiteral("/usr/bin/time"),
                      {QStringLiteral("-f"), QStringLiteral("peak-kb %M"), kSendmail, QStringLiteral("-t"), QStringLiteral("-i")},
                      {}, file);
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const qsizetype at = r.err.lastIndexOf(QStringLiteral("peak-kb "));
    ASSERT_GE(at, 0) << qPrintable(r.err);
    const double peakMb = r.err.mid(at + 8).trimmed().toDouble() / 1024.0;
    EXPECT_LT(peakMb, 64.0) << "outpost-sendmail used " << peakMb << " MiB for a 30 MB message";
    const QByteArray delivered = nextDelivery();
    EXPECT_GT(delivered.size(), 30 * 1024 * 1024 - 1024);
}

TEST_F(EndToEnd, GitSendEmailDeliversAPatch)
{
    addAccount();
    const QString repo = m_home.filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);
    const auto git = [&](const QStringList &args) {
        QProcess p;
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Jürgen Groß"));
        e.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("user@example.test"));
        e.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Jürgen Groß"));
        e.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("user@example.test"));
        p.setProcessEnvironment(e);
        p.setWorkingDirectory(repo);
        p.start(QStringLiteral("git"), args);
        EXPECT_TRUE(p.waitForFinished(120000));
        EXPECT_EQ(p.exitCode(), 0) << "git " << args.join(u' ').toStdString() << ": " << p.readAllStandardError().toStdString();
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    git({QStringLiteral("init"), QStringLiteral("-q")});
    QFile f(repo + QStringLiteral("/hello.c"));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("int main(void) { return 0; }\n");
    f.close();
    git({QStringLiteral("add"), QStringLiteral("hello.c")});
    git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Add hello, with a line")});
    const QString patch = git({QStringLiteral("format-patch"), QStringLiteral("-1"), QStringLiteral("--root")}).trimmed();
    git({QStringLiteral("send-email"), QStringLiteral("--smtp-server=") + kSendmail, QStringLiteral("--to=reviewer@example.test"),
         QStringLiteral("--from=Jürgen Groß <user@example.test>"), QStringLiteral("--confirm=never"),
         QStringLiteral("--suppress-cc=all"), QStringLiteral("--no-validate"), QStringLiteral("--quiet"), patch});
    const QByteArray delivered = nextDelivery();
    EXPECT_TRUE(delivered.contains("Subject: [PATCH] Add hello, with a line")) << delivered.left(800).constData();
    EXPECT_TRUE(delivered.contains("+int main(void) { return 0; }"));
    EXPECT_TRUE(delivered.contains("Delivered-To: reviewer@example.test"));
}

TEST_F(EndToEnd, BadInputIsExplainedAndQueuesNothing)
{
    addAccount();
    const QString missing = m_home.filePath(QStringLiteral("missing.pdf"));
    struct Case
    {
        const char *label;
        QString program;
        QStringList args;
        QByteArray input;
        int exitCode;
    };
    const QStringList common = {QStringLiteral("--subject"), QStringLiteral("s"), QStringLiteral("--body"), QStringLiteral("b")};
    const std::vector<Case> cases = {
        {"unknown account", kOutpost, QStringList{QStringLiteral("send"), QStringLiteral("--from"), QStringLiteral("nobody"),
                                                  QStringLiteral("--to"), QStringLiteral("a@example.test")} + common, {}, 78},
        {"unreadable attachment", kOutpost, QStringList{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("a@example.test"),
                                                        QStringLiteral("--attach"), missing} + common, {}, 66},
        {"malformed address", kOutpost, QStringList{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("not an address")} + common, {}, 65},
        {"missing recipients", kOutpost, QStringList{QStringLiteral("send")} + common, {}, 64},
        {"empty stdin", kSendmail, {QStringLiteral("-t")}, {}, 66},
        // (Input without a header block is a message body, as for sendmail.)
        {"malformed recipient", kSendmail, {QStringLiteral("not an address")}, "Subject: x\n\nbody\n", 65},
        {"no recipients", kSendmail, {QStringLiteral("-t")}, "Subject: x\n\nbody\n", 64},
    };
    for (const Case &c : cases) {
        const RunResult r = run(c.program, c.args, c.input);
        EXPECT_EQ(r.exitCode, c.exitCode) << c.label << ": " << qPrintable(r.err);
        EXPECT_FALSE(r.err.trimmed().isEmpty()) << c.label << " must say why";
        EXPECT_TRUE(outbox().isEmpty()) << c.label << " must not queue anything";
    }
}

TEST_F(EndToEnd, AccountTestReportsWhatTheServerOffers)
{
    addAccount();
    const RunResult r = run(kOutpost, {QStringLiteral("account"), QStringLiteral("test"), QStringLiteral("work"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err) << qPrintable(r.out);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_TRUE(report.value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(report.value(QStringLiteral("tls")).toString().startsWith(QStringLiteral("TLS 1.")));
    EXPECT_EQ(report.value(QStringLiteral("auth_mechanism")).toString(), QStringLiteral("SCRAM-SHA-256"));
    const QStringList extensions = report.value(QStringLiteral("extensions")).toVariant().toStringList();
    EXPECT_TRUE(extensions.contains(QStringLiteral("PIPELINING")));
    EXPECT_TRUE(extensions.contains(QStringLiteral("SMTPUTF8")));
    EXPECT_EQ(report.value(QStringLiteral("certificate"))[QStringLiteral("sha256")].toString(),
              TestCerts::sha256Of(TestCerts::paths().serverCert));
    // Human-readable too.
    const RunResult text = run(kOutpost, {QStringLiteral("account"), QStringLiteral("test"), QStringLiteral("work")});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("The account works."))) << qPrintable(text.out);
}
