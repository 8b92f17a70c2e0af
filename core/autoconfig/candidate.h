// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/autoconfig/clientconfig.h"

#include <QDateTime>
#include <QJsonObject>

namespace Core::Autoconfig {

/// Where a candidate came from, in trust order (docs/design/AUTOCONFIG.md §9.3).
enum class Source {
    Manual,        ///< typed or edited by the user
    LocalFile,     ///< T0: an override file on this computer
    ProviderHttps, ///< T1: autoconfig.<domain> or <domain>/.well-known over HTTPS
    Ispdb,         ///< T2: the ISPDB (Thunderbird's provider database)
    BuiltIn,       ///< T2: Outpost's own table of major providers
    MxProvider,    ///< T3: the mail host's (MX) provider configuration
    MxIspdb,       ///< T3: the ISPDB entry of the mail host's provider
    MxBuiltIn,     ///< T3: Outpost's table, for the mail host's provider
    Srv,           ///< T4: DNS SRV record (RFC 6186 / RFC 8314)
    ProviderHttp,  ///< T5: autoconfig.<domain> over plain HTTP
    Guess,         ///< T6: a server that answered on a usual name and port
};

enum class Trust {
    Authenticated,   ///< HTTPS with a verified certificate, a local file, or Outpost's table
    Dnssec,          ///< DNS answer with the AD bit from the resolver
    Unauthenticated, ///< plain DNS, plain HTTP, or guessed
};

/// What a probe (no credentials) or a verification (with them) found.
struct ProbeFacts
{
    enum class Outcome {
        NotProbed,
        Failed,      ///< no connection, no TLS, STARTTLS missing, refused, ...
        Reachable,   ///< connected and secured as required, no usable AUTH seen
        AuthUsable,  ///< ... and the server offers an AUTH mechanism Outpost can use
        Verified,    ///< signed in with the user's credentials
    };
    Outcome outcome = Outcome::NotProbed;
    QString tlsProtocol;
    QString certificateSubject;
    QString certificateIssuer;
    QDateTime certificateExpiry;
    QString certificateSha256;
    QStringList authMechanisms; ///< after TLS
    QStringList extensions;
    qint64 maxSize = 0;
    bool smtpUtf8 = false;
    Error error;
    qint64 elapsedMs = 0;
};

struct Candidate
{
    OutgoingServer server;
    Source source = Source::Guess;
    QString origin; ///< URL, file path or DNS name it came from
    Trust trust = Trust::Unauthenticated;
    bool domainListed = true;
    QStringList alsoFoundBy; ///< other sources naming the same host, port and security
    QString displayName; ///< provider name, when known
    QStringList documentationUrls;
    bool oauthOnly = false; ///< the provider or the server allows only OAuth
    ProbeFacts probe;
    QStringList reasons; ///< why it ranks where it does, for people

    [[nodiscard]] bool sameServer(const Candidate &other) const
    {
        return server.host == other.server.host && server.port == other.server.port
               && server.security == other.server.security;
    }
    /// May be chosen without the user picking it by hand.
    [[nodiscard]] bool selectable(bool allowInsecure) const;
    /// The user must confirm it explicitly (unauthenticated source or a
    /// server outside the address's domain from a less trusted source).
    [[nodiscard]] bool needsConfirmation(const QString &emailDomain) const;
    [[nodiscard]] QJsonObject toJson(const QString &emailDomain, bool allowInsecure) const;
};

/// Lower is more trusted; steps of ten leave room within a tier.
[[nodiscard]] int sourceTier(Source source);
[[nodiscard]] QString sourceName(Source source);
[[nodiscard]] QString sourceDescription(Source source);
[[nodiscard]] QString trustName(Trust trust);
[[nodiscard]] QString outcomeName(ProbeFacts::Outcome outcome);

/// Can Outpost sign in with what the candidate asks for (password or none)?
[[nodiscard]] bool authUsable(const Candidate &candidate);

/**
 * Merges duplicates (same host, port and security: the most trusted source
 * stays, the others are noted as agreement), sorts by the tuple of
 * docs/design/AUTOCONFIG.md §9.6 and writes each candidate's reasons.
 * Deterministic.
 */
void rankCandidates(QList<Candidate> &candidates, const QString &emailDomain);

} // namespace Core::Autoconfig
