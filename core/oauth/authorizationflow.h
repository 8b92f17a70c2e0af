// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/oauth/pkce.h"
#include "core/oauth/provider.h"
#include "core/oauth/tokens.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QTcpServer;
class QTcpSocket;

namespace Core::OAuth {

/**
 * Signs in through the system browser: the authorization-code grant with
 * PKCE S256 (RFC 7636) and a checked `state`, redirected to a listener on
 * 127.0.0.1 with a port chosen at run time (RFC 8252 §7.3), the address as
 * login_hint. Core opens no browser itself: the app injects how
 * (setBrowserOpener(); the GUI and CLI use QDesktopServices::openUrl, so
 * $BROWSER is honoured through xdg-open). The browser gets a small
 * translated page when it is done, on success and on failure.
 *
 * A request to the listener without this flow's `state` (or unreadable)
 * gets a 400 page and the flow waits on: anything on this machine can reach
 * the port, and only the browser may end the sign-in. If the flow then ends
 * by its time-out or cancel(), the error says such an answer was refused.
 *
 * Every failure — error= in the redirect, access_denied (consent refused),
 * the token endpoint unreachable or refusing the code (a code
 * issued for another redirect), a token answer that is not valid JSON, the
 * time-out, cancel() — ends in State::Failed with a translated error(); the
 * flow itself saves nothing. finished() comes exactly once, from the event
 * loop.
 *
 * @code
 * auto *flow = new AuthorizationFlow(provider, address, this);
 * flow->setBrowserOpener([](const QUrl &url) { QDesktopServices::openUrl(url); });
 * connect(flow, &AuthorizationFlow::finished, this, [flow] {
 *     if (flow->state() == AuthorizationFlow::State::Succeeded) store(flow->tokens());
 *     else show(flow->error().message());
 *     flow->deleteLater();
 * });
 * flow->start();
 * @endcode
 */
class AuthorizationFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationFlow)
public:
    enum class State {
        Idle,              ///< not started
        WaitingForBrowser, ///< listening; the authorization URL is out
        ExchangingCode,    ///< the code came back; asking the token endpoint
        Succeeded,
        Failed, ///< error() says why (Cancelled and Timeout included)
    };
    Q_ENUM(State)

    /// Default time-out for the person at the browser: 5 minutes;
    /// OUTPOST_OAUTH_TIMEOUT_MS overrides (tests).
    static constexpr int DefaultTimeoutMs = 5 * 60 * 1000;

    AuthorizationFlow(Provider provider, QString loginHint, QObject *parent = nullptr);
    ~AuthorizationFlow() override;

    /// How to show the authorization URL to the person; without one the URL
    /// is only announced through authorizationUrlReady().
    void setBrowserOpener(std::function<void(const QUrl &)> opener) { m_opener = std::move(opener); }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }

    /// Listens on 127.0.0.1, announces and opens the URL. Never finishes
    /// inside this call.
    void start();
    /// Ends a running flow with Error::Code::Cancelled.
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Error &error() const { return m_error; }
    /// Succeeded: the tokens (the refresh token belongs in the keychain).
    [[nodiscard]] const Tokens &tokens() const { return m_tokens; }
    [[nodiscard]] QUrl authorizationUrl() const { return m_authorizationUrl; }
    [[nodiscard]] QUrl redirectUri() const { return m_redirectUri; }

Q_SIGNALS:
    /// The URL the person must open (print it, show it as a copyable link).
    void authorizationUrlReady(const QUrl &url);
    void stateChanged(Core::OAuth::AuthorizationFlow::State state);
    void finished();

private:
    void setState(State state);
    void fail(const Error &error);
    void onConnection();
    void onRequestData(QTcpSocket *socket);
    void answerBrowser(QTcpSocket *socket, bool success, const QString &text);
    void exchange(const QString &code);
    void stopListening();
    /// `error`, and that an answer with a wrong state was refused, if one was.
    [[nodiscard]] Error withRefusedNote(const Error &error) const;

    Provider m_provider;
    QString m_loginHint;
    std::function<void(const QUrl &)> m_opener;
    QNetworkAccessManager *m_network = nullptr;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_requests; ///< what each browser connection sent so far
    QPointer<QTcpSocket> m_redirectSocket; ///< answered once the tokens are in
    QPointer<TokenRequest> m_request;
    QTimer m_timer;
    int m_timeoutMs = DefaultTimeoutMs;
    Pkce m_pkce;
    QString m_stateValue;
    QUrl m_redirectUri;
    QUrl m_authorizationUrl;
    State m_state = State::Idle;
    Error m_error;
    Tokens m_tokens;
    int m_refusedForeign = 0; ///< requests refused for a wrong or missing state
};

} // namespace Core::OAuth
