// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Core {

/**
 * An exclusive lock the operating system keeps on an open file: flock() on
 * POSIX, LockFileEx() on Windows. It ends when its holder closes the file or
 * dies (kill -9, a power cut), so it never goes stale, and the file's content
 * is informational only: an empty or torn lock file is no obstacle, unlike
 * QLockFile, which reads its owner from the content. Locks are per open
 * file: two FileLock objects on one path conflict as two processes do, also
 * within one process.
 *
 * @code
 * Core::FileLock lock(root + "/.lock");
 * if (lock.lock(Core::FileLock::Wait::No) == Core::FileLock::Outcome::HeldByOther)
 *     return; // another process is at work
 * @endcode
 */
class FileLock final
{
    Q_DISABLE_COPY_MOVE(FileLock)
public:
    enum class Wait { No, Yes };
    enum class Outcome { Acquired, HeldByOther, Failed };

    /// Nothing is opened yet; the file is created by lock() if missing.
    explicit FileLock(QString path);
    ~FileLock();

    /// Takes the lock (waiting for it with Wait::Yes). A lock file removed by
    /// its previous holder in the meantime is noticed and a new one taken.
    [[nodiscard]] Outcome lock(Wait wait);
    [[nodiscard]] bool isLocked() const;
    /// Releases the lock; the file stays.
    void unlock();
    /// Removes the file, then releases the lock: whoever waited for it
    /// notices that the name is gone and locks a new file.
    void removeAndUnlock();
    /// Replaces the file's content (who holds it, for people); best effort.
    void setInfo(const QByteArray &info);

    [[nodiscard]] QString path() const { return m_path; }
    /// The system's reason for the last Outcome::Failed.
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    QString m_path;
    QString m_error;
#ifdef Q_OS_WIN
    void *m_handle = nullptr;
#else
    int m_fd = -1;
#endif
};

} // namespace Core
