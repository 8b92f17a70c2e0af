// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/smtpsession.h"
#include "core/smtp/smtptransport.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>

namespace Core {

SmtpSession::SmtpSession(const SmtpServerSettings &settings, SmtpTransport &transport)
    : m_settings(settings)
    , m_transport(transport)
{
}

SmtpSession::~SmtpSession() = default;

void SmtpSession::setCredentials(const SaslCredentials &credentials, bool pending)
{
    m_credentials = credentials;
    m_credentialsPending = pending;
}

SmtpSession::Step SmtpSession::wait(int ms) const
{
    Step s;
    s.kind = Step::Kind::Wait;
    s.timeoutMs = ms;
    return s;
}

SmtpSession::Step SmtpSession::fail(const SmtpResult &result, Farewell farewell) const
{
    Step s;
    s.kind = Step::Kind::Failed;
    s.failure = result;
    s.failure.scope = SmtpScope::Session;
    s.farewell = farewell;
    return s;
}

SmtpSession::Step SmtpSession::failWith(Error::Code code, const QString &message, const SmtpReply &reply) const
{
    SmtpResult r;
    r.error = Error(code, message);
    if (reply.code)
        r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
    r.reply = reply;
    return fail(r);
}

SmtpSession::Step SmtpSession::refused(const SmtpReply &reply, const QString &what) const
{
    SmtpResult r;
    r.error = replyError(reply, what);
    r.reply = reply;
    return fail(r); // RFC 5321 §3.1: even a 554 greeting waits for QUIT
}

SmtpSession::Step SmtpSession::connected()
{
    m_state = State::Greeting;
    m_tlsDone = m_transport.isEncrypted();
    return wait(m_settings.timeouts.greeting);
}

SmtpSession::Step SmtpSession::tlsEstablished()
{
    // RFC 3207 §4.2: forget everything learnt before TLS and ask again.
    m_tlsDone = true;
    m_caps = {};
    return sendEhlo();
}

SmtpSession::Step SmtpSession::handleReply(const SmtpReply &reply)
{
    switch (m_state) {
    case State::Greeting:
        if (reply.code == 220)
            return sendEhlo();
        return refused(reply, QCoreApplication::translate("Smtp", "the connection"));
    case State::Ehlo:
        if (reply.code == 250) {
            m_caps = SmtpCapabilities::fromEhloReply(reply);
            return afterEhlo();
        }
        if ((reply.code == 500 || reply.code == 502) && !m_tlsDone && m_settings.security == SmtpSecurity::None) {
            // Pre-ESMTP server (§4.1.4): HELO, no extensions at all.
            m_state = State::Helo;
            m_transport.sendCommand("HELO " + ehloArgument());
            return wait(m_settings.timeouts.command);
        }
        return refused(reply, QCoreApplication::translate("Smtp", "the greeting (EHLO)"));
    case State::Helo:
        if (reply.code == 250) {
            m_caps = {};
            return afterEhlo();
        }
        return refused(reply, QCoreApplication::translate("Smtp", "the greeting (HELO)"));
    case State::StartTls:
        if (reply.code == 220) {
            m_state = State::TlsHandshake;
            m_transport.startTls();
            return wait(m_settings.timeouts.command);
        }
        return failWith(Error::Code::Tls,
                        QCoreApplication::translate("Smtp", "The mail server refused to start encryption (STARTTLS): %1")
                            .arg(reply.text()),
                        reply);
    case State::Auth:
        return handleAuthReply(reply);
    case State::Quitting:
        if (m_repliesBeforeQuit > 0) { // the answer to what came before QUIT
            --m_repliesBeforeQuit;
            return wait(m_settings.timeouts.quit);
        }
        // 221: the server closes now (RFC 5321 §4.1.1.10). Waiting for it,
        // with its close_notify and FIN read, leaves no unread data that our
        // close would answer with a reset; a server that keeps the line open
        // is left politely after a moment.
        m_state = State::QuitAnswered;
        return wait(std::min(kServerCloseGraceMs, m_settings.timeouts.quit));
    case State::QuitAnswered:
        return wait(std::min(kServerCloseGraceMs, m_settings.timeouts.quit));
    case State::TlsHandshake:
    case State::AwaitingCredentials:
    case State::Ready:
        break;
    }
    // A reply nobody asked for: the dialogue is out of step, and nothing
    // that follows can be trusted.
    SmtpResult r;
    r.error = Error(Error::Code::ProtocolViolation,
                    QCoreApplication::translate("Smtp", "The mail server sent an unexpected reply: %1").arg(reply.toString()));
    r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
    r.reply = reply;
    return fail(r, Farewell::Abort);
}

QByteArray SmtpSession::ehloArgument() const
{
    if (!m_settings.ehloName.isEmpty())
        return m_settings.ehloName.toUtf8();
    // An address literal reveals nothing a server cannot see anyway (§4.1.3).
    const QHostAddress local = m_transport.localAddress();
    if (local.protocol() == QAbstractSocket::IPv6Protocol && !local.toIPv4Address())
        return "[IPv6:" + local.toString().toLatin1() + "]";
    if (local.isNull())
        return "[127.0.0.1]";
    return "[" + QHostAddress(local.toIPv4Address()).toString().toLatin1() + "]";
}

SmtpSession::Step SmtpSession::sendEhlo()
{
    m_state = State::Ehlo;
    m_transport.sendCommand("EHLO " + ehloArgument());
    return wait(m_settings.timeouts.command);
}

SmtpSession::Step SmtpSession::afterEhlo()
{
    if (m_settings.security == SmtpSecurity::StartTls && !m_tlsDone) {
        // STARTTLS configured means required: never continue in plaintext.
        if (!m_caps.startTls) {
            return failWith(Error::Code::Tls,
                            QCoreApplication::translate("Smtp", "%1 does not offer encryption (STARTTLS), which this account "
                                                                "requires. Nothing was sent.")
                                .arg(m_settings.host));
        }
        m_state = State::StartTls;
        m_transport.sendCommand("STARTTLS");
        return wait(m_settings.timeouts.command);
    }
    if (m_credentialsPending) {
        // TLS and EHLO are done; the password is still on its way.
        m_state = State::AwaitingCredentials;
        Step s = wait(m_settings.timeouts.command);
        s.kind = Step::Kind::AwaitCredentials;
        return s;
    }
    return credentialsArrived();
}

SmtpSession::Step SmtpSession::credentialsArrived()
{
    m_credentialsPending = false;
    if (!m_credentials.username.isEmpty())
        return startAuth();
    m_state = State::Ready;
    return Step{Step::Kind::Ready, 0, {}, Farewell::Quit};
}

SmtpSession::Step SmtpSession::startAuth()
{
    const bool tls = m_transport.isEncrypted();
    if (!tls && !m_settings.allowCleartextAuth) {
        return failWith(Error::Code::Tls,
                        QCoreApplication::translate("Smtp", "The connection to %1 is not encrypted, so the password was not sent.")
                            .arg(m_settings.host));
    }
    if (m_caps.authMechanisms.isEmpty()) {
        // The server takes mail without AUTH (e.g. by network): go on.
        m_state = State::Ready;
        return Step{Step::Kind::Ready, 0, {}, Farewell::Quit};
    }
    QStringList offered = m_caps.authMechanisms;
    if (!m_settings.authMechanisms.isEmpty()) {
        offered.removeIf([this](const QString &m) {
            return !m_settings.authMechanisms.contains(m, Qt::CaseInsensitive);
        });
    }
    const QString mech = SaslMechanism::choose(offered, m_credentials, tls, m_settings.allowCleartextAuth);
    if (mech.isEmpty()) {
        return failWith(Error::Code::AuthenticationFailed,
                        //: %1 is a list such as "GSSAPI, NTLM"
                        QCoreApplication::translate("Smtp", "The mail server offers no sign-in method Outpost can use safely (%1).")
                            .arg(m_caps.authMechanisms.join(QStringLiteral(", "))));
    }
    m_sasl = SaslMechanism::create(mech, m_credentials, m_saslNonce);
    m_authMechanism = mech;
    m_state = State::Auth;
    QByteArray command = "AUTH " + mech.toLatin1();
    if (auto ir = m_sasl->initialResponse())
        command += ' ' + (ir->isEmpty() ? QByteArray("=") : ir->toBase64());
    m_transport.sendCommand(command, "AUTH " + mech.toLatin1() + " <redacted>");
    return wait(m_settings.timeouts.command);
}

SmtpSession::Step SmtpSession::handleAuthReply(const SmtpReply &reply)
{
    if (reply.code == 334) {
        const QByteArray encoded = reply.lines.value(0).trimmed().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        auto response = decoded ? m_sasl->respond(decoded.decoded)
                                : Result<QByteArray>(Error(Error::Code::AuthenticationFailed, {}));
        if (!response) {
            // Cancel the exchange (RFC 4954 §4); the server answers 501.
            m_transport.sendCommand("*");
            m_repliesBeforeQuit = 1;
            m_sasl.reset();
            return failWith(Error::Code::AuthenticationFailed,
                            response.error().message().isEmpty()
                                ? QCoreApplication::translate("Smtp", "The mail server's authentication challenge was not valid.")
                                : response.error().message());
        }
        m_transport.sendCommand(response.value().toBase64(), "<redacted>");
        return wait(m_settings.timeouts.command);
    }
    const bool verified = reply.code == 235 && m_sasl && m_sasl->serverVerified();
    m_sasl.reset();
    if (reply.code == 235) {
        if (!verified) {
            return failWith(Error::Code::AuthenticationFailed,
                            QCoreApplication::translate("Smtp", "The mail server could not prove that it knows the password; "
                                                                "the connection may have been intercepted."),
                            reply);
        }
        m_state = State::Ready;
        return Step{Step::Kind::Ready, 0, {}, Farewell::Quit};
    }
    SmtpResult r;
    r.reply = reply;
    QString refused;
    if (m_credentials.oauthToken.isEmpty()) {
        //: %1 is the server's own words
        refused = QCoreApplication::translate("Smtp", "The mail server did not accept the user name or password: %1");
    } else {
        //: %1 is the server's own words; no password is involved in an OAuth sign-in
        refused = QCoreApplication::translate("Smtp", "The mail server did not accept the account's sign-in permission (OAuth 2.0): %1");
    }
    r.error = reply.isTransient()
        ? Error(Error::Code::Transient,
                QCoreApplication::translate("Smtp", "Signing in is temporarily not possible: %1").arg(reply.text()))
        : Error(Error::Code::AuthenticationFailed, refused.arg(reply.text()));
    r.error.withServerReply(reply.code, reply.enhancedCode, reply.text());
    return fail(r); // RFC 5321 §4.1.1.10: QUIT, also after a refusal
}

SmtpSession::Step SmtpSession::quit()
{
    m_sasl.reset();
    m_state = State::Quitting;
    m_transport.sendCommand("QUIT");
    return wait(m_settings.timeouts.quit);
}

} // namespace Core
