// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/sendcontroller.h"

#include "core/mime/mimebuilder.h"
#include "core/autoconfig/discovery.h"
#include "ui/accountsdialog.h"
#include "ui/accountwizard.h"
#include "ui/composerwindow.h"
#include "ui/notifier.h"
#include "ui/oauthsignin.h"
#include "core/oauth/tokensource.h"
#include "ui/outboxwindow.h"
#include "ui/sendtoast.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>
#include <QThread>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>

#include "core/version.h"

#include <memory>
#include <optional>

namespace App {

namespace {
/// Without a tray icon, Outpost stays hidden for what goes out within this.
constexpr qint64 kHiddenSendingHorizonSeconds = 24 * 3600;
} // namespace

SendController::SendController(QObject *parent)
    : QObject(parent)
{
}

SendController::~SendController()
{
    // Cancelling a message on the wire records its result in the outbox and
    // may emit signals: the flusher ends before anything it uses, and without
    // telling this half-destroyed controller.
    if (m_flusher) {
        disconnect(m_flusher.get(), nullptr, this, nullptr);
        m_flusher.reset();
    }
}

Core::Result<void> SendController::start()
{
    if (auto r = m_accounts.load(); !r)
        return r;
    if (auto r = m_trust.load(); !r)
        return r;
    (void)m_addressBook.load(); // completion only: a damaged list is not a reason to stop
    if (auto r = m_contacts.load(); !r)
        qWarning("%s", qPrintable(r.error().message())); // completion goes on with what is left
    m_contactsWatcher = new Core::ConfigWatcher({m_contacts.path()}, this);
    connect(m_contactsWatcher, &Core::ConfigWatcher::changed, this, [this] {
        if (auto r = m_contacts.load(); !r)
            qWarning("%s", qPrintable(r.error().message()));
        refreshCompletions();
    });
    for (const Core::Account &a : m_accounts.accounts())
        m_accountsSeen.insert(a.id, a.toJson());
    // `outpost account add` and others change these files while the GUI runs.
    m_configWatcher = new Core::ConfigWatcher({m_accounts.path(), m_trust.path()}, this);
    connect(m_configWatcher, &Core::ConfigWatcher::changed, this, &SendController::reload);
    // A password saved here (the accounts dialog, the wizard) may end a hold.
    connect(&m_credentials, &Core::CredentialStore::secretSaved, this,
            [this](const QString &accountId) { release({accountId}, Core::Flusher::Fix::Account); });
    if (auto r = m_outbox.open(); !r)
        return r;
    // The outbox in memory, read on a worker thread and kept up to date
    // (docs/design/OUTBOX.md, "The GUI's index").
    m_outbox.watch();
    // Notifications: failures, held messages, long delays, "sent after a
    // delay" (docs/design/OUTBOX.md, "Notifications"), through the tray when
    // there is one.
    m_notifier = new Gui::Notifier(this);
    connect(m_notifier, &Gui::Notifier::newMessageRequested, this, [this] {
        Gui::ComposerWindow *composer = openComposer();
        composer->show();
    });
    connect(m_notifier, &Gui::Notifier::outboxRequested, this, [this] { showOutbox(); });
    connect(m_notifier, &Gui::Notifier::quitRequested, this, [this] {
        // Every window may still ask (unsent text); a composer whose message
        // is being queued goes away by itself, then Outpost quits.
        QApplication::closeAllWindows();
        const QWidgetList windows = QApplication::topLevelWidgets();
        if (std::any_of(windows.cbegin(), windows.cend(), [](QWidget *w) {
                const auto *composer = qobject_cast<Gui::ComposerWindow *>(w);
                return w->isVisible() && !(composer && composer->isQueuing());
            }))
            return;
        m_quitWhenQueued = true;
        if (m_pendingQueues == 0)
            QCoreApplication::quit();
    });
    connect(&m_policy, &Core::NotificationPolicy::notify, this, [this](const Core::OutboxNotification &n) {
        if (m_toasts.value(n.id))
            return; // its own small window already says it
        // Held because an OAuth 2.0 sign-in is dead: the notice offers the cure.
        const auto entry = n.kind == Core::OutboxNotification::Kind::NeedsAttention ? m_outbox.find(n.id) : std::nullopt;
        const Core::Account *account = entry ? m_accounts.find(entry->accountId) : nullptr;
        if (account && account->auth == Core::AuthMethod::OAuth2 && entry->holdReason == Core::HoldReason::Credentials) {
            m_notifier->notify(n.title, n.text, true, tr("S&ign In Again"),
                               [this, id = account->id] { signInAgain(id, nullptr); });
            return;
        }
        m_notifier->notify(n.title, n.text, n.kind != Core::OutboxNotification::Kind::SentAfterDelay);
    });
    m_delayCheck.setInterval(5 * 60 * 1000);
    connect(&m_delayCheck, &QTimer::timeout, this, &SendController::observeWaiting);
    m_delayCheck.start();
    m_flusher = std::make_unique<Core::Flusher>(&m_outbox, &m_accounts, &m_trust, &m_credentials);
    // A command-line flush may hold the outbox now: this process sends as
    // soon as it is free, not only from its next start.
    m_lockRetry.setInterval(2000);
    connect(&m_lockRetry, &QTimer::timeout, this, [this] {
        if (!becomeFlusher())
            followOutbox();
    });
    if (!becomeFlusher())
        m_lockRetry.start();
    return {};
}

bool SendController::becomeFlusher()
{
    if (m_ownFlusher)
        return true;
    if (m_flusher->acquire() != Core::Flusher::LockResult::Acquired)
        return false;
    m_ownFlusher = true;
    m_lockRetry.stop();
    followOutbox(); // what the previous flusher finished before this one took over
    m_flusher->watchConnectivity();
    connect(m_flusher.get(), &Core::Flusher::messageFinished, this, &SendController::onFinished);
    connect(m_flusher.get(), &Core::Flusher::progress, this, [this](const QString &id, qint64 sent, qint64 total) {
        if (total <= 0)
            return;
        const int percent = static_cast<int>(sent * 100 / total);
        if (auto toast = m_toasts.value(id))
            toast->showSending(percent);
        if (m_outboxWindow)
            m_outboxWindow->setProgress(id, percent);
    });
    connect(m_flusher.get(), &Core::Flusher::sentCopyFinished, this,
            [this](const QString &id, const Core::SentCopyStatus &status) {
                if (m_outboxWindow)
                    m_outboxWindow->setSentCopy(id, status);
                // (From the index: no entry is read on this thread.)
                const QString subject = m_outbox.indexed(Core::OutboxState::Sent).value(id).entry.subject;
                m_policy.observeSentCopy(id, subject, status);
            });
    m_flusher->flush(false); // whatever waited since the last run, or while another process held the outbox
    return true;
}

void SendController::followOutbox()
{
    // Another process sends: no signal tells this one, the outbox does.
    const QStringList ids = m_toasts.keys();
    for (const QString &id : ids) {
        const auto entry = m_outbox.find(id);
        if (entry && (entry->state == Core::OutboxState::Sent || entry->state == Core::OutboxState::Failed
                      || entry->state == Core::OutboxState::Held))
            onFinished(id, entry->state);
    }
}

void SendController::flushOrAsk(bool manual)
{
    if (becomeFlusher())
        m_flusher->flush(manual);
    else
        Core::Flusher::requestFlushAsync(m_outbox.root(), this);
}

void SendController::reload(const QString &path)
{
    if (path == m_accounts.path()) {
        if (auto r = m_accounts.load(); !r) {
            qWarning("%s", qPrintable(r.error().message()));
            return;
        }
        accountsChanged();
        return;
    }
    if (auto r = m_trust.load(); !r) {
        qWarning("%s", qPrintable(r.error().message()));
        return;
    }
    QSet<QString> all;
    for (const Core::Account &a : m_accounts.accounts())
        all.insert(a.id);
    release(all, Core::Flusher::Fix::Trust);
}

QList<Core::RecipientCompletion> SendController::recipientCompletions() const
{
    return Core::recipientCompletions(m_contacts.contacts(), m_addressBook.entries());
}

void SendController::refreshCompletions()
{
    const QList<Core::RecipientCompletion> completions = recipientCompletions();
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *composer = qobject_cast<Gui::ComposerWindow *>(w))
            composer->setRecipientCompletions(completions);
    }
}

