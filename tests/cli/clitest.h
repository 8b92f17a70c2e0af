// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Drives the real `outpost` executable with its own configuration and data
// directories, as a user or a script would.

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

class CliFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        m_received = m_home.filePath(QStringLiteral("received"));
        QDir().mkpath(m_received);
    }

    QProcessEnvironment environment(const QByteArray &crashAt = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("OUTPOST_TEST_TIME_SCALE"), QStringLiteral("0.01"));
        env.remove(QStringLiteral("OUTPOST_CRASH_AT"));
        if (!crashAt.isEmpty())
            env.insert(QStringLiteral("OUTPOST_CRASH_AT"), QString::fromLatin1(crashAt));
        for (auto it = m_extraEnvironment.cbegin(); it != m_extraEnvironment.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    CliRun run(const QStringList &args, const QByteArray &crashAt = {}, const QByteArray &stdinData = {},
               int timeoutMs = 120000) const
    {
        return runProgram(QStringLiteral(OUTPOST_BINARY), args, crashAt, stdinData, timeoutMs);
    }

    /// Another program of the build (outpost-sendmail), beside `outpost`.
    CliRun runProgram(const QString &program, const QStringList &args, const QByteArray &crashAt = {},
                      const QByteArray &stdinData = {}, int timeoutMs = 120000) const
    {
        QProcess p;
        p.setProcessEnvironment(environment(crashAt));
        p.start(program, args);
        EXPECT_TRUE(p.waitForStarted(10000));
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        EXPECT_TRUE(p.waitForFinished(timeoutMs)) << program.toStdString() << ' ' << args.join(u' ').toStdString() << " hangs";
        CliRun r;
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // A real aiosmtpd (plain, no AUTH) and an account pointing at it.
    void startServerAndAccount()
    {
        m_server = std::make_unique<ServerProcess>(
            TestUtil::python(), QStringList{TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                            m_received, QStringLiteral("--no-auth")});
        ASSERT_TRUE(m_server->ok());
        addPlainAccount(m_server->ready());
    }

    // An account for a server on 127.0.0.1:port without TLS or AUTH.
    void addPlainAccount(const QString &port) const
    {
        const CliRun r = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"),
                              QStringLiteral("Test"), QStringLiteral("--email"), QStringLiteral("ada@example.org"),
                              QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), port,
                              QStringLiteral("--security"), QStringLiteral("none"), QStringLiteral("--auth"),
                              QStringLiteral("none")});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    QJsonArray outboxList() const
    {
        const CliRun r = run({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    // Completed transactions at the server, by Message-ID.
    QMap<QString, int> deliveries() const
    {
        QMap<QString, int> counts;
        const QDir dir(m_received);
        for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile file(dir.filePath(f));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString id = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("message_id")).toString();
            ++counts[id];
        }
        return counts;
    }

    /**
     * The outbox invariant (docs/design/OUTBOX.md, "The invariant the tests
     * check"): for every message the user was told is queued — sent exactly
     * once; or waiting with a reason and never delivered; or in doubt with at
     * most one delivery. No delivery twice, no delivery of anything not in
     * the outbox.
     */
    void checkInvariant(const QStringList &toldQueued)
    {
        const QJsonArray entries = outboxList();
        const QMap<QString, int> delivered = deliveries();
        QSet<QString> known;
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            const QString id = e.value(QStringLiteral("id")).toString();
            const QString state = e.value(QStringLiteral("state")).toString();
            const QString mid = QLatin1Char('<') + e.value(QStringLiteral("message_id")).toString() + QLatin1Char('>');
            known.insert(mid);
            const int n = delivered.value(mid);
            if (state == QLatin1String("sent")) {
                EXPECT_EQ(n, 1) << qPrintable(id) << " is sent but was delivered " << n << " times";
            } else if (state == QLatin1String("held") && e.value(QStringLiteral("hold_reason")).toString() == QLatin1String("in_doubt")) {
                EXPECT_LE(n, 1) << qPrintable(id) << " in doubt but delivered twice";
            } else {
                EXPECT_EQ(n, 0) << qPrintable(id) << " (" << qPrintable(state) << ") was delivered";
                EXPECT_TRUE(state != QLatin1String("queued") && state != QLatin1String("active"))
                    << qPrintable(id) << " still " << qPrintable(state) << " after a full flush";
                if (state == QLatin1String("held") || state == QLatin1String("failed") || state == QLatin1String("deferred")) {
                    EXPECT_TRUE(e.contains(QStringLiteral("last_error"))) << qPrintable(id) << " has no reason";
                }
            }
        }
        for (const QString &id : toldQueued) {
            bool found = false;
            for (const QJsonValue &v : entries)
                found = found || v.toObject().value(QStringLiteral("id")).toString() == id;
            EXPECT_TRUE(found) << qPrintable(id) << " was queued and then vanished";
        }
        for (auto it = delivered.cbegin(); it != delivered.cend(); ++it) {
            EXPECT_TRUE(known.contains(it.key())) << qPrintable(it.key()) << " delivered but not in the outbox";
            EXPECT_LE(it.value(), 1) << qPrintable(it.key()) << " delivered " << it.value() << " times";
        }
    }

    /// The message file the outbox sent for entry `id` (what went on the wire).
    QByteArray sentMessage(const QString &id) const
    {
        QFile f(m_home.filePath(QStringLiteral("data/outpost/outbox/sent/%1/message.eml").arg(id)));
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << "no sent message for " << qPrintable(id);
        return f.readAll();
    }

    /// The message the server stored for this Message-ID (with brackets).
    QByteArray receivedMessage(const QString &messageId) const
    {
        const QDir dir(m_received);
        for (const QString &json : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile f(dir.filePath(json));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            if (QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("message_id")).toString() != messageId)
                continue;
            QFile eml(dir.filePath(json.chopped(5) + QStringLiteral(".eml")));
            EXPECT_TRUE(eml.open(QIODevice::ReadOnly));
            return eml.readAll();
        }
        ADD_FAILURE() << "nothing received for " << qPrintable(messageId);
        return {};
    }

    /// The outbox entry `id` as `outbox list --json` shows it.
    QJsonObject entry(const QString &id) const
    {
        for (const QJsonValue &v : outboxList()) {
            if (v.toObject().value(QStringLiteral("id")).toString() == id)
                return v.toObject();
        }
        return {};
    }

    static QString queuedId(const CliRun &r)
    {
        const qsizetype at = r.out.indexOf(QStringLiteral("Queued "));
        return at < 0 ? QString() : r.out.mid(at + 7).section(u'\n', 0, 0).trimmed();
    }

    QTemporaryDir m_home;
    QMap<QString, QString> m_extraEnvironment; ///< set for every run
    QString m_received;
    std::unique_ptr<ServerProcess> m_server;
};
