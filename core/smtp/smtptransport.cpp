// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/smtptransport.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace Core {

namespace {

constexpr qint64 kReadBufferSize = 64 * 1024; // bound what Qt buffers for us
constexpr int kQuickAckTicks = 200;            // 1 ms each, see startQuickAcks()

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

SmtpTransport::SmtpTransport(const SmtpServerSettings &settings, Log log, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_log(std::move(log))
{
    m_quickAckTimer.setInterval(1);
    m_quickAckTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_quickAckTimer, &QTimer::timeout, this, [this] {
        // Bounded: a handshake or greeting that stalls is the timeouts' job.
        if (++m_quickAckTicks > kQuickAckTicks)
            m_quickAckTimer.stop();
        else
            ackPromptly(m_socket.data());
    });
}

SmtpTransport::~SmtpTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SmtpTransport::open()
{
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

    connect(socket, &QSslSocket::connected, this, &SmtpTransport::onConnected);
    connect(socket, &QSslSocket::encrypted, this, &SmtpTransport::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &SmtpTransport::onReadyRead);
    connect(socket, &QSslSocket::errorOccurred, this, &SmtpTransport::onSocketError);
    connect(socket, &QSslSocket::sslErrors, this, &SmtpTransport::onSslErrors);
    connect(socket, &QSslSocket::disconnected, this, &SmtpTransport::onDisconnected);
    connect(socket, &QSslSocket::bytesWritten, this, &SmtpTransport::bytesWritten);
    connect(socket, &QSslSocket::encryptedBytesWritten, this, &SmtpTransport::bytesWritten);

    m_state = State::Connecting;
    if (m_log)
        m_log(QStringLiteral("-- connecting to %1:%2").arg(m_settings.host).arg(m_settings.port));
    if (m_settings.security == SmtpSecurity::ImplicitTls)
        socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    else
        socket->connectToHost(m_settings.host, m_settings.port);
}

void SmtpTransport::startQuickAcks()
{
    // Keep the kernel acknowledging at once from the TLS handshake until the
    // first reply over TLS (see ackPromptly()); Qt gives no hook between its
    // handshake writes, so a short timer renews the request for the few
    // milliseconds this takes.
    ackPromptly(m_socket.data());
    m_quickAckUntilReply = true;
    m_quickAckTicks = 0;
    m_quickAckTimer.start();
}

void SmtpTransport::onConnected()
{
    // Small commands must not wait for delayed ACKs (Nagle); message data
    // is written in large blocks anyway.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_settings.security == SmtpSecurity::ImplicitTls) {
        m_state = State::TlsHandshake;
        startQuickAcks();
    } else {
        m_state = State::Open;
    }
    Q_EMIT connected();
}

void SmtpTransport::startTls()
{
    m_state = State::TlsHandshake;
    m_discardRest = true;
    m_parser.reset();
    m_socket->readAll(); // unread plaintext: discarded before TLS starts
    startQuickAcks();
    m_socket->startClientEncryption();
}

void SmtpTransport::onEncrypted()
{
    // Pins are exceptions for certificates that fail verification (as in
    // Thunderbird): one that passed it needs none, whatever was pinned
    // before — a self-signed server that moved to a public CA is not an
    // interception. The pins are stale; the caller may drop them.
    if (!m_acceptedByPin && !m_settings.pinnedSha256.isEmpty()) {
        if (m_log)
            m_log(QStringLiteral("-- the certificate of %1 is valid; its pinned certificates are no longer needed")
                      .arg(m_settings.host));
        Q_EMIT pinsSuperseded();
    }
    ackPromptly(m_socket.data());
    m_state = State::Open;
    m_parser.reset(); // RFC 3207 §4.2: nothing from before TLS is kept
    if (m_log)
        m_log(QStringLiteral("-- %1 established").arg(tlsProtocolName()));
    Q_EMIT encrypted();
}

void SmtpTransport::onSslErrors(const QList<QSslError> &errors)
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
    // Not ignored: the handshake fails and onSocketError() reports it.
}

