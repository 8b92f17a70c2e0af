// SPDX-License-Identifier: GPL-3.0-or-later
// The IMAP response parser (framing, literals, bounds) and the strings the
// client writes (modified UTF-7, quoting, date-time).
#include "core/imap/imapresponse.h"
#include "core/imap/imapstrings.h"

#include "tests/support/testutil.h"

using Core::ImapCommand;
using Core::ImapResponse;
using Core::ImapResponseParser;
using Core::ImapValue;
namespace ImapStrings = Core::ImapStrings;

namespace {

QList<ImapResponse> parseAll(const QByteArray &input, bool bytewise = false)
{
    ImapResponseParser parser;
    QList<ImapResponse> out;
    if (!bytewise) {
        auto r = parser.feed(input);
        EXPECT_TRUE(r.has_value()) << qPrintable(parser.failure());
        return r.value_or(QList<ImapResponse>());
    }
    for (const char c : input) {
        auto r = parser.feed(QByteArray(1, c));
        EXPECT_TRUE(r.has_value()) << qPrintable(parser.failure());
        if (!r)
            break;
        out += *r;
    }
    return out;
}

TEST(ImapResponseParser, GreetingWithCapabilityCode)
{
    const auto rs = parseAll("* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot ready.\r\n");
    ASSERT_EQ(rs.size(), 1);
    EXPECT_EQ(rs[0].kind, ImapResponse::Kind::Untagged);
    EXPECT_EQ(rs[0].status, ImapResponse::Status::Ok);
    EXPECT_EQ(rs[0].code, QByteArray("CAPABILITY"));
    EXPECT_EQ(rs[0].codeArguments, QByteArray("IMAP4rev1 LITERAL+ AUTH=PLAIN"));
    EXPECT_EQ(rs[0].text, QByteArray("Dovecot ready."));
}

TEST(ImapResponseParser, ListWithLiteralNameSplitAtEveryByte)
{
    const QByteArray input
        = "* LIST (\\HasNoChildren \\Sent) \".\" {21}\r\nINBOX.Gesendete \"Obj\"\r\n"
          "* LIST () NIL INBOX\r\n"
          "A003 OK [APPENDUID 38505 3955] done\r\n";
    for (const bool bytewise : {false, true}) {
        const auto rs = parseAll(input, bytewise);
        ASSERT_EQ(rs.size(), 3);
        EXPECT_EQ(rs[0].name, QByteArray("LIST"));
        ASSERT_EQ(rs[0].values.size(), 3u);
        EXPECT_EQ(rs[0].values[0].type, ImapValue::Type::List);
        EXPECT_TRUE(rs[0].values[0].items[1].isAtom("\\SENT"));
        EXPECT_EQ(rs[0].values[1].text, QByteArray("."));
        EXPECT_EQ(rs[0].values[2].text, QByteArray("INBOX.Gesendete \"Obj\""));
        EXPECT_EQ(rs[1].values[1].type, ImapValue::Type::Nil);
        EXPECT_EQ(rs[2].kind, ImapResponse::Kind::Tagged);
        EXPECT_EQ(rs[2].tag, QByteArray("A003"));
        EXPECT_EQ(rs[2].code, QByteArray("APPENDUID"));
        EXPECT_EQ(rs[2].codeArguments, QByteArray("38505 3955"));
    }
}

TEST(ImapResponseParser, QuotedEscapesAndNumbers)
{
    const auto rs = parseAll(
        "* NAMESPACE ((\"INBOX.\" \".\")) NIL ((\"\" \"\\\\\"))\r\n* 3 EXISTS\r\n+ \r\n");
    ASSERT_EQ(rs.size(), 3);
    EXPECT_EQ(rs[0].values[0].items[0].items[0].text, QByteArray("INBOX."));
    EXPECT_EQ(rs[0].values[2].items[0].items[1].text, QByteArray("\\"));
    EXPECT_EQ(rs[1].number, 3);
    EXPECT_EQ(rs[1].name, QByteArray("EXISTS"));
    EXPECT_EQ(rs[2].kind, ImapResponse::Kind::Continuation);
}

TEST(ImapResponseParser, UnknownUntaggedDataWithOddSyntaxIsKept)
{
    const auto rs = parseAll("* XSTRANGE \"unterminated\r\nA1 OK fine\r\n");
    ASSERT_EQ(rs.size(), 2);
    EXPECT_EQ(rs[0].name, QByteArray("XSTRANGE"));
    EXPECT_TRUE(rs[0].values.empty());
}

TEST(ImapResponseParser, MalformedAndOversizedInputFails)
{
    for (const QByteArray &bad :
         {QByteArray("* LIST (\\Sent \"/\" x\r\n"), QByteArray("A1 MAYBE\r\n"),
          QByteArray("*LIST\r\n"), QByteArray("* 99999999999 EXISTS\r\n"),
          QByteArray("* LIST () \"/\" {99999999}\r\n")}) {
        ImapResponseParser parser;
        auto r = parser.feed(bad);
        // A literal longer than the input may wait for more: feed the rest.
        if (r && r->isEmpty())
            r = parser.feed(QByteArray(300, 'x') + "\r\n");
        EXPECT_FALSE(r.has_value()) << bad.toStdString();
        EXPECT_TRUE(parser.failed());
        EXPECT_FALSE(parser.feed("A1 OK\r\n").has_value()) << "a failed parser stays failed";
    }
    ImapResponseParser parser;
    EXPECT_FALSE(parser.feed(QByteArray(ImapResponseParser::kMaxLineLength + 1, 'a')).has_value());
    ImapResponseParser deep;
    EXPECT_FALSE(
        deep.feed("* LIST " + QByteArray(100, '(') + QByteArray(100, ')') + "\r\n").has_value());
}

TEST(ImapStrings, ModifiedUtf7RoundTrips)
{
    EXPECT_EQ(*ImapStrings::encodeMailbox(QStringLiteral("Envoyés")), QByteArray("Envoy&AOk-s"));
    EXPECT_EQ(*ImapStrings::encodeMailbox(QStringLiteral("Éléments envoyés")),
              QByteArray("&AMk-l&AOk-ments envoy&AOk-s"));
    EXPECT_EQ(*ImapStrings::encodeMailbox(QStringLiteral("A & B")), QByteArray("A &- B"));
    EXPECT_EQ(*ImapStrings::encodeMailbox(QStringLiteral("台北")), QByteArray("&U,BTFw-"));
    for (const QString &name :
         {QStringLiteral("Gesendete Objekte"), QStringLiteral("Éléments envoyés"),
          QStringLiteral("Posta inviata ✓ & 🎉"), QStringLiteral("~peter/mail/台北")})
        EXPECT_EQ(ImapStrings::decodeMailbox(*ImapStrings::encodeMailbox(name)).value_or(QString()),
                  name);
    EXPECT_EQ(ImapStrings::decodeMailbox("&U,BTFw-").value_or(QString()), QStringLiteral("台北"));
    EXPECT_FALSE(ImapStrings::decodeMailbox("&U,BTFw").has_value());
    EXPECT_FALSE(ImapStrings::encodeMailbox(QStringLiteral("Sent\r\nA1 DELETE INBOX")).has_value());
    EXPECT_FALSE(ImapStrings::encodeMailbox(QString(QChar(0))).has_value());
}

TEST(ImapStrings, QuotedOrLiteralNeverRaw)
{
    EXPECT_EQ(*ImapStrings::quoted("a\"b\\c"), QByteArray("\"a\\\"b\\\\c\""));
    EXPECT_FALSE(ImapStrings::quoted("a\r\nb").has_value());
    EXPECT_FALSE(ImapStrings::quoted("gr\xc3\xbc\xc3\x9f").has_value());
    ImapCommand c;
    c.text("LOGIN ").astring("j\xc3\xbcrgen").text(" ").astring("pw");
    ASSERT_EQ(c.pieces.size(), 3);
    EXPECT_TRUE(c.pieces[1].literal);
    EXPECT_EQ(c.pieces[2].bytes, QByteArray(" \"pw\""));
}

TEST(ImapStrings, DateTimeKeepsTheMessagesOffset)
{
    const QByteArray msg = "From: a@b\r\nDate: Sun, 6 Dec 2026 15:04:05 +0100 (CET)\r\n"
                           "Message-ID:\r\n <x@y>\r\n\r\nDate: not this\r\n";
    const QDateTime date = ImapStrings::messageDate(msg);
    ASSERT_TRUE(date.isValid());
    EXPECT_EQ(ImapStrings::dateTime(date), QByteArray("06-Dec-2026 15:04:05 +0100"));
    EXPECT_EQ(ImapStrings::messageId(msg), QByteArray("<x@y>"));
    const QDateTime west
        = QDateTime::fromString(QStringLiteral("Mon, 02 Mar 2026 23:59:00 -0330"), Qt::RFC2822Date);
    EXPECT_EQ(ImapStrings::dateTime(west), QByteArray("02-Mar-2026 23:59:00 -0330"));
}

} // namespace
