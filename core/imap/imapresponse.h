// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace Core {

/// One value of an IMAP response's data (RFC 3501 §4): an atom (numbers and
/// flags included), a string (quoted or literal), NIL, or a parenthesised list.
struct ImapValue
{
    enum class Type { Atom, String, Nil, List };
    Type type = Type::Nil;
    QByteArray text; ///< atom or string octets (quotes and escapes removed)
    std::vector<ImapValue> items; ///< for List

    [[nodiscard]] bool isAtom(const char *upper) const;
    /// An atom or a string: what RFC 3501 calls an astring.
    [[nodiscard]] bool isAString() const { return type == Type::Atom || type == Type::String; }
};

/**
 * One complete server response: a continuation request ("+ ..."), an
 * untagged response ("* ...") or the tagged completion of a command.
 *
 * Status responses (OK, NO, BAD, PREAUTH, BYE) keep their response code
 * ("[APPENDUID 38505 3955]", RFC 3501 §7.1) apart from the human text;
 * other untagged responses keep their name (CAPABILITY, LIST, SEARCH, …)
 * and their values.
 */
struct ImapResponse
{
    enum class Kind { Continuation, Untagged, Tagged };
    enum class Status { None, Ok, No, Bad, PreAuth, Bye };

    Kind kind = Kind::Untagged;
    QByteArray tag; ///< Tagged only
    Status status = Status::None;
    QByteArray code; ///< response code name, upper case ("TRYCREATE"); may be empty
    QByteArray codeArguments; ///< what follows the code name inside the brackets
    QByteArray text; ///< human-readable text (status and continuation)
    QByteArray name; ///< untagged data name, upper case ("LIST", "EXISTS")
    qint64 number = -1; ///< "* 3 EXISTS": 3
    std::vector<ImapValue> values; ///< untagged data after the name

    /// The server's text with its response code, for showing the person.
    [[nodiscard]] QString serverText() const;
};

/**
 * Incremental, bounded parser of IMAP server responses (RFC 3501 §7, §9).
 * Feed it whatever the socket delivered, split anywhere; it returns each
 * response once complete, literals included.
 *
 * Bounds keep a hostile server from exhausting memory or the stack: a line
 * at most kMaxLineLength octets, a literal at most kMaxLiteralLength, a
 * whole response at most kMaxResponseLength, lists nested at most
 * kMaxDepth deep. Beyond that, or on malformed syntax, feed() fails and the
 * parser stays failed (the connection cannot be trusted to resynchronise).
 */
class ImapResponseParser final
{
public:
    static constexpr qsizetype kMaxLineLength = 64 * 1024;
    static constexpr qsizetype kMaxLiteralLength = 1024 * 1024;
    static constexpr qsizetype kMaxResponseLength = 2 * 1024 * 1024;
    static constexpr int kMaxDepth = 16;

    /// Appends data; the responses completed by it, or nullopt when the
    /// input is malformed or over a bound (see failure()).
    [[nodiscard]] std::optional<QList<ImapResponse>> feed(const QByteArray &data);

    /// Drops everything buffered (after STARTTLS nothing from before is kept).
    void reset();

    [[nodiscard]] bool failed() const { return !m_failure.isEmpty(); }
    /// Why the input was refused (English, for the protocol log).
    [[nodiscard]] QString failure() const { return m_failure; }

    /// Parses one complete response (as framed by feed(), without its
    /// final CRLF); nullopt with *why set when malformed.
    [[nodiscard]] static std::optional<ImapResponse> parse(const QByteArray &response,
                                                           QString *why);

private:
    std::nullopt_t fail(const QString &why);

    QByteArray m_buffer; ///< unread input
    QByteArray m_current; ///< the response being framed (lines and literals so far)
    qsizetype m_literalLeft = 0;
    QString m_failure;
};

} // namespace Core
