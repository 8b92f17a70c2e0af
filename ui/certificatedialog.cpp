// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/certificatedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

QString CertificateDialog::formatFingerprint(const QByteArray &hex)
{
    QStringList pairs;
    const QString upper = QString::fromLatin1(hex).toUpper();
    for (qsizetype i = 0; i + 1 < upper.size(); i += 2)
        pairs << upper.mid(i, 2);
    // Two lines of 16 pairs read better than one of 32.
    return pairs.mid(0, 16).join(u':') + (pairs.size() > 16 ? QStringLiteral(":\n") + pairs.mid(16).join(u':') : QString());
}

CertificateDialog::CertificateDialog(const Core::CertificateInfo &info, quint16 port, bool changed, QWidget *parent)
    : QDialog(parent)
    , m_host(info.host)
    , m_port(port)
    , m_sha256(QString::fromLatin1(info.sha256))
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(changed ? tr("Server Certificate Changed") : tr("Untrusted Server Certificate"));
    auto *layout = new QVBoxLayout(this);

    auto *headline = new QLabel(this);
    headline->setObjectName(QStringLiteral("headline"));
    headline->setWordWrap(true);
    headline->setTextFormat(Qt::PlainText);
    if (changed) {
        headline->setText(tr("The certificate of %1 is not the one you trusted before. Someone may be intercepting "
                             "your connection. Do not continue unless your provider told you that it changed.")
                              .arg(info.host));
        headline->setStyleSheet(QStringLiteral("QLabel { background: #b3261e; color: white; padding: 8px; font-weight: bold; }"));
    } else {
        headline->setText(tr("Outpost could not verify that this server is %1. Its certificate is shown below; "
                             "trust it only if you know it is right (for example, your company's own server).")
                              .arg(info.host));
    }
    layout->addWidget(headline);

    const QSslCertificate leaf = info.chain.isEmpty() ? QSslCertificate() : info.chain.first();
    auto *form = new QFormLayout;
    auto addRow = [&](const QString &label, const QString &value, const char *name) {
        auto *v = new QLabel(value.isEmpty() ? tr("(none)") : value, this);
        v->setObjectName(QString::fromLatin1(name));
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        v->setTextFormat(Qt::PlainText);
        v->setWordWrap(true);
        form->addRow(label, v);
    };
    addRow(tr("Server:"), QStringLiteral("%1:%2").arg(info.host).arg(port), "server");
    addRow(tr("Issued to:"), leaf.subjectDisplayName(), "subject");
    addRow(tr("Issued by:"), leaf.issuerDisplayName(), "issuer");
    const QLocale locale;
    //: validity period of a certificate: %1 start, %2 end
    addRow(tr("Valid:"), tr("from %1 to %2").arg(locale.toString(leaf.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                                               locale.toString(leaf.expiryDate().toLocalTime(), QLocale::ShortFormat)),
           "validity");
    QStringList names = leaf.subjectAlternativeNames().values(QSsl::DnsEntry);
    addRow(tr("Names:"), names.join(QStringLiteral(", ")), "names");
    addRow(tr("SHA-256 fingerprint:"), formatFingerprint(info.sha256), "fingerprint");
    QStringList reasons;
    for (const QSslError &e : info.errors)
        reasons << e.errorString();
    if (changed)
        reasons.prepend(tr("It differs from the certificate you trusted for this server."));
    addRow(tr("Problem:"), reasons.join(u'\n'), "reasons");
    if (auto *fp = findChild<QLabel *>(QStringLiteral("fingerprint"))) {
        QFont mono(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        fp->setFont(mono);
        fp->setWordWrap(false); // two lines of 16 pairs, as formatted
    }
    setMinimumWidth(560);
    layout->addLayout(form);

    if (changed) {
        m_confirm = new QCheckBox(tr("My provider confirmed this new fingerprint"), this);
        m_confirm->setObjectName(QStringLiteral("confirmChange"));
        layout->addWidget(m_confirm);
    }
    auto *buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(tr("&Trust This Certificate for This Server"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true); // the safe choice is the default
    cancel->setFocus();
    m_trust->setAutoDefault(false);
    if (m_confirm) {
        m_trust->setEnabled(false);
        connect(m_confirm, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
    }
    if (m_sha256.isEmpty())
        m_trust->setEnabled(false);
    connect(m_trust, &QPushButton::clicked, this, [this] {
        Q_EMIT trusted(m_host, m_port, m_sha256);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Gui
