// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/account.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

namespace Core {

namespace {

QJsonObject oauth2Json(const OAuth2Settings &o)
{
    const auto url = [](const QUrl &u) { return u.toString(QUrl::FullyEncoded); };
    QJsonObject json{{QStringLiteral("issuer"), o.issuer},
                     {QStringLiteral("authorizationEndpoint"), url(o.authorizationEndpoint)},
                     {QStringLiteral("tokenEndpoint"), url(o.tokenEndpoint)},
                     {QStringLiteral("scopes"), QJsonArray::fromStringList(o.scopes)},
                     {QStringLiteral("clientId"), o.clientId}};
    if (o.revocationEndpoint.isValid())
        json.insert(QStringLiteral("revocationEndpoint"), url(o.revocationEndpoint));
    if (o.deviceAuthorizationEndpoint.isValid())
        json.insert(QStringLiteral("deviceAuthorizationEndpoint"), url(o.deviceAuthorizationEndpoint));
    if (o.signedInAt.isValid())
        json.insert(QStringLiteral("signedInAt"), o.signedInAt.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

OAuth2Settings oauth2FromJson(const QJsonObject &json)
{
    const auto url = [&json](const char *key) {
        return QUrl(json.value(QLatin1String(key)).toString(), QUrl::StrictMode);
    };
    OAuth2Settings o;
    o.issuer = json.value(QStringLiteral("issuer")).toString();
    o.authorizationEndpoint = url("authorizationEndpoint");
    o.tokenEndpoint = url("tokenEndpoint");
    o.revocationEndpoint = url("revocationEndpoint");
    o.deviceAuthorizationEndpoint = url("deviceAuthorizationEndpoint");
    for (const auto &v : json.value(QStringLiteral("scopes")).toArray())
        o.scopes << v.toString();
    o.clientId = json.value(QStringLiteral("clientId")).toString();
    o.signedInAt = QDateTime::fromString(json.value(QStringLiteral("signedInAt")).toString(), Qt::ISODateWithMs);
    return o;
}

/// A server name a person can mean: not empty, no spaces, slashes or line breaks.
bool isHostName(const QString &host)
{
    const QString h = host.trimmed();
    return !h.isEmpty() && !h.contains(u' ') && !h.contains(u'/') && !h.contains(u'\r') && !h.contains(u'\n')
        && !h.contains(QChar(0));
}

} // namespace

const Identity *Account::defaultIdentity() const
{
    for (const Identity &i : identities) {
        if (i.isDefault)
            return &i;
    }
    return identities.isEmpty() ? nullptr : &identities.first();
}

const Identity *Account::identityFor(const QString &address) const
{
    for (const Identity &i : identities) {
        if (i.address.compare(address, Qt::CaseInsensitive) == 0)
            return &i;
    }
    return nullptr;
}

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString Account::securityName(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::ImplicitTls:
        return QStringLiteral("tls");
    case SmtpSecurity::StartTls:
        return QStringLiteral("starttls");
    case SmtpSecurity::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("starttls");
}

std::optional<SmtpSecurity> Account::securityFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("tls") || n == QLatin1String("ssl"))
        return SmtpSecurity::ImplicitTls;
    if (n == QLatin1String("starttls"))
        return SmtpSecurity::StartTls;
    if (n == QLatin1String("none") || n == QLatin1String("plain"))
        return SmtpSecurity::None;
    return std::nullopt;
}

namespace {

/// The IMAP fields; an account without an IMAP server has nothing to check.
Result<void> validateImap(const Account &a)
{
    if (a.imap.host.isEmpty()) {
        // Without a server the other fields mean nothing; a user name alone
        // would be a mistake the person cannot see.
        if (!a.imap.username.isEmpty())
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Accounts", "Enter the incoming (IMAP) server, or leave its user name empty."),
                         QStringLiteral("imapHost"));
        return {};
    }
    if (!isHostName(a.imap.host))
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Accounts", "Enter the name of the incoming (IMAP) server, without spaces or slashes."),
                     QStringLiteral("imapHost"));
    if (a.imap.port == 0)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Accounts", "Enter an IMAP port between 1 and 65535."), QStringLiteral("imapPort"));
    // The copy signs in with the account's password or token: in the clear
    // only where the person allowed that for the account.
    if (a.imap.security == SmtpSecurity::None && !a.allowCleartextAuth)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Accounts", "The IMAP server needs TLS or STARTTLS: the account does not allow signing in without encryption."),
                     QStringLiteral("imapSecurity"));
    if (a.auth == AuthMethod::None)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Accounts", "An IMAP server needs a sign-in: the account signs in with neither a password nor OAuth2."),
                     QStringLiteral("imapHost"));
    return checkHeaderText(a.imap.username, QStringLiteral("imapUsername"));
}

} // namespace

