// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/imap/imapclient.h"
#include "core/outbox/sentcopystore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QFile;
class QThread;

namespace Core {

class AccountStore;
class CredentialStore;
class Outbox;
class TrustStore;
struct Account;
struct OutboxEntry;
namespace OAuth {
class AccessTokenSource;
}

/**
 * The outbox's step after "sent": files a copy of each sent message in its
 * account's Sent folder over IMAP (docs/design/OUTBOX.md, "The copy in the
 * Sent folder"). Run by the flusher after each pass, so only the process
 * holding the flusher lock files copies, one at a time; the SMTP sending is
 * never waited for nor changed. The state of each copy is a record of
 * SentCopyStore; an attempt whose outcome is unknown is settled by the next
 * one, as ImapClient always searches the folder for the Message-ID first.
 */
class SentCopyStep final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SentCopyStep)
public:
    enum class State {
        Idle,
        Scanning, ///< reading which copies are open, on a worker thread
        Reading, ///< reading the message to file, on a worker thread
        Credentials, ///< waiting for the password or the access token
        Filing, ///< the IMAP client is at work
    };

    SentCopyStep(Outbox *outbox, AccountStore *accounts, TrustStore *trust, CredentialStore *credentials,
                 OAuth::AccessTokenSource *tokens, QObject *parent = nullptr);
    ~SentCopyStep() override;

    void setExtraCaFile(const QString &path) { m_extraCaFile = path; }
    /// Scales every delay (OUTPOST_TEST_TIME_SCALE).
    void setTimeScale(double scale) { m_scale = scale; }

    /// Decides the sent messages not yet decided and files the due copies.
    /// Returns whether it is busy now (idle() follows when done).
    bool run();
    [[nodiscard]] bool isBusy() const { return m_state != State::Idle || !m_due.isEmpty() || m_again; }

    /// Delay before attempt `attempts` + 1 after a temporary failure.
    [[nodiscard]] static qint64 retryDelayMs(int attempts);
    /// Temporary failures are retried for this long, then the copy fails.
    static constexpr qint64 kGiveUpSeconds = 3 * 24 * 3600;
    /// The record of a copy `account` does not file (never, no IMAP server,
    /// the provider files it itself); nothing when it files one. The
    /// flusher writes it with the "sent" record, so that a long queue sent
    /// from such an account leaves the step nothing to decide per message.
    [[nodiscard]] static std::optional<SentCopyStatus> skipped(const Account &account);

Q_SIGNALS:
    /// A copy's state changed (decided, filed, failed, waiting again).
    void copyFinished(const QString &id, const Core::SentCopyStatus &status);
    void idle();

private:
    void next();
    /// Pending for a message just seen as sent, or skipped with the reason.
    [[nodiscard]] std::optional<SentCopyStatus> decide(const QString &id, const OutboxEntry &entry);
    /// Files one copy. `tokenRefused`: the IMAP server refused the access
    /// token just tried, so a fresh one is fetched (once).
    /// Reads the message off this thread, then signIn().
    void file(const QString &id, const Account &account, const SentCopyStatus &status);
    /// With `tokenRefused`, a fresh access token (the server refused the last).
    void signIn(const QString &id, const Account &account, const SentCopyStatus &status, const QByteArray &message,
                bool tokenRefused = false);
    void onFinished(const QString &id, const SentCopyResult &result, const Account &account);
    /// A temporary failure: pending again after the back-off, or failed
    /// after kGiveUpSeconds.
    void postpone(const QString &id, const Error &error, const QString &folder);
    /// No credentials: postponed when the cause passes by itself, else failed.
    void failOrPostpone(const QString &id, const QString &accountId, const Error &error);
    /// The account's other copies wait for this one's next attempt.
    void restAccount(const QString &id, const QString &accountId);
    void record(const QString &id, const std::function<void(SentCopyStatus &)> &change);
    /// With `certificate`: the one the server showed, for the person to review.
    void fail(const QString &id, const QString &code, const QString &reason, const QString &serverText = {},
              const std::optional<SentCopyStatus::Certificate> &certificate = std::nullopt);

    Outbox *m_outbox;
    AccountStore *m_accounts;
    TrustStore *m_trust;
    CredentialStore *m_credentials;
    OAuth::AccessTokenSource *m_tokens;
    SentCopyStore m_store;
    QDateTime m_since; ///< SentCopyStore::since()
    QString m_extraCaFile;
    double m_scale = 1.0;
    State m_state = State::Idle;
    /// next() looks at this many due copies per turn of the event loop.
    static constexpr int kLooksPerTurn = 8;
    QDateTime m_wake; ///< the earliest retry seen by next() so far, while it goes a few at a time
    QStringList m_due;
    bool m_again = false;
    QSet<QString> m_settled; ///< done, skipped, or from before the step: not read again
    QHash<QString, QDateTime> m_accountRestsUntil; ///< after a temporary failure
    QPointer<ImapClient> m_client;
    QThread *m_scan = nullptr; ///< while Scanning (a child)
    QThread *m_read = nullptr; ///< while Reading (a child)
    QString m_oauthAccount; ///< the account whose token is in use, if any
    QTimer m_timer;
};

} // namespace Core
