// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystore.h"
#include "ui/outboxmodel.h"
#include "ui/outboxwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "tests/support/testutil.h"

namespace {

Core::Account account()
{
    Core::Account a;
    a.id = QStringLiteral("acct");
    a.name = QStringLiteral("Test");
    a.host = QStringLiteral("127.0.0.1");
    a.auth = Core::AuthMethod::None;
    Core::Identity i;
    i.address = QStringLiteral("ada@example.org");
    a.identities = {i};
    return a;
}

QString enqueue(Core::Outbox &outbox, const QString &subject)
{
    Core::Draft d;
    d.from = Core::MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    d.to = {Core::MailAddress(QStringLiteral("Bob"), QStringLiteral("bob@example.org"))};
    d.subject = subject;
    d.textBody = QStringLiteral("x");
    auto e = outbox.enqueue(d, account(), {});
    EXPECT_TRUE(e.ok());
    return e.ok() ? e->id : QString();
}

int rowOf(Gui::OutboxModel *model, const QString &id)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->entry(r).id == id)
            return r;
    }
    return -1;
}

} // namespace

TEST(OutboxWindow, ShowsEveryStateAndActsOnIt)
{
    QTemporaryDir dir;
    Core::Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    const QString queued = enqueue(outbox, QStringLiteral("Waiting one"));
    const QString doubt = enqueue(outbox, QStringLiteral("In doubt"));
    const QString failed = enqueue(outbox, QStringLiteral("Refused"));
    // An interrupted attempt after the final dot, and a permanent refusal.
    ASSERT_TRUE(outbox.claim(doubt).ok());
    ASSERT_TRUE(outbox.markDotSent(doubt).ok());
    ASSERT_TRUE(outbox.recover().ok());
    ASSERT_TRUE(outbox.transition(failed, Core::OutboxState::Failed, [](Core::OutboxEntry &e) {
        e.lastErrorMessage = QStringLiteral("The mail server refused the message: 552 too big");
    }).ok());

    Gui::OutboxWindow window(&outbox);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    Gui::OutboxModel *model = window.model();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(model->data(model->index(rowOf(model, doubt), Gui::OutboxModel::StateColumn)).toString(),
              QStringLiteral("May have been sent"));
    EXPECT_EQ(model->data(model->index(rowOf(model, failed), Gui::OutboxModel::DetailColumn)).toString(),
              QStringLiteral("The mail server refused the message: 552 too big"));
    EXPECT_EQ(model->data(model->index(rowOf(model, queued), Gui::OutboxModel::RecipientsColumn)).toString(),
              QStringLiteral("Bob <bob@example.org>"));
    EXPECT_EQ(window.statusBar()->currentMessage(), QStringLiteral("1 waiting to be sent, 2 need(s) your attention"));

    auto *markSent = window.findChild<QAction *>(QStringLiteral("markSentAction"));
    auto *retry = window.findChild<QAction *>(QStringLiteral("retryAction"));
    auto *sendAgain = window.findChild<QAction *>(QStringLiteral("sendAgainAction"));
    // In doubt: never "Retry"; the person chooses Mark as sent or Send again.
    window.view()->selectRow(rowOf(model, doubt));
    EXPECT_TRUE(markSent->isEnabled());
    EXPECT_TRUE(sendAgain->isEnabled());
    EXPECT_FALSE(retry->isEnabled());
    markSent->trigger();
    EXPECT_EQ(outbox.find(doubt)->state, Core::OutboxState::Sent);

    window.view()->selectRow(rowOf(model, failed));
    EXPECT_TRUE(retry->isEnabled());
    EXPECT_FALSE(markSent->isEnabled());
    QSignalSpy sendNow(&window, &Gui::OutboxWindow::sendNowRequested);
    retry->trigger();
    EXPECT_EQ(outbox.find(failed)->state, Core::OutboxState::Queued);
    EXPECT_EQ(sendNow.count(), 1) << "a retry is sent right away";

    window.view()->selectRow(rowOf(model, queued));
    window.findChild<QAction *>(QStringLiteral("removeAction"))->trigger();
    EXPECT_FALSE(outbox.find(queued).has_value());
    EXPECT_EQ(model->rowCount(), 2);
}

