// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/smtp/certificateinfo.h"

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace Gui {

/**
 * Shown when a server's certificate fails verification: who it claims to
 * be, who signed it, when it is valid, its SHA-256 fingerprint and why it
 * was refused. "Trust this certificate for this server" pins exactly this
 * certificate for this host and port (trust on first use, the person's
 * explicit choice). A certificate that replaced a pinned one is a loud
 * warning, and trusting it needs one more explicit confirmation.
 */
class CertificateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)
public:
    CertificateDialog(const Core::CertificateInfo &info, quint16 port, bool changed, QWidget *parent = nullptr);

    [[nodiscard]] QString fingerprint() const { return m_sha256; }

    /// The fingerprint grouped in pairs ("AB:CD:…"), as people compare it.
    [[nodiscard]] static QString formatFingerprint(const QByteArray &hex);

Q_SIGNALS:
    /// The person chose to trust this certificate for host:port.
    void trusted(const QString &host, quint16 port, const QString &sha256);

private:
    QString m_host;
    quint16 m_port;
    QString m_sha256;
    QCheckBox *m_confirm = nullptr;
    QPushButton *m_trust = nullptr;
};

} // namespace Gui
