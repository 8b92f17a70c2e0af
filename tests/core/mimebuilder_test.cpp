// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/mimebuilder.h"

#include "tests/support/testutil.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <vmime/attachmentHelper.hpp>
#include <vmime/utility/outputStreamAdapter.hpp>
#include <vmime/vmime.hpp>

#include <sstream>

using Core::Attachment;
using Core::Draft;
using Core::Envelope;
using Core::Error;
using Core::MailAddress;
using Core::MimeBuilder;

namespace {

MailAddress mbox(const char *name, const char *address)
{
    return MailAddress(QString::fromUtf8(name), QString::fromUtf8(address));
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qPrintable(path);
    return f.readAll();
}

QString normalisedText(QString s)
{
    s.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (!s.endsWith(u'\n'))
        s.append(u'\n');
    return s;
}

// No header line is longer than 78 octets: every value can be folded (file
// names are RFC 2231 continuations, never one long quoted string).
void expectHeaderLinesFit(const QByteArray &raw)
{
    const QByteArray head = raw.left(raw.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        EXPECT_LE(l.size(), 78) << "header line over 78: " << l.constData();
    }
}

// The header block of the top-level message: field names, in order.
QStringList topHeaderNames(const QByteArray &raw)
{
    QStringList names;
    const QByteArray head = raw.left(raw.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        if (!line.isEmpty() && line.at(0) != ' ' && line.at(0) != '\t')
            names.append(QString::fromLatin1(line.left(line.indexOf(':'))).toLower());
    }
    return names;
}

struct ScriptCase
{
    const char *label;
    const char *fromName;
    const char *toName;
    const char *subject;
    const char *body;
    const char *html;
    const char *attachmentName;
};

void PrintTo(const ScriptCase &c, std::ostream *os)
{
    *os << c.label;
}

const ScriptCase kScripts[] = {
    {"German", "Jürgen Groß", "Änne Müller",
     "Grüße aus München: Straßenbahn, Übergröße und Ölförderung im Überblick für das Jahr 2026",
     "Hallo Änne,\n\nanbei die Übersicht.\nViele Grüße\nJürgen\n", "", "Übersicht März.pdf"},
    {"Japanese", "山田 太郎", "佐藤 花子", "会議の議事録と来週の予定について（重要）お知らせします",
     "佐藤様\n\n会議の議事録を添付します。\nよろしくお願いいたします。\n", "<p>佐藤様</p>",
     "議事録.txt"},
    {"Emoji", "Party 🎉 Planner", "Guest 🥳", "🎉🎂 Birthday party on Saturday! 🍰🎈 Bring 🎁",
     "See you there 🎉\n", "<p>See you there 🎉</p>", "invitation 🎉.png"},
    {"RightToLeft", "محمد علي", "שרה כהן", "مرحبا بالعالم — שלום עולם — mixed RTL subject",
     "مرحبا\nשלום\n", "", "مستند.txt"},
    {"PlainAscii", "Ada Lovelace", "Charles Babbage", "Analytical engine notes",
     "Note G.\n.\nFrom the notes\n", "", "notes.txt"},
    {"LongWordsAndSpecials", "Smith, John (Jr.)", "O'Brien \"Bob\"",
     "Supercalifragilisticexpialidocious-and-an-extraordinarily-long-unbreakable-word-in-a-subject-line",
     "x\n", "", "a \"quoted\" name; with=specials.txt"},
};

class MimeBuilderFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_binary = m_dir.filePath(QStringLiteral("random.bin"));
        QByteArray bytes(300 * 1024 + 7, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(QRandomGenerator::global()->bounded(256));
        writeFile(m_binary, bytes);
        m_text = m_dir.filePath(QStringLiteral("notes.txt"));
        writeFile(m_text, "line one\r\n.\r\nFrom line\nbare LF\n");
        m_empty = m_dir.filePath(QStringLiteral("empty.dat"));
        writeFile(m_empty, {});
    }

    static void writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_EQ(f.write(data), data.size());
    }

    QByteArray build(const Draft &draft, Envelope *envelope = nullptr,
                     MimeBuilder::Options options = {})
    {
        MimeBuilder builder;
        builder.setOptions(std::move(options));
        const QString path = m_dir.filePath(QStringLiteral("out-%1.eml").arg(++m_counter));
        const auto result = builder.writeToFile(draft, path);
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : qPrintable(result.error().message()));
        if (!result.ok())
            return {};
        if (envelope)
            *envelope = result.value();
        const QByteArray raw = readFile(path);
        EXPECT_EQ(result->size, raw.size());
        m_lastPath = path;
        return raw;
    }

    QTemporaryDir m_dir;
    QString m_binary;
    QString m_text;
    QString m_empty;
    QString m_lastPath;
    int m_counter = 0;
};

