// SPDX-License-Identifier: GPL-3.0-or-later
// The composer as a person uses it (offscreen): type, press Ctrl+Return, and
// find the message at a real server; or be told which field is wrong; or take
// it back with Undo.
#include "app/sendcontroller.h"
#include "ui/composerwindow.h"
#include "ui/recipientedit.h"
#include "ui/sendtoast.h"

#include "tests/support/serverprocess.h"
#include "tests/support/testutil.h"

#include <QApplication>
#include <QDir>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>

#include "core/version.h"
#include <QMessageBox>
#include <QTimer>
#include <QCompleter>
#include <QMimeData>

#include "core/drafts/draftstore.h"
#include "ui/notifier.h"
#include "ui/outboxwindow.h"
#include "core/accounts/accountstore.h"
#include "core/outbox/outbox.h"
#include <QUrl>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QDropEvent>
#include <QLabel>
#include <QTableView>
#include <QAction>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QStatusBar>
#include <QTextEdit>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The composer window that is open, if any.
Gui::ComposerWindow *visibleComposer()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *c = qobject_cast<Gui::ComposerWindow *>(w); c && c->isVisible())
            return c;
    }
    return nullptr;
}

// Closes a composer that has unsent changes, answering "Discard".
void closeDiscarding(QWidget *w)
{
    QTimer::singleShot(0, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    w->close();
}

class SendFlow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        m_received = TestUtil::useProfileIn(m_home.path());
    }

    void addAccount(quint16 port)
    {
        Core::AccountStore store;
        Core::Account a;
        a.name = QStringLiteral("Test");
        a.host = QStringLiteral("127.0.0.1");
        a.port = port;
        a.security = Core::SmtpSecurity::None;
        a.auth = Core::AuthMethod::None;
        Core::Identity i;
        i.name = QStringLiteral("Ada Lovelace");
        i.address = QStringLiteral("ada@example.org");
        a.identities = {i};
        ASSERT_TRUE(store.add(a).ok());
        ASSERT_TRUE(store.save().ok());
    }

    void startServer()
    {
        m_server = std::make_unique<ServerProcess>(
            TestUtil::python(), QStringList{TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"),
                                            m_received, QStringLiteral("--no-auth")});
        ASSERT_TRUE(m_server->ok());
        addAccount(m_server->ready().toUShort());
    }

    static Gui::SendToast *toast()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *t = qobject_cast<Gui::SendToast *>(w); t && t->isVisible())
                return t;
        }
        return nullptr;
    }

    // Key events carrying text, one character at a time, as a keyboard or
    // input method delivers them (QTest::keyClicks only knows ASCII).
    static void type(QWidget *widget, const QString &text)
    {
        for (QChar c : text) {
            if (c == u'\n') {
                QTest::keyClick(widget, Qt::Key_Return);
                continue;
            }
            QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QApplication::sendEvent(widget, &press);
            QApplication::sendEvent(widget, &release);
        }
    }

    // Types like a person and presses Ctrl+Return.
    static void compose(Gui::ComposerWindow *w, const QString &to, const QString &subject, const QString &body)
    {
        type(w->findChild<Gui::RecipientEdit *>(QStringLiteral("to")), to);
        type(w->findChild<QLineEdit *>(QStringLiteral("subject")), subject);
        auto *text = w->findChild<QPlainTextEdit *>(QStringLiteral("body"));
        type(text, body);
        QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    }

    // A message from Ada to Bob.
    static Core::Draft adaToBob(const QString &subject, const QString &text)
    {
        Core::Draft d;
        d.from = Core::MailAddress(QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org"));
        d.to = {Core::MailAddress({}, QStringLiteral("bob@example.org"))};
        d.subject = subject;
        d.textBody = text;
        return d;
    }

    // Queues `d` for tomorrow ("send later") and selects it in the outbox
    // window, shown.
    static void queueForTomorrowAndSelect(App::SendController &controller, const Core::Draft &d, Gui::OutboxWindow **window)
    {
        Core::AccountStore store;
        ASSERT_TRUE(store.load().ok());
        Core::Outbox::EnqueueOptions later;
        later.notBefore = QDateTime::currentDateTimeUtc().addDays(1);
        const auto queued = controller.outbox().enqueue(d, store.accounts().first(), later);
        ASSERT_TRUE(queued.ok()) << qPrintable(queued.error().message());
        Gui::OutboxWindow *outbox = controller.showOutbox();
        *window = outbox;
        ASSERT_TRUE(QTest::qWaitForWindowExposed(outbox));
        auto *view = outbox->findChild<QTableView *>();
        ASSERT_NE(view, nullptr);
        ASSERT_EVENTUALLY(view->model()->rowCount() == 1, 5000);
        view->selectRow(0);
    }

    QTemporaryDir m_home;
    QString m_received;
    std::unique_ptr<ServerProcess> m_server;
};

} // namespace

