// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox and its flusher, in process, against real and scripted servers.
// Runs inside tests/scripts/with_keyring.sh: passwords come from the real
// Secret Service through CredentialStore, exactly as in the application.
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"
#include "core/version.h"
#include "core/util/durablefile.h"
#include "core/util/filelock.h"

#include "tests/support/fakesmtpserver.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLocalSocket>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <future>
#include <thread>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#else
// Windows has no effective user id; these suites run unprivileged there.
static unsigned int geteuid() { return 1; }
#endif

using namespace Core;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class OutboxTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        qputenv("OUTPOST_KEYCHAIN_SERVICE", "Outpost-outbox-test");
        qputenv("OUTPOST_TEST_TIME_SCALE", "0.01"); // 30 s network retry -> 0.3 s
        m_outbox = std::make_unique<Outbox>(m_dir.filePath(QStringLiteral("outbox")));
        ASSERT_TRUE(m_outbox->open().ok());
        m_accounts = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.json")));
        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
    }

    Account addAccount(quint16 port, AuthMethod auth = AuthMethod::None)
    {
        EXPECT_TRUE(m_accounts->add(TestUtil::localAccount(QStringLiteral("Test %1").arg(++m_accountCount), port, auth)).ok());
        return m_accounts->accounts().last();
    }

    // A message as outpost-sendmail queues it: header and body as bytes.
    Result<OutboxEntry> enqueueBytes(const QString &subject)
    {
        QBuffer input;
        input.setData("body\n");
        input.open(QIODevice::ReadOnly);
        Envelope envelope;
        envelope.mailFrom = QStringLiteral("ada@example.org");
        envelope.recipients = {QStringLiteral("bob@example.org")};
        envelope.messageId = subject + QStringLiteral("@example.org");
        return m_outbox->enqueueMessage("Subject: " + subject.toUtf8() + "\r\n\r\n", &input, false, envelope,
                                        QStringLiteral("account"), subject, {});
    }

    // `count` files of one byte each in the test's folder: f0, f1, ...
    QStringList smallFiles(int count) const
    {
        QStringList files;
        for (int i = 0; i < count; ++i) {
            QFile f(m_dir.filePath(QStringLiteral("f%1").arg(i)));
            if (f.open(QIODevice::WriteOnly) && f.write("x") == 1)
                files << f.fileName();
        }
        return files;
    }

    Draft draft(const QString &subject = QStringLiteral("Hello"), QStringList to = {QStringLiteral("bob@example.org")})
    {
        Draft d;
        d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
        for (const QString &t : to)
            d.to.append(MailAddress({}, t));
        d.subject = subject;
        d.textBody = QStringLiteral("Body of ") + subject;
        return d;
    }

    OutboxEntry enqueue(const Account &a, const Draft &d = {}, QDateTime notBefore = {})
    {
        auto e = m_outbox->enqueue(d.from.isEmpty() ? draft() : d, a, {notBefore, false});
        EXPECT_TRUE(e.ok()) << (e.ok() ? "" : qPrintable(e.error().message()));
        return e.ok() ? e.value() : OutboxEntry{};
    }

    Flusher &flusher()
    {
        if (!m_flusher) {
            m_flusher = std::make_unique<Flusher>(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
            SmtpTimeouts t;
            t.greeting = t.command = t.dataInit = t.dataBlock = t.finalReply = 3000;
            t.idleQuit = 100;
            m_flusher->setTimeouts(t);
            EXPECT_EQ(m_flusher->acquire(), Flusher::LockResult::Acquired);
        }
        return *m_flusher;
    }

    // aiosmtpd without AUTH on loopback, writing each message to out/N.eml.
    static std::unique_ptr<ServerProcess> startReceiver(const QString &out)
    {
        QDir().mkpath(out);
        return std::make_unique<ServerProcess>(TestUtil::python(),
                                               QStringList{TestUtil::scriptPath("aiosmtpd_server.py"),
                                                           QStringLiteral("--outdir"), out, QStringLiteral("--no-auth")});
    }

    // Runs one pass and waits until the flusher is idle again.
    void flushAndWait(bool manual = true)
    {
        QSignalSpy idle(&flusher(), &Flusher::idle);
        flusher().flush(manual);
        ASSERT_TRUE(idle.wait(20000)) << "flusher did not become idle";
    }

    OutboxEntry stateOf(const QString &id)
    {
        auto e = m_outbox->find(id);
        EXPECT_TRUE(e.has_value()) << qPrintable(id);
        return e.value_or(OutboxEntry{});
    }

    /// Retention: the profile's default setting, a receiving server and its
    /// account, the outbox's clock at m_now (from the real time, m_start),
    /// and message "Old" sent then.
    void sendOldMessage()
    {
        TestUtil::useProfileIn(m_dir.path()); // the default setting, whatever this machine's profile says
        m_receiver = startReceiver(m_dir.filePath(QStringLiteral("kept")));
        ASSERT_TRUE(m_receiver->ok());
        m_account = addAccount(m_receiver->ready().toUShort());
        m_start = m_now = QDateTime::currentDateTimeUtc();
        m_outbox->setClock([this] { return m_now; });
        m_old = enqueue(m_account, draft(QStringLiteral("Old")));
        flushAndWait();
        ASSERT_EQ(stateOf(m_old.id).state, OutboxState::Sent);
    }
    [[nodiscard]] QString bodyOf(const OutboxEntry &sent) const
    {
        return m_outbox->root() + QStringLiteral("/sent/") + sent.id + QStringLiteral("/message.eml");
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_receiver;
    Account m_account;
    QDateTime m_start;
    QDateTime m_now;
    OutboxEntry m_old;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<TrustStore> m_trust;
    CredentialStore m_credentials;
    std::unique_ptr<Flusher> m_flusher;
    int m_accountCount = 0;
};

const QString kGreet = QStringLiteral("S: 220 fake ESMTP\nC: EHLO .*\nS: 250-fake\nS: 250-PIPELINING\nS: 250 ENHANCEDSTATUSCODES\n");
const QString kToData = QStringLiteral("C: MAIL FROM:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\n");

} // namespace

