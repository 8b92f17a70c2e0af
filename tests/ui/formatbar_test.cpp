// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/formatbar.h"
#include "ui/linkdialog.h"
#include "ui/messagehtml.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>

#include <gtest/gtest.h>

#include "tests/support/testutil.h"

namespace {

// A formatted editor with its bar, driven by the bar's actions and keys,
// as the composer uses them.
class FormatBarTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_editor = new QTextEdit(&m_window);
        m_window.setCentralWidget(m_editor);
        m_bar = new Gui::FormatBar(m_editor, &m_window);
        m_window.addToolBar(m_bar);
        m_window.show();
        // Shortcuts reach an active window only.
        QApplication::setActiveWindow(&m_window);
        ASSERT_TRUE(QTest::qWaitForWindowActive(&m_window));
        m_editor->setFocus();
    }

    QAction *action(const char *name)
    {
        return m_bar->findChild<QAction *>(QString::fromLatin1(name));
    }
    void trigger(const char *name)
    {
        QAction *a = action(name);
        ASSERT_NE(a, nullptr) << name;
        a->trigger();
    }
    void type(const QString &text) { QTest::keyClicks(m_editor, text); }
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier)
    {
        QTest::keyClick(m_editor, k, m);
    }
    QString html() const { return Gui::MessageHtml::html(*m_editor->document()); }
    QString plain() const { return Gui::MessageHtml::plainText(*m_editor->document()); }
    void selectWord(const QString &word)
    {
        QTextCursor c = m_editor->document()->find(word);
        ASSERT_FALSE(c.isNull()) << word.toStdString();
        m_editor->setTextCursor(c);
    }

    QMainWindow m_window;
    QTextEdit *m_editor = nullptr;
    Gui::FormatBar *m_bar = nullptr;
};

} // namespace

TEST_F(FormatBarTest, EveryActionHasAnIconATooltipWithItsShortcutAndAName)
{
    const QStringList expected {QStringLiteral("Bold"),
                                QStringLiteral("Italic"),
                                QStringLiteral("Underline"),
                                QStringLiteral("Strikethrough"),
                                QStringLiteral("Text Colour"),
                                QStringLiteral("Text Size"),
                                QStringLiteral("Bulleted List"),
                                QStringLiteral("Numbered List"),
                                QStringLiteral("Outdent"),
                                QStringLiteral("Indent"),
                                QStringLiteral("Quote"),
                                QStringLiteral("Link"),
                                QStringLiteral("Remove Formatting")};
    QStringList names;
    for (QAction *a : m_bar->actions()) {
        if (a->isSeparator())
            continue;
        EXPECT_FALSE(a->icon().isNull()) << a->text().toStdString();
        EXPECT_FALSE(a->icon().pixmap(22, 22).toImage().isNull()) << a->text().toStdString();
        auto *button = qobject_cast<QToolButton *>(m_bar->widgetForAction(a));
        ASSERT_NE(button, nullptr);
        names << button->accessibleName();
        if (!a->shortcut().isEmpty())
            EXPECT_TRUE(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)))
                << a->toolTip().toStdString();
        else
            EXPECT_NE(a->menu(), nullptr)
                << a->text().toStdString(); // colour and size: their entries have keys
    }
    EXPECT_EQ(names, expected);
    EXPECT_EQ(action("strikeAction")->shortcut(), QKeySequence(QStringLiteral("Alt+Shift+5")));
    EXPECT_EQ(action("linkAction")->shortcut(), QKeySequence(QStringLiteral("Ctrl+K")));
    EXPECT_EQ(action("clearFormatAction")->shortcut(), QKeySequence(QStringLiteral("Ctrl+\\")));
    EXPECT_EQ(m_bar->formatMenuActions(), m_bar->actions());
}

