// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokens.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

namespace Core::OAuth {

namespace {

/// Marks the "sign in again" error among AuthenticationFailed ones.
const QString kSignInAgainField = QStringLiteral("oauth2-sign-in");

QString oauthErrorText(const QJsonObject &json)
{
    const QString code = json.value(QStringLiteral("error")).toString().left(100);
    const QString description = json.value(QStringLiteral("error_description")).toString().left(300);
    return description.isEmpty() ? code : code + QStringLiteral(": ") + description;
}

int timeoutFromEnvironment(int fallback)
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("OUTPOST_OAUTH_HTTP_TIMEOUT_MS", &ok);
    return ok && ms > 0 ? ms : fallback;
}

} // namespace

bool Tokens::accessTokenExpiresWithin(qint64 marginMs, const QDateTime &now) const
{
    if (accessToken.isEmpty())
        return true;
    return expiresAt.isValid() && now.msecsTo(expiresAt) <= marginMs;
}

Result<Tokens> parseTokenResponse(int httpStatus, const QByteArray &body, const QDateTime &now)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = doc.object();
    const bool isJson = parseError.error == QJsonParseError::NoError && doc.isObject();
    if (httpStatus >= 500)
        //: %1 is an HTTP status code such as 503
        return Error(Error::Code::Transient,
                     QCoreApplication::translate("OAuth", "The sign-in server is not available right now (HTTP %1).").arg(httpStatus));
    if (httpStatus != 200 || json.contains(QStringLiteral("error"))) {
        if (!isJson || !json.value(QStringLiteral("error")).isString())
            //: %1 is an HTTP status code
            return Error(Error::Code::ProtocolViolation,
                         QCoreApplication::translate("OAuth", "The sign-in server answered with an error Outpost could not read (HTTP %1).")
                             .arg(httpStatus));
        const QString code = json.value(QStringLiteral("error")).toString();
        // RFC 6749 §5.2: invalid_grant covers a code or refresh token that
        // is expired, revoked, or was issued for another redirect URI.
        if (code == QLatin1String("invalid_grant"))
            return Error(Error::Code::AuthenticationFailed,
                         //: %1 is the server's own words
                         QCoreApplication::translate("OAuth", "The sign-in is no longer valid (%1). Sign in again.").arg(oauthErrorText(json)),
                         kSignInAgainField)
                .withServerReply(0, {}, oauthErrorText(json));
        if (code == QLatin1String("invalid_client") || code == QLatin1String("unauthorized_client"))
            return Error(Error::Code::Permanent,
                         QCoreApplication::translate("OAuth", "The sign-in server does not accept Outpost's client id (%1). Check the client id "
                                    "configured for this provider.")
                             .arg(oauthErrorText(json)));
        //: %1 is the server's own words
        return Error(Error::Code::Permanent,
                     QCoreApplication::translate("OAuth", "The sign-in server refused the request: %1").arg(oauthErrorText(json)));
    }
    const QString tokenType = json.value(QStringLiteral("token_type")).toString();
    Tokens t;
    t.accessToken = json.value(QStringLiteral("access_token")).toString();
    t.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
    t.scope = json.value(QStringLiteral("scope")).toString();
    // RFC 6749 §5.1: expires_in is a number; some servers send a string.
    const QJsonValue expires = json.value(QStringLiteral("expires_in"));
    bool expiresOk = expires.isDouble();
    qint64 seconds = expires.toInteger();
    if (expires.isString())
        seconds = expires.toString().toLongLong(&expiresOk);
    if (!isJson || t.accessToken.isEmpty() || tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0
        || (!expires.isUndefined() && (!expiresOk || seconds < 0)))
        return Error(Error::Code::ProtocolViolation,
                     QCoreApplication::translate("OAuth", "The sign-in server's answer was not a valid token response."));
    if (expiresOk)
        t.expiresAt = now.toUTC().addSecs(seconds);
    return t;
}

bool isSignInAgain(const Error &error)
{
    return error.code() == Error::Code::AuthenticationFailed && error.field() == kSignInAgainField;
}

QString signInAgainMessage(const QString &accountName)
{
    //: %1 is an account name. "Sign in again" is also what the outbox shows.
    return QCoreApplication::translate("OAuth", "Sign in again: the sign-in of %1 has expired or was revoked "
                                                "(outpost account login \"%1\", or edit the account).")
        .arg(accountName);
}

TokenRequest::TokenRequest(Kind kind, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_timeoutMs(timeoutFromEnvironment(30000))
{
}

TokenRequest *TokenRequest::exchangeCode(const Provider &provider, const QString &code, const QString &codeVerifier,
                                         const QUrl &redirectUri, QNetworkAccessManager *network, QObject *parent)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded));
    form.addQueryItem(QStringLiteral("code_verifier"), codeVerifier);
    return post(Kind::AuthorizationCode, provider, provider.tokenEndpoint, form, network, parent);
}

