// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/smtpclient.h"
#include "core/smtp/smtptransaction.h"
#include "core/smtp/smtptransport.h"
#include "core/util/whenfinished.h"

#include <QCoreApplication>
#include <QMetaEnum>

#include <algorithm>

namespace Core {

namespace {

constexpr qint64 kWriteAhead = 256 * 1024; // keep at most this much queued
constexpr qint64 kEarlyHookSize = 64 * 1024; // see recordEnvelopeAhead()

SmtpClient::State clientState(SmtpSession::State s)
{
    switch (s) {
    case SmtpSession::State::Greeting: return SmtpClient::State::Greeting;
    case SmtpSession::State::Ehlo: return SmtpClient::State::Ehlo;
    case SmtpSession::State::Helo: return SmtpClient::State::Helo;
    case SmtpSession::State::StartTls: return SmtpClient::State::StartTls;
    case SmtpSession::State::TlsHandshake: return SmtpClient::State::StartTlsHandshake;
    case SmtpSession::State::AwaitingCredentials: return SmtpClient::State::AwaitingCredentials;
    case SmtpSession::State::Auth: return SmtpClient::State::Auth;
    case SmtpSession::State::Ready: return SmtpClient::State::Ready;
    case SmtpSession::State::Quitting:
    case SmtpSession::State::QuitAnswered: return SmtpClient::State::Quitting;
    }
    return SmtpClient::State::Disconnected;
}

} // namespace

SmtpClient::SmtpClient(SmtpServerSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    qRegisterMetaType<Core::SmtpResult>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Ready && m_queue.empty() && !m_sessionRequested)
            quit();
    });
}

SmtpClient::~SmtpClient()
{
    m_session.reset();
    delete m_transport; // its socket is reset
}

void SmtpClient::setCredentials(const SaslCredentials &credentials)
{
    m_credentials = credentials;
    const bool awaited = m_credentialsPending;
    m_credentialsPending = false;
    if (m_session)
        m_session->setCredentials(m_credentials, false);
    if (awaited && m_state == State::AwaitingCredentials) {
        m_timer.stop();
        follow(m_session->credentialsArrived());
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

const SmtpCapabilities &SmtpClient::capabilities() const
{
    static const SmtpCapabilities none;
    return m_session ? m_session->capabilities() : none;
}

QString SmtpClient::authMechanism() const
{
    return m_session ? m_session->authMechanism() : QString();
}

bool SmtpClient::isEncrypted() const
{
    return m_transport && m_transport->isEncrypted();
}

QString SmtpClient::tlsProtocolName() const
{
    return m_transport ? m_transport->tlsProtocolName() : QString();
}

QList<QSslCertificate> SmtpClient::peerCertificateChain() const
{
    return m_transport ? m_transport->peerCertificateChain() : QList<QSslCertificate>();
}

qsizetype SmtpClient::queuedMessages() const
{
    return static_cast<qsizetype>(m_queue.size()) + (m_tx ? 1 : 0) + (m_nextTx ? 1 : 0);
}

bool SmtpClient::connected() const
{
    return m_transport && m_transport->isConnected();
}

void SmtpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
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
        follow(m_session->quit());
    }
}

void SmtpClient::cancel()
{
    if ((m_state == State::Disconnected || m_state == State::Quitting) && !m_tx && !m_nextTx && m_queue.empty())
        return; // nothing to cancel (e.g. called while a failure is being reported)
    const bool inDoubt = m_tx && m_tx->dotWritten;
    SmtpResult r;
    r.error = inDoubt ? Error(Error::Code::InDoubt,
                              QCoreApplication::translate("Smtp", "Sending was cancelled after the message was transmitted; "
                                                                  "it may have been delivered."))
                      : Error(Error::Code::Cancelled, QCoreApplication::translate("Smtp", "Sending was cancelled."));
    failSession(r);
}

// --- connection ----------------------------------------------------------

