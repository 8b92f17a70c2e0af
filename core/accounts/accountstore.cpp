// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/accountstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>

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

Result<void> AccountStore::load()
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
    m_accounts = loaded;
    m_defaultId = doc->value(QStringLiteral("defaultAccount")).toString();
    return {};
}

Result<void> AccountStore::save() const
{
    QJsonArray list;
    for (const Account &a : m_accounts)
        list.append(a.toJson());
    return m_file.save(QJsonObject{{QStringLiteral("accounts"), list},
                                   {QStringLiteral("defaultAccount"), m_defaultId}});
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
    return {};
}

Result<void> AccountStore::update(const Account &account)
{
    if (auto r = account.validate(); !r)
        return r;
    for (Account &a : m_accounts) {
        if (a.id == account.id) {
            a = account;
            return {};
        }
    }
    return Error(Error::Code::InvalidInput, QCoreApplication::translate("Accounts", "There is no such account."), QStringLiteral("id"));
}

bool AccountStore::remove(const QString &id)
{
    return m_accounts.removeIf([&](const Account &a) { return a.id == id; }) > 0;
}

} // namespace Core
