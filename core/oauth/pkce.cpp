// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/pkce.h"

#include "core/oauth/flowsupport_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUrlQuery>


namespace Core::OAuth {

namespace {

QString randomBase64Url(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    // The system's cryptographic source (getrandom), not a seeded generator.
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// The value of a query item, percent-decoded once ('+' is a space in forms).
QString queryValue(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

Pkce Pkce::generate()
{
    Pkce p;
    p.verifier = randomBase64Url(32); // 256 bits: RFC 7636 §4.1 recommends 32 octets
    p.challenge = challengeFor(p.verifier);
    return p;
}

QString Pkce::challengeFor(const QString &verifier)
{
    const QByteArray hash = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomState()
{
    return randomBase64Url(16);
}

QUrl authorizationUrl(const QUrl &authorizationEndpoint, const QString &clientId, const QUrl &redirectUri,
                      const QStringList &scopes, const QString &state, const QString &codeChallenge,
                      const QString &loginHint)
{
    QUrl url = authorizationEndpoint;
    QUrlQuery query(url); // keeps parameters the provider put in its endpoint
    const auto add = [&query](const QString &key, const QString &value) {
        query.removeAllQueryItems(key);
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("client_id"), clientId);
    add(QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded));
    add(QStringLiteral("scope"), scopes.join(u' '));
    add(QStringLiteral("state"), state);
    add(QStringLiteral("code_challenge"), codeChallenge);
    add(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!loginHint.isEmpty())
        add(QStringLiteral("login_hint"), loginHint);
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

Result<Redirect> parseRedirectRequest(const QByteArray &request, const QString &redirectPath,
                                      const QString &expectedState)
{
    const qsizetype eol = request.indexOf("\r\n");
    const QList<QByteArray> parts = request.left(eol < 0 ? request.size() : eol).split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1."))
        return Redirect{Redirect::Kind::Foreign, {}};
    if (parts.at(0) != "GET")
        return Redirect{};
    const QUrl target(QString::fromLatin1(parts.at(1)), QUrl::StrictMode);
    if (!target.isValid() || target.path() != redirectPath)
        return Redirect{};
    const QUrlQuery query(target);
    // The state is checked before anything else is believed (RFC 6749
    // §10.12): a redirect that does not carry ours was not caused by this
    // sign-in, and may not end it or put its words before the person.
    if (expectedState.isEmpty() || queryValue(query, QStringLiteral("state")) != expectedState)
        return Redirect{Redirect::Kind::Foreign, {}};
    // RFC 6749 §4.1.2.1: the provider reports errors in the redirect too.
    if (query.hasQueryItem(QStringLiteral("error"))) {
        const QString error = queryValue(query, QStringLiteral("error"));
        const QString description = queryValue(query, QStringLiteral("error_description")).left(300);
        if (error == QLatin1String("access_denied"))
            return FlowSupport::accessDenied();
        //: %1 is an OAuth error code such as "invalid_scope", %2 the provider's explanation
        return Error(Error::Code::Permanent,
                     QCoreApplication::translate("OAuth", "The provider refused the sign-in (%1). %2").arg(error, description).trimmed());
    }
    const QString code = queryValue(query, QStringLiteral("code"));
    if (code.isEmpty())
        return Error(Error::Code::ProtocolViolation,
                     QCoreApplication::translate("OAuth", "The provider's answer contained no authorization code."));
    Redirect r;
    r.kind = Redirect::Kind::Code;
    r.code = code;
    return r;
}

} // namespace Core::OAuth
