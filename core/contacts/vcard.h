// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/contact.h"
#include "core/result.h"

#include <QByteArray>

namespace Core::VCard {

/**
 * The contacts of a vCard file, version 2.1, 3.0 (RFC 2426) or 4.0
 * (RFC 6350): FN, N, EMAIL with TYPE and PREF, NICKNAME, ORG, CATEGORIES.
 * Folded lines, quoted-printable values with soft line breaks, CHARSET=
 * parameters and escaped , ; \n are read; other properties are skipped.
 * A file with any structural problem is refused as a whole, every problem
 * named with its line.
 */
[[nodiscard]] Result<QList<Contact>> read(const QByteArray &data);

/// vCard 4.0 (RFC 6350), UTF-8, lines folded at 75 octets, CRLF.
[[nodiscard]] QByteArray write(const QList<Contact> &contacts);

/// True when the data looks like vCard (its first line is BEGIN:VCARD).
[[nodiscard]] bool looksLikeVCard(const QByteArray &data);

} // namespace Core::VCard
