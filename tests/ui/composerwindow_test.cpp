// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composerwindow.h"
#include "ui/recipientedit.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

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
