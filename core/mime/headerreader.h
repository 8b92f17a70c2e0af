// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QIODevice;

namespace Core {

/**
 * The header section of a message read from a stream (outpost-sendmail's
 * standard input), bounded so that hostile input cannot exhaust memory: at
 * most kMaxHeaderBytes octets and kMaxFields fields. Reading stops right after
 * the blank line; the body stays in the stream, to be copied as it comes.
 *
 * Read as sendmail and Postfix read a message: an mbox "From " line in
 * front is dropped; a line that is neither a field nor a continuation ends
 * the header without a blank line (bodyStart()), and as the first line it
 * means there is no header at all (no fields, everything is body).
 */
class HeaderBlock final
{
public:
    static constexpr qsizetype kMaxHeaderBytes = 1024 * 1024;
    static constexpr qsizetype kMaxFields = 5000;

    struct Field
    {
        QByteArray name;  ///< as written
        QByteArray value; ///< unfolded, without the leading space
    };

    /// Reads up to and including the empty line that ends the header, or
    /// the first line of the body when no empty line comes between.
    /// A stream that ends first yields a header without a body.
    [[nodiscard]] static Result<HeaderBlock> read(QIODevice *in, bool dotEndsInput);

    /// Parses an already complete header block (for tests and fuzzing).
    [[nodiscard]] static Result<HeaderBlock> parse(const QByteArray &block);

    [[nodiscard]] const QList<Field> &fields() const { return m_fields; }
    [[nodiscard]] QByteArray value(const QByteArray &name) const;
    [[nodiscard]] QList<QByteArray> values(const QByteArray &name) const;
    [[nodiscard]] bool has(const QByteArray &name) const;
    /// True if the input ended with a lone "." line inside the header.
    [[nodiscard]] bool endedByDot() const { return m_endedByDot; }
    [[nodiscard]] bool reachedEnd() const { return m_reachedEnd; }
    /// The start of the body read while looking for the header's end: the
    /// line that was no field; empty after a blank line. It precedes what
    /// is left in the stream.
    [[nodiscard]] const QByteArray &bodyStart() const { return m_bodyStart; }

    void remove(const QByteArray &name);
    void prepend(const QByteArray &name, const QByteArray &value);
    /// The header block as CRLF lines, folded as originally (unfolded here),
    /// followed by the empty line.
    [[nodiscard]] QByteArray toBytes() const;

private:
    QList<Field> m_fields;
    QList<QByteArray> m_rawLines; // per field, the original (folded) lines
    QByteArray m_bodyStart;
    bool m_endedByDot = false;
    bool m_reachedEnd = false;
};

} // namespace Core
