// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/accountstore.h"

#include "core/accounts/savelock_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace Core {

AccountStore::AccountStore(QString path)
    : m_file(std::move(path), kVersion, QCoreApplication::translate("Accounts", "your accounts"))
{
    // Schema changes register their upgrade here, e.g.
    // m_file.addMigration(1, [](QJsonObject v1) -> Result<QJsonObject> { ...; return v2; });
}

QString AccountStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/accounts.json");
}

Result<QList<Account>> AccountStore::read(QString *defaultId)
{
    QList<Account> loaded;
    auto doc = m_file.load([&loaded](const QJsonObject &o) -> Result<void> {
        QSet<QString> ids;
        for (const auto &v : o.value(QStringLiteral("accounts")).toArray()) {
            auto account = Account::fromJson(v.toObject());
            if (!account)
                return account.error();
            if (ids.contains(account->id))
                return Error(Error::Code::Corrupt, QCoreApplication::translate("Accounts", "two accounts share one identifier"));
            ids.insert(account->id);
            loaded.append(account.value());
        }
        return {};
    });
    if (!doc)
        return doc.error();
    *defaultId = doc->value(QStringLiteral("defaultAccount")).toString();
    return loaded;
}

void AccountStore::apply(QList<Account> accounts, const QString &defaultId)
{
    accounts.removeIf([this](const Account &a) { return m_changes.removed.contains(a.id); });
    for (const Account &changed : std::as_const(m_changes.upserted)) {
        const auto same = std::find_if(accounts.begin(), accounts.end(), [&](const Account &a) { return a.id == changed.id; });
        if (same != accounts.end()) {
            *same = changed;
            continue;
        }
        // Another process may have added one of the same name meanwhile:
        // names stay unique, as the command line finds accounts by name.
        Account added = changed;
        const auto taken = [&accounts](const QString &name) {
            return std::any_of(accounts.cbegin(), accounts.cend(),
                               [&](const Account &a) { return a.name.compare(name, Qt::CaseInsensitive) == 0; });
        };
        for (int n = 2; taken(added.name); ++n)
            added.name = QStringLiteral("%1 (%2)").arg(changed.name).arg(n);
        accounts.append(added);
    }
    m_accounts = std::move(accounts);
    m_defaultId = m_changes.defaultId.value_or(defaultId);
}

Result<void> AccountStore::load()
{
    QString defaultId;
    auto disk = read(&defaultId);
    if (!disk)
        return disk.error();
    apply(disk.value(), defaultId);
    return {};
}

Result<void> AccountStore::save()
{
    return saveWith({});
}

Result<void> AccountStore::modify(const QString &id, const std::function<void(Account &)> &change)
{
    return saveWith([&](QList<Account> &accounts) {
        for (Account &a : accounts) {
            if (a.id == id)
                change(a);
        }
    });
}

Result<void> AccountStore::saveWith(const std::function<void(QList<Account> &)> &change)
{
    // Read-modify-write under the file's lock: what another process saved
    // since this store read the file is kept, and two processes adding an
    // account at once both get theirs.
    FileLock lock(saveLockPath(m_file.path()));
    //: %1 is the system's reason
    if (auto r = lockForSave(lock, m_file.path(), QT_TRANSLATE_NOOP("Accounts", "Your accounts cannot be locked: %1")); !r)
        return r;
    QString defaultId;
    if (auto disk = read(&defaultId))
        apply(disk.value(), defaultId);
    else
        apply(m_accounts, m_defaultId); // a damaged file was set aside: what this store knows is all there is
    if (change)
        change(m_accounts);
    QJsonArray list;
    for (const Account &a : std::as_const(m_accounts))
        list.append(a.toJson());
    if (auto r = m_file.save(QJsonObject{{QStringLiteral("accounts"), list}, {QStringLiteral("defaultAccount"), m_defaultId}}); !r)
        return r;
    m_changes = {};
    return {};
}

const Account *AccountStore::find(const QString &idOrName) const
{
    for (const Account &a : m_accounts) {
        if (a.id == idOrName)
            return &a;
    }
    for (const Account &a : m_accounts) {
        if (a.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

const Account *AccountStore::findByAddress(const QString &address) const
{
    for (const Account &a : m_accounts) {
        if (a.identityFor(address))
            return &a;
    }
    return nullptr;
}

const Account *AccountStore::defaultAccount() const
{
    if (const Account *a = find(m_defaultId); a && !m_defaultId.isEmpty())
        return a;
    return m_accounts.isEmpty() ? nullptr : &m_accounts.first();
}

Result<void> AccountStore::add(Account account)
{
    if (account.id.isEmpty())
        account.id = Account::newId();
    for (Identity &i : account.identities) {
        if (i.id.isEmpty())
            i.id = Account::newId();
    }
    if (auto r = account.validate(); !r)
        return r;
    for (const Account &a : m_accounts) {
        if (a.id == account.id || a.name.compare(account.name, Qt::CaseInsensitive) == 0)
            //: %1 is an account name
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Accounts", "An account named “%1” already exists.").arg(account.name),
                         QStringLiteral("name"));
    }
    m_accounts.append(account);
    m_changes.upserted.append(account);
    m_changes.removed.remove(account.id);
    return {};
}

Result<void> AccountStore::update(const Account &account)
{
    if (auto r = account.validate(); !r)
        return r;
    for (Account &a : m_accounts) {
        if (a.id == account.id) {
            a = account;
            m_changes.upserted.removeIf([&](const Account &c) { return c.id == account.id; });
            m_changes.upserted.append(account);
            return {};
        }
    }
    return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "There is no such account."), QStringLiteral("id"));
}

bool AccountStore::remove(const QString &id)
{
    m_changes.upserted.removeIf([&](const Account &a) { return a.id == id; });
    m_changes.removed.insert(id);
    return m_accounts.removeIf([&](const Account &a) { return a.id == id; }) > 0;
}

void AccountStore::setDefaultAccount(const QString &id)
{
    m_defaultId = id;
    m_changes.defaultId = id;
}

} // namespace Core
