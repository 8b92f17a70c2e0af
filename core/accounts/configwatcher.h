// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Core {

/**
 * Tells when another process has changed one of a few small files (the
 * accounts, the trusted certificates). Those files are replaced by an atomic
 * rename, which ends a plain file watch, so the folders are watched as well
 * and the files watched again after every change. A change is reported once
 * the folder has been quiet for a moment, and only when the file's content
 * differs from what was last seen: a lock file appearing next to it is no
 * change. A save by this process is reported too; reloading it is harmless.
 */
class ConfigWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigWatcher)
public:
    explicit ConfigWatcher(const QStringList &paths, QObject *parent = nullptr);

Q_SIGNALS:
    /// The file at `path` has new content (or was removed).
    void changed(const QString &path);

private:
    void arm();
    void check();
    [[nodiscard]] static QByteArray fingerprint(const QString &path);

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QHash<QString, QByteArray> m_seen; ///< path -> content hash last reported
};

} // namespace Core