class MimeBuilderScripts : public MimeBuilderFixture,
                           public ::testing::WithParamInterface<ScriptCase>
{
};

} // namespace

// Every generated message is re-parsed by Python's email package (an
// independent implementation) and compared field by field.
TEST_P(MimeBuilderScripts, PythonEmailParserSeesEveryField)
{
    const ScriptCase &c = GetParam();
    Draft draft;
    draft.from = mbox(c.fromName, "sender@example.org");
    draft.to = {mbox(c.toName, "to@example.net"), mbox("", "second@example.net")};
    draft.cc = {mbox(c.fromName, "cc@example.com")};
    draft.bcc = {mbox("Hidden Person", "hidden@example.com")};
    draft.replyTo = {mbox(c.fromName, "reply@example.org")};
    draft.subject = QString::fromUtf8(c.subject);
    draft.textBody = QString::fromUtf8(c.body);
    draft.htmlBody = QString::fromUtf8(c.html);
    draft.attachments = {Attachment{m_binary, {}, QString::fromUtf8(c.attachmentName)},
                         Attachment{m_text, {}, {}}, Attachment{m_empty, {}, {}}};
    draft.extraHeaders = {{QStringLiteral("X-Outpost-Test"), QString::fromUtf8(c.subject)}};

    Envelope envelope;
    const QByteArray raw = build(draft, &envelope);
    ASSERT_FALSE(raw.isEmpty());

    const QJsonObject r = TestUtil::runPythonJson("parse_message.py", {m_lastPath});
    EXPECT_TRUE(r.value(QStringLiteral("crlf_only")).toBool());
    EXPECT_TRUE(r.value(QStringLiteral("ends_with_crlf")).toBool());
    EXPECT_LE(r.value(QStringLiteral("longest_line")).toInt(), 998);
    EXPECT_TRUE(r.value(QStringLiteral("all_defects")).toArray().isEmpty())
        << QJsonDocument(r.value(QStringLiteral("all_defects")).toArray()).toJson().toStdString();
    expectHeaderLinesFit(raw);

    EXPECT_EQ(r.value(QStringLiteral("subject")).toString(), draft.subject);
    const auto checkList = [&](const char *key, const QList<MailAddress> &expected) {
        const QJsonArray got = r.value(QString::fromLatin1(key)).toArray();
        ASSERT_EQ(got.size(), expected.size()) << key;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(got.at(i)[QStringLiteral("name")].toString(), expected.at(i).name()) << key;
            EXPECT_EQ(got.at(i)[QStringLiteral("address")].toString(), expected.at(i).address()) << key;
        }
    };
    checkList("from", {draft.from});
    checkList("to", draft.to);
    checkList("cc", draft.cc);
    checkList("reply-to", draft.replyTo);
    EXPECT_TRUE(r.value(QStringLiteral("bcc")).isNull()) << "Bcc must never be a header";
    EXPECT_FALSE(raw.contains("hidden@example.com"));
    EXPECT_EQ(r.value(QStringLiteral("extra_headers"))[QStringLiteral("X-Outpost-Test")].toString(),
              draft.subject);

    EXPECT_EQ(normalisedText(r.value(QStringLiteral("text")).toString()), normalisedText(draft.textBody));
    if (draft.htmlBody.isEmpty())
        EXPECT_TRUE(r.value(QStringLiteral("html")).isNull());
    else
        EXPECT_EQ(normalisedText(r.value(QStringLiteral("html")).toString()),
                  normalisedText(draft.htmlBody));

    const QJsonArray attachments = r.value(QStringLiteral("attachments")).toArray();
    ASSERT_EQ(attachments.size(), 3);
    const QList<QPair<QString, QString>> expected = {
        {QString::fromUtf8(c.attachmentName), m_binary},
        {QStringLiteral("notes.txt"), m_text},
        {QStringLiteral("empty.dat"), m_empty}};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject a = attachments.at(i).toObject();
        const QByteArray original = readFile(expected.at(i).second);
        EXPECT_EQ(a[QStringLiteral("filename")].toString(), expected.at(i).first);
        EXPECT_EQ(a[QStringLiteral("size")].toInt(), original.size());
        EXPECT_EQ(a[QStringLiteral("sha256")].toString().toLatin1(), sha256(original))
            << "attachment " << i << " differs after decoding";
    }

    // The envelope: To + Cc + Bcc, de-duplicated; From as MAIL FROM.
    EXPECT_EQ(envelope.mailFrom, QStringLiteral("sender@example.org"));
    EXPECT_EQ(envelope.recipients,
              QStringList({QStringLiteral("to@example.net"), QStringLiteral("second@example.net"),
                           QStringLiteral("cc@example.com"), QStringLiteral("hidden@example.com")}));
    EXPECT_FALSE(envelope.needsSmtpUtf8);
    EXPECT_FALSE(envelope.needs8BitMime);
}

