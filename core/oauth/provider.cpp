// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/provider.h"

#include "core/autoconfig/clientconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>
#include <array>
#include <tuple>

// Client ids are set at build time (CMake cache options of the same names,
// empty by default): an id belongs to whoever registered it with the
// provider, so none is copied from another program.
#ifndef OUTPOST_OAUTH_GOOGLE_CLIENT_ID
#define OUTPOST_OAUTH_GOOGLE_CLIENT_ID ""
#endif
#ifndef OUTPOST_OAUTH_GOOGLE_CLIENT_SECRET
#define OUTPOST_OAUTH_GOOGLE_CLIENT_SECRET ""
#endif
#ifndef OUTPOST_OAUTH_MICROSOFT_CLIENT_ID
#define OUTPOST_OAUTH_MICROSOFT_CLIENT_ID ""
#endif
#ifndef OUTPOST_OAUTH_YAHOO_CLIENT_ID
#define OUTPOST_OAUTH_YAHOO_CLIENT_ID ""
#endif
#ifndef OUTPOST_OAUTH_YAHOO_CLIENT_SECRET
#define OUTPOST_OAUTH_YAHOO_CLIENT_SECRET ""
#endif
#ifndef OUTPOST_OAUTH_AOL_CLIENT_ID
#define OUTPOST_OAUTH_AOL_CLIENT_ID ""
#endif
#ifndef OUTPOST_OAUTH_AOL_CLIENT_SECRET
#define OUTPOST_OAUTH_AOL_CLIENT_SECRET ""
#endif

namespace Core::OAuth {

namespace {

/// Largest provider file read.
constexpr qint64 MaxProviderFileSize = 64 * 1024;

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// The option that sets a built-in provider's client id at build time.
QString cmakeOptionFor(const QString &providerId)
{
    if (providerId == QLatin1String("google"))
        return QStringLiteral("OUTPOST_OAUTH_GOOGLE_CLIENT_ID");
    if (providerId.startsWith(QLatin1String("microsoft")))
        return QStringLiteral("OUTPOST_OAUTH_MICROSOFT_CLIENT_ID");
    if (providerId == QLatin1String("yahoo"))
        return QStringLiteral("OUTPOST_OAUTH_YAHOO_CLIENT_ID");
    if (providerId == QLatin1String("aol"))
        return QStringLiteral("OUTPOST_OAUTH_AOL_CLIENT_ID");
    return {};
}

Provider makeBuiltIn(const char *id, const QString &displayName, const char *issuer, const char *auth,
                 const char *token, const char *revocation, const char *device, QStringList scopes,
                 const char *clientId, const char *clientSecret, QStringList hosts)
{
    Provider p;
    p.id = QLatin1String(id);
    p.displayName = displayName;
    p.issuer = QLatin1String(issuer);
    p.authorizationEndpoint = QUrl(QLatin1String(auth));
    p.tokenEndpoint = QUrl(QLatin1String(token));
    if (*revocation)
        p.revocationEndpoint = QUrl(QLatin1String(revocation));
    if (*device)
        p.deviceAuthorizationEndpoint = QUrl(QLatin1String(device));
    p.scopes = std::move(scopes);
    p.clientId = QLatin1String(clientId);
    p.clientSecret = QLatin1String(clientSecret);
    p.hosts = std::move(hosts);
    p.source = Provider::Source::BuiltIn;
    return p;
}

Error fileError(const QString &path, const QString &why)
{
    //: %1 is a file path, %2 what is wrong with it
    return Error(Error::Code::InvalidInput,
                 QCoreApplication::translate("OAuth", "The OAuth provider file %1 was not used: %2").arg(path, why),
                 QStringLiteral("oauth2"));
}

} // namespace

bool isUsableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    // RFC 6749 §3.1/§3.2 require TLS; plain HTTP only to this machine.
    return url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && isLoopback(url.host()));
}

bool Provider::covers(const QString &host) const
{
    return hosts.contains(host.trimmed().toLower());
}

