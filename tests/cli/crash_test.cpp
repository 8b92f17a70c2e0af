// SPDX-License-Identifier: GPL-3.0-or-later
// Crash tests with the real `outpost` process against a real aiosmtpd: a
// test-only switch (OUTPOST_CRASH_AT) aborts at each labelled step; after a
// restart and a flush, the server's log and the outbox satisfy the
// invariant. Then kill -9 at random moments while 50 messages go out, two
// flushing instances at once, and a flush while outpost-sendmail is still
// reading its message.
#include "tests/cli/clitest.h"
#include "core/util/filelock.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <functional>

#include <unistd.h>

namespace {

struct CrashCase
{
    const char *label;
    bool toldQueued;          ///< the step comes after "Queued" was printed
    const char *expectState;  ///< after restart + flush
    int minDeliveries;
    int maxDeliveries;
};

[[maybe_unused]] void PrintTo(const CrashCase &c, std::ostream *os)
{
    *os << c.label;
}

class CrashAt : public CliFixture, public ::testing::WithParamInterface<CrashCase>
{
};

} // namespace

TEST_P(CrashAt, RestartAndFlushKeepTheInvariant)
{
    const CrashCase &c = GetParam();
    startServerAndAccount();
    // A 3 MB attachment so that "mid-data" really is in the middle.
    const QString attachment = m_home.filePath(QStringLiteral("att.bin"));
    {
        QFile f(attachment);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray block(64 * 1024, Qt::Uninitialized);
        for (int i = 0; i < 48; ++i) {
            for (qsizetype j = 0; j < block.size(); ++j)
                block[j] = static_cast<char>(QRandomGenerator::global()->bounded(256));
            f.write(block);
        }
    }
    const CliRun crashed = run({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("bob@example.org"),
                                QStringLiteral("--subject"), QStringLiteral("crash at ") + QString::fromLatin1(c.label),
                                QStringLiteral("--body"), QStringLiteral("x"), QStringLiteral("--attach"), attachment},
                               c.label);
    ASSERT_EQ(crashed.exitCode, 134) << "the crash point was not reached: " << crashed.err.toStdString();
    const QString id = queuedId(crashed);
    EXPECT_EQ(!id.isEmpty(), c.toldQueued) << crashed.out.toStdString();

    const CliRun flush = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    ASSERT_EQ(flush.exitCode, 0) << flush.err.toStdString();
    checkInvariant(id.isEmpty() ? QStringList() : QStringList{id});

    const QJsonArray entries = outboxList();
    if (!c.toldQueued) {
        EXPECT_TRUE(entries.isEmpty()) << "a message the user was never told about must not be queued";
        EXPECT_TRUE(deliveries().isEmpty());
        return;
    }
    ASSERT_EQ(entries.size(), 1);
    const QJsonObject e = entries.first().toObject();
    EXPECT_EQ(e.value(QStringLiteral("state")).toString(), QString::fromLatin1(c.expectState));
    if (QLatin1String(c.expectState) == QLatin1String("held")) {
        EXPECT_EQ(e.value(QStringLiteral("hold_reason")).toString(), QStringLiteral("in_doubt"));
    }
    int total = 0;
    for (int n : deliveries())
        total += n;
    EXPECT_GE(total, c.minDeliveries);
    EXPECT_LE(total, c.maxDeliveries);
}

INSTANTIATE_TEST_SUITE_P(
    Steps, CrashAt,
    ::testing::Values(CrashCase{"enqueue-body", false, "", 0, 0},
                      CrashCase{"enqueue-sidecar", false, "", 0, 0},
                      CrashCase{"enqueue-rename", false, "", 0, 0},
                      CrashCase{"claim", true, "sent", 1, 1},
                      CrashCase{"mid-data", true, "sent", 1, 1},
                      CrashCase{"dot-sent", true, "held", 0, 0},
                      CrashCase{"after-dot", true, "held", 0, 1},
                      CrashCase{"after-250", true, "held", 1, 1}),
    [](const auto &p) {
        std::string s = p.param.label;
        std::replace(s.begin(), s.end(), '-', '_');
        return s;
    });

