// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test certificates made with the openssl command once per test process:
// a CA, a server certificate for localhost/127.0.0.1 signed by it, and an
// unrelated self-signed certificate for the same names.

#include <QString>

namespace TestCerts {

struct Paths
{
    QString dir;
    QString caCert;
    QString serverCert; ///< signed by caCert
    QString serverKey;
    QString selfSignedCert;
    QString selfSignedKey;
};

/// Generates on first use; fails the calling test loudly if openssl fails.
const Paths &paths();

/// SHA-256 fingerprint (hex, lower case) of a PEM certificate file.
QString sha256Of(const QString &pemPath);

} // namespace TestCerts