void SendController::accountsChanged()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *composer = qobject_cast<Gui::ComposerWindow *>(w))
            refreshSenders(composer);
    }
    if (m_accountsDialog)
        m_accountsDialog->refresh();
    // Added or edited accounts (here or in another process) may end a hold.
    QSet<QString> touched;
    QHash<QString, QJsonObject> seen;
    for (const Core::Account &a : m_accounts.accounts()) {
        const QJsonObject json = a.toJson();
        if (m_accountsSeen.value(a.id) != json)
            touched.insert(a.id);
        seen.insert(a.id, json);
    }
    m_accountsSeen = seen;
    release(touched, Core::Flusher::Fix::Account);
}

void SendController::release(const QSet<QString> &accountIds, Core::Flusher::Fix fix)
{
    if (accountIds.isEmpty())
        return;
    if (!Core::Flusher::releaseHeld(m_outbox, accountIds, fix).isEmpty())
        flushOrAsk(false);
}

Gui::ComposerWindow *SendController::openComposer()
{
    m_backgroundAnnounced = false; // a window again: the next time all close is news
    auto *composer = new Gui::ComposerWindow;
    composer->setAttribute(Qt::WA_DeleteOnClose);
    refreshSenders(composer);
    composer->setDraftStore(&m_drafts);
    composer->setRecipientCompletions(recipientCompletions());
    connect(composer, &Gui::ComposerWindow::addAccountRequested, this, [this, composer] { showAccountWizard(composer); });
    connect(composer, &Gui::ComposerWindow::accountsRequested, this, [this, composer] { showAccounts(composer); });
    connect(composer, &Gui::ComposerWindow::sendRequested, this, [this, composer] { send(composer); });
    connect(composer, &Gui::ComposerWindow::sendLaterRequested, this,
            [this, composer](const QDateTime &when) { send(composer, when); });
    connect(composer, &Gui::ComposerWindow::outboxRequested, this, &SendController::showOutbox);
    return composer;
}

