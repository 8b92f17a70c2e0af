// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/probe.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Core::Autoconfig {

namespace {

QStringList extensionList(const SmtpCapabilities &caps)
{
    QStringList e;
    if (caps.pipelining)
        e << QStringLiteral("PIPELINING");
    if (caps.sizeAnnounced)
        e << (caps.maxSize ? QStringLiteral("SIZE %1").arg(caps.maxSize) : QStringLiteral("SIZE"));
    if (caps.eightBitMime)
        e << QStringLiteral("8BITMIME");
    if (caps.smtpUtf8)
        e << QStringLiteral("SMTPUTF8");
    if (caps.dsn)
        e << QStringLiteral("DSN");
    if (caps.enhancedStatusCodes)
        e << QStringLiteral("ENHANCEDSTATUSCODES");
    if (caps.chunking)
        e << QStringLiteral("CHUNKING");
    return e;
}

} // namespace

QString loginAdviceName(LoginAdvice advice)
{
    switch (advice) {
    case LoginAdvice::None: return QStringLiteral("none");
    case LoginAdvice::BadPassword: return QStringLiteral("bad-password");
    case LoginAdvice::AppPasswordRequired: return QStringLiteral("app-password-required");
    case LoginAdvice::WebLoginRequired: return QStringLiteral("web-login-required");
    case LoginAdvice::OAuthRequired: return QStringLiteral("oauth-required");
    case LoginAdvice::TlsRequired: return QStringLiteral("tls-required");
    case LoginAdvice::TryLater: return QStringLiteral("try-later");
    case LoginAdvice::Other: return QStringLiteral("other");
    }
    return {};
}

QString loginAdviceText(LoginAdvice advice)
{
    switch (advice) {
    case LoginAdvice::None: return {};
    case LoginAdvice::BadPassword:
        return QCoreApplication::translate("Autoconfig", "The server did not accept the user name or password. Check them and try again.");
    case LoginAdvice::AppPasswordRequired:
        return QCoreApplication::translate("Autoconfig", "Your provider requires an app password for mail programs. Create one in your account's security settings and enter it instead of your usual password.");
    case LoginAdvice::WebLoginRequired:
        return QCoreApplication::translate("Autoconfig", "Your provider wants you to sign in on its website first, or to enable access for mail programs (SMTP) in your account settings.");
    case LoginAdvice::OAuthRequired:
        return QCoreApplication::translate("Autoconfig", "This server accepts only OAuth sign-in in a browser, not a password: sign in with your browser instead.");
    case LoginAdvice::TlsRequired:
        return QCoreApplication::translate("Autoconfig", "The server requires an encrypted connection for signing in.");
    case LoginAdvice::TryLater:
        return QCoreApplication::translate("Autoconfig", "The server could not check the password right now. Try again in a moment.");
    case LoginAdvice::Other:
        return QCoreApplication::translate("Autoconfig", "Signing in failed.");
    }
    return {};
}

