// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/mailaddress.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

/// A file to attach. contentType and fileName are optional: by default the
/// type is detected from the file's content and the name is the file's name.
struct Attachment
{
    QString path;
    QString contentType;
    QString fileName;

    friend bool operator==(const Attachment &, const Attachment &) = default;
};

/// An image shown inside the HTML text (RFC 2387 multipart/related): the
/// HTML refers to it as "cid:" + contentId; the plain text names it.
struct InlineImage
{
    QString path;        ///< the original bytes, sent as they are
    QString contentId;   ///< without <>, unique: id-left "@" id-right
    QString contentType; ///< image/png, ...; empty: from the content
    QString fileName;    ///< for "[image: name]" and the part's filename

    friend bool operator==(const InlineImage &, const InlineImage &) = default;
};

/// An extra header the caller wants in the message (e.g. "X-Mailer-Test").
struct ExtraHeader
{
    QString name;
    QString value;

    friend bool operator==(const ExtraHeader &, const ExtraHeader &) = default;
};

/**
 * Everything a message is made of, as a plain value: what the composer, the
 * CLI and outpost-sendmail fill in and MimeBuilder turns into RFC 5322 bytes.
 * No validation happens here; MimeBuilder::validate() does it.
 */
struct Draft
{
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc; ///< envelope only, never a header
    QList<MailAddress> replyTo;
    QString subject;
    QString textBody;
    QString htmlBody; ///< when set: multipart/alternative with textBody
    QList<Attachment> attachments;
    /// Images the HTML shows (only with htmlBody): multipart/related.
    QList<InlineImage> inlineImages;
    QString inReplyTo;     ///< a msg-id, with or without <>
    QStringList references; ///< msg-ids, oldest first
    QList<ExtraHeader> extraHeaders;
    std::optional<MailAddress> dispositionNotificationTo;

    /// To + Cc + Bcc in that order.
    [[nodiscard]] QList<MailAddress> allRecipients() const;

    /// For keeping a draft beside its queued message (undo send, edit).
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Draft fromJson(const QJsonObject &json);

    friend bool operator==(const Draft &, const Draft &) = default;
};

} // namespace Core
