// SPDX-License-Identifier: GPL-3.0-or-later
// outpost-sendmail as scripts use it, against a real aiosmtpd: input
// without a header, an mbox "From " line, -f checked and IDN-normalised,
// SMTPUTF8 only when an address cannot be ASCII, a long -F folded
// (issue 19). Exit status, both output streams and the bytes delivered.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include "tests/cli/clitest.h"

namespace {

class SendmailFixture : public CliFixture
{
protected:
    CliRun sendmail(const QStringList &args, const QByteArray &input) const
    {
        const QString program = QFileInfo(QStringLiteral(OUTPOST_BINARY)).absolutePath() + QStringLiteral("/outpost-sendmail");
        EXPECT_TRUE(QFileInfo(program).isExecutable()) << "build outpost-sendmail first";
        return runProgram(program, args, {}, input, 60000);
    }

    // A copy of outpost-sendmail alone in a new folder of the test's home
    // (no `outpost` beside it); empty if it could not be made.
    QString sendmailCopyIn(const QString &folder) const
    {
        const QString dir = m_home.filePath(folder);
        const QString copy = dir + QStringLiteral("/outpost-sendmail");
        if (!QDir().mkpath(dir)
            || !QFile::copy(QFileInfo(QStringLiteral(OUTPOST_BINARY)).absolutePath() + QStringLiteral("/outpost-sendmail"), copy))
            return {};
        return copy;
    }

