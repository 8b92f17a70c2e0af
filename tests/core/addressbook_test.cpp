// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/drafts/addressbook.h"

#include "tests/support/testutil.h"

#include <QFile>
#include <QTemporaryDir>

using Core::AddressBook;
using Core::MailAddress;

TEST(AddressBook, MostUsedThenMostRecentFirstAndKeptAcrossRuns)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("addresses.json"));
    AddressBook book(path);
    ASSERT_TRUE(book.load().ok()) << "no file yet is fine";
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    book.record({MailAddress({}, QStringLiteral("bob@example.org")), MailAddress(QStringLiteral("Jürgen"), QStringLiteral("j@example.de"))}, t0);
    book.record({MailAddress(QStringLiteral("Bob Builder"), QStringLiteral("BOB@example.org"))}, t0.addSecs(60));
    book.record({MailAddress({}, QStringLiteral("new@example.org"))}, t0.addSecs(120));
    ASSERT_TRUE(book.save().ok());

    AddressBook again(path);
    ASSERT_TRUE(again.load().ok());
    const QStringList c = again.completions();
    ASSERT_EQ(c.size(), 3);
    EXPECT_EQ(c[0], QStringLiteral("Bob Builder <bob@example.org>")) << "used twice; the newer name is kept";
    EXPECT_EQ(c[1], QStringLiteral("new@example.org")) << "then the most recent";
    EXPECT_EQ(c[2], QStringLiteral("Jürgen <j@example.de>"));
}

TEST(AddressBook, ADamagedOrForgedFileGivesNothingBadBack)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("addresses.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"version":1,"addresses":[{"name":"x","address":"a@b.example\r\nBcc: evil@example.org"},{"address":"ok@example.org","count":1}]})");
    f.close();
    AddressBook book(path);
    ASSERT_TRUE(book.load().ok());
    EXPECT_EQ(book.completions(), QStringList{QStringLiteral("ok@example.org")});
    QFile broken(path);
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    ASSERT_TRUE(book.load().ok());
    EXPECT_TRUE(book.completions().isEmpty());
}
