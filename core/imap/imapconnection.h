// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/imap/imapresponse.h"
#include "core/imap/imapsettings.h"
#include "core/smtp/certificateinfo.h"

#include <QAbstractSocket>
#include <QObject>
#include <QPointer>

#include <functional>

class QSslSocket;

namespace Core {

/**
 * The wire under an IMAP session: one TCP connection, TLS (implicit or
 * after STARTTLS), the certificate checks SMTP makes (system CAs plus the
 * extra CA file, host name, the host's pins from TrustStore), and
 * responses read through the bounded ImapResponseParser.
 *
 * A new connection is a new ImapConnection: open() once, close() once.
 */
class ImapConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapConnection)
public:
    enum class State { Idle, Connecting, TlsHandshake, Open, Closed };
    Q_ENUM(State)

    using Log = std::function<void(const QString &)>;

    ImapConnection(const ImapServerSettings &settings, Log log, QObject *parent = nullptr);
    ~ImapConnection() override;

    void open();
    /// TLS over the open connection after the server's OK to STARTTLS;
    /// anything the server sent before is dropped (RFC 3501 §6.2.1).
    void startTls();
    /// Writes octets now; logForm (if not empty) goes to the protocol log.
    void write(const QByteArray &bytes, const QByteArray &logForm = {});
    /// TLS close_notify and FIN when polite, else a reset. Nothing more is reported.
    void close(bool polite);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isEncrypted() const;
    /// Octets handed to write() but not yet to the kernel.
    [[nodiscard]] qint64 bytesPending() const;
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] QAbstractSocket::SocketError socketError() const;
    /// CertificateUntrusted or CertificateChanged after a failed handshake.
    [[nodiscard]] Error::Code certificateError() const { return m_certificateError; }
    [[nodiscard]] const CertificateInfo &certificateProblem() const { return m_certificateProblem; }

Q_SIGNALS:
    /// Ready for the greeting: TCP up, and TLS too for implicit TLS.
    void ready();
    void encrypted();
    void responseReceived(const Core::ImapResponse &response);
    void malformed(const QString &why);
    void failed();
    void bytesWritten();

private:
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();

    const ImapServerSettings &m_settings;
    Log m_log;
    State m_state = State::Idle;
    QPointer<QSslSocket> m_socket;
    ImapResponseParser m_parser;
    CertificateInfo m_certificateProblem;
    Error::Code m_certificateError = Error::Code::None;
};

} // namespace Core