TEST_F(FormatBarTest, EachInlineFormatIsSentInTheCleanSubset)
{
    type(QStringLiteral("a b c d e f g h"));
    const auto apply = [this](const QString &word, const char *name) {
        selectWord(word);
        trigger(name);
    };
    apply(QStringLiteral("a"), "boldAction");
    apply(QStringLiteral("b"), "italicAction");
    apply(QStringLiteral("c"), "underlineAction");
    apply(QStringLiteral("d"), "strikeAction");
    apply(QStringLiteral("e"), "colourRed");
    apply(QStringLiteral("f"), "size3"); // huge
    apply(QStringLiteral("g"), "size0"); // small
    selectWord(QStringLiteral("h"));
    trigger("largerAction");
    const QString out = html();
    EXPECT_TRUE(out.contains(QLatin1String(
        "<b>a</b> <i>b</i> <u>c</u> <s>d</s> <span style=\"color:#c62828\">e</span> "
        "<span style=\"font-size:x-large\">f</span> <span style=\"font-size:small\">g</span> "
        "<span style=\"font-size:large\">h</span>")))
        << out.toStdString();
    EXPECT_FALSE(out.contains(QLatin1String("qt"), Qt::CaseInsensitive));
    EXPECT_EQ(plain(), QStringLiteral("*a* /b/ _c_ d e f g h"));
    // Default colour and normal size take them off again.
    selectWord(QStringLiteral("e"));
    trigger("colourDefault");
    selectWord(QStringLiteral("f"));
    trigger("size1");
    EXPECT_FALSE(html().contains(QLatin1String("color:")));
    EXPECT_FALSE(html().contains(QLatin1String("x-large")));
}