void SendController::refreshSenders(Gui::ComposerWindow *composer)
{
    QList<Gui::ComposerWindow::Sender> senders;
    qsizetype defaultIndex = 0;
    for (const Core::Account &a : m_accounts.accounts()) {
        for (const Core::Identity &i : a.identities) {
            if (&a == m_accounts.defaultAccount() && a.defaultIdentity() == &i)
                defaultIndex = senders.size();
            senders.append({a.id, i.id, i.mailbox().toDisplayString(), a.maxMessageSize, i.signature, i.htmlSignature});
        }
    }
    const auto current = composer->currentSender();
    composer->setSenders(senders, defaultIndex);
    if (current)
        composer->selectSender(current->accountId, current->identityId);
}

QList<Gui::ComposerWindow *> SendController::restoreDrafts()
{
    QList<Gui::ComposerWindow *> restored;
    for (const Core::StoredDraft &d : m_drafts.list()) {
        Gui::ComposerWindow *composer = openComposer();
        composer->setDraftStore(&m_drafts, d.id);
        composer->restoreState(d.content);
        //: %1 is a date and time
        composer->showStatus(tr("Restored a message that was not sent (saved %1).")
                                 .arg(QLocale().toString(d.savedAt.toLocalTime(), QLocale::ShortFormat)));
        restored << composer;
    }
    return restored;
}