// vmime's own parser reads back what vmime generated, with the same values.
TEST_P(MimeBuilderScripts, VmimeParserSeesEveryField)
{
    const ScriptCase &c = GetParam();
    Draft draft;
    draft.from = mbox(c.fromName, "sender@example.org");
    draft.to = {mbox(c.toName, "to@example.net")};
    draft.subject = QString::fromUtf8(c.subject);
    draft.textBody = QString::fromUtf8(c.body);
    draft.attachments = {Attachment{m_binary, {}, QString::fromUtf8(c.attachmentName)}};
    const QByteArray raw = build(draft);
    ASSERT_FALSE(raw.isEmpty());

    vmime::message message;
    message.parse(raw.toStdString());
    const vmime::charset utf8(vmime::charsets::UTF_8);
    const auto header = message.getHeader();
    EXPECT_EQ(QString::fromStdString(header->Subject()->getValue<vmime::text>()->getConvertedText(utf8)),
              draft.subject);
    const auto from = header->From()->getValue<vmime::mailbox>();
    EXPECT_EQ(QString::fromStdString(from->getName().getConvertedText(utf8)), draft.from.name());
    EXPECT_EQ(QString::fromStdString(from->getEmail().toString()), draft.from.address());
    const auto to = header->To()->getValue<vmime::addressList>()->toMailboxList();
    ASSERT_EQ(to->getMailboxCount(), 1u);
    EXPECT_EQ(QString::fromStdString(to->getMailboxAt(0)->getName().getConvertedText(utf8)),
              draft.to.at(0).name());
    EXPECT_FALSE(header->hasField(vmime::fields::BCC));

    const auto attachments = vmime::attachmentHelper::findAttachmentsInMessage(
        vmime::make_shared<vmime::message>(message));
    ASSERT_EQ(attachments.size(), 1u);
    EXPECT_EQ(QString::fromStdString(attachments.at(0)->getName().getConvertedText(utf8)),
              QString::fromUtf8(c.attachmentName));
    std::ostringstream data;
    vmime::utility::outputStreamAdapter adapter(data);
    attachments.at(0)->getData()->extract(adapter);
    EXPECT_EQ(sha256(QByteArray::fromStdString(data.str())), sha256(readFile(m_binary)));
}

INSTANTIATE_TEST_SUITE_P(Scripts, MimeBuilderScripts, ::testing::ValuesIn(kScripts),
                         [](const auto &p) { return std::string(p.param.label); });

TEST_F(MimeBuilderFixture, InternationalDomainUsesIdnaWithoutSmtpUtf8)
{
    Draft draft;
    draft.from = mbox("Bücherwurm", "info@bücher.example");
    draft.to = {mbox("", "kunde@müller.example")};
    draft.subject = QStringLiteral("IDNA");
    draft.textBody = QStringLiteral("x");
    Envelope envelope;
    const QByteArray raw = build(draft, &envelope);
    EXPECT_FALSE(envelope.needsSmtpUtf8);
    EXPECT_FALSE(envelope.needs8BitMime);
    EXPECT_EQ(envelope.mailFrom, QStringLiteral("info@xn--bcher-kva.example"));
    EXPECT_EQ(envelope.recipients, QStringList{QStringLiteral("kunde@xn--mller-kva.example")});
    EXPECT_TRUE(raw.contains("<info@xn--bcher-kva.example>"));
    EXPECT_TRUE(envelope.messageId.endsWith(QStringLiteral("@xn--bcher-kva.example")));
    for (char ch : raw)
        EXPECT_GE(static_cast<signed char>(ch), 0) << "message must stay 7-bit";
}

