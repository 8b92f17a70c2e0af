// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/contact.h"
#include "core/result.h"

#include <QByteArray>

namespace Core::ContactCsv {

/**
 * The contacts of a CSV file as Thunderbird, Google Contacts and Outlook
 * export them. The columns are found by their names in the header line
 * ("First Name", "E-mail 2 Address", "E-mail 1 - Value", "Labels",
 * "Categories", ...); quoted fields may hold commas and line breaks
 * (RFC 4180); UTF-8 with or without a byte order mark, UTF-16 (Outlook's
 * "Unicode" export) and Windows-1252 are read. A file with any problem is
 * refused as a whole, every problem named with its line.
 */
[[nodiscard]] Result<QList<Contact>> read(const QByteArray &data);

} // namespace Core::ContactCsv
