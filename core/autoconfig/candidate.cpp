// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/candidate.h"

#include "core/autoconfig/domainname.h"
#include "core/autoconfig/providers.h"
#include "core/accounts/account.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <tuple>

namespace Core::Autoconfig {

namespace {

int outcomeRank(ProbeFacts::Outcome o)
{
    switch (o) {
    case ProbeFacts::Outcome::Verified: return 4;
    case ProbeFacts::Outcome::AuthUsable: return 3;
    case ProbeFacts::Outcome::Reachable: return 2;
    case ProbeFacts::Outcome::NotProbed: return 1;
    case ProbeFacts::Outcome::Failed: return 0;
    }
    return 0;
}

int securityRank(SmtpSecurity s)
{
    switch (s) {
    case SmtpSecurity::ImplicitTls: return 0;
    case SmtpSecurity::StartTls: return 1;
    case SmtpSecurity::None: return 2;
    }
    return 2;
}

/// What a source's answer is made of, for the independence rule (§9.6).
enum class Evidence { Manual, LocalFile, ProviderFile, Ispdb, Table, MxProviderFile, Srv, Guess };

Evidence evidenceOf(Source source)
{
    switch (source) {
    case Source::Manual: return Evidence::Manual;
    case Source::LocalFile: return Evidence::LocalFile;
    case Source::ProviderHttps:
    case Source::ProviderHttp: return Evidence::ProviderFile;
    case Source::Ispdb:
    case Source::MxIspdb: return Evidence::Ispdb;
    case Source::BuiltIn:
    case Source::MxBuiltIn: return Evidence::Table;
    case Source::MxProvider: return Evidence::MxProviderFile;
    case Source::Srv: return Evidence::Srv;
    case Source::Guess: return Evidence::Guess;
    }
    return Evidence::Guess;
}

} // namespace

QString securityText(SmtpSecurity s)
{
    switch (s) {
    case SmtpSecurity::ImplicitTls: return QCoreApplication::translate("Autoconfig", "TLS");
    case SmtpSecurity::StartTls: return QCoreApplication::translate("Autoconfig", "STARTTLS");
    case SmtpSecurity::None: return QCoreApplication::translate("Autoconfig", "no encryption");
    }
    return {};
}

int sourceTier(Source source)
{
    switch (source) {
    case Source::Manual: return -10;
    case Source::LocalFile: return 0;
    case Source::ProviderHttps: return 10;
    case Source::Ispdb: return 20;
    case Source::BuiltIn: return 25;
    case Source::MxProvider: return 30;
    case Source::MxIspdb: return 31;
    case Source::MxBuiltIn: return 35;
    case Source::Srv: return 40;
    case Source::ProviderHttp: return 50;
    case Source::Guess: return 60;
    }
    return 100;
}

Standing standing(Source source, int specificity)
{
    const int tier = sourceTier(source);
    // Floor division: Manual (-10) is a tier of its own above T0.
    return {tier < 0 ? -1 : tier / 10, -specificity, tier};
}

bool isMxDerived(Source source)
{
    return source == Source::MxProvider || source == Source::MxIspdb || source == Source::MxBuiltIn;
}

bool independentSources(Source a, Source b)
{
    if (isMxDerived(a) && isMxDerived(b))
        return false; // one DNS answer chose both
    return evidenceOf(a) != evidenceOf(b);
}

int independentAgreement(const Candidate &c)
{
    QList<Source> counted{c.source};
    for (Source s : c.agreeing) {
        if (std::all_of(counted.cbegin(), counted.cend(), [s](Source other) { return independentSources(s, other); }))
            counted << s;
    }
    return int(counted.size()) - 1;
}

bool isPasswordMechanism(const QString &m)
{
    return m == QLatin1String("PLAIN") || m == QLatin1String("LOGIN") || m == QLatin1String("CRAM-MD5")
           || m.startsWith(QLatin1String("SCRAM-SHA-"));
}

bool isOAuthMechanism(const QString &m)
{
    return m == QLatin1String("XOAUTH2") || m == QLatin1String("OAUTHBEARER");
}

QString sourceName(Source source)
{
    switch (source) {
    case Source::Manual: return QStringLiteral("manual");
    case Source::LocalFile: return QStringLiteral("disk");
    case Source::ProviderHttps: return QStringLiteral("provider-https");
    case Source::Ispdb: return QStringLiteral("ispdb");
    case Source::BuiltIn: return QStringLiteral("built-in");
    case Source::MxProvider: return QStringLiteral("mx-provider");
    case Source::MxIspdb: return QStringLiteral("mx-ispdb");
    case Source::MxBuiltIn: return QStringLiteral("mx-built-in");
    case Source::Srv: return QStringLiteral("srv");
    case Source::ProviderHttp: return QStringLiteral("provider-http");
    case Source::Guess: return QStringLiteral("guess");
    }
    return {};
}

QString sourceDescription(Source source)
{
    switch (source) {
    case Source::Manual: return QCoreApplication::translate("Autoconfig", "your own settings");
    case Source::LocalFile: return QCoreApplication::translate("Autoconfig", "a configuration file on this computer");
    case Source::ProviderHttps: return QCoreApplication::translate("Autoconfig", "your provider's configuration server (HTTPS)");
    case Source::Ispdb: return QCoreApplication::translate("Autoconfig", "Thunderbird's provider database (ISPDB)");
    case Source::BuiltIn: return QCoreApplication::translate("Autoconfig", "Outpost's list of major providers");
    case Source::MxProvider: return QCoreApplication::translate("Autoconfig", "the configuration server of the provider that receives your mail (MX)");
    case Source::MxIspdb: return QCoreApplication::translate("Autoconfig", "Thunderbird's provider database, for the provider that receives your mail (MX)");
    case Source::MxBuiltIn: return QCoreApplication::translate("Autoconfig", "Outpost's list of major providers, for the provider that receives your mail (MX)");
    case Source::Srv: return QCoreApplication::translate("Autoconfig", "a DNS service record (SRV)");
    case Source::ProviderHttp: return QCoreApplication::translate("Autoconfig", "your provider's configuration server over unencrypted HTTP");
    // Whether it answered is the probe's to say, next to this.
    case Source::Guess: return QCoreApplication::translate("Autoconfig", "a usual server name, guessed");
    }
    return {};
}

QString trustName(Trust trust)
{
    switch (trust) {
    case Trust::Authenticated: return QStringLiteral("authenticated");
    case Trust::Dnssec: return QStringLiteral("dnssec");
    case Trust::Unauthenticated: return QStringLiteral("unauthenticated");
    }
    return {};
}

QString outcomeName(ProbeFacts::Outcome outcome)
{
    switch (outcome) {
    case ProbeFacts::Outcome::NotProbed: return QStringLiteral("not-probed");
    case ProbeFacts::Outcome::Failed: return QStringLiteral("failed");
    case ProbeFacts::Outcome::Reachable: return QStringLiteral("reachable");
    case ProbeFacts::Outcome::AuthUsable: return QStringLiteral("auth-usable");
    case ProbeFacts::Outcome::Verified: return QStringLiteral("verified");
    }
    return {};
}

std::optional<Core::AuthMethod> Candidate::authMethod() const
{
    const auto lists = [this](AuthKind k) { return server.auth.contains(k); };
    // What the probe saw after TLS decides over what a file says.
    const bool probed = probe.outcome >= ProbeFacts::Outcome::Reachable && !probe.authMechanisms.isEmpty();
    const auto offers = [this](bool (*mechanism)(const QString &)) {
        return std::any_of(probe.authMechanisms.cbegin(), probe.authMechanisms.cend(), mechanism);
    };
    const bool listsPassword = lists(AuthKind::PasswordCleartext) || lists(AuthKind::PasswordEncrypted);
    const bool prefersOAuth = builtInPrefersOAuth(server.host);
    const bool oauth = (lists(AuthKind::OAuth2) || prefersOAuth || (server.auth.isEmpty() && probed))
                       && (probed ? offers(isOAuthMechanism) : (lists(AuthKind::OAuth2) || prefersOAuth));
    const bool password = (server.auth.isEmpty() || listsPassword || lists(AuthKind::None))
                          && (!probed || offers(isPasswordMechanism));
    if (oauth && (!password || prefersOAuth))
        return Core::AuthMethod::OAuth2;
    if (password)
        return lists(AuthKind::None) && !listsPassword ? Core::AuthMethod::None : Core::AuthMethod::Password;
    return std::nullopt;
}

bool authUsable(const Candidate &c)
{
    return c.authMethod().has_value();
}

bool Candidate::selectable(bool allowInsecure) const
{
    if (probe.outcome != ProbeFacts::Outcome::Reachable && probe.outcome != ProbeFacts::Outcome::AuthUsable
        && probe.outcome != ProbeFacts::Outcome::Verified)
        return false;
    if (server.security == SmtpSecurity::None && !allowInsecure)
        return false;
    return authUsable(*this);
}

namespace {

// §9.8: an unauthenticated source, or a server outside the address's
// domain from a source less trusted than T2.
bool confirmationNeeded(Source source, Trust trust, const QString &host, const QString &emailDomain)
{
    if (source == Source::Manual)
        return false;
    if (trust == Trust::Unauthenticated)
        return true;
    if (sourceTier(source) > sourceTier(Source::BuiltIn))
        return registrableDomain(host) != registrableDomain(emailDomain);
    return false;
}

QJsonObject probeJson(const ProbeFacts &probe)
{
    QJsonObject probeJson{{QStringLiteral("outcome"), outcomeName(probe.outcome)}};
    if (probe.outcome != ProbeFacts::Outcome::NotProbed) {
        probeJson.insert(QStringLiteral("elapsed_ms"), probe.elapsedMs);
        if (!probe.tlsProtocol.isEmpty())
            probeJson.insert(QStringLiteral("tls"), probe.tlsProtocol);
        if (!probe.certificateSha256.isEmpty())
            probeJson.insert(QStringLiteral("certificate"),
                             QJsonObject{{QStringLiteral("subject"), probe.certificateSubject},
                                         {QStringLiteral("issuer"), probe.certificateIssuer},
                                         {QStringLiteral("expires"), probe.certificateExpiry.toString(Qt::ISODate)},
                                         {QStringLiteral("sha256"), probe.certificateSha256}});
        probeJson.insert(QStringLiteral("auth_offered"), QJsonArray::fromStringList(probe.authMechanisms));
        probeJson.insert(QStringLiteral("extensions"), QJsonArray::fromStringList(probe.extensions));
        if (probe.error.isError())
            probeJson.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), Error::codeName(probe.error.code())},
                                                                  {QStringLiteral("message"), probe.error.message()},
                                                                  {QStringLiteral("reply_code"), probe.error.replyCode()},
                                                                  {QStringLiteral("server_text"), probe.error.serverText()}});
    }
    return probeJson;
}

} // namespace