TEST_F(FormatBarTest, ShortcutsOfTheBarWorkByKeyboard)
{
    key(Qt::Key_B, Qt::ControlModifier);
    type(QStringLiteral("bold"));
    key(Qt::Key_B, Qt::ControlModifier);
    type(QStringLiteral(" "));
    key(Qt::Key_5, Qt::AltModifier | Qt::ShiftModifier);
    type(QStringLiteral("gone"));
    key(Qt::Key_5, Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_TRUE(html().contains(QLatin1String("<b>bold</b> <s>gone</s>"))) << html().toStdString();
}

TEST_F(FormatBarTest, ShortcutsActOnlyWhileTheEditorHasTheKeyboard)
{
    auto *other = new QLineEdit(&m_window);
    m_window.setMenuWidget(other);
    other->setFocus();
    ASSERT_EVENTUALLY(other->hasFocus(), 2000);
    QTest::keyClick(other, Qt::Key_B, Qt::ControlModifier);
    EXPECT_FALSE(action("boldAction")->isChecked());
    EXPECT_FALSE(m_editor->currentCharFormat().fontWeight() >= QFont::Bold);
    m_editor->setFocus();
    ASSERT_EVENTUALLY(m_editor->hasFocus(), 2000);
    key(Qt::Key_B, Qt::ControlModifier);
    EXPECT_TRUE(action("boldAction")->isChecked());
}

TEST_F(FormatBarTest, TheCheckedStateFollowsTheCursor)
{
    trigger("boldAction");
    type(QStringLiteral("bold"));
    trigger("boldAction");
    type(QStringLiteral(" plain"));
    EXPECT_FALSE(action("boldAction")->isChecked());
    QTextCursor c = m_editor->textCursor();
    c.setPosition(2);
    m_editor->setTextCursor(c);
    EXPECT_TRUE(action("boldAction")->isChecked());
    EXPECT_FALSE(action("numberedListAction")->isChecked());
    key(Qt::Key_End);
    key(Qt::Key_Return);
    trigger("numberedListAction");
    EXPECT_TRUE(action("numberedListAction")->isChecked());
    EXPECT_FALSE(action("bulletListAction")->isChecked());
    trigger("bulletListAction"); // the same items, now bulleted
    EXPECT_TRUE(action("bulletListAction")->isChecked());
    EXPECT_FALSE(action("numberedListAction")->isChecked());
    trigger("quoteAction");
    EXPECT_TRUE(action("quoteAction")->isChecked());
    key(Qt::Key_Up);
    EXPECT_FALSE(action("quoteAction")->isChecked());
    EXPECT_FALSE(action("bulletListAction")->isChecked());
}

TEST_F(FormatBarTest, NestedListsKeepTheirNumbersInBothParts)
{
    trigger("numberedListAction");
    type(QStringLiteral("one"));
    key(Qt::Key_Return);
    type(QStringLiteral("two"));
    key(Qt::Key_Return);
    key(Qt::Key_Tab); // one level down
    type(QStringLiteral("two a"));
    key(Qt::Key_Return);
    type(QStringLiteral("two b"));
    key(Qt::Key_Return);
    key(Qt::Key_Backtab); // and back
    type(QStringLiteral("three"));
    EXPECT_EQ(plain(), QStringLiteral("1. one\n2. two\n   1. two a\n   2. two b\n3. three"));
    const QString html3 = html();
    // Under "three" a list of its own, not the continuation of two's.
    key(Qt::Key_Return);
    key(Qt::Key_Tab);
    type(QStringLiteral("three a"));
    EXPECT_EQ(plain(),
              QStringLiteral("1. one\n2. two\n   1. two a\n   2. two b\n3. three\n   1. three a"));
    key(Qt::Key_Backtab);
    key(Qt::Key_Backtab); // out of the list altogether
    EXPECT_EQ(plain(),
              QStringLiteral("1. one\n2. two\n   1. two a\n   2. two b\n3. three\nthree a"));
    EXPECT_FALSE(action("numberedListAction")->isChecked());
    EXPECT_TRUE(html3.contains(
        QLatin1String("<ol>\n<li>one</li>\n<li>two<ol>\n<li>two a</li>\n<li>two b</li></ol></li>\n"
                      "<li>three</li></ol>\n</body></html>")))
        << html3.toStdString();
}

TEST_F(FormatBarTest, BulletsNestByShortcutAndComeOff)
{
    key(Qt::Key_8, Qt::ControlModifier | Qt::ShiftModifier);
    type(QStringLiteral("top"));
    key(Qt::Key_Return);
    key(Qt::Key_BracketRight, Qt::ControlModifier);
    type(QStringLiteral("inner"));
    key(Qt::Key_Return);
    key(Qt::Key_BracketLeft, Qt::ControlModifier);
    key(Qt::Key_BracketLeft, Qt::ControlModifier); // out of the list
    type(QStringLiteral("after"));
    EXPECT_EQ(plain().toStdString(), "- top\n   - inner\nafter");
    EXPECT_TRUE(html().contains(
        QLatin1String("<ul>\n<li>top<ul>\n<li>inner</li></ul></li></ul>\n<div>after</div>")))
        << html().toStdString();
}

TEST_F(FormatBarTest, QuotesAndIndentedParagraphs)
{
    type(QStringLiteral("said"));
    trigger("quoteAction");
    key(Qt::Key_Return);
    trigger("quoteAction");
    trigger("indentAction");
    trigger("indentAction");
    type(QStringLiteral("aside"));
    EXPECT_EQ(plain(), QStringLiteral("> said\n        aside"));
    EXPECT_TRUE(
        html().contains(QLatin1String("<blockquote type=\"cite\">\n<div>said</div>\n</blockquote>\n"
                                      "<div style=\"margin-left:80px\">aside</div>")))
        << html().toStdString();
}

TEST_F(FormatBarTest, TheSentHtmlReadsBackToTheSameMessage)
{
    // A draft keeps the formatted text as the HTML that is sent.
    type(QStringLiteral("intro "));
    trigger("size2");
    type(QStringLiteral("large"));
    key(Qt::Key_Return);
    trigger("size1");
    trigger("indentAction");
    type(QStringLiteral("indented"));
    key(Qt::Key_Return);
    trigger("outdentAction");
    trigger("quoteAction");
    type(QStringLiteral("quoted"));
    key(Qt::Key_Return);
    trigger("quoteAction");
    trigger("numberedListAction");
    type(QStringLiteral("one"));
    key(Qt::Key_Return);
    key(Qt::Key_Tab);
    type(QStringLiteral("one a"));
    const QString sent = html();
    const QString sentPlain = plain();
    QTextEdit again;
    again.setHtml(sent);
    EXPECT_EQ(Gui::MessageHtml::html(*again.document()).toStdString(), sent.toStdString());
    EXPECT_EQ(Gui::MessageHtml::plainText(*again.document()).toStdString(),
              sentPlain.toStdString());
}

TEST_F(FormatBarTest, RemoveFormattingKeepsTheWordsAndTheLinks)
{
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(QStringLiteral("https://example.org/"));
    link.setFontUnderline(true);
    m_editor->textCursor().insertText(QStringLiteral("site"), link);
    m_editor->setCurrentCharFormat(QTextCharFormat());
    type(QStringLiteral(" "));
    trigger("boldAction");
    trigger("italicAction");
    type(QStringLiteral("loud"));
    EXPECT_EQ(plain(), QStringLiteral("site <https://example.org/> */loud/*"));
    m_editor->selectAll();
    key(Qt::Key_Backslash, Qt::ControlModifier);
    EXPECT_FALSE(html().contains(QLatin1String("<b>")));
    EXPECT_FALSE(html().contains(QLatin1String("<i>")));
    EXPECT_TRUE(html().contains(QLatin1String("<a href=\"https://example.org/\">site</a> loud")))
        << html().toStdString();
}

namespace {

// Answers the link dialog the bar opens (it is modal): `answer` gets it.
void whenTheLinkDialogOpens(const std::function<void(Gui::LinkDialog *)> &answer)
{
    QTimer::singleShot(0, qApp, [answer] {
        auto *dialog = qobject_cast<Gui::LinkDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        answer(dialog);
    });
}

} // namespace

TEST_F(FormatBarTest, ALinkIsInsertedEditedAndRemoved)
{
    type(QStringLiteral("Read "));
    whenTheLinkDialogOpens([](Gui::LinkDialog *dialog) {
        EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Insert Link"));
        dialog->findChild<QLineEdit *>(QStringLiteral("linkText"))->setText(QStringLiteral("this"));
        dialog->findChild<QLineEdit *>(QStringLiteral("linkAddress"))
            ->setText(QStringLiteral("example.org/a"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    key(Qt::Key_K, Qt::ControlModifier);
    type(QStringLiteral(" now"));
    EXPECT_EQ(plain(), QStringLiteral("Read this <https://example.org/a> now"));
    EXPECT_TRUE(
        html().contains(QLatin1String("Read <a href=\"https://example.org/a\">this</a> now")))
        << html().toStdString();

    // In the link: the dialog edits the whole of it.
    QTextCursor c = m_editor->textCursor();
    c.setPosition(7);
    m_editor->setTextCursor(c);
    EXPECT_TRUE(action("linkAction")->isChecked());
    whenTheLinkDialogOpens([](Gui::LinkDialog *dialog) {
        EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Edit Link"));
        EXPECT_EQ(dialog->findChild<QLineEdit *>(QStringLiteral("linkText"))->text(),
                  QStringLiteral("this"));
        EXPECT_EQ(dialog->findChild<QLineEdit *>(QStringLiteral("linkAddress"))->text(),
                  QStringLiteral("https://example.org/a"));
        dialog->findChild<QPushButton *>(QStringLiteral("removeLink"))->click();
    });
    trigger("linkAction");
    EXPECT_EQ(plain(), QStringLiteral("Read this now"));
    EXPECT_FALSE(html().contains(QLatin1String("<a ")));
    EXPECT_FALSE(html().contains(QLatin1String("<u>")));
}

TEST(LinkDialog, OnlyAddressesAMessageMayLinkToAreAccepted)
{
    EXPECT_EQ(Gui::LinkDialog::linkTarget(QStringLiteral("example.org")),
              QUrl(QStringLiteral("https://example.org")));
    EXPECT_EQ(Gui::LinkDialog::linkTarget(QStringLiteral("ada@example.org")),
              QUrl(QStringLiteral("mailto:ada@example.org")));
    EXPECT_EQ(Gui::LinkDialog::linkTarget(QStringLiteral("tel:+441234")),
              QUrl(QStringLiteral("tel:+441234")));
    EXPECT_EQ(Gui::LinkDialog::linkTarget(QStringLiteral("http://example.org/x?y=1")),
              QUrl(QStringLiteral("http://example.org/x?y=1")));
    for (const char *refused :
         {"javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https://", ""})
        EXPECT_FALSE(Gui::LinkDialog::linkTarget(QString::fromLatin1(refused)).isValid())
            << refused;
}
