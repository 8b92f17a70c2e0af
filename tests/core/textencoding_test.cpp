// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/textencoding_p.h"

#include "tests/support/testutil.h"

using namespace Core::MimeText;

namespace {

// An independent quoted-printable decoder (RFC 2045 §6.7), for round trips.
QByteArray decodeQp(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '=' && in.mid(i + 1, 2) == "\r\n") {
            i += 2;
        } else if (in.at(i) == '=') {
            out.append(static_cast<char>(in.mid(i + 1, 2).toInt(nullptr, 16)));
            i += 2;
        } else {
            out.append(in.at(i));
        }
    }
    return out;
}

QList<QByteArray> physicalLines(const QByteArray &encoded)
{
    EXPECT_TRUE(encoded.endsWith("\r\n"));
    QList<QByteArray> lines = encoded.split('\n');
    lines.removeLast();
    for (QByteArray &l : lines) {
        EXPECT_TRUE(l.endsWith('\r'));
        l.chop(1);
    }
    return lines;
}

} // namespace

TEST(TextEncoding, CrlfNormalisation)
{
    EXPECT_EQ(toCrlfLines("a\nb\r\nc\rd"), QByteArray("a\r\nb\r\nc\r\nd\r\n"));
    EXPECT_EQ(toCrlfLines(""), QByteArray("\r\n"));
    EXPECT_EQ(toCrlfLines("x\r\n"), QByteArray("x\r\n"));
}

TEST(TextEncoding, ChoosesSensibly)
{
    EXPECT_EQ(chooseEncoding("Hello\r\n", false), TransferEncoding::SevenBit);
    EXPECT_EQ(chooseEncoding(QByteArray("Gr\xc3\xbc\xc3\x9f" "e aus Berlin\r\n"), false),
              TransferEncoding::QuotedPrintable);
    EXPECT_EQ(chooseEncoding(QByteArray("Gr\xc3\xbc\xc3\x9f" "e\r\n"), true), TransferEncoding::EightBit);
    EXPECT_EQ(chooseEncoding(QStringLiteral("日本語のテキストです。\r\n").toUtf8(), false),
              TransferEncoding::Base64);
    EXPECT_EQ(chooseEncoding("From me\r\n", false), TransferEncoding::QuotedPrintable);
    EXPECT_EQ(chooseEncoding(QByteArray(999, 'a') + "\r\n", false), TransferEncoding::QuotedPrintable);
    EXPECT_EQ(chooseEncoding(QByteArray(999, 'a') + "\r\n", true), TransferEncoding::QuotedPrintable);
    EXPECT_EQ(chooseEncoding(QByteArray(998, 'a') + "\r\n", false), TransferEncoding::SevenBit);
}

TEST(TextEncoding, QuotedPrintableRoundTripsAndKeepsLinesShort)
{
    const QList<QByteArray> samples = {
        "plain\r\n",
        "trailing space \r\ntrailing tab\t\r\n",
        "=equals= and =3D\r\n",
        ".\r\n..dots\r\nFrom the start\r\nFromage\r\n",
        QByteArray(300, 'x') + "\r\n",
        QStringLiteral("Ärger über Öl — ").repeated(20).toUtf8() + "\r\n",
        QByteArray("nul\0byte and bare\x7f", 18) + "\r\n",
        QByteArray(74, 'y') + "=\r\n" + QByteArray(75, 'z') + " \r\n",
    };
    for (const QByteArray &sample : samples) {
        const QByteArray encoded = encodeQuotedPrintable(sample);
        EXPECT_EQ(decodeQp(encoded), sample);
        for (const QByteArray &line : physicalLines(encoded)) {
            EXPECT_LE(line.size(), 76) << line.constData();
            EXPECT_FALSE(line.endsWith(' ') || line.endsWith('\t')) << line.constData();
            EXPECT_FALSE(line.startsWith('.')) << line.constData();
            EXPECT_FALSE(line.startsWith("From ")) << line.constData();
            for (char c : line)
                EXPECT_TRUE(c >= 32 && c <= 126) << line.constData();
        }
    }
}

TEST(TextEncoding, Base64LinesAre76)
{
    const QByteArray data(1000, '\xab');
    const QByteArray encoded = encodeBase64Lines(data);
    const auto lines = physicalLines(encoded);
    for (qsizetype i = 0; i < lines.size(); ++i)
        EXPECT_TRUE(lines[i].size() == 76 || i == lines.size() - 1);
    EXPECT_EQ(QByteArray::fromBase64(encoded), data);
}

#include "core/mime/headerencoding_p.h"

#include <QRegularExpression>

