// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/smtpclient.h"
#include "core/util/digest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QLocale>
#include <QMetaEnum>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>
#include <cstring>
#include <optional>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace Core {

namespace {

constexpr qint64 kChunkSize = 64 * 1024;      // read from the file at a time
constexpr qint64 kWriteAhead = 256 * 1024;    // keep at most this much queued
constexpr qint64 kReadBufferSize = 64 * 1024; // bound what Qt buffers for us
constexpr int kQuickAckTicks = 200;            // 1 ms each, see setState()

// RFC 5321 §4.5.3.1.10: a 452 to RCPT may mean "too many recipients", and a
// 552 there is to be taken the same way: the rest go in another transaction.
// Unless the enhanced code says otherwise (RFC 3463: X.5.3 is "too many
// recipients"; X.2.2, a full mailbox, is no reason to try again at once).
bool isRecipientOverflow(const SmtpReply &reply)
{
    return (reply.code == 452 || reply.code == 552)
        && (reply.enhancedCode.isEmpty() || reply.enhancedCode.endsWith(QLatin1String(".5.3")));
}

bool hasLineBreakOrNul(const QString &s)
{
    return s.contains(u'\r') || s.contains(u'\n') || s.contains(QChar(0));
}

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool isAscii(const Envelope &env)
{
    return isAscii(env.mailFrom)
        && std::all_of(env.recipients.cbegin(), env.recipients.cend(), [](const QString &r) { return isAscii(r); });
}

// RFC 3461 §4: xtext for ENVID.
QByteArray xtext(const QString &s)
{
    QByteArray out;
    for (char c : s.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || u == '+' || u == '=')
            out += '+' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

// Right after our TLS 1.3 Finished, servers send session tickets; a server
// with Nagle on (Postfix) sends the first segment and holds the rest until
// we ACK it. Until the ticket message is complete OpenSSL's SSL_write wants
// to read, so Qt keeps our first command (EHLO) buffered — and our kernel's
// delayed ACK made that a 40 ms stall. Ask the kernel to acknowledge at once.
void ackPromptly(QSslSocket *socket)
{
#ifdef Q_OS_LINUX
    if (!socket)
        return;
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return;
    const int one = 1;
    ::setsockopt(static_cast<int>(fd), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#else
    Q_UNUSED(socket);
#endif
}

} // namespace

struct SmtpClient::Transaction
{
    SmtpMessage message;
    QFile file;
    QList<RecipientResult> recipients;
    qsizetype nextRecipient = 0;   // lock-step: the next RCPT to send
    int pendingReplies = 0;        // pipelined: replies still expected
    bool mailAccepted = false;
    SmtpReply mailReply;
    bool dataPipelined = false;            // DATA went out with MAIL and RCPT
    bool behindDot = false;                // ... behind the previous final dot
    bool retryUnpipelined = false;         // ... and the server refused that (503)
    QStringList later;                     // "too many recipients": the next transaction
    QList<RecipientResult> earlier;        // results of this message's earlier transactions
    std::optional<bool> beforeDotResult;   // the hook already ran (see sendEnvelopeAhead())
    std::optional<SmtpResult> abortAtData; // the outcome, once DATA is answered
    bool dotWritten = false;
    bool eof = false;
    // Streaming state for CRLF normalisation and dot-stuffing (RFC 5321 §4.5.2).
    bool atLineStart = true;
    bool pendingCr = false;
    qint64 queuedWire = 0; // octets handed to the socket during DATA
    qint64 total = 0;
    Sha256 hash; // of the file as read
    qint64 fileBytes = 0;
};

SmtpClient::SmtpClient(SmtpServerSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    qRegisterMetaType<Core::SmtpResult>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
    m_quickAckTimer.setInterval(1);
    m_quickAckTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_quickAckTimer, &QTimer::timeout, this, [this] {
        // Bounded: a handshake or greeting that stalls is the timeouts' job.
        if (++m_quickAckTicks > kQuickAckTicks)
            m_quickAckTimer.stop();
        else if (QSslSocket *socket = m_socket.data())
            ackPromptly(socket);
    });
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Ready && m_queue.empty() && !m_sessionRequested)
            quit();
    });
}

SmtpClient::~SmtpClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SmtpClient::setCredentials(const SaslCredentials &credentials)
{
    m_credentials = credentials;
    if (!m_credentialsPending)
        return;
    m_credentialsPending = false;
    if (m_state == State::AwaitingCredentials) {
        m_timer.stop();
        if (!m_credentials.username.isEmpty())
            startAuth();
        else
            becomeReady();
    }
}

void SmtpClient::connectAhead()
{
    m_credentialsPending = true;
    if (m_state == State::Disconnected)
        openConnection();
}

void SmtpClient::setProtocolLog(std::function<void(const QString &)> sink)
{
    m_log = std::move(sink);
}

void SmtpClient::setSaslNonceForTesting(const QByteArray &nonce)
{
    m_saslNonce = nonce;
}

bool SmtpClient::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

QString SmtpClient::tlsProtocolName() const
{
    if (!isEncrypted())
        return {};
    switch (m_socket->sessionProtocol()) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return QStringLiteral("TLS");
    }
}

QList<QSslCertificate> SmtpClient::peerCertificateChain() const
{
    return m_socket ? m_socket->peerCertificateChain() : QList<QSslCertificate>();
}

qsizetype SmtpClient::queuedMessages() const
{
    return static_cast<qsizetype>(m_queue.size()) + (m_tx ? 1 : 0) + (m_nextTx ? 1 : 0);
}

void SmtpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    // Keep the kernel acknowledging at once from the TLS handshake until the
    // first reply over TLS (see ackPromptly()); Qt gives no hook between its
    // handshake writes, so a short timer renews the request for the few
    // milliseconds this takes.
    const bool tlsStarting = state == State::TlsHandshake || state == State::StartTlsHandshake;
    const bool firstReplyOverTls = m_quickAckTimer.isActive() && (state == State::Greeting || state == State::Ehlo);
    if (tlsStarting || firstReplyOverTls) {
        if (QSslSocket *socket = m_socket.data())
            ackPromptly(socket);
        if (!m_quickAckTimer.isActive() && tlsStarting) {
            m_quickAckTicks = 0;
            m_quickAckTimer.start();
        }
    } else {
        m_quickAckTimer.stop();
    }
    Q_EMIT stateChanged(state);
}

void SmtpClient::armTimer(int ms)
{
    m_timer.start(ms);
}

void SmtpClient::send(SmtpMessage message)
{
    m_queue.push_back(std::move(message));
    m_idleTimer.stop();
    // Never finish inside send(): the work starts from the event loop.
    QMetaObject::invokeMethod(this, [this] {
        if (m_state == State::Disconnected)
            openConnection();
        else if (m_state == State::Ready && !m_tx)
            startNextMessage();
        else if (m_state == State::FinalReply)
            sendEnvelopeAhead();
    }, Qt::QueuedConnection);
}

void SmtpClient::connectToServer()
{
    m_sessionRequested = true;
    QMetaObject::invokeMethod(this, [this] {
        if (m_state == State::Disconnected)
            openConnection();
        else if (m_state == State::Ready)
            Q_EMIT sessionReady();
    }, Qt::QueuedConnection);
}

