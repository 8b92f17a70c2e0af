// SPDX-License-Identifier: GPL-3.0-or-later
// The highlighter with the system's real Hunspell dictionaries (Debian's
// hunspell-en-us, hunspell-de-de), on a real QPlainTextEdit.
#include "ui/spellchecker.h"
#include "ui/spellhighlighter.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>

#include <gtest/gtest.h>

#include "tests/support/testutil.h"

using Gui::SpellChecker;
using Gui::SpellHighlighter;

namespace {

// The ranges of a block drawn with the spelling underline, as text.
QStringList underlined(const QTextBlock &block)
{
    QStringList out;
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
            out << block.text().mid(r.start, r.length);
    }
    return out;
}

struct Fixture
{
    QTemporaryDir dir;
    QPlainTextEdit edit;
    SpellChecker checker{nullptr, dir.filePath(QStringLiteral("dictionary.txt"))};
    SpellHighlighter highlighter{&checker, &edit};

    explicit Fixture(const QString &language)
    {
        checker.setLanguage(language);
    }
    [[nodiscard]] bool done() const
    {
        return checker.state() == SpellChecker::State::Ready && highlighter.progress() == SpellHighlighter::Progress::Done;
    }
};

} // namespace

TEST(SpellHighlighter, TheSystemDictionariesAreFound)
{
    SpellChecker checker;
    EXPECT_TRUE(checker.hasLanguage(QStringLiteral("en_US")));
    EXPECT_TRUE(checker.hasLanguage(QStringLiteral("de_DE")));
    EXPECT_TRUE(checker.hasLanguage(QStringLiteral("fr")));
    // Debian's links (de_AT, fr_CA, …) do not repeat a dictionary.
    EXPECT_FALSE(checker.hasLanguage(QStringLiteral("fr_CA")));
}

TEST(SpellHighlighter, AMisspelledWordIsUnderlinedAndQuotedLinesAreNot)
{
    Fixture f(QStringLiteral("en_US"));
    f.edit.setPlainText(QStringLiteral("This sentense has a mistake.\n> Thsi quote is someone elses.\nSee https://exmaple.org now."));
    ASSERT_EVENTUALLY(f.done(), 10000);
    const QTextDocument *doc = f.edit.document();
    EXPECT_EQ(underlined(doc->findBlockByNumber(0)), QStringList{QStringLiteral("sentense")});
    EXPECT_TRUE(underlined(doc->findBlockByNumber(1)).isEmpty());
    EXPECT_TRUE(underlined(doc->findBlockByNumber(2)).isEmpty());
    EXPECT_EQ(f.highlighter.misspelledCount(), 1);
    EXPECT_TRUE(f.checker.suggestions(QStringLiteral("sentense")).contains(QStringLiteral("sentence")));
}

TEST(SpellHighlighter, AnIgnoredOrAddedWordLosesItsUnderline)
{
    Fixture f(QStringLiteral("en_US"));
    f.edit.setPlainText(QStringLiteral("Grüße from Outpostt and Zorblax."));
    ASSERT_EVENTUALLY(f.done() && f.highlighter.misspelledCount() == 3, 10000);
    f.checker.ignore(QStringLiteral("Zorblax"));
    ASSERT_EVENTUALLY(f.done() && f.highlighter.misspelledCount() == 2, 10000);
    ASSERT_TRUE(f.checker.addToDictionary(QStringLiteral("Outpostt")).ok());
    ASSERT_EVENTUALLY(f.done() && f.highlighter.misspelledCount() == 1, 10000);
    EXPECT_EQ(underlined(f.edit.document()->firstBlock()), QStringList{QStringLiteral("Grüße")});
    EXPECT_EQ(f.highlighter.misspelledWords(), QStringList{QStringLiteral("Grüße")});
}

TEST(SpellHighlighter, AGermanTextIsGuessedAsGerman)
{
    Fixture f(QStringLiteral("en_US"));
    QSignalSpy guessed(&f.checker, &SpellChecker::languageGuessed);
    f.checker.guessLanguage(QStringLiteral("Wir haben uns gestern lange über die neue Wohnung unterhalten und "
                                           "sind am Ende zu dem Schluss gekommen, dass sie zu klein ist")
                                .split(u' '));
    ASSERT_EVENTUALLY(guessed.size() == 1, 20000);
    EXPECT_EQ(guessed.at(0).at(0).toString(), QStringLiteral("de_DE"));
}

TEST(SpellHighlighter, ALongTextIsCheckedToTheEnd)
{
    Fixture f(QStringLiteral("en_US"));
    QStringList paragraphs;
    for (int p = 0; p < 60; ++p)
        paragraphs << QStringLiteral("The quick brown fox jumps over the lazy dog near the riverbank. ").repeated(7)
                          + (p == 59 ? QStringLiteral("Lastt") : QString());
    f.edit.setPlainText(paragraphs.join(u'\n'));
    ASSERT_EVENTUALLY(f.done(), 20000);
    EXPECT_EQ(f.highlighter.misspelledCount(), 1);
    EXPECT_EQ(underlined(f.edit.document()->lastBlock()), QStringList{QStringLiteral("Lastt")});
}
