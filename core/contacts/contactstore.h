// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/contact.h"
#include "core/result.h"
#include "core/util/versionedjsonfile.h"

namespace Core {

/**
 * The address book: contacts kept as versioned JSON in the data location
 * (QStandardPaths::AppLocalDataLocation/contacts.json; XDG_DATA_HOME moves
 * it). A damaged file is set aside, never reset.
 *
 * Several processes share it (the GUI, `outpost contacts import`): merge()
 * only remembers what to add, and save() merges that into the file as it is
 * on disk, read again under an OS lock (contacts.json.lock), so two imports
 * at once both end up in the book. The GUI notices a change with a
 * ConfigWatcher on path().
 *
 * @code
 * Core::ContactStore store;
 * if (auto r = store.load(); !r) return r.error();
 * store.merge(imported);
 * if (auto r = store.save(); !r) return r.error();
 * @endcode
 */
class ContactStore final
{
public:
    static constexpr int kVersion = 1;

    explicit ContactStore(QString path = defaultPath());

    [[nodiscard]] static QString defaultPath();

    /// Reads the file; contacts merged but not yet saved stay on top.
    [[nodiscard]] Result<void> load();
    /// Merges the pending contacts into the file under its lock; afterwards
    /// the store shows the file as written (other processes' contacts too).
    [[nodiscard]] Result<void> save();

    /// Merges into this store (see ContactList) and remembers it for save().
    MergeAction merge(const Contact &contact, Contact *into = nullptr);

    [[nodiscard]] const QList<Contact> &contacts() const { return m_list.contacts(); }
    [[nodiscard]] QString path() const { return m_file.path(); }

private:
    [[nodiscard]] Result<QList<Contact>> read();
    void apply(QList<Contact> disk);

    VersionedJsonFile m_file;
    ContactList m_list;
    QList<Contact> m_pending; ///< merged since the last save(), replayed over the file
};

} // namespace Core
