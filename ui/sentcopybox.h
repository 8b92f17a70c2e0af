// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"

#include <QGroupBox>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Gui {

/**
 * An account's incoming (IMAP) server and "Save a copy of sent messages"
 * (Automatic, Always, Never), with a line saying what that means for the
 * account: whether Outpost files a copy, and for Automatic why not where the
 * provider files one itself. The SMTP host decides that, so the owner passes
 * it in as it changes (setSmtpHost()).
 */
class SentCopyBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SentCopyBox)
public:
    explicit SentCopyBox(QWidget *parent = nullptr);

    /// Shows the account's IMAP server and mode (and its SMTP host).
    void setAccount(const Core::Account &account);
    void setSmtpHost(const QString &host);
    /// Writes imap and saveSent into the account; an empty server clears
    /// every IMAP field (a user name without a server means nothing).
    void applyTo(Core::Account &account) const;
    /// The field an account error names ("imapHost", "imapPort", …), else nullptr.
    [[nodiscard]] QWidget *fieldFor(const QString &errorField) const;
    [[nodiscard]] QString explanation() const;

Q_SIGNALS:
    void changed();

private:
    void addSecurity(Core::SmtpSecurity security);
    void explain();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_username;
    QComboBox *m_mode;
    QLabel *m_explanation;
    QString m_smtpHost;
};

} // namespace Gui
