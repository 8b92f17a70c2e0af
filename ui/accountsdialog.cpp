// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/accountsdialog.h"

#include "core/imap/imapclient.h"
#include "core/smtp/smtpclient.h"
#include "ui/certificatedialog.h"
#include "ui/oauthsignin.h"
#include "ui/signatureeditor.h"
#include "ui/sentcopybox.h"

#include "core/oauth/tokens.h"
#include "core/oauth/tokensource.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gui {

namespace {

QString securityText(Core::SmtpSecurity s)
{
    switch (s) {
    case Core::SmtpSecurity::ImplicitTls: return AccountsDialog::tr("TLS");
    case Core::SmtpSecurity::StartTls: return AccountsDialog::tr("STARTTLS");
    case Core::SmtpSecurity::None: return AccountsDialog::tr("no encryption");
    }
    return {};
}

// How an OAuth 2.0 account signs in, with its provider.
QString oauthText(const Core::Account &a, const Core::OAuth::ProviderRegistry &registry)
{
    //: how an account signs in; %1 is a provider such as "Google"
    return AccountsDialog::tr("OAuth 2.0 (%1)").arg(OAuthSignIn::providerName(Core::OAuth::providerForAccount(a, registry)));
}

// Withdraws the account's permission at its provider where it offers that,
// and forgets the refresh token. The store outlives this dialog: it is the
// context, so that closing the dialog does not cut the revocation short.
void revokeAndForget(Core::CredentialStore *credentials, const Core::Account &account)
{
    const Core::OAuth::Provider provider = Core::OAuth::providerForAccount(account, Core::OAuth::ProviderRegistry::load());
    Core::OAuth::AccessTokenSource::removeRefreshLock(account.id);
    Core::CredentialJob *read = credentials->read(account.id, Core::SecretKind::OAuthRefreshToken);
    QObject::connect(read, &Core::CredentialJob::finished, credentials,
                     [credentials, provider, id = account.id](Core::CredentialJob *job) {
                         const QString token = job->error().isError() ? QString() : job->secret();
                         (void)credentials->remove(id, Core::SecretKind::OAuthRefreshToken);
                         if (token.isEmpty() || !provider.revocationEndpoint.isValid())
                             return; // nothing to withdraw, or no way to
                         auto *revoke = Core::OAuth::TokenRequest::revoke(provider, token, nullptr, credentials);
                         QObject::connect(revoke, &Core::OAuth::TokenRequest::finished, credentials,
                                          [](Core::OAuth::TokenRequest *r) {
                                              if (!r->result())
                                                  qWarning("oauth: the permission could not be withdrawn at the provider: %s",
                                                           qPrintable(r->result().error().message()));
                                          });
                     });
}

} // namespace

AccountsDialog::AccountsDialog(Core::AccountStore *accounts, Core::CredentialStore *credentials, Core::TrustStore *trust,
                               QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_trust(trust)
{
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Accounts"));
    resize(640, 460);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts"));
    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addButton"));
    auto *edit = new QPushButton(tr("&Edit…"), this);
    edit->setObjectName(QStringLiteral("editButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeButton"));
    auto *makeDefault = new QPushButton(tr("Make &Default"), this);
    makeDefault->setObjectName(QStringLiteral("defaultButton"));
    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    auto *signInAgain = new QPushButton(tr("Sign &In Again"), this);
    signInAgain->setObjectName(QStringLiteral("signInAgainButton"));
    signInAgain->setToolTip(tr("Sign in with the provider in your browser (OAuth 2.0 accounts)"));
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("report"));
    m_report->setReadOnly(true);
    m_report->setAccessibleName(tr("Connection test report"));
    m_report->setPlaceholderText(tr("Test Connection signs in to the server, sends nothing, and reports here what it found."));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, edit, remove, makeDefault, m_test, signInAgain})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_report, 1);
    layout->addWidget(close);

    connect(add, &QPushButton::clicked, this, &AccountsDialog::addRequested);
    connect(edit, &QPushButton::clicked, this, &AccountsDialog::editSelected);
    connect(m_list, &QListWidget::itemActivated, this, &AccountsDialog::editSelected);
    connect(remove, &QPushButton::clicked, this, &AccountsDialog::removeSelected);
    connect(m_test, &QPushButton::clicked, this, &AccountsDialog::testSelected);
    connect(signInAgain, &QPushButton::clicked, this, [this] {
        if (const Core::Account *a = selected())
            Q_EMIT signInAgainRequested(a->id);
    });
    connect(makeDefault, &QPushButton::clicked, this, [this] {
        if (const Core::Account *a = selected()) {
            m_accounts->setDefaultAccount(a->id);
            if (auto r = m_accounts->save(); !r)
                QMessageBox::warning(this, tr("Accounts"), r.error().message());
            refresh();
            Q_EMIT accountsChanged();
        }
    });
    auto updateButtons = [=, this] {
        const bool any = selected() != nullptr;
        for (QPushButton *b : {edit, remove, makeDefault, m_test})
            b->setEnabled(any);
        signInAgain->setEnabled(any && selected()->auth == Core::AuthMethod::OAuth2);
    };
    connect(m_list, &QListWidget::currentRowChanged, this, updateButtons);
    refresh();
    updateButtons();
}

