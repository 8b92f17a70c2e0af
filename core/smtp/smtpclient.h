// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/smtp/capabilities.h"
#include "core/smtp/certificateinfo.h"
#include "core/smtp/envelope.h"
#include "core/smtp/sasl.h"
#include "core/smtp/smtpmessage.h"
#include "core/smtp/smtpreply.h"
#include "core/smtp/smtpsession.h"
#include "core/smtp/smtpsettings.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace Core {

class SmtpTransaction;
class SmtpTransport;

/**
 * Outpost's SMTP submission client: one connection, one message at a time,
 * several messages in a row over the same connection.
 *
 * It coordinates three parts, each with its own state: the SmtpTransport
 * (socket, TLS, bounded reading of replies), the SmtpSession (greeting,
 * EHLO, STARTTLS, AUTH, QUIT) and one SmtpTransaction per message in
 * flight (envelope, DATA or BDAT, per-recipient replies). The client owns
 * the queue: which message goes next, pipelining the next envelope behind
 * a final dot, RSET between transactions, a reconnect after the server
 * closed a reused connection, and the scope of every result (SmtpScope).
 * State is what a caller sees of all three.
 *
 * An explicit state machine on the event loop (no threads, no nested loops).
 * send() queues a message and returns at once; finished() reports its result,
 * never from inside send(). The connection is opened on demand, reused
 * (NOOP after idling, RSET after a failed transaction) and closed with QUIT
 * once idle.
 *
 * @code
 * auto *client = new Core::SmtpClient(settings, this);
 * client->setCredentials({user, password});
 * connect(client, &Core::SmtpClient::finished, this, [](const Core::SmtpResult &r) {
 *     if (!r.ok()) qWarning() << r.error.message();
 * });
 * client->send({envelope, path});
 * @endcode
 */
class SmtpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpClient)
public:
    enum class State {
        Disconnected,
        Connecting,
        TlsHandshake,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        StartTlsHandshake,
        Auth,
        AwaitingCredentials, ///< connected (TLS, EHLO) ahead of the password
        Ready,
        Noop,
        Rset,
        MailTransaction,
        DataCommand,
        SendingData,
        FinalReply,
        Quitting,
    };
    Q_ENUM(State)

    explicit SmtpClient(SmtpServerSettings settings, QObject *parent = nullptr);
    ~SmtpClient() override;

    /// Credentials for AUTH; an empty username means no AUTH. After
    /// connectAhead(), this lets the waiting session sign in.
    void setCredentials(const SaslCredentials &credentials);
    /// Opens the connection (TCP, TLS, EHLO) while the caller is still
    /// fetching the password, and waits before AUTH until setCredentials().
    /// Messages sent meanwhile wait too. quit() or destruction abandons it.
    void connectAhead();
    /// Receives "C: ..." and "S: ..." lines; AUTH payloads are redacted.
    void setProtocolLog(std::function<void(const QString &)> sink);
    /// Fixes the SCRAM client nonce (tests only).
    void setSaslNonceForTesting(const QByteArray &nonce);

    /// Queues a message; finished() reports its result.
    void send(SmtpMessage message);
    /// Connects and authenticates without sending (account test, probe);
    /// sessionReady() or sessionFailed() follows.
    void connectToServer();
    /// QUIT once the queue is empty.
    void quit();
    /// Aborts the connection; the current and queued messages finish with
    /// Cancelled (or InDoubt if the final dot was already written).
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const SmtpCapabilities &capabilities() const;
    [[nodiscard]] bool isEncrypted() const;
    [[nodiscard]] QString tlsProtocolName() const;
    /// The server's certificate chain (leaf first) once TLS is up.
    [[nodiscard]] QList<QSslCertificate> peerCertificateChain() const;
    [[nodiscard]] QString authMechanism() const;
    [[nodiscard]] qsizetype queuedMessages() const;
    /// False once the server refused a command pipelined behind a final
    /// dot on this connection; the caller may remember it for the server.
    [[nodiscard]] bool pipelinesBehindDot() const { return m_pipelineBehindDot; }