void SmtpClient::quit()
{
    m_quitRequested = true;
    if ((m_state == State::Ready || m_state == State::AwaitingCredentials) && !m_tx && m_queue.empty()) {
        m_idleTimer.stop();
        setState(State::Quitting);
        sendCommand("QUIT");
        armTimer(m_settings.timeouts.quit);
    }
}

void SmtpClient::cancel()
{
    if ((m_state == State::Disconnected || m_state == State::Quitting) && !m_tx && !m_nextTx && m_queue.empty())
        return; // nothing to cancel (e.g. called while a failure is being reported)
    const bool inDoubt = m_tx && m_tx->dotWritten;
    failSession({inDoubt ? Error(Error::Code::InDoubt,
                                 QCoreApplication::translate("Smtp", "Sending was cancelled after the message was transmitted; "
                                        "it may have been delivered."))
                         : Error(Error::Code::Cancelled, QCoreApplication::translate("Smtp", "Sending was cancelled.")),
                 {}, {}, {}});
}

// --- connection ----------------------------------------------------------

void SmtpClient::openConnection()
{
    closeSocket();
    m_parser.reset();
    m_caps = {};
    m_tlsDone = false;
    m_transactionsOnConnection = 0;
    m_discardAfterStartTls = false;
    m_certificateProblem = {};
    m_certificateError = Error::Code::None;
    m_acceptedByPin = false;
    m_authMechanism.clear();
    m_quitRequested = false;
    m_pipelineBehindDot = m_settings.pipelineBehindDot;

    auto *socket = new QSslSocket(this);
    m_socket = socket;
    socket->setReadBufferSize(kReadBufferSize);
    socket->setPeerVerifyName(m_settings.host);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::SecureProtocols);
    if (!m_settings.extraCaFile.isEmpty())
        config.addCaCertificates(QSslCertificate::fromPath(m_settings.extraCaFile, QSsl::Pem));
    socket->setSslConfiguration(config);

    connect(socket, &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(socket, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(socket, &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(socket, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);
    connect(socket, &QSslSocket::disconnected, this, &SmtpClient::onDisconnected);
    connect(socket, &QSslSocket::bytesWritten, this, &SmtpClient::onBytesWritten);
    connect(socket, &QSslSocket::encryptedBytesWritten, this, &SmtpClient::onBytesWritten);

    setState(State::Connecting);
    armTimer(m_settings.timeouts.connect);
    if (m_log)
        m_log(QStringLiteral("-- connecting to %1:%2").arg(m_settings.host).arg(m_settings.port));
    if (m_settings.security == SmtpSecurity::ImplicitTls)
        socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    else
        socket->connectToHost(m_settings.host, m_settings.port);
}

void SmtpClient::onConnected()
{
    // Small commands must not wait for delayed ACKs (Nagle); DATA is written
    // in large blocks anyway.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_settings.security == SmtpSecurity::ImplicitTls) {
        setState(State::TlsHandshake);
        return; // the greeting comes after the handshake
    }
    setState(State::Greeting);
    armTimer(m_settings.timeouts.greeting);
}

void SmtpClient::onEncrypted()
{
    // Pins are exceptions for certificates that fail verification (as in
    // Thunderbird): one that passed it needs none, whatever was pinned
    // before — a self-signed server that moved to a public CA is not an
    // interception. The pins are stale; the caller may drop them.
    if (!m_acceptedByPin && !m_settings.pinnedSha256.isEmpty()) {
        if (m_log)
            m_log(QStringLiteral("-- the certificate of %1 is valid; its pinned certificates are no longer needed")
                      .arg(m_settings.host));
        Q_EMIT pinsSuperseded(m_settings.host, m_settings.port);
    }
    m_tlsDone = true;
    ackPromptly(m_socket.data());
    if (m_log)
        m_log(QStringLiteral("-- %1 established").arg(tlsProtocolName()));
    if (m_state == State::TlsHandshake) {
        setState(State::Greeting);
        armTimer(m_settings.timeouts.greeting);
    } else if (m_state == State::StartTlsHandshake) {
        // RFC 3207 §4.2: forget everything learnt before TLS and ask again.
        m_caps = {};
        m_parser.reset();
        sendEhlo();
    }
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate leaf = m_socket->peerCertificate();
    const QByteArray fingerprint = leaf.digest(QCryptographicHash::Sha256).toHex();
    if (m_settings.pinnedSha256.contains(QString::fromLatin1(fingerprint), Qt::CaseInsensitive)) {
        // The user trusted exactly this certificate for this host.
        m_acceptedByPin = true;
        m_socket->ignoreSslErrors(errors);
        return;
    }
    m_certificateProblem = {m_settings.host, m_socket->peerCertificateChain(), fingerprint, errors};
    m_certificateError = m_settings.pinnedSha256.isEmpty() ? Error::Code::CertificateUntrusted
                                                           : Error::Code::CertificateChanged;
    // Not ignored: the handshake fails and onSocketError reports it.
}

void SmtpClient::flushSocket()
{
    // QAbstractSocket::flush() writes at once, and a write error (reset by
    // the peer) is reported from inside it: errorOccurred/disconnected, then
    // abort(). Handled then, the session would end under the feet of the
    // code that called flush(); so such reports wait for the event loop.
    if (!m_socket)
        return;
    m_flushing = true;
    m_socket->flush();
    m_flushing = false;
}

bool SmtpClient::deferredWhileFlushing(void (SmtpClient::*handler)())
{
    if (!m_flushing)
        return false;
    QMetaObject::invokeMethod(this, [this, handler, socket = QPointer<QSslSocket>(m_socket)] {
        if (socket && socket == m_socket)
            (this->*handler)();
    }, Qt::QueuedConnection);
    return true;
}

void SmtpClient::onSocketError()
{
    if (!m_socket || deferredWhileFlushing(&SmtpClient::onSocketError))
        return;
    const auto error = m_socket->error();
    if (m_state == State::Quitting) {
        // Closed or reset instead of 221: done all the same.
        endConnection();
        return;
    }
    if (reconnectAfterServerClosed(error))
        return;
    SmtpResult r;
    if (m_certificateError != Error::Code::None) {
        QStringList reasons;
        for (const QSslError &e : std::as_const(m_certificateProblem.errors))
            reasons << e.errorString();
        r.error = m_certificateError == Error::Code::CertificateChanged
            ? Error(Error::Code::CertificateChanged,
                    QCoreApplication::translate("Smtp", "The certificate of %1 has changed since you trusted it. "
                           "This can mean that someone is intercepting the connection.")
                        .arg(m_settings.host))
            : Error(Error::Code::CertificateUntrusted,
                    //: %1 is a host name, %2 the reasons given by the TLS library
                    QCoreApplication::translate("Smtp", "The certificate of %1 could not be verified: %2")
                        .arg(m_settings.host, reasons.join(QStringLiteral("; "))));
        r.certificate = m_certificateProblem;
    } else if (error == QAbstractSocket::SslHandshakeFailedError
               || error == QAbstractSocket::SslInternalError
               || error == QAbstractSocket::SslInvalidUserDataError) {
        r.error = Error(Error::Code::Tls, QCoreApplication::translate("Smtp", "A secure connection to %1 could not be established: %2")
                                              .arg(m_settings.host, m_socket->errorString()));
    } else if (m_tx && m_tx->dotWritten) {
        r.error = Error(Error::Code::InDoubt,
                        QCoreApplication::translate("Smtp", "The connection was lost after the message was transmitted, before "
                               "the server confirmed it. It may or may not have been delivered."));
    } else {
        //: %1 is a host name, %2 the system's reason
        r.error = Error(Error::Code::Network, QCoreApplication::translate("Smtp", "Could not talk to %1: %2")
                                                  .arg(m_settings.host, m_socket->errorString()));
    }
    failSession(r);
}

bool SmtpClient::reconnectAfterServerClosed(QAbstractSocket::SocketError error)
{
    // A server may close a connection it finds idle (RFC 5321 §4.5.3.2.7
    // gives it five minutes), and a middlebox may drop one silently; a
    // client reusing the connection learns it only from its next command.
    // When nothing of the message in hand was answered yet, nothing was
    // decided about it: it goes again over a new connection. Once only: a
    // new connection is not a reused one, so its own failure is reported.
    if (error != QAbstractSocket::RemoteHostClosedError && error != QAbstractSocket::NetworkError)
        return false;
    if (m_certificateError != Error::Code::None || m_sessionRequested)
        return false;
    bool unanswered = false;
    switch (m_state) {
    case State::Noop: // the message in hand waits for the NOOP
        unanswered = m_tx && m_transactionsOnConnection >= 1;
        break;
    case State::MailTransaction: // its envelope is out, not one reply came
        unanswered = m_tx && m_transactionsOnConnection >= 2 && !m_tx->mailReply.code && !m_tx->dotWritten
            && m_tx->earlier.isEmpty() && !m_nextTx;
        break;
    case State::Rset:
    case State::Ready: // between messages
        unanswered = !m_tx && m_transactionsOnConnection >= 1;
        break;
    default:
        break;
    }
    if (!unanswered)
        return false;
    if (m_tx) {
        m_queue.push_front(std::move(m_tx->message));
        m_tx.reset();
    }
    if (m_log)
        m_log(QStringLiteral("-- the server closed the reused connection; connecting again"));
    if (m_queue.empty()) {
        endConnection(); // nothing waits: the next message opens a new one
        return true;
    }
    closeSocket();
    setState(State::Disconnected);
    openConnection();
    return true;
}

void SmtpClient::onDisconnected()
{
    if (deferredWhileFlushing(&SmtpClient::onDisconnected))
        return;
    if (m_state == State::Quitting || m_state == State::Disconnected) {
        endConnection();
        return;
    }
    if ((m_state == State::Ready || m_state == State::AwaitingCredentials) && !m_tx && m_queue.empty()) {
        // The server closed an idle connection: nothing lost.
        endConnection();
        return;
    }
    onSocketError();
}

void SmtpClient::onTimeout()
{
    if (m_state == State::Quitting || (m_state == State::AwaitingCredentials && !m_tx && m_queue.empty())) {
        // (Still no password: the early connection is let go, nothing lost;
        // the next message opens a new one.)
        endConnection(m_quitAnswered ? Close::Polite : Close::Abort);
        return;
    }
    SmtpResult r;
    if (m_tx && m_tx->dotWritten)
        r.error = Error(Error::Code::InDoubt,
                        QCoreApplication::translate("Smtp", "The server did not confirm the message in time. It may or may not "
                               "have been delivered."));
    else
        //: %1 is a protocol phase such as "Greeting" or "SendingData"
        r.error = Error(Error::Code::Timeout,
                        QCoreApplication::translate("Smtp", "The mail server stopped responding (%1).")
                            .arg(QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(
                                static_cast<int>(m_state)))));
    failSession(r);
}

