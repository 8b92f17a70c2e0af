// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/deviceflow.h"

#include "core/oauth/flowsupport_p.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Core::OAuth {

namespace {

QString errorCode(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
}

Error codeExpired()
{
    return Error(Error::Code::Timeout,
                 QCoreApplication::translate("OAuth", "The code expired before the sign-in was completed. Nothing was saved; please try again."));
}

} // namespace

DeviceFlow::DeviceFlow(Provider provider, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
{
    m_timeoutMs = FlowSupport::timeoutMs(m_timeoutMs);
    m_pollTimer.setSingleShot(true);
    // RFC 8628 §3.5: no sooner than the interval. A coarse timer may fire up
    // to 5% early, and a server that counts whole seconds (Glewlwyd) then
    // answers slow_down.
    m_pollTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceFlow::poll);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { fail(m_deadlineIsCodeExpiry ? codeExpired() : FlowSupport::timedOut()); });
}

DeviceFlow::~DeviceFlow()
{
    if (m_request)
        m_request->abort();
}

void DeviceFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DeviceFlow::start()
{
    if (m_state != State::Idle)
        return;
    setState(State::RequestingCode);
    QMetaObject::invokeMethod(this, [this] {
        if (m_state != State::RequestingCode)
            return;
        if (!m_provider.hasClientId()) {
            fail(Error(Error::Code::NeedsCredentials, m_provider.missingClientIdMessage()));
            return;
        }
        if (!m_provider.offersDeviceFlow()) {
            //: %1 is a provider's name
            fail(Error(Error::Code::InvalidInput,
                       QCoreApplication::translate("OAuth", "%1 does not offer signing in without a browser on this computer.")
                           .arg(m_provider.displayName)));
            return;
        }
        m_deadline.start(m_timeoutMs);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("scope"), m_provider.scopes.join(u' '));
        m_request = TokenRequest::post(TokenRequest::Kind::DeviceAuthorization, m_provider,
                                       m_provider.deviceAuthorizationEndpoint, form, m_network, this);
        connect(m_request, &TokenRequest::finished, this, &DeviceFlow::onCode);
    }, Qt::QueuedConnection);
}

void DeviceFlow::cancel()
{
    fail(FlowSupport::cancelled());
}

void DeviceFlow::fail(const Error &error)
{
    if (m_state == State::Succeeded || m_state == State::Failed)
        return;
    m_pollTimer.stop();
    m_deadline.stop();
    if (TokenRequest *request = m_request.data()) {
        m_request = nullptr;
        request->disconnect(this);
        request->abort();
    }
    m_error = error;
    setState(State::Failed);
    Q_EMIT finished();
}

void DeviceFlow::onCode(TokenRequest *request)
{
    m_request = nullptr;
    if (!request->result()) {
        fail(request->result().error());
        return;
    }
    // RFC 8628 §3.2.
    const QJsonObject json = QJsonDocument::fromJson(request->body()).object();
    if (request->httpStatus() != 200 || json.contains(QStringLiteral("error"))) {
        fail(parseTokenResponse(request->httpStatus() == 200 ? 400 : request->httpStatus(), request->body(),
                                QDateTime::currentDateTimeUtc())
                 .error());
        return;
    }
    m_deviceCode = json.value(QStringLiteral("device_code")).toString();
    m_userCode = json.value(QStringLiteral("user_code")).toString();
    // Some providers spell it verification_url.
    m_verificationUri = QUrl(json.value(QStringLiteral("verification_uri")).toString(
                                 json.value(QStringLiteral("verification_url")).toString()),
                             QUrl::StrictMode);
    m_verificationUriComplete = QUrl(json.value(QStringLiteral("verification_uri_complete")).toString(), QUrl::StrictMode);
    const int interval = json.value(QStringLiteral("interval")).toInt(5);
    m_intervalMs = std::clamp(interval, 1, 60) * 1000;
    if (m_deviceCode.isEmpty() || m_userCode.isEmpty() || !isUsableEndpoint(m_verificationUri)) {
        fail(Error(Error::Code::ProtocolViolation,
                   QCoreApplication::translate("OAuth", "The sign-in server's answer was not a valid device authorization.")));
        return;
    }
    // Clamped in qint64: expires_in × 1000 may not fit an int (a negative time-out never fires).
    // The code's expiry, when it comes first, is said as such: the server
    // says expired_token for the same thing when its clock sees it first.
    if (const qint64 expires = json.value(QStringLiteral("expires_in")).toInteger(0); expires > 0) {
        const qint64 expiresMs = std::min<qint64>(expires, 3600) * 1000;
        if (expiresMs < m_deadline.remainingTime()) {
            m_deadlineIsCodeExpiry = true;
            m_deadline.start(static_cast<int>(expiresMs));
        }
    }
    setState(State::WaitingForUser);
    Q_EMIT userCodeReady(m_verificationUri, m_userCode);
    m_pollTimer.start(m_intervalMs);
}

void DeviceFlow::poll()
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    form.addQueryItem(QStringLiteral("device_code"), m_deviceCode);
    m_request = TokenRequest::post(TokenRequest::Kind::DeviceCode, m_provider, m_provider.tokenEndpoint, form, m_network, this);
    connect(m_request, &TokenRequest::finished, this, &DeviceFlow::onPoll);
}

void DeviceFlow::onPoll(TokenRequest *request)
{
    m_request = nullptr;
    if (request->result()) {
        if (request->result()->refreshToken.isEmpty()) {
            fail(FlowSupport::noRefreshToken());
            return;
        }
        m_deadline.stop();
        m_tokens = request->result().value();
        setState(State::Succeeded);
        Q_EMIT finished();
        return;
    }
    // RFC 8628 §3.5: pending and slow_down keep polling.
    const QString code = errorCode(request->body());
    if (code == QLatin1String("authorization_pending") || code == QLatin1String("slow_down")) {
        if (code == QLatin1String("slow_down"))
            m_intervalMs += 5000;
        m_pollTimer.start(m_intervalMs);
        return;
    }
    if (code == QLatin1String("access_denied")) {
        fail(FlowSupport::accessDenied());
        return;
    }
    if (code == QLatin1String("expired_token")) {
        fail(codeExpired());
        return;
    }
    fail(request->result().error());
}

} // namespace Core::OAuth
