// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/discovery.h"

#include "core/autoconfig/domainname.h"
#include "core/autoconfig/providers.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QDnsLookup>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QUrlQuery>


namespace Core::Autoconfig {

namespace {

// Labels of a domain: how specific an MX-derived answer is (§9.4).
int specificityOf(Source source, const QString &domain)
{
    return isMxDerived(source) ? int(domain.count(QLatin1Char('.'))) + 1 : 0;
}

// Until the MX answer is in, any MX-derived answer may still come from it,
// however specific: the MX lookup stands above all of them (DNS names have
// at most 127 labels).
constexpr int MxLookupSpecificity = 128;

QString stripDot(QString host)
{
    host = host.toLower();
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    return host;
}

} // namespace

struct Discovery::Lookup
{
    Source source = Source::Guess;
    Standing standing; ///< of the answer it may bring
    bool running = true;
    bool imap = false; ///< an IMAP SRV lookup: never holds the outgoing server up
    QPointer<QNetworkReply> reply;
    QPointer<QDnsLookup> dns;
    std::unique_ptr<QTimer> timer;
};

DiscoveryOptions DiscoveryOptions::fromEnvironment()
{
    DiscoveryOptions o;
    if (const QString url = qEnvironmentVariable("OUTPOST_ISPDB_URL"); !url.isEmpty())
        o.ispdbBaseUrl = QUrl(url.endsWith(QLatin1Char('/')) ? url : url + QLatin1Char('/'));
    o.extraCaFile = qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE");
    if (const QString dns = qEnvironmentVariable("OUTPOST_DNS_SERVER"); !dns.isEmpty())
        o.dnsServer = QHostAddress(dns);
    const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    if (!config.isEmpty())
        o.overrideDirs << config + QStringLiteral("/isp");
    if (QCoreApplication::instance())
        o.overrideDirs << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/outpost/isp");
    return o;
}

QJsonObject DiscoveryResult::toJson(bool allowInsecure) const
{
    QJsonArray list;
    for (const Candidate &c : candidates)
        list << c.toJson(address.domain, allowInsecure);
    QJsonArray imapList;
    for (const ImapCandidate &c : imapCandidates)
        imapList << c.toJson(address.domain);
    QJsonArray stepList;
    for (const DiscoveryStep &s : steps)
        stepList << QJsonObject{{QStringLiteral("ms"), s.elapsedMs}, {QStringLiteral("text"), s.text}};
    QJsonObject o{{QStringLiteral("address"), address.address},
                  {QStringLiteral("domain"), address.domain},
                  {QStringLiteral("registrable_domain"), registrableDomain(address.domain)},
                  {QStringLiteral("elapsed_ms"), elapsedMs},
                  {QStringLiteral("timed_out"), timedOut},
                  {QStringLiteral("chosen"), chosen >= 0 ? QJsonValue(chosen) : QJsonValue()},
                  {QStringLiteral("manual_setup_needed"), chosen < 0},
                  {QStringLiteral("candidates"), list},
                  // The IMAP server for the Sent copy (§9.12), or null.
                  {QStringLiteral("imap"), imap() ? QJsonValue(imap()->toJson(address.domain)) : QJsonValue()},
                  {QStringLiteral("imap_candidates"), imapList},
                  {QStringLiteral("contacted"), QJsonArray::fromStringList(contacted)},
                  {QStringLiteral("steps"), stepList}};
    if (error.isError())
        o.insert(QStringLiteral("error"), error.message());
    return o;
}

Discovery::Discovery(DiscoveryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<DiscoveryStep>();
    qRegisterMetaType<DiscoveryResult>();
    for (QTimer *t : {&m_graceTimer, &m_lookupBudget, &m_phaseBudget, &m_totalBudget, &m_guessAccept}) {
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer); // budgets are promises to the user
    }
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        step(QCoreApplication::translate("Autoconfig", "Not waiting any longer for slower, more trusted sources."));
        endLookups();
    });
    connect(&m_lookupBudget, &QTimer::timeout, this, [this] {
        step(QCoreApplication::translate("Autoconfig", "The configuration lookups took too long; going on with what was found."));
        endLookups();
    });
    connect(&m_phaseBudget, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Guessing || m_phase == Phase::Probing) {
            step(QCoreApplication::translate("Autoconfig", "The server tests took too long; going on with what was found."));
            finish();
        }
    });
    connect(&m_guessAccept, &QTimer::timeout, this, [this] { finish(); });
    m_staggerTimer.setSingleShot(true);
    connect(&m_staggerTimer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Guessing)
            probeNext();
    });
    connect(&m_totalBudget, &QTimer::timeout, this, [this] {
        m_result.timedOut = true;
        step(QCoreApplication::translate("Autoconfig", "Time is up."));
        complete();
    });
    m_imapWait.setSingleShot(true);
    m_imapWait.setTimerType(Qt::PreciseTimer);
    connect(&m_imapWait, &QTimer::timeout, this, [this] {
        step(QCoreApplication::translate("Autoconfig", "Not waiting any longer for the IMAP server."));
        complete();
    });
}

