// SPDX-License-Identifier: GPL-3.0-or-later
// SendController's life around the outbox: what it owns, when it becomes the
// flusher, and what it does when the accounts change under it. Against a real
// SMTP server (aiosmtpd).
#include "app/sendcontroller.h"
#include "core/accounts/accountstore.h"
#include "core/outbox/outbox.h"
#include "core/util/filelock.h"
#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"
#include <memory>

namespace {

class SendControllerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        m_received = m_home.filePath(QStringLiteral("received"));
        QDir().mkpath(m_received);
        QSettings(Core::settingsFile(), QSettings::IniFormat)
            .setValue(QStringLiteral("send/undoDelaySeconds"), 0);
    }

    void startServer()
    {
        m_server = std::make_unique<ServerProcess>(
            TestUtil::python(),
            QStringList {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                         m_received, QStringLiteral("--no-auth"), QStringLiteral("--max-size"),
                         QStringLiteral("0")});
        ASSERT_TRUE(m_server->ok());
        m_port = m_server->ready().toUShort();
    }

    static Core::Account account(const QString &name, const QString &address, quint16 port)
    {
        Core::Account a;
        a.name = name;
        a.host = QStringLiteral("127.0.0.1");
        a.port = port;
        a.security = Core::SmtpSecurity::None;
        a.auth = Core::AuthMethod::None;
        Core::Identity i;
        i.name = name;
        i.address = address;
        a.identities = {i};
        return a;
    }

    Core::Account addAccount(const QString &name, const QString &address)
    {
        Core::AccountStore store;
        EXPECT_TRUE(store.load().ok());
        EXPECT_TRUE(store.add(account(name, address, m_port)).ok());
        EXPECT_TRUE(store.save().ok());
        return store.accounts().last();
    }

    static Core::Draft draft(const Core::Account &from, const QString &subject)
    {
        Core::Draft d;
        d.from = from.identities.first().mailbox();
        d.to = {Core::MailAddress(QString(), QStringLiteral("bob@example.org"))};
        d.subject = subject;
        d.textBody = QStringLiteral("Hello Bob.");
        return d;
    }

    [[nodiscard]] int receivedCount() const
    {
        return static_cast<int>(
            QDir(m_received).entryList({QStringLiteral("*.json")}, QDir::Files).size());
    }

    QTemporaryDir m_home;
    QString m_received;
    quint16 m_port = 0;
    std::unique_ptr<ServerProcess> m_server;
};

} // namespace

// The flusher uses the controller's outbox and stores: it must be gone before
// they are. Quitting while a 25 MiB message is on the wire once touched freed
// memory (the cancelled client's result recorded into a destroyed Outbox),
// which the sanitizer build reports.
TEST_F(SendControllerTest, QuittingWhileALargeMessageUploadsIsClean)
{
    startServer();
    const Core::Account from = addAccount(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    const QString file = m_home.filePath(QStringLiteral("big.bin"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray block(1024 * 1024, '\0');
        for (int i = 0; i < block.size(); ++i)
            block[i] = char(i * 131 % 251);
        for (int i = 0; i < 25; ++i)
            ASSERT_EQ(f.write(block), block.size());
    }
    Core::Draft d = draft(from, QStringLiteral("Large"));
    d.attachments.append(Core::Attachment {file, {}, {}});
    {
        Core::Outbox outbox;
        ASSERT_TRUE(outbox.open().ok());
        ASSERT_TRUE(outbox.enqueue(d, from, {}).ok());
    }
    {
        App::SendController controller;
        ASSERT_TRUE(controller.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.outbox().entries(Core::OutboxState::Active).isEmpty(),
                                 15000);
        QTest::qWait(100); // on the wire
    } // quit: the controller and everything it owns go
    EXPECT_EQ(receivedCount(), 0) << "the upload should have been under way, not finished";
    // The message is still in the outbox, for the next run.
    Core::Outbox outbox;
    ASSERT_TRUE(outbox.open().ok());
    const auto counts = outbox.counts();
    EXPECT_EQ(counts.value(Core::OutboxState::Active) + counts.value(Core::OutboxState::Queued)
                  + counts.value(Core::OutboxState::Deferred)
                  + counts.value(Core::OutboxState::Held),
              1);
}
