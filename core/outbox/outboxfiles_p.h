// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the outbox's two translation units share: the names of an entry's
// files and the message being written in tmp/. outbox.cpp holds the outbox;
// outboxdraft.cpp only the enqueue of a Draft, which needs MimeBuilder (and
// so vmime) and is kept out of the small library outpost-sendmail links.

#include "core/error.h"
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Core {

inline constexpr auto kMessageFile = "message.eml";
inline constexpr auto kDraftFile = "draft.json";
// The images of the draft's text (images/<sha256>.<ext>), kept with the
// entry: the files the composer sent them from are its own and temporary.
// draft.json names them relative to the entry, which moves between states.
inline constexpr auto kImagesDir = "images";
// tmp/<id>.lock: held by the process writing tmp/<id>/ for as long as it
// writes. A folder in tmp/ whose lock can be taken has lost its writer.
inline constexpr auto kWriterLockSuffix = ".lock";

inline Error cannotWrite()
{
    return Error(Error::Code::WriteFailed, QCoreApplication::translate("Outbox", "The outbox cannot be written."));
}

/// A message being written in tmp/<id>/. Its folder exists only while its
/// writer holds tmp/<id>.lock, taken before the folder is made, so that
/// recovery in another process tells it from one whose writer died. Gone
/// with this object unless it was committed (renamed into the outbox).
class PendingEntry final
{
    Q_DISABLE_COPY_MOVE(PendingEntry)
public:
    PendingEntry(const QString &tmpRoot, const QString &id)
        : m_dir(tmpRoot + u'/' + id)
        , m_lock(m_dir + QLatin1String(kWriterLockSuffix))
    {
    }
    ~PendingEntry()
    {
        if (m_created && !m_committed)
            QDir(m_dir).removeRecursively();
        m_lock.removeAndUnlock();
    }
    /// The lock, then the folder: never its parents (a missing tmp/ is an
    /// error, not something to make again under a writer's feet).
    [[nodiscard]] bool create()
    {
        if (m_lock.lock(FileLock::Wait::No) != FileLock::Outcome::Acquired)
            return false;
        m_created = QDir().mkdir(m_dir);
        return m_created;
    }
    [[nodiscard]] QString dir() const { return m_dir; }
    void setCommitted() { m_committed = true; }
    /// Puts an empty file `name` in the folder. Where the platform has hard
    /// links, it is the writer's lock file (made anyway, and empty) under a
    /// second name, which outlives the first: no new file to create, the
    /// dearest step of a small message's enqueue on some file systems.
    [[nodiscard]] bool addEmptyFile(const QString &name) const
    {
        const QString path = m_dir + u'/' + name;
#ifdef Q_OS_UNIX
        if (::link(QFile::encodeName(m_dir + QLatin1String(kWriterLockSuffix)).constData(),
                   QFile::encodeName(path).constData()) == 0)
            return true;
#endif
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::NewOnly);
    }

private:
    QString m_dir;
    FileLock m_lock;
    bool m_created = false;
    bool m_committed = false;
};

} // namespace Core
