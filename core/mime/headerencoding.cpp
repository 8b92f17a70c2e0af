// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/headerencoding_p.h"

#include <QList>

#include <algorithm>

namespace Core::MimeHeader {

namespace {

constexpr qsizetype kFoldColumn = 78;       // RFC 5322 §2.1.1 SHOULD
constexpr qsizetype kEncodedLineLimit = 76; // RFC 2047 §2
constexpr qsizetype kEncodedWordLimit = 75; // RFC 2047 §2

bool isPlainAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    // Text that looks like an encoded word must itself be encoded (RFC 2047 §5).
    return !text.contains(QStringLiteral("=?"));
}

// Joins tokens with spaces, folding before a token that would pass column
// 78; *fits is false if some line is longer all the same.
QByteArray foldTokens(const QList<QByteArray> &tokens, qsizetype prefixLength, bool *fits)
{
    QByteArray out;
    qsizetype column = prefixLength;
    *fits = true;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QByteArray &token = tokens.at(i);
        if (i == 0) {
            out += token;
            column += token.size();
        } else if (column + 1 + token.size() <= kFoldColumn || token.isEmpty()) {
            out += ' ' + token;
            column += 1 + token.size();
        } else {
            out += "\r\n " + token;
            column = 1 + token.size();
        }
        *fits = *fits && column <= kFoldColumn;
    }
    return out;
}

// Folds plain ASCII at spaces; empty result if some line cannot fit.
QByteArray foldAscii(const QByteArray &text, qsizetype prefixLength)
{
    bool fits = true;
    const QByteArray out = foldTokens(text.split(' '), prefixLength, &fits);
    return fits ? out : QByteArray();
}

// The Q encoding of one character's UTF-8 bytes (RFC 2047 §4.2).
QByteArray qEncode(const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ') {
            out += '_';
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                   || c == '!' || c == '*' || c == '+' || c == '-' || c == '/' || c == ',' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out += '=';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

// Splits text into whole code points, each as UTF-8.
QList<QByteArray> codePoints(const QString &text)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype n = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            n = 2;
        out.append(text.mid(i, n).toUtf8());
        i += n - 1;
    }
    return out;
}

} // namespace

QByteArray encodeUnstructured(const QString &text, qsizetype prefixLength)
{
    if (isPlainAscii(text)) {
        QByteArray folded = foldAscii(text.toLatin1(), prefixLength);
        if (!folded.isEmpty() || text.isEmpty())
            return folded;
    }

    const QByteArray utf8 = text.toUtf8();
    qsizetype nonAscii = 0;
    for (char c : utf8)
        nonAscii += static_cast<unsigned char>(c) >= 0x80 ? 1 : 0;
    const bool base64 = nonAscii * 5 > utf8.size();
    const QByteArray start = base64 ? "=?utf-8?B?" : "=?utf-8?Q?";
    const QByteArray end = "?=";

    const auto encodedLength = [&](const QByteArray &chunk) {
        return base64 ? (chunk.size() + 2) / 3 * 4 : qEncode(chunk).size();
    };

    QByteArray out;
    QByteArray chunk;
    bool firstWord = true;
    qsizetype lineStart = prefixLength; // columns used before the current word
    const QList<QByteArray> points = codePoints(text);
    if (!points.isEmpty()
        && lineStart + start.size() + encodedLength(points.first()) + end.size() > kEncodedLineLimit) {
        // A long field name leaves no room: start the value on a new line.
        out += "\r\n ";
        lineStart = 1;
    }
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!firstWord)
            out += "\r\n ";
        firstWord = false;
        out += start + (base64 ? chunk.toBase64() : qEncode(chunk)) + end;
        chunk.clear();
        lineStart = 1;
    };
    for (const QByteArray &cp : points) {
        const QByteArray candidate = chunk + cp;
        const qsizetype wordLength = start.size() + encodedLength(candidate) + end.size();
        if (!chunk.isEmpty()
            && (wordLength > kEncodedWordLimit || lineStart + wordLength > kEncodedLineLimit))
            flush();
        chunk += cp;
    }
    flush();
    return out;
}

QByteArray encodeMailbox(const QString &name, const QString &address, qsizetype prefixLength)
{
    const QByteArray angle = '<' + address.toUtf8() + '>';
    if (name.isEmpty())
        return address.toUtf8();
    QList<QByteArray> tokens;
    if (isPlainAscii(name)) {
        QString quoted = name;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        // Folding inside a quoted string is allowed (RFC 5322 §3.2.4: FWS).
        tokens = QByteArray('"' + quoted.toLatin1() + '"').split(' ');
    } else {
        const QByteArray start = "=?utf-8?B?";
        const QByteArray end = "?=";
        // The first word shares its line with "Name: " (RFC 2047 §2: 76).
        qsizetype budget = std::min(kEncodedWordLimit, kEncodedLineLimit - prefixLength);
        QByteArray chunk;
        for (const QByteArray &cp : codePoints(name)) {
            const QByteArray candidate = chunk + cp;
            if (!chunk.isEmpty() && start.size() + (candidate.size() + 2) / 3 * 4 + end.size() > budget) {
                tokens << start + chunk.toBase64() + end;
                chunk.clear();
                budget = kEncodedWordLimit;
            }
            chunk += cp;
        }
        tokens << start + chunk.toBase64() + end;
    }
    tokens << angle;
    bool fits = true; // (a single word longer than a line cannot be folded)
    return foldTokens(tokens, prefixLength, &fits);
}

} // namespace Core::MimeHeader
