// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Durable file operations: what is written survives a crash or a power cut
// once the call returns. The platform differences (fsync, F_FULLFSYNC on
// macOS, FlushFileBuffers on Windows, directory sync) live in durablefile.cpp.

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QFileDevice;

namespace Core::Durable {

/// Flushes Qt's buffer and the operating system's cache of an open file.
[[nodiscard]] Result<void> syncFile(QFileDevice &file);

enum class LinkResult {
    Linked,
    /// No (more) hard links here: Windows, FAT, some network file systems,
    /// or the file's link limit.
    Unsupported,
    /// Anything else, e.g. `existing` is missing or `newName` exists.
    Failed,
};

/// Gives the file `existing` a second name `newName` (a hard link), without
/// syncing anything.
[[nodiscard]] LinkResult hardLink(const QString &existing, const QString &newName);

/// Makes a directory's entries (creations, renames) durable. On Windows
/// (NTFS journals metadata) this succeeds without doing anything.
[[nodiscard]] Result<void> syncDirectory(const QString &directory);

/// Creates `path` and any missing parents, each recorded durably in its
/// parent (the parent synced after the mkdir): a folder made for a message
/// must not vanish with it in a power cut. A folder made meanwhile by
/// another process counts as made.
[[nodiscard]] Result<void> createDirectoryDurably(const QString &path);

/// How much of a change must be on disk before a call returns.
enum class Sync {
    /// Content and name: survives a power cut once the call returns.
    Full,
    /// Content only: the new content is on disk before it replaces the old
    /// (so a power cut leaves the old or the new file, never a torn one),
    /// but the replacement itself may still be undone by a power cut.
    /// A killed process changes nothing: the kernel has the data.
    ContentOnly,
    /// Nothing waited for: the caller syncs the file and its directory
    /// itself, with others at once (syncTogether()), before anything depends
    /// on them. Only for a folder no other process writes (tmp/<id>/).
    Later,
};

/// Replaces `path` with `data` atomically: a temporary file in the same
/// directory is written and synced, renamed over `path`, and (Sync::Full)
/// the directory is synced. On failure `path` is untouched and the
/// temporary file removed. Creates the directory if it is missing.
[[nodiscard]] Result<void> writeFileAtomically(const QString &path, const QByteArray &data,
                                               Sync sync = Sync::Full);

/// As writeFileAtomically(), but never creates the directory: where another
/// process renamed or removed it meanwhile, the call fails and nothing
/// comes back to life under the old name.
[[nodiscard]] Result<void> replaceFileInDirectory(const QString &path, const QByteArray &data,
                                                  Sync sync = Sync::Full);

/// Syncs every file in `files` (by name: opened again for it) and every
/// directory in `directories` at the same time (up to eight at once, on
/// threads), and returns once all are durable (or the first error). Independent
/// syncs issued together cost about one wait for the disk where a
/// journaling file system commits them together (ext4, XFS, APFS), instead
/// of one wait each.
[[nodiscard]] Result<void> syncTogether(const QStringList &files, const QStringList &directories);
/// Renames (atomically replacing `to` if it exists) and syncs the parent
/// directories of both names (together).
[[nodiscard]] Result<void> renameDurably(const QString &from, const QString &to);

/// renameDurably() in two steps a caller can tell apart: when `renamed`
/// failed nothing changed; when only `synced` failed the new name is in
/// place (others may already act on it) but may not survive a power cut.
struct RenameOutcome
{
    Result<void> renamed;
    Result<void> synced;
};
[[nodiscard]] RenameOutcome renameThenSync(const QString &from, const QString &to);

/// Renames atomically (replacing `to` if it exists) without waiting for the
/// disk: a killed process cannot undo it, a power cut can.
[[nodiscard]] Result<void> renameAtomically(const QString &from, const QString &to);

} // namespace Core::Durable
