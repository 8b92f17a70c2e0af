// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/drafts/addressbook.h"

#include "core/util/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace Core {

namespace {
constexpr qint64 kMaxFile = 8 * 1024 * 1024;
}

QString AddressBook::Entry::display() const
{
    return MailAddress(name, address).toDisplayString();
}

AddressBook::AddressBook(QString path)
    : m_path(path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/addresses.json")
                            : std::move(path))
{
}

Result<void> AddressBook::load()
{
    m_entries.clear();
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (f.size() > kMaxFile || !f.open(QIODevice::ReadOnly))
        return Error(Error::Code::FileUnreadable,
                     QCoreApplication::translate("AddressBook", "The list of addresses you used cannot be read (%1).").arg(m_path));
    const QJsonArray list = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("addresses")).toArray();
    for (const auto &v : list) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.name = o.value(QStringLiteral("name")).toString();
        e.address = o.value(QStringLiteral("address")).toString();
        e.count = o.value(QStringLiteral("count")).toInt();
        e.lastUsed = QDateTime::fromString(o.value(QStringLiteral("lastUsed")).toString(), Qt::ISODate);
        // Only what would be accepted as a recipient comes back.
        if (!e.address.isEmpty() && MailAddress(e.name, e.address).validate().ok() && m_entries.size() < MaxEntries)
            m_entries << e;
    }
    return {};
}

Result<void> AddressBook::save() const
{
    QJsonArray list;
    for (const Entry &e : m_entries)
        list << QJsonObject{{QStringLiteral("name"), e.name},
                            {QStringLiteral("address"), e.address},
                            {QStringLiteral("count"), e.count},
                            {QStringLiteral("lastUsed"), e.lastUsed.toString(Qt::ISODate)}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return Durable::writeFileAtomically(
        m_path, QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("addresses"), list}}).toJson(QJsonDocument::Compact));
}

void AddressBook::record(const QList<MailAddress> &used, const QDateTime &when)
{
    for (const MailAddress &m : used) {
        if (m.address().isEmpty())
            continue;
        auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            return e.address.compare(m.address(), Qt::CaseInsensitive) == 0;
        });
        if (it == m_entries.end()) {
            m_entries.append(Entry{m.name(), m.address(), 1, when});
            continue;
        }
        ++it->count;
        it->lastUsed = when;
        if (!m.name().isEmpty())
            it->name = m.name();
    }
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return a.count != b.count ? a.count > b.count : a.lastUsed > b.lastUsed;
    });
    if (m_entries.size() > MaxEntries)
        m_entries.resize(MaxEntries);
}

QList<AddressBook::Entry> AddressBook::entries() const
{
    return m_entries;
}

QStringList AddressBook::completions() const
{
    QStringList list;
    for (const Entry &e : m_entries)
        list << e.display();
    return list;
}

} // namespace Core
