// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/charsets_p.h"

#include <QStringDecoder>

#include <array>

namespace Core::Charsets {

namespace {

// Windows-1252 differs from Latin-1 in 0x80..0x9F only; the five unused
// bytes keep their Latin-1 meaning, as browsers do.
constexpr std::array<char16_t, 32> kWindows1252High
    = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
       0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
       0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString windows1252(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        out += QChar(b >= 0x80 && b <= 0x9F ? kWindows1252High.at(b - 0x80) : char16_t(b));
    }
    return out;
}

QString latin9(const QByteArray &bytes)
{
    // ISO-8859-15: Latin-1 with eight letters and the euro sign swapped in.
    QString out = QString::fromLatin1(bytes);
    for (QChar &c : out) {
        switch (c.unicode()) {
        case 0xA4:
            c = QChar(0x20AC);
            break;
        case 0xA6:
            c = QChar(0x0160);
            break;
        case 0xA8:
            c = QChar(0x0161);
            break;
        case 0xB4:
            c = QChar(0x017D);
            break;
        case 0xB8:
            c = QChar(0x017E);
            break;
        case 0xBC:
            c = QChar(0x0152);
            break;
        case 0xBD:
            c = QChar(0x0153);
            break;
        case 0xBE:
            c = QChar(0x0178);
            break;
        default:
            break;
        }
    }
    return out;
}

std::optional<QString> withDecoder(QStringDecoder decoder, const QByteArray &bytes)
{
    if (!decoder.isValid())
        return std::nullopt;
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    return withDecoder(QStringDecoder(QStringDecoder::Utf8), bytes).has_value();
}

std::optional<QString> decode(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray name = charset.trimmed().toLower();
    if (name == "windows-1252" || name == "cp1252" || name == "x-cp1252")
        return windows1252(bytes);
    if (name == "iso-8859-15" || name == "latin-9" || name == "latin9")
        return latin9(bytes);
    if (name == "us-ascii" || name == "ascii")
        return QString::fromLatin1(bytes); // lenient: old exports label Latin-1 text as ASCII
    return withDecoder(QStringDecoder(name.constData(), QStringDecoder::Flag::Stateless), bytes);
}

QString decodeUndeclared(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes.mid(3));
    if (bytes.startsWith("\xFF\xFE"))
        return withDecoder(QStringDecoder(QStringDecoder::Utf16LE), bytes.mid(2))
            .value_or(QString());
    if (bytes.startsWith("\xFE\xFF"))
        return withDecoder(QStringDecoder(QStringDecoder::Utf16BE), bytes.mid(2))
            .value_or(QString());
    if (auto utf8 = withDecoder(QStringDecoder(QStringDecoder::Utf8), bytes))
        return *utf8;
    return windows1252(bytes);
}

} // namespace Core::Charsets
