// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/providers.h"

// The OAuth table's data only (endpoints, scopes): no sign-in flow here.
#include "core/oauth/provider.h"

#include <QStringList>

#include <algorithm>
#include <iterator>

namespace Core::Autoconfig {

namespace {

struct Server
{
    const char *host;
    int port;
    const char *socketType;
};

struct Provider
{
    const char *name;
    const char *domains; ///< space separated; the first is the provider id
    Server servers[2];
    const char *auth; ///< config-v1.1 authentication values, space separated
    const char *username;
    /// Set: the provider wants OAuth 2.0 on its servers (passwords only as
    /// app passwords, or not at all), so Outpost signs in with OAuth there.
    /// The id of its entry in the OAuth table (ProviderRegistry::builtIn()),
    /// the one source of its issuer, endpoints and scopes.
    const char *oauthProvider = nullptr;
    /// The IMAP server for the Sent copy (993, implicit TLS), with the same user name.
    const char *imapHost = nullptr;
};

// Public facts from each provider's "settings for mail programs" page.
// Microsoft 365 also lists the domain its MX hosts share
// (<tenant>.mail.protection.outlook.com): the MX lookup asks for it (§9.4).
constexpr Provider Providers[] = {
    {"Google Mail", "gmail.com googlemail.com google.com", {{"smtp.gmail.com", 465, "SSL"}, {"smtp.gmail.com", 587, "STARTTLS"}}, "OAuth2 password-cleartext", "%EMAILADDRESS%", "google", "imap.gmail.com"},
    {"Microsoft Outlook.com", "outlook.com hotmail.com live.com msn.com", {{"smtp-mail.outlook.com", 587, "STARTTLS"}, {nullptr, 0, nullptr}}, "OAuth2", "%EMAILADDRESS%", "microsoft", "outlook.office365.com"},
    {"Microsoft 365", "office365.com onmicrosoft.com mail.protection.outlook.com", {{"smtp.office365.com", 587, "STARTTLS"}, {nullptr, 0, nullptr}}, "OAuth2", "%EMAILADDRESS%", "microsoft", "outlook.office365.com"},
    {"Yahoo Mail", "yahoo.com ymail.com rocketmail.com", {{"smtp.mail.yahoo.com", 465, "SSL"}, {"smtp.mail.yahoo.com", 587, "STARTTLS"}}, "OAuth2 password-cleartext", "%EMAILADDRESS%", "yahoo", "imap.mail.yahoo.com"},
    {"AOL Mail", "aol.com", {{"smtp.aol.com", 465, "SSL"}, {nullptr, 0, nullptr}}, "OAuth2 password-cleartext", "%EMAILADDRESS%", "aol", "imap.aol.com"},
    {"iCloud Mail", "icloud.com me.com mac.com", {{"smtp.mail.me.com", 587, "STARTTLS"}, {nullptr, 0, nullptr}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.mail.me.com"},
    {"Fastmail", "fastmail.com fastmail.fm messagingengine.com", {{"smtp.fastmail.com", 465, "SSL"}, {"smtp.fastmail.com", 587, "STARTTLS"}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.fastmail.com"},
    {"GMX", "gmx.net gmx.de gmx.at gmx.ch", {{"mail.gmx.net", 465, "SSL"}, {"mail.gmx.net", 587, "STARTTLS"}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.gmx.net"},
    {"WEB.DE", "web.de", {{"smtp.web.de", 587, "STARTTLS"}, {nullptr, 0, nullptr}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.web.de"},
    {"Posteo", "posteo.de posteo.net", {{"posteo.de", 465, "SSL"}, {"posteo.de", 587, "STARTTLS"}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "posteo.de"},
    {"mailbox.org", "mailbox.org", {{"smtp.mailbox.org", 465, "SSL"}, {"smtp.mailbox.org", 587, "STARTTLS"}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.mailbox.org"},
    {"Telekom Mail", "t-online.de magenta.de", {{"securesmtp.t-online.de", 465, "SSL"}, {"securesmtp.t-online.de", 587, "STARTTLS"}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "secureimap.t-online.de"},
    {"Zoho Mail", "zoho.com zohomail.com", {{"smtp.zoho.com", 465, "SSL"}, {"smtp.zoho.com", 587, "STARTTLS"}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.zoho.com"},
    {"Orange", "orange.fr wanadoo.fr", {{"smtp.orange.fr", 465, "SSL"}, {nullptr, 0, nullptr}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.orange.fr"},
    {"Free", "free.fr", {{"smtp.free.fr", 465, "SSL"}, {"smtp.free.fr", 587, "STARTTLS"}}, "password-cleartext", "%EMAILLOCALPART%", nullptr, "imap.free.fr"},
    {"La Poste", "laposte.net", {{"smtp.laposte.net", 465, "SSL"}, {nullptr, 0, nullptr}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.laposte.net"},
    {"Yandex Mail", "yandex.com yandex.ru ya.ru", {{"smtp.yandex.com", 465, "SSL"}, {nullptr, 0, nullptr}}, "password-cleartext", "%EMAILADDRESS%", nullptr, "imap.yandex.com"},
};

QByteArray escaped(const char *text)
{
    return QString::fromUtf8(text).toHtmlEscaped().toUtf8();
}

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

/// The <oAuth2> block (issuer, scope, authURL, tokenURL) of an entry of
/// the OAuth table; empty if there is no such entry.
QByteArray oauth2Block(const char *providerId)
{
    const QList<OAuth::Provider> table = OAuth::ProviderRegistry::builtIn();
    const auto p = std::find_if(table.cbegin(), table.cend(),
                                [providerId](const OAuth::Provider &o) { return o.id == QLatin1String(providerId); });
    if (p == table.cend())
        return {};
    return "<oAuth2><issuer>" + escaped(p->issuer) + "</issuer><scope>" + escaped(p->scopes.join(u' '))
           + "</scope><authURL>" + escaped(p->authorizationEndpoint.toString(QUrl::FullyEncoded)) + "</authURL><tokenURL>"
           + escaped(p->tokenEndpoint.toString(QUrl::FullyEncoded)) + "</tokenURL></oAuth2>";
}

} // namespace

QByteArray builtInProviderConfig(const QString &domain)
{
    const QByteArray d = domain.toLower().toLatin1();
    for (const Provider &p : Providers) {
        const QList<QByteArray> domains = QByteArray(p.domains).split(' ');
        if (!domains.contains(d))
            continue;
        QByteArray xml = "<clientConfig version=\"1.1\"><emailProvider id=\"" + domains.first() + "\">";
        for (const QByteArray &listed : domains)
            xml += "<domain>" + listed + "</domain>";
        xml += "<displayName>" + escaped(p.name) + "</displayName>";
        if (p.imapHost)
            xml += "<incomingServer type=\"imap\"><hostname>" + QByteArray(p.imapHost)
                   + "</hostname><port>993</port><socketType>SSL</socketType><username>" + QByteArray(p.username)
                   + "</username></incomingServer>";
        for (const Server &s : p.servers) {
            if (!s.host)
                continue;
            xml += "<outgoingServer type=\"smtp\"><hostname>" + QByteArray(s.host) + "</hostname><port>"
                   + QByteArray::number(s.port) + "</port><socketType>" + s.socketType + "</socketType>";
            for (const QByteArray &a : QByteArray(p.auth).split(' '))
                xml += "<authentication>" + a + "</authentication>";
            xml += "<username>" + QByteArray(p.username) + "</username></outgoingServer>";
        }
        xml += "</emailProvider>";
        if (p.oauthProvider)
            xml += oauth2Block(p.oauthProvider);
        xml += "</clientConfig>";
        return xml;
    }
    return {};
}

bool builtInPrefersOAuth(const QString &host)
{
    const QByteArray h = host.toLower().toLatin1();
    return std::any_of(std::begin(Providers), std::end(Providers), [&h](const Provider &p) {
        return p.oauthProvider && std::any_of(std::begin(p.servers), std::end(p.servers), [&h](const Server &s) { return s.host && h == s.host; });
    });
}

} // namespace Core::Autoconfig
