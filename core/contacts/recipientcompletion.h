// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/contact.h"
#include "core/drafts/addressbook.h"

#include <QDateTime>

namespace Core {

/// One choice offered while a recipient is typed.
struct RecipientCompletion
{
    enum class Kind { Address, Group };
    Kind kind = Kind::Address;
    QString display; ///< what the list shows: "Ada Lovelace <ada@example.org>"
    QString matchText; ///< what typing is matched against (name, nicknames, address, organisation,
                       ///< groups)
    QString insertText; ///< what goes into the field (a group: all its members)
};

/**
 * The completions for To, Cc and Bcc: every address of every contact, the
 * addresses written to that are in no contact, and every group (which
 * expands to its members). Ranked by how often and how recently the person
 * wrote to an address: its uses, each worth half as much per 30 days since
 * the last one, so that last week's correspondent passes last year's; then
 * groups before people at the same rank (a group is found only by its
 * name); then by name, a contact's preferred address first.
 */
[[nodiscard]] QList<RecipientCompletion>
recipientCompletions(const QList<Contact> &contacts, const QList<AddressBook::Entry> &used,
                     const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Core