AccountsDialog::~AccountsDialog()
{
    if (m_client)
        m_client->cancel();
    if (m_imap) {
        m_imap->disconnect(this);
        m_imap->cancel();
    }
}

void AccountsDialog::refresh()
{
    const QString current = selected() ? selected()->id : QString();
    m_list->clear();
    const Core::Account *def = m_accounts->defaultAccount();
    const auto registry = Core::OAuth::ProviderRegistry::load();
    for (const Core::Account &a : m_accounts->accounts()) {
        const Core::Identity *i = a.defaultIdentity();
        //: an account in the list: %1 name, %2 address, %3 server, %4 port, %5 encryption
        QString text = tr("%1 — %2\n%3:%4, %5").arg(a.name, i ? i->mailbox().toDisplayString() : QString(), a.host).arg(a.port).arg(securityText(a.security));
        if (a.auth == Core::AuthMethod::OAuth2)
            text += QStringLiteral(", ") + oauthText(a, registry);
        if (!a.imap.host.isEmpty()) {
            //: the account's IMAP server for the Sent copy: %1 server, %2 port, %3 encryption
            text += u'\n' + tr("IMAP %1:%2, %3").arg(a.imap.host).arg(a.imap.port).arg(securityText(a.imap.security));
        }
        if (&a == def)
            text += QStringLiteral("  ") + tr("(default)");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, a.id);
        if (a.id == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

const Core::Account *AccountsDialog::selected() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? m_accounts->find(item->data(Qt::UserRole).toString()) : nullptr;
}

QString AccountsDialog::report() const
{
    return m_report->toPlainText();
}

void AccountsDialog::log(const QString &line)
{
    m_report->appendPlainText(line);
}

void AccountsDialog::editSelected()
{
    const Core::Account *current = selected();
    if (!current)
        return;
    Core::Account a = *current;
    const Core::Account before = a;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("editAccountDialog"));
    dialog.setWindowTitle(tr("Edit Account"));
    auto *name = new QLineEdit(a.name, &dialog);
    name->setObjectName(QStringLiteral("nameEdit"));
    auto *host = new QLineEdit(a.host, &dialog);
    host->setObjectName(QStringLiteral("hostEdit"));
    auto *port = new QSpinBox(&dialog);
    port->setObjectName(QStringLiteral("portSpin"));
    port->setRange(1, 65535);
    port->setValue(a.port);
    auto *security = new QComboBox(&dialog);
    security->setObjectName(QStringLiteral("securityCombo"));
    for (auto s : {Core::SmtpSecurity::ImplicitTls, Core::SmtpSecurity::StartTls, Core::SmtpSecurity::None})
        security->addItem(securityText(s), int(s));
    security->setCurrentIndex(security->findData(int(a.security)));
    auto *username = new QLineEdit(a.username, &dialog);
    username->setObjectName(QStringLiteral("usernameEdit"));
    auto *auth = new QComboBox(&dialog);
    auth->setObjectName(QStringLiteral("authCombo"));
    auth->addItem(tr("Password"), int(Core::AuthMethod::Password));
    auth->addItem(tr("None: the server accepts mail without signing in"), int(Core::AuthMethod::None));
    if (a.auth == Core::AuthMethod::OAuth2)
        auth->addItem(tr("OAuth 2.0"), int(Core::AuthMethod::OAuth2));
    auth->setCurrentIndex(auth->findData(int(a.auth)));
    auto *password = new QLineEdit(&dialog);
    password->setObjectName(QStringLiteral("passwordEdit"));
    password->setEchoMode(QLineEdit::Password);
    password->setAccessibleName(tr("Password"));
    password->setPlaceholderText(a.auth == Core::AuthMethod::Password ? tr("unchanged") : QString());
    const auto syncAuth = [auth, username, password] {
        const bool signIn = auth->currentData().toInt() != int(Core::AuthMethod::None);
        username->setEnabled(signIn);
        password->setEnabled(auth->currentData().toInt() == int(Core::AuthMethod::Password));
    };
    connect(auth, &QComboBox::currentIndexChanged, &dialog, syncAuth);
    syncAuth();
    Core::Identity identity = a.defaultIdentity() ? *a.defaultIdentity() : Core::Identity();
    auto *displayName = new QLineEdit(identity.name, &dialog);
    displayName->setObjectName(QStringLiteral("displayNameEdit"));
    auto *signature = new SignatureEditor(&dialog);
    signature->setSignature(identity.signature, identity.htmlSignature);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("Ser&ver:"), host);
    form->addRow(tr("&Port:"), port);
    form->addRow(tr("&Encryption:"), security);
    form->addRow(tr("S&ign-in:"), auth);
    form->addRow(tr("&User name:"), username);
    form->addRow(tr("Pass&word:"), password);
    form->addRow(tr("Your name as &recipients see it:"), displayName);
    form->addRow(tr("Si&gnature:"), signature);
    auto *sentCopy = new SentCopyBox(&dialog);
    sentCopy->setAccount(a);
    connect(host, &QLineEdit::textChanged, sentCopy, &SentCopyBox::setSmtpHost);
    form->addRow(sentCopy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        a.name = name->text().trimmed();
        a.host = host->text().trimmed();
        a.port = static_cast<quint16>(port->value());
        a.security = static_cast<Core::SmtpSecurity>(security->currentData().toInt());
        const auto wasAuth = a.auth;
        a.auth = static_cast<Core::AuthMethod>(auth->currentData().toInt());
        a.username = a.auth == Core::AuthMethod::None ? QString() : username->text().trimmed();
        if (a.auth == Core::AuthMethod::Password && wasAuth != Core::AuthMethod::Password && password->text().isEmpty()) {
            password->setFocus();
            QMessageBox::warning(&dialog, tr("Edit Account"), tr("Enter the password for signing in."));
            return;
        }
        identity.name = displayName->text().trimmed();
        identity.signature = signature->plainSignature();
        identity.htmlSignature = signature->htmlSignature();
        for (Core::Identity &i : a.identities) {
            if (i.id == identity.id)
                i = identity;
        }
        sentCopy->applyTo(a);
        if (auto r = m_accounts->update(a); !r) {
            QMessageBox::warning(&dialog, tr("Edit Account"), r.error().message());
            if (QWidget *field = sentCopy->fieldFor(r.error().field()))
                field->setFocus();
            return; // stays open: the field is named in the message
        }
        if (auto r = m_accounts->save(); !r) {
            QMessageBox::warning(&dialog, tr("Edit Account"), r.error().message());
            return;
        }
        // The keychain follows: a new password is kept, one no longer used is deleted.
        if (a.auth == Core::AuthMethod::Password && !password->text().isEmpty()) {
            Core::CredentialJob *job = m_credentials->write(a.id, password->text());
            connect(job, &Core::CredentialJob::finished, this, [this, job] {
                if (job->error().isError())
                    QMessageBox::warning(this, tr("Edit Account"), job->error().message());
            });
        } else if (a.auth == Core::AuthMethod::None && wasAuth == Core::AuthMethod::Password) {
            (void)m_credentials->remove(a.id);
        }
        // No longer signing in with OAuth 2.0: its permission goes too.
        if (wasAuth == Core::AuthMethod::OAuth2 && a.auth != Core::AuthMethod::OAuth2)
            revokeAndForget(m_credentials, before);
        dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted) {
        refresh();
        Q_EMIT accountsChanged();
    }
}

