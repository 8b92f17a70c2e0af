// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composerwindow.h"
#include "ui/recipientedit.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

#include "tests/support/testutil.h"

#include <gtest/gtest.h>

using Gui::ComposerWindow;

TEST(ComposerWindow, TypingFillsTheFields)
{
    ComposerWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    auto *to = window.findChild<Gui::RecipientEdit *>(QStringLiteral("to"));
    auto *subject = window.findChild<QLineEdit *>(QStringLiteral("subject"));
    auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    ASSERT_NE(to, nullptr);
    ASSERT_NE(subject, nullptr);
    ASSERT_NE(body, nullptr);

    QTest::keyClicks(to, QStringLiteral("ada@example.org"));
    QTest::keyClicks(subject, QStringLiteral("Hello"));
    QTest::keyClicks(body, QStringLiteral("First line"));

    EXPECT_EQ(window.to(), QStringLiteral("ada@example.org"));
    EXPECT_EQ(window.subject(), QStringLiteral("Hello"));
    EXPECT_EQ(window.body(), QStringLiteral("First line"));
    EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("Hello")));
}

TEST(ComposerWindow, CtrlReturnRequestsSend)
{
    ComposerWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy spy(&window, &ComposerWindow::sendRequested);
    window.setSubject(QStringLiteral("Hello"));

    auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    ASSERT_NE(body, nullptr);
    body->setFocus();
    QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);

    EXPECT_EQ(spy.count(), 1);
    // Ctrl+Return must not have inserted a line break into the text.
    EXPECT_EQ(window.body(), QString());
}

TEST(ComposerWindow, RecipientListsShareAThirdOfTheWindow)
{
    ComposerWindow window;
    window.resize(760, 560);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const auto list = [](int count) {
        QStringList all;
        for (int n = 1; n <= count; ++n)
            all << QStringLiteral("person%1@example.org").arg(n);
        return all.join(QStringLiteral(", "));
    };
    auto *to = window.findChild<Gui::RecipientEdit *>(QStringLiteral("to"));
    auto *cc = window.findChild<Gui::RecipientEdit *>(QStringLiteral("cc"));
    auto *bcc = window.findChild<Gui::RecipientEdit *>(QStringLiteral("bcc"));
    ASSERT_TRUE(to && cc && bcc);
    const int budget = std::max(3, window.height() / 3 / to->fontMetrics().lineSpacing());
    const auto shown
        = [](const Gui::RecipientEdit *f) { return std::min(f->lineCount(), f->maximumLines()); };
    // Thirty addresses alone: every line of them shows.
    window.setTo(list(30));
    ASSERT_EVENTUALLY(to->lineCount() > 3, 2000);
    EXPECT_GE(to->maximumLines(), to->lineCount());
    ASSERT_EVENTUALLY(to->height() >= to->sizeHint().height(), 2000);
    // Two long lists: together within the third, each scrolls in its share.
    window.setCc(list(80));
    window.setTo(list(80));
    ASSERT_EVENTUALLY(cc->lineCount() > budget && to->lineCount() > budget, 2000);
    EXPECT_LE(shown(to) + shown(cc) + shown(bcc), budget);
    EXPECT_GE(shown(to), budget / 3);
    EXPECT_GE(shown(cc), budget / 3);
    EXPECT_EQ(shown(bcc), 1);
}