Result<void> Account::validate() const
{
    if (id.isEmpty())
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "The account has no identifier."), QStringLiteral("id"));
    if (auto r = checkHeaderText(name, QStringLiteral("name")); !r)
        return r;
    if (!isHostName(host))
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "Enter the name of the outgoing mail server."),
                     QStringLiteral("host"));
    if (port == 0)
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "Enter a port between 1 and 65535."),
                     QStringLiteral("port"));
    if ((auth == AuthMethod::Password || auth == AuthMethod::OAuth2) && username.isEmpty())
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "Enter the user name for the mail server."),
                     QStringLiteral("username"));
    if (auto r = checkHeaderText(username, QStringLiteral("username")); !r)
        return r;
    if (auto r = validateImap(*this); !r)
        return r;
    if (identities.isEmpty())
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "The account needs at least one address to send from."),
                     QStringLiteral("address"));
    for (const Identity &i : identities) {
        if (auto r = MailAddress(i.name, i.address).validate(QStringLiteral("address")); !r)
            return r;
        if (!i.replyTo.isEmpty()) {
            if (auto r = MailAddress::parseList(i.replyTo, QStringLiteral("replyTo")); !r)
                return r.error();
        }
    }
    return {};
}

namespace {

/// The host as compared: lower case, without the root's trailing dot.
QString normalisedHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.endsWith(u'.'))
        h.chop(1);
    return h;
}

bool isInDomain(const QString &host, QLatin1String domain)
{
    return host == domain || host.endsWith(u'.' + domain);
}

} // namespace

QString Account::sentCopyProviderName(const QString &smtpHost)
{
    const QString h = normalisedHost(smtpHost);
    // Gmail and Google Workspace file what smtp.gmail.com sends; the
    // Workspace relay (smtp-relay.gmail.com) does not, so it is not listed.
    if (h == QLatin1String("smtp.gmail.com") || h == QLatin1String("smtp.googlemail.com"))
        return QStringLiteral("Gmail");
    if (h == QLatin1String("smtp-mail.outlook.com") || h == QLatin1String("outlook.com"))
        return QStringLiteral("Outlook.com");
    // Microsoft 365: smtp.office365.com and the tenants' hosts under
    // mail.protection.outlook.com file what they send, as Outlook.com does.
    if (isInDomain(h, QLatin1String("outlook.com")) || isInDomain(h, QLatin1String("office365.com")))
        return QStringLiteral("Microsoft 365");
    return {};
}

bool Account::providerFilesSentCopy(const QString &smtpHost)
{
    return !sentCopyProviderName(smtpHost).isEmpty();
}

SentCopyReason Account::sentCopyReason() const
{
    // The person's choice first, then the provider: a Gmail account needs
    // no IMAP server for its copy, and is told so rather than asked for one.
    if (saveSent == SentCopyMode::Never)
        return SentCopyReason::Never;
    if (saveSent == SentCopyMode::Auto && providerFilesSentCopy(host))
        return SentCopyReason::ProviderFilesCopy;
    if (imap.host.isEmpty())
        return SentCopyReason::NoImapServer;
    return saveSent == SentCopyMode::Always ? SentCopyReason::Always : SentCopyReason::Auto;
}

bool Account::copiesToSent() const
{
    const SentCopyReason r = sentCopyReason();
    return r == SentCopyReason::Auto || r == SentCopyReason::Always;
}

QString Account::sentCopyReasonName(SentCopyReason reason)
{
    switch (reason) {
    case SentCopyReason::NoImapServer:
        return QStringLiteral("no_imap_server");
    case SentCopyReason::Never:
        return QStringLiteral("never");
    case SentCopyReason::ProviderFilesCopy:
        return QStringLiteral("provider_files_copy");
    case SentCopyReason::Auto:
        return QStringLiteral("auto");
    case SentCopyReason::Always:
        return QStringLiteral("always");
    }
    return QStringLiteral("auto");
}