namespace {

QList<QByteArray> headerLines(const QByteArray &value, qsizetype prefix)
{
    QList<QByteArray> lines = value.split('\n');
    for (QByteArray &l : lines) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    lines.first().prepend(QByteArray(prefix, 'x'));
    return lines;
}

TEST(HeaderEncoding, PlainAsciiIsFoldedAtSpaces)
{
    const QString text = QStringLiteral("word ").repeated(40).trimmed();
    const QByteArray v = Core::MimeHeader::encodeUnstructured(text, 9);
    EXPECT_FALSE(v.contains("=?"));
    for (const QByteArray &l : headerLines(v, 9))
        EXPECT_LE(l.size(), 78) << l;
    QByteArray unfolded = v;
    unfolded.replace("\r\n", "");
    EXPECT_EQ(unfolded, text.toLatin1());
}

// Decodes every encoded word of a folded value; the text between encoded
// words is kept, white space between two encoded words is dropped.
QString decodeValue(const QByteArray &value)
{
    QByteArray unfolded = value;
    unfolded.replace("\r\n", "");
    static const QRegularExpression word(QStringLiteral("=\\?utf-8\\?([QB])\\?([^?]*)\\?="));
    QString out;
    qsizetype pos = 0;
    bool lastWasEncoded = false;
    // A reader drops the white space that starts a field's value.
    const QString text = QString::fromUtf8(unfolded).remove(QRegularExpression(QStringLiteral("^ +")));
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString between = text.mid(pos, m.capturedStart() - pos);
        if (!(lastWasEncoded && between.trimmed().isEmpty()))
            out += between;
        QByteArray bytes = m.captured(2).toLatin1();
        if (m.captured(1) == u"B") {
            bytes = QByteArray::fromBase64(bytes);
        } else {
            bytes.replace('_', ' ');
            bytes = QByteArray::fromPercentEncoding(bytes, '=');
        }
        // Each word decodes on its own to valid UTF-8 (RFC 2047 §5).
        EXPECT_EQ(QString::fromUtf8(bytes).toUtf8(), bytes) << m.captured().toStdString();
        out += QString::fromUtf8(bytes);
        pos = m.capturedEnd();
        lastWasEncoded = true;
    }
    return out + text.mid(pos);
}

} // namespace

TEST(HeaderEncoding, EncodesOnlyTheWordsThatNeedIt)
{
    using Core::MimeHeader::encodeUnstructured;
    EXPECT_EQ(encodeUnstructured(QStringLiteral("Re: Termin am Montag für das Projekt"), 9),
              QByteArray("Re: Termin am Montag =?utf-8?Q?f=C3=BCr?= das Projekt"));
    EXPECT_TRUE(encodeUnstructured(QStringLiteral("日本語の件名"), 9).startsWith("=?utf-8?B?"));
    // Looks like an encoded word: must not be taken for one.
    EXPECT_TRUE(encodeUnstructured(QStringLiteral("=?utf-8?Q?x?="), 9).startsWith("=?utf-8?"));
    // A word longer than a line is split into encoded words.
    const QByteArray v = encodeUnstructured(QString(120, u'a'), 9);
    EXPECT_TRUE(v.startsWith("=?utf-8?Q?"));
    for (const QByteArray &l : headerLines(v, 9))
        EXPECT_LE(l.size(), 76) << l;
    EXPECT_EQ(decodeValue(v), QString(120, u'a'));
}

TEST(HeaderEncoding, EncodedWordsFitAndNeverSplitACharacter)
{
    const QString text = QStringLiteral("🎉 Grüße 日本語 مرحبا 👩‍👩‍👧 é ").repeated(8);
    for (qsizetype prefix : {9, 30, 60, 70}) {
        const QByteArray v = Core::MimeHeader::encodeUnstructured(text, prefix);
        for (const QByteArray &line : headerLines(v, prefix)) {
            EXPECT_LE(line.size(), 76) << line;
            static const QRegularExpression word(QStringLiteral("=\\?[^?]+\\?[QB]\\?[^?]*\\?="));
            auto it = word.globalMatch(QString::fromLatin1(line));
            while (it.hasNext())
                EXPECT_LE(it.next().capturedLength(), 75) << line;
        }
        EXPECT_EQ(decodeValue(v), text) << v.constData();
    }
}

namespace {

// RFC 3676 §4 read back, independently of the encoder: quote depth, one
// stuffing space removed, a line ending in a space joins the next one of
// the same depth (DelSp=no keeps the space); "-- " is always hard.
QStringList unflow(const QString &flowed)
{
    QStringList logical;
    QString open;
    qsizetype openDepth = -1;
    for (QString line : flowed.split(u'\n')) {
        qsizetype depth = 0;
        while (depth < line.size() && line.at(depth) == u'>')
            ++depth;
        line = line.mid(depth);
        if (line.startsWith(u' '))
            line.remove(0, 1);
        const bool soft = line.endsWith(u' ') && line != QLatin1String("-- ");
        if (openDepth >= 0 && openDepth != depth) {
            logical << QStringLiteral("> ").repeated(openDepth) + open;
            openDepth = -1;
        }
        open = (openDepth >= 0 ? open : QString()) + line;
        openDepth = depth;
        if (!soft) {
            logical << QStringLiteral("> ").repeated(depth) + open;
            openDepth = -1;
        }
    }
    return logical;
}

} // namespace

