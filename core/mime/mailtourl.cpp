// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/mailtourl.h"

#include <QCoreApplication>
#include <QUrl>

namespace Core {

namespace {

// Percent-decoding as UTF-8; '+' stays '+' (RFC 6068 §5: it is not a space).
QString decode(QStringView s)
{
    return QUrl::fromPercentEncoding(s.toUtf8());
}

Result<QList<MailAddress>> addresses(const QString &text, const QString &field)
{
    return MailAddress::parseList(text, field);
}

} // namespace

Result<Draft> parseMailtoUrl(const QString &url)
{
    if (!url.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Mime", "This is not a mailto: link."));
    const QString rest = url.mid(7);
    const qsizetype q = rest.indexOf(u'?');
    const QString path = q < 0 ? rest : rest.left(q);
    const QString query = q < 0 ? QString() : rest.mid(q + 1);

    Draft d;
    QStringList to;
    if (!path.isEmpty())
        to << decode(path);
    QStringList cc;
    QStringList bcc;
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        const QString name = decode(eq < 0 ? QStringView(pair) : QStringView(pair).left(eq)).toLower();
        const QString value = eq < 0 ? QString() : decode(QStringView(pair).mid(eq + 1));
        if (name == QLatin1String("to"))
            to << value;
        else if (name == QLatin1String("cc"))
            cc << value;
        else if (name == QLatin1String("bcc"))
            bcc << value;
        else if (name == QLatin1String("subject"))
            d.subject = value;
        else if (name == QLatin1String("body"))
            d.textBody = value;
        else if (name == QLatin1String("in-reply-to"))
            d.inReplyTo = value;
        // Everything else (e.g. "from", "x-...", "references") is ignored.
    }
    for (const auto &[list, target, field] :
         {std::tuple{&to, &d.to, QStringLiteral("to")}, std::tuple{&cc, &d.cc, QStringLiteral("cc")},
          std::tuple{&bcc, &d.bcc, QStringLiteral("bcc")}}) {
        auto parsed = addresses(list->join(u','), field);
        if (!parsed)
            return parsed.error();
        *target = parsed.value();
    }
    // A subject with a line break would be refused later anyway; here a
    // link simply cannot smuggle one in.
    if (auto r = checkHeaderText(d.subject, QStringLiteral("subject")); !r)
        return r.error();
    d.textBody.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return d;
}

} // namespace Core
