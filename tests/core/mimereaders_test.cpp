// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 21: what MimeBuilder writes must be read the same by every reader.
// One test per defect found when real parsers read Outpost's messages; each
// checks the raw bytes against the RFC and what Python's email package reads
// in both its policies (policy.default and the legacy compat32).
#include "core/mime/mimebuilder.h"

#include "tests/support/testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using Core::Attachment;
using Core::Draft;
using Core::MailAddress;
using Core::MimeBuilder;

namespace {

class MimeReadersTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString file(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(QStringLiteral("in-%1-%2").arg(++m_files).arg(name.size()));
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(data);
        return path;
    }

    static Draft draft()
    {
        Draft d;
        d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
        d.to = {MailAddress({}, QStringLiteral("bob@example.org"))};
        d.subject = QStringLiteral("readers");
        d.textBody = QStringLiteral("body\n");
        return d;
    }

    // Builds the message; m_raw holds its bytes, m_python what parse_message.py reads.
    void build(const Draft &d, MimeBuilder::Options options = {})
    {
        MimeBuilder builder;
        builder.setOptions(std::move(options));
        m_path = m_dir.filePath(QStringLiteral("out-%1.eml").arg(++m_messages));
        const auto result = builder.writeToFile(d, m_path);
        ASSERT_TRUE(result.ok()) << qPrintable(result.error().message());
        QFile f(m_path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        m_raw = f.readAll();
        m_python = TestUtil::runPythonJson("parse_message.py", {m_path});
    }

    // The header lines of every part (top level included), unfolded per field.
    QList<QByteArray> headerLines() const
    {
        QList<QByteArray> lines;
        bool inHeader = true;
        for (const QByteArray &line : m_raw.split('\n')) {
            const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
            if (l.startsWith("--=_"))
                inHeader = true;
            else if (l.isEmpty())
                inHeader = false;
            else if (inHeader)
                lines << l;
        }
        return lines;
    }

    QStringList pythonFileNames(const char *policy) const
    {
        QStringList names;
        if (QByteArrayView(policy) == "compat32") {
            for (const QJsonValue &v : m_python[QStringLiteral("compat32")][QStringLiteral("filenames")].toArray())
                names << v.toString();
        } else {
            for (const QJsonValue &v : m_python[QStringLiteral("attachments")].toArray())
                names << v[QStringLiteral("filename")].toString();
        }
        return names;
    }

    void expectFileNameReadBack(const QString &name)
    {
        EXPECT_EQ(pythonFileNames("default"), QStringList({name})) << m_raw.constData();
        EXPECT_EQ(pythonFileNames("compat32"), QStringList({name})) << m_raw.constData();
    }

    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_raw;
    QJsonObject m_python;
    int m_files = 0;
    int m_messages = 0;
};

const QRegularExpression kEncodedWord(QStringLiteral("=\\?[^?\\s]+\\?[QqBb]\\?[^?\\s]*\\?="));

} // namespace

// Defect 1: a long ASCII file name became unquoted, folded encoded words.
TEST_F(MimeReadersTest, LongAsciiFileNameIsAnRfc2231Parameter)
{
    Draft d = draft();
    const QString name = QString(90, u'f') + QStringLiteral(".txt");
    d.attachments = {Attachment{file(name, "x"), {}, name}};
    build(d);
    EXPECT_FALSE(m_raw.contains("name==?")) << m_raw.constData();
    for (const QByteArray &line : headerLines())
        EXPECT_LE(line.size(), 78) << line.constData();
    expectFileNameReadBack(name);
}

// Defect 2: a '"' in a long file name was not escaped in continuations.
TEST_F(MimeReadersTest, QuoteInLongFileNameIsKept)
{
    Draft d = draft();
    const QString name = QStringLiteral("a \"q\" ") + QString(80, u'n') + QStringLiteral(".txt");
    d.attachments = {Attachment{file(name, "x"), {}, name}};
    build(d);
    EXPECT_FALSE(m_raw.contains("\"a \"q\"")) << m_raw.constData();
    expectFileNameReadBack(name);
}

