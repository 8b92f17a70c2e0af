// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/contactstore.h"

#include "core/accounts/savelock_p.h"
#include "core/mime/mailaddress.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStandardPaths>

namespace Core {

ContactStore::ContactStore(QString path)
    : m_file(std::move(path), kVersion, QCoreApplication::translate("Contacts", "your contacts"))
{
}

QString ContactStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/contacts.json");
}

Result<QList<Contact>> ContactStore::read()
{
    QList<Contact> loaded;
    auto doc = m_file.load([&loaded](const QJsonObject &o) -> Result<void> {
        for (const auto &v : o.value(QStringLiteral("contacts")).toArray()) {
            Contact c = Contact::fromJson(v.toObject());
            for (const ContactEmail &e : c.emails) {
                if (auto r = MailAddress(QString(), e.address).validate(); !r)
                    return r;
            }
            if (c.id.isEmpty())
                return Error(
                    Error::Code::Corrupt,
                    QCoreApplication::translate("Contacts", "a contact has no identifier"));
            loaded << c;
        }
        return {};
    });
    if (!doc)
        return doc.error();
    return loaded;
}

void ContactStore::apply(QList<Contact> disk)
{
    ContactList list(std::move(disk));
    for (const Contact &c : std::as_const(m_pending))
        list.merge(c);
    m_list = list;
}

Result<void> ContactStore::load()
{
    auto disk = read();
    if (!disk)
        return disk.error();
    apply(disk.value());
    return {};
}

Result<void> ContactStore::save()
{
    // Read-modify-write under the file's lock: another process's import
    // since this store read the file is kept, and two imports at once both
    // end up in the book.
    FileLock lock(saveLockPath(m_file.path()));
    //: %1 is the system's reason
    if (auto r = lockForSave(lock, m_file.path(),
                             QT_TRANSLATE_NOOP("Accounts", "Your contacts cannot be locked: %1"));
        !r)
        return r;
    // A damaged file was set aside: then what this store knows is all there is.
    if (auto disk = read())
        apply(disk.value());
    else
        apply(m_list.contacts());
    QJsonArray list;
    for (const Contact &c : m_list.contacts())
        list.append(c.toJson());
    if (auto r = m_file.save(QJsonObject {{QStringLiteral("contacts"), list}}); !r)
        return r;
    m_pending.clear();
    return {};
}

MergeAction ContactStore::merge(const Contact &contact, Contact *into)
{
    Contact merged;
    const MergeAction action = m_list.merge(contact, &merged);
    // Replayed with the id it got here, so that a second apply() over the
    // file keeps it.
    Contact pending = contact;
    if (pending.id.isEmpty())
        pending.id = merged.id;
    m_pending << pending;
    if (into)
        *into = merged;
    return action;
}

} // namespace Core
