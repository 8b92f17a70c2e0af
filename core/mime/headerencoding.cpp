// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/headerencoding_p.h"

#include <QStringList>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace Core::MimeHeader {

namespace {

constexpr qsizetype kFoldColumn = 78;       // RFC 5322 §2.1.1 SHOULD
constexpr qsizetype kEncodedLineLimit = 76; // RFC 2047 §2
constexpr qsizetype kEncodedWordLimit = 75; // RFC 2047 §2
constexpr char kHex[] = "0123456789ABCDEF";

// Writes atoms and folds at the spaces between them: at 78 columns, or at 76
// on a line that holds an encoded word (RFC 2047 §2).
class FoldingWriter
{
public:
    enum class Atom { Plain, EncodedWord };

    explicit FoldingWriter(qsizetype prefixLength)
        : m_column(prefixLength)
    {
    }

    /// Appends atom after a space (a place to fold) when spaceBefore, else
    /// right after what is there.
    void put(const QByteArray &atom, bool spaceBefore, Atom kind = Atom::Plain)
    {
        // Whether the line the atom ends will hold an encoded word decides
        // its limit; a new line holds only what follows.
        const bool encoded = kind == Atom::EncodedWord;
        const auto limitFor = [&](bool lineEncoded) { return lineEncoded || encoded ? kEncodedLineLimit : kFoldColumn; };
        const qsizetype limit = limitFor(m_lineEncoded);
        if (spaceBefore) {
            if (m_column + 1 + atom.size() > limit && m_column > 1) {
                newLine();
            } else {
                m_out += ' ';
                ++m_column;
            }
        } else if (m_out.isEmpty() && m_column + atom.size() > limit && m_column > 1) {
            // A long field name leaves no room: start the value on a new line.
            newLine();
        }
        m_out += atom;
        m_column += atom.size();
        m_lineEncoded = m_lineEncoded || encoded;
    }

    /// Columns left on the current line for an encoded word after a space.
    [[nodiscard]] qsizetype roomForEncodedWord() const { return kEncodedLineLimit - m_column - 1; }
    [[nodiscard]] QByteArray result() const { return m_out; }

private:
    void newLine()
    {
        m_out += "\r\n ";
        m_column = 1;
        m_lineEncoded = false;
    }

    QByteArray m_out;
    qsizetype m_column;
    bool m_lineEncoded = false; ///< the current line holds an encoded word
};

bool isAtext(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(u));
}

bool isPrintableAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() <= 0x7e; });
}

// Readers would decode it if written as is (RFC 2047 §5 says they must not,
// but several do inside quotes and parameters all the same).
bool looksEncoded(QStringView text)
{
    return text.contains(u"=?");
}

// "=XX" (Q encoding) or "%XX" (RFC 2231).
void appendEscaped(QByteArray &out, char marker, unsigned char c)
{
    out += marker;
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
}

// The Q encoding of UTF-8 octets with the character set RFC 2047 §5(3)
// allows in a phrase, which is also valid in unstructured text.
QByteArray qEncode(const QByteArray &utf8)
{
    QByteArray out;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ') {
            out += '_';
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!'
                   || c == '*' || c == '+' || c == '-' || c == '/') {
            out += static_cast<char>(c);
        } else {
            appendEscaped(out, '=', c);
        }
    }
    return out;
}

// One UTF-8 encoded word: Q, which people can still read in the raw
// message, unless B is clearly shorter (text that is mostly not Latin).
QByteArray encodedWord(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const QByteArray q = qEncode(utf8);
    const QByteArray b = utf8.toBase64();
    return q.size() <= b.size() + b.size() / 4 ? "=?utf-8?Q?" + q + "?=" : "=?utf-8?B?" + b + "?=";
}

// Grapheme clusters: an emoji with ZWJ or a letter with combining marks
// stays in one encoded word.
QStringList graphemes(const QString &text)
{
    QStringList out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    while (finder.toNextBoundary() > 0) {
        out << text.mid(start, finder.position() - start);
        start = finder.position();
    }
    return out;
}

