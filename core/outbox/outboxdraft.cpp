// SPDX-License-Identifier: GPL-3.0-or-later
// Outbox::enqueue(Draft): the one part of the outbox that builds a message
// (MimeBuilder, and so vmime). In a file of its own so that the outbox
// itself, which outpost-sendmail links, stays free of it.
#include "core/outbox/outbox.h"
#include "core/outbox/outboxfiles_p.h"

#include "core/mime/mimebuilder.h"
#include "core/util/crashpoint.h"
#include "core/util/digest.h"
#include "core/util/durablefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace Core {

namespace {

// As large as an image the composer keeps in a draft.
constexpr qint64 kMaxImageFile = 64 * 1024 * 1024;

// Copies the images of the draft's text into <entry>/images/ (synced with
// the entry by finishEnqueue()) and points the copy of the draft at them,
// relative to the entry: the files it names are usually the composer's
// temporary ones, gone with its window, and the entry moves between states.
// Named by their content, as the draft store names them.
Result<void> keepImages(const QString &entryDir, QList<InlineImage> &images)
{
    if (images.isEmpty())
        return {};
    const QString folder = QLatin1String(kImagesDir);
    if (!QDir(entryDir).mkdir(folder))
        return cannotWrite();
    for (InlineImage &image : images) {
        QFile file(image.path);
        if (file.size() > kMaxImageFile || !file.open(QIODevice::ReadOnly))
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Outbox", "The image %1 cannot be read.").arg(image.fileName));
        const QByteArray bytes = file.readAll();
        QString suffix = image.contentType.isEmpty() ? QFileInfo(image.path).suffix() : image.contentType.section(u'/', 1);
        suffix.removeIf([](QChar c) { return !c.isLetterOrNumber() || c.unicode() > 127; });
        const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())
            + (suffix.isEmpty() ? QString() : u'.' + suffix);
        const QString relative = folder + u'/' + name;
        if (auto r = Durable::replaceFileInDirectory(entryDir + u'/' + relative, bytes, Durable::Sync::Later); !r)
            return r;
        image.path = relative;
    }
    return {};
}

} // namespace

Result<OutboxEntry> Outbox::enqueue(const Draft &draft, const Account &account,
                                    const EnqueueOptions &options)
{
    const QString id = newId();
    PendingEntry pending(m_root + QStringLiteral("/tmp"), id); // removed again unless committed
    if (!pending.create())
        return cannotWrite();
    const QString tmp = pending.dir();
    // The copy of the draft keeps its images (keepImages()): one it cannot
    // keep is refused before the message is built, and for what it is.
    for (const InlineImage &image : draft.inlineImages) {
        if (QFileInfo(image.path).size() > kMaxImageFile)
            //: %1 is the image's file name
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Outbox", "The image %1 is larger than 64 MiB: too large to keep with the message.")
                             .arg(image.fileName));
    }

    MimeBuilder builder;
    MimeBuilder::Options mimeOptions;
    mimeOptions.allow8Bit = options.allow8Bit;
    // A message held back (Undo delay, Send Later) says when it goes out.
    const QDateTime now = m_clock();
    mimeOptions.date = (options.notBefore.isValid() && options.notBefore > now ? options.notBefore : now).toLocalTime();
    builder.setOptions(mimeOptions);
    QFile body(tmp + u'/' + QLatin1String(kMessageFile));
    if (!body.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error(Error::Code::WriteFailed, body.errorString());
    // Size and checksum are taken on the way to the file (no second read).
    HashingWriter hashed(&body);
    auto envelope = builder.write(draft, &hashed);
    if (!envelope) {
        body.close();
        return envelope.error();
    }
    CrashPoint::hit("enqueue-body");
    // Synced by finishEnqueue(), with the other files and the folder at once.
    if (!body.flush())
        return Error(Error::Code::WriteFailed, body.errorString());
    body.close();

    OutboxEntry entry;
    entry.id = id;
    entry.accountId = account.id;
    entry.messageId = envelope->messageId; // fixed now: every retry carries it
    entry.subject = draft.subject;
    for (const MailAddress &m : draft.to + draft.cc)
        entry.displayTo << m.toDisplayString();
    entry.envelope = envelope.value();
    entry.createdAt = m_clock();
    // A copy of the draft lets "undo send" and "edit" bring it back.
    Draft kept = draft;
    if (auto r = keepImages(tmp, kept.inlineImages); !r)
        return r.error();
    if (auto r = Durable::replaceFileInDirectory(tmp + u'/' + QLatin1String(kDraftFile),
                                                 QJsonDocument(kept.toJson()).toJson(), Durable::Sync::Later);
        !r)
        return r.error();
    return finishEnqueue(pending, hashed, entry, options);
}

} // namespace Core
