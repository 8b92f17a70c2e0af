// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/truststore.h"

#include "core/accounts/savelock_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Core {

TrustStore::TrustStore(QString path)
    : m_file(std::move(path), kVersion, QCoreApplication::translate("Accounts", "your trusted certificates"))
{
}

QString TrustStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/trust.json");
}

QString TrustStore::key(const QString &host, quint16 port)
{
    return host.toLower() + u':' + QString::number(port);
}

Result<QMap<QString, QStringList>> TrustStore::read()
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QMap<QString, QStringList> loaded;
    auto doc = m_file.load([&](const QJsonObject &o) -> Result<void> {
        const QJsonObject hosts = o.value(QStringLiteral("hosts")).toObject();
        for (auto it = hosts.begin(); it != hosts.end(); ++it) {
            QStringList fps;
            for (const auto &v : it.value().toArray()) {
                if (!hex.match(v.toString()).hasMatch())
                    return Error(Error::Code::Corrupt, QStringLiteral("bad fingerprint"));
                fps << v.toString();
            }
            loaded.insert(it.key(), fps);
        }
        return {};
    });
    if (!doc)
        return doc.error();
    return loaded;
}

void TrustStore::apply(QMap<QString, QStringList> pins)
{
    for (const Change &c : std::as_const(m_changes)) {
        if (c.fingerprint.isEmpty()) {
            pins.remove(c.key);
            continue;
        }
        QStringList &list = pins[c.key];
        if (!list.contains(c.fingerprint))
            list.append(c.fingerprint);
    }
    m_pins = std::move(pins);
}

Result<void> TrustStore::load()
{
    auto disk = read();
    if (!disk)
        return disk.error();
    apply(disk.value());
    return {};
}

Result<void> TrustStore::save()
{
    FileLock lock(saveLockPath(m_file.path()));
    //: %1 is the system's reason
    if (auto r = lockForSave(lock, m_file.path(),
                             QT_TRANSLATE_NOOP("Accounts", "Your trusted certificates cannot be locked: %1"));
        !r)
        return r;
    if (auto disk = read())
        apply(disk.value());
    else
        apply(m_pins); // a damaged file was set aside: what this store knows is all there is
    QJsonObject hosts;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it)
        hosts.insert(it.key(), QJsonArray::fromStringList(it.value()));
    if (auto r = m_file.save(QJsonObject{{QStringLiteral("hosts"), hosts}}); !r)
        return r;
    m_changes.clear();
    return {};
}

QStringList TrustStore::pins(const QString &host, quint16 port) const
{
    return m_pins.value(key(host, port));
}

void TrustStore::pin(const QString &host, quint16 port, const QString &sha256)
{
    QStringList &list = m_pins[key(host, port)];
    const QString fp = sha256.toLower().remove(u':');
    if (!list.contains(fp))
        list.append(fp);
    m_changes.append({key(host, port), fp});
}

void TrustStore::unpinAll(const QString &host, quint16 port)
{
    m_pins.remove(key(host, port));
    m_changes.append({key(host, port), {}});
}

} // namespace Core
