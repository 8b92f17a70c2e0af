// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recipientedit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>
#include <QTextCursor>

#include <gtest/gtest.h>

#include "tests/support/testutil.h"

using Gui::RecipientEdit;

namespace {

QString addresses(int count)
{
    QStringList list;
    for (int n = 1; n <= count; ++n)
        list << QStringLiteral("reader%1@example.org").arg(n);
    return list.join(QStringLiteral(", "));
}

} // namespace

TEST(RecipientEdit, PastedLinesBecomeOneListAndReturnAddsNoLine)
{
    RecipientEdit edit;
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    QApplication::clipboard()->setText(QStringLiteral(
        "ada@example.org\nbob@example.org,\r\n\n\"Lovelace, Ada\" <al@example.org>\n"));
    edit.paste();
    EXPECT_EQ(
        edit.text(),
        QStringLiteral("ada@example.org, bob@example.org, \"Lovelace, Ada\" <al@example.org>"));
    EXPECT_EQ(edit.entries().size(), 3);
    // A piece of one line goes in as it is (its tab a space).
    edit.moveCursor(QTextCursor::End);
    QApplication::clipboard()->setText(QStringLiteral(",\tcarol@example.org, "));
    edit.paste();
    EXPECT_TRUE(edit.text().endsWith(QStringLiteral("<al@example.org>, carol@example.org, ")))
        << edit.text().toStdString();
    EXPECT_EQ(edit.entries().size(), 4);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClick(&edit, Qt::Key_Enter);
    EXPECT_FALSE(edit.toPlainText().contains(u'\n'));
    EXPECT_EQ(edit.document()->blockCount(), 1);
}

TEST(RecipientEdit, GrowsWithItsLinesUpToTheBoundAndShrinksBack)
{
    RecipientEdit edit;
    edit.setMaximumLines(4);
    edit.resize(300, edit.sizeHint().height());
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    const int oneLine = edit.sizeHint().height();
    edit.setText(addresses(3));
    ASSERT_EVENTUALLY(edit.lineCount() >= 2, 2000);
    EXPECT_GT(edit.sizeHint().height(), oneLine);
    edit.setText(addresses(40));
    ASSERT_EVENTUALLY(edit.lineCount() > 4, 2000);
    const int bound = edit.sizeHint().height();
    EXPECT_GE(bound, oneLine + 3 * edit.fontMetrics().lineSpacing());
    edit.setText(addresses(60));
    EXPECT_EQ(edit.sizeHint().height(), bound); // beyond the bound it scrolls
    edit.setText(QString());
    ASSERT_EVENTUALLY(edit.lineCount() == 1, 2000);
    EXPECT_EQ(edit.sizeHint().height(), oneLine);
}

TEST(RecipientEdit, TypingIsAnEditFillingInIsNotAndUndoWorks)
{
    RecipientEdit edit;
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    QSignalSpy edited(&edit, &RecipientEdit::edited);
    edit.setText(QStringLiteral("ada@example.org"));
    EXPECT_EQ(edited.count(), 0);
    edit.moveCursor(QTextCursor::End);
    QTest::keyClicks(&edit, QStringLiteral(", bob@example.org"));
    EXPECT_GT(edited.count(), 0);
    EXPECT_EQ(edit.text(), QStringLiteral("ada@example.org, bob@example.org"));
    edit.undo();
    EXPECT_EQ(edit.text(), QStringLiteral("ada@example.org"));
}

TEST(RecipientEdit, CompletesTheEntryAtTheCursor)
{
    QStringListModel known({QStringLiteral("Bob Builder <bob@example.org>"),
                            QStringLiteral("Carol <carol@example.org>")});
    RecipientEdit edit;
    edit.setCompletionModel(&known);
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    edit.setFocus();
    ASSERT_EVENTUALLY(edit.hasFocus(), 2000);
    edit.setText(QStringLiteral("ada@example.org, , dan@example.org"));
    QTextCursor at = edit.textCursor();
    at.setPosition(static_cast<int>(QStringLiteral("ada@example.org, ").size()));
    edit.setTextCursor(at);
    QTest::keyClicks(&edit, QStringLiteral("buil"));
    QAbstractItemView *popup = edit.completer()->popup();
    ASSERT_EVENTUALLY(popup->isVisible(), 2000);
    EXPECT_EQ(edit.completer()->completionCount(), 1);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(edit.text(),
              QStringLiteral("ada@example.org, Bob Builder <bob@example.org>, dan@example.org"));
    EXPECT_FALSE(popup->isVisible());
    EXPECT_TRUE(edit.hasFocus());
}

TEST(RecipientEdit, AContactIsFoundByNicknameAndAGroupPutsInItsMembers)
{
    using Kind = Core::RecipientCompletion::Kind;
    Gui::RecipientCompletionModel model;
    model.setCompletions({
        {Kind::Address, QStringLiteral("Ada Lovelace <ada@example.org>"),
         QStringLiteral("Ada Lovelace <ada@example.org> Enchantress Mathematicians"), QStringLiteral("Ada Lovelace <ada@example.org>")},
        {Kind::Group, QStringLiteral("Mathematicians (group of 2)"), QStringLiteral("Mathematicians"),
         QStringLiteral("Ada Lovelace <ada@example.org>, Emmy Noether <emmy@example.org>")},
    });
    RecipientEdit edit;
    edit.setCompletionModel(&model);
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    edit.setFocus();
    ASSERT_EVENTUALLY(edit.hasFocus(), 2000);
    QTest::keyClicks(&edit, QStringLiteral("enchant"));
    QAbstractItemView *popup = edit.completer()->popup();
    ASSERT_EVENTUALLY(popup->isVisible(), 2000);
    ASSERT_EQ(edit.completer()->completionCount(), 1);
    EXPECT_EQ(popup->model()->index(0, 0).data().toString(), QStringLiteral("Ada Lovelace <ada@example.org>")) << "shown as the address";
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(edit.text(), QStringLiteral("Ada Lovelace <ada@example.org>"));

    QTest::keyClicks(&edit, QStringLiteral(", mathem"));
    ASSERT_EVENTUALLY(popup->isVisible(), 2000);
    ASSERT_EQ(edit.completer()->completionCount(), 2) << "Ada (a Mathematician) and the group";
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(edit.text(), QStringLiteral("Ada Lovelace <ada@example.org>, Ada Lovelace <ada@example.org>, Emmy Noether <emmy@example.org>"))
        << "the group's members, not its name";
}
