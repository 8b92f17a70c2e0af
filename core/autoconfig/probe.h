// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/autoconfig/candidate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Core::Autoconfig {

/// Probe limits (docs/design/AUTOCONFIG.md §9.10); tests may shorten them.
struct ProbeTimeouts
{
    int connect = 6'000;
    int reply = 10'000;
    int total = 20'000;
};

/// Advice after a failed sign-in, for the wizard.
enum class LoginAdvice {
    None,
    BadPassword,        ///< 535 5.7.8: ask again, try nothing else
    AppPasswordRequired,///< the provider wants an app-specific password
    WebLoginRequired,   ///< 534 5.7.14: sign in on the web once / enable SMTP
    OAuthRequired,      ///< only OAuth mechanisms are offered
    TlsRequired,        ///< 530 5.7.0 / 538 5.7.11
    TryLater,           ///< 454 4.7.0
    Other,
};

[[nodiscard]] QString loginAdviceText(LoginAdvice advice);
[[nodiscard]] QString loginAdviceName(LoginAdvice advice);
/// Maps a failed session (reply code, enhanced code, text, offered AUTH) to advice.
[[nodiscard]] LoginAdvice adviseFromError(const Error &error, const QStringList &offeredMechanisms);

/**
 * Tests one server the way the account would use it: connect, TLS or
 * STARTTLS with the certificate checked, EHLO after TLS, AUTH mechanisms
 * read — and, only in verify mode with the user's confirmed credentials, a
 * real sign-in. Never sends mail (no MAIL FROM, no DATA).
 */
class Probe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Probe)
public:
    Probe(OutgoingServer server, QString extraCaFile, ProbeTimeouts timeouts, QObject *parent = nullptr);
    ~Probe() override;

    /// Capabilities only; no credentials are sent.
    void start();
    /// Signs in with these credentials (after the user confirmed the server).
    void verify(const QString &username, const QString &password);
    void cancel();

    [[nodiscard]] const OutgoingServer &server() const { return m_server; }
    [[nodiscard]] const ProbeFacts &facts() const { return m_facts; }
    [[nodiscard]] LoginAdvice advice() const { return m_advice; }
    /// Receives the protocol lines (AUTH redacted), for the "details" view.
    void setProtocolLog(std::function<void(const QString &)> sink) { m_log = std::move(sink); }

Q_SIGNALS:
    void finished();

private:
    void run(const SaslCredentials &credentials);
    void done(bool ok, const SmtpResult &failure);

    OutgoingServer m_server;
    QString m_extraCaFile;
    ProbeTimeouts m_timeouts;
    std::function<void(const QString &)> m_log;
    QPointer<SmtpClient> m_client;
    QTimer m_cap;
    QElapsedTimer m_clock;
    ProbeFacts m_facts;
    LoginAdvice m_advice = LoginAdvice::None;
    bool m_verifying = false;
    bool m_finished = false;
};

} // namespace Core::Autoconfig