QString Provider::missingClientIdMessage() const
{
    const QString path = QDir(ProviderRegistry::userDirectory()).filePath(id.isEmpty() ? QStringLiteral("provider.json")
                                                                                        : id + QStringLiteral(".json"));
    const QString option = cmakeOptionFor(id);
    const QString name = displayName.isEmpty() ? issuer : displayName;
    if (!option.isEmpty())
        //: %1 is a provider ("Google"), %2 a CMake option, %3 a file path, %4 the provider's issuer
        return QCoreApplication::translate("OAuth", "This build of Outpost has no OAuth client id for %1. Build it with -D%2=YOUR_ID, "
                   "or put your client id in %3 as {\"issuer\": \"%4\", \"client_id\": \"YOUR_ID\"}.")
            .arg(name, option, path, issuer);
    //: %1 is a provider, %2 a file path, %3 the provider's issuer
    return QCoreApplication::translate("OAuth", "Outpost has no OAuth client id for %1. Register Outpost with the provider and put "
               "the client id in %2 as {\"issuer\": \"%3\", \"client_id\": \"YOUR_ID\"}.")
        .arg(name, path, issuer);
}

QString ProviderRegistry::userDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/oauth2");
}

QList<Provider> ProviderRegistry::builtIn()
{
    // Microsoft's work or school and personal accounts sign in at the same
    // service, on different tenants ("organizations", "consumers").
    const auto ms = [](const char *tenant) {
        return std::array<QByteArray, 3>{
            QByteArray("https://login.microsoftonline.com/") + tenant + "/oauth2/v2.0/authorize",
            QByteArray("https://login.microsoftonline.com/") + tenant + "/oauth2/v2.0/token",
            QByteArray("https://login.microsoftonline.com/") + tenant + "/oauth2/v2.0/devicecode"};
    };
    const auto personal = ms("consumers");
    const auto work = ms("organizations");
    const QStringList msScopes = {QStringLiteral("https://outlook.office.com/SMTP.Send"),
                                  QStringLiteral("https://outlook.office.com/IMAP.AccessAsUser.All"),
                                  QStringLiteral("offline_access")};
    return {
        makeBuiltIn("google", QStringLiteral("Google"), "accounts.google.com", "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token", "https://oauth2.googleapis.com/revoke",
                "", // Google's device flow does not grant the mail scope
                {QStringLiteral("https://mail.google.com/")}, OUTPOST_OAUTH_GOOGLE_CLIENT_ID,
                OUTPOST_OAUTH_GOOGLE_CLIENT_SECRET,
                {QStringLiteral("smtp.gmail.com"), QStringLiteral("smtp.googlemail.com"), QStringLiteral("imap.gmail.com"),
                 QStringLiteral("imap.googlemail.com")}),
        makeBuiltIn("microsoft-personal", QCoreApplication::translate("OAuth", "Microsoft (personal account)"),
                "login.microsoftonline.com/consumers", personal[0].constData(), personal[1].constData(), "",
                personal[2].constData(), msScopes, OUTPOST_OAUTH_MICROSOFT_CLIENT_ID, "",
                {QStringLiteral("smtp-mail.outlook.com"), QStringLiteral("imap-mail.outlook.com")}),
        makeBuiltIn("microsoft-work", QCoreApplication::translate("OAuth", "Microsoft (work or school account)"),
                "login.microsoftonline.com/organizations", work[0].constData(), work[1].constData(), "",
                work[2].constData(), msScopes, OUTPOST_OAUTH_MICROSOFT_CLIENT_ID, "",
                {QStringLiteral("smtp.office365.com"), QStringLiteral("outlook.office365.com")}),
        // What autoconfig and the ISPDB name Microsoft by: the common tenant.
        makeBuiltIn("microsoft", QStringLiteral("Microsoft"), "login.microsoftonline.com",
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/common/oauth2/v2.0/token", "",
                "https://login.microsoftonline.com/common/oauth2/v2.0/devicecode", msScopes,
                OUTPOST_OAUTH_MICROSOFT_CLIENT_ID, "", {}),
        makeBuiltIn("yahoo", QStringLiteral("Yahoo"), "login.yahoo.com", "https://api.login.yahoo.com/oauth2/request_auth",
                "https://api.login.yahoo.com/oauth2/get_token", "", "", {QStringLiteral("mail-w")},
                OUTPOST_OAUTH_YAHOO_CLIENT_ID, OUTPOST_OAUTH_YAHOO_CLIENT_SECRET,
                {QStringLiteral("smtp.mail.yahoo.com"), QStringLiteral("imap.mail.yahoo.com")}),
        makeBuiltIn("aol", QStringLiteral("AOL"), "login.aol.com", "https://api.login.aol.com/oauth2/request_auth",
                "https://api.login.aol.com/oauth2/get_token", "", "", {QStringLiteral("mail-w")},
                OUTPOST_OAUTH_AOL_CLIENT_ID, OUTPOST_OAUTH_AOL_CLIENT_SECRET,
                {QStringLiteral("smtp.aol.com"), QStringLiteral("imap.aol.com")}),
    };
}

