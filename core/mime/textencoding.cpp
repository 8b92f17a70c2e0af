// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/textencoding_p.h"

#include <QStringList>

#include <algorithm>

namespace Core::MimeText {

namespace {

constexpr qsizetype kMaxLineOctets = 998; // RFC 5322 §2.1.1, without CRLF
constexpr qsizetype kQpLineLength = 76;   // RFC 2045 §6.7 (5)

constexpr char kHex[] = "0123456789ABCDEF";

void appendEscaped(QByteArray &out, unsigned char c)
{
    out.append('=');
    out.append(kHex[c >> 4]);
    out.append(kHex[c & 0xF]);
}

// Encodes one line (without its CRLF) and appends it to out.
void encodeQpLine(const QByteArray &line, QByteArray &out)
{
    qsizetype column = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line.at(i));
        const bool last = i == line.size() - 1;
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
        if (column == 0 && literal) {
            // A physical line starting with "." can be eaten by a broken
            // relay; one starting with "From " is mangled by mbox stores.
            if (c == '.' || (c == 'F' && line.mid(i, 5) == "From "))
                literal = false;
        }
        const qsizetype width = literal ? 1 : 3;
        // Room for a soft break "=" unless this is the line's last token.
        const qsizetype limit = last ? kQpLineLength : kQpLineLength - 1;
        if (column + width > limit) {
            out.append("=\r\n");
            column = 0;
            --i; // re-evaluate this octet at the start of the new line
            continue;
        }
        if (literal)
            out.append(static_cast<char>(c));
        else
            appendEscaped(out, c);
        column += width;
    }
    out.append("\r\n");
}

} // namespace

QByteArray toCrlfLines(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 32 + 2);
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c == '\r') {
            if (i + 1 < utf8.size() && utf8.at(i + 1) == '\n')
                ++i;
            out.append("\r\n");
        } else if (c == '\n') {
            out.append("\r\n");
        } else {
            out.append(c);
        }
    }
    if (!out.endsWith("\r\n"))
        out.append("\r\n");
    return out;
}

TransferEncoding chooseEncoding(const QByteArray &crlfText, bool allow8Bit)
{
    qsizetype nonAscii = 0;
    qsizetype longestLine = 0;
    qsizetype lineStart = 0;
    bool controls = false;
    bool fromLine = false;
    for (qsizetype i = 0; i < crlfText.size(); ++i) {
        const auto c = static_cast<unsigned char>(crlfText.at(i));
        if (c == '\r' && i + 1 < crlfText.size() && crlfText.at(i + 1) == '\n') {
            longestLine = std::max(longestLine, i - lineStart);
            lineStart = i + 2;
            ++i;
            continue;
        }
        if (c >= 0x80)
            ++nonAscii;
        else if (c == 0 || c == '\r' || c == '\n')
            controls = true;
        if (i == lineStart && crlfText.mid(i, 5) == "From ")
            fromLine = true;
    }
    longestLine = std::max(longestLine, crlfText.size() - lineStart);

    const bool linesFit = longestLine <= kMaxLineOctets && !controls;
    if (nonAscii == 0)
        return linesFit && !fromLine ? TransferEncoding::SevenBit : TransferEncoding::QuotedPrintable;
    if (allow8Bit && linesFit && !fromLine)
        return TransferEncoding::EightBit;
    // Mostly Latin text stays readable in quoted-printable; text that is
    // mostly non-ASCII (CJK, Cyrillic, ...) is a third smaller in base64.
    return nonAscii * 5 <= crlfText.size() ? TransferEncoding::QuotedPrintable
                                          : TransferEncoding::Base64;
}

QByteArray encodeQuotedPrintable(const QByteArray &crlfText)
{
    QByteArray out;
    out.reserve(crlfText.size() + crlfText.size() / 4);
    qsizetype start = 0;
    while (start < crlfText.size()) {
        qsizetype end = crlfText.indexOf("\r\n", start);
        if (end < 0)
            end = crlfText.size();
        encodeQpLine(crlfText.mid(start, end - start), out);
        start = end + 2;
    }
    return out;
}

