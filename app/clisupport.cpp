// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/clisupport.h"

#include "app/cli.h"
#include "core/outbox/flusher.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <optional>

namespace App {

Core::Result<void> Profile::load(Core::Outbox::WriteTest writeTest)
{
    if (auto r = accounts.load(); !r)
        return r;
    if (auto r = trust.load(); !r)
        return r;
    return outbox.open(writeTest);
}

void runUntil(const std::function<bool()> &done, int timeoutMs)
{
    // Sleep in the event loop until something happens. (The overload of
    // processEvents() with a time limit drops WaitForMoreEvents and spins:
    // a waiting `outpost send` used a whole core, taken from the mail
    // server and the keychain it was waiting for.) The timer only bounds
    // each sleep so that the deadline is noticed.
    const QDeadlineTimer deadline(timeoutMs);
    QTimer tick;
    tick.start(std::min(timeoutMs, 250));
    QEventLoop loop;
    while (!done() && !deadline.hasExpired())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

static bool isWaitingOrFinal(Core::OutboxState s)
{
    return s != Core::OutboxState::Queued && s != Core::OutboxState::Active;
}

QStringList flushOutbox(Profile &p, bool manual, QStringList ids, bool wait)
{
    // What to watch when another instance sends; collected only then (this
    // process, holding the lock, simply runs its flusher until idle).
    bool collected = !ids.isEmpty() || !wait;
    const auto collect = [&] {
        if (collected)
            return;
        collected = true;
        for (const Core::OutboxEntry &e : p.outbox.entries(Core::OutboxState::Queued)) {
            if (!e.notBefore.isValid() || e.notBefore <= p.outbox.now())
                ids << e.id;
        }
        for (const Core::OutboxEntry &e : p.outbox.entries(Core::OutboxState::Active))
            ids << e.id;
        if (manual) {
            for (const Core::OutboxEntry &e : p.outbox.entries(Core::OutboxState::Deferred))
                ids << e.id;
        }
    };
    const auto allSettled = [&] {
        for (const QString &id : std::as_const(ids)) {
            const auto e = p.outbox.find(id);
            if (e && !isWaitingOrFinal(e->state))
                return false;
        }
        return true;
    };

    QElapsedTimer clock;
    clock.start();
    // 12 minutes: longer than the 10-minute wait for the reply to the final dot.
    constexpr int kLimitMs = 12 * 60 * 1000;
    constexpr int kQuitLimitMs = 35 * 1000; // the client's own QUIT time-out is 30 s
    constexpr int kCopyGraceMs = 10 * 1000; // a copy of a usual message to a server that answers
    constexpr int kUnansweredLimitMs = 60 * 1000; // a holder's last wait: QUIT's 35 s and a pass
    bool asked = false;
    while (clock.elapsed() < kLimitMs) {
        // Before the flusher: its destructor cancels what is still in
        // flight, and reports those messages to the lambdas below, before
        // `tried` is returned (the flusher is destroyed first, below).
        bool idle = false;
        QStringList tried;
        std::optional<Core::Flusher> held(std::in_place, &p.outbox, &p.accounts, &p.trust, &p.credentials);
        Core::Flusher &flusher = *held;
        const auto lock = flusher.acquire();
        if (lock == Core::Flusher::LockResult::Acquired) {
            QObject::connect(&flusher, &Core::Flusher::idle, &flusher, [&] { idle = true; });
            // (Not those sent: each would be looked up on disk again for the
            // exit status, thousands after a long queue.)
            QSet<QString> seen;
            QObject::connect(&flusher, &Core::Flusher::messageFinished, &flusher,
                             [&](const QString &id, Core::OutboxState state) {
                                 if (state != Core::OutboxState::Sent && !seen.contains(id)) {
                                     seen.insert(id);
                                     tried << id;
                                 }
                             });
            flusher.flush(manual);
            if (ids.isEmpty()) {
                // A flush of the whole outbox: the copies in the Sent folder too.
                runUntil([&] { return idle; }, kLimitMs);
            } else {
                // Someone waits for these messages (`send --wait`, a script
                // behind outpost-sendmail): done when they are sent or held.
                // A copy in the Sent folder still under way may end here if
                // it is quick; else it waits, pending, for the next flush.
                runUntil([&] { return idle || !flusher.isSending(); }, kLimitMs);
                // (A pass that starts meanwhile, a retry falling due, is
                // never cut short: only the copies are.)
                const QDeadlineTimer grace(kCopyGraceMs);
                runUntil([&] { return idle || (!flusher.isSending() && grace.hasExpired()); }, kLimitMs);
            }
            // No more "send now" from other processes: one answered from
            // here on would start a pass this process then cut short by
            // exiting. Theirs take the outbox over once it is released.
            flusher.stopListening();
            // A pass such a request started before that runs to its end.
            runUntil([&] { return !flusher.isSending(); }, kLimitMs);
            // Say goodbye before exiting: QUIT answered, TLS closed.
            runUntil([&] { return !flusher.isSending() && !flusher.isClosingConnections(); }, kQuitLimitMs);
            held.reset(); // what it cancels is reported into `tried` now
            return tried;
        }
        if (lock == Core::Flusher::LockResult::Failed) {
            err() << QCoreApplication::translate("Cli", "outpost: the outbox could not be locked.") << Qt::endl;
            return {};
        }
        // Another instance flushes: hand "send now" over, then (with --wait)
        // watch the messages; if that instance goes away, take over.
        collect();
        if (!asked)
            asked = Core::Flusher::requestFlush(p.outbox.root());
        if (!wait && asked)
            return {}; // handed over: nothing here knows how it ends
        // Not answered: the holder is about to exit (it takes no more
        // requests once its last pass is done), and the outbox is ours
        // then. One that neither answers nor goes is not waited for long.
        if (!wait && clock.elapsed() > kUnansweredLimitMs) {
            err() << QCoreApplication::translate("Cli", "outpost: another Outpost holds the outbox and did not answer; "
                                                        "it sends the messages when it can.")
                  << Qt::endl;
            return {};
        }
        if (wait && asked && allSettled())
            return ids;
        QThread::msleep(200);
        if (wait && allSettled())
            return ids;
    }
    return ids;
}

int exitCodeForFlush(Core::Outbox &outbox, const QStringList &ids)
{
    bool waiting = false;
    for (const QString &id : ids) {
        const auto e = outbox.find(id);
        if (!e)
            continue; // removed meanwhile
        const int code = exitCodeForEntry(e.value());
        if (code == ExitTempFail)
            waiting = true;
        else if (code != ExitOk)
            return code;
    }
    return waiting ? ExitTempFail : ExitOk;
}

} // namespace App
