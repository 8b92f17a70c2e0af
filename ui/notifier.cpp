// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notifier.h"

#include "ui/iconloader.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(loadIcon(QStringLiteral("org.outpost.Outpost")), this);
    m_tray->setToolTip(tr("Outpost"));
    auto *menu = new QMenu;
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    menu->addAction(tr("&New Message"), this, &Notifier::newMessageRequested);
    menu->addAction(tr("&Outbox"), this, &Notifier::outboxRequested);
    menu->addSeparator();
    menu->addAction(tr("&Quit Outpost"), this, &Notifier::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT outboxRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_messageAction)
            m_messageAction();
        else
            Q_EMIT outboxRequested();
    });
    m_tray->show();
}

Notifier::~Notifier() = default;

void Notifier::notify(const QString &title, const QString &text, bool problem)
{
    notify(title, text, problem, {}, {});
}

void Notifier::notify(const QString &title, const QString &text, bool problem, const QString &actionText,
                      std::function<void()> action)
{
    if (m_tray) {
        m_messageAction = action;
        m_tray->showMessage(title, text, problem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 15000);
        return;
    }
    // No tray: a small window in the corner that does not take focus.
    auto *w = new QWidget(nullptr, Qt::Tool | Qt::WindowStaysOnTopHint | Qt::WindowDoesNotAcceptFocus);
    w->setObjectName(QStringLiteral("notification"));
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setAttribute(Qt::WA_ShowWithoutActivating);
    w->setWindowTitle(title);
    auto *layout = new QVBoxLayout(w);
    auto *heading = new QLabel(title, w);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *body = new QLabel(text, w);
    body->setObjectName(QStringLiteral("notificationText"));
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    auto *open = new QPushButton(tr("Show &Outbox"), w);
    connect(open, &QPushButton::clicked, this, &Notifier::outboxRequested);
    connect(open, &QPushButton::clicked, w, &QWidget::close);
    layout->addWidget(heading);
    layout->addWidget(body);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    if (action) {
        auto *act = new QPushButton(actionText, w);
        act->setObjectName(QStringLiteral("notificationAction"));
        connect(act, &QPushButton::clicked, this, action);
        connect(act, &QPushButton::clicked, w, &QWidget::close);
        buttons->addWidget(act);
    }
    buttons->addWidget(open);
    layout->addLayout(buttons);
    w->setMinimumWidth(320);
    w->adjustSize();
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QRect area = screen->availableGeometry();
        w->move(area.right() - w->width() - 16, area.top() + 16);
    }
    w->show();
    QTimer::singleShot(problem ? 30000 : 10000, w, &QWidget::close);
    m_window = w;
}

} // namespace Gui
