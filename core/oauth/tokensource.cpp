// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokensource.h"

#include "core/accounts/credentialstore.h"

#include <QCoreApplication>

namespace Core::OAuth {

namespace {

/// A token closer than this to its expiry is refreshed first: a message
/// may take a while to reach AUTH.
constexpr qint64 kExpiryMarginSeconds = 60;

} // namespace

Provider providerForAccount(const Account &account, const ProviderRegistry &registry)
{
    Provider p;
    if (auto known = registry.forIssuer(account.oauth2.issuer))
        p = *known;
    else if (auto byHost = registry.forHost(account.host))
        p = *byHost;
    const OAuth2Settings &o = account.oauth2;
    if (!o.issuer.isEmpty())
        p.issuer = o.issuer;
    if (o.authorizationEndpoint.isValid())
        p.authorizationEndpoint = o.authorizationEndpoint;
    if (o.tokenEndpoint.isValid())
        p.tokenEndpoint = o.tokenEndpoint;
    if (o.revocationEndpoint.isValid())
        p.revocationEndpoint = o.revocationEndpoint;
    if (o.deviceAuthorizationEndpoint.isValid())
        p.deviceAuthorizationEndpoint = o.deviceAuthorizationEndpoint;
    if (!o.scopes.isEmpty())
        p.scopes = o.scopes;
    // The refresh token belongs to the client id it was issued to.
    if (!o.clientId.isEmpty() && o.clientId != p.clientId) {
        p.clientId = o.clientId;
        p.clientSecret.clear();
        if (auto known = registry.forIssuer(o.issuer); known && known->clientId == o.clientId)
            p.clientSecret = known->clientSecret;
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

AccessTokenSource::AccessTokenSource(CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{
}

void AccessTokenSource::remember(const QString &accountId, const Tokens &tokens)
{
    m_cache.insert(accountId, {tokens.accessToken, tokens.expiresAt});
}

void AccessTokenSource::forget(const QString &accountId)
{
    m_cache.remove(accountId);
}

void AccessTokenSource::fetch(const Account &account, bool refused, QObject *context, Callback done)
{
    if (refused)
        forget(account.id);
    const auto cached = m_cache.constFind(account.id);
    if (cached != m_cache.cend()
        && !(Tokens{cached->accessToken, {}, cached->expiresAt, {}}.accessTokenExpiresWithin(
            kExpiryMarginSeconds, QDateTime::currentDateTimeUtc()))) {
        const QString token = cached->accessToken;
        QMetaObject::invokeMethod(context, [done = std::move(done), token] { done(token); }, Qt::QueuedConnection);
        return;
    }
    const bool running = m_waiting.contains(account.id);
    m_waiting[account.id].append({context, std::move(done)});
    if (!running)
        refresh(account);
}

void AccessTokenSource::refresh(const Account &account)
{
    CredentialJob *job = m_credentials->read(account.id, SecretKind::OAuthRefreshToken);
    connect(job, &CredentialJob::finished, this, [this, account](CredentialJob *j) {
        if (j->error().code() == Error::Code::NeedsCredentials) { // none stored
            answer(account.id, Error(Error::Code::AuthenticationFailed, signInAgainMessage(account.name)));
            return;
        }
        if (j->error().isError()) {
            answer(account.id, j->error());
            return;
        }
        refreshWith(account, j->secret());
    });
}

void AccessTokenSource::refreshWith(const Account &account, const QString &refreshToken)
{
    const ProviderRegistry registry = ProviderRegistry::load();
    const Provider provider = providerForAccount(account, registry);
    if (!provider.tokenEndpoint.isValid()) {
        answer(account.id, Error(Error::Code::AuthenticationFailed, signInAgainMessage(account.name)));
        return;
    }
    if (!provider.hasClientId()) {
        answer(account.id, Error(Error::Code::NeedsCredentials, provider.missingClientIdMessage()));
        return;
    }
    TokenRequest *request = TokenRequest::refresh(provider, refreshToken, m_network, this);
    connect(request, &TokenRequest::finished, this, [this, account, refreshToken](TokenRequest *r) {
        if (!r->result()) {
            const Error &e = r->result().error();
            if (isSignInAgain(e))
                answer(account.id, Error(Error::Code::AuthenticationFailed,
                                         //: %1 is the "Sign in again" sentence, %2 the sign-in server's own words
                                         QCoreApplication::translate("OAuth", "%1 (The sign-in server said: %2)")
                                             .arg(signInAgainMessage(account.name), e.serverText()),
                                         e.field()));
            else
                answer(account.id, e);
            return;
        }
        const Tokens tokens = r->result().value();
        remember(account.id, tokens);
        if (tokens.refreshToken.isEmpty() || tokens.refreshToken == refreshToken) {
            answer(account.id, tokens.accessToken);
            return;
        }
        // A rotated refresh token (RFC 6749 §6): the old one may already be
        // dead, so the new one is in the keychain before anyone goes on.
        CredentialJob *write = m_credentials->write(account.id, tokens.refreshToken, SecretKind::OAuthRefreshToken);
        connect(write, &CredentialJob::finished, this, [this, account, token = tokens.accessToken](CredentialJob *w) {
            if (w->error().isError())
                answer(account.id, w->error());
            else
                answer(account.id, token);
        });
    });
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