TEST_F(OutboxTest, EnqueueIsDurableAndSelfDescribing)
{
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a, draft(QStringLiteral("Grüße")));
    ASSERT_FALSE(e.id.isEmpty());
    EXPECT_EQ(e.state, OutboxState::Queued);
    const QString dir = m_outbox->root() + QStringLiteral("/queued/") + e.id;
    const QByteArray body = readAll(dir + QStringLiteral("/message.eml"));
    EXPECT_EQ(body.size(), e.bodySize);
    EXPECT_EQ(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex(), e.bodySha256);
    EXPECT_TRUE(body.contains(QByteArray("Message-Id: <" + e.messageId.toLatin1() + ">")));
    const QJsonObject sidecar = QJsonDocument::fromJson(readAll(dir + QStringLiteral("/state.json"))).object();
    EXPECT_EQ(sidecar.value(QStringLiteral("end")), QJsonValue(true));
    EXPECT_EQ(sidecar.value(QStringLiteral("message_id")).toString(), e.messageId);
    EXPECT_TRUE(QDir(m_outbox->root() + QStringLiteral("/tmp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

// Every sync of a queued message was waited for on its own: five waits for
// the disk per message (issue 18: outpost-sendmail behind Postfix's
// sendmail on a busy disk). The independent ones now go together: body,
// sidecar and their folder, then the two parents of the rename. Each sync
// takes 300 ms here, as on a busy disk: about two waits, not five; and
// still two, as the rename must wait for the first group.
TEST_F(OutboxTest, AQueuedMessageWaitsForTheDiskTwiceNotOncePerSync)
{
    constexpr int kSyncMs = 300;
    qputenv("OUTPOST_TEST_SYNC_DELAY_MS", QByteArray::number(kSyncMs));
    QElapsedTimer clock;
    clock.start();
    auto e = enqueueBytes(QStringLiteral("syncs"));
    const qint64 ms = clock.elapsed();
    qunsetenv("OUTPOST_TEST_SYNC_DELAY_MS");
    ASSERT_TRUE(e.ok()) << qPrintable(e.error().message());
    EXPECT_GE(ms, 2 * kSyncMs) << "the rename did not wait for the body's group";
    EXPECT_LT(ms, 3 * kSyncMs + kSyncMs / 2) << "enqueue took " << ms << " ms: the syncs went one after the other";
    const auto queued = m_outbox->find(e->id);
    ASSERT_TRUE(queued.has_value());
    EXPECT_EQ(queued->state, OutboxState::Queued);
    EXPECT_EQ(queued->bodySize, qint64(sizeof("Subject: syncs\r\n\r\nbody\r\n") - 1));
}

// Durable::syncTogether(): many syncs (a message with twenty images) run
// eight at a time, not one thread each and not one after the other; a file
// that is missing is an error naming it, and is not created.
TEST_F(OutboxTest, SyncsTogetherRunEightAtATimeAndReportAMissingFile)
{
    const QStringList files = smallFiles(20);
    ASSERT_EQ(files.size(), 20);
    constexpr int kSyncMs = 100;
    qputenv("OUTPOST_TEST_SYNC_DELAY_MS", QByteArray::number(kSyncMs));
    QElapsedTimer clock;
    clock.start();
    const auto all = Durable::syncTogether(files, {m_dir.path()});
    const qint64 ms = clock.elapsed();
    const QString missing = m_dir.filePath(QStringLiteral("missing"));
    const auto bad = Durable::syncTogether(QStringList(files.mid(0, 3)) << missing, {});
    qunsetenv("OUTPOST_TEST_SYNC_DELAY_MS");
    EXPECT_TRUE(all.ok());
    EXPECT_GE(ms, 3 * kSyncMs) << "21 syncs, 8 at a time, are three rounds";
    EXPECT_LT(ms, 8 * kSyncMs) << "took " << ms << " ms";
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message().contains(QStringLiteral("missing"))) << qPrintable(bad.error().message());
    EXPECT_FALSE(QFile::exists(missing));
}

// Where no thread can be started (RLIMIT_NPROC under cron or in a
// container), syncTogether() and a rename between two folders do every
// sync on the calling thread instead of ending the program.
TEST_F(OutboxTest, SyncsTogetherWithoutThreadsRunOnTheCallingThread)
{
    const QStringList files = smallFiles(10);
    ASSERT_EQ(files.size(), 10);
    ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("a")));
    ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("b")));
    qputenv("OUTPOST_TEST_NO_THREADS", "1");
    const auto all = Durable::syncTogether(files, {m_dir.path()});
    const auto renamed = Durable::renameDurably(files.first(), m_dir.filePath(QStringLiteral("a/f0")));
    const auto bad = Durable::syncTogether(QStringList(files.mid(1, 3)) << m_dir.filePath(QStringLiteral("missing")), {});
    qunsetenv("OUTPOST_TEST_NO_THREADS");
    EXPECT_TRUE(all.ok());
    EXPECT_TRUE(renamed.ok());
    EXPECT_TRUE(QFile::exists(m_dir.filePath(QStringLiteral("a/f0"))));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message().contains(QStringLiteral("missing"))) << qPrintable(bad.error().message());
}

// The rename into queued/ happened but the sync after it failed: the
// message IS queued and will be sent, so enqueue says so (and logs that
// its durability is not confirmed) — an error would make the composer keep
// the draft and the person send it a second time.
TEST_F(OutboxTest, ASyncFailureAfterTheRenameStillReportsQueued)
{
    qputenv("OUTPOST_TEST_SYNC_FAIL_DIR", "queued");
    auto e = enqueueBytes(QStringLiteral("sync-fails"));
    qunsetenv("OUTPOST_TEST_SYNC_FAIL_DIR");
    ASSERT_TRUE(e.ok()) << qPrintable(e.error().message());
    EXPECT_EQ(e->state, OutboxState::Queued);
    const auto queued = m_outbox->find(e->id);
    ASSERT_TRUE(queued.has_value());
    EXPECT_EQ(queued->state, OutboxState::Queued);
    EXPECT_EQ(m_outbox->allEntries().size(), 1);
}

// Another process moves an entry between state folders (claims it, sends
// it, takes it back) while this one looks it up: find() must follow it, not
// report it gone. outpost-sendmail's child read "gone" as "settled" and
// stopped waiting; sendmail then said the sending had stopped (exit 69)
// while another process was sending the message.
TEST_F(OutboxTest, FindFollowsAnEntryAnotherProcessMoves)
{
    auto queued = enqueueBytes(QStringLiteral("moving"));
    ASSERT_TRUE(queued.ok());
    const QString id = queued->id;
    const QString inQueued = m_outbox->root() + QStringLiteral("/queued/") + id;
    const QString inActive = m_outbox->root() + QStringLiteral("/active/") + id;
    std::atomic<bool> stop{false};
    std::atomic<int> moves{0};
    std::thread mover([&] {
        bool there = false;
        while (!stop) {
            if (::rename(qPrintable(there ? inActive : inQueued), qPrintable(there ? inQueued : inActive)) == 0) {
                there = !there;
                ++moves;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (there)
            (void)::rename(qPrintable(inActive), qPrintable(inQueued));
    });
    int lost = 0;
    QElapsedTimer clock;
    clock.start();
    int looks = 0;
    while (clock.elapsed() < 1500 || moves < 300) {
        if (!m_outbox->find(id))
            ++lost;
        ++looks;
    }
    stop = true;
    mover.join();
    EXPECT_EQ(lost, 0) << "find() lost the entry " << lost << " times in " << looks << " looks while it moved "
                       << moves << " times";
    EXPECT_GE(moves, 300);
}

TEST_F(OutboxTest, InvalidDraftIsNotQueued)
{
    const Account a = addAccount(25);
    Draft d = draft();
    d.to = {MailAddress({}, QStringLiteral("not an address"))};
    auto r = m_outbox->enqueue(d, a, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field(), QStringLiteral("to"));
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Queued), 0);
    EXPECT_TRUE(QDir(m_outbox->root() + QStringLiteral("/tmp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

TEST_F(OutboxTest, DiskFullWhileEnqueuingLeavesNothingAndSaysSo)
{
    ASSERT_EQ(geteuid(), 0u) << "this test mounts a small tmpfs and needs root (CI runs as root)";
    const QString mnt = m_dir.filePath(QStringLiteral("small"));
    QDir().mkpath(mnt);
    ASSERT_EQ(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                                          QStringLiteral("-o"), QStringLiteral("size=256k"),
                                                          QStringLiteral("tmpfs"), mnt}), 0);
    struct Unmount {
        QString m;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {m}); }
    } unmount{mnt};
    Outbox small(mnt + QStringLiteral("/outbox"));
    ASSERT_TRUE(small.open().ok());
    const QString big = m_dir.filePath(QStringLiteral("big.bin"));
    {
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1024 * 1024, 'x'));
    }
    Draft d = draft();
    d.attachments = {Attachment{big, {}, {}}};
    const Account a = addAccount(25);
    auto r = small.enqueue(d, a, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), Error::Code::WriteFailed);
    EXPECT_TRUE(r.error().message().contains(QStringLiteral("space")) || r.error().message().contains(QStringLiteral("Space")))
        << qPrintable(r.error().message());
    EXPECT_EQ(small.counts().value(OutboxState::Queued), 0);
    EXPECT_TRUE(QDir(mnt + QStringLiteral("/outbox/tmp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    EXPECT_TRUE(QFile::exists(big)) << "the draft's attachment is untouched";
}

TEST_F(OutboxTest, CorruptEntriesAreSetAsideAndNeverSent)
{
    const Account a = addAccount(1); // nothing listens on port 1
    const OutboxEntry truncated = enqueue(a, draft(QStringLiteral("t")));
    const OutboxEntry badJson = enqueue(a, draft(QStringLiteral("j")));
    const OutboxEntry noEnd = enqueue(a, draft(QStringLiteral("e")));
    const OutboxEntry wrongHash = enqueue(a, draft(QStringLiteral("h")));
    const QString q = m_outbox->root() + QStringLiteral("/queued/");
    {
        QFile f(q + truncated.id + QStringLiteral("/message.eml"));
        ASSERT_TRUE(f.resize(f.size() / 2));
    }
    {
        QFile f(q + badJson.id + QStringLiteral("/state.json"));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
    }
    {
        QByteArray s = readAll(q + noEnd.id + QStringLiteral("/state.json"));
        s.replace("\"end\": true", "\"end\": false");
        QFile f(q + noEnd.id + QStringLiteral("/state.json"));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(s);
    }
    {
        QFile f(q + wrongHash.id + QStringLiteral("/message.eml"));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.seek(10);
        f.write("X"); // same size, different bytes
    }
    QSignalSpy corrupt(m_outbox.get(), &Outbox::corruptFound);
    flushAndWait();
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Corrupt), 4);
    EXPECT_EQ(corrupt.count(), 4);
    for (const OutboxEntry &e : m_outbox->entries(OutboxState::Corrupt))
        EXPECT_FALSE(e.lastErrorMessage.isEmpty()) << "the reason is kept";
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Sent), 0);
}