void SmtpTransport::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (m_state == State::TlsHandshake)
        return; // plaintext after our STARTTLS: discarded (RFC 3207 §4.2)
    // Acknowledge what just arrived at once: a server with Nagle on holds
    // its next reply until then, and with pipelining the next reply is
    // often already written (the envelope behind a final dot, RFC 2920 §3.1).
    ackPromptly(m_socket.data());
    auto replies = m_parser.feed(data);
    if (!replies) {
        Q_EMIT malformedReply(replies.error());
        return;
    }
    m_discardRest = false;
    for (const SmtpReply &reply : replies.value()) {
        if (m_log)
            for (const QString &line : reply.lines)
                m_log(QStringLiteral("S: %1 %2").arg(reply.code).arg(line));
        if (m_quickAckUntilReply) { // the first reply over TLS is in
            m_quickAckUntilReply = false;
            m_quickAckTimer.stop();
        }
        const QPointer<QSslSocket> socket = m_socket;
        Q_EMIT replyReceived(reply);
        // Anything pipelined behind the 220 to STARTTLS came from before the
        // handshake: an injection attempt. Dropped, as is all after a close.
        if (m_discardRest || !socket || socket != m_socket || m_state == State::Closed)
            break;
    }
}

void SmtpTransport::write(const QByteArray &bytes)
{
    if (QSslSocket *socket = m_socket.data())
        socket->write(bytes);
}

void SmtpTransport::sendCommand(const QByteArray &command, const QByteArray &logForm)
{
    if (m_log)
        m_log(QStringLiteral("C: ") + QString::fromUtf8(logForm.isEmpty() ? command : logForm));
    write(command + "\r\n");
    // Out now, not on the next event-loop pass (QSslSocket queues a flush).
    flush();
}

void SmtpTransport::flush()
{
    // QAbstractSocket::flush() writes at once, and a write error (reset by
    // the peer) is reported from inside it: errorOccurred/disconnected, then
    // abort(). Handled then, the session would end under the feet of the
    // code that called flush(); so such reports wait for the event loop.
    QSslSocket *socket = m_socket.data();
    if (!socket)
        return;
    m_flushing = true;
    socket->flush();
    m_flushing = false;
}

bool SmtpTransport::deferredWhileFlushing(void (SmtpTransport::*handler)())
{
    if (!m_flushing)
        return false;
    QMetaObject::invokeMethod(this, [this, handler, socket = QPointer<QSslSocket>(m_socket)] {
        if (socket && socket == m_socket)
            (this->*handler)();
    }, Qt::QueuedConnection);
    return true;
}

void SmtpTransport::onSocketError()
{
    const QSslSocket *socket = m_socket.data();
    if (!socket || deferredWhileFlushing(&SmtpTransport::onSocketError))
        return;
    Q_EMIT failed(socket->error());
}

void SmtpTransport::onDisconnected()
{
    if (!m_socket || deferredWhileFlushing(&SmtpTransport::onDisconnected))
        return;
    Q_EMIT closedByPeer();
}

void SmtpTransport::close(Close how)
{
    m_state = State::Closed;
    m_quickAckTimer.stop();
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    // A polite close outlives this transport (the next connection may be
    // opened meanwhile): the socket belongs to the transport's owner now.
    socket->setParent(parent());
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

bool SmtpTransport::isConnected() const
{
    const QSslSocket *socket = m_socket.data();
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

bool SmtpTransport::isEncrypted() const
{
    const QSslSocket *socket = m_socket.data();
    return socket && socket->isEncrypted();
}

QString SmtpTransport::tlsProtocolName() const
{
    const QSslSocket *socket = m_socket.data();
    if (!socket || !socket->isEncrypted())
        return {};
    switch (socket->sessionProtocol()) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return QStringLiteral("TLS");
    }
}

QList<QSslCertificate> SmtpTransport::peerCertificateChain() const
{
    const QSslSocket *socket = m_socket.data();
    return socket ? socket->peerCertificateChain() : QList<QSslCertificate>();
}

QHostAddress SmtpTransport::localAddress() const
{
    const QSslSocket *socket = m_socket.data();
    return socket ? socket->localAddress() : QHostAddress();
}

qint64 SmtpTransport::bytesPending() const
{
    const QSslSocket *socket = m_socket.data();
    return socket ? socket->bytesToWrite() + socket->encryptedBytesToWrite() : 0;
}

QAbstractSocket::SocketError SmtpTransport::socketError() const
{
    const QSslSocket *socket = m_socket.data();
    return socket ? socket->error() : QAbstractSocket::UnknownSocketError;
}

QString SmtpTransport::errorString() const
{
    const QSslSocket *socket = m_socket.data();
    return socket ? socket->errorString() : QString();
}

} // namespace Core
