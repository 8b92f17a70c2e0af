// SPDX-License-Identifier: GPL-3.0-or-later
// HTML signatures per identity (issue 22): formatted in formatted text, the
// plain one in plain text, swapped with the sender while untouched.
#include "ui/composerwindow.h"
#include "ui/messageeditor.h"
#include "ui/signatureeditor.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>
#include <QTextCursor>
#include <QTextEdit>

#include <gtest/gtest.h>

namespace {

QList<Gui::ComposerWindow::Sender> senders()
{
    return {{QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("Ada <ada@example.org>"), 0, QStringLiteral("Ada Lovelace"),
             QStringLiteral("<div><b>Ada</b> Lovelace<br><a href=\"https://example.org\">example.org</a></div>")},
            {QStringLiteral("a2"), QStringLiteral("i2"), QStringLiteral("Bob <bob@example.net>"), 0, QStringLiteral("Bob"), {}}};
}

QTextEdit *richEditor(Gui::ComposerWindow &w)
{
    return w.findChild<QTextEdit *>(QStringLiteral("richBody"));
}

} // namespace

TEST(ComposerSignature, FormattedTextGetsTheFormattedSignature)
{
    Gui::ComposerWindow w;
    w.setSenders(senders());
    EXPECT_EQ(w.body(), QStringLiteral("\n\n-- \nAda Lovelace")) << "plain text: the plain signature";
    w.setRichText(true);
    const QString html = w.htmlBody();
    EXPECT_TRUE(html.contains(QLatin1String("<div>-- </div>"))) << qPrintable(html);
    EXPECT_TRUE(html.contains(QLatin1String("<b>Ada</b> Lovelace"))) << qPrintable(html);
    EXPECT_TRUE(html.contains(QLatin1String("<a href=\"https://example.org\">example.org</a>"))) << qPrintable(html);
    EXPECT_FALSE(html.contains(QLatin1String("qt"), Qt::CaseInsensitive)) << qPrintable(html);
    EXPECT_EQ(html.count(QLatin1String("-- ")), 1);
    EXPECT_TRUE(w.body().endsWith(QLatin1String("\n-- \n*Ada* Lovelace\nexample.org <https://example.org>"))) << qPrintable(w.body());
    EXPECT_EQ(richEditor(w)->textCursor().position(), 0) << "the cursor stays above the signature";
}

TEST(ComposerSignature, ChangingTheSenderSwapsAnUntouchedSignature)
{
    Gui::ComposerWindow w;
    w.setSenders(senders());
    w.setRichText(true);
    richEditor(w)->insertPlainText(QStringLiteral("Hello"));
    w.selectSender(QStringLiteral("a2"), QStringLiteral("i2"));
    EXPECT_EQ(w.body(), QStringLiteral("Hello\n\n-- \nBob"));
    w.selectSender(QStringLiteral("a1"), QStringLiteral("i1"));
    EXPECT_TRUE(w.htmlBody().contains(QLatin1String("<b>Ada</b>")));
    EXPECT_EQ(w.body().count(QLatin1String("-- ")), 1);
    EXPECT_TRUE(w.body().startsWith(QLatin1String("Hello\n\n-- \n"))) << qPrintable(w.body());

    // Edited by the person: theirs from then on.
    QTextCursor end(richEditor(w)->document());
    end.movePosition(QTextCursor::End);
    end.insertText(QStringLiteral(" (on leave)"));
    w.selectSender(QStringLiteral("a2"), QStringLiteral("i2"));
    EXPECT_TRUE(w.body().contains(QLatin1String("(on leave)"))) << qPrintable(w.body());
    EXPECT_TRUE(w.htmlBody().contains(QLatin1String("<b>Ada</b>")));
    EXPECT_FALSE(w.body().endsWith(QLatin1String("Bob")));
}

