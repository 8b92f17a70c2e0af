// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/accountwizard.h"

#include "core/autoconfig/domainname.h"
#include "core/autoconfig/probe.h"
#include "core/oauth/tokensource.h"
#include "ui/oauthsignin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

namespace Gui {

namespace AC = Core::Autoconfig;

namespace {

// A wizard page whose behaviour is given as functions, so the whole flow
// reads in one place (AccountWizard's constructor).
class Page final : public QWizardPage
{
public:
    std::function<void()> onInit;
    std::function<bool()> complete;
    std::function<int()> next;
    std::function<bool()> validate;
    std::function<void()> onCleanup;

    void initializePage() override
    {
        if (onInit)
            onInit();
    }
    void cleanupPage() override
    {
        if (onCleanup)
            onCleanup();
        QWizardPage::cleanupPage();
    }
    [[nodiscard]] bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    [[nodiscard]] int nextId() const override { return next ? next() : QWizardPage::nextId(); }
    bool validatePage() override { return validate ? validate() : true; }
    void changed() { Q_EMIT completeChanged(); }
};

QString securityText(Core::SmtpSecurity s)
{
    switch (s) {
    case Core::SmtpSecurity::ImplicitTls: return AccountWizard::tr("TLS");
    case Core::SmtpSecurity::StartTls: return AccountWizard::tr("STARTTLS");
    case Core::SmtpSecurity::None: return AccountWizard::tr("No encryption");
    }
    return {};
}

/// Fills an encryption choice and keeps the port on the usual one for it
/// (implicitPort for TLS, startTlsPort for STARTTLS) when it changes.
void linkSecurityAndPort(QComboBox *security, QSpinBox *port, bool offerNone, int implicitPort, int startTlsPort)
{
    security->addItem(securityText(Core::SmtpSecurity::ImplicitTls), int(Core::SmtpSecurity::ImplicitTls));
    security->addItem(securityText(Core::SmtpSecurity::StartTls), int(Core::SmtpSecurity::StartTls));
    if (offerNone)
        security->addItem(securityText(Core::SmtpSecurity::None), int(Core::SmtpSecurity::None));
    QObject::connect(security, &QComboBox::currentIndexChanged, port, [security, port, implicitPort, startTlsPort] {
        const auto s = static_cast<Core::SmtpSecurity>(security->currentData().toInt());
        if (s == Core::SmtpSecurity::ImplicitTls && port->value() == startTlsPort)
            port->setValue(implicitPort);
        else if (s == Core::SmtpSecurity::StartTls && port->value() == implicitPort)
            port->setValue(startTlsPort);
    });
}

} // namespace

struct AccountWizard::Private
{
    AC::DiscoveryOptions options;
    AC::DiscoveryResult result;
    std::unique_ptr<AC::Discovery> discovery;
    std::unique_ptr<AC::Probe> probe;
    bool discoveryDone = false;
    bool verified = false;
    bool verifying = false;
    bool manual = false;
    qint64 maxSize = 0; ///< SIZE seen when signing in

    // start
    QLineEdit *name = nullptr;
    QLineEdit *address = nullptr;
    QLineEdit *password = nullptr;
    QCheckBox *consent = nullptr;
    QCheckBox *insecure = nullptr;
    // discover
    QPlainTextEdit *log = nullptr;
    QProgressBar *busy = nullptr;
    // result
    QLabel *chosenLabel = nullptr;
    QLabel *domainLabel = nullptr;
    QLabel *reasons = nullptr;
    QComboBox *alternatives = nullptr;
    QCheckBox *confirm = nullptr;
    // manual
    QLineEdit *host = nullptr;
    QSpinBox *port = nullptr;
    QComboBox *security = nullptr;
    QLineEdit *username = nullptr;
    QComboBox *auth = nullptr;
    QLabel *retestResult = nullptr;
    QPushButton *retest = nullptr;
    // verify
    QLabel *verifyStatus = nullptr;
    QLineEdit *verifyPassword = nullptr;
    QLabel *verifyPasswordLabel = nullptr;
    QPushButton *verifyAgain = nullptr;
    OAuthSignIn *oauth = nullptr;
    /// The <oAuth2> block of the server discovery chose, if it had one.
    AC::OAuth2Info foundOAuth2;
    // IMAP server and the Sent copy (issue 20): one group, shown on the
    // result page or on the manual page, whichever is current.
    QGroupBox *imapBox = nullptr;
    QLabel *imapFound = nullptr;
    QLineEdit *imapHost = nullptr;
    QSpinBox *imapPort = nullptr;
    QComboBox *imapSecurity = nullptr;
    QLineEdit *imapUsername = nullptr;
    QCheckBox *imapConfirm = nullptr;
    QComboBox *saveSent = nullptr;
    QLabel *saveSentExplanation = nullptr;
    /// The IMAP host discovery found and that needs the person's check (§9.8), else empty.
    QString imapToConfirm;
    // identity
    QLineEdit *accountName = nullptr;
    QLineEdit *displayName = nullptr;
    QPlainTextEdit *signature = nullptr;

