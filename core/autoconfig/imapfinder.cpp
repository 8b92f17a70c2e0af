// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/imapfinder.h"

#include "core/autoconfig/imapprobe.h"

#include <QCoreApplication>

namespace Core::Autoconfig {

namespace {

// Found servers probed at most, and at once (§9.12); guesses all at once.
constexpr int MaxFoundProbed = 4;
constexpr int FoundSlots = 2;

} // namespace

ImapFinder::ImapFinder(QString extraCaFile, bool allowInsecure, ProbeTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_extraCaFile(std::move(extraCaFile))
    , m_allowInsecure(allowInsecure)
    , m_timeouts(timeouts)
{
    m_budget.setSingleShot(true);
    m_budget.setTimerType(Qt::PreciseTimer);
    connect(&m_budget, &QTimer::timeout, this, [this] {
        Q_EMIT progress(QCoreApplication::translate("Autoconfig", "The IMAP server tests took too long; going on without them."));
        finish();
    });
}

ImapFinder::~ImapFinder()
{
    for (const QPointer<ImapProbe> &p : std::as_const(m_probes))
        delete p.data();
}

void ImapFinder::rank(QList<ImapCandidate> &candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const ImapCandidate &a, const ImapCandidate &b) {
        return standing(a.source) < standing(b.source);
    });
    QList<ImapCandidate> merged;
    for (const ImapCandidate &c : std::as_const(candidates)) {
        auto it = std::find_if(merged.begin(), merged.end(), [&](const ImapCandidate &m) { return m.sameServer(c); });
        if (it == merged.end()) {
            merged << c;
        } else if (it->source != c.source && !it->alsoFoundBy.contains(sourceName(c.source))) {
            it->alsoFoundBy << sourceName(c.source);
            if (c.server.username.size() && it->server.username.isEmpty())
                it->server.username = c.server.username;
        }
    }
    candidates = merged;
}

void ImapFinder::start(QList<ImapCandidate> found, const QString &emailDomain, bool guess, int budgetMs)
{
    Q_ASSERT(m_state == State::Idle);
    m_state = State::Probing;
    rank(found);
    m_candidates = found;
    m_maxProbed = MaxFoundProbed;
    m_slots = FoundSlots;
    if (m_candidates.isEmpty() && guess) {
        // Nothing published: the usual names, implicit TLS before STARTTLS
        // on each host (RFC 8314), all at once (four sockets).
        Q_EMIT progress(QCoreApplication::translate("Autoconfig", "No IMAP server is published for %1; trying usual server names").arg(emailDomain));
        int order = 0;
        for (const QString &prefix : {QStringLiteral("imap."), QStringLiteral("mail.")}) {
            for (const auto &[port, security] : {std::pair{quint16(993), SmtpSecurity::ImplicitTls}, std::pair{quint16(143), SmtpSecurity::StartTls}}) {
                ImapCandidate c;
                c.server.host = prefix + emailDomain;
                c.server.port = port;
                c.server.security = security;
                c.server.order = order++;
                c.source = Source::Guess;
                c.origin = QStringLiteral("%1:%2").arg(c.server.host).arg(port);
                m_candidates << c;
            }
        }
        m_maxProbed = int(m_candidates.size());
        m_slots = m_maxProbed;
    }
    m_budget.start(budgetMs);
    // Results come from the event loop, never from inside start().
    QMetaObject::invokeMethod(this, &ImapFinder::probeNext, Qt::QueuedConnection);
}

void ImapFinder::cancel()
{
    finish();
}

bool ImapFinder::settled() const
{
    // The first candidate in rank order that has not failed decides.
    for (const ImapCandidate &c : m_candidates) {
        if (c.server.security == SmtpSecurity::None && !m_allowInsecure)
            continue;
        if (c.probe.outcome == ProbeFacts::Outcome::Failed)
            continue;
        return c.probe.outcome >= ProbeFacts::Outcome::Reachable;
    }
    return true; // nothing left that could answer
}

void ImapFinder::probeNext()
{
    if (m_state != State::Probing)
        return;
    if (settled()) {
        finish();
        return;
    }
    int running = 0;
    for (const QPointer<ImapProbe> &p : std::as_const(m_probes))
        running += p ? 1 : 0;
    while (running < m_slots && m_next < m_candidates.size() && m_next < m_maxProbed) {
        const int index = m_next++;
        const ImapCandidate &c = m_candidates[index];
        if (c.server.security == SmtpSecurity::None && !m_allowInsecure)
            continue; // never even probed without the opt-in
        auto *probe = new ImapProbe(c.server, m_extraCaFile, m_timeouts, this);
        m_probes << probe;
        ++running;
        connect(probe, &ImapProbe::finished, this, [this, probe, index] { onProbeFinished(probe, index); });
        Q_EMIT progress(QCoreApplication::translate("Autoconfig", "Trying the IMAP server %1:%2 (%3)…")
                            .arg(c.server.host)
                            .arg(c.server.port)
                            .arg(securityText(c.server.security)));
        probe->start();
    }
    if (running == 0)
        finish();
}

void ImapFinder::onProbeFinished(ImapProbe *probe, int index)
{
    m_probes.removeAll(probe);
    probe->deleteLater();
    if (m_state != State::Probing)
        return;
    const ProbeFacts facts = probe->facts();
    const IncomingServer s = probe->server();
    m_candidates[index].probe = facts;
    if (facts.outcome >= ProbeFacts::Outcome::Reachable)
        Q_EMIT progress(QCoreApplication::translate("Autoconfig", "The IMAP server %1:%2 answered; sign-in methods: %3")
                            .arg(s.host)
                            .arg(s.port)
                            .arg(facts.authMechanisms.isEmpty() ? QStringLiteral("LOGIN") : facts.authMechanisms.join(QLatin1Char(' '))));
    else
        Q_EMIT progress(QCoreApplication::translate("Autoconfig", "The IMAP server %1:%2 failed: %3").arg(s.host).arg(s.port).arg(facts.error.message()));
    probeNext();
}

void ImapFinder::finish()
{
    if (m_state != State::Probing)
        return;
    m_state = State::Done;
    m_budget.stop();
    const QList<QPointer<ImapProbe>> probes = std::exchange(m_probes, {});
    for (const QPointer<ImapProbe> &p : probes) {
        if (p) {
            p->disconnect(this);
            p->deleteLater();
        }
    }
    // Guesses that never answered are noise, not alternatives.
    m_candidates.removeIf([](const ImapCandidate &c) {
        return c.source == Source::Guess && c.probe.outcome == ProbeFacts::Outcome::NotProbed;
    });
    m_chosen = -1;
    for (int i = 0; i < m_candidates.size(); ++i) {
        if (m_candidates[i].selectable(m_allowInsecure)) {
            m_chosen = i;
            break;
        }
    }
    Q_EMIT finished();
}

} // namespace Core::Autoconfig