void SmtpClient::openConnection()
{
    closeTransport();
    m_transactionsOnConnection = 0;
    m_quitRequested = false;
    m_pipelineBehindDot = m_settings.pipelineBehindDot;

    auto *transport = new SmtpTransport(m_settings, m_log, this);
    m_transport = transport;
    m_session = std::make_unique<SmtpSession>(m_settings, *transport);
    m_session->setCredentials(m_credentials, m_credentialsPending);
    m_session->setSaslNonce(m_saslNonce);
    connect(transport, &SmtpTransport::connected, this, &SmtpClient::onConnected);
    connect(transport, &SmtpTransport::encrypted, this, &SmtpClient::onEncrypted);
    connect(transport, &SmtpTransport::replyReceived, this, &SmtpClient::onReply);
    connect(transport, &SmtpTransport::malformedReply, this, &SmtpClient::onMalformedReply);
    connect(transport, &SmtpTransport::failed, this, &SmtpClient::onSocketError);
    connect(transport, &SmtpTransport::closedByPeer, this, &SmtpClient::onDisconnected);
    connect(transport, &SmtpTransport::bytesWritten, this, &SmtpClient::onBytesWritten);
    connect(transport, &SmtpTransport::pinsSuperseded, this,
            [this] { Q_EMIT pinsSuperseded(m_settings.host, m_settings.port); });

    setState(State::Connecting);
    armTimer(m_settings.timeouts.connect);
    transport->open();
}

void SmtpClient::onConnected()
{
    if (m_settings.security == SmtpSecurity::ImplicitTls) {
        setState(State::TlsHandshake);
        return; // the greeting comes after the handshake
    }
    follow(m_session->connected());
}

void SmtpClient::onEncrypted()
{
    if (m_state == State::TlsHandshake)
        follow(m_session->connected());
    else if (m_state == State::StartTlsHandshake)
        follow(m_session->tlsEstablished());
}

void SmtpClient::follow(const SmtpSession::Step &step)
{
    switch (step.kind) {
    case SmtpSession::Step::Kind::Wait:
        setState(clientState(m_session->state()));
        armTimer(step.timeoutMs);
        break;
    case SmtpSession::Step::Kind::AwaitCredentials:
        setState(State::AwaitingCredentials);
        armTimer(step.timeoutMs);
        if (m_quitRequested) // the caller gave up meanwhile (no password)
            quit();          // (only once nothing waits to be sent)
        break;
    case SmtpSession::Step::Kind::Ready:
        becomeReady();
        break;
    case SmtpSession::Step::Kind::Failed:
        failSession(step.failure, step.farewell == SmtpSession::Farewell::Quit ? Farewell::Quit : Farewell::Abort);
        break;
    }
}

