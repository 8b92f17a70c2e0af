// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Core {

namespace {
// A holder that removes the file between our open and our lock makes us
// start again with the new file; more rounds than this mean something else.
constexpr int kAttempts = 100;

QString keepsDisappearing()
{
    return QCoreApplication::translate("FileLock", "the lock file keeps disappearing");
}
} // namespace

FileLock::FileLock(QString path)
    : m_path(std::move(path))
{
}

FileLock::~FileLock()
{
    unlock();
}

#ifdef Q_OS_WIN

FileLock::Outcome FileLock::lock(Wait wait)
{
    if (isLocked())
        return Outcome::Acquired;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        HANDLE h
            = CreateFileW(reinterpret_cast<LPCWSTR>(m_path.utf16()), GENERIC_READ | GENERIC_WRITE,
                          FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                          OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
        if (h == INVALID_HANDLE_VALUE) {
            const DWORD error = GetLastError();
            if (error == ERROR_ACCESS_DENIED) { // being deleted by its holder: a new one comes
                QThread::msleep(1);
                continue;
            }
            m_error = qt_error_string(static_cast<int>(error));
            return Outcome::Failed;
        }
        OVERLAPPED overlapped = {};
        const DWORD flags
            = LOCKFILE_EXCLUSIVE_LOCK | (wait == Wait::No ? LOCKFILE_FAIL_IMMEDIATELY : 0);
        if (!LockFileEx(h, flags, 0, 1, 0, &overlapped)) {
            const DWORD error = GetLastError();
            CloseHandle(h);
            if (error == ERROR_LOCK_VIOLATION || error == ERROR_IO_PENDING)
                return Outcome::HeldByOther;
            m_error = qt_error_string(static_cast<int>(error));
            return Outcome::Failed;
        }
        m_handle = h;
        return Outcome::Acquired;
    }
    m_error = keepsDisappearing();
    return Outcome::Failed;
}

bool FileLock::isLocked() const
{
    return m_handle != nullptr;
}

void FileLock::unlock()
{
    if (!m_handle)
        return;
    CloseHandle(static_cast<HANDLE>(m_handle)); // releases the lock
    m_handle = nullptr;
}

void FileLock::removeAndUnlock()
{
    if (!m_handle)
        return;
    // Deleted when the last handle closes; until then it cannot be opened.
    DeleteFileW(reinterpret_cast<LPCWSTR>(m_path.utf16()));
    unlock();
}

void FileLock::setInfo(const QByteArray &info)
{
    if (!m_handle)
        return;
    const auto h = static_cast<HANDLE>(m_handle);
    LARGE_INTEGER start = {};
    DWORD written = 0;
    if (SetFilePointerEx(h, start, nullptr, FILE_BEGIN) && SetEndOfFile(h))
        WriteFile(h, info.constData(), static_cast<DWORD>(info.size()), &written, nullptr);
}

#else

FileLock::Outcome FileLock::lock(Wait wait)
{
    if (isLocked())
        return Outcome::Acquired;
    const QByteArray name = QFile::encodeName(m_path);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return Outcome::Failed;
        }
        int rc = 0;
        do {
            rc = ::flock(fd, LOCK_EX | (wait == Wait::No ? LOCK_NB : 0));
        } while (rc != 0 && errno == EINTR);
        if (rc != 0) {
            const int error = errno;
            ::close(fd);
            if (error == EWOULDBLOCK)
                return Outcome::HeldByOther;
            m_error = QString::fromLocal8Bit(std::strerror(error));
            return Outcome::Failed;
        }
        // Locked — but is it still the file of that name? Its previous holder
        // may have removed it (removeAndUnlock()) after we opened it.
        struct stat held
        {
        };
        struct stat named
        {
        };
        if (::fstat(fd, &held) == 0 && ::stat(name.constData(), &named) == 0
            && held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
            m_fd = fd;
            return Outcome::Acquired;
        }
        ::close(fd);
    }
    m_error = keepsDisappearing();
    return Outcome::Failed;
}

bool FileLock::isLocked() const
{
    return m_fd >= 0;
}

void FileLock::unlock()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // releases the lock
    m_fd = -1;
}

void FileLock::removeAndUnlock()
{
    if (m_fd < 0)
        return;
    ::unlink(QFile::encodeName(m_path).constData());
    unlock();
}

void FileLock::setInfo(const QByteArray &info)
{
    if (m_fd < 0)
        return;
    if (::ftruncate(m_fd, 0) != 0)
        return;
    const ssize_t written = ::pwrite(m_fd, info.constData(), static_cast<size_t>(info.size()), 0);
    Q_UNUSED(written);
}

#endif

} // namespace Core