// Defect 3: a .eml attachment went out as message/rfc822 in base64, which
// RFC 2046 §5.2.1 forbids; one whose lines cannot go unencoded is opaque.
TEST_F(MimeReadersTest, EmlAttachmentIsAnUnencodedMessage)
{
    Draft d = draft();
    const QByteArray inner = "From: Carol <carol@example.org>\nTo: dan@example.org\n"
                             "Subject: inner message\n\nthe forwarded text\n";
    d.attachments = {Attachment{file(QStringLiteral("fwd.eml"), inner), {}, QStringLiteral("fwd.eml")}};
    build(d);
    EXPECT_TRUE(m_raw.contains("Content-Type: message/rfc822")) << m_raw.constData();
    EXPECT_TRUE(m_raw.contains("Content-Transfer-Encoding: 7bit")) << m_raw.constData();
    EXPECT_TRUE(m_raw.contains("\r\nSubject: inner message\r\n")) << m_raw.constData();
    EXPECT_TRUE(m_python[QStringLiteral("all_defects")].toArray().isEmpty());

    // A line over 998 octets cannot travel unencoded: opaque bytes, base64.
    Draft longLines = draft();
    const QByteArray wide = "Subject: wide\n\n" + QByteArray(1200, 'w') + '\n';
    longLines.attachments = {Attachment{file(QStringLiteral("wide.eml"), wide), {}, QStringLiteral("wide.eml")}};
    build(longLines);
    EXPECT_FALSE(m_raw.contains("message/rfc822")) << m_raw.constData();
    EXPECT_TRUE(m_raw.contains("Content-Type: application/octet-stream")) << m_raw.constData();
    const QJsonArray parts = m_python[QStringLiteral("attachments")].toArray();
    ASSERT_EQ(parts.size(), 1);
    EXPECT_EQ(parts.at(0)[QStringLiteral("size")].toInt(), wide.size());
}

// Defect 4: encoded words of 76 characters and header lines over 78 octets
// where folding was possible.
TEST_F(MimeReadersTest, EncodedWordsAndFoldedLinesKeepTheirLimits)
{
    Draft d = draft();
    d.from = MailAddress(QStringLiteral("Jürgen Großmann-Übermeyer von und zu Schönhausen-Ährenfeld"),
                         QStringLiteral("juergen@example.de"));
    d.to.clear();
    for (int i = 0; i < 30; ++i)
        d.to << MailAddress(QStringLiteral("Empfängerin Nummer %1").arg(i),
                            QStringLiteral("recipient-%1@example.de").arg(i));
    const QString name = QStringLiteral("Übersicht über die Größenänderungen im Jahresabschluss 2026 (endgültig).pdf");
    d.attachments = {Attachment{file(QStringLiteral("x.pdf"), "%PDF-1.4\n"), QStringLiteral("application/pdf"), name}};
    build(d);
    for (const QByteArray &line : headerLines()) {
        EXPECT_LE(line.size(), 78) << line.constData();
        auto it = kEncodedWord.globalMatch(QString::fromLatin1(line));
        while (it.hasNext()) {
            const auto m = it.next();
            EXPECT_LE(m.capturedLength(), 75) << m.captured().toStdString();
        }
    }
    expectFileNameReadBack(name);
    EXPECT_EQ(m_python[QStringLiteral("to")].toArray().size(), 30);
}

// RFC 2047 §2: a header line holding an encoded word is at most 76 octets.
// An ASCII word or an address after an encoded word took the line to 77-78.
TEST_F(MimeReadersTest, LinesHoldingEncodedWordsStayWithin76)
{
    Draft d = draft();
    d.subject = QStringLiteral("Grüße aus München: Straßenbahn, Übergröße und Ölförderung im Überblick für das Jahr 2026");
    d.to = {MailAddress(QStringLiteral("Party 🎉 Planner"), QStringLiteral("to14@example.test")),
            MailAddress({}, QStringLiteral("plain@example.test"))};
    build(d);
    int encodedLines = 0;
    for (const QByteArray &line : headerLines()) {
        if (!kEncodedWord.match(QString::fromLatin1(line)).hasMatch())
            continue;
        ++encodedLines;
        EXPECT_LE(line.size(), 76) << line.constData();
    }
    EXPECT_GE(encodedLines, 3);
    EXPECT_EQ(m_python[QStringLiteral("subject")].toString(), d.subject);
    EXPECT_EQ(m_python[QStringLiteral("to")].toArray().at(0)[QStringLiteral("name")].toString(), d.to.at(0).name());
}

// A display name with spaces around it was a quoted string starting with a
// space, which SpamAssassin's FROMSPACE rule takes for a spammer's. The
// spaces around a name are dropped; doubled ones inside stay, quoted.
TEST_F(MimeReadersTest, SpacesAroundADisplayNameAreDropped)
{
    Draft d = draft();
    d.from = MailAddress(QStringLiteral("  spaces  around  "), QStringLiteral("ada@example.org"));
    build(d);
    EXPECT_TRUE(m_raw.contains("\r\nFrom: \"spaces  around\" <ada@example.org>\r\n")) << m_raw.constData();
    const QString name = QStringLiteral("spaces  around");
    EXPECT_EQ(m_python[QStringLiteral("from")].toArray().at(0)[QStringLiteral("name")].toString(), name);
    EXPECT_EQ(m_python[QStringLiteral("compat32")][QStringLiteral("from")].toArray().at(0)[QStringLiteral("name")].toString(),
              name);
}

