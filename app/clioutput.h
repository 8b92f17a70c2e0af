// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every command-line tool (outpost's verbs and outpost-sendmail) shares:
// standard output and error, and turning outcomes into messages and exit
// codes. Outbox and errors only (corebase): outpost-sendmail links this, not
// the sending in clisupport.h.

#include "core/error.h"
#include "core/outbox/outboxentry.h"

#include <QTextStream>

namespace App {

QTextStream &out();
QTextStream &err();
/// Prints "<program>: message" on stderr and returns `code`.
int fail(const QString &message, int code);
int fail(const Core::Error &error);

/// The sysexits code that tells a script what an error means.
[[nodiscard]] int exitCodeFor(const Core::Error &error);
/// The exit status for a message's state after an attempt (sysexits).
[[nodiscard]] int exitCodeForEntry(const Core::OutboxEntry &e);
/// One translated line saying where a message stands and why.
[[nodiscard]] QString describe(const Core::OutboxEntry &e);

} // namespace App
