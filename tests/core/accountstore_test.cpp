// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/accountstore.h"
#include "core/accounts/truststore.h"
#include "core/util/durablefile.h"

#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

#include <atomic>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <unistd.h>
#else
// Windows has no effective user id; these suites run unprivileged there.
static unsigned int geteuid() { return 1; }
#endif

using Core::Account;
using Core::AccountStore;
using Core::Error;
using Core::Identity;

namespace {

Account sampleAccount(const QString &name, const QString &address)
{
    Account a;
    a.name = name;
    a.host = QStringLiteral("smtp.example.org");
    a.port = 465;
    a.security = Core::SmtpSecurity::ImplicitTls;
    a.username = address;
    Identity i;
    i.name = QStringLiteral("Jürgen Groß");
    i.address = address;
    i.signature = QStringLiteral("-- \nJürgen");
    i.isDefault = true;
    a.identities = {i};
    return a;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

// A directory nobody may create files in. As root, permission bits do not
// stop writes, so the immutable attribute is used instead.
class ReadOnlyDirectory
{
public:
    explicit ReadOnlyDirectory(const QString &dir) : m_dir(dir)
    {
        if (geteuid() == 0)
            EXPECT_EQ(QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), dir}), 0);
        else
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    }
    ~ReadOnlyDirectory()
    {
        if (geteuid() == 0)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_dir});
        else
            QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

private:
    QString m_dir;
};

class AccountStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("config/accounts.json"));
    }

    // A saved store with two accounts; returns the file's bytes.
    QByteArray saveTwo()
    {
        AccountStore store(m_path);
        EXPECT_TRUE(store.add(sampleAccount(QStringLiteral("Work"), QStringLiteral("me@work.example"))).ok());
        EXPECT_TRUE(store.add(sampleAccount(QStringLiteral("Home"), QStringLiteral("me@home.example"))).ok());
        EXPECT_TRUE(store.save().ok());
        return readFile(m_path);
    }

    void expectSetAsideWithOriginal(const AccountStore &store, const Core::Result<void> &r,
                                    const QByteArray &original)
    {
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code(), Error::Code::Corrupt);
        EXPECT_FALSE(r.error().message().isEmpty());
        ASSERT_FALSE(store.setAsidePath().isEmpty());
        EXPECT_TRUE(r.error().message().contains(QDir::toNativeSeparators(store.setAsidePath())));
        EXPECT_EQ(readFile(store.setAsidePath()), original) << "the damaged file is kept as it was";
        EXPECT_FALSE(QFile::exists(m_path));
        EXPECT_TRUE(store.accounts().isEmpty()) << "never silently half-loaded";
    }

    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace

TEST_F(AccountStoreTest, RoundTrip)
{
    saveTwo();
    AccountStore store(m_path);
    ASSERT_TRUE(store.load().ok());
    ASSERT_EQ(store.accounts().size(), 2);
    const Account *work = store.find(QStringLiteral("work"));
    ASSERT_NE(work, nullptr);
    EXPECT_EQ(work->host, QStringLiteral("smtp.example.org"));
    EXPECT_EQ(work->security, Core::SmtpSecurity::ImplicitTls);
    EXPECT_EQ(work->identities.first().name, QStringLiteral("Jürgen Groß"));
    EXPECT_EQ(store.findByAddress(QStringLiteral("ME@home.example"))->name, QStringLiteral("Home"));
    EXPECT_EQ(store.find(work->id), work);
    const QJsonObject json = QJsonDocument::fromJson(readFile(m_path)).object();
    EXPECT_EQ(json.value(QStringLiteral("version")).toInt(), AccountStore::kVersion);
}

TEST_F(AccountStoreTest, MissingFileIsAnEmptyStore)
{
    AccountStore store(m_path);
    EXPECT_TRUE(store.load().ok());
    EXPECT_TRUE(store.accounts().isEmpty());
}