bool Candidate::needsConfirmation(const QString &emailDomain) const
{
    return confirmationNeeded(source, trust, server.host, emailDomain);
}

bool ImapCandidate::selectable(bool allowInsecure) const
{
    return probe.outcome >= ProbeFacts::Outcome::Reachable && (server.security != SmtpSecurity::None || allowInsecure);
}

bool ImapCandidate::needsConfirmation(const QString &emailDomain) const
{
    return confirmationNeeded(source, trust, server.host, emailDomain);
}

QJsonObject ImapCandidate::toJson(const QString &emailDomain) const
{
    return QJsonObject{{QStringLiteral("host"), server.host},
                       {QStringLiteral("port"), int(server.port)},
                       {QStringLiteral("security"), Account::securityName(server.security)},
                       {QStringLiteral("username"), server.username.isEmpty() ? QJsonValue() : QJsonValue(server.username)},
                       {QStringLiteral("source"), sourceName(source)},
                       {QStringLiteral("origin"), origin},
                       {QStringLiteral("trust"), trustName(trust)},
                       {QStringLiteral("also_found_by"), QJsonArray::fromStringList(alsoFoundBy)},
                       {QStringLiteral("needs_confirmation"), needsConfirmation(emailDomain)},
                       {QStringLiteral("probe"), probeJson(probe)}};
}

