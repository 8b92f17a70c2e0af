// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spelltokenizer.h"

namespace Gui::SpellTokenizer {

namespace {

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c.isMark(); }

// Joins the letters on both sides into one word: "don't", "l’homme", "E-Mail".
bool isJoiner(QChar c) { return c == u'\'' || c == u'\u2019' || c == u'-'; }

// A run of non-blank characters that is an address, a link or a path as a
// whole: none of its parts is a word of the language.
bool isSkippedChunk(QStringView chunk)
{
    if (chunk.contains(u'@') || chunk.contains(QLatin1String("://"))
        || chunk.startsWith(QLatin1String("www."), Qt::CaseInsensitive)
        || chunk.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        return true;
    // Characters of code, paths and markup, never of prose ('*' is not one:
    // "*really*" is emphasis in plain text).
    for (QChar c : chunk) {
        switch (c.unicode()) {
        case u'_': case u'/': case u'\\': case u'=': case u'<': case u'>': case u'{': case u'}':
        case u'[': case u']': case u'#': case u'$': case u'%': case u'^': case u'|':
        case u'~': case u'`':
            return true;
        default:
            break;
        }
    }
    return false;
}

// Words a program or a person wrote on purpose: "x86", "mp3", "camelCase",
// "iPhone". Initial capitals ("Haus") and capitals throughout ("NASA") are
// prose and are checked, also in each part of "Baden-Württemberg".
bool isCodeLike(QStringView word)
{
    bool lowerSeen = false;
    for (QChar c : word) {
        if (c.isDigit())
            return true;
        if (isJoiner(c))
            lowerSeen = false;
        if (c.isUpper() && lowerSeen)
            return true;
        if (c.isLower())
            lowerSeen = true;
    }
    return false;
}

} // namespace

bool isQuoted(QStringView line)
{
    for (QChar c : line) {
        if (!c.isSpace())
            return c == u'>';
    }
    return false;
}

QList<Word> words(QStringView line)
{
    QList<Word> out;
    if (isQuoted(line))
        return out;
    const qsizetype n = line.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && line[i].isSpace())
            ++i;
        const qsizetype chunkStart = i;
        while (i < n && !line[i].isSpace())
            ++i;
        const QStringView chunk = line.mid(chunkStart, i - chunkStart);
        if (chunk.isEmpty() || isSkippedChunk(chunk))
            continue;
        qsizetype j = 0;
        while (j < chunk.size()) {
            if (!isWordChar(chunk[j])) {
                ++j;
                continue;
            }
            const qsizetype start = j;
            while (j < chunk.size()
                   && (isWordChar(chunk[j])
                       || (isJoiner(chunk[j]) && j + 1 < chunk.size() && isWordChar(chunk[j + 1]))))
                ++j;
            const QStringView word = chunk.mid(start, j - start);
            // Single letters ("a", "z.B." split up) are left alone.
            if (word.size() > 1 && !isCodeLike(word))
                out.append(Word{chunkStart + start, word.size()});
        }
    }
    return out;
}

} // namespace Gui::SpellTokenizer