TEST_F(AccountStoreTest, ValidationNamesTheField)
{
    AccountStore store(m_path);
    Account bad = sampleAccount(QStringLiteral("X"), QStringLiteral("not an address"));
    auto r = store.add(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field(), QStringLiteral("address"));
    bad = sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"));
    bad.host.clear();
    EXPECT_EQ(store.add(bad).error().field(), QStringLiteral("host"));
    EXPECT_TRUE(store.add(sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"))).ok());
    EXPECT_EQ(store.add(sampleAccount(QStringLiteral("x"), QStringLiteral("y@example.org"))).error().field(),
              QStringLiteral("name"));
}

TEST_F(AccountStoreTest, CorruptJsonIsSetAsideNotReset)
{
    QByteArray data = saveTwo();
    data.replace("\"accounts\"", "\"accounts\" ,,, {");
    writeFile(m_path, data);
    AccountStore store(m_path);
    const auto r = store.load();
    expectSetAsideWithOriginal(store, r, data);
}

TEST_F(AccountStoreTest, TruncatedFileIsSetAside)
{
    const QByteArray data = saveTwo().left(200);
    writeFile(m_path, data);
    AccountStore store(m_path);
    expectSetAsideWithOriginal(store, store.load(), data);
}

TEST_F(AccountStoreTest, UnknownVersionIsSetAside)
{
    QByteArray data = saveTwo();
    data.replace("\"version\": 1", "\"version\": 99");
    writeFile(m_path, data);
    AccountStore store(m_path);
    const auto r = store.load();
    expectSetAsideWithOriginal(store, r, data);
    EXPECT_TRUE(r.error().message().contains(QStringLiteral("99")));
}

TEST_F(AccountStoreTest, InvalidEntryIsSetAsideWholeSoNothingIsLost)
{
    QByteArray data = saveTwo();
    data.replace("\"port\": 465", "\"port\": 0");
    writeFile(m_path, data);
    AccountStore store(m_path);
    expectSetAsideWithOriginal(store, store.load(), data);
}

TEST_F(AccountStoreTest, ReadOnlyDirectoryKeepsTheExistingFile)
{
    const QByteArray before = saveTwo();
    AccountStore store(m_path);
    ASSERT_TRUE(store.load().ok());
    ASSERT_TRUE(store.add(sampleAccount(QStringLiteral("Third"), QStringLiteral("third@example.org"))).ok());
    {
        ReadOnlyDirectory ro(QFileInfo(m_path).absolutePath());
        const auto r = store.save();
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code(), Error::Code::WriteFailed);
        EXPECT_FALSE(r.error().message().isEmpty());
        EXPECT_EQ(readFile(m_path), before) << "the existing accounts are untouched";
        // Loading still works from a read-only directory.
        AccountStore reader(m_path);
        EXPECT_TRUE(reader.load().ok());
        EXPECT_EQ(reader.accounts().size(), 2);
    }
    const QStringList files = QDir(QFileInfo(m_path).absolutePath()).entryList(QDir::Files | QDir::Hidden);
    EXPECT_EQ(files, (QStringList{QFileInfo(m_path).fileName(), QFileInfo(m_path).fileName() + QStringLiteral(".lock")}))
        << "no temporary file left behind";
    EXPECT_TRUE(store.save().ok());
}

// The GUI and `outpost account add` each hold a store read at their start:
// a save merges its own changes into the file, never writes the list whole.
TEST_F(AccountStoreTest, TwoStoresAddingAfterTheyLoadedKeepBoth)
{
    AccountStore gui(m_path);
    AccountStore cli(m_path);
    ASSERT_TRUE(gui.load().ok());
    ASSERT_TRUE(cli.load().ok());
    ASSERT_TRUE(cli.add(sampleAccount(QStringLiteral("Cli"), QStringLiteral("cli@example.org"))).ok());
    ASSERT_TRUE(cli.save().ok());
    ASSERT_TRUE(gui.add(sampleAccount(QStringLiteral("Gui"), QStringLiteral("gui@example.org"))).ok());
    ASSERT_TRUE(gui.save().ok());
    EXPECT_EQ(gui.accounts().size(), 2) << "after a save the store shows the file";
    AccountStore reader(m_path);
    ASSERT_TRUE(reader.load().ok());
    EXPECT_NE(reader.find(QStringLiteral("Cli")), nullptr);
    EXPECT_NE(reader.find(QStringLiteral("Gui")), nullptr);
}

// What the flusher learns about a server (no pipelining behind the dot) is
// written into the account as it is on disk now: another process's edit of
// the same account since this store loaded it stays.
TEST_F(AccountStoreTest, ModifyKeepsAnotherProcesssEditOfTheSameAccount)
{
    saveTwo();
    AccountStore flusher(m_path);
    ASSERT_TRUE(flusher.load().ok());
    const QString workId = flusher.find(QStringLiteral("Work"))->id;
    {
        AccountStore cli(m_path);
        ASSERT_TRUE(cli.load().ok());
        Account work = *cli.find(workId);
        work.host = QStringLiteral("mail.work.example");
        ASSERT_TRUE(cli.update(work).ok());
        ASSERT_TRUE(cli.save().ok());
    }
    ASSERT_TRUE(flusher.modify(workId, [](Account &a) { a.pipelineBehindDot = false; }).ok());
    EXPECT_FALSE(flusher.find(workId)->pipelineBehindDot);
    AccountStore reader(m_path);
    ASSERT_TRUE(reader.load().ok());
    EXPECT_EQ(reader.find(workId)->host, QStringLiteral("mail.work.example"));
    EXPECT_FALSE(reader.find(workId)->pipelineBehindDot);
    EXPECT_NE(reader.find(QStringLiteral("Home")), nullptr);
    // A gone account is nothing to change.
    EXPECT_TRUE(flusher.modify(QStringLiteral("no-such-id"), [](Account &a) { a.host.clear(); }).ok());
}

TEST_F(AccountStoreTest, AnUpdateOrRemovalTouchesOnlyItsOwnAccount)
{
    saveTwo();
    AccountStore gui(m_path);
    ASSERT_TRUE(gui.load().ok());
    {
        AccountStore cli(m_path);
        ASSERT_TRUE(cli.load().ok());
        ASSERT_TRUE(cli.add(sampleAccount(QStringLiteral("Cli"), QStringLiteral("cli@example.org"))).ok());
        ASSERT_TRUE(cli.save().ok());
    }
    Account work = *gui.find(QStringLiteral("Work"));
    work.host = QStringLiteral("mail.work.example");
    ASSERT_TRUE(gui.update(work).ok());
    EXPECT_TRUE(gui.remove(gui.find(QStringLiteral("Home"))->id));
    ASSERT_TRUE(gui.save().ok());
    AccountStore reader(m_path);
    ASSERT_TRUE(reader.load().ok());
    ASSERT_EQ(reader.accounts().size(), 2);
    EXPECT_EQ(reader.find(QStringLiteral("Work"))->host, QStringLiteral("mail.work.example"));
    EXPECT_NE(reader.find(QStringLiteral("Cli")), nullptr) << "the other process's account survives";
    EXPECT_EQ(reader.find(QStringLiteral("Home")), nullptr);
    // Reading again keeps what is not saved yet.
    ASSERT_TRUE(gui.add(sampleAccount(QStringLiteral("Unsaved"), QStringLiteral("u@example.org"))).ok());
    ASSERT_TRUE(gui.load().ok());
    EXPECT_NE(gui.find(QStringLiteral("Unsaved")), nullptr);
    EXPECT_NE(gui.find(QStringLiteral("Cli")), nullptr);
}

// Stores on several threads are as separate as processes (each save takes
// the OS lock through its own open file): none of their accounts is lost.
TEST_F(AccountStoreTest, StoresSavingAtTheSameTimeLoseNothing)
{
    constexpr int kWriters = 6;
    constexpr int kEach = 5;
    std::vector<std::thread> writers;
    std::atomic<int> failures = 0;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([this, w, &failures] {
            for (int n = 0; n < kEach; ++n) {
                AccountStore store(m_path);
                const QString name = QStringLiteral("w%1n%2").arg(w).arg(n);
                if (!store.load().ok() || !store.add(sampleAccount(name, name + QStringLiteral("@example.org"))).ok()
                    || !store.save().ok())
                    ++failures;
            }
        });
    }
    for (std::thread &t : writers)
        t.join();
    EXPECT_EQ(failures, 0);
    AccountStore reader(m_path);
    ASSERT_TRUE(reader.load().ok());
    EXPECT_EQ(reader.accounts().size(), kWriters * kEach);
}