LoginAdvice adviseFromError(const Error &error, const QStringList &offered)
{
    const int code = error.replyCode();
    const QString enhanced = error.enhancedCode();
    const QString text = error.serverText();
    if (!offered.isEmpty() && std::none_of(offered.cbegin(), offered.cend(), isPasswordMechanism))
        return LoginAdvice::OAuthRequired;
    if (text.contains(QLatin1String("application-specific password"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("app password"), Qt::CaseInsensitive))
        return LoginAdvice::AppPasswordRequired;
    if (code == 534 && enhanced == QLatin1String("5.7.14"))
        return LoginAdvice::WebLoginRequired;
    if ((code == 530 && enhanced == QLatin1String("5.7.0")) || code == 538 || enhanced == QLatin1String("5.7.11"))
        return LoginAdvice::TlsRequired;
    if (code == 454 || enhanced == QLatin1String("4.7.0"))
        return LoginAdvice::TryLater;
    if (code == 535 || error.code() == Error::Code::AuthenticationFailed)
        return LoginAdvice::BadPassword;
    return LoginAdvice::Other;
}

Probe::Probe(OutgoingServer server, QString extraCaFile, ProbeTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_extraCaFile(std::move(extraCaFile))
    , m_timeouts(timeouts)
{
    m_cap.setSingleShot(true);
    connect(&m_cap, &QTimer::timeout, this, [this] {
        SmtpResult r;
        const int seconds = m_timeouts.total / 1000;
        r.error = Error(Error::Code::Timeout,
                        QCoreApplication::translate("Autoconfig", "The server did not complete the test within %n second(s).", nullptr, seconds));
        done(false, r);
    });
}

Probe::~Probe()
{
    // No result from a probe that is going away: its owner may be too.
    m_finished = true;
    if (SmtpClient *client = m_client.data()) {
        client->disconnect(this);
        client->cancel();
    }
}

void Probe::start()
{
    run(SaslCredentials());
}

void Probe::verify(const QString &username, const QString &password)
{
    m_verifying = true;
    SaslCredentials credentials;
    credentials.username = username;
    credentials.password = password;
    run(credentials);
}

void Probe::cancel()
{
    SmtpResult r;
    r.error = Error(Error::Code::Cancelled, QCoreApplication::translate("Autoconfig", "The test was cancelled."));
    done(false, r);
}

void Probe::run(const SaslCredentials &credentials)
{
    m_finished = false;
    m_facts = {};
    m_advice = LoginAdvice::None;
    SmtpServerSettings s;
    s.host = m_server.host;
    s.port = m_server.port;
    s.security = m_server.security;
    s.extraCaFile = m_extraCaFile;
    s.timeouts.connect = m_timeouts.connect;
    s.timeouts.greeting = m_timeouts.reply;
    s.timeouts.command = m_timeouts.reply;
    s.timeouts.quit = m_timeouts.reply;
    // Never a password over a connection that is not encrypted: a probe of a
    // plaintext server only looks.
    s.allowCleartextAuth = false;
    m_client = new SmtpClient(s, this);
    m_client->setCredentials(credentials);
    if (m_log)
        m_client->setProtocolLog(m_log);
    connect(m_client, &SmtpClient::sessionReady, this, [this] { done(true, {}); });
    connect(m_client, &SmtpClient::sessionFailed, this, [this](const SmtpResult &r) { done(false, r); });
    m_clock.start();
    m_cap.start(m_timeouts.total);
    m_client->connectToServer();
}

void Probe::done(bool ok, const SmtpResult &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_cap.stop();
    m_facts.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    QList<QSslCertificate> chain;
    if (SmtpClient *client = m_client.data()) {
        const SmtpCapabilities caps = client->capabilities();
        m_facts.authMechanisms = caps.authMechanisms;
        m_facts.extensions = extensionList(caps);
        m_facts.maxSize = caps.maxSize;
        m_facts.smtpUtf8 = caps.smtpUtf8;
        m_facts.tlsProtocol = client->tlsProtocolName();
        chain = ok ? client->peerCertificateChain() : failure.certificate.chain;
    }
    if (chain.isEmpty())
        chain = failure.certificate.chain;
    if (!chain.isEmpty()) {
        const QSslCertificate &leaf = chain.first();
        m_facts.certificateSubject = leaf.subjectDisplayName();
        m_facts.certificateIssuer = leaf.issuerDisplayName();
        m_facts.certificateExpiry = leaf.expiryDate();
        m_facts.certificateSha256 = QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex());
    }
    // A server without AUTH "accepts" any password: that is no sign-in.
    bool signedIn = false;
    if (SmtpClient *client = m_client.data())
        signedIn = !client->authMechanism().isEmpty();
    if (ok && m_verifying && !signedIn) {
        m_facts.outcome = ProbeFacts::Outcome::Failed;
        m_facts.error = Error(Error::Code::AuthenticationFailed,
                              QCoreApplication::translate("Autoconfig", "The server offers no sign-in at all, so the password could not be checked. "
                                                                        "It is probably not a server for sending mail (submission)."));
        m_advice = LoginAdvice::Other;
        if (SmtpClient *client = m_client.data())
            client->cancel();
        Q_EMIT finished();
        return;
    }
    if (ok) {
        const bool encrypted = m_server.security != SmtpSecurity::None;
        if (m_verifying && signedIn)
            m_facts.outcome = ProbeFacts::Outcome::Verified;
        else if (encrypted && std::any_of(m_facts.authMechanisms.cbegin(), m_facts.authMechanisms.cend(), [](const QString &m) {
                     return isPasswordMechanism(m) || isOAuthMechanism(m);
                 }))
            m_facts.outcome = ProbeFacts::Outcome::AuthUsable;
        else
            m_facts.outcome = ProbeFacts::Outcome::Reachable;
        m_client->quit();
    } else {
        m_facts.outcome = ProbeFacts::Outcome::Failed;
        m_facts.error = failure.error;
        if (m_verifying && failure.error.code() != Error::Code::Cancelled)
            m_advice = adviseFromError(failure.error, m_facts.authMechanisms);
        if (m_client)
            m_client->cancel();
    }
    Q_EMIT finished();
}

} // namespace Core::Autoconfig