TokenRequest *TokenRequest::refresh(const Provider &provider, const QString &refreshToken,
                                    QNetworkAccessManager *network, QObject *parent)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    return post(Kind::Refresh, provider, provider.tokenEndpoint, form, network, parent);
}

TokenRequest *TokenRequest::revoke(const Provider &provider, const QString &refreshToken,
                                   QNetworkAccessManager *network, QObject *parent)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), refreshToken);
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
    return post(Kind::Revocation, provider, provider.revocationEndpoint, form, network, parent);
}

TokenRequest *TokenRequest::post(Kind kind, const Provider &provider, const QUrl &endpoint, QUrlQuery form,
                                 QNetworkAccessManager *network, QObject *parent)
{
    auto *request = new TokenRequest(kind, parent);
    // Public clients identify themselves in the body (RFC 6749 §2.3.1,
    // client_secret_post where the provider insists on a secret).
    form.addQueryItem(QStringLiteral("client_id"), provider.clientId);
    if (!provider.clientSecret.isEmpty())
        form.addQueryItem(QStringLiteral("client_secret"), provider.clientSecret);
    // Started from the event loop: finished() never comes inside this call.
    QMetaObject::invokeMethod(request, [request, endpoint, form, network] { request->start(endpoint, form, network); },
                              Qt::QueuedConnection);
    return request;
}

void TokenRequest::setTimeout(int ms)
{
    m_timeoutMs = ms;
}

void TokenRequest::start(const QUrl &endpoint, const QUrlQuery &form, QNetworkAccessManager *network)
{
    if (m_done)
        return;
    if (!isUsableEndpoint(endpoint)) {
        complete(Error(Error::Code::InvalidInput,
                       //: %1 is a URL
                       QCoreApplication::translate("OAuth", "The sign-in server's address %1 is not usable (it must use https).")
                           .arg(endpoint.toDisplayString())));
        return;
    }
    if (!network) {
        m_ownNetwork = new QNetworkAccessManager(this);
        network = m_ownNetwork;
    }
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (const QString ca = qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"); !ca.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(ca);
        request.setSslConfiguration(ssl);
    }
    m_sentAt = QDateTime::currentDateTimeUtc();
    m_reply = network->post(request, form.query(QUrl::FullyEncoded).toLatin1());
    QNetworkReply *reply = m_reply.data();
    // Bounded: an answer larger than any token response ends the request.
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > MaxTokenResponseSize && m_reply)
            stop(Error(Error::Code::ProtocolViolation,
                       QCoreApplication::translate("OAuth", "The sign-in server's answer was too large.")));
    });
    connect(reply, &QNetworkReply::finished, this, &TokenRequest::onFinished);
    QTimer::singleShot(m_timeoutMs, this, [this] {
        stop(Error(Error::Code::Timeout, QCoreApplication::translate("OAuth", "The sign-in server did not answer in time.")));
    });
}

void TokenRequest::abort()
{
    stop(Error(Error::Code::Cancelled, QCoreApplication::translate("OAuth", "The sign-in was cancelled.")));
}

void TokenRequest::stop(const Error &error)
{
    if (m_done)
        return;
    if (QNetworkReply *r = m_reply.data()) {
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    complete(error);
}

void TokenRequest::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->read(MaxTokenResponseSize + 1);
    if (m_body.size() > MaxTokenResponseSize) {
        complete(Error(Error::Code::ProtocolViolation, QCoreApplication::translate("OAuth", "The sign-in server's answer was too large.")));
        return;
    }
    if (m_httpStatus == 0) {
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        //: %1 is a host name, %2 the network library's explanation
        complete(Error(tls ? Error::Code::Tls : Error::Code::Network,
                       QCoreApplication::translate("OAuth", "Could not reach the sign-in server %1: %2")
                           .arg(reply->url().host(), reply->errorString())));
        return;
    }
    if (m_kind == Kind::Revocation) {
        // RFC 7009 §2.2: 200 whether or not the token was valid.
        if (m_httpStatus == 200) {
            complete(Tokens{});
            return;
        }
        auto parsed = parseTokenResponse(m_httpStatus, m_body, m_sentAt);
        if (parsed.ok())
            parsed = Error(Error::Code::Permanent,
                           //: %1 is an HTTP status code
                           QCoreApplication::translate("OAuth", "The sign-in server did not revoke the token (HTTP %1).").arg(m_httpStatus));
        complete(std::move(parsed));
        return;
    }
    if (m_kind == Kind::DeviceAuthorization) {
        complete(Tokens{}); // the device flow reads body() itself
        return;
    }
    complete(parseTokenResponse(m_httpStatus, m_body, m_sentAt));
}

void TokenRequest::complete(Result<Tokens> result)
{
    if (m_done)
        return;
    m_done = true;
    m_result = std::move(result);
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace Core::OAuth