TEST(VersionedJsonFile, MigrationsUpgradeOldVersions)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    ASSERT_TRUE(Core::Durable::writeFileAtomically(path, R"({"version": 1, "old": "x"})").ok());
    Core::VersionedJsonFile file(path, 3, QStringLiteral("test settings"));
    file.addMigration(1, [](QJsonObject o) -> Core::Result<QJsonObject> {
        o.insert(QStringLiteral("v2"), o.take(QStringLiteral("old")));
        return o;
    });
    file.addMigration(2, [](QJsonObject o) -> Core::Result<QJsonObject> {
        o.insert(QStringLiteral("v3"), true);
        return o;
    });
    auto r = file.load({});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->value(QStringLiteral("v2")).toString(), QStringLiteral("x"));
    EXPECT_TRUE(r->value(QStringLiteral("v3")).toBool());
    EXPECT_EQ(r->value(QStringLiteral("version")).toInt(), 3);
}

TEST(TrustStore, PinsPerServer)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trust.json"));
    {
        Core::TrustStore store(path);
        ASSERT_TRUE(store.load().ok());
        store.pin(QStringLiteral("Smtp.Example.org"), 465, QString(64, u'A'));
        store.pin(QStringLiteral("smtp.example.org"), 465, QString(64, u'a'));
        ASSERT_TRUE(store.save().ok());
    }
    Core::TrustStore store(path);
    ASSERT_TRUE(store.load().ok());
    EXPECT_EQ(store.pins(QStringLiteral("smtp.example.org"), 465), QStringList{QString(64, u'a')});
    EXPECT_TRUE(store.pins(QStringLiteral("smtp.example.org"), 587).isEmpty());
}

TEST(TrustStore, ACertificateTrustedInAnotherProcessIsKept)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trust.json"));
    Core::TrustStore gui(path);
    Core::TrustStore cli(path);
    ASSERT_TRUE(gui.load().ok());
    ASSERT_TRUE(cli.load().ok());
    cli.pin(QStringLiteral("smtp.example.org"), 465, QString(64, u'b'));
    ASSERT_TRUE(cli.save().ok());
    gui.pin(QStringLiteral("mail.example.net"), 587, QString(64, u'c'));
    ASSERT_TRUE(gui.save().ok());
    EXPECT_EQ(gui.pins(QStringLiteral("smtp.example.org"), 465), QStringList{QString(64, u'b')});
    Core::TrustStore reader(path);
    ASSERT_TRUE(reader.load().ok());
    EXPECT_EQ(reader.pins(QStringLiteral("smtp.example.org"), 465), QStringList{QString(64, u'b')});
    EXPECT_EQ(reader.pins(QStringLiteral("mail.example.net"), 587), QStringList{QString(64, u'c')});
}