void AccountsDialog::removeSelected()
{
    const Core::Account *a = selected();
    if (!a)
        return;
    const QString id = a->id;
    const Core::Account removed = *a;
    const QString question = a->auth == Core::AuthMethod::OAuth2
        ? tr("Remove the account “%1”? Its permission to send is withdrawn at the provider and deleted from the "
             "keychain. Messages already in the outbox for it stay there.")
        : tr("Remove the account “%1”? Its password is deleted from the keychain. "
             "Messages already in the outbox for it stay there.");
    const auto answer = QMessageBox::question(this, tr("Remove Account"), question.arg(a->name));
    if (answer != QMessageBox::Yes)
        return;
    m_accounts->remove(id);
    if (auto r = m_accounts->save(); !r) {
        QMessageBox::warning(this, tr("Remove Account"), r.error().message());
        return;
    }
    if (removed.auth == Core::AuthMethod::OAuth2)
        revokeAndForget(m_credentials, removed);
    else
        (void)m_credentials->remove(id);
    refresh();
    Q_EMIT accountsChanged();
}

void AccountsDialog::testSelected()
{
    const Core::Account *a = selected();
    if (!a)
        return;
    m_report->clear();
    m_test->setEnabled(false);
    const Core::Account account = *a;
    log(tr("Testing %1 (%2:%3, %4)…").arg(account.name, account.host).arg(account.port).arg(securityText(account.security)));
    if (account.auth == Core::AuthMethod::OAuth2) {
        // A fresh access token from the stored refresh token, as sending does.
        if (!m_accessTokens)
            m_accessTokens = new Core::OAuth::AccessTokenSource(m_credentials, this);
        m_accessTokens->fetch(account, false, this, [this, account](const Core::Result<QString> &token) {
            if (!token) {
                log(tr("Failed: %1").arg(token.error().message()));
                finishTest(false);
                return;
            }
            runTest(account, QString(), token.value());
        });
        return;
    }
    if (account.auth != Core::AuthMethod::Password) {
        runTest(account, QString());
        return;
    }
    Core::CredentialJob *job = m_credentials->read(account.id);
    connect(job, &Core::CredentialJob::finished, this, [this, account](Core::CredentialJob *j) {
        if (j->error().isError()) {
            log(j->error().message());
            finishTest(false);
            return;
        }
        runTest(account, j->secret());
    });
}

