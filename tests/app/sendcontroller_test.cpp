// SPDX-License-Identifier: GPL-3.0-or-later
// SendController's life around the outbox: what it owns, when it becomes the
// flusher, and what it does when the accounts change under it. Against a real
// SMTP server (aiosmtpd).
#include "app/sendcontroller.h"
#include "ui/composerwindow.h"
#include "ui/recipientedit.h"
#include "ui/sendtoast.h"
#include "core/accounts/accountstore.h"
#include "core/outbox/outbox.h"
#include "core/util/filelock.h"
#include "core/version.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "tests/support/serverprocess.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"
#include <future>
#include <memory>

namespace {

// QTRY_* report to QTest, not to GoogleTest: a timeout there would only
// return from the test. This one answers, and the caller asserts.
template<typename Predicate>
[[nodiscard]] bool eventually(Predicate predicate, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!predicate()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

class SendControllerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        m_received = TestUtil::useProfileIn(m_home.path());
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

    // What `outpost outbox flush` does from another process: asks the
    // flusher (here, in this process) over its local socket, while this
    // thread's event loop lets it answer.
    static void askToFlush(const QString &root)
    {
        auto asked = std::async(std::launch::async, [root] { return Core::Flusher::requestFlush(root); });
        ASSERT_TRUE(eventually([&] { return asked.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 10000));
        EXPECT_TRUE(asked.get());
    }

    /// "Another process" that is the flusher: an Outbox and stores of its
    /// own on the same files (locks are per open file, so they conflict as
    /// two processes' do).
    struct OtherProcess
    {
        Core::Outbox outbox;
        Core::AccountStore accounts;
        Core::TrustStore trust;
        Core::CredentialStore credentials;
        Core::Flusher flusher {&outbox, &accounts, &trust, &credentials};
    };
    static std::unique_ptr<OtherProcess> otherFlusher()
    {
        auto other = std::make_unique<OtherProcess>();
        EXPECT_TRUE(other->outbox.open().ok());
        EXPECT_TRUE(other->accounts.load().ok());
        return other;
    }

    /// A composer of `controller` with a message to Bob typed in, not sent;
    /// returns its text field (Ctrl+Return there sends).
    static QPlainTextEdit *writeMessage(App::SendController &controller, const QString &subject)
    {
        Gui::ComposerWindow *w = controller.openComposer();
        w->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(w));
        QTest::keyClicks(w->findChild<Gui::RecipientEdit *>(QStringLiteral("to")), QStringLiteral("bob@example.org"));
        QTest::keyClicks(w->findChild<QLineEdit *>(QStringLiteral("subject")), subject);
        auto *body = w->findChild<QPlainTextEdit *>(QStringLiteral("body"));
        QTest::keyClicks(body, QStringLiteral("Hello."));
        return body;
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
        ASSERT_TRUE(eventually([&] { return !controller.outbox().entries(Core::OutboxState::Active).isEmpty(); }, 15000));
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

// `outpost account add` while the GUI runs, then mail for that account from
// another process (outpost send --queue-only, say): the GUI, which is the
// flusher, knows the account and sends the message.
TEST_F(SendControllerTest, AnAccountAddedByAnotherProcessIsKnownToTheFlusher)
{
    startServer();
    addAccount(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    const Core::Account grace = addAccount(QStringLiteral("Grace"), QStringLiteral("grace@example.org"));
    {
        Core::Outbox other;
        ASSERT_TRUE(other.open().ok());
        ASSERT_TRUE(other.enqueue(draft(grace, QStringLiteral("From Grace")), grace, {}).ok());
    }
    askToFlush(controller.outbox().root());
    ASSERT_TRUE(eventually([&] { return receivedCount() == 1; }, 15000));
    EXPECT_TRUE(controller.outbox().entries(Core::OutboxState::Held).isEmpty());
    // The GUI's own saves keep that account.
    Core::AccountStore reader;
    ASSERT_TRUE(reader.load().ok());
    EXPECT_NE(reader.find(QStringLiteral("Grace")), nullptr);
}

// Held because the account was missing: the account appears, the message goes.
TEST_F(SendControllerTest, AMessageHeldForAMissingAccountGoesWhenTheAccountAppears)
{
    startServer();
    addAccount(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    Core::Account grace = account(QStringLiteral("Grace"), QStringLiteral("grace@example.org"), m_port);
    grace.id = Core::Account::newId();
    grace.identities.first().id = Core::Account::newId();
    {
        Core::Outbox other;
        ASSERT_TRUE(other.open().ok());
        ASSERT_TRUE(other.enqueue(draft(grace, QStringLiteral("Early")), grace, {}).ok());
    }
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    ASSERT_TRUE(eventually([&] { return controller.outbox().entries(Core::OutboxState::Held).size() == 1; }, 10000));
    Core::AccountStore cli;
    ASSERT_TRUE(cli.load().ok());
    ASSERT_TRUE(cli.add(grace).ok());
    ASSERT_TRUE(cli.save().ok());
    ASSERT_TRUE(eventually([&] { return receivedCount() == 1; }, 15000));
}

// Held for an untrusted certificate: trusting it (here from another process)
// releases the message without a Retry.
TEST_F(SendControllerTest, AMessageHeldForACertificateGoesOnceItIsTrusted)
{
    const TestCerts::Paths &certs = TestCerts::paths();
    m_server = std::make_unique<ServerProcess>(
        TestUtil::python(), QStringList{TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), m_received,
                                        QStringLiteral("--implicit-tls"), QStringLiteral("--auth-optional"), QStringLiteral("--cert"),
                                        certs.selfSignedCert, QStringLiteral("--key"), certs.selfSignedKey});
    ASSERT_TRUE(m_server->ok());
    m_port = m_server->ready().toUShort();
    Core::Account work = account(QStringLiteral("Work"), QStringLiteral("ada@example.org"), m_port);
    work.host = QStringLiteral("localhost");
    work.security = Core::SmtpSecurity::ImplicitTls;
    {
        Core::AccountStore store;
        ASSERT_TRUE(store.add(work).ok());
        ASSERT_TRUE(store.save().ok());
        work = store.accounts().last();
    }
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    ASSERT_TRUE(controller.outbox().enqueue(draft(work, QStringLiteral("Behind a certificate")), work, {}).ok());
    askToFlush(controller.outbox().root());
    ASSERT_TRUE(eventually([&] { return controller.outbox().entries(Core::OutboxState::Held).size() == 1; }, 15000));
    EXPECT_EQ(controller.outbox().entries(Core::OutboxState::Held).first().holdReason, Core::HoldReason::Security);
    Core::TrustStore trust;
    ASSERT_TRUE(trust.load().ok());
    trust.pin(QStringLiteral("localhost"), m_port, TestCerts::sha256Of(certs.selfSignedCert));
    ASSERT_TRUE(trust.save().ok());
    ASSERT_TRUE(eventually([&] { return receivedCount() == 1; }, 15000));
}

// While another process is the flusher (a long command-line flush), it sends
// the GUI's message too: the GUI's notice says so, it does not stay at
// "queued" for ever.
TEST_F(SendControllerTest, TheNoticeFollowsAMessageAnotherProcessSent)
{
    startServer();
    addAccount(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    const auto other = otherFlusher();
    ASSERT_EQ(other->flusher.acquire(), Core::Flusher::LockResult::Acquired);

    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPlainTextEdit *body = writeMessage(controller, QStringLiteral("Sent by another"));
    ASSERT_NE(body, nullptr);
    QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
    const auto toast = [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *t = qobject_cast<Gui::SendToast *>(widget); t && t->isVisible())
                return t;
        }
        return static_cast<Gui::SendToast *>(nullptr);
    };
    ASSERT_TRUE(eventually([&] { return toast() != nullptr; }, 10000));
    other->flusher.flush(true); // the other process's pass takes the GUI's message along
    ASSERT_TRUE(eventually([&] { return receivedCount() == 1; }, 15000));
    EXPECT_TRUE(eventually([&] { return toast() && toast()->text().contains(QStringLiteral("was sent")); }, 10000))
        << (toast() ? toast()->text().toStdString() : std::string("no notice"));
}

// Another process holds the flusher lock and sends (a command-line flush):
// the GUI asks it to send its message and goes on at once. Asking once
// waited on the GUI thread for the other's answer (up to 9 s); here the
// "other process" answers from this thread, so a blocking request would
// freeze until it timed out.
TEST_F(SendControllerTest, AskingAnotherProcessToSendDoesNotBlockTheGuiThread)
{
    startServer();
    addAccount(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    const auto other = otherFlusher();
    ASSERT_EQ(other->flusher.acquire(), Core::Flusher::LockResult::Acquired);

    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPlainTextEdit *body = writeMessage(controller, QStringLiteral("Asked of another"));
    ASSERT_NE(body, nullptr);

    // The event loop's longest gap from the Send on.
    QElapsedTimer beat;
    qint64 longest = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        longest = std::max(longest, beat.restart());
    });
    QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
    beat.start();
    heartbeat.start();
    // Only the other process sends, because it was asked to.
    ASSERT_EVENTUALLY(receivedCount() == 1, 15000);
    QTest::qWait(200);
    heartbeat.stop();
    EXPECT_LT(longest, 1000) << "the GUI thread stalled for " << longest << " ms";
}
