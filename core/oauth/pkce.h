// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Core::OAuth {

/// PKCE (RFC 7636) with the S256 method: a random verifier and its challenge.
struct Pkce
{
    QString verifier;  ///< 43 characters of base64url (32 random bytes), §4.1
    QString challenge; ///< BASE64URL(SHA256(verifier)), no padding, §4.2

    /// A fresh pair from the system's random source.
    [[nodiscard]] static Pkce generate();
    /// The S256 challenge of a verifier.
    [[nodiscard]] static QString challengeFor(const QString &verifier);
};

/// A random `state` value (RFC 6749 §10.12): 128 bits, base64url.
[[nodiscard]] QString randomState();

/// What the browser brought back to the loopback listener.
struct Redirect
{
    enum class Kind {
        Code,    ///< code= and the expected state
        Other,   ///< not the redirect path (a favicon, …): answered 404, ignored
        Foreign, ///< unreadable, or without our state: not from this sign-in; answered 400, ignored
    };
    Kind kind = Kind::Other;
    QString code;
};

/// The largest redirect request read (request line and headers).
inline constexpr qsizetype MaxRedirectRequestSize = 16 * 1024;

/**
 * Reads an HTTP request that reached the loopback listener. `request` is the
 * request line and headers (up to the empty line); `redirectPath` the path of
 * the redirect URI. A request for another path is Kind::Other. A request
 * that cannot be read, or on the redirect path without `expectedState` as its
 * state, is Kind::Foreign: any local process or web page can reach the
 * listener, so nothing it says (error=, error_description) is believed. With
 * the right state: the authorization code, else a translated error (RFC 6749
 * §4.1.2.1 error=, access_denied as "consent refused", no code).
 */
[[nodiscard]] Result<Redirect> parseRedirectRequest(const QByteArray &request, const QString &redirectPath,
                                                    const QString &expectedState);

/// The authorization request URL (RFC 6749 §4.1.1 with RFC 7636 §4.3).
[[nodiscard]] QUrl authorizationUrl(const QUrl &authorizationEndpoint, const QString &clientId,
                                    const QUrl &redirectUri, const QStringList &scopes, const QString &state,
                                    const QString &codeChallenge, const QString &loginHint);

} // namespace Core::OAuth
