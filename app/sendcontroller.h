// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/accountstore.h"
#include "core/accounts/configwatcher.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/contacts/contactstore.h"
#include "core/contacts/recipientcompletion.h"
#include "core/outbox/flusher.h"
#include "core/drafts/addressbook.h"
#include "core/outbox/notificationpolicy.h"
#include "core/drafts/draftstore.h"
#include "core/outbox/outbox.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QObject>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Gui {
class AccountsDialog;
class Notifier;
class ComposerWindow;
class OutboxWindow;
class SendToast;
} // namespace Gui

namespace App {

/**
 * Wires composer windows to the core: fills the From picker from the
 * accounts, turns Send into a durably queued message (with an undo delay,
 * `send/undoDelaySeconds` in the settings, default 10, 0 = off), closes the
 * composer only once the message is queued, and reports what happened in a
 * SendToast. The same outbox and flusher as the command line: one way to send.
 */
class SendController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendController)
public:
    explicit SendController(QObject *parent = nullptr);
    ~SendController() override;

    /// Loads accounts and outbox and becomes (or finds) the flusher.
    [[nodiscard]] Core::Result<void> start();
    /// A new composer window, wired; it deletes itself when closed.
    Gui::ComposerWindow *openComposer();
    [[nodiscard]] Core::Outbox &outbox() { return m_outbox; }
    /// Shows the outbox window (one, raised if already open).
    Gui::OutboxWindow *showOutbox();
    /// Opens the account setup wizard; a finished account is saved (password
    /// in the keychain) and offered in every open composer.
    void showAccountWizard(QWidget *parent);
    /// The accounts dialog (one, raised if already open).
    Gui::AccountsDialog *showAccounts(QWidget *parent);
    /// "Sign in again" for an OAuth 2.0 account: the browser sign-in; once
    /// done, the new refresh token is kept and the account's held messages go.
    void signInAgain(const QString &accountId, QWidget *parent);
    /// Whether Outpost stays without a window: while messages wait to be
    /// sent, in the tray; without a tray, hidden, while one goes out within
    /// a day.
    [[nodiscard]] bool keepsRunning();
    /// Every window is closed: without a tray, says once that Outpost stays
    /// in the background, and until when.
    void allWindowsClosed();
    [[nodiscard]] Gui::Notifier *notifier() const { return m_notifier; }
    [[nodiscard]] qsizetype accountCount() const { return m_accounts.accounts().size(); }
    /// A composer (not yet shown) for every draft a previous run left unsent
    /// (a crash, or "Save" when closing).
    QList<Gui::ComposerWindow *> restoreDrafts();

private:
    /// Queues the composer's message; with `at`, for that time (send later).
    void send(Gui::ComposerWindow *composer, const QDateTime &at = {});
    void undo(const QString &id);
    void onFinished(const QString &id, Core::OutboxState state);
    void sendNow();
    /// The copies in the Sent folder that are due (Retry Copy), nothing else.
    void fileSentCopies();
    /// Takes the outbox lock if it is free and from then on sends; false
    /// while another process (a command-line flush) holds it.
    bool becomeFlusher();
    /// Flushes here when this process is (or can become) the flusher, else
    /// asks the one that is.
    void flushOrAsk(bool manual);
    /// While another process is the flusher: the notices of this one's
    /// messages follow their state in the outbox.
    void followOutbox();
    void addAccount(const Core::Account &account, const QString &password, QWidget *parent);
    void refreshSenders(Gui::ComposerWindow *composer);
    /// Every open composer's From list and the accounts dialog, after the
    /// accounts changed (here or in another process).
    void accountsChanged();
    /// Another process changed the accounts or trust file: read it again.
    void reload(const QString &path);
    /// Sends again what waited for something a person has now fixed.
    void release(const QSet<QString> &accountIds, Core::Flusher::Fix fix);
    /// Edit took the message back: its notices go.
    void closeNotices(const QString &id);
    void observe(const QString &id, Core::OutboxState state);
    void observeWaiting();
    /// The address book's contacts and the addresses used, for To, Cc and Bcc.
    [[nodiscard]] QList<Core::RecipientCompletion> recipientCompletions() const;
    /// Gives every open composer the completions again.
    void refreshCompletions();

    Core::AccountStore m_accounts;
    Core::TrustStore m_trust;
    Core::CredentialStore m_credentials;
    Core::Outbox m_outbox;
    Core::DraftStore m_drafts;
    Core::AddressBook m_addressBook;
    Core::ContactStore m_contacts;
    Core::ConfigWatcher *m_contactsWatcher = nullptr; ///< `outpost contacts import` while the GUI runs
    Core::NotificationPolicy m_policy;
    /// Uses the outbox and the stores above: declared after them, so that it
    /// is destroyed first (the destructor also ends it explicitly, while
    /// every member is still whole).
    std::unique_ptr<Core::Flusher> m_flusher;
    Gui::Notifier *m_notifier = nullptr;
    Core::ConfigWatcher *m_configWatcher = nullptr;
    /// Each account as last seen (JSON), to tell which ones a change touched.
    QHash<QString, QJsonObject> m_accountsSeen;
    QTimer m_delayCheck;
    int m_pendingQueues = 0; ///< worker threads writing a message
    bool m_quitWhenQueued = false;
    bool m_waiting = false;
    bool m_backgroundAnnounced = false;
    QElapsedTimer m_waitingChecked;
    bool m_ownFlusher = false;
    QTimer m_lockRetry; ///< tries the outbox lock again while another process holds it
    QHash<QString, QPointer<Gui::SendToast>> m_toasts; ///< by outbox id, while its message is on its way
    /// by outbox id, while its "will be sent at" notice is open (Edit closes it)
    QHash<QString, QPointer<Gui::SendToast>> m_scheduledToasts;
    QList<QPointer<Gui::SendToast>> m_allToasts; ///< every notice still open
    QHash<QString, QPointer<Gui::ComposerWindow>> m_composerOf; ///< by outbox id, while Undo can revive it
    QPointer<Gui::OutboxWindow> m_outboxWindow;
    QPointer<Gui::AccountsDialog> m_accountsDialog;
    QHash<QString, QPair<QString, QString>> m_senderOf; ///< id -> account, identity
};

} // namespace App