TEST_F(CliFixture, KillNineAtRandomWhileFiftyMessagesGoOut)
{
    startServerAndAccount();
    // ~300 KB per message, so that kills land in the middle of transfers.
    const QString body = m_home.filePath(QStringLiteral("body.txt"));
    {
        QFile f(body);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("a line of the message body\n").repeated(11000));
    }
    QStringList told;
    for (int i = 0; i < 50; ++i) {
        const CliRun r = run({QStringLiteral("send"), QStringLiteral("--queue-only"), QStringLiteral("--to"),
                              QStringLiteral("bob@example.org"), QStringLiteral("--subject"),
                              QStringLiteral("message %1").arg(i), QStringLiteral("--body-file"), body});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        told << queuedId(r);
    }
    int kills = 0;
    for (int round = 0; round < 60; ++round) {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
        ASSERT_TRUE(p.waitForStarted(10000));
        QThread::msleep(QRandomGenerator::global()->bounded(15, 120));
        if (p.state() == QProcess::Running) {
            p.kill(); // SIGKILL: no cleanup at all
            ++kills;
        }
        p.waitForFinished(10000);
        bool pending = false;
        for (const QJsonValue &v : outboxList()) {
            const QString s = v.toObject().value(QStringLiteral("state")).toString();
            pending = pending || s == QLatin1String("queued") || s == QLatin1String("active") || s == QLatin1String("deferred");
        }
        if (!pending)
            break;
    }
    EXPECT_GT(kills, 0) << "the loop must really have killed something";
    // A last, undisturbed flush; then the invariant over all 50.
    ASSERT_EQ(run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")}).exitCode, 0);
    checkInvariant(told);
    int sent = 0;
    int doubt = 0;
    for (const QJsonValue &v : outboxList()) {
        const QJsonObject e = v.toObject();
        sent += e.value(QStringLiteral("state")).toString() == QLatin1String("sent");
        doubt += e.value(QStringLiteral("hold_reason")).toString() == QLatin1String("in_doubt");
    }
    EXPECT_EQ(sent + doubt, 50);
    std::cout << "[ info ] " << kills << " kill -9, " << sent << " sent, " << doubt << " in doubt\n";
}

TEST_F(CliFixture, TwoInstancesAtOnceSendEachMessageOnce)
{
    startServerAndAccount();
    QStringList told;
    for (int i = 0; i < 20; ++i) {
        const CliRun r = run({QStringLiteral("send"), QStringLiteral("--queue-only"), QStringLiteral("--to"),
                              QStringLiteral("bob@example.org"), QStringLiteral("--subject"),
                              QStringLiteral("twin %1").arg(i), QStringLiteral("--body"), QStringLiteral("x")});
        ASSERT_EQ(r.exitCode, 0);
        told << queuedId(r);
    }
    QProcess a;
    QProcess b;
    for (QProcess *p : {&a, &b}) {
        p->setProcessEnvironment(environment());
        p->start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    }
    ASSERT_TRUE(a.waitForFinished(120000));
    ASSERT_TRUE(b.waitForFinished(120000));
    EXPECT_EQ(a.exitCode(), 0);
    EXPECT_EQ(b.exitCode(), 0);
    checkInvariant(told);
    const auto d = deliveries();
    EXPECT_EQ(d.size(), 20);
    for (int n : d)
        EXPECT_EQ(n, 1);
}

