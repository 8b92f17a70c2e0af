// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/smtp/certificateinfo.h"
#include "core/smtp/smtpreply.h"
#include "core/smtp/smtpsettings.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace Core {

/**
 * The wire under an SMTP session: one TCP connection, TLS (implicit or
 * started later), certificate checks against the host's pins, and replies
 * read through the bounded SmtpReplyParser. It knows nothing of SMTP's
 * dialogue: it writes what it is given and hands up each complete reply.
 *
 * A new connection is a new transport: open() once, close() once.
 */
class SmtpTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpTransport)
public:
    enum class State {
        Idle,         ///< not opened yet
        Connecting,   ///< TCP (and for implicit TLS the handshake) under way
        TlsHandshake, ///< TLS being negotiated, implicit or after STARTTLS
        Open,         ///< connected, plain or encrypted
        Closed,       ///< closed by either side; the transport is spent
    };
    Q_ENUM(State)
    /// How the connection ends: TLS close_notify and FIN, or a reset.
    enum class Close { Polite, Abort };

    using Log = std::function<void(const QString &)>;

    SmtpTransport(const SmtpServerSettings &settings, Log log, QObject *parent = nullptr);
    ~SmtpTransport() override;

    void open();
    /// TLS over the open connection (after the 220 to STARTTLS): plaintext
    /// the server sent before it, read or not, is dropped (RFC 3207 §4.2).
    void startTls();
    /// Queues octets; they leave on the next event-loop pass or flush().
    void write(const QByteArray &bytes);
    /// One command line, logged (logForm instead, for secrets), sent now.
    void sendCommand(const QByteArray &command, const QByteArray &logForm = {});
    /// Hands what is queued to the kernel now; failures it causes are
    /// reported from the event loop, never from inside flush().
    void flush();
    /// Closes (once); nothing more is reported.
    void close(Close how);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] bool isEncrypted() const;
    [[nodiscard]] QString tlsProtocolName() const;
    [[nodiscard]] QList<QSslCertificate> peerCertificateChain() const;
    [[nodiscard]] QHostAddress localAddress() const;
    /// Octets written but not yet handed to the kernel (plain and TLS).
    [[nodiscard]] qint64 bytesPending() const;
    [[nodiscard]] QAbstractSocket::SocketError socketError() const;
    [[nodiscard]] QString errorString() const;
    /// CertificateUntrusted or CertificateChanged when the handshake failed
    /// on the certificate, with what the person needs to decide.
    [[nodiscard]] Error::Code certificateError() const { return m_certificateError; }
    [[nodiscard]] const CertificateInfo &certificateProblem() const { return m_certificateProblem; }

Q_SIGNALS:
    /// TCP is up; with implicit TLS the handshake follows (encrypted()).
    void connected();
    void encrypted();
    void replyReceived(const Core::SmtpReply &reply);
    /// The server's bytes are no SMTP reply (or a line over the bound).
    void malformedReply(const Core::Error &error);
    /// The connection failed or the server closed it.
    void failed(QAbstractSocket::SocketError error);
    void closedByPeer();
    void bytesWritten();
    /// A certificate that passed verification although the host has pins.
    void pinsSuperseded();

private:
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    [[nodiscard]] bool deferredWhileFlushing(void (SmtpTransport::*handler)());
    void startQuickAcks();

    const SmtpServerSettings &m_settings;
    Log m_log;
    State m_state = State::Idle;
    QPointer<QSslSocket> m_socket;
    SmtpReplyParser m_parser;
    bool m_flushing = false;
    bool m_discardRest = false; ///< STARTTLS accepted: the rest of the read is stale
    CertificateInfo m_certificateProblem;
    Error::Code m_certificateError = Error::Code::None;
    bool m_acceptedByPin = false; ///< verification failed, a pin let it pass
    QTimer m_quickAckTimer;       ///< during TLS handshakes only
    int m_quickAckTicks = 0;
    bool m_quickAckUntilReply = false;
};

} // namespace Core
