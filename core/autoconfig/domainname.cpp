// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/domainname.h"

#include <QCoreApplication>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QUrl>

namespace Core::Autoconfig {

namespace {

// Qt keeps its copy of the Public Suffix List private; the cookie jar's
// validation refuses a cookie for a public suffix, which is exactly the
// question asked here.
class SuffixProbe final : public QNetworkCookieJar
{
public:
    [[nodiscard]] bool isPublicSuffix(const QString &suffix, const QString &host) const
    {
        QNetworkCookie cookie("n", "v");
        cookie.setDomain(QLatin1Char('.') + suffix);
        return !validateCookie(cookie, QUrl(QStringLiteral("https://") + host + QLatin1Char('/')));
    }
};

} // namespace

Result<AddressParts> splitAddress(const QString &address)
{
    const QString trimmed = address.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    auto invalid = [] {
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Autoconfig", "Enter a complete e-mail address, such as name@example.org."),
                     QStringLiteral("address"));
    };
    if (at <= 0 || at == trimmed.size() - 1)
        return invalid();
    AddressParts parts;
    parts.localPart = trimmed.left(at);
    QString domain = trimmed.mid(at + 1).trimmed().toLower();
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (parts.localPart.contains(QLatin1Char('\r')) || parts.localPart.contains(QLatin1Char('\n'))
        || parts.localPart.contains(QChar(0)) || parts.localPart.contains(QLatin1Char(' ')))
        return invalid();
    const QString ascii = QString::fromLatin1(QUrl::toAce(domain)).toLower();
    if (!isValidHostName(ascii))
        return invalid();
    parts.domain = ascii;
    parts.address = parts.localPart + QLatin1Char('@') + ascii;
    return parts;
}

QString registrableDomain(const QString &asciiHost)
{
    const QStringList labels = asciiHost.toLower().split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() < 2)
        return {};
    const QString host = labels.join(QLatin1Char('.'));
    const SuffixProbe probe;
    // The shortest suffix that is not itself public; one label always is.
    for (qsizetype n = 2; n < labels.size(); ++n) {
        QString suffix = labels.sliced(labels.size() - n).join(QLatin1Char('.'));
        if (!probe.isPublicSuffix(suffix, host))
            return suffix;
    }
    return probe.isPublicSuffix(host, QStringLiteral("x.") + host) ? QString() : host;
}

} // namespace Core::Autoconfig