QString Account::sentCopyExplanation() const
{
    switch (sentCopyReason()) {
    case SentCopyReason::NoImapServer:
        return QCoreApplication::translate("Accounts", "No copy is saved: the account has no incoming (IMAP) server.");
    case SentCopyReason::Never:
        return QCoreApplication::translate("Accounts", "No copy is saved: it is turned off for this account.");
    case SentCopyReason::ProviderFilesCopy:
        //: %1 is a provider: Gmail, Outlook.com or Microsoft 365
        return QCoreApplication::translate("Accounts", "%1 files a copy in Sent itself: Outpost will not add another.")
            .arg(sentCopyProviderName(host));
    case SentCopyReason::Always:
        if (providerFilesSentCopy(host)) {
            //: %1 is a provider: Gmail, Outlook.com or Microsoft 365
            return QCoreApplication::translate("Accounts", "Outpost saves a copy in Sent although %1 files one itself: expect two.")
                .arg(sentCopyProviderName(host));
        }
        [[fallthrough]];
    case SentCopyReason::Auto:
        return QCoreApplication::translate("Accounts", "Outpost saves a copy in the Sent folder after each message.");
    }
    return {};
}

QString Account::imapUsername() const
{
    return imap.username.isEmpty() ? username : imap.username;
}

ImapServerSettings Account::imapSettings(const QStringList &pinnedSha256, const QString &extraCaFile,
                                         const ImapTimeouts &timeouts) const
{
    ImapServerSettings s;
    s.host = imap.host;
    s.port = imap.port;
    s.security = imap.security;
    s.allowCleartextAuth = allowCleartextAuth;
    // authMechanisms stays empty: the account's list restricts what its
    // SMTP server is asked for, and says nothing about the IMAP server.
    s.pinnedSha256 = pinnedSha256;
    s.extraCaFile = extraCaFile;
    s.timeouts = timeouts;
    return s;
}

QString Account::sentCopyModeName(SentCopyMode mode)
{
    switch (mode) {
    case SentCopyMode::Auto:
        return QStringLiteral("auto");
    case SentCopyMode::Always:
        return QStringLiteral("always");
    case SentCopyMode::Never:
        return QStringLiteral("never");
    }
    return QStringLiteral("auto");
}

std::optional<SentCopyMode> Account::sentCopyModeFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("auto"))
        return SentCopyMode::Auto;
    if (n == QLatin1String("always"))
        return SentCopyMode::Always;
    if (n == QLatin1String("never"))
        return SentCopyMode::Never;
    return std::nullopt;
}

QString Account::authName(AuthMethod m)
{
    switch (m) {
    case AuthMethod::Password:
        return QStringLiteral("password");
    case AuthMethod::OAuth2:
        return QStringLiteral("oauth2");
    case AuthMethod::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("password");
}

std::optional<AuthMethod> Account::authFromName(const QString &s)
{
    if (s == QLatin1String("password"))
        return AuthMethod::Password;
    if (s == QLatin1String("oauth2"))
        return AuthMethod::OAuth2;
    if (s == QLatin1String("none"))
        return AuthMethod::None;
    return std::nullopt;
}

namespace {

Error corrupt(const QString &what)
{
    //: %1 names the broken field
    return Error(Error::Code::Corrupt, QCoreApplication::translate("Accounts", "An account entry is damaged (%1).").arg(what));
}

} // namespace

SmtpServerSettings Account::smtpSettings(const QStringList &pinnedSha256, const QString &extraCaFile,
                                         const SmtpTimeouts &timeouts) const
{
    SmtpServerSettings s;
    s.host = host;
    s.port = port;
    s.security = security;
    s.allowCleartextAuth = allowCleartextAuth;
    s.authMechanisms = authMechanisms;
    s.pinnedSha256 = pinnedSha256;
    s.extraCaFile = extraCaFile;
    s.pipelineBehindDot = pipelineBehindDot;
    s.timeouts = timeouts;
    return s;
}

QJsonObject Account::toJson() const
{
    QJsonArray ids;
    for (const Identity &i : identities) {
        ids.append(QJsonObject{{QStringLiteral("id"), i.id},
                               {QStringLiteral("name"), i.name},
                               {QStringLiteral("address"), i.address},
                               {QStringLiteral("replyTo"), i.replyTo},
                               {QStringLiteral("signature"), i.signature},
                               {QStringLiteral("htmlSignature"), i.htmlSignature},
                               {QStringLiteral("default"), i.isDefault}});
    }
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("smtp"),
         QJsonObject{{QStringLiteral("host"), host},
                     {QStringLiteral("port"), port},
                     {QStringLiteral("security"), securityName(security)},
                     {QStringLiteral("username"), username},
                     {QStringLiteral("auth"), authName(auth)},
                     {QStringLiteral("allowCleartextAuth"), allowCleartextAuth},
                     {QStringLiteral("authMechanisms"), QJsonArray::fromStringList(authMechanisms)},
                     {QStringLiteral("maxSize"), maxMessageSize}}},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("dsn"), requestDsn}, {QStringLiteral("saveSent"), sentCopyModeName(saveSent)}}},
        {QStringLiteral("identities"), ids},
    };
    if (auth == AuthMethod::OAuth2)
        json.insert(QStringLiteral("oauth2"), oauth2Json(oauth2));
    if (!imap.host.isEmpty()) {
        json.insert(QStringLiteral("imap"), QJsonObject{{QStringLiteral("host"), imap.host},
                                                        {QStringLiteral("port"), imap.port},
                                                        {QStringLiteral("security"), securityName(imap.security)},
                                                        {QStringLiteral("username"), imap.username}});
    }
    if (!pipelineBehindDot) { // learnt from the server; absent: the default
        QJsonObject smtp = json.value(QStringLiteral("smtp")).toObject();
        smtp.insert(QStringLiteral("pipelineBehindDot"), false);
        json.insert(QStringLiteral("smtp"), smtp);
    }
    return json;
}

