// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/draft.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace Gui {

/**
 * The message composer: From, To/Cc/Bcc, Subject and the text body.
 *
 * It holds no protocol logic. Send emits sendRequested(); whoever owns the
 * window (the application) turns the fields into a Core::Draft and enqueues it.
 */
class ComposerWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerWindow)
public:
    explicit ComposerWindow(QWidget *parent = nullptr);
    ~ComposerWindow() override;

    [[nodiscard]] QString to() const;
    [[nodiscard]] QString cc() const;
    [[nodiscard]] QString bcc() const;
    [[nodiscard]] QString subject() const;
    [[nodiscard]] QString body() const;

    void setTo(const QString &to);
    void setCc(const QString &cc);
    void setBcc(const QString &bcc);
    void setSubject(const QString &subject);
    void setBody(const QString &body);
    /// Fills To, Cc, Bcc, Subject and the text from a draft (e.g. a mailto: link).
    void setDraft(const Core::Draft &draft);

    [[nodiscard]] QAction *sendAction() const { return m_sendAction; }

    /// One "From" choice: an identity of an account.
    struct Sender
    {
        QString accountId;
        QString identityId;
        QString label; ///< "Name <address>"
    };
    /// Fills the From picker; with no senders, Send explains what is missing.
    void setSenders(const QList<Sender> &senders, qsizetype defaultIndex = 0);
    [[nodiscard]] std::optional<Sender> currentSender() const;
    void selectSender(const QString &accountId, const QString &identityId);

    /// Points at the field a problem is in ("to", "cc", "bcc", "subject",
    /// "from", ...) and says what is wrong, in the status bar.
    void showFieldError(const QString &field, const QString &message);
    void showStatus(const QString &message);

Q_SIGNALS:
    /// The user asked to send (button or Ctrl+Return).
    void sendRequested();
    /// The user wants to see the outbox.
    void outboxRequested();
    void addAccountRequested();

private:
    void createActions();
    void createForm();
    void updateTitle();

    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QAction *m_sendAction = nullptr;
    QList<Sender> m_senders;
};

} // namespace Gui
