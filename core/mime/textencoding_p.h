// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Content-Transfer-Encoding of text bodies (RFC 2045 §6). Outpost encodes
// text parts itself and hands vmime the finished bytes, because the encoding
// decision depends on the whole text and quoted-printable must never split a
// CRLF or an =XX escape.

#include <QByteArray>
#include <QString>

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

/// Whether the text has a line too long to read comfortably (over 78
/// characters): only then is the plain part sent format=flowed, so that
/// short lines, poems and tables reach every reader exactly as typed.
[[nodiscard]] bool wantsFlowed(const QString &text);

/// RFC 3676 format=flowed with DelSp=no: every line longer than `width`
/// characters is soft-broken after a space (the space stays at the end of
/// the line, which marks it soft); lines that start with " " or "From ", or
/// with ">" after a soft break, are space-stuffed; quoted lines ("> ", "> > ")
/// keep their depth, written as ">>" the way RFC 3676 §4.5 counts it, and are
/// wrapped under the same marks; trailing spaces of hard lines are removed
/// (they would make the line soft); the signature separator "-- " stays
/// exactly as it is. Lines are separated by "\n".
[[nodiscard]] QString encodeFlowed(const QString &text, qsizetype width = 76);

/// The token for Content-Transfer-Encoding.
[[nodiscard]] const char *encodingName(TransferEncoding encoding);

} // namespace Core::MimeText
