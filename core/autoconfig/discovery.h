// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/autoconfig/candidate.h"
#include "core/autoconfig/imapfinder.h"
#include "core/autoconfig/probe.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QDnsLookup;
class QNetworkAccessManager;
class QNetworkReply;

namespace Core::Autoconfig {

/// Budgets of docs/design/AUTOCONFIG.md §9.10, in milliseconds.
struct DiscoveryTimeouts
{
    int dns = 5'000;
    int https = 8'000;
    int ispdb = 10'000;
    int grace = 2'500;     ///< wait for a more trusted tier after a less trusted answer
    int lookups = 12'000;  ///< phases 1 and 2 together
    int probes = 12'000;   ///< phase 4
    int guessing = 15'000; ///< phase 3
    int guessAcceptAfter = 3'000; ///< after the first guess that answered
    int total = 30'000;    ///< whole discovery, then manual setup is offered
    int imap = 12'000;     ///< IMAP probes and guesses, from the end of the lookups (§9.12)
    int imapAfterSmtp = 2'000; ///< how much longer the IMAP side may take than the SMTP side
    ProbeTimeouts probe;
};

struct DiscoveryOptions
{
    /// Send the address to the domain's own HTTPS autoconfig servers
    /// (`?emailaddress=`); never to anyone else, never over HTTP.
    bool sendAddressToProvider = false;
    /// Probe and offer servers without encryption (never chosen otherwise).
    bool allowInsecure = false;
    /// Run the guessing phase when nothing was found.
    bool guess = true;
    /// ISPDB base URL; the domain is appended.
    QUrl ispdbBaseUrl = QUrl(QStringLiteral("https://autoconfig.thunderbird.net/v1.1/"));
    /// PEM file with extra trusted CAs, for HTTPS and SMTP.
    QString extraCaFile;
    /// DNS server for MX and SRV; null: the system's resolver.
    QHostAddress dnsServer;
    /// Directories searched for <domain>.xml override files, in order.
    QStringList overrideDirs;
    DiscoveryTimeouts timeouts;

    /// Defaults plus the environment: OUTPOST_ISPDB_URL, OUTPOST_EXTRA_CA_FILE,
    /// OUTPOST_DNS_SERVER, and the standard override directories.
    [[nodiscard]] static DiscoveryOptions fromEnvironment();
};

struct DiscoveryStep
{
    qint64 elapsedMs = 0;
    QString text; ///< translated, one line
};

struct DiscoveryResult
{
    AddressParts address;
    QList<Candidate> candidates; ///< ranked, best first
    int chosen = -1;             ///< index into candidates; -1: manual setup needed
    QList<ImapCandidate> imapCandidates; ///< ranked, best first (§9.12)
    int imapChosen = -1;         ///< index into imapCandidates; -1: no IMAP server
    QList<DiscoveryStep> steps;
    /// Every URL fetched and DNS name queried (for "details"; never the password).
    QStringList contacted;
    qint64 elapsedMs = 0;
    bool timedOut = false;
    Error error; ///< set when the address itself is unusable

    [[nodiscard]] const Candidate *chosenCandidate() const
    {
        return chosen >= 0 && chosen < candidates.size() ? &candidates[chosen] : nullptr;
    }
    /// The IMAP server for the Sent copy, or nullptr.
    [[nodiscard]] const ImapCandidate *imap() const
    {
        return imapChosen >= 0 && imapChosen < imapCandidates.size() ? &imapCandidates[imapChosen] : nullptr;
    }
    [[nodiscard]] QJsonObject toJson(bool allowInsecure) const;
};

/**
 * Finds the submission server for an address (docs/design/AUTOCONFIG.md
 * §9): all configuration sources at once (override files, the provider's
 * HTTPS autoconfig, ISPDB, Outpost's provider table, MX-derived lookups, SRV,
 * provider HTTP), a grace window instead of waiting for every slower but
 * more trusted source, guessing with real probes only when nothing was
 * found, then probes of the best candidates (no credentials) and a ranking
 * that says why. The IMAP server for the Sent copy is found alongside
 * (§9.12) and never holds the outgoing server up for long. Asynchronous; progress() reports each step; cancel() stops
 * everything and finished() still follows.
 */
class Discovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Discovery)
public:
    explicit Discovery(DiscoveryOptions options, QObject *parent = nullptr);
    ~Discovery() override;

    void start(const QString &address);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const DiscoveryResult &result() const { return m_result; }

Q_SIGNALS:
    void progress(const Core::Autoconfig::DiscoveryStep &step);
    void finished(const Core::Autoconfig::DiscoveryResult &result);

private:
    struct Lookup;

    void step(const QString &text);
    void startLookups();
    void readOverrideFiles();
    void addBuiltIn(const QString &domain, Source source);
    void fetchConfig(const QUrl &url, Source source, int timeoutMs, const QString &forDomain);
    void lookupMx();
    /// imap: an IMAP service (_imaps, _imap), which never holds the lookups up.
    void lookupSrv(const QString &service, bool imap = false);
    /// Starts the IMAP side once the lookups ended; IMAP SRV answers may follow.
    void startImap();
    /// An IMAP SRV lookup ended (found: what it named).
    void onImapSrv(const QList<ImapCandidate> &found);
    void onMx(const QString &mxHost);
    void addConfig(const QByteArray &xml, Source source, Trust trust, const QString &origin, const QString &forDomain);
    void evaluateLookups();
    void endLookups();
    void startGuessing();
    void startProbes();
    void probeNext();
    void onProbeFinished(Probe *probe, int candidateIndex);
    /// The SMTP side is done: completes now, or after the IMAP side (§9.12).
    void finish();
    void complete();
    /// A lookup is still running whose answer would rank above `st`.
    [[nodiscard]] bool anyRunningAbove(const Standing &st) const;
    [[nodiscard]] bool bestIsSettled() const;
    [[nodiscard]] std::optional<Standing> bestFound() const;
    [[nodiscard]] bool foundLocalFile() const;
    /// includingImap: also the IMAP SRV lookups, which outlive the others (§9.12).
    void abortLookups(bool includingImap);
    void stopProbes();
    [[nodiscard]] bool imapLookupsRunning() const;
    [[nodiscard]] bool imapPending() const;

    DiscoveryOptions m_options;
    DiscoveryResult m_result;
    QNetworkAccessManager *m_nam = nullptr;
    QList<std::shared_ptr<Lookup>> m_lookups;
    QList<QPointer<Probe>> m_probes;
    QElapsedTimer m_clock;
    QTimer m_graceTimer;
    QTimer m_lookupBudget;
    QTimer m_phaseBudget;
    QTimer m_totalBudget;
    QTimer m_guessAccept;
    QTimer m_staggerTimer;
    QTimer m_imapWait; ///< after the SMTP side: timeouts.imapAfterSmtp
    ImapFinder *m_imapFinder = nullptr; ///< a child; one per start()
    QList<ImapCandidate> m_imapFound; ///< what the sources named, in the order they answered
    bool m_imapGuess = true;
    Standing m_graceFor; ///< the best answer the grace window runs for
    QString m_regDomain;
    QString m_mxBase;
    /// WaitingForImap: the outgoing server is settled, the IMAP side is not yet.
    enum class Phase { Idle, Lookups, Guessing, Probing, WaitingForImap, Done } m_phase = Phase::Idle;
    bool m_running = false;
    int m_nextProbe = 0;
    int m_probeSlots = 3;
};

} // namespace Core::Autoconfig

Q_DECLARE_METATYPE(Core::Autoconfig::DiscoveryStep)
Q_DECLARE_METATYPE(Core::Autoconfig::DiscoveryResult)
