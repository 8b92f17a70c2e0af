// SPDX-License-Identifier: GPL-3.0-or-later
// Without any Secret Service (this executable runs through
// tests/scripts/without_keyring.sh: no D-Bus session at all), saving a
// password fails with the explanation, and nothing is written elsewhere.
#include "core/accounts/credentialstore.h"

#include "tests/support/testutil.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>

using Core::CredentialJob;
using Core::CredentialStore;
using Core::Error;

TEST(NoKeychain, SavingFailsWithAnExplanationAndWritesNothing)
{
    ASSERT_TRUE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        << "run through tests/scripts/without_keyring.sh";
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    const QString secret = QStringLiteral("no-keychain-secret-4711");

    CredentialStore store;
    CredentialJob *job = store.write(QStringLiteral("acct"), secret);
    job->setAutoDelete(false);
    QSignalSpy spy(job, &CredentialJob::finished);
    ASSERT_TRUE(spy.wait(30000));
    EXPECT_EQ(job->error().code(), Error::Code::Keychain) << qPrintable(job->error().message());
    EXPECT_TRUE(job->error().message().contains(QStringLiteral("never in a file")))
        << qPrintable(job->error().message());
    delete job;

    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_FALSE(f.readAll().contains(secret.toUtf8())) << qPrintable(f.fileName());
    }
}