Q_SIGNALS:
    void stateChanged(Core::SmtpClient::State state);
    /// Upload progress of the current message, in message octets.
    void progress(qint64 sent, qint64 total);
    /// The final "." of the current message has been handed to the network
    /// (and the next envelope pipelined behind it): the server is busy, a
    /// good moment for the caller's own bookkeeping.
    void finalDotWritten();
    /// One per send(), in order.
    void finished(const Core::SmtpResult &result);
    /// The session is authenticated and ready (after connectToServer()).
    void sessionReady();
    /// The session could not be established (after connectToServer()).
    void sessionFailed(const Core::SmtpResult &result);
    void disconnected();
    /// The server's certificate passed verification although the host has
    /// pins: pins are exceptions for certificates that fail it, so these
    /// are stale and the caller may drop them (the TLS session goes on).
    void pinsSuperseded(const QString &host, quint16 port);

private:
    /// How a session ends: QUIT first, or just closed.
    enum class Farewell { Quit, Abort };
    /// How the socket closes: with TLS close_notify and FIN, or reset.
    enum class Close { Polite, Abort };

    void setState(State state);
    void armTimer(int ms);
    void openConnection();
    void onConnected();
    void onEncrypted();
    void onReply(const SmtpReply &reply);
    void onMalformedReply(const Error &error);
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    /// The server closed a reused connection before answering anything of
    /// the message in hand: connect again, once. False when that is not so.
    [[nodiscard]] bool reconnectAfterServerClosed(QAbstractSocket::SocketError error);
    void onBytesWritten();
    void onTimeout();
    /// Does what the session asks next (see SmtpSession::Step).
    void follow(const SmtpSession::Step &step);
    void becomeReady();
    void startNextMessage();
    void beginTransaction();
    void writePipelinedEnvelope(SmtpTransaction &tx, bool flush = true);
    void sendEnvelopeAhead();
    bool writeEnvelopeAhead();
    void recordEnvelopeAhead();
    void sendNextRecipient();
    void handleMailReply(const SmtpReply &reply);
    void handleRcptReply(const SmtpReply &reply);
    void recipientsDone();
    void startBody();
    void handleDataReply(const SmtpReply &reply);
    void handleChunkReply(const SmtpReply &reply);
    void handleFinalReply(const SmtpReply &reply);
    void pumpData();
    /// Starts the hook before the final dot of `tx`, once.
    static void startBeforeDot(SmtpTransaction &tx);
    /// Checks the body, then writes the final dot once the hook before it
    /// has answered (writeFinalDot()).
    void writeBodyEnd();
    void writeFinalDot();
    void finishMessage(const SmtpResult &result);
    /// The server refused the envelope pipelined behind the dot: send it again.
    void retryUnpipelined();
    /// The accepted recipients have it: the same message to the overflow.
    void sendToLaterRecipients();
    void failSession(const SmtpResult &result, Farewell farewell = Farewell::Abort);
    void unexpectedReply(const SmtpReply &reply);
    void closeTransport(Close how = Close::Abort);
    /// Closes the connection and says so (nothing in flight).
    void endConnection(Close how = Close::Abort);
    /// Hangs up before the final dot and reports the current message.
    void hangUpAndFinish(const SmtpResult &result);
    [[nodiscard]] bool connected() const;

    SmtpServerSettings m_settings;
    SaslCredentials m_credentials;
    QByteArray m_saslNonce;
    std::function<void(const QString &)> m_log;

    SmtpTransport *m_transport = nullptr;   ///< the current connection's (a child)
    std::unique_ptr<SmtpSession> m_session; ///< the current (or last) connection's
    QTimer m_timer;
    QTimer m_idleTimer;
    QElapsedTimer m_idleClock;
    State m_state = State::Disconnected;
    int m_transactionsOnConnection = 0;
    bool m_sessionRequested = false;
    bool m_quitRequested = false;
    bool m_credentialsPending = false;
    bool m_pipelineBehindDot = true;
    quint64 m_beforeDotTickets = 0; ///< see SmtpTransaction::awaitingBeforeDot

    std::deque<SmtpMessage> m_queue;
    std::unique_ptr<SmtpTransaction> m_tx;
    /// Pipelined behind m_tx's final dot: envelope sent, replies pending.
    std::unique_ptr<SmtpTransaction> m_nextTx;
};

} // namespace Core

