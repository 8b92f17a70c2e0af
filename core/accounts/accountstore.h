// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/util/versionedjsonfile.h"

#include <QSet>

#include <functional>
#include <optional>

namespace Core {

/**
 * The accounts, kept as versioned JSON in the configuration location
 * (QStandardPaths::AppConfigLocation/accounts.json; XDG_CONFIG_HOME moves it).
 * Never holds a password. A damaged file is set aside, never reset.
 *
 * Several processes share the file (the GUI, `outpost account add`): a store
 * remembers its own unsaved changes (added, updated, removed accounts, the
 * default), and save() applies just those to the file as it is on disk, read
 * again under an OS lock (accounts.json.lock), so that another process's
 * changes survive. load() reads the file again and keeps the unsaved changes.
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

    /// Reads the file; this store's unsaved changes stay applied on top.
    [[nodiscard]] Result<void> load();
    /// Merges this store's changes into the file under its lock; afterwards
    /// the store shows the file as written (other processes' accounts too).
    [[nodiscard]] Result<void> save();
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
    /// Changes one account at once, under the file's lock, starting from the
    /// file as it is now: what another process changed in the same account
    /// meanwhile stays (update() + save() would write back this store's older
    /// copy whole). Saves this store's other changes too. Nothing to do when
    /// the account is gone.
    [[nodiscard]] Result<void> modify(const QString &id, const std::function<void(Account &)> &change);
    bool remove(const QString &id);
    void setDefaultAccount(const QString &id);

private:
    /// What this store changed since its last save(), replayed over the file.
    struct Changes
    {
        QList<Account> upserted; ///< added or updated, in that order
        QSet<QString> removed;
        std::optional<QString> defaultId;
    };

    /// The file's accounts (or an error), not yet merged.
    [[nodiscard]] Result<QList<Account>> read(QString *defaultId);
    /// `accounts` and `defaultId` from the file, with m_changes applied.
    void apply(QList<Account> accounts, const QString &defaultId);
    /// save() and modify(): merges under the lock, applies `change`, writes.
    [[nodiscard]] Result<void> saveWith(const std::function<void(QList<Account> &)> &change);

    VersionedJsonFile m_file;
    QList<Account> m_accounts;
    QString m_defaultId;
    Changes m_changes;
};

} // namespace Core