TEST_F(MimeBuilderFixture, NonAsciiLocalPartMarksSmtpUtf8)
{
    Draft draft;
    draft.from = mbox("Ada", "ada@example.org");
    draft.to = {mbox("用户", "用户@例子.广告")};
    draft.subject = QStringLiteral("EAI");
    draft.textBody = QStringLiteral("x");
    Envelope envelope;
    const QByteArray raw = build(draft, &envelope);
    EXPECT_TRUE(envelope.needsSmtpUtf8);
    EXPECT_TRUE(envelope.needs8BitMime);
    EXPECT_EQ(envelope.recipients, QStringList{QStringLiteral("用户@例子.广告")});
    // RFC 6532: the address itself travels in UTF-8.
    EXPECT_TRUE(raw.contains(QStringLiteral("用户@例子.广告").toUtf8()));
    const QJsonObject r = TestUtil::runPythonJson("parse_message.py", {m_lastPath});
    EXPECT_EQ(r.value(QStringLiteral("to"))[0][QStringLiteral("address")].toString(),
              QStringLiteral("用户@例子.广告"));
}

TEST_F(MimeBuilderFixture, DuplicateRecipientsAreSentOnce)
{
    Draft draft;
    draft.from = mbox("", "a@example.org");
    draft.to = {mbox("", "b@Example.ORG"), mbox("", "c@example.org")};
    draft.cc = {mbox("B again", "b@example.org")};
    draft.bcc = {mbox("", "c@example.org"), mbox("", "C@example.org")};
    draft.textBody = QStringLiteral("x");
    Envelope envelope;
    build(draft, &envelope);
    // Domains compare case-insensitively, local parts do not (RFC 5321 §2.4).
    EXPECT_EQ(envelope.recipients,
              QStringList({QStringLiteral("b@example.org"), QStringLiteral("c@example.org"),
                           QStringLiteral("C@example.org")}));
}

TEST_F(MimeBuilderFixture, MessageIdUsesTheSenderDomainAndIsUnique)
{
    const MailAddress from = mbox("", "me@mail.example.org");
    const QString a = MimeBuilder::generateMessageId(from);
    const QString b = MimeBuilder::generateMessageId(from);
    EXPECT_NE(a, b);
    EXPECT_TRUE(a.endsWith(QStringLiteral("@mail.example.org"))) << qPrintable(a);
    EXPECT_FALSE(a.contains(QSysInfo::machineHostName()) && !QSysInfo::machineHostName().isEmpty()
                 && !QStringLiteral("mail.example.org").contains(QSysInfo::machineHostName()));
    Draft draft;
    draft.from = from;
    draft.to = {mbox("", "b@example.org")};
    draft.textBody = QStringLiteral("x");
    Envelope envelope;
    const QByteArray raw = build(draft, &envelope);
    EXPECT_TRUE(raw.contains(QByteArray("Message-Id: <" + envelope.messageId.toLatin1() + ">\r\n")));
    const QStringList names = topHeaderNames(raw);
    for (const char *required : {"date", "from", "to", "subject", "message-id", "mime-version", "user-agent"})
        EXPECT_TRUE(names.contains(QString::fromLatin1(required))) << required;
}

TEST_F(MimeBuilderFixture, Allow8BitSendsReadableText)
{
    Draft draft;
    draft.from = mbox("", "a@example.org");
    draft.to = {mbox("", "b@example.org")};
    draft.textBody = QStringLiteral("Grüße\n");
    MimeBuilder::Options options;
    options.allow8Bit = true;
    Envelope envelope;
    const QByteArray raw = build(draft, &envelope, options);
    EXPECT_TRUE(raw.contains("Content-Transfer-Encoding: 8bit"));
    EXPECT_TRUE(raw.contains(QStringLiteral("Grüße\r\n").toUtf8()));
    EXPECT_TRUE(envelope.needs8BitMime);
}

namespace {

QString sha256File(const QString &path)
{
    return QString::fromLatin1(sha256(readFile(path)));
}

} // namespace

