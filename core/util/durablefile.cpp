// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>
#include <system_error>
#include <vector>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Core::Durable {

namespace {

Error writeError(const QString &path, const QString &reason)
{
    //: %1 is a file name, %2 the system's reason (e.g. "No space left on device")
    return Error(Error::Code::WriteFailed,
                 QCoreApplication::translate("Durable", "Could not save “%1”: %2").arg(QDir::toNativeSeparators(path), reason));
}

// Tests: OUTPOST_TEST_SYNC_DELAY_MS makes every sync that long, as on a busy
// disk, to show which thread waits for it. Read on each sync (a test sets
// it after start-up); next to a real sync its cost is nothing.
void simulateSlowDisk()
{
    if (const int ms = qEnvironmentVariableIntValue("OUTPOST_TEST_SYNC_DELAY_MS"); ms > 0)
        QThread::msleep(static_cast<unsigned long>(ms));
}

// Tests: OUTPOST_TEST_SYNC_FAIL_DIR=PATTERN makes the sync of every folder
// whose name matches the wildcard PATTERN ("queued", "*.files") fail with
// EIO, as a failing disk would, after the rename that went before it.
bool simulatedDirectorySyncFailure(const QString &directory)
{
    const QString pattern = qEnvironmentVariable("OUTPOST_TEST_SYNC_FAIL_DIR");
    return !pattern.isEmpty() && QDir::match(pattern, QFileInfo(directory).fileName());
}

// Tests: OUTPOST_TEST_NO_THREADS=1 refuses every helper thread, as the
// system does when RLIMIT_NPROC is reached (cron, containers): std::async
// then throws std::system_error.
std::future<void> startHelper(const std::function<void()> &work)
{
    if (qEnvironmentVariableIntValue("OUTPOST_TEST_NO_THREADS") == 1)
        throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
    return std::async(std::launch::async, work);
}

} // namespace

Result<void> syncFile(QFileDevice &file)
{
    simulateSlowDisk();
    if (!file.flush())
        return writeError(file.fileName(), file.errorString());
    const int fd = file.handle();
    if (fd < 0)
        return writeError(file.fileName(), QCoreApplication::translate("Durable", "the file is not open"));
#if defined(Q_OS_WIN)
    // FlushFileBuffers on the handle behind the C runtime descriptor. The
    // POSIX branches' strerror() is deprecated under MSVC (C4996), so the
    // reason comes from Qt's wording of GetLastError().
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    if (handle == INVALID_HANDLE_VALUE || !FlushFileBuffers(handle))
        return writeError(file.fileName(), qt_error_string(static_cast<int>(GetLastError())));
#elif defined(Q_OS_MACOS)
    // fsync() on macOS does not reach the platter; F_FULLFSYNC does.
    if (fcntl(fd, F_FULLFSYNC) != 0 && fsync(fd) != 0)
        return writeError(file.fileName(), QString::fromLocal8Bit(std::strerror(errno)));
#else
    if (fsync(fd) != 0)
        return writeError(file.fileName(), QString::fromLocal8Bit(std::strerror(errno)));
#endif
    return {};
}

LinkResult hardLink(const QString &existing, const QString &newName)
{
#ifdef Q_OS_WIN
    Q_UNUSED(existing);
    Q_UNUSED(newName);
    return LinkResult::Unsupported;
#else
    if (::link(QFile::encodeName(existing).constData(), QFile::encodeName(newName).constData()) == 0)
        return LinkResult::Linked;
    switch (errno) {
    case EPERM: // (what Linux says for a file system without hard links)
    case ENOTSUP:
    case EXDEV:
    case EMLINK:
        return LinkResult::Unsupported;
    default:
        return LinkResult::Failed;
    }
#endif
}

Result<void> syncDirectory(const QString &directory)
{
    simulateSlowDisk();
#ifdef Q_OS_WIN
    Q_UNUSED(directory);
    return {};
#else
    if (simulatedDirectorySyncFailure(directory))
        return writeError(directory, QString::fromLocal8Bit(std::strerror(EIO)));
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return writeError(directory, QString::fromLocal8Bit(std::strerror(errno)));
#ifdef Q_OS_MACOS
    // As in syncFile(): fsync() leaves the drive's cache alone there.
    const int rc = fcntl(fd, F_FULLFSYNC) == 0 ? 0 : fsync(fd);
#else
    const int rc = fsync(fd);
#endif
    const int savedErrno = errno;
    ::close(fd);
    if (rc != 0)
        return writeError(directory, QString::fromLocal8Bit(std::strerror(savedErrno)));
    return {};
#endif
}

