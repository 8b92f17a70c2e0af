// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/accountstore.h"
#include "core/accounts/truststore.h"
#include "core/util/durablefile.h"

#include "tests/support/testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

// The Sent copy (issue 20): the account's IMAP server and "save a copy".

TEST_F(AccountStoreTest, TheImapServerAndSaveSentSurviveTheFile)
{
    Account a = sampleAccount(QStringLiteral("Work"), QStringLiteral("me@work.example"));
    a.imap.host = QStringLiteral("imap.example.org");
    a.imap.port = 143;
    a.imap.security = Core::SmtpSecurity::StartTls;
    a.imap.username = QStringLiteral("me");
    a.saveSent = Core::SentCopyMode::Always;
    Account plain = sampleAccount(QStringLiteral("Home"), QStringLiteral("me@home.example"));
    plain.saveSent = Core::SentCopyMode::Never;
    {
        AccountStore store(m_path);
        ASSERT_TRUE(store.add(a).ok());
        ASSERT_TRUE(store.add(plain).ok());
        ASSERT_TRUE(store.save().ok());
    }
    AccountStore store(m_path);
    ASSERT_TRUE(store.load().ok());
    const Account *work = store.find(QStringLiteral("Work"));
    ASSERT_NE(work, nullptr);
    EXPECT_EQ(work->imap, a.imap);
    EXPECT_EQ(work->saveSent, Core::SentCopyMode::Always);
    const Account *home = store.find(QStringLiteral("Home"));
    ASSERT_NE(home, nullptr);
    EXPECT_TRUE(home->imap.host.isEmpty());
    EXPECT_EQ(home->saveSent, Core::SentCopyMode::Never);

    const QJsonArray list = QJsonDocument::fromJson(readFile(m_path)).object().value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(list.size(), 2);
    for (const auto &v : list) {
        const QJsonObject o = v.toObject();
        EXPECT_FALSE(o.value(QStringLiteral("options")).toObject().contains(QStringLiteral("saveCopy")));
        if (o.value(QStringLiteral("name")).toString() == QLatin1String("Work")) {
            EXPECT_EQ(o.value(QStringLiteral("imap")).toObject(),
                      (QJsonObject{{QStringLiteral("host"), QStringLiteral("imap.example.org")},
                                   {QStringLiteral("port"), 143},
                                   {QStringLiteral("security"), QStringLiteral("starttls")},
                                   {QStringLiteral("username"), QStringLiteral("me")}}));
            EXPECT_EQ(o.value(QStringLiteral("options")).toObject().value(QStringLiteral("saveSent")).toString(),
                      QStringLiteral("always"));
        } else {
            EXPECT_FALSE(o.contains(QStringLiteral("imap"))) << "no IMAP server: no \"imap\" object";
        }
    }
}

TEST_F(AccountStoreTest, AFileFromBeforeTheSentCopyReadsAsAutoWithoutImap)
{
    // As version 1 files were written before issue 20: "saveCopy" false,
    // neither "imap" nor "saveSent".
    const QByteArray old = R"({"version": 1, "defaultAccount": "", "accounts": [
        {"id": "6d1c0f5e-0000-4000-8000-000000000001", "name": "Old",
         "smtp": {"host": "smtp.example.org", "port": 587, "security": "starttls", "username": "old@example.org",
                  "auth": "password", "allowCleartextAuth": false, "authMechanisms": [], "maxSize": 0},
         "options": {"dsn": false, "saveCopy": false},
         "identities": [{"id": "i1", "name": "Old", "address": "old@example.org", "replyTo": "",
                         "signature": "", "htmlSignature": "", "default": true}]}]})";
    QDir().mkpath(QFileInfo(m_path).path());
    writeFile(m_path, old);
    AccountStore store(m_path);
    ASSERT_TRUE(store.load().ok());
    ASSERT_EQ(store.accounts().size(), 1);
    const Account &a = store.accounts().first();
    EXPECT_EQ(a.imap, Core::ImapAccountSettings{});
    EXPECT_TRUE(a.imap.host.isEmpty());
    EXPECT_EQ(a.saveSent, Core::SentCopyMode::Auto);
    EXPECT_FALSE(a.copiesToSent());
}

