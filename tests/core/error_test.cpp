// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "core/result.h"

#include <gtest/gtest.h>

using Core::Error;
using Core::Result;

namespace {

Result<int> parsePositive(int v)
{
    if (v <= 0)
        return Error(Error::Code::InvalidInput, QStringLiteral("not positive"), QStringLiteral("v"));
    return v;
}

} // namespace

TEST(Error, DefaultIsNoError)
{
    const Error e;
    EXPECT_FALSE(e.isError());
    EXPECT_EQ(e.code(), Error::Code::None);
}

TEST(Error, CarriesServerReply)
{
    Error e(Error::Code::Transient, QStringLiteral("Try later"));
    e.withServerReply(451, QStringLiteral("4.3.0"), QStringLiteral("Mailbox busy"));
    EXPECT_TRUE(e.isError());
    EXPECT_EQ(e.replyCode(), 451);
    EXPECT_EQ(e.enhancedCode(), QStringLiteral("4.3.0"));
    EXPECT_EQ(e.serverText(), QStringLiteral("Mailbox busy"));
}

TEST(Error, CodeNamesAreStable)
{
    EXPECT_EQ(Error::codeName(Error::Code::InDoubt), QStringLiteral("InDoubt"));
    EXPECT_EQ(Error::codeName(Error::Code::SmtpUtf8Unsupported), QStringLiteral("SmtpUtf8Unsupported"));
}

TEST(Result, HoldsValueOrError)
{
    const auto good = parsePositive(3);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good.value(), 3);

    const auto bad = parsePositive(-1);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code(), Error::Code::InvalidInput);
    EXPECT_EQ(bad.error().field(), QStringLiteral("v"));
}

TEST(Result, VoidResult)
{
    const Result<void> fine;
    EXPECT_TRUE(fine.ok());
    const Result<void> failed = Error(Error::Code::WriteFailed, QStringLiteral("disk full"));
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code(), Error::Code::WriteFailed);
}
