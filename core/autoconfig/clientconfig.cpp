// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/clientconfig.h"

#include <QCoreApplication>
#include <QUrl>
#include <QXmlStreamReader>

namespace Core::Autoconfig {

namespace {

constexpr int MaxServers = 32;
constexpr int MaxTextLength = 1024;

QString substitute(QString value, const AddressParts &a)
{
    value.replace(QLatin1String("%EMAILADDRESS%"), a.address);
    value.replace(QLatin1String("%EMAILLOCALPART%"), a.localPart);
    value.replace(QLatin1String("%EMAILDOMAIN%"), a.domain);
    return value;
}

std::optional<AuthKind> authFromName(const QString &name)
{
    const QString n = name.trimmed();
    if (n == QLatin1String("password-cleartext") || n == QLatin1String("plain"))
        return AuthKind::PasswordCleartext;
    if (n == QLatin1String("password-encrypted") || n == QLatin1String("secure"))
        return AuthKind::PasswordEncrypted;
    if (n.compare(QLatin1String("OAuth2"), Qt::CaseInsensitive) == 0 || n.compare(QLatin1String("OAuth"), Qt::CaseInsensitive) == 0)
        return AuthKind::OAuth2;
    if (n == QLatin1String("none") || n == QLatin1String("client-IP-address"))
        return AuthKind::None;
    if (n == QLatin1String("GSSAPI") || n == QLatin1String("NTLM") || n == QLatin1String("TLS-client-cert")
        || n == QLatin1String("smtp-after-pop"))
        return AuthKind::Other;
    return std::nullopt;
}

// Reads the text of the current element; nested elements are skipped.
QString readText(QXmlStreamReader &xml)
{
    QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
    if (text.size() > MaxTextLength)
        text.truncate(MaxTextLength);
    return text.trimmed();
}

class Reader
{
public:
    Reader(const QByteArray &data, const AddressParts &address) : m_xml(data), m_address(address) {}

    Result<ClientConfig> run()
    {
        bool sawRoot = false;
        bool sawProvider = false;
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::DTD)
                return fail(QCoreApplication::translate("Autoconfig", "the file declares a DTD, which is not allowed"));
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (m_xml.name() != QLatin1String("clientConfig"))
                return fail(QCoreApplication::translate("Autoconfig", "the document is not a clientConfig file"));
            sawRoot = true;
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == QLatin1String("emailProvider")) {
                    sawProvider = true;
                    readProvider();
                } else if (m_xml.name() == QLatin1String("oAuth2")) {
                    readOAuth2();
                } else {
                    m_xml.skipCurrentElement();
                }
            }
            break;
        }
        if (m_xml.hasError())
            return fail(QCoreApplication::translate("Autoconfig", "the XML is malformed (%1, line %2)").arg(m_xml.errorString()).arg(m_xml.lineNumber()));
        if (!sawRoot || !sawProvider)
            return fail(QCoreApplication::translate("Autoconfig", "the document has no emailProvider"));
        if (m_config.servers.isEmpty())
            return fail(m_config.skipped.isEmpty() ? QCoreApplication::translate("Autoconfig", "the file lists no outgoing (SMTP) server")
                                                   : QCoreApplication::translate("Autoconfig", "no outgoing server in the file is usable: %1").arg(m_config.skipped.join(QLatin1String("; "))));
        return m_config;
    }