    Page *discoverPage = nullptr;
    Page *resultPage = nullptr;
    Page *verifyPage = nullptr;

    [[nodiscard]] const AC::Candidate *selected() const
    {
        const int i = alternatives ? alternatives->currentData().toInt() : -1;
        return i >= 0 && i < result.candidates.size() ? &result.candidates[i] : nullptr;
    }
    [[nodiscard]] Core::AuthMethod authMethod() const
    {
        return static_cast<Core::AuthMethod>(auth->currentData().toInt());
    }
    [[nodiscard]] AC::OutgoingServer server() const
    {
        AC::OutgoingServer s;
        s.host = host->text().trimmed().toLower();
        s.port = static_cast<quint16>(port->value());
        s.security = static_cast<Core::SmtpSecurity>(security->currentData().toInt());
        return s;
    }
    /// The IMAP host field holds an unauthenticated find the person has not confirmed.
    [[nodiscard]] bool imapUnconfirmed() const
    {
        return !imapToConfirm.isEmpty() && imapHost->text().trimmed().toLower() == imapToConfirm && !imapConfirm->isChecked();
    }
    [[nodiscard]] bool imapValid() const
    {
        const QString h = imapHost->text().trimmed().toLower();
        return h.isEmpty() || AC::isValidHostName(h);
    }
    void fillImap(const AC::DiscoveryResult &r)
    {
        const AC::ImapCandidate *c = r.imap();
        imapToConfirm.clear();
        imapConfirm->setChecked(false);
        if (!c) {
            imapHost->clear();
            imapFound->setText(AccountWizard::tr("No incoming (IMAP) server was found. Enter it to keep a copy of what you send "
                                                 "in your Sent folder, or leave it empty."));
            imapConfirm->hide();
            return;
        }
        imapHost->setText(c->server.host);
        imapPort->setValue(c->server.port);
        imapSecurity->setCurrentIndex(imapSecurity->findData(int(c->server.security)));
        imapUsername->setText(c->server.username);
        //: %1 is where the server was found, e.g. "the provider's configuration server"
        imapFound->setText(AccountWizard::tr("Found: %1.").arg(AC::sourceDescription(c->source)));
        if (c->needsConfirmation(r.address.domain)) {
            imapToConfirm = c->server.host;
            const QString reg = AC::registrableDomain(c->server.host);
            imapConfirm->setText(AccountWizard::tr("I checked that %1 is my provider's incoming server").arg(reg.isEmpty() ? c->server.host : reg));
        }
        imapConfirm->setVisible(!imapToConfirm.isEmpty());
    }
    /// The account as far as the Sent copy is concerned (for the explanation and account()).
    void applyImap(Core::Account &a) const
    {
        a.imap = {};
        a.imap.host = imapHost->text().trimmed().toLower();
        if (!a.imap.host.isEmpty()) {
            a.imap.port = static_cast<quint16>(imapPort->value());
            a.imap.security = static_cast<Core::SmtpSecurity>(imapSecurity->currentData().toInt());
            a.imap.username = imapUsername->text().trimmed();
        }
        a.saveSent = static_cast<Core::SentCopyMode>(saveSent->currentData().toInt());
    }
    void explainSentCopy()
    {
        Core::Account a;
        a.host = host->text().trimmed().toLower();
        if (a.host.isEmpty()) {
            if (const AC::Candidate *c = selected())
                a.host = c->server.host;
        }
        applyImap(a);
        saveSentExplanation->setText(a.sentCopyExplanation());
    }
    /// Shows the IMAP group on `page` (it moves between the result and the manual page).
    void showImapOn(QWidget *page)
    {
        if (imapBox->parentWidget() == page)
            return;
        if (QWidget *old = imapBox->parentWidget(); old && old->layout())
            old->layout()->removeWidget(imapBox);
        if (auto *form = qobject_cast<QFormLayout *>(page->layout()))
            form->addRow(imapBox);
        else if (auto *box = qobject_cast<QBoxLayout *>(page->layout()))
            box->addWidget(imapBox);
        imapBox->show();
    }
    void fillManual(const AC::Candidate &c)
    {
        // A found server signs in: with OAuth 2.0 where it wants that.
        const Core::AuthMethod method = c.authMethod().value_or(Core::AuthMethod::Password);
        auth->setCurrentIndex(auth->findData(int(method == Core::AuthMethod::None ? Core::AuthMethod::Password : method)));
        foundOAuth2 = c.oauth2;
        host->setText(c.server.host);
        port->setValue(c.server.port);
        security->setCurrentIndex(security->findData(static_cast<int>(c.server.security)));
        username->setText(c.server.username);
    }
};

AccountWizard::AccountWizard(AC::DiscoveryOptions options, QWidget *parent)
    : QWizard(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    setObjectName(QStringLiteral("accountWizard"));
    setWindowTitle(tr("Add Account"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("Manual &Setup"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("manualSetupButton"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which != QWizard::CustomButton1)
            return;
        if (d->discovery)
            d->discovery->cancel();
        d->manual = true;
        if (d->host->text().isEmpty() && !d->address->text().isEmpty()) {
            auto parts = AC::splitAddress(d->address->text());
            if (parts) {
                d->host->setText(QStringLiteral("smtp.") + parts->domain);
                d->username->setText(parts->address);
            }
        }
        // Straight to the manual page, whatever page this is.
        setStartId(ManualPage);
        restart();
        setStartId(StartPage);
    });

    // --- 1. who you are ------------------------------------------------------
    auto *start = new Page;
    start->setTitle(tr("Your mail account"));
    start->setSubTitle(tr("Outpost finds the outgoing server from your address and checks it before anything is saved."));
    d->name = new QLineEdit;
    d->name->setObjectName(QStringLiteral("nameEdit"));
    d->name->setAccessibleName(tr("Your name"));
    d->address = new QLineEdit;
    d->address->setObjectName(QStringLiteral("addressEdit"));
    d->address->setAccessibleName(tr("E-mail address"));
    d->address->setPlaceholderText(tr("name@example.org"));
    d->password = new QLineEdit;
    d->password->setObjectName(QStringLiteral("passwordEdit"));
    d->password->setAccessibleName(tr("Password"));
    d->password->setEchoMode(QLineEdit::Password);
    d->consent = new QCheckBox(tr("Let my provider's own configuration server see my address (HTTPS only)"));
    d->consent->setObjectName(QStringLiteral("consentCheck"));
    d->insecure = new QCheckBox(tr("Also consider servers without encryption (not recommended)"));
    d->insecure->setObjectName(QStringLiteral("insecureCheck"));
    auto *startForm = new QFormLayout(start);
    startForm->addRow(tr("Your na&me:"), d->name);
    startForm->addRow(tr("E-mail &address:"), d->address);
    startForm->addRow(tr("&Password:"), d->password);
    startForm->addRow(d->consent);
    startForm->addRow(d->insecure);
    auto *privacy = new QLabel(tr("Your password is sent only to the server you confirm, and only over an encrypted connection. It is kept in the system keychain."));
    privacy->setWordWrap(true);
    startForm->addRow(privacy);
    start->complete = [this] { return AC::splitAddress(d->address->text()).ok(); };
    connect(d->address, &QLineEdit::textChanged, start, [start] { start->changed(); });
    start->validate = [this] {
        d->manual = false;
        return true;
    };
    setPage(StartPage, start);

    // --- 2. looking ------------------------------------------------------------
    auto *discover = new Page;
    d->discoverPage = discover;
    discover->setTitle(tr("Looking for your server"));
    discover->setSubTitle(tr("Asking your provider, Thunderbird's provider database and DNS at the same time."));
    d->busy = new QProgressBar;
    d->busy->setRange(0, 0);
    d->busy->setAccessibleName(tr("Searching"));
    d->log = new QPlainTextEdit;
    d->log->setObjectName(QStringLiteral("discoveryLog"));
    d->log->setReadOnly(true);
    d->log->setAccessibleName(tr("What Outpost is checking"));
    auto *discoverLayout = new QVBoxLayout(discover);
    discoverLayout->addWidget(d->busy);
    discoverLayout->addWidget(d->log);
    discover->onInit = [this] {
        d->discoveryDone = false;
        d->log->clear();
        d->busy->setRange(0, 0);
        AC::DiscoveryOptions o = d->options;
        o.sendAddressToProvider = d->consent->isChecked();
        o.allowInsecure = d->insecure->isChecked();
        if (d->discovery)
            d->discovery->disconnect(this); // a replaced search never reports
        d->discovery = std::make_unique<AC::Discovery>(o);
        connect(d->discovery.get(), &AC::Discovery::progress, this, [this](const AC::DiscoveryStep &s) {
            d->log->appendPlainText(tr("%1 s  %2").arg(QLocale().toString(double(s.elapsedMs) / 1000.0, 'f', 1), s.text));
        });
        connect(d->discovery.get(), &AC::Discovery::finished, this, [this](const AC::DiscoveryResult &r) {
            d->result = r;
            d->discoveryDone = true;
            d->busy->setRange(0, 1);
            d->busy->setValue(1);
            d->discoverPage->changed();
            if (currentId() == DiscoverPage)
                next();
        });
        d->discovery->start(d->address->text());
    };
    discover->complete = [this] { return d->discoveryDone; };
    setPage(DiscoverPage, discover);

    // --- the IMAP server and the Sent copy (on page 3 or 4) --------------------------
    d->imapBox = new QGroupBox(tr("Copy of sent messages"));
    d->imapBox->setObjectName(QStringLiteral("imapBox"));
    d->imapFound = new QLabel;
    d->imapFound->setObjectName(QStringLiteral("imapFoundLabel"));
    d->imapFound->setWordWrap(true);
    d->imapFound->setTextFormat(Qt::PlainText); // names from the network are never markup
    d->imapHost = new QLineEdit;
    d->imapHost->setObjectName(QStringLiteral("imapHostEdit"));
    d->imapHost->setAccessibleName(tr("IMAP server"));
    d->imapHost->setPlaceholderText(tr("none"));
    d->imapPort = new QSpinBox;
    d->imapPort->setObjectName(QStringLiteral("imapPortSpin"));
    d->imapPort->setAccessibleName(tr("IMAP port"));
    d->imapPort->setRange(1, 65535);
    d->imapPort->setValue(993);
    d->imapSecurity = new QComboBox;
    d->imapSecurity->setObjectName(QStringLiteral("imapSecurityCombo"));
    d->imapSecurity->setAccessibleName(tr("IMAP encryption"));
    linkSecurityAndPort(d->imapSecurity, d->imapPort, false, 993, 143);
    d->imapUsername = new QLineEdit;
    d->imapUsername->setObjectName(QStringLiteral("imapUsernameEdit"));
    d->imapUsername->setAccessibleName(tr("IMAP user name"));
    d->imapUsername->setPlaceholderText(tr("the same as for sending"));
    d->imapConfirm = new QCheckBox;
    d->imapConfirm->setObjectName(QStringLiteral("imapConfirmCheck"));
    d->imapConfirm->hide();
    d->saveSent = new QComboBox;
    d->saveSent->setObjectName(QStringLiteral("saveSentCombo"));
    d->saveSent->setAccessibleName(tr("Save a copy of sent messages"));
    d->saveSent->addItem(tr("Automatic"), int(Core::SentCopyMode::Auto));
    d->saveSent->addItem(tr("Always"), int(Core::SentCopyMode::Always));
    d->saveSent->addItem(tr("Never"), int(Core::SentCopyMode::Never));
    d->saveSentExplanation = new QLabel;
    d->saveSentExplanation->setObjectName(QStringLiteral("saveSentLabel"));
    d->saveSentExplanation->setWordWrap(true);
    d->saveSentExplanation->setTextFormat(Qt::PlainText);
    auto *imapForm = new QFormLayout(d->imapBox);
    imapForm->addRow(d->imapFound);
    // Mnemonics apart from the pages the group shows on (result, manual) and the wizard's buttons.
    imapForm->addRow(tr("IMAP ser&ver:"), d->imapHost);
    auto *imapPortRow = new QHBoxLayout;
    imapPortRow->addWidget(d->imapPort);
    imapPortRow->addWidget(d->imapSecurity, 1);
    auto *imapPortLabel = new QLabel(tr("IMAP por&t:"));
    imapPortLabel->setBuddy(d->imapPort);
    imapForm->addRow(imapPortLabel, imapPortRow);
    imapForm->addRow(tr("IMAP user na&me:"), d->imapUsername);
    imapForm->addRow(d->imapConfirm);
    imapForm->addRow(tr("Save a cop&y of sent messages:"), d->saveSent);
    imapForm->addRow(d->saveSentExplanation);
    d->imapBox->hide();
    for (QLineEdit *e : {d->imapHost, d->imapUsername})
        connect(e, &QLineEdit::textChanged, this, [this] {
            d->explainSentCopy();
            if (auto *page = dynamic_cast<Page *>(currentPage()))
                page->changed();
        });
    connect(d->imapConfirm, &QCheckBox::toggled, this, [this] {
        if (auto *page = dynamic_cast<Page *>(currentPage()))
            page->changed();
    });
    connect(d->saveSent, &QComboBox::currentIndexChanged, this, [this] { d->explainSentCopy(); });

    // --- 3. what was found, and why ---------------------------------------------
    auto *resultPage = new Page;
    d->resultPage = resultPage;
    resultPage->setTitle(tr("Outgoing server"));
    d->chosenLabel = new QLabel;
    d->chosenLabel->setObjectName(QStringLiteral("chosenLabel"));
    d->chosenLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->chosenLabel->setTextFormat(Qt::PlainText); // names from the network are never markup
    d->domainLabel = new QLabel;
    d->domainLabel->setObjectName(QStringLiteral("domainLabel"));
    QFont big = d->domainLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    d->domainLabel->setFont(big);
    d->domainLabel->setTextFormat(Qt::PlainText);
    d->domainLabel->setWordWrap(true); // never truncated: homographs hide in the tail
    d->reasons = new QLabel;
    d->reasons->setObjectName(QStringLiteral("reasonsLabel"));
    d->reasons->setWordWrap(true);
    d->reasons->setTextFormat(Qt::PlainText);
    d->alternatives = new QComboBox;
    d->alternatives->setObjectName(QStringLiteral("alternativesCombo"));
    d->alternatives->setAccessibleName(tr("Servers found"));
    d->confirm = new QCheckBox;
    // (QCheckBox text is always plain.)
    d->confirm->setObjectName(QStringLiteral("confirmCheck"));
    auto *edit = new QPushButton(tr("&Edit Settings…"));
    edit->setObjectName(QStringLiteral("editButton"));
    auto *resultLayout = new QVBoxLayout(resultPage);
    resultLayout->addWidget(d->domainLabel);
    resultLayout->addWidget(d->chosenLabel);
    resultLayout->addWidget(d->reasons, 1);
    auto *altForm = new QFormLayout;
    altForm->addRow(tr("Se&rver:"), d->alternatives);
    resultLayout->addLayout(altForm);
    resultLayout->addWidget(d->confirm);
    resultLayout->addWidget(edit, 0, Qt::AlignLeft);
    // (the IMAP group joins at the end, in onInit)
    auto showSelected = [this, resultPage] {
        const AC::Candidate *c = d->selected();
        if (d->result.chosen < 0) {
            // Nothing answered as it should: say so plainly; what was tried
            // (and why it failed) is below, for the person or their helpdesk.
            d->domainLabel->setText(tr("Outpost could not find your settings."));
            d->chosenLabel->setText(tr("No server for %1 could be confirmed. Check that this computer is online, or enter "
                                       "the settings from your provider's help pages with “Edit Settings”.")
                                        .arg(d->result.address.domain));
            d->chosenLabel->setWordWrap(true);
            QStringList tried;
            for (const AC::Candidate &t : d->result.candidates)
                tried << tr("%1:%2 — %3").arg(t.server.host).arg(t.server.port).arg(t.probe.error.message().isEmpty() ? tr("not usable") : t.probe.error.message());
            d->reasons->setText(tried.isEmpty() ? QString() : tr("Tried:") + QStringLiteral("\n• ") + tried.join(QStringLiteral("\n• ")));
            d->confirm->hide();
            resultPage->changed();
            return;
        }
        d->chosenLabel->setWordWrap(false);
        if (!c) {
            d->domainLabel->setText(tr("No usable server was found."));
            d->chosenLabel->setText(tr("Enter the settings from your provider's help pages with “Edit Settings”."));
            d->reasons->clear();
            d->confirm->hide();
            resultPage->changed();
            return;
        }
        const QString reg = AC::registrableDomain(c->server.host);
        d->domainLabel->setText(reg.isEmpty() ? c->server.host : reg);
        d->chosenLabel->setText(tr("%1, port %2, %3 — user name %4")
                                    .arg(c->server.host)
                                    .arg(c->server.port)
                                    .arg(securityText(c->server.security),
                                         c->server.username.isEmpty() ? d->address->text().trimmed() : c->server.username));
        if (c->authMethod() == Core::AuthMethod::OAuth2)
            d->chosenLabel->setText(d->chosenLabel->text() + QLatin1Char('\n')
                                    + tr("You sign in with your provider in your browser (OAuth 2.0); Outpost never sees your password."));
        d->reasons->setText(QStringLiteral("• ") + c->reasons.join(QStringLiteral("\n• ")));
        const bool needs = c->needsConfirmation(d->result.address.domain);
        d->confirm->setVisible(needs);
        d->confirm->setChecked(false);
        d->confirm->setText(tr("I checked that %1 is my provider's server").arg(reg.isEmpty() ? c->server.host : reg));
        resultPage->changed();
    };
    connect(d->alternatives, &QComboBox::currentIndexChanged, this, showSelected);
    connect(d->confirm, &QCheckBox::toggled, resultPage, [resultPage] { resultPage->changed(); });
    connect(edit, &QPushButton::clicked, this, [this] {
        const AC::Candidate *c = d->selected();
        // Editing is no way around the confirmation: the password would
        // go to this server next.
        if (c && c->needsConfirmation(d->result.address.domain) && !d->confirm->isChecked()) {
            d->confirm->setFocus();
            return;
        }
        if (c)
            d->fillManual(*c);
        d->manual = true;
        next();
    });
    resultPage->onInit = [this, showSelected, resultPage] {
        d->manual = false;
        d->fillImap(d->result);
        d->showImapOn(resultPage);
        const QSignalBlocker block(d->alternatives);
        d->alternatives->clear();
        const bool insecure = d->insecure->isChecked();
        for (int i = 0; i < d->result.candidates.size(); ++i) {
            const AC::Candidate &c = d->result.candidates[i];
            if (!c.selectable(insecure))
                continue;
            d->alternatives->addItem(tr("%1:%2 (%3) — from %4").arg(c.server.host).arg(c.server.port).arg(securityText(c.server.security), AC::sourceDescription(c.source)), i);
        }
        d->alternatives->setEnabled(d->alternatives->count() > 1);
        if (d->result.chosen >= 0)
            d->alternatives->setCurrentIndex(d->alternatives->findData(d->result.chosen));
        showSelected();
        d->explainSentCopy();
    };
    resultPage->complete = [this] {
        const AC::Candidate *c = d->selected();
        if (!d->imapValid() || d->imapUnconfirmed())
            return false;
        return !c || d->result.chosen < 0 || !c->needsConfirmation(d->result.address.domain) || d->confirm->isChecked();
    };
    resultPage->next = [this] { return d->manual || !d->selected() || d->result.chosen < 0 ? int(ManualPage) : int(VerifyPage); };
    resultPage->validate = [this] {
        if (const AC::Candidate *c = d->selected(); c && !d->manual)
            d->fillManual(*c);
        return true;
    };
    setPage(ResultPage, resultPage);

    // --- 4. by hand ------------------------------------------------------------------
    auto *manual = new Page;
    manual->setTitle(tr("Server settings"));
    manual->setSubTitle(tr("Your provider's help pages list these as “SMTP” or “outgoing mail”."));
    d->host = new QLineEdit;
    d->host->setObjectName(QStringLiteral("hostEdit"));
    d->port = new QSpinBox;
    d->port->setObjectName(QStringLiteral("portSpin"));
    d->port->setRange(1, 65535);
    d->port->setValue(465);
    d->security = new QComboBox;
    d->security->setObjectName(QStringLiteral("securityCombo"));
    linkSecurityAndPort(d->security, d->port, true, 465, 587);
    d->username = new QLineEdit;
    d->username->setObjectName(QStringLiteral("usernameEdit"));
    d->auth = new QComboBox;
    d->auth->setObjectName(QStringLiteral("authCombo"));
    d->auth->addItem(tr("Password"), int(Core::AuthMethod::Password));
    d->auth->addItem(tr("OAuth 2.0: sign in with your provider in the browser"), int(Core::AuthMethod::OAuth2));
    d->auth->addItem(tr("None: the server accepts mail without signing in"), int(Core::AuthMethod::None));
    connect(d->auth, &QComboBox::currentIndexChanged, this, [this] {
        d->username->setEnabled(d->authMethod() != Core::AuthMethod::None);
    });
    d->retest = new QPushButton(tr("&Re-test"));
    d->retest->setObjectName(QStringLiteral("retestButton"));
    d->retestResult = new QLabel;
    d->retestResult->setObjectName(QStringLiteral("retestLabel"));
    d->retestResult->setWordWrap(true);
    d->retestResult->setTextFormat(Qt::PlainText);
    auto *manualForm = new QFormLayout(manual);
    manualForm->addRow(tr("&Server:"), d->host);
    manualForm->addRow(tr("P&ort:"), d->port);
    manualForm->addRow(tr("&Encryption:"), d->security);
    manualForm->addRow(tr("S&ign-in:"), d->auth);
    manualForm->addRow(tr("&User name:"), d->username);
    manualForm->addRow(d->retest);
    manualForm->addRow(d->retestResult);
    connect(d->retest, &QPushButton::clicked, this, [this] {
        d->retestResult->setText(tr("Testing %1:%2…").arg(d->host->text()).arg(d->port->value()));
        d->retest->setEnabled(false);
        if (d->probe)
            d->probe->disconnect(this);
        d->probe = std::make_unique<AC::Probe>(d->server(), d->options.extraCaFile, d->options.timeouts.probe);
        connect(d->probe.get(), &AC::Probe::finished, this, [this] {
            const AC::ProbeFacts &f = d->probe->facts();
            d->retest->setEnabled(true);
            if (f.outcome == AC::ProbeFacts::Outcome::Failed) {
                d->retestResult->setText(tr("The test failed: %1").arg(f.error.message()));
                return;
            }
            QString text = f.tlsProtocol.isEmpty() ? tr("The server answered without encryption.")
                                                   : tr("The server answered with %1.").arg(f.tlsProtocol);
            if (!f.certificateSubject.isEmpty())
                text += QLatin1Char(' ') + tr("Certificate for %1, issued by %2.").arg(f.certificateSubject, f.certificateIssuer);
            if (!f.authMechanisms.isEmpty())
                text += QLatin1Char(' ') + tr("Sign-in methods: %1.").arg(f.authMechanisms.join(QLatin1Char(' ')));
            d->retestResult->setText(text);
        });
        d->probe->start();
    });
    manual->onInit = [this, manual] {
        d->retestResult->clear();
        // Straight from the first page: what discovery found so far, if anything.
        if (d->imapBox->parentWidget() != d->resultPage)
            d->fillImap(d->result);
        d->showImapOn(manual);
        d->explainSentCopy();
    };
    manual->onCleanup = [this] {
        // Back to the result page: the group goes with the person.
        if (visitedIds().contains(ResultPage))
            d->showImapOn(d->resultPage);
    };
    manual->complete = [this] {
        return AC::isValidHostName(d->host->text().trimmed().toLower()) && d->imapValid() && !d->imapUnconfirmed();
    };
    connect(d->host, &QLineEdit::textChanged, manual, [this, manual] {
        d->explainSentCopy(); // Gmail, Outlook.com and Microsoft 365 file the copy themselves
        manual->changed();
    });
    manual->next = [] { return int(VerifyPage); };
    setPage(ManualPage, manual);

    // --- 5. signing in ---------------------------------------------------------------
    auto *verify = new Page;
    d->verifyPage = verify;
    verify->setTitle(tr("Signing in"));
    verify->setSubTitle(tr("Outpost signs in once to make sure sending will work. No message is sent."));
    d->verifyStatus = new QLabel;
    d->verifyStatus->setObjectName(QStringLiteral("verifyLabel"));
    d->verifyStatus->setWordWrap(true);
    d->verifyStatus->setTextFormat(Qt::PlainText);
    d->verifyPassword = new QLineEdit;
    d->verifyPassword->setObjectName(QStringLiteral("verifyPasswordEdit"));
    d->verifyPassword->setEchoMode(QLineEdit::Password);
    d->verifyPassword->setAccessibleName(tr("Password"));
    d->verifyAgain = new QPushButton(tr("&Try Again"));
    d->verifyAgain->setObjectName(QStringLiteral("verifyAgainButton"));
    auto *verifyForm = new QFormLayout(verify);
    verifyForm->addRow(d->verifyStatus);
    d->verifyPasswordLabel = new QLabel(tr("&Password:"));
    d->verifyPasswordLabel->setBuddy(d->verifyPassword);
    verifyForm->addRow(d->verifyPasswordLabel, d->verifyPassword);
    verifyForm->addRow(d->verifyAgain);
    d->oauth = new OAuthSignIn;
    d->oauth->hide();
    verifyForm->addRow(d->oauth);
    connect(d->oauth, &OAuthSignIn::stateChanged, this, [this](OAuthSignIn::State state) {
        d->verified = false;
        d->verifying = state == OAuthSignIn::State::WaitingForBrowser || state == OAuthSignIn::State::CheckingServer;
        if (state == OAuthSignIn::State::SignedIn) {
            if (d->oauth->tokens().refreshToken.isEmpty()) {
                // Without one, sending would need the browser every hour.
                d->verifyStatus->setText(tr("%1 signed you in but gave Outpost no lasting permission (no refresh token), "
                                            "so it could not send later. Nothing was saved.")
                                             .arg(OAuthSignIn::providerName(d->oauth->provider())));
            } else {
                d->verified = true;
                d->maxSize = d->oauth->maxSize();
                d->verifyStatus->clear();
            }
        }
        d->verifyPage->changed();
    });
    auto runVerify = [this] {
        d->verified = false;
        d->verifying = true;
        d->verifyAgain->setEnabled(false);
        d->verifyPage->changed();
        const bool oauth = d->authMethod() == Core::AuthMethod::OAuth2;
        const bool signIn = d->authMethod() != Core::AuthMethod::None && !oauth;
        d->verifyPassword->setVisible(signIn);
        d->verifyPasswordLabel->setVisible(signIn);
        d->oauth->setVisible(false);
        d->verifyAgain->setVisible(true);
        if (oauth) {
            // The browser signs in; then the server once with the token.
            d->verifying = false;
            d->verifyAgain->setEnabled(true);
            const QString host = d->host->text().trimmed().toLower();
            auto provider = OAuthSignIn::providerFor(host, d->foundOAuth2);
            if (!provider) {
                d->verifyStatus->setText(provider.error().message());
                d->verifyPage->changed();
                return;
            }
            if (d->username->text().trimmed().isEmpty())
                d->username->setText(d->address->text().trimmed());
            const AC::OutgoingServer s = d->server();
            Core::SmtpServerSettings settings;
            settings.host = s.host;
            settings.port = s.port;
            settings.security = s.security;
            settings.extraCaFile = d->options.extraCaFile;
            settings.timeouts.greeting = settings.timeouts.command = d->options.timeouts.probe.reply;
            settings.timeouts.connect = d->options.timeouts.probe.connect;
            //: %1 is a server name, %2 a provider such as "Google"
            d->verifyStatus->setText(tr("%1 signs in with OAuth 2.0 through %2.").arg(host, OAuthSignIn::providerName(provider.value())));
            d->verifyAgain->setVisible(false); // the sign-in button is the way to try again
            d->oauth->setTarget(provider.value(), d->address->text().trimmed(), settings, d->username->text().trimmed());
            d->oauth->setVisible(true);
            d->oauth->setFocus();
            d->verifyPage->changed();
            return;
        }
        if (!signIn) {
            // Nothing to sign in to: the server must answer and take mail.
            d->verifyStatus->setText(tr("Connecting to %1…").arg(d->host->text()));
            if (d->probe)
                d->probe->disconnect(this);
            d->probe = std::make_unique<AC::Probe>(d->server(), d->options.extraCaFile, d->options.timeouts.probe);
            connect(d->probe.get(), &AC::Probe::finished, this, [this] {
                const AC::ProbeFacts &f = d->probe->facts();
                d->verifying = false;
                d->verifyAgain->setEnabled(true);
                d->verified = f.outcome != AC::ProbeFacts::Outcome::Failed;
                if (d->verified) {
                    d->maxSize = f.maxSize;
                    d->verifyStatus->setText(tr("%1 answered. Outpost will send through it without signing in.").arg(d->host->text()));
                } else {
                    d->verifyStatus->setText(tr("%1 could not be used: %2").arg(d->host->text(), f.error.message()));
                }
                d->verifyPage->changed();
            });
            d->probe->start();
            return;
        }
        QStringList users;
        const QString typed = d->username->text().trimmed();
        if (!typed.isEmpty()) {
            users << typed;
        } else if (auto parts = AC::splitAddress(d->address->text()); parts) {
            users << parts->address << parts->localPart; // at most two attempts
        }
        auto attempt = std::make_shared<std::function<void(int)>>();
        *attempt = [this, users, attempt](int i) {
            d->verifyStatus->setText(tr("Signing in to %1 as %2…").arg(d->host->text(), users.value(i)));
            if (d->probe)
            d->probe->disconnect(this);
        d->probe = std::make_unique<AC::Probe>(d->server(), d->options.extraCaFile, d->options.timeouts.probe);
            connect(d->probe.get(), &AC::Probe::finished, this, [this, users, attempt, i] {
                const AC::ProbeFacts &f = d->probe->facts();
                if (f.outcome == AC::ProbeFacts::Outcome::Verified) {
                    d->maxSize = f.maxSize;
                    d->username->setText(users.value(i));
                    d->verified = true;
                    d->verifying = false;
                    d->verifyStatus->setText(tr("Signed in successfully as %1.").arg(users.value(i)));
                    d->verifyAgain->setEnabled(true);
                    d->verifyPage->changed();
                    return;
                }
                if (d->probe->advice() == AC::LoginAdvice::BadPassword && i + 1 < users.size()) {
                    QTimer::singleShot(0, this, [attempt, i] { (*attempt)(i + 1); });
                    return;
                }
                d->verifying = false;
                // The advice first (what to do), then always the reason.
                QString text = f.error.message();
                if (d->probe->advice() != AC::LoginAdvice::None) {
                    const QString advice = AC::loginAdviceText(d->probe->advice());
                    if (!text.isEmpty() && text != advice)
                        text = advice + QLatin1Char('\n') + text;
                    else
                        text = advice;
                }
                if (!f.error.serverText().isEmpty())
                    text += QLatin1Char('\n') + tr("The server said: %1").arg(f.error.serverText());
                d->verifyStatus->setText(text);
                d->verifyAgain->setEnabled(true);
                d->verifyPage->changed();
            });
            d->probe->verify(users.value(i), d->verifyPassword->text());
        };
        (*attempt)(0);
    };
    connect(d->verifyAgain, &QPushButton::clicked, this, runVerify);
    verify->onInit = [this, runVerify] {
        if (d->verifyPassword->text().isEmpty())
            d->verifyPassword->setText(d->password->text());
        runVerify();
    };
    verify->onCleanup = [this] { d->oauth->cancel(); }; // Back: no browser sign-in goes on behind it
    verify->complete = [this] { return d->verified && !d->verifying; };
    verify->next = [] { return int(IdentityPage); };
    setPage(VerifyPage, verify);

    // --- 6. how you appear ---------------------------------------------------------------
    auto *identity = new Page;
    identity->setTitle(tr("How you appear"));
    identity->setFinalPage(true);
    d->accountName = new QLineEdit;
    d->accountName->setObjectName(QStringLiteral("accountNameEdit"));
    d->displayName = new QLineEdit;
    d->displayName->setObjectName(QStringLiteral("displayNameEdit"));
    d->signature = new QPlainTextEdit;
    d->signature->setObjectName(QStringLiteral("signatureEdit"));
    d->signature->setAccessibleName(tr("Signature"));
    d->signature->setTabChangesFocus(true);
    auto *identityForm = new QFormLayout(identity);
    identityForm->addRow(tr("Account na&me:"), d->accountName);
    identityForm->addRow(tr("Your name as &recipients see it:"), d->displayName);
    identityForm->addRow(tr("Si&gnature:"), d->signature);
    identity->onInit = [this] {
        if (d->accountName->text().isEmpty())
            d->accountName->setText(d->address->text().trimmed());
        if (d->displayName->text().isEmpty())
            d->displayName->setText(d->name->text().trimmed());
    };
    identity->complete = [this] { return !d->accountName->text().trimmed().isEmpty(); };
    connect(d->accountName, &QLineEdit::textChanged, identity, [identity] { identity->changed(); });
    identity->next = [] { return -1; };
    setPage(IdentityPage, identity);

    setStartId(StartPage);
}

AccountWizard::~AccountWizard() = default;

Core::Account AccountWizard::account() const
{
    Core::Account a;
    a.name = d->accountName->text().trimmed();
    const AC::OutgoingServer s = d->server();
    a.host = s.host;
    a.port = s.port;
    a.security = s.security;
    a.auth = d->authMethod();
    a.username = a.auth == Core::AuthMethod::None ? QString() : d->username->text().trimmed();
    a.maxMessageSize = d->maxSize;
    d->applyImap(a);
    if (a.auth == Core::AuthMethod::OAuth2) {
        a.oauth2 = Core::OAuth::settingsForProvider(d->oauth->provider());
        a.oauth2.signedInAt = QDateTime::currentDateTimeUtc();
    }
    Core::Identity i;
    i.name = d->displayName->text().trimmed();
    i.address = d->address->text().trimmed();
    i.signature = d->signature->toPlainText();
    i.isDefault = true;
    a.identities = {i};
    return a;
}

QString AccountWizard::password() const
{
    if (d->authMethod() == Core::AuthMethod::OAuth2)
        return d->oauth->tokens().refreshToken;
    return d->verifyPassword->text();
}

const AC::DiscoveryResult &AccountWizard::discovery() const
{
    return d->result;
}

void AccountWizard::accept()
{
    Q_EMIT accountReady(account(), password());
    QWizard::accept();
}

} // namespace Gui