QJsonObject Candidate::toJson(const QString &emailDomain, bool allowInsecure) const
{
    QJsonArray listedAuth;
    for (AuthKind k : server.auth)
        listedAuth << authKindName(k);
    const std::optional<Core::AuthMethod> method = authMethod();
    QJsonObject o{{QStringLiteral("host"), server.host},
                  {QStringLiteral("port"), int(server.port)},
                  {QStringLiteral("security"), Account::securityName(server.security)},
                  {QStringLiteral("username"), server.username},
                  // How Outpost would sign in: "password", "oauth2", "none", or null.
                  {QStringLiteral("auth"), method ? QJsonValue(Core::Account::authName(*method)) : QJsonValue()},
                  {QStringLiteral("auth_listed"), listedAuth},
                  {QStringLiteral("source"), sourceName(source)},
                  {QStringLiteral("origin"), origin},
                  {QStringLiteral("trust"), trustName(trust)},
                  {QStringLiteral("registrable_domain"), registrableDomain(server.host)},
                  {QStringLiteral("also_found_by"), QJsonArray::fromStringList(alsoFoundBy)},
                  {QStringLiteral("independent_agreement"), independentAgreement(*this)},
                  {QStringLiteral("probe"), probeJson(probe)},
                  {QStringLiteral("selectable"), selectable(allowInsecure)},
                  {QStringLiteral("needs_confirmation"), needsConfirmation(emailDomain)},
                  {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)}};
    if (!displayName.isEmpty())
        o.insert(QStringLiteral("provider"), displayName);
    if (!documentationUrls.isEmpty())
        o.insert(QStringLiteral("documentation"), QJsonArray::fromStringList(documentationUrls));
    if (!oauth2.issuer.isEmpty() || !oauth2.authUrl.isEmpty() || !oauth2.tokenUrl.isEmpty())
        o.insert(QStringLiteral("oauth2"), QJsonObject{{QStringLiteral("issuer"), oauth2.issuer},
                                                       {QStringLiteral("scope"), oauth2.scope},
                                                       {QStringLiteral("auth_url"), oauth2.authUrl},
                                                       {QStringLiteral("token_url"), oauth2.tokenUrl}});
    if (specificity > 0)
        o.insert(QStringLiteral("mx_specificity"), specificity);
    return o;
}

