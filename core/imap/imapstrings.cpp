// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/imap/imapstrings.h"

#include "core/mime/headerreader.h"

#include <QTimeZone>

namespace Core {

namespace ImapStrings {

namespace {

// RFC 3501 §5.1.3: base64 with ',' for '/', no padding, between '&' and '-'.
constexpr QByteArray::Base64Options kMailboxBase64
    = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;

QByteArray utf7Chunk(const QString &run)
{
    QByteArray utf16;
    utf16.reserve(run.size() * 2);
    for (const QChar c : run) {
        utf16 += static_cast<char>(c.unicode() >> 8);
        utf16 += static_cast<char>(c.unicode() & 0xff);
    }
    return '&' + utf16.toBase64(kMailboxBase64).replace('/', ',') + '-';
}

} // namespace

bool isSafe(const QByteArray &octets)
{
    return !octets.contains('\r') && !octets.contains('\n') && !octets.contains('\0');
}

std::optional<QByteArray> encodeMailbox(const QString &name)
{
    QByteArray out;
    QString run; // characters waiting for a base64 chunk
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u == '\r' || u == '\n' || u == 0)
            return std::nullopt;
        if (u >= 0x20 && u <= 0x7e) {
            if (!run.isEmpty()) {
                out += utf7Chunk(run);
                run.clear();
            }
            out += u == '&' ? QByteArray("&-") : QByteArray(1, static_cast<char>(u));
        } else {
            run += c;
        }
    }
    if (!run.isEmpty())
        out += utf7Chunk(run);
    return out;
}

std::optional<QString> decodeMailbox(const QByteArray &wire)
{
    QString out;
    qsizetype i = 0;
    while (i < wire.size()) {
        const char c = wire.at(i);
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return std::nullopt;
        if (c != '&') {
            out += QLatin1Char(c);
            ++i;
            continue;
        }
        const qsizetype end = wire.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) {
            out += QLatin1Char('&');
        } else {
            QByteArray b64 = wire.mid(i + 1, end - i - 1).replace(',', '/');
            auto decoded
                = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.size() % 2 != 0)
                return std::nullopt;
            for (qsizetype k = 0; k < decoded.decoded.size(); k += 2) {
                const auto hi = static_cast<unsigned char>(decoded.decoded.at(k));
                const auto lo = static_cast<unsigned char>(decoded.decoded.at(k + 1));
                out += QChar(static_cast<char16_t>(hi << 8 | lo));
            }
        }
        i = end + 1;
    }
    return out;
}

std::optional<QByteArray> quoted(const QByteArray &octets)
{
    if (!isSafe(octets))
        return std::nullopt;
    QByteArray out = "\"";
    for (const char c : octets) {
        if (static_cast<unsigned char>(c) > 0x7e || static_cast<unsigned char>(c) < 0x20)
            return std::nullopt;
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

QByteArray dateTime(const QDateTime &time)
{
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int offset = time.offsetFromUtc();
    const QDateTime local = time.toOffsetFromUtc(offset);
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("%1-%2-%3 %4 %5%6%7")
        .arg(local.date().day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(months[local.date().month() - 1]))
        .arg(local.date().year(), 4, 10, QLatin1Char('0'))
        .arg(local.time().toString(QStringLiteral("HH:mm:ss")))
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

namespace {

std::optional<HeaderBlock> headerOf(const QByteArray &message)
{
    qsizetype end = message.indexOf("\r\n\r\n");
    end = end < 0 ? message.indexOf("\n\n") : end;
    auto block = HeaderBlock::parse(end < 0 ? message : message.left(end + 2));
    if (!block)
        return std::nullopt;
    return std::move(block).value();
}

} // namespace

QDateTime messageDate(const QByteArray &message)
{
    const auto header = headerOf(message);
    if (!header)
        return {};
    QString date = QString::fromLatin1(header->value("Date")).simplified();
    // Qt's RFC 2822 parser takes no trailing comment such as "(CET)".
    if (const qsizetype comment = date.indexOf(QLatin1Char('(')); comment > 0)
        date = date.left(comment).trimmed();
    return QDateTime::fromString(date, Qt::RFC2822Date);
}

QByteArray messageId(const QByteArray &message)
{
    const auto header = headerOf(message);
    return header ? header->value("Message-ID").trimmed() : QByteArray();
}

} // namespace ImapStrings

ImapCommand &ImapCommand::text(const QByteArray &bytes)
{
    if (!pieces.isEmpty() && !pieces.last().literal)
        pieces.last().bytes += bytes;
    else
        pieces.append({bytes, false});
    return *this;
}

ImapCommand &ImapCommand::literal(const QByteArray &bytes)
{
    pieces.append({bytes, true});
    return *this;
}

ImapCommand &ImapCommand::astring(const QByteArray &bytes)
{
    if (auto q = ImapStrings::quoted(bytes))
        return text(*q);
    return literal(bytes);
}

} // namespace Core
