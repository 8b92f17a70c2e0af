// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/capabilities.h"
#include "core/smtp/smtpreply.h"

#include "tests/support/testutil.h"

using Core::Error;
using Core::SmtpCapabilities;
using Core::SmtpReply;
using Core::SmtpReplyParser;

TEST(SmtpReplyParser, SingleAndMultiLine)
{
    SmtpReplyParser p;
    auto r = p.feed("220 mail.example.org ESMTP ready\r\n250-first\r\n250-second\r\n250 last\r\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 2);
    EXPECT_EQ(r->at(0).code, 220);
    EXPECT_EQ(r->at(0).text(), QStringLiteral("mail.example.org ESMTP ready"));
    EXPECT_EQ(r->at(1).code, 250);
    EXPECT_EQ(r->at(1).lines, QStringList({QStringLiteral("first"), QStringLiteral("second"),
                                           QStringLiteral("last")}));
    EXPECT_FALSE(p.hasPendingData());
}

TEST(SmtpReplyParser, SplitAtEveryPossibleByte)
{
    const QByteArray wire = "250-mail.example.org\r\n250-PIPELINING\r\n250 SIZE 1000\r\n"
                            "550 5.1.1 <x@example.org>: Recipient address rejected\r\n";
    for (qsizetype cut1 = 0; cut1 <= wire.size(); ++cut1) {
        for (qsizetype cut2 = cut1; cut2 <= wire.size(); cut2 += 7) {
            SmtpReplyParser p;
            QList<SmtpReply> all;
            for (const QByteArray &piece : {wire.left(cut1), wire.mid(cut1, cut2 - cut1), wire.mid(cut2)}) {
                auto r = p.feed(piece);
                ASSERT_TRUE(r.ok());
                all += r.value();
            }
            ASSERT_EQ(all.size(), 2) << cut1 << "/" << cut2;
            EXPECT_EQ(all[0].lines.size(), 3);
            EXPECT_EQ(all[1].code, 550);
            EXPECT_EQ(all[1].enhancedCode, QStringLiteral("5.1.1"));
        }
    }
}

TEST(SmtpReplyParser, EnhancedCodes)
{
    SmtpReplyParser p;
    auto r = p.feed("452 4.2.2 Mailbox full\r\n250 2.1.0 Ok\r\n550 4.1.1 class mismatch\r\n354 go\r\n250\r\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 5);
    EXPECT_EQ(r->at(0).enhancedCode, QStringLiteral("4.2.2"));
    EXPECT_EQ(r->at(0).text(), QStringLiteral("Mailbox full"));
    EXPECT_TRUE(r->at(0).isTransient());
    EXPECT_EQ(r->at(1).enhancedCode, QStringLiteral("2.1.0"));
    EXPECT_TRUE(r->at(2).enhancedCode.isEmpty()) << "class must match the reply code";
    EXPECT_EQ(r->at(3).code, 354);
    EXPECT_EQ(r->at(4).code, 250);
    EXPECT_TRUE(r->at(4).text().isEmpty());
}

TEST(SmtpReplyParser, ToleratesBareLf)
{
    SmtpReplyParser p;
    auto r = p.feed("220-hello\n220 ready\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 1);
    EXPECT_EQ(r->at(0).lines.size(), 2);
}

TEST(SmtpReplyParser, MalformedInputIsAProtocolViolation)
{
    for (const char *bad : {"hello\r\n", "2500 x\r\n", "250x\r\n", "250-a\r\n251 b\r\n", "650 no\r\n",
                            "25\r\n", "abc def\r\n"}) {
        SmtpReplyParser p;
        auto r = p.feed(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code(), Error::Code::ProtocolViolation);
        EXPECT_FALSE(p.feed("250 ok\r\n").ok()) << "a failed parser stays failed";
    }
}

TEST(SmtpReplyParser, HugeLineIsBoundedNotBuffered)
{
    SmtpReplyParser p;
    const QByteArray chunk(64 * 1024, 'x');
    bool failed = false;
    // 1 MB without a line break: fails early instead of growing.
    for (int i = 0; i < 16 && !failed; ++i) {
        auto r = p.feed(i == 0 ? "250 " + chunk : chunk);
        failed = !r.ok();
        if (failed) {
            EXPECT_EQ(r.error().code(), Error::Code::ProtocolViolation);
        }
    }
    EXPECT_TRUE(failed);
}

TEST(SmtpReplyParser, TooManyLines)
{
    SmtpReplyParser p;
    QByteArray many;
    for (int i = 0; i < 300; ++i)
        many += "250-line\r\n";
    EXPECT_FALSE(p.feed(many).ok());
}

TEST(SmtpReplyParser, ResetDropsPartialData)
{
    SmtpReplyParser p;
    ASSERT_TRUE(p.feed("250-partial\r\n250 inj").ok());
    EXPECT_TRUE(p.hasPendingData());
    p.reset();
    EXPECT_FALSE(p.hasPendingData());
    auto r = p.feed("220 clean\r\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 1);
    EXPECT_EQ(r->at(0).code, 220);
}

TEST(SmtpCapabilities, ParsesKeywords)
{
    SmtpReplyParser p;
    auto r = p.feed("250-mail.example.org Hello\r\n250-PIPELINING\r\n250-SIZE 35882577\r\n"
                    "250-8bitmime\r\n250-AUTH PLAIN LOGIN SCRAM-SHA-256\r\n250-AUTH=LOGIN CRAM-MD5\r\n"
                    "250-ENHANCEDSTATUSCODES\r\n250-DSN\r\n250-SMTPUTF8\r\n250-CHUNKING\r\n"
                    "250-X-UNKNOWN foo\r\n250 STARTTLS\r\n");
    ASSERT_TRUE(r.ok());
    const auto caps = SmtpCapabilities::fromEhloReply(r->first());
    EXPECT_TRUE(caps.esmtp);
    EXPECT_TRUE(caps.pipelining);
    EXPECT_TRUE(caps.sizeAnnounced);
    EXPECT_EQ(caps.maxSize, 35882577);
    EXPECT_TRUE(caps.eightBitMime);
    EXPECT_TRUE(caps.enhancedStatusCodes);
    EXPECT_TRUE(caps.dsn);
    EXPECT_TRUE(caps.smtpUtf8);
    EXPECT_TRUE(caps.chunking);
    EXPECT_TRUE(caps.startTls);
    EXPECT_EQ(caps.authMechanisms, QStringList({QStringLiteral("PLAIN"), QStringLiteral("LOGIN"),
                                                QStringLiteral("SCRAM-SHA-256"), QStringLiteral("CRAM-MD5")}));
    EXPECT_EQ(caps.greetingName, QStringLiteral("mail.example.org"));
}

TEST(SmtpCapabilities, SizeWithoutLimit)
{
    SmtpReplyParser p;
    auto r = p.feed("250-x\r\n250 SIZE\r\n");
    ASSERT_TRUE(r.ok());
    const auto caps = SmtpCapabilities::fromEhloReply(r->first());
    EXPECT_TRUE(caps.sizeAnnounced);
    EXPECT_EQ(caps.maxSize, 0);
    EXPECT_FALSE(caps.pipelining);
}
