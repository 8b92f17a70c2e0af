// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/imapprobe.h"

#include "core/imap/imapconnection.h"

#include <QCoreApplication>

namespace Core::Autoconfig {

ImapProbe::ImapProbe(IncomingServer server, const QString &extraCaFile, ProbeTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_timeouts(timeouts)
{
    m_settings.host = m_server.host;
    m_settings.port = m_server.port;
    m_settings.security = m_server.security;
    m_settings.extraCaFile = extraCaFile;
    for (QTimer *t : {&m_step, &m_cap})
        t->setSingleShot(true);
    connect(&m_step, &QTimer::timeout, this, [this] {
        fail(Error(Error::Code::Timeout, QCoreApplication::translate("Autoconfig", "The IMAP server did not answer in time.")));
    });
    connect(&m_cap, &QTimer::timeout, this, [this] {
        fail(Error(Error::Code::Timeout, QCoreApplication::translate("Autoconfig", "Testing the IMAP server took too long.")));
    });
}

ImapProbe::~ImapProbe()
{
    if (m_connection)
        m_connection->close(false);
}

void ImapProbe::start()
{
    Q_ASSERT(m_state == State::Idle);
    m_state = State::Connecting;
    m_clock.start();
    m_cap.start(m_timeouts.total);
    m_step.start(m_timeouts.connect);
    auto *connection = new ImapConnection(m_settings, {}, this);
    m_connection = connection;
    connect(connection, &ImapConnection::ready, this, &ImapProbe::onReady);
    connect(connection, &ImapConnection::encrypted, this, &ImapProbe::onEncrypted);
    connect(connection, &ImapConnection::responseReceived, this, &ImapProbe::onResponse);
    connect(connection, &ImapConnection::failed, this, &ImapProbe::onConnectionFailed);
    connect(connection, &ImapConnection::malformed, this, [this] {
        fail(Error(Error::Code::ProtocolViolation, QCoreApplication::translate("Autoconfig", "The server's answer is not IMAP.")));
    });
    // open() may fail at once (no route): finished() must still come later.
    QMetaObject::invokeMethod(connection, &ImapConnection::open, Qt::QueuedConnection);
}

void ImapProbe::onReady()
{
    m_state = State::Greeting;
    m_step.start(m_timeouts.reply);
}

void ImapProbe::onEncrypted()
{
    // RFC 3501 §6.2.1: what was announced before TLS is forgotten.
    m_capabilities.clear();
    sendCommand("CAPABILITY", State::Capability);
}

void ImapProbe::sendCommand(const QByteArray &command, State next)
{
    m_state = next;
    m_tag = "P" + QByteArray::number(++m_nextTag);
    m_step.start(m_timeouts.reply);
    m_connection->write(m_tag + ' ' + command + "\r\n");
}

void ImapProbe::onResponse(const ImapResponse &response)
{
    if (m_state == State::Greeting) {
        if (response.kind == ImapResponse::Kind::Untagged
            && (response.status == ImapResponse::Status::Ok || response.status == ImapResponse::Status::PreAuth)) {
            sendCommand("CAPABILITY", State::Capability);
            return;
        }
        fail(Error(Error::Code::Permanent,
                   QCoreApplication::translate("Autoconfig", "The server does not greet like an IMAP server: %1").arg(response.serverText())));
        return;
    }
    if (response.kind == ImapResponse::Kind::Untagged) {
        if (response.status == ImapResponse::Status::Bye) {
            fail(Error(Error::Code::Permanent,
                       QCoreApplication::translate("Autoconfig", "The IMAP server closed the connection: %1").arg(response.serverText())));
            return;
        }
        if (m_state == State::Capability && response.name == "CAPABILITY") {
            for (const ImapValue &v : response.values) {
                if (v.type == ImapValue::Type::Atom && m_capabilities.size() < 256)
                    m_capabilities.insert(v.text.toUpper());
            }
        }
        return;
    }
    if (response.kind != ImapResponse::Kind::Tagged || response.tag != m_tag)
        return;
    if (response.status != ImapResponse::Status::Ok) {
        fail(Error(Error::Code::Permanent,
                   QCoreApplication::translate("Autoconfig", "The IMAP server refused %1: %2")
                       .arg(m_state == State::StartTls ? QStringLiteral("STARTTLS") : QStringLiteral("CAPABILITY"), response.serverText())));
        return;
    }
    if (m_state == State::StartTls) {
        m_state = State::TlsHandshake;
        m_step.start(m_timeouts.reply);
        m_connection->startTls();
        return;
    }
    // CAPABILITY completed.
    if (m_server.security == SmtpSecurity::StartTls && !m_connection->isEncrypted()) {
        if (!m_capabilities.contains("STARTTLS")) {
            fail(Error(Error::Code::Tls,
                       QCoreApplication::translate("Autoconfig", "The IMAP server does not offer STARTTLS; Outpost does not sign in without encryption.")));
            return;
        }
        sendCommand("STARTTLS", State::StartTls);
        return;
    }
    succeed();
}

void ImapProbe::onConnectionFailed()
{
    const ImapConnection *connection = m_connection;
    if (m_state == State::Done || connection == nullptr)
        return;
    const Error::Code certificate = connection->certificateError();
    if (certificate != Error::Code::None) {
        fail(Error(certificate, QCoreApplication::translate("Autoconfig", "The certificate of %1 cannot be verified.").arg(m_server.host)));
        return;
    }
    const bool handshake = m_state == State::TlsHandshake
                           || (m_state == State::Connecting && m_server.security == SmtpSecurity::ImplicitTls
                               && connection->state() == ImapConnection::State::TlsHandshake);
    fail(Error(handshake ? Error::Code::Tls : Error::Code::Network,
               QCoreApplication::translate("Autoconfig", "%1:%2: %3").arg(m_server.host).arg(m_server.port).arg(connection->errorString())));
}

void ImapProbe::succeed()
{
    const bool encrypted = m_connection->isEncrypted();
    m_facts.tlsProtocol = encrypted ? QStringLiteral("TLS") : QString();
    QStringList auth;
    QStringList others;
    for (const QByteArray &c : std::as_const(m_capabilities)) {
        if (c.startsWith("AUTH="))
            auth << QString::fromLatin1(c.mid(5));
        else
            others << QString::fromLatin1(c);
    }
    auth.sort();
    others.sort();
    m_facts.authMechanisms = auth;
    m_facts.extensions = others;
    // LOGIN works unless LOGINDISABLED; a SASL mechanism may do instead.
    const bool usable = !m_capabilities.contains("LOGINDISABLED")
                        || std::any_of(auth.cbegin(), auth.cend(), [](const QString &m) { return isPasswordMechanism(m) || isOAuthMechanism(m); });
    m_facts.outcome = encrypted && usable ? ProbeFacts::Outcome::AuthUsable : ProbeFacts::Outcome::Reachable;
    // Polite: LOGOUT, then close without waiting for the answer.
    m_connection->write("P0 LOGOUT\r\n");
    m_connection->close(true);
    m_state = State::Done;
    m_step.stop();
    m_cap.stop();
    m_facts.elapsedMs = m_clock.elapsed();
    Q_EMIT finished();
}

void ImapProbe::fail(const Error &error)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_step.stop();
    m_cap.stop();
    if (m_connection)
        m_connection->close(false);
    m_facts.outcome = ProbeFacts::Outcome::Failed;
    m_facts.error = error;
    m_facts.elapsedMs = m_clock.elapsed();
    Q_EMIT finished();
}

} // namespace Core::Autoconfig
