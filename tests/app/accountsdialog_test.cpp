// SPDX-License-Identifier: GPL-3.0-or-later
// The accounts dialog's "Test Connection" and the certificate dialog, against
// real aiosmtpd servers (plain, and TLS with an untrusted certificate).
#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testcerts.h"
#include "tests/support/testutil.h"
#include "ui/accountsdialog.h"
#include "ui/certificatedialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

#include <gtest/gtest.h>

namespace {

class AccountsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        m_out = m_home.filePath(QStringLiteral("received"));
        QDir().mkpath(m_out);
        // Created only now: their default paths follow the XDG variables.
        m_accountStore = std::make_unique<Core::AccountStore>();
        m_trustStore = std::make_unique<Core::TrustStore>();
    }

    // aiosmtpd with implicit TLS and a certificate no CA vouches for.
    std::unique_ptr<ServerProcess> selfSignedServer() const
    {
        const TestCerts::Paths &certs = TestCerts::paths();
        return std::make_unique<ServerProcess>(
            TestUtil::python(), QStringList{TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), m_out,
                                            QStringLiteral("--implicit-tls"), QStringLiteral("--cert"), certs.selfSignedCert,
                                            QStringLiteral("--key"), certs.selfSignedKey});
    }

    Core::Account account(quint16 port, Core::SmtpSecurity security)
    {
        Core::Account a;
        a.name = QStringLiteral("Work");
        a.host = QStringLiteral("localhost");
        a.port = port;
        a.security = security;
        a.auth = Core::AuthMethod::None;
        Core::Identity i;
        i.name = QStringLiteral("Ada");
        i.address = QStringLiteral("ada@example.org");
        a.identities = {i};
        EXPECT_TRUE(m_accountStore->add(a).ok());
        EXPECT_TRUE(m_accountStore->save().ok());
        return m_accountStore->accounts().last();
    }

    QTemporaryDir m_home;
    QString m_out;
    std::unique_ptr<Core::AccountStore> m_accountStore;
    std::unique_ptr<Core::TrustStore> m_trustStore;
    Core::CredentialStore m_credentials;
};

} // namespace

TEST_F(AccountsDialogTest, TestConnectionReportsWhatTheServerOffers)
{
    ServerProcess server(TestUtil::python(), {TestUtil::scriptPath("aiosmtpd_server.py"), QStringLiteral("--outdir"), m_out,
                                              QStringLiteral("--no-auth")});
    ASSERT_TRUE(server.ok());
    const Core::Account a = account(server.ready().toUShort(), Core::SmtpSecurity::None);
    Gui::AccountsDialog dialog(m_accountStore.get(), &m_credentials, m_trustStore.get());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("accountList"));
    ASSERT_EQ(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("Ada <ada@example.org>")));
    QSignalSpy finished(&dialog, &Gui::AccountsDialog::testFinished);
    dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->click();
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.first().first().toBool()) << dialog.report().toStdString();
    const QString report = dialog.report();
    EXPECT_TRUE(report.contains(QStringLiteral("Connected"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("Encryption: none"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("SMTPUTF8"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("Largest message: 32"))) << report.toStdString();
    EXPECT_EQ(m_accountStore->find(a.id)->maxMessageSize, 33554432) << "the SIZE seen is kept for the composer's warning";
}

TEST_F(AccountsDialogTest, AnUntrustedCertificateIsShownAndCanBePinned)
{
    const TestCerts::Paths &certs = TestCerts::paths();
    const auto server = selfSignedServer();
    ASSERT_TRUE(server->ok());
    const quint16 port = server->ready().toUShort();
    account(port, Core::SmtpSecurity::ImplicitTls);
    Gui::AccountsDialog dialog(m_accountStore.get(), &m_credentials, m_trustStore.get());
    dialog.show();
    QSignalSpy finished(&dialog, &Gui::AccountsDialog::testFinished);
    dialog.testSelected();
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_FALSE(finished.first().first().toBool());
    Gui::CertificateDialog *cert = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (cert = dialog.findChild<Gui::CertificateDialog *>()) != nullptr; }, 5000));
    const QString expected = TestCerts::sha256Of(certs.selfSignedCert);
    EXPECT_EQ(cert->fingerprint(), expected);
    EXPECT_EQ(cert->findChild<QLabel *>(QStringLiteral("fingerprint"))->text(),
              Gui::CertificateDialog::formatFingerprint(expected.toLatin1()));
    EXPECT_TRUE(cert->findChild<QLabel *>(QStringLiteral("reasons"))->text().contains(QStringLiteral("self-signed"), Qt::CaseInsensitive))
        << cert->findChild<QLabel *>(QStringLiteral("reasons"))->text().toStdString();
    EXPECT_EQ(cert->findChild<QCheckBox *>(QStringLiteral("confirmChange")), nullptr) << "first use: no change to confirm";
    cert->findChild<QPushButton *>(QStringLiteral("trustButton"))->click();
    // Trusted: pinned on disk, and the test runs again and succeeds.
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.last().first().toBool()) << dialog.report().toStdString();
    Core::TrustStore reloaded;
    ASSERT_TRUE(reloaded.load().ok());
    EXPECT_EQ(reloaded.pins(QStringLiteral("localhost"), port), QStringList{expected});
}