Gui::AccountsDialog *SendController::showAccounts(QWidget *parent)
{
    if (!m_accountsDialog) {
        m_accountsDialog = new Gui::AccountsDialog(&m_accounts, &m_credentials, &m_trust, parent);
        m_accountsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_accountsDialog, &Gui::AccountsDialog::addRequested, this, [this] { showAccountWizard(m_accountsDialog); });
        connect(m_accountsDialog, &Gui::AccountsDialog::accountsChanged, this, &SendController::accountsChanged);
        connect(m_accountsDialog, &Gui::AccountsDialog::signInAgainRequested, this,
                [this](const QString &id) { signInAgain(id, m_accountsDialog); });
    }
    m_accountsDialog->show();
    m_accountsDialog->raise();
    m_accountsDialog->activateWindow();
    return m_accountsDialog;
}

void SendController::signInAgain(const QString &accountId, QWidget *parent)
{
    const Core::Account *account = m_accounts.find(accountId);
    if (!account || account->auth != Core::AuthMethod::OAuth2)
        return;
    const Core::OAuth::Provider provider = Core::OAuth::providerForAccount(*account, Core::OAuth::ProviderRegistry::load());
    if (!provider.hasClientId()) {
        QMessageBox::warning(parent, tr("Sign In Again"), provider.missingClientIdMessage());
        return;
    }
    // The settings the flusher sends with (pins, extra CAs): what is
    // checked is what will be used.
    const Core::SmtpServerSettings server = account->smtpSettings(
        m_trust.pins(account->host, account->port), qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"),
        Core::SmtpTimeouts::forSignIn());
    auto *dialog = new Gui::OAuthSignInDialog(*account, provider, server, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, accountId] {
        const Core::OAuth::Tokens tokens = dialog->signIn()->tokens();
        const QPointer<QWidget> owner(dialog->parentWidget());
        if (tokens.refreshToken.isEmpty()) {
            QMessageBox::warning(owner.data(), tr("Sign In Again"),
                                 tr("The provider signed you in but gave Outpost no lasting permission (no refresh token). "
                                    "Nothing was changed."));
            return;
        }
        // The keychain first (its secretSaved() releases the held messages
        // here); then the account file, whose change releases them in every
        // other process that watches it.
        Core::CredentialJob *job = m_credentials.write(accountId, tokens.refreshToken, Core::SecretKind::OAuthRefreshToken);
        connect(job, &Core::CredentialJob::finished, this, [this, job, accountId, owner] {
            if (job->error().isError()) {
                QMessageBox::warning(owner.data(), tr("Sign In Again"), job->error().message());
                return;
            }
            const Core::Account *current = m_accounts.find(accountId);
            if (!current)
                return; // removed meanwhile
            Core::Account updated = *current;
            updated.oauth2.signedInAt = QDateTime::currentDateTimeUtc();
            if (m_accounts.update(updated).ok()) {
                if (auto saved = m_accounts.save(); !saved)
                    qWarning("%s", qPrintable(saved.error().message()));
                else
                    accountsChanged();
            }
        });
    });
    dialog->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void SendController::showAccountWizard(QWidget *parent)
{
    auto *wizard = new Gui::AccountWizard(Core::Autoconfig::DiscoveryOptions::fromEnvironment(), parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &Gui::AccountWizard::accountReady, this,
            [this, wizard](const Core::Account &account, const QString &password) { addAccount(account, password, wizard->parentWidget()); });
    // In front of the window it belongs to, with the keyboard: what the
    // person types next is for the wizard, not the composer behind it.
    wizard->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    wizard->show();
    wizard->raise();
    wizard->activateWindow();
}