// Images in the text (RFC 2387): the HTML and its images are one related
// part, the HTML its root, each image found by its Content-ID; the plain
// part is the alternative to all of it. With attachments, the attachments
// sit beside the alternative in a mixed part (Thunderbird's order).
TEST_F(MimeBuilderFixture, InlineImagesAreRelatedPartsOfTheHtml)
{
    const QString png = TestUtil::dataPath(QStringLiteral("mime/pixel.png"));
    const QString second = m_dir.filePath(QStringLiteral("second.png"));
    ASSERT_TRUE(QFile::copy(png, second));
    {
        QFile f(second);
        ASSERT_TRUE(f.open(QIODevice::Append));
        f.write("trailing bytes make it another file"); // still a PNG to a reader
    }
    Draft draft;
    draft.from = mbox("Ada Lovelace", "ada@example.org");
    draft.to = {mbox("", "charles@example.org")};
    draft.subject = QStringLiteral("Pictures");
    draft.textBody = QStringLiteral("Look:\n[image: Bild 1.png]\nand\n[image: pixel.png]\n");
    draft.htmlBody = QStringLiteral("<div>Look:<img src=\"cid:one.1@example.org\"> and <img src=\"cid:two.2@example.org\"></div>");
    draft.inlineImages = {Core::InlineImage{png, QStringLiteral("one.1@example.org"), QStringLiteral("image/png"), QStringLiteral("Bild 1.png")},
                          Core::InlineImage{second, QStringLiteral("two.2@example.org"), {}, {}}};

    const QByteArray raw = build(draft);
    QJsonObject r = TestUtil::runPythonJson("parse_message.py", {m_lastPath});
    EXPECT_EQ(r.value(QStringLiteral("structure")).toString(),
              QStringLiteral("multipart/alternative(text/plain,multipart/related(text/html,image/png,image/png))"));
    EXPECT_EQ(r.value(QStringLiteral("related_type")).toString(), QStringLiteral("text/html"));
    EXPECT_TRUE(r.value(QStringLiteral("all_defects")).toArray().isEmpty());
    EXPECT_EQ(normalisedText(r.value(QStringLiteral("text")).toString()), draft.textBody);
    EXPECT_EQ(normalisedText(r.value(QStringLiteral("html")).toString()), draft.htmlBody + u'\n');
    EXPECT_TRUE(r.value(QStringLiteral("attachments")).toArray().isEmpty()) << "inline images are not attachments";
    const QJsonArray inline_ = r.value(QStringLiteral("inline")).toArray();
    ASSERT_EQ(inline_.size(), 2);
    const QStringList names{QStringLiteral("Bild 1.png"), QStringLiteral("second.png")};
    const QStringList ids{QStringLiteral("<one.1@example.org>"), QStringLiteral("<two.2@example.org>")};
    const QStringList hashes{sha256File(png), sha256File(second)};
    for (qsizetype i = 0; i < 2; ++i) {
        const QJsonObject part = inline_.at(i).toObject();
        EXPECT_EQ(part.value(QStringLiteral("content_id")).toString(), ids.at(i));
        EXPECT_EQ(part.value(QStringLiteral("content_type")).toString(), QStringLiteral("image/png"));
        EXPECT_EQ(part.value(QStringLiteral("disposition")).toString(), QStringLiteral("inline"));
        EXPECT_EQ(part.value(QStringLiteral("filename")).toString(), names.at(i));
        EXPECT_EQ(part.value(QStringLiteral("sha256")).toString(), hashes.at(i)) << "the original bytes";
    }
    EXPECT_TRUE(raw.contains("Content-Disposition: inline; filename=\"Bild 1.png\"")) << raw.constData();

    draft.attachments = {Attachment{m_text, {}, {}}};
    build(draft);
    r = TestUtil::runPythonJson("parse_message.py", {m_lastPath});
    EXPECT_EQ(r.value(QStringLiteral("structure")).toString(),
              QStringLiteral("multipart/mixed(multipart/alternative(text/plain,multipart/related(text/html,image/png,image/png)),"
                             "text/plain)"));
    EXPECT_EQ(r.value(QStringLiteral("attachments")).toArray().size(), 1);
    EXPECT_EQ(r.value(QStringLiteral("inline")).toArray().size(), 2);
}