TEST_F(CliFixture, SendmailReadingASlowPipeKeepsItsMessageWhileAnotherProcessFlushes)
{
    // outpost-sendmail (cron, git send-email) is still reading its message
    // when `outpost outbox flush` takes the lock and recovers: the message
    // being written is not another process's leftover, and once sendmail
    // says "queued" it is delivered, whole, exactly once.
    startServerAndAccount();
    const QString sendmail = QFileInfo(QStringLiteral(OUTPOST_BINARY)).absolutePath() + QStringLiteral("/outpost-sendmail");
    ASSERT_TRUE(QFileInfo(sendmail).isExecutable()) << "build outpost-sendmail first: " << qPrintable(sendmail);
    QProcess writer;
    writer.setProcessEnvironment(environment());
    writer.start(sendmail, {QStringLiteral("-odq"), QStringLiteral("-i"), QStringLiteral("bob@example.org")});
    ASSERT_TRUE(writer.waitForStarted(10000));
    // More than any reader's buffer, so that the body is being written
    // while the rest of the pipe is still to come.
    QByteArray firstHalf;
    for (int i = 0; firstHalf.size() < 256 * 1024; ++i)
        firstHalf += "first half, line " + QByteArray::number(i) + '\n';
    writer.write("From: ada@example.org\nTo: bob@example.org\nSubject: slow pipe\nMessage-ID: <slow@example.org>\n\n"
                 + firstHalf);
    // Wait until the message is being written in the outbox's tmp/.
    const auto writing = [&] {
        for (QDirIterator it(m_home.filePath(QStringLiteral("data")), {QStringLiteral("message.eml")}, QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext();)
            if (it.next().contains(QStringLiteral("/outbox/tmp/")))
                return true;
        return false;
    };
    QElapsedTimer clock;
    clock.start();
    while (!writing() && clock.elapsed() < 30000 && writer.state() == QProcess::Running) {
        if (!writer.waitForBytesWritten(20)) // (QProcess writes from its event loop)
            QThread::msleep(20);
    }
    ASSERT_TRUE(writing()) << "outpost-sendmail never started writing: " << writer.readAllStandardError().toStdString();

    const CliRun flush = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    EXPECT_EQ(flush.exitCode, 0) << flush.err.toStdString();

    writer.write("second half\n");
    writer.closeWriteChannel();
    ASSERT_TRUE(writer.waitForFinished(60000));
    ASSERT_EQ(writer.exitCode(), 0) << "refused: " << writer.readAllStandardError().toStdString();
    const CliRun second = run({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait")});
    EXPECT_EQ(second.exitCode, 0) << second.err.toStdString();
    checkInvariant({});
    EXPECT_EQ(deliveries().value(QStringLiteral("<slow@example.org>")), 1) << "queued, then lost";
    for (const QJsonValue &v : outboxList())
        EXPECT_NE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("corrupt"));
    QStringList delivered;
    for (const QString &f : QDir(m_received).entryList({QStringLiteral("*.eml")}, QDir::Files)) {
        QFile file(QDir(m_received).filePath(f));
        const QByteArray eml = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (eml.contains("first half, line 0\r\n") && eml.contains(QByteArray(QByteArray(firstHalf).replace("\n", "\r\n") + "second half\r\n")))
            delivered << f;
    }
    EXPECT_EQ(delivered.size(), 1) << "the whole message reached the server";
}

TEST_F(CliFixture, FirstUseMakesEveryOutboxFolderDurableInItsParent)
{
    // A message reported "Queued" on first use must not vanish in a power
    // cut with the folders made for it: each folder made on the way to the
    // outbox is recorded durably in its parent (an fsync of the parent
    // after the mkdir). Traced with strace on the real process.
    const QString log = m_home.filePath(QStringLiteral("strace.log"));
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("strace"), {QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-o"), log,
                                       QStringLiteral("-e"), QStringLiteral("trace=mkdir,mkdirat,open,openat,fsync,fdatasync,close"),
                                       QStringLiteral(OUTPOST_BINARY), QStringLiteral("outbox"), QStringLiteral("list")});
    ASSERT_TRUE(p.waitForStarted(10000)) << "strace is needed for this test (Debian package strace)";
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    QFile file(log);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString dataHome = m_home.filePath(QStringLiteral("data"));
    // pid -> fd -> path of open directories; paths made, and synced after.
    const QRegularExpression mkdirCall(QString::fromLatin1(R"re(^(\d+)\s+mkdir(?:at)?\((?:AT_FDCWD, )?"([^"]+)".*\)\s+=\s+0)re"));
    const QRegularExpression openCall(QString::fromLatin1(R"re(^(\d+)\s+open(?:at)?\((?:AT_FDCWD, )?"([^"]+)".*\)\s+=\s+(\d+))re"));
    const QRegularExpression syncCall(QString::fromLatin1(R"re(^(\d+)\s+f(?:data)?sync\((\d+)\)\s+=\s+0)re"));
    const QRegularExpression closeCall(QString::fromLatin1(R"re(^(\d+)\s+close\((\d+)\))re"));
    QHash<QString, QString> openFds; // "pid/fd" -> path
    QStringList made;                // folders whose parent is not yet synced since
    QStringList allMade;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (const auto mk = mkdirCall.match(line); mk.hasMatch()) {
            if (mk.captured(2).startsWith(dataHome)) {
                made << QDir::cleanPath(mk.captured(2));
                allMade << made.last();
            }
        } else if (const auto op = openCall.match(line); op.hasMatch()) {
            openFds.insert(op.captured(1) + u'/' + op.captured(3), QDir::cleanPath(op.captured(2)));
        } else if (const auto sy = syncCall.match(line); sy.hasMatch()) {
            const QString synced = openFds.value(sy.captured(1) + u'/' + sy.captured(2));
            made.removeIf([&](const QString &dir) { return QFileInfo(dir).absolutePath() == synced; });
        } else if (const auto cl = closeCall.match(line); cl.hasMatch()) {
            openFds.remove(cl.captured(1) + u'/' + cl.captured(2));
        }
    }
    // Only the outbox's folders and those above it are the outbox's to sync;
    // work in progress below tmp/ (a message being written, the writability
    // probe) becomes durable by its rename out of tmp/, not by its mkdir.
    const auto outboxPath = [](const QString &dir) {
        return (dir.contains(QStringLiteral("/outbox/")) || dir.endsWith(QStringLiteral("/outbox")))
            && !dir.contains(QStringLiteral("/outbox/tmp/"));
    };
    const QString root = [&] {
        for (const QString &dir : std::as_const(allMade))
            if (dir.endsWith(QStringLiteral("/outbox")))
                return dir;
        return QString();
    }();
    ASSERT_FALSE(root.isEmpty()) << "the outbox was not created: " << allMade.join(u' ').toStdString();
    QStringList unsynced;
    for (const QString &dir : std::as_const(made))
        if (outboxPath(dir) || root.startsWith(dir + u'/'))
            unsynced << dir;
    EXPECT_TRUE(unsynced.isEmpty()) << "made without syncing its parent: " << unsynced.join(u' ').toStdString();
}

// `outpost outbox flush` (no --wait) while another process holds the outbox
// and takes no more requests (a flushing process in its last wait before it
// exits): the request goes unanswered, so the outbox is this process's as
// soon as it is free. It used to return at once, exit 0, nothing sent.
TEST_F(CliFixture, AFlushNobodyAnswersSendsOnceTheOutboxIsFree)
{
    startServerAndAccount();
    const CliRun queued = run({QStringLiteral("send"), QStringLiteral("--queue-only"), QStringLiteral("--to"),
                               QStringLiteral("bob@example.org"), QStringLiteral("--subject"), QStringLiteral("unanswered"),
                               QStringLiteral("--body"), QStringLiteral("x")});
    ASSERT_EQ(queued.exitCode, 0) << queued.err.toStdString();
    // The holder: the outbox's lock, and no local server answering.
    Core::FileLock holder(m_home.filePath(QStringLiteral("data/outpost/outbox/.lock")));
    ASSERT_EQ(holder.lock(Core::FileLock::Wait::No), Core::FileLock::Outcome::Acquired);
    QProcess flush;
    flush.setProcessEnvironment(environment());
    flush.start(QStringLiteral(OUTPOST_BINARY), {QStringLiteral("outbox"), QStringLiteral("flush")});
    ASSERT_TRUE(flush.waitForStarted(10000));
    QThread::msleep(1500);
    holder.unlock();
    ASSERT_TRUE(flush.waitForFinished(60000));
    EXPECT_EQ(flush.exitCode(), 0) << flush.readAllStandardError().toStdString();
    const auto d = deliveries();
    EXPECT_EQ(d.size(), 1) << "the message was not sent once the outbox was free";
}

// `outpost send` proves the outbox writable by queueing its message, not by
// a test of its own first: that test (a lock file, a folder and a probe in
// tmp/) made three files before every message. Traced on the real process.
TEST_F(CliFixture, SendMakesNoFilesBeyondItsMessage)
{
    addPlainAccount(QStringLiteral("25"));
    ASSERT_EQ(outboxList().size(), 0); // (the outbox's folders exist)
    const QString log = m_home.filePath(QStringLiteral("strace.log"));
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("strace"),
            {QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-o"), log, QStringLiteral("-e"),
             QStringLiteral("trace=mkdir,mkdirat"), QStringLiteral(OUTPOST_BINARY), QStringLiteral("send"),
             QStringLiteral("--queue-only"), QStringLiteral("--to"), QStringLiteral("bob@example.org"),
             QStringLiteral("--subject"), QStringLiteral("One"), QStringLiteral("--body"), QStringLiteral("x")});
    ASSERT_TRUE(p.waitForStarted(10000)) << "strace is needed for this test (Debian package strace)";
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    QFile file(log);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString trace = QString::fromUtf8(file.readAll());
    EXPECT_FALSE(trace.contains(QStringLiteral("write-test"))) << trace.toStdString();
    // The message's own folder, and nothing else made under tmp/.
    EXPECT_EQ(trace.count(QStringLiteral("/outbox/tmp/")), 1) << trace.toStdString();
    EXPECT_EQ(outboxList().size(), 1);
}

// `outpost send` into an outbox whose tmp/ cannot be written: the message
// is not queued, the command says why and fails, nothing is left behind.
// Root writes anywhere, so as root tmp/ is made immutable (chattr +i).
TEST_F(CliFixture, SendIntoAnOutboxThatCannotBeWrittenSaysSoAndQueuesNothing)
{
    addPlainAccount(QStringLiteral("25"));
    ASSERT_EQ(outboxList().size(), 0); // (makes the outbox's folders)
    const QString tmp = m_home.filePath(QStringLiteral("data/outpost/outbox/tmp"));
    ASSERT_TRUE(QFileInfo(tmp).isDir());
    const bool root = ::geteuid() == 0;
    const auto chattr = [&](const QString &flag) {
        QProcess p;
        p.start(QStringLiteral("chattr"), {flag, tmp});
        return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    const QFileDevice::Permissions writable = QFileInfo(tmp).permissions();
    CliRun r;
    {
        struct Undo // (also when an assertion below returns early)
        {
            std::function<void()> undo;
            ~Undo() { undo(); }
        } undo{[&] {
            if (root)
                chattr(QStringLiteral("-i"));
            else
                QFile::setPermissions(tmp, writable);
        }};
        if (root)
            ASSERT_TRUE(chattr(QStringLiteral("+i"))) << "chattr +i (e2fsprogs, CAP_LINUX_IMMUTABLE) is needed as root";
        else
            ASSERT_TRUE(QFile::setPermissions(tmp, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        r = run({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("bob@example.org"),
                 QStringLiteral("--subject"), QStringLiteral("Kept?"), QStringLiteral("--body"), QStringLiteral("x"),
                 QStringLiteral("--queue-only")});
    }
    EXPECT_FALSE(r.crashed);
    EXPECT_NE(r.exitCode, 0) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("The outbox cannot be written."))) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains(QStringLiteral("Queued"))) << r.out.toStdString();
    EXPECT_EQ(outboxList().size(), 0);
}
