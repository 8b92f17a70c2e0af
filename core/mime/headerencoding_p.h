// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place that writes non-ASCII and special text into header fields:
// RFC 2047 encoded words (Subject, extra headers, display names), RFC 5322
// quoting and folding, and RFC 2231 parameters (file names). Outpost does
// this itself rather than through vmime 0.9.2, whose encoder writes encoded
// words of 76 characters, encodes every display name, splits words at
// arbitrary points and puts encoded words into quoted parameters
// (docs/design/MIME.md lists what each reader made of that).
//
// Every function returns a value ready to follow "Name: " (prefixLength is
// the length of "Name: "): lines joined with CRLF + space, no final CRLF,
// folded at white space so that no line passes 78 columns where a break is
// possible (RFC 5322 §2.1.1); a line holding an encoded word stays within 76
// (RFC 2047 §2), whatever else is on it, and an encoded word within 75.

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Core::MimeHeader {

/**
 * An unstructured field (Subject, extra headers). Words that need it (not
 * ASCII, control characters, or looking like an encoded word) become UTF-8
 * encoded words (Q unless B is clearly shorter); the rest stay as written. An
 * encoded word holds whole words, with the space between two of them
 * inside it (white space between encoded words is dropped by readers); only
 * a word too long for one encoded word is split, between characters
 * (grapheme clusters), never inside one.
 */
[[nodiscard]] QByteArray encodeUnstructured(const QString &text, qsizetype prefixLength);

/// A display name and its address in wire form (IDNA domain, or UTF-8 under SMTPUTF8).
struct Mailbox
{
    QString name;
    QString address;
};

/**
 * An address list (From, To, Cc, Reply-To, ...). A display name, without
 * the spaces around it, is written as atoms when it is plain ASCII words, as
 * a quoted string when it is ASCII with specials ("Doe, John"), and otherwise as a phrase in which only the
 * words that need it are encoded words (RFC 2047 §5(3)). An empty list gives
 * the empty group "undisclosed-recipients:;" (RFC 5322 §3.4).
 */
[[nodiscard]] QByteArray encodeAddressList(const QList<Mailbox> &mailboxes, qsizetype prefixLength);

/**
 * A parameterised value such as "attachment" or "text/plain" followed by its
 * parameters (RFC 2045 §5.1). A short printable ASCII value is a token or a
 * quoted string; anything else (non-ASCII, '"' or '\' which several readers
 * do not unescape, looking like an encoded word, or too long for a line) is
 * an RFC 2231 extended value in UTF-8, percent-encoding every octet that is
 * not an attribute-char (so "'", "*" and "%" too), split into numbered
 * continuations between characters when it is long. Never RFC 2047 inside
 * quotes.
 */
[[nodiscard]] QByteArray encodeParameterized(const QByteArray &value,
                                             const QList<std::pair<QByteArray, QString>> &parameters,
                                             qsizetype prefixLength);

} // namespace Core::MimeHeader