TEST_F(MimeBuilderFixture, InlineImagesNeedHtmlAndUniqueContentIds)
{
    const QString png = TestUtil::dataPath(QStringLiteral("mime/pixel.png"));
    Draft draft;
    draft.from = mbox("", "ada@example.org");
    draft.to = {mbox("", "charles@example.org")};
    draft.textBody = QStringLiteral("x\n");
    draft.inlineImages = {Core::InlineImage{png, QStringLiteral("a@example.org"), {}, {}}};
    auto r = MimeBuilder().validate(draft);
    ASSERT_FALSE(r.ok()) << "an image needs the HTML that shows it";
    EXPECT_EQ(r.error().field(), QStringLiteral("inlineImages"));

    draft.htmlBody = QStringLiteral("<img src=\"cid:a@example.org\">");
    EXPECT_TRUE(MimeBuilder().validate(draft).ok());
    draft.inlineImages.append(Core::InlineImage{png, QStringLiteral("A@example.org"), {}, {}});
    EXPECT_FALSE(MimeBuilder().validate(draft).ok()) << "two parts with one Content-ID";
    draft.inlineImages.last().contentId = QStringLiteral("b@example.org\r\nX-Injected: 1");
    EXPECT_FALSE(MimeBuilder().validate(draft).ok());
    draft.inlineImages.last().contentId = QStringLiteral("b@example.org");
    draft.inlineImages.last().contentType = QStringLiteral("text/html");
    EXPECT_FALSE(MimeBuilder().validate(draft).ok()) << "an inline image is an image";
    draft.inlineImages.last().contentType.clear();
    draft.inlineImages.last().path = m_dir.filePath(QStringLiteral("missing.png"));
    r = MimeBuilder().validate(draft);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), Error::Code::FileUnreadable);
}

// Content-IDs come from the same generator as Message-IDs: unique, on the
// sender's domain, never the host name.
TEST_F(MimeBuilderFixture, GeneratedContentIdsAreUnique)
{
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString id = MimeBuilder::generateMessageId(mbox("", "ada@example.org"));
        EXPECT_TRUE(id.endsWith(QLatin1String("@example.org"))) << qPrintable(id);
        EXPECT_FALSE(seen.contains(id));
        seen.insert(id);
    }
}

// Long paragraphs go format=flowed (RFC 3676): lines a reader can show,
// and a flowed reader gets the paragraphs back whole.
TEST_F(MimeBuilderFixture, LongParagraphsAreSentFlowed)
{
    const QString paragraph = QStringLiteral("Grüße aus München, wo die Straßenbahn fährt und der Föhn weht. ").repeated(5).trimmed();
    Draft draft;
    draft.from = mbox("", "ada@example.org");
    draft.to = {mbox("", "charles@example.org")};
    draft.textBody = QStringLiteral("Hallo,\n\n") + paragraph + QStringLiteral("\n\n> ") + paragraph
        + QStringLiteral("\nFrom here on\n\n-- \nAda\n");
    const QByteArray raw = build(draft);
    const QJsonObject r = TestUtil::runPythonJson("parse_message.py", {m_lastPath});
    EXPECT_EQ(r.value(QStringLiteral("text_format")).toString(), QStringLiteral("flowed"));
    EXPECT_EQ(r.value(QStringLiteral("text_delsp")).toString(), QStringLiteral("no"));
    EXPECT_EQ(r.value(QStringLiteral("text_unflowed")).toString(), draft.textBody);
    const QString wire = normalisedText(r.value(QStringLiteral("text")).toString());
    for (const QString &line : wire.split(u'\n'))
        EXPECT_LE(line.size(), 78) << qPrintable(line);
    EXPECT_TRUE(wire.contains(QStringLiteral("\n From here on\n"))) << "stuffed";
    EXPECT_TRUE(wire.contains(QStringLiteral("\n-- \nAda\n"))) << "the signature separator as typed";

    // mblaze's mflow, an RFC 3676 reader from Debian, joins the lines again.
    QProcess mflow;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PIPE_CONTENTTYPE"), QStringLiteral("text/plain; format=flowed; delsp=no"));
    mflow.setProcessEnvironment(env);
    mflow.start(QStringLiteral("mflow"), {QStringLiteral("-w"), QStringLiteral("100000")});
    ASSERT_TRUE(mflow.waitForStarted()) << "mflow (mblaze) is missing: scripts/install-deps.sh test";
    mflow.write(wire.toUtf8());
    mflow.closeWriteChannel();
    ASSERT_TRUE(mflow.waitForFinished(10000));
    EXPECT_EQ(QString::fromUtf8(mflow.readAllStandardOutput()), draft.textBody);

    draft.textBody = QStringLiteral("Short lines\nstay as typed   \n");
    build(draft);
    const QJsonObject shortText = TestUtil::runPythonJson("parse_message.py", {m_lastPath});
    EXPECT_TRUE(shortText.value(QStringLiteral("text_format")).isNull());
    EXPECT_EQ(normalisedText(shortText.value(QStringLiteral("text")).toString()), draft.textBody);
}

