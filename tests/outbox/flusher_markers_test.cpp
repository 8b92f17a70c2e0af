// SPDX-License-Identifier: GPL-3.0-or-later
// The dot-sent markers of a long queue share their syncs (issue 18): each
// marker must be durable before its message's final dot, and one directory
// sync per message bound a flush to the disk's sync time. Markers of a
// window of messages claimed together go to the disk in one sync; the
// window starts at one message, so a single message waits for nothing else.
#include "core/outbox/durablewriter.h"
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystore.h"

#include "tests/support/aiosmtpdoutbox.h"
#include "tests/support/testutil.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QHash>
#include <QFile>

#include <iostream>

#include <sys/stat.h>

using namespace Core;

namespace {

struct Sent
{
    quint64 syncs = 0;
    qsizetype delivered = 0;
    qsizetype sent = 0;
    /// Copies recorded as skipped (no IMAP server) while messages were still
    /// being sent, and such records on disk at the end.
    int copySkippedWhileSending = 0;
    int copySkippedRecords = 0;
    /// Files in the sent entries' folders besides those written when queued
    /// (message.eml, state.json, draft.json) and the "sent" record
    /// (accepted.json): each costs a new file per message.
    QStringList otherFiles;
    /// Skipped records read again after retention removed the bodies, which
    /// folds each entry's "sent" record into its state.json.
    int copySkippedAfterPruning = 0;
    /// Sent entries whose accepted.json is a new file, not the one made
    /// when the message was queued (its inode).
    int newRecordFiles = 0;
};

/// Queues `count` small messages, flushes them to aiosmtpd, and counts the
/// durable writer's directory syncs meanwhile.
Sent flushSmallMessages(int count)
{
    AiosmtpdOutbox setup(QStringLiteral("Markers"));
    Outbox &outbox = setup.outbox;
    const Account account = setup.account();
    QHash<QString, ino_t> recordInodes;
    for (int i = 0; i < count; ++i) {
        const auto queued = outbox.enqueue(TestUtil::draftToBob(QStringLiteral("Message %1").arg(i)), account, {});
        EXPECT_TRUE(queued.ok());
        struct stat st {};
        const QByteArray record = QFile::encodeName(outbox.root() + QStringLiteral("/queued/") + queued->id + QStringLiteral("/accepted.json"));
        recordInodes.insert(queued->id, ::stat(record.constData(), &st) == 0 ? st.st_ino : 0);
    }
    Sent result;
    {
        Flusher flusher(&outbox, &setup.accounts, &setup.trust, &setup.credentials);
        EXPECT_EQ(flusher.acquire(), Flusher::LockResult::Acquired);
        qsizetype sentSoFar = 0;
        QObject::connect(&flusher, &Flusher::messageFinished, [&](const QString &, OutboxState state) {
            sentSoFar += state == OutboxState::Sent ? 1 : 0;
        });
        QObject::connect(&flusher, &Flusher::sentCopyFinished, [&](const QString &, const SentCopyStatus &copy) {
            if (copy.state == SentCopyStatus::State::Skipped && copy.code == QLatin1String("no_imap_server"))
                result.copySkippedWhileSending += sentSoFar < count ? 1 : 0;
        });
        const quint64 before = DurableWriter::directorySyncs();
        flusher.flush();
        EXPECT_TRUE(QTest::qWaitFor(
            [&] { return outbox.entries(OutboxState::Sent).size() == count && !flusher.isBusy(); }, 60000))
            << "the messages were not all sent";
        result.syncs = DurableWriter::directorySyncs() - before;
    }
    result.delivered = setup.delivered();
    result.sent = outbox.entries(OutboxState::Sent).size();
    for (const OutboxEntry &e : outbox.entries(OutboxState::Sent)) {
        const auto copy = SentCopyStore(outbox.root()).read(e.id);
        result.copySkippedRecords += copy && copy->code == QLatin1String("no_imap_server") ? 1 : 0;
        struct stat st {};
        const QByteArray record = QFile::encodeName(outbox.root() + QStringLiteral("/sent/") + e.id + QStringLiteral("/accepted.json"));
        result.newRecordFiles += ::stat(record.constData(), &st) != 0 || st.st_ino != recordInodes.value(e.id) ? 1 : 0;
        const QStringList files = QDir(outbox.root() + QStringLiteral("/sent/") + e.id).entryList(QDir::Files);
        for (const QString &f : files) {
            if (f != QLatin1String("message.eml") && f != QLatin1String("state.json") && f != QLatin1String("draft.json")
                && f != QLatin1String("accepted.json"))
                result.otherFiles << e.id + u'/' + f;
        }
    }
    EXPECT_EQ(outbox.pruneSentBodies(QDateTime::currentDateTimeUtc().addDays(60)).value(), count);
    for (const OutboxEntry &e : outbox.entries(OutboxState::Sent)) {
        EXPECT_FALSE(QFile::exists(outbox.root() + QStringLiteral("/sent/") + e.id + QStringLiteral("/accepted.json")));
        const auto copy = SentCopyStore(outbox.root()).read(e.id);
        result.copySkippedAfterPruning += copy && copy->state == SentCopyStatus::State::Skipped ? 1 : 0;
    }
    return result;
}

} // namespace

TEST(FlusherMarkers, FiftyMessagesShareFarFewerSyncsThanFifty)
{
    const Sent fifty = flushSmallMessages(50);
    EXPECT_EQ(fifty.delivered, 50);
    EXPECT_EQ(fifty.sent, 50);
    // Windows of 1, 2, 4, 8, 16, then at most 32: about six syncs, a few
    // more where a window is cut short by what the pass has read so far.
    EXPECT_LE(fifty.syncs, 15u) << "the markers of 50 messages took " << fifty.syncs << " syncs";
    std::cout << "50 messages: " << fifty.syncs << " directory syncs\n";
}

TEST(FlusherMarkers, ASingleMessageWaitsForNoWindow)
{
    const Sent one = flushSmallMessages(1);
    EXPECT_EQ(one.delivered, 1);
    EXPECT_EQ(one.syncs, 1u) << "one message, one marker, one sync";
}

TEST(FlusherMarkers, AnAccountWithoutImapHasItsCopySkippedWithTheSentRecord)
{
    // The Sent-copy step after the pass decided each such message on the
    // flusher's thread (over a second for 3,000): the flusher records it
    // as the messages are sent instead, and the step finds nothing to decide.
    const Sent twenty = flushSmallMessages(20);
    EXPECT_EQ(twenty.delivered, 20);
    EXPECT_EQ(twenty.copySkippedRecords, 20);
    EXPECT_GT(twenty.copySkippedWhileSending, 0) << "the copies were decided only after the pass";
    // Part of the "sent" record, not a file of its own per message; kept
    // when that record is folded into the sidecar.
    EXPECT_TRUE(twenty.otherFiles.isEmpty()) << "files per sent message: " << twenty.otherFiles.join(u' ').toStdString();
    // Not even the "sent" record is a new file: the one made when queued.
    EXPECT_EQ(twenty.newRecordFiles, 0) << "sent messages whose record is a new file";
    EXPECT_EQ(twenty.copySkippedAfterPruning, 20);
}