// Held for the same reason (a password, a certificate), several messages are
// retried or deleted together: the view selects many rows.
TEST(OutboxWindow, RetryAndDeleteActOnEverySelectedMessage)
{
    QTemporaryDir dir;
    Core::Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    QStringList held;
    for (int n = 0; n < 3; ++n) {
        const QString id = enqueue(outbox, QStringLiteral("Held %1").arg(n));
        ASSERT_TRUE(outbox.transition(id, Core::OutboxState::Held, [](Core::OutboxEntry &e) {
            e.holdReason = Core::HoldReason::Credentials;
            e.lastErrorMessage = QStringLiteral("The server refused the password.");
        }).ok());
        held << id;
    }
    Gui::OutboxWindow window(&outbox);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *retry = window.findChild<QAction *>(QStringLiteral("retryAction"));
    auto *remove = window.findChild<QAction *>(QStringLiteral("removeAction"));
    QSignalSpy sendNow(&window, &Gui::OutboxWindow::sendNowRequested);
    window.view()->selectAll();
    ASSERT_EQ(window.view()->selectionModel()->selectedRows().size(), 3);
    EXPECT_TRUE(retry->isEnabled());
    retry->trigger();
    for (const QString &id : held)
        EXPECT_EQ(outbox.find(id)->state, Core::OutboxState::Queued) << qPrintable(id);
    EXPECT_EQ(sendNow.count(), 1) << "one request for all of them";
    window.view()->selectAll();
    EXPECT_FALSE(retry->isEnabled()) << "nothing selected is waiting for a person";
    EXPECT_TRUE(remove->isEnabled());
    remove->trigger();
    for (const QString &id : held)
        EXPECT_FALSE(outbox.find(id).has_value()) << qPrintable(id);
    EXPECT_EQ(window.model()->rowCount(), 0);
}

// The model follows the outbox row by row: a change inserts, removes or
// updates rows, never resets the model (which loses the selection and the
// scroll position, and re-read every entry of every state on each change).
TEST(OutboxWindow, TheModelChangesRowByRowNeverByReset)
{
    QTemporaryDir dir;
    Core::Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    const QString first = enqueue(outbox, QStringLiteral("First"));
    const QString second = enqueue(outbox, QStringLiteral("Second"));
    Gui::OutboxModel model(&outbox);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    ASSERT_EQ(model.rowCount(), 2);

    const QString third = enqueue(outbox, QStringLiteral("Third"));
    ASSERT_EVENTUALLY(model.rowCount() == 3, 5000);
    // Sent: its row leaves the queued ones and joins the sent ones.
    ASSERT_TRUE(outbox.claim(first).ok());
    ASSERT_TRUE(outbox.recordAccepted(first, [](Core::OutboxEntry &e) { e.acceptedAt = QDateTime::currentDateTimeUtc(); }).ok());
    ASSERT_EVENTUALLY(rowOf(&model, first) == 2
                          && model.data(model.index(2, Gui::OutboxModel::StateColumn)).toString() == QStringLiteral("Sent"),
                      5000);
    ASSERT_TRUE(outbox.remove(second).ok());
    ASSERT_EVENTUALLY(model.rowCount() == 2 && rowOf(&model, second) == -1, 5000);
    EXPECT_EQ(rowOf(&model, third), 0);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_GE(inserted.count(), 2);
    EXPECT_GE(removed.count(), 2);
}

// The window reads the outbox (its summary) when the model's rows change. On
// an outbox that is not watched such a read replaces the index's maps while
// sync() is still walking them: a use after free that ASan and valgrind saw.
TEST(OutboxWindow, ReadingTheOutboxFromARowSignalIsSafe)
{
    QTemporaryDir dir;
    Core::Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    const QString first = enqueue(outbox, QStringLiteral("First"));
    const QString second = enqueue(outbox, QStringLiteral("Second"));
    const QString third = enqueue(outbox, QStringLiteral("Third"));
    Gui::OutboxModel model(&outbox);
    ASSERT_EQ(model.rowCount(), 3);
    int reads = 0;
    const auto readAgain = [&] {
        for (const auto state : {Core::OutboxState::Queued, Core::OutboxState::Sent})
            reads += int(outbox.indexed(state).size());
    };
    QObject::connect(&model, &QAbstractItemModel::rowsRemoved, readAgain);
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, readAgain);

    // One sync removes the first queued row and inserts it among the sent.
    ASSERT_TRUE(outbox.claim(first).ok());
    ASSERT_TRUE(outbox.recordAccepted(first, [](Core::OutboxEntry &e) { e.acceptedAt = QDateTime::currentDateTimeUtc(); }).ok());
    ASSERT_EVENTUALLY(rowOf(&model, first) == 2, 5000);
    EXPECT_GT(reads, 0);
    EXPECT_EQ(rowOf(&model, second), 0);
    EXPECT_EQ(rowOf(&model, third), 1);
    EXPECT_EQ(model.entry(1).subject, QStringLiteral("Third"));
    EXPECT_EQ(model.data(model.index(2, Gui::OutboxModel::StateColumn)).toString(), QStringLiteral("Sent"));
}

