// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An outbox whose one account sends to a real aiosmtpd (no AUTH), which
// stores every message it receives: what a flusher test starts from.

#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/outbox/outbox.h"

#include <QDir>
#include <QTemporaryDir>

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <gtest/gtest.h>

struct AiosmtpdOutbox
{
    explicit AiosmtpdOutbox(const QString &accountName)
    {
        EXPECT_TRUE(dir.isValid());
        EXPECT_TRUE(server.ok());
        EXPECT_TRUE(outbox.open().ok());
        EXPECT_TRUE(accounts.add(TestUtil::localAccount(accountName, server.ready().toUShort())).ok());
    }
    [[nodiscard]] Core::Account account() const { return accounts.accounts().last(); }
    /// Messages the server has received.
    [[nodiscard]] qsizetype delivered() const
    {
        return QDir(received).entryList({QStringLiteral("*.json")}, QDir::Files).size();
    }

    QTemporaryDir dir;
    QString received = [this] {
        const QString path = dir.filePath(QStringLiteral("received"));
        EXPECT_TRUE(QDir().mkpath(path));
        return path;
    }();
    ServerProcess server{TestUtil::python(),
                         {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), received,
                          QStringLiteral("--no-auth")}};
    Core::Outbox outbox{dir.filePath(QStringLiteral("outbox"))};
    Core::AccountStore accounts{dir.filePath(QStringLiteral("accounts.json"))};
    Core::TrustStore trust{dir.filePath(QStringLiteral("trust.json"))};
    Core::CredentialStore credentials;
};