QByteArray encodeBase64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + (b64.size() / 76 + 1) * 2);
    for (qsizetype i = 0; i < b64.size(); i += 76) {
        out.append(b64.mid(i, 76));
        out.append("\r\n");
    }
    return out;
}

const char *encodingName(TransferEncoding encoding)
{
    switch (encoding) {
    case TransferEncoding::SevenBit:
        return "7bit";
    case TransferEncoding::EightBit:
        return "8bit";
    case TransferEncoding::QuotedPrintable:
        return "quoted-printable";
    case TransferEncoding::Base64:
        return "base64";
    }
    return "7bit";
}

} // namespace Core::MimeText

namespace Core::MimeText {

namespace {

// The quote depth of a typed line ("> > text" and ">> text" are both 2) and
// where its text starts (after the marks and one space).
qsizetype quoteDepth(const QString &line, qsizetype *textStart)
{
    qsizetype depth = 0;
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == u'>') {
        ++depth;
        ++i;
        if (i < line.size() && line.at(i) == u' ' && i + 1 < line.size() && line.at(i + 1) == u'>')
            ++i; // "> >": the space belongs between the marks
    }
    if (depth > 0 && i < line.size() && line.at(i) == u' ')
        ++i;
    *textStart = i;
    return depth;
}

bool needsStuffing(const QString &piece)
{
    return piece.startsWith(u' ') || piece.startsWith(u'>') || piece.startsWith(QLatin1String("From "));
}

// Pieces of `text` at most `room` characters long where a space allows it;
// every piece but the last ends with the space it was broken after.
QStringList softBreak(const QString &text, qsizetype room)
{
    QStringList pieces;
    qsizetype start = 0;
    while (text.size() - start > room) {
        // The last space that keeps the piece within room, else the first
        // one after it (a word longer than a line stays whole).
        qsizetype cut = text.lastIndexOf(u' ', start + room - 1);
        if (cut < start)
            cut = text.indexOf(u' ', start + room);
        if (cut < 0)
            break;
        // Spaces after the cut would start the next piece: keep a run of
        // spaces on this line, so that the next line starts with a word.
        while (cut + 1 < text.size() && text.at(cut + 1) == u' ')
            ++cut;
        // A piece that is exactly "-- " reads as the signature separator
        // (RFC 3676 §4.3), which readers never join to the next line: the
        // next space is taken instead ("-- https://..." stays one piece).
        if (QStringView(text).sliced(start, cut + 1 - start) == u"-- ") {
            cut = text.indexOf(u' ', cut + 1);
            if (cut < 0)
                break;
            while (cut + 1 < text.size() && text.at(cut + 1) == u' ')
                ++cut;
        }
        if (cut + 1 >= text.size())
            break;
        pieces << text.mid(start, cut + 1 - start);
        start = cut + 1;
    }
    pieces << text.mid(start);
    return pieces;
}

} // namespace

bool wantsFlowed(const QString &text)
{
    const auto lines = QStringView(text).split(u'\n');
    return std::any_of(lines.begin(), lines.end(), [](QStringView line) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        return line.size() > 78;
    });
}

QString encodeFlowed(const QString &text, qsizetype width)
{
    QStringList out;
    QString normal = text;
    normal.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const QString &line : normal.split(u'\n')) {
        if (line == QLatin1String("-- ")) {
            out << line; // the signature separator (RFC 3676 §4.3)
            continue;
        }
        qsizetype textStart = 0;
        const qsizetype depth = quoteDepth(line, &textStart);
        QString body = line.mid(textStart);
        while (body.endsWith(u' '))
            body.chop(1); // a hard line never ends in a space
        const QString marks(depth, u'>');
        if (body.isEmpty()) {
            out << marks;
            continue;
        }
        // Room for the marks and a stuffing space.
        const qsizetype room = std::max<qsizetype>(width - depth - 1, 20);
        for (const QString &piece : softBreak(body, room)) {
            if (depth > 0)
                out << marks + u' ' + piece; // the space after quote marks is stuffing
            else
                out << (needsStuffing(piece) ? u' ' + piece : piece);
        }
    }
    return out.join(u'\n');
}

} // namespace Core::MimeText
