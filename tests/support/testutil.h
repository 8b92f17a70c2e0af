// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the suites: temporary files, running the Debian
// Python with a test script, reading the JSON it prints.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "core/error.h"

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
