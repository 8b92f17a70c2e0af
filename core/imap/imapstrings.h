// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Core {

/**
 * The strings an IMAP client puts on the wire: mailbox names in modified
 * UTF-7 (RFC 3501 §5.1.3), astrings quoted or as literals, and the
 * date-time of APPEND. Nothing here lets CR, LF or NUL through: a string
 * that holds one is refused, never escaped (no command injection).
 */
namespace ImapStrings {

/// Modified UTF-7 of a mailbox name, or nullopt when it holds CR, LF or NUL.
[[nodiscard]] std::optional<QByteArray> encodeMailbox(const QString &name);
/// The name from its modified UTF-7 form; nullopt when malformed.
[[nodiscard]] std::optional<QString> decodeMailbox(const QByteArray &wire);

/// True when the octets may go into a command at all (no CR, LF, NUL).
[[nodiscard]] bool isSafe(const QByteArray &octets);

/// A quoted string ("a\"b") when the octets are 7-bit and safe, else nullopt
/// (the caller sends a literal then, RFC 3501 §4.3).
[[nodiscard]] std::optional<QByteArray> quoted(const QByteArray &octets);

/// "06-Dec-2026 14:47:58 +0100" (RFC 3501 §9 date-time), in the time's
/// own offset from UTC.
[[nodiscard]] QByteArray dateTime(const QDateTime &time);

/// The Date header of an RFC 5322 message (unfolded), or an invalid time.
[[nodiscard]] QDateTime messageDate(const QByteArray &message);
/// The Message-ID header's value ("<id@host>"), or empty.
[[nodiscard]] QByteArray messageId(const QByteArray &message);

} // namespace ImapStrings

/**
 * A command in pieces: text, and literals that go out after the server's
 * continuation request, or at once with LITERAL+ / LITERAL- (RFC 7888).
 */
struct ImapCommand
{
    struct Piece
    {
        QByteArray bytes;
        bool literal = false;
    };
    QList<Piece> pieces;
    QByteArray logForm; ///< what the protocol log shows (secrets redacted)

    ImapCommand &text(const QByteArray &bytes);
    ImapCommand &literal(const QByteArray &bytes);
    /// A quoted string, or a literal when it cannot be quoted.
    ImapCommand &astring(const QByteArray &bytes);
};

} // namespace Core
