// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/autoconfig/imapfinder.h"

#include "core/autoconfig/imapprobe.h"

#include <QCoreApplication>

namespace Core::Autoconfig {

namespace {

// Found servers probed at most, and at once (§9.12); guesses all at once.
constexpr int MaxFoundProbed = 4;
constexpr int FoundSlots = 2;

bool sameServer(const IncomingServer &a, const IncomingServer &b)
{
    return a.host == b.host && a.port == b.port && a.security == b.security;
}

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

void ImapFinder::start(QList<ImapCandidate> found, const QString &emailDomain, bool guess, int budgetMs,
                       std::optional<Source> stillLooking)
{
    Q_ASSERT(m_state == State::Idle);
    m_state = State::Probing;
    rank(found);
    m_candidates = found;
    m_emailDomain = emailDomain;
    m_guess = guess;
    m_stillLooking = stillLooking;
    m_maxProbed = MaxFoundProbed;
    m_slots = FoundSlots;
    if (!m_stillLooking)
        addGuesses();
    m_budget.start(budgetMs);
    // Results come from the event loop, never from inside start().
    QMetaObject::invokeMethod(this, &ImapFinder::probeNext, Qt::QueuedConnection);
}

void ImapFinder::add(const QList<ImapCandidate> &more)
{
    if (m_state != State::Probing || more.isEmpty())
        return;
    QList<ImapCandidate> all = m_candidates + more;
    rank(all);
    // What was probed or noted before stays with its server, wherever the
    // new answers put it in the ranking.
    for (ImapCandidate &c : all) {
        const auto old = std::find_if(m_candidates.cbegin(), m_candidates.cend(), [&c](const ImapCandidate &o) { return o.sameServer(c); });
        if (old == m_candidates.cend())
            continue;
        c.probe = old->probe;
        for (const QString &name : old->alsoFoundBy) {
            if (name != sourceName(c.source) && !c.alsoFoundBy.contains(name))
                c.alsoFoundBy << name;
        }
        if (old->source != c.source && !c.alsoFoundBy.contains(sourceName(old->source)))
            c.alsoFoundBy << sourceName(old->source);
    }
    m_candidates = all;
    QMetaObject::invokeMethod(this, &ImapFinder::probeNext, Qt::QueuedConnection);
}

void ImapFinder::sourcesDone()
{
    if (m_state != State::Probing || !m_stillLooking)
        return;
    m_stillLooking.reset();
    addGuesses();
    QMetaObject::invokeMethod(this, &ImapFinder::probeNext, Qt::QueuedConnection);
}

void ImapFinder::addGuesses()
{
    if (!m_candidates.isEmpty() || !m_guess)
        return;
    m_guess = false;
    // Nothing published: the usual names, implicit TLS before STARTTLS
    // on each host (RFC 8314), all at once (four sockets).
    Q_EMIT progress(QCoreApplication::translate("Autoconfig", "No IMAP server is published for %1; trying usual server names").arg(m_emailDomain));
    int order = 0;
    for (const QString &prefix : {QStringLiteral("imap."), QStringLiteral("mail.")}) {
        for (const auto &[port, security] : {std::pair{quint16(993), SmtpSecurity::ImplicitTls}, std::pair{quint16(143), SmtpSecurity::StartTls}}) {
            ImapCandidate c;
            c.server.host = prefix + m_emailDomain;
            c.server.port = port;
            c.server.security = security;
            c.server.order = order++;
            c.source = Source::Guess;
            c.origin = QStringLiteral("%1:%2").arg(c.server.host).arg(port);
            m_candidates << c;
        }
    }
    m_maxProbed = m_started + int(m_candidates.size());
    m_slots = int(m_candidates.size());
}

void ImapFinder::cancel()
{
    finish();
}

bool ImapFinder::settled() const
{
    // The first candidate in rank order that has not failed decides, unless
    // the source still looking could name one that ranks above it.
    for (const ImapCandidate &c : m_candidates) {
        if (c.server.security == SmtpSecurity::None && !m_allowInsecure)
            continue;
        if (c.probe.outcome == ProbeFacts::Outcome::Failed)
            continue;
        if (c.probe.outcome < ProbeFacts::Outcome::Reachable)
            return false;
        return !m_stillLooking || standing(c.source) < standing(*m_stillLooking);
    }
    return !m_stillLooking; // nothing left that could answer
}

bool ImapFinder::beingProbed(const ImapCandidate &c) const
{
    return std::any_of(m_probes.cbegin(), m_probes.cend(), [&c](const QPointer<ImapProbe> &p) { return p && sameServer(p->server(), c.server); });
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
    for (const ImapCandidate &c : std::as_const(m_candidates)) {
        if (running >= m_slots || m_started >= m_maxProbed)
            break;
        if (c.server.security == SmtpSecurity::None && !m_allowInsecure)
            continue; // never even probed without the opt-in
        if (c.probe.outcome != ProbeFacts::Outcome::NotProbed || beingProbed(c))
            continue;
        auto *probe = new ImapProbe(c.server, m_extraCaFile, m_timeouts, this);
        m_probes << probe;
        ++running;
        ++m_started;
        connect(probe, &ImapProbe::finished, this, [this, probe] { onProbeFinished(probe); });
        Q_EMIT progress(QCoreApplication::translate("Autoconfig", "Trying the IMAP server %1:%2 (%3)…")
                            .arg(c.server.host)
                            .arg(c.server.port)
                            .arg(securityText(c.server.security)));
        probe->start();
    }
    // With a source still looking, its answers (or its end) go on from here.
    if (running == 0 && !m_stillLooking)
        finish();
}

void ImapFinder::onProbeFinished(ImapProbe *probe)
{
    m_probes.removeAll(probe);
    probe->deleteLater();
    if (m_state != State::Probing)
        return;
    const ProbeFacts facts = probe->facts();
    const IncomingServer s = probe->server();
    const auto it = std::find_if(m_candidates.begin(), m_candidates.end(), [&s](const ImapCandidate &c) { return sameServer(c.server, s); });
    if (it != m_candidates.end())
        it->probe = facts;
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
