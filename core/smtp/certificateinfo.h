// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Core {

/// A server's certificate that failed verification or did not match a pin:
/// what the person is shown before deciding to trust it.
struct CertificateInfo
{
    QString host;
    QList<QSslCertificate> chain;
    QByteArray sha256; ///< hex fingerprint of the leaf certificate
    QList<QSslError> errors;
};

} // namespace Core
