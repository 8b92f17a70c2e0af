// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/truststore.h"

#include <QCoreApplication>
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

Result<void> TrustStore::load()
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
    m_pins = loaded;
    return {};
}

Result<void> TrustStore::save() const
{
    QJsonObject hosts;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it)
        hosts.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return m_file.save(QJsonObject{{QStringLiteral("hosts"), hosts}});
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
}

void TrustStore::unpinAll(const QString &host, quint16 port)
{
    m_pins.remove(key(host, port));
}

} // namespace Core
