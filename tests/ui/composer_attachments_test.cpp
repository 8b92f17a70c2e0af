// SPDX-License-Identifier: GPL-3.0-or-later
// The composer's attachments (button, drag and drop, list, size), the
// forgotten-attachment check, closing with unsent changes, and drafts.
#include "core/drafts/draftstore.h"
#include "ui/composerwindow.h"
#include "ui/recipientedit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <gtest/gtest.h>

using Gui::ComposerWindow;

namespace {

QString makeFile(const QTemporaryDir &dir, const QString &name, qsizetype size)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(size, 'x'));
    return path;
}

// Drops files the way a file manager does: a drag with file:// URLs.
void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    data.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    ASSERT_TRUE(drop.isAccepted());
}

// Answers the next modal question with `button`.
void answerNextBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
}

} // namespace

TEST(ComposerAttachments, DroppedOnTheTextTheyBecomeAttachmentsWithNameAndSize)
{
    QTemporaryDir dir;
    const QString a = makeFile(dir, QStringLiteral("report.pdf"), 2048);
    const QString b = makeFile(dir, QStringLiteral("Übersicht.csv"), 100);
    ComposerWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    dropFiles(body->viewport(), {a, b, dir.path()}); // a folder is refused
    EXPECT_EQ(window.attachments(), (QStringList{a, b}));
    EXPECT_TRUE(window.body().isEmpty()) << "no file name pasted into the text";
    auto *list = window.findChild<QListWidget *>(QStringLiteral("attachments"));
    ASSERT_TRUE(list->isVisible());
    ASSERT_EQ(list->count(), 2);
    EXPECT_TRUE(list->item(0)->text().startsWith(QStringLiteral("report.pdf (2")));
    EXPECT_TRUE(list->item(1)->text().startsWith(QStringLiteral("Übersicht.csv")));
    auto *summary = window.findChild<QLabel *>(QStringLiteral("attachmentSummary"));
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("2 attachment(s)"))) << summary->text().toStdString();
    EXPECT_TRUE(window.isModified());

    // Delete removes the selected one.
    list->setCurrentRow(0);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    EXPECT_EQ(window.attachments(), QStringList{b});
    // Dropping the same file twice adds it once.
    dropFiles(&window, {b});
    EXPECT_EQ(window.attachments(), QStringList{b});
}

TEST(ComposerAttachments, TooLargeForTheServerIsSaidBeforeSending)
{
    QTemporaryDir dir;
    const QString big = makeFile(dir, QStringLiteral("video.bin"), 900 * 1024);
    ComposerWindow window;
    window.setSenders({{QStringLiteral("acc"), QStringLiteral("id"), QStringLiteral("Ada <ada@example.org>"), 1024 * 1024, QString(), {}}});
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.addAttachments({big});
    auto *summary = window.findChild<QLabel *>(QStringLiteral("attachmentSummary"));
    // 900 KiB grows to 1.2 MB in base64: above the server's 1 MiB.
    EXPECT_TRUE(summary->text().contains(QStringLiteral("larger than your server accepts"))) << summary->text().toStdString();
}

TEST(ComposerAttachments, MentioningAnAttachmentWithoutOneAsksFirst)
{
    ComposerWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy send(&window, &ComposerWindow::sendRequested);
    window.setSubject(QStringLiteral("Figures"));
    auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    QTest::keyClicks(body, QStringLiteral("Please find the figures attached."));
    QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
    QMessageBox *box = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (box = window.findChild<QMessageBox *>(QStringLiteral("forgottenAttachmentBox"))) != nullptr; }, 2000));
    EXPECT_EQ(send.size(), 0) << "nothing is sent while the question is open";
    box->findChild<QPushButton *>(QStringLiteral("sendAnywayButton"))->click();
    EXPECT_EQ(send.size(), 1);

    // Quoted text ("> see attached") is someone else's words: no question.
    ComposerWindow reply;
    reply.setSubject(QStringLiteral("Re: Report"));
    reply.setBody(QStringLiteral("Thanks!\n\n> The report is attached.\n"));
    QSignalSpy replySend(&reply, &ComposerWindow::sendRequested);
    reply.sendAction()->trigger();
    EXPECT_EQ(replySend.size(), 1);
}

TEST(ComposerAttachments, ClosingWithUnsentChangesAsksAndCanKeepADraft)
{
    QTemporaryDir dir;
    Core::DraftStore store(dir.filePath(QStringLiteral("drafts")));
    auto *composer = new ComposerWindow;
    const QString id = Core::DraftStore::newId();
    QPointer<ComposerWindow> window = composer;
    composer->setAttribute(Qt::WA_DeleteOnClose);
    composer->setDraftStore(&store, id);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    QTest::keyClicks(window->findChild<QLineEdit *>(QStringLiteral("subject")), QStringLiteral("Half written"));
    EXPECT_EQ(composer->draftId(), id);

    answerNextBox(QMessageBox::Cancel);
    window->close();
    ASSERT_FALSE(window.isNull()) << "Cancel keeps the window";

    answerNextBox(QMessageBox::Save);
    window->close();
    QTest::qWait(10);
    EXPECT_TRUE(window.isNull());
    const QList<Core::StoredDraft> drafts = store.list();
    ASSERT_EQ(drafts.size(), 1);
    EXPECT_EQ(drafts.first().id, id);
    EXPECT_EQ(drafts.first().content.value(QStringLiteral("subject")).toString(), QStringLiteral("Half written"));

    // Restored, then discarded: the draft is gone.
    QPointer<ComposerWindow> again = new ComposerWindow;
    again->setAttribute(Qt::WA_DeleteOnClose);
    again->setDraftStore(&store, id);
    again->restoreState(drafts.first().content);
    EXPECT_EQ(again->subject(), QStringLiteral("Half written"));
    again->show();
    answerNextBox(QMessageBox::Discard);
    again->close();
    EXPECT_TRUE(store.list().isEmpty());
}