private:
    Error fail(const QString &why) const
    {
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Autoconfig", "The provider's configuration cannot be used: %1.").arg(why));
    }

    void readProvider()
    {
        m_config.providerId = m_xml.attributes().value(QLatin1String("id")).toString().left(MaxTextLength);
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("domain")) {
                const QString d = readText(m_xml).toLower();
                if (!d.isEmpty() && m_config.domains.size() < 256)
                    m_config.domains << d;
            } else if (name == QLatin1String("displayName")) {
                m_config.displayName = readText(m_xml);
            } else if (name == QLatin1String("outgoingServer")) {
                readServer();
            } else if (name == QLatin1String("incomingServer")) {
                readIncoming();
            } else if (name == QLatin1String("documentation")) {
                const QUrl url(m_xml.attributes().value(QLatin1String("url")).toString(), QUrl::StrictMode);
                if (url.isValid() && url.scheme() == QLatin1String("https") && m_config.documentationUrls.size() < 8)
                    m_config.documentationUrls << url.toString();
                m_xml.skipCurrentElement();
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

    void readOAuth2()
    {
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("issuer"))
                m_config.oauth2.issuer = readText(m_xml);
            else if (name == QLatin1String("scope"))
                m_config.oauth2.scope = readText(m_xml);
            else if (name == QLatin1String("authURL"))
                m_config.oauth2.authUrl = readText(m_xml);
            else if (name == QLatin1String("tokenURL"))
                m_config.oauth2.tokenUrl = readText(m_xml);
            else
                m_xml.skipCurrentElement();
        }
    }

    void readServer()
    {
        const QString type = m_xml.attributes().value(QLatin1String("type")).toString();
        if (type != QLatin1String("smtp")) {
            m_xml.skipCurrentElement();
            return;
        }
        ++m_seen;
        QStringList auth;
        bool restricted = false;
        bool globalPreferred = false;
        const auto [hostname, port, socketType, username] = readFields([&](QStringView name) {
            if (name == QLatin1String("authentication")) {
                if (auth.size() < 16)
                    auth << readText(m_xml);
                else
                    m_xml.skipCurrentElement();
            } else if (name == QLatin1String("restriction")) {
                restricted = readText(m_xml) == QLatin1String("client-IP-address");
            } else if (name == QLatin1String("useGlobalPreferredServer")) {
                globalPreferred = readText(m_xml) == QLatin1String("true");
            } else {
                m_xml.skipCurrentElement();
            }
        });
        if (m_xml.hasError())
            return;
        const QString label = QCoreApplication::translate("Autoconfig", "outgoing server %1").arg(m_seen);
        auto skip = [&](const QString &why) { m_config.skipped << QStringLiteral("%1: %2").arg(label, why); };

        if (m_config.servers.size() >= MaxServers)
            return skip(QCoreApplication::translate("Autoconfig", "too many servers"));
        if (globalPreferred && hostname.isEmpty())
            return skip(QCoreApplication::translate("Autoconfig", "it refers to a global default server"));
        OutgoingServer s;
        if (const QString why = readEndpoint(hostname, port, socketType, &s.host, &s.port, &s.security); !why.isEmpty())
            return skip(why);
        for (const QString &a : std::as_const(auth)) {
            if (auto kind = authFromName(a); kind && !s.auth.contains(*kind))
                s.auth << *kind;
        }
        if (!auth.isEmpty() && s.auth.isEmpty())
            return skip(QCoreApplication::translate("Autoconfig", "no known authentication method"));
        const QString user = substitute(username, m_address);
        if (!user.contains(QLatin1Char('%')))
            s.username = user;
        else
            m_config.skipped << QStringLiteral("%1: %2").arg(label, QCoreApplication::translate("Autoconfig", "unknown placeholder in user name; the user name is not used"));
        s.clientIpRestricted = restricted;
        s.order = int(m_config.servers.size());
        m_config.servers << s;
    }

    struct Fields
    {
        QString hostname;
        QString port;
        QString socketType;
        QString username;
    };

    // The children of a server entry: the fields every kind has, and the
    // rest through `other`, which reads or skips the current element.
    template<typename Other>
    Fields readFields(Other other)
    {
        Fields f;
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("hostname"))
                f.hostname = readText(m_xml);
            else if (name == QLatin1String("port"))
                f.port = readText(m_xml);
            else if (name == QLatin1String("socketType"))
                f.socketType = readText(m_xml);
            else if (name == QLatin1String("username"))
                f.username = readText(m_xml);
            else
                other(name);
        }
        return f;
    }

    // Host name, port and socket type of a server entry; an empty string
    // when usable, else why not (the same rules for SMTP and IMAP, §4).
    QString readEndpoint(const QString &hostname, const QString &port, const QString &socketType, QString *host,
                         quint16 *portOut, SmtpSecurity *security) const
    {
        const QString substituted = substitute(hostname, m_address);
        if (substituted.contains(QLatin1Char('%')))
            return QCoreApplication::translate("Autoconfig", "unknown placeholder in host name “%1”").arg(hostname);
        QString ascii = QString::fromLatin1(QUrl::toAce(substituted)).toLower();
        if (ascii.endsWith(QLatin1Char('.')))
            ascii.chop(1);
        if (!isValidHostName(ascii))
            return QCoreApplication::translate("Autoconfig", "invalid host name “%1”").arg(hostname);
        bool portOk = false;
        const uint portNumber = port.toUInt(&portOk);
        if (!portOk || portNumber < 1 || portNumber > 65535)
            return QCoreApplication::translate("Autoconfig", "invalid port “%1”").arg(port);
        if (socketType == QLatin1String("SSL"))
            *security = SmtpSecurity::ImplicitTls;
        else if (socketType == QLatin1String("STARTTLS"))
            *security = SmtpSecurity::StartTls;
        else if (socketType == QLatin1String("plain"))
            *security = SmtpSecurity::None;
        else
            return QCoreApplication::translate("Autoconfig", "unknown socket type “%1”").arg(socketType);
        *host = ascii;
        *portOut = static_cast<quint16>(portNumber);
        return {};
    }

    // <incomingServer type="imap">: where the Sent copy goes. Other types
    // are skipped without a word; a broken IMAP entry is dropped with a
    // reason, like an outgoing one.
    void readIncoming()
    {
        if (m_xml.attributes().value(QLatin1String("type")) != QLatin1String("imap")) {
            m_xml.skipCurrentElement();
            return;
        }
        ++m_seenIncoming;
        const auto [hostname, port, socketType, username] = readFields([this](QStringView) { m_xml.skipCurrentElement(); });
        if (m_xml.hasError())
            return;
        const QString label = QCoreApplication::translate("Autoconfig", "IMAP server %1").arg(m_seenIncoming);
        auto skip = [&](const QString &why) { m_config.skipped << QStringLiteral("%1: %2").arg(label, why); };
        if (m_config.incoming.size() >= MaxServers)
            return skip(QCoreApplication::translate("Autoconfig", "too many servers"));
        IncomingServer s;
        if (const QString why = readEndpoint(hostname, port, socketType, &s.host, &s.port, &s.security); !why.isEmpty())
            return skip(why);
        const QString user = substitute(username, m_address);
        if (!user.contains(QLatin1Char('%')))
            s.username = user;
        else
            skip(QCoreApplication::translate("Autoconfig", "unknown placeholder in user name; the user name is not used"));
        s.order = int(m_config.incoming.size());
        m_config.incoming << s;
    }

    QXmlStreamReader m_xml;
    AddressParts m_address;
    ClientConfig m_config;
    int m_seen = 0;
    int m_seenIncoming = 0;
};

} // namespace

bool ClientConfig::listsDomain(const QString &domain) const
{
    const QString d = domain.toLower();
    return std::any_of(domains.cbegin(), domains.cend(), [&](const QString &listed) {
        return listed == d || listed == QLatin1String("%emaildomain%");
    });
}

Result<ClientConfig> readClientConfig(const QByteArray &xml, const AddressParts &address)
{
    if (xml.size() > MaxClientConfigSize)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Autoconfig", "The provider's configuration cannot be used: it is larger than %1 KiB.")
                         .arg(MaxClientConfigSize / 1024));
    return Reader(xml, address).run();
}

bool isValidHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    const QStringList labels = host.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return false;
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-'))
                return false;
        }
    }
    return true;
}

QString authKindName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::PasswordCleartext: return QStringLiteral("password-cleartext");
    case AuthKind::PasswordEncrypted: return QStringLiteral("password-encrypted");
    case AuthKind::OAuth2: return QStringLiteral("OAuth2");
    case AuthKind::None: return QStringLiteral("none");
    case AuthKind::Other: return QStringLiteral("other");
    }
    return {};
}

} // namespace Core::Autoconfig