void SendController::addAccount(const Core::Account &account, const QString &password, QWidget *parent)
{
    Core::Account a = account;
    // A second account for the same address gets a distinct name.
    for (int n = 2; m_accounts.find(a.name); ++n)
        a.name = QStringLiteral("%1 (%2)").arg(account.name).arg(n);
    if (auto r = m_accounts.add(a); !r) {
        QMessageBox::warning(parent, tr("Account not added"), r.error().message());
        return;
    }
    const Core::Account added = m_accounts.accounts().last();
    const QPointer<QWidget> window(parent);
    const auto saved = [this, added, window] {
        QWidget *owner = window.data();
        if (m_accounts.accounts().size() == 1)
            m_accounts.setDefaultAccount(added.id);
        if (auto r = m_accounts.save(); !r) {
            m_accounts.remove(added.id);
            QMessageBox::warning(owner, tr("Account not added"), r.error().message());
            return;
        }
        accountsChanged();
    };
    if (added.auth == Core::AuthMethod::None) {
        saved(); // nothing for the keychain
        return;
    }
    // An OAuth 2.0 account's secret is its refresh token.
    Core::CredentialJob *job = m_credentials.write(added.id, password,
                                                   added.auth == Core::AuthMethod::OAuth2 ? Core::SecretKind::OAuthRefreshToken
                                                                                          : Core::SecretKind::Password);
    connect(job, &Core::CredentialJob::finished, this, [this, job, added, window, saved] {
        if (job->error().isError()) {
            // Without its password the account would fail at the first send.
            m_accounts.remove(added.id);
            QMessageBox::warning(window.data(), tr("Account not added"), job->error().message());
            return;
        }
        saved();
    });
}

Gui::OutboxWindow *SendController::showOutbox()
{
    if (!m_outboxWindow) {
        m_outboxWindow = new Gui::OutboxWindow(&m_outbox);
        m_outboxWindow->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_outboxWindow, &Gui::OutboxWindow::sendNowRequested, this, &SendController::sendNow);
        connect(m_outboxWindow, &Gui::OutboxWindow::sentCopiesRequested, this, &SendController::fileSentCopies);
        m_outboxWindow->setTrustStore(&m_trust); // the flusher's: its copy step reads the pins
        m_outboxWindow->setBrowserSignIn([this](const QString &accountId) {
            const Core::Account *a = m_accounts.find(accountId);
            return a && a->auth == Core::AuthMethod::OAuth2;
        });
        connect(m_outboxWindow, &Gui::OutboxWindow::signInAgainRequested, this,
                [this](const QString &accountId) { signInAgain(accountId, m_outboxWindow); });
        connect(m_outboxWindow, &Gui::OutboxWindow::editRequested, this, [this](const QString &id) {
            const auto entry = m_outbox.find(id);
            // Its images leave the outbox as files of the draft that takes it back.
            const QString draftId = Core::DraftStore::newId();
            auto draft = m_outbox.takeBackForEdit(
                id, [&](Core::Draft &d) { return m_drafts.adoptImages(draftId, d.inlineImages); });
            if (!draft) {
                m_drafts.remove(draftId); // the images it may have taken: no draft will own them
                m_outboxWindow->statusBar()->showMessage(draft.error().message());
                return;
            }
            Gui::ComposerWindow *composer = openComposer();
            composer->setDraftStore(&m_drafts, draftId);
            if (entry) {
                if (const Core::Account *a = m_accounts.find(entry->accountId)) {
                    const Core::Identity *i = a->identityFor(draft->from.address());
                    composer->selectSender(a->id, i ? i->id : a->defaultIdentity() ? a->defaultIdentity()->id : QString());
                }
            }
            closeNotices(id);
            composer->setDraft(draft.value());
            composer->markUnsaved(); // it left the outbox: from now on a draft keeps it
            composer->saveDraft();
            composer->show();
        });
    }
    m_outboxWindow->show();
    m_outboxWindow->raise();
    m_outboxWindow->activateWindow();
    return m_outboxWindow;
}

void SendController::sendNow()
{
    flushOrAsk(true);
}

void SendController::fileSentCopies()
{
    // Only the copies: a manual flush would also send deferred messages
    // before their time and forget the servers' back-off.
    if (becomeFlusher())
        m_flusher->fileSentCopies();
    else
        Core::Flusher::requestFlushAsync(m_outbox.root(), this, {}, Core::Flusher::Request::SentCopies);
}