// Writes a run of words as encoded words: each holds whole words (the space
// after a word goes with it), filled up to the room on the line; only a
// word too long for one encoded word is cut, between graphemes.
void putEncodedRun(FoldingWriter &w, const QStringList &words, bool spaceBefore)
{
    QStringList units;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString piece = words.at(i) + (i + 1 < words.size() ? QStringLiteral(" ") : QString());
        if (piece.isEmpty())
            continue;
        if (encodedWord(piece).size() <= kEncodedWordLimit)
            units << piece;
        else
            units += graphemes(piece);
    }
    const auto roomFor = [&](bool space) {
        const qsizetype room = space ? w.roomForEncodedWord() : w.roomForEncodedWord() + 1;
        return std::min(kEncodedWordLimit, room);
    };
    QString chunk;
    qsizetype room = 0;
    for (const QString &unit : units) {
        if (chunk.isEmpty()) {
            chunk = unit;
            // On this line if the first unit fits there, else on the next.
            room = encodedWord(chunk).size() <= roomFor(spaceBefore) ? roomFor(spaceBefore) : kEncodedWordLimit;
            continue;
        }
        if (encodedWord(chunk + unit).size() <= room) {
            chunk += unit;
            continue;
        }
        w.put(encodedWord(chunk), spaceBefore, FoldingWriter::Atom::EncodedWord);
        spaceBefore = true;
        chunk = unit;
        room = encodedWord(chunk).size() <= roomFor(true) ? roomFor(true) : kEncodedWordLimit;
    }
    if (!chunk.isEmpty())
        w.put(encodedWord(chunk), spaceBefore, FoldingWriter::Atom::EncodedWord);
}

// Writes words separated by single spaces; needsEncoding says which must be
// encoded words. Neighbouring encoded words are written as one run, empty
// words (from doubled spaces) between them included: the white space
// between two encoded words would be lost.
void putWords(FoldingWriter &w, const QStringList &words, QList<bool> encode, bool spaceBefore)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (!words.at(i).isEmpty() || encode.at(i))
            continue;
        qsizetype before = i - 1;
        while (before >= 0 && words.at(before).isEmpty())
            --before;
        qsizetype after = i + 1;
        while (after < words.size() && words.at(after).isEmpty())
            ++after;
        // Between two encoded words, or between one and the end of the text.
        const bool encodedBefore = before < 0 || encode.at(before);
        const bool encodedAfter = after >= words.size() || encode.at(after);
        if (encodedBefore && encodedAfter && (before >= 0 || after < words.size()))
            encode[i] = true;
    }
    bool space = spaceBefore;
    for (qsizetype i = 0; i < words.size();) {
        qsizetype end = i + 1;
        while (end < words.size() && encode.at(end) == encode.at(i))
            ++end;
        if (encode.at(i)) {
            putEncodedRun(w, words.mid(i, end - i), space);
        } else {
            for (qsizetype k = i; k < end; ++k)
                w.put(words.at(k).toUtf8(), space || k > i);
        }
        space = true;
        i = end;
    }
}

bool needsEncodingInText(const QString &word)
{
    return !isPrintableAscii(word) || looksEncoded(word) || word.size() > kFoldColumn - 1;
}

void putDisplayName(FoldingWriter &w, const QString &name, bool spaceBefore)
{
    const QStringList words = name.split(u' ');
    const bool regularSpacing = !words.contains(QString());
    if (isPrintableAscii(name) && !looksEncoded(name)) {
        const bool atoms = regularSpacing && std::all_of(words.begin(), words.end(), [](const QString &word) {
            return std::all_of(word.begin(), word.end(), [](QChar c) { return isAtext(c.unicode()); });
        });
        if (atoms) {
            putWords(w, words, QList<bool>(words.size(), false), spaceBefore);
            return;
        }
        // A quoted string may fold at its spaces (RFC 5322 §3.2.4).
        QString quoted = name;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        const QStringList pieces = QString(u'"' + quoted + u'"').split(u' ');
        for (qsizetype i = 0; i < pieces.size(); ++i)
            w.put(pieces.at(i).toUtf8(), spaceBefore || i > 0);
        return;
    }
    // A phrase: atoms stay, the other words become encoded words. With odd
    // spacing the whole name is encoded, which keeps every space.
    QList<bool> encode;
    for (const QString &word : words) {
        const bool atom = !word.isEmpty() && !looksEncoded(word)
            && std::all_of(word.begin(), word.end(), [](QChar c) { return isAtext(c.unicode()); });
        encode << (!regularSpacing || !atom);
    }
    putWords(w, words, encode, spaceBefore);
}

