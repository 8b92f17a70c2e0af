// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokensource.h"

#include "core/accounts/credentialstore.h"
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace Core::OAuth {

namespace {

} // namespace

Provider providerForAccount(const Account &account, const ProviderRegistry &registry)
{
    const OAuth2Settings &o = account.oauth2;
    std::optional<Provider> known = registry.forIssuer(o.issuer);
    if (!known && o.issuer.isEmpty())
        known = registry.forHost(account.host);
    Provider p;
    if (known && known->hasEndpoints()) {
        // A known provider signs in at its own endpoints, whatever the
        // account file says (it may have been written from a hostile
        // autoconfig block).
        p = *known;
    } else {
        if (known) // a client id file of the person's for this issuer
            p = *known;
        p.issuer = o.issuer;
        p.authorizationEndpoint = o.authorizationEndpoint;
        p.tokenEndpoint = o.tokenEndpoint;
        p.revocationEndpoint = o.revocationEndpoint;
        p.deviceAuthorizationEndpoint = o.deviceAuthorizationEndpoint;
        p.displayName = p.endpointHostName();
    }
    if (!o.scopes.isEmpty())
        p.scopes = o.scopes;
    // The refresh token belongs to the client id it was issued to; a secret
    // goes only with the client id it was configured for.
    if (!o.clientId.isEmpty() && o.clientId != p.clientId) {
        p.clientId = o.clientId;
        p.clientSecret.clear();
    }
    if (p.displayName.isEmpty())
        p.displayName = p.issuer;
    return p;
}

OAuth2Settings settingsForProvider(const Provider &provider)
{
    OAuth2Settings o;
    o.issuer = provider.issuer;
    o.authorizationEndpoint = provider.authorizationEndpoint;
    o.tokenEndpoint = provider.tokenEndpoint;
    o.revocationEndpoint = provider.revocationEndpoint;
    o.deviceAuthorizationEndpoint = provider.deviceAuthorizationEndpoint;
    o.scopes = provider.scopes;
    o.clientId = provider.clientId;
    return o;
}

/**
 * One refresh of one account's access token, safe against other processes
 * doing the same: Locking (the per-account FileLock, polled so the event
 * loop goes on) → Reading (the refresh token, read only now: the last holder
 * may have rotated it) → Requesting → Storing (a rotated refresh token) →
 * Lent: the answer is given, the lock kept until the token was tried
 * (release(), or kLeaseMs) → Done. A failure answers and releases at once.
 * After an invalid_grant, Rechecking reads the keychain once more: a
 * different token there was written meanwhile (a sign-in) and gets one more
 * request.
 */
class AccessTokenSource::Refresh final : public QObject
{
public:
    enum class State { Locking, Reading, Requesting, Rechecking, Storing, Lent, Done };

    Refresh(AccessTokenSource *source, Account account)
        : QObject(source)
        , m_source(source)
        , m_account(std::move(account))
        , m_lock(refreshLockPath(m_account.id))
    {
        m_retry.setSingleShot(true);
        m_retry.setInterval(kLockPollMs);
        connect(&m_retry, &QTimer::timeout, this, &Refresh::tryLock);
        m_lease.setSingleShot(true);
        m_lease.setInterval(kLeaseMs);
        connect(&m_lease, &QTimer::timeout, this, &Refresh::release);
    }

    /// Ends the lease: the lock goes, and so does this refresh.
    void release()
    {
        if (m_state == State::Done)
            return;
        m_state = State::Done;
        m_retry.stop();
        m_lease.stop();
        m_lock.unlock();
        deleteLater();
    }

    void start()
    {
        m_waited.start();
        QDir().mkpath(QFileInfo(m_lock.path()).absolutePath());
        tryLock();
    }

private:
    /// Another process's refresh takes a token request at most; polling
    /// every so often costs nothing and keeps the GUI's event loop free.
    static constexpr int kLockPollMs = 25;
    /// A caller that never says tokenUsed() holds the others up this long
    /// at most: enough for a connection and its AUTH.
    static constexpr int kLeaseMs = 15000;

    void tryLock()
    {
        switch (m_lock.lock(FileLock::Wait::No)) {
        case FileLock::Outcome::Acquired:
            if (const QString unsaved = m_source->m_unsaved.value(m_account.id); !unsaved.isEmpty()) {
                request(unsaved); // newer than the keychain's, which is dead
                return;
            }
            read(State::Reading);
            return;
        case FileLock::Outcome::HeldByOther:
            if (m_waited.elapsed() >= lockTimeoutMs()) {
                finish(Error(Error::Code::Timeout,
                             //: %1 is an account name
                             QCoreApplication::translate("OAuth", "Another Outpost is still renewing the sign-in of %1; "
                                                                  "trying again later.")
                                 .arg(m_account.name)));
                return;
            }
            m_retry.start();
            return;
        case FileLock::Outcome::Failed:
            // Without the lock only the race with other processes returns;
            // refusing to refresh would stop all sending instead.
            qWarning("oauth: cannot lock %s: %s", qPrintable(m_lock.path()), qPrintable(m_lock.errorString()));
            read(State::Reading);
            return;
        }
    }

    void read(State state)
    {
        m_state = state;
        CredentialJob *job = m_source->m_credentials->read(m_account.id, SecretKind::OAuthRefreshToken);
        connect(job, &CredentialJob::finished, this, [this](CredentialJob *j) {
            const bool none = j->error().code() == Error::Code::NeedsCredentials || j->secret().isEmpty();
            if (m_state == State::Rechecking) {
                if (j->error().isError() || none || j->secret() == m_used) {
                    finish(m_deadGrant);
                    return;
                }
                request(j->secret()); // written meanwhile: a new sign-in
                return;
            }
            if (j->error().isError() && !none) {
                finish(j->error());
                return;
            }
            if (none) {
                finish(Error(Error::Code::AuthenticationFailed, signInAgainMessage(m_account.name)));
                return;
            }
            request(j->secret());
        });
    }

    void request(const QString &refreshToken)
    {
        m_state = State::Requesting;
        m_used = refreshToken;
        const Provider provider = providerForAccount(m_account, ProviderRegistry::load());
        if (!provider.tokenEndpoint.isValid()) {
            finish(Error(Error::Code::AuthenticationFailed, signInAgainMessage(m_account.name)));
            return;
        }
        if (!provider.hasClientId()) {
            finish(Error(Error::Code::NeedsCredentials, provider.missingClientIdMessage()));
            return;
        }
        TokenRequest *r = TokenRequest::refresh(provider, refreshToken, m_source->m_network, this);
        connect(r, &TokenRequest::finished, this, [this](TokenRequest *done) { onTokens(done->result()); });
    }

    void onTokens(const Result<Tokens> &result)
    {
        if (result) {
            store(result.value());
            return;
        }
        const Error &e = result.error();
        if (!isSignInAgain(e)) {
            finish(e);
            return;
        }
        if (m_source->m_unsaved.value(m_account.id) == m_used)
            m_source->m_unsaved.remove(m_account.id); // dead: the keychain tells what is left
        m_deadGrant = Error(Error::Code::AuthenticationFailed,
                            //: %1 is the "Sign in again" sentence, %2 the sign-in server's own words
                            QCoreApplication::translate("OAuth", "%1 (The sign-in server said: %2)")
                                .arg(signInAgainMessage(m_account.name), e.serverText()),
                            e.field());
        if (m_rechecked) {
            finish(m_deadGrant);
            return;
        }
        // Dead, or only replaced by someone who did not take the lock (an
        // older Outpost, or a sign-in): the keychain tells.
        m_rechecked = true;
        read(State::Rechecking);
    }

    void store(const Tokens &tokens)
    {
        const QString current = tokens.refreshToken.isEmpty() ? m_used : tokens.refreshToken;
        const bool unsaved = m_source->m_unsaved.contains(m_account.id);
        if (current == m_used && !unsaved) {
            finish(tokens);
            return;
        }
        // A rotated refresh token (RFC 6749 §6): the old one may already be
        // dead, so the new one is in the keychain before the lock is released
        // (or, kept in memory before, is written again now).
        m_state = State::Storing;
        CredentialJob *write = m_source->m_credentials->write(m_account.id, current, SecretKind::OAuthRefreshToken);
        connect(write, &CredentialJob::finished, this, [this, tokens, current](CredentialJob *w) {
            if (w->error().isError()) {
                // A locked keychain: the access token is good all the same,
                // and the new refresh token is the only live one. Kept in
                // this process's memory and written again at the next
                // refresh. (Never the token in the log.)
                qWarning("oauth: the keychain did not store the renewed sign-in of account %s (%s); kept in memory, "
                         "stored again at the next renewal",
                         qPrintable(m_account.id), qPrintable(w->error().message()));
                m_source->m_unsaved.insert(m_account.id, current);
            } else {
                m_source->m_unsaved.remove(m_account.id);
            }
            finish(tokens);
        });
    }

    void finish(const Result<Tokens> &result)
    {
        if (!result) {
            release();
            m_source->answer(m_account.id, result.error());
            return;
        }
        m_state = State::Lent;
        m_lease.start();
        m_source->m_leases.insert(m_account.id, this);
        m_source->remember(m_account.id, result.value());
        m_source->answer(m_account.id, result.value().accessToken);
    }

    AccessTokenSource *m_source;
    const Account m_account;
    State m_state = State::Locking;
    FileLock m_lock;
    QTimer m_retry;
    QTimer m_lease;
    QElapsedTimer m_waited;
    QString m_used; ///< the refresh token of the last request
    Error m_deadGrant;
    bool m_rechecked = false;
};

AccessTokenSource::AccessTokenSource(CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{
}

AccessTokenSource::~AccessTokenSource() = default;

void AccessTokenSource::remember(const QString &accountId, const Tokens &tokens)
{
    m_cache.insert(accountId, {tokens.accessToken, tokens.expiresAt});
}

void AccessTokenSource::forget(const QString &accountId)
{
    m_cache.remove(accountId);
}

void AccessTokenSource::tokenUsed(const QString &accountId)
{
    if (Refresh *lease = m_leases.take(accountId).data())
        lease->release();
}

void AccessTokenSource::fetch(const Account &account, bool refused, QObject *context, Callback done)
{
    if (refused)
        forget(account.id);
    const auto cached = m_cache.constFind(account.id);
    if (cached != m_cache.cend()
        && !(Tokens{cached->accessToken, {}, cached->expiresAt, {}}.accessTokenExpiresWithin(
            refreshMarginMs(), QDateTime::currentDateTimeUtc()))) {
        const QString token = cached->accessToken;
        QMetaObject::invokeMethod(context, [done = std::move(done), token] { done(token); }, Qt::QueuedConnection);
        return;
    }
    const bool running = m_waiting.contains(account.id);
    m_waiting[account.id].append({context, std::move(done)});
    if (running)
        return;
    tokenUsed(account.id); // a lease of this process would stand in its own way
    (new Refresh(this, account))->start();
}

QString AccessTokenSource::refreshLockPath(const QString &accountId)
{
    // The id names the file only when it is a plain one (ids are UUIDs, but
    // accounts.json can be edited by hand).
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    const QString name = plain.match(accountId).hasMatch()
                             ? accountId
                             : QString::fromLatin1(
                                   QCryptographicHash::hash(accountId.toUtf8(), QCryptographicHash::Sha256).toHex());
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/oauth2-locks/")
           + name + QStringLiteral(".lock");
}

void AccessTokenSource::removeRefreshLock(const QString &accountId)
{
    QFile::remove(refreshLockPath(accountId));
}

qint64 AccessTokenSource::refreshMarginMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("OUTPOST_OAUTH_REFRESH_MARGIN_MS", &ok);
    return ok && ms >= 0 ? ms : 60 * 1000;
}

int AccessTokenSource::lockTimeoutMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("OUTPOST_OAUTH_LOCK_TIMEOUT_MS", &ok);
    return ok && ms > 0 ? ms : 2 * 60 * 1000;
}

void AccessTokenSource::answer(const QString &accountId, const Result<QString> &result)
{
    const QList<Waiter> waiters = m_waiting.take(accountId);
    for (const Waiter &w : waiters) {
        if (QObject *context = w.context.data())
            QMetaObject::invokeMethod(context, [done = w.done, result] { done(result); }, Qt::QueuedConnection);
    }
}

} // namespace Core::OAuth
