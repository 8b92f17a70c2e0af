// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the command-line tools (outpost's verbs and outpost-sendmail) share:
// loading the profile, sending what is due, and turning outcomes into
// messages and exit codes.

#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/outbox/outbox.h"

#include <QTextStream>

#include <functional>

namespace App {

QTextStream &out();
QTextStream &err();
/// Prints "<program>: message" on stderr and returns `code`.
int fail(const QString &message, int code);
int fail(const Core::Error &error);

/// Everything a command needs, loaded the same way the GUI loads it.
struct Profile
{
    Core::AccountStore accounts;
    Core::TrustStore trust;
    Core::Outbox outbox;
    Core::CredentialStore credentials;

    [[nodiscard]] Core::Result<void> load();
};

/// Runs the event loop until `done` says so, or `timeoutMs` passed.
void runUntil(const std::function<bool()> &done, int timeoutMs);

/**
 * Sends what is due: in this process when it can take the outbox lock,
 * otherwise by asking the instance that holds it. With `wait`, returns only
 * when every id in `ids` (or every message due now, if empty) reached a final
 * or waiting state. Returns the messages it tried (sent here, or watched
 * while another instance sent them).
 */
[[nodiscard]] QStringList flushOutbox(Profile &p, bool manual, QStringList ids, bool wait);
/// The exit status of `outbox flush` over the messages it tried: the first
/// one that needs attention decides (67, 77 or 69, as exitCodeForEntry()),
/// else 75 if any waits for a retry, else 0.
[[nodiscard]] int exitCodeForFlush(Core::Outbox &outbox, const QStringList &ids);

/// The sysexits code that tells a script what an error means.
[[nodiscard]] int exitCodeFor(const Core::Error &error);
/// The exit status for a message's state after an attempt (sysexits).
[[nodiscard]] int exitCodeForEntry(const Core::OutboxEntry &e);
/// One translated line saying where a message stands and why.
[[nodiscard]] QString describe(const Core::OutboxEntry &e);

} // namespace App
