// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/error.h"
#include "core/oauth/provider.h"
#include "core/oauth/tokens.h"
#include "core/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace Core {
class CredentialStore;
}

namespace Core::OAuth {

/// The provider an OAuth2 account signs in with: its stored endpoints and
/// client id, completed from `registry` (the client secret, which is never
/// stored in the account, and a client id the account lacks).
[[nodiscard]] Provider providerForAccount(const Account &account, const ProviderRegistry &registry);
/// What an account stores about its provider (no secret, no token).
[[nodiscard]] OAuth2Settings settingsForProvider(const Provider &provider);

/**
 * Access tokens for OAuth2 accounts, in this process's memory only. fetch()
 * answers with a token that is valid for at least another minute
 * (refreshMarginMs()): the one
 * in memory, or a new one from the token endpoint with the refresh token
 * read from the keychain (a rotated refresh token is written back). With
 * `refused` (the mail server refused the token: 535 or the 334 JSON error)
 * it refreshes even if the token has not expired, once.
 *
 * Several processes (the GUI, `outpost send`, `outbox flush`,
 * outpost-sendmail) may refresh one account at the same moment, and a
 * provider that rotates refresh tokens kills the one used. So a refresh runs
 * under a per-account FileLock (refreshLockPath()): the refresh token is read
 * from the keychain after the lock is taken, and the rotated one is back in
 * the keychain. The lock is kept after the answer until the caller says
 * the token has been tried on the mail server (tokenUsed(), or 15 seconds
 * at most): some servers (django-oauth-toolkit) drop the access token of a
 * refresh token that is used, and another process's refresh must not
 * invalidate a token before it reached the server. An invalid_grant is checked
 * once against the keychain: a newer token there (a sign-in meanwhile) is
 * tried before the sign-in is declared dead. A rotated refresh token that
 * the keychain refuses (locked) does not cost the access token: it is kept
 * in memory, used by the next refresh and written again then.
 *
 * Errors: a dead refresh token (invalid_grant) or none stored is
 * Error::Code::AuthenticationFailed with the "Sign in again" sentence (the
 * outbox holds the messages for credentials); no client id configured is
 * NeedsCredentials with Provider::missingClientIdMessage(); an unreachable
 * token endpoint is Network or Timeout (the outbox tries again later), and
 * so is another process holding the refresh lock for longer than
 * lockTimeoutMs().
 */
class AccessTokenSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessTokenSource)
public:
    using Callback = std::function<void(const Result<QString> &accessToken)>;

    explicit AccessTokenSource(CredentialStore *credentials, QObject *parent = nullptr);
    ~AccessTokenSource() override;

    /// Calls `done` from the event loop, exactly once, unless `context` is
    /// destroyed first.
    void fetch(const Account &account, bool refused, QObject *context, Callback done);
    /// Keeps a token just obtained by a sign-in (the access token only).
    void remember(const QString &accountId, const Tokens &tokens);
    /// Forgets an account's access token (removed, or signed in anew).
    void forget(const QString &accountId);
    /// The mail server has answered the sign-in with the token fetch() gave
    /// (accepted or refused): other processes may refresh the account now.
    void tokenUsed(const QString &accountId);
    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }

    /// The lock file every process takes while it refreshes the account's
    /// token (in the configuration folder, beside accounts.json).
    [[nodiscard]] static QString refreshLockPath(const QString &accountId);
    /// Deletes that file: the account is removed.
    static void removeRefreshLock(const QString &accountId);
    /// A token in memory closer than this to its expiry is refreshed before
    /// it is used (a message may take a while to reach AUTH): a minute.
    /// OUTPOST_OAUTH_REFRESH_MARGIN_MS overrides it for tests whose tokens
    /// live less than a minute, which would otherwise never be used twice.
    [[nodiscard]] static qint64 refreshMarginMs();
    /// How long a refresh waits for another process's: 2 minutes
    /// (OUTPOST_OAUTH_LOCK_TIMEOUT_MS overrides, for tests).
    [[nodiscard]] static int lockTimeoutMs();

private:
    class Refresh;
    friend class Refresh;

    struct Cached
    {
        QString accessToken;
        QDateTime expiresAt;
    };
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    /// Answers everyone waiting for this account's token.
    void answer(const QString &accountId, const Result<QString> &result);

    CredentialStore *m_credentials;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QString, Cached> m_cache;
    /// Per account, the callers waiting for the one refresh under way: a
    /// second refresh with a rotated refresh token would kill the first.
    QHash<QString, QList<Waiter>> m_waiting;
    /// Per account, the refresh that still holds the lock for its new token.
    QHash<QString, QPointer<Refresh>> m_leases;
    /// Per account, a rotated refresh token the keychain did not take (it
    /// was locked): the live one, used and written again at the next refresh.
    QHash<QString, QString> m_unsaved;
};

} // namespace Core::OAuth
