// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/mailaddress.h"

#include "tests/support/testutil.h"

using Core::Error;
using Core::MailAddress;

TEST(MailAddress, ParsesTheFormsPeopleType)
{
    const auto list = MailAddress::parseList(
        QStringLiteral("Ada Lovelace <ada@example.org>, bob@example.org; \"Smith, John\" "
                       "<john@example.com>,  carol@example.net (Carol C) ,"),
        QStringLiteral("to"));
    ASSERT_TRUE(list.ok()) << qPrintable(list.error().message());
    ASSERT_EQ(list->size(), 4);
    EXPECT_EQ(list->at(0), MailAddress(QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org")));
    EXPECT_EQ(list->at(1), MailAddress(QString(), QStringLiteral("bob@example.org")));
    EXPECT_EQ(list->at(2), MailAddress(QStringLiteral("Smith, John"), QStringLiteral("john@example.com")));
    EXPECT_EQ(list->at(3), MailAddress(QStringLiteral("Carol C"), QStringLiteral("carol@example.net")));
}

TEST(MailAddress, EmptyTextIsAnEmptyList)
{
    const auto list = MailAddress::parseList(QStringLiteral("  , ; "));
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(list->isEmpty());
}

TEST(MailAddress, RejectsMalformedAddressesNamingTheField)
{
    for (const char *bad : {"plainword", "@example.org", "a@", "a@@b.org", "a b@example.org",
                            "a..b@example.org", ".a@example.org", "a@-bad.org", "a@bad-.org",
                            "Name <a@b.org", "Name <a@b.org> trailing", "a@exa mple.org",
                            "a@ex_ample.org"}) {
        const auto r = MailAddress::parseList(QString::fromUtf8(bad), QStringLiteral("cc"));
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code(), Error::Code::InvalidInput) << bad;
        EXPECT_EQ(r.error().field(), QStringLiteral("cc")) << bad;
        EXPECT_FALSE(r.error().message().isEmpty());
    }
}

TEST(MailAddress, LineBreaksAreInjectionErrors)
{
    for (const char *bad : {"a@b.org\r\nBcc: evil@x.org", "Eve\n <a@b.org>", "a@b.org\r",
                            "a@b.org, \r\nX-Injected: 1"}) {
        const auto r = MailAddress::parseList(QString::fromUtf8(bad), QStringLiteral("to"));
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code(), Error::Code::HeaderInjection) << bad;
    }
    const auto nul = MailAddress::parse(QStringLiteral("a@b.org") + QChar(0) + QStringLiteral("x"));
    ASSERT_FALSE(nul.ok());
    EXPECT_EQ(nul.error().code(), Error::Code::HeaderInjection);
}

TEST(MailAddress, InternationalDomainsBecomeALabels)
{
    const MailAddress a(QString(), QStringLiteral("info@bücher.example"));
    ASSERT_TRUE(a.validate().ok());
    EXPECT_FALSE(a.needsSmtpUtf8());
    EXPECT_EQ(a.asciiDomain(), QStringLiteral("xn--bcher-kva.example"));
    EXPECT_EQ(a.wireAddress(), QStringLiteral("info@xn--bcher-kva.example"));
}

TEST(MailAddress, NonAsciiLocalPartNeedsSmtpUtf8)
{
    const MailAddress a(QString(), QStringLiteral("用户@例子.广告"));
    ASSERT_TRUE(a.validate().ok());
    EXPECT_TRUE(a.needsSmtpUtf8());
    EXPECT_EQ(a.wireAddress(), QStringLiteral("用户@例子.广告"));
}

TEST(MailAddress, QuotedLocalPartsAndLiterals)
{
    EXPECT_TRUE(MailAddress(QString(), QStringLiteral("\"john doe\"@example.org")).validate().ok());
    EXPECT_TRUE(MailAddress(QString(), QStringLiteral("root@[192.0.2.1]")).validate().ok());
    EXPECT_EQ(MailAddress(QString(), QStringLiteral("\"a@b\"@example.org")).domain(),
              QStringLiteral("example.org"));
}

TEST(MailAddress, DisplayStringQuotesWhenNeeded)
{
    EXPECT_EQ(MailAddress(QStringLiteral("Ada"), QStringLiteral("a@b.org")).toDisplayString(),
              QStringLiteral("Ada <a@b.org>"));
    EXPECT_EQ(MailAddress(QStringLiteral("Smith, \"J\""), QStringLiteral("a@b.org")).toDisplayString(),
              QStringLiteral("\"Smith, \\\"J\\\"\" <a@b.org>"));
    // What toDisplayString() writes, parseList() reads back.
    const MailAddress tricky(QStringLiteral("Smith, \"J\" <x>"), QStringLiteral("a@b.org"));
    const auto back = MailAddress::parse(tricky.toDisplayString());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), tricky);
}

// Regression (fuzz/fuzz_address): a quoted name with white space at either
// end was written without quotes and lost that space when read back.
TEST(MailAddress, DisplayFormKeepsEdgeWhiteSpace)
{
    const auto parsed = MailAddress::parse(QStringLiteral("\" JmSi\" <j@example.org>"));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->name(), QStringLiteral(" JmSi"));
    EXPECT_EQ(parsed->toDisplayString(), QStringLiteral("\" JmSi\" <j@example.org>"));
    const auto back = MailAddress::parse(parsed->toDisplayString());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), parsed.value());
}