void SmtpClient::endConnection(Close how)
{
    closeSocket(how);
    setState(State::Disconnected);
    Q_EMIT disconnected();
    // A message handed over while the connection was closing (QUIT after it
    // idled, or the server hanging up) is not stranded: it gets a new one.
    if (!m_queue.empty()) {
        QMetaObject::invokeMethod(this, [this] {
            if (m_state == State::Disconnected && !m_queue.empty())
                openConnection();
        }, Qt::QueuedConnection);
    }
}

void SmtpClient::hangUpAndFinish(const SmtpResult &result)
{
    // Without the final dot the server drops the message. Disconnected
    // first: finishMessage() may open the next message's connection.
    closeSocket();
    setState(State::Disconnected);
    finishMessage(result);
    if (m_state == State::Disconnected)
        Q_EMIT disconnected();
}

void SmtpClient::closeSocket(Close how)
{
    m_timer.stop();
    m_quitAnswered = false;
    m_repliesBeforeQuit = 0;
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (how == Close::Polite && socket->state() == QAbstractSocket::ConnectedState) {
        // TLS close_notify (RFC 8446 §6.1), then FIN once it is written;
        // the socket goes when closed, or after the QUIT time-out at most.
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        if (socket->state() != QAbstractSocket::UnconnectedState) {
            QTimer::singleShot(m_settings.timeouts.quit, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            return;
        }
    } else {
        socket->abort();
    }
    socket->deleteLater();
}

// --- replies -------------------------------------------------------------

void SmtpClient::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (m_state == State::StartTlsHandshake)
        return; // plaintext after our STARTTLS: discarded (RFC 3207 §4.2)
    // Acknowledge what just arrived at once: a server with Nagle on holds
    // its next reply until then, and with pipelining the next reply is
    // often already written (the envelope behind a final dot, §3.1).
    ackPromptly(m_socket.data());
    auto replies = m_parser.feed(data);
    if (!replies) {
        SmtpResult r;
        r.error = replies.error();
        // After the final dot an unreadable answer is still no answer: the
        // message may have been accepted, so it must not be sent again.
        if (m_tx && m_tx->dotWritten)
            r.error = Error(Error::Code::InDoubt,
                            QCoreApplication::translate("Smtp", "The mail server sent an unexpected reply: %1")
                                .arg(replies.error().message()));
        failSession(r);
        return;
    }
    for (const SmtpReply &reply : replies.value()) {
        if (m_log)
            for (const QString &line : reply.lines)
                m_log(QStringLiteral("S: %1 %2").arg(reply.code).arg(line));
        handleReply(reply);
        if (m_discardAfterStartTls) {
            // Anything pipelined behind the 220 to STARTTLS came from before
            // the handshake: an injection attempt. Drop it.
            m_discardAfterStartTls = false;
            break;
        }
        if (!m_socket)
            break;
    }
}

void SmtpClient::sendCommand(const QByteArray &command, const QByteArray &logForm)
{
    if (m_log)
        m_log(QStringLiteral("C: ") + QString::fromUtf8(logForm.isEmpty() ? command : logForm));
    m_socket->write(command + "\r\n");
    // Out now, not on the next event-loop pass (QSslSocket queues a flush).
    flushSocket();
}