TEST_F(OutboxTest, RecoveryResolvesInterruptedAttemptsByPhase)
{
    const Account a = addAccount(25);
    const OutboxEntry claimed = enqueue(a);
    const OutboxEntry dotSent = enqueue(a);
    const OutboxEntry accepted = enqueue(a);
    ASSERT_TRUE(m_outbox->claim(claimed.id).ok());
    ASSERT_TRUE(m_outbox->claim(dotSent.id).ok());
    ASSERT_TRUE(m_outbox->markDotSent(dotSent.id).ok());
    ASSERT_TRUE(m_outbox->claim(accepted.id).ok());
    // What a crash after the 250 was recorded but before the rename leaves:
    const QString activeDir = m_outbox->root() + QStringLiteral("/active/") + accepted.id;
    QJsonObject s = QJsonDocument::fromJson(readAll(activeDir + QStringLiteral("/state.json"))).object();
    s.insert(QStringLiteral("phase"), QStringLiteral("accepted"));
    ASSERT_TRUE(Durable::writeFileAtomically(activeDir + QStringLiteral("/state.json"), QJsonDocument(s).toJson()).ok());
    QDir().mkpath(m_outbox->root() + QStringLiteral("/tmp/half-written"));

    auto report = m_outbox->recover();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.value(), QStringList{dotSent.id});
    EXPECT_EQ(stateOf(claimed.id).state, OutboxState::Queued);
    const OutboxEntry doubt = stateOf(dotSent.id);
    EXPECT_EQ(doubt.state, OutboxState::Held);
    EXPECT_EQ(doubt.holdReason, HoldReason::InDoubt);
    EXPECT_EQ(stateOf(accepted.id).state, OutboxState::Sent);
    EXPECT_TRUE(QDir(m_outbox->root() + QStringLiteral("/tmp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    // In doubt is never retried silently.
    EXPECT_FALSE(m_outbox->retry(dotSent.id).ok());
}

TEST_F(OutboxTest, DotSentMarkerIsTheRecordAndLeavesWithTheEntry)
{
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    const QString marker = m_outbox->root() + QStringLiteral("/active/") + e.id + QStringLiteral(".dot_sent");
    ASSERT_TRUE(m_outbox->claim(e.id).ok());
    EXPECT_EQ(stateOf(e.id).phase, OutboxPhase::Idle);
    ASSERT_TRUE(m_outbox->markDotSent(e.id).ok());
    EXPECT_TRUE(QFile::exists(marker));
    EXPECT_EQ(stateOf(e.id).phase, OutboxPhase::DotSent);
    // A 4xx after the dot: not delivered, so the entry leaves active/ as
    // "not sent" and the marker goes with it — a later claim starts clean.
    ASSERT_TRUE(m_outbox->transition(e.id, OutboxState::Deferred, [](OutboxEntry &x) { x.phase = OutboxPhase::Idle; })
                    .ok());
    EXPECT_FALSE(QFile::exists(marker));
    EXPECT_EQ(stateOf(e.id).phase, OutboxPhase::Idle);
    ASSERT_TRUE(m_outbox->claim(e.id).ok());
    EXPECT_EQ(stateOf(e.id).phase, OutboxPhase::Idle);

    // "sent" is not waited for on disk, so its marker stays until that move
    // is durable: cleared (after syncing) before the next pass.
    ASSERT_TRUE(m_outbox->markDotSent(e.id).ok());
    ASSERT_TRUE(m_outbox->transition(e.id, OutboxState::Sent, [](OutboxEntry &x) { x.phase = OutboxPhase::Accepted; },
                                     Durable::Sync::ContentOnly)
                    .ok());
    EXPECT_TRUE(QFile::exists(marker));
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Sent);
    ASSERT_TRUE(m_outbox->clearOrphanMarkers().ok());
    EXPECT_FALSE(QFile::exists(marker));
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Sent);

    // A marker whose entry is gone altogether is cleared by recovery.
    const QString orphan = m_outbox->root() + QStringLiteral("/active/gone.dot_sent");
    QFile o(orphan);
    ASSERT_TRUE(o.open(QIODevice::WriteOnly));
    o.close();
    ASSERT_TRUE(m_outbox->recover().ok());
    EXPECT_FALSE(QFile::exists(orphan));
}

TEST_F(OutboxTest, AcceptedIsRecordedBesideTheSidecarAndSurvivesATornRecord)
{
    // After a 250 the flusher records "sent" without rewriting or syncing
    // the sidecar: the details go to accepted.json, the entry to sent/.
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    ASSERT_TRUE(m_outbox->claim(e.id).ok());
    ASSERT_TRUE(m_outbox->markDotSent(e.id).ok());
    const QString activeDir = m_outbox->root() + QStringLiteral("/active/") + e.id;
    const QByteArray sidecarBefore = readAll(activeDir + QStringLiteral("/state.json"));
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-12-06T04:00:00.000Z"), Qt::ISODateWithMs);
    const auto accept = [&](OutboxEntry &x) {
        x.lastAttemptAt = at;
        x.phase = OutboxPhase::Accepted;
        x.acceptedAt = at;
        x.acceptedReply = QStringLiteral("250 2.0.0 Ok: queued as 4F00");
        x.recipients = {{QStringLiteral("bob@example.org"), 250, QStringLiteral("2.1.5"), QStringLiteral("Ok")}};
    };
    ASSERT_TRUE(m_outbox->recordAccepted(e.id, accept).ok());
    const QString sentDir = m_outbox->root() + QStringLiteral("/sent/") + e.id;
    EXPECT_FALSE(QFile::exists(activeDir));
    EXPECT_EQ(readAll(sentDir + QStringLiteral("/state.json")), sidecarBefore); // untouched
    OutboxEntry sent = stateOf(e.id);
    EXPECT_EQ(sent.state, OutboxState::Sent);
    EXPECT_EQ(sent.phase, OutboxPhase::Accepted);
    EXPECT_EQ(sent.acceptedReply, QStringLiteral("250 2.0.0 Ok: queued as 4F00"));
    EXPECT_EQ(sent.acceptedAt, at);
    EXPECT_EQ(sent.lastAttemptAt, at);
    ASSERT_EQ(sent.recipients.size(), 1);
    EXPECT_EQ(sent.recipients[0].code, 250);
    // Its dot_sent marker stays until the move is durable, as before.
    EXPECT_TRUE(QFile::exists(activeDir + QStringLiteral(".dot_sent")));
    ASSERT_TRUE(m_outbox->clearOrphanMarkers().ok());
    EXPECT_FALSE(QFile::exists(activeDir + QStringLiteral(".dot_sent")));

    // A power cut can tear the record (it was never synced): the entry is
    // still sent — its directory says so — just without the details.
    const QString record = sentDir + QStringLiteral("/accepted.json");
    QFile torn(record);
    ASSERT_TRUE(torn.open(QIODevice::WriteOnly | QIODevice::Truncate));
    torn.write("{\"phase\":\"acc");
    torn.close();
    sent = stateOf(e.id);
    EXPECT_EQ(sent.state, OutboxState::Sent);
    EXPECT_TRUE(sent.acceptedReply.isEmpty());
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Corrupt), 0);
}

