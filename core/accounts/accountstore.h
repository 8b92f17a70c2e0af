// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/util/versionedjsonfile.h"

namespace Core {

/**
 * The accounts, kept as versioned JSON in the configuration location
 * (QStandardPaths::AppConfigLocation/accounts.json; XDG_CONFIG_HOME moves it).
 * Never holds a password. A damaged file is set aside, never reset.
 *
 * @code
 * Core::AccountStore store;
 * if (auto r = store.load(); !r) showError(r.error().message());
 * const Core::Account *work = store.findByAddress(QStringLiteral("me@work.example"));
 * @endcode
 */
class AccountStore final
{
public:
    static constexpr int kVersion = 1;

    explicit AccountStore(QString path = defaultPath());

    [[nodiscard]] static QString defaultPath();

    [[nodiscard]] Result<void> load();
    [[nodiscard]] Result<void> save() const;
    [[nodiscard]] QString path() const { return m_file.path(); }
    [[nodiscard]] QString setAsidePath() const { return m_file.setAsidePath(); }

    [[nodiscard]] const QList<Account> &accounts() const { return m_accounts; }
    /// By id, or else by name (case-insensitive).
    [[nodiscard]] const Account *find(const QString &idOrName) const;
    /// The account with an identity for this address.
    [[nodiscard]] const Account *findByAddress(const QString &address) const;
    [[nodiscard]] const Account *defaultAccount() const;

    /// Adds a validated account; its name must be unique.
    [[nodiscard]] Result<void> add(Account account);
    [[nodiscard]] Result<void> update(const Account &account);
    bool remove(const QString &id);
    void setDefaultAccount(const QString &id) { m_defaultId = id; }

private:
    VersionedJsonFile m_file;
    QList<Account> m_accounts;
    QString m_defaultId;
};

} // namespace Core