Result<Account> Account::fromJson(const QJsonObject &json)
{
    Account a;
    a.id = json.value(QStringLiteral("id")).toString();
    a.name = json.value(QStringLiteral("name")).toString();
    const QJsonObject smtp = json.value(QStringLiteral("smtp")).toObject();
    if (smtp.isEmpty())
        return corrupt(QStringLiteral("smtp"));
    a.host = smtp.value(QStringLiteral("host")).toString();
    const int port = smtp.value(QStringLiteral("port")).toInt(-1);
    if (port < 1 || port > 65535)
        return corrupt(QStringLiteral("port"));
    a.port = static_cast<quint16>(port);
    const auto security = securityFromName(smtp.value(QStringLiteral("security")).toString());
    if (!security)
        return corrupt(QStringLiteral("security"));
    a.security = *security;
    a.username = smtp.value(QStringLiteral("username")).toString();
    const auto auth = authFromName(smtp.value(QStringLiteral("auth")).toString());
    if (!auth)
        return corrupt(QStringLiteral("auth"));
    a.auth = *auth;
    if (a.auth == AuthMethod::OAuth2)
        a.oauth2 = oauth2FromJson(json.value(QStringLiteral("oauth2")).toObject());
    a.allowCleartextAuth = smtp.value(QStringLiteral("allowCleartextAuth")).toBool();
    a.maxMessageSize = std::max<qint64>(0, smtp.value(QStringLiteral("maxSize")).toInteger());
    a.pipelineBehindDot = smtp.value(QStringLiteral("pipelineBehindDot")).toBool(true);
    for (const auto &m : smtp.value(QStringLiteral("authMechanisms")).toArray())
        a.authMechanisms << m.toString().toUpper();
    const QJsonObject options = json.value(QStringLiteral("options")).toObject();
    a.requestDsn = options.value(QStringLiteral("dsn")).toBool();
    // Files written before the Sent copy existed have neither "saveSent" nor
    // "imap": Auto, no IMAP server. Their "saveCopy" was a placeholder that
    // nothing could set, always false, so it is not read.
    const auto saveSent = sentCopyModeFromName(options.value(QStringLiteral("saveSent")).toString(QStringLiteral("auto")));
    if (!saveSent)
        return corrupt(QStringLiteral("saveSent"));
    a.saveSent = *saveSent;
    if (const QJsonValue imapValue = json.value(QStringLiteral("imap")); !imapValue.isUndefined()) {
        const QJsonObject imap = imapValue.toObject();
        a.imap.host = imap.value(QStringLiteral("host")).toString();
        const int imapPort = imap.value(QStringLiteral("port")).toInt(-1);
        if (imapPort < 1 || imapPort > 65535)
            return corrupt(QStringLiteral("imap.port"));
        a.imap.port = static_cast<quint16>(imapPort);
        const auto imapSecurity = securityFromName(imap.value(QStringLiteral("security")).toString());
        if (!imapSecurity)
            return corrupt(QStringLiteral("imap.security"));
        a.imap.security = *imapSecurity;
        a.imap.username = imap.value(QStringLiteral("username")).toString();
    }
    for (const auto &v : json.value(QStringLiteral("identities")).toArray()) {
        const QJsonObject o = v.toObject();
        Identity i;
        i.id = o.value(QStringLiteral("id")).toString();
        i.name = o.value(QStringLiteral("name")).toString();
        i.address = o.value(QStringLiteral("address")).toString();
        i.replyTo = o.value(QStringLiteral("replyTo")).toString();
        i.signature = o.value(QStringLiteral("signature")).toString();
        i.htmlSignature = o.value(QStringLiteral("htmlSignature")).toString();
        i.isDefault = o.value(QStringLiteral("default")).toBool();
        a.identities.append(i);
    }
    if (auto r = a.validate(); !r)
        return corrupt(r.error().field());
    return a;
}

} // namespace Core
