// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/oauth/provider.h"
#include "core/oauth/tokens.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace Core::OAuth {

/**
 * Signs in without a browser on this machine: the device authorization
 * grant (RFC 8628). The person opens verificationUri() anywhere and types
 * userCode(); the flow polls the token endpoint at the interval the server
 * asks for (slowing down on slow_down, §3.5) until the grant, a refusal
 * (access_denied), the code's expiry or the time-out. Only for providers
 * with a device_authorization_endpoint. finished() comes exactly once.
 */
class DeviceFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFlow)
public:
    enum class State {
        Idle,
        RequestingCode, ///< asking the device authorization endpoint
        WaitingForUser, ///< polling the token endpoint
        Succeeded,
        Failed,
    };
    Q_ENUM(State)

    DeviceFlow(Provider provider, QObject *parent = nullptr);
    ~DeviceFlow() override;

    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }
    void start();
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] const Tokens &tokens() const { return m_tokens; }
    [[nodiscard]] QUrl verificationUri() const { return m_verificationUri; }
    /// verification_uri_complete when the server gives one.
    [[nodiscard]] QUrl verificationUriComplete() const { return m_verificationUriComplete; }
    [[nodiscard]] QString userCode() const { return m_userCode; }

Q_SIGNALS:
    /// Show the person where to go and what to type.
    void userCodeReady(const QUrl &verificationUri, const QString &userCode);
    void stateChanged(Core::OAuth::DeviceFlow::State state);
    void finished();

private:
    void setState(State state);
    void fail(const Error &error);
    void onCode(TokenRequest *request);
    void poll();
    void onPoll(TokenRequest *request);

    Provider m_provider;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<TokenRequest> m_request;
    QTimer m_pollTimer;
    QTimer m_deadline;
    bool m_deadlineIsCodeExpiry = false; ///< expires_in, not the flow's time-out, set m_deadline
    int m_timeoutMs = 15 * 60 * 1000;
    int m_intervalMs = 5000;
    QString m_deviceCode;
    QString m_userCode;
    QUrl m_verificationUri;
    QUrl m_verificationUriComplete;
    State m_state = State::Idle;
    Error m_error;
    Tokens m_tokens;
};

} // namespace Core::OAuth