TEST_F(MimeBuilderFixture, InvalidInputWritesNothing)
{
    Draft good;
    good.from = mbox("", "a@example.org");
    good.to = {mbox("", "b@example.org")};
    good.textBody = QStringLiteral("x");

    struct Bad
    {
        const char *label;
        std::function<void(Draft &)> mutate;
        Error::Code code;
        const char *field;
    };
    const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.pdf"));
    const QString directory = m_dir.path();
    const std::vector<Bad> cases = {
        {"no recipients", [](Draft &d) { d.to.clear(); }, Error::Code::InvalidInput, "to"},
        {"no sender", [](Draft &d) { d.from = {}; }, Error::Code::InvalidInput, "from"},
        {"malformed to", [](Draft &d) { d.to = {mbox("", "not an address")}; }, Error::Code::InvalidInput, "to"},
        {"malformed bcc", [](Draft &d) { d.bcc = {mbox("", "x@")}; }, Error::Code::InvalidInput, "bcc"},
        {"missing attachment", [&](Draft &d) { d.attachments = {Attachment{missing, {}, {}}}; },
         Error::Code::FileUnreadable, "attachments"},
        {"directory attachment", [&](Draft &d) { d.attachments = {Attachment{directory, {}, {}}}; },
         Error::Code::FileUnreadable, "attachments"},
        {"bad content type", [&](Draft &d) { d.attachments = {Attachment{m_text, QStringLiteral("nonsense"), {}}}; },
         Error::Code::InvalidInput, "attachments"},
        {"bad in-reply-to", [](Draft &d) { d.inReplyTo = QStringLiteral("no at sign"); },
         Error::Code::InvalidInput, "inReplyTo"},
        {"reserved header", [](Draft &d) { d.extraHeaders = {{QStringLiteral("Bcc"), QStringLiteral("x@y.org")}}; },
         Error::Code::InvalidInput, "headers"},
    };
    for (const Bad &bad : cases) {
        Draft draft = good;
        bad.mutate(draft);
        MimeBuilder builder;
        const QString path = m_dir.filePath(QStringLiteral("bad.eml"));
        const auto result = builder.writeToFile(draft, path);
        ASSERT_FALSE(result.ok()) << bad.label;
        EXPECT_EQ(result.error().code(), bad.code) << bad.label;
        EXPECT_EQ(result.error().field(), QString::fromLatin1(bad.field)) << bad.label;
        EXPECT_FALSE(result.error().message().isEmpty()) << bad.label;
        EXPECT_FALSE(QFile::exists(path)) << bad.label << ": nothing may be written";

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        EXPECT_FALSE(builder.write(draft, &buffer).ok());
        EXPECT_EQ(buffer.size(), 0) << bad.label;
    }
}

TEST_F(MimeBuilderFixture, WriteFailureIsReported)
{
    Draft draft;
    draft.from = mbox("", "a@example.org");
    draft.to = {mbox("", "b@example.org")};
    draft.textBody = QStringLiteral("x");
    draft.attachments = {Attachment{m_binary, {}, {}}};
    QFile full(QStringLiteral("/dev/full"));
    ASSERT_TRUE(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    const auto result = MimeBuilder().write(draft, &full);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code(), Error::Code::WriteFailed);
}