TEST_F(SendFlow, TypeAndPressCtrlReturnDeliversTheMessage)
{
    startServer();
    QSettings(Core::settingsFile(), QSettings::IniFormat).setValue(QStringLiteral("send/undoDelaySeconds"), 0);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    EXPECT_EQ(w->currentSender()->label, QStringLiteral("Ada Lovelace <ada@example.org>"));
    compose(w, QStringLiteral("Bob <bob@example.org>"), QStringLiteral("Grüße von der Oberfläche"),
            QStringLiteral("Hallo Bob,\ndas kam über das Fenster."));
    ASSERT_EVENTUALLY(w.isNull(), 5000); // closed once durably queued
    ASSERT_NE(toast(), nullptr);
    ASSERT_EVENTUALLY(QFile::exists(m_received + QStringLiteral("/1.eml")), 15000);
    const QJsonObject parsed = TestUtil::runPythonJson("parse_message.py", {m_received + QStringLiteral("/1.eml")});
    EXPECT_EQ(parsed.value(QStringLiteral("subject")).toString(), QStringLiteral("Grüße von der Oberfläche"));
    EXPECT_EQ(parsed.value(QStringLiteral("to"))[0][QStringLiteral("address")].toString(), QStringLiteral("bob@example.org"));
    EXPECT_TRUE(parsed.value(QStringLiteral("text")).toString().contains(QStringLiteral("das kam über das Fenster.")));
    ASSERT_EVENTUALLY(toast() && toast()->text().contains(QStringLiteral("was sent")), 5000);
    // The next message offers Bob while typing.
    Gui::ComposerWindow *next = controller.openComposer();
    const QAbstractItemModel *offered = next->findChild<Gui::RecipientEdit *>(QStringLiteral("to"))->completer()->model();
    ASSERT_EQ(offered->rowCount(), 1);
    EXPECT_EQ(offered->index(0, 0).data().toString(), QStringLiteral("Bob <bob@example.org>"));
    next->deleteLater();
}

TEST_F(SendFlow, AnAttachmentDroppedOnTheComposerArrivesAndTheDraftIsGone)
{
    startServer();
    QSettings(Core::settingsFile(), QSettings::IniFormat).setValue(QStringLiteral("send/undoDelaySeconds"), 0);
    const QString file = m_home.filePath(QStringLiteral("Bericht März.pdf"));
    QByteArray content;
    for (int i = 0; i < 100000; ++i)
        content.append(char(i * 7 % 256));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(file)});
    auto *target = w->findChild<QPlainTextEdit *>(QStringLiteral("body"))->viewport();
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    ASSERT_EQ(w->attachments().size(), 1);
    w->saveDraft();
    const QString drafts = Core::DraftStore().root();
    EXPECT_EQ(QDir(drafts).entryList({QStringLiteral("*.json")}).size(), 1);
    compose(w, QStringLiteral("bob@example.org"), QStringLiteral("Report"), QStringLiteral("The report is attached."));
    ASSERT_EVENTUALLY(w.isNull(), 5000);
    EXPECT_TRUE(QDir(drafts).entryList({QStringLiteral("*.json")}).isEmpty()) << "queued: the draft is gone";
    ASSERT_EVENTUALLY(QFile::exists(m_received + QStringLiteral("/1.eml")), 15000);
    const QJsonObject parsed = TestUtil::runPythonJson("parse_message.py", {m_received + QStringLiteral("/1.eml")});
    const QJsonArray attachments = parsed.value(QStringLiteral("attachments")).toArray();
    ASSERT_EQ(attachments.size(), 1) << QJsonDocument(parsed).toJson().toStdString();
    EXPECT_EQ(attachments[0][QStringLiteral("filename")].toString(), QStringLiteral("Bericht März.pdf"));
    EXPECT_EQ(attachments[0][QStringLiteral("sha256")].toString(),
              QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
}

