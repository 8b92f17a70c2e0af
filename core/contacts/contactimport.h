// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/contact.h"
#include "core/result.h"

namespace Core::ContactImport {

/// Larger than any address book people export; beyond it a file is refused.
inline constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;

/// The contacts of an exported address book, vCard or CSV (told apart by
/// the content, not the name); a file with problems is refused whole.
[[nodiscard]] Result<QList<Contact>> parse(const QByteArray &data);
/// parse() of a file, read only up to kMaxFileSize. Messages do not name
/// the file: the caller knows how the person called it.
[[nodiscard]] Result<QList<Contact>> readFile(const QString &path);

/// What importing one contact does to a book.
struct Step
{
    Contact incoming;
    MergeAction action = MergeAction::Added;
    Contact result; ///< the book's contact it became (added, or merged into)
};

/// The steps of importing `incoming` into `existing`, in order (a contact
/// that appears twice in the file merges into its first appearance).
[[nodiscard]] QList<Step> plan(const QList<Contact> &existing, const QList<Contact> &incoming);

} // namespace Core::ContactImport