TEST_F(OutboxTest, AnAcceptedRecordInActiveIsSentAfterRecovery)
{
    // A power cut that kept the record but lost the move to sent/: the
    // server took the message, and recovery says so instead of "in doubt".
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    ASSERT_TRUE(m_outbox->claim(e.id).ok());
    ASSERT_TRUE(m_outbox->markDotSent(e.id).ok());
    ASSERT_TRUE(m_outbox->recordAccepted(e.id, [](OutboxEntry &x) {
        x.phase = OutboxPhase::Accepted;
        x.acceptedReply = QStringLiteral("250 queued");
    }).ok());
    ASSERT_TRUE(QDir().rename(m_outbox->root() + QStringLiteral("/sent/") + e.id,
                              m_outbox->root() + QStringLiteral("/active/") + e.id));
    ASSERT_TRUE(m_outbox->recover().ok());
    const OutboxEntry after = stateOf(e.id);
    EXPECT_EQ(after.state, OutboxState::Sent);
    EXPECT_EQ(after.acceptedReply, QStringLiteral("250 queued"));
    // Recovery rewrote the sidecar with everything: the record is folded in.
    EXPECT_FALSE(QFile::exists(m_outbox->root() + QStringLiteral("/sent/") + e.id + QStringLiteral("/accepted.json")));
    EXPECT_EQ(QJsonDocument::fromJson(readAll(m_outbox->root() + QStringLiteral("/sent/") + e.id + QStringLiteral("/state.json")))
                  .object()
                  .value(QStringLiteral("accepted_reply"))
                  .toString(),
              QStringLiteral("250 queued"));
}

#ifdef Q_OS_UNIX
TEST_F(OutboxTest, DotSentMarkersAreNamesOfOneDurableFile)
{
    // One directory sync per marker instead of a file sync and a directory
    // sync: every marker is a hard link to active/.marker. If that file is
    // gone, a marker is a file of its own, and the next one links again.
    const Account a = addAccount(25);
    const OutboxEntry first = enqueue(a);
    const OutboxEntry second = enqueue(a);
    const OutboxEntry third = enqueue(a);
    const OutboxEntry fourth = enqueue(a);
    const QString active = m_outbox->root() + QStringLiteral("/active/");
    const auto inode = [](const QString &path) {
        struct stat st {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<qint64>(st.st_ino) : qint64(-1);
    };
    for (const OutboxEntry &e : {first, second}) {
        ASSERT_TRUE(m_outbox->claim(e.id).ok());
        ASSERT_TRUE(m_outbox->markDotSent(e.id).ok());
    }
    const qint64 shared = inode(active + QStringLiteral(".marker"));
    ASSERT_GE(shared, 0);
    EXPECT_EQ(inode(active + first.id + QStringLiteral(".dot_sent")), shared);
    EXPECT_EQ(inode(active + second.id + QStringLiteral(".dot_sent")), shared);
    EXPECT_EQ(stateOf(second.id).phase, OutboxPhase::DotSent);
    // The shared file is never taken for an entry or a marker.
    EXPECT_EQ(m_outbox->entries(OutboxState::Active).size(), 2);
    ASSERT_TRUE(m_outbox->recover().ok()); // both held as in doubt
    EXPECT_EQ(stateOf(first.id).holdReason, HoldReason::InDoubt);
    EXPECT_TRUE(QFile::exists(active + QStringLiteral(".marker")));

    ASSERT_TRUE(QFile::remove(active + QStringLiteral(".marker")));
    ASSERT_TRUE(m_outbox->claim(third.id).ok());
    ASSERT_TRUE(m_outbox->markDotSent(third.id).ok());
    EXPECT_TRUE(QFile::exists(active + third.id + QStringLiteral(".dot_sent")));
    EXPECT_EQ(stateOf(third.id).phase, OutboxPhase::DotSent);
    ASSERT_TRUE(m_outbox->claim(fourth.id).ok());
    ASSERT_TRUE(m_outbox->markDotSent(fourth.id).ok());
    const qint64 again = inode(active + QStringLiteral(".marker"));
    ASSERT_GE(again, 0);
    EXPECT_EQ(inode(active + fourth.id + QStringLiteral(".dot_sent")), again);
}
#endif

TEST_F(OutboxTest, AMarkerNextToAQueuedEntryHoldsItInDoubt)
{
    // What a power cut on a file system that lost the claim's rename but
    // kept the dot_sent marker leaves: the entry back in queued/, its marker
    // in active/. It may have been sent: held, never claimed again.
    const Account a = addAccount(25);
    const OutboxEntry claimedLater = enqueue(a);
    const OutboxEntry recovered = enqueue(a);
    for (const OutboxEntry &e : {claimedLater, recovered}) {
        QFile marker(m_outbox->root() + QStringLiteral("/active/") + e.id + QStringLiteral(".dot_sent"));
        ASSERT_TRUE(marker.open(QIODevice::WriteOnly));
    }
    auto claimed = m_outbox->claim(claimedLater.id);
    ASSERT_FALSE(claimed.ok());
    EXPECT_EQ(claimed.error().code(), Error::Code::InDoubt);
    ASSERT_TRUE(m_outbox->recover().ok());
    for (const OutboxEntry &e : {claimedLater, recovered}) {
        const OutboxEntry held = stateOf(e.id);
        EXPECT_EQ(held.state, OutboxState::Held) << qPrintable(e.id);
        EXPECT_EQ(held.holdReason, HoldReason::InDoubt);
        EXPECT_FALSE(QFile::exists(m_outbox->root() + QStringLiteral("/active/") + e.id + QStringLiteral(".dot_sent")));
        EXPECT_FALSE(m_outbox->retry(e.id).ok());
    }
}

TEST_F(OutboxTest, AQueuedEntryRecordedAsDotSentIsHeldNotClaimed)
{
    // What a file system that lost the claim's rename but kept a dot_sent
    // record in the sidecar (older versions wrote it there) would leave.
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    const QString sidecar = m_outbox->root() + QStringLiteral("/queued/") + e.id + QStringLiteral("/state.json");
    QJsonObject s = QJsonDocument::fromJson(readAll(sidecar)).object();
    s.insert(QStringLiteral("phase"), QStringLiteral("dot_sent"));
    ASSERT_TRUE(Durable::writeFileAtomically(sidecar, QJsonDocument(s).toJson()).ok());

    auto claimed = m_outbox->claim(e.id);
    ASSERT_FALSE(claimed.ok());
    EXPECT_EQ(claimed.error().code(), Error::Code::InDoubt);
    const OutboxEntry held = stateOf(e.id);
    EXPECT_EQ(held.state, OutboxState::Held);
    EXPECT_EQ(held.holdReason, HoldReason::InDoubt);
    EXPECT_FALSE(m_outbox->retry(e.id).ok());
}

TEST_F(OutboxTest, DeliversThroughARealServerOverOneConnection)
{
    const QString out = m_dir.filePath(QStringLiteral("received"));
    const auto server = startReceiver(out);
    ASSERT_TRUE(server->ok());
    const Account a = addAccount(server->ready().toUShort());
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << enqueue(a, draft(QStringLiteral("Message %1").arg(i))).id;
    flushAndWait(false);
    for (const QString &id : ids) {
        const OutboxEntry e = stateOf(id);
        EXPECT_EQ(e.state, OutboxState::Sent);
        EXPECT_TRUE(e.acceptedReply.startsWith(QStringLiteral("250"))) << qPrintable(e.acceptedReply);
    }
    for (int i = 1; i <= 5; ++i) {
        const QString eml = out + QStringLiteral("/%1.eml").arg(i);
        ASSERT_TRUE(QFile::exists(eml));
    }
    EXPECT_FALSE(QFile::exists(out + QStringLiteral("/6.eml")));
}

TEST_F(OutboxTest, APassReadInStepsKeepsOrderPerAccountAndHoldsLateFinds)
{
    // A pass reads the outbox a few entries per event-loop turn and starts
    // an account's connection at its first message. Here the first message
    // is sent (and its connection may idle out) while a long stretch of
    // messages of a deleted account is still being held one by one; the
    // later messages of the same account still go out, oldest first, and
    // an account whose messages must wait (no password in the keychain, or
    // no account) holds every one of them, including those read after the
    // wall was met.
    const QString out = m_dir.filePath(QStringLiteral("received"));
    const auto server = startReceiver(out);
    ASSERT_TRUE(server->ok());
    const quint16 port = server->ready().toUShort();
    const Account open = addAccount(port);
    const Account noPassword = addAccount(port, AuthMethod::Password); // nothing stored for it
    const Account deleted = addAccount(port);
    QStringList sent, locked, orphaned;
    // Ids order by creation time to the millisecond: keep them apart.
    const auto next = [&](const Account &a, const QString &subject) {
        QThread::msleep(2);
        return enqueue(a, draft(subject)).id;
    };
    sent << next(open, QStringLiteral("Open 00"));
    for (int i = 0; i < 60; ++i)
        orphaned << next(deleted, QStringLiteral("Orphan %1").arg(i));
    for (int i = 0; i < 20; ++i)
        locked << next(noPassword, QStringLiteral("Locked %1").arg(i));
    for (int i = 1; i < 8; ++i)
        sent << next(open, QStringLiteral("Open %1").arg(i, 2, 10, QLatin1Char('0')));
    ASSERT_TRUE(m_accounts->remove(deleted.id));
    flushAndWait(false);
    for (const QString &id : sent)
        EXPECT_EQ(stateOf(id).state, OutboxState::Sent) << qPrintable(id);
    for (const QString &id : locked) {
        const OutboxEntry e = stateOf(id);
        EXPECT_EQ(e.state, OutboxState::Held) << qPrintable(id);
        EXPECT_EQ(e.holdReason, HoldReason::Credentials);
    }
    for (const QString &id : orphaned) {
        const OutboxEntry e = stateOf(id);
        EXPECT_EQ(e.state, OutboxState::Held) << qPrintable(id);
        EXPECT_EQ(e.holdReason, HoldReason::Configuration);
    }
    // Oldest first: the server got "Open 00" .. "Open 07" in that order.
    for (int i = 0; i < 8; ++i) {
        const QByteArray eml = readAll(out + QStringLiteral("/%1.eml").arg(i + 1));
        const QByteArray subject = QByteArray("Subject: Open ") + QByteArray::number(i).rightJustified(2, '0');
        EXPECT_TRUE(eml.contains(subject)) << i;
    }
    EXPECT_FALSE(QFile::exists(out + QStringLiteral("/9.eml")));
    EXPECT_TRUE(m_outbox->entries(OutboxState::Active).isEmpty());
}

TEST_F(OutboxTest, ABigMessageChangedOnDiskIsCaughtBeforeTheFinalDot)
{
    // Above 4 MiB the body is not re-read when claimed; its checksum is
    // checked while it streams, before the "." — so nothing is delivered.
    const QString out = m_dir.filePath(QStringLiteral("received"));
    QDir().mkpath(out);
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), out,
                                              QStringLiteral("--no-auth")});
    ASSERT_TRUE(server.ok());
    const Account a = addAccount(server.ready().toUShort());
    Draft d = draft(QStringLiteral("Big"));
    d.textBody = QString(3 * 1024 * 1024, u'a'); // base64/QP makes it larger than 4 MiB on disk
    for (int i = 0; i < 60000; ++i)
        d.textBody += QStringLiteral("line %1 of a long message\n").arg(i);
    const OutboxEntry big = enqueue(a, d);
    const OutboxEntry small = enqueue(a, draft(QStringLiteral("Small")));
    ASSERT_GT(big.bodySize, 4 * 1024 * 1024);
    {
        QFile f(m_outbox->root() + QStringLiteral("/queued/") + big.id + QStringLiteral("/message.eml"));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.seek(big.bodySize - 100);
        f.write("X"); // same size, one byte different, near the end
    }
    QSignalSpy corrupt(m_outbox.get(), &Outbox::corruptFound);
    flushAndWait(false);
    EXPECT_EQ(stateOf(small.id).state, OutboxState::Sent) << "the next message still goes";
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Corrupt), 1);
    const QStringList received = QDir(out).entryList({QStringLiteral("*.eml")});
    ASSERT_EQ(received.size(), 1) << "the changed message never reached the server";
    EXPECT_TRUE(readAll(out + u'/' + received.first()).contains("Subject: Small"));
}

