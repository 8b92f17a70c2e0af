// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Issue 19's acceptance matrix, run by the real `outpost` against a real
// server: one small message, a UTF-8 message with a 5 MiB attachment, 50
// queued messages in one flush, one of three recipients refused — each
// delivered byte-exact exactly once, or held with the right reason. A
// fixture for a server derives from this and starts it with an account.

#include "tests/cli/clitest.h"

#include <QRandomGenerator>

class AcceptanceFixture : public CliFixture
{
protected:
    static std::string lastError(const QJsonObject &entry)
    {
        return entry.value(QStringLiteral("last_error")).toObject().value(QStringLiteral("message")).toString().toStdString();
    }

    CliRun send(const QStringList &extra, bool queueOnly = false) const
    {
        QStringList args{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("bob@example.org")};
        if (queueOnly)
            args << QStringLiteral("--queue-only");
        return run(args + extra);
    }

    // Sent, and what the server stored is exactly what the outbox sent.
    void expectDeliveredExactlyOnce(const CliRun &r)
    {
        const QString id = queuedId(r);
        ASSERT_FALSE(id.isEmpty()) << r.out.toStdString() << r.err.toStdString();
        const QJsonObject e = entry(id);
        EXPECT_EQ(e.value(QStringLiteral("state")).toString(), QStringLiteral("sent")) << lastError(e);
        const QString mid = QLatin1Char('<') + e.value(QStringLiteral("message_id")).toString() + QLatin1Char('>');
        EXPECT_EQ(deliveries().value(mid), 1) << qPrintable(mid);
        const QByteArray sent = sentMessage(id);
        const QByteArray received = receivedMessage(mid);
        // (A server may put a trace field in front: compare what follows.)
        EXPECT_FALSE(sent.isEmpty());
        EXPECT_TRUE(received.endsWith(sent)) << "sent " << sent.size() << " octets, received " << received.size();
    }

    void smallMessage()
    {
        const CliRun r = send({QStringLiteral("--subject"), QStringLiteral("small"), QStringLiteral("--body"),
                               QStringLiteral("A small message.")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        expectDeliveredExactlyOnce(r);
    }

    void utf8MessageWithA5MiBAttachment()
    {
        QByteArray data(5 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator gen(19);
        gen.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QString path = m_home.filePath(QStringLiteral("Bericht für Jürgen.bin"));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        const CliRun r = send({QStringLiteral("--subject"), QStringLiteral("Grüße aus Köln — 5 MiB"), QStringLiteral("--body"),
                               QStringLiteral("Hallo Jürgen, anbei der Bericht. Ça va ? Ελληνικά."),
                               QStringLiteral("--attach"), path});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        expectDeliveredExactlyOnce(r);
    }

    void fiftyQueuedInOneFlush()
    {
        QStringList told;
        for (int i = 0; i < 50; ++i) {
            const CliRun r = send({QStringLiteral("--subject"), QStringLiteral("queued %1").arg(i), QStringLiteral("--body"),
                                   QStringLiteral("Message number %1").arg(i)},
                                  true);
            ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
            told << queuedId(r);
        }
        const CliRun flush = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
        EXPECT_EQ(flush.exitCode, 0) << flush.out.toStdString() << flush.err.toStdString();
        checkInvariant(told);
        EXPECT_EQ(deliveries().size(), 50);
        for (const QString &id : std::as_const(told))
            EXPECT_EQ(entry(id).value(QStringLiteral("state")).toString(), QStringLiteral("sent")) << qPrintable(id);
    }

    void oneOfThreeRecipientsRefused()
    {
        const CliRun r = run({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("bob@example.org"),
                              QStringLiteral("--to"), QStringLiteral("nobody@example.org"), QStringLiteral("--to"),
                              QStringLiteral("carol@example.org"), QStringLiteral("--subject"), QStringLiteral("three"),
                              QStringLiteral("--body"), QStringLiteral("To three, one of whom does not exist.")});
        EXPECT_EQ(r.exitCode, 67) << r.out.toStdString() << r.err.toStdString();
        const QJsonObject e = entry(queuedId(r));
        EXPECT_EQ(e.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        EXPECT_EQ(e.value(QStringLiteral("hold_reason")).toString(), QStringLiteral("recipient_rejected"));
        EXPECT_TRUE(QString::fromStdString(lastError(e)).contains(QStringLiteral("nobody@example.org"))) << lastError(e);
        EXPECT_TRUE(deliveries().isEmpty()) << "all or nothing: nobody got it";
    }

    // The account's password is wrong: held for its credentials, charged
    // nothing (a session failure), delivered to nobody.
    void wrongPasswordHoldsForCredentials()
    {
        const CliRun r = send({QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--body"), QStringLiteral("y")});
        EXPECT_EQ(r.exitCode, 77) << r.out.toStdString() << r.err.toStdString();
        const QJsonObject e = entry(queuedId(r));
        EXPECT_EQ(e.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        EXPECT_EQ(e.value(QStringLiteral("hold_reason")).toString(), QStringLiteral("credentials"));
        EXPECT_EQ(e.value(QStringLiteral("attempts")).toInt(), 0) << "a session failure is charged to no message";
        EXPECT_TRUE(deliveries().isEmpty());
    }

    // A server's log, read once the server stopped: every session (each
    // ends with `sessionEnd`) ended with the client's QUIT but `abandoned`
    // ones, and none of `errors` occurs.
    static void expectCleanLog(const QString &path, const QString &sessionEnd, const QStringList &errors,
                               int abandoned = 0)
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
        const QString log = QString::fromUtf8(f.readAll());
        for (const QString &error : errors)
            EXPECT_FALSE(log.contains(error)) << log.toStdString();
        const qsizetype sessions = log.count(sessionEnd);
        EXPECT_GT(sessions, 0) << log.toStdString();
        EXPECT_EQ(log.count(QStringLiteral("C: QUIT")), sessions - abandoned) << log.toStdString();
    }
};
