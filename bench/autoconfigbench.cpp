// SPDX-License-Identifier: GPL-3.0-or-later
// Wall time of discovery per scenario (issue 9): Outpost's parallel,
// grace-windowed discovery against the sum of the same lookups and probes
// done one after another (what a client that waits for each source in turn
// pays). Runs inside tests/scripts/autoconfig_world.py; see bench/autoconfig.sh.
#include "core/autoconfig/discovery.h"
#include "core/autoconfig/probe.h"

#include <QCoreApplication>
#include <QDnsLookup>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace AC = Core::Autoconfig;

namespace {

AC::DiscoveryOptions options()
{
    AC::DiscoveryOptions o;
    o.ispdbBaseUrl = QUrl(qEnvironmentVariable("OUTPOST_ISPDB_URL"));
    o.extraCaFile = qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE");
    return o;
}

AC::DiscoveryResult discover(const QString &address)
{
    AC::Discovery d(options());
    QEventLoop loop;
    QObject::connect(&d, &AC::Discovery::finished, &loop, &QEventLoop::quit);
    d.start(address);
    loop.exec();
    return d.result();
}

qint64 timedGet(QNetworkAccessManager &nam, const QUrl &url, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(QSslCertificate::fromPath(options().extraCaFile, QSsl::Pem));
    request.setSslConfiguration(ssl);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return t.elapsed();
}

qint64 timedDns(QDnsLookup::Type type, const QString &name, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QDnsLookup dns(type, name);
    QEventLoop loop;
    QObject::connect(&dns, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &dns, &QDnsLookup::abort);
    dns.lookup();
    loop.exec();
    return t.elapsed();
}

qint64 timedProbe(const AC::OutgoingServer &server)
{
    QElapsedTimer t;
    t.start();
    AC::Probe probe(server, options().extraCaFile, AC::ProbeTimeouts{});
    QEventLoop loop;
    QObject::connect(&probe, &AC::Probe::finished, &loop, &QEventLoop::quit);
    probe.start();
    loop.exec();
    return t.elapsed();
}

// The same work as discovery, one step at a time, each with its own timeout.
qint64 sequentialSum(const AC::DiscoveryResult &parallel)
{
    const AC::DiscoveryTimeouts to;
    const QString d = parallel.address.domain;
    QNetworkAccessManager nam;
    qint64 sum = 0;
    sum += timedGet(nam, QUrl(QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml").arg(d)), to.https);
    sum += timedGet(nam, QUrl(QStringLiteral("https://%1/.well-known/autoconfig/mail/config-v1.1.xml").arg(d)), to.https);
    sum += timedGet(nam, options().ispdbBaseUrl.resolved(QUrl(d)), to.ispdb);
    sum += timedDns(QDnsLookup::MX, d, to.dns);
    sum += timedDns(QDnsLookup::SRV, QStringLiteral("_submissions._tcp.") + d, to.dns);
    sum += timedDns(QDnsLookup::SRV, QStringLiteral("_submission._tcp.") + d, to.dns);
    sum += timedGet(nam, QUrl(QStringLiteral("http://autoconfig.%1/mail/config-v1.1.xml").arg(d)), to.https);
    for (const QString &c : parallel.contacted) {
        // MX-derived requests discovery made (third-party hosts).
        const QUrl url(c);
        if (url.isValid() && url.scheme() == QLatin1String("https") && !url.host().endsWith(d) && !c.contains(QLatin1String("/v1.1/") + d))
            sum += timedGet(nam, url, to.https);
    }
    for (const AC::Candidate &c : parallel.candidates) {
        if (c.probe.outcome != AC::ProbeFacts::Outcome::NotProbed)
            sum += timedProbe(c.server);
    }
    return sum;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList addresses = app.arguments().mid(1);
    if (addresses.isEmpty())
        addresses = {QStringLiteral("someone@provider.test"), QStringLiteral("someone@ispdbonly.test"),
                     QStringLiteral("someone@hosted.test"),   QStringLiteral("someone@srvonly.test"),
                     QStringLiteral("someone@guessme.test"),  QStringLiteral("someone@brokentls.test"),
                     QStringLiteral("someone@slow.test"),     QStringLiteral("someone@plain.test"),
                     QStringLiteral("someone@timeout.test")};
    std::printf("%-24s %-28s %12s %14s %8s\n", "scenario", "chosen", "parallel ms", "sequential ms", "ratio");
    for (const QString &address : addresses) {
        const int runs = address.endsWith(QLatin1String("timeout.test")) ? 1 : 5;
        QList<qint64> times;
        AC::DiscoveryResult last;
        for (int i = 0; i < runs; ++i) {
            last = discover(address);
            times << last.elapsedMs;
        }
        std::sort(times.begin(), times.end());
        const qint64 median = times[times.size() / 2];
        const qint64 sequential = sequentialSum(last);
        const AC::Candidate *c = last.chosenCandidate();
        const QString chosen = c ? QStringLiteral("%1:%2").arg(c->server.host).arg(c->server.port) : QStringLiteral("(manual setup)");
        std::printf("%-24s %-28s %12lld %14lld %7.2fx\n", qPrintable(address.section(u'@', 1)), qPrintable(chosen),
                    static_cast<long long>(median), static_cast<long long>(sequential),
                    median > 0 ? double(sequential) / double(median) : 0.0);
        std::fflush(stdout);
    }
    return 0;
}
