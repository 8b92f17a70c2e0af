// SPDX-License-Identifier: GPL-3.0-or-later
// CredentialStore against the real Secret Service: this executable runs
// inside tests/scripts/with_keyring.sh (a private D-Bus session with
// gnome-keyring), and checks every entry with secret-tool as well.
#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"

#include "tests/support/testutil.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using Core::CredentialJob;
using Core::CredentialStore;
using Core::Error;
using Core::SecretKind;

namespace {

// Runs a job to completion through the event loop.
CredentialJob *finish(CredentialJob *job)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &CredentialJob::finished);
    EXPECT_TRUE(spy.wait(20000)) << "keychain job did not finish";
    return job;
}

QString secretToolLookup(const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                            CredentialStore::serviceName(), QStringLiteral("user"), key});
    EXPECT_TRUE(p.waitForFinished(20000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

class Keychain : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            << "run through tests/scripts/with_keyring.sh";
        qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-test");
    }
    CredentialStore m_store;
};

} // namespace

TEST_F(Keychain, WriteReadOverwriteDelete)
{
    const QString id = Core::Account::newId();
    const QString key = CredentialStore::entryKey(id, SecretKind::Password);
    const QList<QString> secrets = {
        QStringLiteral("hunter2"),
        QStringLiteral("Pässwörd — 密码 🔑 with spaces and \"quotes\""),
        QString(1024, u'x') + QStringLiteral("Ω"),
    };
    for (const QString &secret : secrets) {
        std::unique_ptr<CredentialJob> w(finish(m_store.write(id, secret)));
        ASSERT_FALSE(w->error().isError()) << qPrintable(w->error().message());
        std::unique_ptr<CredentialJob> r(finish(m_store.read(id)));
        ASSERT_FALSE(r->error().isError()) << qPrintable(r->error().message());
        EXPECT_EQ(r->secret(), secret);
        // Really in the keyring, as another program sees it.
        EXPECT_EQ(secretToolLookup(key), secret);
    }
    std::unique_ptr<CredentialJob> d(finish(m_store.remove(id)));
    EXPECT_FALSE(d->error().isError()) << qPrintable(d->error().message());
    EXPECT_TRUE(secretToolLookup(key).isEmpty());
    std::unique_ptr<CredentialJob> gone(finish(m_store.read(id)));
    EXPECT_EQ(gone->error().code(), Error::Code::NeedsCredentials);
    std::unique_ptr<CredentialJob> again(finish(m_store.remove(id)));
    EXPECT_FALSE(again->error().isError()) << "removing twice is fine";
}

TEST_F(Keychain, OAuthRefreshTokenIsSeparate)
{
    const QString id = Core::Account::newId();
    std::unique_ptr<CredentialJob> w1(finish(m_store.write(id, QStringLiteral("pw"))));
    std::unique_ptr<CredentialJob> w2(finish(m_store.write(id, QStringLiteral("refresh-xyz"), SecretKind::OAuthRefreshToken)));
    ASSERT_FALSE(w2->error().isError());
    std::unique_ptr<CredentialJob> r(finish(m_store.read(id, SecretKind::OAuthRefreshToken)));
    EXPECT_EQ(r->secret(), QStringLiteral("refresh-xyz"));
    EXPECT_EQ(secretToolLookup(CredentialStore::entryKey(id, SecretKind::Password)), QStringLiteral("pw"));
}

TEST_F(Keychain, JobsNeverFinishInsideTheCall)
{
    CredentialJob *job = m_store.read(Core::Account::newId());
    job->setAutoDelete(false);
    QSignalSpy spy(job, &CredentialJob::finished);
    EXPECT_EQ(spy.count(), 0);
    EXPECT_TRUE(spy.wait(20000));
    delete job;
}

