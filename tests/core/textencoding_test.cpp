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

} // namespace

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

TEST(HeaderEncoding, EncodesWhenNeeded)
{
    using Core::MimeHeader::encodeUnstructured;
    EXPECT_TRUE(encodeUnstructured(QStringLiteral("Re: Termin am Montag für das Projekt"), 9).startsWith("=?utf-8?Q?"));
    EXPECT_TRUE(encodeUnstructured(QStringLiteral("日本語の件名"), 9).startsWith("=?utf-8?B?"));
    // Looks like an encoded word: must not be taken for one.
    EXPECT_TRUE(encodeUnstructured(QStringLiteral("=?utf-8?Q?x?="), 9).startsWith("=?utf-8?"));
    // A run longer than a line is split into encoded words.
    const QByteArray v = encodeUnstructured(QString(120, u'a'), 9);
    EXPECT_TRUE(v.startsWith("=?utf-8?Q?"));
    for (const QByteArray &l : headerLines(v, 9))
        EXPECT_LE(l.size(), 76) << l;
}

TEST(HeaderEncoding, EncodedWordsFitAndNeverSplitACharacter)
{
    const QString text = QStringLiteral("🎉 Grüße 日本語 مرحبا ").repeated(8);
    for (qsizetype prefix : {9, 30, 60, 70}) {
        const QByteArray v = Core::MimeHeader::encodeUnstructured(text, prefix);
        QString decoded;
        for (const QByteArray &line : headerLines(v, prefix)) {
            EXPECT_LE(line.size(), 76) << line;
            if (!line.contains("=?"))
                continue; // the field name's own line, when the value starts below it
            const QByteArray word = line.mid(line.indexOf("=?"));
            EXPECT_LE(word.size(), 75);
            ASSERT_TRUE(word.startsWith("=?utf-8?B?") && word.endsWith("?="));
            // Each word decodes on its own to valid UTF-8 (RFC 2047 §5).
            const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
            const QString part = QString::fromUtf8(bytes);
            EXPECT_EQ(part.toUtf8(), bytes);
            decoded += part;
        }
        EXPECT_EQ(decoded, text);
    }
}