void SendController::send(Gui::ComposerWindow *composer, const QDateTime &at)
{
    const auto sender = composer->currentSender();
    const Core::Account *account = sender ? m_accounts.find(sender->accountId) : nullptr;
    if (!account) {
        composer->showFieldError(QStringLiteral("from"),
                                 tr("No account is set up yet: add one to send from (your message stays here)."));
        showAccountWizard(composer);
        return;
    }
    const Core::Identity *identity = nullptr;
    for (const Core::Identity &i : account->identities) {
        if (i.id == sender->identityId)
            identity = &i;
    }
    if (!identity)
        identity = account->defaultIdentity();

    Core::Draft draft;
    draft.from = identity->mailbox();
    for (const auto &[text, target, field] :
         {std::tuple{composer->to(), &draft.to, QStringLiteral("to")}, std::tuple{composer->cc(), &draft.cc, QStringLiteral("cc")},
          std::tuple{composer->bcc(), &draft.bcc, QStringLiteral("bcc")}}) {
        auto list = Core::MailAddress::parseList(text, field);
        if (!list) {
            composer->showFieldError(field, list.error().message());
            return;
        }
        *target = list.value();
    }
    if (!identity->replyTo.isEmpty()) {
        if (auto r = Core::MailAddress::parseList(identity->replyTo); r)
            draft.replyTo = r.value();
    }
    draft.subject = composer->subject();
    draft.textBody = composer->body();
    draft.htmlBody = composer->htmlBody();
    draft.inlineImages = composer->inlineImages();
    for (const QString &path : composer->attachments())
        draft.attachments.append(Core::Attachment{path, {}, {}});
    if (auto r = Core::MimeBuilder().validate(draft); !r) {
        composer->showFieldError(r.error().field(), r.error().message());
        return;
    }

    const int undoSeconds = QSettings(Core::settingsFile(), QSettings::IniFormat).value(QStringLiteral("send/undoDelaySeconds"), 10).toInt();
    Core::Outbox::EnqueueOptions options;
    if (at.isValid())
        options.notBefore = at;
    else if (undoSeconds > 0)
        options.notBefore = m_outbox.now().addSecs(undoSeconds);
    // Building and writing the message (a 200 MB attachment is seconds of
    // base64 and fsync) happens on a worker thread with its own view of the
    // same outbox directories; the window stays responsive meanwhile.
    composer->setSendState(Gui::ComposerWindow::SendState::Queuing);
    const QString root = m_outbox.root();
    const Core::Account accountCopy = *account;
    const QString accountId = account->id;
    const QString identityId = identity->id;
    auto result = std::make_shared<std::optional<Core::Result<Core::OutboxEntry>>>();
    QThread *worker = QThread::create([root, draft, accountCopy, options, result] {
        Core::Outbox outbox(root);
        *result = outbox.enqueue(draft, accountCopy, options);
    });
    const QPointer<Gui::ComposerWindow> window(composer);
    const QString draftId = composer->draftId();
    ++m_pendingQueues;
    connect(worker, &QThread::finished, this, [this, worker, result, window, accountId, identityId, subject = draft.subject,
                                              undoSeconds, recipients = draft.allRecipients(), at, draftId] {
        worker->deleteLater();
        --m_pendingQueues;
        if (!result->has_value() || !result->value()) {
            // Not queued (disk full, ...): the composer stays open with everything in it.
            const QString why = result->has_value() ? result->value().error().message() : tr("The message could not be queued.");
            if (window)
                window->setSendState(Gui::ComposerWindow::SendState::Editing, why);
            m_quitWhenQueued = false; // the message is still only in this window: no quitting now
            return;
        }
        const Core::OutboxEntry entry = result->value().value();
        m_drafts.remove(draftId); // queued: the draft is done, window or not
        m_outbox.learn(entry); // written by the worker's own Outbox
        m_addressBook.record(recipients);
        (void)m_addressBook.save();
        refreshCompletions();
        // Durably queued: only now does the composer go away. It stays
        // (hidden) while Undo can bring the message back into it.
        m_senderOf.insert(entry.id, {accountId, identityId});
        const QString id = entry.id;
        const bool personIsHere = window && window->isActiveWindow();
        if (window)
            window->setSendState(Gui::ComposerWindow::SendState::Queued);
        const bool undoable = !at.isValid() && undoSeconds > 0 && !m_quitWhenQueued;
        if (window && undoable)
            m_composerOf.insert(id, window);
        else if (window)
            window->setSendState(Gui::ComposerWindow::SendState::Done);
        if (m_quitWhenQueued) {
            if (m_pendingQueues == 0)
                QCoreApplication::quit();
            return;
        }
        // Notices of earlier messages that are done make room.
        for (const QPointer<Gui::SendToast> &old : std::as_const(m_allToasts)) {
            if (old && !m_toasts.values().contains(old))
                old->close();
        }
        m_allToasts.removeAll(nullptr);
        auto *toast = new Gui::SendToast;
        m_allToasts.append(toast);
        if (at.isValid()) {
            // Nothing to follow until then, perhaps not even in this run: the
            // notice says when and goes, and keeps no one running (a message
            // due more than a day ahead must let Outpost quit).
            m_scheduledToasts.insert(id, toast);
            // Looked at once it is gone: while destroyed() is emitted the
            // QPointer still holds it, no longer a SendToast (UBSan).
            connect(toast, &QObject::destroyed, this, [this, id] {
                QMetaObject::invokeMethod(this, [this, id] {
                    if (!m_scheduledToasts.value(id))
                        m_scheduledToasts.remove(id);
                }, Qt::QueuedConnection);
            });
            toast->showScheduled(subject, at);
        } else {
            m_toasts.insert(id, toast);
            connect(toast, &Gui::SendToast::undoRequested, this, [this, id] { undo(id); });
            // Out of reach of Undo (time is up, or the notice was closed): the
            // composer closes for good.
            const auto release = [this, id] {
                if (const QPointer<Gui::ComposerWindow> revivable = m_composerOf.take(id))
                    revivable->setSendState(Gui::ComposerWindow::SendState::Done);
            };
            connect(toast, &Gui::SendToast::undoExpired, this, release);
            connect(toast, &QObject::destroyed, this, release);
            // Undo is offered for as long as the outbox still holds the message back.
            const qint64 left = entry.notBefore.isValid() ? m_outbox.now().msecsTo(entry.notBefore) : 0;
            toast->showQueued(subject, undoSeconds, static_cast<int>(std::max<qint64>(0, left)));
        }
        toast->show();
        if (undoable && personIsHere)
            toast->takeKeyboard(); // the person just pressed Send here: Ctrl+Z undoes
        flushOrAsk(false);
    });
    worker->start();
}