TEST(Account, ImapFieldsAreValidatedByName)
{
    Account a = sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"));
    a.id = Account::newId();
    ASSERT_TRUE(a.validate().ok());
    const auto fieldOf = [](const Account &b) { return b.validate().ok() ? QString() : b.validate().error().field(); };

    Account b = a;
    b.imap.host = QStringLiteral("imap example.org");
    EXPECT_EQ(fieldOf(b), QStringLiteral("imapHost"));
    b.imap.host = QStringLiteral("imap.example.org/inbox");
    EXPECT_EQ(fieldOf(b), QStringLiteral("imapHost"));
    b.imap.host = QStringLiteral("imap.example.org\r\nA1 LOGOUT");
    EXPECT_EQ(fieldOf(b), QStringLiteral("imapHost"));
    b.imap.host = QStringLiteral("imap.example.org");
    EXPECT_EQ(fieldOf(b), QString());
    b.imap.port = 0;
    EXPECT_EQ(fieldOf(b), QStringLiteral("imapPort"));
    b.imap.port = 143;
    b.imap.security = Core::SmtpSecurity::None;
    EXPECT_EQ(fieldOf(b), QStringLiteral("imapSecurity")) << "no password in the clear unless allowed";
    b.allowCleartextAuth = true;
    EXPECT_EQ(fieldOf(b), QString());
    b.imap.username = QStringLiteral("me\r\nA2 DELETE INBOX");
    EXPECT_EQ(fieldOf(b), QStringLiteral("imapUsername"));

    Account c = a;
    c.imap.username = QStringLiteral("me");
    EXPECT_EQ(fieldOf(c), QStringLiteral("imapHost")) << "a user name without a server is a mistake";
    c.imap.host = QStringLiteral("imap.example.org");
    EXPECT_EQ(fieldOf(c), QString());
    c.auth = Core::AuthMethod::None;
    EXPECT_EQ(fieldOf(c), QStringLiteral("imapHost")) << "IMAP always signs in";
}

TEST(Account, DamagedImapEntriesAreRefusedWhenRead)
{
    Account a = sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"));
    a.id = Account::newId();
    a.imap.host = QStringLiteral("imap.example.org");
    const QJsonObject good = a.toJson();
    ASSERT_TRUE(Account::fromJson(good).ok());
    EXPECT_EQ(Account::fromJson(good).value(), a);

    const auto with = [&good](const QString &object, const QString &key, const QJsonValue &value) {
        QJsonObject json = good;
        QJsonObject inner = json.value(object).toObject();
        inner.insert(key, value);
        json.insert(object, inner);
        return Account::fromJson(json);
    };
    EXPECT_EQ(with(QStringLiteral("options"), QStringLiteral("saveSent"), QStringLiteral("sometimes")).error().code(),
              Error::Code::Corrupt);
    EXPECT_EQ(with(QStringLiteral("imap"), QStringLiteral("port"), 0).error().code(), Error::Code::Corrupt);
    EXPECT_EQ(with(QStringLiteral("imap"), QStringLiteral("port"), 70000).error().code(), Error::Code::Corrupt);
    EXPECT_EQ(with(QStringLiteral("imap"), QStringLiteral("security"), QStringLiteral("maybe")).error().code(),
              Error::Code::Corrupt);
    EXPECT_EQ(with(QStringLiteral("imap"), QStringLiteral("host"), QStringLiteral("a b")).error().code(),
              Error::Code::Corrupt);
    auto always = with(QStringLiteral("options"), QStringLiteral("saveSent"), QStringLiteral("ALWAYS"));
    ASSERT_TRUE(always.ok());
    EXPECT_EQ(always->saveSent, Core::SentCopyMode::Always);
}

TEST(Account, TheProviderFilesItsOwnCopyForGmailAndMicrosoftHostsOnly)
{
    for (const char *host : {"smtp.gmail.com", "SMTP.Gmail.com.", "smtp.googlemail.com", "smtp-mail.outlook.com",
                             "smtp.office365.com", "contoso-com.mail.protection.outlook.com", "outlook.com"})
        EXPECT_TRUE(Account::providerFilesSentCopy(QLatin1String(host))) << host;
    for (const char *host : {"smtp.example.org", "smtp-relay.gmail.com", "gmail.com.example.org",
                             "smtp.notoutlook.com", "outlook.com.example.net", "mail.office365.com.evil.org",
                             "smtp.fastmail.com", ""})
        EXPECT_FALSE(Account::providerFilesSentCopy(QLatin1String(host))) << host;
}