TEST(FlowedText, LongParagraphsAreSoftBrokenAndReadBackWhole)
{
    const QString paragraph = QStringLiteral("The quick brown fox jumps over the lazy dog, again and again. ").repeated(6).trimmed();
    const QString text = paragraph + QStringLiteral("\nshort line\n\nlast");
    ASSERT_TRUE(wantsFlowed(text));
    const QString flowed = encodeFlowed(text);
    const QStringList lines = flowed.split(u'\n');
    ASSERT_GT(lines.size(), 5);
    for (qsizetype i = 0; i + 4 < lines.size(); ++i) { // the paragraph's lines but its last
        EXPECT_LE(lines.at(i).size(), 76) << qPrintable(lines.at(i));
        EXPECT_GE(lines.at(i).size(), 50) << "a soft-broken line uses the width: " << qPrintable(lines.at(i));
        EXPECT_TRUE(lines.at(i).endsWith(u' ')) << "soft break: " << qPrintable(lines.at(i));
    }
    EXPECT_EQ(unflow(flowed), text.split(u'\n'));
}

TEST(FlowedText, ShortTextIsNotFlowed)
{
    EXPECT_FALSE(wantsFlowed(QStringLiteral("Dear Charles,\n\nthe notes are ready.\n\n-- \nAda\n")));
    EXPECT_TRUE(wantsFlowed(QString(79, u'x')));
    EXPECT_FALSE(wantsFlowed(QString(78, u'x') + QStringLiteral("\r\n")));
}

TEST(FlowedText, StuffingSignatureAndHardLines)
{
    const QString text = QStringLiteral(" indented\nFrom the start\n>not a quote? it is one\ntrailing spaces   \n-- \nAda");
    const QStringList lines = encodeFlowed(text).split(u'\n');
    EXPECT_EQ(lines.at(0), QStringLiteral("  indented"));
    EXPECT_EQ(lines.at(1), QStringLiteral(" From the start"));
    EXPECT_EQ(lines.at(2), QStringLiteral("> not a quote? it is one"));
    EXPECT_EQ(lines.at(3), QStringLiteral("trailing spaces")) << "a hard line cannot end in a space";
    EXPECT_EQ(lines.at(4), QStringLiteral("-- ")) << "the signature separator stays exactly";
    EXPECT_EQ(lines.at(5), QStringLiteral("Ada"));
}

TEST(FlowedText, QuotedLinesKeepTheirDepthWhenWrapped)
{
    const QString quoted = QStringLiteral("word ").repeated(40).trimmed();
    const QString text = QStringLiteral("> ") + quoted + QStringLiteral("\n> > ") + quoted + QStringLiteral("\n>\nreply");
    const QString flowed = encodeFlowed(text);
    for (const QString &line : flowed.split(u'\n')) {
        EXPECT_LE(line.size(), 76);
        if (line.startsWith(QLatin1String(">>"))) {
            EXPECT_TRUE(line.startsWith(QLatin1String(">> word"))) << qPrintable(line);
        }
    }
    EXPECT_EQ(flowed.count(QLatin1String("\n>> ")), flowed.count(QLatin1String(">> word")));
    EXPECT_EQ(unflow(flowed),
              (QStringList{QStringLiteral("> ") + quoted, QStringLiteral("> > ") + quoted, QStringLiteral("> "), QStringLiteral("reply")}));
}

TEST(FlowedText, AContinuationStartingWithAQuoteMarkIsStuffed)
{
    // A ">" that lands at the start of a continuation line would read as a quote.
    const QString text = QString(72, u'a') + QStringLiteral(" >b ") + QString(80, u'c');
    const QStringList lines = encodeFlowed(text).split(u'\n');
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines.at(1), QStringLiteral(" >b "));
    EXPECT_EQ(unflow(lines.join(u'\n')), QStringList{text});
}

TEST(FlowedText, NoPieceIsTheSignatureSeparator)
{
    // "-- " alone on a line is the signature separator (RFC 3676 §4.3):
    // readers do not join it to the next line, so a break never leaves it.
    const QString url = QStringLiteral("https://example.org/") + QString(70, u'x');
    const QStringList lines{QStringLiteral("-- ") + url, QStringLiteral("-- ") + url + QStringLiteral(" and more words"),
                            QStringLiteral("> -- ") + url};
    for (const QString &line : lines) {
        const QString flowed = encodeFlowed(line);
        for (const QString &piece : flowed.split(u'\n')) {
            EXPECT_NE(piece, QStringLiteral("-- ")) << qPrintable(flowed);
            EXPECT_NE(piece, QStringLiteral("> -- ")) << qPrintable(flowed);
        }
        EXPECT_EQ(unflow(flowed), QStringList{line});
    }
}