TEST(ComposerSignature, PlainTextAgainGetsThePlainSignature)
{
    Gui::ComposerWindow w;
    w.setSenders(senders());
    w.setRichText(true);
    richEditor(w)->insertPlainText(QStringLiteral("Hi"));
    w.setRichText(false);
    EXPECT_EQ(w.body(), QStringLiteral("Hi\n\n-- \nAda Lovelace"));
    w.setRichText(true);
    EXPECT_TRUE(w.htmlBody().contains(QLatin1String("<b>Ada</b> Lovelace")));
    EXPECT_EQ(w.body().count(QLatin1String("-- ")), 1);
}

TEST(SignatureEditor, KeepsCleanHtmlOnlyWhenFormatted)
{
    Gui::SignatureEditor editor;
    editor.setSignature(QStringLiteral("Ada\nLondon"), {});
    EXPECT_EQ(editor.plainSignature(), QStringLiteral("Ada\nLondon"));
    EXPECT_TRUE(editor.htmlSignature().isEmpty()) << "no formatting: the plain one is enough";

    QTextCursor c(editor.editor()->document());
    c.movePosition(QTextCursor::NextWord, QTextCursor::KeepAnchor);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    c.mergeCharFormat(bold);
    const QString html = editor.htmlSignature();
    EXPECT_TRUE(html.contains(QLatin1String("<b>Ada</b>"))) << qPrintable(html);
    EXPECT_FALSE(html.contains(QLatin1String("qt"), Qt::CaseInsensitive)) << qPrintable(html);
    EXPECT_EQ(editor.plainSignature(), QStringLiteral("*Ada*\nLondon"));

    editor.setSignature(QStringLiteral("ignored"), QStringLiteral("<p style=\"font-family:Comic Sans\"><i>Bob</i><script>x()</script></p>"));
    EXPECT_EQ(editor.plainSignature(), QStringLiteral("/Bob/"));
    EXPECT_FALSE(editor.htmlSignature().contains(QLatin1String("Comic")));
}

// The bar's shortcuts belong to the signature: Ctrl+B in another field of
// the same dialog does not make the signature bold.
TEST(SignatureEditor, ShortcutsActOnlyWhileTheSignatureHasTheKeyboard)
{
    QWidget dialog;
    auto *layout = new QVBoxLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    auto *editor = new Gui::SignatureEditor(&dialog);
    layout->addWidget(name);
    layout->addWidget(editor);
    editor->setSignature(QStringLiteral("Ada"), {});
    dialog.show();
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
    name->setFocus();
    QTest::keyClick(name, Qt::Key_B, Qt::ControlModifier);
    EXPECT_TRUE(editor->htmlSignature().isEmpty()) << qPrintable(editor->htmlSignature());

    editor->editor()->setFocus();
    editor->editor()->selectAll();
    QTest::keyClick(editor->editor(), Qt::Key_B, Qt::ControlModifier);
    EXPECT_TRUE(editor->htmlSignature().contains(QLatin1String("<b>Ada</b>"))) << qPrintable(editor->htmlSignature());
}

// A signature as the signature editor stores it (MessageHtml's document):
// read back, its paragraphs end where the text does, not in a space.
TEST(ComposerSignature, AStoredSignatureComesBackWithoutTrailingSpaces)
{
    Gui::ComposerWindow w;
    w.setSenders({{QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("Ada <ada@example.org>"), 0, QStringLiteral("Ada Lovelace"),
                   QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n</head>\n<body>\n"
                                  "<div><b>Ada</b> Lovelace</div>\n<div>London</div>\n</body>\n</html>\n")}});
    w.setRichText(true);
    EXPECT_TRUE(w.body().endsWith(QLatin1String("\n-- \n*Ada* Lovelace\nLondon"))) << qPrintable(w.body());
    EXPECT_TRUE(w.htmlBody().contains(QLatin1String("<div><b>Ada</b> Lovelace</div>\n<div>London</div>"))) << qPrintable(w.htmlBody());
}
