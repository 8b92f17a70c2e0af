// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Content-Transfer-Encoding of text bodies (RFC 2045 §6). Outpost encodes
// text parts itself and hands vmime the finished bytes, because the encoding
// decision depends on the whole text and quoted-printable must never split a
// CRLF or an =XX escape.

#include <QByteArray>

namespace Core::MimeText {

enum class TransferEncoding { SevenBit, EightBit, QuotedPrintable, Base64 };

/// UTF-8 text with every line ending (CRLF, CR, LF) turned into CRLF and a
/// final CRLF added when missing.
[[nodiscard]] QByteArray toCrlfLines(const QByteArray &utf8);

/// The most readable encoding that keeps every line within 998 octets and the
/// message 7-bit clean unless allow8Bit (the server announced 8BITMIME).
/// Input must come from toCrlfLines().
[[nodiscard]] TransferEncoding chooseEncoding(const QByteArray &crlfText, bool allow8Bit);

/// Quoted-printable (RFC 2045 §6.7) for CRLF text: hard line breaks kept,
/// encoded lines at most 76 characters, trailing white space encoded, and a
/// line-initial "." or "From " encoded so that no relay or mbox mangles it.
[[nodiscard]] QByteArray encodeQuotedPrintable(const QByteArray &crlfText);

/// Base64 in lines of 76 characters, each ending in CRLF.
[[nodiscard]] QByteArray encodeBase64Lines(const QByteArray &data);

/// The token for Content-Transfer-Encoding.
[[nodiscard]] const char *encodingName(TransferEncoding encoding);

} // namespace Core::MimeText
