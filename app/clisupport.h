// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What outpost's command-line verbs share: loading the profile and sending
// what is due (the Flusher: the full core). Messages and exit codes, which
// outpost-sendmail shares too, are in clioutput.h.

#include "app/clioutput.h"
#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/outbox/outbox.h"

#include <functional>

namespace App {

/// Everything a command needs, loaded the same way the GUI loads it.
struct Profile
{
    Core::AccountStore accounts;
    Core::TrustStore trust;
    Core::Outbox outbox;
    Core::CredentialStore credentials;

    /// The accounts, the trust store and the outbox; `writeTest` as in
    /// Core::Outbox::open().
    [[nodiscard]] Core::Result<void> load(Core::Outbox::WriteTest writeTest = Core::Outbox::WriteTest::Now);
};

/// Runs the event loop until `done` says so, or `timeoutMs` passed.
void runUntil(const std::function<bool()> &done, int timeoutMs);

/**
 * Sends what is due: in this process when it can take the outbox lock,
 * otherwise by asking the instance that holds it. With `wait`, returns only
 * when every id in `ids` (or every message due now, if empty) reached a final
 * or waiting state. Returns the messages it tried (sent here, or watched
 * while another instance sent them), for exitCodeForFlush(); sending here,
 * those it saw sent are left out (sent is final: nothing to look up).
 * Flushing here, it also files the copies in the Sent folder that follow;
 * with `ids`, it waits for them 10 seconds at most after the messages are
 * sent (the rest stay pending for the next flush).
 */
[[nodiscard]] QStringList flushOutbox(Profile &p, bool manual, QStringList ids, bool wait);
/// The exit status of `outbox flush` over the messages it tried: the first
/// one that needs attention decides (67, 77 or 69, as exitCodeForEntry()),
/// else 75 if any waits for a retry, else 0.
[[nodiscard]] int exitCodeForFlush(Core::Outbox &outbox, const QStringList &ids);

} // namespace App
