// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace App {

namespace {

// Translation context for the command line; QCoreApplication::translate keeps
// these strings in the Linguist workflow without a QObject.
QString trCli(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString usage()
{
    return trCli("Usage: outpost [OPTION]... [mailto:URL]\n"
                 "Compose and send mail.\n"
                 "\n"
                 "Without arguments, opens the composer. A mailto: URL opens it prefilled.\n"
                 "\n"
                 "Options:\n"
                 "  -h, --help       show this help and exit\n"
                 "  -v, --version    show the version and exit\n"
                 "\n"
                 "Exit status: 0 on success, 64 for a usage error; other codes follow sysexits.h.\n");
}

bool isOption(const QString &arg, const char *shortForm, const char *longForm)
{
    return arg == QLatin1String(shortForm) || arg == QLatin1String(longForm);
}

} // namespace

bool wantsGui(const QStringList &arguments)
{
    // Qt's own GUI options that take a value (QGuiApplication consumes them).
    static const QStringList qtValueOptions = {
        QStringLiteral("-platform"), QStringLiteral("-style"), QStringLiteral("-display"),
        QStringLiteral("-geometry"), QStringLiteral("-qwindowgeometry"),
        QStringLiteral("-qwindowtitle"), QStringLiteral("-qwindowicon"),
        QStringLiteral("-stylesheet"), QStringLiteral("-platformtheme"),
        QStringLiteral("-plugin"), QStringLiteral("-session")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (qtValueOptions.contains(arg)) {
            ++i;
            continue;
        }
        if (isOption(arg, "-h", "--help") || isOption(arg, "-v", "--version"))
            return false;
        if (arg.startsWith(QLatin1String("--")))
            return false; // long options belong to the CLI (and unknown ones are refused there)
        if (arg.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            return true;
        if (!arg.startsWith(QLatin1Char('-')))
            return false; // a verb: handled (or refused) by the CLI
    }
    return true;
}

int runCli(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (isOption(arg, "-h", "--help")) {
            out() << usage();
            out().flush();
            return ExitOk;
        }
        if (isOption(arg, "-v", "--version")) {
            out() << QStringLiteral("outpost ") << Core::applicationVersion() << Qt::endl;
            return ExitOk;
        }
        if (arg.startsWith(QLatin1Char('-'))) {
            err() << trCli("outpost: unknown option '%1'. Try 'outpost --help'.").arg(arg)
                  << Qt::endl;
            return ExitUsage;
        }
        err() << trCli("outpost: unknown command '%1'. Try 'outpost --help'.").arg(arg)
              << Qt::endl;
        return ExitUsage;
    }
    err() << usage();
    return ExitUsage;
}

} // namespace App
