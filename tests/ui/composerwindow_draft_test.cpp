// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/mailtourl.h"
#include "ui/composerwindow.h"

#include <gtest/gtest.h>

TEST(ComposerWindow, FilledFromAMailtoLink)
{
    auto draft = Core::parseMailtoUrl(QStringLiteral("mailto:a@b.test?cc=%22Smith%2C%20J%22%20%3Cj@s.test%3E&subject=Hi&body=Line"));
    ASSERT_TRUE(draft.ok());
    Gui::ComposerWindow window;
    window.setDraft(draft.value());
    EXPECT_EQ(window.to(), QStringLiteral("a@b.test"));
    EXPECT_EQ(window.cc(), QStringLiteral("\"Smith, J\" <j@s.test>"));
    EXPECT_EQ(window.subject(), QStringLiteral("Hi"));
    EXPECT_EQ(window.body(), QStringLiteral("Line"));
}
