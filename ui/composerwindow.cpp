// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composerwindow.h"

#include "ui/iconloader.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace Gui {

ComposerWindow::ComposerWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("ComposerWindow"));
    createForm();
    createActions();
    updateTitle();
    resize(760, 560);
}

ComposerWindow::~ComposerWindow() = default;

void ComposerWindow::createActions()
{
    m_sendAction = new QAction(loadIcon(QStringLiteral("mail-send")), tr("&Send"), this);
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setToolTip(tr("Send the message (Ctrl+Return)"));
    connect(m_sendAction, &QAction::triggered, this, &ComposerWindow::sendRequested);

    QToolBar *toolBar = addToolBar(tr("Compose"));
    toolBar->setObjectName(QStringLiteral("composeToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_sendAction);
    toolBar->addSeparator();
    QAction *outbox = toolBar->addAction(loadIcon(QStringLiteral("mail-queue")), tr("&Outbox"), this,
                                         &ComposerWindow::outboxRequested);
    outbox->setObjectName(QStringLiteral("outboxAction"));
    outbox->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    outbox->setToolTip(tr("Show the messages that are queued, waiting or need attention"));
    QAction *addAccount = toolBar->addAction(loadIcon(QStringLiteral("contact-new")), tr("Add &Account…"), this,
                                             &ComposerWindow::addAccountRequested);
    addAccount->setObjectName(QStringLiteral("addAccountAction"));
    addAccount->setToolTip(tr("Set up an account to send from"));
}

void ComposerWindow::createForm()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_from = new QComboBox(central);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setPlaceholderText(tr("No account configured"));
    m_to = new QLineEdit(central);
    m_to->setObjectName(QStringLiteral("to"));
    m_cc = new QLineEdit(central);
    m_cc->setObjectName(QStringLiteral("cc"));
    m_bcc = new QLineEdit(central);
    m_bcc->setObjectName(QStringLiteral("bcc"));
    m_subject = new QLineEdit(central);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_body = new QPlainTextEdit(central);
    m_body->setObjectName(QStringLiteral("body"));

    for (QLineEdit *field : {m_to, m_cc, m_bcc})
        field->setPlaceholderText(tr("name@example.org, another@example.org"));

    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("S&ubject:"), m_subject);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    setCentralWidget(central);

    connect(m_subject, &QLineEdit::textChanged, this, &ComposerWindow::updateTitle);
    statusBar()->showMessage(tr("Ready"));
}

void ComposerWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    //: Window title of the composer; %1 is the message subject
    setWindowTitle(subject.isEmpty() ? tr("New Message — Outpost")
                                     : tr("%1 — Outpost").arg(subject));
}

QString ComposerWindow::to() const { return m_to->text(); }
QString ComposerWindow::cc() const { return m_cc->text(); }
QString ComposerWindow::bcc() const { return m_bcc->text(); }
QString ComposerWindow::subject() const { return m_subject->text(); }
QString ComposerWindow::body() const { return m_body->toPlainText(); }

void ComposerWindow::setTo(const QString &to) { m_to->setText(to); }
void ComposerWindow::setCc(const QString &cc) { m_cc->setText(cc); }
void ComposerWindow::setBcc(const QString &bcc) { m_bcc->setText(bcc); }
void ComposerWindow::setSubject(const QString &subject) { m_subject->setText(subject); }
void ComposerWindow::setBody(const QString &body) { m_body->setPlainText(body); }

void ComposerWindow::setSenders(const QList<Sender> &senders, qsizetype defaultIndex)
{
    m_senders = senders;
    m_from->clear();
    for (const Sender &s : senders)
        m_from->addItem(s.label);
    if (!senders.isEmpty())
        m_from->setCurrentIndex(static_cast<int>(std::clamp<qsizetype>(defaultIndex, 0, senders.size() - 1)));
}

std::optional<ComposerWindow::Sender> ComposerWindow::currentSender() const
{
    const int i = m_from->currentIndex();
    if (i < 0 || i >= m_senders.size())
        return std::nullopt;
    return m_senders.at(i);
}

void ComposerWindow::selectSender(const QString &accountId, const QString &identityId)
{
    for (qsizetype i = 0; i < m_senders.size(); ++i) {
        if (m_senders.at(i).accountId == accountId && m_senders.at(i).identityId == identityId)
            m_from->setCurrentIndex(static_cast<int>(i));
    }
}

void ComposerWindow::showFieldError(const QString &field, const QString &message)
{
    QWidget *target = field == QLatin1String("cc")        ? static_cast<QWidget *>(m_cc)
        : field == QLatin1String("bcc")                   ? static_cast<QWidget *>(m_bcc)
        : field == QLatin1String("subject")               ? static_cast<QWidget *>(m_subject)
        : field == QLatin1String("from")                  ? static_cast<QWidget *>(m_from)
        : field == QLatin1String("to") || field.isEmpty() ? static_cast<QWidget *>(m_to)
                                                          : static_cast<QWidget *>(m_body);
    target->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(target))
        edit->selectAll();
    showStatus(message);
}

void ComposerWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message);
}

void ComposerWindow::setDraft(const Core::Draft &draft)
{
    const auto join = [](const QList<Core::MailAddress> &list) {
        QStringList parts;
        for (const Core::MailAddress &m : list)
            parts << m.toDisplayString();
        return parts.join(QStringLiteral(", "));
    };
    setTo(join(draft.to));
    setCc(join(draft.cc));
    setBcc(join(draft.bcc));
    setSubject(draft.subject);
    setBody(draft.textBody);
}

} // namespace Gui
