// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/outbox/sentcopystore.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QComboBox;
class QTableView;

namespace Core {
class Outbox;
class TrustStore;
}

namespace Gui {

class OutboxModel;

/**
 * The outbox: every message that is queued, waiting, needs attention or was
 * sent, with what can be done about it. Actions change the outbox directly
 * (Retry, Mark as sent, Send again, Delete); "Send now" is asked of whoever
 * sends, through the sendNowRequested() signal.
 */
class OutboxWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxWindow)
public:
    explicit OutboxWindow(Core::Outbox *outbox, QWidget *parent = nullptr);

    [[nodiscard]] OutboxModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    void setProgress(const QString &id, int percent);
    /// Which accounts sign in through the browser (OAuth 2.0): their
    /// messages held for credentials offer "Sign In Again".
    void setBrowserSignIn(std::function<bool(const QString &accountId)> signsInWithBrowser);
    /// The copy of a sent message in its Sent folder changed (the flusher's step).
    void setSentCopy(const QString &id, const Core::SentCopyStatus &status);
    /// Where a certificate the person trusts for a Sent copy is pinned: the
    /// store the flusher's copy step reads.
    void setTrustStore(Core::TrustStore *trust) { m_trust = trust; }

Q_SIGNALS:
    void sendNowRequested();
    /// Retry Copy made copies due: file them (nothing else is sent).
    void sentCopiesRequested();
    /// "Edit": the person wants this message back in a composer.
    void editRequested(const QString &id);
    /// "Sign In Again": the account's sign-in expired or was revoked.
    void signInAgainRequested(const QString &accountId);

private:
    void updateActions();
    void act(const QString &what);
    /// "Retry Copy" (or "Create Folder and Retry Copy": the person agrees
    /// that the missing Sent folder be made; or "Review Certificate and Retry
    /// Copy": the IMAP server's certificate is shown first, and trusting it
    /// pins it and retries).
    void retryCopies();
    /// Makes `ids`' copies due and asks for them.
    void retryCopies(const QStringList &ids);
    /// The certificate a selected copy failed on, if every selected copy
    /// failed on one (the first; trusting it retries them all).
    [[nodiscard]] std::optional<Core::SentCopyStatus::Certificate> selectedCertificate(bool *changed) const;
    /// The copies still to be filed or failed, read on a worker thread.
    void loadSentCopies();

    Core::Outbox *m_outbox;
    OutboxModel *m_model;
    QTableView *m_view;
    QAction *m_sendNow;
    QAction *m_retry;
    QAction *m_markSent;
    QAction *m_sendAgain;
    QAction *m_edit = nullptr;
    QAction *m_remove;
    QAction *m_signInAgain = nullptr;
    QAction *m_retryCopy = nullptr;
    std::function<bool(const QString &)> m_signsInWithBrowser;
    QComboBox *m_keepSent = nullptr;
    Core::TrustStore *m_trust = nullptr;
};

} // namespace Gui
