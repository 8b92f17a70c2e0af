// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/oauth/provider.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace Core::OAuth {

/// What a token endpoint answered (RFC 6749 §5.1). Never logged or written
/// to a file: the refresh token goes to the keychain only.
struct Tokens
{
    QString accessToken;
    QString refreshToken; ///< empty when the server kept the old one
    QDateTime expiresAt;  ///< UTC; invalid when the server did not say
    QString scope;

    /// True when the access token is missing or expires within `marginMs`.
    [[nodiscard]] bool accessTokenExpiresWithin(qint64 marginMs, const QDateTime &now) const;
};

/// Parses a token endpoint's answer (a JSON body, RFC 6749 §5.1 and §5.2).
/// An error response or a body that is not the JSON expected becomes a
/// translated Error: invalid_grant is Error::Code::AuthenticationFailed
/// (the person must sign in again), others are Permanent or
/// ProtocolViolation. `now` is when the request was sent (expires_in counts
/// from then).
[[nodiscard]] Result<Tokens> parseTokenResponse(int httpStatus, const QByteArray &body, const QDateTime &now);

/// True for the error that means "this refresh token is dead": the person
/// must sign in again (RFC 6749 §5.2 invalid_grant).
[[nodiscard]] bool isSignInAgain(const Error &error);
/// The translated "Sign in again" sentence the outbox and the CLI show.
[[nodiscard]] QString signInAgainMessage(const QString &accountName);

/// The largest token or device endpoint answer read (bounded reads).
inline constexpr qint64 MaxTokenResponseSize = 64 * 1024;

/**
 * One POST to a provider's token, device or revocation endpoint, form
 * encoded (RFC 6749 §4.1.3, §6; RFC 7009 §2.1; RFC 8628 §3.1, §3.4). It
 * finishes from the event loop, exactly once, with finished(); its time-out
 * ends it with Error::Code::Timeout. HTTPS is required, except for loopback
 * hosts (127.0.0.1, ::1, localhost), which tests and local servers use.
 * OUTPOST_EXTRA_CA_FILE adds a CA, like for SMTP. Deletes itself after
 * finished() unless setAutoDelete(false).
 */
class TokenRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRequest)
public:
    enum class Kind { AuthorizationCode, Refresh, DeviceCode, DeviceAuthorization, Revocation };
    Q_ENUM(Kind)

    /// Exchanges an authorization code (with its PKCE verifier).
    static TokenRequest *exchangeCode(const Provider &provider, const QString &code, const QString &codeVerifier,
                                      const QUrl &redirectUri, QNetworkAccessManager *network, QObject *parent);
    /// Gets a new access token with a refresh token.
    static TokenRequest *refresh(const Provider &provider, const QString &refreshToken,
                                 QNetworkAccessManager *network, QObject *parent);
    /// Revokes a refresh token (RFC 7009); finishes with an error when the
    /// provider has no revocation endpoint.
    static TokenRequest *revoke(const Provider &provider, const QString &refreshToken,
                                QNetworkAccessManager *network, QObject *parent);
    /// A raw form POST (the device flow uses it).
    static TokenRequest *post(Kind kind, const Provider &provider, const QUrl &endpoint, QUrlQuery form,
                              QNetworkAccessManager *network, QObject *parent);

    [[nodiscard]] Kind kind() const { return m_kind; }
    /// The tokens (AuthorizationCode, Refresh, DeviceCode) or an error.
    [[nodiscard]] const Result<Tokens> &result() const { return m_result; }
    /// The HTTP status and body as received (bounded), for the device flow.
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    [[nodiscard]] QByteArray body() const { return m_body; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    /// Default 30 s; OUTPOST_OAUTH_HTTP_TIMEOUT_MS overrides (tests).
    void setTimeout(int ms);
    void abort();

Q_SIGNALS:
    void finished(Core::OAuth::TokenRequest *request);

private:
    TokenRequest(Kind kind, QObject *parent);
    void start(const QUrl &endpoint, const QUrlQuery &form, QNetworkAccessManager *network);
    void onFinished();
    /// Ends the request early (time-out, too large, abort()) with `error`.
    void stop(const Error &error);
    void complete(Result<Tokens> result);

    Kind m_kind;
    Result<Tokens> m_result = Error(Error::Code::Cancelled, {});
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    QDateTime m_sentAt;
    int m_httpStatus = 0;
    QByteArray m_body;
    int m_timeoutMs = 30000;
    bool m_done = false;
    bool m_autoDelete = true;
};

} // namespace Core::OAuth
