// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Gui {

/**
 * The small window that says what happened to a message after Send:
 * "Queued — sending in 10 s [Undo]", then "Sending… 40 %", then "Sent" (it
 * closes itself a few seconds later) or the reason it is not sent yet.
 * It never says "Sent" before the server accepted the message.
 */
class SendToast final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendToast)
public:
    explicit SendToast(QWidget *parent = nullptr);

    /// Queued; Undo is offered for `undoMs` (the time the outbox still holds
    /// the message back), the text says `undoSeconds`.
    void showQueued(const QString &subject, int undoSeconds, int undoMs);
    /// "Send later": queued for this time (local), closes by itself.
    void showScheduled(const QString &subject, const QDateTime &when);
    void showSending(int percent);
    void showSent();
    void showWaiting(const QString &reason);
    void showProblem(const QString &reason);
    [[nodiscard]] QString text() const;
    /// Right after the person pressed Send: the notice takes the keyboard,
    /// so that Ctrl+Z (or Alt+U) undoes and Escape dismisses. No button is
    /// focused or default: a stray Return or Space undoes nothing. Other
    /// notices never take the focus.
    void takeKeyboard();

Q_SIGNALS:
    void undoRequested();
    /// The time for Undo is over (the message is on its way).
    void undoExpired();

private:
    QLabel *m_label;
    QPushButton *m_undo;
    void setText(const QString &text);
    void endUndo();

    QString m_subject;
    bool m_undoOpen = false;
};

} // namespace Gui
