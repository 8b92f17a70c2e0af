// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/mimebuilder.h"
#include "core/smtp/capabilities.h"
#include "core/smtp/sasl.h"
#include "core/smtp/smtpreply.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QSslSocket;

namespace Core {

enum class SmtpSecurity {
    ImplicitTls, ///< TLS from the first byte (port 465, RFC 8314)
    StartTls,    ///< plain connect, then STARTTLS, required (port 587)
    None,        ///< no encryption; only when the account says so explicitly
};

/// Per-phase timeouts in milliseconds (RFC 5321 §4.5.3.2 minimums by default).
struct SmtpTimeouts
{
    int connect = 30'000;
    int greeting = 300'000;
    int command = 300'000;    ///< EHLO, STARTTLS, AUTH, MAIL, RCPT, RSET, NOOP
    int dataInit = 120'000;   ///< reply to DATA
    int dataBlock = 180'000;  ///< no upload progress for this long
    int finalReply = 600'000; ///< reply to the final dot: at least 10 minutes
    int quit = 30'000;
    int idleQuit = 5'000; ///< QUIT a connection idle for this long
    int noopAfterIdle = 2'000; ///< NOOP before reusing a connection idle this long
};

struct SmtpServerSettings
{
    QString host;
    quint16 port = 587;
    SmtpSecurity security = SmtpSecurity::StartTls;
    /// Send a password over an unencrypted connection (explicit opt-in).
    bool allowCleartextAuth = false;
    /// EHLO argument; empty: the address literal of the local end.
    QString ehloName;
    /// SHA-256 fingerprints (hex) of certificates the user accepted for this
    /// host although they failed verification: such a certificate is
    /// accepted, any other failing one is "changed". A certificate that
    /// passes verification needs no pin (pinsSuperseded()).
    QStringList pinnedSha256;
    /// Restricts AUTH to these mechanisms (upper case); empty: the best offered.
    QStringList authMechanisms;
    /// PEM file with extra trusted CAs (enterprise or test CAs).
    QString extraCaFile;
    /// Write the next envelope behind a final dot (RFC 2920 §3.1). Cleared
    /// for a server known to answer that with 503 (pipelinesBehindDot()).
    bool pipelineBehindDot = true;
    SmtpTimeouts timeouts;
};

/// Delivery status notification request (RFC 3461), used when the server has DSN.
struct SmtpDsn
{
    QStringList notify;    ///< SUCCESS, FAILURE, DELAY, or NEVER; empty: server default
    bool returnFullMessage = false; ///< RET=FULL instead of RET=HDRS
    QString envelopeId;    ///< ENVID
};

/// One message to submit: the envelope from MimeBuilder and the file it wrote.
struct SmtpMessage
{
    Envelope envelope;
    QString path;
    std::optional<SmtpDsn> dsn;
    /// Send to the recipients the server accepted even if others were refused.
    bool sendToAcceptedRecipients = false;
    /// Called before the final "." is written, never after: just before it,
    /// or — for a message of at most 64 KiB whose envelope is pipelined
    /// behind the previous message's dot — when that envelope goes out, so
    /// the work overlaps the server's. Returning false aborts the
    /// transaction without the dot (the outbox could not record "dot_sent").
    std::function<bool()> beforeFinalDot;
    /// When set: the file must have this size and SHA-256 (lower-case hex),
    /// checked while it streams; otherwise the final "." is never written
    /// and the result is Error::Corrupt. Spares a second read of big files.
    qint64 expectedSize = -1;
    QByteArray expectedSha256Hex;
};

struct RecipientResult
{
    QString address;
    SmtpReply reply;
    [[nodiscard]] bool accepted() const { return reply.code >= 250 && reply.code <= 252; }
};

/// The server certificate, when TLS verification failed or a pin did not match.
struct CertificateInfo
{
    QString host;
    QList<QSslCertificate> chain;
    QByteArray sha256; ///< hex fingerprint of the leaf certificate
    QList<QSslError> errors;
};

/// What a result concerns. The session: the connection, the greeting,
/// EHLO, STARTTLS, AUTH, a reply out of step, 421 — nothing was said about
/// the message, and every message of the session shares the outcome. The
/// message: the replies to its MAIL, RCPT, DATA and final dot, and checks of
/// the message itself before or while it is sent.
enum class SmtpScope { Session, Message };

struct SmtpResult
{
    Error error; ///< no error on success
    SmtpReply reply; ///< the server's last reply for this message
    QList<RecipientResult> recipients;
    CertificateInfo certificate;
    SmtpScope scope = SmtpScope::Message;
    [[nodiscard]] bool ok() const { return !error.isError(); }
    /// A failure of the session, not a judgement on this message.
    [[nodiscard]] bool sessionFailed() const { return !ok() && scope == SmtpScope::Session; }
};

/**
 * Outpost's SMTP submission client: one connection, one message at a time,
 * several messages in a row over the same connection.
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
    [[nodiscard]] const SmtpCapabilities &capabilities() const { return m_caps; }
    [[nodiscard]] bool isEncrypted() const;
    [[nodiscard]] QString tlsProtocolName() const;
    /// The server's certificate chain (leaf first) once TLS is up.
    [[nodiscard]] QList<QSslCertificate> peerCertificateChain() const;
    [[nodiscard]] QString authMechanism() const { return m_authMechanism; }
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
    struct Transaction;

    void setState(State state);
    void armTimer(int ms);
    void openConnection();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    /// The server closed a reused connection before answering anything of
    /// the message in hand: connect again, once. False when that is not so.
    [[nodiscard]] bool reconnectAfterServerClosed(QAbstractSocket::SocketError error);
    void onBytesWritten();
    void onTimeout();
    void handleReply(const SmtpReply &reply);
    void sendCommand(const QByteArray &command, const QByteArray &logForm = {});
    void sendEhlo();
    void afterEhlo();
    void startAuth();
    void handleAuthReply(const SmtpReply &reply);
    void becomeReady();
    void startNextMessage();
    void beginTransaction();
    [[nodiscard]] std::optional<SmtpResult> prepareTransaction(Transaction &tx) const;
    void writePipelinedEnvelope(Transaction &tx, bool flush = true);
    void sendEnvelopeAhead();
    bool writeEnvelopeAhead();
    void recordEnvelopeAhead();
    void sendNextRecipient();
    void handleMailReply(const SmtpReply &reply);
    void handleRcptReply(const SmtpReply &reply);
    void recipientsDone();
    void pumpData();
    void finishMessage(const SmtpResult &result);
    /// The server refused the envelope pipelined behind the dot: send it again.
    void retryUnpipelined();
    /// The accepted recipients have it: the same message to the overflow.
    void sendToLaterRecipients();
    /// A result with the outcomes of the message's earlier transactions.
    [[nodiscard]] SmtpResult withEarlierTransactions(SmtpResult result) const;
    /// How a session ends: QUIT first, or just closed.
    enum class Farewell { Quit, Abort };
    /// How the socket closes: with TLS close_notify and FIN, or reset.
    enum class Close { Polite, Abort };
    /// How long to wait, after the 221, for the server to close first.
    static constexpr int kServerCloseGraceMs = 1500;
    bool m_quitAnswered = false; ///< the 221 came; the server's close is awaited
    void failSession(const SmtpResult &result, Farewell farewell = Farewell::Abort);
    void failWith(Error::Code code, const QString &message, const SmtpReply &reply = {},
                  Farewell farewell = Farewell::Quit);
    void closeSocket(Close how = Close::Abort);
    /// Closes the connection and says so (nothing in flight).
    void endConnection(Close how = Close::Abort);
    /// Hangs up before the final dot and reports the current message.
    void hangUpAndFinish(const SmtpResult &result);
    void flushSocket();
    [[nodiscard]] bool deferredWhileFlushing(void (SmtpClient::*handler)());
    [[nodiscard]] Error replyError(const SmtpReply &reply, const QString &what, bool toRcpt = false) const;
    [[nodiscard]] QByteArray ehloArgument() const;
    [[nodiscard]] QByteArray mailFromCommand(const Transaction &tx) const;
    [[nodiscard]] QByteArray rcptCommand(const SmtpMessage &message, const QString &address) const;

    SmtpServerSettings m_settings;
    SaslCredentials m_credentials;
    QByteArray m_saslNonce;
    std::function<void(const QString &)> m_log;

    QPointer<QSslSocket> m_socket;
    SmtpReplyParser m_parser;
    QTimer m_timer;
    QTimer m_idleTimer;
    QTimer m_quickAckTimer; ///< during TLS handshakes only
    int m_quickAckTicks = 0;
    bool m_flushing = false;
    QElapsedTimer m_idleClock;
    State m_state = State::Disconnected;
    SmtpCapabilities m_caps;
    bool m_tlsDone = false;
    int m_transactionsOnConnection = 0;
    bool m_discardAfterStartTls = false;
    bool m_sessionRequested = false;
    bool m_quitRequested = false;
    bool m_credentialsPending = false;
    bool m_pipelineBehindDot = true;
    int m_repliesBeforeQuit = 0; ///< replies still due to commands before QUIT
    CertificateInfo m_certificateProblem;
    Error::Code m_certificateError = Error::Code::None;
    bool m_acceptedByPin = false; ///< verification failed, a pin let it pass
    std::unique_ptr<SaslMechanism> m_sasl;
    QString m_authMechanism;

    std::deque<SmtpMessage> m_queue;
    std::unique_ptr<Transaction> m_tx;
    /// Pipelined behind m_tx's final dot: envelope sent, replies pending.
    std::unique_ptr<Transaction> m_nextTx;
};

} // namespace Core

Q_DECLARE_METATYPE(Core::SmtpResult)
