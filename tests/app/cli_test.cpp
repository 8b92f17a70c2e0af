// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `outpost` executable as a user would.
#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

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

namespace {

// A GUI process with its own profile, reporting each composer it shows.
QProcessEnvironment guiEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OUTPOST_REPORT_COMPOSER"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    return env;
}

QJsonObject composerReport(const QString &stderrText, int index = 0)
{
    int seen = 0;
    for (const QString &line : stderrText.split(u'\n')) {
        if (line.startsWith(QStringLiteral("outpost: composer ")) && seen++ == index)
            return QJsonDocument::fromJson(line.mid(18).toUtf8()).object();
    }
    return {};
}

} // namespace

TEST(Gui, MailtoOpensAPrefilledComposer)
{
    QTemporaryDir home;
    QProcessEnvironment env = guiEnvironment(home.path());
    env.insert(QStringLiteral("OUTPOST_EXIT_WHEN_SHOWN"), QStringLiteral("1"));
    const ProcessRun r = runOutpost({QStringLiteral("mailto:a@b.test?subject=Gr%C3%BC%C3%9Fe&body=x")}, env);
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject c = composerReport(r.err);
    EXPECT_EQ(c.value(QStringLiteral("to")).toString(), QStringLiteral("a@b.test"));
    EXPECT_EQ(c.value(QStringLiteral("subject")).toString(), QStringLiteral("Grüße"));
    EXPECT_EQ(c.value(QStringLiteral("body")).toString(), QStringLiteral("x"));
}

TEST(Gui, SecondLaunchOpensTheComposerInTheRunningInstance)
{
    QTemporaryDir home;
    QProcess first;
    first.setProcessEnvironment(guiEnvironment(home.path()));
    first.start(QStringLiteral(OUTPOST_BINARY), {});
    ASSERT_TRUE(first.waitForStarted(10000));
    QString firstErr;
    for (int i = 0; i < 100 && composerReport(firstErr).isEmpty(); ++i) {
        first.waitForReadyRead(100);
        firstErr += QString::fromUtf8(first.readAllStandardError());
    }
    ASSERT_FALSE(composerReport(firstErr).isEmpty()) << "the first instance did not show its composer";

    const ProcessRun second = runOutpost({QStringLiteral("mailto:a@b.test?subject=Gr%C3%BC%C3%9Fe&body=x")},
                                         guiEnvironment(home.path()));
    EXPECT_EQ(second.exitCode, 0) << qPrintable(second.err);
    EXPECT_TRUE(composerReport(second.err).isEmpty()) << "the second process must not open a window itself";
    for (int i = 0; i < 100 && composerReport(firstErr, 1).isEmpty(); ++i) {
        first.waitForReadyRead(100);
        firstErr += QString::fromUtf8(first.readAllStandardError());
    }
    const QJsonObject c = composerReport(firstErr, 1);
    EXPECT_EQ(c.value(QStringLiteral("to")).toString(), QStringLiteral("a@b.test"));
    EXPECT_EQ(c.value(QStringLiteral("subject")).toString(), QStringLiteral("Grüße"));
    first.kill();
    first.waitForFinished(5000);
}

// The language follows the system locale, the ui/language setting overrides
// it, and OUTPOST_LANGUAGE overrides both (issue 10).
TEST(Cli, LanguageFromLocaleSettingAndEnvironment)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    QProcessEnvironment env = headlessEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("OUTPOST_LANGUAGE"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("fr_FR.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("fr"));
    const ProcessRun french = runOutpost({QStringLiteral("--help")}, env);
    EXPECT_TRUE(french.out.startsWith(QStringLiteral("Utilisation"))) << qPrintable(french.out);

    QDir().mkpath(home.filePath(QStringLiteral("config/outpost")));
    QFile settings(home.filePath(QStringLiteral("config/outpost/outpost.conf")));
    ASSERT_TRUE(settings.open(QIODevice::WriteOnly));
    settings.write("[ui]\nlanguage=de\n");
    settings.close();
    const ProcessRun german = runOutpost({QStringLiteral("--help")}, env);
    EXPECT_TRUE(german.out.startsWith(QStringLiteral("Aufruf"))) << qPrintable(german.out);

    env.insert(QStringLiteral("OUTPOST_LANGUAGE"), QStringLiteral("en"));
    const ProcessRun english = runOutpost({QStringLiteral("--help")}, env);
    EXPECT_TRUE(english.out.startsWith(QStringLiteral("Usage: outpost"))) << qPrintable(english.out);
}
