// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spelltokenizer.h"

#include <QStringList>

#include <gtest/gtest.h>

namespace {

// The words the tokenizer hands to the dictionary, as text.
QStringList checked(const QString &line)
{
    QStringList out;
    for (const Gui::SpellTokenizer::Word &w : Gui::SpellTokenizer::words(line))
        out << line.mid(w.start, w.length);
    return out;
}

} // namespace

TEST(SpellTokenizer, ProseIsSplitIntoWordsWithTheirPositions)
{
    const QString line = QStringLiteral("Hello, wrold! (Tschüß)");
    const auto words = Gui::SpellTokenizer::words(line);
    ASSERT_EQ(words.size(), 3);
    EXPECT_EQ(words[0], (Gui::SpellTokenizer::Word{0, 5}));
    EXPECT_EQ(words[1], (Gui::SpellTokenizer::Word{7, 5}));
    EXPECT_EQ(line.mid(words[2].start, words[2].length), QStringLiteral("Tschüß"));
}

TEST(SpellTokenizer, ApostrophesAndHyphensInsideAWordKeepItWhole)
{
    EXPECT_EQ(checked(QStringLiteral("don't l’homme E-Mail Baden-Württemberg 'quoted' -dash-")),
              (QStringList{QStringLiteral("don't"), QStringLiteral("l’homme"), QStringLiteral("E-Mail"),
                           QStringLiteral("Baden-Württemberg"), QStringLiteral("quoted"), QStringLiteral("dash")}));
}

TEST(SpellTokenizer, QuotedLinesAreNotChecked)
{
    EXPECT_TRUE(Gui::SpellTokenizer::isQuoted(QStringLiteral("> Thsi was wirtten by someone else")));
    EXPECT_TRUE(Gui::SpellTokenizer::isQuoted(QStringLiteral("  >> nested")));
    EXPECT_FALSE(Gui::SpellTokenizer::isQuoted(QStringLiteral("a > b")));
    EXPECT_TRUE(checked(QStringLiteral("> Thsi was wirtten")).isEmpty());
    EXPECT_EQ(checked(QStringLiteral("a > b is true")), (QStringList{QStringLiteral("is"), QStringLiteral("true")}));
}

TEST(SpellTokenizer, LinksAndAddressesAreNotChecked)
{
    EXPECT_EQ(checked(QStringLiteral("See https://exmaple.org/pathh?q=1, www.exmaple.org or mailto:bob@exmaple.org now")),
              (QStringList{QStringLiteral("See"), QStringLiteral("or"), QStringLiteral("now")}));
    EXPECT_EQ(checked(QStringLiteral("Write to ada.lovelace@exmaple.org.")),
              (QStringList{QStringLiteral("Write"), QStringLiteral("to")}));
    EXPECT_EQ(checked(QStringLiteral("the file /usr/share/hunspel or C:\\Programme\\Outpst")),
              (QStringList{QStringLiteral("the"), QStringLiteral("file"), QStringLiteral("or")}));
}

TEST(SpellTokenizer, CodeLikeWordsAreNotChecked)
{
    EXPECT_EQ(checked(QStringLiteral("call parseMailtoUrl with max_line_length on x86 mp3 2nd iPhone")),
              (QStringList{QStringLiteral("call"), QStringLiteral("with"), QStringLiteral("on")}));
    // Capitals alone are prose: a German noun, a shout, an acronym.
    EXPECT_EQ(checked(QStringLiteral("Haus HELLO NASA")),
              (QStringList{QStringLiteral("Haus"), QStringLiteral("HELLO"), QStringLiteral("NASA")}));
}

TEST(SpellTokenizer, SingleLettersAndEmphasis)
{
    EXPECT_EQ(checked(QStringLiteral("a z.B. *really* I")), (QStringList{QStringLiteral("really")}));
}
