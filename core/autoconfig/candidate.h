// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/autoconfig/clientconfig.h"

#include <QDateTime>
#include <QJsonObject>

#include <compare>
#include <optional>

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
    /// Labels of the domain an MX-derived lookup asked about (3 for
    /// mail.protection.outlook.com); 0 for every other source. Within a
    /// tier, the answer for the more specific domain ranks first (§9.6).
    int specificity = 0;
    QStringList alsoFoundBy; ///< other sources naming the same host, port and security
    QList<Source> agreeing;  ///< the same, as sources (for the independence rule, §9.6)
    QString displayName; ///< provider name, when known
    QStringList documentationUrls;
    OAuth2Info oauth2; ///< the provider file's <oAuth2> block, when it has one
    /// The file lists only OAuth2 (informational: OAuth is a normal choice now).
    bool oauthOnly = false;
    ProbeFacts probe;
    QStringList reasons; ///< why it ranks where it does, for people

    [[nodiscard]] bool sameServer(const Candidate &other) const
    {
        return server.host == other.server.host && server.port == other.server.port
               && server.security == other.server.security;
    }
    /**
     * How Outpost would sign in to it (§9.6): OAuth 2.0 where the server
     * allows only that, or where it is one of the big providers' servers
     * that want OAuth (builtInPrefersOAuth()); else a password, or none
     * where the file says so. Nothing when it asks only for what Outpost
     * cannot do (GSSAPI, NTLM, …) or offers none of what the file names.
     */
    [[nodiscard]] std::optional<Core::AuthMethod> authMethod() const;
    /// May be chosen without the user picking it by hand.
    [[nodiscard]] bool selectable(bool allowInsecure) const;
    /// The user must confirm it explicitly (unauthenticated source or a
    /// server outside the address's domain from a less trusted source).
    [[nodiscard]] bool needsConfirmation(const QString &emailDomain) const;
    [[nodiscard]] QJsonObject toJson(const QString &emailDomain, bool allowInsecure) const;
};

/**
 * An IMAP server for the Sent copy (issue 20, §9.12 of AUTOCONFIG.md):
 * found by the same sources as the outgoing server, probed without
 * credentials (TLS or STARTTLS, greeting, CAPABILITY). In the probe facts,
 * authMechanisms are the AUTH= capabilities and extensions the others.
 */
struct ImapCandidate
{
    IncomingServer server;
    Source source = Source::Guess;
    QString origin; ///< URL, file path or DNS name it came from
    Trust trust = Trust::Unauthenticated;
    QStringList alsoFoundBy; ///< other sources naming the same host, port and security
    ProbeFacts probe;

    [[nodiscard]] bool sameServer(const ImapCandidate &other) const
    {
        return server.host == other.server.host && server.port == other.server.port
               && server.security == other.server.security;
    }
    /// The probe answered over TLS (or in plaintext with the opt-in).
    [[nodiscard]] bool selectable(bool allowInsecure) const;
    /// The same rule as Candidate::needsConfirmation(): the password will go there too.
    [[nodiscard]] bool needsConfirmation(const QString &emailDomain) const;
    [[nodiscard]] QJsonObject toJson(const QString &emailDomain) const;
};

/// Lower is more trusted; steps of ten leave room within a tier.
[[nodiscard]] int sourceTier(Source source);

/**
 * Where an answer stands in the trust order (§9.3, §9.6): the tier (T0…T6),
 * then, within the tier, the more specific domain (MX-derived answers only),
 * then the source's place in the tier. Lower stands better. Both the ranking
 * and the lookups' grace window use it, so the answer that would win is also
 * the one discovery waits for, whichever arrives first.
 */
struct Standing
{
    int tier = 0;
    int lessSpecific = 0; ///< -specificity
    int source = 0;       ///< sourceTier()
    // (clang-tidy 14 reads the defaulted <=>'s comparison with 0 as a null pointer.)
    friend auto operator<=>(const Standing &, const Standing &) = default; // NOLINT(modernize-use-nullptr)
};
[[nodiscard]] Standing standing(Source source, int specificity = 0);
/// True for the sources that exist only because of the MX answer (T3).
[[nodiscard]] bool isMxDerived(Source source);
/**
 * Whether two sources are independent evidence for the same server: not if
 * they read the same data (Outpost's table, the ISPDB, the provider's own
 * file over HTTPS and HTTP) or both rest on the same MX answer.
 */
[[nodiscard]] bool independentSources(Source a, Source b);
/// The agreeing sources that count (§9.6): independent of the candidate's
/// own source and of each other.
[[nodiscard]] int independentAgreement(const Candidate &candidate);

/// SASL mechanisms that take a password (PLAIN, LOGIN, CRAM-MD5, SCRAM-SHA-*).
[[nodiscard]] bool isPasswordMechanism(const QString &mechanism);
/// SASL mechanisms that take an OAuth 2.0 access token (XOAUTH2, OAUTHBEARER).
[[nodiscard]] bool isOAuthMechanism(const QString &mechanism);
[[nodiscard]] QString sourceName(Source source);
/// "TLS", "STARTTLS" or "no encryption", translated, for the steps and reasons.
[[nodiscard]] QString securityText(SmtpSecurity security);
[[nodiscard]] QString sourceDescription(Source source);
[[nodiscard]] QString trustName(Trust trust);
[[nodiscard]] QString outcomeName(ProbeFacts::Outcome outcome);

/// Can Outpost sign in with what the candidate asks for (a password, none,
/// or OAuth 2.0)? The same as candidate.authMethod() having a value.
[[nodiscard]] bool authUsable(const Candidate &candidate);

/**
 * Merges duplicates (same host, port and security: the most trusted source
 * stays, the others are noted as agreement), sorts by the tuple of
 * docs/design/AUTOCONFIG.md §9.6 and writes each candidate's reasons.
 * Deterministic.
 */
void rankCandidates(QList<Candidate> &candidates, const QString &emailDomain);

} // namespace Core::Autoconfig