Result<Provider> ProviderRegistry::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, file.errorString());
    if (file.size() > MaxProviderFileSize)
        return fileError(path, QCoreApplication::translate("OAuth", "it is larger than 64 KiB."));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(MaxProviderFileSize), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        //: %1 is the JSON parser's explanation
        return fileError(path, QCoreApplication::translate("OAuth", "it is not a JSON object (%1).").arg(parseError.errorString()));
    const QJsonObject json = doc.object();
    static const QStringList known = {
        QStringLiteral("issuer"), QStringLiteral("authorization_endpoint"), QStringLiteral("token_endpoint"),
        QStringLiteral("revocation_endpoint"), QStringLiteral("device_authorization_endpoint"), QStringLiteral("scopes"),
        QStringLiteral("client_id"), QStringLiteral("client_secret"), QStringLiteral("hosts")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            //: %1 is a JSON key
            return fileError(path, QCoreApplication::translate("OAuth", "the key \"%1\" is unknown.").arg(it.key()));
    }
    const auto badKey = [&path](const QString &key) {
        //: %1 is a JSON key such as "token_endpoint"
        return fileError(path, QCoreApplication::translate("OAuth", "\"%1\" is missing or not valid.").arg(key));
    };
    const auto stringList = [&json](const QString &key, QStringList *out) {
        const QJsonValue v = json.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return false;
        const QJsonArray items = v.toArray();
        for (const QJsonValue item : items) {
            if (!item.isString() || item.toString().trimmed().isEmpty())
                return false;
            out->append(item.toString().trimmed());
        }
        return true;
    };
    Provider p;
    p.source = Provider::Source::UserFile;
    p.file = path;
    p.id = QFileInfo(path).completeBaseName();
    p.displayName = json.value(QStringLiteral("issuer")).toString();
    p.issuer = json.value(QStringLiteral("issuer")).toString().trimmed();
    if (p.issuer.isEmpty())
        return badKey(QStringLiteral("issuer"));
    p.clientId = json.value(QStringLiteral("client_id")).toString().trimmed();
    if (p.clientId.isEmpty())
        return badKey(QStringLiteral("client_id"));
    p.clientSecret = json.value(QStringLiteral("client_secret")).toString();
    if (!stringList(QStringLiteral("hosts"), &p.hosts))
        return badKey(QStringLiteral("hosts"));
    for (QString &h : p.hosts)
        h = h.toLower();
    if (!stringList(QStringLiteral("scopes"), &p.scopes))
        return badKey(QStringLiteral("scopes"));
    const auto endpoint = [&](const QString &key, QUrl *out, bool required) {
        const QJsonValue v = json.value(key);
        if (v.isUndefined())
            return !required;
        *out = QUrl(v.toString(), QUrl::StrictMode);
        return isUsableEndpoint(*out);
    };
    // A file with hosts describes a whole provider; one without only lends
    // its client id to a provider known by the same issuer.
    const bool whole = !p.hosts.isEmpty();
    for (const auto &[key, url, required] :
         {std::tuple{QStringLiteral("authorization_endpoint"), &p.authorizationEndpoint, whole},
          std::tuple{QStringLiteral("token_endpoint"), &p.tokenEndpoint, whole},
          std::tuple{QStringLiteral("revocation_endpoint"), &p.revocationEndpoint, false},
          std::tuple{QStringLiteral("device_authorization_endpoint"), &p.deviceAuthorizationEndpoint, false}}) {
        if (!endpoint(key, url, required))
            return badKey(key);
    }
    if (whole && p.scopes.isEmpty())
        return badKey(QStringLiteral("scopes"));
    return p;
}

ProviderRegistry ProviderRegistry::load()
{
    return load(userDirectory());
}

ProviderRegistry ProviderRegistry::load(const QString &directory)
{
    ProviderRegistry registry;
    registry.m_providers = builtIn();
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable,
                                                              QDir::Name);
    QList<Provider> clientIdOnly;
    for (const QFileInfo &info : files) {
        auto p = readFile(info.filePath());
        if (!p) {
            registry.m_errors.append(p.error());
            continue;
        }
        if (p->hosts.isEmpty())
            clientIdOnly.append(p.value());
        else
            registry.addFile(p.value());
    }
    // After the whole providers, whichever file came first.
    for (const Provider &p : std::as_const(clientIdOnly))
        registry.addFile(p);
    return registry;
}

