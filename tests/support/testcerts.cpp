// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testcerts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace TestCerts {

namespace {

bool openssl(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        ADD_FAILURE() << "openssl " << args.join(u' ').toStdString() << " failed: "
                      << p.readAllStandardError().toStdString();
        return false;
    }
    return true;
}

Paths generate()
{
    static QTemporaryDir dir;
    Paths p;
    p.dir = dir.path();
    const auto f = [&](const char *name) { return dir.filePath(QString::fromLatin1(name)); };
    p.caCert = f("ca.pem");
    p.serverCert = f("server.pem");
    p.serverKey = f("server.key");
    p.selfSignedCert = f("self.pem");
    p.selfSignedKey = f("self.key");
    QFile ext(f("san.ext"));
    if (ext.open(QIODevice::WriteOnly))
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    ext.close();
    const QString days = QStringLiteral("3650");
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             f("ca.key"), QStringLiteral("-out"), p.caCert, QStringLiteral("-days"), days,
             QStringLiteral("-subj"), QStringLiteral("/CN=Outpost Test CA")},
            p.dir);
    openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), p.serverKey,
             QStringLiteral("-out"), f("server.csr"), QStringLiteral("-subj"),
             QStringLiteral("/CN=localhost")},
            p.dir);
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), f("server.csr"),
             QStringLiteral("-CA"), p.caCert, QStringLiteral("-CAkey"), f("ca.key"),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), p.serverCert,
             QStringLiteral("-days"), days, QStringLiteral("-extfile"), f("san.ext")},
            p.dir);
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             p.selfSignedKey, QStringLiteral("-out"), p.selfSignedCert, QStringLiteral("-days"),
             days, QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")},
            p.dir);
    return p;
}

} // namespace

const Paths &paths()
{
    static const Paths p = generate();
    return p;
}

QString sha256Of(const QString &pemPath)
{
    const auto certs = QSslCertificate::fromPath(pemPath, QSsl::Pem);
    return certs.isEmpty() ? QString()
                           : QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex());
}

} // namespace TestCerts