void rankCandidates(QList<Candidate> &candidates, const QString &emailDomain)
{
    // 1. Merge duplicates: the best standing source keeps the entry.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return standing(a.source, a.specificity) < standing(b.source, b.specificity);
    });
    QList<Candidate> merged;
    for (Candidate &c : candidates) {
        auto it = std::find_if(merged.begin(), merged.end(), [&](const Candidate &m) { return m.sameServer(c); });
        if (it == merged.end()) {
            merged << std::move(c);
            continue;
        }
        const QString other = sourceName(c.source);
        if (!it->alsoFoundBy.contains(other) && it->source != c.source) {
            it->alsoFoundBy << other;
            it->agreeing << c.source;
        }
        if (it->probe.outcome == ProbeFacts::Outcome::NotProbed && c.probe.outcome != ProbeFacts::Outcome::NotProbed)
            it->probe = c.probe;
        if (it->server.username.isEmpty())
            it->server.username = c.server.username;
        if (it->oauth2.issuer.isEmpty() && it->oauth2.authUrl.isEmpty())
            it->oauth2 = c.oauth2;
    }

    // 2. Within one source and host, the provider's first entry for that
    // host decides the host's place; implicit TLS beats STARTTLS there.
    QHash<QString, int> groupOrder;
    for (const Candidate &c : merged) {
        const QString key = sourceName(c.source) + QLatin1Char('|') + c.server.host;
        groupOrder[key] = std::min(groupOrder.value(key, c.server.order), c.server.order);
    }
    auto key = [&](const Candidate &c) {
        const int group = groupOrder.value(sourceName(c.source) + QLatin1Char('|') + c.server.host);
        const Standing st = standing(c.source, c.specificity);
        return std::make_tuple(-outcomeRank(c.probe.outcome), st.tier, c.trust == Trust::Dnssec ? 0 : 1, st.lessSpecific,
                               st.source, group, securityRank(c.server.security), c.server.order, authUsable(c) ? 0 : 1,
                               c.server.clientIpRestricted ? 1 : 0, -independentAgreement(c), c.server.host,
                               int(c.server.port));
    };
    std::stable_sort(merged.begin(), merged.end(), [&](const Candidate &a, const Candidate &b) { return key(a) < key(b); });

    // 3. Reasons, for people.
    for (Candidate &c : merged) {
        QStringList r;
        r << QCoreApplication::translate("Autoconfig", "Found in %1%2.")
                 .arg(sourceDescription(c.source),
                      c.origin.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.origin));
        if (c.displayName.size())
            r << QCoreApplication::translate("Autoconfig", "Provider: %1.").arg(c.displayName);
        switch (c.trust) {
        case Trust::Authenticated:
            r << QCoreApplication::translate("Autoconfig", "The source is authenticated.");
            break;
        case Trust::Dnssec:
            r << QCoreApplication::translate("Autoconfig", "The DNS answer was signed (DNSSEC).");
            break;
        case Trust::Unauthenticated:
            r << QCoreApplication::translate("Autoconfig", "The source is not authenticated: please confirm this server.");
            break;
        }
        if (!c.alsoFoundBy.isEmpty())
            r << QCoreApplication::translate("Autoconfig", "Also named by: %1.").arg(c.alsoFoundBy.join(QLatin1String(", ")));
        if (independentAgreement(c) < c.agreeing.size())
            r << QCoreApplication::translate("Autoconfig", "Sources that rest on the same data or the same MX answer count once.");
        if (!c.domainListed)
            r << QCoreApplication::translate("Autoconfig", "The configuration file does not list %1 among its domains.").arg(emailDomain);
        switch (c.probe.outcome) {
        case ProbeFacts::Outcome::NotProbed:
            r << QCoreApplication::translate("Autoconfig", "Not tested.");
            break;
        case ProbeFacts::Outcome::Failed:
            r << QCoreApplication::translate("Autoconfig", "The test failed, so it is never chosen by itself: %1").arg(c.probe.error.message());
            break;
        case ProbeFacts::Outcome::Reachable:
        case ProbeFacts::Outcome::AuthUsable:
        case ProbeFacts::Outcome::Verified:
            if (c.server.security == SmtpSecurity::None)
                r << QCoreApplication::translate("Autoconfig", "The server answered, without encryption.");
            else
                r << QCoreApplication::translate("Autoconfig", "The server answered with %1 (%2).").arg(securityText(c.server.security), c.probe.tlsProtocol);
            if (!c.probe.certificateSubject.isEmpty())
                r << QCoreApplication::translate("Autoconfig", "Certificate valid for %1, issued by %2.").arg(c.probe.certificateSubject, c.probe.certificateIssuer);
            if (!c.probe.authMechanisms.isEmpty())
                r << QCoreApplication::translate("Autoconfig", "Sign-in methods offered: %1.").arg(c.probe.authMechanisms.join(QLatin1Char(' ')));
            if (c.probe.outcome == ProbeFacts::Outcome::Verified)
                r << QCoreApplication::translate("Autoconfig", "Signed in successfully.");
            break;
        }
        if (c.server.security == SmtpSecurity::ImplicitTls
            && std::any_of(merged.cbegin(), merged.cend(), [&](const Candidate &o) {
                   return o.server.host == c.server.host && o.server.security == SmtpSecurity::StartTls;
               }))
            r << QCoreApplication::translate("Autoconfig", "TLS from the first byte is preferred over STARTTLS on the same server (RFC 8314).");
        if (c.server.security == SmtpSecurity::None)
            r << QCoreApplication::translate("Autoconfig", "Without encryption, this server is never chosen unless you allow insecure servers.");
        if (const std::optional<Core::AuthMethod> method = c.authMethod(); !method)
            r << QCoreApplication::translate("Autoconfig", "The server only allows sign-in methods Outpost cannot use.");
        else if (*method == Core::AuthMethod::OAuth2)
            r << QCoreApplication::translate("Autoconfig", "You sign in to it in your browser (OAuth 2.0).");
        if (c.server.clientIpRestricted)
            r << QCoreApplication::translate("Autoconfig", "It works only from inside the provider's own network.");
        c.reasons = r;
    }
    candidates = std::move(merged);
}

} // namespace Core::Autoconfig
