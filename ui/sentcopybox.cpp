// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sentcopybox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

namespace Gui {

namespace {

constexpr quint16 kImapsPort = 993;
constexpr quint16 kImapPort = 143;

} // namespace

SentCopyBox::SentCopyBox(QWidget *parent)
    : QGroupBox(tr("Incoming server (IMAP) for the Sent copy"), parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_explanation(new QLabel(this))
{
    setObjectName(QStringLiteral("sentCopyBox"));
    m_host->setObjectName(QStringLiteral("imapHostEdit"));
    m_host->setAccessibleName(tr("IMAP server"));
    m_host->setPlaceholderText(tr("none: no copy in Sent"));
    m_port->setObjectName(QStringLiteral("imapPortSpin"));
    m_port->setAccessibleName(tr("IMAP port"));
    m_port->setRange(1, 65535);
    m_port->setValue(kImapsPort);
    m_security->setObjectName(QStringLiteral("imapSecurityCombo"));
    m_security->setAccessibleName(tr("IMAP encryption"));
    addSecurity(Core::SmtpSecurity::ImplicitTls);
    addSecurity(Core::SmtpSecurity::StartTls);
    m_username->setObjectName(QStringLiteral("imapUsernameEdit"));
    m_username->setAccessibleName(tr("IMAP user name"));
    m_username->setPlaceholderText(tr("same as sending"));
    m_mode->setObjectName(QStringLiteral("saveSentCombo"));
    m_mode->setAccessibleName(tr("Save a copy of sent messages"));
    m_mode->addItem(tr("Automatic"), int(Core::SentCopyMode::Auto));
    m_mode->addItem(tr("Always"), int(Core::SentCopyMode::Always));
    m_mode->addItem(tr("Never"), int(Core::SentCopyMode::Never));
    m_explanation->setObjectName(QStringLiteral("saveSentLabel"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText); // host names are never markup

    // Mnemonics apart from the Edit Account dialog's own (n, v, p, e, i, u, w, r, g, s, c).
    auto *form = new QFormLayout(this);
    form->addRow(tr("I&MAP server:"), m_host);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addWidget(m_security, 1);
    auto *portLabel = new QLabel(tr("IMAP p&ort:"), this);
    portLabel->setBuddy(m_port);
    form->addRow(portLabel, portRow);
    form->addRow(tr("IMAP user n&ame:"), m_username);
    form->addRow(tr("Save a cop&y of sent messages:"), m_mode);
    form->addRow(m_explanation);

    // The usual port follows the encryption unless the person chose another.
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        const auto s = static_cast<Core::SmtpSecurity>(m_security->currentData().toInt());
        if (s == Core::SmtpSecurity::ImplicitTls && m_port->value() == kImapPort)
            m_port->setValue(kImapsPort);
        else if (s != Core::SmtpSecurity::ImplicitTls && m_port->value() == kImapsPort)
            m_port->setValue(kImapPort);
    });
    for (QLineEdit *e : {m_host, m_username})
        connect(e, &QLineEdit::textChanged, this, [this] { explain(); });
    connect(m_port, &QSpinBox::valueChanged, this, &SentCopyBox::changed);
    connect(m_security, &QComboBox::currentIndexChanged, this, &SentCopyBox::changed);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { explain(); });
    explain();
}

void SentCopyBox::addSecurity(Core::SmtpSecurity security)
{
    switch (security) {
    case Core::SmtpSecurity::ImplicitTls:
        m_security->addItem(tr("TLS"), int(security));
        return;
    case Core::SmtpSecurity::StartTls:
        m_security->addItem(tr("STARTTLS"), int(security));
        return;
    case Core::SmtpSecurity::None:
        m_security->addItem(tr("no encryption"), int(security));
        return;
    }
}

void SentCopyBox::setAccount(const Core::Account &account)
{
    m_smtpHost = account.host;
    // Without encryption only where the account already allows that (it
    // can be set on the command line with --allow-plaintext-auth).
    if (account.allowCleartextAuth && m_security->findData(int(Core::SmtpSecurity::None)) < 0)
        addSecurity(Core::SmtpSecurity::None);
    m_host->setText(account.imap.host);
    m_security->setCurrentIndex(std::max(0, m_security->findData(int(account.imap.security))));
    m_port->setValue(account.imap.port);
    m_username->setText(account.imap.username);
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(account.saveSent))));
    explain();
}

void SentCopyBox::setSmtpHost(const QString &host)
{
    m_smtpHost = host.trimmed();
    explain();
}

void SentCopyBox::applyTo(Core::Account &account) const
{
    account.imap = {};
    account.imap.host = m_host->text().trimmed();
    if (!account.imap.host.isEmpty()) {
        account.imap.port = static_cast<quint16>(m_port->value());
        account.imap.security = static_cast<Core::SmtpSecurity>(m_security->currentData().toInt());
        account.imap.username = m_username->text().trimmed();
    }
    account.saveSent = static_cast<Core::SentCopyMode>(m_mode->currentData().toInt());
}

QWidget *SentCopyBox::fieldFor(const QString &errorField) const
{
    if (errorField == QLatin1String("imapHost"))
        return m_host;
    if (errorField == QLatin1String("imapPort"))
        return m_port;
    if (errorField == QLatin1String("imapSecurity"))
        return m_security;
    if (errorField == QLatin1String("imapUsername"))
        return m_username;
    return nullptr;
}

QString SentCopyBox::explanation() const
{
    return m_explanation->text();
}

void SentCopyBox::explain()
{
    Core::Account a;
    a.host = m_smtpHost;
    applyTo(a);
    m_explanation->setText(a.sentCopyExplanation());
    // Read by screen readers with the mode it explains.
    m_mode->setAccessibleDescription(m_explanation->text());
    Q_EMIT changed();
}

} // namespace Gui
