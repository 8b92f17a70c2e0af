// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/authorizationflow.h"

#include "core/oauth/flowsupport_p.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace Core::OAuth {

namespace {

/// The redirect URI's path on the loopback listener.
const QString kRedirectPath = QStringLiteral("/");

QByteArray page(bool success, const QString &text)
{
    const QString title = success ? QCoreApplication::translate("OAuth", "Signed in — Outpost")
                                  : QCoreApplication::translate("OAuth", "Not signed in — Outpost");
    const QString heading = success ? QCoreApplication::translate("OAuth", "You are signed in.")
                                    : QCoreApplication::translate("OAuth", "The sign-in did not work.");
    const QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                                        "<style>body{font-family:sans-serif;max-width:36em;margin:4em auto;"
                                        "line-height:1.5}</style></head><body><h1>%2</h1><p>%3</p><p>%4</p>"
                                        "</body></html>")
                             .arg(title.toHtmlEscaped(), heading.toHtmlEscaped(), text.toHtmlEscaped(),
                                  QCoreApplication::translate("OAuth", "You can close this window and go back to Outpost.")
                                      .toHtmlEscaped());
    return html.toUtf8();
}

/// The page for a request that did not come from this sign-in. It says
/// nothing of what the request carried.
QByteArray foreignPage()
{
    const QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                        "<body><p>%2</p></body></html>")
                             .arg(QStringLiteral("Outpost"),
                                  QCoreApplication::translate("OAuth", "This answer does not belong to Outpost's sign-in "
                                                                       "and was ignored.")
                                      .toHtmlEscaped());
    return html.toUtf8();
}

void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body, const QByteArray &type)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                  + QByteArray::number(body.size())
                  + "\r\nConnection: close\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

AuthorizationFlow::AuthorizationFlow(Provider provider, QString loginHint, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_loginHint(std::move(loginHint))
    , m_timeoutMs(FlowSupport::timeoutMs(DefaultTimeoutMs))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { fail(withRefusedNote(FlowSupport::timedOut())); });
}

Error AuthorizationFlow::withRefusedNote(const Error &error) const
{
    if (m_refusedForeign == 0)
        return error;
    // The person waited for a browser that may have been answered by someone
    // else: say so, or the time-out alone would hide it.
    return Error(error.code(),
                 error.message() + QLatin1Char(' ')
                     + QCoreApplication::translate("OAuth", "Outpost refused an answer with a wrong state: it did not "
                                                            "come from this sign-in."));
}

AuthorizationFlow::~AuthorizationFlow()
{
    if (m_request)
        m_request->abort();
}

void AuthorizationFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AuthorizationFlow::start()
{
    if (m_state != State::Idle)
        return;
    // From the event loop: finished() never comes inside start().
    QMetaObject::invokeMethod(this, [this] {
        if (m_state != State::Idle)
            return;
        if (!m_provider.hasClientId()) {
            fail(Error(Error::Code::NeedsCredentials, m_provider.missingClientIdMessage()));
            return;
        }
        if (!isUsableEndpoint(m_provider.authorizationEndpoint) || !isUsableEndpoint(m_provider.tokenEndpoint)) {
            fail(Error(Error::Code::InvalidInput,
                       QCoreApplication::translate("OAuth", "The provider's sign-in addresses are not usable (they must use https).")));
            return;
        }
        // RFC 8252 §7.3: the loopback IP literal, any free port, and only
        // this machine can connect.
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            //: %1 is the system's explanation
            fail(Error(Error::Code::Internal,
                       QCoreApplication::translate("OAuth", "Outpost could not wait for the browser's answer: %1").arg(m_server->errorString())));
            return;
        }
        connect(m_server, &QTcpServer::newConnection, this, &AuthorizationFlow::onConnection);
        m_pkce = Pkce::generate();
        m_stateValue = randomState();
        m_redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(kRedirectPath));
        m_authorizationUrl = Core::OAuth::authorizationUrl(m_provider.authorizationEndpoint, m_provider.clientId,
                                                           m_redirectUri, m_provider.scopes, m_stateValue,
                                                           m_pkce.challenge, m_loginHint);
        setState(State::WaitingForBrowser);
        m_timer.start(m_timeoutMs);
        Q_EMIT authorizationUrlReady(m_authorizationUrl);
        if (m_opener)
            m_opener(m_authorizationUrl);
    }, Qt::QueuedConnection);
}

void AuthorizationFlow::cancel()
{
    if (m_state == State::Succeeded || m_state == State::Failed)
        return;
    fail(withRefusedNote(FlowSupport::cancelled()));
}

