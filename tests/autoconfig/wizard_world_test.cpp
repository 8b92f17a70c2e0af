// SPDX-License-Identifier: GPL-3.0-or-later
// The setup wizard, used as a person would (typing, clicking), against the
// private internet of tests/scripts/autoconfig_world.py.
#include "ui/accountwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

using Gui::AccountWizard;

namespace {

Core::Autoconfig::DiscoveryOptions worldOptions()
{
    Core::Autoconfig::DiscoveryOptions o;
    o.ispdbBaseUrl = QUrl(qEnvironmentVariable("OUTPOST_ISPDB_URL"));
    o.extraCaFile = qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE");
    return o;
}

template<typename T>
T *child(QWidget *w, const char *name)
{
    T *c = w->findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(c, nullptr) << name;
    return c;
}

class Wizard : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(qEnvironmentVariable("AUTOCONFIG_WORLD_DIR").isEmpty()) << "run through tests/scripts/autoconfig_world.py";
        QFile::resize(QDir(qEnvironmentVariable("AUTOCONFIG_WORLD_DIR")).filePath(QStringLiteral("smtp-auth.log")), 0);
        wizard = std::make_unique<AccountWizard>(worldOptions());
        wizard->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(wizard.get()));
    }

    void type(const char *name, const QString &text)
    {
        auto *edit = child<QLineEdit>(wizard.get(), name);
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void clickNext() { wizard->button(QWizard::NextButton)->click(); }

    [[nodiscard]] bool waitForPage(int id, int ms = 40000) const
    {
        return QTest::qWaitFor([&] { return wizard->currentId() == id; }, ms);
    }

    [[nodiscard]] bool waitForNextEnabled(int ms = 30000) const
    {
        return QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, ms);
    }

    std::unique_ptr<AccountWizard> wizard;
};

} // namespace

TEST_F(Wizard, FromAddressToVerifiedAccount)
{
    const QString password = qEnvironmentVariable("AUTOCONFIG_WORLD_PASSWORD");
    type("nameEdit", QStringLiteral("Ada Lovelace"));
    type("addressEdit", QStringLiteral("ada@provider.test"));
    type("passwordEdit", password);
    clickNext();
    ASSERT_EQ(wizard->currentId(), AccountWizard::DiscoverPage);
    // The result page follows by itself when the discovery ends.
    ASSERT_TRUE(waitForPage(AccountWizard::ResultPage)) << child<QPlainTextEdit>(wizard.get(), "discoveryLog")->toPlainText().toStdString();
    EXPECT_FALSE(child<QPlainTextEdit>(wizard.get(), "discoveryLog")->toPlainText().isEmpty());
    EXPECT_EQ(child<QLabel>(wizard.get(), "domainLabel")->text(), QStringLiteral("provider.test"));
    EXPECT_TRUE(child<QLabel>(wizard.get(), "chosenLabel")->text().contains(QLatin1String("smtp.provider.test, port 465")));
    EXPECT_TRUE(child<QLabel>(wizard.get(), "reasonsLabel")->text().contains(QLatin1String("configuration server")));
    EXPECT_FALSE(child<QCheckBox>(wizard.get(), "confirmCheck")->isVisible()) << "an authenticated source needs no extra confirmation";
    ASSERT_TRUE(wizard->currentPage()->isComplete());
    clickNext();
    ASSERT_EQ(wizard->currentId(), AccountWizard::VerifyPage);
    ASSERT_TRUE(waitForNextEnabled()) << child<QLabel>(wizard.get(), "verifyLabel")->text().toStdString();
    EXPECT_TRUE(child<QLabel>(wizard.get(), "verifyLabel")->text().contains(QLatin1String("Signed in successfully")));
    clickNext();
    ASSERT_EQ(wizard->currentId(), AccountWizard::IdentityPage);
    EXPECT_EQ(child<QLineEdit>(wizard.get(), "displayNameEdit")->text(), QStringLiteral("Ada Lovelace"));
    auto *signature = child<QPlainTextEdit>(wizard.get(), "signatureEdit");
    signature->setFocus();
    QTest::keyClicks(signature, QStringLiteral("Ada - analytical engines"));

    QSignalSpy ready(wizard.get(), &AccountWizard::accountReady);
    wizard->button(QWizard::FinishButton)->click();
    ASSERT_EQ(ready.size(), 1);
    const auto account = ready.first().at(0).value<Core::Account>();
    EXPECT_EQ(account.host, QStringLiteral("smtp.provider.test"));
    EXPECT_EQ(account.port, 465);
    EXPECT_EQ(account.security, Core::SmtpSecurity::ImplicitTls);
    EXPECT_EQ(account.username, QStringLiteral("ada@provider.test"));
    // The IMAP server the provider's file names, for the Sent copy (issue 20).
    EXPECT_EQ(account.imap.host, QStringLiteral("imap.provider.test"));
    EXPECT_EQ(account.imap.port, 993);
    EXPECT_EQ(account.imap.security, Core::SmtpSecurity::ImplicitTls);
    EXPECT_EQ(account.imap.username, QStringLiteral("ada@provider.test"));
    EXPECT_EQ(account.saveSent, Core::SentCopyMode::Auto);
    EXPECT_TRUE(account.copiesToSent());
    ASSERT_EQ(account.identities.size(), 1);
    EXPECT_EQ(account.identities.first().name, QStringLiteral("Ada Lovelace"));
    EXPECT_EQ(account.identities.first().signature, QStringLiteral("Ada - analytical engines"));
    EXPECT_EQ(ready.first().at(1).toString(), password);
}