void AccountsDialog::runTest(const Core::Account &account, const QString &password, const QString &oauthToken)
{
    const Core::SmtpServerSettings s = account.smtpSettings(m_trust->pins(account.host, account.port),
                                                            qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"),
                                                            Core::SmtpTimeouts::forSignIn());
    auto *client = new Core::SmtpClient(s, this);
    m_client = client;
    Core::SaslCredentials credentials;
    if (account.auth == Core::AuthMethod::Password) {
        credentials.username = account.username;
        credentials.password = password;
    } else if (account.auth == Core::AuthMethod::OAuth2) {
        credentials = {account.username, QString(), oauthToken, account.host, account.port};
    }
    client->setCredentials(credentials);
    // The server has answered the sign-in with the token: other processes
    // may refresh the account now, not when the refresh lock's lease ends.
    const auto tokenTried = [this, account] {
        if (account.auth == Core::AuthMethod::OAuth2 && m_accessTokens)
            m_accessTokens->tokenUsed(account.id);
    };
    connect(client, &Core::SmtpClient::sessionReady, this, [this, client, account, tokenTried, password, oauthToken] {
        tokenTried();
        const Core::SmtpCapabilities &caps = client->capabilities();
        const QLocale locale;
        log(client->authMechanism().isEmpty() ? tr("Connected.") : tr("Connected and signed in."));
        log(client->isEncrypted() ? tr("Encryption: %1").arg(client->tlsProtocolName())
                                  : tr("Encryption: none — anyone on the network can read what is sent"));
        const QList<QSslCertificate> chain = client->peerCertificateChain();
        if (!chain.isEmpty()) {
            const QSslCertificate &leaf = chain.first();
            log(tr("Certificate: %1, issued by %2, valid until %3")
                    .arg(leaf.subjectDisplayName(), leaf.issuerDisplayName(), locale.toString(leaf.expiryDate().toLocalTime(), QLocale::ShortFormat)));
            log(tr("SHA-256: %1").arg(CertificateDialog::formatFingerprint(leaf.digest(QCryptographicHash::Sha256).toHex()).replace(u'\n', u' ')));
        }
        log(tr("Sign-in: %1 (offered: %2)")
                .arg(client->authMechanism().isEmpty() ? tr("none") : client->authMechanism(),
                     caps.authMechanisms.isEmpty() ? tr("none") : caps.authMechanisms.join(u' ')));
        QStringList ext;
        if (caps.pipelining)
            ext << QStringLiteral("PIPELINING");
        if (caps.eightBitMime)
            ext << QStringLiteral("8BITMIME");
        if (caps.smtpUtf8)
            ext << QStringLiteral("SMTPUTF8");
        if (caps.dsn)
            ext << QStringLiteral("DSN");
        if (caps.chunking)
            ext << QStringLiteral("CHUNKING");
        if (caps.enhancedStatusCodes)
            ext << QStringLiteral("ENHANCEDSTATUSCODES");
        log(tr("Extensions: %1").arg(ext.isEmpty() ? tr("none") : ext.join(u' ')));
        log(caps.maxSize > 0 ? tr("Largest message: %1").arg(locale.formattedDataSize(caps.maxSize))
                             : tr("Largest message: not announced"));
        // The account as it is now (it may have been edited meanwhile).
        if (const Core::Account *current = m_accounts->find(account.id); current && current->maxMessageSize != caps.maxSize) {
            Core::Account updated = *current;
            updated.maxMessageSize = caps.maxSize;
            if (m_accounts->update(updated).ok())
                (void)m_accounts->save();
        }
        client->quit();
        if (account.imap.host.isEmpty())
            finishTest(true);
        else
            testImap(account, password, oauthToken, true);
    });
    connect(client, &Core::SmtpClient::sessionFailed, this, [this, client, account, tokenTried, password,
                                                             oauthToken](const Core::SmtpResult &r) {
        tokenTried();
        client->deleteLater();
        log(tr("Failed: %1").arg(r.error.message()));
        if (!r.error.serverText().isEmpty())
            log(tr("The server said: %1 %2").arg(r.error.replyCode()).arg(r.error.serverText()));
        const bool changed = r.error.code() == Core::Error::Code::CertificateChanged;
        if (r.error.code() == Core::Error::Code::CertificateUntrusted || changed) {
            // Trusting it tests again, the IMAP server too.
            offerTrust(r.certificate, account.host, account.port, changed);
            finishTest(false);
        } else if (!account.imap.host.isEmpty()) {
            testImap(account, password, oauthToken, false);
        } else {
            finishTest(false);
        }
    });
    client->connectToServer();
}

