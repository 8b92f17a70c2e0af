// SPDX-License-Identifier: GPL-3.0-or-later
// The real `outpost` against a real Haraka (npm, installed by the launcher
// on first use). Haraka answers every command pipelined behind the final
// dot with 503 (issue 19): the messages must all go out all the same.
#include <QFile>
#include <QJsonObject>

#include "tests/cli/acceptance.h"

namespace {

class HarakaFixture : public AcceptanceFixture
{
protected:
    void startHarakaAndAccount()
    {
        m_server
            = std::make_unique<ServerProcess>(TestUtil::python(),
                                              QStringList {TestUtil::scriptPath("haraka_server.py"),
                                                           QStringLiteral("--outdir"), m_received},
                                              // The first run installs Haraka from npm.
                                              300000);
        ASSERT_TRUE(m_server->ok());
        addPlainAccount(m_server->ready());
    }

    // Every session ended with the client's QUIT but `abandoned` ones, none
    // with an error (Haraka counts them in each session's last line; its
    // "[ERROR]"s at start are about the TLS it is not given).
    void expectCleanHarakaLog(int abandoned = 0)
    {
        m_server.reset(); // stopped: the log is complete
        const QString path = m_home.filePath(QStringLiteral("haraka.log"));
        expectCleanLog(path, QStringLiteral("[core] disconnect ip="), {QStringLiteral("client connection error")},
                       abandoned);
        const QString log = harakaLog();
        EXPECT_EQ(log.count(QStringLiteral(" errors=0 ")), log.count(QStringLiteral("[core] disconnect ip=")))
            << log.toStdString();
    }

    QString harakaLog() const
    {
        QFile f(m_home.filePath(QStringLiteral("haraka.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
};

} // namespace

TEST_F(HarakaFixture, SixQueuedMessagesAllArriveOnceAndNoneIsHeld)
{
    startHarakaAndAccount();
    QStringList told;
    for (int i = 0; i < 6; ++i) {
        const CliRun r = run({QStringLiteral("send"), QStringLiteral("--queue-only"),
                              QStringLiteral("--to"), QStringLiteral("bob@example.org"),
                              QStringLiteral("--subject"), QStringLiteral("message %1").arg(i),
                              QStringLiteral("--body"), QStringLiteral("Hello number %1").arg(i)});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        told << queuedId(r);
    }
    const CliRun flush
        = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    EXPECT_EQ(flush.exitCode, 0) << flush.out.toStdString() << flush.err.toStdString();
    checkInvariant(told);
    int sent = 0;
    for (const QJsonValue &v : outboxList()) {
        const QJsonObject e = v.toObject();
        EXPECT_EQ(e.value(QStringLiteral("state")).toString(), QStringLiteral("sent"))
            << e.value(QStringLiteral("last_error")).toString().toStdString();
        sent += e.value(QStringLiteral("state")).toString() == QLatin1String("sent");
    }
    EXPECT_EQ(sent, 6);
    EXPECT_EQ(deliveries().size(), 6);
    // Haraka refused pipelining behind the dot at most once: the client
    // stopped doing it for the rest of the session.
    EXPECT_LE(harakaLog().count(QStringLiteral("pipelined after end of DATA - refused")), 1)
        << harakaLog().toStdString();
    // Every session ended with QUIT, not a dropped connection.
    EXPECT_FALSE(harakaLog().contains(QStringLiteral("client connection error"))) << harakaLog().toStdString();
    EXPECT_TRUE(harakaLog().contains(QStringLiteral("C: QUIT"))) << harakaLog().toStdString();
}

TEST_F(HarakaFixture, ASecondFlushRemembersNotToPipelineBehindTheDot)
{
    // The 503 behind the dot is learnt once per server and kept in the
    // account: a later process (the next flush) does not try again.
    startHarakaAndAccount();
    const QString refused = QStringLiteral("pipelined after end of DATA - refused");
    const auto queueThree = [this](int first) {
        for (int i = first; i < first + 3; ++i) {
            const CliRun r = run({QStringLiteral("send"), QStringLiteral("--queue-only"), QStringLiteral("--to"),
                                  QStringLiteral("bob@example.org"), QStringLiteral("--subject"),
                                  QStringLiteral("message %1").arg(i), QStringLiteral("--body"),
                                  QStringLiteral("Hello number %1").arg(i)});
            ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        }
    };
    queueThree(0);
    const CliRun first = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    EXPECT_EQ(first.exitCode, 0) << first.out.toStdString() << first.err.toStdString();
    ASSERT_EQ(harakaLog().count(refused), 1) << harakaLog().toStdString();
    queueThree(3);
    const CliRun second = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    EXPECT_EQ(second.exitCode, 0) << second.out.toStdString() << second.err.toStdString();
    EXPECT_EQ(harakaLog().count(refused), 1) << harakaLog().toStdString();
    EXPECT_EQ(deliveries().size(), 6);
}

TEST_F(HarakaFixture, FlushWaitSaysWhenSomethingIsHeld)
{
    // One message to a recipient Haraka refuses, one it takes: the flush
    // must not report success for the batch (exit 67, a recipient refused).
    startHarakaAndAccount();
    for (const QString &to :
         {QStringLiteral("nobody@example.org"), QStringLiteral("bob@example.org")}) {
        const CliRun r
            = run({QStringLiteral("send"), QStringLiteral("--queue-only"), QStringLiteral("--to"),
                   to, QStringLiteral("--subject"), QStringLiteral("to ") + to,
                   QStringLiteral("--body"), QStringLiteral("Hello")});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    const CliRun flush
        = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    EXPECT_EQ(flush.exitCode, 67) << flush.out.toStdString() << flush.err.toStdString();
    QMap<QString, int> states;
    for (const QJsonValue &v : outboxList())
        ++states[v.toObject().value(QStringLiteral("state")).toString()];
    EXPECT_EQ(states.value(QStringLiteral("held")), 1);
    EXPECT_EQ(states.value(QStringLiteral("sent")), 1);
    EXPECT_EQ(deliveries().size(), 1);
    // Nothing left to try: a second flush has nothing to report.
    EXPECT_EQ(
        run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")}).exitCode,
        0);
}

// Issue 19's acceptance matrix where Haraka (plain, no AUTH) can serve it.
TEST_F(HarakaFixture, ASmallMessageArrivesByteExact)
{
    startHarakaAndAccount();
    smallMessage();
    expectCleanHarakaLog();
}

TEST_F(HarakaFixture, AUtf8MessageWithA5MiBAttachment)
{
    startHarakaAndAccount();
    utf8MessageWithA5MiBAttachment();
    expectCleanHarakaLog();
}

TEST_F(HarakaFixture, FiftyQueuedMessagesInOneFlush)
{
    startHarakaAndAccount();
    fiftyQueuedInOneFlush();
    expectCleanHarakaLog();
}

TEST_F(HarakaFixture, OneOfThreeRecipientsRefused)
{
    startHarakaAndAccount();
    oneOfThreeRecipientsRefused();
    // As with smtp-server (smtpserver_test.cpp): DATA went out pipelined
    // with the envelope and was answered 354 for the two accepted; the
    // all-or-nothing message is abandoned by closing without the dot.
    expectCleanHarakaLog(1);
}
