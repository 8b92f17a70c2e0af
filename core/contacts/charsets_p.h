// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text in the character sets address-book exports use. Qt 6.4 decodes only
// the Unicode encodings and Latin-1 by itself; old exports (vCard 2.1 from
// phones and Outlook, CSV from Windows) are often Windows-1252 or
// ISO-8859-15, which are small tables here.

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core::Charsets {

/// `bytes` in the named character set (case-insensitive; "UTF-8",
/// "ISO-8859-1", "Windows-1252", ...); nullopt for a set this cannot read or
/// bytes that are not valid in it (UTF-8).
[[nodiscard]] std::optional<QString> decode(const QByteArray &bytes, const QByteArray &charset);

/// A file whose character set is not declared: a byte order mark decides
/// (UTF-8, UTF-16), else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1252 (what Windows programs write). The BOM is not part of the text.
[[nodiscard]] QString decodeUndeclared(const QByteArray &bytes);

/// True when `bytes` are valid UTF-8.
[[nodiscard]] bool isValidUtf8(const QByteArray &bytes);

} // namespace Core::Charsets