TEST_F(Wizard, UnauthenticatedSourceMustBeConfirmed)
{
    type("addressEdit", QStringLiteral("bo@srvonly.test"));
    type("passwordEdit", QStringLiteral("x"));
    clickNext();
    ASSERT_TRUE(waitForPage(AccountWizard::ResultPage));
    auto *confirm = child<QCheckBox>(wizard.get(), "confirmCheck");
    EXPECT_TRUE(confirm->isVisible());
    EXPECT_TRUE(confirm->text().contains(QLatin1String("srvonly.test")));
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
    // "Edit Settings" is no way around the confirmation either.
    child<QPushButton>(wizard.get(), "editButton")->click();
    EXPECT_EQ(wizard->currentId(), AccountWizard::ResultPage);
    confirm->click();
    // The IMAP server came from SRV too: it gets the same password, so it
    // needs its own tick while it is in the field.
    auto *imapHost = child<QLineEdit>(wizard.get(), "imapHostEdit");
    EXPECT_EQ(imapHost->text(), QStringLiteral("imap.srvonly.test"));
    auto *imapConfirm = child<QCheckBox>(wizard.get(), "imapConfirmCheck");
    EXPECT_TRUE(imapConfirm->isVisible());
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
    imapConfirm->click();
    EXPECT_TRUE(wizard->button(QWizard::NextButton)->isEnabled());
    // Another server typed in needs no tick; emptied, there is no IMAP server.
    imapConfirm->click();
    type("imapHostEdit", QString());
    EXPECT_TRUE(wizard->button(QWizard::NextButton)->isEnabled());
    EXPECT_TRUE(wizard->account().imap.host.isEmpty());
}

TEST_F(Wizard, GmailFilesTheSentCopyItselfAndTheWizardSaysSo)
{
    type("addressEdit", QStringLiteral("ada@gmail.com"));
    clickNext();
    ASSERT_TRUE(waitForPage(AccountWizard::ResultPage)) << child<QPlainTextEdit>(wizard.get(), "discoveryLog")->toPlainText().toStdString();
    // Outpost's table names imap.gmail.com (a Dovecot in this world).
    EXPECT_EQ(child<QLineEdit>(wizard.get(), "imapHostEdit")->text(), QStringLiteral("imap.gmail.com"))
        << child<QPlainTextEdit>(wizard.get(), "discoveryLog")->toPlainText().toStdString();
    auto *explanation = child<QLabel>(wizard.get(), "saveSentLabel");
    EXPECT_TRUE(explanation->text().contains(QLatin1String("Gmail files a copy in Sent itself"))) << explanation->text().toStdString();
    auto *mode = child<QComboBox>(wizard.get(), "saveSentCombo");
    mode->setCurrentIndex(mode->findData(int(Core::SentCopyMode::Always)));
    EXPECT_TRUE(explanation->text().contains(QLatin1String("expect two"))) << explanation->text().toStdString();
}

TEST_F(Wizard, ManualSetupRetestAndABadPassword)
{
    type("addressEdit", QStringLiteral("cy@guessme.test"));
    wizard->button(QWizard::CustomButton1)->click(); // "Manual Setup", from the first page
    ASSERT_EQ(wizard->currentId(), AccountWizard::ManualPage);
    type("hostEdit", QStringLiteral("smtp.guessme.test"));
    auto *security = child<QComboBox>(wizard.get(), "securityCombo");
    security->setCurrentIndex(security->findData(int(Core::SmtpSecurity::StartTls)));
    EXPECT_EQ(child<QSpinBox>(wizard.get(), "portSpin")->value(), 587);
    type("usernameEdit", QStringLiteral("cy@guessme.test"));
    child<QPushButton>(wizard.get(), "retestButton")->click();
    auto *retest = child<QLabel>(wizard.get(), "retestLabel");
    ASSERT_TRUE(QTest::qWaitFor([&] { return retest->text().contains(QLatin1String("answered")); }, 20000)) << retest->text().toStdString();
    EXPECT_TRUE(retest->text().contains(QLatin1String("Outpost Autoconfig Test CA")));
    clickNext();
    ASSERT_EQ(wizard->currentId(), AccountWizard::VerifyPage);
    auto *status = child<QLabel>(wizard.get(), "verifyLabel");
    ASSERT_TRUE(QTest::qWaitFor([&] { return status->text().contains(QLatin1String("did not accept")); }, 30000)) << status->text().toStdString();
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
    // The right password, then "Try Again".
    type("verifyPasswordEdit", qEnvironmentVariable("AUTOCONFIG_WORLD_PASSWORD"));
    child<QPushButton>(wizard.get(), "verifyAgainButton")->click();
    ASSERT_TRUE(waitForNextEnabled()) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QLatin1String("Signed in successfully")));
    // Exactly the attempts the person asked for reached the server.
    QFile log(QDir(qEnvironmentVariable("AUTOCONFIG_WORLD_DIR")).filePath(QStringLiteral("smtp-auth.log")));
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(QJsonDocument::fromJson(lines[0]).object().value(QStringLiteral("ip")).toString(), QStringLiteral("10.77.0.7"));
}
