// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/smtp/smtpclient.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Core::Autoconfig {

/// How an outgoing server wants the client to sign in (config-v1.1 values).
enum class AuthKind {
    PasswordCleartext, ///< SASL PLAIN / LOGIN
    PasswordEncrypted, ///< CRAM-MD5, SCRAM-*
    OAuth2,
    None,
    Other, ///< GSSAPI, NTLM, client certificate, client IP: Outpost cannot do these
};

/// One usable <outgoingServer type="smtp"> entry, placeholders substituted.
struct OutgoingServer
{
    QString host; ///< ASCII (IDNA) host name, lower case
    quint16 port = 0;
    SmtpSecurity security = SmtpSecurity::StartTls;
    QList<AuthKind> auth; ///< provider's order
    QString username; ///< substituted; empty: not given
    bool clientIpRestricted = false; ///< <restriction>client-IP-address</restriction>
    int order = 0; ///< position among the usable entries of the file
};

/**
 * One usable <incomingServer type="imap"> entry, placeholders substituted:
 * where the Sent copy is filed (issue 20). Other incoming types (POP3, EWS,
 * ActiveSync) are not read.
 */
struct IncomingServer
{
    QString host; ///< ASCII (IDNA) host name, lower case
    quint16 port = 0;
    SmtpSecurity security = SmtpSecurity::ImplicitTls; ///< SSL = implicit TLS, STARTTLS, plain = none
    QString username; ///< substituted; empty: not given
    int order = 0;    ///< position among the usable IMAP entries of the file
};

struct OAuth2Info
{
    QString issuer;
    QString scope;
    QString authUrl;
    QString tokenUrl;
};

/// A provider file ("clientConfig" version 1.1) as far as sending and the
/// Sent copy are concerned.
struct ClientConfig
{
    QString providerId;
    QString displayName;
    QStringList domains; ///< lower case, as listed
    QList<OutgoingServer> servers;
    QList<IncomingServer> incoming; ///< IMAP only; may be empty
    OAuth2Info oauth2;
    QStringList documentationUrls; ///< https only
    /// One line per entry that was refused, with the reason (for "details").
    QStringList skipped;

    /// True when domain (or its %EMAILDOMAIN% placeholder) is listed.
    [[nodiscard]] bool listsDomain(const QString &domain) const;
};

/// The parts of an address that placeholders expand to.
struct AddressParts
{
    QString address;   ///< local@domain
    QString localPart;
    QString domain;    ///< ASCII (IDNA), lower case
};

/// Largest provider file accepted (docs/design/AUTOCONFIG.md §9.3).
inline constexpr qsizetype MaxClientConfigSize = 256 * 1024;

/**
 * Reads a config-v1.1 document. Tolerant like a browser of unknown elements
 * (skipped), strict about what it keeps: each outgoing server is checked on
 * its own and a broken one is dropped with a reason, never guessed at. A DTD
 * (entity expansion) or a document larger than MaxClientConfigSize is
 * refused. Succeeds only when at least one usable outgoing server remains;
 * its IMAP servers are checked the same way, and none is required.
 */
[[nodiscard]] Result<ClientConfig> readClientConfig(const QByteArray &xml, const AddressParts &address);

/// Validates a host name (after IDNA): labels of letters, digits and '-'.
[[nodiscard]] bool isValidHostName(const QString &asciiHost);

[[nodiscard]] QString authKindName(AuthKind kind);

} // namespace Core::Autoconfig
