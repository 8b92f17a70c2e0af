// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/versionedjsonfile.h"

#include <QMap>
#include <QList>
#include <QStringList>

namespace Core {

/**
 * Certificates the user chose to trust for a server although they failed
 * verification (self-signed, private CA): SHA-256 fingerprints per
 * host:port, in AppConfigLocation/trust.json. SmtpClient then accepts exactly
 * these certificates for that server, and reports a different one as changed.
 *
 * Like AccountStore, a save replays this store's own pins and unpins over the
 * file as it is on disk, read again under an OS lock (trust.json.lock): a
 * certificate trusted in another process is kept.
 */
class TrustStore final
{
public:
    static constexpr int kVersion = 1;

    explicit TrustStore(QString path = defaultPath());
    [[nodiscard]] static QString defaultPath();

    /// Reads the file; this store's unsaved changes stay applied on top.
    [[nodiscard]] Result<void> load();
    /// Merges this store's changes into the file under its lock.
    [[nodiscard]] Result<void> save();
    [[nodiscard]] QString path() const { return m_file.path(); }

    [[nodiscard]] QStringList pins(const QString &host, quint16 port) const;
    /// Adds a fingerprint (hex, any case; stored lower case).
    void pin(const QString &host, quint16 port, const QString &sha256);
    void unpinAll(const QString &host, quint16 port);

private:
    /// One pin() or unpinAll() not saved yet, replayed in order over the file.
    struct Change
    {
        QString key;
        QString fingerprint; ///< empty: every pin of `key` goes
    };

    [[nodiscard]] static QString key(const QString &host, quint16 port);
    [[nodiscard]] Result<QMap<QString, QStringList>> read();
    void apply(QMap<QString, QStringList> pins);

    VersionedJsonFile m_file;
    QMap<QString, QStringList> m_pins;
    QList<Change> m_changes;
};

} // namespace Core
