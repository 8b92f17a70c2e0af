// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/autoconfig/clientconfig.h"
#include "core/oauth/provider.h"
#include "core/oauth/tokens.h"
#include "core/result.h"
#include "core/smtp/smtpsettings.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace Core {
class SmtpClient;
}
namespace Core::OAuth {
class AuthorizationFlow;
}

namespace Gui {

/**
 * "Sign in with <provider> in your browser" (issue 24), for the wizard, the
 * accounts dialog and the outbox: runs the authorization flow of core (the
 * system browser, the URL also shown as a link to copy, a Cancel button and
 * the flow's time-out), then signs in to the SMTP server once with the new
 * access token, as the wizard does with a password, so that what is saved
 * is known to work. It saves nothing itself: the owner takes tokens() (the
 * refresh token belongs in the keychain) when finished() says so.
 */
class OAuthSignIn final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthSignIn)
public:
    enum class State {
        Idle,              ///< the button is offered
        WaitingForBrowser, ///< the browser is out; the link and Cancel show
        CheckingServer,    ///< tokens came; signing in to the SMTP server
        SignedIn,
        Failed, ///< the status says why; the button offers another try
    };
    Q_ENUM(State)

    explicit OAuthSignIn(QWidget *parent = nullptr);
    ~OAuthSignIn() override;

    /// How the authorization URL reaches the browser. The app sets it once
    /// (QDesktopServices, so that $BROWSER is honoured through xdg-open);
    /// without one the link is only shown.
    static void setBrowserOpener(std::function<void(const QUrl &)> opener);

    /// The provider that signs in to `host`: Outpost's table and the
    /// person's provider files first, else an <oAuth2> block that discovery
    /// found. The error says how to describe a provider, or how to configure
    /// a missing client id.
    [[nodiscard]] static Core::Result<Core::OAuth::Provider> providerFor(const QString &host,
                                                                         const Core::Autoconfig::OAuth2Info &found = {});
    /// "Google", or the host of an issuer that has no display name.
    [[nodiscard]] static QString providerName(const Core::OAuth::Provider &provider);

    /// What to sign in to and as whom; resets to Idle. The server settings
    /// are those the account will send with (extra CA, pins).
    void setTarget(const Core::OAuth::Provider &provider, const QString &loginHint,
                   const Core::SmtpServerSettings &server, const QString &username);
    /// Starts (as the button does).
    void start();
    /// Ends a sign-in under way (as the Cancel button does).
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Core::OAuth::Provider &provider() const { return m_provider; }
    /// SignedIn: the tokens (the refresh token for the keychain).
    [[nodiscard]] const Core::OAuth::Tokens &tokens() const { return m_tokens; }
    /// SignedIn: the SIZE the server announced (0: none).
    [[nodiscard]] qint64 maxSize() const { return m_maxSize; }
    /// The status text (what happens, or why it failed).
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void stateChanged(Gui::OAuthSignIn::State state);
    /// SignedIn or Failed.
    void finished(bool signedIn);

private:
    void setState(State state, const QString &status);
    void onFlowFinished();
    void checkServer();
    void fail(const QString &message);

    Core::OAuth::Provider m_provider;
    QString m_loginHint;
    Core::SmtpServerSettings m_server;
    QString m_username;
    QPointer<Core::OAuth::AuthorizationFlow> m_flow;
    QPointer<Core::SmtpClient> m_client;
    Core::OAuth::Tokens m_tokens;
    qint64 m_maxSize = 0;
    State m_state = State::Idle;
    QLabel *m_status;
    QLabel *m_link;
    QPushButton *m_start;
    QPushButton *m_cancel;
};

/**
 * "Sign in again" for an OAuth 2.0 account whose sign-in expired or was
 * revoked: an OAuthSignIn in a small dialog, started at once. Accepted once
 * signed in; the owner then stores the refresh token.
 */
class OAuthSignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthSignInDialog)
public:
    /// `provider` as providerForAccount() gives it; `server` the account's.
    OAuthSignInDialog(const Core::Account &account, const Core::OAuth::Provider &provider,
                      const Core::SmtpServerSettings &server, QWidget *parent = nullptr);

    [[nodiscard]] OAuthSignIn *signIn() const { return m_signIn; }

private:
    OAuthSignIn *m_signIn;
};

} // namespace Gui
