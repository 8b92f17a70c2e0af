// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/draft.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTextEdit;
class QResizeEvent;
class QToolBar;
class QMimeData;
class QTemporaryDir;

namespace Core {
class DraftStore;
struct RecipientCompletion;
}

namespace Gui {

class InlineImageEditor;
class FormatBar;
class RecipientCompletionModel;
class RecipientEdit;
class SpellController;

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
    /// The formatted text (HTML) in rich-text mode, else empty: the message
    /// is then multipart/alternative with body() as its plain part.
    [[nodiscard]] QString htmlBody() const;
    [[nodiscard]] bool isRichText() const;
    /// The images the formatted text shows, each as a file the message is
    /// built from (written to a folder of this window's): the text refers
    /// to them as cid: URLs. Empty in plain-text mode.
    [[nodiscard]] QList<Core::InlineImage> inlineImages() const;
    /// Switches the editor; to plain text keeps the words, drops the formatting.
    void setRichText(bool rich);

    void setTo(const QString &to);
    void setCc(const QString &cc);
    void setBcc(const QString &bcc);
    void setSubject(const QString &subject);
    void setBody(const QString &body);
    /// Fills To, Cc, Bcc, Subject and the text from a draft (e.g. a mailto: link).
    void setDraft(const Core::Draft &draft);

    [[nodiscard]] QAction *sendAction() const { return m_sendAction; }
    [[nodiscard]] QAction *attachAction() const { return m_attachAction; }

    /// Attachments, as paths of local files, in the order added.
    [[nodiscard]] QStringList attachments() const { return m_attachmentPaths; }
    /// Adds files (directories and unreadable files are refused with a
    /// message in the status bar); returns how many were added.
    qsizetype addAttachments(const QStringList &paths);
    void removeAttachment(qsizetype index);

    /// Drafts that survive a crash: saved every few seconds while changed.
    void setDraftStore(Core::DraftStore *store, const QString &draftId = {});
    [[nodiscard]] QString draftId() const { return m_draftId; }
    /// Everything typed so far, as saved in the draft store.
    [[nodiscard]] QJsonObject state() const;
    void restoreState(const QJsonObject &state);
    [[nodiscard]] bool isModified() const { return m_modified; }
    /**
     * Where the window's message is on its way out. The owner of the send
     * (the application) moves it; the window only follows:
     *   Editing  → Queuing   Send pressed; the message is being written to the
     *                        outbox: nothing can be changed, closing waits.
     *   Queuing  → Editing   not queued (disk full, …): the reason is shown.
     *   Queuing  → Queued    durably queued: the window hides, its draft is
     *                        gone; Undo may still bring it back.
     *   Queued   → Editing   taken back (Undo): the same window returns.
     *   Queued   → Done      out of reach of Undo: the window closes for good.
     * Done is also where closing after "Discard" or "Save" ends.
     */
    enum class SendState { Editing, Queuing, Queued, Done };
    Q_ENUM(SendState)
    Q_PROPERTY(SendState sendState READ sendState)
    [[nodiscard]] SendState sendState() const { return m_sendState; }
    /// Applies a transition of the list above; `reason` is shown when a
    /// send returns to Editing. Any other transition is ignored.
    void setSendState(SendState state, const QString &reason = {});
    /// The message is queued: closing no longer asks, the draft is gone
    /// (the same as setSendState(Queued) without hiding; tests use it).
    void markSent();
    /// Saves the draft now (when a store is set and something changed).
    void saveDraft();
    /// The content exists nowhere else (taken back from the outbox): closing
    /// asks, and it is saved as a draft like typed text.
    void markUnsaved() { setModified(); }
    [[nodiscard]] bool isQueuing() const { return m_sendState == SendState::Queuing; }
    /// Addresses used before ("Name <address>", best first), offered while
    /// typing in To, Cc and Bcc; each entry of a list completes on its own.
    void setAddressCompletions(const QStringList &addresses);
    /// Contacts, groups and addresses used before, best first (issue 22).
    void setRecipientCompletions(const QList<Core::RecipientCompletion> &completions);

    /// One "From" choice: an identity of an account.
    struct Sender
    {
        QString accountId;
        QString identityId;
        QString label; ///< "Name <address>"
        qint64 sizeLimit = 0; ///< the server's SIZE, 0 if unknown
        QString signature; ///< plain text, inserted below "-- " (RFC 3676)
        QString htmlSignature; ///< formatted, for rich text; empty: the plain one
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
    /// "Send Later" passed the same checks: queue now, send at `when` (UTC).
    void sendLaterRequested(const QDateTime &when);
    /// The user wants to see the outbox.
    void outboxRequested();
    /// The user wants to set up an account (the setup wizard).
    void addAccountRequested();
    /// The user wants the accounts dialog.
    void accountsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void createForm();
    void updateTitle();
    void updateAttachmentSummary();
    [[nodiscard]] qint64 messageSizeOnTheWire() const;
    void updateRecipientCount();
    void fitRecipientFields();
    void createMenus();
    void enableEditing(bool on);
    void applySignature();
    void applyRichSignature();
    [[nodiscard]] QString plainSignature() const;
    [[nodiscard]] QString richSignatureText() const;
    bool removeRichSignature();
    void adoptSignature();
    [[nodiscard]] QJsonArray imageState() const;
    void restoreImages(const QJsonObject &state);
    void setModified();
    void requestSend();
    void chooseSendTime();
    void chooseAttachments();
    [[nodiscard]] bool mentionsAttachment() const;
    [[nodiscard]] static QStringList localFiles(const QMimeData *data);

    QComboBox *m_from = nullptr;
    RecipientEdit *m_to = nullptr;
    RecipientEdit *m_cc = nullptr;
    RecipientEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    InlineImageEditor *m_rich = nullptr;
    mutable std::unique_ptr<QTemporaryDir> m_imageDir; ///< the images' files for sending
    FormatBar *m_formatBar = nullptr;
    QAction *m_richAction = nullptr;
    QListWidget *m_attachmentList = nullptr;
    QLabel *m_attachmentSummary = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_attachAction = nullptr;
    QDateTime m_sendAt; ///< set while "Send Later" goes through the checks
    bool m_noSubjectConfirmed = false; ///< "Send Anyway" without a subject, for one send
    QAction *m_sendLaterAction = nullptr;
    SendState m_sendState = SendState::Editing;
    QList<Sender> m_senders;
    QStringList m_attachmentPaths;
    Core::DraftStore *m_drafts = nullptr;
    QString m_draftId;
    QTimer m_autosave;
    bool m_modified = false;
    bool m_savedSinceChange = true;
    bool m_sent = false; ///< nothing left to ask or save when closing
    QJsonObject m_explicitSave; ///< what "Save Draft" last saved; Discard keeps it
    bool m_savedByHand = false; ///< "Save Draft" was used (kept in the draft)
    QLabel *m_recipientCount = nullptr;
    QString m_formattedHtml; ///< the formatting "Rich Text" off removed, to bring back
    QString m_plainAtSwitch; ///< the plain text it was turned into
    QString m_signatureBlock; ///< what applySignature() last appended
    QString m_richSignature; ///< the text of the signature applyRichSignature() last appended
    RecipientCompletionModel *m_addressModel = nullptr;
    SpellController *m_spelling = nullptr;
    bool m_spellingConfirmed = false; ///< "Send Anyway" despite misspelled words, for one send
};

} // namespace Gui
