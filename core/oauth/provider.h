// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Core::Autoconfig {
struct OAuth2Info;
}

namespace Core::OAuth {

/**
 * An OAuth 2.0 authorization server that signs in to mail servers: its
 * endpoints, the scopes mail needs, this program's client id there, and the
 * SMTP/IMAP hosts it covers. Nothing here is secret in the sense of a token:
 * an installed application's client secret is not confidential (RFC 8252
 * §8.5), but it is still never written to the account file.
 */
struct Provider
{
    enum class Source {
        BuiltIn,    ///< the table compiled into Outpost (client ids from CMake options)
        Autoconfig, ///< an <oAuth2> block of the provider's configuration file or the ISPDB
        UserFile,   ///< $XDG_CONFIG_HOME/outpost/oauth2/*.json
    };

    QString id;          ///< "google", "microsoft-personal", or the file's base name
    QString displayName; ///< "Google", "Microsoft (personal)", …
    QString issuer;      ///< identifies the provider across sources
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;          ///< RFC 7009; empty: revocation not offered
    QUrl deviceAuthorizationEndpoint; ///< RFC 8628; empty: no --no-browser sign-in
    QStringList scopes;
    QString clientId;     ///< empty: not configured (see missingClientIdMessage())
    QString clientSecret; ///< only for providers that insist on one for installed apps
    QStringList hosts;    ///< lower-case SMTP and IMAP host names it signs in to
    Source source = Source::BuiltIn;
    QString file; ///< UserFile: where it was read from

    [[nodiscard]] bool hasClientId() const { return !clientId.isEmpty(); }
    [[nodiscard]] bool offersDeviceFlow() const { return deviceAuthorizationEndpoint.isValid(); }
    /// Both endpoints set: a whole provider, not a file that only lends its client id.
    [[nodiscard]] bool hasEndpoints() const;
    /// The authorization endpoint's host (else the issuer): how a provider
    /// that Outpost does not know is named to the person.
    [[nodiscard]] QString endpointHostName() const;
    /// True when `host` (case-insensitive) is one of hosts.
    [[nodiscard]] bool covers(const QString &host) const;
    /// The translated sentence saying that no client id is configured for
    /// this provider and how to fix it: the CMake option that sets one at
    /// build time, or a JSON file with the same issuer in userDirectory().
    [[nodiscard]] QString missingClientIdMessage() const;

    friend bool operator==(const Provider &, const Provider &) = default;
};

/// True for an https URL, or an http one to this machine (127.0.0.1, ::1,
/// localhost): endpoints need TLS (RFC 6749 §3.1, §3.2) except on loopback.
[[nodiscard]] bool isUsableEndpoint(const QUrl &url);

/**
 * Every provider Outpost knows, from three places: the built-in table
 * (Google; Microsoft personal and work or school; Yahoo; AOL), a provider's
 * autoconfig <oAuth2> block, and one JSON file per provider in
 * userDirectory() with exactly these keys:
 *
 * @code
 * { "issuer": "login.example.com",
 *   "authorization_endpoint": "https://login.example.com/authorize",
 *   "token_endpoint": "https://login.example.com/token",
 *   "revocation_endpoint": "https://login.example.com/revoke",          (optional)
 *   "device_authorization_endpoint": "https://login.example.com/device", (optional)
 *   "scopes": ["mail.send", "offline_access"],
 *   "client_id": "…", "client_secret": "…",                              (secret optional)
 *   "hosts": ["smtp.example.com", "imap.example.com"] }
 * @endcode
 *
 * A file whose issuer is already known and that lists no hosts only
 * supplies (or overrides) the client id and secret of that provider. A file
 * that cannot be read or is invalid is skipped with a translated error in
 * errors(); it never stops the others.
 */
class ProviderRegistry final
{
public:
    /// The built-in table plus the files in userDirectory().
    [[nodiscard]] static ProviderRegistry load();
    /// The built-in table plus the files in `directory` (tests).
    [[nodiscard]] static ProviderRegistry load(const QString &directory);

    /// $XDG_CONFIG_HOME/outpost/oauth2 (AppConfigLocation + "/oauth2").
    [[nodiscard]] static QString userDirectory();
    /// The built-in table, with the client ids given at build time.
    [[nodiscard]] static QList<Provider> builtIn();
    /// Reads one provider file; a translated error names the file and the key.
    [[nodiscard]] static Result<Provider> readFile(const QString &path);

    [[nodiscard]] const QList<Provider> &providers() const { return m_providers; }
    /// Files that were skipped, one translated error each.
    [[nodiscard]] const QList<Error> &errors() const { return m_errors; }

    /// The provider that covers this SMTP or IMAP host, if any.
    [[nodiscard]] std::optional<Provider> forHost(const QString &host) const;
    [[nodiscard]] std::optional<Provider> forIssuer(const QString &issuer) const;
    /// A provider from an autoconfig <oAuth2> block for `host`. A block
    /// naming a known provider's issuer gets that provider as it is (the
    /// block's endpoints and scope are ignored: the file may come over plain
    /// HTTP or from the ISPDB). An unknown issuer keeps the block's endpoints,
    /// is named by their host, and gets a client id only from a file of the
    /// person's with the same issuer and no hosts. An error when the block
    /// lacks an endpoint or a scope.
    [[nodiscard]] Result<Provider> fromAutoconfig(const Autoconfig::OAuth2Info &info, const QString &host) const;
    /// The provider a new account on `host` signs in with (the wizard's and
    /// `outpost account add`'s choice): the one that covers the host, else
    /// the <oAuth2> block that discovery found (`discovered`, empty issuer:
    /// none). The error says how to describe a provider, or how to
    /// configure a missing client id.
    [[nodiscard]] Result<Provider> forSignIn(const QString &host, const Autoconfig::OAuth2Info &discovered) const;

private:
    void addFile(const Provider &provider);

    QList<Provider> m_providers;
    QList<Error> m_errors;
};

} // namespace Core::OAuth