TEST_F(SendFlow, AMessageThatNeedsAttentionIsANotificationNotAModalBox)
{
    // Queued earlier (by a script, say), for an account whose password is
    // not available: at start the flusher holds it, and the person is told
    // in a notification that does not take focus.
    Core::AccountStore store;
    Core::Account a;
    a.name = QStringLiteral("Work");
    a.host = QStringLiteral("127.0.0.1");
    a.port = 1;
    a.security = Core::SmtpSecurity::None;
    a.auth = Core::AuthMethod::Password;
    a.allowCleartextAuth = true;
    a.username = QStringLiteral("ada");
    Core::Identity i;
    i.address = QStringLiteral("ada@example.org");
    a.identities = {i};
    ASSERT_TRUE(store.add(a).ok());
    ASSERT_TRUE(store.save().ok());
    {
        Core::Outbox outbox;
        ASSERT_TRUE(outbox.open().ok());
        Core::Draft d;
        d.from = Core::MailAddress({}, QStringLiteral("ada@example.org"));
        d.to = {Core::MailAddress({}, QStringLiteral("bob@example.org"))};
        d.subject = QStringLiteral("Quarterly figures");
        ASSERT_TRUE(outbox.enqueue(d, store.accounts().first(), {}).ok());
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/outpost-test-bus");
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    ASSERT_FALSE(controller.notifier()->hasTray()) << "offscreen has no tray: the fallback window is used";
    QWidget *note = nullptr;
    ASSERT_EVENTUALLY((note = controller.notifier()->lastWindow()) != nullptr, 15000);
    EXPECT_TRUE(note->isVisible());
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
    EXPECT_TRUE(note->windowFlags().testFlag(Qt::WindowDoesNotAcceptFocus));
    const QString text = note->findChild<QLabel *>(QStringLiteral("notificationText"))->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Quarterly figures"))) << text.toStdString();
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    note->close();
}

TEST_F(SendFlow, EditInTheOutboxBringsAWaitingMessageBackToAComposer)
{
    addAccount(1);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    Gui::OutboxWindow *outbox = nullptr;
    ASSERT_NO_FATAL_FAILURE(queueForTomorrowAndSelect(controller, adaToBob(QStringLiteral("Later"), QStringLiteral("Tomorrow morning.")), &outbox));
    auto *edit = outbox->findChild<QAction *>(QStringLiteral("editAction"));
    ASSERT_TRUE(edit->isEnabled());
    edit->trigger();
    Gui::ComposerWindow *back = nullptr;
    ASSERT_EVENTUALLY((back = visibleComposer()) != nullptr, 5000);
    EXPECT_EQ(back->subject(), QStringLiteral("Later"));
    EXPECT_TRUE(back->body().startsWith(QStringLiteral("Tomorrow morning.")));
    EXPECT_EQ(controller.outbox().counts().value(Core::OutboxState::Queued), 0);
    EXPECT_EQ(Core::DraftStore().list().size(), 1);
    closeDiscarding(back);
    outbox->close();
}

// Edit fails while the draft takes the message's pictures (the disk fails
// the sync of the draft's folder of files): the message stays in the
// outbox, and nothing is left in the drafts' folder — a `.files` folder
// without its draft is one DraftStore::list() never shows nor cleans.
TEST_F(SendFlow, AnEditThatCannotKeepThePicturesLeavesNoFilesInTheDrafts)
{
    addAccount(1);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QTemporaryDir composerDir;
    Core::Draft d = adaToBob(QStringLiteral("Pictures"), QStringLiteral("Look [image: a.png] [image: b.png]"));
    d.htmlBody = QStringLiteral("<div>Look <img src=\"cid:a@example.org\"><img src=\"cid:b@example.org\"></div>");
    for (const char *name : {"a", "b"}) {
        const QString path = composerDir.filePath(QLatin1String(name) + QStringLiteral(".png"));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(3000, name[0]));
        f.close();
        d.inlineImages << Core::InlineImage{path, QLatin1String(name) + QStringLiteral("@example.org"), QStringLiteral("image/png"),
                                            QLatin1String(name) + QStringLiteral(".png")};
    }
    Gui::OutboxWindow *outbox = nullptr;
    ASSERT_NO_FATAL_FAILURE(queueForTomorrowAndSelect(controller, d, &outbox));
    qputenv("OUTPOST_TEST_SYNC_FAIL_DIR", "*.files");
    outbox->findChild<QAction *>(QStringLiteral("editAction"))->trigger();
    qunsetenv("OUTPOST_TEST_SYNC_FAIL_DIR");
    EXPECT_EQ(visibleComposer(), nullptr);
    EXPECT_FALSE(outbox->statusBar()->currentMessage().isEmpty());
    EXPECT_EQ(controller.outbox().counts().value(Core::OutboxState::Queued), 1) << "still in the outbox";
    const QDir drafts(Core::DraftStore().root());
    EXPECT_EQ(drafts.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList()) << "left in the drafts' folder";
    outbox->close();
}