TEST(ComposerAttachments, DraftsAreSavedWhileTypingAndDroppedOnceSent)
{
    qputenv("OUTPOST_DRAFT_AUTOSAVE_MS", "100");
    QTemporaryDir dir;
    const QString file = makeFile(dir, QStringLiteral("notes.txt"), 10);
    Core::DraftStore store(dir.filePath(QStringLiteral("drafts")));
    ComposerWindow window;
    qunsetenv("OUTPOST_DRAFT_AUTOSAVE_MS");
    window.setDraftStore(&store);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.findChild<Gui::RecipientEdit *>(QStringLiteral("to")), QStringLiteral("bob@example.org"));
    QTest::keyClicks(window.findChild<QPlainTextEdit *>(QStringLiteral("body")), QStringLiteral("Unsaved words"));
    window.addAttachments({file});
    ASSERT_TRUE(QTest::qWaitFor([&] { return store.list().size() == 1; }, 3000));
    QTest::qWait(300);
    const QJsonObject saved = store.list().first().content;
    EXPECT_EQ(saved.value(QStringLiteral("to")).toString(), QStringLiteral("bob@example.org"));
    EXPECT_EQ(saved.value(QStringLiteral("body")).toString(), QStringLiteral("Unsaved words"));
    EXPECT_EQ(saved.value(QStringLiteral("attachments")).toArray().first().toString(), file);
    window.markSent();
    EXPECT_TRUE(store.list().isEmpty());
}

TEST(ComposerSignature, FollowsTheChosenIdentityAndKeepsWhatWasTyped)
{
    ComposerWindow window;
    window.setSenders({{QStringLiteral("a"), QStringLiteral("work"), QStringLiteral("Ada <ada@work.example>"), 0, QStringLiteral("Ada Lovelace\nAnalytical Engines Ltd."), {}},
                       {QStringLiteral("a"), QStringLiteral("home"), QStringLiteral("Ada <ada@home.example>"), 0, QStringLiteral("Ada"), {}},
                       {QStringLiteral("a"), QStringLiteral("none"), QStringLiteral("Ada <ada@none.example>"), 0, QString(), {}}});
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.body(), QStringLiteral("\n\n-- \nAda Lovelace\nAnalytical Engines Ltd."));
    auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    body->setFocus();
    QTest::keyClicks(body, QStringLiteral("Hello"));
    EXPECT_TRUE(window.body().startsWith(QStringLiteral("Hello\n\n-- \n"))) << "typing starts above the signature";
    window.selectSender(QStringLiteral("a"), QStringLiteral("home"));
    EXPECT_EQ(window.body(), QStringLiteral("Hello\n\n-- \nAda"));
    window.selectSender(QStringLiteral("a"), QStringLiteral("none"));
    EXPECT_EQ(window.body(), QStringLiteral("Hello"));
    // A message that comes back (undo) keeps its one signature.
    window.selectSender(QStringLiteral("a"), QStringLiteral("home"));
    Core::Draft d;
    d.textBody = QStringLiteral("Again\n\n-- \nAda");
    window.setDraft(d);
    EXPECT_EQ(window.body(), QStringLiteral("Again\n\n-- \nAda"));
}

TEST(ComposerCompletion, CompletesTheEntryBeingTypedFromAddressesUsedBefore)
{
    ComposerWindow window;
    window.setAddressCompletions({QStringLiteral("Bob Builder <bob@example.org>"), QStringLiteral("Alice Liddell <alice@wonder.example>")});
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *to = window.findChild<Gui::RecipientEdit *>(QStringLiteral("to"));
    to->setFocus();
    QTest::keyClicks(to, QStringLiteral("ada@example.org, wond"));
    QCompleter *completer = to->completer();
    ASSERT_NE(completer, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return completer->popup()->isVisible(); }, 2000));
    EXPECT_EQ(completer->completionCount(), 1) << "matched inside the address, not only at the start";
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    EXPECT_EQ(window.to(), QStringLiteral("ada@example.org, Alice Liddell <alice@wonder.example>"));
}

TEST(ComposerDrafts, CtrlSSavesADraftByHand)
{
    QTemporaryDir dir;
    Core::DraftStore store(dir.filePath(QStringLiteral("drafts")));
    ComposerWindow window;
    window.setDraftStore(&store);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *subject = window.findChild<QLineEdit *>(QStringLiteral("subject"));
    QTest::keyClicks(subject, QStringLiteral("Kept"));
    QTest::keyClick(subject, Qt::Key_S, Qt::ControlModifier);
    ASSERT_EQ(store.list().size(), 1);
    EXPECT_EQ(store.list().first().content.value(QStringLiteral("subject")).toString(), QStringLiteral("Kept"));
    window.markSent();
}