Error SmtpClient::replyError(const SmtpReply &reply, const QString &what, bool toRcpt) const
{
    Error::Code code = reply.isTransient() ? Error::Code::Transient : Error::Code::Permanent;
    if (toRcpt && reply.code == 552)
        code = Error::Code::Transient; // like 452 (RFC 5321 §4.5.3.1.10): full, or too many
    else if (reply.code == 552 || reply.enhancedCode == QLatin1String("5.3.4")
             || reply.enhancedCode == QLatin1String("5.2.3"))
        code = Error::Code::TooLarge;
    //: %1 says what was refused ("the sender", "the message", ...), %2 is the server's own words
    const QString text = reply.isTransient()
        ? QCoreApplication::translate("Smtp", "The mail server temporarily refused %1: %2").arg(what, reply.text())
        : QCoreApplication::translate("Smtp", "The mail server refused %1: %2").arg(what, reply.text());
    Error e(code, text);
    e.withServerReply(reply.code, reply.enhancedCode, reply.text());
    return e;
}

void SmtpClient::failWith(Error::Code code, const QString &message, const SmtpReply &reply, Farewell farewell)
{
    SmtpResult r;
    r.error = Error(code, message);
    if (reply.code)
        r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
    r.reply = reply;
    failSession(r, farewell);
}

void SmtpClient::handleReply(const SmtpReply &reply)
{
    m_timer.stop();
    // 421: the server is closing the channel, whatever we were doing (§3.8).
    if (reply.code == 421 && m_state != State::Quitting) {
        SmtpResult r;
        r.reply = reply;
        // A reply, even to the final dot, is an answer: not accepted, not in doubt.
        r.error = Error(Error::Code::Transient,
                        QCoreApplication::translate("Smtp", "The mail server is closing the connection: %1").arg(reply.text()));
        r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
        failSession(r);
        return;
    }
    switch (m_state) {
    case State::Greeting:
        if (reply.code == 220)
            sendEhlo();
        else
            failSession({replyError(reply, QCoreApplication::translate("Smtp", "the connection")), reply, {}, {}},
                        Farewell::Quit); // RFC 5321 §3.1: a 554 greeting waits for QUIT
        break;
    case State::Ehlo:
        if (reply.code == 250) {
            m_caps = SmtpCapabilities::fromEhloReply(reply);
            afterEhlo();
        } else if ((reply.code == 500 || reply.code == 502) && !m_tlsDone
                   && m_settings.security == SmtpSecurity::None) {
            // Pre-ESMTP server (§4.1.4): HELO, no extensions at all.
            setState(State::Helo);
            sendCommand("HELO " + ehloArgument());
            armTimer(m_settings.timeouts.command);
        } else {
            failSession({replyError(reply, QCoreApplication::translate("Smtp", "the greeting (EHLO)")), reply, {}, {}},
                        Farewell::Quit);
        }
        break;
    case State::Helo:
        if (reply.code == 250) {
            m_caps = {};
            afterEhlo();
        } else {
            failSession({replyError(reply, QCoreApplication::translate("Smtp", "the greeting (HELO)")), reply, {}, {}},
                        Farewell::Quit);
        }
        break;
    case State::StartTls:
        if (reply.code == 220) {
            setState(State::StartTlsHandshake);
            m_discardAfterStartTls = true;
            m_parser.reset();
            m_socket->readAll(); // unread plaintext: discarded before TLS starts
            armTimer(m_settings.timeouts.command);
            m_socket->startClientEncryption();
        } else {
            failWith(Error::Code::Tls,
                     QCoreApplication::translate("Smtp", "The mail server refused to start encryption (STARTTLS): %1")
                         .arg(reply.text()),
                     reply);
        }
        break;
    case State::Auth:
        handleAuthReply(reply);
        break;
    case State::Noop:
        if (reply.code == 250) {
            beginTransaction();
        } else {
            // The connection is not healthy: start afresh (nothing sent yet),
            // with the message back at the head of the queue.
            m_queue.push_front(std::move(m_tx->message));
            m_tx.reset();
            closeSocket();
            setState(State::Disconnected);
            openConnection();
        }
        break;
    case State::Rset:
        becomeReady();
        break;
    case State::MailTransaction:
        if (!m_tx->mailReply.code)
            handleMailReply(reply);
        else
            handleRcptReply(reply);
        break;
    case State::DataCommand:
        if (m_tx->retryUnpipelined && reply.code != 354) {
            retryUnpipelined();
        } else if (m_tx->abortAtData) {
            const SmtpResult outcome = *m_tx->abortAtData;
            if (reply.code == 354) {
                // The server waits for a message that must not go: only a
                // connection closed before the final dot abandons it.
                hangUpAndFinish(outcome);
            } else {
                finishMessage(outcome); // RSET, and on with the next one
            }
        } else if (reply.code == 354) {
            setState(State::SendingData);
            armTimer(m_settings.timeouts.dataBlock);
            pumpData();
        } else {
            SmtpResult r{replyError(reply, QCoreApplication::translate("Smtp", "the message")), reply, m_tx->recipients, {}};
            finishMessage(r);
        }
        break;
    case State::FinalReply: {
        if (reply.code == 250 && !m_tx->later.isEmpty()) {
            sendToLaterRecipients();
            break;
        }
        SmtpResult r;
        r.reply = reply;
        r.recipients = m_tx->recipients;
        if (reply.code != 250)
            r.error = replyError(reply, QCoreApplication::translate("Smtp", "the message"));
        finishMessage(r);
        break;
    }
    case State::Quitting:
        if (m_repliesBeforeQuit > 0) { // the answer to what came before QUIT
            --m_repliesBeforeQuit;
            armTimer(m_settings.timeouts.quit);
            break;
        }
        // 221: the server closes now (RFC 5321 §4.1.1.10). Waiting for it,
        // with its close_notify and FIN read, leaves no unread data that our
        // close would answer with a reset; a server that keeps the line open
        // is left politely after a moment.
        m_quitAnswered = true;
        armTimer(std::min(kServerCloseGraceMs, m_settings.timeouts.quit));
        break;
    case State::Ready:
    case State::AwaitingCredentials:
    case State::SendingData:
    case State::Disconnected:
    case State::Connecting:
    case State::TlsHandshake:
    case State::StartTlsHandshake:
        // A reply nobody asked for (or one during DATA): the dialogue is out
        // of step, and nothing that follows can be trusted.
        failWith(m_tx && m_tx->dotWritten ? Error::Code::InDoubt : Error::Code::ProtocolViolation,
                 QCoreApplication::translate("Smtp", "The mail server sent an unexpected reply: %1").arg(reply.toString()), reply,
                 Farewell::Abort);
        break;
    }
}

QByteArray SmtpClient::ehloArgument() const
{
    if (!m_settings.ehloName.isEmpty())
        return m_settings.ehloName.toUtf8();
    // An address literal reveals nothing a server cannot see anyway (§4.1.3).
    const QHostAddress local = m_socket ? m_socket->localAddress() : QHostAddress();
    if (local.protocol() == QAbstractSocket::IPv6Protocol && !local.toIPv4Address())
        return "[IPv6:" + local.toString().toLatin1() + "]";
    if (local.isNull())
        return "[127.0.0.1]";
    return "[" + QHostAddress(local.toIPv4Address()).toString().toLatin1() + "]";
}

