// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/autoconfig/clientconfig.h"

namespace Core::Autoconfig {

/// Splits and normalises an address (docs/design/AUTOCONFIG.md §9.2): the
/// local part is kept byte-exact, the domain trimmed, lower-cased, without a
/// trailing dot, IDNA-encoded and validated.
[[nodiscard]] Result<AddressParts> splitAddress(const QString &address);

/**
 * The registrable domain of an ASCII host name ("mail.example.co.uk" ->
 * "example.co.uk"), from the Public Suffix List Qt carries. A single label
 * is always a public suffix (the list's default rule). Returns an empty
 * string when the host itself is a public suffix.
 */
[[nodiscard]] QString registrableDomain(const QString &asciiHost);

} // namespace Core::Autoconfig