TEST_F(SendFlow, SendLaterQueuesForTheChosenTime)
{
    addAccount(1);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    type(w->findChild<Gui::RecipientEdit *>(QStringLiteral("to")), QStringLiteral("bob@example.org"));
    type(w->findChild<QLineEdit *>(QStringLiteral("subject")), QStringLiteral("Morning"));
    auto *text = w->findChild<QPlainTextEdit *>(QStringLiteral("body"));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QDialog *dialog = nullptr;
    ASSERT_EVENTUALLY((dialog = w->findChild<QDialog *>(QStringLiteral("sendLaterDialog"))) != nullptr, 2000);
    const QDateTime when = QDateTime::currentDateTime().addSecs(2 * 3600);
    dialog->findChild<QDateTimeEdit *>(QStringLiteral("sendTime"))->setDateTime(when);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    ASSERT_EVENTUALLY(w.isNull(), 5000);
    const QList<Core::OutboxEntry> queued = controller.outbox().entries(Core::OutboxState::Queued);
    ASSERT_EQ(queued.size(), 1);
    EXPECT_LE(std::abs(queued.first().notBefore.secsTo(when.toUTC())), 60);
    ASSERT_EVENTUALLY(toast() && toast()->text().contains(QStringLiteral("will be sent at")), 5000);
}

TEST_F(SendFlow, RichTextIsSentAsHtmlWithAPlainTextPart)
{
    startServer();
    QSettings(Core::settingsFile(), QSettings::IniFormat).setValue(QStringLiteral("send/undoDelaySeconds"), 0);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    type(w->findChild<Gui::RecipientEdit *>(QStringLiteral("to")), QStringLiteral("bob@example.org"));
    type(w->findChild<QLineEdit *>(QStringLiteral("subject")), QStringLiteral("Formatted"));
    w->findChild<QAction *>(QStringLiteral("richTextAction"))->trigger();
    auto *rich = w->findChild<QTextEdit *>(QStringLiteral("richBody"));
    ASSERT_TRUE(rich->isVisible());
    rich->setFocus();
    QTest::keyClicks(rich, QStringLiteral("Plain and "));
    QTest::keyClick(rich, Qt::Key_B, Qt::ControlModifier);
    QTest::keyClicks(rich, QStringLiteral("bold"));
    QTest::keyClick(rich, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EVENTUALLY(w.isNull(), 5000);
    ASSERT_EVENTUALLY(QFile::exists(m_received + QStringLiteral("/1.eml")), 15000);
    const QJsonObject parsed = TestUtil::runPythonJson("parse_message.py", {m_received + QStringLiteral("/1.eml")});
    EXPECT_EQ(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
    // The plain part keeps the emphasis readable; the HTML is plain HTML.
    EXPECT_TRUE(parsed.value(QStringLiteral("text")).toString().contains(QStringLiteral("Plain and *bold*")));
    const QString html = parsed.value(QStringLiteral("html")).toString();
    EXPECT_TRUE(html.contains(QStringLiteral("<div>Plain and <b>bold</b></div>"))) << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("qt"), Qt::CaseInsensitive)) << html.toStdString();
}

