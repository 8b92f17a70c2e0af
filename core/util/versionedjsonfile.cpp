// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/versionedjsonfile.h"

#include "core/util/durablefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace Core {


VersionedJsonFile::VersionedJsonFile(QString path, int currentVersion, QString what)
    : m_path(std::move(path))
    , m_version(currentVersion)
    , m_what(std::move(what))
{
}

void VersionedJsonFile::addMigration(int fromVersion, const Migration &migration)
{
    m_migrations.insert(fromVersion, migration);
}

Error VersionedJsonFile::setAside(const QString &reason)
{
    const QString target = m_path + QStringLiteral(".broken-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const bool moved = Durable::renameDurably(m_path, target).ok();
    m_setAside = moved ? target : QString();
    //: %1 is e.g. "your accounts", %2 the reason, %3 a file name
    const QString message = moved
        ? QCoreApplication::translate("Settings", "The file with %1 could not be used (%2). It was kept as “%3”; nothing in it was "
                  "deleted.")
              .arg(m_what, reason, QDir::toNativeSeparators(target))
        : QCoreApplication::translate("Settings", "The file with %1 could not be used (%2), and it could not be set aside; it was "
                  "left as it is.")
              .arg(m_what, reason);
    return Error(Error::Code::Corrupt, message);
}

Result<QJsonObject> VersionedJsonFile::load(const Validator &validate)
{
    m_setAside.clear();
    QFile file(m_path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        //: %1 is e.g. "your accounts", %2 the system's reason
        return Error(Error::Code::FileUnreadable,
                     QCoreApplication::translate("Settings", "The file with %1 could not be read: %2").arg(m_what, file.errorString()));
    // Settings files are small; anything huge is not ours.
    if (file.size() > 16 * 1024 * 1024) {
        file.close();
        return setAside(QCoreApplication::translate("Settings", "it is far too large"));
    }
    const QByteArray data = file.readAll();
    file.close();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return setAside(QCoreApplication::translate("Settings", "it is not valid JSON: %1").arg(parseError.errorString()));
    QJsonObject object = doc.object();
    int version = object.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > m_version)
        //: %1 is a number
        return setAside(QCoreApplication::translate("Settings", "it has the unknown format version %1").arg(object.value(QStringLiteral("version")).toVariant().toString()));
    while (version < m_version) {
        const auto migration = m_migrations.value(version);
        if (!migration)
            return setAside(QCoreApplication::translate("Settings", "no upgrade from format version %1").arg(version));
        auto upgraded = migration(object);
        if (!upgraded)
            return setAside(upgraded.error().message());
        object = upgraded.value();
        object.insert(QStringLiteral("version"), ++version);
    }
    if (validate) {
        if (auto r = validate(object); !r)
            return setAside(r.error().message());
    }
    return object;
}

Result<void> VersionedJsonFile::save(QJsonObject document) const
{
    document.insert(QStringLiteral("version"), m_version);
    return Durable::writeFileAtomically(m_path, QJsonDocument(document).toJson(QJsonDocument::Indented));
}

} // namespace Core
