// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the tests inside tests/scripts/autoconfig_world.py share: the
// world's options and one discovery run to its end.
#include "core/autoconfig/discovery.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <string>

namespace WorldTest {

/// AUTOCONFIG_WORLD_DIR: the world's logs (web.log, smtp-auth.log, the Dovecots').
inline QString worldDir()
{
    return qEnvironmentVariable("AUTOCONFIG_WORLD_DIR");
}

/// The world's ISPDB mirror and test CA.
inline Core::Autoconfig::DiscoveryOptions worldOptions()
{
    Core::Autoconfig::DiscoveryOptions o;
    o.ispdbBaseUrl = QUrl(qEnvironmentVariable("OUTPOST_ISPDB_URL"));
    o.extraCaFile = qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE");
    return o;
}

inline Core::Autoconfig::DiscoveryResult discover(const QString &address,
                                                  const Core::Autoconfig::DiscoveryOptions &options = worldOptions())
{
    Core::Autoconfig::Discovery d(options);
    QSignalSpy finished(&d, &Core::Autoconfig::Discovery::finished);
    d.start(address);
    EXPECT_TRUE(finished.wait(options.timeouts.total + 15000));
    return d.result();
}

/// The whole result, for a failed expectation.
inline std::string describe(const Core::Autoconfig::DiscoveryResult &r)
{
    return QJsonDocument(r.toJson(true)).toJson().toStdString();
}

struct ScriptRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// A bash script with `outpost` as $1, beside a real keyring (with_keyring.sh).
inline ScriptRun runWithKeyring(const QString &script)
{
    QProcess p;
    p.start(QStringLiteral(TEST_SCRIPTS_DIR "/with_keyring.sh"),
            {QStringLiteral("bash"), QStringLiteral("-c"), script, QStringLiteral("sh"), QStringLiteral(OUTPOST_BINARY)});
    const bool finished = p.waitForFinished(120000);
    EXPECT_TRUE(finished) << "the script did not end in 2 minutes";
    return {finished ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace WorldTest