// Accounts with passwords: no file under the config or data locations may
// contain a password, in any of the encodings a careless program would use.
TEST_F(Keychain, NoPasswordBytesInAnyFile)
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    const QStringList passwords = {QStringLiteral("Corr3ct-Horse-Battery-Staple"),
                                   QStringLiteral("zweites-Paßwort-äöü")};
    Core::AccountStore accounts;
    ASSERT_TRUE(accounts.path().startsWith(home.path()));
    for (int i = 0; i < passwords.size(); ++i) {
        Core::Account a;
        a.name = QStringLiteral("Account %1").arg(i);
        a.host = QStringLiteral("smtp.example.org");
        a.username = QStringLiteral("user%1@example.org").arg(i);
        Core::Identity id;
        id.address = a.username;
        a.identities = {id};
        ASSERT_TRUE(accounts.add(a).ok());
        std::unique_ptr<CredentialJob> w(finish(m_store.write(accounts.accounts().last().id, passwords[i])));
        ASSERT_FALSE(w->error().isError()) << qPrintable(w->error().message());
    }
    ASSERT_TRUE(accounts.save().ok());

    QList<QByteArray> needles;
    for (const QString &p : passwords) {
        const QByteArray utf8 = p.toUtf8();
        needles << utf8 << utf8.toBase64() << utf8.toBase64(QByteArray::Base64UrlEncoding)
                << QByteArray(reinterpret_cast<const char *>(p.utf16()), p.size() * 2);
        QByteArray be;
        for (QChar c : p)
            be.append(static_cast<char>(c.unicode() >> 8)).append(static_cast<char>(c.unicode() & 0xff));
        needles << be;
    }
    int scanned = 0;
    for (const QString &root : {home.filePath(QStringLiteral("config")), home.filePath(QStringLiteral("data"))}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            ASSERT_TRUE(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            ++scanned;
            for (const QByteArray &n : needles)
                EXPECT_FALSE(data.contains(n)) << qPrintable(f.fileName()) << " contains a password";
        }
    }
    EXPECT_GE(scanned, 1) << "the accounts file must have been scanned";
}

// Whoever waits for a password (messages held for it) hears that one was
// saved; a failed write says nothing.
TEST_F(Keychain, ASavedPasswordIsAnnounced)
{
    const QString id = Core::Account::newId();
    QSignalSpy saved(&m_store, &CredentialStore::secretSaved);
    std::unique_ptr<CredentialJob> w(finish(m_store.write(id, QStringLiteral("hunter2"))));
    ASSERT_FALSE(w->error().isError()) << qPrintable(w->error().message());
    ASSERT_EQ(saved.count(), 1);
    EXPECT_EQ(saved.first().first().toString(), id);
    std::unique_ptr<CredentialJob> d(finish(m_store.remove(id)));
    EXPECT_EQ(saved.count(), 1) << "a removal is no saved password";
}

TEST_F(Keychain, AJobAnsweredInTimeIsNotEndedByItsTimeOut)
{
    // The normal path with a time-out (a silent keychain: silentkeychain_test.cpp).
    m_store.setTimeout(1000);
    const QString id = Core::Account::newId();
    std::unique_ptr<CredentialJob> w(finish(m_store.write(id, QStringLiteral("hunter2"))));
    ASSERT_FALSE(w->error().isError()) << qPrintable(w->error().message());
    CredentialJob *read = m_store.read(id);
    read->setAutoDelete(false);
    const std::unique_ptr<CredentialJob> r(read);
    QSignalSpy finished(read, &CredentialJob::finished);
    ASSERT_TRUE(finished.wait(1000));
    QTest::qWait(1500); // past the time-out: nothing more
    EXPECT_EQ(finished.size(), 1);
    EXPECT_FALSE(r->error().isError()) << qPrintable(r->error().message());
    EXPECT_EQ(r->secret(), QStringLiteral("hunter2"));
    std::unique_ptr<CredentialJob> d(finish(m_store.remove(id)));
    EXPECT_FALSE(d->error().isError());
}
