// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sendtoast.h"

#include "core/outbox/notificationpolicy.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QLocale>
#include <QTimer>

#include <utility>

namespace Gui {

namespace {

// A long subject is shortened so that what follows it (the countdown, the
// reason) stays in view.
QString shortSubject(const QString &subject)
{
    constexpr qsizetype limit = 60;
    if (subject.isEmpty())
        return SendToast::tr("(no subject)");
    if (subject.size() <= limit)
        return subject;
    qsizetype cut = limit - 1;
    if (subject.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return subject.left(cut).trimmed() + QChar(0x2026);
}

} // namespace

SendToast::SendToast(QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::WindowStaysOnTopHint | Qt::CustomizeWindowHint | Qt::WindowTitleHint
                          | Qt::WindowCloseButtonHint)
    , m_label(new QLabel(this))
    , m_undo(new QPushButton(tr("&Undo"), this))
{
    setObjectName(QStringLiteral("SendToast"));
    setAttribute(Qt::WA_DeleteOnClose);
    setAttribute(Qt::WA_ShowWithoutActivating);
    setWindowTitle(tr("Outpost"));
    m_label->setObjectName(QStringLiteral("toastText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText); // a subject is never markup
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setFixedWidth(fontMetrics().averageCharWidth() * 48);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_undo->setAutoDefault(false);
    m_undo->setFocusPolicy(Qt::NoFocus); // Ctrl+Z or Alt+U, never a stray Return
    m_undo->setToolTip(tr("Take the message back (Ctrl+Z)"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_undo, 0, Qt::AlignVCenter);
    // As tall as its text, never clipped, never maximised.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    connect(m_undo, &QPushButton::clicked, this, &SendToast::undoRequested);
    auto *undo = new QShortcut(QKeySequence::Undo, this);
    connect(undo, &QShortcut::activated, this, [this] {
        if (m_undo->isVisible())
            Q_EMIT undoRequested();
    });
    auto *dismiss = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(dismiss, &QShortcut::activated, this, &QWidget::close);
}

void SendToast::endUndo()
{
    m_undo->hide();
    if (std::exchange(m_undoOpen, false))
        Q_EMIT undoExpired();
}

void SendToast::setText(const QString &text)
{
    m_label->setText(text);
    adjustSize();
}

void SendToast::takeKeyboard()
{
    setAttribute(Qt::WA_ShowWithoutActivating, false);
    activateWindow();
    raise();
    setFocus(Qt::ActiveWindowFocusReason);
}

void SendToast::showQueued(const QString &subject, int undoSeconds, int undoMs)
{
    m_subject = shortSubject(subject);
    m_undo->setVisible(undoSeconds > 0);
    //: %1 is a subject; the number of seconds before sending starts
    setText(undoSeconds > 0 ? tr("“%1” is queued and will be sent in %n second(s).", nullptr, undoSeconds).arg(m_subject)
                            : tr("“%1” is queued.").arg(m_subject));
    if (undoSeconds > 0) {
        m_undoOpen = true;
        QTimer::singleShot(undoMs, this, &SendToast::endUndo);
    }
}

void SendToast::showScheduled(const QString &subject, const QDateTime &when)
{
    m_subject = shortSubject(subject);
    endUndo();
    //: %1 is a subject, %2 a date and time
    setText(tr("“%1” will be sent at %2. The outbox has it until then.")
                         .arg(m_subject, QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
    QTimer::singleShot(8000, this, &QWidget::close);
}

void SendToast::showSending(int percent)
{
    endUndo();
    //: %1 is a subject, %2 a percentage
    setText(tr("Sending “%1”… %2 %").arg(m_subject).arg(percent));
}

void SendToast::showSent()
{
    endUndo();
    setText(tr("“%1” was sent.").arg(m_subject));
    QTimer::singleShot(6000, this, &QWidget::close);
}

void SendToast::showWaiting(const QString &reason)
{
    endUndo();
    //: %1 is a subject, %2 the reason
    setText(tr("“%1” is not sent yet: %2 Outpost keeps trying.").arg(m_subject, Core::asSentence(reason)));
}

void SendToast::showProblem(const QString &reason)
{
    endUndo();
    setText(tr("“%1” was not sent: %2").arg(m_subject, Core::asSentence(reason)));
}

QString SendToast::text() const
{
    return m_label->text();
}

} // namespace Gui