// RFC 2231 attribute-char: a token character other than "*", "'" and "%".
bool isAttributeChar(unsigned char c)
{
    return c > 0x20 && c < 0x7f && !QByteArrayView("()<>@,;:\\\"/[]?=*'%").contains(static_cast<char>(c));
}

bool isToken(const QString &value)
{
    return !value.isEmpty() && std::all_of(value.begin(), value.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u > 0x20 && u < 0x7f && !QStringView(u"()<>@,;:\\\"/[]?=").contains(c);
    });
}

QByteArray percentEncode(const QString &text)
{
    QByteArray out;
    for (char ch : text.toUtf8()) {
        const auto c = static_cast<unsigned char>(ch);
        if (isAttributeChar(c)) {
            out += static_cast<char>(c);
        } else {
            appendEscaped(out, '%', c);
        }
    }
    return out;
}

// The parameter as one or more "attribute=value" segments.
QList<QByteArray> parameterSegments(const QByteArray &name, const QString &value)
{
    // Room for the segment after the folding space and before the ";".
    constexpr qsizetype kRoom = kFoldColumn - 2;
    // A quoted string only without '"' and '\': mblaze, reformime and
    // ripmime do not undo the escaping in parameters (docs/design/MIME.md),
    // while all of them read the RFC 2231 form.
    if (isPrintableAscii(value) && !looksEncoded(value)) {
        if (isToken(value) && name.size() + 1 + value.size() <= kRoom)
            return {name + '=' + value.toLatin1()};
        if (!value.contains(u'"') && !value.contains(u'\\') && name.size() + 3 + value.size() <= kRoom)
            return {name + "=\"" + value.toLatin1() + '"'};
    }
    const QByteArray single = name + "*=utf-8''" + percentEncode(value);
    if (single.size() <= kRoom)
        return {single};
    // Continuations, cut between characters so that each piece decodes on
    // its own (several readers decode them one by one).
    QList<QByteArray> segments;
    QByteArray current;
    const auto head = [&] {
        QByteArray h = name + '*' + QByteArray::number(segments.size()) + "*=";
        if (segments.isEmpty())
            h += "utf-8''";
        return h;
    };
    for (const QString &g : graphemes(value)) {
        const QByteArray encoded = percentEncode(g);
        if (!current.isEmpty() && head().size() + current.size() + encoded.size() > kRoom) {
            segments << head() + current;
            current.clear();
        }
        current += encoded;
    }
    segments << head() + current;
    return segments;
}

} // namespace

QByteArray encodeUnstructured(const QString &text, qsizetype prefixLength)
{
    FoldingWriter w(prefixLength);
    const QStringList words = text.split(u' ');
    QList<bool> encode;
    for (const QString &word : words)
        encode << needsEncodingInText(word);
    putWords(w, words, encode, false);
    return w.result();
}

QByteArray encodeAddressList(const QList<Mailbox> &mailboxes, qsizetype prefixLength)
{
    if (mailboxes.isEmpty())
        return "undisclosed-recipients:;";
    FoldingWriter w(prefixLength);
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        const Mailbox &m = mailboxes.at(i);
        // The separating comma stays with the address, within the line.
        const QByteArray comma = i + 1 < mailboxes.size() ? "," : "";
        // Spaces around a name are not part of it, and no form keeps them
        // for every reader: Python's policy.default collapses them in an
        // encoded word, and SpamAssassin takes a quoted From name that
        // starts with a space for a spammer's (its FROMSPACE rule).
        const QString name = m.name.trimmed();
        if (name.isEmpty()) {
            w.put(m.address.toUtf8() + comma, i > 0);
            continue;
        }
        putDisplayName(w, name, i > 0);
        w.put('<' + m.address.toUtf8() + '>' + comma, true);
    }
    return w.result();
}

QByteArray encodeParameterized(const QByteArray &value, const QList<std::pair<QByteArray, QString>> &parameters,
                               qsizetype prefixLength)
{
    FoldingWriter w(prefixLength);
    w.put(value, false);
    for (const auto &[name, text] : parameters) {
        for (const QByteArray &segment : parameterSegments(name, text)) {
            w.put(";", false);
            w.put(segment, true);
        }
    }
    return w.result();
}

} // namespace Core::MimeHeader
