// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/headerreader.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Core {

namespace {

Error malformed(const char *why)
{
    //: %1 explains what is wrong
    return Error(Error::Code::InvalidInput,
                 QCoreApplication::translate("Mime", "The message's header is not valid: %1.")
                     .arg(QString::fromLatin1(why)));
}

bool isFieldNameChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

// "Name:" with a valid field name (RFC 5322 §3.6.8).
bool isFieldLine(const QByteArray &line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    for (char c : line.left(colon)) {
        if (!isFieldNameChar(c))
            return false;
    }
    return true;
}

QByteArray chopEol(QByteArray line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

Result<HeaderBlock> HeaderBlock::parse(const QByteArray &block)
{
    HeaderBlock h;
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype eol = block.indexOf('\n', pos);
        if (eol < 0)
            eol = block.size() - 1;
        const QByteArray rawLine = block.mid(pos, eol - pos + 1);
        pos = eol + 1;
        const QByteArray line = chopEol(rawLine);
        if (line.isEmpty()) {
            h.m_reachedEnd = true;
            break;
        }
        if (line.contains('\0'))
            return malformed("NUL in a header");
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (h.m_fields.isEmpty())
                return malformed("continuation line before the first field");
            h.m_fields.last().value += ' ' + line.trimmed();
            h.m_rawLines.last() += line + "\r\n";
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed("a line is neither a field nor a continuation");
        const QByteArray name = line.left(colon);
        for (char c : name) {
            if (!isFieldNameChar(c))
                return malformed("invalid character in a field name");
        }
        if (h.m_fields.size() >= kMaxFields)
            return malformed("too many fields");
        h.m_fields.append({name, line.mid(colon + 1).trimmed()});
        h.m_rawLines.append(line + "\r\n");
    }
    if (h.m_fields.isEmpty())
        return malformed("no header fields");
    return h;
}

Result<HeaderBlock> HeaderBlock::read(QIODevice *in, bool dotEndsInput)
{
    QByteArray block;
    QByteArray bodyStart;
    bool endedByDot = false;
    bool anyInput = false;
    bool firstLine = true;
    bool reachedEnd = false;
    while (true) {
        // readLine(max) sizes its buffer to max: read in small pieces and
        // bound the total instead (found by fuzz/fuzz_header_block's speed).
        QByteArray line;
        while (!line.endsWith('\n')) {
            const QByteArray piece = in->readLine(4096);
            if (piece.isEmpty())
                break;
            line += piece;
            if (block.size() + line.size() > kMaxHeaderBytes)
                return malformed("the header is larger than 1 MiB");
        }
        if (line.isEmpty())
            break; // end of input: a message that is only a header
        if (dotEndsInput && chopEol(line) == ".") {
            endedByDot = true;
            break;
        }
        const QByteArray bare = chopEol(line);
        // An mbox separator ("From " and no colon after a field name) in
        // front of the header is not part of the message, as for sendmail.
        if (firstLine && bare.startsWith("From ")) {
            firstLine = false;
            continue;
        }
        firstLine = false;
        anyInput = true;
        if (bare.isEmpty()) {
            reachedEnd = true; // the end of the header (or, first, a message without one)
            break;
        }
        // A line that is neither a field nor a continuation ends the header
        // and starts the body, as Postfix and sendmail read it; as the very
        // first line, there is no header at all.
        const bool continuation = (bare.startsWith(' ') || bare.startsWith('\t')) && !block.isEmpty();
        if (!continuation && !isFieldLine(bare)) {
            bodyStart = line;
            reachedEnd = true;
            break;
        }
        block += line;
        if (block.size() > kMaxHeaderBytes)
            return malformed("the header is larger than 1 MiB");
    }
    if (!anyInput)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Mime", "The message is empty."));
    HeaderBlock h;
    if (!block.isEmpty()) {
        auto parsed = parse(block);
        if (!parsed)
            return parsed;
        h = std::move(parsed.value());
    }
    h.m_reachedEnd = reachedEnd;
    h.m_endedByDot = endedByDot;
    h.m_bodyStart = bodyStart;
    return h;
}

QByteArray HeaderBlock::value(const QByteArray &name) const
{
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return f.value;
    }
    return {};
}

QList<QByteArray> HeaderBlock::values(const QByteArray &name) const
{
    QList<QByteArray> all;
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            all << f.value;
    }
    return all;
}

bool HeaderBlock::has(const QByteArray &name) const
{
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void HeaderBlock::remove(const QByteArray &name)
{
    for (qsizetype i = m_fields.size() - 1; i >= 0; --i) {
        if (m_fields.at(i).name.compare(name, Qt::CaseInsensitive) == 0) {
            m_fields.removeAt(i);
            m_rawLines.removeAt(i);
        }
    }
}

void HeaderBlock::prepend(const QByteArray &name, const QByteArray &value)
{
    m_fields.prepend({name, QByteArray(value).replace("\r\n", "")}); // unfolded
    m_rawLines.prepend(name + ": " + value + "\r\n");
}

QByteArray HeaderBlock::toBytes() const
{
    QByteArray out;
    for (const QByteArray &l : m_rawLines)
        out += l;
    return out + "\r\n";
}

} // namespace Core
