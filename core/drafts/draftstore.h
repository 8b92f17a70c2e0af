// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/draft.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Core {

/// One unsent draft as the composer left it.
struct StoredDraft
{
    QString id;
    QDateTime savedAt;
    QJsonObject content; ///< the composer's fields, as it wrote them
};

/**
 * Drafts that survive a crash: one small JSON file per open composer,
 * written atomically (fsync, rename) every few seconds while it changes and
 * removed once the message is queued or discarded. On the next start,
 * whatever is left was not sent and is offered back. Attachments are kept
 * as paths, not copies; images in the text, which exist nowhere else, are
 * files in `<id>.files/` beside the draft.
 *
 * Location: $XDG_DATA_HOME/outpost/drafts (AppLocalDataLocation).
 */
class DraftStore final
{
public:
    explicit DraftStore(QString root = {});

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] static QString newId();

    [[nodiscard]] Result<void> save(const QString &id, const QJsonObject &content);
    /// Removes the draft and its files.
    void remove(const QString &id);

    /// Bytes that belong to a draft (images in its text), kept as files in
    /// a folder beside it rather than inside its JSON: a draft with large
    /// pictures is saved every few seconds, its pictures once. `name` is a
    /// plain file name (no path); a file already there is kept as it is.
    [[nodiscard]] Result<void> saveFile(const QString &id, const QString &name, const QByteArray &bytes);
    /// Makes the images of a draft taken back from the outbox files of draft
    /// `id` (as saveFile() does, durably) and points them there: the files
    /// they name now are about to be removed. An image whose file cannot be
    /// read is left as it is, for the composer to say it is missing; one
    /// that cannot be written fails the whole call.
    [[nodiscard]] Result<void> adoptImages(const QString &id, QList<InlineImage> &images);
    /// A file saved with saveFile(); empty when it is missing or too large.
    [[nodiscard]] QByteArray readFile(const QString &id, const QString &name) const;
    /// Every readable draft, oldest first; unreadable files are set aside.
    [[nodiscard]] QList<StoredDraft> list() const;

private:
    [[nodiscard]] QString pathFor(const QString &id) const;
    [[nodiscard]] QString filesFor(const QString &id) const;
    QString m_root;
};

} // namespace Core