Discovery::~Discovery()
{
    // Nothing may report back into a discovery that is being destroyed.
    m_running = false;
    m_phase = Phase::Done;
    abortLookups(true);
    const QList<QPointer<Probe>> probes = std::exchange(m_probes, {});
    for (const QPointer<Probe> &p : probes) {
        if (Probe *probe = p.data()) {
            probe->disconnect(this);
            delete probe;
        }
    }
    if (ImapFinder *finder = m_imapFinder)
        finder->disconnect(this);
}

void Discovery::step(const QString &text)
{
    DiscoveryStep s{m_clock.isValid() ? m_clock.elapsed() : 0, text};
    m_result.steps << s;
    Q_EMIT progress(s);
}

void Discovery::start(const QString &address)
{
    m_result = {};
    m_imapFound.clear();
    m_imapGuess = m_options.guess;
    if (ImapFinder *old = std::exchange(m_imapFinder, nullptr)) {
        old->disconnect(this);
        old->cancel();
        old->deleteLater();
    }
    auto *finder = new ImapFinder(m_options.extraCaFile, m_options.allowInsecure, m_options.timeouts.probe, this);
    m_imapFinder = finder;
    connect(finder, &ImapFinder::progress, this, [this](const QString &text) { step(text); });
    connect(finder, &ImapFinder::finished, this, [this] {
        if (m_phase == Phase::WaitingForImap)
            complete();
    });
    m_clock.start();
    m_running = true;
    auto parts = splitAddress(address);
    if (!parts) {
        m_result.error = parts.error();
        m_phase = Phase::Lookups;
        QMetaObject::invokeMethod(this, [this] { finish(); }, Qt::QueuedConnection);
        return;
    }
    m_result.address = parts.value();
    m_regDomain = registrableDomain(m_result.address.domain);
    m_phase = Phase::Lookups;
    m_totalBudget.start(m_options.timeouts.total);
    m_lookupBudget.start(m_options.timeouts.lookups);
    step(QCoreApplication::translate("Autoconfig", "Looking up settings for %1").arg(m_result.address.domain));
    startLookups();
}

void Discovery::cancel()
{
    if (!m_running)
        return;
    step(QCoreApplication::translate("Autoconfig", "Cancelled."));
    complete();
}

