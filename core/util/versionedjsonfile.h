// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <functional>

namespace Core {

/**
 * A JSON settings file with a schema version: {"version": N, ...}.
 *
 * load() accepts the current version, upgrades older ones through the
 * registered migrations, and sets aside (renames, never deletes) a file that
 * is unreadable, truncated, not JSON, of an unknown version, or fails the
 * caller's validation — returning an error that names where it went. Nothing
 * is ever silently reset. save() replaces the file atomically and durably.
 */
class VersionedJsonFile final
{
public:
    using Migration = std::function<Result<QJsonObject>(QJsonObject)>;
    using Validator = std::function<Result<void>(const QJsonObject &)>;

    /// `what` is a translated noun for messages ("your accounts").
    VersionedJsonFile(QString path, int currentVersion, QString what);

    /// Upgrades a document from `fromVersion` to `fromVersion + 1`.
    void addMigration(int fromVersion, const Migration &migration);

    /// The document (empty when the file does not exist yet), or an error.
    [[nodiscard]] Result<QJsonObject> load(const Validator &validate);
    [[nodiscard]] Result<void> save(QJsonObject document) const;

    [[nodiscard]] QString path() const { return m_path; }
    /// Where the last load() put a damaged file; empty if it did not.
    [[nodiscard]] QString setAsidePath() const { return m_setAside; }

private:
    Error setAside(const QString &reason);

    QString m_path;
    int m_version;
    QString m_what;
    QMap<int, Migration> m_migrations;
    QString m_setAside;
};

} // namespace Core