TEST_F(OutboxTest, OfflineDefersWithoutChargingAndSendsWhenBack)
{
    // Reserve a port, then close it: connection refused.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const Account a = addAccount(port);
    const OutboxEntry e = enqueue(a);
    flushAndWait(false);
    OutboxEntry deferred = stateOf(e.id);
    EXPECT_EQ(deferred.state, OutboxState::Deferred);
    EXPECT_EQ(deferred.attempts, 0) << "not charged to the message";
    EXPECT_EQ(deferred.networkFailures, 1);
    EXPECT_EQ(deferred.lastErrorCode, QStringLiteral("Network"));
    EXPECT_TRUE(deferred.nextAttemptAt.isValid());

    // The server comes back; nobody touches anything; the retry timer sends.
    const QString out = m_dir.filePath(QStringLiteral("back"));
    QDir().mkpath(out);
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), out,
                                              QStringLiteral("--no-auth"),
                                              QStringLiteral("--port"), QString::number(port)});
    ASSERT_TRUE(server.ok());
    for (int i = 0; i < 200 && stateOf(e.id).state != OutboxState::Sent; ++i)
        QTest::qWait(50);
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Sent);
    EXPECT_TRUE(QFile::exists(out + QStringLiteral("/1.eml")));
}

struct FaultCase
{
    const char *label;
    const char *script; // after greeting and EHLO
    OutboxState state;
    HoldReason reason;
    int replyCode;
    const char *serverText;
    bool auth = false;
    bool bigBody = false; ///< large enough that the drop comes before the "."
};

[[maybe_unused]] static void PrintTo(const FaultCase &c, std::ostream *os)
{
    *os << c.label;
}

class OutboxFaults : public OutboxTest, public ::testing::WithParamInterface<FaultCase>
{
};