    // The message was accepted and waits queued; nothing reached the server.
    void expectOneQueuedNoneDelivered() const
    {
        const QJsonArray list = outboxList();
        ASSERT_EQ(list.size(), 1);
        EXPECT_EQ(list.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        EXPECT_TRUE(QDir(m_received).entryList({QStringLiteral("*.eml")}, QDir::Files).isEmpty());
    }

    // The only message the server received, and its envelope.
    QByteArray delivered(QJsonObject *envelope = nullptr) const
    {
        const QStringList files = QDir(m_received).entryList({QStringLiteral("*.eml")}, QDir::Files);
        EXPECT_EQ(files.size(), 1) << "messages received: " << files.size();
        if (files.size() != 1)
            return {};
        QFile eml(QDir(m_received).filePath(files.first()));
        EXPECT_TRUE(eml.open(QIODevice::ReadOnly));
        if (envelope) {
            QFile json(QDir(m_received).filePath(QFileInfo(files.first()).completeBaseName() + QStringLiteral(".json")));
            EXPECT_TRUE(json.open(QIODevice::ReadOnly));
            *envelope = QJsonDocument::fromJson(json.readAll()).object();
        }
        return eml.readAll();
    }

    static QByteArray headerOf(const QByteArray &message)
    {
        return message.left(message.indexOf("\r\n\r\n") + 2);
    }
};

void expectQuietSuccess(const CliRun &r)
{
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
}

} // namespace

TEST_F(SendmailFixture, InputWithoutAHeaderIsAllBody)
{
    // `echo text | sendmail addr`: sendmail, Postfix and msmtp take it.
    startServerAndAccount();
    expectQuietSuccess(sendmail({QStringLiteral("bob@example.org")}, "just a line of text\nand another: with a colon\n"));
    const QByteArray m = delivered();
    EXPECT_TRUE(m.endsWith("\r\n\r\njust a line of text\r\nand another: with a colon\r\n")) << m.toStdString();
    const QByteArray h = headerOf(m);
    EXPECT_TRUE(h.startsWith("Date: ") || h.contains("\r\nDate: ")) << h.toStdString();
    EXPECT_TRUE(h.contains("From: ")) << h.toStdString();
    EXPECT_TRUE(h.contains("Message-ID: <")) << h.toStdString();
    EXPECT_TRUE(h.contains("Content-Type: text/plain; charset=utf-8\r\n")) << h.toStdString();
    EXPECT_FALSE(h.contains("just a line")) << h.toStdString();
}

TEST_F(SendmailFixture, AHeaderEndedByABodyLineWithoutBlankLineKeepsThatLine)
{
    startServerAndAccount();
    expectQuietSuccess(sendmail({QStringLiteral("bob@example.org")}, "Subject: no blank line\nthe body starts here\n"));
    const QByteArray m = delivered();
    EXPECT_TRUE(m.contains("Subject: no blank line\r\n")) << m.toStdString();
    EXPECT_TRUE(m.endsWith("\r\n\r\nthe body starts here\r\n")) << m.toStdString();
}

TEST_F(SendmailFixture, AnMboxFromLineIsDropped)
{
    startServerAndAccount();
    expectQuietSuccess(sendmail({QStringLiteral("bob@example.org")},
                                "From ada@example.org Sat Dec  5 10:00:00 2026\nSubject: from an mbox\n\nbody\n"));
    const QByteArray m = delivered();
    EXPECT_FALSE(m.contains("From ada@example.org Sat")) << m.toStdString();
    EXPECT_TRUE(m.contains("Subject: from an mbox\r\n")) << m.toStdString();
    EXPECT_TRUE(m.endsWith("\r\n\r\nbody\r\n")) << m.toStdString();
}

TEST_F(SendmailFixture, EnvelopeSenderIsCheckedAndItsDomainSentAsALabels)
{
    startServerAndAccount();
    for (const QString &bad : {QStringLiteral("not an address"), QStringLiteral("ada@"),
                               QStringLiteral("ada@example.org>\r\nRCPT TO:<eve@example.org")}) {
        const CliRun r = sendmail({QStringLiteral("-f"), bad, QStringLiteral("bob@example.org")}, "Subject: x\n\nbody\n");
        EXPECT_EQ(r.exitCode, 64) << qPrintable(bad);
        EXPECT_TRUE(r.err.contains(QStringLiteral("-f"))) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
    EXPECT_TRUE(outboxList().isEmpty()) << "a refused -f queued a message";

    // An IDN domain can be written as A-labels: no SMTPUTF8 needed (RFC 6531).
    expectQuietSuccess(sendmail({QStringLiteral("-f"), QStringLiteral("ada@bücher.example"),
                                 QStringLiteral("bob@bücher.example")},
                                "Subject: idn\n\nbody\n"));
    QJsonObject env;
    (void)delivered(&env);
    EXPECT_EQ(env.value(QStringLiteral("mail_from")).toString(), QStringLiteral("ada@xn--bcher-kva.example"));
    EXPECT_EQ(env.value(QStringLiteral("rcpt_tos")).toArray().first().toString(), QStringLiteral("bob@xn--bcher-kva.example"));
    EXPECT_FALSE(env.value(QStringLiteral("smtp_utf8")).toBool());
}

TEST_F(SendmailFixture, SmtpUtf8OnlyForALocalPartThatIsNotAscii)
{
    startServerAndAccount();
    expectQuietSuccess(sendmail({QStringLiteral("-f"), QStringLiteral("jürgen@bücher.example"),
                                 QStringLiteral("bob@example.org")},
                                "Subject: eai\n\nbody\n"));
    QJsonObject env;
    (void)delivered(&env);
    EXPECT_TRUE(env.value(QStringLiteral("smtp_utf8")).toBool());
    EXPECT_EQ(env.value(QStringLiteral("mail_from")).toString(), QStringLiteral("jürgen@bücher.example"));
}

TEST_F(SendmailFixture, ALongFullNameIsFolded)
{
    startServerAndAccount();
    const QString ascii = QStringLiteral("Augusta Ada King Countess of Lovelace and Daughter of Lord Byron the Poet of Fame");
    const QString utf8 = QStringLiteral("Jürgen Groß-Müller, Bücherwurm und Verfasser von Übersetzungen für Ärzte und Öffentlichkeit");
    for (const QString &name : {ascii, utf8}) {
        QDir(m_received).removeRecursively();
        QDir().mkpath(m_received);
        expectQuietSuccess(sendmail({QStringLiteral("-F"), name, QStringLiteral("bob@example.org")}, "Subject: x\n\nbody\n"));
        const QByteArray h = headerOf(delivered());
        const qsizetype from = h.indexOf("From: ");
        ASSERT_GE(from, 0) << h.toStdString();
        qsizetype end = from;
        do
            end = h.indexOf("\r\n", end) + 2;
        while (end < h.size() && (h.at(end) == ' ' || h.at(end) == '\t'));
        const QByteArray field = h.mid(from, end - from);
        for (const QByteArray &line : field.split('\n'))
            EXPECT_LE(line.size(), 79) << "longer than 78 columns: " << line.toStdString(); // (+ its CR)
        EXPECT_TRUE(field.contains("<ada@example.org>")) << field.toStdString();
        EXPECT_GT(field.count("\r\n"), 1) << "not folded: " << field.toStdString();
    }
}

// outpost-sendmail queues with the small core and sends by running
// `outpost` (issue 18): without -odq it still sends at once and its exit
// status and messages say what became of the message, as before.
TEST_F(SendmailFixture, WithoutOdqItSendsAtOnceAndSaysWhatBecameOfTheMessage)
{
    startServerAndAccount();
    expectQuietSuccess(sendmail({QStringLiteral("bob@example.org")}, "Subject: at once\n\nbody\n"));
    EXPECT_TRUE(delivered().contains("Subject: at once\r\n"));

    m_server.reset(); // the server goes away: accepted for delivery, retried later
    const CliRun down = sendmail({QStringLiteral("bob@example.org")}, "Subject: later\n\nbody\n");
    EXPECT_EQ(down.exitCode, 0) << down.err.toStdString();
    EXPECT_TRUE(down.out.isEmpty()) << down.out.toStdString();
    EXPECT_TRUE(down.err.startsWith(QStringLiteral("outpost-sendmail: Not sent yet ("))) << down.err.toStdString();

    const CliRun queued = sendmail({QStringLiteral("-odq"), QStringLiteral("bob@example.org")}, "Subject: queued\n\nbody\n");
    expectQuietSuccess(queued);
    QMap<QString, QString> states;
    for (const QJsonValue &v : outboxList())
        states.insert(v.toObject().value(QStringLiteral("subject")).toString(), v.toObject().value(QStringLiteral("state")).toString());
    EXPECT_EQ(states.value(QStringLiteral("at once")), QStringLiteral("sent"));
    EXPECT_EQ(states.value(QStringLiteral("later")), QStringLiteral("deferred"));
    EXPECT_EQ(states.value(QStringLiteral("queued")), QStringLiteral("queued"));
}

// Without the `outpost` that sends (a copy of outpost-sendmail alone, none
// on PATH), the message is still accepted: it waits queued, and it says so.
TEST_F(SendmailFixture, WithoutOutpostToSendTheMessageWaitsQueued)
{
    startServerAndAccount();
    const QString copy = sendmailCopyIn(QStringLiteral("alone"));
    ASSERT_FALSE(copy.isEmpty());
    m_extraEnvironment.insert(QStringLiteral("PATH"), QFileInfo(copy).absolutePath());
    const CliRun r = runProgram(copy, {QStringLiteral("bob@example.org")}, {}, "Subject: stays\n\nbody\n", 60000);
    m_extraEnvironment.remove(QStringLiteral("PATH"));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("could not send the message (not found)"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("outpost-sendmail: Queued\n"))) << r.err.toStdString();
    expectOneQueuedNoneDelivered();
}

// An `outpost` beside it that is not ours (or an older one without
// --wait-for) exits 64 without sending: the message waits queued, and
// outpost-sendmail says it could not be sent now, not just "Queued".
TEST_F(SendmailFixture, AnOutpostThatRefusesTheFlushLeavesTheMessageQueuedAndSaysSo)
{
    startServerAndAccount();
    const QString copy = sendmailCopyIn(QStringLiteral("other"));
    ASSERT_FALSE(copy.isEmpty());
    QFile fake(QFileInfo(copy).absolutePath() + QStringLiteral("/outpost"));
    ASSERT_TRUE(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\necho \"outpost: unknown option $3\" >&2\nexit 64\n");
    fake.close();
    ASSERT_TRUE(fake.setPermissions(fake.permissions() | QFileDevice::ExeOwner));
    const CliRun r = runProgram(copy, {QStringLiteral("bob@example.org")}, {}, "Subject: stays\n\nbody\n", 60000);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("could not send the message (it exited with status 64); it waits in the outbox")))
        << r.err.toStdString();
    expectOneQueuedNoneDelivered();
}

// The `outpost` that sends ends after the server's 250, before it records
// it: the message may have been delivered and is not sent again without
// the person, so this is not the success of a message queued for a retry.
TEST_F(SendmailFixture, ASenderThatEndsAfterTheServerAcceptedSaysItMayBeDelivered)
{
    startServerAndAccount();
    const CliRun r = runProgram(QFileInfo(QStringLiteral(OUTPOST_BINARY)).absolutePath() + QStringLiteral("/outpost-sendmail"),
                                {QStringLiteral("bob@example.org")}, "after-250", "Subject: in doubt\n\nbody\n", 60000);
    EXPECT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 69) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("may already have been delivered"))) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("waits in the outbox"))) << r.err.toStdString();
    EXPECT_EQ(QDir(m_received).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 1);
}