void Discovery::startLookups()
{
    const QString d = m_result.address.domain;
    readOverrideFiles();
    if (foundLocalFile()) {
        // The local file decides for IMAP too: no guesses on the network.
        m_imapGuess = false;
        QMetaObject::invokeMethod(this, [this] { endLookups(); }, Qt::QueuedConnection);
        return;
    }
    addBuiltIn(d, Source::BuiltIn);

    m_nam = new QNetworkAccessManager(this);
    m_nam->setCookieJar(nullptr);
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);

    QUrl autoconfig(QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml").arg(d));
    QUrl wellKnown(QStringLiteral("https://%1/.well-known/autoconfig/mail/config-v1.1.xml").arg(d));
    if (m_options.sendAddressToProvider) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("emailaddress"), QString::fromLatin1(QUrl::toPercentEncoding(m_result.address.address)));
        autoconfig.setQuery(q);
        wellKnown.setQuery(q);
    }
    step(QCoreApplication::translate("Autoconfig", "Checking the configuration server of %1").arg(d));
    fetchConfig(autoconfig, Source::ProviderHttps, m_options.timeouts.https, d);
    fetchConfig(wellKnown, Source::ProviderHttps, m_options.timeouts.https, d);
    if (m_options.ispdbBaseUrl.isValid()) {
        step(QCoreApplication::translate("Autoconfig", "Checking Thunderbird's provider database"));
        fetchConfig(m_options.ispdbBaseUrl.resolved(QUrl(d)), Source::Ispdb, m_options.timeouts.ispdb, d);
    }
    step(QCoreApplication::translate("Autoconfig", "Looking up mail servers (MX) for %1").arg(d));
    lookupMx();
    step(QCoreApplication::translate("Autoconfig", "Checking DNS service records (SRV)"));
    lookupSrv(QStringLiteral("_submissions._tcp.") + d);
    lookupSrv(QStringLiteral("_submission._tcp.") + d);
    // IMAP for the Sent copy: RFC 6186, implicit TLS preferred (RFC 8314).
    lookupSrv(QStringLiteral("_imaps._tcp.") + d, true);
    lookupSrv(QStringLiteral("_imap._tcp.") + d, true);
    // Never with the address: plain HTTP can be read and changed on the way.
    fetchConfig(QUrl(QStringLiteral("http://autoconfig.%1/mail/config-v1.1.xml").arg(d)), Source::ProviderHttp,
                m_options.timeouts.https, d);
    evaluateLookups();
}

void Discovery::readOverrideFiles()
{
    for (const QString &dir : std::as_const(m_options.overrideDirs)) {
        const QString path = QDir(dir).filePath(m_result.address.domain + QStringLiteral(".xml"));
        QFile f(path);
        if (!f.exists())
            continue;
        m_result.contacted << path;
        if (!f.open(QIODevice::ReadOnly)) {
            step(QCoreApplication::translate("Autoconfig", "Cannot read %1: %2").arg(path, f.errorString()));
            continue;
        }
        addConfig(f.read(MaxClientConfigSize + 1), Source::LocalFile, Trust::Authenticated, path, m_result.address.domain);
        if (foundLocalFile())
            return;
    }
}

void Discovery::addBuiltIn(const QString &domain, Source source)
{
    const QByteArray xml = builtInProviderConfig(domain);
    if (!xml.isEmpty())
        addConfig(xml, source, source == Source::MxBuiltIn ? Trust::Unauthenticated : Trust::Authenticated,
                  QStringLiteral("outpost:providers/%1").arg(domain), domain);
}

void Discovery::fetchConfig(const QUrl &url, Source source, int timeoutMs, const QString &forDomain)
{
    auto lookup = std::make_shared<Lookup>();
    lookup->source = source;
    lookup->standing = standing(source, specificityOf(source, forDomain));
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setMaximumRedirectsAllowed(5);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Outpost/%1").arg(Core::applicationVersion()));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!m_options.extraCaFile.isEmpty() && url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(m_options.extraCaFile, QSsl::Pem));
        request.setSslConfiguration(ssl);
    }
    QUrl shown = url;
    if (QUrlQuery(url).hasQueryItem(QStringLiteral("emailaddress")))
        shown.setQuery(QStringLiteral("emailaddress=…"));
    m_result.contacted << shown.toString();
    QNetworkReply *reply = m_nam->get(request);
    lookup->reply = reply;
    m_lookups << lookup;
    // Bounded: a response larger than a provider file can be is cut off.
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > MaxClientConfigSize)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, lookup, source, forDomain, shown] {
        reply->deleteLater();
        if (!lookup->running)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QUrl finalUrl = reply->url();
        if (reply->error() != QNetworkReply::NoError) {
            if (reply->error() != QNetworkReply::OperationCanceledError || reply->bytesAvailable() <= MaxClientConfigSize)
                step(QCoreApplication::translate("Autoconfig", "%1: no configuration (%2)").arg(shown.toString(QUrl::RemoveQuery), reply->errorString()));
        } else if (status != 200) {
            step(QCoreApplication::translate("Autoconfig", "%1: no configuration (HTTP %2)").arg(shown.toString(QUrl::RemoveQuery)).arg(status));
        } else if (source != Source::ProviderHttp && finalUrl.scheme() != QLatin1String("https")) {
            step(QCoreApplication::translate("Autoconfig", "%1: refused, it was redirected away from HTTPS").arg(shown.toString(QUrl::RemoveQuery)));
        } else {
            const QByteArray body = reply->read(MaxClientConfigSize + 1);
            // The file itself came over HTTPS, but an MX-derived one was
            // chosen through plain DNS: the chain is only as strong as that.
            const bool viaDns = source == Source::MxProvider || source == Source::MxIspdb;
            addConfig(body, source, (source == Source::ProviderHttp || viaDns) ? Trust::Unauthenticated : Trust::Authenticated,
                      shown.toString(QUrl::RemoveQuery), forDomain);
        }
        lookup->running = false;
        evaluateLookups();
    });
}

