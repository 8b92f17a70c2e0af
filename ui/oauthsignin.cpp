// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/oauthsignin.h"

#include "core/oauth/authorizationflow.h"
#include "core/smtp/smtpclient.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

namespace {

std::function<void(const QUrl &)> &browserOpener()
{
    static std::function<void(const QUrl &)> opener;
    return opener;
}

// Long enough to recognise the provider's address, short enough to keep the
// window its size; the link itself (and Copy Link) carries the whole URL.
constexpr int kShownUrlLength = 72;

} // namespace

OAuthSignIn::OAuthSignIn(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_link(new QLabel(this))
    , m_start(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel Si&gn-in"), this))
{
    setObjectName(QStringLiteral("oauthSignIn"));
    m_status->setObjectName(QStringLiteral("oauthStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // error texts may quote a server
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_link->setObjectName(QStringLiteral("oauthLink"));
    m_link->setAccessibleName(tr("Sign-in page"));
    m_link->setTextFormat(Qt::RichText);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction); // selectable, "Copy Link Location"
    m_link->hide();
    auto *copy = new QPushButton(tr("Cop&y Link"), this);
    copy->setObjectName(QStringLiteral("oauthCopyLink"));
    copy->hide();
    m_start->setObjectName(QStringLiteral("oauthSignInButton"));
    m_cancel->setObjectName(QStringLiteral("oauthCancelButton"));
    m_cancel->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(copy);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_link);

    connect(m_start, &QPushButton::clicked, this, &OAuthSignIn::start);
    connect(m_cancel, &QPushButton::clicked, this, &OAuthSignIn::cancel);
    connect(m_link, &QLabel::linkActivated, this, [](const QString &link) {
        if (browserOpener())
            browserOpener()(QUrl(link, QUrl::StrictMode));
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        if (m_flow)
            QApplication::clipboard()->setText(m_flow->authorizationUrl().toString(QUrl::FullyEncoded));
    });
    connect(this, &OAuthSignIn::stateChanged, copy, [this, copy](State s) {
        copy->setVisible(s == State::WaitingForBrowser);
        m_link->setVisible(s == State::WaitingForBrowser);
    });
}

OAuthSignIn::~OAuthSignIn()
{
    // Nothing may report into a half-destroyed widget.
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->cancel();
        m_flow->deleteLater();
    }
    if (m_client) {
        m_client->disconnect(this);
        m_client->cancel();
        m_client->deleteLater();
    }
}

void OAuthSignIn::setBrowserOpener(std::function<void(const QUrl &)> opener)
{
    browserOpener() = std::move(opener);
}

Core::Result<Core::OAuth::Provider> OAuthSignIn::providerFor(const QString &host, const Core::Autoconfig::OAuth2Info &found)
{
    return Core::OAuth::ProviderRegistry::load().forSignIn(host, found);
}

QString OAuthSignIn::providerName(const Core::OAuth::Provider &provider)
{
    const QString name = provider.displayName.isEmpty() ? provider.issuer : provider.displayName;
    // A provider file names its issuer, a URL: its host reads better.
    const QUrl url(name, QUrl::StrictMode);
    if (url.isValid() && !url.host().isEmpty())
        return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    return name;
}

void OAuthSignIn::setTarget(const Core::OAuth::Provider &provider, const QString &loginHint,
                            const Core::SmtpServerSettings &server, const QString &username)
{
    cancel();
    m_provider = provider;
    m_loginHint = loginHint;
    m_server = server;
    m_username = username;
    m_tokens = {};
    m_maxSize = 0;
    //: %1 is a provider such as "Google"
    m_start->setText(tr("Sign &in with %1 in your browser").arg(providerName(provider)));
    setState(State::Idle, tr("Your browser opens %1's sign-in page. Outpost never sees your password there; "
                             "it keeps only the permission to send, in the system keychain.")
                              .arg(providerName(provider)));
}

void OAuthSignIn::start()
{
    if (m_state == State::WaitingForBrowser || m_state == State::CheckingServer)
        return;
    m_tokens = {};
    auto *flow = new Core::OAuth::AuthorizationFlow(m_provider, m_loginHint, this);
    m_flow = flow;
    if (browserOpener())
        flow->setBrowserOpener(browserOpener());
    connect(flow, &Core::OAuth::AuthorizationFlow::authorizationUrlReady, this, [this](const QUrl &url) {
        const QString full = url.toString(QUrl::FullyEncoded);
        const QString shown = full.size() > kShownUrlLength ? full.left(kShownUrlLength) + QStringLiteral("…") : full;
        m_link->setText(QStringLiteral("<a href=\"%1\">%2</a>").arg(full.toHtmlEscaped(), shown.toHtmlEscaped()));
        m_link->setToolTip(full);
    });
    connect(flow, &Core::OAuth::AuthorizationFlow::finished, this, &OAuthSignIn::onFlowFinished);
    setState(State::WaitingForBrowser,
             //: %1 is a provider such as "Google"
             tr("Sign in with %1 in the browser window that opened, and allow Outpost to send mail. "
                "If no browser opened, open this link:")
                 .arg(providerName(m_provider)));
    flow->start();
}

void OAuthSignIn::cancel()
{
    if (m_flow && m_state == State::WaitingForBrowser) {
        m_flow->cancel(); // finishes with Cancelled, from the event loop
        return;
    }
    if (m_client && m_state == State::CheckingServer) {
        m_client->disconnect(this);
        m_client->cancel();
        m_client->deleteLater();
        fail(tr("The sign-in was cancelled. Nothing was saved."));
    }
}

QString OAuthSignIn::statusText() const
{
    return m_status->text();
}

void OAuthSignIn::setState(State state, const QString &status)
{
    m_state = state;
    m_status->setText(status);
    const bool busy = state == State::WaitingForBrowser || state == State::CheckingServer;
    m_start->setVisible(!busy && state != State::SignedIn);
    m_cancel->setVisible(busy);
    if (busy)
        m_cancel->setFocus();
    Q_EMIT stateChanged(state);
    if (state == State::SignedIn || state == State::Failed)
        Q_EMIT finished(state == State::SignedIn);
}

void OAuthSignIn::onFlowFinished()
{
    Core::OAuth::AuthorizationFlow *flow = m_flow.data();
    if (!flow)
        return;
    flow->deleteLater();
    m_flow = nullptr;
    if (flow->state() != Core::OAuth::AuthorizationFlow::State::Succeeded) {
        const Core::Error &e = flow->error();
        if (e.code() == Core::Error::Code::Cancelled)
            fail(tr("The sign-in was cancelled. Nothing was saved."));
        else // the reason says what was (not) kept, and what to do
            fail(tr("The sign-in did not succeed.") + QLatin1Char('\n') + e.message());
        return;
    }
    m_tokens = flow->tokens();
    checkServer();
}

void OAuthSignIn::checkServer()
{
    //: %1 is a server name, %2 a user name
    setState(State::CheckingServer, tr("Signed in with %1. Signing in to %2 as %3…")
                                        .arg(providerName(m_provider), m_server.host, m_username));
    auto *client = new Core::SmtpClient(m_server, this);
    m_client = client;
    // Only the token: never a password the account does not have.
    client->setCredentials({m_username, QString(), m_tokens.accessToken, m_server.host, m_server.port});
    connect(client, &Core::SmtpClient::sessionReady, this, [this, client] {
        client->disconnect(this);
        m_maxSize = client->capabilities().maxSize;
        const bool checked = !client->authMechanism().isEmpty();
        client->quit();
        connect(client, &Core::SmtpClient::disconnected, client, &QObject::deleteLater);
        if (!checked) {
            fail(tr("%1 asks for no sign-in, so the permission could not be checked. Choose “None” as the sign-in "
                    "method instead. Nothing was saved.")
                     .arg(m_server.host));
            return;
        }
        setState(State::SignedIn, tr("Signed in successfully as %1 with %2.").arg(m_username, providerName(m_provider)));
    });
    connect(client, &Core::SmtpClient::sessionFailed, this, [this, client](const Core::SmtpResult &r) {
        client->disconnect(this);
        client->deleteLater();
        QString text = tr("%1 did not accept the sign-in: %2").arg(m_server.host, r.error.message());
        if (!r.error.serverText().isEmpty())
            text += QLatin1Char(' ') + tr("The server said: %1").arg(r.error.serverText());
        fail(text + QLatin1Char(' ') + tr("Nothing was saved."));
    });
    client->connectToServer();
}

void OAuthSignIn::fail(const QString &message)
{
    m_tokens = {}; // nothing half-done is handed out
    setState(State::Failed, message);
    m_start->setFocus();
}

OAuthSignInDialog::OAuthSignInDialog(const Core::Account &account, const Core::OAuth::Provider &provider,
                                     const Core::SmtpServerSettings &server, QWidget *parent)
    : QDialog(parent)
    , m_signIn(new OAuthSignIn(this))
{
    setObjectName(QStringLiteral("oauthSignInDialog"));
    //: %1 is an account name
    setWindowTitle(tr("Sign In Again — %1").arg(account.name));
    const Core::Identity *identity = account.defaultIdentity();
    m_signIn->setTarget(provider, identity ? identity->address : account.username, server, account.username);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The permission to send from %1 has expired or was withdrawn. Its messages wait in the "
                                "outbox until you sign in again.")
                                 .arg(account.name),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    layout->addWidget(m_signIn);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &OAuthSignIn::finished, this, [this](bool ok) {
        if (ok)
            accept();
    });
    resize(560, sizeHint().height());
    QTimer::singleShot(0, m_signIn, &OAuthSignIn::start); // the person asked for exactly this
}

} // namespace Gui