TEST_P(OutboxFaults, LandInTheRightStateWithTheServersText)
{
    const FaultCase &c = GetParam();
    FakeSmtpServer server;
    QString script = QString::fromLatin1(c.script);
    script.replace(QStringLiteral("TO_DATA\n"), kToData);
    const QString ehlo = c.auth ? QStringLiteral("S: 220 fake\nC: EHLO .*\nS: 250-fake\nS: 250-PIPELINING\nS: 250 AUTH PLAIN\n")
                                : kGreet;
    server.addScenario(ehlo + script);
    const Account a = addAccount(server.serverPort(), c.auth ? AuthMethod::Password : AuthMethod::None);
    if (c.auth) {
        CredentialJob *job = m_credentials.write(a.id, QStringLiteral("wrong"));
        job->setAutoDelete(false);
        QSignalSpy done(job, &CredentialJob::finished);
        ASSERT_TRUE(done.wait(20000));
        ASSERT_FALSE(job->error().isError()) << qPrintable(job->error().message());
        delete job;
    }
    Draft d = draft(QStringLiteral("fault"), {QStringLiteral("b@example.org"), QStringLiteral("c@example.org"), QStringLiteral("d@example.org")});
    if (c.bigBody) {
        const QString big = m_dir.filePath(QStringLiteral("big.bin"));
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_TRUE(f.resize(24 * 1024 * 1024));
        d.attachments = {Attachment{big, {}, {}}};
    }
    const OutboxEntry e = enqueue(a, d);
    flushAndWait(false);
    const OutboxEntry after = stateOf(e.id);
    EXPECT_EQ(after.state, c.state) << qPrintable(OutboxEntry::stateName(after.state)) << ": "
                                    << qPrintable(after.lastErrorMessage);
    EXPECT_EQ(after.holdReason, c.reason) << qPrintable(OutboxEntry::holdReasonName(after.holdReason));
    EXPECT_EQ(after.lastReplyCode, c.replyCode);
    if (c.serverText[0]) {
        EXPECT_TRUE(after.lastServerText.contains(QString::fromLatin1(c.serverText))
                    || after.lastErrorMessage.contains(QString::fromLatin1(c.serverText)))
            << qPrintable(after.lastErrorMessage);
    }
    EXPECT_FALSE(after.lastErrorMessage.isEmpty());
    EXPECT_TRUE(server.problems().isEmpty()) << server.problems().join(u'\n').toStdString();
}

// DATA travels with the envelope; with one recipient refused the server
// still says 354 and the client hangs up without the final dot.
static const char kThreeRcpt452[] = "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\nS: 452 4.2.2 Mailbox full SERVERTEXT\nS: 250 Ok\nS: 354 go\nX\n";
static const char kThreeRcpt550[] = "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\nS: 550 5.1.1 No such user SERVERTEXT\nS: 250 Ok\nS: 354 go\nX\n";
#define DATA3 "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 354 go\nDATA\n"

INSTANTIATE_TEST_SUITE_P(
    Matrix, OutboxFaults,
    ::testing::Values(
        FaultCase{"Greeting421", "", OutboxState::Deferred, HoldReason::None, 0, ""},
        FaultCase{"Mail421", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: DATA\nS: 421 4.3.2 Shutting down SERVERTEXT\nX\n", OutboxState::Deferred, HoldReason::None, 421, "SERVERTEXT"},
        FaultCase{"Dot451", DATA3 "S: 451 4.3.0 Try later SERVERTEXT\nC: QUIT\nS: 221 Bye\nX\n", OutboxState::Deferred, HoldReason::None, 451, "SERVERTEXT"},
        FaultCase{"OneRecipient452", kThreeRcpt452, OutboxState::Deferred, HoldReason::None, 452, "SERVERTEXT"},
        FaultCase{"Auth535", "C: AUTH PLAIN .*\nS: 535 5.7.8 Bad credentials SERVERTEXT\nX\n", OutboxState::Held, HoldReason::Credentials, 535, "SERVERTEXT", true},
        FaultCase{"OneRecipient550", kThreeRcpt550, OutboxState::Held, HoldReason::RecipientRejected, 550, "SERVERTEXT"},
        FaultCase{"Dot552", DATA3 "S: 552 5.3.4 Message too big SERVERTEXT\nC: QUIT\nS: 221 Bye\nX\n", OutboxState::Failed, HoldReason::None, 552, "SERVERTEXT"},
        FaultCase{"DropBeforeDot", "C: MAIL FROM:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: RCPT TO:.*\nC: DATA\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 250 Ok\nS: 354 go\nX\n", OutboxState::Deferred, HoldReason::None, 0, "", false, true},
        FaultCase{"DropAfterDot", DATA3 "X\n", OutboxState::Held, HoldReason::InDoubt, 0, ""}),
    [](const auto &p) { return std::string(p.param.label); });

TEST_F(OutboxTest, InDoubtIsNeverResentUntilThePersonSaysSo)
{
    FakeSmtpServer server;
    server.addScenario(kGreet + kToData + QStringLiteral("S: 354 go\nDATA\nX\n"));
    server.addScenario(kGreet + kToData + QStringLiteral("S: 354 go\nDATA\nS: 250 2.0.0 Ok again\n"));
    const Account a = addAccount(server.serverPort());
    const OutboxEntry e = enqueue(a);
    flushAndWait(false);
    EXPECT_EQ(stateOf(e.id).holdReason, HoldReason::InDoubt);
    flushAndWait(true); // even a manual flush leaves it alone
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Held);
    EXPECT_EQ(server.connections(), 1);
    ASSERT_TRUE(m_outbox->sendAgain(e.id).ok());
    flushAndWait(false);
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Sent);
    ASSERT_EQ(server.messages().size(), 2);
    EXPECT_EQ(server.messages()[0], server.messages()[1]) << "same bytes, same Message-ID";
}

TEST_F(OutboxTest, UndoSendTakesTheMessageBackBeforeItIsDue)
{
    const Account a = addAccount(1);
    const QDateTime due = m_outbox->now().addSecs(10);
    const OutboxEntry e = enqueue(a, draft(QStringLiteral("Oops")), due);
    flushAndWait(false); // not due: nothing happens
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Queued);
    auto back = m_outbox->takeBack(e.id);
    ASSERT_TRUE(back.ok()) << qPrintable(back.error().message());
    EXPECT_EQ(back->subject, QStringLiteral("Oops"));
    EXPECT_FALSE(m_outbox->find(e.id).has_value());
}

TEST_F(OutboxTest, ScheduledMessageGoesOutWhenDue)
{
    const QString out = m_dir.filePath(QStringLiteral("sched"));
    QDir().mkpath(out);
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), out,
                                              QStringLiteral("--no-auth")});
    ASSERT_TRUE(server.ok());
    const Account a = addAccount(server.ready().toUShort());
    const OutboxEntry e = enqueue(a, draft(), m_outbox->now().addMSecs(1500));
    flushAndWait(false);
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Queued) << "not before its time";
    for (int i = 0; i < 100 && stateOf(e.id).state != OutboxState::Sent; ++i)
        QTest::qWait(50);
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Sent);
}

TEST_F(OutboxTest, AScheduledMessageIsDatedWhenItIsDueNotWhenItWasQueued)
{
    // "Send Later" for three days ahead: the recipients read the day it
    // went out, not the day it was written.
    const Account a = addAccount(1);
    const QDateTime due = m_outbox->now().addDays(3);
    const OutboxEntry e = enqueue(a, draft(), due);
    QFile message(m_outbox->root() + QStringLiteral("/queued/") + e.id + QStringLiteral("/message.eml"));
    ASSERT_TRUE(message.open(QIODevice::ReadOnly));
    QString date;
    while (!message.atEnd()) {
        const QByteArray line = message.readLine().trimmed();
        if (line.isEmpty())
            break;
        if (line.startsWith("Date: "))
            date = QString::fromLatin1(line.mid(6));
    }
    const QDateTime written = QDateTime::fromString(date, Qt::RFC2822Date);
    ASSERT_TRUE(written.isValid()) << date.toStdString();
    EXPECT_LE(std::abs(written.secsTo(due)), 1) << "Date: " << date.toStdString();
}

