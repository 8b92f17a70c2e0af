// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QSystemTrayIcon;
class QWidget;

namespace Gui {

/**
 * Desktop notifications for the outbox: through the system tray when the
 * platform has one (with New Message, Outbox and Quit in its menu), else in
 * a small window that never takes focus and closes by itself. Never a modal
 * box: a transient problem is not a reason to interrupt anyone.
 */
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)
public:
    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    [[nodiscard]] bool hasTray() const { return m_tray != nullptr; }
    void notify(const QString &title, const QString &text, bool problem);
    /// The same with what to do about it ("Sign In Again"): a button in the
    /// small window; with a tray, clicking the message does it.
    void notify(const QString &title, const QString &text, bool problem, const QString &actionText,
                std::function<void()> action);
    /// The fallback window of the last notification (tests look at it).
    [[nodiscard]] QWidget *lastWindow() const { return m_window; }

Q_SIGNALS:
    void newMessageRequested();
    void outboxRequested();
    void quitRequested();

private:
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QWidget> m_window;
    std::function<void()> m_messageAction; ///< the tray message's, if it has one
};

} // namespace Gui