void SendController::undo(const QString &id)
{
    // Its images leave the outbox as files of the draft that takes it back.
    const QString draftId = Core::DraftStore::newId();
    auto draft = m_outbox.takeBack(id, [&](Core::Draft &d) { return m_drafts.adoptImages(draftId, d.inlineImages); });
    const QPointer<Gui::SendToast> toast = m_toasts.value(id);
    if (!draft) {
        m_drafts.remove(draftId); // the images it may have taken: no draft will own them
        if (toast)
            toast->showWaiting(draft.error().message()); // it keeps following the message
        return;
    }
    m_toasts.remove(id);
    if (toast)
        toast->close();
    // The window the message was written in comes back, as it was.
    Gui::ComposerWindow *composer = m_composerOf.take(id);
    if (composer && composer->sendState() == Gui::ComposerWindow::SendState::Queued) {
        m_drafts.remove(draftId); // the window still has its images (and its own draft)
        composer->setSendState(Gui::ComposerWindow::SendState::Editing, tr("Not sent: the message is back for editing."));
    } else {
        composer = openComposer();
        composer->setDraftStore(&m_drafts, draftId);
        // The sender first: the signature in the text is recognised as its own.
        const auto sender = m_senderOf.value(id);
        composer->selectSender(sender.first, sender.second);
        composer->setDraft(draft.value());
        composer->show();
    }
    composer->markUnsaved(); // out of the outbox: only this window and its draft hold it
    composer->saveDraft();
}