void Discovery::lookupMx()
{
    auto lookup = std::make_shared<Lookup>();
    lookup->source = Source::MxProvider;
    lookup->standing = standing(Source::MxProvider, MxLookupSpecificity);
    auto *dns = new QDnsLookup(QDnsLookup::MX, m_result.address.domain, this);
    if (!m_options.dnsServer.isNull())
        dns->setNameserver(m_options.dnsServer);
    lookup->dns = dns;
    lookup->timer = std::make_unique<QTimer>();
    lookup->timer->setSingleShot(true);
    connect(lookup->timer.get(), &QTimer::timeout, dns, &QDnsLookup::abort);
    m_result.contacted << QStringLiteral("DNS MX %1").arg(m_result.address.domain);
    m_lookups << lookup;
    connect(dns, &QDnsLookup::finished, this, [this, dns, lookup] {
        dns->deleteLater();
        if (!lookup->running)
            return;
        lookup->timer->stop();
        QList<QDnsMailExchangeRecord> records = dns->mailExchangeRecords();
        std::stable_sort(records.begin(), records.end(), [](const auto &a, const auto &b) { return a.preference() < b.preference(); });
        if (dns->error() != QDnsLookup::NoError || records.isEmpty()) {
            step(QCoreApplication::translate("Autoconfig", "No mail server (MX) published for %1").arg(m_result.address.domain));
        } else {
            onMx(stripDot(records.first().exchange()));
        }
        lookup->running = false;
        evaluateLookups();
    });
    lookup->timer->start(m_options.timeouts.dns);
    dns->lookup();
}