TEST_F(OutboxTest, OnlyOneFlusherHoldsTheLock)
{
    (void)flusher();
    Flusher second(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
    EXPECT_EQ(second.acquire(), Flusher::LockResult::HeldByOther);
    // "Send now" from another instance reaches the holder's local server.
    // (Flusher::requestFlush blocks, so it is exercised from a second process
    // in the command-line tests; here the socket is driven asynchronously.)
    QLocalSocket socket;
    QSignalSpy answered(&socket, &QLocalSocket::readyRead);
    QSignalSpy idle(&flusher(), &Flusher::idle);
    socket.connectToServer(QStringLiteral("outpost-flusher-")
                           + QString::fromLatin1(QCryptographicHash::hash(QDir(m_outbox->root()).absolutePath().toUtf8(),
                                                                          QCryptographicHash::Sha1).toHex().left(16)));
    socket.write("flush\n");
    ASSERT_TRUE(answered.wait(5000));
    EXPECT_EQ(socket.readAll(), QByteArray("ok\n"));
    EXPECT_TRUE(idle.count() > 0 || idle.wait(5000)) << "a pass ran";
}

// --- several processes, one outbox ------------------------------------------
// Another process is a second Outbox on the same folder: its file locks are
// separate open files, so they conflict with this one's exactly as another
// process's would.

namespace {

/// A message body that, when first read, runs `onRead` (what another
/// process does while this one is still writing the message).
class InterruptedInput final : public QBuffer
{
public:
    InterruptedInput(QByteArray data, std::function<void()> onRead)
        : m_onRead(std::move(onRead))
    {
        setData(std::move(data));
        open(QIODevice::ReadOnly);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_onRead)
            std::exchange(m_onRead, {})();
        return QBuffer::readData(data, maxSize);
    }

private:
    std::function<void()> m_onRead;
};

const QByteArray kHead = "From: ada@example.org\r\nTo: bob@example.org\r\nSubject: piped\r\n\r\n";

Envelope pipedEnvelope()
{
    Envelope env;
    env.mailFrom = QStringLiteral("ada@example.org");
    env.recipients = {QStringLiteral("bob@example.org")};
    env.messageId = QStringLiteral("piped@example.org");
    return env;
}

} // namespace

