// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"

#include <QDialog>
#include <QPointer>

class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Core {
class ImapClient;
class SmtpClient;
struct CertificateInfo;
}
namespace Core::OAuth {
class AccessTokenSource;
}

namespace Gui {

/**
 * The accounts: list, add (the setup wizard, through addRequested()), edit,
 * remove, make default, and "Test Connection" with a readable report —
 * encryption and TLS version, the certificate, the sign-in methods offered
 * and used, the extensions and the size limit; then, where the account has
 * one, the IMAP server of the Sent copy (signed in, the folder found, nothing
 * filed). A certificate of either that fails verification opens the
 * CertificateDialog; trusting it pins it for that host and port and tests
 * again. OAuth 2.0 accounts show their provider and offer "Sign In Again";
 * removing one withdraws its permission at the provider where it offers
 * that (RFC 7009). The stores are the caller's; every change is saved at once.
 */
class AccountsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsDialog)
public:
    AccountsDialog(Core::AccountStore *accounts, Core::CredentialStore *credentials, Core::TrustStore *trust,
                   QWidget *parent = nullptr);
    ~AccountsDialog() override;

    void refresh();
    /// Tests the selected account (as the Test Connection button does).
    void testSelected();
    [[nodiscard]] QString report() const;

Q_SIGNALS:
    void addRequested();
    /// "Sign In Again" for an OAuth 2.0 account (the owner runs the sign-in).
    void signInAgainRequested(const QString &accountId);
    void accountsChanged();
    /// A test finished (the report is complete).
    void testFinished(bool ok);

private:
    [[nodiscard]] const Core::Account *selected() const;
    void editSelected();
    void removeSelected();
    /// Signs in with the password, or for OAuth 2.0 with the access token.
    void runTest(const Core::Account &account, const QString &password, const QString &oauthToken = {});
    /// The IMAP server of the Sent copy, with the same secret; `smtpOk`: the
    /// SMTP part passed.
    void testImap(const Core::Account &account, const QString &password, const QString &oauthToken, bool smtpOk);
    /// The certificate of host:port failed verification: the person may trust it.
    void offerTrust(const Core::CertificateInfo &certificate, const QString &host, quint16 port, bool changed);
    void finishTest(bool ok);
    void log(const QString &line);

    Core::AccountStore *m_accounts;
    Core::CredentialStore *m_credentials;
    Core::TrustStore *m_trust;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_test = nullptr;
    QPointer<Core::SmtpClient> m_client;
    QPointer<Core::ImapClient> m_imap;
    Core::OAuth::AccessTokenSource *m_accessTokens = nullptr; ///< for testing OAuth 2.0 accounts
};

} // namespace Gui