void Discovery::onMx(const QString &mxHost)
{
    const QString mxReg = registrableDomain(mxHost);
    if (mxHost == m_result.address.domain || mxReg.isEmpty() || mxReg == m_regDomain) {
        step(QCoreApplication::translate("Autoconfig", "Mail for %1 is received by %2, a server of the domain itself").arg(m_result.address.domain, mxHost));
        return;
    }
    m_mxBase = mxReg;
    const QString mxFull = mxHost.section(QLatin1Char('.'), 1);
    step(QCoreApplication::translate("Autoconfig", "Mail for %1 is received by %2 (%3)").arg(m_result.address.domain, mxHost, mxReg));
    QStringList domains;
    if (mxFull.size() > mxReg.size())
        domains << mxFull;
    domains << mxReg;
    // Third parties: never the address, never plain HTTP.
    for (const QString &d : std::as_const(domains))
        fetchConfig(QUrl(QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml").arg(d)), Source::MxProvider,
                    m_options.timeouts.https, d);
    if (m_options.ispdbBaseUrl.isValid()) {
        for (const QString &d : std::as_const(domains))
            fetchConfig(m_options.ispdbBaseUrl.resolved(QUrl(d)), Source::MxIspdb, m_options.timeouts.ispdb, d);
    }
    for (const QString &d : std::as_const(domains))
        addBuiltIn(d, Source::MxBuiltIn);
}

void Discovery::lookupSrv(const QString &service, bool imap)
{
    auto lookup = std::make_shared<Lookup>();
    lookup->source = Source::Srv;
    lookup->standing = standing(Source::Srv);
    lookup->imap = imap;
    auto *dns = new QDnsLookup(QDnsLookup::SRV, service, this);
    if (!m_options.dnsServer.isNull())
        dns->setNameserver(m_options.dnsServer);
    lookup->dns = dns;
    lookup->timer = std::make_unique<QTimer>();
    lookup->timer->setSingleShot(true);
    connect(lookup->timer.get(), &QTimer::timeout, dns, &QDnsLookup::abort);
    m_result.contacted << QStringLiteral("DNS SRV %1").arg(service);
    m_lookups << lookup;
    const bool implicit = service.startsWith(QLatin1String("_submissions.")) || service.startsWith(QLatin1String("_imaps."));
    connect(dns, &QDnsLookup::finished, this, [this, dns, lookup, service, implicit, imap] {
        dns->deleteLater();
        if (!lookup->running)
            return;
        lookup->timer->stop();
        int order = 0;
        int found = 0;
        QList<ImapCandidate> imapFound;
        if (dns->error() == QDnsLookup::NoError) {
            for (const QDnsServiceRecord &r : dns->serviceRecords()) {
                const QString target = stripDot(r.target());
                // "." means: this service is not offered (RFC 2782).
                if (target.isEmpty() || r.port() == 0 || !isValidHostName(target))
                    continue;
                // The same fields for an outgoing and an IMAP candidate.
                auto fill = [&](auto &c) {
                    c.server.host = target;
                    c.server.port = r.port();
                    c.server.security = implicit ? SmtpSecurity::ImplicitTls : SmtpSecurity::StartTls;
                    c.server.order = order++;
                    c.source = Source::Srv;
                    c.origin = service;
                    c.trust = Trust::Unauthenticated;
                };
                if (imap) {
                    ImapCandidate c;
                    fill(c);
                    imapFound << c;
                } else {
                    Candidate c;
                    fill(c);
                    m_result.candidates << c;
                }
                ++found;
            }
        }
        if (found)
            step(QCoreApplication::translate("Autoconfig", "%1 names %n server(s)", nullptr, found).arg(service));
        lookup->running = false;
        if (imap)
            onImapSrv(imapFound);
        else
            evaluateLookups();
    });
    lookup->timer->start(m_options.timeouts.dns);
    dns->lookup();
}

void Discovery::addConfig(const QByteArray &xml, Source source, Trust trust, const QString &origin, const QString &forDomain)
{
    auto config = readClientConfig(xml, m_result.address);
    if (!config) {
        step(QCoreApplication::translate("Autoconfig", "%1: %2").arg(origin, config.error().message()));
        return;
    }
    for (const QString &s : config->skipped)
        step(QCoreApplication::translate("Autoconfig", "%1: skipped %2").arg(origin, s));
    const bool listed = config->listsDomain(forDomain);
    // What an outgoing and an IMAP candidate from this file share.
    auto fromFile = [&](auto &c, const auto &server) {
        c.server = server;
        c.source = source;
        c.origin = origin;
        c.trust = trust;
    };
    for (const OutgoingServer &s : config->servers) {
        Candidate c;
        fromFile(c, s);
        c.domainListed = listed;
        c.displayName = config->displayName;
        c.documentationUrls = config->documentationUrls;
        c.oauth2 = config->oauth2;
        c.specificity = specificityOf(source, forDomain);
        c.oauthOnly = !s.auth.isEmpty() && std::all_of(s.auth.cbegin(), s.auth.cend(), [](AuthKind k) { return k == AuthKind::OAuth2; });
        m_result.candidates << c;
    }
    for (const IncomingServer &s : config->incoming) {
        ImapCandidate c;
        fromFile(c, s);
        m_imapFound << c;
    }
    step(QCoreApplication::translate("Autoconfig", "%1 lists %n outgoing server(s)", nullptr, int(config->servers.size())).arg(origin));
}

std::optional<Standing> Discovery::bestFound() const
{
    std::optional<Standing> best;
    for (const Candidate &c : m_result.candidates) {
        const Standing st = standing(c.source, c.specificity);
        if (!best || st < *best)
            best = st;
    }
    return best;
}

bool Discovery::foundLocalFile() const
{
    return std::any_of(m_result.candidates.cbegin(), m_result.candidates.cend(),
                       [](const Candidate &c) { return c.source == Source::LocalFile; });
}

bool Discovery::anyRunningAbove(const Standing &st) const
{
    return std::any_of(m_lookups.cbegin(), m_lookups.cend(), [&st](const auto &l) { return l->running && !l->imap && l->standing < st; });
}

void Discovery::evaluateLookups()
{
    if (m_phase != Phase::Lookups)
        return;
    const std::optional<Standing> best = bestFound();
    const bool anyRunning = std::any_of(m_lookups.cbegin(), m_lookups.cend(), [](const auto &l) { return l->running && !l->imap; });
    if ((best && best->tier <= standing(Source::ProviderHttps).tier) || !anyRunning) {
        endLookups();
        return;
    }
    if (!best)
        return;
    // Nothing that would rank above the best answer is still out: that
    // answer wins, so there is nothing to wait for (§9.3).
    if (!anyRunningAbove(*best)) {
        endLookups();
        return;
    }
    // A better answer restarts the window: wait for what would still rank
    // above it (a more trusted tier, or a more specific MX domain).
    if (!m_graceTimer.isActive() || m_graceFor != *best) {
        m_graceFor = *best;
        m_graceTimer.start(m_options.timeouts.grace);
    }
}

void Discovery::abortLookups(bool includingImap)
{
    for (const auto &l : std::as_const(m_lookups)) {
        if (!l->running || (l->imap && !includingImap))
            continue;
        l->running = false;
        if (l->timer)
            l->timer->stop();
        if (QNetworkReply *reply = l->reply.data(); reply && !reply->isFinished())
            reply->abort();
        if (QDnsLookup *dns = l->dns.data())
            dns->abort();
    }
}

void Discovery::endLookups()
{
    if (m_phase != Phase::Lookups)
        return;
    m_graceTimer.stop();
    m_lookupBudget.stop();
    abortLookups(false);
    // Set before startImap(), which waits for the end of the lookups.
    m_phase = Phase::Probing;
    startImap();
    if (m_result.candidates.isEmpty()) {
        if (m_options.guess) {
            startGuessing();
            return;
        }
        finish();
        return;
    }
    startProbes();
}

void Discovery::startGuessing()
{
    m_phase = Phase::Guessing;
    const QString d = m_result.address.domain;
    step(QCoreApplication::translate("Autoconfig", "Nothing is published for %1; trying usual server names").arg(d));
    QStringList hosts{QStringLiteral("smtp.") + d, QStringLiteral("mail.") + d, d};
    if (!m_mxBase.isEmpty() && m_mxBase != m_regDomain)
        hosts << QStringLiteral("smtp.") + m_mxBase;
    struct Try { quint16 port; SmtpSecurity security; };
    // Submission ports first, host by host (smtp. before mail. before the
    // bare domain, implicit TLS before STARTTLS); port 25 only when nothing
    // answered there.
    QList<Try> submission{{465, SmtpSecurity::ImplicitTls}, {587, SmtpSecurity::StartTls}};
    QList<Try> relay{{25, SmtpSecurity::StartTls}};
    if (m_options.allowInsecure) {
        submission << Try{587, SmtpSecurity::None};
        relay << Try{25, SmtpSecurity::None};
    }
    int order = 0;
    for (const QList<Try> &group : {submission, relay}) {
        for (const QString &h : std::as_const(hosts)) {
            for (const Try &t : group) {
                Candidate c;
                c.server.host = h;
                c.server.port = t.port;
                c.server.security = t.security;
                c.server.order = order++;
                c.source = Source::Guess;
                c.origin = QStringLiteral("%1:%2").arg(h).arg(t.port);
                c.trust = Trust::Unauthenticated;
                m_result.candidates << c;
            }
        }
    }
    m_nextProbe = 0;
    m_probeSlots = 9; // at most nine sockets at once
    m_phaseBudget.start(m_options.timeouts.guessing);
    probeNext();
}

void Discovery::startProbes()
{
    m_phase = Phase::Probing;
    rankCandidates(m_result.candidates, m_result.address.domain);
    m_nextProbe = 0;
    m_probeSlots = 3;
    m_phaseBudget.start(m_options.timeouts.probes);
    probeNext();
}

bool Discovery::bestIsSettled() const
{
    // The first candidate (in rank order) that has not failed decides: if it
    // answered, nothing below it can win any more.
    for (const Candidate &c : m_result.candidates) {
        if (c.server.security == SmtpSecurity::None && !m_options.allowInsecure)
            continue;
        if (c.probe.outcome == ProbeFacts::Outcome::Failed)
            continue;
        // Answered but unusable (OAuth only, say): the next one may do.
        if (c.probe.outcome >= ProbeFacts::Outcome::Reachable && !authUsable(c))
            continue;
        return c.probe.outcome >= ProbeFacts::Outcome::Reachable;
    }
    return false;
}

void Discovery::probeNext()
{
    if (bestIsSettled()) {
        finish();
        return;
    }
    const int maxProbed = m_phase == Phase::Guessing ? int(m_result.candidates.size()) : 6;
    int running = 0;
    for (const QPointer<Probe> &p : std::as_const(m_probes))
        running += p ? 1 : 0;
    while (running < m_probeSlots && m_nextProbe < m_result.candidates.size() && m_nextProbe < maxProbed) {
        const int index = m_nextProbe;
        const Candidate &c = m_result.candidates[index];
        if (c.server.security == SmtpSecurity::None && !m_options.allowInsecure) {
            ++m_nextProbe; // never even probe plaintext unless allowed
            continue;
        }
        if (m_phase == Phase::Guessing && c.server.port == 25 && running > 0)
            break; // port 25 waits for the submission ports
        // Guesses start one by one, like Happy Eyeballs (RFC 8305): the
        // next when the last one failed, or 100 ms later, whichever is first.
        if (m_phase == Phase::Guessing && m_staggerTimer.isActive())
            break;
        ++m_nextProbe;
        auto *probe = new Probe(c.server, m_options.extraCaFile, m_options.timeouts.probe, this);
        m_probes << probe;
        ++running;
        connect(probe, &Probe::finished, this, [this, probe, index] { onProbeFinished(probe, index); });
        step(QCoreApplication::translate("Autoconfig", "Trying %1:%2 (%3)…").arg(c.server.host).arg(c.server.port).arg(securityText(c.server.security)));
        probe->start();
        if (m_phase == Phase::Guessing)
            m_staggerTimer.start(100);
    }
    if (running == 0)
        finish();
}

void Discovery::onProbeFinished(Probe *probe, int index)
{
    if (m_phase != Phase::Probing && m_phase != Phase::Guessing)
        return;
    const ProbeFacts facts = probe->facts();
    const OutgoingServer s = probe->server();
    m_staggerTimer.stop(); // a finished try frees the way for the next at once
    m_probes.removeAll(probe);
    probe->deleteLater();
    if (index < m_result.candidates.size())
        m_result.candidates[index].probe = facts;
    if (facts.outcome >= ProbeFacts::Outcome::Reachable) {
        step(QCoreApplication::translate("Autoconfig", "%1:%2 answered with %3; sign-in methods: %4")
                 .arg(s.host)
                 .arg(s.port)
                 .arg(facts.tlsProtocol.isEmpty() ? QCoreApplication::translate("Autoconfig", "no encryption") : facts.tlsProtocol,
                      facts.authMechanisms.isEmpty() ? QCoreApplication::translate("Autoconfig", "none")
                                                     : facts.authMechanisms.join(QLatin1Char(' '))));
        if (!facts.certificateSubject.isEmpty())
            step(QCoreApplication::translate("Autoconfig", "Certificate valid for %1, issued by %2").arg(facts.certificateSubject, facts.certificateIssuer));
        if (m_phase == Phase::Guessing && !m_guessAccept.isActive())
            m_guessAccept.start(m_options.timeouts.guessAcceptAfter);
    } else {
        step(QCoreApplication::translate("Autoconfig", "%1:%2 failed: %3").arg(s.host).arg(s.port).arg(facts.error.message()));
    }
    probeNext();
}

bool Discovery::imapLookupsRunning() const
{
    return std::any_of(m_lookups.cbegin(), m_lookups.cend(), [](const auto &l) { return l->running && l->imap; });
}

bool Discovery::imapPending() const
{
    const ImapFinder *finder = m_imapFinder;
    return finder != nullptr && finder->state() == ImapFinder::State::Probing;
}

void Discovery::startImap()
{
    // Once the configuration answers are in (the lookups ended). The IMAP
    // SRV lookups may still run (a resolver that drops them holds them for
    // the whole DNS time-out, longer than the IMAP side may outlast the
    // SMTP side): what they name joins later, so what the provider's files
    // named is probed now (§9.12).
    ImapFinder *finder = m_imapFinder;
    if (!m_running || finder == nullptr || finder->state() != ImapFinder::State::Idle)
        return;
    if (m_phase == Phase::Idle || m_phase == Phase::Lookups)
        return;
    finder->start(m_imapFound, m_result.address.domain, m_imapGuess, m_options.timeouts.imap,
                  imapLookupsRunning() ? std::optional(Source::Srv) : std::nullopt);
}

void Discovery::onImapSrv(const QList<ImapCandidate> &found)
{
    m_imapFound += found;
    ImapFinder *finder = m_imapFinder;
    if (finder == nullptr || finder->state() != ImapFinder::State::Probing)
        return; // before the end of the lookups: startImap() takes m_imapFound
    finder->add(found);
    if (!imapLookupsRunning())
        finder->sourcesDone();
}

void Discovery::stopProbes()
{
    const QList<QPointer<Probe>> probes = std::exchange(m_probes, {});
    for (const QPointer<Probe> &p : probes) {
        if (p) {
            p->disconnect(this);
            p->deleteLater();
        }
    }
}

void Discovery::finish()
{
    if (!m_running || m_phase == Phase::WaitingForImap || m_phase == Phase::Done)
        return;
    for (QTimer *t : {&m_graceTimer, &m_lookupBudget, &m_phaseBudget, &m_guessAccept, &m_staggerTimer})
        t->stop();
    abortLookups(false);
    stopProbes();
    // The outgoing server is settled; the IMAP server gets a little longer,
    // never the whole budget again (§9.12).
    if (imapPending()) {
        m_phase = Phase::WaitingForImap;
        step(QCoreApplication::translate("Autoconfig", "Still testing the IMAP server…"));
        m_imapWait.start(m_options.timeouts.imapAfterSmtp);
        return;
    }
    complete();
}

void Discovery::complete()
{
    if (!m_running)
        return;
    m_running = false;
    m_phase = Phase::Done;
    for (QTimer *t : {&m_graceTimer, &m_lookupBudget, &m_phaseBudget, &m_totalBudget, &m_guessAccept, &m_staggerTimer, &m_imapWait})
        t->stop();
    abortLookups(true);
    stopProbes();
    if (ImapFinder *finder = m_imapFinder; finder && finder->state() != ImapFinder::State::Idle) {
        finder->cancel(); // keeps what answered
        m_result.imapCandidates = finder->candidates();
        m_result.imapChosen = finder->chosen();
    } else {
        // Ended before anything was probed (cancelled during the lookups):
        // what the sources named is still shown, though none is chosen.
        m_result.imapCandidates = m_imapFound;
        ImapFinder::rank(m_result.imapCandidates);
        m_result.imapChosen = -1;
    }
    // Guesses that never answered are noise, not alternatives.
    m_result.candidates.removeIf([](const Candidate &c) {
        return c.source == Source::Guess && c.probe.outcome == ProbeFacts::Outcome::NotProbed;
    });
    rankCandidates(m_result.candidates, m_result.address.domain);
    m_result.chosen = -1;
    for (int i = 0; i < m_result.candidates.size(); ++i) {
        if (m_result.candidates[i].selectable(m_options.allowInsecure)) {
            m_result.chosen = i;
            break;
        }
    }
    m_result.elapsedMs = m_clock.elapsed();
    if (m_result.error.isError())
        step(m_result.error.message());
    else if (const Candidate *c = m_result.chosenCandidate())
        step(QCoreApplication::translate("Autoconfig", "Chose %1:%2 (%3)").arg(c->server.host).arg(c->server.port).arg(securityText(c->server.security)));
    else
        step(QCoreApplication::translate("Autoconfig", "No usable server was found; enter the settings by hand."));
    if (const ImapCandidate *imap = m_result.imap())
        step(QCoreApplication::translate("Autoconfig", "IMAP server for the Sent copy: %1:%2 (%3)").arg(imap->server.host).arg(imap->server.port).arg(securityText(imap->server.security)));
    else if (!m_result.error.isError())
        step(QCoreApplication::translate("Autoconfig", "No IMAP server was found; the Sent copy can be set up by hand."));
    Q_EMIT finished(m_result);
}

} // namespace Core::Autoconfig
