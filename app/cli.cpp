// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli.h"

#include "app/clicommands.h"
#include "app/clicontacts.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QTextStream>

namespace App {

namespace {

QString usage()
{
    return QCoreApplication::translate("Cli", "Usage: outpost [OPTION]... [mailto:URL]\n"
                 "       outpost COMMAND [ARGS]...\n"
                 "Compose and send mail.\n"
                 "\n"
                 "Without arguments, opens the composer. A mailto: URL opens it prefilled.\n"
                 "\n"
                 "Commands:\n"
                 "  send                 queue a message and send it\n"
                 "  outbox list|flush|retry|remove|mark-sent|send-again\n"
                 "                       look at and act on the outbox\n"
                 "  account add|set|list|test|login|remove\n"
                 "                       manage sending accounts (add finds the server\n"
                 "                       from the address when --host is not given;\n"
                 "                       login signs in again with OAuth 2.0)\n"
                 "  autoconfig ADDRESS   find the outgoing server for an address, and why\n"
                 "  contacts import|list|export\n"
                 "                       the address book: import vCard or CSV files,\n"
                 "                       list the contacts, export them as vCard 4.0\n"
                 "  compose [--to A] [--cc A] [--bcc A] [--subject S] [--body T] [--attach F]\n"
                 "                       open a prefilled composer\n"
                 "  accounts             open the accounts window\n"
                 "Each command has --help.\n"
                 "\n"
                 "Options:\n"
                 "  -h, --help       show this help and exit\n"
                 "  -v, --version    show the version and exit\n"
                 "\n"
                 "Exit status follows sysexits.h: 0 success, 64 usage error, 65 bad input,\n"
                 "66 unreadable input file, 67 unknown recipient address, 69 not sent\n"
                 "(held or failed), 70 internal error, 73 cannot write, 75 not sent yet\n"
                 "(queued or deferred), 78 configuration error (no such account).\n")
        + QCoreApplication::translate("Cli", "Exit status 130: interrupted (Ctrl-C or SIGTERM while signing in; nothing is saved).\n");
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
        if (arg.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive) || arg == QLatin1String("compose")
            || arg == QLatin1String("accounts"))
            return true;
        if (!arg.startsWith(QLatin1Char('-')))
            return false; // a verb: handled (or refused) by the CLI
    }
    return true;
}

int runCli(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (isOption(arg, "-h", "--help")) {
            out << usage();
            return ExitOk;
        }
        if (isOption(arg, "-v", "--version")) {
            out << QStringLiteral("outpost ") << Core::applicationVersion() << Qt::endl;
            return ExitOk;
        }
        if (arg.startsWith(QLatin1Char('-'))) {
            err << QCoreApplication::translate("Cli", "outpost: unknown option '%1'. Try 'outpost --help'.").arg(arg) << Qt::endl;
            return ExitUsage;
        }
        const QStringList rest = arguments.mid(i + 1);
        if (arg == QLatin1String("send"))
            return runSend(rest);
        if (arg == QLatin1String("outbox"))
            return runOutbox(rest);
        if (arg == QLatin1String("account"))
            return runAccount(rest);
        if (arg == QLatin1String("autoconfig"))
            return runAutoconfig(rest);
        if (arg == QLatin1String("contacts"))
            return runContacts(rest);
        err << QCoreApplication::translate("Cli", "outpost: unknown command '%1'. Try 'outpost --help'.").arg(arg) << Qt::endl;
        return ExitUsage;
    }
    err << usage();
    return ExitUsage;
}

} // namespace App
