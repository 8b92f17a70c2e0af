// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/mailaddress.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Core {

/**
 * The addresses a person has sent to, kept locally for completion in To,
 * Cc and Bcc: name, address, how often and when last. Most used and most
 * recent first; bounded; written atomically. Nothing leaves the computer.
 *
 * Location: $XDG_DATA_HOME/outpost/addresses.json.
 */
class AddressBook final
{
public:
    struct Entry
    {
        QString name;
        QString address;
        int count = 0;
        QDateTime lastUsed;
        [[nodiscard]] QString display() const;
    };

    explicit AddressBook(QString path = {});

    [[nodiscard]] Result<void> load();
    [[nodiscard]] Result<void> save() const;
    /// Counts one more use of each; a newer display name replaces an empty one.
    void record(const QList<MailAddress> &used, const QDateTime &when = QDateTime::currentDateTimeUtc());
    /// Best first: more uses, then more recent.
    [[nodiscard]] QList<Entry> entries() const;
    /// "Name <address>" of every entry, best first (what the completer shows).
    [[nodiscard]] QStringList completions() const;

    static constexpr int MaxEntries = 2000;

private:
    QString m_path;
    QList<Entry> m_entries;
};

} // namespace Core