TEST_F(OutboxTest, RecoveryByAnotherProcessLeavesAMessageBeingWrittenAlone)
{
    // outpost-sendmail reads a slow stdin while another process takes the
    // flusher lock and recovers: the message being written is not abandoned.
    const Account a = addAccount(25);
    QDir().mkpath(m_outbox->root() + QStringLiteral("/tmp/abandoned")); // a writer that died
    InterruptedInput body("line one\nline two\n", [&] {
        Outbox other(m_outbox->root());
        ASSERT_TRUE(other.recover().ok());
    });
    auto queued = m_outbox->enqueueMessage(kHead, &body, false, pipedEnvelope(), a.id, QStringLiteral("piped"), {});
    ASSERT_TRUE(queued.ok()) << qPrintable(queued.error().message());
    const auto entry = m_outbox->find(queued->id);
    ASSERT_TRUE(entry.has_value()) << "reported queued, but the entry is damaged";
    EXPECT_EQ(entry->state, OutboxState::Queued);
    EXPECT_TRUE(readAll(m_outbox->messagePath(*entry)).endsWith("line one\r\nline two\r\n"));
    EXPECT_FALSE(QFile::exists(m_outbox->root() + QStringLiteral("/tmp/abandoned")));
    EXPECT_TRUE(QDir(m_outbox->root() + QStringLiteral("/tmp")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

TEST_F(OutboxTest, AMessageWhoseFolderVanishedWhileWrittenIsAnErrorNotAStub)
{
    // Whatever removes the folder of a message being written (an older
    // version's recovery, a person), the write must not make a new one.
    const Account a = addAccount(25);
    InterruptedInput body("text\n", [&] {
        const QStringList names = QDir(m_outbox->root() + QStringLiteral("/tmp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        ASSERT_EQ(names.size(), 1);
        ASSERT_TRUE(QDir(m_outbox->root() + QStringLiteral("/tmp/") + names.first()).removeRecursively());
    });
    auto queued = m_outbox->enqueueMessage(kHead, &body, false, pipedEnvelope(), a.id, QStringLiteral("piped"), {});
    EXPECT_FALSE(queued.ok()) << "a stub without its message was reported queued";
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Queued), 0);
}

TEST_F(OutboxTest, AStateWriteNeverBringsBackAFolderMovedAway)
{
    // Another process moved the entry (retry, remove) between our reading
    // and our writing of its state: no folder holding only state.json.
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    const QString queued = m_outbox->root() + QStringLiteral("/queued/") + e.id;
    const QString away = m_dir.filePath(QStringLiteral("away"));
    auto r = m_outbox->transition(e.id, OutboxState::Held, [&](OutboxEntry &x) {
        x.holdReason = HoldReason::Configuration;
        ASSERT_TRUE(QDir().rename(queued, away));
    });
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(QFile::exists(queued));
    EXPECT_FALSE(QFile::exists(m_outbox->root() + QStringLiteral("/held/") + e.id));
    EXPECT_FALSE(m_outbox->find(e.id).has_value());
}

TEST_F(OutboxTest, StateChangesOfOneEntryFromTwoProcessesAreSerialised)
{
    // The GUI holds a message for its password while the command line
    // retries it: each change sees the other's result, neither fails.
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    std::future<Result<void>> retried;
    auto held = m_outbox->transition(e.id, OutboxState::Held, [&](OutboxEntry &x) {
        x.holdReason = HoldReason::Credentials;
        retried = std::async(std::launch::async, [root = m_outbox->root(), id = e.id] {
            Outbox other(root);
            return other.retry(id);
        });
        // Without serialisation the retry finishes now, under our feet.
        retried.wait_for(std::chrono::milliseconds(500));
    });
    EXPECT_TRUE(held.ok()) << qPrintable(held.error().message());
    ASSERT_TRUE(retried.valid());
    const Result<void> second = retried.get();
    EXPECT_TRUE(second.ok()) << qPrintable(second.error().message());
    const OutboxEntry after = stateOf(e.id);
    EXPECT_EQ(after.state, OutboxState::Queued);
    EXPECT_EQ(after.holdReason, HoldReason::None);
    EXPECT_EQ(m_outbox->counts().value(OutboxState::Corrupt), 0);
}

TEST_F(OutboxTest, ChangesAreAnnouncedOnlyOnceTheLockIsReleased)
{
    // A slot may use another Outbox on the same thread (a window's model):
    // were the lock still held, that one would wait for it for ever.
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    int announced = 0;
    QObject::connect(m_outbox.get(), &Outbox::changed, m_outbox.get(), [&] {
        ++announced;
        FileLock probe(m_outbox->root() + QStringLiteral("/.state.lock"));
        EXPECT_EQ(probe.lock(FileLock::Wait::No), FileLock::Outcome::Acquired);
    });
    ASSERT_TRUE(m_outbox->claim(e.id).ok());
    ASSERT_TRUE(m_outbox->recover().ok());
    ASSERT_TRUE(m_outbox->remove(e.id).ok());
    EXPECT_GE(announced, 3);
}

TEST_F(OutboxTest, AnEmptyOrTornLockFileDoesNotStopTheOutbox)
{
    // A power cut between the lock file's creation and its content.
    const QString out = m_dir.filePath(QStringLiteral("received"));
    const auto server = startReceiver(out);
    ASSERT_TRUE(server->ok());
    const Account a = addAccount(server->ready().toUShort());
    for (const QByteArray &content : {QByteArray(), QByteArray("4"), QByteArray("1\nout")}) {
        m_flusher.reset();
        QFile lock(m_outbox->root() + QStringLiteral("/.lock"));
        ASSERT_TRUE(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
        lock.write(content);
        lock.close();
        const OutboxEntry e = enqueue(a);
        Flusher f(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
        ASSERT_EQ(f.acquire(), Flusher::LockResult::Acquired) << "lock file content: " << content.constData();
        QSignalSpy idle(&f, &Flusher::idle);
        f.flush(true);
        ASSERT_TRUE(idle.wait(20000));
        EXPECT_EQ(stateOf(e.id).state, OutboxState::Sent);
    }
}

TEST_F(OutboxTest, AHeldLockFileIsRespectedWhateverItHolds)
{
    (void)flusher();
    QFile lock(m_outbox->root() + QStringLiteral("/.lock"));
    ASSERT_TRUE(lock.open(QIODevice::WriteOnly | QIODevice::Truncate)); // its content is informational
    lock.close();
    Flusher second(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
    EXPECT_EQ(second.acquire(), Flusher::LockResult::HeldByOther);
}

TEST_F(OutboxTest, AStaleAcceptedRecordNeverOverridesALaterInDoubtState)
{
    // The 250's record survived in the folder, but the entry came back to
    // queued/ next to its dot_sent marker: held in doubt, and it stays so.
    const Account a = addAccount(25);
    const OutboxEntry e = enqueue(a);
    const QString dir = m_outbox->root() + QStringLiteral("/queued/") + e.id;
    OutboxEntry details;
    details.phase = OutboxPhase::Accepted;
    details.acceptedReply = QStringLiteral("250 queued");
    QFile record(dir + QStringLiteral("/accepted.json"));
    ASSERT_TRUE(record.open(QIODevice::WriteOnly));
    record.write(QJsonDocument(details.acceptedJson()).toJson());
    record.close();
    QFile marker(m_outbox->root() + QStringLiteral("/active/") + e.id + QStringLiteral(".dot_sent"));
    ASSERT_TRUE(marker.open(QIODevice::WriteOnly));
    marker.close();

    EXPECT_EQ(m_outbox->claim(e.id).error().code(), Error::Code::InDoubt);
    const OutboxEntry held = stateOf(e.id);
    EXPECT_EQ(held.state, OutboxState::Held);
    EXPECT_EQ(held.phase, OutboxPhase::InDoubt);
    EXPECT_EQ(held.holdReason, HoldReason::InDoubt);
    EXPECT_FALSE(m_outbox->retry(e.id).ok()) << "the in-doubt guard was bypassed";
    EXPECT_FALSE(m_outbox->takeBackForEdit(e.id).ok());
}

TEST_F(OutboxTest, LifetimeCountsFromTheFirstAttemptAndRestartsOnRetry)
{
    // Scheduled six days ahead (beyond the 5-day lifetime): its first 4xx
    // is a deferral, not "gave up"; once it did give up, a retry by the
    // person starts a new lifetime instead of failing at once.
    const QString dot451 = kGreet + kToData + QStringLiteral("S: 354 go\nDATA\nS: 451 4.3.0 Try later\nC: QUIT\nS: 221 Bye\nX\n");
    FakeSmtpServer server;
    for (int i = 0; i < 3; ++i)
        server.addScenario(dot451);
    const Account a = addAccount(server.serverPort());
    QDateTime clock = QDateTime::currentDateTimeUtc();
    m_outbox->setClock([&clock] { return clock; });
    const qint64 lifetime = RetryPolicy::fromEnvironment().lifetimeSeconds;
    const OutboxEntry e = enqueue(a, draft(), clock.addDays(6));

    clock = clock.addDays(6).addSecs(1);
    flushAndWait(true);
    OutboxEntry first = stateOf(e.id);
    EXPECT_EQ(first.state, OutboxState::Deferred) << qPrintable(first.lastErrorMessage);
    EXPECT_FALSE(first.expired);

    clock = clock.addSecs(lifetime + 1);
    flushAndWait(true);
    EXPECT_EQ(stateOf(e.id).state, OutboxState::Failed) << "the lifetime from the first attempt is over";
    EXPECT_TRUE(stateOf(e.id).expired);

    ASSERT_TRUE(m_outbox->retry(e.id).ok());
    flushAndWait(true);
    const OutboxEntry retried = stateOf(e.id);
    EXPECT_EQ(retried.state, OutboxState::Deferred) << qPrintable(retried.lastErrorMessage);
    EXPECT_FALSE(retried.expired);
    EXPECT_EQ(server.connections(), 3);
}

#ifdef Q_OS_UNIX
TEST_F(OutboxTest, ALockHeldByAProcessThatDiesIsFreeAtOnce)
{
    // A flusher killed with -9 (or a power cut) leaves its lock file
    // behind; the operating system has released the lock itself, so the
    // next flusher takes it without reading or removing anything. The
    // holder here is another real process.
    QProcess holder;
    holder.start(TestUtil::python(),
                 {QStringLiteral("-c"),
                  QStringLiteral("import fcntl, sys, time\n"
                                 "f = open(sys.argv[1], 'a')\n"
                                 "fcntl.flock(f, fcntl.LOCK_EX)\n"
                                 "print('locked', flush=True)\n"
                                 "time.sleep(600)\n"),
                  m_outbox->root() + QStringLiteral("/.lock")});
    ASSERT_TRUE(holder.waitForStarted(10000));
    ASSERT_TRUE(holder.waitForReadyRead(20000));
    ASSERT_EQ(holder.readLine().trimmed(), QByteArray("locked"));
    Flusher blocked(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
    EXPECT_EQ(blocked.acquire(), Flusher::LockResult::HeldByOther);
    holder.kill();
    ASSERT_TRUE(holder.waitForFinished(10000));
    Flusher next(m_outbox.get(), m_accounts.get(), m_trust.get(), &m_credentials);
    EXPECT_EQ(next.acquire(), Flusher::LockResult::Acquired);
}
#endif

// Retention runs at most hourly for the outbox, not once per process: each
// `outpost send` listed the whole of sent/ (thousands of folders after a few
// years) to find nothing to remove.
TEST_F(OutboxTest, RetentionRunsAtMostHourlyWhicheverProcessFlushes)
{
    ASSERT_NO_FATAL_FAILURE(sendOldMessage());
    // Twenty days later a flush runs retention (30 days: the body stays).
    m_now = m_start.addDays(20);
    m_flusher.reset(); // (another process, each time)
    enqueue(m_account, draft(QStringLiteral("Later")));
    flushAndWait();
    // Ten minutes later another process flushes, with bodies now kept 5 days.
    // (Set once the last flusher is gone: its retention, on a thread of its
    // own, reads the setting when it starts, and under load that was after
    // a change made here while it still ran.)
    m_now = m_start.addDays(20).addSecs(600);
    m_flusher.reset(); // (its retention has ended, and says when it ran)
    QFile stamp(m_outbox->root() + QStringLiteral("/.pruned_at"));
    ASSERT_TRUE(stamp.open(QIODevice::ReadOnly));
    ASSERT_EQ(QDateTime::fromString(QString::fromLatin1(stamp.readAll()).trimmed(), Qt::ISODateWithMs),
              m_start.addDays(20));
    QSettings(settingsFile(), QSettings::IniFormat).setValue(QLatin1String(Outbox::kKeepSentBodiesKey), 5);
    flushAndWait();
    QTest::qWait(1000); // (retention runs on a thread of its own)
    EXPECT_TRUE(QFile::exists(bodyOf(m_old))) << "retention ran again ten minutes after the last run";
    // Two hours later it runs again, with the new setting.
    m_now = m_start.addDays(20).addSecs(7200);
    m_flusher.reset();
    flushAndWait();
    ASSERT_EVENTUALLY(!QFile::exists(bodyOf(m_old)), 10000);
}

// Retention: the flusher's housekeeping removes the bodies of messages sent
// longer ago than the setting (30 days by default); their records stay and
// read as sent, not damaged. Younger ones keep their bodies.
TEST_F(OutboxTest, BodiesOfOldSentMessagesGoTheirRecordsStay)
{
    ASSERT_NO_FATAL_FAILURE(sendOldMessage());
    m_now = m_start.addDays(31); // a month later
    const OutboxEntry young = enqueue(m_account, draft(QStringLiteral("Young")));
    flushAndWait();
    ASSERT_EQ(stateOf(young.id).state, OutboxState::Sent);

    ASSERT_EVENTUALLY(!QFile::exists(bodyOf(m_old)), 10000);
    EXPECT_TRUE(QFile::exists(bodyOf(young))) << "sent a moment ago: kept";
    // The record stays, as sent, with its details (nothing set aside).
    const OutboxEntry record = stateOf(m_old.id);
    EXPECT_EQ(record.state, OutboxState::Sent);
    EXPECT_EQ(record.subject, QStringLiteral("Old"));
    EXPECT_EQ(record.acceptedAt, m_start);
    EXPECT_EQ(m_outbox->entries(OutboxState::Sent).size(), 2);
    EXPECT_TRUE(m_outbox->entries(OutboxState::Corrupt).isEmpty());
}
