// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace App {

/// Exit codes follow sysexits.h so scripts and sendmail callers can branch.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 64,       // EX_USAGE: bad command line
    ExitDataErr = 65,     // EX_DATAERR: bad input data
    ExitNoInput = 66,     // EX_NOINPUT: input file missing or unreadable
    ExitNoUser = 67,      // EX_NOUSER: a recipient address was refused
    ExitUnavailable = 69, // EX_UNAVAILABLE: service unavailable
    ExitSoftware = 70,    // EX_SOFTWARE: internal error
    ExitCantCreate = 73,  // EX_CANTCREAT: cannot write output
    ExitTempFail = 75,    // EX_TEMPFAIL: try again later (message stays queued)
    ExitNoPerm = 77,      // EX_NOPERM
    ExitConfig = 78,      // EX_CONFIG: configuration error
    ExitInterrupted = 130, // 128 + SIGINT, as shells report it: Ctrl-C or SIGTERM during a sign-in
};

/// True when these arguments ask for the graphical application (no arguments,
/// a mailto: URL, or `compose`); false for --version, --help and CLI verbs,
/// which must work without a display.
[[nodiscard]] bool wantsGui(const QStringList &arguments);

/// Runs a command-line invocation inside an existing QCoreApplication.
[[nodiscard]] int runCli(const QStringList &arguments);

} // namespace App
