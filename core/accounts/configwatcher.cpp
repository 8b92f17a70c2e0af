// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/configwatcher.h"

#include "core/util/durablefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace Core {

ConfigWatcher::ConfigWatcher(const QStringList &paths, QObject *parent)
    : QObject(parent)
{
    for (const QString &path : paths)
        m_seen.insert(path, fingerprint(path));
    // Several events come with one save (the temporary file, the rename):
    // one look once they are over.
    m_settle.setSingleShot(true);
    m_settle.setInterval(150);
    connect(&m_settle, &QTimer::timeout, this, &ConfigWatcher::check);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
    arm();
}

void ConfigWatcher::arm()
{
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
        const QString dir = QFileInfo(it.key()).absolutePath();
        // The folder is watched even before the first file is written in it.
        if (!QFileInfo(dir).isDir())
            (void)Durable::createDirectoryDurably(dir);
        if (!m_watcher.directories().contains(dir))
            m_watcher.addPath(dir);
        // A file replaced by a rename is a new file: watch it again.
        if (QFileInfo::exists(it.key()) && !m_watcher.files().contains(it.key()))
            m_watcher.addPath(it.key());
    }
}

void ConfigWatcher::check()
{
    arm();
    for (auto it = m_seen.begin(); it != m_seen.end(); ++it) {
        const QByteArray now = fingerprint(it.key());
        if (now == it.value())
            continue;
        it.value() = now;
        Q_EMIT changed(it.key());
    }
}

QByteArray ConfigWatcher::fingerprint(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace Core
