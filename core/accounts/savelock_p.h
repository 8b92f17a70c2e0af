// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/result.h"
#include "core/util/durablefile.h"
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Core {

/// The lock every process holds while it reads a settings file again and
/// writes it (AccountStore and TrustStore merge their changes under it).
[[nodiscard]] inline QString saveLockPath(const QString &path)
{
    return path + QStringLiteral(".lock");
}

/// Takes `lock` (on saveLockPath()), making the file's folder first if need
/// be. `failedMessage` is a QT_TRANSLATE_NOOP in the "Accounts" context with
/// %1 for the system's reason.
[[nodiscard]] inline Result<void> lockForSave(FileLock &lock, const QString &path, const char *failedMessage)
{
    if (auto r = Durable::createDirectoryDurably(QFileInfo(path).absolutePath()); !r)
        return r;
    if (lock.lock(FileLock::Wait::Yes) != FileLock::Outcome::Acquired)
        return Error(Error::Code::WriteFailed,
                     QCoreApplication::translate("Accounts", failedMessage).arg(lock.errorString()));
    return {};
}

} // namespace Core