void SmtpClient::onSocketError(QAbstractSocket::SocketError error)
{
    const SmtpTransport *transport = m_transport;
    if (!transport)
        return;
    if (m_state == State::Quitting) {
        // Closed or reset instead of 221: done all the same.
        endConnection();
        return;
    }
    if (reconnectAfterServerClosed(error))
        return;
    SmtpResult r;
    if (transport->certificateError() != Error::Code::None) {
        const CertificateInfo &problem = transport->certificateProblem();
        QStringList reasons;
        for (const QSslError &e : std::as_const(problem.errors))
            reasons << e.errorString();
        r.error = transport->certificateError() == Error::Code::CertificateChanged
            ? Error(Error::Code::CertificateChanged,
                    QCoreApplication::translate("Smtp", "The certificate of %1 has changed since you trusted it. "
                                                        "This can mean that someone is intercepting the connection.")
                        .arg(m_settings.host))
            : Error(Error::Code::CertificateUntrusted,
                    //: %1 is a host name, %2 the reasons given by the TLS library
                    QCoreApplication::translate("Smtp", "The certificate of %1 could not be verified: %2")
                        .arg(m_settings.host, reasons.join(QStringLiteral("; "))));
        r.certificate = problem;
    } else if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
               || error == QAbstractSocket::SslInvalidUserDataError) {
        r.error = Error(Error::Code::Tls, QCoreApplication::translate("Smtp", "A secure connection to %1 could not be established: %2")
                                              .arg(m_settings.host, transport->errorString()));
    } else if (m_tx && m_tx->dotWritten) {
        r.error = Error(Error::Code::InDoubt,
                        QCoreApplication::translate("Smtp", "The connection was lost after the message was transmitted, before "
                                                            "the server confirmed it. It may or may not have been delivered."));
    } else {
        //: %1 is a host name, %2 the system's reason
        r.error = Error(Error::Code::Network, QCoreApplication::translate("Smtp", "Could not talk to %1: %2")
                                                  .arg(m_settings.host, transport->errorString()));
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
    const SmtpTransport *transport = m_transport;
    if (!transport || transport->certificateError() != Error::Code::None || m_sessionRequested)
        return false;
    bool unanswered = false;
    switch (m_state) {
    case State::Noop: // the message in hand waits for the NOOP
        unanswered = m_tx && m_transactionsOnConnection >= 1;
        break;
    case State::MailTransaction: // its envelope is out, not one reply came
        unanswered = m_tx && m_transactionsOnConnection >= 2 && !m_tx->mailReply.code && !m_tx->dotWritten
            && !m_tx->hasEarlierTransactions() && !m_nextTx;
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
    closeTransport();
    setState(State::Disconnected);
    openConnection();
    return true;
}

void SmtpClient::onDisconnected()
{
    const SmtpTransport *transport = m_transport;
    if (!transport)
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
    onSocketError(transport->socketError());
}

void SmtpClient::onTimeout()
{
    if (m_state == State::Quitting || (m_state == State::AwaitingCredentials && !m_tx && m_queue.empty())) {
        // (Still no password: the early connection is let go, nothing lost;
        // the next message opens a new one.)
        const bool answered = m_session && m_session->state() == SmtpSession::State::QuitAnswered;
        endConnection(answered ? Close::Polite : Close::Abort);
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
                            .arg(QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(static_cast<int>(m_state)))));
    failSession(r);
}

void SmtpClient::endConnection(Close how)
{
    closeTransport(how);
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
    closeTransport();
    setState(State::Disconnected);
    finishMessage(result);
    if (m_state == State::Disconnected)
        Q_EMIT disconnected();
}

void SmtpClient::closeTransport(Close how)
{
    m_timer.stop();
    if (!m_transport)
        return;
    SmtpTransport *transport = m_transport;
    m_transport = nullptr;
    transport->disconnect(this);
    transport->close(how == Close::Polite ? SmtpTransport::Close::Polite : SmtpTransport::Close::Abort);
    transport->deleteLater(); // (it may be reporting to us right now)
}

// --- replies -------------------------------------------------------------

void SmtpClient::onMalformedReply(const Error &error)
{
    SmtpResult r;
    r.error = error;
    // After the final dot an unreadable answer is still no answer: the
    // message may have been accepted, so it must not be sent again.
    if (m_tx && m_tx->dotWritten)
        r.error = Error(Error::Code::InDoubt,
                        QCoreApplication::translate("Smtp", "The mail server sent an unexpected reply: %1").arg(error.message()));
    failSession(r);
}

void SmtpClient::onReply(const SmtpReply &reply)
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
    case State::Ehlo:
    case State::Helo:
    case State::StartTls:
    case State::Auth:
    case State::Quitting:
        follow(m_session->handleReply(reply));
        break;
    case State::Noop:
        if (reply.code == 250) {
            beginTransaction();
        } else {
            // The connection is not healthy: start afresh (nothing sent yet),
            // with the message back at the head of the queue.
            m_queue.push_front(std::move(m_tx->message));
            m_tx.reset();
            closeTransport();
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
        handleDataReply(reply);
        break;
    case State::SendingData:
        if (m_tx->bodyCommand == SmtpTransaction::BodyCommand::Bdat)
            handleChunkReply(reply);
        else
            unexpectedReply(reply);
        break;
    case State::FinalReply:
        handleFinalReply(reply);
        break;
    case State::Ready:
    case State::AwaitingCredentials:
    case State::Disconnected:
    case State::Connecting:
    case State::TlsHandshake:
    case State::StartTlsHandshake:
        unexpectedReply(reply);
        break;
    }
}

