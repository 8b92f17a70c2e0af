// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/clioauth.h"

#include "app/clisupport.h"
#include "core/accounts/account.h"
#include "core/accounts/credentialstore.h"
#include "core/oauth/authorizationflow.h"
#include "core/oauth/deviceflow.h"
#include "core/oauth/tokensource.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace App {

namespace {

void reportSkippedFiles(const Core::OAuth::ProviderRegistry &registry)
{
    for (const Core::Error &e : registry.errors())
        err() << e.message() << Qt::endl;
}

#ifdef Q_OS_UNIX
// The self-pipe: a signal handler may only write(); the event loop reads.
int g_interruptPipe[2] = {-1, -1};
struct sigaction g_previousInt = {};
struct sigaction g_previousTerm = {};

void onInterruptSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    const ssize_t written = ::write(g_interruptPipe[1], &byte, 1);
    Q_UNUSED(written);
    errno = saved;
}
#endif

} // namespace

InterruptWatcher::InterruptWatcher()
{
#ifdef Q_OS_UNIX
    if (g_interruptPipe[0] >= 0 || ::pipe2(g_interruptPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // one at a time; without a pipe the signals keep their default
    auto *notifier = new QSocketNotifier(g_interruptPipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, &InterruptWatcher::onSignal);
    struct sigaction action = {};
    action.sa_handler = &onInterruptSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &g_previousInt);
    ::sigaction(SIGTERM, &action, &g_previousTerm);
#endif
}

InterruptWatcher::~InterruptWatcher()
{
#ifdef Q_OS_UNIX
    if (g_interruptPipe[0] < 0)
        return;
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
    ::close(g_interruptPipe[0]);
    ::close(g_interruptPipe[1]);
    g_interruptPipe[0] = g_interruptPipe[1] = -1;
#endif
}

void InterruptWatcher::onSignal()
{
#ifdef Q_OS_UNIX
    char drained[16];
    while (::read(g_interruptPipe[0], drained, sizeof drained) > 0) {
    }
#endif
    if (m_interrupted)
        return;
    m_interrupted = true;
    Q_EMIT interrupted();
}

QString interruptedMessage()
{
    return QCoreApplication::translate("Cli", "Signing in was interrupted.");
}

void openBrowser(const QUrl &url)
{
    const QString link = url.toString(QUrl::FullyEncoded);
    // $BROWSER: a list of commands separated by ':', %s standing for the URL.
    const QString browser = qEnvironmentVariable("BROWSER");
    for (const QString &entry : browser.split(u':', Qt::SkipEmptyParts)) {
        QStringList command = QProcess::splitCommand(entry);
        if (command.isEmpty())
            continue;
        bool substituted = false;
        for (QString &arg : command) {
            if (arg.contains(QLatin1String("%s"))) {
                arg.replace(QLatin1String("%s"), link);
                substituted = true;
            }
        }
        if (!substituted)
            command << link;
        const QString program = command.takeFirst();
        // No shell: the URL is one argument, whatever it contains.
        if (QProcess::startDetached(program, command))
            return;
    }
#if defined(Q_OS_MACOS)
    (void)QProcess::startDetached(QStringLiteral("open"), {link});
#elif defined(Q_OS_UNIX)
    (void)QProcess::startDetached(QStringLiteral("xdg-open"), {link});
#endif
}

Core::Result<void> checkClientId(const Core::OAuth::Provider &provider)
{
    if (!provider.hasClientId())
        return Core::Error(Core::Error::Code::NeedsCredentials, provider.missingClientIdMessage());
    return {};
}

Core::Result<Core::OAuth::Provider> oauthProviderForHost(const QString &host,
                                                         const Core::Autoconfig::OAuth2Info &discovered)
{
    const auto registry = Core::OAuth::ProviderRegistry::load();
    reportSkippedFiles(registry);
    return registry.forSignIn(host, discovered);
}

Core::Result<Core::OAuth::Tokens> signInWithOAuth(const Core::OAuth::Provider &provider, const QString &loginHint,
                                                  bool noBrowser, InterruptWatcher *interrupt)
{
    using namespace Core::OAuth;
    bool done = false;
    const Core::Error interrupted(Core::Error::Code::Cancelled, interruptedMessage());
    if (noBrowser) {
        DeviceFlow flow(provider);
        if (interrupt)
            QObject::connect(interrupt, &InterruptWatcher::interrupted, &flow, &DeviceFlow::cancel);
        QObject::connect(&flow, &DeviceFlow::userCodeReady, &flow, [](const QUrl &uri, const QString &code) {
            //: %1 is a web address, %2 a short code the person types there
            err() << QCoreApplication::translate("Cli", "To sign in, open %1 in a browser and enter the code %2")
                         .arg(uri.toString(QUrl::FullyEncoded), code)
                  << Qt::endl;
        });
        QObject::connect(&flow, &DeviceFlow::finished, &flow, [&done] { done = true; });
        flow.start();
        runUntil([&] { return done; }, 24 * 3600 * 1000); // the flow has its own time-out
        if (interrupt && interrupt->isInterrupted())
            return interrupted;
        if (flow.state() != DeviceFlow::State::Succeeded)
            return flow.error();
        return flow.tokens();
    }
    AuthorizationFlow flow(provider, loginHint);
    if (interrupt) // cancel() closes the listener
        QObject::connect(interrupt, &InterruptWatcher::interrupted, &flow, &AuthorizationFlow::cancel);
    flow.setBrowserOpener(&openBrowser);
    QObject::connect(&flow, &AuthorizationFlow::authorizationUrlReady, &flow, [&provider](const QUrl &url) {
        //: %1 is a provider such as "Google", %2 a web address
        err() << QCoreApplication::translate("Cli", "Opening your browser to sign in with %1. If it does not open, visit:\n%2")
                     .arg(provider.displayName, url.toString(QUrl::FullyEncoded))
              << Qt::endl;
    });
    QObject::connect(&flow, &AuthorizationFlow::finished, &flow, [&done] { done = true; });
    flow.start();
    runUntil([&] { return done; }, 24 * 3600 * 1000); // the flow has its own time-out
    if (interrupt && interrupt->isInterrupted())
        return interrupted;
    if (flow.state() != AuthorizationFlow::State::Succeeded)
        return flow.error();
    return flow.tokens();
}

void revokeRefreshToken(Core::CredentialStore &credentials, const Core::Account &account)
{
    using namespace Core::OAuth;
    if (account.auth != Core::AuthMethod::OAuth2)
        return;
    const Provider provider = providerForAccount(account, ProviderRegistry::load());
    if (!provider.revocationEndpoint.isValid())
        return; // the provider offers no revocation: removing the token is all there is
    Core::CredentialJob *read = credentials.read(account.id, Core::SecretKind::OAuthRefreshToken);
    read->setAutoDelete(false);
    bool readDone = false;
    QObject::connect(read, &Core::CredentialJob::finished, read, [&readDone] { readDone = true; });
    runUntil([&] { return readDone; }, 60000);
    const QString refreshToken = readDone && !read->error().isError() ? read->secret() : QString();
    delete read;
    if (refreshToken.isEmpty())
        return;
    TokenRequest *request = TokenRequest::revoke(provider, refreshToken, nullptr, nullptr);
    request->setAutoDelete(false);
    bool done = false;
    QObject::connect(request, &TokenRequest::finished, request, [&done] { done = true; });
    runUntil([&] { return done; }, 60000);
    if (!done)
        request->abort();
    if (!request->result())
        //: %1 is the reason
        err() << QCoreApplication::translate("Cli", "Warning: the sign-in could not be revoked at the provider: %1")
                     .arg(request->result().error().message())
              << Qt::endl;
    delete request;
}

} // namespace App
