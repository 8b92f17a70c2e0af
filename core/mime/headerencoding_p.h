// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// RFC 2047 encoding and RFC 5322 folding of unstructured header fields
// (Subject, extra headers). Outpost does this itself because vmime 0.9.2's
// encoded-word folding overshoots the 78-column line limit.

#include <QByteArray>
#include <QString>

namespace Core::MimeHeader {

/**
 * The value of an unstructured field, ready to follow "Name: ": plain ASCII
 * folded at white space when that keeps every line within 78 columns,
 * otherwise RFC 2047 encoded words (UTF-8, Q or B) of at most 75 characters,
 * split between characters, one per line after the first, each line at most
 * 76 columns (RFC 2047 §2). prefixLength is the length of "Name: ".
 * Lines are joined with CRLF + space; there is no final CRLF.
 */
[[nodiscard]] QByteArray encodeUnstructured(const QString &text, qsizetype prefixLength);

/**
 * A mailbox ("name <address>") ready to follow "Name: ", folded at white
 * space so that no line exceeds 78 columns where a break is possible. The
 * display name is a quoted string when printable ASCII, else RFC 2047
 * B-encoded words (allowed in a phrase, RFC 2047 §5(3)) of at most 75
 * characters, split between characters. `address` goes in as given.
 */
[[nodiscard]] QByteArray encodeMailbox(const QString &name, const QString &address, qsizetype prefixLength);

} // namespace Core::MimeHeader
