// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Signing in with OAuth 2.0 from the command line: the browser (or the
// device code) and what the person reads on standard error.

#include "core/autoconfig/clientconfig.h"
#include "core/oauth/provider.h"
#include "core/oauth/tokens.h"
#include "core/result.h"

#include <QObject>
#include <QUrl>

namespace Core {
struct Account;
class CredentialStore;
}

namespace App {

/**
 * While it lives, SIGINT and SIGTERM (Ctrl-C, `kill`) do not end the process
 * at once: they are noted, and interrupted() comes from the event loop, so a
 * sign-in that waits for the browser is cancelled and nothing half-done is
 * saved. The previous handling returns with its destruction. One at a time;
 * a no-op where there are no POSIX signals.
 */
class InterruptWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptWatcher)
public:
    InterruptWatcher();
    ~InterruptWatcher() override;
    [[nodiscard]] bool isInterrupted() const { return m_interrupted; }

Q_SIGNALS:
    void interrupted();

private:
    void onSignal();
    bool m_interrupted = false;
};

/// Opens `url` in the person's browser: $BROWSER when set (as other
/// command-line programs do), else the desktop's opener (xdg-open).
void openBrowser(const QUrl &url);

/// The provider that signs in to `host`, from the registry (built-in table
/// and $XDG_CONFIG_HOME/outpost/oauth2/*.json), else from the <oAuth2>
/// block discovery found; prints the files it had to skip. An error says how
/// to describe a provider, or how to configure the missing client id.
[[nodiscard]] Core::Result<Core::OAuth::Provider> oauthProviderForHost(const QString &host,
                                                                      const Core::Autoconfig::OAuth2Info &discovered = {});

/// Checks that the provider can be used (a client id is configured).
[[nodiscard]] Core::Result<void> checkClientId(const Core::OAuth::Provider &provider);

/// Runs the sign-in: the browser flow (the URL also on stderr), or with
/// `noBrowser` the device flow (where to go and the code, on stderr).
/// `interrupt`, when given, cancels it (Error::Code::Cancelled, the
/// interruptedMessage()).
[[nodiscard]] Core::Result<Core::OAuth::Tokens> signInWithOAuth(const Core::OAuth::Provider &provider,
                                                               const QString &loginHint, bool noBrowser,
                                                               InterruptWatcher *interrupt = nullptr);
/// "Signing in was interrupted."
[[nodiscard]] QString interruptedMessage();

/// Revokes the account's refresh token at its provider where it offers
/// revocation (RFC 7009); a failure is reported on stderr, never fatal.
void revokeRefreshToken(Core::CredentialStore &credentials, const Core::Account &account);

} // namespace App