void SmtpClient::sendEhlo()
{
    setState(State::Ehlo);
    sendCommand("EHLO " + ehloArgument());
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::afterEhlo()
{
    if (m_settings.security == SmtpSecurity::StartTls && !m_tlsDone) {
        // STARTTLS configured means required: never continue in plaintext.
        if (!m_caps.startTls) {
            failWith(Error::Code::Tls,
                     QCoreApplication::translate("Smtp", "%1 does not offer encryption (STARTTLS), which this account requires. "
                            "Nothing was sent.")
                         .arg(m_settings.host));
            return;
        }
        setState(State::StartTls);
        sendCommand("STARTTLS");
        armTimer(m_settings.timeouts.command);
        return;
    }
    if (m_credentialsPending) {
        // TLS and EHLO are done; the password is still on its way.
        setState(State::AwaitingCredentials);
        armTimer(m_settings.timeouts.command);
        if (m_quitRequested) // the caller gave up meanwhile (no password)
            quit();          // (only once nothing waits to be sent)
        return;
    }
    if (!m_credentials.username.isEmpty()) {
        startAuth();
        return;
    }
    becomeReady();
}

void SmtpClient::startAuth()
{
    const bool tls = m_socket->isEncrypted();
    if (!tls && !m_settings.allowCleartextAuth) {
        failWith(Error::Code::Tls,
                 QCoreApplication::translate("Smtp", "The connection to %1 is not encrypted, so the password was not sent.")
                     .arg(m_settings.host));
        return;
    }
    if (m_caps.authMechanisms.isEmpty()) {
        // The server takes mail without AUTH (e.g. by network): go on.
        becomeReady();
        return;
    }
    QStringList offered = m_caps.authMechanisms;
    if (!m_settings.authMechanisms.isEmpty()) {
        offered.removeIf([this](const QString &m) {
            return !m_settings.authMechanisms.contains(m, Qt::CaseInsensitive);
        });
    }
    const QString mech = SaslMechanism::choose(offered, m_credentials, tls,
                                               m_settings.allowCleartextAuth);
    if (mech.isEmpty()) {
        failWith(Error::Code::AuthenticationFailed,
                 //: %1 is a list such as "GSSAPI, NTLM"
                 QCoreApplication::translate("Smtp", "The mail server offers no sign-in method Outpost can use safely (%1).")
                     .arg(m_caps.authMechanisms.join(QStringLiteral(", "))));
        return;
    }
    m_sasl = SaslMechanism::create(mech, m_credentials, m_saslNonce);
    m_authMechanism = mech;
    setState(State::Auth);
    QByteArray command = "AUTH " + mech.toLatin1();
    if (auto ir = m_sasl->initialResponse())
        command += ' ' + (ir->isEmpty() ? QByteArray("=") : ir->toBase64());
    sendCommand(command, "AUTH " + mech.toLatin1() + " <redacted>");
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::handleAuthReply(const SmtpReply &reply)
{
    if (reply.code == 334) {
        const QByteArray encoded = reply.lines.value(0).trimmed().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        auto response = decoded ? m_sasl->respond(decoded.decoded)
                                : Result<QByteArray>(Error(Error::Code::AuthenticationFailed, {}));
        if (!response) {
            // Cancel the exchange (RFC 4954 §4); the server answers 501.
            sendCommand("*");
            m_repliesBeforeQuit = 1;
            m_sasl.reset();
            failWith(Error::Code::AuthenticationFailed,
                     response.error().message().isEmpty()
                         ? QCoreApplication::translate("Smtp", "The mail server's authentication challenge was not valid.")
                         : response.error().message());
            return;
        }
        sendCommand(response.value().toBase64(), "<redacted>");
        armTimer(m_settings.timeouts.command);
        return;
    }
    if (reply.code == 235) {
        const bool verified = m_sasl && m_sasl->serverVerified();
        m_sasl.reset();
        if (!verified) {
            failWith(Error::Code::AuthenticationFailed,
                     QCoreApplication::translate("Smtp", "The mail server could not prove that it knows the password; "
                            "the connection may have been intercepted."),
                     reply);
            return;
        }
        becomeReady();
        return;
    }
    m_sasl.reset();
    SmtpResult r;
    r.reply = reply;
    r.error = reply.isTransient()
        ? Error(Error::Code::Transient, QCoreApplication::translate("Smtp", "Signing in is temporarily not possible: %1").arg(reply.text()))
        : Error(Error::Code::AuthenticationFailed,
                //: %1 is the server's own words
                QCoreApplication::translate("Smtp", "The mail server did not accept the user name or password: %1").arg(reply.text()));
    r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
    failSession(r, Farewell::Quit); // RFC 5321 §4.1.1.10, also after a refusal
}

void SmtpClient::becomeReady()
{
    setState(State::Ready);
    m_idleClock.start();
    if (m_sessionRequested) {
        m_sessionRequested = false;
        Q_EMIT sessionReady();
    }
    startNextMessage();
}

// --- messages --------------------------------------------------------------

void SmtpClient::startNextMessage()
{
    if (m_state != State::Ready || m_tx)
        return;
    if (m_queue.empty()) {
        if (m_quitRequested)
            quit();
        else
            m_idleTimer.start(m_settings.timeouts.idleQuit);
        return;
    }
    m_idleTimer.stop();
    m_tx = std::make_unique<Transaction>();
    m_tx->message = std::move(m_queue.front());
    m_queue.pop_front();

    // A reused connection that sat idle may have been dropped by a middlebox.
    if (m_transactionsOnConnection > 0 && m_idleClock.isValid()
        && m_idleClock.elapsed() >= m_settings.timeouts.noopAfterIdle) {
        setState(State::Noop);
        sendCommand("NOOP");
        armTimer(m_settings.timeouts.command);
        return;
    }
    beginTransaction();
}

QByteArray SmtpClient::mailFromCommand(const Transaction &tx) const
{
    const SmtpMessage &message = tx.message;
    const Envelope &env = message.envelope;
    QByteArray cmd = "MAIL FROM:<" + env.mailFrom.toUtf8() + ">";
    if (m_caps.sizeAnnounced)
        cmd += " SIZE=" + QByteArray::number(tx.total);
    if (env.needs8BitMime && m_caps.eightBitMime)
        cmd += " BODY=8BITMIME";
    // RFC 6531 §3.4: any envelope address in UTF-8 needs the parameter (a
    // domain is sent as A-labels by the caller whenever it can be).
    if (env.needsSmtpUtf8 || !isAscii(env))
        cmd += " SMTPUTF8";
    if (message.dsn && m_caps.dsn) {
        cmd += message.dsn->returnFullMessage ? " RET=FULL" : " RET=HDRS";
        if (!message.dsn->envelopeId.isEmpty())
            cmd += " ENVID=" + xtext(message.dsn->envelopeId);
    }
    return cmd;
}

QByteArray SmtpClient::rcptCommand(const SmtpMessage &message, const QString &address) const
{
    QByteArray cmd = "RCPT TO:<" + address.toUtf8() + ">";
    if (message.dsn && m_caps.dsn && !message.dsn->notify.isEmpty())
        cmd += " NOTIFY=" + message.dsn->notify.join(u',').toUpper().toLatin1();
    return cmd;
}

std::optional<SmtpResult> SmtpClient::prepareTransaction(Transaction &tx) const
{
    const SmtpMessage &msg = tx.message;
    const Envelope &env = msg.envelope;

    // Envelope addresses end up in commands: no CR/LF/NUL, no angle
    // brackets (SMTP command injection), and at least one recipient.
    bool clean = !env.mailFrom.contains(u'>') && !hasLineBreakOrNul(env.mailFrom)
        && !env.recipients.isEmpty();
    for (const QString &rcpt : env.recipients)
        clean = clean && !rcpt.isEmpty() && !rcpt.contains(u'>') && !rcpt.contains(u'<')
            && !hasLineBreakOrNul(rcpt);
    if (!clean)
        return SmtpResult{Error(Error::Code::InvalidInput,
                                QCoreApplication::translate("Smtp", "The message's sender or recipient addresses are not valid.")),
                          {}, {}, {}};
    if ((env.needsSmtpUtf8 || !isAscii(env)) && !m_caps.smtpUtf8)
        return SmtpResult{Error(Error::Code::SmtpUtf8Unsupported,
                                QCoreApplication::translate("Smtp", "The message has an address with non-ASCII characters before the "
                                       "@, and %1 does not support such addresses (SMTPUTF8).")
                                    .arg(m_settings.host)),
                          {}, {}, {}};
    if (env.needs8BitMime && !m_caps.eightBitMime)
        return SmtpResult{Error(Error::Code::Permanent,
                                QCoreApplication::translate("Smtp", "The message contains 8-bit data, which %1 does not accept "
                                       "(8BITMIME).")
                                    .arg(m_settings.host)),
                          {}, {}, {}};
    tx.file.setFileName(msg.path);
    if (!tx.file.open(QIODevice::ReadOnly))
        return SmtpResult{Error(Error::Code::FileUnreadable,
                                QCoreApplication::translate("Smtp", "The queued message file cannot be read: %1")
                                    .arg(tx.file.errorString())),
                          {}, {}, {}};
    tx.total = tx.file.size();
    // Refuse early what the server announced it will not take (RFC 1870).
    if (m_caps.maxSize > 0 && tx.total > m_caps.maxSize) {
        Error e(Error::Code::TooLarge,
                //: %1 and %2 are sizes such as "12.5 MB"
                QCoreApplication::translate("Smtp", "The message is %1, larger than the %2 the mail server accepts.")
                    .arg(QLocale().formattedDataSize(tx.total),
                         QLocale().formattedDataSize(m_caps.maxSize)));
        return SmtpResult{e, {}, {}, {}};
    }
    for (const QString &rcpt : env.recipients)
        tx.recipients.append({rcpt, {}});
    return std::nullopt;
}

void SmtpClient::writePipelinedEnvelope(Transaction &tx, bool flush)
{
    // RFC 2920: MAIL, every RCPT and DATA in one flight (DATA last in a
    // group, §3.1). If the recipients turn out unacceptable the server
    // refuses DATA; if it still answers 354 (some refused, and the caller
    // wants all or nothing), the connection is dropped without the final
    // dot, which abandons the message (recipientsDone()).
    const SmtpMessage &msg = tx.message;
    QByteArray batch = mailFromCommand(tx) + "\r\n";
    if (m_log)
        m_log(QStringLiteral("C: ") + QString::fromUtf8(mailFromCommand(tx)));
    for (const QString &rcpt : msg.envelope.recipients) {
        batch += rcptCommand(msg, rcpt) + "\r\n";
        if (m_log)
            m_log(QStringLiteral("C: ") + QString::fromUtf8(rcptCommand(msg, rcpt)));
    }
    batch += "DATA\r\n";
    if (m_log)
        m_log(QStringLiteral("C: DATA"));
    tx.dataPipelined = true;
    tx.pendingReplies = 1 + static_cast<int>(msg.envelope.recipients.size());
    m_socket->write(batch);
    if (flush)
        flushSocket(); // now, not on the next event-loop pass
}

void SmtpClient::beginTransaction()
{
    ++m_transactionsOnConnection;
    if (auto failure = prepareTransaction(*m_tx)) {
        finishMessage(*failure);
        return;
    }
    setState(State::MailTransaction);
    if (m_caps.pipelining) {
        writePipelinedEnvelope(*m_tx);
    } else {
        m_tx->pendingReplies = 1;
        sendCommand(mailFromCommand(*m_tx));
    }
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::sendEnvelopeAhead()
{
    if (!writeEnvelopeAhead())
        return;
    flushSocket();
    recordEnvelopeAhead();
}

bool SmtpClient::writeEnvelopeAhead()
{
    // RFC 2920 §3.1: the end of the message data may be followed by the
    // next MAIL in the same group. The server answers the dot first, then
    // this envelope, so it never waits for us between two messages.
    // Written, not flushed: behind a final dot it leaves in the same write.
    if (!m_caps.pipelining || !m_pipelineBehindDot || m_state != State::FinalReply || m_nextTx
        || m_queue.empty() || !m_socket || m_quitRequested || (m_tx && !m_tx->later.isEmpty()))
        return false;
    auto tx = std::make_unique<Transaction>();
    tx->message = m_queue.front();
    if (prepareTransaction(*tx))
        return false; // reported in order, once it is this message's turn
    m_queue.pop_front();
    ++m_transactionsOnConnection;
    m_nextTx = std::move(tx); // owned before anything can fail the session
    m_nextTx->behindDot = true;
    writePipelinedEnvelope(*m_nextTx, false);
    return true;
}

void SmtpClient::recordEnvelopeAhead()
{
    // A message that leaves in one write after its 354: run the hook now,
    // once its envelope is on its way and while the server works on the
    // previous dot and this envelope, so that the body follows the 354 at
    // once. Earlier than needed is safe (the outbox then counts the message
    // as possibly sent a little sooner); later never happens.
    if (m_nextTx && m_nextTx->message.beforeFinalDot && m_nextTx->total <= kChunkSize)
        m_nextTx->beforeDotResult = m_nextTx->message.beforeFinalDot();
}

void SmtpClient::handleMailReply(const SmtpReply &reply)
{
    m_tx->mailReply = reply;
    m_tx->mailAccepted = reply.code == 250;
    --m_tx->pendingReplies;
    if (m_tx->behindDot && reply.code == 503) {
        // "Bad sequence of commands" to a MAIL behind the final dot: the
        // server does not take RFC 2920 §3.1 grouping there (Haraka refuses
        // it on purpose). A disagreement about the protocol, not a refusal
        // of this message: it is sent again at once, unpipelined, and no
        // envelope follows a final dot again on this connection.
        m_tx->retryUnpipelined = true;
        m_pipelineBehindDot = false;
        if (m_log)
            m_log(QStringLiteral("-- no more pipelining behind the final dot on this connection"));
    }
    if (!m_caps.pipelining) {
        if (!m_tx->mailAccepted) {
            finishMessage({replyError(reply, QCoreApplication::translate("Smtp", "the sender address")), reply, {}, {}});
            return;
        }
        sendNextRecipient();
        return;
    }
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::sendNextRecipient()
{
    const QString rcpt = m_tx->recipients.at(m_tx->nextRecipient).address;
    ++m_tx->nextRecipient;
    m_tx->pendingReplies = 1;
    sendCommand(rcptCommand(m_tx->message, rcpt));
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::handleRcptReply(const SmtpReply &reply)
{
    // Replies come in command order (RFC 2920 §3.1): find the first
    // recipient that has none yet.
    for (RecipientResult &r : m_tx->recipients) {
        if (r.reply.code == 0) {
            r.reply = reply;
            break;
        }
    }
    --m_tx->pendingReplies;
    if (!m_caps.pipelining && m_tx->nextRecipient < m_tx->recipients.size()) {
        sendNextRecipient();
        return;
    }
    if (m_tx->pendingReplies > 0) {
        armTimer(m_settings.timeouts.command);
        return;
    }
    recipientsDone();
}

void SmtpClient::recipientsDone()
{
    // With DATA pipelined its reply is still to come: the outcome waits for it.
    const auto conclude = [this](const SmtpResult &result) {
        if (!m_tx->dataPipelined) {
            finishMessage(result);
            return;
        }
        m_tx->abortAtData = result;
        setState(State::DataCommand);
        armTimer(m_settings.timeouts.dataInit);
    };
    if (!m_tx->mailAccepted) {
        conclude({replyError(m_tx->mailReply, QCoreApplication::translate("Smtp", "the sender address")), m_tx->mailReply,
                  m_tx->recipients, {}});
        return;
    }
    const qsizetype accepted = std::count_if(m_tx->recipients.cbegin(), m_tx->recipients.cend(),
                                             [](const RecipientResult &r) { return r.accepted(); });
    // With some accepted, the overflow waits for a further transaction of
    // the same message; with none, it is a refusal like any other.
    m_tx->later.clear();
    const RecipientResult *firstRefused = nullptr;
    bool anyTransient = false;
    for (const RecipientResult &r : std::as_const(m_tx->recipients)) {
        if (r.accepted())
            continue;
        if (accepted > 0 && isRecipientOverflow(r.reply)) {
            m_tx->later << r.address;
            continue;
        }
        if (!firstRefused)
            firstRefused = &r;
        anyTransient = anyTransient || r.reply.isTransient() || isRecipientOverflow(r.reply);
    }
    if (firstRefused && (accepted == 0 || !m_tx->message.sendToAcceptedRecipients)) {
        m_tx->later.clear();
        SmtpReply reply = firstRefused->reply;
        Error e = replyError(reply,
                             accepted == 0 ? QCoreApplication::translate("Smtp", "all recipients")
                                           : QCoreApplication::translate("Smtp", "the recipient %1").arg(firstRefused->address),
                             true);
        if (anyTransient && e.code() == Error::Code::Permanent && accepted == 0)
            e = Error(Error::Code::Transient, e.message()).withServerReply(reply.code, reply.enhancedCode, reply.text());
        conclude({e, reply, m_tx->recipients, {}});
        return;
    }
    setState(State::DataCommand);
    if (!m_tx->dataPipelined)
        sendCommand("DATA");
    armTimer(m_settings.timeouts.dataInit);
}

void SmtpClient::onBytesWritten()
{
    QSslSocket *socket = m_socket.data();
    if (m_state != State::SendingData || !m_tx || !socket)
        return;
    armTimer(m_settings.timeouts.dataBlock); // progress: the data timer restarts
    const qint64 pending = socket->bytesToWrite() + socket->encryptedBytesToWrite();
    const qint64 onWire = std::max<qint64>(0, m_tx->queuedWire - pending);
    Q_EMIT progress(std::min(onWire, m_tx->total), m_tx->total);
    pumpData();
}

void SmtpClient::pumpData()
{
    Transaction &tx = *m_tx;
    QSslSocket *socket = m_socket.data();
    if (!socket)
        return;
    while (!tx.eof && socket->bytesToWrite() + socket->encryptedBytesToWrite() < kWriteAhead) {
        const QByteArray chunk = tx.file.read(kChunkSize);
        if (chunk.isEmpty()) {
            if (tx.file.error() != QFileDevice::NoError) {
                hangUpAndFinish({Error(Error::Code::FileUnreadable,
                                       QCoreApplication::translate("Smtp", "The queued message file could not be read: %1")
                                           .arg(tx.file.errorString())),
                                 {}, tx.recipients, {}});
                return;
            }
            tx.eof = true;
            break;
        }
        tx.hash.addData(chunk);
        tx.fileBytes += chunk.size();
        // Normalise line endings to CRLF and dot-stuff (RFC 5321 §4.5.2), so
        // no bare CR or LF — and no "\n.\n" smuggling — ever reaches the wire.
        // Runs between line ends are copied whole (memchr), not byte by byte.
        QByteArray out;
        out.reserve(chunk.size() + chunk.size() / 32 + 8);
        const char *p = chunk.constData();
        const char *const end = p + chunk.size();
        // Next CR and LF at or after p, found once each (linear for any mix).
        const char *nextCr = nullptr;
        const char *nextLf = nullptr;
        const auto find = [end](const char *from, char c) {
            const void *hit = std::memchr(from, c, static_cast<size_t>(end - from));
            return hit ? static_cast<const char *>(hit) : end;
        };
        while (p < end) {
            if (tx.pendingCr) {
                tx.pendingCr = false;
                out += "\r\n";
                tx.atLineStart = true;
                if (*p == '\n')
                    ++p;
                continue;
            }
            if (tx.atLineStart && *p == '.')
                out += '.';
            if (!nextCr || nextCr < p)
                nextCr = find(p, '\r');
            if (!nextLf || nextLf < p)
                nextLf = find(p, '\n');
            const char *stop = std::min(nextCr, nextLf);
            if (stop > p) {
                out.append(p, stop - p);
                tx.atLineStart = false;
            }
            p = stop;
            if (p == end)
                break;
            if (*p == '\n') {
                out += "\r\n";
                tx.atLineStart = true;
            } else {
                tx.pendingCr = true;
            }
            ++p;
        }
        tx.queuedWire += out.size();
        socket->write(out);
    }
    if (!tx.eof || tx.dotWritten)
        return;
    QByteArray tail;
    if (tx.pendingCr || !tx.atLineStart)
        tail += "\r\n";
    tx.pendingCr = false;
    tx.atLineStart = true;
    // The file must still be what was queued: a changed byte would be sent
    // as if it were the person's message. Checked before the dot, never after.
    const bool sizeWrong = tx.message.expectedSize >= 0 && tx.fileBytes != tx.message.expectedSize;
    const bool hashWrong = !tx.message.expectedSha256Hex.isEmpty()
        && tx.hash.hexResult() != tx.message.expectedSha256Hex.toLower();
    if (sizeWrong || hashWrong) {
        hangUpAndFinish({Error(Error::Code::Corrupt,
                               QCoreApplication::translate("Smtp", "The queued message changed on disk after it was queued; "
                                                                   "it was not sent.")),
                         {}, tx.recipients, {}});
        return;
    }
    // The outbox records "dot_sent" durably before the dot can be written:
    // from here on, a lost reply means "in doubt", never "send again".
    const bool recorded = tx.beforeDotResult.has_value()
        ? *tx.beforeDotResult
        : (!tx.message.beforeFinalDot || tx.message.beforeFinalDot());
    if (!recorded) {
        hangUpAndFinish({Error(Error::Code::WriteFailed,
                               QCoreApplication::translate("Smtp", "Sending was stopped because its progress could not be "
                                                                   "recorded on disk.")),
                         {}, tx.recipients, {}});
        return;
    }
    tx.dotWritten = true;
    tail += ".\r\n";
    if (m_log)
        m_log(QStringLiteral("C: <%1 octets of message data> .").arg(tx.queuedWire));
    socket->write(tail);
    tx.queuedWire += tail.size();
    setState(State::FinalReply);
    armTimer(m_settings.timeouts.finalReply);
    // The dot and the next envelope leave in one write (one TLS record, one
    // segment): the server finds the envelope behind the dot and answers
    // both at once, instead of flushing its 250 alone and waking up again
    // for the envelope. The next message's hook runs after, off this path.
    const bool ahead = writeEnvelopeAhead();
    flushSocket();
    if (ahead)
        recordEnvelopeAhead();
    Q_EMIT finalDotWritten();
}

void SmtpClient::finishMessage(const SmtpResult &outcome)
{
    const SmtpResult result = withEarlierTransactions(outcome);
    m_timer.stop();
    const bool transactionOpen = m_tx && m_tx->mailReply.code == 250 && !m_tx->dotWritten
        && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    const bool completed = m_tx && m_tx->dotWritten;
    m_tx.reset();
    if (result.ok() && completed)
        Q_EMIT progress(1, 1);
    Q_EMIT finished(result);
    if (m_nextTx && m_socket && m_state == State::FinalReply) {
        // Its envelope is already on the wire; its replies come next.
        m_tx = std::move(m_nextTx);
        setState(State::MailTransaction);
        armTimer(m_settings.timeouts.command);
        return;
    }
    if (!m_socket) {
        setState(State::Disconnected);
        if (!m_queue.empty())
            openConnection();
        return;
    }
    if (transactionOpen || (m_state != State::FinalReply && m_state != State::Ready)) {
        // Leave the half-open transaction cleanly before the next one (§4.1.1.5).
        setState(State::Rset);
        sendCommand("RSET");
        armTimer(m_settings.timeouts.command);
        return;
    }
    becomeReady();
}

void SmtpClient::sendToLaterRecipients()
{
    // The accepted recipients have the message; the same message goes to
    // those refused as too many in a further transaction (§4.5.3.1.10).
    auto next = std::make_unique<Transaction>();
    next->message = m_tx->message;
    next->message.envelope.recipients = m_tx->later;
    next->earlier = m_tx->earlier;
    for (const RecipientResult &r : std::as_const(m_tx->recipients)) {
        if (!m_tx->later.contains(r.address))
            next->earlier.append(r);
    }
    if (m_log)
        m_log(QStringLiteral("-- %1 more recipient(s) in a further transaction").arg(m_tx->later.size()));
    m_timer.stop();
    m_tx = std::move(next);
    beginTransaction();
}

SmtpResult SmtpClient::withEarlierTransactions(SmtpResult result) const
{
    // Once one transaction of a message was accepted, the message must not
    // be sent again as a whole: a failure now leaves it for the person,
    // with every recipient's outcome.
    if (!m_tx || m_tx->earlier.isEmpty())
        return result;
    result.recipients = m_tx->earlier + result.recipients;
    if (!result.ok()) {
        // (A plain int: lupdate does not read a cast among translate()'s arguments.)
        const int delivered = static_cast<int>(std::count_if(m_tx->earlier.cbegin(), m_tx->earlier.cend(),
                                                             [](const RecipientResult &r) { return r.accepted(); }));
        const Error cause = result.error;
        result.error = Error(Error::Code::InDoubt,
                             //: %n is how many recipients already have the message, %1 why the others do not
                             QCoreApplication::translate("Smtp", "The message was delivered to %n recipient(s), but "
                                                                 "not to the others: %1",
                                                         nullptr, delivered)
                                 .arg(cause.message()));
        result.error.withServerReply(cause.replyCode(), cause.enhancedCode(), cause.serverText());
        result.scope = SmtpScope::Message;
    }
    return result;
}

void SmtpClient::retryUnpipelined()
{
    // Every pipelined command is answered: the message goes back to the
    // head of the queue, unreported, and RSET clears whatever the server
    // thinks is left (§4.1.1.5) before it is sent again.
    m_timer.stop();
    m_queue.push_front(std::move(m_tx->message));
    m_tx.reset();
    setState(State::Rset);
    sendCommand("RSET");
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::failSession(const SmtpResult &result, Farewell farewell)
{
    // After a refusal the dialogue is still in step: QUIT, wait for the 221
    // (bounded), then close, TLS with close_notify (RFC 5321 §4.1.1.10).
    // After a loss, a timeout or a reply out of step: just close.
    const bool polite = farewell == Farewell::Quit && m_socket
        && m_socket->state() == QAbstractSocket::ConnectedState;
    m_sasl.reset();
    const bool session = m_sessionRequested;
    m_sessionRequested = false;
    if (polite) {
        m_timer.stop();
        setState(State::Quitting);
        sendCommand("QUIT");
        armTimer(m_settings.timeouts.quit);
    } else {
        closeSocket();
        setState(State::Disconnected);
    }
    // The message in flight and every queued one share the session's fate;
    // only the one whose dot was written can be in doubt, which concerns
    // that message alone.
    std::deque<SmtpMessage> queued;
    queued.swap(m_queue);
    std::unique_ptr<Transaction> next = std::move(m_nextTx);
    if (m_tx) {
        SmtpResult r = result;
        r.recipients = m_tx->recipients;
        r.scope = r.error.code() == Error::Code::InDoubt ? SmtpScope::Message : SmtpScope::Session;
        r = withEarlierTransactions(r);
        m_tx.reset();
        Q_EMIT finished(r);
    }
    SmtpResult forQueued = result;
    forQueued.scope = SmtpScope::Session;
    if (forQueued.error.code() == Error::Code::InDoubt)
        forQueued.error = Error(Error::Code::Network, result.error.message());
    if (next) // its envelope went out, its final dot never did
        Q_EMIT finished(forQueued);
    for (size_t i = 0; i < queued.size(); ++i)
        Q_EMIT finished(forQueued);
    if (session) {
        SmtpResult r = result;
        r.scope = SmtpScope::Session;
        Q_EMIT sessionFailed(r);
    }
    if (!polite)
        Q_EMIT disconnected(); // (otherwise once the QUIT is answered)
}

} // namespace Core
