// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/draft.h"

#include <QJsonArray>

namespace Core {

namespace {

QJsonArray toJson(const QList<MailAddress> &list)
{
    QJsonArray a;
    for (const MailAddress &m : list)
        a.append(QJsonObject{{QStringLiteral("name"), m.name()}, {QStringLiteral("address"), m.address()}});
    return a;
}

QList<MailAddress> addresses(const QJsonValue &v)
{
    QList<MailAddress> list;
    for (const auto &e : v.toArray())
        list.append(MailAddress(e[QStringLiteral("name")].toString(), e[QStringLiteral("address")].toString()));
    return list;
}

} // namespace

QList<MailAddress> Draft::allRecipients() const
{
    return to + cc + bcc;
}

QJsonObject Draft::toJson() const
{
    QJsonArray atts;
    for (const Attachment &a : attachments)
        atts.append(QJsonObject{{QStringLiteral("path"), a.path},
                                {QStringLiteral("contentType"), a.contentType},
                                {QStringLiteral("fileName"), a.fileName}});
    QJsonArray images;
    for (const InlineImage &i : inlineImages)
        images.append(QJsonObject{{QStringLiteral("path"), i.path},
                                  {QStringLiteral("contentId"), i.contentId},
                                  {QStringLiteral("contentType"), i.contentType},
                                  {QStringLiteral("fileName"), i.fileName}});
    QJsonArray headers;
    for (const ExtraHeader &h : extraHeaders)
        headers.append(QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("value"), h.value}});
    QJsonObject o{{QStringLiteral("from"), Core::toJson({from}).first()},
                  {QStringLiteral("to"), Core::toJson(to)},
                  {QStringLiteral("cc"), Core::toJson(cc)},
                  {QStringLiteral("bcc"), Core::toJson(bcc)},
                  {QStringLiteral("replyTo"), Core::toJson(replyTo)},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("textBody"), textBody},
                  {QStringLiteral("htmlBody"), htmlBody},
                  {QStringLiteral("attachments"), atts},
                  {QStringLiteral("inlineImages"), images},
                  {QStringLiteral("inReplyTo"), inReplyTo},
                  {QStringLiteral("references"), QJsonArray::fromStringList(references)},
                  {QStringLiteral("extraHeaders"), headers}};
    if (dispositionNotificationTo)
        o.insert(QStringLiteral("dispositionNotificationTo"), Core::toJson({*dispositionNotificationTo}).first());
    return o;
}

Draft Draft::fromJson(const QJsonObject &o)
{
    Draft d;
    const QList<MailAddress> from = addresses(QJsonArray{o.value(QStringLiteral("from"))});
    d.from = from.value(0);
    d.to = addresses(o.value(QStringLiteral("to")));
    d.cc = addresses(o.value(QStringLiteral("cc")));
    d.bcc = addresses(o.value(QStringLiteral("bcc")));
    d.replyTo = addresses(o.value(QStringLiteral("replyTo")));
    d.subject = o.value(QStringLiteral("subject")).toString();
    d.textBody = o.value(QStringLiteral("textBody")).toString();
    d.htmlBody = o.value(QStringLiteral("htmlBody")).toString();
    for (const auto &v : o.value(QStringLiteral("attachments")).toArray())
        d.attachments.append({v[QStringLiteral("path")].toString(), v[QStringLiteral("contentType")].toString(),
                              v[QStringLiteral("fileName")].toString()});
    for (const auto &v : o.value(QStringLiteral("inlineImages")).toArray())
        d.inlineImages.append({v[QStringLiteral("path")].toString(), v[QStringLiteral("contentId")].toString(),
                               v[QStringLiteral("contentType")].toString(), v[QStringLiteral("fileName")].toString()});
    d.inReplyTo = o.value(QStringLiteral("inReplyTo")).toString();
    for (const auto &v : o.value(QStringLiteral("references")).toArray())
        d.references << v.toString();
    for (const auto &v : o.value(QStringLiteral("extraHeaders")).toArray())
        d.extraHeaders.append({v[QStringLiteral("name")].toString(), v[QStringLiteral("value")].toString()});
    if (o.contains(QStringLiteral("dispositionNotificationTo")))
        d.dispositionNotificationTo = addresses(QJsonArray{o.value(QStringLiteral("dispositionNotificationTo"))}).value(0);
    return d;
}

} // namespace Core