// In the GUI the outbox is watched: the index is loaded off the GUI thread,
// and what another process changes (here another Outbox on the same folder,
// which locks as another process does) reaches the rows without a reset.
TEST(OutboxWindow, AWatchedOutboxShowsAnotherProcesssChanges)
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("outbox"));
    Core::Outbox outbox(root);
    ASSERT_TRUE(outbox.open().ok());
    const QString early = enqueue(outbox, QStringLiteral("Early"));
    outbox.watch();
    Gui::OutboxModel model(&outbox);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    ASSERT_EVENTUALLY(outbox.isIndexLoaded() && model.rowCount() == 1, 5000);

    Core::Outbox other(root);
    QStringList theirs;
    for (int n = 0; n < 5; ++n)
        theirs << enqueue(other, QStringLiteral("Theirs %1").arg(n));
    ASSERT_EVENTUALLY(model.rowCount() == 6, 5000);
    ASSERT_TRUE(other.transition(theirs.first(), Core::OutboxState::Failed, [](Core::OutboxEntry &e) {
        e.lastErrorMessage = QStringLiteral("552 too big");
    }).ok());
    ASSERT_TRUE(other.remove(early).ok());
    ASSERT_EVENTUALLY(model.rowCount() == 5 && rowOf(&model, theirs.first()) == 0
                          && model.data(model.index(0, Gui::OutboxModel::DetailColumn)).toString() == QStringLiteral("552 too big"),
                      5000);
    EXPECT_EQ(resets.count(), 0);
}

// A sent message whose copy in the Sent folder failed because the server
// has no Sent folder: the window says so beside "Sent", and its action,
// worded as the person's consent, makes the copy due again with the folder
// to be created; the message itself is not sent again.
TEST(OutboxWindow, AFailedSentCopyIsShownAndRetriedWithTheFolderCreated)
{
    QTemporaryDir dir;
    Core::Outbox outbox(dir.filePath(QStringLiteral("outbox")));
    ASSERT_TRUE(outbox.open().ok());
    const QString id = enqueue(outbox, QStringLiteral("Copied"));
    ASSERT_TRUE(outbox.claim(id).ok());
    ASSERT_TRUE(outbox.recordAccepted(id, [](Core::OutboxEntry &e) {
        e.phase = Core::OutboxPhase::Accepted;
        e.acceptedAt = QDateTime::currentDateTimeUtc();
    }).ok());
    Core::SentCopyStore store(outbox.root());
    ASSERT_TRUE(store.update(id, [](Core::SentCopyStatus &s) -> Core::Result<void> {
        s.state = Core::SentCopyStatus::State::Failed;
        s.code = QStringLiteral("needs_folder");
        s.reason = QStringLiteral("There is no Sent folder (Sent).");
        s.folder = QStringLiteral("Sent");
        s.attempts = 1;
        return {};
    }).ok());

    Gui::OutboxWindow window(&outbox);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    Gui::OutboxModel *model = window.model();
    const auto detail = [&] {
        return model->data(model->index(rowOf(model, id), Gui::OutboxModel::DetailColumn)).toString();
    };
    ASSERT_EVENTUALLY(detail().contains(QStringLiteral("no copy in Sent: There is no Sent folder (Sent).")), 5000);
    EXPECT_TRUE(detail().startsWith(QStringLiteral("Sent "))) << qPrintable(detail());

    auto *retryCopy = window.findChild<QAction *>(QStringLiteral("retryCopyAction"));
    ASSERT_NE(retryCopy, nullptr);
    EXPECT_FALSE(retryCopy->isEnabled()) << "nothing selected";
    window.view()->selectRow(rowOf(model, id));
    ASSERT_TRUE(retryCopy->isEnabled());
    EXPECT_EQ(retryCopy->text(), QStringLiteral("Create Folder and Retry &Copy"));
    QSignalSpy sendNow(&window, &Gui::OutboxWindow::sendNowRequested);
    QSignalSpy copies(&window, &Gui::OutboxWindow::sentCopiesRequested);
    retryCopy->trigger();
    EXPECT_EQ(copies.count(), 1);
    // Not "Send Now" (a manual flush sends deferred messages before their
    // time and forgets the servers' back-off): only the copies.
    EXPECT_EQ(sendNow.count(), 0) << "Retry Copy asked for a manual flush";
    const auto status = store.read(id);
    ASSERT_TRUE(status.has_value());
    EXPECT_EQ(status->state, Core::SentCopyStatus::State::Pending);
    EXPECT_TRUE(status->createFolder);
    EXPECT_EQ(outbox.find(id)->state, Core::OutboxState::Sent);
    EXPECT_TRUE(detail().endsWith(QStringLiteral("copy to be filed in Sent"))) << qPrintable(detail());
    EXPECT_FALSE(retryCopy->isEnabled()) << "due now: nothing to retry";
}