void ProviderRegistry::addFile(const Provider &provider)
{
    const auto same = std::find_if(m_providers.begin(), m_providers.end(),
                                   [&](const Provider &p) { return p.issuer == provider.issuer; });
    if (provider.hosts.isEmpty() && same != m_providers.end()) {
        same->clientId = provider.clientId;
        same->clientSecret = provider.clientSecret;
        return;
    }
    if (same != m_providers.end())
        m_providers.erase(same); // a whole provider in a file replaces the built-in one
    // The person's own files come before the built-in table.
    m_providers.prepend(provider);
}

std::optional<Provider> ProviderRegistry::forHost(const QString &host) const
{
    for (const Provider &p : m_providers) {
        if (p.covers(host))
            return p;
    }
    return std::nullopt;
}

std::optional<Provider> ProviderRegistry::forIssuer(const QString &issuer) const
{
    for (const Provider &p : m_providers) {
        if (p.issuer == issuer)
            return p;
    }
    return std::nullopt;
}

bool Provider::hasEndpoints() const
{
    return authorizationEndpoint.isValid() && tokenEndpoint.isValid();
}

QString Provider::endpointHostName() const
{
    return authorizationEndpoint.host().isEmpty() ? issuer : authorizationEndpoint.host();
}

Result<Provider> ProviderRegistry::fromAutoconfig(const Autoconfig::OAuth2Info &info, const QString &host) const
{
    const std::optional<Provider> known = forIssuer(info.issuer);
    Provider p;
    if (known && known->hasEndpoints()) {
        // The block may come over plain HTTP, from an MX-derived lookup or
        // the ISPDB: it names a known provider, never moves it. Its client
        // id and secret go to its own endpoints only. Nor may it send the
        // provider's tokens to a mail server the provider does not run: the
        // person would sign in at the real provider and hand its token to a
        // stranger's server.
        if (!host.isEmpty() && !known->covers(host))
            return Error(Error::Code::InvalidInput,
                         //: %1 is a mail server's name, %2 a provider's name such as Google
                         QCoreApplication::translate("OAuth", "The settings found say to sign in to %1 with %2, but %1 is not "
                                                              "one of %2's servers. Outpost will not send a %2 sign-in there.")
                             .arg(host.toLower(), known->displayName));
        p = *known;
    } else {
        if (known) // a file of the person's own with this issuer and no hosts: its client id
            p = *known;
        p.issuer = info.issuer;
        p.id = info.issuer;
        p.authorizationEndpoint = QUrl(info.authUrl, QUrl::StrictMode);
        p.tokenEndpoint = QUrl(info.tokenUrl, QUrl::StrictMode);
        p.scopes = info.scope.split(u' ', Qt::SkipEmptyParts);
        // Named by where the person will sign in, never by a name Outpost
        // knows: the block's issuer is only its word.
        p.displayName = p.endpointHostName();
    }
    p.source = Provider::Source::Autoconfig;
    if (!host.isEmpty() && !p.covers(host))
        p.hosts.append(host.toLower());
    if (p.issuer.isEmpty() || !isUsableEndpoint(p.authorizationEndpoint) || !isUsableEndpoint(p.tokenEndpoint)
        || p.scopes.isEmpty())
        return Error(Error::Code::InvalidInput,
                     //: %1 is a provider's issuer name
                     QCoreApplication::translate("OAuth", "The provider's OAuth description (%1) lacks an endpoint or a scope.")
                         .arg(info.issuer));
    return p;
}

Result<Provider> ProviderRegistry::forSignIn(const QString &host, const Autoconfig::OAuth2Info &discovered) const
{
    std::optional<Provider> provider = forHost(host);
    if (!provider && !discovered.issuer.isEmpty()) {
        auto fromBlock = fromAutoconfig(discovered, host);
        if (!fromBlock)
            return fromBlock.error();
        provider = fromBlock.value();
    }
    if (!provider)
        //: %1 is a server name, %2 a folder
        return Error(Error::Code::NeedsCredentials,
                     QCoreApplication::translate("OAuth", "Outpost knows no OAuth 2.0 provider for %1. Describe it in a file in %2 "
                                                          "(keys: issuer, authorization_endpoint, token_endpoint, scopes, "
                                                          "client_id, hosts), or choose another way to sign in.")
                         .arg(host, userDirectory()));
    if (!provider->hasClientId())
        return Error(Error::Code::NeedsCredentials, provider->missingClientIdMessage());
    return *provider;
}

} // namespace Core::OAuth