void SendController::closeNotices(const QString &id)
{
    // The message left the outbox: no notice may say it will be sent, and
    // nothing follows it any more (its Send again brings a new notice).
    if (const QPointer<Gui::SendToast> toast = m_toasts.take(id))
        toast->close(); // a composer Undo could still revive goes with it
    if (const QPointer<Gui::SendToast> toast = m_scheduledToasts.take(id))
        toast->close();
}

void SendController::observe(const QString &id, Core::OutboxState state)
{
    // This process's own transitions are in the index before they are
    // reported: nothing is read on the GUI thread per message (a flush of
    // a thousand probed the state folders and read a sidecar for each).
    if (const auto known = m_outbox.indexedEntry(id); known && known->state == state) {
        m_policy.observe(*known, m_outbox.now());
        return;
    }
    if (const auto entry = m_outbox.find(id))
        m_policy.observe(*entry, m_outbox.now());
}

void SendController::observeWaiting()
{
    // From the outbox's index: nothing is read on the GUI thread.
    for (Core::OutboxState s : {Core::OutboxState::Queued, Core::OutboxState::Deferred}) {
        for (const Core::Outbox::Indexed &i : m_outbox.indexed(s))
            m_policy.observe(i.entry, m_outbox.now());
    }
}

bool SendController::keepsRunning()
{
    if (m_pendingQueues > 0)
        return true; // a message is being written to the outbox
    if (!m_quitWhenQueued && (!m_toasts.isEmpty() || !m_composerOf.isEmpty()))
        return true; // a message sent in this session is still on its way
    if (m_quitWhenQueued || !m_notifier)
        return false;
    // Cheap enough twice a second, but no need: the answer changes slowly.
    if (m_waitingChecked.isValid() && m_waitingChecked.elapsed() < 5000)
        return m_waiting;
    m_waitingChecked.start();
    // With a tray icon Outpost stays there while anything waits. Without one
    // (stock GNOME) it stays hidden while something goes out by itself within
    // a day (a scheduled message, a retry): later ones go at the next start.
    const QDateTime next = Core::Flusher::nextDue(m_outbox);
    m_waiting = next.isValid()
        && (m_notifier->hasTray() || m_outbox.now().secsTo(next) <= kHiddenSendingHorizonSeconds);
    return m_waiting;
}

void SendController::allWindowsClosed()
{
    if (m_backgroundAnnounced || !m_notifier || m_notifier->hasTray() || !keepsRunning())
        return;
    const QDateTime next = Core::Flusher::nextDue(m_outbox);
    if (!next.isValid())
        return; // only this session's notices keep it, for moments
    m_backgroundAnnounced = true;
    const auto counts = m_outbox.counts();
    const int waiting = counts.value(Core::OutboxState::Queued) + counts.value(Core::OutboxState::Deferred)
        + counts.value(Core::OutboxState::Active);
    const QDateTime local = next.toLocalTime();
    const QString when = local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                               : QLocale().toString(local, QLocale::ShortFormat);
    // No tray icon shows that Outpost is still there: it says so once.
    m_notifier->notify(tr("Outpost keeps running"),
                       //: %1 is a time (today) or a date and time
                       tr("Outpost stays in the background to send %n waiting message(s), the next at %1. "
                          "It quits by itself when nothing is due within a day; what is due later goes "
                          "out the next time Outpost runs.",
                          nullptr, waiting)
                           .arg(when),
                       false);
}

void SendController::onFinished(const QString &id, Core::OutboxState state)
{
    observe(id, state);
    const QPointer<Gui::SendToast> toast = m_toasts.value(id);
    if (!toast)
        return;
    const auto entry = m_outbox.find(id);
    const QString reason = entry ? entry->lastErrorMessage : QString();
    switch (state) {
    case Core::OutboxState::Sent:
        m_toasts.remove(id);
        toast->showSent();
        break;
    case Core::OutboxState::Deferred:
    case Core::OutboxState::Queued:
        toast->showWaiting(reason);
        break;
    default:
        m_toasts.remove(id);
        toast->showProblem(reason);
        break;
    }
}

} // namespace App