TEST_F(AccountsDialogTest, AChangedPinnedCertificateIsALoudWarning)
{
    const TestCerts::Paths &certs = TestCerts::paths();
    const auto server = selfSignedServer();
    ASSERT_TRUE(server->ok());
    const quint16 port = server->ready().toUShort();
    account(port, Core::SmtpSecurity::ImplicitTls);
    m_trustStore->pin(QStringLiteral("localhost"), port, TestCerts::sha256Of(certs.serverCert)); // trusted before: another one
    ASSERT_TRUE(m_trustStore->save().ok());
    Gui::AccountsDialog dialog(m_accountStore.get(), &m_credentials, m_trustStore.get());
    dialog.show();
    QSignalSpy finished(&dialog, &Gui::AccountsDialog::testFinished);
    dialog.testSelected();
    ASSERT_TRUE(finished.wait(20000));
    Gui::CertificateDialog *cert = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (cert = dialog.findChild<Gui::CertificateDialog *>()) != nullptr; }, 5000));
    EXPECT_TRUE(cert->findChild<QLabel *>(QStringLiteral("headline"))->text().contains(QStringLiteral("not the one you trusted")));
    auto *trust = cert->findChild<QPushButton *>(QStringLiteral("trustButton"));
    EXPECT_FALSE(trust->isEnabled()) << "a changed certificate needs the explicit confirmation first";
    cert->findChild<QCheckBox *>(QStringLiteral("confirmChange"))->click();
    EXPECT_TRUE(trust->isEnabled());
    cert->reject();
    EXPECT_EQ(m_trustStore->pins(QStringLiteral("localhost"), port), QStringList{TestCerts::sha256Of(certs.serverCert)}) << "nothing changed";
}

TEST_F(AccountsDialogTest, RemoveAsksAndForgetsTheAccount)
{
    account(1, Core::SmtpSecurity::None);
    Gui::AccountsDialog dialog(m_accountStore.get(), &m_credentials, m_trustStore.get());
    QSignalSpy changed(&dialog, &Gui::AccountsDialog::accountsChanged);
    dialog.show();
    QTimer::singleShot(0, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    dialog.findChild<QPushButton *>(QStringLiteral("removeButton"))->click();
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(dialog.findChild<QListWidget *>(QStringLiteral("accountList"))->count(), 0);
    Core::AccountStore reloaded;
    ASSERT_TRUE(reloaded.load().ok());
    EXPECT_TRUE(reloaded.accounts().isEmpty());
}