TEST(Account, CopiesToSentFollowsTheModeTheServerAndTheProvider)
{
    Account a = sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"));
    for (auto mode : {Core::SentCopyMode::Auto, Core::SentCopyMode::Always, Core::SentCopyMode::Never}) {
        a.saveSent = mode;
        EXPECT_FALSE(a.copiesToSent()) << "no IMAP server, no copy: " << Account::sentCopyModeName(mode).toStdString();
    }
    a.imap.host = QStringLiteral("imap.example.org");
    a.saveSent = Core::SentCopyMode::Auto;
    EXPECT_TRUE(a.copiesToSent());
    a.saveSent = Core::SentCopyMode::Never;
    EXPECT_FALSE(a.copiesToSent());
    a.host = QStringLiteral("smtp.gmail.com");
    a.imap.host = QStringLiteral("imap.gmail.com");
    a.saveSent = Core::SentCopyMode::Auto;
    EXPECT_FALSE(a.copiesToSent()) << "Gmail files its own copy";
    a.saveSent = Core::SentCopyMode::Always;
    EXPECT_TRUE(a.copiesToSent()) << "the person asked for one anyway";
}

TEST(Account, TheSentCopyReasonNamesTheProvider)
{
    Account a = sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"));
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::NoImapServer);
    a.imap.host = QStringLiteral("imap.example.org");
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::Auto);
    a.saveSent = Core::SentCopyMode::Never;
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::Never);
    a.saveSent = Core::SentCopyMode::Auto;
    a.host = QStringLiteral("smtp.office365.com");
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::ProviderFilesCopy);
    EXPECT_EQ(Account::sentCopyReasonName(a.sentCopyReason()), QStringLiteral("provider_files_copy"));
    EXPECT_EQ(a.sentCopyExplanation(), QStringLiteral("Microsoft 365 files a copy in Sent itself: Outpost will not add another."));
    a.host = QStringLiteral("smtp.gmail.com");
    EXPECT_EQ(a.sentCopyExplanation(), QStringLiteral("Gmail files a copy in Sent itself: Outpost will not add another."));
    a.host = QStringLiteral("smtp-mail.outlook.com");
    EXPECT_TRUE(a.sentCopyExplanation().startsWith(QLatin1String("Outlook.com ")));
    a.imap.host.clear();
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::ProviderFilesCopy) << "no IMAP server needed for that";
    a.saveSent = Core::SentCopyMode::Never;
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::Never);
    a.imap.host = QStringLiteral("imap.example.org");
    a.saveSent = Core::SentCopyMode::Always;
    EXPECT_EQ(a.sentCopyReason(), Core::SentCopyReason::Always);
    EXPECT_TRUE(a.sentCopyExplanation().contains(QLatin1String("expect two"))) << qPrintable(a.sentCopyExplanation());
}

TEST(Account, ImapSettingsComeFromTheAccount)
{
    Account a = sampleAccount(QStringLiteral("X"), QStringLiteral("x@example.org"));
    a.imap.host = QStringLiteral("imap.example.org");
    a.imap.port = 143;
    a.imap.security = Core::SmtpSecurity::StartTls;
    a.allowCleartextAuth = true;
    a.authMechanisms = {QStringLiteral("CRAM-MD5")};
    EXPECT_EQ(a.imapUsername(), QStringLiteral("x@example.org")) << "the SMTP user name by default";
    Core::ImapTimeouts timeouts;
    timeouts.command = 5000;
    const Core::ImapServerSettings s = a.imapSettings({QString(64, u'a')}, QStringLiteral("/ca.pem"), timeouts);
    EXPECT_EQ(s.host, QStringLiteral("imap.example.org"));
    EXPECT_EQ(s.port, 143);
    EXPECT_EQ(s.security, Core::SmtpSecurity::StartTls);
    EXPECT_TRUE(s.allowCleartextAuth);
    EXPECT_TRUE(s.authMechanisms.isEmpty()) << "the SMTP mechanism list does not restrict IMAP";
    EXPECT_EQ(s.pinnedSha256, QStringList{QString(64, u'a')});
    EXPECT_EQ(s.extraCaFile, QStringLiteral("/ca.pem"));
    EXPECT_EQ(s.timeouts.command, 5000);
    a.imap.username = QStringLiteral("x");
    EXPECT_EQ(a.imapUsername(), QStringLiteral("x"));
}

TEST(Account, SentCopyModeNames)
{
    for (auto mode : {Core::SentCopyMode::Auto, Core::SentCopyMode::Always, Core::SentCopyMode::Never})
        EXPECT_EQ(Account::sentCopyModeFromName(Account::sentCopyModeName(mode)), mode);
    EXPECT_FALSE(Account::sentCopyModeFromName(QStringLiteral("yes")).has_value());
    EXPECT_FALSE(Account::sentCopyModeFromName(QString()).has_value());
}