void AccountsDialog::testImap(const Core::Account &account, const QString &password, const QString &oauthToken, bool smtpOk)
{
    //: the account's IMAP server for the Sent copy: %1 server, %2 port, %3 encryption
    log(tr("Testing the IMAP server for copies of sent messages (%1:%2, %3)…")
            .arg(account.imap.host)
            .arg(account.imap.port)
            .arg(securityText(account.imap.security)));
    // The settings, pins and secret the Sent copy uses: what passes here files copies.
    auto *client = new Core::ImapClient(account.imapSettings(m_trust->pins(account.imap.host, account.imap.port),
                                                             qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE")),
                                        this);
    m_imap = client;
    Core::SaslCredentials credentials;
    credentials.username = account.imapUsername();
    credentials.host = account.imap.host;
    credentials.port = account.imap.port;
    if (account.auth == Core::AuthMethod::Password)
        credentials.password = password;
    else if (account.auth == Core::AuthMethod::OAuth2)
        credentials.oauthToken = oauthToken;
    client->setCredentials(credentials);
    connect(client, &Core::ImapClient::finished, this, [this, client, account, smtpOk](const Core::SentCopyResult &r) {
        client->deleteLater();
        using Kind = Core::SentCopyResult::Kind;
        if (r.kind == Kind::Done) {
            log(tr("IMAP: signed in; copies of sent messages go to the folder “%1”.").arg(r.folder));
            finishTest(smtpOk);
            return;
        }
        if (r.kind == Kind::NeedsFolder) {
            log(tr("IMAP: signed in; there is no Sent folder yet (%1). Outpost asks you before it creates one.")
                    .arg(r.folder));
            finishTest(smtpOk);
            return;
        }
        log(tr("IMAP failed: %1").arg(r.error.message()));
        if (!r.error.serverText().isEmpty())
            log(tr("The IMAP server said: %1").arg(r.error.serverText()));
        const bool changed = r.error.code() == Core::Error::Code::CertificateChanged;
        if (r.error.code() == Core::Error::Code::CertificateUntrusted || changed)
            offerTrust(r.certificate, account.imap.host, account.imap.port, changed);
        finishTest(false);
    });
    Core::SentCopyRequest request;
    request.checkOnly = true;
    client->fileInSent(request);
}

void AccountsDialog::offerTrust(const Core::CertificateInfo &certificate, const QString &host, quint16 port, bool changed)
{
    Core::CertificateInfo info = certificate;
    info.host = host; // pinned per host and port, as the account names them
    auto *dialog = new CertificateDialog(info, port, changed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CertificateDialog::trusted, this, [this, changed](const QString &trustedHost, quint16 trustedPort, const QString &sha256) {
        if (changed)
            m_trust->unpinAll(trustedHost, trustedPort); // the old one is not trusted any more
        m_trust->pin(trustedHost, trustedPort, sha256);
        if (auto saved = m_trust->save(); !saved) {
            log(saved.error().message());
            return;
        }
        log(tr("Trusted the certificate %1 for %2:%3; testing again.").arg(sha256.left(16) + QStringLiteral("…"), trustedHost).arg(trustedPort));
        testSelected();
    });
    dialog->open();
}

void AccountsDialog::finishTest(bool ok)
{
    m_test->setEnabled(true);
    Q_EMIT testFinished(ok);
}

} // namespace Gui