// Defect 5: RFC 2231 values carried raw "'" and "*".
TEST_F(MimeReadersTest, Rfc2231ValuesPercentEncodeQuoteAndStar)
{
    Draft d = draft();
    const QString name = QStringLiteral("it's *new* – überall.txt");
    d.attachments = {Attachment{file(name, "x"), {}, name}};
    build(d);
    const QRegularExpression extended(QStringLiteral("name\\*(?:\\d+\\*)?=([^;\\r\\n]*)"));
    auto it = extended.globalMatch(QString::fromLatin1(m_raw));
    int values = 0;
    while (it.hasNext()) {
        const QString value = it.next().captured(1);
        ++values;
        QString rest = value;
        if (value.startsWith(QStringLiteral("utf-8''"), Qt::CaseInsensitive))
            rest = value.mid(7);
        EXPECT_FALSE(rest.contains(u'\'')) << value.toStdString();
        EXPECT_FALSE(rest.contains(u'*')) << value.toStdString();
        EXPECT_FALSE(rest.contains(u'"')) << value.toStdString();
    }
    EXPECT_GT(values, 0) << m_raw.constData();
    expectFileNameReadBack(name);
}

// Defect 6: non-ASCII file names were also written as RFC 2047 encoded
// words inside quoted name=/filename= (RFC 2047 §5 forbids that).
TEST_F(MimeReadersTest, NonAsciiFileNameHasNoEncodedWords)
{
    Draft d = draft();
    const QString name = QStringLiteral("画像 ピクセル.png");
    d.attachments = {Attachment{file(QStringLiteral("p.png"), "\x89PNG\r\n"), QStringLiteral("image/png"), name}};
    build(d);
    const QByteArray parts = m_raw.mid(m_raw.indexOf("\r\n\r\n"));
    EXPECT_FALSE(parts.contains("=?")) << m_raw.constData();
    expectFileNameReadBack(name);
}

// Defect 7: display names were always encoded words, specials Q-encoded
// instead of quoted, and split at arbitrary points.
TEST_F(MimeReadersTest, DisplayNamesAreQuotedOrEncodedByWholeWords)
{
    Draft d = draft();
    d.to = {MailAddress(QStringLiteral("Doe, John"), QStringLiteral("john@example.org")),
            MailAddress(QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org")),
            MailAddress(QStringLiteral("Ärzte für Öffentlichkeitsarbeit und Übersetzungsqualitätssicherung"),
                        QStringLiteral("aerzte@example.org"))};
    build(d);
    EXPECT_TRUE(m_raw.contains("\"Doe, John\" <john@example.org>")) << m_raw.constData();
    EXPECT_TRUE(m_raw.contains("Ada Lovelace <ada@example.org>")) << m_raw.constData();
    // Every encoded word holds whole words: it ends where a word ends.
    auto it = kEncodedWord.globalMatch(QString::fromLatin1(m_raw.left(m_raw.indexOf("\r\n\r\n"))));
    const QString decoded = d.to.at(2).name();
    while (it.hasNext()) {
        const QString word = it.next().captured();
        const QJsonObject r = TestUtil::runPythonJson(
            "parse_message.py", {QStringLiteral("--decode-word"), word});
        const QString text = r[QStringLiteral("text")].toString();
        EXPECT_TRUE(decoded.contains(text)) << word.toStdString();
        const qsizetype at = decoded.indexOf(text);
        const qsizetype end = at + text.size();
        EXPECT_TRUE(end == decoded.size() || decoded.at(end - 1) == u' ' || decoded.at(end) == u' ')
            << "encoded word splits a word: " << word.toStdString();
    }
    for (const char *policy : {"default", "compat32"}) {
        const QJsonObject view = QByteArrayView(policy) == "default"
            ? m_python : m_python[QStringLiteral("compat32")].toObject();
        const QJsonArray to = view[QStringLiteral("to")].toArray();
        ASSERT_EQ(to.size(), 3) << policy;
        for (qsizetype i = 0; i < 3; ++i)
            EXPECT_EQ(to.at(i)[QStringLiteral("name")].toString(), d.to.at(i).name()) << policy;
    }
}

// Defect 8: a text/* attachment with UTF-8 content had no charset, which
// means US-ASCII (RFC 2046 §4.1.2).
TEST_F(MimeReadersTest, TextAttachmentCarriesItsCharset)
{
    Draft d = draft();
    d.attachments = {Attachment{file(QStringLiteral("n.txt"), "Grüße\n"), {}, QStringLiteral("grüße.txt")},
                     Attachment{file(QStringLiteral("a.txt"), "plain\n"), {}, QStringLiteral("plain.txt")}};
    build(d);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("Content-Type: text/plain;\\s+charset=utf-8;\\s+name\\*=utf-8''gr%C3%BC%C3%9Fe.txt"))
                    .match(QString::fromLatin1(m_raw)).hasMatch())
        << m_raw.constData();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("Content-Type: text/plain;\\s+charset=us-ascii;\\s+name=plain.txt"))
                    .match(QString::fromLatin1(m_raw)).hasMatch())
        << m_raw.constData();
}

