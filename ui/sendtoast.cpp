// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sendtoast.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QLocale>
#include <QTimer>

namespace Gui {

SendToast::SendToast(QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::WindowStaysOnTopHint)
    , m_label(new QLabel(this))
    , m_undo(new QPushButton(tr("&Undo"), this))
{
    setObjectName(QStringLiteral("SendToast"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Outpost"));
    m_label->setObjectName(QStringLiteral("toastText"));
    m_label->setWordWrap(true);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_undo);
    connect(m_undo, &QPushButton::clicked, this, &SendToast::undoRequested);
    resize(420, sizeHint().height());
}

void SendToast::showQueued(const QString &subject, int undoSeconds)
{
    m_subject = subject.isEmpty() ? tr("(no subject)") : subject;
    m_undo->setVisible(undoSeconds > 0);
    //: %1 is a subject; the number of seconds before sending starts
    m_label->setText(undoSeconds > 0 ? tr("“%1” is queued and will be sent in %n second(s).", nullptr, undoSeconds).arg(m_subject)
                                     : tr("“%1” is queued.").arg(m_subject));
    if (undoSeconds > 0)
        QTimer::singleShot(undoSeconds * 1000, m_undo, [this] { m_undo->hide(); });
}

void SendToast::showScheduled(const QString &subject, const QDateTime &when)
{
    m_subject = subject.isEmpty() ? tr("(no subject)") : subject;
    m_undo->hide();
    //: %1 is a subject, %2 a date and time
    m_label->setText(tr("“%1” will be sent at %2. The outbox has it until then.")
                         .arg(m_subject, QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
    QTimer::singleShot(8000, this, &QWidget::close);
}

void SendToast::showSending(int percent)
{
    m_undo->hide();
    //: %1 is a subject, %2 a percentage
    m_label->setText(tr("Sending “%1”… %2 %").arg(m_subject).arg(percent));
}

void SendToast::showSent()
{
    m_undo->hide();
    m_label->setText(tr("“%1” was sent.").arg(m_subject));
    QTimer::singleShot(4000, this, &QWidget::close);
}

void SendToast::showWaiting(const QString &reason)
{
    m_undo->hide();
    //: %1 is a subject, %2 the reason
    m_label->setText(tr("“%1” is not sent yet: %2 Outpost keeps trying.").arg(m_subject, reason));
}

void SendToast::showProblem(const QString &reason)
{
    m_undo->hide();
    m_label->setText(tr("“%1” was not sent: %2").arg(m_subject, reason));
}

QString SendToast::text() const
{
    return m_label->text();
}

} // namespace Gui