void SmtpClient::unexpectedReply(const SmtpReply &reply)
{
    // A reply nobody asked for (or one during DATA): the dialogue is out of
    // step, and nothing that follows can be trusted.
    SmtpResult r;
    r.error = Error(m_tx && m_tx->dotWritten ? Error::Code::InDoubt : Error::Code::ProtocolViolation,
                    QCoreApplication::translate("Smtp", "The mail server sent an unexpected reply: %1").arg(reply.toString()));
    r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
    r.reply = reply;
    failSession(r, Farewell::Abort);
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
    m_tx = std::make_unique<SmtpTransaction>(std::move(m_queue.front()));
    m_queue.pop_front();

    // A reused connection that sat idle may have been dropped by a middlebox.
    if (m_transactionsOnConnection > 0 && m_idleClock.isValid()
        && m_idleClock.elapsed() >= m_settings.timeouts.noopAfterIdle) {
        setState(State::Noop);
        m_transport->sendCommand("NOOP");
        armTimer(m_settings.timeouts.command);
        return;
    }
    beginTransaction();
}

void SmtpClient::writePipelinedEnvelope(SmtpTransaction &tx, bool flush)
{
    // RFC 2920: MAIL, every RCPT and DATA in one flight (DATA last in a
    // group, §3.1). If the recipients turn out unacceptable the server
    // refuses DATA; if it still answers 354 (some refused, and the caller
    // wants all or nothing), the connection is dropped without the final
    // dot, which abandons the message (recipientsDone()). BDAT is written
    // only once the recipients are known: a chunk cannot be taken back.
    const SmtpCapabilities &caps = m_session->capabilities();
    const QByteArray mail = tx.mailFromCommand(caps);
    QByteArray batch = mail + "\r\n";
    if (m_log)
        m_log(QStringLiteral("C: ") + QString::fromUtf8(mail));
    for (const QString &rcpt : tx.message.envelope.recipients) {
        const QByteArray command = tx.rcptCommand(caps, rcpt);
        batch += command + "\r\n";
        if (m_log)
            m_log(QStringLiteral("C: ") + QString::fromUtf8(command));
    }
    if (tx.bodyCommand == SmtpTransaction::BodyCommand::Data) {
        batch += "DATA\r\n";
        if (m_log)
            m_log(QStringLiteral("C: DATA"));
        tx.dataPipelined = true;
    }
    tx.pendingReplies = 1 + static_cast<int>(tx.message.envelope.recipients.size());
    tx.state = SmtpTransaction::State::Envelope;
    m_transport->write(batch);
    if (flush)
        m_transport->flush(); // now, not on the next event-loop pass
}