// Defect 8, continued: Latin-1 and CP1251 text went out as charset=utf-8
// (the UTF-8 check discarded the decoder's result, so it never saw an
// error). Text in a legacy charset is labelled with the charset uchardet
// finds; an unfinished UTF-8 sequence at the end is not UTF-8, one split
// between two blocks of the check is.
TEST_F(MimeReadersTest, LegacyCharsetTextIsLabelledWithItsCharset)
{
    Draft d = draft();
    const QByteArray latin1 = QStringLiteral("Gr\u00FC\u00DFe aus K\u00F6ln\n").toLatin1();
    const QByteArray cp1251("\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0\n"); // "Привет мир"
    const QByteArray unfinished = QByteArray("Gr\xC3\xBC\xC3\x9F" "e \xC3");
    const QByteArray split = QByteArray(64 * 1024 - 1, 'a') + "\xC3\xBC\n";
    d.attachments = {Attachment{file(QStringLiteral("l.txt"), latin1), {}, QStringLiteral("latin1.txt")},
                     Attachment{file(QStringLiteral("c.txt"), cp1251), {}, QStringLiteral("cp1251.txt")},
                     Attachment{file(QStringLiteral("u.txt"), unfinished), {}, QStringLiteral("unfinished.txt")},
                     Attachment{file(QStringLiteral("s.txt"), split), {}, QStringLiteral("split.txt")}};
    build(d);
    const QString raw = QString::fromLatin1(m_raw);
    const auto labelled = [&](const QString &pattern) { return QRegularExpression(pattern).match(raw).hasMatch(); };
    EXPECT_TRUE(labelled(QStringLiteral("Content-Type: text/plain;\\s+charset=iso-8859-1;\\s+name=latin1.txt"))) << m_raw.constData();
    EXPECT_TRUE(labelled(QStringLiteral("Content-Type: text/plain;\\s+charset=windows-1251;\\s+name=cp1251.txt"))) << m_raw.constData();
    EXPECT_FALSE(labelled(QStringLiteral("charset=utf-8;\\s+name=unfinished.txt"))) << m_raw.constData();
    EXPECT_TRUE(labelled(QStringLiteral("Content-Type: text/plain;\\s+charset=utf-8;\\s+name=split.txt"))) << m_raw.constData();
    // Python saves the bytes as they were.
    const QJsonArray attachments = m_python[QStringLiteral("attachments")].toArray();
    ASSERT_EQ(attachments.size(), 4);
    EXPECT_EQ(attachments.at(0)[QStringLiteral("sha256")].toString(),
              QString::fromLatin1(QCryptographicHash::hash(latin1, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(attachments.at(1)[QStringLiteral("sha256")].toString(),
              QString::fromLatin1(QCryptographicHash::hash(cp1251, QCryptographicHash::Sha256).toHex()));
}

// A file that starts like text in a legacy charset (QMimeDatabase looks at
// its start) but holds control characters further on is no text, whatever
// charset uchardet names for it (it names one for some random bytes too).
TEST_F(MimeReadersTest, LegacyTextWithControlCharactersIsNotLabelledAsText)
{
    Draft d = draft();
    // "Съешь же ещё этих мягких французских булок" in CP1251, then binary.
    const QByteArray sentence("\xD1\xFA\xE5\xF8\xFC \xE6\xE5 \xE5\xF9\xB8 \xFD\xF2\xE8\xF5 \xEC\xFF\xE3\xEA\xE8\xF5 "
                              "\xF4\xF0\xE0\xED\xF6\xF3\xE7\xF1\xEA\xE8\xF5 \xE1\xF3\xEB\xEE\xEA. ");
    const QByteArray data = sentence.repeated(4) + QByteArray("\x01\x02\x03\x04\x05\x06\x07\x08", 8) + sentence;
    d.attachments = {Attachment{file(QStringLiteral("b.bin"), data), {}, QStringLiteral("data.bin")}};
    build(d);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("Content-Type: application/octet-stream;\\s+name=data.bin"))
                    .match(QString::fromLatin1(m_raw)).hasMatch())
        << m_raw.constData();
}

// Defect 9: a Bcc-only message had neither To nor Cc.
TEST_F(MimeReadersTest, BccOnlyMessageHasUndisclosedRecipients)
{
    Draft d = draft();
    d.to.clear();
    d.bcc = {MailAddress({}, QStringLiteral("hidden@example.org"))};
    build(d);
    EXPECT_TRUE(m_raw.contains("\r\nTo: undisclosed-recipients:;\r\n")) << m_raw.constData();
    EXPECT_FALSE(m_raw.contains("hidden@example.org"));
    EXPECT_TRUE(m_python[QStringLiteral("all_defects")].toArray().isEmpty());
}

// Defect 10: a file name that looks like an encoded word was written as is,
// so readers decoded it.
TEST_F(MimeReadersTest, FileNameLookingLikeAnEncodedWordIsProtected)
{
    Draft d = draft();
    const QString name = QStringLiteral("=?utf-8?Q?evil?=.txt");
    d.attachments = {Attachment{file(QStringLiteral("e.txt"), "x"), {}, name}};
    build(d);
    EXPECT_FALSE(m_raw.contains("=?utf-8?Q?evil?=")) << m_raw.constData();
    expectFileNameReadBack(name);
}

// outpost-sendmail's -F name goes through the same encoder as MimeBuilder's
// From: whole words in each encoded word, ASCII specials quoted.
TEST_F(MimeReadersTest, SendmailFullNameUsesTheSameEncoder)
{
    EXPECT_EQ(MailAddress(QStringLiteral("Doe, John"), QStringLiteral("john@example.org")).toHeaderValue(6),
              QByteArray("\"Doe, John\" <john@example.org>"));
    const QString name = QStringLiteral("Ärztekammer Übersetzungsdienst Qualitätssicherung Öffentlichkeit");
    const QByteArray value = MailAddress(name, QStringLiteral("a@example.org")).toHeaderValue(6);
    auto it = kEncodedWord.globalMatch(QString::fromLatin1(value));
    int words = 0;
    while (it.hasNext()) {
        const QString word = it.next().captured();
        ++words;
        EXPECT_LE(word.size(), 75);
        const QString text = TestUtil::runPythonJson("parse_message.py", {QStringLiteral("--decode-word"), word})
                                 [QStringLiteral("text")].toString();
        EXPECT_TRUE(text.endsWith(u' ') || name.endsWith(text)) << "splits a word: " << word.toStdString();
    }
    EXPECT_GT(words, 1) << value.constData();
}

// Defect 4, found by the corpus: the comma after an address may not push a
// line past 78 octets, whatever the lengths of the names before it.
TEST_F(MimeReadersTest, CommaBetweenAddressesStaysWithinTheLine)
{
    Draft d = draft();
    d.to.clear();
    for (int i = 0; i < 40; ++i)
        d.to << MailAddress(QStringLiteral("Empfänger %1").arg(QString(i, u'x')),
                            QStringLiteral("r%1@example.org").arg(i));
    build(d);
    for (const QByteArray &line : headerLines())
        EXPECT_LE(line.size(), 78) << line.constData();
    EXPECT_EQ(m_python[QStringLiteral("to")].toArray().size(), 40);
}

// Found by the corpus: mblaze, reformime and ripmime do not undo the
// escaping of '"' in a quoted file name, but all read the RFC 2231 form.
TEST_F(MimeReadersTest, FileNameWithQuoteIsAnRfc2231Value)
{
    Draft d = draft();
    const QString name = QStringLiteral("a \"quoted\" name.txt");
    d.attachments = {Attachment{file(QStringLiteral("q.txt"), "x"), {}, name}};
    build(d);
    EXPECT_TRUE(m_raw.contains("filename*=utf-8''a%20%22quoted%22%20name.txt")) << m_raw.constData();
    EXPECT_FALSE(m_raw.contains("\\\"")) << m_raw.constData();
    expectFileNameReadBack(name);
}