// Golden files: representative messages, byte for byte, with Date,
// Message-ID and boundaries fixed. OUTPOST_UPDATE_GOLDEN=1 rewrites them.
TEST_F(MimeBuilderFixture, GoldenFiles)
{
    const auto fixedOptions = [] {
        MimeBuilder::Options o;
        o.date = QDateTime(QDate(2026, 11, 22), QTime(9, 30, 15), QTimeZone(3600));
        o.messageId = QStringLiteral("golden.1@example.org");
        auto counter = std::make_shared<int>(0);
        o.boundaryGenerator = [counter] { return QStringLiteral("=_golden_%1").arg(++*counter); };
        return o;
    };
    struct Golden
    {
        const char *file;
        Draft draft;
    };
    Draft plain;
    plain.from = mbox("Ada Lovelace", "ada@example.org");
    plain.to = {mbox("Charles Babbage", "charles@example.org")};
    plain.subject = QStringLiteral("Notes on the engine");
    plain.textBody = QStringLiteral("Dear Charles,\n\nthe notes are ready.\n\nAda\n");

    Draft german;
    german.from = mbox("Jürgen Groß", "juergen@example.de");
    german.to = {mbox("Änne Müller", "aenne@example.de"), mbox("Smith, John", "john@example.com")};
    german.cc = {mbox("", "team@example.de")};
    german.bcc = {mbox("", "archive@example.de")};
    german.replyTo = {mbox("Büro", "buero@example.de")};
    german.subject = QStringLiteral("Grüße aus München — Übersicht für nächste Woche");
    german.textBody = QStringLiteral("Hallo Änne,\n\nanbei die Übersicht.\n.\nFrom: nicht ein Header\n");
    german.htmlBody = QStringLiteral("<p>Hallo Änne,</p><p>anbei die Übersicht.</p>");
    german.inReplyTo = QStringLiteral("<earlier@example.de>");
    german.references = {QStringLiteral("<first@example.de>"), QStringLiteral("<earlier@example.de>")};
    german.dispositionNotificationTo = mbox("Jürgen Groß", "juergen@example.de");

    Draft attachments;
    attachments.from = mbox("山田 太郎", "taro@example.jp");
    attachments.to = {mbox("", "hanako@example.jp")};
    attachments.subject = QStringLiteral("資料を送ります 📎");
    attachments.textBody = QStringLiteral("資料を添付します。\n");
    attachments.attachments = {
        Attachment{TestUtil::dataPath(QStringLiteral("mime/hello.txt")), {}, {}},
        Attachment{TestUtil::dataPath(QStringLiteral("mime/pixel.png")), {}, QStringLiteral("画像 ピクセル.png")}};
    attachments.extraHeaders = {{QStringLiteral("X-Priority"), QStringLiteral("3")}};

    const std::vector<Golden> goldens = {{"plain.eml", plain},
                                         {"german-alternative.eml", german},
                                         {"japanese-attachments.eml", attachments}};
    const bool update = qEnvironmentVariableIntValue("OUTPOST_UPDATE_GOLDEN") == 1;
    for (const Golden &g : goldens) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        MimeBuilder builder;
        builder.setOptions(fixedOptions());
        const auto result = builder.write(g.draft, &buffer);
        ASSERT_TRUE(result.ok()) << g.file << ": " << qPrintable(result.error().message());
        const QString path = TestUtil::dataPath(QStringLiteral("mime/") + QString::fromLatin1(g.file));
        if (update) {
            QFile out(path);
            ASSERT_TRUE(out.open(QIODevice::WriteOnly));
            out.write(buffer.data());
            continue;
        }
        EXPECT_EQ(buffer.data(), readFile(path)) << g.file << " differs from the golden file";

        // The golden files themselves pass the independent parser.
        const QJsonObject r = TestUtil::runPythonJson("parse_message.py", {path});
        EXPECT_TRUE(r.value(QStringLiteral("crlf_only")).toBool()) << g.file;
        EXPECT_LE(r.value(QStringLiteral("longest_line")).toInt(), 998) << g.file;
        EXPECT_TRUE(r.value(QStringLiteral("all_defects")).toArray().isEmpty()) << g.file;
        EXPECT_EQ(r.value(QStringLiteral("subject")).toString(), g.draft.subject) << g.file;
        EXPECT_TRUE(r.value(QStringLiteral("bcc")).isNull()) << g.file;
        expectHeaderLinesFit(buffer.data());
    }
}

// The 1 GB rule: memory must not grow with attachment size. The bench tool
// builds a message with a 256 MiB attachment in a separate process; its peak
// resident size may exceed the idle baseline by at most 64 MiB.
TEST_F(MimeBuilderFixture, PeakMemoryDoesNotGrowWithAttachmentSize)
{
    const QString big = m_dir.filePath(QStringLiteral("big.bin"));
    {
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_TRUE(f.resize(256LL * 1024 * 1024)); // sparse: fast to create, real to read
    }
    QProcess p;
    p.start(QStringLiteral(OUTPOST_MIME_BENCH), {big, QStringLiteral("/dev/null")});
    ASSERT_TRUE(p.waitForFinished(300000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const QJsonObject r = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const double growthMb = (r[QStringLiteral("peak_rss_kb")].toDouble()
                             - r[QStringLiteral("baseline_rss_kb")].toDouble()) / 1024.0;
    EXPECT_GT(r[QStringLiteral("size")].toDouble(), 256.0 * 1024 * 1024 * 4 / 3);
    EXPECT_LT(growthMb, 64.0) << "peak RSS grew by " << growthMb << " MiB";
}
