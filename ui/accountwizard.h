// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/autoconfig/discovery.h"

#include <QWizard>

namespace Gui {

/**
 * The account setup wizard (issue 9): name, address and password; a live
 * view of the discovery; the chosen server and why, with alternatives and
 * manual editing ("Re-test"); a real sign-in before anything is kept; the
 * identity and its signature. "Manual setup" is always one click away.
 *
 * Servers that want OAuth 2.0 (found, or chosen on the manual page) sign in
 * through the browser instead (OAuthSignIn), then once at the server with
 * the access token, before anything is kept.
 *
 * The wizard stores nothing itself: on finishing it emits accountReady()
 * with the account and its secret — the password, or for OAuth 2.0 the
 * refresh token — and its owner saves them (account store, keychain).
 */
class AccountWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountWizard)
public:
    enum PageId { StartPage, DiscoverPage, ResultPage, ManualPage, VerifyPage, IdentityPage };
    Q_ENUM(PageId)

    explicit AccountWizard(Core::Autoconfig::DiscoveryOptions options, QWidget *parent = nullptr);
    ~AccountWizard() override;

    /// The account as configured so far (id empty until accepted).
    [[nodiscard]] Core::Account account() const;
    /// The password, or for an OAuth 2.0 account the refresh token.
    [[nodiscard]] QString password() const;
    [[nodiscard]] const Core::Autoconfig::DiscoveryResult &discovery() const;

    void accept() override;

Q_SIGNALS:
    void accountReady(const Core::Account &account, const QString &password);

private:
    friend class WizardPages;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Gui
