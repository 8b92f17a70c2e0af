// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/oauth/tokensource.h"
#include "core/outbox/durablewriter.h"
#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystep.h"
#include "core/smtp/smtpclient.h"
#include "core/util/filelock.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <memory>

class QLocalServer;
class QThread;

namespace Core {

/// When to try again (docs/design/OUTBOX.md, "Lifetime and back-off"). All
/// durations scale by `scale` (tests).
struct RetryPolicy
{
    double scale = 1.0;
    /// Give up on transient failures after this long since the first attempt.
    qint64 lifetimeSeconds = 5 * 24 * 3600;
    /// Never reached the server: 30 s, 1, 2, 5, 10 min, then every 15 min, ±20 %.
    [[nodiscard]] qint64 networkDelayMs(int failures) const;
    /// An SMTP 4xx: clamp(time since the first attempt, 1 min, 1 h), ±10 %
    /// (Postfix-style).
    [[nodiscard]] qint64 messageDelayMs(qint64 ageSeconds) const;
    /// From the environment: OUTPOST_TEST_TIME_SCALE shortens every delay.
    [[nodiscard]] static RetryPolicy fromEnvironment();
};

/**
 * Submits what is due in the outbox. One flusher per outbox: it holds
 * outbox/.lock (a FileLock) for its whole life; another instance gets
 * HeldByOther and hands "send now" over with requestFlush().
 *
 * Per account it opens one SmtpClient and sends the due messages over it in
 * order, fetching the password from the keychain first (for OAuth2
 * accounts an access token, refreshed with the keychain's refresh token). Each result moves the
 * message to its state: sent; deferred on the network clock (not charged) or
 * the message clock (SMTP 4xx), failed after the lifetime; held when a person
 * must act (credentials, certificate, refused recipient, in doubt); failed on
 * a permanent refusal. A message whose final "." may have been written is
 * never sent again by itself.
 */
class Flusher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Flusher)
public:
    enum class LockResult { Acquired, HeldByOther, Failed };

    Flusher(Outbox *outbox, AccountStore *accounts, TrustStore *trust, CredentialStore *credentials,
            QObject *parent = nullptr);
    ~Flusher() override;

    /// Takes the outbox lock and runs start-up recovery. Only then may the
    /// flusher send.
    [[nodiscard]] LockResult acquire();
    /// What another process asks of the instance holding the lock.
    enum class Request {
        Flush, ///< flush(true): "Send Now"
        SentCopies, ///< fileSentCopies(): retry-copy, nothing sent
    };
    /// Asks the instance holding the lock to flush now; false if none answers.
    /// Waits (up to 9 s): for the command line.
    [[nodiscard]] static bool requestFlush(const QString &outboxRoot, Request request = Request::Flush);
    /// The same without waiting, for the GUI thread: `done` (optional) is
    /// called on `context`'s thread with whether the flusher answered, within
    /// the same bounds.
    static void requestFlushAsync(const QString &outboxRoot, QObject *context,
                                  std::function<void(bool)> done = {}, Request request = Request::Flush);

    /// What a person fixed, which may end a hold.
    enum class Fix {
        /// An account was added or changed (host, security, user name,
        /// sign-in method): its messages held for credentials, a certificate,
        /// or because the account did not exist.
        Account,
        /// A certificate was trusted: messages held for a certificate.
        Trust,
    };
    /// Puts back in the queue (due now) the held messages of `accountIds`
    /// that `fix` can have freed; returns their ids. Any process may do this;
    /// the flusher sends them at its next pass.
    static QStringList releaseHeld(Outbox &outbox, const QSet<QString> &accountIds, Fix fix);
    /// When a flusher will next send without anyone's help: the earliest due
    /// time of a queued or deferred message (now for one being sent or
    /// overdue); invalid when nothing waits for it.
    [[nodiscard]] static QDateTime nextDue(Outbox &outbox);
    [[nodiscard]] QStringList recoveredInDoubt() const { return m_recoveredInDoubt; }

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    void setTimeouts(const SmtpTimeouts &timeouts) { m_timeouts = timeouts; }
    void setExtraCaFile(const QString &path)
    {
        m_extraCaFile = path;
        m_sentCopies->setExtraCaFile(path);
    }
    /// Follow QNetworkInformation: flush when the network comes back.
    void watchConnectivity();

    /// Sends what is due; manual=true also sends deferred messages before
    /// their time (never held or in-doubt ones).
    void flush(bool manual = false);
    /// Only the copies in the Sent folder that are due (retry-copy): no
    /// pass, nothing sent. idle() follows.
    void fileSentCopies();
    [[nodiscard]] bool isBusy() const { return isSending() || m_sentCopies->isBusy(); }
    /// A pass is under way (messages being sent or recorded); the copies in
    /// the Sent folder that follow it aside.
    [[nodiscard]] bool isSending() const { return !m_runs.empty() || m_scan || m_pending || m_sentRecords > 0; }
    /// A connection is still saying goodbye (QUIT sent, 221 not yet in):
    /// a process about to exit waits for it, bounded by the QUIT time-out.
    [[nodiscard]] bool isClosingConnections() const;
    /// Answers no more requests from other processes (requestFlush() then
    /// returns false there) and starts no pass of its own any more (no
    /// retry falling due, no flush()): a process about to exit, whose last
    /// pass is done, starts no other that its exit would cut short.
    void stopListening();