Result<void> createDirectoryDurably(const QString &path)
{
    QStringList missing; // outermost first
    for (QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath()); !QFileInfo(dir).isDir();) {
        missing.prepend(dir);
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir)
            break;
        dir = parent;
    }
    for (const QString &dir : std::as_const(missing)) {
        if (!QDir().mkdir(dir) && !QFileInfo(dir).isDir())
            return writeError(dir, QCoreApplication::translate("Durable", "the folder could not be created"));
        if (auto r = syncDirectory(QFileInfo(dir).absolutePath()); !r)
            return r;
    }
    return {};
}

static Result<void> renameReplacing(const QString &from, const QString &to, bool writeThrough)
{
#ifdef Q_OS_WIN
    DWORD flags = MOVEFILE_REPLACE_EXISTING;
    if (writeThrough)
        flags |= MOVEFILE_WRITE_THROUGH;
    if (!MoveFileExW(reinterpret_cast<LPCWSTR>(QDir::toNativeSeparators(from).utf16()),
                     reinterpret_cast<LPCWSTR>(QDir::toNativeSeparators(to).utf16()), flags))
        return writeError(to, QCoreApplication::translate("Durable", "the file could not be renamed"));
#else
    Q_UNUSED(writeThrough);
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return writeError(to, QString::fromLocal8Bit(std::strerror(errno)));
#endif
    return {};
}

Result<void> renameAtomically(const QString &from, const QString &to)
{
    return renameReplacing(from, to, false);
}

static Result<void> syncFileNamed(const QString &path)
{
    // Opened for writing: Windows flushes only through a handle that may
    // write. Never created here.
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
        return writeError(path, file.errorString());
    return syncFile(file);
}

Result<void> syncTogether(const QStringList &files, const QStringList &directories)
{
    std::vector<std::function<Result<void>()>> jobs;
    for (const QString &f : files)
        jobs.emplace_back([f] { return syncFileNamed(f); });
    for (const QString &d : directories)
        jobs.emplace_back([d] { return syncDirectory(d); });
    if (jobs.empty())
        return {};
    // Up to kThreads syncs in flight (a message with many inline images
    // must not start a thread per image): this thread and helpers take the
    // next job until none is left; every helper is waited for, even after
    // an error (none may outlive the call).
    constexpr std::size_t kThreads = 8;
    std::atomic<std::size_t> next = 0;
    std::vector<Result<void>> results(jobs.size());
    const auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++)
            results[i] = jobs[i]();
    };
    std::vector<std::future<void>> helpers;
    const std::size_t helperCount = std::min(jobs.size(), kThreads) - 1;
    helpers.reserve(helperCount);
    // No thread to be had (RLIMIT_NPROC): this thread does what is left.
    try {
        for (std::size_t i = 0; i < helperCount; ++i)
            helpers.push_back(startHelper(work));
    } catch (const std::system_error &) {
    }
    work();
    for (auto &helper : helpers)
        helper.get();
    for (const Result<void> &r : results) {
        if (!r)
            return r;
    }
    return {};
}

RenameOutcome renameThenSync(const QString &from, const QString &to)
{
    RenameOutcome outcome;
    outcome.renamed = renameReplacing(from, to, true);
    if (!outcome.renamed)
        return outcome;
    const QString fromDir = QFileInfo(from).absolutePath();
    const QString toDir = QFileInfo(to).absolutePath();
    outcome.synced = fromDir == toDir ? syncDirectory(toDir) : syncTogether({}, {toDir, fromDir});
    return outcome;
}

Result<void> renameDurably(const QString &from, const QString &to)
{
    RenameOutcome outcome = renameThenSync(from, to);
    return outcome.renamed ? outcome.synced : outcome.renamed;
}

Result<void> writeFileAtomically(const QString &path, const QByteArray &data, Sync sync)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return writeError(path, QCoreApplication::translate("Durable", "the folder could not be created"));
    return replaceFileInDirectory(path, data, sync);
}

Result<void> replaceFileInDirectory(const QString &path, const QByteArray &data, Sync sync)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    const QString tmp = dir + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-")
        + QString::number(QRandomGenerator::global()->generate(), 36);
    QFile file(tmp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return writeError(path, file.errorString());
    const auto fail = [&](Error e) {
        file.close();
        QFile::remove(tmp);
        return e;
    };
    if (file.write(data) != data.size() || !file.flush())
        return fail(writeError(path, file.errorString()));
    if (sync != Sync::Later) {
        if (auto r = syncFile(file); !r)
            return fail(r.error());
    }
    file.close();
    if (auto r = sync == Sync::Full ? renameDurably(tmp, path) : renameAtomically(tmp, path); !r) {
        QFile::remove(tmp);
        return r;
    }
    return {};
}

} // namespace Core::Durable
