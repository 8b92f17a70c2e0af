// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the suites: temporary files, running the Debian
// Python with a test script, reading the JSON it prints.

#include <QByteArray>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "core/accounts/account.h"
#include "core/error.h"
#include "core/mime/draft.h"

#include <gtest/gtest.h>

#include <QTest>

/// Waits (running the event loop) until `expr` holds, and fails the
/// GoogleTest test if it does not within `timeoutMs`. QTest's own QTRY_*
/// macros report to QTest, which a GoogleTest test never hears of: a
/// timeout there just returns from the test, which then passes.
#define ASSERT_EVENTUALLY(expr, timeoutMs)                                                                        \
    ASSERT_TRUE(QTest::qWaitFor([&] { return bool(expr); }, timeoutMs))                                           \
        << "still false after " << (timeoutMs) << " ms: " #expr

namespace TestUtil {

/// Points Outpost's settings and data at folders inside `home`
/// (XDG_CONFIG_HOME, XDG_DATA_HOME) and returns a folder there for what a
/// test server receives.
inline QString useProfileIn(const QString &home)
{
    qputenv("XDG_CONFIG_HOME", QDir(home).filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", QDir(home).filePath(QStringLiteral("data")).toUtf8());
    const QString received = QDir(home).filePath(QStringLiteral("received"));
    QDir().mkpath(received);
    return received;
}

/// An account on a local test server without encryption, sending as
/// Ada <ada@example.org> (user name "user" when it signs in).
inline Core::Account localAccount(const QString &name, quint16 port, Core::AuthMethod auth = Core::AuthMethod::None)
{
    Core::Account a;
    a.name = name;
    a.host = QStringLiteral("127.0.0.1");
    a.port = port;
    a.security = Core::SmtpSecurity::None;
    a.auth = auth;
    a.allowCleartextAuth = true;
    a.username = QStringLiteral("user");
    Core::Identity i;
    i.name = QStringLiteral("Ada");
    i.address = QStringLiteral("ada@example.org");
    a.identities = {i};
    return a;
}

/// A short plain-text message from Ada to Bob, as localAccount() sends.
inline Core::Draft draftToBob(const QString &subject)
{
    Core::Draft d;
    d.from = Core::MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    d.to = {Core::MailAddress({}, QStringLiteral("bob@example.org"))};
    d.subject = subject;
    d.textBody = QStringLiteral("Hello Bob.");
    return d;
}

/// Debian's interpreter: the first python3 on PATH may lack Debian's modules.
inline QString python()
{
    return QStringLiteral("/usr/bin/python3");
}

inline QString scriptPath(const char *name)
{
    return QStringLiteral(TEST_SCRIPTS_DIR "/") + QString::fromLatin1(name);
}

inline QString dataPath(const QString &relative)
{
    return QStringLiteral(TEST_DATA_DIR "/") + relative;
}

/// Runs a Python test script and returns its stdout; fails the test loudly
/// when the interpreter or the script is missing or exits non-zero.
inline QByteArray runPython(const char *script, const QStringList &args)
{
    QProcess p;
    p.start(python(), QStringList{scriptPath(script)} + args);
    if (!p.waitForStarted(10000)) {
        ADD_FAILURE() << "cannot start " << qPrintable(python());
        return {};
    }
    if (!p.waitForFinished(120000)) {
        ADD_FAILURE() << script << " did not finish";
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        ADD_FAILURE() << script << " failed: " << p.readAllStandardError().toStdString();
    return p.readAllStandardOutput();
}

inline QJsonObject runPythonJson(const char *script, const QStringList &args)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(runPython(script, args), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << qPrintable(error.errorString());
    return doc.object();
}

} // namespace TestUtil

// Lets GoogleTest print QStrings and QByteArrays readably in failure messages.
inline std::ostream &operator<<(std::ostream &os, const QString &s)
{
    return os << '"' << s.toStdString() << '"';
}
namespace Core {
inline void PrintTo(Error::Code code, std::ostream *os)
{
    *os << Error::codeName(code).toStdString();
}
} // namespace Core
inline std::ostream &operator<<(std::ostream &os, const QByteArray &b)
{
    return os << '"' << b.toStdString() << '"';
}
