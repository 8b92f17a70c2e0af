// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spelldictionary.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using Gui::PersonalDictionary;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(PersonalDictionary, AWordAddedIsKeptInTheFileAndReadBack)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config/outpost/dictionary.txt"));
    {
        PersonalDictionary d(path);
        EXPECT_FALSE(d.contains(QStringLiteral("Outpost")));
        ASSERT_TRUE(d.add(QStringLiteral("Outpost")).ok());
        ASSERT_TRUE(d.add(QStringLiteral("Lovelace")).ok());
        EXPECT_TRUE(d.contains(QStringLiteral("Outpost")));
    }
    EXPECT_EQ(readAll(path), QByteArray("Lovelace\nOutpost\n"));
    PersonalDictionary again(path);
    EXPECT_TRUE(again.contains(QStringLiteral("Outpost")));
    EXPECT_TRUE(again.contains(QStringLiteral("Lovelace")));
    EXPECT_FALSE(again.contains(QStringLiteral("outpost"))); // as written
}

TEST(PersonalDictionary, WordsAddedByAnotherWriterAreNotLost)
{
    // Two writers that each read the file before the other wrote: the
    // second add re-reads under the lock, so both words stay.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dictionary.txt"));
    PersonalDictionary first(path);
    PersonalDictionary second(path);
    ASSERT_TRUE(first.add(QStringLiteral("Kreuzberg")).ok());
    ASSERT_TRUE(second.add(QStringLiteral("Ottensen")).ok());
    EXPECT_TRUE(second.contains(QStringLiteral("Kreuzberg")));
    EXPECT_TRUE(first.reload());
    EXPECT_TRUE(first.contains(QStringLiteral("Ottensen")));
    EXPECT_FALSE(first.reload()); // nothing changed since
}

TEST(PersonalDictionary, ConcurrentWritersKeepEveryWord)
{
    // Each thread has its own file lock, as a process has.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dictionary.txt"));
    constexpr int Writers = 4;
    constexpr int WordsEach = 25;
    std::vector<std::thread> threads;
    for (int t = 0; t < Writers; ++t) {
        threads.emplace_back([path, t] {
            PersonalDictionary d(path);
            for (int i = 0; i < WordsEach; ++i)
                (void)d.add(QStringLiteral("word%1x%2").arg(t).arg(i));
        });
    }
    for (std::thread &t : threads)
        t.join();
    PersonalDictionary all(path);
    EXPECT_EQ(all.size(), Writers * WordsEach);
}

TEST(PersonalDictionary, NoSpacesNoControlCharactersNoEndlessWords)
{
    QTemporaryDir dir;
    PersonalDictionary d(dir.filePath(QStringLiteral("dictionary.txt")));
    EXPECT_FALSE(d.add(QStringLiteral("two words")).ok());
    EXPECT_FALSE(d.add(QStringLiteral("line\nbreak")).ok());
    EXPECT_FALSE(d.add(QString(101, u'a')).ok());
    EXPECT_FALSE(d.add(QString()).ok());
    EXPECT_EQ(d.size(), 0);
}