TEST_F(SendFlow, AnInvalidAddressPointsAtItsField)
{
    addAccount(1);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    type(w->findChild<Gui::RecipientEdit *>(QStringLiteral("to")), QStringLiteral("bob@example.org"));
    type(w->findChild<Gui::RecipientEdit *>(QStringLiteral("cc")), QStringLiteral("not an address"));
    type(w->findChild<QLineEdit *>(QStringLiteral("subject")), QStringLiteral("Wrong Cc"));
    auto *text = w->findChild<QPlainTextEdit *>(QStringLiteral("body"));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QTest::qWait(100);
    ASSERT_FALSE(w.isNull()) << "the composer stays open";
    EXPECT_EQ(QApplication::focusWidget(), w->findChild<Gui::RecipientEdit *>(QStringLiteral("cc")));
    EXPECT_TRUE(w->statusBar()->currentMessage().contains(QStringLiteral("not an address")));
    EXPECT_EQ(controller.outbox().counts().value(Core::OutboxState::Queued), 0);
    closeDiscarding(w);
}

TEST_F(SendFlow, UndoBringsTheMessageBackIntoAComposer)
{
    addAccount(1);
    QSettings(Core::settingsFile(), QSettings::IniFormat).setValue(QStringLiteral("send/undoDelaySeconds"), 30);
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    compose(w, QStringLiteral("bob@example.org"), QStringLiteral("Oops"), QStringLiteral("Not yet"));
    // Queued: the composer is out of sight, kept for Undo.
    ASSERT_EVENTUALLY(!w.isNull() && !w->property("visible").toBool(), 5000);
    const QVariant state = w->property("sendState");
    EXPECT_EQ(state.value<Gui::ComposerWindow::SendState>(), Gui::ComposerWindow::SendState::Queued);
    Gui::SendToast *t = toast();
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(controller.outbox().counts().value(Core::OutboxState::Queued), 1);
    QTest::mouseClick(t->findChild<QPushButton *>(QStringLiteral("undoButton")), Qt::LeftButton);
    Gui::ComposerWindow *back = nullptr;
    ASSERT_EVENTUALLY((back = visibleComposer()) != nullptr, 5000);
    EXPECT_EQ(back, w.data()) << "the same window comes back";
    EXPECT_EQ(back->subject(), QStringLiteral("Oops"));
    EXPECT_EQ(back->body(), QStringLiteral("Not yet"));
    EXPECT_EQ(back->to(), QStringLiteral("bob@example.org"));
    EXPECT_EQ(controller.outbox().counts().value(Core::OutboxState::Queued), 0) << "taken back, not sent";
    EXPECT_EQ(Core::DraftStore().list().size(), 1) << "out of the outbox, kept as a draft";
    closeDiscarding(back);
}

TEST_F(SendFlow, WithoutAnAccountSendExplainsWhatIsMissing)
{
    App::SendController controller;
    ASSERT_TRUE(controller.start().ok());
    QPointer<Gui::ComposerWindow> w = controller.openComposer();
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    compose(w, QStringLiteral("bob@example.org"), QStringLiteral("x"), QStringLiteral("y"));
    QTest::qWait(50);
    ASSERT_FALSE(w.isNull());
    EXPECT_TRUE(w->statusBar()->currentMessage().contains(QStringLiteral("account")));
    closeDiscarding(w);
}