void AuthorizationFlow::stopListening()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    // Connections still sending are not waited on any more.
    const QList<QTcpSocket *> others = m_requests.keys();
    m_requests.clear();
    for (QTcpSocket *socket : others)
        socket->abort();
}

void AuthorizationFlow::fail(const Error &error)
{
    if (m_state == State::Succeeded || m_state == State::Failed)
        return;
    m_timer.stop();
    stopListening();
    if (TokenRequest *request = m_request.data()) {
        m_request = nullptr;
        request->disconnect(this);
        request->abort();
    }
    if (QTcpSocket *socket = m_redirectSocket.data()) {
        m_redirectSocket = nullptr;
        answerBrowser(socket, false, error.message());
    }
    m_tokens = {};
    m_error = error;
    setState(State::Failed);
    Q_EMIT finished();
}

void AuthorizationFlow::onConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        socket->setParent(this); // outlives the listener, which closes at the first answer
        // Qt buffers without limit by default; only the request line and
        // headers are read, so more than that is never taken in.
        socket->setReadBufferSize(MaxRedirectRequestSize + 1);
        m_requests.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequestData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_requests.remove(socket);
            socket->deleteLater();
        });
    }
}

void AuthorizationFlow::onRequestData(QTcpSocket *socket)
{
    auto it = m_requests.find(socket);
    if (it == m_requests.end() || m_state != State::WaitingForBrowser) {
        socket->readAll(); // already answered: discarded (the buffer is bounded, and it closes once answered)
        return;
    }
    // Bounded: only the request line and headers are read, at most 16 KiB.
    it->append(socket->read(MaxRedirectRequestSize + 1 - it->size()));
    const qsizetype end = it->indexOf("\r\n\r\n");
    if (end < 0) {
        if (it->size() > MaxRedirectRequestSize) {
            m_requests.erase(it);
            respond(socket, "431 Request Header Fields Too Large", {}, "text/plain");
        }
        return;
    }
    const QByteArray request = it->left(end);
    m_requests.erase(it);
    auto redirect = parseRedirectRequest(request, kRedirectPath, m_stateValue);
    if (redirect && redirect->kind == Redirect::Kind::Other) {
        respond(socket, "404 Not Found", {}, "text/plain"); // a favicon, or anything else: not ours
        return;
    }
    if (redirect && redirect->kind == Redirect::Kind::Foreign) {
        // Any local process or web page can reach this port: only the
        // browser that carries our state may end the sign-in.
        ++m_refusedForeign;
        respond(socket, "400 Bad Request", foreignPage(), "text/html; charset=utf-8");
        return;
    }
    if (!redirect) {
        m_redirectSocket = socket;
        fail(redirect.error());
        return;
    }
    // One answer only: no other connection is accepted now.
    stopListening();
    m_redirectSocket = socket;
    exchange(redirect->code);
}

void AuthorizationFlow::exchange(const QString &code)
{
    setState(State::ExchangingCode);
    m_request = TokenRequest::exchangeCode(m_provider, code, m_pkce.verifier, m_redirectUri, m_network, this);
    connect(m_request, &TokenRequest::finished, this, [this](TokenRequest *request) {
        m_request = nullptr;
        if (!request->result()) {
            Error error = request->result().error();
            if (isSignInAgain(error)) // the code was refused: expired, used, or for another redirect
                error = Error(Error::Code::AuthenticationFailed,
                              //: %1 is the server's own words
                              QCoreApplication::translate("OAuth", "The sign-in server did not accept the authorization (%1). Nothing was saved; please try again.")
                                  .arg(request->result().error().message()));
            fail(error);
            return;
        }
        if (request->result()->refreshToken.isEmpty()) {
            fail(FlowSupport::noRefreshToken());
            return;
        }
        m_timer.stop();
        m_tokens = request->result().value();
        if (QTcpSocket *socket = m_redirectSocket.data()) {
            m_redirectSocket = nullptr;
            answerBrowser(socket, true, QCoreApplication::translate("OAuth", "Outpost can now send mail with this account."));
        }
        setState(State::Succeeded);
        Q_EMIT finished();
    });
}

void AuthorizationFlow::answerBrowser(QTcpSocket *socket, bool success, const QString &text)
{
    respond(socket, success ? QByteArray("200 OK") : QByteArray("400 Bad Request"), page(success, text),
            "text/html; charset=utf-8");
}

} // namespace Core::OAuth
