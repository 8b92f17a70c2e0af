// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/versionedjsonfile.h"

#include <QMap>
#include <QStringList>

namespace Core {

/**
 * Certificates the user chose to trust for a server although they failed
 * verification (self-signed, private CA): SHA-256 fingerprints per
 * host:port, in AppConfigLocation/trust.json. SmtpClient then accepts exactly
 * these certificates for that server, and reports a different one as changed.
 */
class TrustStore final
{
public:
    static constexpr int kVersion = 1;

    explicit TrustStore(QString path = defaultPath());
    [[nodiscard]] static QString defaultPath();

    [[nodiscard]] Result<void> load();
    [[nodiscard]] Result<void> save() const;

    [[nodiscard]] QStringList pins(const QString &host, quint16 port) const;
    /// Adds a fingerprint (hex, any case; stored lower case).
    void pin(const QString &host, quint16 port, const QString &sha256);
    void unpinAll(const QString &host, quint16 port);

private:
    [[nodiscard]] static QString key(const QString &host, quint16 port);

    VersionedJsonFile m_file;
    QMap<QString, QStringList> m_pins;
};

} // namespace Core
