// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

TEST(Version, IsSemanticVersionFromProject)
{
    const QRegularExpression semver(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
    EXPECT_TRUE(semver.match(Core::applicationVersion()).hasMatch())
        << qPrintable(Core::applicationVersion());
    EXPECT_EQ(Core::userAgent(), QStringLiteral("Outpost/") + Core::applicationVersion());
}