Q_SIGNALS:
    /// A pass over the due messages ended (nothing is being sent).
    void idle();
    void progress(const QString &id, qint64 sent, qint64 total);
    void messageFinished(const QString &id, Core::OutboxState state);
    /// The copy of a sent message in its Sent folder changed state (SentCopyStep).
    void sentCopyFinished(const QString &id, const Core::SentCopyStatus &status);

private:
    struct AccountRun;
    struct PassScan;

    /// Starts what flush() asked for, once no scan is being read.
    void startPending();
    void startPass(bool manual);
    /// Reads the next few entries of the pass; the rest from the event loop.
    void scanSome();
    void startRun(const Account &account, const QString &firstId);
    /// An OAuth2 account: the session opens while the access token comes,
    /// and signs in with it; a refused token is replaced once.
    void startOAuthRun(AccountRun *run);
    /// No session to send over (no token, refused, no connection): the
    /// first due message takes the failed session's result, which decides
    /// for the rest of the run as onResult() does.
    void failRun(AccountRun *run, const Error &error);
    [[nodiscard]] AccountRun *findRun(quint64 serial) const;
    /// Lets a client say goodbye (QUIT) and go; the run forgets it.
    void retireClient(AccountRun *run);
    /// Holds `ids` and, while the pass is still being read, every later due
    /// message of the run's account too (they would meet the same wall).
    void holdRest(AccountRun *run, const QStringList &ids, HoldReason reason, const Error &error);
    /// Defers `ids` on the network clock and rests the run's account, as
    /// for a server it cannot reach (a keychain that did not answer).
    void deferRest(AccountRun *run, const QStringList &ids, const Error &error);
    void connectRun(AccountRun *run);
    void createClient(AccountRun *run);
    /// Claims (off this thread) until `limit` messages are in flight or
    /// being claimed; each goes to the client when its claim is back.
    void sendNext(AccountRun *run, size_t limit);
    /// Posts the claim of `id` to m_claims; onClaimed() follows here.
    void postClaim(AccountRun *run, const QString &id, size_t limit);
    void onClaimed(quint64 serial, const Outbox::Claim &claim, size_t limit);
    /// A message claimed after its run stopped goes back, unattempted.
    void putBack(AccountRun *run, const Outbox::Claim &claim);
    /// Hands a claimed message to the run's client.
    void handOver(AccountRun *run, const OutboxEntry &claimed);
    /// The result for the oldest message in flight.
    void onResult(AccountRun *run, const SmtpResult &result);
    /// Records the result of the attempt of `id`, no longer in flight.
    void settle(AccountRun *run, const QString &id, const SmtpResult &result);
    void finishRun(AccountRun *run);
    /// With no run left and the pass read: the next pass, or idle.
    void endPassIfDone();
    void recordPending(AccountRun *run);
    /// Records `id` as sent (Outbox::writeAccepted()) on the durable writer,
    /// then in the index, and reports it.
    /// With `noCopy`, the decision not to file a copy in the Sent folder
    /// (an account that files none) is part of that record.
    void recordSent(const QString &id, std::function<void(OutboxEntry &)> attempt,
                    const std::optional<SentCopyStatus> &noCopy);
    /// Runs `body` on this flusher's thread from its event loop, never
    /// inside the caller; callable from any thread.
    void postHere(std::function<void()> body);
    /// Runs `body` with the result of `future` (a worker's) from this
    /// flusher's event loop, never inside the caller.
    void whenDone(const QFuture<bool> &future, std::function<void(bool)> body);
    /// Queues the dot-sent markers of `ids` on the durable writer, made
    /// durable together (one sync).
    [[nodiscard]] QFuture<bool> markDotSent(const QStringList &ids);
    struct MarkerWindow;
    /// Posts `window`'s markers, once; their future.
    QFuture<bool> postWindow(MarkerWindow &window);
    void holdAll(const QStringList &ids, HoldReason reason, const Error &error);
    void scheduleNextPass();
    /// Retention: removes the bodies of old sent messages, off this thread.
    void housekeep();
    [[nodiscard]] SmtpServerSettings settingsFor(const Account &account) const;

    Outbox *m_outbox;
    AccountStore *m_accounts;
    TrustStore *m_trust;
    CredentialStore *m_credentials;
    OAuth::AccessTokenSource *m_accessTokens;
    /// The dot-sent markers, synced off this thread. Destroyed (waiting for
    /// its last step) before the Outbox it writes into, which outlives the
    /// flusher.
    std::unique_ptr<DurableWriter> m_durable;
    /// The claims (Outbox::claimOnDisk()), off this thread too: the same
    /// ordered worker, on a thread of its own so that a claim never waits
    /// for a group's sync; its steps name no directory and are not synced.
    /// Destroyed before the lock is released, so that no claim outlives it.
    std::unique_ptr<DurableWriter> m_claims;
    /// Files the copies of sent messages after each pass (a child).
    SentCopyStep *m_sentCopies;
    QHash<QString, QFuture<bool>> m_markerWrites; ///< per message in flight
    int m_sentRecords = 0; ///< "sent" records posted to m_durable, not yet done
    RetryPolicy m_policy = RetryPolicy::fromEnvironment();
    SmtpTimeouts m_timeouts;
    QString m_extraCaFile;
    std::shared_ptr<QFile> m_protocolLog; ///< OUTPOST_PROTOCOL_LOG, off by default
    std::unique_ptr<FileLock> m_lock;
    QLocalServer *m_server = nullptr;
    QStringList m_recoveredInDoubt;
    std::vector<std::unique_ptr<AccountRun>> m_runs;
    std::unique_ptr<PassScan> m_scan; ///< the pass's due messages, while being read
    QHash<QString, QDateTime> m_accountDeadUntil; ///< per-account network back-off
    /// Accounts whose server refused an envelope pipelined behind a final dot.
    QSet<QString> m_noPipelineBehindDot;
    QTimer m_passTimer;
    bool m_noNewPasses = false; ///< stopListening(): the process is about to exit
    /// Set when the flusher goes: claims still queued on m_claims are not
    /// made (their entries would wait in active/ for the next holder).
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
    quint64 m_nextRunSerial = 0;
    QDateTime m_lastConnectivityFlush;
    bool m_pending = false;
    bool m_pendingManual = false;
    QThread *m_housekeeping = nullptr;
    QDateTime m_lastHousekeeping; ///< by the outbox's clock
};

} // namespace Core
