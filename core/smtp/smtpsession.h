// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/smtp/capabilities.h"
#include "core/smtp/sasl.h"
#include "core/smtp/smtpmessage.h"
#include "core/smtp/smtpsettings.h"

#include <memory>

namespace Core {

class SmtpTransport;

/**
 * The session part of an SMTP dialogue on one connection: greeting, EHLO
 * (HELO for a pre-ESMTP server), STARTTLS, AUTH and QUIT (RFC 5321 §3.1,
 * §4.1.1.10; RFC 3207; RFC 4954). Mail transactions run once it is Ready.
 *
 * It writes its commands through the transport and answers every event
 * with a Step: what its owner does next — wait for a reply (with which
 * time-out), go on as ready, wait for the password, or end the session.
 * It never calls back, so its owner may drop it after any step.
 */
class SmtpSession final
{
    Q_DISABLE_COPY_MOVE(SmtpSession)
public:
    enum class State {
        Greeting,            ///< connected, the 220 is awaited
        Ehlo,
        Helo,                ///< EHLO was not understood: RFC 821 style
        StartTls,            ///< STARTTLS sent
        TlsHandshake,        ///< the 220 to STARTTLS came; TLS under way
        AwaitingCredentials, ///< TLS and EHLO done ahead of the password
        Auth,                ///< a SASL exchange under way
        Ready,               ///< mail transactions may run
        Quitting,            ///< QUIT sent; its 221 (or the close) awaited
        QuitAnswered,        ///< the 221 came; the server's close is awaited
    };

    /// How a failed session ends: QUIT first (the dialogue is in step), or closed.
    enum class Farewell { Quit, Abort };

    struct Step
    {
        enum class Kind { Wait, Ready, AwaitCredentials, Failed };
        Kind kind = Kind::Wait;
        int timeoutMs = 0;       ///< Wait: for the reply
        SmtpResult failure;      ///< Failed: the session-level result
        Farewell farewell = Farewell::Quit;
    };

    SmtpSession(const SmtpServerSettings &settings, SmtpTransport &transport);
    ~SmtpSession();

    /// The password may still be on its way (connectAhead()): then the
    /// session stops after EHLO in AwaitingCredentials.
    void setCredentials(const SaslCredentials &credentials, bool pending);
    void setSaslNonce(const QByteArray &nonce) { m_saslNonce = nonce; }

    /// The connection is up (after the handshake for implicit TLS).
    [[nodiscard]] Step connected();
    /// The TLS handshake after STARTTLS completed.
    [[nodiscard]] Step tlsEstablished();
    [[nodiscard]] Step handleReply(const SmtpReply &reply);
    /// From AwaitingCredentials, once setCredentials() gave the password.
    [[nodiscard]] Step credentialsArrived();
    /// Sends QUIT; replies still due to earlier commands are read first.
    [[nodiscard]] Step quit();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const SmtpCapabilities &capabilities() const { return m_caps; }
    [[nodiscard]] QString authMechanism() const { return m_authMechanism; }
    [[nodiscard]] bool tlsDone() const { return m_tlsDone; }

    /// How long to wait, after the 221, for the server to close first.
    static constexpr int kServerCloseGraceMs = 1500;

private:
    [[nodiscard]] Step wait(int ms) const;
    [[nodiscard]] Step fail(const SmtpResult &result, Farewell farewell = Farewell::Quit) const;
    [[nodiscard]] Step failWith(Error::Code code, const QString &message, const SmtpReply &reply = {}) const;
    [[nodiscard]] Step refused(const SmtpReply &reply, const QString &what) const;
    [[nodiscard]] Step sendEhlo();
    [[nodiscard]] Step afterEhlo();
    [[nodiscard]] Step startAuth();
    [[nodiscard]] Step handleAuthReply(const SmtpReply &reply);
    [[nodiscard]] QByteArray ehloArgument() const;

    const SmtpServerSettings &m_settings;
    SmtpTransport &m_transport;
    State m_state = State::Greeting;
    SaslCredentials m_credentials;
    bool m_credentialsPending = false;
    QByteArray m_saslNonce;
    SmtpCapabilities m_caps;
    bool m_tlsDone = false;
    std::unique_ptr<SaslMechanism> m_sasl;
    QString m_authMechanism;
    int m_repliesBeforeQuit = 0; ///< replies still due to commands before QUIT
};

} // namespace Core
