// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `outpost` executable as a user would.
#include "core/version.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

namespace {

struct ProcessRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// A display-less environment: if the binary created a QApplication it would
// abort, because the xcb platform cannot connect to any X server.
QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    return env;
}

ProcessRun runOutpost(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OUTPOST_BINARY), args);
    EXPECT_TRUE(p.waitForStarted(10000));
    EXPECT_TRUE(p.waitForFinished(30000)) << "outpost did not finish";
    ProcessRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

TEST(Cli, VersionWorksWithoutDisplay)
{
    const ProcessRun r = runOutpost({QStringLiteral("--version")}, headlessEnvironment());
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_EQ(r.out.trimmed(), QStringLiteral("outpost ") + Core::applicationVersion());
}

TEST(Cli, HelpWorksWithoutDisplay)
{
    const ProcessRun r = runOutpost({QStringLiteral("--help")}, headlessEnvironment());
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("Usage: outpost"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("--version")));
}

TEST(Cli, UnknownCommandIsAUsageError)
{
    const ProcessRun r = runOutpost({QStringLiteral("frobnicate")}, headlessEnvironment());
    EXPECT_EQ(r.exitCode, 64);
    EXPECT_TRUE(r.err.contains(QStringLiteral("frobnicate"))) << qPrintable(r.err);
    EXPECT_TRUE(r.out.isEmpty());
}

TEST(Cli, UnknownOptionIsAUsageError)
{
    const ProcessRun r = runOutpost({QStringLiteral("--frobnicate")}, headlessEnvironment());
    EXPECT_EQ(r.exitCode, 64);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--frobnicate"))) << qPrintable(r.err);
}

TEST(Gui, ComposerWindowAppears)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OUTPOST_EXIT_WHEN_SHOWN"), QStringLiteral("1"));
    const ProcessRun r = runOutpost({}, env);
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("window shown after"))) << qPrintable(r.err);
}