void SmtpClient::beginTransaction()
{
    ++m_transactionsOnConnection;
    if (auto failure = m_tx->prepare(m_session->capabilities(), m_settings)) {
        finishMessage(*failure);
        return;
    }
    setState(State::MailTransaction);
    if (m_session->capabilities().pipelining) {
        writePipelinedEnvelope(*m_tx);
    } else {
        m_tx->pendingReplies = 1;
        m_tx->state = SmtpTransaction::State::Envelope;
        m_transport->sendCommand(m_tx->mailFromCommand(m_session->capabilities()));
    }
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::sendEnvelopeAhead()
{
    if (!writeEnvelopeAhead())
        return;
    m_transport->flush();
    recordEnvelopeAhead();
}

bool SmtpClient::writeEnvelopeAhead()
{
    // RFC 2920 §3.1: the end of the message data may be followed by the
    // next MAIL in the same group. The server answers the dot first, then
    // this envelope, so it never waits for us between two messages.
    // Written, not flushed: behind a final dot it leaves in the same write.
    if (!m_transport || !m_session->capabilities().pipelining || !m_pipelineBehindDot || m_state != State::FinalReply
        || m_nextTx || m_queue.empty() || m_quitRequested || (m_tx && !m_tx->later.isEmpty()))
        return false;
    auto tx = std::make_unique<SmtpTransaction>(m_queue.front());
    if (tx->prepare(m_session->capabilities(), m_settings))
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
    if (m_nextTx && m_nextTx->total <= kEarlyHookSize)
        startBeforeDot(*m_nextTx);
}

void SmtpClient::startBeforeDot(SmtpTransaction &tx)
{
    if (tx.beforeDot)
        return;
    const SmtpMessage &m = tx.message;
    tx.beforeDot = m.recordBeforeFinalDot ? m.recordBeforeFinalDot()
                                          : QtFuture::makeReadyFuture(!m.beforeFinalDot || m.beforeFinalDot());
}

void SmtpClient::handleMailReply(const SmtpReply &reply)
{
    if (m_tx->recordMailReply(reply)) {
        // No envelope follows a final dot again on this connection.
        m_pipelineBehindDot = false;
        if (m_log)
            m_log(QStringLiteral("-- no more pipelining behind the final dot on this connection"));
    }
    if (!m_session->capabilities().pipelining) {
        if (!m_tx->mailAccepted()) {
            SmtpResult r;
            r.error = replyError(reply, QCoreApplication::translate("Smtp", "the sender address"));
            r.reply = reply;
            finishMessage(r);
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
    m_transport->sendCommand(m_tx->rcptCommand(m_session->capabilities(), rcpt));
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::handleRcptReply(const SmtpReply &reply)
{
    m_tx->recordRcptReply(reply);
    if (!m_session->capabilities().pipelining && m_tx->nextRecipient < m_tx->recipients.size()) {
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
    // An envelope refused only for coming behind the final dot: with DATA
    // pipelined, DATA's reply settles it; without (BDAT) nothing else will.
    if (m_tx->retryUnpipelined && !m_tx->dataPipelined) {
        retryUnpipelined();
        return;
    }
    const SmtpTransaction::Verdict verdict = m_tx->judgeRecipients();
    if (verdict.failure) {
        // With DATA pipelined its reply is still to come: the outcome waits for it.
        if (!m_tx->dataPipelined) {
            finishMessage(*verdict.failure);
            return;
        }
        m_tx->abortAtData = verdict.failure;
        m_tx->state = SmtpTransaction::State::DataCommand;
        setState(State::DataCommand);
        armTimer(m_settings.timeouts.dataInit);
        return;
    }
    if (m_tx->bodyCommand == SmtpTransaction::BodyCommand::Bdat) {
        startBody();
        return;
    }
    m_tx->state = SmtpTransaction::State::DataCommand;
    setState(State::DataCommand);
    if (!m_tx->dataPipelined)
        m_transport->sendCommand("DATA");
    armTimer(m_settings.timeouts.dataInit);
}

void SmtpClient::handleDataReply(const SmtpReply &reply)
{
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
        startBody();
    } else {
        finishMessage(m_tx->messageFailure(reply, QCoreApplication::translate("Smtp", "the message")));
    }
}

void SmtpClient::startBody()
{
    m_tx->state = SmtpTransaction::State::Body;
    setState(State::SendingData);
    armTimer(m_settings.timeouts.dataBlock);
    pumpData();
}

void SmtpClient::handleChunkReply(const SmtpReply &reply)
{
    // RFC 3030 §2: every BDAT chunk is answered. A refused one ends the
    // transaction: nothing more is written, the replies to the chunks
    // already on their way are read, and the refusal is the message's
    // result — BDAT LAST never went, so nothing was delivered.
    m_tx->recordChunkReply(reply);
    if (!m_tx->chunkRefused) {
        armTimer(m_settings.timeouts.dataBlock);
        if (m_tx->eof && m_tx->pendingChunkReplies == 0)
            pumpData(); // every chunk is taken: BDAT LAST
        return;
    }
    if (m_tx->pendingChunkReplies > 0) {
        armTimer(m_settings.timeouts.command);
        return;
    }
    finishMessage(m_tx->messageFailure(*m_tx->chunkRefused, QCoreApplication::translate("Smtp", "the message")));
}

void SmtpClient::handleFinalReply(const SmtpReply &reply)
{
    m_tx->pendingChunkReplies = 0; // (BDAT: LAST's, the only one left)
    if (reply.code == 250 && !m_tx->later.isEmpty()) {
        sendToLaterRecipients();
        return;
    }
    // The reply to the dot (or to BDAT LAST) decides: a 250 here means
    // delivered, and the message must not be sent again.
    SmtpResult r;
    r.reply = reply;
    r.recipients = m_tx->recipients;
    if (reply.code != 250)
        r.error = replyError(reply, QCoreApplication::translate("Smtp", "the message"));
    finishMessage(r);
}

void SmtpClient::onBytesWritten()
{
    if (m_state != State::SendingData || !m_tx || !m_transport || m_tx->chunkRefused)
        return;
    armTimer(m_settings.timeouts.dataBlock); // progress: the data timer restarts
    const qint64 onWire = std::max<qint64>(0, m_tx->queuedWire - m_transport->bytesPending());
    Q_EMIT progress(std::min(onWire, m_tx->total), m_tx->total);
    pumpData();
}

void SmtpClient::pumpData()
{
    SmtpTransaction &tx = *m_tx;
    if (!m_transport)
        return;
    // An asynchronous record starts once the end is in sight, so that it
    // is (mostly) done when the final dot is due.
    if (tx.message.recordBeforeFinalDot && tx.total - tx.queuedWire <= kEarlyHookSize)
        startBeforeDot(tx);
    while (!tx.eof && !tx.chunkRefused && m_transport->bytesPending() < kWriteAhead) {
        const Result<QByteArray> piece = tx.nextBodyPiece();
        if (!piece) {
            SmtpResult r;
            r.error = piece.error();
            r.recipients = tx.recipients;
            hangUpAndFinish(r);
            return;
        }
        if (!piece.value().isEmpty())
            m_transport->write(piece.value());
    }
    // BDAT LAST waits for the replies to the chunks before it (one round
    // trip at the end of a large message): once it is out, the message may
    // be delivered, so it never follows a chunk the server refused.
    if (tx.eof && !tx.dotWritten && !tx.chunkRefused && tx.pendingChunkReplies == 0 && !tx.awaitingBeforeDot)
        writeBodyEnd();
}

void SmtpClient::writeBodyEnd()
{
    SmtpTransaction &tx = *m_tx;
    if (!tx.matchesWhatWasQueued()) { // (once: it ends the file's digest)
        SmtpResult r;
        r.error = Error(Error::Code::Corrupt, QCoreApplication::translate("Smtp", "The queued message changed on disk after it was "
                                                                              "queued; it was not sent."));
        r.recipients = tx.recipients;
        hangUpAndFinish(r);
        return;
    }
    // The outbox records "dot_sent" durably before the dot can be written:
    // from here on, a lost reply means "in doubt", never "send again".
    startBeforeDot(tx);
    if (tx.beforeDot->isFinished()) {
        writeFinalDot();
        return;
    }
    // Recorded on another thread: this one goes on serving the event loop,
    // and the dot follows the answer (a transaction ended meanwhile, by a
    // time-out or a cancel, holds another ticket or none).
    const quint64 ticket = ++m_beforeDotTickets;
    tx.awaitingBeforeDot = ticket;
    whenFinished(*tx.beforeDot, this, [this, ticket](bool) {
        if (!m_tx || m_tx->awaitingBeforeDot != ticket || !m_transport)
            return;
        m_tx->awaitingBeforeDot = 0;
        writeFinalDot();
    });
}

void SmtpClient::writeFinalDot()
{
    SmtpTransaction &tx = *m_tx;
    // (A future cancelled before it was fulfilled holds no result: not recorded.)
    if (tx.beforeDot->resultCount() == 0 || !tx.beforeDot->result()) {
        SmtpResult r;
        r.error = Error(Error::Code::WriteFailed, QCoreApplication::translate("Smtp", "Sending was stopped because its progress "
                                                                              "could not be recorded on disk."));
        r.recipients = tx.recipients;
        hangUpAndFinish(r);
        return;
    }
    tx.dotWritten = true;
    tx.state = SmtpTransaction::State::FinalReply;
    if (m_log) {
        if (tx.bodyCommand == SmtpTransaction::BodyCommand::Bdat)
            m_log(QStringLiteral("C: <%1 octets in %2 BDAT chunks> BDAT LAST").arg(tx.queuedWire).arg(tx.chunksWritten));
        else
            m_log(QStringLiteral("C: <%1 octets of message data> .").arg(tx.queuedWire));
    }
    m_transport->write(tx.bodyEnd());
    setState(State::FinalReply);
    armTimer(m_settings.timeouts.finalReply);
    // The dot and the next envelope leave in one write (one TLS record, one
    // segment): the server finds the envelope behind the dot and answers
    // both at once, instead of flushing its 250 alone and waking up again
    // for the envelope. The next message's hook runs after, off this path.
    const bool ahead = writeEnvelopeAhead();
    m_transport->flush();
    if (ahead)
        recordEnvelopeAhead();
    Q_EMIT finalDotWritten();
}

void SmtpClient::finishMessage(const SmtpResult &outcome)
{
    const SmtpResult result = m_tx ? m_tx->withEarlierTransactions(outcome) : outcome;
    m_timer.stop();
    const bool transactionOpen = m_tx && m_tx->mailReply.code == 250 && !m_tx->dotWritten && connected();
    const bool completed = m_tx && m_tx->dotWritten;
    m_tx.reset();
    if (result.ok() && completed)
        Q_EMIT progress(1, 1);
    Q_EMIT finished(result);
    if (m_nextTx && m_transport && m_state == State::FinalReply) {
        // Its envelope is already on the wire; its replies come next.
        m_tx = std::move(m_nextTx);
        setState(State::MailTransaction);
        armTimer(m_settings.timeouts.command);
        return;
    }
    if (!m_transport) {
        setState(State::Disconnected);
        if (!m_queue.empty())
            openConnection();
        return;
    }
    if (transactionOpen || (m_state != State::FinalReply && m_state != State::Ready)) {
        // Leave the half-open transaction cleanly before the next one (§4.1.1.5).
        setState(State::Rset);
        m_transport->sendCommand("RSET");
        armTimer(m_settings.timeouts.command);
        return;
    }
    becomeReady();
}

void SmtpClient::sendToLaterRecipients()
{
    if (m_log)
        m_log(QStringLiteral("-- %1 more recipient(s) in a further transaction").arg(m_tx->later.size()));
    m_timer.stop();
    m_tx = m_tx->further();
    beginTransaction();
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
    m_transport->sendCommand("RSET");
    armTimer(m_settings.timeouts.command);
}

void SmtpClient::failSession(const SmtpResult &result, Farewell farewell)
{
    // After a refusal the dialogue is still in step: QUIT, wait for the 221
    // (bounded), then close, TLS with close_notify (RFC 5321 §4.1.1.10).
    // After a loss, a timeout or a reply out of step: just close.
    const bool polite = farewell == Farewell::Quit && connected();
    const bool session = m_sessionRequested;
    m_sessionRequested = false;
    if (polite) {
        m_timer.stop();
        follow(m_session->quit());
    } else {
        closeTransport();
        setState(State::Disconnected);
    }
    // The message in flight and every queued one share the session's fate;
    // only the one whose dot was written can be in doubt, which concerns
    // that message alone.
    std::deque<SmtpMessage> queued;
    queued.swap(m_queue);
    std::unique_ptr<SmtpTransaction> next = std::move(m_nextTx);
    if (m_tx) {
        SmtpResult r = result;
        r.recipients = m_tx->recipients;
        r.scope = r.error.code() == Error::Code::InDoubt ? SmtpScope::Message : SmtpScope::Session;
        r = m_tx->withEarlierTransactions(r);
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
