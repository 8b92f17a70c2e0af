// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Durable file operations: what is written survives a crash or a power cut
// once the call returns. The platform differences (fsync, F_FULLFSYNC on
// macOS, FlushFileBuffers on Windows, directory sync) live in durablefile.cpp.

#include "core/result.h"

#include <QByteArray>
#include <QString>

class QFileDevice;

namespace Core::Durable {

/// Flushes Qt's buffer and the operating system's cache of an open file.
[[nodiscard]] Result<void> syncFile(QFileDevice &file);

/// Makes a directory's entries (creations, renames) durable. On Windows
/// (NTFS journals metadata) this succeeds without doing anything.
[[nodiscard]] Result<void> syncDirectory(const QString &directory);

/// Replaces `path` with `data` atomically and durably: a temporary file in
/// the same directory is written and synced, renamed over `path`, and the
/// directory is synced. On failure `path` is untouched and the temporary
/// file removed.
[[nodiscard]] Result<void> writeFileAtomically(const QString &path, const QByteArray &data);

/// Renames (atomically replacing `to` if it exists) and syncs the parent
/// directories of both names.
[[nodiscard]] Result<void> renameDurably(const QString &from, const QString &to);

} // namespace Core::Durable
