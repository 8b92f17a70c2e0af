// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/imap/imapconnection.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace Core {

namespace {
constexpr qint64 kReadBufferSize = 64 * 1024; // bound what Qt buffers for us
}

ImapConnection::ImapConnection(const ImapServerSettings &settings, Log log, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_log(std::move(log))
{
}

ImapConnection::~ImapConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ImapConnection::open()
{
    auto *socket = new QSslSocket(this);
    m_socket = socket;
    socket->setReadBufferSize(kReadBufferSize);
    socket->setPeerVerifyName(m_settings.host);
    // The same verification as SMTP: the system's CAs, the account's extra
    // CA file, the host name; pins only excuse a failure (onSslErrors()).
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::SecureProtocols);
    if (!m_settings.extraCaFile.isEmpty())
        config.addCaCertificates(QSslCertificate::fromPath(m_settings.extraCaFile, QSsl::Pem));
    socket->setSslConfiguration(config);

    connect(socket, &QSslSocket::connected, this, &ImapConnection::onConnected);
    connect(socket, &QSslSocket::encrypted, this, &ImapConnection::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &ImapConnection::onReadyRead);
    connect(socket, &QSslSocket::sslErrors, this, &ImapConnection::onSslErrors);
    connect(socket, &QSslSocket::errorOccurred, this, &ImapConnection::failed);
    connect(socket, &QSslSocket::disconnected, this, &ImapConnection::failed);
    connect(socket, &QSslSocket::bytesWritten, this, &ImapConnection::bytesWritten);
    connect(socket, &QSslSocket::encryptedBytesWritten, this, &ImapConnection::bytesWritten);

    m_state = State::Connecting;
    if (m_log)
        m_log(QStringLiteral("-- connecting to %1:%2").arg(m_settings.host).arg(m_settings.port));
    if (m_settings.security == ImapSecurity::ImplicitTls)
        socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    else
        socket->connectToHost(m_settings.host, m_settings.port);
}

void ImapConnection::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_settings.security == ImapSecurity::ImplicitTls) {
        m_state = State::TlsHandshake;
        return; // ready() once encrypted
    }
    m_state = State::Open;
    Q_EMIT ready();
}

void ImapConnection::startTls()
{
    m_state = State::TlsHandshake;
    m_parser.reset();
    m_socket->readAll(); // plaintext after the OK: an injection attempt, dropped
    m_socket->startClientEncryption();
}

void ImapConnection::onEncrypted()
{
    const bool implicit = m_settings.security == ImapSecurity::ImplicitTls;
    m_state = State::Open;
    m_parser.reset();
    if (m_log)
        m_log(QStringLiteral("-- TLS established"));
    if (implicit)
        Q_EMIT ready();
    else
        Q_EMIT encrypted();
}

void ImapConnection::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate leaf = m_socket->peerCertificate();
    const QByteArray fingerprint = leaf.digest(QCryptographicHash::Sha256).toHex();
    if (m_settings.pinnedSha256.contains(QString::fromLatin1(fingerprint), Qt::CaseInsensitive)) {
        m_socket->ignoreSslErrors(errors); // the person trusted exactly this one
        return;
    }
    m_certificateProblem = {m_settings.host, m_socket->peerCertificateChain(), fingerprint, errors};
    m_certificateError = m_settings.pinnedSha256.isEmpty() ? Error::Code::CertificateUntrusted
                                                           : Error::Code::CertificateChanged;
}

void ImapConnection::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (m_state == State::TlsHandshake)
        return;
    const auto responses = m_parser.feed(data);
    if (!responses) {
        Q_EMIT malformed(m_parser.failure());
        return;
    }
    const QPointer<QSslSocket> socket = m_socket;
    for (const ImapResponse &response : *responses) {
        if (m_log) {
            const QString head = response.kind == ImapResponse::Kind::Tagged
                ? QString::fromLatin1(response.tag)
                : response.kind == ImapResponse::Kind::Untagged ? QStringLiteral("*")
                                                                : QStringLiteral("+");
            m_log(QStringLiteral("S: %1 %2%3")
                      .arg(head, QString::fromLatin1(response.name), response.serverText()));
        }
        Q_EMIT responseReceived(response);
        // STARTTLS accepted or the session over: the rest is not read.
        if (!socket || m_state != State::Open)
            break;
    }
}

void ImapConnection::write(const QByteArray &bytes, const QByteArray &logForm)
{
    if (m_log && !logForm.isEmpty())
        m_log(QStringLiteral("C: ") + QString::fromUtf8(logForm));
    if (m_socket)
        m_socket->write(bytes);
}

void ImapConnection::close(bool polite)
{
    m_state = State::Closed;
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->setParent(nullptr);
    if (polite && socket->state() == QAbstractSocket::ConnectedState) {
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        if (socket->state() != QAbstractSocket::UnconnectedState) {
            QTimer::singleShot(m_settings.timeouts.logout, socket, [socket] {
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

bool ImapConnection::isEncrypted() const
{
    const QSslSocket *s = m_socket.data();
    return s && s->isEncrypted();
}

qint64 ImapConnection::bytesPending() const
{
    const QSslSocket *s = m_socket.data();
    return s ? s->bytesToWrite() + s->encryptedBytesToWrite() : 0;
}

QString ImapConnection::errorString() const
{
    const QSslSocket *s = m_socket.data();
    return s ? s->errorString() : QString();
}

QAbstractSocket::SocketError ImapConnection::socketError() const
{
    const QSslSocket *s = m_socket.data();
    return s ? s->error() : QAbstractSocket::UnknownSocketError;
}

} // namespace Core
