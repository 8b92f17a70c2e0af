// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/saslprep.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace Core {

namespace {

struct Range
{
    char32_t first;
    char32_t last;
};

template<size_t N>
bool inTable(const Range (&table)[N], char32_t c)
{
    // Tables are sorted: the first range ending at or after c decides.
    const auto it = std::lower_bound(std::begin(table), std::end(table), c,
                                     [](const Range &r, char32_t v) { return r.last < v; });
    return it != std::end(table) && it->first <= c;
}

// RFC 3454 B.1: commonly mapped to nothing.
constexpr Range kMappedToNothing[] = {
    {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x1806, 0x1806}, {0x180B, 0x180D},
    {0x200B, 0x200D}, {0x2060, 0x2060}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF},
};

// RFC 3454 C.1.2: non-ASCII space characters (mapped to U+0020, RFC 4013 §2.1).
constexpr Range kNonAsciiSpace[] = {
    {0x00A0, 0x00A0}, {0x1680, 0x1680}, {0x2000, 0x200B},
    {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
};

// RFC 4013 §2.3: C.1.2 (above), C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7,
// C.8 and C.9 of RFC 3454, merged and sorted.
constexpr Range kProhibited[] = {
    {0x0000, 0x001F}, {0x007F, 0x009F},  // C.2.1, C.2.2
    {0x0340, 0x0341},                    // C.8
    {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x180E, 0x180E}, {0x200C, 0x200F}, // C.2.2, C.8
    {0x2028, 0x202E},                    // C.2.2, C.8
    {0x2060, 0x2063}, {0x206A, 0x206F},  // C.2.2, C.8
    {0x2FF0, 0x2FFB},                    // C.7
    {0xD800, 0xDFFF},                    // C.5
    {0xE000, 0xF8FF},                    // C.3
    {0xFDD0, 0xFDEF},                    // C.4
    {0xFEFF, 0xFEFF},                    // C.2.2
    {0xFFF9, 0xFFFF},                    // C.2.2, C.6, C.4
    {0x1D173, 0x1D17A},                  // C.2.2
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, // C.9
    {0xF0000, 0x10FFFF},                 // C.3 (and the non-characters of C.4 there)
};

bool isNonCharacter(char32_t c)
{
    // C.4: U+nFFFE and U+nFFFF in every plane.
    return (c & 0xFFFE) == 0xFFFE;
}

bool isRandAl(char32_t c)
{
    const QChar::Direction d = QChar::direction(c);
    return d == QChar::DirR || d == QChar::DirAL;
}

Error prepError()
{
    return Error(Error::Code::AuthenticationFailed,
                 QCoreApplication::translate("Smtp", "The password contains characters that cannot be used for "
                                                     "signing in (SASLprep, RFC 4013)."));
}

} // namespace

Result<QString> saslPrep(const QString &input)
{
    // 1. Map (RFC 4013 §2.1).
    QList<uint> mapped;
    for (const uint c : input.toUcs4()) {
        if (inTable(kMappedToNothing, c))
            continue;
        mapped.append(inTable(kNonAsciiSpace, c) ? uint(u' ') : c);
    }
    // 2. Normalise: NFKC as of Unicode 3.2, stringprep's version (§2.2).
    const QString normalized = QString::fromUcs4(reinterpret_cast<const char32_t *>(mapped.constData()),
                                                 mapped.size())
                                   .normalized(QString::NormalizationForm_KC, QChar::Unicode_3_2);
    // 3. Prohibit (§2.3), 4. bidi (§2.4, RFC 3454 §6).
    const QList<uint> out = normalized.toUcs4();
    bool anyRandAl = false;
    bool anyL = false;
    for (const uint c : out) {
        if (inTable(kNonAsciiSpace, c) || inTable(kProhibited, c) || isNonCharacter(c))
            return prepError();
        anyRandAl = anyRandAl || isRandAl(c);
        anyL = anyL || QChar::direction(c) == QChar::DirL;
    }
    if (anyRandAl && (anyL || !isRandAl(out.first()) || !isRandAl(out.last())))
        return prepError();
    // RFC 5802 §5.1: a password that prepares to nothing aborts the exchange.
    if (out.isEmpty() && !input.isEmpty())
        return prepError();
    return normalized;
}

} // namespace Core
